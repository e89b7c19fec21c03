//! Exact conversion between the three offset units text tools use.
//!
//! sift stores Unicode code points (what Python's `len` counts and what our format and most NLP corpora use).
//! The browser speaks UTF-16 code units, Rust slices speak bytes. An [`OffsetMap`] converts between all three in
//! O(log n) after an O(n) build, and snaps code-point offsets to grapheme-cluster boundaries so that a span never
//! splits an emoji, a flag or a letter from its combining mark.

use unicode_segmentation::UnicodeSegmentation;

/// Offset tables for one text. Build once per document; every query is a binary search or O(1) on ASCII text.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Byte offset of every code point, plus the text length at the end. Empty when the text is ASCII.
    char_bytes: Vec<u32>,
    /// UTF-16 offset of every code point, plus the total at the end. Empty when the text has no astral code point.
    char_utf16: Vec<u32>,
    /// Code-point offsets of grapheme-cluster boundaries, including 0 and the end. Empty when every code point is
    /// its own cluster.
    graphemes: Vec<u32>,
    chars: usize,
    bytes: usize,
}

/// Code points that never join a neighbour from this set into one grapheme cluster (UAX #29), CR before LF
/// aside: Latin, Greek-free Latin-1 and Latin Extended letters below the combining marks (U+0300), and the
/// general punctuation dashes, quotes, bullets and ellipsis, and currency signs. Every joining rule needs a code point outside it
/// (Extend, ZWJ, SpacingMark, Prepend, Hangul jamo, regional indicators), which the tests check pair by pair.
fn is_lone_cluster_point(c: char) -> bool {
    matches!(c as u32, 0..=0x2FF | 0x2010..=0x2027 | 0x2030..=0x205E | 0x20A0..=0x20C0)
}

/// Whether every code point of `text` is its own grapheme cluster, decided without the segmenter for the
/// common case of Latin news text: a fast way to the same answer the segmenter gives (`false` means "maybe
/// not", and the segmenter decides).
pub(crate) fn one_point_clusters(text: &str) -> bool {
    !text.contains("\r\n") && text.chars().all(is_lone_cluster_point)
}

/// Code-point offsets of the grapheme-cluster boundaries of `text` (0 and the end included; empty when every code
/// point is its own cluster), where `start(k)` is the byte offset of code point `k` of `n`. Only the stretches
/// around code points that can join a neighbour go through the segmenter: each such run with the lone point before
/// it (a mark joins its base) and after it (a Prepend joins what follows). Between two lone points there is always
/// a boundary, so the stretches start and end on one and the segmenter sees all the context its rules read; the
/// rest is one cluster per code point. The same table as segmenting the whole text (the tests compare the two),
/// at a fraction of the cost on news text where a few emoji or a CRLF would otherwise send every line through it.
fn cluster_bounds(text: &str, n: usize, start: impl Fn(usize) -> usize) -> Vec<u32> {
    let byte = |k: usize| if k < n { start(k) } else { text.len() };
    let joins = |k: usize| {
        let c = text.get(byte(k)..).and_then(|s| s.chars().next()).unwrap_or(' ');
        c == '\r' || !is_lone_cluster_point(c)
    };
    let mut out = Vec::with_capacity(n + 1);
    out.push(0u32);
    let mut k = 0;
    while k < n {
        if !joins(k) && (k + 1 == n || !joins(k + 1)) {
            k += 1;
            out.push(k as u32);
            continue;
        }
        // A stretch from k (lone and followed by a joining point, or joining itself) up to the first lone point
        // after a lone point.
        let mut end = k + 1;
        while end < n && (joins(end - 1) || joins(end)) {
            end += 1;
        }
        let mut cp = k as u32;
        for g in text.get(byte(k)..byte(end)).unwrap_or_default().graphemes(true) {
            cp += g.chars().count() as u32;
            out.push(cp);
        }
        k = end;
    }
    if out.len() == n + 1 {
        out.clear();
    }
    out
}

impl OffsetMap {
    /// Builds the tables for `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.len();
        let ascii = text.is_ascii();
        let mut char_bytes = Vec::new();
        let mut char_utf16 = Vec::new();
        let chars;
        if ascii {
            chars = bytes;
        } else {
            char_bytes.reserve(text.len() + 1);
            let mut astral = false;
            for (b, c) in text.char_indices() {
                char_bytes.push(b as u32);
                astral |= c.len_utf16() == 2;
            }
            chars = char_bytes.len();
            char_bytes.push(bytes as u32);
            if astral {
                char_utf16.reserve(chars + 1);
                let mut u = 0u32;
                for c in text.chars() {
                    char_utf16.push(u);
                    u += c.len_utf16() as u32;
                }
                char_utf16.push(u);
            }
        }
        // Grapheme table only when some cluster has more than one code point (CRLF counts as one cluster).
        let graphemes = if one_point_clusters(text) {
            Vec::new()
        } else if ascii {
            cluster_bounds(text, chars, |k| k)
        } else {
            cluster_bounds(text, chars, |k| char_bytes[k] as usize)
        };
        OffsetMap { char_bytes, char_utf16, graphemes, chars, bytes }
    }

    /// Length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.chars
    }

    /// Length of the text in UTF-16 code units.
    pub fn len_utf16(&self) -> usize {
        self.char_utf16.last().map_or(self.chars, |&u| u as usize)
    }

    /// Length of the text in bytes.
    pub fn len_bytes(&self) -> usize {
        self.bytes
    }

    /// The text of code points `start..end` (clamped to the text; empty when reversed). Never panics: a slice
    /// of user text by byte index would, off a char boundary.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let n = self.len_chars();
        text.get(self.char_to_byte(start.min(n))..self.char_to_byte(end.min(n))).unwrap_or_default()
    }

    /// Byte offset of code point `c` (`c <= len_chars()`).
    pub fn char_to_byte(&self, c: usize) -> usize {
        assert!(c <= self.chars, "code point offset {c} past the end ({})", self.chars);
        if self.char_bytes.is_empty() {
            c
        } else {
            self.char_bytes[c] as usize
        }
    }

    /// Code-point offset of byte `b`; `None` when `b` is not on a character boundary or past the end.
    pub fn byte_to_char(&self, b: usize) -> Option<usize> {
        if b > self.bytes {
            return None;
        }
        if self.char_bytes.is_empty() {
            return Some(b);
        }
        self.char_bytes.binary_search(&(b as u32)).ok()
    }

    /// UTF-16 offset of code point `c` (`c <= len_chars()`).
    pub fn char_to_utf16(&self, c: usize) -> usize {
        assert!(c <= self.chars, "code point offset {c} past the end ({})", self.chars);
        if self.char_utf16.is_empty() {
            c
        } else {
            self.char_utf16[c] as usize
        }
    }

    /// Code-point offset of UTF-16 offset `u`; `None` inside a surrogate pair or past the end.
    pub fn utf16_to_char(&self, u: usize) -> Option<usize> {
        if self.char_utf16.is_empty() {
            return (u <= self.chars).then_some(u);
        }
        self.char_utf16.binary_search(&(u as u32)).ok()
    }

    /// Code-point offset of grapheme-cluster boundary `g` (what tools counting user-perceived characters store),
    /// or `None` past the end.
    pub fn grapheme_to_char(&self, g: usize) -> Option<usize> {
        if self.graphemes.is_empty() {
            return (g <= self.chars).then_some(g);
        }
        self.graphemes.get(g).map(|&c| c as usize)
    }

    /// Length of the text in grapheme clusters.
    pub fn len_graphemes(&self) -> usize {
        if self.graphemes.is_empty() {
            self.chars
        } else {
            self.graphemes.len() - 1
        }
    }

    /// Whether code point offset `c` is on a grapheme-cluster boundary.
    pub fn is_grapheme_boundary(&self, c: usize) -> bool {
        if c > self.chars {
            return false;
        }
        self.graphemes.is_empty() || self.graphemes.binary_search(&(c as u32)).is_ok()
    }

    /// The grapheme boundary at or before `c`.
    pub fn snap_back(&self, c: usize) -> usize {
        let c = c.min(self.chars);
        if self.graphemes.is_empty() {
            return c;
        }
        match self.graphemes.binary_search(&(c as u32)) {
            Ok(_) => c,
            Err(i) => self.graphemes[i - 1] as usize,
        }
    }

    /// The grapheme boundary at or after `c`.
    pub fn snap_forward(&self, c: usize) -> usize {
        let c = c.min(self.chars);
        if self.graphemes.is_empty() {
            return c;
        }
        match self.graphemes.binary_search(&(c as u32)) {
            Ok(_) => c,
            Err(i) => self.graphemes[i] as usize,
        }
    }

    /// Widens `start..end` (code points) to whole grapheme clusters.
    pub fn snap_outward(&self, start: usize, end: usize) -> (usize, usize) {
        (self.snap_back(start), self.snap_forward(end))
    }
}

/// Code-point length of `s`, counted the slow, obvious way. Reference for tests and for one-off slices.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The slice of `text` between code-point offsets `start..end`, or `None` when out of range.
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut it = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let b0 = it.nth(start)?;
    let b1 = if end == start { b0 } else { it.nth(end - start - 1)? };
    text.get(b0..b1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_cluster_points_never_join_each_other() {
        let set: Vec<char> = (0..=0x2FFFu32).filter_map(char::from_u32).filter(|&c| is_lone_cluster_point(c)).collect();
        for &a in &set {
            // a b1 a b2 a …: every ordered pair with `a` on either side, CR LF left out.
            let mut s = String::new();
            for &b in set.iter().filter(|&&b| !matches!((a, b), ('\r', '\n') | ('\n', '\r'))) {
                s.push(a);
                s.push(b);
            }
            assert_eq!(s.graphemes(true).count(), s.chars().count(), "a cluster joins around {a:?}");
        }
        assert!(one_point_clusters("Putin’s “warning” — 5 € … naïve"));
        assert!(!one_point_clusters("line\r\nnext") && !one_point_clusters("e\u{301}") && !one_point_clusters("👍🏽"));
    }

    /// Naive reference: recompute every unit by walking the string.
    fn naive(text: &str, c: usize) -> (usize, usize) {
        let prefix: String = text.chars().take(c).collect();
        (prefix.len(), prefix.encode_utf16().count())
    }

    const TEXTS: &[&str] = &[
        "",
        "plain ascii",
        "Crocus City Hall, 22 March 2024",
        "caf\u{e9} cafe\u{301} na\u{ef}ve",
        "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} family and \u{1F1FA}\u{1F1E6} flag",
        "\u{83AB}\u{65AF}\u{79D1}\u{6F14}\u{5531}\u{4F1A}\u{9986}\u{8972}\u{51FB}",
        "line one\r\nline two\rline three\n",
        "\u{1F600}\u{1F600} x \u{1F44D}\u{1F3FD}",
    ];

    #[test]
    fn conversions_match_the_naive_reference() {
        for text in TEXTS {
            let m = OffsetMap::new(text);
            assert_eq!(m.len_chars(), char_len(text), "{text:?}");
            assert_eq!(m.len_utf16(), text.encode_utf16().count(), "{text:?}");
            for c in 0..=m.len_chars() {
                let (b, u) = naive(text, c);
                assert_eq!(m.char_to_byte(c), b, "{text:?} at {c}");
                assert_eq!(m.char_to_utf16(c), u, "{text:?} at {c}");
                assert_eq!(m.byte_to_char(b), Some(c));
                assert_eq!(m.utf16_to_char(u), Some(c));
            }
        }
    }

    #[test]
    fn offsets_inside_a_character_are_rejected() {
        let text = "a\u{1F600}b";
        let m = OffsetMap::new(text);
        assert_eq!(m.byte_to_char(2), None);
        assert_eq!(m.utf16_to_char(2), None, "between the two surrogates");
        assert_eq!(m.utf16_to_char(3), Some(2));
        assert_eq!(m.byte_to_char(99), None);
        assert_eq!(m.utf16_to_char(99), None);
    }

    #[test]
    fn snapping_keeps_clusters_whole() {
        // family ZWJ sequence = 5 code points, one cluster; flag = 2 regional indicators, one cluster.
        let text = "a\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}b\u{1F1FA}\u{1F1E6}e\u{301}\r\n";
        let m = OffsetMap::new(text);
        assert!(m.is_grapheme_boundary(1));
        assert!(!m.is_grapheme_boundary(3));
        assert_eq!(m.snap_outward(3, 4), (1, 6));
        assert_eq!(m.snap_back(8), 7);
        assert_eq!(m.snap_forward(8), 9);
        assert_eq!(m.snap_forward(10), 11, "e + combining acute stay together");
        assert_eq!(m.snap_back(12), 11, "CRLF is one cluster");
        assert_eq!(m.snap_forward(99), m.len_chars());
    }

    /// The reference for [`cluster_bounds`]: the segmenter over the whole text.
    fn segmented(text: &str) -> Vec<u32> {
        let mut cp = 0u32;
        let mut out = vec![0];
        for g in text.graphemes(true) {
            cp += g.chars().count() as u32;
            out.push(cp);
        }
        if out.len() == text.chars().count() + 1 {
            out.clear();
        }
        out
    }

    #[test]
    fn cluster_bounds_match_the_segmenter_on_the_whole_text() {
        let mut texts: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
        texts.extend(
            [
                "\r\n",
                "\r\r\n\n",
                "e\u{301}",
                "\u{301}start",
                "end\u{301}",
                "\u{600}1 Arabic number sign joins the digit after it",
                "x\u{600}",
                "\u{1F1FA}\u{1F1E6}\u{1F1FA}",
                "a\u{1F1FA}b\u{1F1E6}\u{1F1FA}\u{1F1E6}\u{1F1FA}c",
                "\u{1100}\u{1161}\u{11A8} Hangul jamo",
                "\u{915}\u{94D}\u{937} Devanagari conjunct, \u{915}\u{903} a spacing mark",
                "zwj at the end\u{200D}",
                "\u{1F468}\u{200D}\u{1F469}x\u{200D}\u{1F467}",
            ]
            .map(String::from),
        );
        for t in &texts {
            let n = t.chars().count();
            let starts: Vec<usize> = t.char_indices().map(|(b, _)| b).collect();
            assert_eq!(cluster_bounds(t, n, |k| starts[k]), segmented(t), "{t:?}");
            assert_eq!(OffsetMap::new(t).graphemes, segmented(t), "{t:?}");
        }
    }

    proptest::proptest! {
        /// Random strings over lone points and every kind of joining point the rules name.
        #[test]
        fn cluster_bounds_match_the_segmenter(picks in proptest::collection::vec(0usize..24, 0..40)) {
            const ALPHABET: [char; 24] = [
                'a', ' ', '\r', '\n', '.', '’', 'é', '\u{301}', '\u{200D}', '\u{FE0F}', '\u{1F468}', '\u{1F3FD}',
                '\u{1F1FA}', '\u{1F1E6}', '\u{600}', '\u{903}', '\u{915}', '\u{94D}', '\u{1100}', '\u{1161}',
                '\u{11A8}', '\u{AC00}', '\u{5531}', '\u{7}',
            ];
            let t: String = picks.iter().map(|&i| ALPHABET[i]).collect();
            proptest::prop_assert_eq!(OffsetMap::new(&t).graphemes, segmented(&t), "{:?}", t);
        }
    }

    #[test]
    fn slice_chars_matches_code_points() {
        let text = "\u{1F1FA}\u{1F1E6} Kyiv \u{5531}";
        assert_eq!(slice_chars(text, 3, 7), Some("Kyiv"));
        assert_eq!(slice_chars(text, 8, 9), Some("\u{5531}"));
        assert_eq!(slice_chars(text, 9, 9), Some(""));
        assert_eq!(slice_chars(text, 9, 10), None);
        assert_eq!(slice_chars(text, 2, 1), None);
    }
}
