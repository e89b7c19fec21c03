//! The top bar: app name, search, undo/redo, the views, re-annotate and the export menu.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::ExportMenu;
use crate::session::{Action, DocData, View};
use crate::web::dom;
use crate::Label;
use std::rc::Rc;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The open document.
    pub doc: Option<Rc<DocData>>,
    /// Every document (for "export all").
    pub docs: Rc<Vec<Rc<DocData>>>,
    /// Labels (exports carry them).
    pub labels: Rc<Vec<Label>>,
    /// The decisions on the comparison (an export of every document carries them).
    pub decisions: Rc<Vec<crate::compare::Decision>>,
    /// What the main area shows.
    pub view: View,
    /// Whether undo has anything.
    pub can_undo: bool,
    /// Whether redo has anything.
    pub can_redo: bool,
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// Brings a code point into view.
    pub on_reveal: Callback<usize>,
}

/// The top bar.
#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let query = use_state(String::new);
    let hit = use_state(|| (0usize, 0usize)); // (index of the current hit, number of hits)
    let doc = p.doc.clone();

    let find = {
        let query = query.clone();
        let hit = hit.clone();
        let doc = doc.clone();
        let reveal = p.on_reveal.clone();
        move |q: &str, step: isize| {
            let Some(d) = &doc else { return };
            if q.is_empty() {
                hit.set((0, 0));
                return;
            }
            let lower = d.text.to_lowercase();
            let needle = q.to_lowercase();
            // Lower-casing can change lengths; only search when it does not.
            let hay: &str = if lower.len() == d.text.len() { &lower } else { &d.text };
            let hits: Vec<usize> = hay.match_indices(needle.as_str()).map(|(b, _)| b).collect();
            if hits.is_empty() {
                hit.set((0, 0));
                return;
            }
            let cur = if step == 0 { 0 } else { ((hit.0 as isize + step).rem_euclid(hits.len() as isize)) as usize };
            hit.set((cur, hits.len()));
            let b = hits[cur];
            let (Some(s), Some(e)) = (d.map.byte_to_char(b), d.map.byte_to_char(b + needle.len())) else { return };
            reveal.emit(s);
            // Select the hit once its block is on screen, so a label key can tag it.
            dom::select_when_rendered(d.clone(), s, e, 50);
            let _ = &query;
        }
    };
    let oninput = {
        let query = query.clone();
        let find = find.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            find(&v, 0);
            query.set(v);
        })
    };
    let onkeydown = {
        let query = query.clone();
        let find = find.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                find(&query, if e.shift_key() { -1 } else { 1 });
            } else if e.key() == "Escape" {
                if let Some(t) = dom::document().get_element_by_id("text-view") {
                    let _ = t.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        })
    };
    let has_doc = doc.is_some();
    // Long texts are annotated again in slices, like a long paste, so the page stays responsive.
    let reannotate = {
        let dispatch = p.dispatch.clone();
        let doc = doc.clone();
        Callback::from(move |_| {
            if let Some(d) = &doc {
                super::app::reannotate(d, &dispatch);
            }
        })
    };
    html! {
        <header class="topbar">
            <div class="brand" aria-label="sift">{"sift"}<span class="tag">{"annotate news text"}</span></div>
            <div class="search" role="search">
                <input id="search" type="search" placeholder="Search in text (Enter: next)" aria-label="Search in the text"
                    value={(*query).clone()} {oninput} {onkeydown} disabled={!has_doc} />
                if hit.1 > 0 { <span class="hits" aria-live="polite">{ format!("{}/{}", hit.0 + 1, hit.1) }</span> }
                else if !query.is_empty() { <span class="hits" aria-live="polite">{"no match"}</span> }
            </div>
            <div class="actions">
                <button class="btn" aria-label="Undo (Ctrl+Z)" title="Undo (Ctrl+Z)" disabled={!p.can_undo}
                    onclick={p.dispatch.reform(|_| Action::Undo)}>{"↶ Undo"}</button>
                <button class="btn" aria-label="Redo (Ctrl+Shift+Z)" title="Redo (Ctrl+Shift+Z or Ctrl+Y)" disabled={!p.can_redo}
                    onclick={p.dispatch.reform(|_| Action::Redo)}>{"↷ Redo"}</button>
                <button class="btn" id="compare-toggle" aria-pressed={(p.view == View::Compare).to_string()}
                    title="The open documents side by side: figures, shared passages, sources"
                    disabled={p.docs.len() < 2 && p.view != View::Compare}
                    onclick={p.dispatch.reform({
                        let v = p.view;
                        move |_| Action::ShowView(if v == View::Compare { View::Annotate } else { View::Compare })
                    })}>{ if p.view == View::Compare { "Back to document" } else { "Compare" } }</button>
                <button class="btn" id="agree-toggle" aria-pressed={(p.view == View::Agree).to_string()}
                    title="Agreement with other annotators' exports of these documents, and adjudication"
                    onclick={p.dispatch.reform({
                        let v = p.view;
                        move |_| Action::ShowView(if v == View::Agree { View::Annotate } else { View::Agree })
                    })}>{ if p.view == View::Agree { "Back to document" } else { "Agreement" } }</button>
                <button class="btn" aria-label="Re-annotate this document" title="Run the detectors again; review decisions are kept"
                    disabled={!has_doc} onclick={reannotate}>{"Re-annotate"}</button>
                <ExportMenu doc={doc.clone()} docs={p.docs.clone()} labels={p.labels.clone()}
                    decisions={p.decisions.clone()} dispatch={p.dispatch.clone()} />
            </div>
        </header>
    }
}
