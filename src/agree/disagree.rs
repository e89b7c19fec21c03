//! The disagreements, one by one: what an adjudicator walks through and `sift agree` lists.
//!
//! In each matched document every counted span of every annotator ends in exactly one place, decided in this
//! order:
//! 1. **agreed**: every annotator has a span with the same label, start and end, and the same `attrs`;
//!    **attributes**: the same, but the `attrs` differ (the keys that differ are listed);
//! 2. **label**: spans left at one extent (same start and end) carry different labels;
//! 3. what is left is grouped, per label, into runs of overlapping spans: **boundaries** when their extents
//!    differ, otherwise **missing** (the first annotator, the reference, has the span and some other lacks it)
//!    or **extra** (the first annotator lacks it).
//!
//! With gold first, `missing` is a false negative and `extra` a false positive. Disagreements are sorted by
//! document (the first annotator's order), then start, end, kind and labels, and each has an id made of its
//! document's hash, its extent, kind and labels: the same inputs give the same ids, so the app can store
//! choices under them.

use super::{Aligned, DocSet};
use crate::annotation::{Attrs, Span};
use crate::text::OffsetMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What kind of disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DisagreementKind {
    /// The reference (first annotator) has the span; another annotator has nothing there.
    Missing,
    /// The reference has nothing there; another annotator has a span.
    Extra,
    /// Overlapping spans of one label with different starts or ends.
    Boundaries,
    /// The same extent with different labels.
    Label,
    /// The same label and extent with different attributes.
    Attributes,
}

impl DisagreementKind {
    /// The name used in ids, tables and JSON.
    pub fn name(self) -> &'static str {
        match self {
            DisagreementKind::Missing => "missing",
            DisagreementKind::Extra => "extra",
            DisagreementKind::Boundaries => "boundaries",
            DisagreementKind::Label => "label",
            DisagreementKind::Attributes => "attributes",
        }
    }
}

/// One span of one side of a disagreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanRef {
    /// The span's id in its annotator's document.
    pub id: String,
    /// Start, in code points.
    pub start: usize,
    /// End, in code points (exclusive).
    pub end: usize,
    /// Label.
    pub label: String,
    /// The text it covers.
    pub text: String,
    /// Its attributes.
    pub attrs: Attrs,
    /// Its index in the annotator's counted spans ([`super::DocSet::spans`]).
    #[serde(skip)]
    pub index: usize,
}

/// What one annotator has at a disagreement (possibly nothing).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// The annotator.
    pub annotator: String,
    /// Their spans there, sorted; empty when they have none.
    pub spans: Vec<SpanRef>,
}

/// One disagreement between annotators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// Stable id: `<document hash, 8 digits>:<start>-<end>:<kind>:<labels>` (a `#2` suffix if ever repeated).
    pub id: String,
    /// The document's name (the first annotator's).
    pub document: String,
    /// The document's [`super::text_hash`].
    pub hash: String,
    /// What kind.
    pub kind: DisagreementKind,
    /// Start of the region every side's spans lie in.
    pub start: usize,
    /// End of that region.
    pub end: usize,
    /// The labels involved, sorted.
    pub labels: Vec<String>,
    /// For [`DisagreementKind::Attributes`]: the attribute keys whose values differ, sorted.
    pub attributes: Vec<String>,
    /// One side per annotator, in annotator order.
    pub sides: Vec<Side>,
}

/// A disagreement before it is built: its kind, its spans (`(annotator, index)`) and the differing attributes.
type Found = (DisagreementKind, Vec<(usize, usize)>, Vec<String>);

/// One document sorted out: its disagreements and the groups of spans (`(annotator, index)`) everyone agrees on.
pub(crate) struct Sorted {
    pub disagreements: Vec<Disagreement>,
    pub agreed: Vec<Vec<(usize, usize)>>,
}

/// Every disagreement of the matched documents, in document and text order.
pub fn disagreements(al: &Aligned) -> Vec<Disagreement> {
    al.documents.iter().flat_map(|d| sort_out(d, &al.annotators).disagreements).collect()
}

/// Sorts one document's spans into agreed groups and disagreements (see the module doc).
pub(crate) fn sort_out(d: &DocSet, names: &[String]) -> Sorted {
    let m = d.spans.len();
    let mut done: Vec<Vec<bool>> = d.spans.iter().map(|v| vec![false; v.len()]).collect();
    let mut out: Vec<Found> = Vec::new();
    let mut agreed = Vec::new();

    // 1. The same label and extent everywhere.
    let mut by_key: BTreeMap<(usize, usize, &str), Vec<Vec<usize>>> = BTreeMap::new();
    for (a, spans) in d.spans.iter().enumerate() {
        for (i, s) in spans.iter().enumerate() {
            by_key.entry((s.start, s.end, s.label.as_str())).or_insert_with(|| vec![Vec::new(); m])[a].push(i);
        }
    }
    for per in by_key.values() {
        for k in 0..per.iter().map(Vec::len).min().unwrap_or(0) {
            let group: Vec<(usize, usize)> = per.iter().enumerate().map(|(a, v)| (a, v[k])).collect();
            for &(a, i) in &group {
                done[a][i] = true;
            }
            let differ = differing_attrs(group.iter().map(|&(a, i)| &d.spans[a][i]));
            if differ.is_empty() {
                agreed.push(group);
            } else {
                out.push((DisagreementKind::Attributes, group, differ));
            }
        }
    }

    // 2. One extent, several labels.
    let mut by_extent: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for (a, spans) in d.spans.iter().enumerate() {
        for (i, s) in spans.iter().enumerate().filter(|(i, _)| !done[a][*i]) {
            by_extent.entry((s.start, s.end)).or_default().push((a, i));
        }
    }
    for group in by_extent.into_values() {
        let labels: BTreeSet<&str> = group.iter().map(|&(a, i)| d.spans[a][i].label.as_str()).collect();
        let who: BTreeSet<usize> = group.iter().map(|&(a, _)| a).collect();
        if labels.len() > 1 && who.len() > 1 {
            for &(a, i) in &group {
                done[a][i] = true;
            }
            out.push((DisagreementKind::Label, group, Vec::new()));
        }
    }

    // 3. Runs of overlapping spans of one label.
    let mut left: Vec<(usize, usize)> =
        (0..m).flat_map(|a| (0..d.spans[a].len()).map(move |i| (a, i))).filter(|&(a, i)| !done[a][i]).collect();
    left.sort_by(|&(a, i), &(b, j)| {
        let (x, y) = (&d.spans[a][i], &d.spans[b][j]);
        (&x.label, x.start, x.end, a).cmp(&(&y.label, y.start, y.end, b))
    });
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut run_end = 0;
    let flush = |run: &mut Vec<(usize, usize)>, out: &mut Vec<_>| {
        if run.is_empty() {
            return;
        }
        let first = &d.spans[run[0].0][run[0].1];
        let same = run.iter().all(|&(a, i)| d.spans[a][i].range() == first.range());
        let kind = match (same, run.iter().any(|&(a, _)| a == 0)) {
            (false, _) => DisagreementKind::Boundaries,
            (true, true) => DisagreementKind::Missing,
            (true, false) => DisagreementKind::Extra,
        };
        out.push((kind, std::mem::take(run), Vec::new()));
    };
    for (a, i) in left {
        let s = &d.spans[a][i];
        let joins = run.first().is_some_and(|&(b, j)| d.spans[b][j].label == s.label) && s.start < run_end;
        if !joins {
            flush(&mut run, &mut out);
            run_end = 0;
        }
        run_end = run_end.max(s.end);
        run.push((a, i));
    }
    flush(&mut run, &mut out);

    let map = OffsetMap::new(&d.text);
    let mut list: Vec<Disagreement> =
        out.into_iter().map(|(kind, group, attrs)| build(d, &map, names, kind, &group, attrs)).collect();
    list.sort_by(|x, y| (x.start, x.end, x.kind, &x.labels).cmp(&(y.start, y.end, y.kind, &y.labels)));
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for x in &mut list {
        let n = seen.entry(x.id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            x.id = format!("{}#{n}", x.id);
        }
    }
    Sorted { disagreements: list, agreed }
}

/// The attribute keys whose values are not the same on every span (a key one span lacks differs).
fn differing_attrs<'a>(spans: impl Iterator<Item = &'a Span> + Clone) -> Vec<String> {
    let keys: BTreeSet<&String> = spans.clone().flat_map(|s| s.attrs.keys()).collect();
    keys.into_iter()
        .filter(|k| {
            let mut vals = spans.clone().map(|s| s.attrs.get(k.as_str()));
            let first = vals.next().flatten();
            vals.any(|v| v != first)
        })
        .cloned()
        .collect()
}

fn build(
    d: &DocSet,
    map: &OffsetMap,
    names: &[String],
    kind: DisagreementKind,
    group: &[(usize, usize)],
    attributes: Vec<String>,
) -> Disagreement {
    let mut sides: Vec<Side> = names.iter().map(|n| Side { annotator: n.clone(), spans: Vec::new() }).collect();
    for &(a, i) in group {
        let s = &d.spans[a][i];
        sides[a].spans.push(SpanRef {
            id: s.id.clone(),
            start: s.start,
            end: s.end,
            label: s.label.clone(),
            text: map.slice(&d.text, s.start, s.end).to_string(),
            attrs: s.attrs.clone(),
            index: i,
        });
    }
    for side in &mut sides {
        side.spans.sort_by(|x, y| (x.start, x.end, &x.label).cmp(&(y.start, y.end, &y.label)));
    }
    let start = group.iter().map(|&(a, i)| d.spans[a][i].start).min().unwrap_or(0);
    let end = group.iter().map(|&(a, i)| d.spans[a][i].end).max().unwrap_or(0);
    let labels: Vec<String> = super::labels_of(group.iter().map(|&(a, i)| &d.spans[a][i]));
    let short = d.hash.get(..8).unwrap_or(&d.hash);
    let id = format!("{short}:{start}-{end}:{}:{}", kind.name(), labels.join("+"));
    Disagreement { id, document: d.name.clone(), hash: d.hash.clone(), kind, start, end, labels, attributes, sides }
}

#[cfg(test)]
mod tests {
    use super::super::{align, Annotator, Options};
    use super::*;
    use crate::annotation::Document;

    fn docset(a: Vec<Span>, b: Vec<Span>) -> Aligned {
        let text = "The quick brown fox jumps over the lazy dog near the river bank today.";
        let d = |spans| vec![Document::new("d", "d.txt", text, spans)];
        align(&[Annotator::new("A", d(a)), Annotator::new("B", d(b))], &Options::default())
    }

    fn s(start: usize, end: usize, label: &str) -> Span {
        Span::manual(format!("{label}{start}"), start..end, label)
    }

    #[test]
    fn every_kind_is_found_with_its_sides() {
        let a = vec![s(0, 3, "x"), s(4, 9, "x"), s(10, 15, "y"), s(16, 19, "x").with_attr("k", 1), s(20, 25, "x")];
        let b = vec![s(0, 3, "x"), s(4, 11, "x"), s(10, 15, "z"), s(16, 19, "x").with_attr("k", 2), s(40, 44, "y")];
        let al = docset(a, b);
        let list = disagreements(&al);
        let got: Vec<(&str, usize, usize)> = list.iter().map(|x| (x.kind.name(), x.start, x.end)).collect();
        assert_eq!(
            got,
            [("boundaries", 4, 11), ("label", 10, 15), ("attributes", 16, 19), ("missing", 20, 25), ("extra", 40, 44)]
        );
        let attrs = &list[2];
        assert_eq!(attrs.attributes, ["k"]);
        assert_eq!(attrs.sides[1].spans[0].attrs["k"], 2);
        assert_eq!(list[3].sides[0].spans[0].text, "jumps");
        assert!(list[3].sides[1].spans.is_empty());
        assert_eq!(list[1].labels, ["y", "z"]);
        let short = al.documents[0].hash.get(..8).unwrap().to_string();
        assert_eq!(list[0].id, format!("{short}:4-11:boundaries:x"));
        let sorted = sort_out(&al.documents[0], &al.annotators);
        assert_eq!(sorted.agreed, [vec![(0, 0), (1, 0)]]);
    }

    #[test]
    fn identical_annotations_have_no_disagreement() {
        let a = vec![s(0, 3, "x"), s(4, 9, "y").with_attr("k", 1).with_attr("v", 2)];
        let mut b = a.clone();
        b[1] = s(4, 9, "y").with_attr("v", 2).with_attr("k", 1);
        assert!(disagreements(&docset(a, b)).is_empty(), "attribute order does not matter");
    }
}
