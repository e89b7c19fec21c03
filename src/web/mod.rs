//! The browser app (wasm32 only): a yew app over the core. State and every edit live in [`state`] (a
//! `Reducible`; undo/redo and autosave hang off its `reduce`); the DOM boundary (selections, UTF-16 offsets,
//! downloads) in `dom`; files in and out in `io` (through `sift::formats` and `sift::input`); autosave and
//! tab sync in `storage`; slice-by-slice annotation of long texts in `annotate`; one component per file in
//! [`components`]. [`api`] is the JavaScript API for scripts that want the core without the app.

mod annotate;
pub mod api;
pub mod components;
mod dom;
mod io;
pub mod state;
mod storage;

use wasm_bindgen::prelude::*;

/// Mounts the app on `#app` (or the body) when the wasm module starts.
#[wasm_bindgen(start)]
pub fn start() {
    // Outside a page (a worker, Node) only the JavaScript API in [`api`] is wanted.
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = doc.get_element_by_id("app").or_else(|| doc.body().map(Into::into)) else { return };
    // The saved work is read (IndexedDB is asynchronous) before the first render, so the app starts with it.
    wasm_bindgen_futures::spawn_local(async move {
        storage::open().await;
        yew::Renderer::<components::App>::with_root(root).render();
    });
    // The detectors build their tables (regexes, lexicons) on first use; do it while the page is idle so the
    // first paste is as fast as the next ones. `data-ready` on <body> says it is done.
    let warm = wasm_bindgen::closure::Closure::once_into_js(|| {
        let _ = crate::analyze(WARM_UP, crate::Layers::ALL);
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            let now = web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
            let _ = body.set_attribute("data-ready", &format!("{now:.0}"));
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(wasm_bindgen::JsCast::unchecked_ref(&warm), 30);
    }
}

/// A short article that wakes every detector.
const WARM_UP: &str = "Home | News | Sport\n\nLONDON (AP) — The minister said on Friday that prices rose 3.2% to \
    $1.5 billion in March 2024, up from 12 million a year earlier.\n\n\"We will act,\" she told reporters.\n\n\
    Share this article\nCopyright 2024\n";
