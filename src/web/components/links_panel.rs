//! The relations of the selected span: each with its other end (go there, accept, reject, remove), and a form
//! to link it to a nearby span with a typed relation (`L` focuses the target list).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::text_view::{label_class, status_word};
use crate::session::{Action, DocData};
use crate::{Label, Span, Status};
use std::rc::Rc;

/// How many nearby spans the target list offers.
const CANDIDATES: usize = 60;
/// Characters of a span shown in a list.
const EXCERPT: usize = 60;

/// Props of [`LinksPanel`].
#[derive(Properties, PartialEq)]
pub struct LinksPanelProps {
    /// The open document.
    pub doc: Rc<DocData>,
    /// The selected span.
    pub span: Span,
    /// Relation types declared (labels of scope `relation`).
    pub types: Rc<Vec<Label>>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

fn excerpt(doc: &DocData, s: &Span) -> String {
    let t = doc.slice(s.start, s.end);
    match t.char_indices().nth(EXCERPT) {
        Some((b, _)) => format!("{}…", t.get(..b).unwrap_or(t)),
        None => t.to_string(),
    }
}

/// The relations block of the inspector.
#[function_component(LinksPanel)]
pub fn links_panel(p: &LinksPanelProps) -> Html {
    let (type_ref, target_ref) = (use_node_ref(), use_node_ref());
    let doc = &p.doc;
    let span = &p.span;
    let link = {
        let (type_ref, target_ref) = (type_ref.clone(), target_ref.clone());
        let (dispatch, from) = (p.dispatch.clone(), span.id.clone());
        Callback::from(move |_: MouseEvent| {
            let value = |r: &NodeRef| r.cast::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            let (label, to) = (value(&type_ref), value(&target_ref));
            if !to.is_empty() {
                dispatch.emit(Action::Link { from: from.clone(), to, label });
            }
        })
    };
    let rows = doc.relations_of(&span.id).map(|(r, other)| {
        let outgoing = r.from == span.id;
        let (ia, ir, iu, go) = (r.id.clone(), r.id.clone(), r.id.clone(), other.id.clone());
        let what = format!("{} {}", if outgoing { "→" } else { "←" }, r.label);
        html! {
            <li class={classes!("link-row", status_word(r.status))}>
                <span class="link-type" title={if outgoing { "from this span" } else { "to this span" }}>{ what }</span>
                <button class="btn small link-end" title="Go to the linked span"
                    onclick={p.dispatch.reform(move |_| Action::SelectSpan(Some(go.clone())))}>
                    <span class={classes!("badge", label_class(&other.label))}>{ other.label.clone() }</span>
                    { excerpt(doc, other) }
                </button>
                <span class={classes!("status", status_word(r.status))}>{ status_word(r.status) }</span>
                <button class="btn small ok" aria-label="Accept relation" disabled={r.status == Status::Accepted}
                    onclick={p.dispatch.reform(move |_| Action::RelationStatus(ia.clone(), Status::Accepted))}>{"✓"}</button>
                <button class="btn small danger" aria-label="Reject relation" disabled={r.status == Status::Rejected}
                    onclick={p.dispatch.reform(move |_| Action::RelationStatus(ir.clone(), Status::Rejected))}>{"✕"}</button>
                <button class="btn small" aria-label="Remove relation"
                    onclick={p.dispatch.reform(move |_| Action::Unlink(iu.clone()))}>{"Remove"}</button>
            </li>
        }
    });
    let candidates = doc.link_candidates(&span.id, CANDIDATES);
    html! {
        <div class="links" aria-labelledby="links-h">
            <h3 id="links-h">{"Relations"}</h3>
            <ul class="link-list">{ for rows }</ul>
            if candidates.is_empty() {
                <p class="muted small">{"No other span to link to."}</p>
            } else {
                <div class="row link-form">
                    <select ref={type_ref} aria-label="Relation type">
                        // `selected` on the first: yew inserts options last first, which would leave the last chosen.
                        { for doc.relation_types(p.types.iter().map(|l| l.name.as_str())).into_iter().enumerate().map(|(i, t)| html! {
                            <option value={t.to_string()} selected={i == 0}>{ t }</option>
                        }) }
                    </select>
                    <select ref={target_ref} id="link-target" aria-label="Link to span (L)">
                        { for candidates.iter().enumerate().map(|(i, s)| html! {
                            <option value={s.id.clone()} selected={i == 0}>{ format!("{}: {}", s.label, excerpt(doc, s)) }</option>
                        }) }
                    </select>
                    <button class="btn small" title="Link the selected span to the chosen one" onclick={link}>{"Link"}<kbd>{"L"}</kbd></button>
                </div>
            }
        </div>
    }
}
