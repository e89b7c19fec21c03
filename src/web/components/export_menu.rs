//! The export menu: every format for this document or all of them, with the choices that shape the file
//! (accepted work only, or everything with its review status; CoNLL's one layer).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::formats::{Format, WriteOptions};
use crate::session::files::{download_stem, Export};
use crate::session::{Action, DocData};
use crate::web::dom;
use crate::{Label, Scope};
use std::rc::Rc;

/// Props of [`ExportMenu`].
#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    /// The open document.
    pub doc: Option<Rc<DocData>>,
    /// Every document (for "all documents").
    pub docs: Rc<Vec<Rc<DocData>>>,
    /// Every label, of spans, relations and documents (exports carry them).
    pub labels: Rc<Vec<Label>>,
    /// The decisions on the comparison (an export of every document carries them).
    pub decisions: Rc<Vec<crate::compare::Decision>>,
    /// Where notices go.
    pub dispatch: Callback<Action>,
}

/// The export menu.
#[function_component(ExportMenu)]
pub fn export_menu(p: &ExportMenuProps) -> Html {
    // Training data wants reviewed work: accepted only unless the user asks for everything.
    let accepted_only = use_state(|| true);
    // CoNLL writes one flat layer; empty means every label (nested spans then give way to their container).
    let conll_layer = use_state(String::new);
    let export = {
        let (all_docs, open, labels, decisions) =
            (p.docs.clone(), p.doc.clone(), p.labels.clone(), p.decisions.clone());
        let dispatch = p.dispatch.clone();
        let (accepted_only, conll_layer) = (*accepted_only, (*conll_layer).clone());
        move |fmt: Export, all: bool| {
            let docs: Vec<crate::Document> = if all {
                all_docs.iter().map(|d| d.to_document()).collect()
            } else {
                open.iter().map(|d| d.to_document()).collect()
            };
            if docs.is_empty() {
                return;
            }
            let stem = if all { "sift-all".to_string() } else { download_stem(&docs[0].name) };
            // The comparison's decisions are about the whole list: they go with an export of every document.
            let decided: &[crate::compare::Decision] = if all { &decisions } else { &[] };
            let mut options = if conll_layer.is_empty() {
                WriteOptions::default()
            } else {
                WriteOptions::layer([conll_layer.clone()])
            };
            // `render` applies the choice only where it belongs (not to the app's own record).
            options.accepted_only = accepted_only;
            match fmt.render(&stem, &docs, &labels, decided, &options) {
                Ok(((name, mime, content), notice)) => {
                    dom::download(&name, mime, &content);
                    if let Some(n) = notice {
                        dispatch.emit(Action::Notice(n));
                    }
                }
                Err(e) => {
                    dispatch.emit(Action::Notice(e.to_string()));
                    return;
                }
            }
            if let Some(m) = dom::document().query_selector("details.menu").ok().flatten() {
                let _ = m.remove_attribute("open");
            }
        }
    };
    let has_doc = p.doc.is_some();
    let keep = |value: bool| {
        let accepted_only = accepted_only.clone();
        Callback::from(move |e: Event| {
            if e.target_unchecked_into::<HtmlInputElement>().checked() {
                accepted_only.set(value);
            }
        })
    };
    let on_layer = {
        let conll_layer = conll_layer.clone();
        Callback::from(move |e: Event| conll_layer.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let span_labels: Vec<String> = p.labels.iter().filter(|l| l.scope == Scope::Span).map(|l| l.name.clone()).collect();
    html! {
        <details class="menu">
            <summary class="btn primary" aria-label="Export">{"Export ▾"}</summary>
            <div class="menu-body">
                <fieldset class="menu-group menu-choice">
                    <legend class="menu-title">{"Spans, relations and document labels"}</legend>
                    <label><input type="radio" name="export-keep" checked={*accepted_only} onchange={keep(true)} />
                        {"Accepted only (training data)"}</label>
                    <label><input type="radio" name="export-keep" checked={!*accepted_only} onchange={keep(false)} />
                        {"Everything, with review status"}</label>
                </fieldset>
                { for Export::all().into_iter().map(|f| {
                    let e1 = export.clone();
                    let e2 = export.clone();
                    html! {
                        <div class="menu-group">
                            <div class="menu-title">{ f.title() }
                                if f.keeps_everything() { <span class="muted small">{" — all work, with review status"}</span> }
                            </div>
                            if f == Export::Format(Format::Conll) {
                                <select class="small" aria-label="CoNLL layer" onchange={on_layer.clone()}>
                                    <option value="" selected={conll_layer.is_empty()}>{"Every label"}</option>
                                    { for span_labels.iter().map(|l| html! {
                                        <option value={l.clone()} selected={*conll_layer == *l}>{ l.clone() }</option>
                                    }) }
                                </select>
                            }
                            <button class="btn small" disabled={!has_doc}
                                aria-label={format!("Export this document as {}", f.title())}
                                onclick={Callback::from(move |_| e1(f, false))}>{"This document"}</button>
                            <button class="btn small" disabled={!has_doc}
                                aria-label={format!("Export all documents as {}", f.title())}
                                onclick={Callback::from(move |_| e2(f, true))}>{"All documents"}</button>
                        </div>
                    }
                }) }
            </div>
        </details>
    }
}
