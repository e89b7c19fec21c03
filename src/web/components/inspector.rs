//! The selected span: why it was suggested, and every way to fix it (label, edges, attributes, note, status,
//! relations).

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::text_view::{label_class, status_word};
use super::{AttrEditor, LinksPanel};
use crate::session::{Action, AllScope, DocData, Resize};
use crate::{Label, Origin, Span, Status};
use std::rc::Rc;

/// Props of [`Inspector`].
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    /// The open document.
    pub doc: Option<Rc<DocData>>,
    /// The selected span.
    pub span: Option<Span>,
    /// Labels to relabel to.
    pub labels: Rc<Vec<Label>>,
    /// Relation types declared (labels of scope `relation`).
    pub relation_types: Rc<Vec<Label>>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// Accepts or rejects the span and goes on to the next suggestion, as the A and R keys do.
    pub on_review: Callback<Status>,
}

/// The inspector.
#[function_component(Inspector)]
pub fn inspector(p: &InspectorProps) -> Html {
    let note_ref = use_node_ref();
    let Some(doc) = p.doc.clone() else {
        return html! { <section class="panel inspect"><h2>{"Span"}</h2><p class="muted">{"No document open."}</p></section> };
    };
    let Some(span) = p.span.clone() else {
        return html! {
            <section class="panel inspect" aria-labelledby="insp-h">
                <h2 id="insp-h">{"Span"}</h2>
                <p class="muted">{"Click a highlight, or press N for the next suggestion."}</p>
                <p class="muted small">{"Select text and press a label key (1–9) or pick a label. Shift+key keeps exact characters. Shift+arrows select with the keyboard."}</p>
            </section>
        };
    };
    let fix = {
        let dispatch = p.dispatch.clone();
        let span = span.clone();
        move |start: usize, end: usize, label: String, note: Option<String>| {
            if start < end {
                dispatch.emit(Action::Fix { id: span.id.clone(), start, end, label, note });
            }
        }
    };
    let edge = |which: Resize| {
        let fix = fix.clone();
        let span = span.clone();
        let doc = doc.clone();
        Callback::from(move |_: MouseEvent| {
            let (a, b) = doc.resize(span.start, span.end, which);
            fix(a, b, span.label.clone(), span.note.clone());
        })
    };
    let relabel = {
        let fix = fix.clone();
        let span = span.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            fix(span.start, span.end, v, span.note.clone());
        })
    };
    // The note is saved when it changes (leaving the field, e.g. by selecting another span), not only by the
    // button: a typed note is never lost.
    let save_note = {
        let fix = fix.clone();
        let span = span.clone();
        let note_ref = note_ref.clone();
        move || {
            if let Some(t) = note_ref.cast::<HtmlTextAreaElement>() {
                let typed = Some(t.value()).filter(|n| !n.trim().is_empty());
                if typed != span.note {
                    fix(span.start, span.end, span.label.clone(), typed);
                }
            }
        }
    };
    let (note_changed, note_button) = (save_note.clone(), save_note);
    let id = span.id.clone();
    let id_ = id.clone();
    let delete = p.dispatch.reform(move |_: MouseEvent| {
        let was = crate::web::focus::current();
        crate::web::focus::settle(vec![was], super::keys::AFTER_REVIEW);
        Action::DeleteSpan(id_.clone())
    });
    let label_all = |scope: AllScope| {
        let id = id.clone();
        p.dispatch.reform(move |_: MouseEvent| Action::LabelAll { id: id.clone(), scope })
    };
    let excerpt: String = {
        let t = doc.slice(span.start, span.end);
        if t.chars().count() > 400 {
            format!("{}…", t.chars().take(400).collect::<String>())
        } else {
            t.to_string()
        }
    };
    html! {
        <section class="panel inspect" aria-labelledby="insp-h">
            <h2 id="insp-h">{"Span"}</h2>
            <div class="insp-head">
                <span class={classes!("badge", label_class(&span.label))} title={span.label.clone()}>{ span.label.clone() }</span>
                <span class={classes!("status", status_word(span.status))}>{ status_word(span.status) }</span>
                <span class="muted small">{ match span.origin { Origin::Auto => "suggested by sift", Origin::Manual => "tagged by hand", Origin::Gold => "gold" } }</span>
            </div>
            <blockquote class="excerpt">{ excerpt }</blockquote>
            if let Some(w) = &span.why {
                <p class="why"><strong>{"Why: "}</strong>{ w.clone() }</p>
            }
            if let Some(r) = &span.rule { <p class="muted small">{"Rule "}<code>{ r.clone() }</code></p> }
            <div class="row">
                <button class="btn small ok" title="Accept span and go to the next suggestion (A)" disabled={span.status == Status::Accepted}
                    onclick={p.on_review.reform(|_| Status::Accepted)}>{"✓ Accept"}<kbd>{"A"}</kbd></button>
                <button class="btn small danger" title="Reject span and go to the next suggestion (R)" disabled={span.status == Status::Rejected}
                    onclick={p.on_review.reform(|_| Status::Rejected)}>{"✕ Reject"}<kbd>{"R"}</kbd></button>
                <button class="btn small" aria-label="Delete span (Delete)" onclick={delete}>{"Delete"}</button>
            </div>
            <label class="field">{"Label"}
                <select aria-label="Relabel span" onchange={relabel}>
                    { for p.labels.iter().map(|l| html! {
                        <option value={l.name.clone()} selected={l.name == span.label}>{ l.name.clone() }</option>
                    }) }
                </select>
            </label>
            <div class="field label-all" role="group" aria-labelledby="label-all-h">
                <span id="label-all-h">{"Label every occurrence"}</span>
                <div class="row">
                    <button class="btn small"
                        title="Label every other whole-word occurrence of this text in this document, as suggestions to review (E)"
                        onclick={label_all(AllScope::ThisDocument)}>{"This document"}<kbd>{"E"}</kbd></button>
                    <button class="btn small"
                        title="Label every other whole-word occurrence of this text in every document, as suggestions to review (Shift+E)"
                        onclick={label_all(AllScope::AllDocuments)}>{"All documents"}<kbd>{"⇧E"}</kbd></button>
                </div>
            </div>
            <AttrEditor span={span.clone()} text={AttrValue::from(doc.slice(span.start, span.end).to_string())} dispatch={p.dispatch.clone()} />
            <div class="field">
                <span>{ format!("Characters {}–{}", span.start, span.end) }</span>
                <div class="row">
                    <button class="btn small" aria-label="Extend start one word left" onclick={edge(Resize::ExtendStart)}>{"◂ start"}</button>
                    <button class="btn small" aria-label="Shrink start one word right" onclick={edge(Resize::ShrinkStart)}>{"start ▸"}</button>
                    <button class="btn small" aria-label="Shrink end one word left" onclick={edge(Resize::ShrinkEnd)}>{"◂ end"}</button>
                    <button class="btn small" aria-label="Extend end one word right" onclick={edge(Resize::ExtendEnd)}>{"end ▸"}</button>
                </div>
            </div>
            <label class="field">{"Note"}
                <textarea ref={note_ref} key={span.id.clone()} rows="2" aria-label="Note on this span" value={span.note.clone().unwrap_or_default()}
                    onchange={Callback::from(move |_: Event| note_changed())} />
            </label>
            <button class="btn small" aria-label="Save note" onclick={Callback::from(move |_: MouseEvent| note_button())}>{"Save note"}</button>
            <LinksPanel doc={doc.clone()} span={span.clone()} types={p.relation_types.clone()} dispatch={p.dispatch.clone()} />
        </section>
    }
}

/// What the E key does (Shift+E: `everywhere`): label every occurrence of the selected span's text, or, with no
/// span selected, say how.
pub(super) fn label_all_key(everywhere: bool, selected: Option<&Span>) -> Action {
    let scope = if everywhere { AllScope::AllDocuments } else { AllScope::ThisDocument };
    match selected {
        Some(s) => Action::LabelAll { id: s.id.clone(), scope },
        None => Action::Notice(
            "Select a span first, then press E to label every occurrence of its text (Shift+E: in all documents)."
                .into(),
        ),
    }
}
