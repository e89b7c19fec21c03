//! Boilerplate: whole lines of site chrome around the article.
//! FIXME(boilerplate helper): the real classifier. The stub marks nothing.

use crate::annotation::{Span, BOILERPLATE};
use crate::text::TextModel;

/// The classifier's decision for one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Whether the line is boilerplate.
    pub boilerplate: bool,
    /// Stable id of the deciding rule, e.g. `boilerplate.phrase`.
    pub rule: &'static str,
    /// One readable sentence saying why.
    pub why: String,
}

/// Classifies every line of the model (blank lines included, never boilerplate); one verdict per line.
pub fn classify(model: &TextModel) -> Vec<Verdict> {
    model
        .lines
        .iter()
        .map(|_| Verdict { boilerplate: false, rule: "boilerplate.none", why: String::new() })
        .collect()
}

/// One span per boilerplate line, covering the line trimmed of surrounding whitespace.
pub fn spans(model: &TextModel, verdicts: &[Verdict]) -> Vec<Span> {
    model
        .lines
        .iter()
        .zip(verdicts)
        .filter(|(l, v)| v.boilerplate && !l.is_blank())
        .map(|(l, v)| Span::auto(model.to_chars(l.trimmed.clone()), BOILERPLATE, v.rule, v.why.clone()))
        .collect()
}
