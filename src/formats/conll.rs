//! CoNLL-style token labels (BIO), one token per line and a blank line between sentences: the CoNLL-2003
//! layout, doccano's CoNLL import/export, flair's column corpora and GermEval-2014's nested columns. sift
//! writes the token and tag separated by a tab (shown as spaces below).
//!
//! ```text
//! -DOCSTART-    O
//!
//! at    B-number
//! least    I-number
//! 115    I-number
//! people    O
//! ```
//!
//! **Unit: none.** The file carries tokens, not offsets. On import the text is rebuilt by joining a sentence's
//! tokens with one space and sentences with a line break (doccano does the same), so offsets are code points of
//! that rebuilt text and the original spacing is gone. `-DOCSTART-` lines start a new document.
//!
//! **Columns read:** the token is the first column and the tag the last (tab- or space-separated, so
//! `token tag` and CoNLL-2003's `token POS chunk tag` both work). GermEval-2014 files (`index token outer
//! inner`, with `#` comment lines) are recognized by their running index; both the outer and the inner layer
//! are read. Tags may be BIO (IOB2), IOB1, BIOES or BILOU.
//!
//! **Written:** `token<TAB>tag` with BIO tags, documents separated by `-DOCSTART-    O`, sentences by blank lines
//! (sentence breaks inside a span are not written). Tokens are word segments cut at span edges, so every span
//! covers whole tokens.
//!
//! **Lost on export** (one layer at a time): overlapping spans (the earlier, then longer, one is kept), spans of
//! labels outside the chosen layer, empty spans, and everything but label and extent (ids, origin, status,
//! rule, reason, notes, attributes); the exact spacing and line breaks of the text. **Lost on import:** the
//! middle columns (part of speech, chunk tags).

use super::common::{kept_spans, label_styles_lost, quote, tokenize, Labels, Tally};
use super::{Export, Import};
use crate::annotation::{Document, Label, Span};
use crate::text::TextModel;
use crate::{Error, ErrorKind};

/// Reads a CoNLL-style file.
pub(crate) fn read(input: &str) -> Result<Import, Error> {
    let input = crate::input::strip_bom(input);
    let rows: Vec<(usize, Vec<&str>)> =
        input.lines().enumerate().map(|(n, l)| (n + 1, l.split_whitespace().collect())).collect();
    let germeval = is_germeval(&rows);
    let mut losses = Tally::default();
    let mut labels = Labels::empty();
    let mut docs: Vec<Builder> = vec![Builder::default()];
    for (n, cols) in &rows {
        if cols.is_empty() {
            docs.last_mut().expect("one builder").end_sentence();
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            if !docs.last().expect("one builder").is_empty() {
                docs.last_mut().expect("one builder").close_all();
                docs.push(Builder::default());
            }
            continue;
        }
        if cols[0].starts_with('#') && (germeval || !is_tag(cols[cols.len() - 1])) {
            continue; // comment line
        }
        if cols.len() < 2 {
            return Err(Error::new(
                ErrorKind::Syntax,
                format!("CoNLL: line {n}: expected `token tag`, found one column {}", quote(cols[0])),
            ));
        }
        let (token, tags): (&str, Vec<&str>) = if germeval {
            (cols[1], cols[2..].to_vec())
        } else {
            if cols.len() > 2 {
                losses
                    .add(format!("{} middle column(s) (e.g. part of speech, chunk) dropped per token", cols.len() - 2));
            }
            (cols[0], vec![cols[cols.len() - 1]])
        };
        for t in &tags {
            if !is_tag(t) {
                return Err(Error::new(
                    ErrorKind::Syntax,
                    format!("CoNLL: line {n}: {} is not a tag (expected O, B-X, I-X, E-X, S-X, L-X or U-X)", quote(t)),
                ));
            }
        }
        let b = docs.last_mut().expect("one builder");
        b.token(token, &tags, &mut labels);
    }
    let mut documents = Vec::new();
    for (i, mut b) in docs.into_iter().enumerate() {
        if b.is_empty() && i > 0 {
            continue;
        }
        b.close_all();
        let id = format!("doc-{}", i + 1);
        let mut spans = b.spans;
        // Tokens joined by a space can fuse into one grapheme cluster (a token that is a lone combining mark):
        // span edges are widened to whole clusters, as everywhere in sift.
        let map = crate::text::OffsetMap::new(&b.text);
        for s in &mut spans {
            (s.start, s.end) = map.snap_outward(s.start, s.end);
        }
        super::common::fill_ids(&mut spans);
        crate::annotation::sort_spans(&mut spans);
        documents.push(Document::new(id.clone(), id, b.text, spans));
    }
    if documents.len() == 1 && documents[0].text.is_empty() {
        documents.clear();
    }
    if !documents.is_empty() {
        losses.add("text rebuilt from tokens (single spaces, one line per sentence)");
    }
    Ok(Import { labels: labels.list, documents, losses: losses.lines("CoNLL"), repairs: Vec::new() })
}

fn is_tag(t: &str) -> bool {
    // `get`, not `[..2]`: the tag may start with a multi-byte character (a BOM, `€`, an emoji).
    t == "O" || (t.len() > 2 && matches!(t.get(..2), Some("B-" | "I-" | "E-" | "S-" | "L-" | "U-")))
}

/// GermEval-2014 layout: every data line starts with its 1-based index in the sentence.
fn is_germeval(rows: &[(usize, Vec<&str>)]) -> bool {
    let mut expect = 1;
    let mut seen = false;
    for (_, cols) in rows {
        if cols.is_empty() {
            expect = 1;
            continue;
        }
        if cols[0].starts_with('#') {
            continue;
        }
        if cols.len() < 3 || cols[0].parse::<usize>().ok() != Some(expect) || !cols[2..].iter().all(|t| is_tag(t)) {
            return false;
        }
        expect += 1;
        seen = true;
    }
    seen
}

/// Rebuilds one document's text and spans from its token rows.
#[derive(Default)]
struct Builder {
    text: String,
    chars: usize,
    /// End (code points) of the last token appended.
    token_end: usize,
    at_sentence_start: bool,
    spans: Vec<Span>,
    /// Per tag column: the open entity (label, start).
    open: Vec<Option<(String, usize)>>,
}

impl Builder {
    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn end_sentence(&mut self) {
        self.close_all();
        if !self.text.is_empty() {
            self.at_sentence_start = true;
        }
    }

    fn close(&mut self, layer: usize, end: usize) {
        if let Some((label, start)) = self.open.get_mut(layer).and_then(Option::take) {
            self.spans.push(Span::manual(String::new(), start..end, label));
        }
    }

    fn close_all(&mut self) {
        for l in 0..self.open.len() {
            self.close(l, self.token_end);
        }
    }

    fn token(&mut self, token: &str, tags: &[&str], labels: &mut Labels) {
        if !self.text.is_empty() {
            let sep = if self.at_sentence_start { '\n' } else { ' ' };
            self.text.push(sep);
            self.chars += 1;
        }
        self.at_sentence_start = false;
        let start = self.chars;
        self.text.push_str(token);
        self.chars += token.chars().count();
        if self.open.len() < tags.len() {
            self.open.resize(tags.len(), None);
        }
        for (layer, tag) in tags.iter().enumerate() {
            let (prefix, label) = match tag.split_once('-') {
                Some((p, l)) => (p, l),
                None => ("O", ""),
            };
            let continues =
                matches!(&self.open[layer], Some((l, _)) if l == label) && matches!(prefix, "I" | "E" | "L");
            if !continues {
                // The previous entity ended with the previous token.
                self.close(layer, self.token_end);
                if prefix != "O" {
                    labels.ensure(label);
                    self.open[layer] = Some((label.to_string(), start));
                }
            }
            if matches!(prefix, "E" | "L" | "S" | "U") {
                self.close(layer, self.chars);
            }
        }
        self.token_end = self.chars;
    }
}

/// Writes BIO tags for one layer: the spans whose label is in `layer` (every label when `None`).
pub(crate) fn write(docs: &[Document], labels: &[Label], layer: Option<&[String]>) -> Export {
    let mut t = Tally::default();
    let mut out = String::new();
    for d in docs {
        let mut spans: Vec<&Span> = Vec::new();
        for s in kept_spans(d, &mut t) {
            if layer.is_some_and(|l| !l.contains(&s.label)) {
                t.add(format!("`{}` span not in the exported layer", s.label));
            } else if s.start == s.end {
                t.add("empty span dropped");
            } else {
                spans.push(s);
            }
        }
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut kept: Vec<&Span> = Vec::new();
        for s in spans {
            if kept.last().is_some_and(|k| k.end > s.start) {
                t.add(format!("overlapping `{}` span dropped (CoNLL holds one non-overlapping layer)", s.label));
            } else {
                kept.push(s);
            }
        }
        for s in &kept {
            super::common::tally_span_fields(&mut t, s, &["origin", "status"]);
            if s.label.chars().any(char::is_whitespace) {
                t.add(format!("label {:?} written with `_` for spaces", s.label));
            }
        }
        let model = TextModel::new(&d.text);
        let map = &model.offsets;
        let cuts: Vec<usize> = kept.iter().flat_map(|s| [s.start, s.end]).collect();
        let toks = tokenize(&d.text, map, &cuts);
        // Sentence starts in code points, except inside a kept span.
        let mut breaks: Vec<usize> = model
            .sentences
            .iter()
            .filter_map(|r| map.byte_to_char(r.start))
            .filter(|&c| {
                // `kept` is sorted and non-overlapping: only the first span ending after `c` can contain it.
                let i = kept.partition_point(|s| s.end <= c);
                kept.get(i).is_none_or(|s| !(s.start < c && c < s.end))
            })
            .collect();
        breaks.dedup();
        out.push_str("-DOCSTART-\tO\n\n");
        let mut k = 0; // index into kept
        let mut b = 0; // index into breaks
        let mut first = true;
        let mut last_k = None;
        for &(s, e) in &toks {
            let mut new_sentence = false;
            while b < breaks.len() && breaks[b] <= s {
                new_sentence = true;
                b += 1;
            }
            if new_sentence && !first {
                out.push('\n');
            }
            first = false;
            while k < kept.len() && kept[k].end <= s {
                k += 1;
            }
            let tag = match kept.get(k) {
                Some(sp) if sp.start <= s && e <= sp.end => {
                    let label: String = sp.label.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
                    let inside = last_k == Some(k);
                    last_k = Some(k);
                    if inside {
                        format!("I-{label}")
                    } else {
                        format!("B-{label}")
                    }
                }
                _ => {
                    last_k = None;
                    "O".to_string()
                }
            };
            // A token the reader would split (NBSP and other Unicode spaces are column separators there) is
            // written as its pieces, the later ones continuing the tag; an all-space token is not written.
            for (i, piece) in map.slice(&d.text, s, e).split_whitespace().enumerate() {
                out.push_str(piece);
                out.push('\t');
                match tag.strip_prefix("B-") {
                    Some(label) if i > 0 => {
                        out.push_str("I-");
                        out.push_str(label);
                    }
                    _ => out.push_str(&tag),
                }
                out.push('\n');
            }
        }
        out.push('\n');
    }
    t.add_n("text spacing and line breaks not kept (tokens only)", docs.len().min(1));
    t.add_n("document id and name dropped (documents are numbered)", docs.len());
    Export {
        files: vec![("annotations.conll".into(), out)],
        losses: t.lines("CoNLL").into_iter().chain(label_styles_lost("CoNLL", labels)).collect(),
    }
}
