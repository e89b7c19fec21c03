//! The app core, free of any browser API: the documents, labels and review decisions a user works on, every
//! change as an [`Action`], and a pure reducer ([`Session::reduce`]) with undo and redo. What must be saved is
//! derived from two states by a [`Saver`], so storage runs as an effect after the reducer, never inside it; the
//! web shell (`src/web`, wasm32 only) only draws a session and runs those effects.
//!
//! ```
//! use sift::session::{Action, NewDoc, Session};
//! use sift::{annotate, Layers, Status};
//!
//! let doc = annotate("d1", "Report", "Prices rose 3.2% in March, the ministry said.", Layers::ALL);
//! let s = Session::default().reduce(Action::AddDocs(vec![NewDoc::from(doc)], vec![]));
//! let first = s.doc().unwrap().spans[0].id.clone();
//! let s = s.reduce(Action::SetStatus(vec![first.clone()], Status::Accepted));
//! assert_eq!(s.doc().unwrap().spans[0].status, Status::Accepted);
//! let s = s.reduce(Action::Undo);
//! assert_eq!(s.doc().unwrap().spans[0].status, Status::Suggested);
//! ```

mod action;
mod apply;
mod attrs;
mod caret;
mod compare;
mod connector;
mod cut;
mod detectors;
mod doc;
pub mod files;
mod label_all;
mod merge;
mod precise;
mod published;
mod rank;
mod review;
mod save;
mod search;
pub mod shortcuts;
mod summary;
#[cfg(test)]
mod tests;
mod theme;

pub use action::{Action, AllScope, Filter, OnDelete, Published, View};
pub use attrs::{attr_rows, attr_value, AttrKind};
pub use caret::{landing, line_end, line_start, Caret, Motion};
pub use compare::{compared, Compared};
pub use connector::{curve, drawn_relations, short_label, Curve, Drawn, Piece, Rect};
pub use cut::{analyze_slice, blocks, slices, spans_per_block, too_long, AT_ONCE, MAX_TEXT};
pub use detectors::{Detectors, DETECTED};
pub use doc::{doc_name, DocData, NewDoc, Resize};
pub use merge::{add_suggestions, manual_id, merge_suggestions, new_label};
pub use precise::{unscored, Precise};
pub use rank::{listed, next_worthy, percent, ranked, visible, worth, worth_told, REASONS};
pub use review::{annotator_from, choice_for_key, next_undecided, Review, OWN_NAME};
pub use save::{may_write, Effect, Index, Saved, SavedDoc, Saver};
pub use search::{find_all, fold_query, status as search_status, step as search_step, Folded, MAX_HITS};
pub use summary::{count_words, counts_summary};
pub use theme::Theme;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::compare::Decision;
use crate::Label;

/// How many edits undo remembers.
const UNDO_DEPTH: usize = 200;

/// What undo restores: the documents (shared, so a snapshot is cheap), the labels and the open document.
#[derive(Clone)]
struct Snapshot {
    docs: Rc<Vec<Rc<DocData>>>,
    labels: Rc<Vec<Label>>,
    link_labels: Rc<Vec<Label>>,
    current: Option<String>,
    decisions: Rc<Vec<Decision>>,
    review: Rc<Review>,
    detectors: Detectors,
}

/// Everything the user works on, and how the app shows it.
#[derive(Clone)]
pub struct Session {
    /// Documents in sidebar order.
    pub docs: Rc<Vec<Rc<DocData>>>,
    /// Span labels in palette order.
    pub labels: Rc<Vec<Label>>,
    /// The other labels: relation types and the document label set (by [`crate::Scope`]).
    pub link_labels: Rc<Vec<Label>>,
    /// The open document's id.
    pub current: Option<String>,
    /// The stored revision of each document as last read from storage (at load, or when another tab saved it).
    pub revs: Rc<HashMap<String, u64>>,
    /// Labels whose spans are hidden.
    pub hidden: Rc<HashSet<String>>,
    /// Which built-in detectors run (deleting a built-in label switches its detector off; saved, undoable).
    pub detectors: Detectors,
    /// The user's decisions on the comparison of the documents, oldest first (saved and exported with them).
    pub decisions: Rc<Vec<Decision>>,
    /// Documents (by id) the user took out of the comparison; the others are compared.
    pub compare_out: Rc<HashSet<String>>,
    /// What the main area shows.
    pub view: View,
    /// Other annotators' work and the adjudicator's choices (saved with the index).
    pub review: Rc<Review>,
    /// The disagreement the adjudication view is on (an index into the current list).
    pub review_at: usize,
    /// Claims scoring below this check-worthiness are not drawn (0: every claim).
    pub min_worth: f64,
    /// The selected span of the open document.
    pub selected: Option<String>,
    /// Span-list filter.
    pub filter: Filter,
    /// A message for the user (storage full, conflicts, bad files).
    pub notice: Option<String>,
    /// Documents still being annotated slice by slice, with their progress in percent.
    pub annotating: Rc<HashMap<String, u8>>,
    /// The precise check-worthiness model, when the shell has loaded one (not saved).
    pub precise: Option<Rc<Precise>>,
    /// Edits made so far (each one an undo step): a document being annotated is saved only when edited.
    pub(crate) edits: u64,
    /// Changes to the labels or the order that came from another tab: those are not written back.
    pub(crate) outside: u64,
    undo: Rc<Vec<Snapshot>>,
    redo: Rc<Vec<Snapshot>>,
}

impl Default for Session {
    fn default() -> Self {
        Session::from_saved(Saved::default())
    }
}

impl PartialEq for Session {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Session {
    /// The session saved in this browser (or an empty one, with the built-in labels).
    pub fn from_saved(saved: Saved) -> Session {
        let mut revs = HashMap::new();
        let docs: Vec<Rc<DocData>> = saved
            .docs
            .into_iter()
            .map(|d| {
                revs.insert(d.doc.id.clone(), d.rev);
                Rc::new(DocData::new(d.into_new_doc()))
            })
            .collect();
        let (labels, link_labels) = split_labels(saved.labels);
        let labels = if labels.is_empty() { Label::builtin() } else { labels };
        let current =
            saved.current.filter(|c| docs.iter().any(|d| d.id == *c)).or_else(|| docs.first().map(|d| d.id.clone()));
        Session {
            docs: Rc::new(docs),
            labels: Rc::new(labels),
            link_labels: Rc::new(link_labels),
            current,
            revs: Rc::new(revs),
            hidden: Rc::default(),
            detectors: saved.detectors,
            decisions: Rc::new(saved.decisions),
            compare_out: Rc::default(),
            view: View::default(),
            review: saved.review,
            review_at: 0,
            min_worth: 0.0,
            selected: None,
            filter: Filter::default(),
            notice: saved.warning,
            annotating: Rc::default(),
            precise: None,
            edits: 0,
            outside: 0,
            undo: Rc::default(),
            redo: Rc::default(),
        }
    }

    /// The open document.
    pub fn doc(&self) -> Option<&Rc<DocData>> {
        let id = self.current.as_ref()?;
        self.docs.iter().find(|d| d.id == *id)
    }

    /// The selected span of the open document.
    pub fn selected_span(&self) -> Option<&crate::Span> {
        let id = self.selected.as_ref()?;
        self.doc()?.spans.iter().find(|s| s.id == *id)
    }

    /// The label called `name`.
    pub fn label(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    /// The labels of `scope` among the relation types and document labels.
    pub fn link_labels_of(&self, scope: crate::Scope) -> impl Iterator<Item = &Label> {
        self.link_labels.iter().filter(move |l| l.scope == scope)
    }

    /// Every label, as storage and exports keep them: span labels, then relation types and document labels.
    pub fn all_labels(&self) -> Vec<Label> {
        self.labels.iter().chain(self.link_labels.iter()).cloned().collect()
    }

    /// Whether undo has anything.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether redo has anything.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The session after `action`. Pure: no storage, no DOM; what must be saved is [`Saver::plan`]'s job.
    pub fn reduce(&self, action: Action) -> Session {
        self.next(action).unwrap_or_else(|| self.clone())
    }

    /// Like [`Session::reduce`], but `None` when the action changes nothing at all (an undo with no history), so
    /// a view can skip drawing.
    pub fn next(&self, action: Action) -> Option<Session> {
        let mut next = self.clone();
        match action {
            Action::Undo => {
                let s = Rc::make_mut(&mut next.undo).pop()?;
                let now = next.snapshot();
                Rc::make_mut(&mut next.redo).push(now);
                next.restore(s);
                next.edits += 1;
            }
            Action::Redo => {
                let s = Rc::make_mut(&mut next.redo).pop()?;
                let now = next.snapshot();
                Rc::make_mut(&mut next.undo).push(now);
                next.restore(s);
                next.edits += 1;
            }
            a if a.is_edit() => {
                let before = next.snapshot();
                next.apply_in_order(a);
                let changed = !Rc::ptr_eq(&next.docs, &before.docs) && !same_docs(&next.docs, &before.docs)
                    || !Rc::ptr_eq(&next.labels, &before.labels)
                    || !Rc::ptr_eq(&next.link_labels, &before.link_labels)
                    || !Rc::ptr_eq(&next.decisions, &before.decisions)
                    || !Rc::ptr_eq(&next.review, &before.review)
                    || next.detectors != before.detectors;
                if changed {
                    let undo = Rc::make_mut(&mut next.undo);
                    undo.push(before);
                    if undo.len() > UNDO_DEPTH {
                        undo.remove(0);
                    }
                    next.redo = Rc::default();
                    next.edits += 1;
                }
            }
            a => next.apply_in_order(a),
        }
        if next.selected.is_some() && next.selected_span().is_none() {
            next.selected = None;
        }
        Some(next)
    }

    /// Applies `a`, then keeps the comparison decisions on their documents: they name documents by list index,
    /// so when the list is reordered or loses a document their indices follow, and those about a deleted document
    /// go (undo brings both back).
    fn apply_in_order(&mut self, a: Action) {
        let before = self.docs.clone();
        self.apply(a);
        if Rc::ptr_eq(&before, &self.docs) || self.decisions.is_empty() {
            return;
        }
        let now: HashMap<&str, usize> = self.docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
        let to: Vec<Option<usize>> = before.iter().map(|d| now.get(d.id.as_str()).copied()).collect();
        if to.iter().enumerate().all(|(i, t)| *t == Some(i)) {
            return;
        }
        let kept = self.decisions.iter().filter_map(|d| d.remapped(|i| to.get(i).copied().flatten())).collect();
        self.decisions = Rc::new(kept);
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            docs: self.docs.clone(),
            labels: self.labels.clone(),
            link_labels: self.link_labels.clone(),
            current: self.current.clone(),
            decisions: self.decisions.clone(),
            review: self.review.clone(),
            detectors: self.detectors,
        }
    }

    fn restore(&mut self, s: Snapshot) {
        self.docs = s.docs;
        self.labels = s.labels;
        self.link_labels = s.link_labels;
        self.current = s.current;
        self.decisions = s.decisions;
        self.review = s.review;
        self.detectors = s.detectors;
        self.selected = None;
    }
}

/// Splits a stored or imported label list into span labels and the rest (relation types, document labels).
pub(crate) fn split_labels(all: Vec<Label>) -> (Vec<Label>, Vec<Label>) {
    all.into_iter().partition(|l| l.scope == crate::Scope::Span)
}

/// User text (a label name, a span's text) as a notice quotes it: in curly quotes, cut short as every message
/// cuts an offending value ([`crate::formats::clip`]).
pub(crate) fn quoted(text: &str) -> String {
    format!("“{}”", crate::formats::clip(text))
}

/// Whether two document lists hold the very same documents, in the same order.
fn same_docs(a: &[Rc<DocData>], b: &[Rc<DocData>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(x, y))
}
