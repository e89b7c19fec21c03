//! Review progress per layer, with accept-all / reject-all and next/previous suggestion.

use yew::prelude::*;

use super::text_view::label_class;
use crate::session::{Action, DocData};
use crate::{Label, Status};
use std::rc::Rc;

/// Props of [`ReviewBar`].
#[derive(Properties, PartialEq)]
pub struct ReviewBarProps {
    /// The open document.
    pub doc: Rc<DocData>,
    /// Labels, in palette order.
    pub labels: Rc<Vec<Label>>,
    /// Progress in percent while the document is being annotated slice by slice.
    pub progress: Option<u8>,
    /// Claims scoring below this check-worthiness are not drawn.
    pub min_worth: f64,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The review bar above the text.
#[function_component(ReviewBar)]
pub fn review_bar(p: &ReviewBarProps) -> Html {
    let doc = &p.doc;
    let layers = p.labels.iter().filter_map(|l| {
        let of: Vec<&crate::Span> = doc.spans.iter().filter(|x| x.label == l.name).collect();
        if of.is_empty() {
            return None;
        }
        let todo = of.iter().filter(|x| x.status == Status::Suggested).count();
        Some(html! {
            // Focusable from script: when its buttons are disabled by a decision, the focus stays on the group.
            <div class="layer" role="group" aria-label={format!("Review {}", l.name)} tabindex="-1">
                <span class={classes!("badge", label_class(&l.name))} title={l.name.clone()}>{ l.name.clone() }</span>
                <span class="progress">{ format!("{} / {} reviewed", of.len() - todo, of.len()) }</span>
                <button class="btn tiny ok" disabled={todo == 0} aria-label={format!("Accept all {} suggestions", l.name)}
                    onclick={layer_status(&p.dispatch, &l.name, Status::Accepted)}>{"Accept all"}</button>
                <button class="btn tiny danger" disabled={todo == 0} aria-label={format!("Reject all {} suggestions", l.name)}
                    onclick={layer_status(&p.dispatch, &l.name, Status::Rejected)}>{"Reject all"}</button>
                if l.name == crate::annotation::CLAIM {
                    <label class="worth small" title="Draw only the claims whose check-worthiness reaches this score. W: next most check-worthy claim.">
                        {"check-worthiness ≥ "}
                        <input type="range" min="0" max="1" step="0.01" value={format!("{:.2}", p.min_worth)}
                            aria-label="Show claims with check-worthiness at least"
                            oninput={p.dispatch.reform(|e: InputEvent| {
                                let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                                Action::SetMinWorth(v.parse().unwrap_or(0.0))
                            })} />
                        <output>{ format!("{:.2}", p.min_worth) }</output>
                    </label>
                }
            </div>
        })
    });
    html! {
        <div class="review-bar">
            <h1 class="doc-title" title={doc.name.clone()}>{ doc.name.clone() }</h1>
            <div class="layers">
                { for layers }
                if let Some(pc) = p.progress {
                    <span class="annotating" role="status">{ format!("Annotating… {pc}%") }</span>
                }
            </div>
            if doc.markup.is_some() {
                <label class="structure small" title="This document came with its HTML: its navigation, links and headings inform the boilerplate layer.">
                    <input type="checkbox" checked={doc.facts.is_some()}
                        onchange={p.dispatch.reform({ let on = doc.facts.is_none(); move |_| Action::UseStructure(on) })} />
                    {"Use page structure"}
                </label>
            }
            <div class="hint muted small">{"N / P next/previous suggestion · W most check-worthy claim · A accept · R reject · 1–9 tag · E label every occurrence (⇧E everywhere) · Ctrl+Z undo · ? every shortcut"}</div>
        </div>
    }
}

/// Accepts or rejects every suggestion of a layer; the focus stays in the review bar (on the layer's group once
/// its buttons are disabled).
fn layer_status(dispatch: &Callback<Action>, label: &str, status: Status) -> Callback<MouseEvent> {
    let label = label.to_string();
    dispatch.reform(move |_: MouseEvent| {
        let was = crate::web::focus::current();
        let group = was.as_ref().and_then(|w| w.closest(".layer").ok().flatten());
        crate::web::focus::settle(vec![was, group], &[".review-bar button:not(:disabled)", "#text-view"]);
        Action::LayerStatus(label.clone(), status)
    })
}
