//! Autosave to IndexedDB (no 5 MB cap like `localStorage`), one record per document so that a full store loses
//! nothing already saved. This module only runs the writes the session's [`Saver`](crate::session::Saver)
//! plans, applying its one revision rule ([`may_write`]) so that two tabs never overwrite each other's work.
//!
//! Database `sift` (version 1): store `docs` (key: document id; value `{rev, json, markup?}`, the document as
//! JSON and the HTML its line facts came from) and store `meta` (`index`: order and open document; `labels`).
//! Each document write is one read-write transaction that reads the stored revision and writes only if no
//! other tab saved a newer one, so the check and the write are atomic; once it commits, other tabs hear of it
//! on the `sift` `BroadcastChannel` (the message is the key named below) and read the record. Existing
//! `localStorage` data is moved in when the database is created.
//!
//! IndexedDB commits asynchronously, so a page closed a moment after an edit could lose it: when the page is
//! hidden or closed ([`Store::flush`]), every document write still under way is copied to `localStorage` as a
//! write-ahead record (`sift:v1:wal:<id>`, synchronous), and the next start applies those records (by the same
//! revision rule) before reading the database.
//!
//! When IndexedDB is unavailable (some `file://` or private contexts) the same keys live in `localStorage`:
//! `sift:v1:index`, `sift:v1:labels`, `sift:v1:doc:<id>`, `sift:v1:markup:<id>` and `sift:v1:rev:<id>` (written
//! last, so that a tab hearing of a new revision through the `storage` event can read the document at once).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use gloo_events::EventListener;
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{BroadcastChannel, IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode, Storage};
use yew::Callback;

use crate::session::{may_write, Action, DocData, Effect, Index, Saved, SavedDoc};
use crate::{Document, Label};

const INDEX: &str = "sift:v1:index";
const LABELS: &str = "sift:v1:labels";
const DOC: &str = "sift:v1:doc:";
const MARKUP: &str = "sift:v1:markup:";
const REV: &str = "sift:v1:rev:";
const WAL: &str = "sift:v1:wal:";

const DB: &str = "sift";
const DOCS: &str = "docs";
pub(super) const META: &str = "meta";

/// Where the work goes.
#[derive(Clone)]
enum Backend {
    Idb(IdbDatabase, Option<BroadcastChannel>),
    Local(Storage),
    None,
}

/// A document write to IndexedDB not yet committed: what [`Store::flush`] copies to the write-ahead record.
#[derive(Serialize, Deserialize)]
struct Pending {
    rev: u64,
    expect: u64,
    json: String,
    markup: Option<String>,
}

/// The browser's storage for this app, opened once at start.
#[derive(Clone)]
pub struct Store {
    backend: Backend,
    /// Writes under way (shown as `data-saving` on `<body>`).
    pending: Rc<Cell<u32>>,
    /// Document writes to IndexedDB under way, by document id (the latest one for each).
    inflight: Rc<RefCell<HashMap<String, Pending>>>,
}

impl Store {
    /// The database, when the work is saved in IndexedDB (the precise model's file is kept there too).
    #[cfg(feature = "precise")]
    pub(super) fn idb(&self) -> Option<&IdbDatabase> {
        match &self.backend {
            Backend::Idb(db, _) => Some(db),
            _ => None,
        }
    }
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pending, &other.pending)
    }
}

const FULL: &str = "Storage is full: the last change is kept in this tab but not saved. Everything saved before is \
    safe. Export your work or delete documents you no longer need.";

fn full(name: &str) -> String {
    FULL.replace("the last change", &format!("the last change to {name:?}"))
}

/// Opens the database (moving `localStorage` data in on first use) and reads everything saved, before the app
/// starts; falls back to `localStorage` when IndexedDB is unavailable.
pub async fn open() -> (Store, Saved) {
    let pending = Rc::new(Cell::new(0));
    let inflight = Rc::default();
    match open_idb().await {
        Ok((db, migrated)) => {
            replay_wal(&db).await;
            let saved = load_idb(&db).await.unwrap_or_else(|_| Saved {
                warning: Some("Could not read the saved work from this browser's database.".into()),
                ..Saved::default()
            });
            // The move is committed: free the old keys (the fallback starts empty if it is ever needed).
            if let Some(s) = local().filter(|_| migrated) {
                for k in local_keys(&s) {
                    let _ = s.remove_item(&k);
                }
            }
            (Store { backend: Backend::Idb(db, BroadcastChannel::new(DB).ok()), pending, inflight }, saved)
        }
        Err(_) => match local() {
            Some(s) => {
                let saved = load_local(&s);
                (Store { backend: Backend::Local(s), pending, inflight }, saved)
            }
            None => {
                let warning = "This browser gives the page no storage: work will not survive a reload.";
                let saved = Saved { warning: Some(warning.into()), ..Saved::default() };
                (Store { backend: Backend::None, pending, inflight }, saved)
            }
        },
    }
}

/// Applies the write-ahead records a closed page left (each only if no newer revision was stored since), then
/// drops them.
async fn replay_wal(db: &IdbDatabase) {
    let Some(s) = local() else { return };
    for key in local_keys(&s) {
        let Some(id) = key.strip_prefix(WAL) else { continue };
        if let Some(p) = get(&s, &key).and_then(|j| serde_json::from_str::<Pending>(&j).ok()) {
            let _ = write_if_newer(db, id, p.expect, record(p.rev, &p.json, p.markup.as_deref())).await;
        }
        let _ = s.remove_item(&key);
    }
}

/// Writes the record `value` as document `id` unless storage holds a revision newer than `expect`, in one
/// transaction; gives back the stored record in that case.
async fn write_if_newer(db: &IdbDatabase, id: &str, expect: u64, value: JsValue) -> Result<Option<JsValue>, String> {
    /// What happened inside the transaction.
    enum Outcome {
        Saved,
        Theirs(JsValue),
        Failed(String),
    }
    let tx = db.transaction_with_str_and_mode(DOCS, IdbTransactionMode::Readwrite).map_err(error_name)?;
    let store = tx.object_store(DOCS).map_err(error_name)?;
    let read = store.get(&JsValue::from_str(id)).map_err(error_name)?;
    let outcome = Rc::new(RefCell::new(Outcome::Failed(String::new())));
    let key = JsValue::from_str(id);
    // The write is made in the read's success handler, while the transaction is still active: read and write
    // are one atomic step, whatever other tabs do.
    let on_read = wasm_bindgen::closure::Closure::once_into_js({
        let (outcome, read, tx) = (outcome.clone(), read.clone(), tx.clone());
        move || {
            let stored = read.result().unwrap_or(JsValue::UNDEFINED);
            *outcome.borrow_mut() = if !may_write(stored_rev(&stored), expect) {
                Outcome::Theirs(stored)
            } else {
                match store.put_with_key(&value, &key) {
                    Ok(_) => {
                        // Nothing else to do: commit now rather than at the end of the task (a closing tab).
                        commit_now(&tx);
                        Outcome::Saved
                    }
                    Err(e) => Outcome::Failed(error_name(e)),
                }
            };
        }
    });
    read.set_onsuccess(Some(on_read.unchecked_ref()));
    let result = committed(&tx).await;
    let outcome = std::mem::replace(&mut *outcome.borrow_mut(), Outcome::Saved);
    match (result, outcome) {
        (Ok(()), Outcome::Saved) => Ok(None),
        (Ok(()), Outcome::Theirs(v)) => Ok(Some(v)),
        (Err(e), _) | (Ok(()), Outcome::Failed(e)) => Err(e),
    }
}

/// A promise settled by the first of two events: `ok` resolves it, `fail` rejects it.
fn settle(set: impl FnOnce(&js_sys::Function, &js_sys::Function)) -> JsFuture {
    let mut set = Some(set);
    JsFuture::from(Promise::new(&mut |ok, fail| {
        if let Some(s) = set.take() {
            s(&ok, &fail)
        }
    }))
}

/// Waits for a request and gives its result.
pub(super) async fn done(r: &IdbRequest) -> Result<JsValue, JsValue> {
    settle(|ok, fail| {
        r.set_onsuccess(Some(ok));
        r.set_onerror(Some(fail));
    })
    .await?;
    r.result()
}

/// Waits for a transaction to commit; the error is the abort's cause (`QuotaExceededError` when full).
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let r = settle(|ok, fail| {
        tx.set_oncomplete(Some(ok));
        tx.set_onabort(Some(fail));
    })
    .await;
    r.map(drop).map_err(|_| tx.error().map_or_else(|| "AbortError".to_string(), |e| e.name()))
}

/// The open database, and whether it was just created (and `localStorage` data moved in).
async fn open_idb() -> Result<(IdbDatabase, bool), JsValue> {
    let factory = web_sys::window().ok_or(JsValue::NULL)?.indexed_db()?.ok_or(JsValue::NULL)?;
    let req = factory.open_with_u32(DB, 1)?;
    let migrated = Rc::new(Cell::new(false));
    let upgrade = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new({
        let (req, migrated) = (req.clone(), migrated.clone());
        move |_| {
            let (Ok(db), Some(tx)) = (req.result(), req.transaction()) else { return };
            let db: IdbDatabase = db.unchecked_into();
            if db.create_object_store(DOCS).is_err() || db.create_object_store(META).is_err() {
                return;
            }
            migrate(&tx);
            migrated.set(true);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = done(&req).await;
    req.set_onupgradeneeded(None);
    drop(upgrade);
    Ok((db?.unchecked_into(), migrated.get()))
}

/// Copies what `localStorage` holds into the new database, inside the transaction that creates it (all or
/// nothing; the old keys are removed only once it committed).
fn migrate(tx: &IdbTransaction) {
    let Some(s) = local() else { return };
    let old = load_local(&s);
    let (Ok(docs), Ok(meta)) = (tx.object_store(DOCS), tx.object_store(META)) else { return };
    for d in &old.docs {
        if let Ok(json) = serde_json::to_string(&d.doc) {
            let _ = docs.put_with_key(&record(d.rev, &json, d.markup.as_deref()), &JsValue::from_str(&d.doc.id));
        }
    }
    for (key, v) in [(INDEX, get(&s, INDEX)), (LABELS, get(&s, LABELS))] {
        if let Some(v) = v {
            let _ = meta.put_with_key(&JsValue::from_str(&v), &JsValue::from_str(key));
        }
    }
}

fn record(rev: u64, json: &str, markup: Option<&str>) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"rev".into(), &JsValue::from_f64(rev as f64));
    let _ = Reflect::set(&o, &"json".into(), &JsValue::from_str(json));
    if let Some(m) = markup {
        let _ = Reflect::set(&o, &"markup".into(), &JsValue::from_str(m));
    }
    o.into()
}

/// A stored document record: the document, its markup and its revision.
fn unrecord(v: &JsValue) -> Option<SavedDoc> {
    let rev = Reflect::get(v, &"rev".into()).ok()?.as_f64()? as u64;
    let json = Reflect::get(v, &"json".into()).ok()?.as_string()?;
    let markup = Reflect::get(v, &"markup".into()).ok().and_then(|m| m.as_string());
    Some(SavedDoc { doc: serde_json::from_str(&json).ok()?, markup, rev })
}

fn stored_rev(v: &JsValue) -> u64 {
    Reflect::get(v, &"rev".into()).ok().and_then(|r| r.as_f64()).map_or(0, |r| r as u64)
}

async fn load_idb(db: &IdbDatabase) -> Result<Saved, JsValue> {
    let tx = db.transaction_with_str_sequence(&js_sys::Array::of2(&DOCS.into(), &META.into()))?;
    let (docs, meta) = (tx.object_store(DOCS)?, tx.object_store(META)?);
    // Every request first, then the waits: the transaction stays open while any is pending.
    let (all, index, labels) = (docs.get_all()?, meta.get(&INDEX.into())?, meta.get(&LABELS.into())?);
    let all: js_sys::Array = done(&all).await?.unchecked_into();
    let index: Index = done(&index).await?.as_string().and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
    let labels = done(&labels).await?.as_string().and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
    let (current, decisions, review, detectors) = (index.current, index.decisions, index.review, index.detectors);
    let mut out = Saved { labels, current, decisions, review, detectors, ..Saved::default() };
    let mut broken = 0;
    for v in all.iter() {
        match unrecord(&v) {
            Some(d) => out.docs.push(d),
            None => broken += 1,
        }
    }
    // In saved order; a document saved but missing from the order (its index write failed) goes last.
    out.docs.sort_by_key(|d| index.order.iter().position(|o| *o == d.doc.id).unwrap_or(usize::MAX));
    if broken > 0 {
        out.warning = Some(format!("Could not read {broken} saved document(s)."));
    }
    Ok(out)
}

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(s: &Storage, key: &str) -> Option<String> {
    s.get_item(key).ok().flatten()
}

fn local_keys(s: &Storage) -> Vec<String> {
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with("sift:v1:")).collect()
}

fn load_local(s: &Storage) -> Saved {
    let mut out = Saved::default();
    let index: Index = get(s, INDEX).and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
    out.labels = get(s, LABELS).and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
    out.current = index.current;
    out.decisions = index.decisions;
    out.review = index.review;
    out.detectors = index.detectors;
    let mut broken = Vec::new();
    for id in index.order {
        match load_doc(s, &id) {
            Some(d) => out.docs.push(d),
            None => broken.push(id),
        }
    }
    if !broken.is_empty() {
        out.warning = Some(format!("Could not read {} saved document(s): {}", broken.len(), broken.join(", ")));
    }
    out
}

/// Reads one saved document, its markup and its revision from `localStorage`.
fn load_doc(s: &Storage, id: &str) -> Option<SavedDoc> {
    let doc: Document = serde_json::from_str(&get(s, &format!("{DOC}{id}"))?).ok()?;
    Some(SavedDoc { doc, markup: get(s, &format!("{MARKUP}{id}")), rev: local_rev(s, id) })
}

fn local_rev(s: &Storage, id: &str) -> u64 {
    get(s, &format!("{REV}{id}")).and_then(|r| r.parse().ok()).unwrap_or(0)
}

/// The name of an IndexedDB or DOM error (`QuotaExceededError`, …).
fn error_name(e: JsValue) -> String {
    e.dyn_into::<web_sys::DomException>().map_or_else(|_| String::new(), |e| e.name())
}

impl Store {
    /// Runs the writes the saver planned. Outcomes known only later (another tab saved first, storage full)
    /// come back to the app as actions through `dispatch`.
    pub fn run(&self, effects: Vec<Effect>, dispatch: &Callback<Action>) {
        for e in effects {
            match (&self.backend, e) {
                (Backend::None, _) => {}
                (Backend::Local(s), e) => {
                    if let Some(a) = run_local(s, e) {
                        dispatch.emit(a);
                    }
                }
                (Backend::Idb(db, ch), e) => {
                    let (db, ch, dispatch, inflight) =
                        (db.clone(), ch.clone(), dispatch.clone(), self.inflight.clone());
                    self.saving(async move {
                        if let Some(a) = run_idb(&db, &ch, &inflight, e).await {
                            dispatch.emit(a);
                        }
                    });
                }
            }
        }
    }

    /// Runs a write, counting it in `data-saving` on `<body>` while it is under way: a write not yet committed
    /// is lost if the page is closed or reloaded, so the page says when everything is saved.
    fn saving(&self, write: impl std::future::Future<Output = ()> + 'static) {
        fn mark(pending: &Cell<u32>, delta: i32) {
            pending.set(pending.get().saturating_add_signed(delta));
            if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
                let _ = match pending.get() {
                    0 => body.remove_attribute("data-saving"),
                    n => body.set_attribute("data-saving", &n.to_string()),
                };
            }
        }
        mark(&self.pending, 1);
        let pending = self.pending.clone();
        wasm_bindgen_futures::spawn_local(async move {
            write.await;
            mark(&pending, -1);
        });
    }

    /// Copies the document writes still under way to synchronous write-ahead records, for a page about to be
    /// closed; the next start applies them ([`replay_wal`]). A write that commits meanwhile is replayed as a
    /// no-op (same revision, same content).
    pub fn flush(&self) {
        let (Backend::Idb(..), Some(s)) = (&self.backend, local()) else { return };
        for (id, p) in self.inflight.borrow().iter() {
            if let Ok(j) = serde_json::to_string(p) {
                let _ = s.set_item(&format!("{WAL}{id}"), &j);
            }
        }
    }

    /// Listens for other tabs' saves and sends them to `dispatch`; stops when the returned guard is dropped.
    pub fn listen(&self, dispatch: Callback<Action>) -> Option<EventListener> {
        match self.backend.clone() {
            Backend::Idb(db, Some(ch)) => Some(EventListener::new(&ch, "message", move |e| {
                let Some(key) = e.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_string()) else {
                    return;
                };
                let (db, dispatch) = (db.clone(), dispatch.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(a) = external_idb(&db, &key).await {
                        dispatch.emit(a);
                    }
                });
            })),
            Backend::Local(s) => {
                let win = web_sys::window()?;
                Some(EventListener::new(&win, "storage", move |e| {
                    let Some(key) = e.dyn_ref::<web_sys::StorageEvent>().and_then(|e| e.key()) else { return };
                    if let Some(a) = external_local(&s, &key) {
                        dispatch.emit(a);
                    }
                }))
            }
            _ => None,
        }
    }
}

/// A document as stored: its JSON (or why it could not be written).
fn doc_json(doc: &DocData) -> Result<String, Action> {
    serde_json::to_string(&doc.to_document()).map_err(|e| Action::Notice(format!("Could not save {:?}: {e}", doc.name)))
}

/// A failed write, as a message for the user.
fn failed(name: &str, e: &str) -> Action {
    Action::Notice(if e == "QuotaExceededError" || e.is_empty() {
        full(name)
    } else {
        format!("Could not save {name:?} ({e}). Everything saved before is safe.")
    })
}

/// One write to `localStorage`.
fn run_local(s: &Storage, e: Effect) -> Option<Action> {
    match e {
        Effect::SaveDoc { doc, expect, rev } => {
            if !may_write(local_rev(s, &doc.id), expect) {
                // Another tab saved this document first: keep its work, show it, drop our edit.
                return load_doc(s, &doc.id).map(|t| Action::Conflict(doc.id.clone(), t.doc, t.rev));
            }
            let json = match doc_json(&doc) {
                Ok(j) => j,
                Err(a) => return Some(a),
            };
            let markup_key = format!("{MARKUP}{}", doc.id);
            let ok = s.set_item(&format!("{DOC}{}", doc.id), &json).is_ok()
                && match doc.saved_markup() {
                    Some(m) => s.set_item(&markup_key, m).is_ok(),
                    None => s.remove_item(&markup_key).is_ok(),
                };
            if !ok {
                return Some(failed(&doc.name, ""));
            }
            let _ = s.set_item(&format!("{REV}{}", doc.id), &rev.to_string());
            None
        }
        Effect::DeleteDoc(id) => {
            for k in [DOC, MARKUP, REV] {
                let _ = s.remove_item(&format!("{k}{id}"));
            }
            None
        }
        Effect::SaveLabels(labels) => {
            let json = serde_json::to_string(labels.as_ref()).ok()?;
            s.set_item(LABELS, &json).is_err().then(|| Action::Notice(LABELS_FULL.into()))
        }
        Effect::SaveIndex(index) => {
            let _ = s.set_item(INDEX, &serde_json::to_string(&index).ok()?);
            None
        }
    }
}

const LABELS_FULL: &str = "Storage is full: the label change is not saved.";

/// One write to IndexedDB.
async fn run_idb(
    db: &IdbDatabase,
    ch: &Option<BroadcastChannel>,
    inflight: &RefCell<HashMap<String, Pending>>,
    e: Effect,
) -> Option<Action> {
    match e {
        Effect::SaveDoc { doc, expect, rev } => save_doc(db, ch, inflight, &doc, expect, rev).await,
        Effect::DeleteDoc(id) => {
            let tx = db.transaction_with_str_and_mode(DOCS, IdbTransactionMode::Readwrite).ok()?;
            if let Ok(s) = tx.object_store(DOCS) {
                let _ = s.delete(&JsValue::from_str(&id));
            }
            commit_now(&tx);
            if committed(&tx).await.is_ok() {
                tell(ch, &format!("{REV}{id}"));
            }
            None
        }
        Effect::SaveLabels(labels) => {
            let json = serde_json::to_string(labels.as_ref()).ok()?;
            match put_meta(db, LABELS, &json).await {
                Ok(()) => tell(ch, LABELS),
                Err(e) if e == "QuotaExceededError" => return Some(Action::Notice(LABELS_FULL.into())),
                Err(_) => {}
            }
            None
        }
        Effect::SaveIndex(index) => {
            if put_meta(db, INDEX, &serde_json::to_string(&index).ok()?).await.is_ok() {
                tell(ch, INDEX);
            }
            None
        }
    }
}

async fn put_meta(db: &IdbDatabase, key: &str, json: &str) -> Result<(), String> {
    put_meta_value(db, key, &JsValue::from_str(json)).await
}

/// Writes `value` under `key` in the `meta` store, committed at once (the precise model's file, a JSON text).
pub(super) async fn put_meta_value(db: &IdbDatabase, key: &str, value: &JsValue) -> Result<(), String> {
    let tx = db.transaction_with_str_and_mode(META, IdbTransactionMode::Readwrite).map_err(error_name)?;
    match tx.object_store(META).and_then(|s| s.put_with_key(value, &key.into())) {
        Ok(_) => {
            commit_now(&tx);
            committed(&tx).await
        }
        Err(e) => {
            let _ = tx.abort();
            Err(error_name(e))
        }
    }
}

/// Saves one document as revision `rev` unless another tab saved a revision newer than `expect` (then theirs
/// comes back as a [`Action::Conflict`]). Until it commits, the write is listed for [`Store::flush`].
async fn save_doc(
    db: &IdbDatabase,
    ch: &Option<BroadcastChannel>,
    inflight: &RefCell<HashMap<String, Pending>>,
    doc: &DocData,
    expect: u64,
    rev: u64,
) -> Option<Action> {
    let json = match doc_json(doc) {
        Ok(j) => j,
        Err(a) => return Some(a),
    };
    let value = record(rev, &json, doc.saved_markup());
    let markup = doc.saved_markup().map(str::to_string);
    inflight.borrow_mut().insert(doc.id.clone(), Pending { rev, expect, json, markup });
    let result = write_if_newer(db, &doc.id, expect, value).await;
    let mut list = inflight.borrow_mut();
    if list.get(&doc.id).is_some_and(|p| p.rev == rev) {
        list.remove(&doc.id);
    }
    drop(list);
    match result {
        Ok(None) => {
            tell(ch, &format!("{REV}{}", doc.id));
            None
        }
        Ok(Some(v)) => unrecord(&v).map(|t| Action::Conflict(doc.id.clone(), t.doc, t.rev)),
        Err(e) => Some(failed(&doc.name, &e)),
    }
}

/// Commits as soon as the transaction's requests are done rather than at the end of the task, so a tab closed
/// right after an edit still saves it. (`commit()` is in the IndexedDB standard and in current Chromium, Firefox
/// and Safari; web-sys marks its binding deprecated.)
#[allow(deprecated)]
fn commit_now(tx: &IdbTransaction) {
    let _ = tx.commit();
}

/// Tells other tabs that `key` changed.
fn tell(ch: &Option<BroadcastChannel>, key: &str) {
    if let Some(ch) = ch {
        let _ = ch.post_message(&JsValue::from_str(key));
    }
}

/// What another tab changed, read back from the database by the key it named.
async fn external_idb(db: &IdbDatabase, key: &str) -> Option<Action> {
    let (store, k) = match key.strip_prefix(REV) {
        Some(id) => (DOCS, id),
        None if key == LABELS || key == INDEX => (META, key),
        None => return None,
    };
    let tx = db.transaction_with_str(store).ok()?;
    let v = done(&tx.object_store(store).ok()?.get(&JsValue::from_str(k)).ok()?).await.ok()?;
    if store == DOCS {
        return Some(match unrecord(&v) {
            Some(d) => Action::External(k.to_string(), Some(d.doc), d.rev),
            None => Action::External(k.to_string(), None, 0),
        });
    }
    external_meta(key, &v.as_string()?)
}

/// The labels or the order another tab saved.
fn external_meta(key: &str, json: &str) -> Option<Action> {
    if key == LABELS {
        return serde_json::from_str::<Vec<Label>>(json).ok().map(Action::ExternalLabels);
    }
    serde_json::from_str::<Index>(json).ok().map(|i| Action::ExternalIndex(i.order, i.detectors))
}

/// Interprets a `storage` event from another tab.
fn external_local(s: &Storage, key: &str) -> Option<Action> {
    if let Some(id) = key.strip_prefix(REV) {
        return Some(match load_doc(s, id) {
            Some(d) => Action::External(id.to_string(), Some(d.doc), d.rev),
            None => Action::External(id.to_string(), None, 0),
        });
    }
    if key == LABELS || key == INDEX {
        return external_meta(key, &get(s, key)?);
    }
    None
}
