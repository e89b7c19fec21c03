//! doccano JSONL, the sequence-labelling export and import of doccano (and doccano-transformer).
//!
//! Shapes read: `{"text", "label": [[start, end, "LABEL"], …]}` (also spelled `labels`), the relation form
//! `{"text", "entities": [{"id", "start_offset", "end_offset", "label"}], "relations": [{"from_id", "to_id",
//! "type"}]}`, and the doccano 1.x form `{"text", "annotations": [{"label": 12, "start_offset", "end_offset",
//! "user"}]}`. A file that is one pretty-printed JSON object or array (doccano's own relation example) is accepted
//! too. Document labels are read from `cats` (doccano's intent-and-slot export), from strings in `label`
//! (its text-classification export) and from `label` objects `{"label": …}` (doccano 1.x).
//!
//! Written, one document per line: `{"id", "text", "label": [[start, end, "LABEL"], …]}`; when any document has
//! relations, every record takes the relation form `{"id", "text", "entities": [{"id", "label", "start_offset",
//! "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}`, as doccano's relation projects export;
//! document labels go in `"cats": ["LABEL", …]`.
//!
//! **Unit: UTF-16 code units, unless the file shows another.** doccano's browser editor (v-annotator) stores DOM
//! selection offsets, which are UTF-16 (an emoji counts 2); spans made by its CoNLL importer are code points, and
//! "grapheme mode" projects store grapheme-cluster indices. The spans carry no text, but on text with emoji or
//! joined characters offsets in the wrong unit fall outside the text, split characters or words, or take in
//! spaces: the whole file is read in the unit its spans fit best, UTF-16 on a tie, and a repair line says when
//! that is not UTF-16. Written: UTF-16.
//!
//! **Lost on export:** span ids (re-import derives `label:start-end`), origin, review status, rule, reason, note
//! and attributes; the origin and status of relations and document labels; rejected spans, relations and
//! document labels are left out. **Lost on import:** `meta` and other record keys; numeric label ids (1.x)
//! become label names such as `"12"`, and the `user` of a 1.x annotation is kept as attribute `annotator`.

use super::common::{
    fill_ids, finish, json_type, kept_spans, label_styles_lost, offset, parse_json, tally_span_fields, Labels, Placer,
    Tally, Unit,
};
use super::links;
use super::{Export, Import};
use crate::annotation::{Attrs, Category, Document, Label, Relation, Scope, Span};
use crate::text::OffsetMap;
use crate::{Error, ErrorKind};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::collections::HashSet;

/// Reads doccano JSONL (or one JSON object / array of records).
pub(crate) fn read(input: &str) -> Result<Import, Error> {
    let values = records(input)?;
    let mut labels = Labels::empty();
    let mut losses = Tally::default();
    let mut repairs = Vec::new();
    let mut parsed = Vec::with_capacity(values.len());
    for (i, (at, v)) in values.iter().enumerate() {
        let r = parse(v, i, &mut losses).map_err(|e| Error::new(ErrorKind::Invalid, format!("doccano: {at}: {e}")))?;
        parsed.push(r);
    }
    let placers: Vec<Placer> = parsed.iter().map(|r| Placer::new(r.text)).collect();
    let (unit, why) = guess_unit(parsed.iter().zip(&placers).map(|(r, p)| (p, r.raw.as_slice())));
    repairs.extend(why.map(|w| format!("doccano: {w}")));
    let mut documents = Vec::with_capacity(parsed.len());
    let mut doc_ids = HashSet::new();
    for ((r, placer), (at, _)) in parsed.into_iter().zip(&placers).zip(&values) {
        let doc = build(r, placer, unit, at, &mut labels, &mut losses, &mut repairs)
            .map_err(|e| Error::new(ErrorKind::Invalid, format!("doccano: {at}: {e}")))?;
        super::common::unique_doc_id(&mut doc_ids, &doc.id, &format!("doccano: {at}"))?;
        documents.push(doc);
    }
    Ok(Import { labels: labels.list, documents, losses: losses.lines("doccano"), repairs })
}

/// The unit of a file's offsets. doccano spans carry no text to check against, but the project setting is one for
/// the whole file, and offsets in the wrong unit betray themselves where the text has emoji or other clusters of
/// several code points: they fall outside the text or inside a surrogate pair, or their edges split a cluster or a
/// word or sit on a space. Only spans the units read differently count. UTF-16 (the browser editor, and sift's
/// own export) stays unless another unit reads every such span cleanly while UTF-16 reads one impossibly or puts
/// at least two edges wrong; the returned message then says so.
fn guess_unit<'a>(records: impl Iterator<Item = (&'a Placer<'a>, &'a [Raw])>) -> (Unit, Option<String>) {
    const UNITS: [Unit; 3] = [Unit::Utf16, Unit::CodePoint, Unit::Grapheme];
    // Per unit: spans read impossibly, odd edges, spans with any fault; over the spans the units disagree on.
    let mut score = [(0usize, 0usize, 0usize); 3];
    let mut differing = 0;
    for (placer, raw) in records {
        // Without astral code points or multi-point clusters the three units agree.
        if placer.map.len_utf16() == placer.map.len_chars() && placer.map.len_graphemes() == placer.map.len_chars() {
            continue;
        }
        for r in raw {
            let read = UNITS.map(|u| placer.to_chars(r.start, r.end, u));
            if read.iter().all(|x| *x == read[0]) {
                continue;
            }
            differing += 1;
            for (x, sc) in read.iter().zip(score.iter_mut()) {
                let odd = x.map_or(0, |(s, e)| odd_edges(placer, s, e));
                sc.0 += usize::from(x.is_none());
                sc.1 += odd;
                sc.2 += usize::from(x.is_none() || odd > 0);
            }
        }
    }
    let utf16_wrong = score[0].0 > 0 || score[0].1 >= 2;
    let Some(best) = (1..UNITS.len()).find(|&i| utf16_wrong && score[i].2 == 0) else {
        return (Unit::Utf16, None);
    };
    let unit = UNITS[best];
    let writer = if unit == Unit::CodePoint { "doccano's CoNLL importer" } else { "doccano's grapheme mode" };
    let why = format!(
        "offsets read as {} (as {writer} writes them), not UTF-16 units: read as UTF-16, {} of the {differing} spans \
         on text with emoji or joined characters would fall outside the text, split a character or a word, or \
         take in a space",
        unit.name(),
        score[0].2,
    );
    (unit, Some(why))
}

/// How many of a span's edges look wrong: empty, inside a grapheme cluster, inside a word, or on a space.
fn odd_edges(placer: &Placer, s: usize, e: usize) -> usize {
    let at = |k: usize| placer.slice(k, k + 1).chars().next();
    let word = |k: Option<usize>| k.and_then(at).is_some_and(char::is_alphanumeric);
    let mid_word = |k: usize| word(k.checked_sub(1)) && word(Some(k));
    let space = |k: Option<usize>| k.and_then(at).is_some_and(char::is_whitespace);
    if s >= e {
        return 1;
    }
    [
        !placer.map.is_grapheme_boundary(s),
        !placer.map.is_grapheme_boundary(e),
        mid_word(s),
        mid_word(e),
        space(Some(s)),
        space(e.checked_sub(1)),
    ]
    .iter()
    .filter(|&&b| b)
    .count()
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

/// A record as read, before its spans are placed (which needs the unit of the whole file).
struct Record<'a> {
    id: String,
    text: &'a str,
    raw: Vec<Raw>,
    cats: Vec<String>,
    relations: Option<&'a Value>,
}

fn parse<'a>(v: &'a Value, index: usize, losses: &mut Tally) -> Result<Record<'a>, String> {
    let o = v.as_object().ok_or_else(|| format!("a record must be an object, not {}", json_type(v)))?;
    let text = match o.get("text") {
        Some(Value::String(t)) => t.as_str(),
        Some(x) => return Err(format!("`text` must be a string, not {}", json_type(x))),
        None => return Err("`text` is missing (every doccano record needs the document text)".into()),
    };
    let id = match o.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("doc-{}", index + 1),
    };
    // (start, end, label, annotator, entity id) in the file's unit, with where each came from.
    let mut raw: Vec<Raw> = Vec::new();
    let mut cats: Vec<String> = Vec::new();
    for key in ["label", "labels"] {
        match o.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(list)) => {
                for (j, item) in list.iter().enumerate() {
                    let p = format!("{key}[{j}]");
                    match item {
                        Value::String(cat) if !cat.is_empty() => cats.push(cat.clone()),
                        Value::Object(c) if c.get("label").and_then(label_name).is_some() => {
                            cats.extend(c.get("label").and_then(label_name));
                        }
                        Value::Array(t) if t.len() == 3 => raw.push(triple(t, p)?),
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
                    if let Value::Array(t) = item {
                        // doccano's intent-and-slot export writes entities as triples.
                        if t.len() == 3 {
                            raw.push(triple(t, p)?);
                            continue;
                        }
                    }
                    let io = item.as_object().ok_or_else(|| format!("{p}: must be an object"))?;
                    let s = offset(io.get("start_offset"), "start_offset").map_err(|e| format!("{p}: {e}"))?;
                    let e = offset(io.get("end_offset"), "end_offset").map_err(|e| format!("{p}: {e}"))?;
                    let l = io.get("label").and_then(label_name).ok_or_else(|| format!("{p}: `label` is missing"))?;
                    if io.get("label").is_some_and(Value::is_number) {
                        losses.add("numeric label id kept as the label name");
                    }
                    let eid = io.get("id").filter(|v| !v.is_null()).map(Value::to_string);
                    raw.push(Raw { start: s, end: e, label: l, user: io.get("user").cloned(), entity: eid, at: p });
                }
            }
            Some(x) => return Err(format!("`{key}` must be an array, not {}", json_type(x))),
        }
    }
    match o.get("cats") {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            for (j, c) in list.iter().enumerate() {
                cats.push(label_name(c).ok_or_else(|| format!("cats[{j}]: a document label must be a string"))?);
            }
        }
        Some(x) => return Err(format!("`cats` must be an array, not {}", json_type(x))),
    }
    for k in o.keys() {
        if !["text", "id", "label", "labels", "entities", "annotations", "relations", "cats"].contains(&k.as_str()) {
            losses.add(format!("record key `{k}` dropped"));
        }
    }
    Ok(Record { id, text, raw, cats, relations: o.get("relations") })
}

fn build(
    r: Record,
    placer: &Placer,
    unit: Unit,
    at: &str,
    labels: &mut Labels,
    losses: &mut Tally,
    repairs: &mut Vec<String>,
) -> Result<Document, String> {
    let Record { id, text, raw, cats, relations } = r;
    let mut spans = Vec::new();
    // (extent, label, annotator) -> index of its span: a repeated one is merged into the first.
    let mut seen = HashMap::new();
    // Entity id -> index of its span.
    let mut by_entity: HashMap<String, usize> = HashMap::new();
    for Raw { start: s, end: e, label: l, user, entity, at: p } in raw {
        let placed = match placer.place(s, e, unit, None, None) {
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
        let index = *seen.entry(key).or_insert(spans.len());
        if let Some(eid) = entity {
            by_entity.insert(eid, index);
        }
        if index < spans.len() {
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
    fill_ids(&mut spans);
    let relations = read_relations(relations, &by_entity, &spans, labels, losses)?;
    let mut doc = finish(Document::new(id.clone(), id, text.to_string(), spans));
    doc.relations = relations;
    for c in cats {
        labels.ensure_in(&c, Scope::Document);
        doc.categories.push(Category::manual(c));
    }
    links::settle_loose(&mut doc, losses);
    Ok(doc)
}

/// A span as the record gives it, before placing.
struct Raw {
    start: usize,
    end: usize,
    label: String,
    user: Option<Value>,
    /// The entity's `id`, as JSON text, for relations to point at.
    entity: Option<String>,
    at: String,
}

/// `[start, end, "LABEL"]`.
fn triple(t: &[Value], at: String) -> Result<Raw, String> {
    let start = offset(t.first(), "start").map_err(|e| format!("{at}: {e}"))?;
    let end = offset(t.get(1), "end").map_err(|e| format!("{at}: {e}"))?;
    let label = t.get(2).and_then(label_name).ok_or_else(|| format!("{at}: the label must be a string or a number"))?;
    Ok(Raw { start, end, label, user: None, entity: None, at })
}

/// The record's `relations: [{"from_id", "to_id", "type"}]`, by the ids of the spans their entities became.
fn read_relations(
    v: Option<&Value>,
    by_entity: &HashMap<String, usize>,
    spans: &[Span],
    labels: &mut Labels,
    losses: &mut Tally,
) -> Result<Vec<Relation>, String> {
    let list = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(list)) => list,
        Some(x) => return Err(format!("`relations` must be an array, not {}", json_type(x))),
    };
    let mut out = Vec::new();
    for (j, r) in list.iter().enumerate() {
        let p = format!("relations[{j}]");
        let ro = r.as_object().ok_or_else(|| format!("{p}: a relation must be an object, not {}", json_type(r)))?;
        let ty = ro.get("type").and_then(label_name).ok_or_else(|| format!("{p}: `type` is missing"))?;
        let end = |k: &str| ro.get(k).and_then(|v| by_entity.get(&v.to_string())).map(|&i| spans[i].id.clone());
        match (end("from_id"), end("to_id")) {
            (Some(from), Some(to)) => {
                labels.ensure_in(&ty, Scope::Relation);
                out.push(Relation::manual(from, to, ty));
            }
            _ => losses.add("relation to an entity not in the record dropped"),
        }
    }
    Ok(out)
}

fn label_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Writes doccano JSONL with UTF-16 offsets: the `label` form, or the relation form for every record when any
/// document has relations; document labels in `cats`.
pub(crate) fn write(docs: &[Document], labels: &[Label]) -> Export {
    let mut t = Tally::default();
    let mut out = String::new();
    let relation_form = docs.iter().any(|d| d.relations.iter().any(|r| r.status != crate::Status::Rejected));
    for d in docs {
        let map = OffsetMap::new(&d.text);
        // (extent, label) -> entity id (its index among the written spans); a repeat is written once.
        let mut seen = HashMap::new();
        // Span id -> entity id, so that relations to a repeat point at the one written.
        let mut entity: HashMap<&str, usize> = HashMap::new();
        let mut spans: Vec<Value> = Vec::new();
        for s in kept_spans(d, &mut t) {
            tally_span_fields(&mut t, s, &[]);
            let index = *seen.entry((s.start, s.end, s.label.as_str())).or_insert(spans.len());
            entity.entry(s.id.as_str()).or_insert(index);
            if index < spans.len() {
                t.add("duplicate span (same extent and label) written once");
                continue;
            }
            let (start, end) = (map.char_to_utf16(s.start), map.char_to_utf16(s.end));
            spans.push(if relation_form {
                json!({"id": spans.len(), "label": s.label, "start_offset": start, "end_offset": end})
            } else {
                json!([start, end, s.label])
            });
        }
        if d.name != d.id {
            t.add("document name dropped");
        }
        let mut record = json!({"id": d.id, "text": d.text});
        if relation_form {
            let written: HashSet<&str> = entity.keys().copied().collect();
            let relations: Vec<Value> = links::kept_relations(d, &written, &[], &mut t)
                .into_iter()
                .enumerate()
                .map(|(k, r)| {
                    json!({"id": k, "from_id": entity[r.from.as_str()], "to_id": entity[r.to.as_str()], "type": r.label})
                })
                .collect();
            record["entities"] = Value::Array(spans);
            record["relations"] = Value::Array(relations);
        } else {
            record["label"] = Value::Array(spans);
            links::kept_relations(d, &HashSet::new(), &[], &mut t);
        }
        let cats: Vec<&str> = links::kept_categories(d, false, &mut t).iter().map(|c| c.label.as_str()).collect();
        if !cats.is_empty() {
            record["cats"] = json!(cats);
        }
        out.push_str(&record.to_string());
        out.push('\n');
    }
    Export {
        files: vec![("annotations.doccano.jsonl".into(), out)],
        losses: t.lines("doccano").into_iter().chain(label_styles_lost("doccano", labels)).collect(),
    }
}
