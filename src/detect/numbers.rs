//! Numbers: numeric expressions with `kind` and normalized `value`.
//! FIXME(numbers helper): the real detector. The stub finds nothing.

use crate::annotation::Span;
use crate::text::TextModel;

/// Finds number spans.
pub fn detect(model: &TextModel) -> Vec<Span> {
    let _ = model;
    Vec::new()
}
