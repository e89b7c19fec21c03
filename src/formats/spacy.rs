//! spaCy / Prodigy JSONL: one task per line with `text`, `tokens` and `spans`, as Prodigy's `ner_manual` and
//! spaCy's `prodigy data-to-spacy` exchange them. Lines in spaCy v2's training shape
//! `["text", {"entities": [[start, end, "LABEL"]]}]` are read too.
//!
//! ```json
//! {"text": "…", "tokens": [{"text": "at", "start": 12, "end": 14, "id": 3, "ws": true}, …],
//!  "spans": [{"start": 12, "end": 24, "token_start": 3, "token_end": 5, "label": "number", "text": "at least 115"}],
//!  "meta": {"id": "…", "name": "…"}, "answer": "accept"}
//! ```
//!
//! **Unit: code points** (Python `str` indices: spaCy's `Token.idx`, `Span.start_char`). `token_end` is the index
//! of the last token, inclusive. A span whose `text` does not match as code points is tried as UTF-16 and then
//! repaired to the quoted text; a span with only `token_start`/`token_end` is placed from the tokens.
//!
//! **Tokens written** are Unicode word segments (UAX #29) without whitespace, cut at every span edge so that
//! spans always cover whole tokens; `ws` says whether whitespace follows. Line breaks are not tokens.
//!
//! **Extra keys.** Prodigy keeps unknown keys on spans, so sift writes its own (`id`, `origin`, `status`,
//! `rule`, `why`, `note`, `attrs`) there and reads them back; on import, other span keys (`source`, `score`,
//! `rank`, `input_hash`, …) become attributes. `answer: "reject"` marks the task's spans rejected, `"ignore"`
//! leaves them suggested.
//!
//! **Tasks and decisions.** A Prodigy answer is per task, so a rejected span is written as a task of its own
//! with `answer: "reject"` (as Prodigy stores a rejected suggestion), and on import tasks about the same input
//! (same `meta.id`, or same `_input_hash`) are merged into one document.
//!
//! **Relations** are Prodigy's (`rel.manual`): `{"head", "child", "head_span", "child_span", "label"}` from the
//! head span to the child span, with sift's `id`, `origin` and `status` beside (and the span `id` in the end
//! objects, so ends are found by id first). **Document labels** are spaCy's `cats` (1.0 set, 0.0 rejected), with
//! `cat_review` for the origin and status of labels that are not plain manual decisions; Prodigy's `accept`
//! (choice tasks, `options` declaring the labels) and a text-classification task's top-level `label` are read too.
//!
//! **Lost on export:** the label list (colours, keys); rejected relations, and relations to a rejected span (it
//! goes in a task of its own). **Lost on import:** task keys other than `text`, `spans`, `tokens`, `relations`,
//! `cats`, `cat_review`, `accept`, `options`, `label`, `meta.id`, `meta.name` and `answer` (Prodigy's hashes,
//! other `meta` fields), each counted in `losses`; relations with an end that is not a span.

use super::common::{finish, json_type, jsonl_lines, label_styles_lost, tokenize, Labels, Placer, Tally, Unit};
use super::links;
use super::{Export, Import};
use crate::annotation::{relation_id, Attrs, Category, Document, Label, Origin, Relation, Scope, Span, Status};
use crate::text::OffsetMap;
use crate::{Error, ErrorKind};
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};

const OWN_KEYS: &[&str] = &[
    "start",
    "end",
    "token_start",
    "token_end",
    "label",
    "text",
    "id",
    "origin",
    "status",
    "rule",
    "why",
    "note",
    "attrs",
];

/// Task keys the reader takes (`label` only on a task without spans: a text-classification decision).
const TASK_KEYS: &[&str] =
    &["text", "spans", "tokens", "meta", "answer", "relations", "cats", "cat_review", "accept", "options", "label"];

pub(crate) fn read(input: &str) -> Result<Import, Error> {
    let mut labels = Labels::empty();
    let mut losses = Tally::default();
    let mut repairs = Vec::new();
    let mut documents: Vec<Document> = Vec::new();
    let mut ids = HashSet::new();
    // Tasks about the same input (same `meta.id`, or same `_input_hash`) are one document: Prodigy keeps one task
    // per decision, e.g. a rejected suggestion beside the accepted annotation.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (n, line) in jsonl_lines(input) {
        let at = format!("line {n}");
        let v: Value = serde_json::from_str(line).map_err(|e| {
            Error::new(ErrorKind::Syntax, format!("spaCy/Prodigy: {at}: not valid JSON at column {}: {e}", e.column()))
        })?;
        let v = from_v2_tuple(v);
        let before = repairs.len();
        let d = task(&v, documents.len(), &mut labels, &mut losses, &mut repairs)
            .map_err(|e| Error::new(ErrorKind::Invalid, format!("spaCy/Prodigy: {at}: {e}")))?;
        for r in &mut repairs[before..] {
            *r = format!("spaCy/Prodigy: {at}: {r}");
        }
        let key = v
            .get("meta")
            .and_then(|m| m.get("id"))
            .and_then(Value::as_str)
            .map(|id| format!("id:{id}"))
            .or_else(|| v.get("_input_hash").map(|h| format!("hash:{h}")));
        if let Some(&i) = key.as_ref().and_then(|k| by_key.get(k)) {
            merge_task(&mut documents[i], d)
                .map_err(|e| Error::new(ErrorKind::Invalid, format!("spaCy/Prodigy: {at}: {e}")))?;
            continue;
        }
        super::common::unique_doc_id(&mut ids, &d.id, &format!("spaCy/Prodigy: {at}"))?;
        if let Some(k) = key {
            by_key.insert(k, documents.len());
        }
        documents.push(d);
    }
    for d in &mut documents {
        links::settle_loose(d, &mut losses);
    }
    Ok(Import { labels: labels.list, documents, losses: losses.lines("spaCy/Prodigy"), repairs })
}

/// Adds the spans, relations and document labels of another task on the same input to `doc`. Automatic span
/// ids that clash are renumbered (the task's relations follow); a clash of ids the file gave is an error.
fn merge_task(doc: &mut Document, other: Document) -> Result<(), String> {
    if other.text != doc.text {
        return Err(format!("document {} appears again with a different text", super::common::quote(&doc.id)));
    }
    let mut renamed: Vec<(usize, String)> = Vec::new();
    for mut s in other.spans {
        if doc.spans.iter().any(|x| x.id == s.id) {
            let auto = crate::annotation::auto_id(&s.label, &s.range());
            if s.id != auto && !s.id.starts_with(&format!("{auto}#")) {
                return Err(format!(
                    "span id {} is used twice in document {}",
                    super::common::quote(&s.id),
                    super::common::quote(&doc.id)
                ));
            }
            renamed.push((doc.spans.len(), std::mem::take(&mut s.id)));
        }
        doc.spans.push(s);
    }
    super::common::fill_ids(&mut doc.spans);
    let new_id: HashMap<String, String> = renamed.into_iter().map(|(i, old)| (old, doc.spans[i].id.clone())).collect();
    for mut r in other.relations {
        for end in [&mut r.from, &mut r.to] {
            if let Some(n) = new_id.get(end.as_str()) {
                end.clone_from(n);
            }
        }
        doc.relations.push(r);
    }
    doc.categories.extend(other.categories);
    crate::annotation::sort_spans(&mut doc.spans);
    Ok(())
}

/// spaCy v2 training data, `["text", {"entities": [[start, end, "LABEL"], …]}]`, as a task with `spans`.
fn from_v2_tuple(v: Value) -> Value {
    let Value::Array(items) = &v else { return v };
    let [Value::String(text), Value::Object(ann)] = items.as_slice() else { return v };
    let spans: Vec<Value> = ann
        .get("entities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| match e.as_array().map(Vec::as_slice) {
            Some([s, e, l]) => Some(json!({"start": s, "end": e, "label": l})),
            _ => None,
        })
        .collect();
    json!({"text": text, "spans": spans})
}

fn task(
    v: &Value,
    index: usize,
    labels: &mut Labels,
    losses: &mut Tally,
    repairs: &mut Vec<String>,
) -> Result<Document, String> {
    let o = v.as_object().ok_or_else(|| format!("a task must be an object, not {}", json_type(v)))?;
    let text = match o.get("text") {
        Some(Value::String(t)) => t.clone(),
        Some(x) => return Err(format!("`text` must be a string, not {}", json_type(x))),
        None => return Err("`text` is missing".into()),
    };
    let meta = o.get("meta").and_then(Value::as_object);
    let id = meta
        .and_then(|m| m.get("id"))
        .and_then(Value::as_str)
        .map_or_else(|| format!("doc-{}", index + 1), str::to_string);
    let name = meta.and_then(|m| m.get("name")).and_then(Value::as_str).map_or_else(|| id.clone(), str::to_string);
    for (k, _) in meta.into_iter().flatten().filter(|(k, _)| *k != "id" && *k != "name") {
        losses.add(format!("meta key `{k}` dropped"));
    }
    let has_spans = o.get("spans").and_then(Value::as_array).is_some_and(|a| !a.is_empty());
    for k in o.keys().filter(|k| !TASK_KEYS.contains(&k.as_str()) || (*k == "label" && has_spans)) {
        losses.add(format!("task key `{k}` dropped"));
    }
    let answer = o.get("answer").and_then(Value::as_str);
    let default_status = match answer {
        Some("reject") => Status::Rejected,
        Some("ignore") => Status::Suggested,
        _ => Status::Accepted,
    };
    let tokens: Vec<(usize, usize)> = match o.get("tokens") {
        Some(Value::Array(ts)) => ts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let s = super::common::offset(t.get("start"), "start").map_err(|e| format!("tokens[{i}]: {e}"))?;
                let e = super::common::offset(t.get("end"), "end").map_err(|e| format!("tokens[{i}]: {e}"))?;
                Ok((s, e))
            })
            .collect::<Result<_, String>>()?,
        _ => Vec::new(),
    };
    let placer = Placer::new(&text);
    let mut spans = Vec::new();
    let list = match o.get("spans") {
        None | Some(Value::Null) => &Vec::new(),
        Some(Value::Array(a)) => a,
        Some(x) => return Err(format!("`spans` must be an array, not {}", json_type(x))),
    };
    for (j, s) in list.iter().enumerate() {
        let p = format!("spans[{j}]");
        if !s.is_object() {
            return Err(format!("{p}: a span must be an object, not {}", json_type(s)));
        }
        let so = s.as_object().ok_or_else(|| format!("{p}: a span must be an object"))?;
        let tok = |k: &str| -> Result<Option<(usize, usize)>, String> {
            match so.get(k) {
                None => Ok(None),
                Some(x) => {
                    let i = super::common::as_offset(x)
                        .ok_or_else(|| format!("{p}: `{k}` must be a non-negative integer"))?;
                    tokens
                        .get(i)
                        .copied()
                        .map(Some)
                        .ok_or_else(|| format!("{p}: `{k}` {i} is past the last token ({})", tokens.len()))
                }
            }
        };
        let start = match so.get("start") {
            Some(_) => super::common::offset(so.get("start"), "start").map_err(|e| format!("{p}: {e}"))?,
            None => tok("token_start")?.ok_or_else(|| format!("{p}: `start` is missing"))?.0,
        };
        let end = match so.get("end") {
            Some(_) => super::common::offset(so.get("end"), "end").map_err(|e| format!("{p}: {e}"))?,
            None => tok("token_end")?.ok_or_else(|| format!("{p}: `end` is missing"))?.1,
        };
        let label = so
            .get("label")
            .and_then(Value::as_str)
            .filter(|l| !l.is_empty())
            .ok_or_else(|| format!("{p}: `label` is missing"))?;
        let quote = so.get("text").and_then(Value::as_str);
        let placed = match placer.place(start, end, Unit::CodePoint, Some(Unit::Utf16), quote) {
            Ok(x) => x,
            Err(m) => {
                losses.add(format!("document {} {p}: {m}; span dropped", index + 1));
                continue;
            }
        };
        if let Some(r) = placed.repair {
            repairs.push(format!("{p}: {r}"));
        }
        let string = |k: &str| so.get(k).and_then(Value::as_str).map(str::to_string);
        let origin = string("origin").as_deref().and_then(Origin::from_name).unwrap_or(Origin::Manual);
        let status = string("status").as_deref().and_then(Status::from_name).unwrap_or(default_status);
        let mut attrs: Attrs = so.get("attrs").and_then(Value::as_object).cloned().unwrap_or_default();
        for (k, v) in so.iter().filter(|(k, _)| !OWN_KEYS.contains(&k.as_str())) {
            attrs.insert(k.clone(), v.clone());
        }
        labels.ensure(label);
        spans.push(Span {
            id: string("id").unwrap_or_default(),
            start: placed.start,
            end: placed.end,
            label: label.to_string(),
            origin,
            status,
            rule: string("rule"),
            why: string("why"),
            note: string("note"),
            attrs,
        });
    }
    let mut seen = HashSet::new();
    for s in &spans {
        if !s.id.is_empty() && !seen.insert(s.id.clone()) {
            return Err(format!("span id {} is used twice", super::common::quote(&s.id)));
        }
    }
    let mut doc = finish(Document::new(id, name, text, spans));
    doc.relations = relations(o, &doc.spans, &tokens, default_status, labels, losses)?;
    doc.categories = categories(o, default_status, has_spans, labels, losses);
    Ok(doc)
}

/// The task's `relations` (Prodigy's `rel.manual`: `head_span` → `child_span`, or `head` → `child` token
/// indices), each end found among `spans` by the `id` sift writes there, else by offsets and label, else as the
/// span ending at the token. A relation with an end that is no span is dropped and counted.
fn relations(
    o: &Map<String, Value>,
    spans: &[Span],
    tokens: &[(usize, usize)],
    default_status: Status,
    labels: &mut Labels,
    losses: &mut Tally,
) -> Result<Vec<Relation>, String> {
    let list = match o.get("relations") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(a)) => a,
        Some(x) => return Err(format!("`relations` must be an array, not {}", json_type(x))),
    };
    let mut out = Vec::new();
    for (j, r) in list.iter().enumerate() {
        let ro = r
            .as_object()
            .ok_or_else(|| format!("relations[{j}]: a relation must be an object, not {}", json_type(r)))?;
        let Some(label) = ro.get("label").and_then(Value::as_str).filter(|l| !l.is_empty()) else {
            losses.add("relation without a label dropped");
            continue;
        };
        let end = |span_key: &str, token_key: &str| -> Option<String> {
            let found = match ro.get(span_key).and_then(Value::as_object) {
                Some(e) => {
                    let id = e.get("id").and_then(Value::as_str);
                    let at = |k: &str| e.get(k).and_then(super::common::as_offset);
                    let l = e.get("label").and_then(Value::as_str);
                    spans.iter().find(|s| id == Some(s.id.as_str())).or_else(|| {
                        spans.iter().find(|s| {
                            at("start") == Some(s.start) && at("end") == Some(s.end) && l.is_none_or(|l| l == s.label)
                        })
                    })
                }
                None => {
                    let token = ro.get(token_key).and_then(super::common::as_offset).and_then(|i| tokens.get(i));
                    token.and_then(|&(_, e)| spans.iter().find(|s| s.end == e))
                }
            };
            found.map(|s| s.id.clone())
        };
        let (Some(from), Some(to)) = (end("head_span", "head"), end("child_span", "child")) else {
            losses.add("relation to something that is not a span dropped");
            continue;
        };
        let string = |k: &str| ro.get(k).and_then(Value::as_str);
        labels.ensure_in(label, Scope::Relation);
        out.push(Relation {
            id: string("id").filter(|i| !i.is_empty()).map_or_else(|| relation_id(label, &from, &to), str::to_string),
            label: label.to_string(),
            origin: string("origin").and_then(Origin::from_name).unwrap_or(Origin::Manual),
            status: string("status").and_then(Status::from_name).unwrap_or(default_status),
            from,
            to,
        });
    }
    Ok(out)
}

/// The task's document labels: spaCy's `cats` (a score of 0.5 or more is a label set, less a label rejected),
/// Prodigy's `accept` list of chosen `options` and a text-classification task's `label`, decided by the task's
/// answer; `cat_review` gives back sift's origin and status. `options` declare document labels.
fn categories(
    o: &Map<String, Value>,
    decided: Status,
    has_spans: bool,
    labels: &mut Labels,
    losses: &mut Tally,
) -> Vec<Category> {
    let name = |v: &Value| match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let manual = |label: String, status: Status| Category { label, origin: Origin::Manual, status };
    let mut out = Vec::new();
    match o.get("cats") {
        None | Some(Value::Null) => {}
        Some(Value::Object(m)) => {
            for (k, v) in m {
                let set = match v {
                    Value::Number(n) => n.as_f64().is_some_and(|x| x >= 0.5),
                    Value::Bool(b) => *b,
                    _ => {
                        losses.add("`cats` score that is not a number dropped");
                        continue;
                    }
                };
                out.push(manual(k.clone(), if set { Status::Accepted } else { Status::Rejected }));
            }
        }
        Some(_) => losses.add("`cats` that is not an object dropped"),
    }
    for option in o.get("options").and_then(Value::as_array).into_iter().flatten() {
        if let Some(l) = option.get("id").and_then(name) {
            labels.ensure_in(&l, Scope::Document);
        }
    }
    out.extend(
        o.get("accept").and_then(Value::as_array).into_iter().flatten().filter_map(name).map(|l| manual(l, decided)),
    );
    if !has_spans && !o.contains_key("accept") {
        out.extend(o.get("label").and_then(name).map(|l| manual(l, decided)));
    }
    let review = o.get("cat_review").and_then(Value::as_object);
    for c in &mut out {
        if let Some(r) = review.and_then(|r| r.get(&c.label)) {
            let string = |k: &str| r.get(k).and_then(Value::as_str);
            c.origin = string("origin").and_then(Origin::from_name).unwrap_or(c.origin);
            c.status = string("status").and_then(Status::from_name).unwrap_or(c.status);
        }
        labels.ensure_in(&c.label, Scope::Document);
    }
    out
}

pub(crate) fn write(docs: &[Document], labels: &[Label]) -> Export {
    let mut t = Tally::default();
    let mut out = String::new();
    for d in docs {
        let map = OffsetMap::new(&d.text);
        let len = map.len_chars();
        let (fit, bad): (Vec<&Span>, Vec<&Span>) = d.spans.iter().partition(|s| s.start <= s.end && s.end <= len);
        t.add_n("spans with offsets outside the text not exported", bad.len());
        let cuts: Vec<usize> = fit.iter().flat_map(|s| [s.start, s.end]).collect();
        let toks = tokenize(&d.text, &map, &cuts);
        let slice = |s: usize, e: usize| map.slice(&d.text, s, e);
        let tokens: Vec<Value> = toks
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| {
                let ws =
                    d.text.get(map.char_to_byte(e)..).and_then(|t| t.chars().next()).is_some_and(char::is_whitespace);
                json!({"text": slice(s, e), "start": s, "end": e, "id": i, "ws": ws})
            })
            .collect();
        let span_json = |s: &Span| {
            let mut o = Map::new();
            o.insert("start".into(), s.start.into());
            o.insert("end".into(), s.end.into());
            let first = toks.partition_point(|&(_, e)| e <= s.start);
            let last = toks.partition_point(|&(b, _)| b < s.end);
            if first < last {
                o.insert("token_start".into(), first.into());
                o.insert("token_end".into(), (last - 1).into());
            }
            o.insert("label".into(), s.label.clone().into());
            o.insert("text".into(), slice(s.start, s.end).into());
            o.insert("id".into(), s.id.clone().into());
            o.insert("origin".into(), s.origin.name().into());
            o.insert("status".into(), s.status.name().into());
            for (k, v) in [("rule", &s.rule), ("why", &s.why), ("note", &s.note)] {
                if let Some(v) = v {
                    o.insert(k.into(), v.clone().into());
                }
            }
            if !s.attrs.is_empty() {
                o.insert("attrs".into(), Value::Object(s.attrs.clone()));
            }
            Value::Object(o)
        };
        let (kept, rejected): (Vec<&Span>, Vec<&Span>) = fit.into_iter().partition(|s| s.status != Status::Rejected);
        let meta = json!({"id": d.id, "name": d.name});
        let spans: Vec<Value> = kept.iter().map(|s| span_json(s)).collect();
        let mut task = json!({"text": d.text, "tokens": tokens, "spans": spans, "meta": meta, "answer": "accept"});
        let written: HashSet<&str> = kept.iter().map(|s| s.id.as_str()).collect();
        let by_id: HashMap<&str, Value> = kept.iter().map(|s| (s.id.as_str(), span_json(s))).collect();
        let relations: Vec<Value> = links::kept_relations(d, &written, &["id", "review"], &mut t)
            .into_iter()
            .map(|r| relation_json(r, &by_id[r.from.as_str()], &by_id[r.to.as_str()]))
            .collect();
        if !relations.is_empty() {
            task["relations"] = relations.into();
        }
        let (cats, review) = cats_json(d);
        if !cats.is_empty() {
            task["cats"] = cats.into();
        }
        if !review.is_empty() {
            task["cat_review"] = review.into();
        }
        out.push_str(&task.to_string());
        out.push('\n');
        // Each rejected span is a binary decision of its own, as Prodigy stores a rejected suggestion.
        for s in rejected {
            let task =
                json!({"text": d.text, "tokens": tokens, "spans": [span_json(s)], "meta": meta, "answer": "reject"});
            out.push_str(&task.to_string());
            out.push('\n');
        }
    }
    let losses = t.lines("spaCy/Prodigy").into_iter().chain(label_styles_lost("spaCy/Prodigy", labels)).collect();
    Export { files: vec![("annotations.spacy.jsonl".into(), out)], losses }
}

/// A relation as Prodigy's `rel.manual` writes it (`head` and `child` are the last tokens of its ends), with
/// sift's `id`, `origin` and `status` beside.
fn relation_json(r: &Relation, from: &Value, to: &Value) -> Value {
    let end = |s: &Value| {
        let keep = ["start", "end", "token_start", "token_end", "label", "id"];
        Value::Object(
            s.as_object()
                .into_iter()
                .flatten()
                .filter(|(k, _)| keep.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        )
    };
    let mut o = json!({"head_span": end(from), "child_span": end(to), "label": r.label, "id": r.id,
                       "origin": r.origin.name(), "status": r.status.name()});
    for (k, s) in [("head", from), ("child", to)] {
        if let Some(t) = s.get("token_end") {
            o[k] = t.clone();
        }
    }
    o
}

/// spaCy's `cats` (1.0 for a document label set, 0.0 for one rejected) and, for labels that are not plain
/// manual decisions, `cat_review` with their origin and status.
fn cats_json(d: &Document) -> (Map<String, Value>, Map<String, Value>) {
    let (mut cats, mut review) = (Map::new(), Map::new());
    for c in &d.categories {
        cats.insert(c.label.clone(), json!(if c.status == Status::Rejected { 0.0 } else { 1.0 }));
        if c.origin != Origin::Manual || c.status == Status::Suggested {
            review.insert(c.label.clone(), json!({"origin": c.origin.name(), "status": c.status.name()}));
        }
    }
    (cats, review)
}
