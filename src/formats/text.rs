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
    let chrome: Vec<(usize, usize)> = doc
        .spans
        .iter()
        .filter(|s| s.label == BOILERPLATE && s.status != Status::Rejected && s.start < s.end && s.end <= map.len_chars())
        .map(|s| (map.char_to_byte(s.start), map.char_to_byte(s.end)))
        .collect();
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
        if chrome.iter().any(|&(s, e)| s <= a && b <= e) {
            continue;
        }
        out.push_str(&doc.text[l.range.clone()]);
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
    let text = input.strip_prefix('\u{feff}').unwrap_or(input).to_string();
    Import {
        labels: Label::builtin(),
        documents: vec![Document { id, name: base.to_string(), text, spans: Vec::new() }],
        losses: Vec::new(),
        repairs: Vec::new(),
    }
}

pub(crate) fn write(docs: &[Document]) -> Export {
    let mut used = HashSet::new();
    let files = docs.iter().map(|d| (format!("{}.txt", file_stem(&d.id, &mut used)), clean_text(d))).collect();
    let n: usize = docs.iter().map(|d| d.spans.len()).sum();
    let losses = if n > 0 { vec![format!("plain text: {n} × span dropped (boilerplate lines removed, nothing else kept)")] } else { vec![] };
    Export { files, losses }
}
