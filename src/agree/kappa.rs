//! Chance-corrected agreement on tokens: Cohen's kappa for two annotators, Fleiss' kappa for more.
//!
//! Spans are not items, so kappa needs items first: the tokens of the text, as the CoNLL and spaCy writers cut
//! them (`formats::tokenize`: UAX #29 word segments without whitespace, further cut at every span edge of every
//! annotator, so no token straddles an edge and each is wholly in or out of each span). Each token gets a
//! category from each annotator:
//! - per label: `in` or `out` (inside a span of that label or not);
//! - overall: the sorted set of labels covering it joined with `+` (`claim+number`), or `O` for none. Labels may
//!   nest (a number inside a claim), so a set, not a single label, is the honest category.
//!
//! Tokens are what CoNLL-style agreement studies count, and the unit the user can see; a span over a long
//! sentence weighs as many tokens as it holds. [`super::alpha`] measures the spans on code points instead.

use super::{coverage, labels_of, DocSet};
use crate::text::OffsetMap;
use serde::Serialize;
use std::collections::BTreeMap;

/// A kappa with what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kappa {
    /// `(observed - expected) / (1 - expected)`; `None` when expected agreement is 1 (every rating in one
    /// category: kappa is undefined) or there is no item.
    pub value: Option<f64>,
    /// Observed agreement (Cohen's `p_o`, Fleiss' `P̄`).
    pub observed: f64,
    /// Agreement expected by chance (Cohen's `p_e`, Fleiss' `P̄_e`).
    pub expected: f64,
    /// Items rated (tokens).
    pub items: usize,
    /// Raters per item.
    pub raters: usize,
    /// Categories used.
    pub categories: usize,
}

/// The kappa of one label (`in`/`out` per token).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelKappa {
    /// The label.
    pub label: String,
    /// Its kappa.
    pub kappa: Kappa,
}

/// Token kappa overall (label sets as categories) and per label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KappaReport {
    /// `"cohen"` (two annotators) or `"fleiss"` (more).
    pub statistic: String,
    /// Categories: the set of labels covering a token, or `O`.
    pub overall: Kappa,
    /// One per label, sorted by name.
    pub labels: Vec<LabelKappa>,
}

fn kappa_of(observed: f64, expected: f64, items: usize, raters: usize, categories: usize) -> Kappa {
    let value = (items > 0 && expected < 1.0).then(|| (observed - expected) / (1.0 - expected));
    Kappa { value, observed, expected, items, raters, categories }
}

/// Cohen's kappa (Cohen 1960) of two raters' categories, one pair per item: `p_o` is the share of items where
/// they agree, `p_e = Σ_k p_A(k) · p_B(k)` from each rater's own marginals.
pub fn cohen<C: Ord + Clone>(items: &[(C, C)]) -> Kappa {
    let n = items.len();
    let mut a: BTreeMap<C, usize> = BTreeMap::new();
    let mut b: BTreeMap<C, usize> = BTreeMap::new();
    let mut same = 0;
    for (x, y) in items {
        *a.entry(x.clone()).or_default() += 1;
        *b.entry(y.clone()).or_default() += 1;
        same += usize::from(x == y);
    }
    let nf = n.max(1) as f64;
    let pe = a.iter().map(|(k, na)| *na as f64 / nf * b.get(k).copied().unwrap_or(0) as f64 / nf).sum();
    let mut cats: Vec<&C> = a.keys().chain(b.keys()).collect();
    cats.sort();
    cats.dedup();
    kappa_of(same as f64 / nf, pe, n, 2, cats.len())
}

/// Fleiss' kappa (Fleiss 1971) of a table with one row per item and one column per category, each cell the
/// number of raters who put the item there: `P_i = (Σ_j n_ij² − n) / (n(n − 1))`, `P̄` their mean,
/// `p_j = Σ_i n_ij / (N n)`, `P̄_e = Σ_j p_j²`. Rows with fewer than two ratings are skipped.
pub fn fleiss(table: &[Vec<usize>]) -> Kappa {
    let rows: Vec<&Vec<usize>> = table.iter().filter(|r| r.iter().sum::<usize>() >= 2).collect();
    let cols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let mut totals = vec![0usize; cols];
    let mut p_sum = 0.0;
    let mut ratings = 0usize;
    let mut raters = 0;
    for r in &rows {
        let n: usize = r.iter().sum();
        raters = raters.max(n);
        ratings += n;
        let sq: usize = r.iter().map(|x| x * x).sum();
        p_sum += (sq - n) as f64 / (n * (n - 1)) as f64;
        for (j, x) in r.iter().enumerate() {
            totals[j] += x;
        }
    }
    let items = rows.len();
    let observed = if items == 0 { 0.0 } else { p_sum / items as f64 };
    let expected = totals.iter().map(|t| (*t as f64 / ratings.max(1) as f64).powi(2)).sum();
    kappa_of(observed, expected, items, raters, totals.iter().filter(|t| **t > 0).count())
}

/// One row per token of every document: each annotator's category (see the module doc); `label` `None` gives
/// the overall categories.
fn token_categories(docs: &[DocSet], label: Option<&str>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for d in docs {
        let len = crate::text::char_len(&d.text);
        let cuts: Vec<usize> = d.spans.iter().flatten().flat_map(|s| [s.start, s.end]).collect();
        let tokens = crate::formats::tokenize(&d.text, &OffsetMap::new(&d.text), &cuts);
        let labels: Vec<String> = match label {
            Some(l) => vec![l.to_string()],
            None => labels_of(d.spans.iter().flatten()),
        };
        // Per annotator, per label: which code points its spans cover. No token straddles a span edge, so a
        // token's first code point says whether the span holds the whole token.
        let covers: Vec<Vec<Vec<bool>>> = d
            .spans
            .iter()
            .map(|spans| labels.iter().map(|l| coverage(len, spans.iter().filter(|s| &s.label == l))).collect())
            .collect();
        for (ts, _) in tokens {
            let row = covers
                .iter()
                .map(|per_label| {
                    let on: Vec<&str> = labels
                        .iter()
                        .zip(per_label)
                        .filter(|(_, c)| c.get(ts).copied().unwrap_or(false))
                        .map(|(l, _)| l.as_str())
                        .collect();
                    match (label, on.is_empty()) {
                        (Some(_), true) => "out".into(),
                        (Some(_), false) => "in".into(),
                        (None, true) => "O".into(),
                        (None, false) => on.join("+"),
                    }
                })
                .collect();
            out.push(row);
        }
    }
    out
}

fn kappa_of_rows(rows: &[Vec<String>]) -> Kappa {
    if rows.first().is_some_and(|r| r.len() == 2) {
        let pairs: Vec<(&str, &str)> = rows.iter().map(|r| (r[0].as_str(), r[1].as_str())).collect();
        return cohen(&pairs);
    }
    let mut cats: Vec<&str> = rows.iter().flatten().map(String::as_str).collect();
    cats.sort_unstable();
    cats.dedup();
    let table: Vec<Vec<usize>> =
        rows.iter().map(|r| cats.iter().map(|c| r.iter().filter(|x| x == c).count()).collect()).collect();
    fleiss(&table)
}

/// Token kappa of the matched documents: Cohen's for two annotators, Fleiss' for more.
pub fn token_kappa(docs: &[DocSet]) -> KappaReport {
    let raters = docs.first().map_or(0, |d| d.spans.len());
    let labels = labels_of(docs.iter().flat_map(|d| d.spans.iter().flatten()));
    KappaReport {
        statistic: if raters == 2 { "cohen" } else { "fleiss" }.into(),
        overall: kappa_of_rows(&token_categories(docs, None)),
        labels: labels
            .into_iter()
            .map(|l| LabelKappa { kappa: kappa_of_rows(&token_categories(docs, Some(&l))), label: l })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn cohen_on_the_classic_yes_no_table() {
        // Wikipedia, "Cohen's kappa", worked example: 50 proposals, both Yes 20, A Yes B No 5, A No B Yes 10,
        // both No 15. p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = 0.4.
        let mut items = vec![("yes", "yes"); 20];
        items.extend(vec![("yes", "no"); 5]);
        items.extend(vec![("no", "yes"); 10]);
        items.extend(vec![("no", "no"); 15]);
        let k = cohen(&items);
        assert!(close(k.observed, 0.7, 1e-12) && close(k.expected, 0.5, 1e-12), "{k:?}");
        assert!(close(k.value.unwrap(), 0.4, 1e-12));
        assert_eq!((k.items, k.raters, k.categories), (50, 2, 2));
    }

    #[test]
    fn cohen_by_the_formula_and_its_edges() {
        // 4 items: (a,a) (a,b) (b,b) (b,b). p_o = 3/4; A: a 2, b 2; B: a 1, b 3; p_e = .5·.25 + .5·.75 = .5.
        let k = cohen(&[("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]);
        assert!(close(k.value.unwrap(), 0.5, 1e-12), "{k:?}");
        // Everyone says the same one thing: p_e = 1, kappa undefined.
        assert_eq!(cohen(&[("o", "o"), ("o", "o")]).value, None);
        assert_eq!(cohen::<&str>(&[]).value, None);
    }

    #[test]
    fn fleiss_on_the_published_table() {
        // Fleiss' kappa worked example from Wikipedia ("Fleiss' kappa", Worked example): 10 items, 14 raters,
        // 5 categories. P̄ = 0.378, P̄_e = 0.213, kappa = 0.210.
        let table = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let rows: Vec<Vec<usize>> = table.iter().map(|r| r.to_vec()).collect();
        let k = fleiss(&rows);
        assert!(close(k.observed, 0.378, 5e-4) && close(k.expected, 0.213, 5e-4), "{k:?}");
        assert!(close(k.value.unwrap(), 0.210, 5e-4), "{k:?}");
        assert_eq!((k.items, k.raters, k.categories), (10, 14, 5));
    }

    #[test]
    fn token_kappa_on_a_small_text_by_hand() {
        use crate::agree::{align, Annotator, Options};
        use crate::annotation::{Document, Span};
        // Tokens of "a b c d": a, b, c, d. A tags x over "a b" and y over "a"; B tags x over "a".
        // x: A in, in, out, out; B in, out, out, out: p_o 3/4, p_e .5·.25 + .5·.75 = .5, kappa .5.
        // Overall: A x+y, x, O, O; B x, O, O, O: p_o 2/4; p_e = .25·.25 (x) + .5·.75 (O) = .4375;
        // kappa (.5 − .4375) / .5625 = 1/9.
        let doc = |spans| vec![Document::new("d", "d", "a b c d", spans)];
        let a = doc(vec![Span::manual("1", 0..3, "x"), Span::manual("2", 0..1, "y")]);
        let b = doc(vec![Span::manual("1", 0..1, "x")]);
        let al = align(&[Annotator::new("A", a), Annotator::new("B", b)], &Options::default());
        let r = token_kappa(&al.documents);
        assert_eq!(r.statistic, "cohen");
        assert!(close(r.overall.value.unwrap(), 1.0 / 9.0, 1e-12), "{:?}", r.overall);
        assert_eq!((r.overall.items, r.overall.categories), (4, 3));
        let x = &r.labels[0];
        assert_eq!(x.label, "x");
        assert!(close(x.kappa.value.unwrap(), 0.5, 1e-12), "{x:?}");
        // y: A in, out, out, out; B never: p_o 3/4, p_e .25·0 + .75·1 = .75, kappa 0.
        assert!(close(r.labels[1].kappa.value.unwrap(), 0.0, 1e-12));
    }

    #[test]
    fn fleiss_with_two_raters_by_the_formula() {
        // Two raters, items (a,a) (a,b) (b,b): P_i = 1, 0, 1 -> P̄ = 2/3; p_a = p_b = 1/2 -> P̄_e = 1/2;
        // kappa = (2/3 − 1/2) / (1/2) = 1/3.
        let k = fleiss(&[vec![2, 0], vec![1, 1], vec![0, 2]]);
        assert!(close(k.value.unwrap(), 1.0 / 3.0, 1e-12), "{k:?}");
    }
}
