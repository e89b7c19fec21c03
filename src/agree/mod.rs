//! Agreement, evaluation and adjudication: how far annotators agree, how a prediction scores against gold, and
//! the merged set an adjudicator makes of several annotators' work.
//!
//! Labeled data is only as good as the agreement behind it, so sift measures it offline, with the same code for
//! the CLI (`sift agree`, `sift eval`) and the app's adjudication view. Everything here is pure and
//! platform-free; results are `Serialize` with stable field names (the CLI's `--json` prints them, the app
//! renders them), and every figure carries the number of items it rests on.
//!
//! - [`align`] matches documents across annotators by their text ([`text_hash`]), never by name or id: two
//!   exports of the same article under different names still meet, and a document that is not in every set is
//!   reported in [`Aligned::unmatched`].
//! - [`spans`]: span precision, recall and F1, exact and overlapping, per label and overall.
//! - [`kappa`]: Cohen's kappa (two annotators) and Fleiss' kappa (more) on tokens.
//! - [`alpha`]: Krippendorff's unitizing alpha on code points.
//! - [`disagree`]: the disagreements, one by one, with the spans of each side.
//! - [`eval`]: gold against a prediction, spans and (boilerplate) lines as `../shared/bench/score.py` scores them.
//! - [`adjudicate`]: choices on the disagreements, and the merged documents that record who agreed.
//! - [`agree`]: every agreement figure for a set of annotators, the report of `sift agree`.
//!
//! # Which spans count
//!
//! [`Options::counts`] decides: a rejected span never counts (it is a refusal, not an annotation); an accepted
//! span, a manual one and a gold one count; a suggestion (a detector's span nobody reviewed) counts only with
//! [`Options::suggested`], off by default, because nobody stood behind it. Gold files usually leave the status
//! out (so `suggested`), which is why origin `gold` and `manual` count whatever the status short of rejected.

pub mod adjudicate;
pub mod alpha;
pub mod disagree;
pub mod eval;
pub mod kappa;
pub mod spans;

pub use adjudicate::{merge, prepare, Adjudication, Choice, Merged, ANNOTATORS_ATTR};
pub use alpha::{unitized_alpha, Alpha, AlphaReport};
pub use disagree::{disagreements, Disagreement, DisagreementKind, Side, SpanRef};
pub use eval::{evaluate, line_scores, Evaluation, LineScores};
pub use kappa::{cohen, fleiss, token_kappa, Kappa, KappaReport};
pub use spans::{compare, PairScores, Prf, SpanScores};

use crate::annotation::{Document, Origin, Span, Status};
use serde::Serialize;
use std::collections::HashMap;

/// One annotator's documents, under the name reports use ("A", or the file name).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Annotator {
    /// The name reports and merged spans use.
    pub name: String,
    /// The annotator's documents, in any order.
    pub documents: Vec<Document>,
}

impl Annotator {
    /// An annotator named `name` with `documents`.
    pub fn new(name: impl Into<String>, documents: Vec<Document>) -> Annotator {
        Annotator { name: name.into(), documents }
    }
}

/// What counts as an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Options {
    /// Whether unreviewed suggestions (origin `auto`, status `suggested`) count; off by default.
    pub suggested: bool,
}

impl Options {
    /// Whether `span` counts as an annotation: never when rejected; always when accepted, manual or gold; a
    /// suggestion only with [`Options::suggested`].
    pub fn counts(&self, span: &Span) -> bool {
        match span.status {
            Status::Rejected => false,
            Status::Accepted => true,
            Status::Suggested => self.suggested || matches!(span.origin, Origin::Manual | Origin::Gold),
        }
    }
}

/// A stable content hash of a text, 16 hex digits (64-bit FNV-1a over its UTF-8 bytes): the key that matches
/// documents across annotators. Not cryptographic: [`align`] still compares the texts themselves.
pub fn text_hash(text: &str) -> String {
    format!("{:016x}", crate::text::fnv1a(text.bytes()))
}

/// One document as every annotator has it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocSet {
    /// [`text_hash`] of the text.
    pub hash: String,
    /// The first annotator's name for it.
    pub name: String,
    /// The shared text.
    pub text: String,
    /// The first annotator's document id.
    pub id: String,
    /// The spans that count ([`Options::counts`]), one list per annotator in annotator order, each sorted.
    pub spans: Vec<Vec<Span>>,
}

/// A document that is not in every annotator's set (or is there twice), left out of the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    /// The annotator whose document it is.
    pub annotator: String,
    /// Its name there.
    pub document: String,
    /// [`text_hash`] of its text.
    pub hash: String,
    /// Why it is left out: `"not in every set"` (with the annotators that lack it) or `"same text twice"`.
    pub reason: String,
}

/// The documents matched across annotators, and those that were not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aligned {
    /// The annotators' names, in order.
    pub annotators: Vec<String>,
    /// Documents every annotator has, in the first annotator's order.
    pub documents: Vec<DocSet>,
    /// Documents left out.
    pub unmatched: Vec<Unmatched>,
}

/// Matches the annotators' documents by their text. A document counts when every annotator has it; the others
/// (and a second copy of one text in one set) are listed in [`Aligned::unmatched`].
pub fn align(annotators: &[Annotator], opts: &Options) -> Aligned {
    align_with(annotators, opts, false)
}

/// [`align`]; with `keep_first`, a document of the first annotator that others lack is kept too (with no spans
/// for them) and still listed as unmatched: how [`eval`] scores a prediction that skipped a gold document.
pub(crate) fn align_with(annotators: &[Annotator], opts: &Options, keep_first: bool) -> Aligned {
    let names: Vec<String> = annotators.iter().map(|a| a.name.clone()).collect();
    let mut unmatched = Vec::new();
    // Per annotator: text -> its first document with that text.
    let mut by_text: Vec<HashMap<&str, &Document>> = Vec::new();
    for a in annotators {
        let mut m: HashMap<&str, &Document> = HashMap::new();
        for d in &a.documents {
            if m.contains_key(d.text.as_str()) {
                unmatched.push(Unmatched {
                    annotator: a.name.clone(),
                    document: d.name.clone(),
                    hash: text_hash(&d.text),
                    reason: "same text twice".into(),
                });
            } else {
                m.insert(&d.text, d);
            }
        }
        by_text.push(m);
    }
    let mut documents = Vec::new();
    for (i, a) in annotators.iter().enumerate() {
        for d in &a.documents {
            if by_text[i].get(d.text.as_str()).is_none_or(|f| !std::ptr::eq(*f, d)) {
                continue;
            }
            let lacking: Vec<&str> = names
                .iter()
                .zip(&by_text)
                .filter(|(_, m)| !m.contains_key(d.text.as_str()))
                .map(|(n, _)| n.as_str())
                .collect();
            if !lacking.is_empty() {
                unmatched.push(Unmatched {
                    annotator: a.name.clone(),
                    document: d.name.clone(),
                    hash: text_hash(&d.text),
                    reason: format!("not in every set (missing from {})", lacking.join(", ")),
                });
                if !(keep_first && i == 0) {
                    continue;
                }
            }
            if i > 0 {
                continue; // matched everywhere: taken once, from the first annotator
            }
            let spans = by_text
                .iter()
                .map(|m| {
                    let Some(doc) = m.get(d.text.as_str()) else { return Vec::new() };
                    let mut v: Vec<Span> = doc.spans.iter().filter(|s| opts.counts(s)).cloned().collect();
                    crate::annotation::sort_spans(&mut v);
                    v
                })
                .collect();
            documents.push(DocSet {
                hash: text_hash(&d.text),
                name: d.name.clone(),
                text: d.text.clone(),
                id: d.id.clone(),
                spans,
            });
        }
    }
    Aligned { annotators: names, documents, unmatched }
}

/// Every agreement figure for a set of annotators: what `sift agree` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// The annotators' names, in order.
    pub annotators: Vec<String>,
    /// How many documents every annotator has (the figures rest on these).
    pub documents: usize,
    /// Documents left out, with why.
    pub unmatched: Vec<Unmatched>,
    /// Span P/R/F1 of every pair `(a, b)`, `a` before `b`, with `a` as the reference.
    pub pairs: Vec<PairScores>,
    /// Cohen's kappa on tokens (two annotators; `None` otherwise).
    pub cohen: Option<KappaReport>,
    /// Fleiss' kappa on tokens (three or more annotators; `None` otherwise).
    pub fleiss: Option<KappaReport>,
    /// Krippendorff's unitizing alpha on code points (any number of annotators from two).
    pub alpha: AlphaReport,
    /// The disagreements, in document and text order.
    pub disagreements: Vec<Disagreement>,
}

/// Measures the agreement of `annotators` (two or more).
pub fn agree(annotators: &[Annotator], opts: &Options) -> Agreement {
    let al = align(annotators, opts);
    let m = al.annotators.len();
    let mut pairs = Vec::new();
    for i in 0..m {
        for j in i + 1..m {
            let docs: Vec<(&[Span], &[Span])> =
                al.documents.iter().map(|d| (d.spans[i].as_slice(), d.spans[j].as_slice())).collect();
            pairs.push(PairScores { a: al.annotators[i].clone(), b: al.annotators[j].clone(), scores: compare(&docs) });
        }
    }
    let tokens = token_kappa(&al.documents);
    let (cohen, fleiss) = if m == 2 { (Some(tokens), None) } else { (None, Some(tokens)) };
    Agreement {
        annotators: al.annotators.clone(),
        documents: al.documents.len(),
        pairs,
        cohen,
        fleiss,
        alpha: unitized_alpha(&al.documents),
        disagreements: disagreements(&al),
        unmatched: al.unmatched,
    }
}

/// The labels met in `docs`, sorted, each once.
pub(crate) fn labels_of<'a>(docs: impl IntoIterator<Item = &'a Span>) -> Vec<String> {
    let mut v: Vec<String> = docs.into_iter().map(|s| s.label.clone()).collect();
    v.sort();
    v.dedup();
    v
}

/// Per code point of a text of `len` code points: whether one of `spans` covers it.
pub(crate) fn coverage<'a>(len: usize, spans: impl Iterator<Item = &'a Span>) -> Vec<bool> {
    let mut depth = vec![0i64; len + 1];
    for s in spans {
        let (a, b) = (s.start.min(len), s.end.min(len));
        if a < b {
            depth[a] += 1;
            depth[b] -= 1;
        }
    }
    let mut run = 0;
    depth[..len]
        .iter()
        .map(|d| {
            run += d;
            run > 0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, text: &str, spans: Vec<Span>) -> Document {
        Document::new(name, name, text, spans)
    }

    #[test]
    fn which_spans_count() {
        let base = Span::manual("s", 0..1, "x");
        let table = [
            (Origin::Manual, Status::Accepted, false, true),
            (Origin::Manual, Status::Rejected, true, false),
            (Origin::Gold, Status::Suggested, false, true),
            (Origin::Auto, Status::Suggested, false, false),
            (Origin::Auto, Status::Suggested, true, true),
            (Origin::Auto, Status::Accepted, false, true),
            (Origin::Auto, Status::Rejected, true, false),
        ];
        for (origin, status, suggested, want) in table {
            let s = Span { origin, status, ..base.clone() };
            assert_eq!(Options { suggested }.counts(&s), want, "{origin:?} {status:?} {suggested}");
        }
    }

    #[test]
    fn documents_meet_by_text_not_by_name() {
        let a = Annotator::new("A", vec![doc("one", "same text", vec![]), doc("two", "only A", vec![])]);
        let b = Annotator::new("B", vec![doc("renamed", "same text", vec![]), doc("dup", "same text", vec![])]);
        let al = align(&[a, b], &Options::default());
        assert_eq!(al.documents.len(), 1);
        assert_eq!(al.documents[0].name, "one");
        let why: Vec<(&str, &str)> = al.unmatched.iter().map(|u| (u.document.as_str(), u.reason.as_str())).collect();
        assert_eq!(why, [("dup", "same text twice"), ("two", "not in every set (missing from B)")]);
        assert_eq!(text_hash("same text"), text_hash("same text"));
        assert_ne!(text_hash("same text"), text_hash("same text "));
        assert_eq!(text_hash(""), "cbf29ce484222325"); // FNV-1a 64 offset basis
    }
}
