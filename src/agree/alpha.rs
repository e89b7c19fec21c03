//! Krippendorff's alpha for unitizing: how reliably annotators cut the same continuum into the same units.
//!
//! # Which alpha
//!
//! This is `uα`, the unitizing alpha of Krippendorff, "On the reliability of unitizing continuous data",
//! *Sociological Methodology* 25 (1995), pp. 47–76, in the form of Krippendorff, *Content Analysis: An
//! Introduction to Its Methodology*, 2nd ed. (2004), section 12.4 (pp. 251–256). It is the alpha meant for
//! spans: unlike kappa on tokens it needs no prior segmentation, and a boundary off by three characters costs
//! less than one off by thirty. (The later family `|uα`, `cuα`, `|cuα` of Krippendorff, Mathet, Bouvry and
//! Widlöcher 2016 splits the same idea into positional and categorial parts; sift reports the 1995/2004
//! coefficient, which DKPro Statistics and INCEpTION also implement, so figures can be compared.)
//!
//! The continuum is every matched document's code points end to end (length `L`); each annotator's spans of a
//! label `c` cut it into units (the spans, overlapping ones of one annotator merged: the coefficient assumes
//! units of one category by one coder do not overlap) and gaps. For two segments `g` (coder `i`) and `h`
//! (coder `j`) with begins `b`, ends `e`, lengths `l`, the squared distance is
//! - `(b_g − b_h)² + (e_g − e_h)²` when both are units and overlap;
//! - `l_g²` when `g` is a unit inside the gap `h` (and `l_h²` the other way round);
//! - 0 otherwise (two gaps, or segments that do not meet).
//!
//! Observed disagreement `D_o(c) = Σ_{i≠j} Σ_g Σ_h δ²(g, h) / (m(m − 1) L²)` for `m` coders; expected
//! disagreement, over all ways of placing the same units and gaps,
//! `D_e(c) = (2/L) Σ_g [ (N_c − 1)(2l_g³ − 3l_g² + l_g)/3 + l_g² Σ_{gaps h, l_h ≥ l_g} (l_h − l_g + 1) ]
//!           / ( mL(mL − 1) − Σ_g l_g(l_g − 1) )`,
//! `g` running over the `N_c` units of every coder and `h` over every coder's gaps. Per label
//! `uα_c = 1 − D_o(c) / D_e(c)`; overall `uα = 1 − Σ_c D_o(c) / Σ_c D_e(c)`. The worked example of the book
//! (p. 254) is a unit test below.

use super::{labels_of, DocSet};
use crate::text::char_len;
use serde::Serialize;

/// An alpha with what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alpha {
    /// `1 − observed / expected`; `None` when nothing is expected to disagree (no unit, or no gap at all).
    pub value: Option<f64>,
    /// Observed disagreement `D_o`.
    pub observed: f64,
    /// Expected disagreement `D_e`.
    pub expected: f64,
    /// Length of the continuum, in code points (every matched document end to end).
    pub length: usize,
    /// Units (spans after merging one coder's overlapping ones), every coder together.
    pub units: usize,
    /// Coders.
    pub coders: usize,
}

/// The alpha of one label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelAlpha {
    /// The label.
    pub label: String,
    /// Its alpha.
    pub alpha: Alpha,
}

/// Unitizing alpha overall and per label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlphaReport {
    /// Every label: `1 − Σ D_o / Σ D_e`.
    pub overall: Alpha,
    /// One per label, sorted by name.
    pub labels: Vec<LabelAlpha>,
}

/// A segment of one coder's continuum: `[begin, end)`, a unit or a gap.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Seg {
    begin: u64,
    end: u64,
    unit: bool,
}

impl Seg {
    fn len(&self) -> u64 {
        self.end - self.begin
    }
}

/// Units and gaps covering `[0, length)` from sorted, possibly overlapping unit ranges (overlaps merged).
fn segments(mut units: Vec<(u64, u64)>, length: u64) -> Vec<Seg> {
    units.sort_unstable();
    let mut merged: Vec<(u64, u64)> = Vec::new();
    for (b, e) in units.into_iter().filter(|(b, e)| b < e) {
        match merged.last_mut() {
            Some(last) if b < last.1 => last.1 = last.1.max(e),
            _ => merged.push((b, e)),
        }
    }
    let mut out = Vec::new();
    let mut pos = 0;
    for (b, e) in merged {
        if b > pos {
            out.push(Seg { begin: pos, end: b, unit: false });
        }
        out.push(Seg { begin: b, end: e, unit: true });
        pos = e;
    }
    if pos < length {
        out.push(Seg { begin: pos, end: length, unit: false });
    }
    out
}

fn delta2(g: &Seg, h: &Seg) -> f64 {
    let sq = |x: f64| x * x;
    let overlap = g.begin < h.end && h.begin < g.end;
    match (g.unit, h.unit) {
        (true, true) if overlap => sq(g.begin as f64 - h.begin as f64) + sq(g.end as f64 - h.end as f64),
        (true, false) if h.begin <= g.begin && g.end <= h.end => sq(g.len() as f64),
        (false, true) if g.begin <= h.begin && h.end <= g.end => sq(h.len() as f64),
        _ => 0.0,
    }
}

/// `(D_o, D_e, units)` of one category from each coder's segments of a continuum of `length`.
fn disagreement(coders: &[Vec<Seg>], length: u64) -> (f64, f64, usize) {
    let m = coders.len() as f64;
    let l = length as f64;
    let mut sum = 0.0;
    for (i, a) in coders.iter().enumerate() {
        for b in &coders[i + 1..] {
            // Both lists tile [0, length) in order: walk them together, each meeting pair once.
            let (mut x, mut y) = (0, 0);
            while x < a.len() && y < b.len() {
                sum += delta2(&a[x], &b[y]);
                if a[x].end <= b[y].end {
                    x += 1;
                } else {
                    y += 1;
                }
            }
        }
    }
    let observed = if length == 0 || coders.len() < 2 { 0.0 } else { 2.0 * sum / (m * (m - 1.0) * l * l) };
    let units: Vec<f64> = coders.iter().flatten().filter(|s| s.unit).map(|s| s.len() as f64).collect();
    let mut gaps: Vec<f64> = coders.iter().flatten().filter(|s| !s.unit).map(|s| s.len() as f64).collect();
    gaps.sort_by(|a, b| b.total_cmp(a));
    // Sums of the longest gaps, so Σ_{l_h ≥ l_g} (l_h − l_g + 1) is one lookup per unit.
    let mut longest_sum = vec![0.0];
    for h in &gaps {
        longest_sum.push(longest_sum.last().copied().unwrap_or(0.0) + h);
    }
    let n_c = units.len() as f64;
    let mut num = 0.0;
    for &lg in &units {
        let within = (n_c - 1.0) * (2.0 * lg * lg * lg - 3.0 * lg * lg + lg) / 3.0;
        let k = gaps.partition_point(|&h| h >= lg);
        let placed = longest_sum[k] - k as f64 * (lg - 1.0);
        num += within + lg * lg * placed;
    }
    let denom = m * l * (m * l - 1.0) - units.iter().map(|lg| lg * (lg - 1.0)).sum::<f64>();
    let expected = if length == 0 || denom <= 0.0 { 0.0 } else { 2.0 / l * num / denom };
    (observed, expected, units.len())
}

fn alpha_of(observed: f64, expected: f64, length: usize, units: usize, coders: usize) -> Alpha {
    let value = (expected > 0.0).then(|| 1.0 - observed / expected);
    Alpha { value, observed, expected, length, units, coders }
}

/// Unitizing alpha of the matched documents, per label and overall (see the module doc).
pub fn unitized_alpha(docs: &[DocSet]) -> AlphaReport {
    let coders = docs.first().map_or(0, |d| d.spans.len());
    let mut bases = Vec::new();
    let mut length = 0u64;
    for d in docs {
        bases.push(length);
        length += char_len(&d.text) as u64;
    }
    let labels = labels_of(docs.iter().flat_map(|d| d.spans.iter().flatten()));
    let (mut so, mut se, mut su) = (0.0, 0.0, 0);
    let mut out = Vec::new();
    for label in labels {
        let segs: Vec<Vec<Seg>> = (0..coders)
            .map(|i| {
                let units = docs
                    .iter()
                    .zip(&bases)
                    .flat_map(|(d, base)| {
                        d.spans[i]
                            .iter()
                            .filter(|s| s.label == label)
                            .map(move |s| (base + s.start as u64, base + s.end as u64))
                    })
                    .collect();
                segments(units, length)
            })
            .collect();
        let (o, e, u) = disagreement(&segs, length);
        so += o;
        se += e;
        su += u;
        out.push(LabelAlpha { label, alpha: alpha_of(o, e, length as usize, u, coders) });
    }
    AlphaReport { overall: alpha_of(so, se, length as usize, su, coders), labels: out }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    /// Krippendorff (2004), *Content Analysis*, 2nd ed., p. 254: a continuum from 150 of length 300, two coders,
    /// categories c and k. Coder i: c at 225+70 and 370+30, k at 180+60 and 300+50; coder j: c at 220+80,
    /// 355+20 and 400+20, k at 180+60 and 300+50. The book gives D_o(c) = 0.0144, D_e(c) = 0.0532,
    /// uα_c = 0.7286; D_o(k) = 0, D_e(k) = 0.0490, uα_k = 1; uα = 0.8591. (The same figures are DKPro
    /// Statistics' `Krippendorff2004Test`.) Offsets here start at 0: positions are shifted by −150.
    #[test]
    fn the_books_worked_example() {
        let seg = |v: &[(u64, u64)]| segments(v.iter().map(|(b, l)| (b - 150, b - 150 + l)).collect(), 300);
        let c = [seg(&[(225, 70), (370, 30)]), seg(&[(220, 80), (355, 20), (400, 20)])];
        let k = [seg(&[(180, 60), (300, 50)]), seg(&[(180, 60), (300, 50)])];
        let (oc, ec, uc) = disagreement(&c, 300);
        let (ok, ek, uk) = disagreement(&k, 300);
        assert!(close(oc, 0.0144, 1e-4) && close(ec, 0.0532, 1e-4), "c: {oc} {ec}");
        assert!(close(ok, 0.0, 1e-12) && close(ek, 0.0490, 1e-4), "k: {ok} {ek}");
        assert_eq!((uc, uk), (5, 4));
        assert!(close(1.0 - oc / ec, 0.7286, 1e-4));
        assert!(close(1.0 - (oc + ok) / (ec + ek), 0.8591, 5e-4));
    }

    #[test]
    fn alpha_on_documents_by_hand() {
        use crate::agree::{align, Annotator, Options};
        use crate::annotation::{Document, Span};
        // One text of 10 code points; A has x at 2..6, B at 2..6 too: D_o 0, so alpha 1. With B at 3..6 instead:
        // δ² = 1² + 0² = 1, D_o = 2·1 / (2·1·10²) = 0.01.
        let doc =
            |r: std::ops::Range<usize>| vec![Document::new("d", "d", "abcdefghij", vec![Span::manual("s", r, "x")])];
        let run = |b| {
            let al = align(&[Annotator::new("A", doc(2..6)), Annotator::new("B", doc(b))], &Options::default());
            unitized_alpha(&al.documents)
        };
        let same = run(2..6);
        assert_eq!((same.overall.value, same.overall.length, same.overall.units), (Some(1.0), 10, 2));
        let off = run(3..6);
        assert!(close(off.labels[0].alpha.observed, 0.01, 1e-12), "{off:?}");
        assert!(off.overall.value.unwrap() < 1.0);
    }

    #[test]
    fn distances_by_hand() {
        let u = |b, e| Seg { begin: b, end: e, unit: true };
        let g = |b, e| Seg { begin: b, end: e, unit: false };
        // The book's three distances: (225,295) vs (220,300): 5² + 5² = 50; (370,400) vs (355,375): 15² + 25²
        // = 850; the unit (400,420) inside the gap (400,450): 20² = 400.
        assert_eq!(delta2(&u(225, 295), &u(220, 300)), 50.0);
        assert_eq!(delta2(&u(370, 400), &u(355, 375)), 850.0);
        assert_eq!(delta2(&g(400, 450), &u(400, 420)), 400.0);
        assert_eq!(delta2(&g(295, 370), &u(355, 375)), 0.0, "a unit that sticks out of the gap");
        assert_eq!(delta2(&g(0, 5), &g(0, 9)), 0.0);
    }

    #[test]
    fn overlapping_units_of_one_coder_merge_and_gaps_fill_the_rest() {
        let s = segments(vec![(5, 10), (2, 6), (12, 14)], 20);
        let v: Vec<(u64, u64, bool)> = s.iter().map(|x| (x.begin, x.end, x.unit)).collect();
        assert_eq!(v, [(0, 2, false), (2, 10, true), (10, 12, false), (12, 14, true), (14, 20, false)]);
    }
}
