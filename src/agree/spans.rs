//! Span matching between two annotations of the same documents: precision, recall and F1, per label and overall,
//! with an exact match (same label, start and end) and with an overlapping one (same label, at least one code
//! point in common).
//!
//! Matching is one-to-one, so a long span cannot be "found" twice: exact matching pairs identical spans as
//! multisets; overlap matching first pairs the exact ones, then takes the reference spans in text order and
//! gives each the unpaired candidate it shares most code points with (ties: the earliest). The greedy overlap
//! pairing is what INCEpTION-style span agreement and most NER "partial match" scorers do; it can miss the
//! maximum matching only when three or more spans of one label chain-overlap, which annotators rarely make.
//!
//! The first side is the reference (gold, or annotator A): precision is the share of the second side's spans
//! that are matched, recall the share of the reference's. F1 is symmetric, so for two annotators it is the
//! agreement figure that does not depend on who is the reference.

use super::labels_of;
use crate::annotation::Span;
use serde::Serialize;
use std::collections::HashMap;

/// Precision, recall and F1 with the counts they rest on.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Prf {
    /// `tp / (tp + fp)`, 0 when there is no predicted item.
    pub precision: f64,
    /// `tp / (tp + fn)`, 0 when there is no reference item.
    pub recall: f64,
    /// The harmonic mean of the two, 0 when both are 0.
    pub f1: f64,
    /// Items matched.
    pub tp: usize,
    /// Items of the second side with no match.
    pub fp: usize,
    /// Items of the reference with no match.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Prf {
    /// The figures of the counts `tp`, `fp`, `fn_` (the same definitions as `score.py`'s `prf`).
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Prf { precision: p, recall: r, f1, tp, fp, fn_ }
    }

    fn add(self, o: Prf) -> Prf {
        Prf::new(self.tp + o.tp, self.fp + o.fp, self.fn_ + o.fn_)
    }
}

/// Exact and overlap figures of one label (or of all labels).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelScores {
    /// The label; `"*"` for the overall figures.
    pub label: String,
    /// Same label, start and end.
    pub exact: Prf,
    /// Same label, at least one code point in common.
    pub overlap: Prf,
}

/// Span scores of a comparison: overall (micro-averaged over every label and document) and per label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanScores {
    /// Every label together (counts summed: a micro average).
    pub overall: LabelScores,
    /// One entry per label met on either side, sorted by name.
    pub labels: Vec<LabelScores>,
}

/// The span scores of one pair of annotators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairScores {
    /// The reference annotator.
    pub a: String,
    /// The other one.
    pub b: String,
    /// `b` scored against `a`.
    pub scores: SpanScores,
}

/// Scores the second side of each document against the first (the reference).
pub fn compare(docs: &[(&[Span], &[Span])]) -> SpanScores {
    let labels = labels_of(docs.iter().flat_map(|(a, b)| a.iter().chain(b.iter())));
    let mut out = Vec::new();
    let mut overall = LabelScores { label: "*".into(), exact: Prf::default(), overlap: Prf::default() };
    for label in labels {
        let mut row = LabelScores { label: label.clone(), exact: Prf::default(), overlap: Prf::default() };
        for (a, b) in docs {
            let ra: Vec<(usize, usize)> = a.iter().filter(|s| s.label == label).map(|s| (s.start, s.end)).collect();
            let rb: Vec<(usize, usize)> = b.iter().filter(|s| s.label == label).map(|s| (s.start, s.end)).collect();
            let (exact, overlap) = (exact_pairs(&ra, &rb).len(), overlap_pairs(&ra, &rb).len());
            row.exact = row.exact.add(Prf::new(exact, rb.len() - exact, ra.len() - exact));
            row.overlap = row.overlap.add(Prf::new(overlap, rb.len() - overlap, ra.len() - overlap));
        }
        overall.exact = overall.exact.add(row.exact);
        overall.overlap = overall.overlap.add(row.overlap);
        out.push(row);
    }
    SpanScores { overall, labels: out }
}

/// Index pairs `(i, j)` with `a[i] == b[j]`, one-to-one, in `a`'s order.
pub(crate) fn exact_pairs(a: &[(usize, usize)], b: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut free: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (j, y) in b.iter().enumerate().rev() {
        free.entry(*y).or_default().push(j);
    }
    a.iter().enumerate().filter_map(|(i, x)| free.get_mut(x).and_then(Vec::pop).map(|j| (i, j))).collect()
}

/// Index pairs of overlapping ranges, one-to-one: the exact pairs first, then each reference range in order takes
/// the unpaired range it shares most with (ties: the earliest).
pub(crate) fn overlap_pairs(a: &[(usize, usize)], b: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = exact_pairs(a, b);
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    for &(i, j) in &out {
        used_a[i] = true;
        used_b[j] = true;
    }
    // `b` by start: the candidates of `x` start before `x.end` and no longer than the longest range before it.
    let mut order: Vec<usize> = (0..b.len()).collect();
    order.sort_by_key(|&j| b[j]);
    let longest = b.iter().map(|y| y.1.saturating_sub(y.0)).max().unwrap_or(0);
    for (i, x) in a.iter().enumerate() {
        if used_a[i] {
            continue;
        }
        let shared = |y: &(usize, usize)| x.1.min(y.1).saturating_sub(x.0.max(y.0));
        let lo = order.partition_point(|&j| b[j].0 + longest <= x.0);
        let hi = order.partition_point(|&j| b[j].0 < x.1);
        let best = order[lo..hi.max(lo)]
            .iter()
            .copied()
            .filter(|&j| !used_b[j] && shared(&b[j]) > 0)
            .max_by_key(|&j| (shared(&b[j]), usize::MAX - j));
        if let Some(j) = best {
            used_b[j] = true;
            out.push((i, j));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(start: usize, end: usize, label: &str) -> Span {
        Span::manual("x", start..end, label)
    }

    #[test]
    fn prf_by_hand() {
        // 3 matched, 1 extra, 2 missed: P 3/4, R 3/5, F1 2·0.75·0.6/1.35 = 2/3.
        let p = Prf::new(3, 1, 2);
        assert_eq!((p.precision, p.recall), (0.75, 0.6));
        assert!((p.f1 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(Prf::new(0, 0, 0), Prf::default());
    }

    #[test]
    fn exact_and_overlap_per_label_and_overall() {
        let gold = [s(0, 5, "n"), s(10, 20, "n"), s(30, 40, "c"), s(50, 60, "c")];
        // (0,5) exact; (10,20) shifted to (12,20); (30,40) relabelled n; (50,60) missed; (70,80) extra.
        let pred = [s(0, 5, "n"), s(12, 20, "n"), s(30, 40, "n"), s(70, 80, "c")];
        let r = compare(&[(&gold, &pred)]);
        let row = |l: &str| r.labels.iter().find(|x| x.label == l).unwrap().clone();
        let (n, c) = (row("n"), row("c"));
        assert_eq!((n.exact.tp, n.exact.fp, n.exact.fn_), (1, 2, 1));
        assert_eq!((n.overlap.tp, n.overlap.fp, n.overlap.fn_), (2, 1, 0));
        assert_eq!((c.exact.tp, c.exact.fp, c.exact.fn_), (0, 1, 2));
        assert_eq!((r.overall.exact.tp, r.overall.exact.fp, r.overall.exact.fn_), (1, 3, 3));
        assert_eq!(r.overall.overlap.tp, 2);
        assert_eq!(r.labels.iter().map(|l| l.label.as_str()).collect::<Vec<_>>(), ["c", "n"]);
    }

    #[test]
    fn overlap_is_one_to_one_and_prefers_the_largest_share() {
        let a = [(0, 10)];
        let b = [(0, 2), (3, 10)];
        assert_eq!(overlap_pairs(&a, &b), [(0, 1)]);
        let twice = [(0, 4), (0, 4)];
        assert_eq!(exact_pairs(&twice, &[(0, 4)]), [(0, 0)]);
    }
}
