//! Evaluation: a prediction (a detector's output, or an annotator's) against gold.
//!
//! Spans are scored as in [`super::spans`] (gold is the reference: precision over the predicted spans, recall
//! over the gold ones). Documents meet by text; a gold document the prediction lacks counts as predicted with no
//! span (so it costs recall) and one the gold lacks is ignored, both listed in [`Evaluation::unmatched`] — the
//! rules of `../shared/bench/score.py`.
//!
//! The boilerplate layer is also scored per line, exactly as `score.py`'s `aeb` line metric: a line is the text
//! between two `"\n"` (only `\n` splits: a `\r` stays in its line), a line is boilerplate on a side when that
//! side's `boilerplate` spans cover at least half of its code points (`2 · covered ≥ length`, empty lines never),
//! and precision, recall and F1 are given for the boilerplate class and for the body class.

use super::{align_with, coverage, spans::compare, Annotator, DocSet, Options, Prf, SpanScores, Unmatched};
use crate::annotation::{Span, BOILERPLATE};
use serde::Serialize;

/// Line figures of the boilerplate layer (`score.py`'s line metric).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineScores {
    /// Lines of every document (empty ones included, as `score.py` counts them).
    pub lines: usize,
    /// Lines gold marks boilerplate.
    pub gold_boilerplate: usize,
    /// Lines the prediction marks boilerplate.
    pub predicted_boilerplate: usize,
    /// The boilerplate class.
    pub boilerplate: Prf,
    /// The body class (lines that are not boilerplate).
    pub body: Prf,
}

/// What `sift eval` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// Documents scored (every gold document, predicted or not).
    pub documents: usize,
    /// Gold documents the prediction lacks (scored as having no span) and predicted ones the gold lacks
    /// (ignored).
    pub unmatched: Vec<Unmatched>,
    /// Span figures, exact and overlap, per label and overall.
    pub spans: SpanScores,
    /// Boilerplate line figures.
    pub lines: LineScores,
}

/// Scores `prediction` against `gold` (see the module doc).
pub fn evaluate(gold: &Annotator, prediction: &Annotator, opts: &Options) -> Evaluation {
    let al = align_with(&[gold.clone(), prediction.clone()], opts, true);
    let pairs: Vec<(&[Span], &[Span])> =
        al.documents.iter().map(|d| (d.spans[0].as_slice(), d.spans[1].as_slice())).collect();
    Evaluation {
        documents: al.documents.len(),
        spans: compare(&pairs),
        lines: line_scores(&al.documents),
        unmatched: al.unmatched,
    }
}

/// The boilerplate line figures of documents whose first span list is gold and second the prediction.
pub fn line_scores(docs: &[DocSet]) -> LineScores {
    // Counts of (gold boilerplate, predicted boilerplate).
    let mut n = [[0usize; 2]; 2];
    for d in docs {
        let len = crate::text::char_len(&d.text);
        let masks: Vec<Vec<bool>> =
            d.spans.iter().take(2).map(|v| coverage(len, v.iter().filter(|s| s.label == BOILERPLATE))).collect();
        let mut pos = 0;
        for line in d.text.split('\n') {
            let (a, b) = (pos, pos + line.chars().count());
            pos = b + 1;
            let marked = |m: &Vec<bool>| b > a && 2 * m[a..b].iter().filter(|x| **x).count() >= b - a;
            let g = masks.first().is_some_and(marked);
            let p = masks.get(1).is_some_and(marked);
            n[usize::from(g)][usize::from(p)] += 1;
        }
    }
    LineScores {
        lines: n.iter().flatten().sum(),
        gold_boilerplate: n[1][0] + n[1][1],
        predicted_boilerplate: n[0][1] + n[1][1],
        boilerplate: Prf::new(n[1][1], n[0][1], n[1][0]),
        body: Prf::new(n[0][0], n[1][0], n[0][1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Document;

    fn bp(a: usize, b: usize) -> Span {
        Span::manual("b", a..b, BOILERPLATE)
    }

    #[test]
    fn the_line_metric_by_hand() {
        // Lines: "aaaa" 0-4, "bbbb" 5-9, "" 10-10, "cccc" 11-15, "dd" 16-18.
        let text = "aaaa\nbbbb\n\ncccc\ndd";
        let doc = |spans| vec![Document::new("d", "d", text, spans)];
        // Gold: lines 1 and 4. Prediction: line 1 (whole), line 2 at exactly half (2 of 4: boilerplate), line 4
        // at 1 of 2 (half: boilerplate), line 3 at 1 of 4 (not).
        let gold = Annotator::new("gold", doc(vec![bp(0, 4), bp(16, 18)]));
        let pred = Annotator::new("pred", doc(vec![bp(0, 4), bp(5, 7), bp(11, 12), bp(17, 18)]));
        let e = evaluate(&gold, &pred, &Options::default());
        let l = &e.lines;
        assert_eq!((l.lines, l.gold_boilerplate, l.predicted_boilerplate), (5, 2, 3));
        // Boilerplate: tp 2 (lines 1, 4), fp 1 (line 2), fn 0. Body: tp 2 (empty line, line 3), fp 0, fn 1.
        assert_eq!((l.boilerplate.tp, l.boilerplate.fp, l.boilerplate.fn_), (2, 1, 0));
        assert_eq!((l.body.tp, l.body.fp, l.body.fn_), (2, 0, 1));
        assert_eq!(e.spans.overall.exact.tp, 1);
    }

    #[test]
    fn a_gold_document_the_prediction_lacks_costs_recall() {
        let d = |t: &str, spans| Document::new(t, t, t, spans);
        let gold = Annotator::new("gold", vec![d("one two", vec![bp(0, 3)]), d("three", vec![bp(0, 5)])]);
        let pred = Annotator::new("pred", vec![d("one two", vec![bp(0, 3)]), d("other", vec![])]);
        let e = evaluate(&gold, &pred, &Options::default());
        assert_eq!(e.documents, 2);
        assert_eq!((e.spans.overall.exact.tp, e.spans.overall.exact.fn_), (1, 1));
        let who: Vec<&str> = e.unmatched.iter().map(|u| u.document.as_str()).collect();
        assert_eq!(who, ["three", "other"]);
    }
}
