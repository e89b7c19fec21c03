//! doccano JSONL, the sequence-labelling export and import of doccano (and doccano-transformer).
//!
//! Shapes read: `{"text", "label": [[start, end, "LABEL"], …]}` (also spelled `labels`), the relation form
//! `{"text", "entities": [{"id", "start_offset", "end_offset", "label"}], "relations": [{"from_id", "to_id",
//! "type"}]}`, and the doccano 1.x form `{"text", "annotations": [{"label": 12, "start_offset", "end_offset",
//! "user"}]}`. A file that is one pretty-printed JSON object or array (doccano's own relation example) is accepted
//! too. Written: `{"id", "text", "label": [[start, end, "LABEL"], …]}`, one document per line.
//!
//! **Unit: UTF-16 code units.** doccano's browser editor (v-annotator) stores DOM selection offsets, which are
//! UTF-16; an emoji counts 2. In "grapheme mode" projects doccano stores grapheme-cluster indices, and spans made
//! by its CoNLL importer are code points; neither can be told from the file (doccano spans carry no text), so
//! this reader assumes UTF-16, and the two agree on text without characters outside the Basic Multilingual Plane.
//!
//! **Lost on export:** span ids (re-import derives `label:start-end`), origin, review status, rule, reason, note
//! and attributes; rejected spans are left out. **Lost on import:** relations, document-level categories,
//! `meta` and other record keys; numeric label ids (1.x) become label names such as `"12"`, and the `user` of a
//! 1.x annotation is kept as attribute `annotator`.

use super::common::{
    finish, json_type, kept_spans, label_styles_lost, offset, parse_json, tally_span_fields, Labels, Placer, Tally,
    Unit,
};
use super::{Export, Import};
use crate::annotation::{Attrs, Document, Label, Span};
use crate::text::OffsetMap;
use crate::{Error, ErrorKind};
use serde_json::{json, Value};
use std::collections::HashSet;

/// Reads doccano JSONL (or one JSON object / array of records).
pub(crate) fn read(input: &str) -> Result<Import, Error> {
    let records = records(input)?;
    let mut labels = Labels::empty();
    let mut losses = Tally::default();
    let mut repairs = Vec::new();
    let mut documents = Vec::new();
    let mut doc_ids = HashSet::new();
    for (i, (at, v)) in records.iter().enumerate() {
        let doc = record(v, at, i, &mut labels, &mut losses, &mut repairs)
            .map_err(|e| Error::new(ErrorKind::Invalid, format!("doccano: {at}: {e}")))?;
        super::common::unique_doc_id(&mut doc_ids, &doc.id, &format!("doccano: {at}"))?;
        documents.push(doc);
    }
    Ok(Import { labels: labels.list, documents, losses: losses.lines("doccano"), repairs })
}

/// Splits the input into `(location, record)`; JSONL first, one JSON value as the fallback.
fn records(input: &str) -> Result<Vec<(String, Value)>, Error> {
    let mut out = Vec::new();
    for (n, line) in super::common::jsonl_lines(input) {
        match serde_json::from_str::<Value>(line) {
            Ok(v) => out.push((format!("line {n}"), v)),
            Err(e) => {
                if out.is_empty() {
                    // Not JSONL: maybe one pretty-printed object or an array of records.
                    if let Ok(v) = parse_json("doccano", input) {
                        return Ok(match v {
                            Value::Array(a) => {
                                a.into_iter().enumerate().map(|(i, v)| (format!("record [{i}]"), v)).collect()
                            }
                            v => vec![("the record".to_string(), v)],
                        });
                    }
                }
                return Err(Error::new(
                    ErrorKind::Syntax,
                    format!("doccano: line {n}: not valid JSON at column {}: {e}", e.column()),
                ));
            }
        }
    }
    Ok(out)
}

fn record(
    v: &Value,
    at: &str,
    index: usize,
    labels: &mut Labels,
    losses: &mut Tally,
    repairs: &mut Vec<String>,
) -> Result<Document, String> {
    let o = v.as_object().ok_or_else(|| format!("a record must be an object, not {}", json_type(v)))?;
    let text = match o.get("text") {
        Some(Value::String(t)) => t.clone(),
        Some(x) => return Err(format!("`text` must be a string, not {}", json_type(x))),
        None => return Err("`text` is missing (every doccano record needs the document text)".into()),
    };
    let id = match o.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("doc-{}", index + 1),
    };
    let placer = Placer::new(&text);
    // (start, end, label, annotator) in UTF-16 units, with where each came from.
    let mut raw: Vec<(usize, usize, String, Option<Value>, String)> = Vec::new();
    for key in ["label", "labels"] {
        match o.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(list)) => {
                for (j, item) in list.iter().enumerate() {
                    let p = format!("{key}[{j}]");
                    match item {
                        Value::String(cat) => losses.add(format!(
                            "document category `{}` dropped (text classification)",
                            super::common::clip(cat)
                        )),
                        Value::Array(t) if t.len() == 3 => {
                            let s = offset(t.first(), "start").map_err(|e| format!("{p}: {e}"))?;
                            let e = offset(t.get(1), "end").map_err(|e| format!("{p}: {e}"))?;
                            let l = label_name(&t[2])
                                .ok_or_else(|| format!("{p}: the label must be a string or a number"))?;
                            raw.push((s, e, l, None, p));
                        }
                        x => {
                            return Err(format!(
                                "{p}: expected [start, end, \"LABEL\"], found {}",
                                super::common::show(x)
                            ))
                        }
                    }
                }
            }
            Some(x) => return Err(format!("`{key}` must be an array, not {}", json_type(x))),
        }
    }
    for key in ["entities", "annotations"] {
        match o.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(list)) => {
                for (j, item) in list.iter().enumerate() {
                    let p = format!("{key}[{j}]");
                    let io = item.as_object().ok_or_else(|| format!("{p}: must be an object"))?;
                    let s = offset(io.get("start_offset"), "start_offset").map_err(|e| format!("{p}: {e}"))?;
                    let e = offset(io.get("end_offset"), "end_offset").map_err(|e| format!("{p}: {e}"))?;
                    let l = io.get("label").and_then(label_name).ok_or_else(|| format!("{p}: `label` is missing"))?;
                    if io.get("label").is_some_and(Value::is_number) {
                        losses.add("numeric label id kept as the label name");
                    }
                    raw.push((s, e, l, io.get("user").cloned(), p));
                }
            }
            Some(x) => return Err(format!("`{key}` must be an array, not {}", json_type(x))),
        }
    }
    if let Some(Value::Array(rel)) = o.get("relations") {
        for r in rel {
            let ty = r.get("type").and_then(Value::as_str).unwrap_or("?");
            losses.add(format!("relation `{ty}` dropped (sift has no relations)"));
        }
    }
    for k in o.keys() {
        if !["text", "id", "label", "labels", "entities", "annotations", "relations"].contains(&k.as_str()) {
            losses.add(format!("record key `{k}` dropped"));
        }
    }
    let mut spans = Vec::new();
    let mut seen = HashSet::new();
    for (s, e, l, user, p) in raw {
        let placed = match placer.place(s, e, Unit::Utf16, None, None) {
            Ok(x) => x,
            Err(m) => {
                losses.add(format!("{at}: {p}: {m}; span dropped"));
                continue;
            }
        };
        if let Some(r) = placed.repair {
            repairs.push(format!("doccano: {at}: {p}: {r}"));
        }
        let key = (placed.start, placed.end, l.clone(), user.as_ref().map(Value::to_string));
        if !seen.insert(key) {
            losses.add("duplicate span merged");
            continue;
        }
        labels.ensure(&l);
        let mut attrs = Attrs::new();
        if let Some(u) = user {
            attrs.insert("annotator".into(), u);
        }
        spans.push(Span { attrs, ..Span::manual(String::new(), placed.start..placed.end, l) });
    }
    Ok(finish(Document::new(id.clone(), id, text, spans)))
}

fn label_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Writes doccano JSONL with UTF-16 offsets.
pub(crate) fn write(docs: &[Document], labels: &[Label]) -> Export {
    let mut t = Tally::default();
    let mut out = String::new();
    for d in docs {
        let map = OffsetMap::new(&d.text);
        let mut seen = HashSet::new();
        let mut spans: Vec<Value> = Vec::new();
        for s in kept_spans(d, &mut t) {
            tally_span_fields(&mut t, s, &[]);
            if !seen.insert((s.start, s.end, s.label.as_str())) {
                t.add("duplicate span (same extent and label) written once");
                continue;
            }
            spans.push(json!([map.char_to_utf16(s.start), map.char_to_utf16(s.end), s.label]));
        }
        if d.name != d.id {
            t.add("document name dropped");
        }
        out.push_str(&json!({"id": d.id, "text": d.text, "label": spans}).to_string());
        out.push('\n');
    }
    Export {
        files: vec![("annotations.doccano.jsonl".into(), out)],
        losses: t.lines("doccano").into_iter().chain(label_styles_lost("doccano", labels)).collect(),
    }
}
