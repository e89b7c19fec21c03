//! Lines and paragraphs. A line is the text between two line breaks (`\n`, `\r\n` or a lone `\r`); a paragraph is
//! a run of non-blank lines. Ranges are byte ranges into the source text, without the break.

use std::ops::Range;

/// One line of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the line's content, without its line break.
    pub range: Range<usize>,
    /// Byte range of the content with surrounding whitespace (NBSP included) trimmed; empty for a blank line.
    pub trimmed: Range<usize>,
}

impl Line {
    /// Whether the line holds only whitespace (NBSP counts as whitespace).
    pub fn is_blank(&self) -> bool {
        self.trimmed.is_empty()
    }
}

/// Splits `text` into lines. A trailing break does not start an extra empty line; an empty text has no lines.
pub fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    // Sized up front: a text of a million short lines would otherwise leave up to half the vector spare.
    let breaks = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
    let mut out = Vec::with_capacity(breaks + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(line(text, start, i));
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push(line(text, start, i));
                i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(line(text, start, bytes.len()));
    }
    out
}

fn line(text: &str, start: usize, end: usize) -> Line {
    let s = text.get(start..end).unwrap_or_default();
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let trimmed = if lead == s.len() { start..start } else { start + lead..end - trail };
    Line { range: start..end, trimmed }
}

/// Groups non-blank lines into paragraphs: returns, for each paragraph, the range of line indices.
pub fn paragraphs(lines: &[Line]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, l) in lines.iter().enumerate() {
        match (l.is_blank(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..lines.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        lines(text).iter().map(|l| text.get(l.range.clone()).unwrap_or_default()).collect()
    }

    #[test]
    fn every_kind_of_break() {
        let table: &[(&str, &[&str])] = &[
            ("", &[]),
            ("one", &["one"]),
            ("one\n", &["one"]),
            ("one\ntwo", &["one", "two"]),
            ("one\r\ntwo\r\n", &["one", "two"]),
            ("one\rtwo\r\rthree", &["one", "two", "", "three"]),
            ("a\n\n\nb", &["a", "", "", "b"]),
            ("\u{1F600}\r\n\u{5531}", &["\u{1F600}", "\u{5531}"]),
        ];
        for (text, want) in table {
            assert_eq!(contents(text), *want, "{text:?}");
        }
    }

    #[test]
    fn trimming_counts_nbsp_as_space() {
        let text = " \u{a0}Moscow\u{a0} \n\u{a0}\u{a0}\n";
        let ls = lines(text);
        assert_eq!(text.get(ls[0].trimmed.clone()), Some("Moscow"));
        assert!(ls[1].is_blank());
    }

    #[test]
    fn paragraphs_are_runs_of_non_blank_lines() {
        let text = "Title\n\nFirst para\nstill first\n \u{a0}\nSecond\n";
        let ls = lines(text);
        assert_eq!(paragraphs(&ls), vec![0..1, 2..4, 5..6]);
    }
}
