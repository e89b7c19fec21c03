//! What each [`Action`] does to a [`Session`]: one arm per action, no I/O.

use std::rc::Rc;

use super::merge::{add_suggestions, manual_id, new_label};
use super::{quoted, Action, DocData, NewDoc, OnDelete, Session};
use crate::agree::Choice;
use crate::annotation::{Category, Relation, VERDICT};
use crate::{Document, Label, Origin, Scope, Span, Status, Verdict};
use serde_json::Value;

/// What the user is told when another tab's save wins over this tab's.
fn conflict_notice(name: &str) -> String {
    format!("{name:?} was changed in another tab; its version is kept and your last edit to it was not applied.")
}

impl Session {
    fn docs_mut(&mut self) -> &mut Vec<Rc<DocData>> {
        Rc::make_mut(&mut self.docs)
    }

    pub(super) fn replace_doc(&mut self, d: DocData) {
        if let Some(slot) = self.docs_mut().iter_mut().find(|x| x.id == d.id) {
            *slot = Rc::new(d);
        }
    }

    /// Applies an edit to the open document's spans.
    pub(super) fn edit_spans(&mut self, f: impl FnOnce(&DocData, &mut Vec<Span>)) {
        if let Some(doc) = self.doc().cloned() {
            let mut spans = doc.spans.as_ref().clone();
            f(&doc, &mut spans);
            if spans != *doc.spans {
                self.replace_doc(doc.with_spans(spans));
            }
        }
    }

    /// Applies an edit to the open document's relations and document labels.
    fn edit_links(&mut self, f: impl FnOnce(&DocData, &mut Vec<Relation>, &mut Vec<Category>)) {
        if let Some(doc) = self.doc().cloned() {
            let (mut relations, mut categories) = doc.links.as_ref().clone();
            f(&doc, &mut relations, &mut categories);
            if (&relations, &categories) != (&doc.links.0, &doc.links.1) {
                self.replace_doc(doc.with_links(relations, categories));
            }
        }
    }

    /// Adds the labels `spans` use that the palette lacks: a built-in one as built in (a session saved before
    /// the `source` label existed gets it with its colour), any other with a new colour and key.
    fn add_span_labels<'a>(&mut self, spans: impl Iterator<Item = &'a Span>) {
        let mut labs = self.labels.as_ref().clone();
        for s in spans {
            if !labs.iter().any(|l| l.name == s.label) {
                let l = Label::builtin().into_iter().find(|b| b.name == s.label);
                let l = l.unwrap_or_else(|| new_label(&s.label, &labs));
                labs.push(l);
            }
        }
        if labs != *self.labels {
            self.labels = Rc::new(labs);
        }
    }

    /// Adds the relation types and document labels an import declares or its documents use.
    fn add_link_labels(&mut self, declared: Vec<Label>, docs: &[NewDoc]) {
        let mut all = self.link_labels.as_ref().clone();
        let used = docs.iter().flat_map(|d| {
            let rel = d.doc.relations.iter().map(|r| (Scope::Relation, r.label.as_str()));
            rel.chain(d.doc.categories.iter().map(|c| (Scope::Document, c.label.as_str())))
        });
        let wanted: Vec<Label> = declared
            .into_iter()
            .chain(
                used.map(|(scope, name)| Label::scoped(scope, name, new_label(name, &all).color)).collect::<Vec<_>>(),
            )
            .collect();
        for l in wanted {
            if !all.iter().any(|x| x.name == l.name && x.scope == l.scope) {
                all.push(l);
            }
        }
        if all != *self.link_labels {
            self.link_labels = Rc::new(all);
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

    /// Takes in another tab's version of a document (or its deletion).
    fn take_theirs(&mut self, id: String, doc: Option<Document>, rev: u64) {
        Rc::make_mut(&mut self.revs).insert(id.clone(), rev);
        // Undo must not take back another tab's work: history before it is dropped.
        self.undo = Rc::default();
        self.redo = Rc::default();
        match doc {
            Some(d) => {
                let old = self.docs.iter().find(|x| x.id == id).cloned();
                // The text is the same document's, so its markup and facts still hold.
                let nd = NewDoc {
                    facts: old.as_ref().filter(|o| *o.text == *d.text).and_then(|o| o.facts.as_deref().cloned()),
                    markup: old
                        .as_ref()
                        .filter(|o| *o.text == *d.text)
                        .and_then(|o| o.markup.as_deref().map(str::to_string)),
                    doc: d,
                };
                let nd = Rc::new(DocData::new(nd));
                let docs = self.docs_mut();
                match docs.iter_mut().find(|x| x.id == id) {
                    Some(slot) => *slot = nd,
                    None => docs.push(nd),
                }
            }
            None => {
                self.docs_mut().retain(|d| d.id != id);
                if self.current.as_deref() == Some(id.as_str()) {
                    self.current = self.docs.first().map(|d| d.id.clone());
                }
            }
        }
    }

    pub(super) fn apply(&mut self, action: Action) {
        match action {
            Action::AddDocs(docs, labels) => {
                let (labels, links) = super::split_labels(labels);
                let mut labs = self.labels.as_ref().clone();
                for l in labels {
                    match labs.iter_mut().find(|x| x.name == l.name) {
                        Some(x) => *x = l,
                        None => labs.push(l),
                    }
                }
                if labs != *self.labels {
                    self.labels = Rc::new(labs);
                }
                self.add_span_labels(docs.iter().flat_map(|d| &d.doc.spans));
                self.add_link_labels(links, &docs);
                let mut first = None;
                for mut d in docs {
                    d.doc.id = self.unique_doc_id(&d.doc.id);
                    first.get_or_insert(d.doc.id.clone());
                    self.docs_mut().push(Rc::new(DocData::new(d)));
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
                        self.replace_doc(d.renamed(name));
                    }
                }
            }
            Action::DeleteDoc(id) => {
                if let Some(i) = self.docs.iter().position(|d| d.id == id) {
                    self.docs_mut().remove(i);
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
                        self.docs_mut().swap(i, j as usize);
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
                    let (start, end) = doc.map.snap_outward(start.min(end), end.max(start));
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
            Action::SetAttr { id, key, value } => {
                let key = key.trim();
                if key.is_empty() {
                    return;
                }
                // A verdict is one word of the scale, spelt as the scale spells it.
                let value = match value {
                    Some(Value::String(v)) if key == VERDICT => Verdict::from_name(&v).map(|v| v.name().into()),
                    Some(Value::String(v)) if v.trim().is_empty() => None,
                    v => v,
                };
                self.edit_spans(|_, spans| {
                    let Some(s) = spans.iter_mut().find(|s| s.id == id) else { return };
                    if s.attrs.get(key) == value.as_ref() {
                        return;
                    }
                    match value {
                        Some(v) => s.attrs.insert(key.to_string(), v),
                        None => s.attrs.remove(key),
                    };
                    // Offsets that said where the old text is written no longer point at the new one.
                    for end in ["_start", "_end"] {
                        s.attrs.remove(&format!("{key}{end}"));
                    }
                    if s.status == Status::Suggested {
                        s.status = Status::Accepted;
                    }
                });
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
            Action::LabelAll { id, scope } => self.label_all(&id, scope),
            Action::Link { from, to, label } => self.edit_links(|doc, relations, _| {
                let is_span = |id: &str| doc.spans.iter().any(|s| s.id == id);
                if from == to || !is_span(&from) || !is_span(&to) || label.trim().is_empty() {
                    return;
                }
                match relations.iter_mut().find(|r| r.from == from && r.to == to && r.label == label) {
                    Some(r) => r.status = Status::Accepted,
                    None => relations.push(Relation::manual(from, to, label.trim())),
                }
            }),
            Action::RelationStatus(id, status) => self.edit_links(|_, relations, _| {
                if let Some(r) = relations.iter_mut().find(|r| r.id == id) {
                    r.status = status;
                }
            }),
            Action::Unlink(id) => self.edit_links(|_, relations, _| {
                if let Some(i) = relations.iter().position(|r| r.id == id) {
                    if relations[i].origin == Origin::Auto {
                        relations[i].status = Status::Rejected;
                    } else {
                        relations.remove(i);
                    }
                }
            }),
            Action::SetPublished(id, field, typed) => self.set_published(&id, field, &typed),
            Action::SetCategory(label, status) => {
                let single = |name: &str| self.link_labels_of(Scope::Document).any(|l| l.name == name && l.single);
                // Setting one label of a single-choice set takes the others of the set away (a suggested one
                // becomes rejected, as when it is unset by hand).
                let others: Vec<String> = if status == Some(Status::Accepted) && single(&label) {
                    self.link_labels_of(Scope::Document)
                        .filter(|l| l.single && l.name != label)
                        .map(|l| l.name.clone())
                        .collect()
                } else {
                    Vec::new()
                };
                self.edit_links(|_, _, categories| {
                    categories.retain(|c| !others.contains(&c.label) || c.origin == Origin::Auto);
                    for c in categories.iter_mut().filter(|c| others.contains(&c.label)) {
                        c.status = Status::Rejected;
                    }
                    set_category(categories, &label, status);
                })
            }
            Action::SetDocLabelsSingle(on) => {
                let set: Vec<Label> = self
                    .link_labels
                    .iter()
                    .map(|l| if l.scope == Scope::Document { Label { single: on, ..l.clone() } } else { l.clone() })
                    .collect();
                if set != *self.link_labels {
                    self.link_labels = Rc::new(set);
                }
            }
            Action::Reannotate => {
                let (detectors, scorer) = (self.detectors, self.scorer());
                self.edit_spans(|doc, spans| *spans = doc.refreshed(std::mem::take(spans), detectors, scorer.as_ref()))
            }
            Action::UseStructure(on) => {
                if let Some(d) = self.doc().and_then(|d| d.with_structure(on)) {
                    let spans = d.refreshed(d.spans.as_ref().clone(), self.detectors, self.scorer().as_ref());
                    self.replace_doc(d.with_spans(spans));
                }
            }
            Action::ClearSuggestions => self.edit_spans(|_, spans| {
                spans.retain(|s| s.origin != Origin::Auto || s.status != Status::Suggested);
            }),
            // A built-in label deleted earlier comes back as built in, its detector on again.
            Action::AddLabel(l) if self.detectors.is_on(&l.name).is_some() && self.label(&l.name).is_none() => {
                let name = l.name.clone();
                self.switch_detector(&name, true, Some(l));
            }
            Action::AddLabelNamed(name)
                if self.detectors.is_on(name.trim()).is_some() && self.label(name.trim()).is_none() =>
            {
                self.switch_detector(name.trim(), true, None);
            }
            Action::AddLabel(l) => self.add_label(l),
            Action::AddLabelNamed(name) => {
                let l = new_label(name.trim(), &self.labels);
                self.add_label(l);
            }
            Action::Detector(name, on) => self.switch_detector(&name, on, None),
            Action::UpdateLabel(old, l) => {
                let name = l.name.trim().to_string();
                if name.is_empty() || (name != old && self.label(&name).is_some()) {
                    self.notice = Some(format!("A label called {} already exists.", quoted(&name)));
                    return;
                }
                let mut labs = self.labels.as_ref().clone();
                if let Some(k) = &l.key {
                    self.notice = take_key(&mut labs, k, &old, &name);
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
                // A built-in label's detector goes with it: re-annotation does not bring its spans back.
                self.detectors = self.detectors.with(&name, false);
                match then {
                    OnDelete::DeleteSpans => self.relabel_everywhere(&name, None),
                    OnDelete::Relabel(to) => self.relabel_everywhere(&name, Some(&to)),
                }
            }
            Action::AddDocLabel(name) => {
                let name = name.trim();
                if !name.is_empty() && self.link_labels_of(Scope::Document).all(|l| l.name != name) {
                    let color = new_label(name, &self.link_labels).color;
                    Rc::make_mut(&mut self.link_labels).push(Label::scoped(Scope::Document, name, color));
                }
            }
            Action::DeleteDocLabel(name) => {
                if let Some(i) = self.link_labels.iter().position(|l| l.scope == Scope::Document && l.name == name) {
                    Rc::make_mut(&mut self.link_labels).remove(i);
                }
            }
            Action::Undo | Action::Redo => {}
            Action::External(id, doc, rev) => self.take_theirs(id, doc, rev),
            Action::Conflict(id, doc, rev) => {
                let name = doc.name.clone();
                self.take_theirs(id, Some(doc), rev);
                self.notice = Some(conflict_notice(&name));
            }
            Action::ExternalLabels(labels) => {
                let (labels, links) = super::split_labels(labels);
                self.labels = Rc::new(labels);
                self.link_labels = Rc::new(links);
                self.outside += 1;
            }
            Action::ExternalIndex(order, detectors) => {
                self.docs_mut().sort_by_key(|d| order.iter().position(|o| *o == d.id).unwrap_or(usize::MAX));
                self.detectors = detectors;
                self.outside += 1;
            }
            Action::ToggleLayer(l) => {
                let h = Rc::make_mut(&mut self.hidden);
                if !h.remove(&l) {
                    h.insert(l);
                }
            }
            Action::ToggleCompared(id) => {
                let out = Rc::make_mut(&mut self.compare_out);
                if !out.remove(&id) {
                    out.insert(id);
                }
            }
            Action::SetMinWorth(w) => self.min_worth = if w.is_finite() { w.clamp(0.0, 1.0) } else { 0.0 },
            Action::SelectSpan(s) => self.selected = s,
            Action::ShowView(v) => self.view = v,
            Action::ReviewAt(i) => self.review_at = i,
            Action::AddAnnotator(a) => {
                Rc::make_mut(&mut self.review).others.push(a);
                self.review_at = 0;
            }
            Action::RemoveAnnotator(i) => {
                if i < self.review.others.len() {
                    let r = Rc::make_mut(&mut self.review);
                    r.others.remove(i);
                    r.choices.retain(|_, c| !matches!(c, Choice::Keep { annotator } if *annotator > i));
                }
            }
            Action::Adjudicate(id, c) => {
                if self.review.choices.get(&id) != Some(&c) {
                    Rc::make_mut(&mut self.review).choices.insert(id, c);
                }
            }
            Action::ApplyReview => {
                for (id, spans) in self.review.merged(&self.docs) {
                    if let Some(d) = self.docs.iter().find(|d| d.id == id).cloned() {
                        if *d.spans != spans {
                            self.replace_doc(d.with_spans(spans));
                        }
                    }
                }
            }
            Action::Decide(d) => {
                if !self.decisions.contains(&d) {
                    Rc::make_mut(&mut self.decisions).push(d);
                }
            }
            Action::AddDecisions { decisions, of_last } => {
                let by = self.docs.len().saturating_sub(of_last);
                let shifted = decisions.iter().map(|d| d.shifted(by));
                let fresh: Vec<_> = shifted.filter(|d| !self.decisions.contains(d)).collect();
                if !fresh.is_empty() {
                    Rc::make_mut(&mut self.decisions).extend(fresh);
                }
            }
            Action::SetFilter(f) => self.filter = f,
            Action::Suggest(id, spans, progress) => {
                // A slice annotated before a detector was switched off brings nothing of it.
                let spans = self.detectors.keep(spans);
                self.add_span_labels(spans.iter());
                if let Some(d) = self.docs.iter().find(|d| d.id == id).cloned() {
                    self.replace_doc(d.with_spans(add_suggestions(&d.spans, &spans)));
                    // Snapshots holding this document get the suggestions too, so undo never drops them.
                    for stack in [&mut self.undo, &mut self.redo] {
                        for snap in Rc::make_mut(stack).iter_mut() {
                            for slot in Rc::make_mut(&mut snap.docs).iter_mut().filter(|x| x.id == id) {
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
            a @ (Action::PreciseLoaded { .. }
            | Action::PreciseProgress(..)
            | Action::PreciseScores(..)
            | Action::PreciseFailed(_)) => self.apply_precise(a),
            Action::Notice(n) => self.notice = Some(n),
            Action::DismissNotice => self.notice = None,
        }
    }

    /// Adds a span label; a blank name or one already used is refused with a notice, never dropped silently.
    fn add_label(&mut self, l: Label) {
        if l.name.trim().is_empty() {
            self.notice = Some("A label needs a name.".into());
            return;
        }
        if self.label(&l.name).is_some() {
            self.notice = Some(format!("A label called {} already exists.", quoted(&l.name)));
            return;
        }
        let mut labs = self.labels.as_ref().clone();
        if let Some(k) = &l.key {
            self.notice = take_key(&mut labs, k, &l.name, &l.name);
        }
        labs.push(l);
        self.labels = Rc::new(labs);
    }

    /// Renames (or with `None` deletes) every span labelled `from`, in every document.
    fn relabel_everywhere(&mut self, from: &str, to: Option<&str>) {
        for slot in self.docs_mut().iter_mut() {
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

/// Frees key `k` for the label `old` (renamed `new`): another label that had it loses it, and the notice says so,
/// since a key silently taken from a label is a label the user can no longer reach by key.
fn take_key(labs: &mut [Label], k: &str, old: &str, new: &str) -> Option<String> {
    let other = labs.iter_mut().find(|x| x.key.as_deref() == Some(k) && x.name != old)?;
    other.key = None;
    Some(format!("Key {k} now tags {}; {} has no key.", quoted(new), quoted(&other.name)))
}

/// Sets (`Some`) or takes away (`None`) document label `label` among `categories`: a suggested one taken away is
/// rejected, so re-annotation does not bring it back.
fn set_category(categories: &mut Vec<Category>, label: &str, status: Option<Status>) {
    let at = categories.iter().position(|c| c.label == label);
    match (at, status) {
        (Some(i), Some(st)) => categories[i].status = st,
        (None, Some(st)) if !label.trim().is_empty() => {
            categories.push(Category { status: st, ..Category::manual(label.trim()) })
        }
        (Some(i), None) if categories[i].origin == Origin::Auto => categories[i].status = Status::Rejected,
        (Some(i), None) => {
            categories.remove(i);
        }
        (None, _) => {}
    }
}
