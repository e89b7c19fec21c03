//! The precise model's worker (the second bundle, `dist/sift-precise.html`, built with the `precise` feature):
//! the page's wasm module runs again in a Web Worker, which holds the model and scores sentences there, so
//! typing and scrolling stay smooth. The bundler defines `siftPreciseWorker()`, which starts that worker with
//! this page's compiled module (scripts/bundle.mjs, www/precise_worker.js); the messages are:
//!
//! - to the worker: `{type: "load", bytes}` (a model file), `{type: "score", doc, sentences}`;
//! - from it: `{type: "ready", name, threshold, sha256}`, `{type: "progress", done, total}`,
//!   `{type: "scores", doc, sentences, scores}`, `{type: "error", message}`.
//!
//! A model file the worker accepts (its hash checked by [`crate::precise::Model::from_bytes`]) is kept in
//! IndexedDB (store `meta`, key `precise-model`) and loaded again at the next start; one it refuses is not kept.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use crate::session::Action;
use crate::web::storage::{self, Store};

/// The running worker and what it was last asked to load.
pub struct PreciseWorker {
    worker: Worker,
    /// The bytes of a model being loaded: kept once the worker says it is good.
    loading: Rc<RefCell<Option<Vec<u8>>>>,
    _listen: Closure<dyn FnMut(MessageEvent)>,
}

/// The key of the kept model file.
const KEY: &str = "precise-model";

impl PreciseWorker {
    /// Starts the worker, when this bundle has one; its answers become actions.
    pub fn start(store: Store, dispatch: Callback<Action>) -> Option<PreciseWorker> {
        let make: js_sys::Function =
            Reflect::get(&js_sys::global(), &"siftPreciseWorker".into()).ok()?.dyn_into().ok()?;
        let worker: Worker = make.call0(&JsValue::NULL).ok()?.dyn_into().ok()?;
        let loading: Rc<RefCell<Option<Vec<u8>>>> = Rc::default();
        let kept = loading.clone();
        let listen = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let m = e.data();
            let get = |k: &str| Reflect::get(&m, &k.into()).unwrap_or(JsValue::UNDEFINED);
            let text = |k: &str| get(k).as_string().unwrap_or_default();
            let num = |k: &str| get(k).as_f64().unwrap_or(0.0);
            match text("type").as_str() {
                "ready" => {
                    if let Some(bytes) = kept.borrow_mut().take() {
                        let store = store.clone();
                        wasm_bindgen_futures::spawn_local(async move { put_blob(&store, KEY, &bytes).await });
                    }
                    dispatch.emit(Action::PreciseLoaded { name: text("name"), threshold: num("threshold") });
                }
                "progress" => dispatch.emit(Action::PreciseProgress(num("done") as usize, num("total") as usize)),
                "scores" => {
                    let sentences = Array::from(&get("sentences"));
                    let scores = Array::from(&get("scores"));
                    let pairs = sentences
                        .iter()
                        .zip(scores.iter())
                        .filter_map(|(s, v)| Some((s.as_string()?, v.as_f64()?)))
                        .collect();
                    dispatch.emit(Action::PreciseScores(text("doc"), pairs));
                }
                _ => {
                    kept.borrow_mut().take();
                    dispatch.emit(Action::PreciseFailed(text("message")));
                }
            }
        });
        worker.set_onmessage(Some(listen.as_ref().unchecked_ref()));
        Some(PreciseWorker { worker, loading, _listen: listen })
    }

    /// Hands a model file to the worker (kept in storage once the worker accepts it).
    pub fn load(&self, bytes: Vec<u8>) {
        self.post_load(&bytes);
        *self.loading.borrow_mut() = Some(bytes);
    }

    /// Loads the model file kept by an earlier visit, if there is one (checked again by the worker).
    pub async fn load_kept(&self, store: &Store) {
        if let Some(bytes) = get_blob(store, KEY).await {
            self.post_load(&bytes);
        }
    }

    fn post_load(&self, bytes: &[u8]) {
        let msg = Object::new();
        let _ = Reflect::set(&msg, &"type".into(), &"load".into());
        let _ = Reflect::set(&msg, &"bytes".into(), &Uint8Array::from(bytes));
        let _ = self.worker.post_message(&msg);
    }

    /// Asks the worker to score a document's sentences.
    pub fn score(&self, doc: &str, sentences: &[String]) {
        let msg = Object::new();
        let _ = Reflect::set(&msg, &"type".into(), &"score".into());
        let _ = Reflect::set(&msg, &"doc".into(), &doc.into());
        let list: Array = sentences.iter().map(|s| JsValue::from_str(s)).collect();
        let _ = Reflect::set(&msg, &"sentences".into(), &list);
        let _ = self.worker.post_message(&msg);
    }
}

impl Drop for PreciseWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Bytes kept under `key` in the database's `meta` store (nothing without IndexedDB: a model file is too large
/// for `localStorage`).
async fn get_blob(store: &Store, key: &str) -> Option<Vec<u8>> {
    let db = store.idb()?;
    let tx = db.transaction_with_str(storage::META).ok()?;
    let req = tx.object_store(storage::META).ok()?.get(&key.into()).ok()?;
    let v = storage::done(&req).await.ok()?;
    v.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec)
}

/// Keeps `bytes` under `key` (a full store: the model is simply loaded again from its file next time).
async fn put_blob(store: &Store, key: &str, bytes: &[u8]) {
    if let Some(db) = store.idb() {
        let _ = storage::put_meta_value(db, key, &Uint8Array::from(bytes)).await;
    }
}
