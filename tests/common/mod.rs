//! Fixtures shared by the format tests.

use sift::formats::{self, Format};
use sift::{Category, Label, Origin, Relation, Scope, Status};
use std::path::PathBuf;

const CORPUS: &str = "tests/data/corpus";

/// The five gold articles, in name order.
pub fn gold_paths() -> Vec<PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(CORPUS)
        .expect("tests/data/corpus beside the project")
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    v.sort();
    assert_eq!(v.len(), 5, "five gold articles");
    v
}

/// The first gold article with relations and document labels: a manual `said-by` from a claim to a new
/// `source` span, an automatic suggested `about` from a number in the claim to the claim, the document label
/// `security` and the rejected `sport`; and the labels for all of them.
pub fn linked() -> (Vec<sift::Document>, Vec<Label>) {
    let imp = formats::read(Format::Sift, &std::fs::read_to_string(&gold_paths()[0]).unwrap()).unwrap();
    let mut d = imp.documents[0].clone();
    let inside = |c: &sift::Span, n: &sift::Span| n.label == "number" && c.start <= n.start && n.end <= c.end;
    let (claim, number) = d
        .spans
        .iter()
        .filter(|c| c.label == "claim")
        .find_map(|c| Some((c.clone(), d.spans.iter().find(|n| inside(c, n))?)))
        .expect("a gold claim holds a number");
    let number_id = number.id.clone();
    let source = sift::Span::manual("src-1", claim.start..claim.start + 3, "source");
    let said = Relation::manual(&claim.id, "src-1", "said-by");
    let about =
        Relation { origin: Origin::Auto, status: Status::Suggested, ..Relation::manual(number_id, &claim.id, "about") };
    d.spans.push(source);
    d.relations = vec![said, about];
    d.categories =
        vec![Category::manual("security"), Category { status: Status::Rejected, ..Category::manual("sport") }];
    let mut labels = imp.labels.clone();
    if !labels.iter().any(|l| l.name == "source") {
        labels.push(Label::new("source", "#cc79a7", None));
    }
    labels.push(Label::scoped(Scope::Relation, "said-by", "#56b4e9"));
    labels.push(Label::scoped(Scope::Relation, "about", "#009e73"));
    labels.push(Label { key: Some("s".into()), ..Label::scoped(Scope::Document, "security", "#d55e00") });
    labels.push(Label::scoped(Scope::Document, "sport", "#f0e442"));
    sift::annotation::sort_spans(&mut d.spans);
    (vec![d], labels)
}
