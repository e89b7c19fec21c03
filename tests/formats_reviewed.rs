//! Accepted-only exports (training data): in every format that reads back, exactly the accepted spans, relations
//! and document labels come back; unreviewed suggestions and rejected marks do not.

use sift::formats::{self, read, read_files, Format, WriteOptions};
use sift::{Document, Status};

mod common;

/// The linked gold article with its spans in turn accepted, left suggested and rejected, the `said-by` relation
/// between two accepted spans, and a suggested `about`.
fn reviewed() -> (Document, Vec<sift::Label>) {
    let (mut docs, labels) = common::linked();
    let mut d = docs.remove(0);
    let said = d.relations.iter().find(|r| r.label == "said-by").unwrap().clone();
    for (i, s) in d.spans.iter_mut().enumerate() {
        s.status = [Status::Accepted, Status::Suggested, Status::Rejected][i % 3];
        if s.id == said.from || s.id == said.to {
            s.status = Status::Accepted;
        }
    }
    (d, labels)
}

/// A span as label and covered text without whitespace: CoNLL rebuilds the text from tokens, so offsets move.
type Extent = (String, String);

fn extents<'a>(text: &str, spans: impl Iterator<Item = &'a sift::Span>) -> Vec<Extent> {
    let chars: Vec<char> = text.chars().collect();
    let covered = |s: &sift::Span| chars[s.start..s.end].iter().filter(|c| !c.is_whitespace()).collect();
    let mut v: Vec<_> = spans.map(|s| (s.label.clone(), covered(s))).collect();
    v.sort();
    v
}

#[test]
fn accepted_only_exports_read_back_as_exactly_the_accepted_work() {
    let (doc, labels) = reviewed();
    let accepted = extents(&doc.text, doc.spans.iter().filter(|s| s.status == Status::Accepted));
    let numbers: Vec<Extent> = accepted.iter().filter(|e| e.0 == "number").cloned().collect();
    assert!(accepted.len() >= 10 && accepted.len() < doc.spans.len() / 2 + 2, "a real mix: {}", accepted.len());
    assert!(numbers.len() >= 3);
    // (format, options, the extents expected back, relations and document labels carried)
    // Label Studio links regions of one annotation only: the gold claim and the user's source span are in two,
    // so the relation is a reported loss there.
    let table: &[(Format, WriteOptions, &[Extent], bool)] = &[
        (Format::Sift, WriteOptions::default().accepted(), &accepted, true),
        (Format::SiftJsonl, WriteOptions::default().accepted(), &accepted, true),
        (Format::Doccano, WriteOptions::default().accepted(), &accepted, true),
        (Format::LabelStudio, WriteOptions::default().accepted(), &accepted, true),
        (Format::Spacy, WriteOptions::default().accepted(), &accepted, true),
        (Format::Brat, WriteOptions::default().accepted(), &accepted, true),
        (Format::W3c, WriteOptions::default().accepted(), &accepted, true),
        (Format::Conll, WriteOptions::layer(["number"]).accepted(), &numbers, false),
    ];
    for (f, options, want, linked) in table {
        let out = formats::write_with(*f, std::slice::from_ref(&doc), &labels, options);
        let files: Vec<(&str, &str)> = out.files.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
        let back = if files.len() > 1 { read_files(*f, &files) } else { read(*f, files[0].1) }
            .unwrap_or_else(|e| panic!("{f:?}: {e}"));
        let d = &back.documents[0];
        assert_eq!(&extents(&d.text, d.spans.iter()), want, "{f:?}: the accepted spans and nothing else");
        assert!(d.spans.iter().all(|s| s.status != Status::Rejected), "{f:?}: no rejected span");
        if *linked {
            let rel: Vec<_> = d.relations.iter().map(|r| r.label.as_str()).collect();
            if *f == Format::LabelStudio {
                assert!(rel.is_empty() && out.losses.iter().any(|l| l.contains("different result lists")), "{f:?}");
            } else {
                assert_eq!(rel, ["said-by"], "{f:?}: the accepted relation, not the suggested one");
            }
            let cats: Vec<_> = d.categories.iter().map(|c| c.label.as_str()).collect();
            let want: &[&str] = if *f == Format::Brat { &[] } else { &["security"] }; // brat has no document labels
            assert_eq!(cats, want, "{f:?}: the accepted document label, not the rejected one");
        }
        // Without the option the suggestions go out too.
        let mut every = options.clone();
        every.accepted_only = false;
        let all = formats::write_with(*f, std::slice::from_ref(&doc), &labels, &every);
        let files: Vec<(&str, &str)> = all.files.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
        let back = if files.len() > 1 { read_files(*f, &files) } else { read(*f, files[0].1) }.unwrap();
        assert!(back.documents[0].spans.len() > want.len(), "{f:?}: everything, suggestions included");
    }
}

#[test]
fn accepted_keeps_a_relation_only_when_both_its_ends_are_kept() {
    let (mut doc, _) = reviewed();
    let said = doc.relations.iter().find(|r| r.label == "said-by").unwrap().clone();
    assert_eq!(doc.accepted().relations.len(), 1);
    doc.spans.iter_mut().find(|s| s.id == said.to).unwrap().status = Status::Suggested;
    let kept = doc.accepted();
    assert!(kept.relations.is_empty(), "the relation's target is not accepted");
    assert!(kept.spans.iter().any(|s| s.id == said.from), "its accepted source span stays");
    assert_eq!(kept.text, doc.text);
}
