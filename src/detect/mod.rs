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
                    return Err(crate::Error::new(format!(
                        "unknown layer {other:?}: expected boilerplate, claim or number"
                    )))
                }
            }
        }
        Ok(l)
    }
}

/// What to run on a text and what is known about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Which layers to run.
    pub layers: Layers,
    /// The document's date (a JSONL `date` field, a date the user set): relative dates in the `number` layer
    /// ("Thursday", "last November", "four years ago") get ISO values counted from it. Without it, a date line
    /// near the top of the text is used when there is one.
    pub doc_date: Option<numbers::DocDate>,
}

/// Annotates `text` with the chosen layers. Spans come back sorted by (start, end, label).
pub fn analyze(text: &str, layers: Layers) -> Vec<Span> {
    analyze_with(text, &Options { layers, doc_date: None })
}

/// Like [`analyze`], with [`Options`] (the document's date).
pub fn analyze_with(text: &str, opts: &Options) -> Vec<Span> {
    let model = TextModel::new(text);
    analyze_model_with(&model, opts, None)
}

/// Like [`analyze`], for the visible text of an HTML page ([`crate::input::html_to_text`]): the boilerplate
/// layer also weighs what the markup says about each line. Offsets are into `visible.text`.
pub fn analyze_visible(visible: &crate::input::Visible, layers: Layers) -> Vec<Span> {
    analyze_visible_with(visible, &Options { layers, doc_date: None })
}

/// Like [`analyze_visible`], with [`Options`].
pub fn analyze_visible_with(visible: &crate::input::Visible, opts: &Options) -> Vec<Span> {
    let model = TextModel::new(&visible.text);
    analyze_model_with(&model, opts, Some(&visible.lines))
}

/// Like [`analyze`], on an already segmented text.
pub fn analyze_model(model: &TextModel, layers: Layers) -> Vec<Span> {
    analyze_model_with(model, &Options { layers, doc_date: None }, None)
}

fn analyze_model_with(model: &TextModel, opts: &Options, facts: Option<&[crate::input::LineFacts]>) -> Vec<Span> {
    let layers = opts.layers;
    let mut spans = Vec::new();
    // Claims never start inside boilerplate, so the line verdicts are computed whenever claims are wanted.
    let chrome = if layers.boilerplate || layers.claim { boilerplate::classify_with(model, facts) } else { Vec::new() };
    if layers.boilerplate {
        spans.extend(boilerplate::spans(model, &chrome));
    }
    if layers.claim {
        spans.extend(claims::detect(model, &chrome));
    }
    if layers.number {
        spans.extend(numbers::detect_dated(model, opts.doc_date));
    }
    sort_spans(&mut spans);
    spans
}
