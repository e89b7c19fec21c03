//! What must be saved, derived from the session rather than done inside the reducer: a [`Saver`] remembers what
//! storage holds and, given the session after some actions, plans the writes ([`Effect`]s) that bring storage up
//! to date. The web shell runs them after each render (IndexedDB or `localStorage`), the way yew's
//! `function_todomvc` saves in an effect.
//!
//! Two tabs never overwrite each other's work: every document has a revision number; a write says which stored
//! revision it builds on (`expect`) and is made only if storage holds no newer one ([`may_write`]). Otherwise the
//! other tab's version is kept and shown ([`super::Action::Conflict`]). Both storage back ends apply this one rule.

use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{Detectors, DocData, NewDoc, Review, Session};
use crate::compare::Decision;
use crate::{Document, Label};

/// The document order and the open document, as saved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// Document ids in sidebar order.
    pub order: Vec<String>,
    /// The open document.
    pub current: Option<String>,
    /// The decisions on the comparison of the documents (absent in what older versions saved).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Other annotators' work and the adjudicator's choices (absent when there is none). Shared: the saver
    /// builds an index after every change, and other annotators' documents can be large.
    #[serde(default, skip_serializing_if = "is_empty_review")]
    pub review: Rc<Review>,
    /// The built-in detectors the user switched off, by label (absent when all are on).
    #[serde(default, rename = "off", skip_serializing_if = "Detectors::all_on")]
    pub detectors: Detectors,
}

fn is_empty_review(r: &Rc<Review>) -> bool {
    r.is_empty()
}

/// One saved document.
#[derive(Debug, Clone)]
pub struct SavedDoc {
    /// The document.
    pub doc: Document,
    /// The HTML its text came from, if any (its line facts are rebuilt from it).
    pub markup: Option<String>,
    /// Its stored revision.
    pub rev: u64,
}

impl SavedDoc {
    /// The document with its line facts rebuilt from its markup ([`crate::input::Source::rebuild`]).
    pub fn into_new_doc(self) -> NewDoc {
        let SavedDoc { mut doc, markup, .. } = self;
        let source = crate::input::Source::rebuild(std::mem::take(&mut doc.text), markup);
        doc.text = source.text;
        NewDoc { doc, facts: source.lines, markup: source.markup }
    }
}

/// What was saved in this browser.
#[derive(Debug, Clone, Default)]
pub struct Saved {
    /// Documents in order.
    pub docs: Vec<SavedDoc>,
    /// Labels (empty: the built-in ones).
    pub labels: Vec<Label>,
    /// The open document.
    pub current: Option<String>,
    /// The decisions on the comparison of the documents.
    pub decisions: Vec<Decision>,
    /// Other annotators' work and the adjudicator's choices.
    pub review: Rc<Review>,
    /// Which built-in detectors run.
    pub detectors: Detectors,
    /// A problem met while loading, for the user to read.
    pub warning: Option<String>,
}

/// One write for storage to make.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Store `doc` as revision `rev`, unless storage holds a revision newer than `expect` (then load that one).
    SaveDoc {
        /// The document.
        doc: Rc<DocData>,
        /// The stored revision this version builds on.
        expect: u64,
        /// The revision to store it as.
        rev: u64,
    },
    /// Remove a deleted document.
    DeleteDoc(String),
    /// Store the labels.
    SaveLabels(Rc<Vec<Label>>),
    /// Store the document order and the open document.
    SaveIndex(Index),
}

/// Whether a write that builds on revision `expect` may replace the stored revision `stored`.
pub fn may_write(stored: u64, expect: u64) -> bool {
    stored <= expect
}

/// Remembers what storage holds and plans the writes that bring it up to date with a session.
#[derive(Debug, Clone)]
pub struct Saver {
    docs: HashMap<String, Rc<DocData>>,
    revs: HashMap<String, u64>,
    seen_revs: Rc<HashMap<String, u64>>,
    labels: Rc<Vec<Label>>,
    link_labels: Rc<Vec<Label>>,
    index: Index,
    edits: u64,
    outside: u64,
}

fn index_of(s: &Session) -> Index {
    Index {
        order: s.docs.iter().map(|d| d.id.clone()).collect(),
        current: s.current.clone(),
        decisions: s.decisions.as_ref().clone(),
        review: s.review.clone(),
        detectors: s.detectors,
    }
}

impl Saver {
    /// A saver for a session just loaded from storage: nothing to write yet.
    pub fn new(s: &Session) -> Saver {
        Saver {
            docs: s.docs.iter().map(|d| (d.id.clone(), d.clone())).collect(),
            revs: s.revs.as_ref().clone(),
            seen_revs: s.revs.clone(),
            labels: s.labels.clone(),
            link_labels: s.link_labels.clone(),
            index: index_of(s),
            edits: s.edits,
            outside: s.outside,
        }
    }

    /// The writes that make storage hold `s`, in order. Changes that came from another tab are not written
    /// back; a document still being annotated slice by slice is written only once done or edited.
    pub fn plan(&mut self, s: &Session) -> Vec<Effect> {
        let mut out = Vec::new();
        let edited = s.edits != self.edits;
        let mut from_outside = s.outside != self.outside;
        let revs_moved = !Rc::ptr_eq(&s.revs, &self.seen_revs);
        for d in s.docs.iter() {
            if revs_moved && s.revs.get(&d.id) != self.seen_revs.get(&d.id) {
                // Another tab's version (or a lost conflict): storage holds exactly this.
                self.revs.insert(d.id.clone(), s.revs.get(&d.id).copied().unwrap_or(0));
                self.docs.insert(d.id.clone(), d.clone());
                from_outside = true;
                continue;
            }
            if self.docs.get(&d.id).is_some_and(|old| Rc::ptr_eq(old, d)) {
                continue;
            }
            if s.annotating.contains_key(&d.id) && !edited {
                continue;
            }
            let expect = self.revs.get(&d.id).copied().unwrap_or(0);
            out.push(Effect::SaveDoc { doc: d.clone(), expect, rev: expect + 1 });
            self.revs.insert(d.id.clone(), expect + 1);
            self.docs.insert(d.id.clone(), d.clone());
        }
        let mut gone: Vec<String> =
            self.docs.keys().filter(|id| !s.docs.iter().any(|d| d.id == **id)).cloned().collect();
        gone.sort();
        for id in gone {
            self.docs.remove(&id);
            self.revs.remove(&id);
            if revs_moved && s.revs.get(&id) != self.seen_revs.get(&id) {
                from_outside = true;
            } else {
                out.push(Effect::DeleteDoc(id));
            }
        }
        if !Rc::ptr_eq(&self.labels, &s.labels) || !Rc::ptr_eq(&self.link_labels, &s.link_labels) {
            let differ = *self.labels != *s.labels || *self.link_labels != *s.link_labels;
            if s.outside == self.outside && differ {
                out.push(Effect::SaveLabels(Rc::new(s.all_labels())));
            }
            self.labels = s.labels.clone();
            self.link_labels = s.link_labels.clone();
        }
        let index = index_of(s);
        if index != self.index {
            if !from_outside {
                out.push(Effect::SaveIndex(index.clone()));
            }
            self.index = index;
        }
        self.seen_revs = s.revs.clone();
        self.edits = s.edits;
        self.outside = s.outside;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Action;
    use crate::{Document, Status};

    /// A store with the one rule both browser back ends apply.
    #[derive(Default)]
    struct Store {
        docs: HashMap<String, (u64, Document)>,
        labels: Option<Vec<Label>>,
        index: Option<Index>,
    }

    impl Store {
        /// Runs the writes; returns what the tab hears back (a lost conflict).
        fn run(&mut self, effects: Vec<Effect>) -> Vec<Action> {
            let mut back = Vec::new();
            for e in effects {
                match e {
                    Effect::SaveDoc { doc, expect, rev } => {
                        let stored = self.docs.get(&doc.id).map_or(0, |d| d.0);
                        if may_write(stored, expect) {
                            self.docs.insert(doc.id.clone(), (rev, doc.to_document()));
                        } else {
                            let (rev, theirs) = self.docs[&doc.id].clone();
                            back.push(Action::Conflict(doc.id.clone(), theirs, rev));
                        }
                    }
                    Effect::DeleteDoc(id) => {
                        self.docs.remove(&id);
                    }
                    Effect::SaveLabels(l) => self.labels = Some(l.as_ref().clone()),
                    Effect::SaveIndex(i) => self.index = Some(i),
                }
            }
            back
        }

        fn load(&self) -> Session {
            let mut docs: Vec<SavedDoc> =
                self.docs.values().map(|(rev, d)| SavedDoc { doc: d.clone(), markup: None, rev: *rev }).collect();
            docs.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
            let detectors = self.index.as_ref().map(|i| i.detectors).unwrap_or_default();
            Session::from_saved(Saved {
                docs,
                labels: self.labels.clone().unwrap_or_default(),
                detectors,
                ..Saved::default()
            })
        }
    }

    /// A tab: its session and its saver.
    struct Tab(Session, Saver);

    impl Tab {
        fn open(store: &Store) -> Tab {
            let s = store.load();
            let saver = Saver::new(&s);
            Tab(s, saver)
        }

        fn act(&mut self, store: &mut Store, a: Action) {
            self.0 = self.0.reduce(a);
            let effects = self.1.plan(&self.0);
            for back in store.run(effects) {
                self.0 = self.0.reduce(back);
                assert!(self.1.plan(&self.0).is_empty(), "taking in theirs writes nothing");
            }
        }
    }

    fn store_with(text: &str) -> Store {
        let mut store = Store::default();
        let d = crate::annotate("d", "Doc", text, crate::Layers::ALL);
        store.docs.insert("d".into(), (1, d));
        store
    }

    #[test]
    fn each_edit_writes_the_changed_document_once_with_the_next_revision() {
        let mut store = store_with("The toll rose to 133 on Saturday, officials said.\n");
        let mut tab = Tab::open(&store);
        assert!(tab.1.plan(&tab.0).is_empty(), "nothing to write after loading");
        let id = tab.0.docs[0].spans[0].id.clone();
        tab.0 = tab.0.reduce(Action::SetStatus(vec![id.clone()], Status::Accepted));
        let plan = tab.1.plan(&tab.0);
        assert!(matches!(plan.as_slice(), [Effect::SaveDoc { expect: 1, rev: 2, .. }]), "{plan:?}");
        assert!(tab.1.plan(&tab.0).is_empty(), "written once");
        tab.0 = tab.0.reduce(Action::SelectSpan(Some(id))).reduce(Action::ToggleLayer("claim".into()));
        assert!(tab.1.plan(&tab.0).is_empty(), "views write nothing");
        tab.0 = tab.0.reduce(Action::Undo);
        assert!(matches!(tab.1.plan(&tab.0).as_slice(), [Effect::SaveDoc { expect: 2, rev: 3, .. }]));
        tab.0 = tab.0.reduce(Action::AddLabelNamed("place".into()));
        assert!(matches!(tab.1.plan(&tab.0).as_slice(), [Effect::SaveLabels(_)]));
        tab.0 = tab.0.reduce(Action::DeleteDoc("d".into()));
        let plan = tab.1.plan(&tab.0);
        assert!(matches!(plan.as_slice(), [Effect::DeleteDoc(id), Effect::SaveIndex(_)] if id == "d"), "{plan:?}");
        let _ = store.run(plan);
    }

    #[test]
    fn the_document_label_set_and_document_labels_are_saved_and_load_back() {
        let mut store = store_with("The toll rose to 133 on Saturday, officials said.\n");
        let mut tab = Tab::open(&store);
        tab.act(&mut store, Action::AddDocLabel("security".into()));
        let saved = store.labels.clone().expect("labels written");
        assert!(saved.iter().any(|l| l.name == "security" && l.scope == crate::Scope::Document), "{saved:?}");
        tab.act(&mut store, Action::SetCategory("security".into(), Some(Status::Accepted)));
        let back = Tab::open(&store).0;
        assert_eq!(back.labels, tab.0.labels, "span labels apart");
        assert_eq!(
            back.link_labels_of(crate::Scope::Document).map(|l| l.name.as_str()).collect::<Vec<_>>(),
            ["security"]
        );
        assert_eq!(back.docs[0].to_document().categories, [crate::Category::manual("security")]);
    }

    #[test]
    fn two_tabs_never_overwrite_each_other() {
        let mut store = store_with("At least 115 people were killed, the ministry said.\n");
        let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
        let first = a.0.docs[0].spans[0].id.clone();
        a.act(&mut store, Action::SetStatus(vec![first.clone()], Status::Accepted));
        assert_eq!(store.docs["d"].0, 2);
        // Tab B still holds revision 1: its edit loses, and B now shows A's work with a notice.
        b.act(&mut store, Action::SetStatus(vec![first.clone()], Status::Rejected));
        assert_eq!(store.docs["d"].0, 2);
        assert_eq!(store.docs["d"].1.spans[0].status, Status::Accepted, "A's decision is kept");
        assert_eq!(b.0.docs[0].spans[0].status, Status::Accepted);
        assert!(b.0.notice.as_deref().unwrap().contains("another tab"));
        // From there on B builds on revision 2, and its next edit is saved.
        b.act(&mut store, Action::Rename("d".into(), "Renamed in B".into()));
        assert_eq!((store.docs["d"].0, store.docs["d"].1.name.as_str()), (3, "Renamed in B"));
        // A hears of it (as from a broadcast) and takes it in without writing it back.
        let (rev, theirs) = store.docs["d"].clone();
        a.act(&mut store, Action::External("d".into(), Some(theirs), rev));
        assert_eq!(store.docs["d"].0, 3, "no echo");
        a.act(&mut store, Action::ExternalLabels(vec![]));
        assert!(store.labels.is_none(), "labels from another tab are not written back");
        a.act(&mut store, Action::Rename("d".into(), "A again".into()));
        assert_eq!((store.docs["d"].0, store.docs["d"].1.name.as_str()), (4, "A again"));
    }

    #[test]
    fn a_document_being_annotated_is_written_when_done_or_edited() {
        let mut store = store_with("Short.\n");
        let mut tab = Tab::open(&store);
        let span = |i: usize| {
            let mut s = crate::Span::manual(format!("number:{i}-{}", i + 1), i..i + 1, "number");
            s.origin = crate::Origin::Auto;
            s.status = Status::Suggested;
            s
        };
        tab.0 = tab.0.reduce(Action::Suggest("d".into(), vec![span(0)], Some(30)));
        assert!(tab.1.plan(&tab.0).is_empty(), "not after every slice");
        tab.0 = tab.0.reduce(Action::Rename("d".into(), "Edited meanwhile".into()));
        assert_eq!(tab.1.plan(&tab.0).len(), 1, "an edit is saved at once");
        tab.0 = tab.0.reduce(Action::Suggest("d".into(), vec![span(1)], Some(60)));
        assert!(tab.1.plan(&tab.0).is_empty());
        tab.0 = tab.0.reduce(Action::Suggest("d".into(), vec![span(2)], None));
        let plan = tab.1.plan(&tab.0);
        let _ = store.run(plan);
        assert_eq!(store.docs["d"].1.spans.len(), tab.0.docs[0].spans.len(), "the last slice saves everything");
    }

    #[test]
    fn markup_is_kept_and_its_facts_rebuilt_on_load() {
        let html = "<nav><a href=/>Home</a> <a href=/w>World</a></nav><p>The toll rose to 133, officials said.</p>";
        let visible = crate::input::html_to_text(html);
        let doc = Document::new("h", "h", visible.text.clone(), vec![]);
        let back = SavedDoc { doc: doc.clone(), markup: Some(html.into()), rev: 1 }.into_new_doc();
        assert_eq!(back.facts.as_deref(), Some(visible.lines.as_slice()));
        let other = Document { text: "edited elsewhere".into(), ..doc };
        let stale = SavedDoc { doc: other, markup: Some(html.into()), rev: 1 }.into_new_doc();
        assert!(stale.facts.is_none() && stale.markup.is_none(), "facts only for the text they describe");
    }
}
