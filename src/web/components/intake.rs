//! Where a new document comes from: paste, type, drop or open.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::keys::with_press;
use crate::session::shortcuts::{command, Command, Where};
use crate::session::Action;

/// Props of [`Intake`].
#[derive(Properties, PartialEq)]
pub struct IntakeProps {
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// Called once a document was added.
    pub on_added: Callback<()>,
    /// Whether there is a document to go back to.
    pub can_cancel: bool,
    /// The detectors that annotate the text.
    pub detectors: crate::session::Detectors,
}

/// The new-document panel.
#[function_component(Intake)]
pub fn intake(p: &IntakeProps) -> Html {
    let area = use_node_ref();
    let submit = {
        let area = area.clone();
        let (dispatch, detectors) = (p.dispatch.clone(), p.detectors);
        let on_added = p.on_added.clone();
        move || {
            if let Some(t) = area.cast::<HtmlTextAreaElement>() {
                let text = t.value();
                if !text.trim().is_empty() {
                    super::app::add_source(crate::input::Source::plain(text), detectors, &dispatch);
                    t.set_value("");
                    on_added.emit(());
                }
            }
        }
    };
    let onclick = {
        let submit = submit.clone();
        Callback::from(move |_: MouseEvent| submit())
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if with_press(&e, |p| command(p, &[Where::NewText])) == Some(Command::AddText) {
            e.prevent_default();
            submit();
        }
    });
    html! {
        <section class="intake" aria-labelledby="intake-h">
            <h1 id="intake-h">{"Add a document"}</h1>
            <p class="muted">{"Paste an article anywhere on this page, type or paste it below, or drop files: text (.txt, .md, .html) or annotations (sift, doccano, Label Studio, spaCy, brat, W3C, CoNLL). sift marks boilerplate, claims and numbers at once — nothing leaves your browser."}</p>
            <textarea id="intake-text" ref={area} rows="14" aria-label="Paste or type text" placeholder="Paste or type an article…" {onkeydown} />
            <div class="row">
                <button class="btn primary" aria-label="Annotate text (Ctrl+Enter)" {onclick}>{"Annotate"}</button>
                if p.can_cancel {
                    <button class="btn" aria-label="Cancel: back to the open document" onclick={p.on_added.reform(|_| ())}>{"Cancel"}</button>
                }
                <span class="muted small">{"Ctrl+Enter"}</span>
            </div>
        </section>
    }
}
