//! The learned line model: logistic regression over one vector of line features, shared by plain text and HTML
//! (the HTML's facts are extra features, zero when there is no HTML or a pasted line does not align with it).
//! The rules' verdict is one of the features, so the model learns where the rules go wrong; it overrules them
//! only when it is confident, and more readily to keep a line than to drop one (an article line lost costs more
//! than a menu line kept).
//!
//! The weights are trained by `scripts/train_boilerplate.py` on `aeb.jsonl` (plain text and browser-paste mode),
//! cross-validated by page, and compiled in from [`super::line_weights`].

use super::line_weights::{BIAS, WEIGHTS};
use super::{Class, Classifier, Verdict};
use std::ops::Range;

/// How many features a line has.
pub const FEATURES: usize = 35;
/// Odds of chrome above which the model marks a line the rules kept.
const DROP_ABOVE: f64 = 0.9;
/// Odds of chrome below which the model keeps a line the rules marked (without a decisive rule).
const KEEP_BELOW: f64 = 0.3;

/// What a line's feature vector is computed from besides the line itself: the rules' passes over the page.
pub(super) struct Rows<'c, 'm, 'a> {
    c: &'c Classifier<'m, 'a>,
    region: Option<&'c Range<usize>>,
    smoothed: Option<&'c [Class]>,
}

impl<'c, 'm, 'a> Rows<'c, 'm, 'a> {
    pub(super) fn new(
        c: &'c Classifier<'m, 'a>,
        region: Option<&'c Range<usize>>,
        smoothed: Option<&'c [Class]>,
    ) -> Self {
        Rows { c, region, smoothed }
    }

    /// The feature vector of non-blank line `k` (a position in `Classifier::idx`), given the rules' verdict on it.
    /// Computed one line at a time, so the page's lines never hold a vector each.
    pub(super) fn row(&self, k: usize, verdict: Option<&Verdict>) -> [f32; FEATURES] {
        let c = self.c;
        let n = c.idx.len();
        let f = &c.feats[k];
        let b = |x: bool| f32::from(u8::from(x));
        let class = c.class[k];
        let dist = self.region.map_or(n, |r| {
            if r.contains(&k) {
                0
            } else if k < r.start {
                r.start - k
            } else {
                k + 1 - r.end
            }
        });
        let good = |j: Option<usize>| b(j.is_some_and(|j| c.class[j] == Class::Good));
        let fact = c.fact(k);
        let fx = |g: &dyn Fn(&crate::input::LineFacts) -> f32| fact.map_or(0.0, g);
        [
            ((1 + f.chars()) as f32).ln() / 5.0,
            ((1 + f.words()) as f32).ln() / 4.0,
            f.stopword_density() as f32,
            f.title_case() as f32,
            f.letter_share() as f32,
            b(f.final_punct),
            f.clauses().min(10) as f32 / 10.0,
            b(f.bullet),
            b(f.urls() > 0),
            b(c.hard[k]),
            b(class == Class::Good),
            b(class == Class::NearGood),
            b(class == Class::Short),
            b(self.smoothed.is_some_and(|s| s[k] == Class::Good)),
            b(dist == 0),
            b(c.first_seen[k].is_some()),
            b(verdict.is_some_and(|v| v.boilerplate)),
            ((1 + dist) as f32).ln() / 3.0,
            good(k.checked_sub(1)),
            good(Some(k + 1).filter(|&j| j < n)),
            k as f32 / n.max(1) as f32,
            b(c.phrase[k].is_some()),
            fx(&|x| b(x.from_html)),
            fx(&|x| x.link_density as f32),
            fx(&|x| b(x.chrome.is_some())),
            fx(&|x| b(x.hint.is_some())),
            fx(&|x| b(x.heading == Some(1))),
            fx(&|x| b(x.heading.is_some_and(|h| h > 1))),
            fx(&|x| b(x.in_article)),
            fx(&|x| b(x.in_main && c.main_block)),
            fx(&|x| b(x.caption)),
            fx(&|x| b(x.list_item)),
            // Outside the main block, when the page has one (a linear model cannot combine the two itself).
            fx(&|x| b(c.main_block && x.from_html && !x.in_main)),
            b(f.copyright),
            b(verdict.is_some_and(|v| v.rule == "boilerplate.headline")),
        ]
    }

    /// Overrules a verdict when the model is confident and no decisive rule spoke; says so in `why`. Each line's
    /// features are read before its own verdict changes, as the model was trained.
    pub(super) fn refine(&self, out: &mut [Option<Verdict>]) {
        let c = self.c;
        for (k, slot) in out.iter_mut().enumerate() {
            let x = self.row(k, slot.as_ref());
            let Some(v) = slot.as_mut() else { continue };
            // The headline stays (GUIDELINES.md), though the training gold leaves it out.
            let h1 = c.fact(k).is_some_and(|x| x.heading == Some(1));
            if c.hard[k] || v.rule == "boilerplate.headline" || (h1 && !v.boilerplate) {
                continue;
            }
            let p = odds(&x);
            if v.boilerplate && p < KEEP_BELOW {
                *v = Verdict::content(
                    "boilerplate.model",
                    format!(
                        "The line model reads it as article text ({:.0}% odds of chrome), overruling: {}",
                        p * 100.0,
                        v.why
                    ),
                );
            } else if !v.boilerplate && p > DROP_ABOVE {
                *v = Verdict::chrome(
                    "boilerplate.model",
                    format!(
                        "The line model gives it {:.0}% odds of being site chrome (its length, words and place).",
                        p * 100.0
                    ),
                );
            }
        }
    }
}

/// The model's odds that a line with features `x` is chrome.
pub fn odds(x: &[f32; FEATURES]) -> f64 {
    let z: f64 = BIAS + x.iter().zip(WEIGHTS.iter()).map(|(a, w)| f64::from(*a) * w).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextModel;

    #[test]
    fn the_model_tells_prose_from_menus() {
        let text = "Home\nWorld\nSport\nUS confirms ISIS behind deadly Moscow concert attack\n\
            The Islamic State group has claimed responsibility for an attack on a suburban Moscow concert hall that killed more than 130 people, officials said.\n\
            Russia continues to investigate after detaining 11 suspects, but it was not possible to confirm the claim on Saturday.\n\
            Most Popular\nMarkets Slide As Oil Jumps\nPrivacy Policy";
        let model = TextModel::new(text);
        let rows = super::super::line_features(&model, None);
        assert_eq!(rows.len(), 9);
        let p = |i: usize| odds(rows[i].1.as_slice().try_into().expect("FEATURES long"));
        for chrome in [0, 1, 2, 6, 7, 8] {
            assert!(p(chrome) > 0.5, "line {chrome}: {}", p(chrome));
        }
        for prose in [4, 5] {
            assert!(p(prose) < 0.3, "line {prose}: {}", p(prose));
        }
    }
}
