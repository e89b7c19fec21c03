//! `sift-annotations` version 2: sift's own format, the only one that keeps everything (origin, review status,
//! rule, reason, notes, attributes, relations, document labels, label colours and keys). The schema is
//! `schema/sift-annotations.v2.schema.json`; version 1 files (no relations, no document labels) still read.
//!
//! ```json
//! {"format": "sift-annotations", "version": 2,
//!  "labels": [{"name": "number", "color": "#0072b2", "key": "3"},
//!             {"name": "said-by", "color": "#56b4e9", "scope": "relation"},
//!             {"name": "politics", "color": "#009e73", "key": "p", "scope": "document"}],
//!  "documents": [{"id": "…", "name": "…", "url": "https://…", "date": "2024-03-23", "text": "…",
//!    "spans": [{"id": "number:12-24", "start": 12, "end": 24, "start_utf16": 12, "end_utf16": 24,
//!               "label": "number", "text": "at least 115", "origin": "auto", "status": "suggested",
//!               "rule": "number.bound", "why": "…", "attrs": {"kind": "cardinal", "value": 115}}],
//!    "relations": [{"id": "r1", "from": "claim:0-40", "to": "source:0-12", "label": "said-by",
//!                   "origin": "manual", "status": "accepted"}],
//!    "categories": [{"label": "politics", "origin": "manual", "status": "accepted"}]}]}
//! ```
//!
//! **Relations** link two spans of one document by span id, typed by a label of scope `relation`; **categories**
//! are labels of scope `document` on the whole text. Both default `origin`/`status` as spans do. `url` and
//! `date` (optional) say where and when the article was published ([`super::published`]).
//!
//! **Units.** `start`/`end` are Unicode code points (Python `str` indices), end exclusive. `start_utf16`/`end_utf16`
//! are the same edges in UTF-16 code units, written for JavaScript consumers; on reading they are optional and,
//! when present, must agree. `text` is the covered slice, written so that a reader can check the offsets.
//!
//! **Reading is strict**: every problem (wrong format name or version, offsets out of range or reversed, a `text`
//! that is not the slice, disagreeing UTF-16 offsets, an edge inside a grapheme cluster, duplicate ids, bad
//! label colours, a relation whose `from` or `to` is not a span of its document, a document label set twice) is
//! reported with its path, e.g. `documents[2].spans[14]: text "…" does not match the document text at 12..24
//! ("…")`. Missing optional fields are defaulted: ids become `label:start-end`, `origin` becomes
//! `manual`, `status` becomes `accepted` (`suggested` for automatic spans), `labels` become the built-in labels,
//! and a label used but not declared is added (and said so in `repairs`). Unknown keys are ignored and listed in
//! `losses`.
//!
//! **Comparisons** (optional): a top-level `"comparisons": {"version": 1, "decisions": [...]}` keeps the user's
//! decisions on a comparison of the file's documents (`{"type": "reviewed", "group": "killed"}`, `{"type":
//! "merge", "into": …, "from": …}`, `{"type": "split", "group": …, "doc": 0, "start": …, "end": …}`; see
//! [`crate::compare::Decision`]). [`read_comparisons`] reads it, [`write_json_with`] writes it; files without it are
//! still version 1.
//!
//! **JSONL** (`.jsonl`): one document object per line, optionally preceded by a header line
//! `{"format": "sift-annotations", "version": 2, "labels": […]}`. The CLI's stream lines `{"id", "text", "spans"}`
//! are documents without a `name`, so they read as JSONL too.

use super::common::{clip, json_type, jsonl_lines, parse_json, quote, show, Labels};
pub use super::sift_write::Fields;
use super::sift_write::{DocOut, FileOut, HeaderOut};
use super::{links, Import};
use crate::annotation::{sort_spans, Attrs, Document, Label, Scope, Span};
use crate::compare::Comparisons;
use crate::text::OffsetMap;
use crate::{Error, ErrorKind};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "sift-annotations";
/// The version this code reads and writes.
pub const VERSION: u64 = 2;
/// The oldest version this code reads (version 1 has no relations and no document labels).
pub const OLDEST: u64 = 1;

/// How many problems an error message lists before summing up the rest.
const MAX_PROBLEMS: usize = 8;

/// Reads a `sift-annotations` JSON file.
pub fn read_json(input: &str) -> Result<Import, Error> {
    let v = parse_json("sift-annotations", input)?;
    let mut r = Reader::default();
    let Some(top) = v.as_object() else {
        return Err(Error::new(
            ErrorKind::Invalid,
            format!("sift-annotations: the file holds {}, not an object", json_type(&v)),
        ));
    };
    r.header(top, "")?;
    r.unknown_keys(top, "", &["format", "version", "labels", "documents", "comparisons"]);
    if let Err(p) = comparisons_of(top) {
        r.problem(p);
    }
    match top.get("documents") {
        None => r.problem("`documents` is missing".to_string()),
        Some(Value::Array(docs)) => {
            for (i, d) in docs.iter().enumerate() {
                r.document(d, &format!("documents[{i}]"), i);
            }
        }
        Some(other) => r.problem(format!("`documents` must be an array, not {}", json_type(other))),
    }
    r.finish()
}

/// The `comparisons` section of a `sift-annotations` JSON file (the user's decisions on a comparison of its
/// documents, [`crate::compare::Comparison::apply`]), `None` when the file has none. [`read_json`] checks the
/// section too, so a file it accepts gives `Ok` here.
pub fn read_comparisons(input: &str) -> Result<Option<Comparisons>, Error> {
    let v = parse_json("sift-annotations", input)?;
    let top = v.as_object().ok_or_else(|| {
        Error::new(ErrorKind::Invalid, format!("sift-annotations: the file holds {}, not an object", json_type(&v)))
    })?;
    comparisons_of(top).map_err(|p| Error::new(ErrorKind::Invalid, format!("sift-annotations: {p}")))
}

/// Reads the optional `comparisons` section; the problem as one line when it is malformed.
fn comparisons_of(top: &Map<String, Value>) -> Result<Option<Comparisons>, String> {
    let v = match top.get("comparisons") {
        None | Some(Value::Null) => return Ok(None),
        Some(v) => v,
    };
    match v.get("version") {
        Some(n) if n.as_u64() == Some(crate::compare::decisions::VERSION) => {}
        Some(n) => {
            return Err(format!(
                "`comparisons`: unsupported version {n}: this sift reads version {}",
                crate::compare::decisions::VERSION
            ))
        }
        None => return Err("`comparisons`: `version` is missing".to_string()),
    }
    serde_json::from_value::<Comparisons>(v.clone())
        .map(Some)
        .map_err(|e| format!("`comparisons`: {}", clip(&e.to_string())))
}

/// Reads sift JSONL: an optional header line, then one document per line (the CLI stream shape included).
pub fn read_jsonl(input: &str) -> Result<Import, Error> {
    let mut r = Reader::default();
    let mut first = true;
    let mut n = 0;
    for (line, text) in jsonl_lines(input) {
        let at = format!("line {line}");
        let v: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                r.problem_of(ErrorKind::Syntax, format!("{at}: not valid JSON at column {}: {e}", e.column()));
                continue;
            }
        };
        let is_header = v.get("format").is_some() && v.get("text").is_none();
        if is_header {
            if !first {
                r.problem(format!("{at}: a header line may only come first"));
                continue;
            }
            let obj = v.as_object().expect("has a key");
            r.header(obj, &format!("{at}: "))?;
            r.unknown_keys(obj, &at, &["format", "version", "labels"]);
        } else {
            r.document(&v, &at, n);
            n += 1;
        }
        first = false;
    }
    r.finish()
}

/// Writes a `sift-annotations` JSON file (pretty-printed, two-space indent).
pub fn write_json(docs: &[Document], labels: &[Label]) -> String {
    write_json_with(docs, labels, None)
}

/// Like [`write_json`], with the user's decisions on a comparison of the documents as the top-level
/// `comparisons` section (left out when `None`).
pub fn write_json_with(docs: &[Document], labels: &[Label], comparisons: Option<&Comparisons>) -> String {
    let file = FileOut { format: FORMAT_NAME, version: VERSION, labels, documents: docs, comparisons };
    let mut s = serde_json::to_string_pretty(&file).expect("strings and numbers serialize");
    s.push('\n');
    s
}

/// Like [`write_json`] (`jsonl: false`) or [`write_jsonl`], written to `out` as it is serialised: the output is
/// never held whole in memory.
pub fn write_to(docs: &[Document], labels: &[Label], jsonl: bool, mut out: impl std::io::Write) -> std::io::Result<()> {
    if jsonl {
        serde_json::to_writer(&mut out, &HeaderOut { format: FORMAT_NAME, version: VERSION, labels })?;
        out.write_all(b"\n")?;
        for d in docs {
            serde_json::to_writer(&mut out, &DocOut::new(d, true))?;
            out.write_all(b"\n")?;
        }
    } else {
        let file = FileOut { format: FORMAT_NAME, version: VERSION, labels, documents: docs, comparisons: None };
        serde_json::to_writer_pretty(&mut out, &file)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Writes sift JSONL: a header line with the labels, then one document per line.
pub fn write_jsonl(docs: &[Document], labels: &[Label]) -> String {
    let header = HeaderOut { format: FORMAT_NAME, version: VERSION, labels };
    let mut out = serde_json::to_string(&header).expect("strings and numbers serialize");
    out.push('\n');
    for d in docs {
        out.push_str(&serde_json::to_string(&DocOut::new(d, true)).expect("strings and numbers serialize"));
        out.push('\n');
    }
    out
}

/// One CLI stream line `{"id", "text", "spans"}` (no trailing newline); [`read_jsonl`] reads it back.
pub fn stream_line(doc: &Document) -> String {
    stream_line_warned(doc, None)
}

/// Like [`stream_line`], with a `"warning"` field when there is one (the document reached the span limit).
pub fn stream_line_warned(doc: &Document, warning: Option<&str>) -> String {
    serde_json::to_string(&DocOut::stream(doc, warning, Fields::ALL)).expect("strings and numbers serialize")
}

/// Like [`stream_line_warned`] with the `fields` chosen, written straight to `out`: no string per line.
pub fn write_stream_line<W: std::io::Write>(
    out: W,
    doc: &Document,
    warning: Option<&str>,
    fields: Fields,
) -> std::io::Result<()> {
    Ok(serde_json::to_writer(out, &DocOut::stream(doc, warning, fields))?)
}

/// A document as a JSON object, as the file holds it: `text`, `start_utf16` and `end_utf16` filled on every span,
/// relations and document labels when it has any.
pub fn document_json(doc: &Document) -> Value {
    serde_json::to_value(DocOut::new(doc, true)).expect("strings and numbers serialize")
}

/// Accumulates documents, labels and problems while reading.
#[derive(Default)]
struct Reader {
    labels: Option<Labels>,
    documents: Vec<Document>,
    doc_ids: HashSet<String>,
    problems: Vec<String>,
    /// The kind of the first problem: the one a caller sees first.
    kind: Option<ErrorKind>,
    losses: Vec<String>,
    repairs: Vec<String>,
}

const SPAN_KEYS: &[&str] = &[
    "id",
    "start",
    "end",
    "start_utf16",
    "end_utf16",
    "label",
    "text",
    "origin",
    "status",
    "rule",
    "why",
    "note",
    "attrs",
];

impl Reader {
    fn problem(&mut self, p: String) {
        self.problem_of(ErrorKind::Invalid, p);
    }

    fn problem_of(&mut self, kind: ErrorKind, p: String) {
        self.kind.get_or_insert(kind);
        self.problems.push(p);
    }

    /// Checks `format` and `version` (fatal: nothing else makes sense otherwise) and reads `labels`.
    fn header(&mut self, top: &Map<String, Value>, at: &str) -> Result<(), Error> {
        match top.get("format") {
            Some(Value::String(f)) if f == FORMAT_NAME => {}
            Some(Value::String(f)) => {
                return Err(Error::new(
                    ErrorKind::Invalid,
                    format!("{at}not a sift-annotations file: `format` is {}, expected {FORMAT_NAME:?}", quote(f)),
                ))
            }
            Some(v) => {
                return Err(Error::new(
                    ErrorKind::Invalid,
                    format!("{at}`format` must be the string {FORMAT_NAME:?}, not {}", json_type(v)),
                ))
            }
            None => {
                return Err(Error::new(
                    ErrorKind::Invalid,
                    format!("{at}not a sift-annotations file: `format` is missing"),
                ))
            }
        }
        match top.get("version") {
            Some(v) if v.as_u64().is_some_and(|n| (OLDEST..=VERSION).contains(&n)) => {}
            Some(v) => {
                return Err(Error::new(
                    ErrorKind::Unsupported,
                    format!(
                        "{at}unsupported sift-annotations version {v}: this sift reads versions {OLDEST} to {VERSION}"
                    ),
                ))
            }
            None => {
                return Err(Error::new(ErrorKind::Invalid, format!("{at}`version` is missing (expected {VERSION})")))
            }
        }
        match top.get("labels") {
            None | Some(Value::Null) => {}
            Some(Value::Array(ls)) => {
                let mut labels = Labels::empty();
                let mut keys = HashSet::new();
                for (i, l) in ls.iter().enumerate() {
                    let p = format!("{at}labels[{i}]");
                    match serde_json::from_value::<Label>(l.clone()) {
                        Err(e) => self.problem(format!("{p}: {}", clip(&e.to_string()))),
                        Ok(label) => {
                            if label.name.trim().is_empty() {
                                self.problem(format!("{p}: `name` is empty"));
                            } else if labels.has_in(&label.name, label.scope) {
                                self.problem(format!("{p}: label {} is declared twice", quote(&label.name)));
                            }
                            if !is_hex_color(&label.color) {
                                self.problem(format!(
                                    "{p}: `color` {} is not of the form #rrggbb",
                                    quote(&label.color)
                                ));
                            }
                            if let Some(k) = &label.key {
                                if k.chars().count() != 1 {
                                    self.problem(format!("{p}: `key` {} must be one character", quote(k)));
                                } else if !keys.insert((label.scope, k.clone())) {
                                    self.problem(format!("{p}: key {} is already used by another label", quote(k)));
                                }
                            }
                            if let Some(o) = l.as_object() {
                                self.unknown_keys(o, &p, &["name", "color", "key", "scope"]);
                            }
                            labels.list.push(label);
                        }
                    }
                }
                self.labels = Some(labels);
            }
            Some(v) => self.problem(format!("{at}`labels` must be an array, not {}", json_type(v))),
        }
        Ok(())
    }

    fn unknown_keys(&mut self, o: &Map<String, Value>, at: &str, known: &[&str]) {
        for k in o.keys().filter(|k| !known.contains(&k.as_str())) {
            let sep = if at.is_empty() { "" } else { ": " };
            self.losses.push(format!("sift-annotations: {at}{sep}unknown key `{k}` ignored"));
        }
    }

    fn document(&mut self, v: &Value, at: &str, index: usize) {
        let Some(o) = v.as_object() else {
            self.problem(format!("{at}: a document must be an object, not {}", json_type(v)));
            return;
        };
        self.unknown_keys(o, at, &["id", "name", "text", "spans", "relations", "categories", "url", "date"]);
        let text = match o.get("text") {
            Some(Value::String(t)) => t.clone(),
            Some(x) => return self.problem(format!("{at}: `text` must be a string, not {}", json_type(x))),
            None => return self.problem(format!("{at}: `text` is missing")),
        };
        let id = match o.get("id") {
            None | Some(Value::Null) => format!("doc-{}", index + 1),
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            Some(x) => return self.problem(format!("{at}: `id` must be a non-empty string, not {}", json_type(x))),
        };
        if !self.doc_ids.insert(id.clone()) {
            self.problem(format!("{at}: document id {} is used twice", quote(&id)));
        }
        let name = match o.get("name") {
            Some(Value::String(s)) => s.clone(),
            None | Some(Value::Null) => id.clone(),
            Some(x) => return self.problem(format!("{at}: `name` must be a string, not {}", json_type(x))),
        };
        let map = OffsetMap::new(&text);
        let mut spans = Vec::new();
        match o.get("spans") {
            None | Some(Value::Null) => {}
            Some(Value::Array(list)) => {
                let mut ids = HashSet::new();
                for (j, s) in list.iter().enumerate() {
                    let p = format!("{at}.spans[{j}]");
                    if let Some(span) = self.span(s, &p, &text, &map) {
                        if !span.id.is_empty() && !ids.insert(span.id.clone()) {
                            self.problem(format!("{p}: span id {} is used twice in this document", quote(&span.id)));
                        }
                        spans.push(span);
                    }
                }
            }
            Some(x) => self.problem(format!("{at}: `spans` must be an array, not {}", json_type(x))),
        }
        super::common::fill_ids(&mut spans);
        sort_spans(&mut spans);
        let (url, date, bad) = super::published::read(o);
        bad.into_iter().for_each(|b| self.problem(format!("{at}: {b}")));
        let mut doc = Document { url, date, ..Document::new(id, name, text, spans) };
        doc.relations = self.list(o, at, "relations", links::read_relation, links::RELATION_KEYS);
        doc.categories = self.list(o, at, "categories", links::read_category, links::CATEGORY_KEYS);
        for r in &doc.relations {
            self.label_met(&r.label, Scope::Relation, at);
        }
        for c in &doc.categories {
            self.label_met(&c.label, Scope::Document, at);
        }
        for (list, i, p) in links::settle_strict(&doc) {
            self.problem(format!("{at}.{list}[{i}]: {p}"));
        }
        self.documents.push(doc);
    }

    /// Reads the array `key` of document `o` with `one`, reporting each item that does not read.
    fn list<T>(
        &mut self,
        o: &Map<String, Value>,
        at: &str,
        key: &str,
        one: fn(&Value) -> Result<T, Vec<String>>,
        keys: &[&str],
    ) -> Vec<T> {
        let items = match o.get(key) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(x) => {
                self.problem(format!("{at}: `{key}` must be an array, not {}", json_type(x)));
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            let p = format!("{at}.{key}[{i}]");
            if let Some(obj) = v.as_object() {
                self.unknown_keys(obj, &p, keys);
            }
            match one(v) {
                Ok(x) => out.push(x),
                Err(bad) => bad.into_iter().for_each(|b| self.problem(format!("{p}: {b}"))),
            }
        }
        out
    }

    /// Adds a label met on a span, relation or document that the file did not declare (saying so when it
    /// declared others).
    fn label_met(&mut self, label: &str, scope: Scope, at: &str) {
        match &mut self.labels {
            Some(ls) => {
                if ls.ensure_in(label, scope) {
                    self.repairs.push(format!("{at}: label {} was not declared; added", super::common::quote(label)));
                }
            }
            None => {
                let mut ls = Labels::builtin();
                ls.ensure_in(label, scope);
                self.labels = Some(ls);
            }
        }
    }

    fn span(&mut self, v: &Value, at: &str, text: &str, map: &OffsetMap) -> Option<Span> {
        let Some(o) = v.as_object() else {
            self.problem(format!("{at}: a span must be an object, not {}", json_type(v)));
            return None;
        };
        self.unknown_keys(o, at, SPAN_KEYS);
        let mut bad = Vec::new();
        let num = |k: &str, bad: &mut Vec<String>| -> Option<usize> {
            match o.get(k) {
                None => None,
                Some(x) => match super::common::as_offset(x) {
                    Some(n) => Some(n),
                    None => {
                        bad.push(format!("`{k}` must be a non-negative integer, not {}", show(x)));
                        None
                    }
                },
            }
        };
        let start = num("start", &mut bad);
        let end = num("end", &mut bad);
        let start16 = num("start_utf16", &mut bad);
        let end16 = num("end_utf16", &mut bad);
        let string = |k: &str, bad: &mut Vec<String>| -> Option<String> {
            match o.get(k) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(x) => {
                    bad.push(format!("`{k}` must be a string, not {}", json_type(x)));
                    None
                }
            }
        };
        let id = string("id", &mut bad).unwrap_or_default();
        let label = string("label", &mut bad);
        let quote = string("text", &mut bad);
        let rule = string("rule", &mut bad);
        let why = string("why", &mut bad);
        let note = string("note", &mut bad);
        let (origin, status) = links::review_fields(o, &mut bad);
        let attrs = match o.get("attrs") {
            None | Some(Value::Null) => Attrs::new(),
            Some(Value::Object(a)) => a.clone(),
            Some(x) => {
                bad.push(format!("`attrs` must be an object, not {}", json_type(x)));
                Attrs::new()
            }
        };
        if start.is_none() && !o.contains_key("start") {
            bad.push("`start` is missing".into());
        }
        if end.is_none() && !o.contains_key("end") {
            bad.push("`end` is missing".into());
        }
        match &label {
            None => bad.push("`label` is missing".into()),
            Some(l) if l.trim().is_empty() => bad.push("`label` is empty".into()),
            _ => {}
        }
        if id.is_empty() && matches!(o.get("id"), Some(Value::String(_))) {
            bad.push("`id` is empty".into());
        }
        let (Some(start), Some(end), Some(label)) = (start, end, label) else {
            for b in bad {
                self.problem(format!("{at}: {b}"));
            }
            return None;
        };
        let len = map.len_chars();
        if start > end {
            bad.push(format!("start {start} is after end {end}"));
        } else if end > len {
            bad.push(format!("offsets {start}..{end} run past the end of the document text ({len} code points)"));
        } else {
            let slice = map.slice(text, start, end);
            if let Some(q) = &quote {
                if q != slice {
                    bad.push(format!(
                        "text {:?} does not match the document text at {start}..{end} ({:?})",
                        clip(q),
                        clip(slice)
                    ));
                }
            }
            for (k, given, c) in [("start_utf16", start16, start), ("end_utf16", end16, end)] {
                if let Some(u) = given {
                    let want = map.char_to_utf16(c);
                    if u != want {
                        bad.push(format!("`{k}` is {u} but code point {c} is UTF-16 offset {want}"));
                    }
                }
            }
            for (k, c) in [("start", start), ("end", end)] {
                if !map.is_grapheme_boundary(c) {
                    bad.push(format!(
                        "`{k}` {c} splits a grapheme cluster (nearest boundaries {} and {})",
                        map.snap_back(c),
                        map.snap_forward(c)
                    ));
                }
            }
        }
        self.label_met(&label, Scope::Span, at);
        if !bad.is_empty() {
            for b in bad {
                self.problem(format!("{at}: {b}"));
            }
            return None;
        }
        Some(Span { id, start, end, label, origin, status, rule, why, note, attrs })
    }

    fn finish(self) -> Result<Import, Error> {
        if !self.problems.is_empty() {
            let n = self.problems.len();
            let mut msg = if n == 1 {
                "sift-annotations: 1 problem:".to_string()
            } else {
                format!("sift-annotations: {n} problems:")
            };
            for p in self.problems.iter().take(MAX_PROBLEMS) {
                msg.push_str("\n  ");
                msg.push_str(p);
            }
            if n > MAX_PROBLEMS {
                msg.push_str(&format!("\n  … and {} more", n - MAX_PROBLEMS));
            }
            return Err(Error::new(self.kind.unwrap_or(ErrorKind::Invalid), msg));
        }
        let labels = self.labels.unwrap_or_else(Labels::builtin).list;
        Ok(Import { labels, documents: self.documents, losses: self.losses, repairs: self.repairs })
    }
}

fn is_hex_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c.chars().skip(1).all(|ch| ch.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests;
