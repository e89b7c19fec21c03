//! Annotation of long texts in slices ([`crate::session::slices`]), so that a 1 MB paste shows its text at once
//! and the page stays responsive while the detectors run: each slice runs between two turns of the event loop,
//! and its suggestions are shown as they come. Suggestions whose id a document already has (reviewed or
//! rejected before) are not added again.

use std::rc::Rc;

use yew::Callback;

use crate::input::LineFacts;
use crate::session::{analyze_slice, slices, Action, Detectors};
use crate::Span;

/// Suggestions are handed to the page at most this often (ms), so re-rendering does not eat the gain.
const FLUSH_MS: f64 = 250.0;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Slices run back to back for at most this long (ms) before the browser gets a turn: short enough that typing
/// and scrolling stay smooth, long enough that yielding does not cost more than the work.
const YIELD_MS: f64 = 12.0;

/// Lets the browser handle input and paint before the next slice. A message to a `MessageChannel` of our own
/// comes back in the next task without the 4 ms that browsers add to nested `setTimeout(0)` calls (a 1 MB paste
/// is some forty slices).
async fn yield_to_browser(channel: Option<&web_sys::MessageChannel>) {
    let p = js_sys::Promise::new(&mut |resolve, _| match channel {
        Some(c) => {
            c.port1().set_onmessage(Some(&resolve));
            let _ = c.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
        None => {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Annotates `text`, the text of document `id`, slice by slice (with its line facts, if it has them, and its
/// date) by the `detectors` that are on, sending [`Action::Suggest`] as it goes.
pub fn in_slices(
    id: String,
    text: Rc<str>,
    facts: Option<Rc<Vec<LineFacts>>>,
    date: Option<String>,
    detectors: Detectors,
    dispatch: Callback<Action>,
) {
    // Progress shows from the start, in the same turn as the paste.
    dispatch.emit(Action::Suggest(id.clone(), Vec::new(), Some(0)));
    wasm_bindgen_futures::spawn_local(async move {
        let text = &text;
        let ranges = slices(text);
        let total = text.len().max(1);
        let mut chars_before = 0usize;
        let mut pending: Vec<Span> = Vec::new();
        let mut last = now();
        let mut turn = last;
        let channel = web_sys::MessageChannel::new().ok();
        for (k, r) in ranges.iter().enumerate() {
            let facts = facts.as_deref().map(Vec::as_slice);
            pending.extend(super::dom::measure("sift:analyze-slice", || {
                analyze_slice(text, facts, r.clone(), chars_before, detectors, date.as_deref())
            }));
            chars_before += text.get(r.clone()).unwrap_or_default().chars().count();
            let done = k + 1 == ranges.len();
            if done || now() - last > FLUSH_MS {
                let progress = (!done).then(|| (r.end * 100 / total) as u8);
                dispatch.emit(Action::Suggest(id.clone(), std::mem::take(&mut pending), progress));
                last = now();
            }
            if !done && now() - turn > YIELD_MS {
                yield_to_browser(channel.as_ref()).await;
                turn = now();
            }
        }
    });
}
