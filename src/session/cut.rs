//! Where long texts are cut: into slices for annotating a long paste a piece at a time (so the page stays
//! responsive), and into blocks for drawing only what is on screen.

use std::ops::Range;

use super::Detectors;
use crate::annotation::auto_id;
use crate::input::LineFacts;
use crate::Span;

/// Texts up to this many bytes are annotated in one go.
pub const AT_ONCE: usize = 150_000;
/// The longest text the app takes as one document (UTF-8 bytes): far past any article, and small enough that
/// annotating and drawing it stays within the browser's memory for wasm.
pub const MAX_TEXT: usize = 8 << 20;

/// Why a text of `bytes` bytes is not taken as one document, if it is too long.
pub fn too_long(name: &str, bytes: usize) -> Option<String> {
    (bytes > MAX_TEXT).then(|| {
        let mb = |b: usize| b as f64 / (1 << 20) as f64;
        format!(
            "{name} is {:.1} MB; sift takes up to {:.0} MB as one document. Split it into parts and add them one by one.",
            mb(bytes),
            mb(MAX_TEXT)
        )
    })
}
/// Target slice length in bytes.
const SLICE: usize = 24_000;

/// Byte ranges covering `text`, each ending after a blank line when there is one near the target length (the
/// detectors never look across a paragraph break), else after a line break, else anywhere on a char boundary.
pub fn slices(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let want = start + SLICE;
        if want >= text.len() {
            out.push(start..text.len());
            break;
        }
        let window_end = floor_boundary(text, (want + 4 * SLICE).min(text.len()));
        let from = floor_boundary(text, want);
        let hay = text.get(from..window_end).unwrap_or_default();
        let cut = hay
            .find("\n\n")
            .map(|i| from + i + 2)
            .or_else(|| hay.find("\r\n\r\n").map(|i| from + i + 4))
            .or_else(|| hay.find('\n').map(|i| from + i + 1))
            .unwrap_or(window_end);
        let cut = if cut <= start { text.len() } else { cut };
        out.push(start..cut);
        start = cut;
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Annotates one slice `r` (bytes) of `text`, whose start is code point `chars_before`: spans come back in the
/// whole text's offsets, with the ids a run over the whole text gives them, and the slice sees its lines' facts
/// and the document's `date`.
pub fn analyze_slice(
    text: &str,
    facts: Option<&[LineFacts]>,
    r: Range<usize>,
    chars_before: usize,
    detectors: Detectors,
    date: Option<&str>,
) -> Vec<Span> {
    let part = text.get(r.clone()).unwrap_or_default();
    let facts = facts.map(|f| {
        let first = line_breaks(text.get(..r.start).unwrap_or_default()).min(f.len());
        let n = crate::text::lines(part).len();
        &f[first..(first + n).min(f.len())]
    });
    let found = detectors.analyze(part, facts, date);
    found
        .into_iter()
        .map(|mut s| {
            s.start += chars_before;
            s.end += chars_before;
            s.id = auto_id(&s.label, &(s.start..s.end));
            s
        })
        .collect()
}

/// Line breaks in `s` as [`crate::text::lines`] counts them (`\n`, `\r\n`, a lone `\r`).
fn line_breaks(s: &str) -> usize {
    let b = s.as_bytes();
    b.iter().enumerate().filter(|&(i, &c)| c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n'))).count()
}

/// A block ends at the first line break past this many code points, even without a blank line.
const SOFT_BLOCK: usize = 1500;
/// A block without any line break is cut at a space past this many code points.
const HARD_BLOCK: usize = 4000;

/// Cuts a text into blocks (code-point ranges covering it all): a paragraph and the blank lines after it.
pub fn blocks(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let c = chars[i];
        i += 1;
        let len = i - start;
        let at_break = c == '\n' || (c == '\r' && chars.get(i) != Some(&'\n'));
        if at_break {
            // Swallow the run of blank lines, then cut if the paragraph ended or the block is long.
            let mut j = i;
            let mut blank = false;
            while j < n && matches!(chars[j], '\n' | '\r' | ' ' | '\t') {
                if chars[j] == '\n' || chars[j] == '\r' {
                    blank = true;
                    i = j + 1;
                }
                j += 1;
            }
            if (blank || len > SOFT_BLOCK) && i < n {
                out.push(start..i);
                start = i;
            }
        } else if len > HARD_BLOCK && c == ' ' {
            out.push(start..i);
            start = i;
        }
    }
    if start < n || out.is_empty() {
        out.push(start..n);
    }
    out
}

/// For each block, the indices of the spans that overlap it.
pub fn spans_per_block(blocks: &[Range<usize>], spans: &[Span]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); blocks.len()];
    for (i, s) in spans.iter().enumerate() {
        let first = blocks.partition_point(|b| b.end <= s.start);
        for (k, b) in blocks.iter().enumerate().skip(first) {
            if b.start >= s.end.max(s.start + 1) {
                break;
            }
            out[k].push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Layers;

    fn long_text() -> String {
        let para = "WARSAW, Poland (AP) — At least 133 people were killed on Friday, officials said. \
                    Russia detained 11 suspects, the Kremlin said in a statement.\n\n";
        let mut t = String::new();
        while t.len() < 200_000 {
            t.push_str(para);
            t.push_str("Share this article\r\n👍 Ещё 5 новостей\n\n");
        }
        t
    }

    #[test]
    fn slices_cover_the_text_and_end_after_line_breaks() {
        for text in [long_text(), "é".repeat(60_000), "no breaks ".repeat(20_000), String::new()] {
            let s = slices(&text);
            assert_eq!(s.iter().map(|r| r.len()).sum::<usize>(), text.len());
            assert!(s.windows(2).all(|w| w[0].end == w[1].start));
            for r in &s {
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                let ends_on_break = text.get(..r.end).is_some_and(|t| t.ends_with('\n')) || r.end == text.len();
                assert!(ends_on_break || !text.contains('\n'), "{r:?}");
            }
        }
    }

    #[test]
    fn slice_by_slice_finds_what_a_whole_run_finds() {
        let text = long_text();
        let mut spans = Vec::new();
        let mut chars = 0;
        for r in slices(&text) {
            let n = text.get(r.clone()).unwrap_or_default().chars().count();
            spans.extend(analyze_slice(&text, None, r, chars, Detectors::ALL, None));
            chars += n;
        }
        crate::annotation::sort_spans(&mut spans);
        let whole = crate::analyze(&text, Layers::ALL);
        // Numbers never look across a paragraph break. (Boilerplate, and so claims, weigh the whole page: a line
        // repeated on every screen of this text is chrome to the whole run, not to one slice.)
        let key = |v: &[Span]| v.iter().filter(|s| s.label == "number").map(|s| s.id.clone()).collect::<Vec<_>>();
        assert!(key(&whole).len() > 1000);
        assert!(key(&spans) == key(&whole), "numbers differ");
        assert!(spans.iter().all(|s| s.id == auto_id(&s.label, &(s.start..s.end))));
    }

    #[test]
    fn a_slice_sees_its_own_lines_facts() {
        let mut html = String::new();
        for i in 0..400 {
            html.push_str(&format!("<nav><a href=/{i}>Menu item number {i} of the site</a></nav>"));
            html.push_str(&format!("<p>Police said {i} more people were detained on Sunday near the hall.</p>"));
        }
        let v = crate::input::html_to_text(&html);
        let whole = crate::detect::analyze_visible(&v, Layers::ALL);
        let v_text = v.text.clone();
        let mut spans = Vec::new();
        let mut chars = 0;
        let cut = v.text.len() / 2;
        let cut = cut + v.text.get(cut..).and_then(|t| t.find('\n')).unwrap() + 1;
        for r in [0..cut, cut..v.text.len()] {
            let n = v.text.get(r.clone()).unwrap_or_default().chars().count();
            spans.extend(analyze_slice(&v.text, Some(&v.lines), r, chars, Detectors::ALL, None));
            chars += n;
        }
        crate::annotation::sort_spans(&mut spans);
        // Each slice sees its own lines' facts: every menu line (only its <nav> says it is chrome) is chrome in
        // the slice-by-slice run as in the whole one. (Other lines may differ: the boilerplate layer also weighs
        // the page as a whole.)
        let menus = |v: &[Span]| {
            v.iter()
                .filter(|s| {
                    s.label == "boilerplate"
                        && crate::text::slice_chars(&v_text, s.start, s.end).is_some_and(|t| t.starts_with("Menu item"))
                })
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(menus(&spans).len(), 400);
        assert!(menus(&spans) == menus(&whole));
    }

    #[test]
    fn blocks_are_paragraphs_and_cover_the_text() {
        let cases: &[(&str, &[&str])] = &[
            ("One.\n\nTwo.\nStill two.\n\n\nThree.", &["One.\n\n", "Two.\nStill two.\n\n\n", "Three."]),
            ("CRLF\r\n\r\nnext", &["CRLF\r\n\r\n", "next"]),
            ("", &[""]),
        ];
        for (text, want) in cases {
            let chars: Vec<char> = text.chars().collect();
            let got: Vec<String> = blocks(text).iter().map(|r| chars[r.clone()].iter().collect()).collect();
            assert_eq!(got, *want, "{text:?}");
        }
        let long = "word ".repeat(3000);
        let b = blocks(&long);
        assert!(b.len() > 1 && b.iter().all(|r| r.len() <= HARD_BLOCK + "word ".len()), "cut at a space");
        let spans = vec![Span::manual("x", 3..12, "claim")];
        let per = spans_per_block(&blocks("One.\n\nTwo.\n\nThree."), &spans);
        assert_eq!(per, vec![vec![0], vec![0], vec![]]);
    }
}
