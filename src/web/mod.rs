//! The browser app (wasm32 only): a yew app over the core. State and every edit live in [`state`]; the DOM
//! boundary (selections, UTF-16 offsets, downloads) in `dom`; files in and out in `io`; autosave in `storage`.

pub mod components;
mod dom;
mod io;
pub mod state;
mod storage;

use wasm_bindgen::prelude::*;

/// Mounts the app on `#app` (or the body) when the wasm module starts.
#[wasm_bindgen(start)]
pub fn start() {
    let doc = web_sys::window().and_then(|w| w.document()).expect("a browser document");
    let root = doc.get_element_by_id("app").or_else(|| doc.body().map(Into::into)).expect("a body");
    yew::Renderer::<components::App>::with_root(root).render();
}
