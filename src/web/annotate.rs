//! Annotation of long texts in slices, so that a 1 MB paste shows its text at once and the page stays responsive
//! while the detectors run: each slice ends at a paragraph break (detectors never look across one), runs between
//! two turns of the event loop, and its suggestions are shown as they come.

use std::ops::Range;
use std::rc::Rc;

use yew::Callback;

use super::state::Action;
use crate::annotation::auto_id;
use crate::{analyze, Layers, Span};

/// Texts up to this many bytes are annotated in one go.
pub const AT_ONCE: usize = 150_000;
/// Target slice length in bytes.
const SLICE: usize = 24_000;
/// Suggestions are handed to the page at most this often (ms), so re-rendering does not eat the gain.
const FLUSH_MS: f64 = 250.0;

/// Byte ranges covering `text`, each ending after a blank line when there is one near the target length.
pub fn slices(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let want = start + SLICE;
        if want >= text.len() {
            out.push(start..text.len());
            break;
        }
        let window_end = floor_boundary(text, (want + 4 * SLICE).min(text.len()));
        let from = floor_boundary(text, want);
        let hay = &text[from..window_end];
        let cut = hay
            .find("\n\n")
            .map(|i| from + i + 2)
            .or_else(|| hay.find("\r\n\r\n").map(|i| from + i + 4))
            .or_else(|| hay.find('\n').map(|i| from + i + 1))
            .unwrap_or(window_end);
        let cut = if cut <= start { text.len() } else { cut };
        out.push(start..cut);
        start = cut;
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Lets the browser handle input and paint before the next slice.
async fn yield_to_browser() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Annotates `text` (the text of document `id`) slice by slice, sending [`Action::Suggest`] as it goes.
pub fn in_slices(id: String, text: Rc<str>, dispatch: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        let ranges = slices(&text);
        let total = text.len().max(1);
        let mut chars_before = 0usize;
        let mut pending: Vec<Span> = Vec::new();
        let mut last = now();
        for (k, r) in ranges.iter().enumerate() {
            let part = &text[r.clone()];
            let found = super::dom::measure("sift:analyze-slice", || analyze(part, Layers::ALL));
            for mut s in found {
                s.start += chars_before;
                s.end += chars_before;
                s.id = auto_id(&s.label, &(s.start..s.end));
                pending.push(s);
            }
            chars_before += part.chars().count();
            let done = k + 1 == ranges.len();
            if done || now() - last > FLUSH_MS {
                let progress = (!done).then(|| (r.end * 100 / total) as u8);
                dispatch.emit(Action::Suggest(id.clone(), std::mem::take(&mut pending), progress));
                last = now();
            }
            if !done {
                yield_to_browser().await;
            }
        }
    });
}
