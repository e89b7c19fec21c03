//! The app state as one [`Reducible`]: every edit is an [`Action`], so undo/redo and autosave hang off
//! [`AppState::reduce`] and nowhere else.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use yew::Reducible;

use super::storage;
use crate::annotation::{auto_id, sort_spans};
use crate::{analyze, Document, Label, Layers, OffsetMap, Origin, Span, Status};

/// How many edits undo remembers.
const UNDO_DEPTH: usize = 200;

/// One document as the app holds it: the text and its offset tables are shared, never copied on edit.
#[derive(Debug)]
pub struct DocData {
    /// Stable identifier.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The text exactly as pasted.
    pub text: Rc<str>,
    /// Offset tables for `text` (UTF-16 at the DOM boundary, bytes for slicing).
    pub map: Rc<OffsetMap>,
    /// Spans sorted by (start, end, label).
    pub spans: Rc<Vec<Span>>,
}

impl PartialEq for DocData {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.name == other.name
            && Rc::ptr_eq(&self.text, &other.text)
            && Rc::ptr_eq(&self.spans, &other.spans)
    }
}

impl DocData {
    /// Wraps a core document.
    pub fn from_document(d: Document) -> DocData {
        let map = Rc::new(OffsetMap::new(&d.text));
        let mut spans = d.spans;
        sort_spans(&mut spans);
        DocData { id: d.id, name: d.name, text: Rc::from(d.text), map, spans: Rc::new(spans) }
    }

    /// The core document (copies the text).
    pub fn to_document(&self) -> Document {
        Document {
            id: self.id.clone(),
            name: self.name.clone(),
            text: self.text.to_string(),
            spans: self.spans.as_ref().clone(),
        }
    }

    /// Same text and id, other spans.
    fn with_spans(&self, mut spans: Vec<Span>) -> DocData {
        sort_spans(&mut spans);
        DocData {
            id: self.id.clone(),
            name: self.name.clone(),
            text: self.text.clone(),
            map: self.map.clone(),
            spans: Rc::new(spans),
        }
    }

    /// The text between two code-point offsets.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let n = self.map.len_chars();
        let (s, e) = (start.min(n), end.min(n).max(start.min(n)));
        &self.text[self.map.char_to_byte(s)..self.map.char_to_byte(e)]
    }

    /// Non-rejected spans per label.
    pub fn counts(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for s in self.spans.iter().filter(|s| s.status != Status::Rejected) {
            match out.iter_mut().find(|(l, _)| *l == s.label) {
                Some((_, n)) => *n += 1,
                None => out.push((s.label.clone(), 1)),
            }
        }
        out
    }
}

/// What undo restores: the documents (shared, so a snapshot is cheap), the labels and the open document.
#[derive(Clone)]
struct Snapshot {
    docs: Vec<Rc<DocData>>,
    labels: Rc<Vec<Label>>,
    current: Option<String>,
}

/// What to do with the spans of a label being deleted.
#[derive(Debug, Clone, PartialEq)]
pub enum OnDelete {
    /// Delete them too.
    DeleteSpans,
    /// Give them another label.
    Relabel(String),
}

/// Filters of the span list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Only this label.
    pub label: Option<String>,
    /// Only this origin.
    pub origin: Option<Origin>,
    /// Only this status.
    pub status: Option<Status>,
}

impl Filter {
    /// Whether `s` passes.
    pub fn admits(&self, s: &Span) -> bool {
        self.label.as_ref().is_none_or(|l| *l == s.label)
            && self.origin.is_none_or(|o| o == s.origin)
            && self.status.is_none_or(|st| st == s.status)
    }
}

/// Every change the app can make.
#[derive(Debug, Clone)]
pub enum Action {
    /// Adds documents (pasted, typed, opened or imported) and opens the first; labels from an import are merged.
    AddDocs(Vec<Document>, Vec<Label>),
    /// Opens a document.
    Open(String),
    /// Renames a document.
    Rename(String, String),
    /// Deletes a document (undoable).
    DeleteDoc(String),
    /// Moves a document up (-1) or down (+1) in the list.
    MoveDoc(String, i32),
    /// Sets the status of spans of the open document.
    SetStatus(Vec<String>, Status),
    /// Accepts or rejects every suggestion of a label in the open document.
    LayerStatus(String, Status),
    /// Tags a code-point range of the open document with a label (manual span, accepted).
    Tag(usize, usize, String),
    /// Changes a span of the open document: new range, label and note. Fixing a suggestion rejects it and adds
    /// the corrected span as a manual one, so re-annotation does not bring the original back.
    Fix {
        /// The span.
        id: String,
        /// New start (code points).
        start: usize,
        /// New end (code points).
        end: usize,
        /// New label.
        label: String,
        /// New note (`None` or blank: no note).
        note: Option<String>,
    },
    /// Deletes a span: manual spans go, suggestions become rejected.
    DeleteSpan(String),
    /// Runs the detectors again on the open document, keeping every review decision.
    Reannotate,
    /// Drops the unreviewed suggestions of the open document (before a long text is annotated again in slices).
    ClearSuggestions,
    /// Adds a label.
    AddLabel(Label),
    /// Changes a label (name, colour, key); spans follow a rename.
    UpdateLabel(String, Label),
    /// Deletes a label.
    DeleteLabel(String, OnDelete),
    /// Undoes the last edit.
    Undo,
    /// Redoes the last undone edit.
    Redo,
    /// Another tab saved a newer revision of a document (or deleted it: `None`).
    External(String, Option<Document>, u64),
    /// Another tab changed the labels.
    ExternalLabels(Vec<Label>),
    /// Another tab changed the document order.
    ExternalOrder(Vec<String>),
    /// Shows or hides a label's spans.
    ToggleLayer(String),
    /// Selects a span of the open document (or none).
    SelectSpan(Option<String>),
    /// Sets the span-list filter.
    SetFilter(Filter),
    /// Suggestions for a document being annotated slice by slice, with the progress in percent (`None`: the
    /// last slice). Added without an undo step: they are the detectors' work, not an edit.
    Suggest(String, Vec<Span>, Option<u8>),
    /// Shows a message to the user.
    Notice(String),
    /// Hides the message.
    DismissNotice,
}

impl Action {
    /// Whether the action edits data (and so is undoable and saved).
    fn is_edit(&self) -> bool {
        !matches!(
            self,
            Action::Open(_)
                | Action::Undo
                | Action::Redo
                | Action::External(..)
                | Action::ExternalLabels(_)
                | Action::ExternalOrder(_)
                | Action::ToggleLayer(_)
                | Action::SelectSpan(_)
                | Action::SetFilter(_)
                | Action::Notice(_)
                | Action::Suggest(..)
                | Action::DismissNotice
        )
    }
}

/// The whole app state.
#[derive(Clone)]
pub struct AppState {
    /// Documents in sidebar order.
    pub docs: Vec<Rc<DocData>>,
    /// Labels in palette order.
    pub labels: Rc<Vec<Label>>,
    /// The open document's id.
    pub current: Option<String>,
    /// Saved revision of each document, to detect edits made in another tab.
    pub revs: Rc<HashMap<String, u64>>,
    /// Labels whose spans are hidden.
    pub hidden: Rc<HashSet<String>>,
    /// The selected span of the open document.
    pub selected: Option<String>,
    /// Span-list filter.
    pub filter: Filter,
    /// A message for the user (storage full, conflicts, bad files).
    pub notice: Option<String>,
    /// Documents still being annotated slice by slice, with their progress in percent.
    pub annotating: Rc<HashMap<String, u8>>,
    undo: Rc<Vec<Snapshot>>,
    redo: Rc<Vec<Snapshot>>,
    /// Whether to write changes to storage (off in a state built for tests of the reducer).
    persist: bool,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl AppState {
    /// The state saved in this browser, or an empty one.
    pub fn load() -> AppState {
        let saved = storage::load();
        let mut revs = HashMap::new();
        let docs = saved
            .docs
            .into_iter()
            .map(|(d, rev)| {
                revs.insert(d.id.clone(), rev);
                Rc::new(DocData::from_document(d))
            })
            .collect::<Vec<_>>();
        let labels = if saved.labels.is_empty() { Label::builtin() } else { saved.labels };
        let current =
            saved.current.filter(|c| docs.iter().any(|d| d.id == *c)).or_else(|| docs.first().map(|d| d.id.clone()));
        AppState {
            docs,
            labels: Rc::new(labels),
            current,
            revs: Rc::new(revs),
            hidden: Rc::default(),
            selected: None,
            filter: Filter::default(),
            notice: saved.warning,
            annotating: Rc::default(),
            undo: Rc::default(),
            redo: Rc::default(),
            persist: true,
        }
    }

    /// The open document.
    pub fn doc(&self) -> Option<&Rc<DocData>> {
        let id = self.current.as_ref()?;
        self.docs.iter().find(|d| d.id == *id)
    }

    /// The label called `name`.
    pub fn label(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    /// Whether undo / redo have anything.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether redo has anything.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot { docs: self.docs.clone(), labels: self.labels.clone(), current: self.current.clone() }
    }

    fn restore(&mut self, s: Snapshot) {
        self.docs = s.docs;
        self.labels = s.labels;
        self.current = s.current;
        self.selected = None;
    }

    fn replace_doc_rc(&mut self, d: Rc<DocData>) {
        if let Some(slot) = self.docs.iter_mut().find(|x| x.id == d.id) {
            *slot = d;
        }
    }

    fn replace_doc(&mut self, d: DocData) {
        if let Some(slot) = self.docs.iter_mut().find(|x| x.id == d.id) {
            *slot = Rc::new(d);
        }
    }

    /// Applies an edit to the open document's spans.
    fn edit_spans(&mut self, f: impl FnOnce(&DocData, &mut Vec<Span>)) {
        if let Some(doc) = self.doc().cloned() {
            let mut spans = doc.spans.as_ref().clone();
            f(&doc, &mut spans);
            self.replace_doc(doc.with_spans(spans));
        }
    }

    fn unique_doc_id(&self, want: &str) -> String {
        let base = if want.trim().is_empty() { "doc".to_string() } else { want.trim().to_string() };
        let mut id = base.clone();
        let mut n = 2;
        while self.docs.iter().any(|d| d.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::AddDocs(docs, labels) => {
                let mut labs = self.labels.as_ref().clone();
                for l in labels {
                    match labs.iter_mut().find(|x| x.name == l.name) {
                        Some(x) => *x = l,
                        None => labs.push(l),
                    }
                }
                for d in docs.iter() {
                    for s in &d.spans {
                        if !labs.iter().any(|l| l.name == s.label) {
                            labs.push(new_label(&s.label, &labs));
                        }
                    }
                }
                self.labels = Rc::new(labs);
                let mut first = None;
                for mut d in docs {
                    d.id = self.unique_doc_id(&d.id);
                    first.get_or_insert(d.id.clone());
                    self.docs.push(Rc::new(DocData::from_document(d)));
                }
                if first.is_some() {
                    self.current = first;
                    self.selected = None;
                }
            }
            Action::Open(id) => {
                if self.docs.iter().any(|d| d.id == id) {
                    self.current = Some(id);
                    self.selected = None;
                }
            }
            Action::Rename(id, name) => {
                let name = name.trim().to_string();
                if let Some(d) = self.docs.iter().find(|d| d.id == id).cloned() {
                    if !name.is_empty() && name != d.name {
                        self.replace_doc(DocData {
                            id: d.id.clone(),
                            name,
                            text: d.text.clone(),
                            map: d.map.clone(),
                            spans: d.spans.clone(),
                        });
                    }
                }
            }
            Action::DeleteDoc(id) => {
                if let Some(i) = self.docs.iter().position(|d| d.id == id) {
                    self.docs.remove(i);
                    if self.current.as_deref() == Some(id.as_str()) {
                        self.current = self.docs.get(i.min(self.docs.len().saturating_sub(1))).map(|d| d.id.clone());
                        self.selected = None;
                    }
                }
            }
            Action::MoveDoc(id, delta) => {
                if let Some(i) = self.docs.iter().position(|d| d.id == id) {
                    let j = i as i64 + delta as i64;
                    if j >= 0 && (j as usize) < self.docs.len() {
                        self.docs.swap(i, j as usize);
                    }
                }
            }
            Action::SetStatus(ids, status) => self.edit_spans(|_, spans| {
                for s in spans.iter_mut().filter(|s| ids.contains(&s.id)) {
                    s.status = status;
                }
            }),
            Action::LayerStatus(label, status) => self.edit_spans(|_, spans| {
                for s in spans.iter_mut().filter(|s| s.label == label && s.status == Status::Suggested) {
                    s.status = status;
                }
            }),
            Action::Tag(start, end, label) => {
                let mut new_id = None;
                self.edit_spans(|doc, spans| {
                    let (start, end) = doc.map.snap_outward(start, end);
                    if start >= end {
                        return;
                    }
                    if let Some(s) = spans.iter_mut().find(|s| s.start == start && s.end == end && s.label == label) {
                        s.status = Status::Accepted;
                        new_id = Some(s.id.clone());
                        return;
                    }
                    let id = manual_id(spans, &label, start, end);
                    new_id = Some(id.clone());
                    spans.push(Span::manual(id, start..end, label.as_str()));
                });
                if new_id.is_some() {
                    self.selected = new_id;
                }
            }
            Action::Fix { id, start, end, label, note } => {
                let mut sel = None;
                self.edit_spans(|doc, spans| {
                    let (start, end) = doc.map.snap_outward(start.min(end), end.max(start));
                    if start >= end {
                        return;
                    }
                    let note = note.filter(|n| !n.trim().is_empty());
                    let Some(i) = spans.iter().position(|s| s.id == id) else { return };
                    let same_range = spans[i].start == start && spans[i].end == end && spans[i].label == label;
                    if spans[i].origin == Origin::Auto && !same_range {
                        spans[i].status = Status::Rejected;
                        let mut fixed = Span::manual(manual_id(spans, &label, start, end), start..end, label.as_str());
                        fixed.note = note;
                        fixed.rule = spans[i].rule.clone();
                        fixed.why = spans[i].why.clone();
                        if spans[i].label == label {
                            fixed.attrs = spans[i].attrs.clone();
                        }
                        sel = Some(fixed.id.clone());
                        spans.push(fixed);
                    } else {
                        let s = &mut spans[i];
                        s.start = start;
                        s.end = end;
                        s.label = label;
                        s.note = note;
                        if s.origin == Origin::Auto {
                            s.status = Status::Accepted;
                        }
                        sel = Some(s.id.clone());
                    }
                });
                if sel.is_some() {
                    self.selected = sel;
                }
            }
            Action::DeleteSpan(id) => {
                self.edit_spans(|_, spans| {
                    if let Some(i) = spans.iter().position(|s| s.id == id) {
                        if spans[i].origin == Origin::Auto {
                            spans[i].status = Status::Rejected;
                        } else {
                            spans.remove(i);
                        }
                    }
                });
                self.selected = None;
            }
            Action::Reannotate => self.edit_spans(|doc, spans| {
                let fresh = analyze(&doc.text, Layers::ALL);
                *spans = merge_suggestions(std::mem::take(spans), fresh);
            }),
            Action::ClearSuggestions => self.edit_spans(|_, spans| {
                spans.retain(|s| s.origin != Origin::Auto || s.status != Status::Suggested);
            }),
            Action::AddLabel(l) => {
                if !l.name.trim().is_empty() && self.label(&l.name).is_none() {
                    let mut labs = self.labels.as_ref().clone();
                    if let Some(k) = &l.key {
                        labs.iter_mut().filter(|x| x.key.as_ref() == Some(k)).for_each(|x| x.key = None);
                    }
                    labs.push(l);
                    self.labels = Rc::new(labs);
                }
            }
            Action::UpdateLabel(old, l) => {
                let name = l.name.trim().to_string();
                if name.is_empty() || (name != old && self.label(&name).is_some()) {
                    self.notice = Some(format!("A label called {name:?} already exists."));
                    return;
                }
                let mut labs = self.labels.as_ref().clone();
                if let Some(k) = &l.key {
                    labs.iter_mut().filter(|x| x.key.as_ref() == Some(k) && x.name != old).for_each(|x| x.key = None);
                }
                if let Some(x) = labs.iter_mut().find(|x| x.name == old) {
                    *x = Label { name: name.clone(), ..l };
                }
                self.labels = Rc::new(labs);
                if name != old {
                    self.relabel_everywhere(&old, Some(&name));
                }
            }
            Action::DeleteLabel(name, then) => {
                let mut labs = self.labels.as_ref().clone();
                labs.retain(|l| l.name != name);
                self.labels = Rc::new(labs);
                match then {
                    OnDelete::DeleteSpans => self.relabel_everywhere(&name, None),
                    OnDelete::Relabel(to) => self.relabel_everywhere(&name, Some(&to)),
                }
            }
            Action::Undo | Action::Redo => {}
            Action::External(id, doc, rev) => {
                Rc::make_mut(&mut self.revs).insert(id.clone(), rev);
                // Undo must not take back another tab's work: history before it is dropped.
                self.undo = Rc::default();
                self.redo = Rc::default();
                match doc {
                    Some(d) => {
                        let nd = Rc::new(DocData::from_document(d));
                        match self.docs.iter_mut().find(|x| x.id == id) {
                            Some(slot) => *slot = nd,
                            None => self.docs.push(nd),
                        }
                    }
                    None => {
                        self.docs.retain(|d| d.id != id);
                        if self.current.as_deref() == Some(id.as_str()) {
                            self.current = self.docs.first().map(|d| d.id.clone());
                        }
                    }
                }
            }
            Action::ExternalLabels(labels) => self.labels = Rc::new(labels),
            Action::ExternalOrder(order) => {
                self.docs.sort_by_key(|d| order.iter().position(|o| *o == d.id).unwrap_or(usize::MAX));
            }
            Action::ToggleLayer(l) => {
                let h = Rc::make_mut(&mut self.hidden);
                if !h.remove(&l) {
                    h.insert(l);
                }
            }
            Action::SelectSpan(s) => self.selected = s,
            Action::SetFilter(f) => self.filter = f,
            Action::Suggest(id, spans, progress) => {
                if let Some(d) = self.docs.iter().find(|d| d.id == id).cloned() {
                    let merged = Rc::new(d.with_spans(add_suggestions(&d.spans, &spans)));
                    self.replace_doc_rc(merged);
                    // Snapshots holding this document get the suggestions too, so undo never drops them.
                    for stack in [&mut self.undo, &mut self.redo] {
                        for snap in Rc::make_mut(stack).iter_mut() {
                            for slot in snap.docs.iter_mut().filter(|x| x.id == id) {
                                *slot = Rc::new(slot.with_spans(add_suggestions(&slot.spans, &spans)));
                            }
                        }
                    }
                }
                let p = Rc::make_mut(&mut self.annotating);
                match progress {
                    Some(pc) => {
                        p.insert(id, pc);
                    }
                    None => {
                        p.remove(&id);
                    }
                }
            }
            Action::Notice(n) => self.notice = Some(n),
            Action::DismissNotice => self.notice = None,
        }
    }

    /// Renames (or with `None` deletes) every span labelled `from`, in every document.
    fn relabel_everywhere(&mut self, from: &str, to: Option<&str>) {
        for slot in self.docs.iter_mut() {
            if slot.spans.iter().any(|s| s.label == from) {
                let mut spans = slot.spans.as_ref().clone();
                match to {
                    Some(to) => spans.iter_mut().filter(|s| s.label == from).for_each(|s| s.label = to.to_string()),
                    None => spans.retain(|s| s.label != from),
                }
                *slot = Rc::new(slot.with_spans(spans));
            }
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Undo => match Rc::make_mut(&mut next.undo).pop() {
                Some(s) => {
                    let now = next.snapshot();
                    Rc::make_mut(&mut next.redo).push(now);
                    next.restore(s);
                }
                None => return self,
            },
            Action::Redo => match Rc::make_mut(&mut next.redo).pop() {
                Some(s) => {
                    let now = next.snapshot();
                    Rc::make_mut(&mut next.undo).push(now);
                    next.restore(s);
                }
                None => return self,
            },
            a if a.is_edit() => {
                let before = next.snapshot();
                next.apply(a);
                let changed = next.docs.len() != before.docs.len()
                    || !Rc::ptr_eq(&next.labels, &before.labels)
                    || next.docs.iter().zip(&before.docs).any(|(a, b)| !Rc::ptr_eq(a, b));
                if changed {
                    let undo = Rc::make_mut(&mut next.undo);
                    undo.push(before);
                    if undo.len() > UNDO_DEPTH {
                        undo.remove(0);
                    }
                    next.redo = Rc::default();
                }
            }
            a => {
                let skip_save = match &a {
                    Action::External(..) | Action::ExternalLabels(_) | Action::ExternalOrder(_) => true,
                    Action::Suggest(_, _, progress) => progress.is_some(),
                    _ => false,
                };
                next.apply(a);
                if skip_save {
                    return Rc::new(next);
                }
            }
        }
        if let Some(sel) = &next.selected {
            if !next.doc().is_some_and(|d| d.spans.iter().any(|s| s.id == *sel)) {
                next.selected = None;
            }
        }
        if next.persist {
            if let Some(msg) = super::dom::measure("sift:save", || storage::persist(&self, &mut next)) {
                next.notice = Some(msg);
            }
        }
        Rc::new(next)
    }
}

/// `spans` plus the `fresh` suggestions whose ids are new (a suggestion reviewed or rejected before keeps its
/// decision).
fn add_suggestions(spans: &[Span], fresh: &[Span]) -> Vec<Span> {
    let ids: HashSet<&str> = spans.iter().map(|s| s.id.as_str()).collect();
    let mut out = spans.to_vec();
    out.extend(fresh.iter().filter(|f| !ids.contains(f.id.as_str())).cloned());
    out
}

/// An id for a manual span that no other span of the document has.
fn manual_id(spans: &[Span], label: &str, start: usize, end: usize) -> String {
    let base = format!("m:{}", auto_id(label, &(start..end)));
    let mut id = base.clone();
    let mut n = 2;
    while spans.iter().any(|s| s.id == id) {
        id = format!("{base}#{n}");
        n += 1;
    }
    id
}

/// A label for a name met in an import, with a colour not yet taken.
fn new_label(name: &str, labels: &[Label]) -> Label {
    const PALETTE: [&str; 6] = ["#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#f0e442", "#000000"];
    let color = PALETTE.iter().find(|c| !labels.iter().any(|l| l.color == **c)).unwrap_or(&PALETTE[0]);
    let key = (1..=9).map(|k| k.to_string()).find(|k| !labels.iter().any(|l| l.key.as_deref() == Some(k.as_str())));
    Label { name: name.to_string(), color: color.to_string(), key }
}

/// Merges a fresh detector run into reviewed spans: manual spans and every reviewed suggestion stay as they are
/// (a rejected id stays rejected), unreviewed suggestions are replaced by the fresh ones.
pub fn merge_suggestions(old: Vec<Span>, fresh: Vec<Span>) -> Vec<Span> {
    let mut kept: Vec<Span> =
        old.into_iter().filter(|s| s.origin != Origin::Auto || s.status != Status::Suggested).collect();
    for f in fresh {
        if !kept.iter().any(|k| k.id == f.id) {
            kept.push(f);
        }
    }
    sort_spans(&mut kept);
    kept
}

/// The document for a pasted or typed text: named after its first words, annotated at once.
pub fn document_from_text(id_hint: &str, name: Option<String>, text: String) -> Document {
    let name = name.unwrap_or_else(|| doc_name(&text));
    let spans = super::dom::measure("sift:analyze", || analyze(&text, Layers::ALL));
    Document { id: id_hint.to_string(), name, text, spans }
}

/// A name for a pasted text: its first words.
pub fn doc_name(text: &str) -> String {
    let first: String = text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
    let n: String = first.chars().take(60).collect();
    if n.is_empty() {
        "Untitled".into()
    } else {
        n
    }
}

/// Whether `c` belongs to a word (letters, digits, and the joiners inside words and numbers).
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '\'' || c == '’' || c == '%'
}

impl DocData {
    /// The code point at `i`.
    pub fn char_at(&self, i: usize) -> Option<char> {
        (i < self.map.len_chars()).then(|| self.slice(i, i + 1).chars().next()).flatten()
    }

    /// Widens `start..end` to whole words and trims surrounding spaces, so a sloppy mouse selection tags what
    /// the reader meant; spans may still cross lines.
    pub fn snap_words(&self, start: usize, end: usize) -> (usize, usize) {
        let word = |i: usize| self.char_at(i).is_some_and(is_word);
        let (mut s, mut e) = (start.min(end), end.max(start));
        while s < e && self.char_at(s).is_some_and(char::is_whitespace) {
            s += 1;
        }
        while e > s && self.char_at(e - 1).is_some_and(char::is_whitespace) {
            e -= 1;
        }
        if s == e {
            return (s, e);
        }
        while s > 0 && word(s) && word(s - 1) {
            s -= 1;
        }
        while word(e) && e > 0 && word(e - 1) {
            e += 1;
        }
        self.map.snap_outward(s, e)
    }

    /// The next word edge after `c` (`forward`) or before it, for keyboard selection.
    pub fn word_edge(&self, c: usize, forward: bool) -> usize {
        let n = self.map.len_chars();
        let word = |i: usize| self.char_at(i).is_some_and(is_word);
        let mut i = c.min(n);
        if forward {
            while i < n && !word(i) {
                i += 1;
            }
            while i < n && word(i) {
                i += 1;
            }
        } else {
            while i > 0 && !word(i - 1) {
                i -= 1;
            }
            while i > 0 && word(i - 1) {
                i -= 1;
            }
        }
        i
    }

    /// The end of the line after `c` (`forward`) or the start of the line before it.
    pub fn line_edge(&self, c: usize, forward: bool) -> usize {
        let n = self.map.len_chars();
        let nl = |i: usize| matches!(self.char_at(i), Some('\n' | '\r'));
        let mut i = c.min(n);
        if forward {
            if i < n && nl(i) {
                i += 1;
            }
            while i < n && !nl(i) {
                i += 1;
            }
        } else {
            if i > 0 && nl(i - 1) {
                i -= 1;
            }
            while i > 0 && !nl(i - 1) {
                i -= 1;
            }
        }
        i
    }
}
