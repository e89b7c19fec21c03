//! Claims: check-worthy sentences, with `source`, `cue` and `quote` when attributed.
//! FIXME(claims helper): the real detector. The stub finds nothing.

use super::boilerplate::Verdict;
use crate::annotation::Span;
use crate::text::TextModel;

/// Finds claim sentences outside boilerplate lines.
pub fn detect(model: &TextModel, chrome: &[Verdict]) -> Vec<Span> {
    let _ = (model, chrome);
    Vec::new()
}
