//! Plain text: reading makes a document without spans; writing gives the clean article, the text with its
//! boilerplate lines removed (what jusText and trafilatura output).
//!
//! **Unit: none.** **Lost on export:** every span (the boilerplate spans are applied, not kept), and the
//! original line breaks (CRLF and lone CR become `\n`; runs of blank lines become one).

use super::common::file_stem;
use super::{Export, Import};
use crate::annotation::{Document, Label, Status, BOILERPLATE};
use crate::text::lines;
use std::collections::HashSet;

/// The article without its boilerplate: every line covered by a `boilerplate` span that is not rejected is
/// removed, runs of blank lines collapse to one, and the result ends with one line break (empty if nothing is
/// left).
pub fn clean_text(doc: &Document) -> String {
    let map = crate::text::OffsetMap::new(&doc.text);
    let mut chrome: Vec<(usize, usize)> = doc
        .spans
        .iter()
        .filter(|s| {
            s.label == BOILERPLATE && s.status != Status::Rejected && s.start < s.end && s.end <= map.len_chars()
        })
        .map(|s| (map.char_to_byte(s.start), map.char_to_byte(s.end)))
        .collect();
    chrome.sort_unstable();
    // reach[i]: the furthest end among the first i + 1 spans, so "some span starting at or before a line reaches
    // past its end" is one binary search.
    let reach: Vec<usize> = chrome
        .iter()
        .scan(0, |m, &(_, e)| {
            *m = (*m).max(e);
            Some(*m)
        })
        .collect();
    let covered = |a: usize, b: usize| {
        let i = chrome.partition_point(|&(s, _)| s <= a);
        i > 0 && reach[i - 1] >= b
    };
    let mut out = String::new();
    let mut blank_run = true; // no blank lines at the start
    for l in lines(&doc.text) {
        if l.is_blank() {
            if !blank_run {
                out.push('\n');
                blank_run = true;
            }
            continue;
        }
        let (a, b) = (l.trimmed.start, l.trimmed.end);
        if covered(a, b) {
            continue;
        }
        out.push_str(doc.text.get(l.range.clone()).unwrap_or_default());
        out.push('\n');
        blank_run = false;
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

pub(crate) fn read_named(name: &str, input: &str) -> Import {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let id = base.rsplit_once('.').map_or(base, |(s, _)| s).to_string();
    let id = if id.is_empty() { "doc-1".to_string() } else { id };
    let text = crate::input::strip_bom(input).to_string();
    Import {
        labels: Label::builtin(),
        documents: vec![Document::new(id, base.to_string(), text, Vec::new())],
        losses: Vec::new(),
        repairs: Vec::new(),
    }
}

pub(crate) fn write(docs: &[Document]) -> Export {
    let mut used = HashSet::new();
    let files = docs.iter().map(|d| (format!("{}.txt", file_stem(&d.id, &mut used)), clean_text(d))).collect();
    let n: usize = docs.iter().map(|d| d.spans.len()).sum();
    let losses = if n > 0 {
        vec![format!("plain text: {n} × span dropped (boilerplate lines removed, nothing else kept)")]
    } else {
        vec![]
    };
    Export { files, losses }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Span;

    /// The obvious version: a line goes when any one chrome span covers it.
    fn naive(doc: &Document) -> Vec<String> {
        let chars: Vec<char> = doc.text.chars().collect();
        let mut kept = Vec::new();
        let mut pos = 0;
        for line in doc.text.split('\n') {
            let n = line.chars().count();
            let lead = line.chars().take_while(|c| c.is_whitespace()).count();
            let trail = line.chars().rev().take_while(|c| c.is_whitespace()).count();
            let (a, b) = (pos + lead, pos + n - trail.min(n - lead));
            let gone = doc.spans.iter().any(|s| {
                s.label == BOILERPLATE && s.status != Status::Rejected && s.start <= a && b <= s.end && s.start < s.end
            });
            if lead < n && !gone {
                kept.push(chars[pos..pos + n].iter().collect());
            }
            pos += n + 1;
        }
        kept
    }

    #[test]
    fn removes_exactly_the_covered_lines() {
        let text = "Home | World\nMoscow attack\nAt least 133 died.\n\nShare this\nRead also: x\nThe end.\n";
        let span = |a, b, status| Span { status, ..Span::manual("", a..b, BOILERPLATE) };
        let cases: Vec<Vec<Span>> = vec![
            vec![],
            vec![span(0, 12, Status::Suggested)],
            vec![span(0, 12, Status::Rejected)],
            // A wide span covering two lines, and a short one inside it: both lines go.
            vec![span(47, 70, Status::Accepted), span(48, 53, Status::Accepted)],
            // A span that covers only part of a line leaves it.
            vec![span(13, 19, Status::Suggested), span(0, 12, Status::Accepted), span(71, 79, Status::Accepted)],
        ];
        for spans in cases {
            let doc = Document::new("d", "d", text, spans);
            let got: Vec<String> = clean_text(&doc).lines().filter(|l| !l.is_empty()).map(String::from).collect();
            assert_eq!(got, naive(&doc), "{:?}", doc.spans);
        }
    }
}
