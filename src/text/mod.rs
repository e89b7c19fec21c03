//! The text model: offsets in every unit, lines, paragraphs and sentences of one document.

pub mod calendar;
mod lines;
mod offsets;
mod sentences;

pub use lines::{lines, paragraphs, Line};
pub use offsets::{char_len, slice_chars, OffsetMap};
pub use sentences::sentences;

use std::ops::Range;

/// 64-bit FNV-1a of a byte sequence: a stable, fast, non-cryptographic hash (document keys across annotators,
/// the claim model's n-gram buckets). Its values are fixed: files and trained weights depend on them.
pub(crate) fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A document's text, segmented once and shared by every detector.
#[derive(Debug)]
pub struct TextModel<'a> {
    /// The source text.
    pub text: &'a str,
    /// Offset tables for conversions between bytes, code points and UTF-16.
    pub offsets: OffsetMap,
    /// Every line, blank ones included.
    pub lines: Vec<Line>,
    /// Paragraphs as ranges of indices into `lines`.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentence byte ranges, in order, never crossing a blank line.
    pub sentences: Vec<Range<usize>>,
}

impl<'a> TextModel<'a> {
    /// Segments `text`.
    pub fn new(text: &'a str) -> Self {
        let lines = lines(text);
        let paragraphs = paragraphs(&lines);
        let sentences = sentences(text, &lines);
        TextModel { text, offsets: OffsetMap::new(text), lines, paragraphs, sentences }
    }

    /// Converts a byte range (on character boundaries) to a code-point range.
    pub fn to_chars(&self, bytes: Range<usize>) -> Range<usize> {
        let s = self.offsets.byte_to_char(bytes.start).expect("byte range on a char boundary");
        let e = self.offsets.byte_to_char(bytes.end).expect("byte range on a char boundary");
        s..e
    }
}
