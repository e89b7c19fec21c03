//! A span's attributes, editable: a claim's source, cue, verdict and evidence, a number's kind and value, and
//! any attribute the user adds. A value is saved when its field changes (Enter or leaving it), each one undo
//! step. A scored claim's check-worthiness (read-only) is told above them: a percentage and what moved it most.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::session::{attr_rows, attr_value, worth_told, Action, AttrKind};
use crate::{Span, Verdict};

/// Props of [`AttrEditor`].
#[derive(Properties, PartialEq)]
pub struct AttrEditorProps {
    /// The span whose attributes these are.
    pub span: Span,
    /// The span's text (its check-worthiness is explained from it).
    pub text: AttrValue,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The attribute editor.
#[function_component(AttrEditor)]
pub fn attr_editor(p: &AttrEditorProps) -> Html {
    let new_key = use_node_ref();
    let new_value = use_node_ref();
    let rows = attr_rows(&p.span).into_iter().map(|(key, text, kind)| {
        let field_key = format!("{}\u{1f}{key}", p.span.id);
        let old = p.span.attrs.get(&key).cloned();
        let label = format!("Attribute {key}");
        let input = match kind {
            AttrKind::Fixed => html! { <output aria-label={label}>{ text }</output> },
            AttrKind::Verdict => {
                let (dispatch, k) = (p.dispatch.clone(), key.clone());
                let id = p.span.id.clone();
                let onchange = Callback::from(move |e: Event| {
                    let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                    let value = (!v.is_empty()).then(|| v.into());
                    dispatch.emit(Action::SetAttr { id: id.clone(), key: k.clone(), value });
                });
                html! {
                    <select key={field_key} aria-label={label} {onchange}>
                        <option value="" selected={text.is_empty()}>{"— no verdict —"}</option>
                        { for Verdict::ALL.iter().map(|v| html! {
                            <option value={v.name()} selected={text == v.name()}>{ v.name() }</option>
                        }) }
                    </select>
                }
            }
            AttrKind::Text => {
                let (dispatch, k) = (p.dispatch.clone(), key.clone());
                let id = p.span.id.clone();
                let onchange = Callback::from(move |e: Event| {
                    let typed = e.target_unchecked_into::<HtmlInputElement>().value();
                    dispatch.emit(Action::SetAttr { id: id.clone(), key: k.clone(), value: attr_value(old.as_ref(), &typed) });
                });
                html! { <input key={field_key} type="text" aria-label={label} value={text} maxlength="2000" {onchange} /> }
            }
        };
        html! { <><dt>{ key }</dt><dd>{ input }</dd></> }
    });
    let add = {
        let (dispatch, new_key, new_value) = (p.dispatch.clone(), new_key.clone(), new_value.clone());
        let id = p.span.id.clone();
        move || {
            let (Some(k), Some(v)) = (new_key.cast::<HtmlInputElement>(), new_value.cast::<HtmlInputElement>()) else {
                return;
            };
            if k.value().trim().is_empty() || v.value().trim().is_empty() {
                return;
            }
            dispatch.emit(Action::SetAttr { id: id.clone(), key: k.value(), value: attr_value(None, &v.value()) });
            k.set_value("");
            v.set_value("");
            let _ = k.focus();
        }
    };
    let on_enter = {
        let add = add.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                add();
            }
        })
    };
    html! {
        <div class="attr-edit">
            { worth_box(&p.span, &p.text) }
            <dl class="attrs">{ for rows }</dl>
            <div class="row">
                <input ref={new_key} class="attr-new" type="text" aria-label="New attribute name" placeholder="attribute"
                    maxlength="80" onkeydown={on_enter.clone()} />
                <input ref={new_value} class="attr-new" type="text" aria-label="New attribute value" placeholder="value"
                    maxlength="2000" onkeydown={on_enter} />
                <button class="btn small" onclick={Callback::from(move |_| add())}>{"Add attribute"}</button>
            </div>
        </div>
    }
}

/// A scored claim's check-worthiness as a percentage and the reasons for it (nothing for a span without a
/// score). Reasons are text, never markup: a quoted word comes from the article.
fn worth_box(span: &Span, text: &str) -> Html {
    let Some((pct, reasons)) = worth_told(span, text) else { return html! {} };
    let items = reasons.into_iter().map(|(raises, name)| {
        let (class, arrow, word) = if raises { ("up", "▲", "raises") } else { ("down", "▼", "lowers") };
        html! { <li class={class}><span aria-hidden="true">{ arrow }</span>{ format!(" {word} ") }<span class="reason">{ name }</span></li> }
    });
    html! {
        <div class="worth-box" role="group" aria-labelledby="worth-h">
            <p id="worth-h" class="worth-pct">{ pct }</p>
            <ul class="worth-why" aria-label="What moved the score most">{ for items }</ul>
        </div>
    }
}
