//! The reducer, action by action, on a real article: what each action does, that every edit is one undo step
//! (undo gives back exactly the state before it, redo exactly the state after), and that views-only actions
//! leave the history alone.

use super::*;
use crate::{annotate, Document, Label, Layers, Origin, Span, Status};

const ARTICLE: &str = include_str!("../../tests/data/corpus/002_601354975c3094f5.txt");
const SHORT: &str = "Officials said 12 people were hurt in Lyon on Friday.\n";

fn fixture() -> Session {
    let a = annotate("a", "AP report", ARTICLE, Layers::ALL);
    let b = annotate("b", "Short", SHORT, Layers::ALL);
    // As loaded from storage: no history yet.
    let saved = |doc| SavedDoc { doc, markup: None, rev: 1 };
    Session::from_saved(Saved { docs: vec![saved(a), saved(b)], ..Saved::default() })
}

/// What undo must give back: the documents (by value), every label and the open document.
fn content(s: &Session) -> (Vec<Document>, Vec<Label>, Option<String>) {
    (s.docs.iter().map(|d| d.to_document()).collect(), s.all_labels(), s.current.clone())
}

fn span<'a>(s: &'a Session, id: &str) -> &'a Span {
    s.doc().unwrap().spans.iter().find(|x| x.id == id).unwrap_or_else(|| panic!("no span {id}"))
}

/// The first suggested claim with a source and a cue.
fn attributed(s: &Session) -> Span {
    let d = s.doc().unwrap();
    let has = |x: &&Span| x.attrs.contains_key("source") && x.attrs.contains_key("cue");
    d.spans.iter().filter(|x| x.status == Status::Suggested).find(has).expect("an attributed claim").clone()
}

fn first(s: &Session, label: &str) -> Span {
    s.doc().unwrap().spans.iter().find(|x| x.label == label && x.status == Status::Suggested).unwrap().clone()
}

/// Code-point range of the first occurrence of `needle` in the open document.
fn find(s: &Session, needle: &str) -> (usize, usize) {
    let text = &s.doc().unwrap().text;
    let b = text.find(needle).unwrap();
    let start = text.get(..b).unwrap_or_default().chars().count();
    (start, start + needle.chars().count())
}

/// The first span labelled `label` whose text is `text`.
fn with_text(s: &Session, label: &str, text: &str) -> Span {
    let d = s.doc().unwrap();
    d.spans.iter().find(|x| x.label == label && d.slice(x.start, x.end) == text).unwrap().clone()
}

/// The spans "label every occurrence" made: (id, text, origin, status).
fn labelled_all(s: &Session, doc: usize) -> Vec<(String, String, Origin, Status)> {
    let d = &s.docs[doc];
    let made = d.spans.iter().filter(|x| x.rule.as_deref() == Some("label-all"));
    made.map(|x| (x.id.clone(), d.slice(x.start, x.end).to_string(), x.origin, x.status)).collect()
}

type Build = fn(&Session) -> Action;
type Check = fn(&Session, &Session);

/// Edits: each must change the content, and be exactly undone and redone.
const EDITS: &[(&str, Build, Check)] = &[
    (
        "add docs: ids stay unique, the first added opens, labels of imported spans are created",
        |_| {
            let mut d = Document::new("a", "Copy", SHORT, vec![]);
            d.spans.push(Span::manual("p1", 15..17, "person"));
            Action::AddDocs(vec![d.into()], vec![])
        },
        |_, s| {
            assert_eq!(s.current.as_deref(), Some("a-2"));
            assert_eq!(s.docs.len(), 3);
            let l = s.label("person").unwrap();
            assert_eq!((l.key.as_deref(), l.color.as_str()), (Some("4"), "#009e73"));
        },
    ),
    ("rename", |_| Action::Rename("b".into(), "  Lyon  ".into()), |_, s| assert_eq!(s.docs[1].name, "Lyon")),
    (
        "delete the open document: its neighbour opens",
        |_| Action::DeleteDoc("a".into()),
        |_, s| {
            assert_eq!(s.docs.len(), 1);
            assert_eq!(s.current.as_deref(), Some("b"));
        },
    ),
    (
        "move a document down",
        |_| Action::MoveDoc("a".into(), 1),
        |_, s| assert_eq!(s.docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["b", "a"]),
    ),
    (
        "set status",
        |s| Action::SetStatus(vec![first(s, "number").id], Status::Rejected),
        |b, s| assert_eq!(span(s, &first(b, "number").id).status, Status::Rejected),
    ),
    (
        "accept a whole layer: only its unreviewed suggestions",
        |_| Action::LayerStatus("claim".into(), Status::Accepted),
        |_, s| {
            let d = s.doc().unwrap();
            assert!(d.spans.iter().filter(|x| x.label == "claim").all(|x| x.status == Status::Accepted));
            assert!(d.spans.iter().any(|x| x.label == "number" && x.status == Status::Suggested));
        },
    ),
    (
        "tag a range: a manual, accepted span, selected",
        |s| {
            let (a, b) = find(s, "Moscow concert hall");
            Action::Tag(a, b, "place".into())
        },
        |_, s| {
            let sel = s.selected_span().unwrap();
            assert_eq!((sel.label.as_str(), sel.origin, sel.status), ("place", Origin::Manual, Status::Accepted));
            assert_eq!(s.doc().unwrap().slice(sel.start, sel.end), "Moscow concert hall");
        },
    ),
    (
        "tag exactly a suggestion: it is accepted, not doubled",
        |s| {
            let n = first(s, "number");
            Action::Tag(n.start, n.end, "number".into())
        },
        |b, s| {
            let n = first(b, "number");
            assert_eq!(span(s, &n.id).status, Status::Accepted);
            assert_eq!(s.doc().unwrap().spans.len(), b.doc().unwrap().spans.len());
            assert_eq!(s.selected.as_deref(), Some(n.id.as_str()));
        },
    ),
    (
        "fix a suggestion's edges: the original is rejected, the fix is manual and keeps rule and attrs",
        |s| {
            let n = first(s, "number");
            Action::Fix { id: n.id, start: n.start, end: n.end + 7, label: "number".into(), note: Some("wider".into()) }
        },
        |b, s| {
            let n = first(b, "number");
            assert_eq!(span(s, &n.id).status, Status::Rejected);
            let f = s.selected_span().unwrap();
            assert_eq!((f.start, f.end, f.origin), (n.start, n.end + 7, Origin::Manual));
            assert_eq!((&f.rule, &f.attrs, f.note.as_deref()), (&n.rule, &n.attrs, Some("wider")));
        },
    ),
    (
        "fix only the note: the suggestion itself is accepted",
        |s| {
            let n = first(s, "claim");
            Action::Fix { id: n.id, start: n.start, end: n.end, label: n.label, note: Some("check".into()) }
        },
        |b, s| {
            let f = span(s, &first(b, "claim").id);
            assert_eq!((f.status, f.note.as_deref()), (Status::Accepted, Some("check")));
        },
    ),
    (
        "delete a suggestion: it stays, rejected",
        |s| Action::DeleteSpan(first(s, "boilerplate").id),
        |b, s| assert_eq!(span(s, &first(b, "boilerplate").id).status, Status::Rejected),
    ),
    (
        "label every occurrence in this document: manual suggestions at the other whole-word occurrences, stable ids",
        |s| Action::LabelAll { id: with_text(s, "source", "IS-K").id, scope: AllScope::ThisDocument },
        |b, s| {
            let made = labelled_all(s, 0);
            assert_eq!(made.len(), 3, "IS-K is written four times, once already a source");
            for (id, text, origin, status) in &made {
                assert!(id.starts_with("m:source:"), "{id}");
                assert_eq!((text.as_str(), *origin, *status), ("IS-K", Origin::Manual, Status::Suggested));
            }
            let again =
                b.reduce(Action::LabelAll { id: with_text(b, "source", "IS-K").id, scope: AllScope::ThisDocument });
            assert_eq!(labelled_all(&again, 0), made, "the same ids every time");
            assert_eq!(s.docs[1].spans, b.docs[1].spans);
            let n = s.notice.as_deref().unwrap();
            assert!(n.starts_with("Labelled 3 more occurrences of “IS-K” as source (1 document)"), "{n}");
        },
    ),
    (
        "label every occurrence in all documents: one undo step, spans already there kept as they are",
        |s| Action::LabelAll { id: with_text(s, "number", "two weeks").id, scope: AllScope::AllDocuments },
        |b, s| {
            assert_eq!(labelled_all(s, 0).len(), 1);
            assert_eq!(s.docs[0].spans.len(), b.docs[0].spans.len() + 1);
            assert!(b.docs[0].spans.iter().all(|x| s.docs[0].spans.contains(x)));
        },
    ),
    (
        "link a claim to a number: a relation made by hand, accepted, listed on both spans",
        |s| Action::Link { from: first(s, "claim").id, to: first(s, "number").id, label: "said-by".into() },
        |b, s| {
            let (claim, number) = (first(b, "claim").id, first(b, "number").id);
            let d = s.doc().unwrap();
            let r = d.links.0.last().expect("the new relation");
            assert_eq!(
                (r.from.as_str(), r.to.as_str(), r.label.as_str()),
                (claim.as_str(), number.as_str(), "said-by")
            );
            assert_eq!((r.origin, r.status), (Origin::Manual, Status::Accepted));
            assert_eq!(d.relations_of(&number).map(|(_, o)| o.id.clone()).collect::<Vec<_>>(), [claim]);
        },
    ),
    (
        "add a document label to the set: listed for every document, not set on any",
        |_| Action::AddDocLabel(" security ".into()),
        |_, s| {
            let names: Vec<&str> = s.link_labels_of(crate::Scope::Document).map(|l| l.name.as_str()).collect();
            assert_eq!(names, ["security"]);
            assert_eq!(s.labels.len(), Label::builtin().len(), "span labels untouched");
            let rows = s.doc().unwrap().category_rows(names.into_iter());
            assert_eq!(rows, [("security", None)]);
        },
    ),
    (
        "set a document label",
        |_| Action::SetCategory("security".into(), Some(Status::Accepted)),
        |_, s| assert_eq!(s.doc().unwrap().to_document().categories, [crate::Category::manual("security")]),
    ),
    (
        "correct a claim's source: the suggestion is reviewed, keeps its id, and nothing else changes",
        |s| Action::SetAttr { id: attributed(s).id, key: "source".into(), value: Some("a spokesperson".into()) },
        |b, s| {
            let (was, now) = (attributed(b), span(s, &attributed(b).id).clone());
            assert_eq!(now.attrs["source"], "a spokesperson");
            assert_eq!(now.status, Status::Accepted);
            // Where the old source was written no longer applies; everything else stays.
            assert!(was.attrs.contains_key("source_start") && !now.attrs.contains_key("source_start"));
            assert!(!now.attrs.contains_key("source_end"));
            assert_eq!((now.start, now.end, now.attrs.len()), (was.start, was.end, was.attrs.len() - 2));
            assert_eq!(now.attrs["cue_start"], was.attrs["cue_start"]);
        },
    ),
    (
        "set a verdict: any spelling of a word of the scale is stored as the scale spells it",
        |s| Action::SetAttr { id: first(s, "claim").id, key: "verdict".into(), value: Some(" Mostly-False ".into()) },
        |b, s| assert_eq!(span(s, &first(b, "claim").id).attrs["verdict"], "mostly false"),
    ),
    (
        "remove an attribute with a blank value",
        |s| Action::SetAttr { id: attributed(s).id, key: "cue".into(), value: Some("  ".into()) },
        |b, s| assert!(!span(s, &attributed(b).id).attrs.contains_key("cue")),
    ),
    (
        "clear suggestions: reviewed and manual spans stay",
        |_| Action::ClearSuggestions,
        |_, s| assert!(s.doc().unwrap().spans.iter().all(|x| x.status != Status::Suggested)),
    ),
    (
        "add a label: its key is taken from the label that had it",
        |_| Action::AddLabel(Label::new("place", "#cc79a7", Some("2".into()))),
        |_, s| {
            assert_eq!(s.label("place").unwrap().key.as_deref(), Some("2"));
            assert_eq!(s.label("claim").unwrap().key, None);
        },
    ),
    (
        "add a label by name: a free colour and key",
        |_| Action::AddLabelNamed(" person ".into()),
        |_, s| {
            let l = s.label("person").unwrap();
            assert_eq!((l.key.as_deref(), l.color.as_str()), (Some("4"), "#009e73"));
        },
    ),
    (
        "rename a label: spans in every document follow",
        |_| Action::UpdateLabel("number".into(), Label::new("figure", "#0072b2", None)),
        |b, s| {
            assert!(s.label("number").is_none());
            let count =
                |s: &Session, l: &str| s.docs.iter().flat_map(|d| d.spans.iter()).filter(|x| x.label == l).count();
            assert_eq!(count(s, "figure"), count(b, "number"));
            assert!(count(s, "figure") > 0);
        },
    ),
    (
        "delete a label and its spans",
        |_| Action::DeleteLabel("number".into(), OnDelete::DeleteSpans),
        |_, s| {
            assert!(s.label("number").is_none());
            assert!(s.docs.iter().all(|d| d.spans.iter().all(|x| x.label != "number")));
        },
    ),
    (
        "delete a label, relabelling its spans",
        |_| Action::DeleteLabel("boilerplate".into(), OnDelete::Relabel("claim".into())),
        |b, s| {
            let n = |s: &Session, l: &str| s.doc().unwrap().spans.iter().filter(|x| x.label == l).count();
            assert_eq!(n(s, "claim"), n(b, "claim") + n(b, "boilerplate"));
        },
    ),
];

#[test]
fn every_edit_is_one_undo_step() {
    for (name, build, check) in EDITS {
        let before = fixture();
        let after = before.reduce(build(&before));
        assert_ne!(content(&after), content(&before), "{name}: changed nothing");
        check(&before, &after);
        assert!(after.can_undo() && !after.can_redo(), "{name}");
        let undone = after.reduce(Action::Undo);
        assert_eq!(content(&undone), content(&before), "{name}: undo");
        assert!(undone.can_redo(), "{name}");
        let redone = undone.reduce(Action::Redo);
        assert_eq!(content(&redone), content(&after), "{name}: redo");
        // A new edit after an undo clears what could be redone.
        let other = undone.reduce(Action::Rename("b".into(), "Other".into()));
        assert!(!other.can_redo(), "{name}");
    }
}

#[test]
fn edits_that_change_nothing_leave_no_undo_step() {
    let s = fixture();
    for a in [
        Action::Rename("b".into(), "   ".into()),
        Action::MoveDoc("a".into(), -1),
        Action::DeleteDoc("nope".into()),
        Action::SetStatus(vec!["nope".into()], Status::Accepted),
        Action::Tag(3, 3, "claim".into()),
        // Every "Saturday" is a number already, and there is none in the other document.
        Action::LabelAll { id: with_text(&s, "number", "Saturday").id, scope: AllScope::AllDocuments },
        Action::LabelAll { id: "nope".into(), scope: AllScope::AllDocuments },
        Action::AddLabel(Label::new("claim", "#000000", None)),
        Action::UpdateLabel("number".into(), Label::new("claim", "#000000", None)),
        Action::Link { from: first(&s, "claim").id, to: first(&s, "claim").id, label: "said-by".into() },
        Action::Link { from: first(&s, "claim").id, to: "nope".into(), label: "said-by".into() },
        Action::Link { from: first(&s, "claim").id, to: first(&s, "number").id, label: " ".into() },
        Action::Unlink("nope".into()),
        Action::SetCategory("security".into(), None),
        Action::AddDocLabel("  ".into()),
        Action::DeleteDocLabel("security".into()),
        Action::SetAttr { id: first(&s, "claim").id, key: "verdict".into(), value: Some("sort of".into()) },
        Action::SetAttr { id: first(&s, "claim").id, key: " ".into(), value: Some("x".into()) },
        Action::SetAttr { id: "nope".into(), key: "source".into(), value: Some("x".into()) },
        Action::SetAttr {
            id: attributed(&s).id,
            key: "source".into(),
            value: attributed(&s).attrs.get("source").cloned(),
        },
    ] {
        let next = s.reduce(a.clone());
        assert!(!next.can_undo(), "{a:?}");
        assert_eq!(content(&next), content(&s), "{a:?}");
    }
    assert_eq!(
        s.reduce(Action::UpdateLabel("number".into(), Label::new("claim", "#000", None))).notice.as_deref(),
        Some("A label called “claim” already exists.")
    );
    assert!(s.next(Action::Undo).is_none() && s.next(Action::Redo).is_none(), "nothing to undo: no new state");
}

/// Actions that only change what is shown, or bring in other tabs' work: never an undo step.
const VIEWS: &[(&str, Build, Check)] = &[
    ("open", |_| Action::Open("b".into()), |_, s| assert_eq!(s.doc().unwrap().name, "Short")),
    ("open an unknown id", |_| Action::Open("zz".into()), |_, s| assert_eq!(s.current.as_deref(), Some("a"))),
    ("toggle a layer", |_| Action::ToggleLayer("claim".into()), |_, s| assert!(s.hidden.contains("claim"))),
    ("claim threshold", |_| Action::SetMinWorth(0.4), |_, s| assert_eq!(s.min_worth, 0.4)),
    ("claim threshold out of range", |_| Action::SetMinWorth(f64::NAN), |_, s| assert_eq!(s.min_worth, 0.0)),
    (
        "select a span",
        |s| Action::SelectSpan(Some(first(s, "claim").id)),
        |_, s| assert_eq!(s.selected_span().unwrap().label, "claim"),
    ),
    (
        "select a span that is not there",
        |_| Action::SelectSpan(Some("zz".into())),
        |_, s| assert!(s.selected.is_none()),
    ),
    (
        "filter",
        |_| Action::SetFilter(Filter { label: Some("number".into()), ..Filter::default() }),
        |_, s| {
            let d = s.doc().unwrap();
            assert!(d.spans.iter().filter(|x| s.filter.admits(x)).all(|x| x.label == "number"));
        },
    ),
    ("notice", |_| Action::Notice("Saved.".into()), |_, s| assert_eq!(s.notice.as_deref(), Some("Saved."))),
    (
        "another tab changed the labels",
        |_| Action::ExternalLabels(vec![Label::new("x", "#000000", None)]),
        |_, s| assert_eq!(s.labels.len(), 1),
    ),
    (
        "another tab changed the order and switched a detector off",
        |_| Action::ExternalIndex(vec!["b".into(), "a".into()], Detectors::ALL.with("number", false)),
        |_, s| {
            assert_eq!(s.docs[0].id, "b");
            assert_eq!(s.detectors.is_on("number"), Some(false));
        },
    ),
    (
        "suggestions from a slice: added, progress shown",
        |_| {
            let mut n = Span::manual("number:0-9", 0..9, "number");
            n.origin = Origin::Auto;
            n.status = Status::Suggested;
            Action::Suggest("b".into(), vec![n], Some(40))
        },
        |b, s| {
            assert_eq!(s.docs[1].spans.len(), b.docs[1].spans.len() + 1);
            assert_eq!(s.annotating.get("b"), Some(&40));
        },
    ),
];

#[test]
fn views_and_other_tabs_are_not_undo_steps() {
    for (name, build, check) in VIEWS {
        let before = fixture();
        let after = before.reduce(build(&before));
        check(&before, &after);
        assert!(!after.can_undo(), "{name}");
    }
    let s = fixture().reduce(Action::Notice("x".into())).reduce(Action::DismissNotice);
    assert!(s.notice.is_none());
}

#[test]
fn another_tabs_document_replaces_ours_and_drops_the_history() {
    let s = fixture().reduce(Action::LayerStatus("number".into(), Status::Accepted));
    assert!(s.can_undo());
    let theirs = Document::new("b", "Theirs", SHORT, vec![]);
    let ext = s.reduce(Action::External("b".into(), Some(theirs.clone()), 7));
    assert_eq!((ext.docs[1].name.as_str(), ext.revs.get("b")), ("Theirs", Some(&7)));
    assert!(!ext.can_undo(), "undo must not take back another tab's work");
    assert!(ext.notice.is_none());
    let lost = s.reduce(Action::Conflict("b".into(), theirs, 8));
    assert_eq!(lost.docs[1].name, "Theirs");
    assert!(lost.notice.as_deref().unwrap().contains("changed in another tab"));
    let gone = s.reduce(Action::External("a".into(), None, 0));
    assert_eq!((gone.docs.len(), gone.current.as_deref()), (1, Some("b")));
}

#[test]
fn reannotation_keeps_every_decision() {
    let s = fixture();
    let (acc, rej) = (first(&s, "claim"), first(&s, "number"));
    let (a, b) = find(&s, "Moscow concert hall");
    let s = s
        .reduce(Action::SetStatus(vec![acc.id.clone()], Status::Accepted))
        .reduce(Action::DeleteSpan(rej.id.clone()))
        .reduce(Action::Tag(a, b, "place".into()));
    let again = s.reduce(Action::Reannotate);
    assert_eq!(span(&again, &acc.id).status, Status::Accepted);
    assert_eq!(span(&again, &rej.id).status, Status::Rejected, "a rejected suggestion does not come back");
    assert!(again.doc().unwrap().spans.iter().any(|x| x.label == "place" && x.origin == Origin::Manual));
    assert_eq!(content(&again), content(&s), "the same detectors give the same suggestions");
    // Dropped suggestions come back on re-annotation, decisions stay.
    let cleared = s.reduce(Action::ClearSuggestions).reduce(Action::Reannotate);
    assert_eq!(content(&cleared), content(&s));
}

#[test]
fn slice_suggestions_reach_the_undo_history_too() {
    let s = fixture().reduce(Action::Rename("b".into(), "Renamed".into()));
    let mut n = Span::manual("number:0-9", 0..9, "number");
    n.origin = Origin::Auto;
    n.status = Status::Suggested;
    let s = s.reduce(Action::Suggest("b".into(), vec![n], None)).reduce(Action::Undo);
    assert!(s.docs[1].spans.iter().any(|x| x.id == "number:0-9"), "undo never drops the detectors' work");
    assert!(s.annotating.is_empty());
}

#[test]
fn page_structure_can_be_ignored_and_used_again_keeping_decisions() {
    // The menu line reads like prose; only the <nav> around it says it is chrome.
    let html =
        "<nav><p>World news, analysis and opinion from our reporters across the globe, updated every hour.</p></nav>\
        <h1>Islamic State claims Moscow concert hall attack</h1>\
        <p>The Islamic State group has claimed responsibility for an attack that killed more than 130 people.</p>";
    let source = crate::input::Source::from_html(html);
    let s = Session::default().reduce(Action::AddDocs(vec![NewDoc::annotated("h", "page.html", source)], vec![]));
    let chrome =
        |s: &Session| s.doc().unwrap().spans.iter().filter(|x| x.label == "boilerplate" && x.start == 0).count();
    assert_eq!(chrome(&s), 1);
    let claim = first(&s, "claim").id;
    let s = s.reduce(Action::SetStatus(vec![claim.clone()], Status::Accepted));
    let off = s.reduce(Action::UseStructure(false));
    assert_eq!(chrome(&off), 0, "read as plain text, the menu line is prose");
    assert!(off.doc().unwrap().facts.is_none() && off.doc().unwrap().saved_markup().is_none());
    assert_eq!(span(&off, &claim).status, Status::Accepted);
    assert!(off.reduce(Action::UseStructure(false)).undo.len() == off.undo.len(), "already off: no step");
    let on = off.reduce(Action::UseStructure(true));
    assert_eq!(chrome(&on), 1);
    assert_eq!(on.doc().unwrap().saved_markup(), Some(html));
    assert_eq!(chrome(&off.reduce(Action::Undo)), 1, "undoable");
}

#[test]
fn a_text_past_the_span_limit_says_so_and_keeps_the_spans_before_the_cut() {
    let text = "Officials said 12 people were hurt. ".repeat(crate::detect::MAX_SPANS / 2 + 10);
    let (d, msg) = NewDoc::annotated_bounded("x", "big.txt", crate::input::Source::plain(text.clone()), Detectors::ALL);
    let msg = msg.expect("a message");
    assert!(msg.starts_with("big.txt: more than 50000 suggestions"), "{msg}");
    assert!(d.doc.spans.len() <= crate::detect::MAX_SPANS);
    let (small, none) = NewDoc::annotated_bounded("y", "s.txt", crate::input::Source::plain(SHORT), Detectors::ALL);
    assert!(none.is_none() && !small.doc.spans.is_empty());
}

#[test]
fn a_page_nested_deeper_than_browsers_go_says_so_and_keeps_its_text() {
    let html = format!("<body>{}<p>Officials said 12 people were hurt.</p></body>", "<section>".repeat(700));
    let (d, msg) = NewDoc::annotated_bounded("x", "deep.html", crate::input::Source::from_html(&html), Detectors::ALL);
    let msg = msg.expect("a message");
    assert!(msg.starts_with("deep.html: ") && msg.contains("nested deeper than 511 levels were left out"), "{msg}");
    assert!(d.doc.text.contains("Officials said 12 people were hurt."));
}

#[test]
fn relations_and_document_labels_are_reviewed_like_spans() {
    let s = fixture();
    let (claim, number) = (first(&s, "claim").id, first(&s, "number").id);
    let linked = s.reduce(Action::Link { from: number.clone(), to: claim.clone(), label: "about".into() });
    let id = linked.doc().unwrap().links.0.last().unwrap().id.clone();
    let status = |s: &Session| s.doc().unwrap().links.0.iter().find(|r| r.id == id).map(|r| r.status);
    let rejected = linked.reduce(Action::RelationStatus(id.clone(), Status::Rejected));
    assert_eq!(status(&rejected), Some(Status::Rejected));
    // Linking again accepts it; unlinking a hand-made relation takes it away, in one undo step each.
    let again = rejected.reduce(Action::Link { from: number, to: claim.clone(), label: "about".into() });
    assert_eq!(status(&again), Some(Status::Accepted));
    let gone = again.reduce(Action::Unlink(id.clone()));
    assert_eq!(status(&gone), None);
    assert_eq!(content(&gone.reduce(Action::Undo)), content(&again));
    // A suggested relation or document label that is taken away stays, rejected.
    let mut d = annotate("c", "Suggested", SHORT, Layers::ALL);
    let (a, b) = (d.spans[0].id.clone(), d.spans[1].id.clone());
    d.relations = vec![crate::Relation {
        origin: Origin::Auto,
        status: Status::Suggested,
        ..crate::Relation::manual(a, b, "about")
    }];
    d.categories =
        vec![crate::Category { origin: Origin::Auto, status: Status::Suggested, ..crate::Category::manual("crime") }];
    let rid = d.relations[0].id.clone();
    let s = s.reduce(Action::AddDocs(vec![d.into()], vec![]));
    let s = s.reduce(Action::Unlink(rid)).reduce(Action::SetCategory("crime".into(), None));
    let doc = s.doc().unwrap().to_document();
    let r = doc.relations.iter().find(|r| r.label == "about").unwrap();
    assert_eq!((r.status, doc.categories[0].status), (Status::Rejected, Status::Rejected));
}

#[test]
fn the_claim_layer_suggests_said_by_links_that_are_reviewed_like_any_relation() {
    use crate::annotation::{SAID_BY, SOURCE};
    // A session saved before the source label existed: only the three layers in its palette.
    let old: Vec<Label> = Label::builtin().into_iter().filter(|l| l.name != SOURCE).collect();
    let s = Session::from_saved(Saved { labels: old, ..Saved::default() });
    let s = s.reduce(Action::AddDocs(
        vec![NewDoc::annotated("a", "AP report", crate::input::Source::plain(ARTICLE))],
        vec![],
    ));
    let builtin = Label::builtin().into_iter().find(|l| l.name == SOURCE).unwrap();
    assert_eq!(s.labels.iter().find(|l| l.name == SOURCE), Some(&builtin), "the built-in source label, as built in");
    let d = s.doc().unwrap();
    let said: Vec<crate::Relation> = d.links.0.iter().filter(|r| r.label == SAID_BY).cloned().collect();
    assert!(said.len() >= 2, "{said:?}");
    for r in &said {
        let (from, to) = (span(&s, &r.from), span(&s, &r.to));
        assert_eq!((from.label.as_str(), to.label.as_str()), ("claim", SOURCE));
        assert_eq!(from.attrs["source_start"], to.start);
        assert_eq!(from.attrs["source"], crate::text::slice_chars(ARTICLE, to.start, to.end).unwrap());
        assert_eq!((r.origin, r.status), (Origin::Auto, Status::Suggested));
    }
    // A rejected link stays rejected through re-annotation; accepting another is one undo step.
    let s = s.reduce(Action::RelationStatus(said[0].id.clone(), Status::Rejected)).reduce(Action::Reannotate);
    let status = |s: &Session, id: &str| s.doc().unwrap().links.0.iter().find(|r| r.id == id).map(|r| r.status);
    assert_eq!(status(&s, &said[0].id), Some(Status::Rejected));
    assert_eq!(s.doc().unwrap().links.0.iter().filter(|r| r.label == SAID_BY).count(), said.len(), "no copies");
    let accepted = s.reduce(Action::RelationStatus(said[1].id.clone(), Status::Accepted));
    assert_eq!(status(&accepted, &said[1].id), Some(Status::Accepted));
    assert_eq!(status(&accepted.reduce(Action::Undo), &said[1].id), Some(Status::Suggested));
}

#[test]
fn a_label_or_key_refused_or_taken_says_so() {
    let s = fixture();
    let notice = |s: &Session| s.notice.clone().unwrap_or_default();
    // A duplicate or blank name changes nothing and says why.
    for (l, want) in [
        (Label::new("claim", "#000", None), "A label called “claim” already exists."),
        (Label::new("  ", "#000", None), "A label needs a name."),
    ] {
        let next = s.reduce(Action::AddLabel(l));
        assert_eq!(notice(&next), want);
        assert_eq!(next.labels, s.labels);
    }
    let long = "L".repeat(5000);
    let next =
        s.reduce(Action::AddLabel(Label::new("claim", "#000", None))).reduce(Action::AddLabelNamed(long.clone()));
    let twice = next.reduce(Action::AddLabelNamed(long));
    assert!(notice(&twice).len() < 120, "a long name is quoted short: {}", notice(&twice));
    // A key another label has moves, and the notice names both.
    let person = s.reduce(Action::AddLabel(Label::new("person", "#123456", Some("2".into()))));
    assert_eq!(notice(&person), "Key 2 now tags “person”; “claim” has no key.");
    assert_eq!(person.label("claim").unwrap().key, None);
    assert_eq!(person.label("person").unwrap().key.as_deref(), Some("2"));
    let back = person.reduce(Action::UpdateLabel("claim".into(), Label::new("claim", "#e69f00", Some("2".into()))));
    assert_eq!(notice(&back), "Key 2 now tags “claim”; “person” has no key.");
    // A label keeping its own key says nothing.
    let same = back
        .reduce(Action::DismissNotice)
        .reduce(Action::UpdateLabel("claim".into(), Label::new("claim", "#000000", Some("2".into()))));
    assert_eq!(same.notice, None);
}

#[test]
fn a_single_choice_document_label_set_lets_a_document_have_one_of_its_labels() {
    let s = fixture().reduce(Action::AddDocLabel("news".into())).reduce(Action::AddDocLabel("opinion".into()));
    let cats = |s: &Session| -> Vec<(String, Status)> {
        s.doc().unwrap().links.1.iter().map(|c| (c.label.clone(), c.status)).collect()
    };
    // Multiple choice (the default): both stay.
    let both = s
        .reduce(Action::SetCategory("news".into(), Some(Status::Accepted)))
        .reduce(Action::SetCategory("opinion".into(), Some(Status::Accepted)));
    assert_eq!(cats(&both).len(), 2);
    // Single choice: the set's mode is one undo step; setting one label takes the other away.
    let single = s.reduce(Action::SetDocLabelsSingle(true));
    assert!(single.link_labels_of(crate::Scope::Document).all(|l| l.single));
    assert!(single.can_undo());
    let one = single
        .reduce(Action::SetCategory("news".into(), Some(Status::Accepted)))
        .reduce(Action::SetCategory("opinion".into(), Some(Status::Accepted)));
    assert_eq!(cats(&one), [("opinion".to_string(), Status::Accepted)]);
    assert_eq!(cats(&one.reduce(Action::Undo)), [("news".to_string(), Status::Accepted)], "one undo step");
    // A suggested label of the set is rejected, not dropped, so re-annotation does not bring it back.
    let mut d = annotate("c", "Suggested", SHORT, Layers::ALL);
    d.categories =
        vec![crate::Category { origin: Origin::Auto, status: Status::Suggested, ..crate::Category::manual("news") }];
    let with = single.reduce(Action::AddDocs(vec![d.into()], vec![]));
    let set = with.reduce(Action::SetCategory("opinion".into(), Some(Status::Accepted)));
    let mut got = cats(&set);
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(got, [("news".to_string(), Status::Rejected), ("opinion".to_string(), Status::Accepted)]);
    // Back to multiple choice: documents keep what they have.
    let multi = one.reduce(Action::SetDocLabelsSingle(false));
    assert_eq!(cats(&multi), cats(&one));
    assert!(multi.link_labels_of(crate::Scope::Document).all(|l| !l.single));
}
