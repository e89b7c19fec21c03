//! Text search as annotators expect it: case-insensitive, blind to typographic quotes, dashes and odd spaces,
//! with hits in code points (the core's offsets) that never split a grapheme cluster.
//!
//! A text is folded once into a [`Folded`] (lower case, `’` → `'`, `“` → `"`, `–` → `-`, every run of white
//! space → one space, `ß` → `ss`) that remembers, for each folded byte, the code point it came from; a query is
//! folded the same way and found with the standard library's linear substring search. Mapping a hit back is a
//! table look-up, so the whole search is linear in the text whatever the number of hits.
//!
//! ```
//! use sift::session::find_all;
//!
//! let text = "She didn\u{2019}t say \u{201c}no\u{201d}\u{a0}twice \u{2014} ever.";
//! assert_eq!(find_all(text, "didn't"), vec![4..10]);
//! assert_eq!(find_all(text, "\"NO\" TWICE - ever"), vec![15..32]);
//! ```

use std::ops::Range;

use crate::text::OffsetMap;

/// Hits kept per document: a search for "e" in a long text stops here (the search box says so).
pub const MAX_HITS: usize = 10_000;

/// A text folded for search, with the way back to its code points.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    norm: String,
    /// For each byte of `norm`, the code point of the text it came from; one more entry at the end holds the
    /// text's length in code points.
    from: Vec<u32>,
}

/// Appends the folded form of the non-space character `c`.
fn push_folded(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{FF07}' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
        'ß' | 'ẞ' => out.push_str("ss"),
        'ς' => out.push('σ'),
        // Lower-casing gives "i" + a combining dot; Turkish readers search "istanbul" for "İstanbul".
        'İ' => out.push('i'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    }
}

impl Folded {
    /// Folds `text` (linear time; one `u32` per folded byte).
    pub fn new(text: &str) -> Folded {
        let mut norm = String::with_capacity(text.len());
        let mut from = Vec::with_capacity(text.len() + 1);
        let mut in_space = false;
        let mut n = 0u32;
        for c in text.chars() {
            if c.is_whitespace() {
                if !in_space {
                    norm.push(' ');
                    from.push(n);
                    in_space = true;
                }
            } else {
                in_space = false;
                push_folded(c, &mut norm);
                from.resize(norm.len(), n);
            }
            n += 1;
        }
        from.push(n);
        Folded { norm, from }
    }

    /// The folded text (what a query is matched against).
    pub fn as_str(&self) -> &str {
        &self.norm
    }

    /// The non-overlapping hits of `query` in code points of the text `map` was built for, in order, at most
    /// `cap` of them. A hit that would start or end inside one character (an "s" against "ß") or inside a
    /// grapheme cluster (an "e" against "e" + combining accent, a 👍 against 👍🏽) is skipped.
    pub fn find(&self, query: &str, map: &OffsetMap, cap: usize) -> Vec<Range<usize>> {
        let q = fold_query(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for (b, m) in self.norm.match_indices(q.as_str()) {
            if hits.len() >= cap {
                break;
            }
            let e = b + m.len();
            // Inside the folded form of one character: both bytes come from the same code point.
            if b > 0 && self.from[b - 1] == self.from[b] || self.from[e - 1] == self.from[e] {
                continue;
            }
            let (s, e) = (self.from[b] as usize, self.from[e] as usize);
            if map.is_grapheme_boundary(s) && map.is_grapheme_boundary(e) {
                hits.push(s..e);
            }
        }
        hits
    }
}

/// `query` folded the way texts are.
pub fn fold_query(query: &str) -> String {
    Folded::new(query).norm
}

/// Every hit of `query` in `text` (code points, at most [`MAX_HITS`]). Folds the text and builds its offset
/// tables; a caller searching the same text again keeps a [`Folded`] and the document's [`OffsetMap`].
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    Folded::new(text).find(query, &OffsetMap::new(text), MAX_HITS)
}

/// The hit after (`forward`) or before the current one across documents with `counts[d]` hits each, moving on
/// to the next document with hits after the last hit of one, and wrapping. With no current hit (`at` is `None`)
/// it is the first hit of the open document (`open`, or the first document) or of the next one with hits, or
/// going back, the last hit of the open document or of the one before. `None` when nothing matched.
pub fn step(
    counts: &[usize],
    at: Option<(usize, usize)>,
    forward: bool,
    open: Option<usize>,
) -> Option<(usize, usize)> {
    let n = counts.len();
    if counts.iter().all(|&c| c == 0) {
        return None;
    }
    let at = at.filter(|&(d, i)| d < n && i < counts[d]);
    // The first document with hits going from `d` (included) in the direction of travel.
    let seek = |d: usize, fwd: bool| -> usize {
        (0..n).map(|k| if fwd { (d + k) % n } else { (d + n - k) % n }).find(|&k| counts[k] > 0).unwrap_or(d)
    };
    let end_of = |d: usize, fwd: bool| if fwd { (d, 0) } else { (d, counts[d] - 1) };
    Some(match at {
        None => {
            let d = seek(open.filter(|&o| o < n).unwrap_or(0), forward);
            end_of(d, forward)
        }
        Some((d, i)) if forward && i + 1 < counts[d] => (d, i + 1),
        Some((d, i)) if !forward && i > 0 => (d, i - 1),
        Some((d, _)) => {
            let next = if forward { seek((d + 1) % n, true) } else { seek((d + n - 1) % n, false) };
            end_of(next, forward)
        }
    })
}

/// The search box's status: "3 of 17 in 2 documents", "17 in 2 documents" before the first Enter, "no match";
/// `ordinal` is the current hit counted across documents from 1. Says so when a document hit the cap.
pub fn status(counts: &[usize], ordinal: Option<usize>) -> String {
    let total: usize = counts.iter().sum();
    if total == 0 {
        return "no match".into();
    }
    let docs = counts.iter().filter(|&&c| c > 0).count();
    let of = if docs == 1 { "1 document".to_string() } else { format!("{docs} documents") };
    let mut s = match ordinal {
        Some(k) => format!("{k} of {total} in {of}"),
        None => format!("{total} in {of}"),
    };
    if counts.iter().any(|&c| c >= MAX_HITS) {
        s.push_str(" (only the first 10,000 per document)");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, query, hits as (start, end) code points).
    type Case = (&'static str, &'static str, &'static [(usize, usize)]);
    /// (current hit as (document, hit), forward, the open document, the hit `step` gives).
    type StepCase = (Option<(usize, usize)>, bool, Option<usize>, Option<(usize, usize)>);

    /// The matched texts, the way a person checks them.
    fn found<'t>(text: &'t str, query: &str) -> Vec<&'t str> {
        let map = OffsetMap::new(text);
        find_all(text, query).into_iter().map(|r| map.slice(text, r.start, r.end)).collect()
    }

    #[test]
    fn folds_quotes_dashes_spaces_and_case() {
        let table: &[(&str, &str, &[&str])] = &[
            ("She didn\u{2019}t go", "didn't", &["didn\u{2019}t"]),
            ("She didn't go", "DIDN\u{2019}T", &["didn't"]),
            ("it\u{2018}s it\u{201B}s 5\u{2032}", "s", &["s", "s"]),
            ("\u{201C}No\u{201D} and \u{201E}ja\u{201C}", "\"no\"", &["\u{201C}No\u{201D}"]),
            ("6\u{2033} tall", "6\"", &["6\u{2033}"]),
            ("well\u{2010}known well\u{2011}known", "well-known", &["well\u{2010}known", "well\u{2011}known"]),
            ("1\u{2012}2 3\u{2013}4 5\u{2014}6 \u{2212}7", "-", &["\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}"]),
            ("a\u{a0}b", "a b", &["a\u{a0}b"]),
            ("a\u{202F}b a\u{2009}b a\u{3000}b", "a b", &["a\u{202F}b", "a\u{2009}b", "a\u{3000}b"]),
            ("new   york\n\tcity", "new york city", &["new   york\n\tcity"]),
            ("new york", "new \u{a0}  york", &["new york"]),
            ("ÉCOLE école Ecole", "école", &["ÉCOLE", "école"]),
            ("ΟΔΟΣ οδος", "οδοσ", &["ΟΔΟΣ", "οδος"]),
            ("Nothing here", "absent", &[]),
            ("abc", "", &[]),
            ("abc", "   ", &[]),
        ];
        for (text, query, want) in table {
            assert_eq!(found(text, query), *want, "{query:?} in {text:?}");
        }
    }

    #[test]
    fn offsets_are_code_points_of_the_original() {
        let table: &[Case] = &[
            // Emoji before the hit: one code point each, two UTF-16 units.
            ("👍👍 didn\u{2019}t", "didn't", &[(3, 9)]),
            // Combining marks before the hit count as their own code points.
            ("Cafe\u{301} owners", "owners", &[(6, 12)]),
            ("Cafe\u{301} owners", "cafe\u{301}", &[(0, 5)]),
            // ß folds to two letters but is one code point.
            ("Straße, STRASSE", "strasse", &[(0, 6), (8, 15)]),
            ("Maß und Mass", "MASS", &[(0, 3), (8, 12)]),
            // İ lower-cases to two code points elsewhere; here it stays one.
            ("İstanbul x", "istanbul", &[(0, 8)]),
            ("x İ y", "i", &[(2, 3)]),
            // A run of spaces maps to all of it.
            ("a \u{a0}\n b", "a b", &[(0, 6)]),
            ("a  b", " ", &[(1, 3)]),
        ];
        for (text, query, want) in table {
            let got: Vec<(usize, usize)> = find_all(text, query).iter().map(|r| (r.start, r.end)).collect();
            assert_eq!(got, *want, "{query:?} in {text:?}");
        }
    }

    #[test]
    fn never_splits_a_character_or_grapheme_cluster() {
        let table: &[Case] = &[
            ("Straße", "s", &[(0, 1)]),
            ("Cafe\u{301}", "cafe", &[]),
            ("👍🏽 👍", "👍", &[(3, 4)]),
            ("🇺🇦🇺🇦", "🇦🇺", &[]),
            ("e\u{301}e", "e", &[(2, 3)]),
            // A space in the query takes the whole run, CRLF included.
            ("a\r\nb", "a\r", &[(0, 3)]),
        ];
        for (text, query, want) in table {
            let got: Vec<(usize, usize)> = find_all(text, query).iter().map(|r| (r.start, r.end)).collect();
            assert_eq!(got, *want, "{query:?} in {text:?}");
        }
    }

    #[test]
    fn hits_are_capped() {
        let text = "ab ".repeat(30_000);
        let hits = find_all(&text, "AB");
        assert_eq!(hits.len(), MAX_HITS);
        assert_eq!(hits[1], 3..5);
        let map = OffsetMap::new(&text);
        assert_eq!(Folded::new(&text).find("ab", &map, 5).len(), 5);
        // A long text with one hit far in: the offsets stay exact.
        let long = format!("{}needle", "\u{2019}a\u{a0} ".repeat(200_000));
        assert_eq!(find_all(&long, "NEEDLE").first(), Some(&(800_000..800_006)));
    }

    #[test]
    fn steps_across_documents_and_wraps() {
        let counts = [2, 0, 3];
        let table: &[StepCase] = &[
            (None, true, Some(0), Some((0, 0))),
            (None, true, Some(1), Some((2, 0))),
            (None, false, Some(1), Some((0, 1))),
            (None, false, None, Some((0, 1))),
            (Some((0, 0)), true, Some(0), Some((0, 1))),
            (Some((0, 1)), true, Some(0), Some((2, 0))),
            (Some((2, 2)), true, Some(2), Some((0, 0))),
            (Some((0, 0)), false, Some(0), Some((2, 2))),
            (Some((2, 0)), false, Some(2), Some((0, 1))),
            // A stale position (the hits changed) starts again from the open document.
            (Some((2, 9)), true, Some(2), Some((2, 0))),
        ];
        for (at, fwd, open, want) in table {
            assert_eq!(step(&counts, *at, *fwd, *open), *want, "{at:?} forward={fwd} open={open:?}");
        }
        assert_eq!(step(&[0, 0], None, true, Some(0)), None);
        assert_eq!(step(&[], None, true, None), None);
        assert_eq!(step(&[1], Some((0, 0)), true, Some(0)), Some((0, 0)));
    }

    #[test]
    fn status_reads_like_a_sentence() {
        assert_eq!(status(&[2, 0, 15], Some(3)), "3 of 17 in 2 documents");
        assert_eq!(status(&[4], None), "4 in 1 document");
        assert_eq!(status(&[0, 0], None), "no match");
        assert_eq!(status(&[MAX_HITS, 1], Some(1)), "1 of 10001 in 2 documents (only the first 10,000 per document)");
    }
}
