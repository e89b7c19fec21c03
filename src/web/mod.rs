//! The browser shell (wasm32 only), thin over the platform-free app core in [`crate::session`]: the yew
//! components that draw a session and turn clicks and keys into [`Action`]s (one component per file, in
//! [`components`]); the storage back ends that run the writes the session's `Saver` plans (`storage`); the DOM
//! boundary where browser positions become code points (`dom`); the keyboard caret and the relation overlay
//! drawn over the text (`caret`, `links`); files in and out (`io`); slice-by-slice
//! annotation of long texts between two turns of the event loop (`annotate`). [`api`] is the JavaScript API
//! for scripts that want the core without the app.

mod annotate;
pub mod api;
mod caret;
pub mod components;
mod dom;
mod focus;
mod highlight;
mod links;
#[cfg(feature = "precise")]
mod precise;
mod storage;
mod theme;

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::session::{Action, Session};

/// The session as yew's reducer state: the reducer itself is the core's, pure; saving runs in the app's effect.
impl yew::Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.next(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// Shows a panic to the user instead of a page that silently stops: what happened, and that the work saved up to
/// the last change is safe (every edit is saved as it is made). `<body data-panic>` marks it for tests.
fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let what: String = info.to_string().chars().take(300).collect();
    let Ok(el) = doc.create_element("div") else { return };
    el.set_id("fatal");
    let _ = el.set_attribute("role", "alert");
    el.set_text_content(Some(&format!(
        "sift stopped because of an internal error, and this page can no longer save. Your work up to the last          change is saved in this browser: reload the page to go on. (Details: {what})"
    )));
    if let Some(body) = doc.body() {
        let _ = body.append_child(&el);
        let _ = body.set_attribute("data-panic", "1");
    }
}

/// Mounts the app on `#app` (or the body) when the wasm module starts.
#[wasm_bindgen(start)]
pub fn start() {
    // Through yew, which would otherwise put its own (console-only) hook in place when the app renders.
    yew::set_custom_panic_hook(Box::new(on_panic));
    // Outside a page (a worker, Node) only the JavaScript API in [`api`] is wanted.
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = doc.get_element_by_id("app").or_else(|| doc.body().map(Into::into)) else { return };
    // The chosen colour theme, before anything is drawn.
    theme::apply(theme::load());
    // The saved work is read (IndexedDB is asynchronous) before the first render, so the app starts with it.
    wasm_bindgen_futures::spawn_local(async move {
        let (store, saved) = storage::open().await;
        let props = components::AppProps { store, saved: components::ByPtr(Rc::new(saved)) };
        yew::Renderer::<components::App>::with_root_and_props(root, props).render();
    });
    // The detectors build their tables (regexes, lexicons) on first use; do it while the page is idle so the
    // first paste is as fast as the next ones. `data-ready` on <body> says it is done.
    dom::after(30, || {
        let _ = crate::analyze(WARM_UP, crate::Layers::ALL);
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            let now = web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
            let _ = body.set_attribute("data-ready", &format!("{now:.0}"));
        }
    });
}

/// A short article that wakes every detector.
const WARM_UP: &str = "Home | News | Sport\n\nLONDON (AP) — The minister said on Friday that prices rose 3.2% to \
    $1.5 billion in March 2024, up from 12 million a year earlier.\n\n\"We will act,\" she told reporters.\n\n\
    Share this article\nCopyright 2024\n";
