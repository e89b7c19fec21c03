//! The documents in the sidebar: open, rename, reorder, delete, with counts per label (coloured like their layers,
//! named in words on hover and for screen readers, explained by a legend under the list).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::text_view::label_class;
use crate::session::{count_words, counts_summary, Action, Detectors, DocData};
use std::rc::Rc;

/// Where the focus goes when a document's row is deleted under it.
const AFTER_DELETE: &[&str] = &[".doc.current .doc-open", ".doc-open", "#intake-text"];

/// Props of [`DocList`].
#[derive(Properties, PartialEq)]
pub struct DocListProps {
    /// The documents, in order.
    pub docs: Rc<Vec<Rc<DocData>>>,
    /// The open document's id.
    pub current: Option<String>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// Opens the new-document panel.
    pub on_new: Callback<()>,
    /// The detectors that annotate opened text files.
    pub detectors: Detectors,
}

/// The document list.
#[function_component(DocList)]
pub fn doc_list(p: &DocListProps) -> Html {
    let editing = use_state(|| None::<String>);
    let file_ref = use_node_ref();
    let rename_ref = use_node_ref();
    // Focus the name field when renaming starts (autofocus does not apply to fields added later).
    {
        let rename_ref = rename_ref.clone();
        use_effect_with((*editing).clone(), move |e| {
            if e.is_some() {
                if let Some(i) = rename_ref.cast::<HtmlInputElement>() {
                    let _ = i.focus();
                    i.select();
                }
            }
        });
    }
    let open_click = {
        let file_ref = file_ref.clone();
        Callback::from(move |_| {
            if let Some(i) = file_ref.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    let onchange = {
        let (dispatch, detectors) = (p.dispatch.clone(), p.detectors);
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                super::app::open_files(files, detectors, dispatch.clone());
            }
            input.set_value("");
        })
    };
    let items = p.docs.iter().enumerate().map(|(i, d)| {
        let current = p.current.as_deref() == Some(d.id.as_str());
        let id = d.id.clone();
        let counts = d.counts();
        let name_el = if editing.as_deref() == Some(d.id.as_str()) {
            let (id1, id2) = (id.clone(), id.clone());
            let (ed1, ed2) = (editing.clone(), editing.clone());
            let (d1, d2) = (p.dispatch.clone(), p.dispatch.clone());
            html! {
                <input class="rename" ref={rename_ref.clone()} aria-label="New document name" value={d.name.clone()}
                    onkeydown={Callback::from(move |e: KeyboardEvent| {
                        if e.key() == "Enter" {
                            let v = e.target_unchecked_into::<HtmlInputElement>().value();
                            d1.emit(Action::Rename(id1.clone(), v));
                            ed1.set(None);
                        } else if e.key() == "Escape" { ed1.set(None); }
                    })}
                    onblur={Callback::from(move |e: FocusEvent| {
                        let v = e.target_unchecked_into::<HtmlInputElement>().value();
                        d2.emit(Action::Rename(id2.clone(), v));
                        ed2.set(None);
                    })} />
            }
        } else {
            let id = id.clone();
            let summary = counts_summary(&counts);
            html! {
                <button class="doc-open" aria-current={current.then_some("true")} title={format!("Open {}", d.name)}
                    onclick={p.dispatch.reform(move |_| Action::Open(id.clone()))}>
                    <span class="doc-name">{ d.name.clone() }</span>
                    <span class="counts" role="img" aria-label={summary.clone()} title={summary}>
                        { for counts.iter().map(|(l, n)| html! {
                            <span class={classes!("count", label_class(l))} title={count_words(l, *n)}>{ n.to_string() }</span>
                        }) }
                        if counts.is_empty() { <span class="count">{"no spans"}</span> }
                    </span>
                </button>
            }
        };
        let (idr, idu, idd, idx) = (id.clone(), id.clone(), id.clone(), id.clone());
        let ed = editing.clone();
        html! {
            <li class={classes!("doc", current.then_some("current"))} key={d.id.clone()}>
                { name_el }
                <div class="doc-actions">
                    <button class="icon" aria-label={format!("Rename {}", d.name)} title="Rename"
                        onclick={Callback::from(move |_| ed.set(Some(idr.clone())))}>{"✎"}</button>
                    <button class="icon" aria-label={format!("Move {} up", d.name)} title="Move up" disabled={i == 0}
                        onclick={p.dispatch.reform(move |_| Action::MoveDoc(idu.clone(), -1))}>{"▲"}</button>
                    <button class="icon" aria-label={format!("Move {} down", d.name)} title="Move down" disabled={i + 1 == p.docs.len()}
                        onclick={p.dispatch.reform(move |_| Action::MoveDoc(idd.clone(), 1))}>{"▼"}</button>
                    <button class="icon danger" aria-label={format!("Delete {}", d.name)} title="Delete (undo with Ctrl+Z)"
                        onclick={p.dispatch.reform(move |_| {
                            // The row goes: the focus moves to the document opened instead.
                            crate::web::focus::settle(vec![], AFTER_DELETE);
                            Action::DeleteDoc(idx.clone())
                        })}>{"✕"}</button>
                </div>
            </li>
        }
    });
    html! {
        <section class="panel docs" aria-labelledby="docs-h">
            <div class="panel-head">
                <h2 id="docs-h">{ format!("Documents ({})", p.docs.len()) }</h2>
            </div>
            <div class="row">
                <button class="btn small" aria-label="New document: paste or type text" onclick={p.on_new.reform(|_| ())}>{"+ New"}</button>
                <button class="btn small" aria-label="Open files (text, HTML, or annotations: sift, doccano, Label Studio, spaCy, brat, W3C, CoNLL)" onclick={open_click}>{"Open files…"}</button>
                <input ref={file_ref} id="file-input" type="file" multiple=true hidden=true aria-label="Files to open"
                    accept=".txt,.md,.markdown,.html,.htm,.json,.jsonl,.jsonld,.ann,.conll,.xml,text/plain,text/html,application/json" {onchange} />
            </div>
            <ul class="doc-list">{ for items }</ul>
            if !p.docs.is_empty() {
                <p class="counts-legend">
                    <span>{"Counts:"}</span>
                    <span class="count bp">{"boilerplate"}</span>
                    <span class="count cl">{"claims"}</span>
                    <span class="count nu">{"numbers"}</span>
                    <span class="count cu">{"other labels"}</span>
                    <span>{"(rejected ones left out)"}</span>
                </p>
            }
        </section>
    }
}
