//! The open document's labels (document-level categories): one checkbox per label of the set, suggestions to
//! accept or reject, a field to add a label to the set, and whether the set is single-choice ("one only"). `D`
//! focuses the first checkbox.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::session::{Action, DocData};
use crate::{Label, Origin, Status};
use std::rc::Rc;

/// Props of [`DocLabels`].
#[derive(Properties, PartialEq)]
pub struct DocLabelsProps {
    /// The open document.
    pub doc: Rc<DocData>,
    /// The document label set (labels of scope `document`).
    pub labels: Rc<Vec<Label>>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The document labels row above the text.
#[function_component(DocLabels)]
pub fn doc_labels(p: &DocLabelsProps) -> Html {
    let new_ref = use_node_ref();
    let rows = p.doc.category_rows(p.labels.iter().map(|l| l.name.as_str()));
    let add = {
        let (dispatch, new_ref) = (p.dispatch.clone(), new_ref.clone());
        move || {
            if let Some(i) = new_ref.cast::<HtmlInputElement>() {
                dispatch.emit(Action::AddDocLabel(i.value()));
                i.set_value("");
            }
        }
    };
    let on_add = {
        let add = add.clone();
        Callback::from(move |_: MouseEvent| add())
    };
    let on_enter = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            add();
        }
    });
    let items = rows.into_iter().map(|(name, c)| {
        let status = c.map(|c| c.status);
        let suggested = c.is_some_and(|c| c.status == Status::Suggested);
        let auto = c.is_some_and(|c| c.origin == Origin::Auto);
        let declared = p.labels.iter().any(|l| l.name == name);
        let (toggle_name, reject_name, drop_name) = (name.to_string(), name.to_string(), name.to_string());
        let toggle = p.dispatch.reform(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            Action::SetCategory(toggle_name.clone(), on.then_some(Status::Accepted))
        });
        html! {
            <span class={classes!("doc-label", status.map(super::text_view::status_word))}>
                <label>
                    <input type="checkbox" checked={status == Some(Status::Accepted)} onchange={toggle}
                        aria-label={format!("Document label {name}")} />
                    { name.to_string() }
                    if suggested { <span class="muted small">{ if auto { " (suggested)" } else { " (to review)" } }</span> }
                </label>
                if suggested {
                    <button class="btn tiny danger" aria-label={format!("Reject document label {name}")}
                        onclick={p.dispatch.reform(move |_| Action::SetCategory(reject_name.clone(), Some(Status::Rejected)))}>{"✕"}</button>
                }
                if declared && c.is_none() {
                    <button class="btn tiny" aria-label={format!("Remove {name} from the document labels")}
                        onclick={p.dispatch.reform(move |_| Action::DeleteDocLabel(drop_name.clone()))}>{"×"}</button>
                }
            </span>
        }
    });
    // The set's mode: single choice when every label of it is marked so (GUIDELINES.md: a property of the set).
    let single = !p.labels.is_empty() && p.labels.iter().all(|l| l.single);
    let set_single = p
        .dispatch
        .reform(|e: Event| Action::SetDocLabelsSingle(e.target_unchecked_into::<HtmlInputElement>().checked()));
    html! {
        <div class="doc-labels" role="group" aria-label="Document labels (D)">
            <span class="muted small">{"Document labels"}<kbd>{"D"}</kbd></span>
            { for items }
            if !p.labels.is_empty() {
                <label class="muted small" title="A document gets at most one label of the set (single choice)">
                    <input type="checkbox" class="doc-labels-single" checked={single} onchange={set_single} />
                    {"one only"}
                </label>
            }
            <input ref={new_ref} class="doc-label-new" aria-label="New document label" placeholder="New document label…"
                maxlength="80" onkeydown={on_enter} />
            <button class="btn tiny" aria-label="Add document label" onclick={on_add}>{"Add"}</button>
        </div>
    }
}
