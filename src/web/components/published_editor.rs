//! Where and when the open document was published: its URL and date, what ClaimReview names as the claim's
//! appearance. Each is saved when its field changes (Enter or leaving it, so a typed value is never lost), one
//! undo step each; blank clears it. Shown as text only, never a link: the page navigates nowhere. A value the
//! session refuses stays in its field, marked invalid, while the notice says why.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::session::{Action, Published};

/// Props of [`PublishedEditor`].
#[derive(Properties, PartialEq)]
pub struct PublishedEditorProps {
    /// The open document's id.
    pub id: AttrValue,
    /// Its URL, when known.
    pub url: Option<AttrValue>,
    /// Its date, when known.
    pub date: Option<AttrValue>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The "Published" row under the document labels.
#[function_component(PublishedEditor)]
pub fn published_editor(p: &PublishedEditorProps) -> Html {
    // What was typed and refused in each field, and for which document: kept in the field (the page draws
    // fields from state, so the typed text would otherwise be drawn over) until the user fixes it.
    let refused = use_state(|| (AttrValue::default(), [None::<AttrValue>, None]));
    let field = |which: Published, stored: &Option<AttrValue>| {
        let i = which as usize;
        let (dispatch, id, marked) = (p.dispatch.clone(), p.id.clone(), refused.clone());
        let onchange = Callback::from(move |e: Event| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut marks = if marked.0 == id { marked.1.clone() } else { Default::default() };
            marks[i] = which.refuses(&typed).then(|| AttrValue::from(typed.clone()));
            marked.set((id.clone(), marks));
            dispatch.emit(Action::SetPublished(id.to_string(), which, typed));
        });
        let bad = if refused.0 == p.id { refused.1[i].clone() } else { None };
        let invalid = bad.is_some().to_string();
        let value = bad.or_else(|| stored.clone()).unwrap_or_default();
        // Keyed by document, so that switching documents gives fresh fields.
        let key = format!("{i}\u{1f}{}", p.id);
        match which {
            Published::Url => html! {
                <input {key} type="url" class="published-url" aria-label="Published at (URL)" placeholder="https://…"
                    maxlength="2000" {value} aria-invalid={invalid.clone()} {onchange} />
            },
            Published::Date => html! {
                <input {key} type="text" class="published-date" aria-label="Published on (ISO 8601 date)"
                    placeholder="2024-03-23" maxlength="40" {value} aria-invalid={invalid.clone()} {onchange} />
            },
        }
    };
    html! {
        <div class="published" role="group" aria-label="Published">
            <span class="muted small">{"Published"}</span>
            { field(Published::Url, &p.url) }
            { field(Published::Date, &p.date) }
        </div>
    }
}
