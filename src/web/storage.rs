//! Autosave to `localStorage`, one key per document so that a full store loses nothing already saved, and a
//! revision number per document so that two tabs never overwrite each other's work.
//!
//! Keys: `sift:v1:index` (order and open document), `sift:v1:labels`, `sift:v1:doc:<id>` (the document as JSON)
//! and `sift:v1:rev:<id>` (its revision, written after the document so that a tab hearing of a new revision can
//! read the document at once).

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use web_sys::Storage;

use super::state::AppState;
use crate::{Document, Label};

const INDEX: &str = "sift:v1:index";
const LABELS: &str = "sift:v1:labels";
const DOC: &str = "sift:v1:doc:";
const REV: &str = "sift:v1:rev:";

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

fn store() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(s: &Storage, key: &str) -> Option<String> {
    s.get_item(key).ok().flatten()
}

/// Reads everything saved.
pub fn load() -> Saved {
    let mut out = Saved::default();
    let Some(s) = store() else {
        out.warning = Some("This browser gives the page no storage: work will not survive a reload.".into());
        return out;
    };
    let index: Index = get(&s, INDEX).and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
    out.labels = get(&s, LABELS).and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
    out.current = index.current;
    let mut broken = Vec::new();
    for id in index.order {
        match load_doc(&s, &id) {
            Some(d) => out.docs.push(d),
            None => broken.push(id),
        }
    }
    if !broken.is_empty() {
        out.warning = Some(format!("Could not read {} saved document(s): {}", broken.len(), broken.join(", ")));
    }
    out
}

/// Reads one saved document and its revision.
pub fn load_doc(s: &Storage, id: &str) -> Option<(Document, u64)> {
    let doc: Document = serde_json::from_str(&get(s, &format!("{DOC}{id}"))?).ok()?;
    Some((doc, saved_rev(s, id)))
}

fn saved_rev(s: &Storage, id: &str) -> u64 {
    get(s, &format!("{REV}{id}")).and_then(|r| r.parse().ok()).unwrap_or(0)
}

/// Writes what changed between `old` and `new`, bumping revisions in `new`. Returns a warning when something
/// could not be saved (storage full) or another tab had saved a newer revision (that one is kept and loaded).
pub fn persist(old: &AppState, new: &mut AppState) -> Option<String> {
    let s = store()?;
    let mut warning = None;
    let mut revs = new.revs.as_ref().clone();
    for (i, d) in new.docs.clone().iter().enumerate() {
        let unchanged = old.docs.iter().any(|o| Rc::ptr_eq(o, d));
        if unchanged {
            continue;
        }
        let known = revs.get(&d.id).copied().unwrap_or(0);
        let stored = saved_rev(&s, &d.id);
        if stored > known {
            // Another tab saved this document since we loaded it: keep its work, show it, drop our edit.
            if let Some((theirs, rev)) = load_doc(&s, &d.id) {
                revs.insert(d.id.clone(), rev);
                new.docs[i] = Rc::new(super::state::DocData::from_document(theirs));
                warning = Some(format!(
                    "{:?} was changed in another tab; its version is kept and your last edit to it was not applied.",
                    d.name
                ));
                continue;
            }
        }
        let json = match serde_json::to_string(&d.to_document()) {
            Ok(j) => j,
            Err(e) => {
                warning = Some(format!("Could not save {:?}: {e}", d.name));
                continue;
            }
        };
        let rev = known.max(stored) + 1;
        if s.set_item(&format!("{DOC}{}", d.id), &json).is_err() {
            warning = Some(format!(
                "Storage is full: the last change to {:?} is kept in this tab but not saved. Everything saved before is \
                 safe. Export your work or delete documents you no longer need.",
                d.name
            ));
            continue;
        }
        let _ = s.set_item(&format!("{REV}{}", d.id), &rev.to_string());
        revs.insert(d.id.clone(), rev);
    }
    for o in old.docs.iter().filter(|o| !new.docs.iter().any(|d| d.id == o.id)) {
        let _ = s.remove_item(&format!("{DOC}{}", o.id));
        let _ = s.remove_item(&format!("{REV}{}", o.id));
        revs.remove(&o.id);
    }
    if !Rc::ptr_eq(&old.labels, &new.labels) {
        if let Ok(j) = serde_json::to_string(new.labels.as_ref()) {
            if s.set_item(LABELS, &j).is_err() {
                warning = Some("Storage is full: the label change is not saved.".into());
            }
        }
    }
    let order_changed = old.docs.len() != new.docs.len() || old.docs.iter().zip(&new.docs).any(|(a, b)| a.id != b.id);
    if order_changed || old.current != new.current {
        let index = Index { order: new.docs.iter().map(|d| d.id.clone()).collect(), current: new.current.clone() };
        if let Ok(j) = serde_json::to_string(&index) {
            let _ = s.set_item(INDEX, &j);
        }
    }
    new.revs = Rc::new(revs);
    warning
}

/// What another tab changed, read from a `storage` event's key.
pub enum External {
    /// A document got a new revision (`None`: it was deleted).
    Doc(String, Option<Document>, u64),
    /// The labels changed.
    Labels(Vec<Label>),
    /// The document order changed.
    Order(Vec<String>),
}

/// Interprets a `storage` event from another tab.
pub fn external(key: &str) -> Option<External> {
    let s = store()?;
    if let Some(id) = key.strip_prefix(REV) {
        return Some(match load_doc(&s, id) {
            Some((d, rev)) => External::Doc(id.to_string(), Some(d), rev),
            None => External::Doc(id.to_string(), None, 0),
        });
    }
    if key == LABELS {
        return get(&s, LABELS).and_then(|j| serde_json::from_str(&j).ok()).map(External::Labels);
    }
    if key == INDEX {
        let index: Index = get(&s, INDEX).and_then(|j| serde_json::from_str(&j).ok())?;
        return Some(External::Order(index.order));
    }
    None
}
