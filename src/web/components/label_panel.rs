//! Layers and labels: show/hide each label, add, rename, recolour, set keys, delete; for a built-in label, whether
//! its detector is on (deleting the label switches it off; a switched-off one keeps a row to switch it on).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::text_view::{is_hex_color, label_class};
use crate::session::{Action, Detectors, DocData, OnDelete, DETECTED};
use crate::Label;
use std::collections::HashSet;
use std::rc::Rc;

/// Props of [`LabelPanel`].
#[derive(Properties, PartialEq)]
pub struct LabelPanelProps {
    /// Labels, in palette order.
    pub labels: Rc<Vec<Label>>,
    /// Labels whose spans are hidden.
    pub hidden: Rc<HashSet<String>>,
    /// The open document (counts per label).
    pub doc: Option<Rc<DocData>>,
    /// Every document (how many spans a label deletion touches).
    pub docs: Rc<Vec<Rc<DocData>>>,
    /// Which built-in detectors are on.
    pub detectors: Detectors,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The label panel.
#[function_component(LabelPanel)]
pub fn label_panel(p: &LabelPanelProps) -> Html {
    let editing = use_state(|| None::<String>);
    let deleting = use_state(|| None::<String>);
    let new_name = use_state(String::new);
    let edit_ref = use_node_ref();
    {
        let edit_ref = edit_ref.clone();
        use_effect_with(((*editing).clone(), (*deleting).clone()), move |_| {
            if let Some(el) = edit_ref.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let counts = p.doc.as_ref().map(|d| d.counts()).unwrap_or_default();
    let add = {
        let new_name = new_name.clone();
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = new_name.trim().to_string();
            if name.is_empty() {
                return;
            }
            dispatch.emit(Action::AddLabelNamed(name));
            new_name.set(String::new());
        })
    };
    let rows = p.labels.iter().map(|l| {
        let hidden = p.hidden.contains(&l.name);
        let n = counts.iter().find(|(x, _)| *x == l.name).map_or(0, |c| c.1);
        let name = l.name.clone();
        let (n1, n2, n3) = (name.clone(), name.clone(), name.clone());
        let ed = editing.clone();
        let del = deleting.clone();
        let edit_row = if editing.as_deref() == Some(l.name.as_str()) {
            let old = l.name.clone();
            let dispatch = p.dispatch.clone();
            let ed = editing.clone();
            let onsubmit = Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let form: web_sys::HtmlFormElement = e.target_unchecked_into();
                let get = |n: &str| {
                    form.query_selector(&format!("[name={n}]")).ok().flatten()
                        .map(|el| wasm_bindgen::JsCast::unchecked_into::<HtmlInputElement>(el).value()).unwrap_or_default()
                };
                let color = get("color");
                let key = get("key");
                let key = key.trim().chars().next().filter(|c| ('1'..='9').contains(c)).map(|c| c.to_string());
                let color = if is_hex_color(&color) { color } else { "#009e73".into() };
                dispatch.emit(Action::UpdateLabel(old.clone(), Label::new(get("name"), color, key)));
                ed.set(None);
            });
            let ed2 = editing.clone();
            html! {
                <form class="label-edit" {onsubmit} aria-label={format!("Edit label {}", l.name)}>
                    <input name="name" ref={edit_ref.clone()} aria-label="Label name" value={l.name.clone()} required=true />
                    <input name="color" type="color" aria-label="Label colour" value={l.color.clone()} />
                    <input name="key" class="key-input" aria-label="Shortcut key (1-9)" maxlength="1" value={l.key.clone().unwrap_or_default()} />
                    <button class="btn small primary" type="submit">{"Save"}</button>
                    <button class="btn small" type="button" onclick={Callback::from(move |_| ed2.set(None))}>{"Cancel"}</button>
                </form>
            }
        } else { html! {} };
        let delete_row = if deleting.as_deref() == Some(l.name.as_str()) {
            let others: Vec<String> = p.labels.iter().filter(|x| x.name != l.name).map(|x| x.name.clone()).collect();
            let dispatch = p.dispatch.clone();
            let del2 = deleting.clone();
            let old = l.name.clone();
            let total: usize = p.docs.iter().map(|d| d.spans.iter().filter(|x| x.label == l.name).count()).sum();
            let onsubmit = Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let form: web_sys::HtmlFormElement = e.target_unchecked_into();
                let choice = form.query_selector("select").ok().flatten()
                    .map(|el| wasm_bindgen::JsCast::unchecked_into::<HtmlSelectElement>(el).value()).unwrap_or_default();
                let then = if choice.is_empty() { OnDelete::DeleteSpans } else { OnDelete::Relabel(choice) };
                dispatch.emit(Action::DeleteLabel(old.clone(), then));
                del2.set(None);
            });
            let del3 = deleting.clone();
            html! {
                <form class="label-delete" role="alertdialog" aria-label={format!("Delete label {}", l.name)} {onsubmit}>
                    <p>{"Delete “"}<span class="lname">{ l.name.clone() }</span>{ format!("”? It has {total} span(s) in all documents.") }</p>
                    <label>{"Its spans: "}
                        <select ref={edit_ref.clone()} aria-label="What happens to its spans">
                            <option value="" selected=true>{"delete them"}</option>
                            { for others.iter().map(|o| html! { <option value={o.clone()}>{ format!("relabel as {o}") }</option> }) }
                        </select>
                    </label>
                    <button class="btn small danger" type="submit">{"Delete label"}</button>
                    <button class="btn small" type="button" onclick={Callback::from(move |_| del3.set(None))}>{"Cancel"}</button>
                </form>
            }
        } else { html! {} };
        html! {
            <li class="label-row" key={l.name.clone()}>
                <div class="label-line">
                    <input type="checkbox" checked={!hidden} id={format!("show-{}", l.name)}
                        aria-label={format!("Show {}", l.name)} onchange={p.dispatch.reform(move |_| Action::ToggleLayer(n1.clone()))} />
                    <span class={classes!("swatch", label_class(&l.name))} style={format!("--c:{}", if is_hex_color(&l.color) { l.color.as_str() } else { "#888" })} aria-hidden="true"></span>
                    <label class="label-name" for={format!("show-{}", l.name)} title={l.name.clone()}>{ l.name.clone() }</label>
                    if let Some(k) = &l.key { <kbd title="Shortcut key">{ k.clone() }</kbd> }
                    <span class="label-count" title="spans in this document">{ n }</span>
                    { detector_state(&l.name, p.detectors, &p.dispatch) }
                    <button class="icon" aria-label={format!("Edit label {}", l.name)} title="Rename, recolour, set key"
                        onclick={Callback::from(move |_| ed.set(Some(n2.clone())))}>{"✎"}</button>
                    <button class="icon danger" aria-label={format!("Delete label {}", l.name)} title="Delete label"
                        onclick={Callback::from(move |_| del.set(Some(n3.clone())))}>{"✕"}</button>
                </div>
                { edit_row }
                { delete_row }
            </li>
        }
    });
    // Built-in labels deleted, their detectors off: a row each, to switch them on again.
    let off_rows = DETECTED
        .into_iter()
        .filter(|n| p.detectors.is_on(n) == Some(false) && p.labels.iter().all(|l| l.name != *n))
        .map(|name| {
            html! {
                <li class="label-row off" key={format!("off-{name}")}>
                    <div class="label-line">
                        <span class={classes!("swatch", label_class(name))} aria-hidden="true"></span>
                        <span class="label-name" title={name}>{ name }</span>
                        { detector_state(name, p.detectors, &p.dispatch) }
                    </div>
                </li>
            }
        });
    let oninput = {
        let new_name = new_name.clone();
        Callback::from(move |e: InputEvent| new_name.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    html! {
        <section class="panel labels" aria-labelledby="labels-h">
            <div class="panel-head"><h2 id="labels-h">{"Layers & labels"}</h2></div>
            <ul class="label-list">{ for rows }{ for off_rows }</ul>
            <form class="row" onsubmit={add}>
                <input class="grow" aria-label="New label name" placeholder="New label…" value={(*new_name).clone()} {oninput} />
                <button class="btn small" type="submit" aria-label="Add label">{"Add"}</button>
            </form>
        </section>
    }
}

/// Whether the detector of built-in label `name` is on, shown next to it: "auto" when it is; "detector off" and
/// a button to switch it on (which also brings the label back) when it is not. Nothing for other labels.
fn detector_state(name: &str, detectors: Detectors, dispatch: &Callback<Action>) -> Html {
    match detectors.is_on(name) {
        Some(true) => html! {
            <span class="detector on" title={format!("The {name} detector suggests spans; delete the label to switch it off")}>
                {"auto"}
            </span>
        },
        Some(false) => {
            let n = name.to_string();
            html! {
                <>
                    <span class="detector off">{"detector off"}</span>
                    <button class="btn tiny" title={format!("Switch the {name} detector on again")}
                        onclick={dispatch.reform(move |_| Action::Detector(n.clone(), true))}>
                        {"Switch on"}<span class="vh">{ format!(" the {name} detector") }</span>
                    </button>
                </>
            }
        }
        None => html! {},
    }
}
