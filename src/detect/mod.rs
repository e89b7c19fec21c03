//! The detectors, run in one pass over a [`TextModel`]. Each layer is its own module; spans of different layers
//! may overlap. Every automatic span carries a `rule` id and a `why` sentence.

pub mod boilerplate;
pub mod claims;
pub mod numbers;

use crate::annotation::{sort_spans, Span};
use crate::text::TextModel;

/// Which layers to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layers {
    /// Site chrome, whole lines.
    pub boilerplate: bool,
    /// Check-worthy sentences with attribution.
    pub claim: bool,
    /// Numeric expressions with normalized values.
    pub number: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers::ALL
    }
}

impl Layers {
    /// Every layer.
    pub const ALL: Layers = Layers { boilerplate: true, claim: true, number: true };

    /// Parses a comma-separated list such as `number,claim`.
    pub fn parse(list: &str) -> Result<Layers, crate::Error> {
        let mut l = Layers { boilerplate: false, claim: false, number: false };
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name {
                "boilerplate" => l.boilerplate = true,
                "claim" | "claims" => l.claim = true,
                "number" | "numbers" => l.number = true,
                other => {
                    return Err(crate::Error::new(
                        crate::ErrorKind::UnknownLayer,
                        format!("unknown layer {other:?}: expected boilerplate, claim or number"),
                    ))
                }
            }
        }
        Ok(l)
    }
}

/// What to run on a text and what is known about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Which layers to run.
    pub layers: Layers,
    /// The document's date (a JSONL `date` field, a date the user set): relative dates in the `number` layer
    /// ("Thursday", "last November", "four years ago") get ISO values counted from it. Without it, a date line
    /// near the top of the text is used when there is one.
    pub doc_date: Option<numbers::DocDate>,
    /// A check-worthiness model for the claim layer in place of the built-in one (the precise tier).
    pub claims_scorer: Option<claims::SharedScorer>,
}

/// Annotates `text` with the chosen layers. Spans come back sorted by (start, end, label).
pub fn analyze(text: &str, layers: Layers) -> Vec<Span> {
    analyze_with(text, &Options { layers, ..Default::default() })
}

/// Like [`analyze`], with [`Options`] (the document's date).
pub fn analyze_with(text: &str, opts: &Options) -> Vec<Span> {
    let model = TextModel::new(text);
    analyze_model_with(&model, opts, None)
}

/// Like [`analyze`], for the visible text of an HTML page ([`crate::input::html_to_text`]): the boilerplate
/// layer also weighs what the markup says about each line. Offsets are into `visible.text`.
pub fn analyze_visible(visible: &crate::input::Visible, layers: Layers) -> Vec<Span> {
    analyze_with_facts(&visible.text, Some(&visible.lines), layers)
}

/// Like [`analyze_visible`], with [`Options`].
pub fn analyze_visible_with(visible: &crate::input::Visible, opts: &Options) -> Vec<Span> {
    analyze_facts_with(&visible.text, Some(&visible.lines), opts)
}

/// Like [`analyze`], with per-line facts from the text's markup when it has them (one per line of `text`).
pub fn analyze_with_facts(text: &str, facts: Option<&[crate::input::LineFacts]>, layers: Layers) -> Vec<Span> {
    analyze_facts_with(text, facts, &Options { layers, ..Default::default() })
}

/// Like [`analyze_with_facts`], with [`Options`] (the document's date).
pub fn analyze_facts_with(text: &str, facts: Option<&[crate::input::LineFacts]>, opts: &Options) -> Vec<Span> {
    analyze_model_with(&TextModel::new(text), opts, facts)
}

/// Like [`analyze`], on an already segmented text.
pub fn analyze_model(model: &TextModel, layers: Layers) -> Vec<Span> {
    analyze_model_with(model, &Options { layers, ..Default::default() }, None)
}

/// The sentences the claim layer would ask a [`claims::Scorer`] about in `text` (with its markup's line facts,
/// when it has them), for a scorer that runs elsewhere: the browser scores them in a worker and hands the answers
/// back as [`claims::KnownScores`].
pub fn claim_sentences(text: &str, facts: Option<&[crate::input::LineFacts]>) -> Vec<String> {
    let model = TextModel::new(text);
    let chrome = boilerplate::classify_with(&model, facts);
    claims::sentences_to_score(&model, &chrome).into_iter().map(str::to_string).collect()
}

/// Most spans one document gets (each layer also stops one past it, in text order, so memory stays bounded
/// while the detectors run). A long news article has a few hundred; this bounds memory and output on
/// machine-made text (`1 1 1 …`, a million repeated lines) where no reader looks at every span.
pub const MAX_SPANS: usize = 50_000;

/// Like [`analyze_with_facts`], with at most `max_spans` spans. When there would be more, the result is cut at a
/// text position: every span that starts before it is there, exactly as an unbounded run gives it, and none
/// after; the position (a code point) comes back with the spans, for a message.
pub fn analyze_bounded(
    text: &str,
    facts: Option<&[crate::input::LineFacts]>,
    opts: &Options,
    max_spans: usize,
) -> (Vec<Span>, Option<usize>) {
    let mut spans = analyze_all(&TextModel::new(text), opts, facts);
    let cut = cap_spans(&mut spans, max_spans);
    (spans, cut)
}

/// Cuts sorted `spans` to at most `max`: keeps those starting before the start of the first span past `max`,
/// and returns that position; `None` when all fit.
pub fn cap_spans(spans: &mut Vec<Span>, max: usize) -> Option<usize> {
    let cut = spans.get(max)?.start;
    let keep = spans.partition_point(|s| s.start < cut);
    spans.truncate(keep);
    Some(cut)
}

fn analyze_model_with(model: &TextModel, opts: &Options, facts: Option<&[crate::input::LineFacts]>) -> Vec<Span> {
    let mut spans = analyze_all(model, opts, facts);
    cap_spans(&mut spans, MAX_SPANS);
    spans
}

fn analyze_all(model: &TextModel, opts: &Options, facts: Option<&[crate::input::LineFacts]>) -> Vec<Span> {
    let layers = opts.layers;
    let mut spans = Vec::new();
    // Claims never start inside boilerplate, so the line verdicts are computed whenever claims are wanted.
    let chrome = if layers.boilerplate || layers.claim { boilerplate::classify_with(model, facts) } else { Vec::new() };
    if layers.boilerplate {
        spans.extend(boilerplate::spans(model, &chrome));
    }
    if layers.claim {
        spans.extend(claims::detect_scored(model, &chrome, opts.claims_scorer.as_ref()));
    }
    if layers.number {
        spans.extend(numbers::detect_dated(model, opts.doc_date));
    }
    keep_graphemes_whole(model, &mut spans);
    sort_spans(&mut spans);
    spans
}

/// Widens any span edge that falls inside a grapheme cluster (a sentence that starts at a combining mark after a
/// space, say) to the cluster's edge, with the id that goes with the new extent: no span splits a cluster,
/// whichever detector made it.
fn keep_graphemes_whole(model: &TextModel, spans: &mut [Span]) {
    let map = &model.offsets;
    for s in spans.iter_mut() {
        if map.is_grapheme_boundary(s.start) && map.is_grapheme_boundary(s.end) {
            continue;
        }
        let (a, b) = map.snap_outward(s.start, s.end);
        let mut wide = Span::auto(a..b, &s.label, "", "");
        std::mem::swap(&mut wide.id, &mut s.id);
        (s.start, s.end) = (a, b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_limit_cuts_at_a_position_and_keeps_everything_before_it() {
        let text = "At least 133 people died on Friday, officials said. Police detained 11 suspects, including 4 \
                    gunmen, on Saturday. The toll rose to 137 by Sunday.";
        let (all, none) =
            analyze_bounded(text, None, &Options { layers: Layers::ALL, ..Default::default() }, usize::MAX);
        assert!(none.is_none() && all.len() > 6, "{all:?}");
        for max in [0, 1, 3, 6] {
            let (some, cut) = analyze_bounded(text, None, &Options { layers: Layers::ALL, ..Default::default() }, max);
            let cut = cut.expect("the limit is reached");
            assert!(some.len() <= max, "{max}: {}", some.len());
            let before: Vec<&Span> = all.iter().filter(|s| s.start < cut).collect();
            assert_eq!(some.iter().collect::<Vec<_>>(), before, "{max}: exactly the spans before {cut}");
            assert!(all.iter().filter(|s| s.start >= cut).count() > 0);
        }
    }
}
