//! The top bar: app name, search over every open document, undo/redo, the views, re-annotate, the export
//! menu, the colour theme and the keyboard shortcuts.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::keys::with_press;
use super::{ExportMenu, ThemeSwitch};
use crate::session::shortcuts::{command, Command, Where};
use crate::session::{search_status, search_step, Action, DocData, Folded, View, MAX_HITS};
use crate::web::{dom, highlight};
use crate::Label;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
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
    /// Opens the keyboard shortcut overlay.
    pub on_help: Callback<()>,
    /// The detectors that re-annotate the document.
    pub detectors: crate::session::Detectors,
    /// More controls after "Re-annotate" (the precise model's, in the bundle that has it).
    #[prop_or_default]
    pub children: Html,
}

/// Folded texts kept between searches, by document id (folded again when a text changes).
type FoldCache = HashMap<String, (Rc<str>, Rc<Folded>)>;

/// Hits of one document (code points, in order).
type Hits = Rc<Vec<Range<usize>>>;

/// The hits of `query` in every document, in sidebar order.
fn hits_in(docs: &[Rc<DocData>], query: &str, cache: &RefCell<FoldCache>) -> Vec<Hits> {
    let mut cache = cache.borrow_mut();
    let ids: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    cache.retain(|id, _| ids.contains(id.as_str()));
    docs.iter()
        .map(|d| {
            if query.is_empty() {
                return Hits::default();
            }
            let entry = cache.entry(d.id.clone()).or_insert_with(|| (d.text.clone(), Rc::new(Folded::new(&d.text))));
            if !Rc::ptr_eq(&entry.0, &d.text) {
                *entry = (d.text.clone(), Rc::new(Folded::new(&d.text)));
            }
            Rc::new(entry.1.find(query, &d.map, MAX_HITS))
        })
        .collect()
}

/// The top bar.
#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let query = use_state(String::new);
    // The current hit: document id and index among its hits.
    let at = use_state(|| None::<(String, usize)>);
    // Set when the query changes: the first hit of the open document becomes current after the next render.
    let to_first = use_mut_ref(|| false);
    let cache: Rc<RefCell<FoldCache>> = use_mut_ref(HashMap::new);
    let doc = p.doc.clone();
    let docs = p.docs.clone();

    // Texts never change on an edit, so the hits are looked for again only when the query or the texts do.
    let key: Vec<(String, usize)> =
        docs.iter().map(|d| (d.id.clone(), Rc::as_ptr(&d.text) as *const u8 as usize)).collect();
    let hits = {
        let (docs, cache) = (docs.clone(), cache.clone());
        use_memo(((*query).clone(), key), move |(q, _)| hits_in(&docs, q, &cache))
    };
    let counts: Vec<usize> = hits.iter().map(|h| h.len()).collect();
    let open = doc.as_ref().and_then(|d| docs.iter().position(|x| x.id == d.id));
    let cur = at
        .as_ref()
        .and_then(|(id, i)| docs.iter().position(|x| x.id == *id).map(|d| (d, *i)))
        .filter(|&(d, i)| i < counts[d]);

    let go = {
        let (docs, hits, at, dispatch, reveal) =
            (docs.clone(), hits.clone(), at.clone(), p.dispatch.clone(), p.on_reveal.clone());
        let (open_id, view) = (doc.as_ref().map(|d| d.id.clone()), p.view);
        move |d: usize, i: usize| {
            let (Some(target), Some(r)) = (docs.get(d).cloned(), hits.get(d).and_then(|h| h.get(i)).cloned()) else {
                return;
            };
            let id = target.id.clone();
            at.set(Some((id.clone(), i)));
            let show = {
                let reveal = reveal.clone();
                move || {
                    reveal.emit(r.start);
                    // Select the hit once its block is on screen, so a label key can tag it.
                    dom::select_when_rendered(target, r.start, r.end, 50);
                }
            };
            if open_id.as_deref() != Some(id.as_str()) || view != View::Annotate {
                dispatch.emit(Action::Open(id));
                if view != View::Annotate {
                    dispatch.emit(Action::ShowView(View::Annotate));
                }
                // Once the page has drawn what was just dispatched.
                dom::after(30, show);
            } else {
                show();
            }
        }
    };
    {
        let (to_first, go, at, hits) = (to_first.clone(), go.clone(), at.clone(), hits.clone());
        use_effect(move || {
            if std::mem::take(&mut *to_first.borrow_mut()) {
                match open.filter(|&o| !hits[o].is_empty()) {
                    Some(o) => go(o, 0),
                    None => at.set(None),
                }
            }
        });
    }
    // Every hit of the open document is painted; the current one stands out.
    {
        let here = open.map(|o| hits[o].clone()).unwrap_or_default();
        let now = cur.filter(|&(d, _)| Some(d) == open).map(|(_, i)| i);
        let doc = doc.clone();
        use_effect(move || highlight::show(doc.as_ref(), here, now));
    }
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            *to_first.borrow_mut() = true;
            query.set(v);
        })
    };
    let onkeydown = {
        let (go, counts) = (go.clone(), counts.clone());
        Callback::from(move |e: KeyboardEvent| {
            match with_press(&e, |p| command(p, &[Where::Search])) {
                Some(c @ (Command::NextHit | Command::PreviousHit)) => {
                    e.prevent_default();
                    // From the current hit if it is in the open document, else from the open document's first.
                    let from = cur.filter(|&(d, _)| Some(d) == open);
                    if let Some((d, i)) = search_step(&counts, from, c == Command::NextHit, open) {
                        go(d, i);
                    }
                }
                Some(Command::BackToText) => {
                    if let Some(t) = dom::document().get_element_by_id("text-view") {
                        let _ = t.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                }
                _ => {}
            }
        })
    };
    let ordinal = cur.map(|(d, i)| counts[..d].iter().sum::<usize>() + i + 1);
    let per_doc = docs.iter().enumerate().filter(|(d, _)| counts[*d] > 0).map(|(d, x)| {
        let go = go.clone();
        let here = Some(d) == open;
        html! {
            <li><button class={classes!("search-doc", here.then_some("current"))} aria-current={here.then_some("true")}
                aria-label={format!("{} hits in {}: go to the first", counts[d], x.name)}
                onclick={Callback::from(move |_| go(d, 0))}>
                <span class="name">{ x.name.clone() }</span><span class="count">{ counts[d] }</span>
            </button></li>
        }
    });
    let has_doc = doc.is_some();
    // Long texts are annotated again in slices, like a long paste, so the page stays responsive.
    let reannotate = {
        let (dispatch, detectors) = (p.dispatch.clone(), p.detectors);
        let doc = doc.clone();
        Callback::from(move |_| {
            if let Some(d) = &doc {
                super::app::reannotate(d, detectors, &dispatch);
            }
        })
    };
    html! {
        <header class="topbar">
            <div class="brand" aria-label="sift">{"sift"}<span class="tag">{"annotate news text"}</span></div>
            <div class="search" role="search">
                <input id="search" type="search" placeholder="Search all documents (Enter: next, Shift+Enter: previous)"
                    aria-label="Search in every open document" aria-describedby="search-status"
                    value={(*query).clone()} {oninput} {onkeydown} disabled={!has_doc} />
                <span class="hits" id="search-status" role="status" aria-live="polite">
                    { if query.is_empty() { String::new() } else { search_status(&counts, ordinal) } }
                </span>
                if counts.iter().any(|&c| c > 0) {
                    <ul class="search-docs" aria-label="Hits per document">{ for per_doc }</ul>
                }
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
                {p.children.clone()}
                <ExportMenu doc={doc.clone()} docs={p.docs.clone()} labels={p.labels.clone()}
                    decisions={p.decisions.clone()} dispatch={p.dispatch.clone()} />
                <ThemeSwitch />
                <button class="btn" id="shortcuts-open" title="Every keyboard shortcut (?)"
                    onclick={p.on_help.reform(|_| ())}>{"Shortcuts"}<kbd>{"?"}</kbd></button>
            </div>
        </header>
    }
}
