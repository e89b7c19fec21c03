//! Autosave to IndexedDB (no 5 MB cap like `localStorage`), one record per document so that a full store loses
//! nothing already saved, and a revision number per document so that two tabs never overwrite each other's work.
//!
//! Database `sift` (version 1): store `docs` (key: document id; value `{rev, json}`, the document as JSON) and
//! store `meta` (`index`: order and open document; `labels`). Each save is one read-write transaction that reads
//! the stored revision and writes only if no other tab saved a newer one, so the check and the write are atomic;
//! once it commits, other tabs hear of it on the `sift` `BroadcastChannel` (the message is the key named below)
//! and read the record. Existing `localStorage` data is moved in when the database is created.
//!
//! When IndexedDB is unavailable (some `file://` or private contexts) the same keys live in `localStorage`:
//! `sift:v1:index`, `sift:v1:labels`, `sift:v1:doc:<id>` and `sift:v1:rev:<id>` (written after the document so
//! that a tab hearing of a new revision through the `storage` event can read the document at once).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use js_sys::{Object, Promise, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{BroadcastChannel, IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode, Storage};
use yew::Callback;

use super::state::{Action, AppState};
use crate::{Document, Label};

const INDEX: &str = "sift:v1:index";
const LABELS: &str = "sift:v1:labels";
const DOC: &str = "sift:v1:doc:";
const REV: &str = "sift:v1:rev:";

const DB: &str = "sift";
const DOCS: &str = "docs";
const META: &str = "meta";

#[derive(Serialize, Deserialize, Default)]
struct Index {
    order: Vec<String>,
    current: Option<String>,
}

/// What was saved in this browser.
#[derive(Default)]
pub struct Saved {
    /// Documents in order, with their revisions.
    pub docs: Vec<(Document, u64)>,
    /// Labels (empty: use the built-in ones).
    pub labels: Vec<Label>,
    /// The open document.
    pub current: Option<String>,
    /// A problem met while loading.
    pub warning: Option<String>,
}

/// Where the work goes.
#[derive(Clone)]
enum Backend {
    Idb(IdbDatabase, Option<BroadcastChannel>),
    Local(Storage),
    None,
}

thread_local! {
    static BACKEND: RefCell<Backend> = const { RefCell::new(Backend::None) };
    /// What [`open`] read, handed to the app's first state by [`load`].
    static LOADED: RefCell<Option<Saved>> = const { RefCell::new(None) };
    /// The app's dispatcher, for outcomes known only after a save commits (conflicts, storage full).
    static DISPATCH: RefCell<Option<Callback<Action>>> = const { RefCell::new(None) };
    /// Writes under way.
    static PENDING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn backend() -> Backend {
    BACKEND.with(|b| b.borrow().clone())
}

fn emit(a: Action) {
    if let Some(d) = DISPATCH.with(|d| d.borrow().clone()) {
        d.emit(a);
    }
}

const FULL: &str = "Storage is full: the last change is kept in this tab but not saved. Everything saved before is \
    safe. Export your work or delete documents you no longer need.";

fn full(name: &str) -> String {
    FULL.replace("the last change", &format!("the last change to {name:?}"))
}

/// Opens the database (moving `localStorage` data in on first use) and reads everything saved, before the app
/// starts; falls back to `localStorage` when IndexedDB is unavailable.
pub async fn open() {
    match open_idb().await {
        Ok((db, migrated)) => {
            let saved = load_idb(&db).await.unwrap_or_else(|_| Saved {
                warning: Some("Could not read the saved work from this browser's database.".into()),
                ..Saved::default()
            });
            let channel = BroadcastChannel::new(DB).ok();
            BACKEND.with(|b| *b.borrow_mut() = Backend::Idb(db, channel));
            LOADED.with(|l| *l.borrow_mut() = Some(saved));
            // The move is committed: free the old keys (the fallback starts empty if it is ever needed).
            if let Some(s) = local().filter(|_| migrated) {
                for k in local_keys(&s) {
                    let _ = s.remove_item(&k);
                }
            }
        }
        Err(_) => {
            if let Some(s) = local() {
                BACKEND.with(|b| *b.borrow_mut() = Backend::Local(s));
            }
        }
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
async fn done(r: &IdbRequest) -> Result<JsValue, JsValue> {
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
    let migrated = Rc::new(std::cell::Cell::new(false));
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
    for (d, rev) in &old.docs {
        if let Ok(json) = serde_json::to_string(d) {
            let _ = docs.put_with_key(&record(*rev, &json), &JsValue::from_str(&d.id));
        }
    }
    for (key, v) in [(INDEX, get(&s, INDEX)), (LABELS, get(&s, LABELS))] {
        if let Some(v) = v {
            let _ = meta.put_with_key(&JsValue::from_str(&v), &JsValue::from_str(key));
        }
    }
}

fn record(rev: u64, json: &str) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"rev".into(), &JsValue::from_f64(rev as f64));
    let _ = Reflect::set(&o, &"json".into(), &JsValue::from_str(json));
    o.into()
}

/// A stored document record: the document and its revision.
fn unrecord(v: &JsValue) -> Option<(Document, u64)> {
    let rev = Reflect::get(v, &"rev".into()).ok()?.as_f64()? as u64;
    let json = Reflect::get(v, &"json".into()).ok()?.as_string()?;
    Some((serde_json::from_str(&json).ok()?, rev))
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
    let mut out = Saved { labels, current: index.current, ..Saved::default() };
    let mut broken = 0;
    for v in all.iter() {
        match unrecord(&v) {
            Some(d) => out.docs.push(d),
            None => broken += 1,
        }
    }
    // In saved order; a document saved but missing from the order (its index write failed) goes last.
    out.docs.sort_by_key(|(d, _)| index.order.iter().position(|o| *o == d.id).unwrap_or(usize::MAX));
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

/// Reads everything saved (what [`open`] read, or `localStorage` when it is the store).
pub fn load() -> Saved {
    if let Some(saved) = LOADED.with(|l| l.borrow_mut().take()) {
        return saved;
    }
    match backend() {
        Backend::Local(s) => load_local(&s),
        _ => Saved {
            warning: Some("This browser gives the page no storage: work will not survive a reload.".into()),
            ..Saved::default()
        },
    }
}

fn load_local(s: &Storage) -> Saved {
    let mut out = Saved::default();
    let index: Index = get(s, INDEX).and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
    out.labels = get(s, LABELS).and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
    out.current = index.current;
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

/// Reads one saved document and its revision from `localStorage`.
fn load_doc(s: &Storage, id: &str) -> Option<(Document, u64)> {
    let doc: Document = serde_json::from_str(&get(s, &format!("{DOC}{id}"))?).ok()?;
    Some((doc, saved_rev(s, id)))
}

fn saved_rev(s: &Storage, id: &str) -> u64 {
    get(s, &format!("{REV}{id}")).and_then(|r| r.parse().ok()).unwrap_or(0)
}

/// Writes what changed between `old` and `new`, bumping revisions in `new`. Returns a warning when something
/// could not be saved (storage full) or another tab had saved a newer revision (that one is kept and loaded);
/// with IndexedDB these come a moment later as actions, once the write commits or fails.
pub fn persist(old: &AppState, new: &mut AppState) -> Option<String> {
    match backend() {
        Backend::Idb(db, ch) => {
            persist_idb(&db, ch, old, new);
            None
        }
        Backend::Local(s) => persist_local(&s, old, new),
        Backend::None => None,
    }
}

/// A changed document: id, name, and its JSON (or why it could not be written).
type Changed = (String, String, Result<String, String>);

/// The documents that changed from `old` to `new`, and the ids `new` no longer has.
fn changes(old: &AppState, new: &AppState) -> (Vec<Changed>, Vec<String>) {
    let changed = new
        .docs
        .iter()
        .filter(|d| !old.docs.iter().any(|o| Rc::ptr_eq(o, d)))
        .map(|d| (d.id.clone(), d.name.clone(), serde_json::to_string(&d.to_document()).map_err(|e| e.to_string())))
        .collect();
    let gone = old.docs.iter().filter(|o| !new.docs.iter().any(|d| d.id == o.id)).map(|o| o.id.clone()).collect();
    (changed, gone)
}

fn order_changed(old: &AppState, new: &AppState) -> bool {
    old.docs.len() != new.docs.len()
        || old.docs.iter().zip(&new.docs).any(|(a, b)| a.id != b.id)
        || old.current != new.current
}

fn index_json(new: &AppState) -> Option<String> {
    let index = Index { order: new.docs.iter().map(|d| d.id.clone()).collect(), current: new.current.clone() };
    serde_json::to_string(&index).ok()
}

fn persist_idb(db: &IdbDatabase, ch: Option<BroadcastChannel>, old: &AppState, new: &mut AppState) {
    let mut revs = new.revs.as_ref().clone();
    let (changed, gone) = changes(old, new);
    for (id, name, json) in changed {
        let json = match json {
            Ok(j) => j,
            Err(e) => {
                emit(Action::Notice(format!("Could not save {name:?}: {e}")));
                continue;
            }
        };
        let known = revs.get(&id).copied().unwrap_or(0);
        revs.insert(id.clone(), known + 1);
        let (db, ch) = (db.clone(), ch.clone());
        saving(async move { save_doc(&db, ch, id, name, json, known).await });
    }
    for id in gone {
        revs.remove(&id);
        let (db, ch) = (db.clone(), ch.clone());
        saving(async move {
            let Ok(tx) = db.transaction_with_str_and_mode(DOCS, IdbTransactionMode::Readwrite) else { return };
            if let Ok(s) = tx.object_store(DOCS) {
                let _ = s.delete(&JsValue::from_str(&id));
            }
            commit_now(&tx);
            if committed(&tx).await.is_ok() {
                tell(&ch, &format!("{REV}{id}"));
            }
        });
    }
    let mut meta = Vec::new();
    if !Rc::ptr_eq(&old.labels, &new.labels) {
        if let Ok(j) = serde_json::to_string(new.labels.as_ref()) {
            meta.push((LABELS, j));
        }
    }
    if order_changed(old, new) {
        meta.extend(index_json(new).map(|j| (INDEX, j)));
    }
    for (key, json) in meta {
        let (db, ch) = (db.clone(), ch.clone());
        saving(async move {
            let Ok(tx) = db.transaction_with_str_and_mode(META, IdbTransactionMode::Readwrite) else { return };
            let put = tx.object_store(META).and_then(|s| s.put_with_key(&JsValue::from_str(&json), &key.into()));
            let result = match put {
                Ok(_) => {
                    commit_now(&tx);
                    committed(&tx).await
                }
                Err(e) => {
                    let _ = tx.abort();
                    Err(e.dyn_into::<web_sys::DomException>().map_or_else(|_| String::new(), |e| e.name()))
                }
            };
            match result {
                Ok(()) => tell(&ch, key),
                Err(e) if e == "QuotaExceededError" && key == LABELS => {
                    emit(Action::Notice("Storage is full: the label change is not saved.".into()))
                }
                Err(_) => {}
            }
        });
    }
    new.revs = Rc::new(revs);
}

/// Runs a write, counting it in `data-saving` on `<body>` while it is under way: a write not yet committed is
/// lost if the page is closed or reloaded, so the page says when everything is saved.
fn saving(write: impl std::future::Future<Output = ()> + 'static) {
    fn mark(delta: i32) {
        let n = PENDING.with(|p| {
            p.set(p.get().saturating_add_signed(delta));
            p.get()
        });
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            let _ = if n == 0 {
                body.remove_attribute("data-saving")
            } else {
                body.set_attribute("data-saving", &n.to_string())
            };
        }
    }
    mark(1);
    wasm_bindgen_futures::spawn_local(async move {
        write.await;
        mark(-1);
    });
}

/// Saves one document unless another tab saved a newer revision than `known` (then loads theirs).
async fn save_doc(db: &IdbDatabase, ch: Option<BroadcastChannel>, id: String, name: String, json: String, known: u64) {
    /// What happened inside the transaction.
    enum Outcome {
        Saved,
        Theirs(JsValue),
        Failed(String),
    }
    let Ok(tx) = db.transaction_with_str_and_mode(DOCS, IdbTransactionMode::Readwrite) else { return };
    let Ok(store) = tx.object_store(DOCS) else { return };
    let Ok(read) = store.get(&JsValue::from_str(&id)) else { return };
    let outcome = Rc::new(RefCell::new(Outcome::Failed(String::new())));
    // The write is made in the read's success handler, while the transaction is still active: read and write
    // are one atomic step, whatever other tabs do.
    let on_read = wasm_bindgen::closure::Closure::once_into_js({
        let (outcome, read, id, tx) = (outcome.clone(), read.clone(), id.clone(), tx.clone());
        move || {
            let stored = read.result().unwrap_or(JsValue::UNDEFINED);
            *outcome.borrow_mut() = if stored_rev(&stored) > known {
                Outcome::Theirs(stored)
            } else {
                match store.put_with_key(&record(known + 1, &json), &JsValue::from_str(&id)) {
                    Ok(_) => {
                        // Nothing else to do: commit now rather than at the end of the task (a closing tab).
                        commit_now(&tx);
                        Outcome::Saved
                    }
                    Err(e) => Outcome::Failed(
                        e.dyn_into::<web_sys::DomException>().map_or_else(|_| String::new(), |e| e.name()),
                    ),
                }
            };
        }
    });
    read.set_onsuccess(Some(on_read.unchecked_ref()));
    let result = committed(&tx).await;
    let outcome = std::mem::replace(&mut *outcome.borrow_mut(), Outcome::Saved);
    match (result, outcome) {
        (Ok(()), Outcome::Saved) => tell(&ch, &format!("{REV}{id}")),
        (Ok(()), Outcome::Theirs(v)) => {
            // Another tab saved this document since we loaded it: keep its work, show it, drop our edit.
            if let Some((theirs, rev)) = unrecord(&v) {
                emit(Action::External(id, Some(theirs), rev));
                emit(Action::Notice(format!(
                    "{name:?} was changed in another tab; its version is kept and your last edit to it was not applied."
                )));
            }
        }
        (Err(e), _) | (Ok(()), Outcome::Failed(e)) => {
            emit(Action::Notice(if e == "QuotaExceededError" || e.is_empty() {
                full(&name)
            } else {
                format!("Could not save {name:?} ({e}). Everything saved before is safe.")
            }))
        }
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

fn persist_local(s: &Storage, old: &AppState, new: &mut AppState) -> Option<String> {
    let mut warning = None;
    let mut revs = new.revs.as_ref().clone();
    let (changed, gone) = changes(old, new);
    for (id, name, json) in changed {
        let known = revs.get(&id).copied().unwrap_or(0);
        let stored = saved_rev(s, &id);
        if stored > known {
            // Another tab saved this document since we loaded it: keep its work, show it, drop our edit.
            if let Some((theirs, rev)) = load_doc(s, &id) {
                revs.insert(id.clone(), rev);
                if let Some(slot) = new.docs.iter_mut().find(|d| d.id == id) {
                    *slot = Rc::new(super::state::DocData::from_document(theirs));
                }
                warning = Some(format!(
                    "{name:?} was changed in another tab; its version is kept and your last edit to it was not applied."
                ));
                continue;
            }
        }
        let json = match json {
            Ok(j) => j,
            Err(e) => {
                warning = Some(format!("Could not save {name:?}: {e}"));
                continue;
            }
        };
        let rev = known.max(stored) + 1;
        if s.set_item(&format!("{DOC}{id}"), &json).is_err() {
            warning = Some(full(&name));
            continue;
        }
        let _ = s.set_item(&format!("{REV}{id}"), &rev.to_string());
        revs.insert(id, rev);
    }
    for id in gone {
        let _ = s.remove_item(&format!("{DOC}{id}"));
        let _ = s.remove_item(&format!("{REV}{id}"));
        revs.remove(&id);
    }
    if !Rc::ptr_eq(&old.labels, &new.labels) {
        if let Ok(j) = serde_json::to_string(new.labels.as_ref()) {
            if s.set_item(LABELS, &j).is_err() {
                warning = Some("Storage is full: the label change is not saved.".into());
            }
        }
    }
    if order_changed(old, new) {
        if let Some(j) = index_json(new) {
            let _ = s.set_item(INDEX, &j);
        }
    }
    new.revs = Rc::new(revs);
    warning
}

/// Listens for other tabs' saves (and this tab's late save outcomes) and sends them to `dispatch`; stops when
/// the returned guard is dropped.
pub fn listen(dispatch: Callback<Action>) -> Option<EventListener> {
    DISPATCH.with(|d| *d.borrow_mut() = Some(dispatch));
    match backend() {
        Backend::Idb(db, Some(ch)) => Some(EventListener::new(&ch, "message", move |e| {
            let Some(key) = e.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_string()) else { return };
            let db = db.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(a) = external_idb(&db, &key).await {
                    emit(a);
                }
            });
        })),
        Backend::Local(s) => {
            let win = web_sys::window()?;
            Some(EventListener::new(&win, "storage", move |e| {
                let Some(key) = e.dyn_ref::<web_sys::StorageEvent>().and_then(|e| e.key()) else { return };
                if let Some(a) = external_local(&s, &key) {
                    emit(a);
                }
            }))
        }
        _ => None,
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
            Some((d, rev)) => Action::External(k.to_string(), Some(d), rev),
            None => Action::External(k.to_string(), None, 0),
        });
    }
    let json = v.as_string()?;
    if key == LABELS {
        return serde_json::from_str(&json).ok().map(Action::ExternalLabels);
    }
    serde_json::from_str::<Index>(&json).ok().map(|i| Action::ExternalOrder(i.order))
}

/// Interprets a `storage` event from another tab.
fn external_local(s: &Storage, key: &str) -> Option<Action> {
    if let Some(id) = key.strip_prefix(REV) {
        return Some(match load_doc(s, id) {
            Some((d, rev)) => Action::External(id.to_string(), Some(d), rev),
            None => Action::External(id.to_string(), None, 0),
        });
    }
    if key == LABELS {
        return get(s, LABELS).and_then(|j| serde_json::from_str(&j).ok()).map(Action::ExternalLabels);
    }
    if key == INDEX {
        let index: Index = get(s, INDEX).and_then(|j| serde_json::from_str(&j).ok())?;
        return Some(Action::ExternalOrder(index.order));
    }
    None
}
