//! Sentence segmentation for news English.
//! FIXME(sentences helper): the real splitter. For now, one sentence per non-blank line, trimmed.

use super::Line;
use std::ops::Range;

/// Splits `text` into sentences (byte ranges, trimmed, in order).
pub fn sentences(text: &str, lines: &[Line]) -> Vec<Range<usize>> {
    let _ = text;
    lines.iter().filter(|l| !l.is_blank()).map(|l| l.trimmed.clone()).collect()
}
