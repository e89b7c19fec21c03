//! Every span of the open document, filtered by label, origin and status, in text order or most check-worthy
//! first.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::text_view::{label_class, status_word};
use crate::session::{listed, percent, worth, Action, DocData, Filter};
use crate::{Label, Origin, Status};
use std::rc::Rc;

/// Props of [`SpanList`].
#[derive(Properties, PartialEq)]
pub struct SpanListProps {
    /// The open document.
    pub doc: Option<Rc<DocData>>,
    /// Labels, for the filter.
    pub labels: Rc<Vec<Label>>,
    /// The filter.
    pub filter: Filter,
    /// The selected span.
    pub selected: Option<String>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// Brings a code point into view.
    pub on_reveal: Callback<usize>,
}

/// Rows shown at most (the filters narrow the rest).
const MAX_ROWS: usize = 300;

/// The span list.
#[function_component(SpanList)]
pub fn span_list(p: &SpanListProps) -> Html {
    let Some(doc) = p.doc.clone() else { return html! {} };
    let f = p.filter.clone();
    let set = |which: &'static str| {
        let dispatch = p.dispatch.clone();
        let f = f.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut f: Filter = f.clone();
            match which {
                "label" => f.label = (!v.is_empty()).then_some(v),
                "origin" => f.origin = Origin::from_name(&v),
                "sort" => f.by_worth = v == "worth",
                _ => f.status = Status::from_name(&v),
            }
            dispatch.emit(Action::SetFilter(f));
        })
    };
    let shown = listed(&doc.spans, &f);
    let total = shown.len();
    let rows = shown.into_iter().take(MAX_ROWS).map(|x| {
        let id = x.id.clone();
        let start = x.start;
        let reveal = p.on_reveal.clone();
        let dispatch = p.dispatch.clone();
        let text: String = doc.slice(x.start, x.end).chars().take(90).collect();
        let selected = p.selected.as_ref() == Some(&x.id);
        html! {
            <li key={x.id.clone()}>
                <button class={classes!("span-row", selected.then_some("current"), status_word(x.status))}
                    onclick={Callback::from(move |_| { dispatch.emit(Action::SelectSpan(Some(id.clone()))); reveal.emit(start); })}>
                    <span class={classes!("badge", label_class(&x.label))} title={x.label.clone()}>{ x.label.clone() }</span>
                    <span class="span-text">{ text }</span>
                    if let Some(w) = worth(x).filter(|_| f.by_worth) {
                        <span class="row-worth" title="check-worthiness">{ percent(w) }</span>
                    }
                    <span class={classes!("dot", status_word(x.status))} role="img" aria-label={status_word(x.status)}
                        title={status_word(x.status)}></span>
                </button>
            </li>
        }
    });
    html! {
        <section class="panel spans" aria-labelledby="spans-h">
            <h2 id="spans-h">{ format!("Spans ({total})") }</h2>
            <div class="filters">
                <select aria-label="Filter by label" onchange={set("label")}>
                    <option value="" selected={f.label.is_none()}>{"All labels"}</option>
                    { for p.labels.iter().map(|l| html! { <option value={l.name.clone()} selected={f.label.as_ref() == Some(&l.name)}>{ l.name.clone() }</option> }) }
                </select>
                <select aria-label="Filter by origin" onchange={set("origin")}>
                    <option value="" selected={f.origin.is_none()}>{"Any origin"}</option>
                    <option value="auto" selected={f.origin == Some(Origin::Auto)}>{"suggested by sift"}</option>
                    <option value="manual" selected={f.origin == Some(Origin::Manual)}>{"manual"}</option>
                    <option value="gold" selected={f.origin == Some(Origin::Gold)}>{"gold"}</option>
                </select>
                <select aria-label="Filter by status" onchange={set("status")}>
                    <option value="" selected={f.status.is_none()}>{"Any status"}</option>
                    <option value="suggested" selected={f.status == Some(Status::Suggested)}>{"unreviewed"}</option>
                    <option value="accepted" selected={f.status == Some(Status::Accepted)}>{"accepted"}</option>
                    <option value="rejected" selected={f.status == Some(Status::Rejected)}>{"rejected"}</option>
                </select>
            </div>
            <select class="sort" aria-label="Order of the spans" onchange={set("sort")}>
                <option value="text" selected={!f.by_worth}>{"In text order"}</option>
                <option value="worth" selected={f.by_worth}>{"Most check-worthy first"}</option>
            </select>
            <ul class="span-list">{ for rows }</ul>
            if total > MAX_ROWS { <p class="muted small">{ format!("{} more — narrow the filters.", total - MAX_ROWS) }</p> }
        </section>
    }
}
