//! Label Studio JSON tasks (the import/export format of Label Studio's `<Text>` + `<Labels>` projects).
//!
//! ```json
//! [{"data": {"text": "…", "id": "…", "name": "…", "url": "https://…", "date": "2024-03-23"},
//!   "annotations": [{"result": [{"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
//!                                "origin": "manual", "value": {"start": 12, "end": 24, "text": "…", "labels": ["number"]}}]}],
//!   "predictions": [{"model_version": "sift", "result": [ … ]}]}]
//! ```
//!
//! **Unit: code points** for `<Text>` regions (`value.start`/`value.end`): Label Studio converts browser offsets
//! with `charsToCodePoints`. Releases before that fix (issue #1008) wrote UTF-16 units, so a region whose
//! `value.text` does not match as code points is tried as UTF-16, then repaired to the quoted text.
//!
//! **Mapping.** Automatic spans still `suggested` go out as `predictions` (model_version `sift`); reviewed and
//! manual spans go out as `annotations` (gold spans in their own annotation with `ground_truth: true`); an
//! accepted automatic span keeps `origin: "prediction"` on its region so that it reads back as automatic.
//! Per-region results with the region's `id` carry the rest, as Label Studio's `perRegion` tags do: attributes
//! (`choices` for strings and booleans, `number` for numbers), `rule` (`choices`), `why` and `note` (`textarea`).
//! The export also writes `config.xml`, a labelling config declaring these tags, the span labels, relation types
//! and document labels with their colours and keys ([`config`]); given to `read_files` beside the tasks, a
//! config sets them.
//!
//! **Relations** are `relation` results (`from_id` / `to_id` region ids, `direction`, `labels`), written in the
//! result list holding both regions; on import their regions may be in any list of the task ([`relations`]).
//! **Document labels** are one `choices` result without a region (`from_name` `category`), and on import any
//! `choices` result without a text range is one. A region id met again in a later list (an annotation made from
//! a prediction keeps its region ids) gets the later list's name, `id@predictions[0]`, so span ids stay unique.
//! **Where and when the document was published** go in `data.url` and `data.date` (left out when unknown), and
//! are read back checked as the sift format checks them ([`super::published`]).
//!
//! **Lost on export:** rejected spans, relations and document labels; manual spans still `suggested`;
//! attribute values that are arrays, objects or null; relation ids, and a relation's review state where it
//! differs from its spans' (a relation goes in the result list of its two regions); relations between spans of
//! different result lists (a suggestion and a reviewed span, a gold and a manual one). **Lost on import:**
//! cancelled annotations, result types other than labels, choices, number, textarea, rating and relation,
//! `data` fields other than text, id, name, url and date, a `data.url` that is not an http(s) URL or a `data.date`
//! that is not ISO 8601, and label colours unless the config is given.

mod config;
mod relations;
pub(crate) use config::read as read_config;

use super::common::{finish, json_type, kept_spans, Labels, Placer, Tally, Unit};
use super::links;
use super::{Export, Import};
use crate::annotation::{Attrs, Category, Document, Label, Origin, Scope, Span, Status};
use crate::{Error, ErrorKind};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The `from_name` of the region labels in written files.
const LABELS_TAG: &str = "label";
/// Per-region tags for sift's own span fields.
const RULE_TAG: &str = "rule";
const WHY_TAG: &str = "why";
const NOTE_TAG: &str = "note";
/// The `from_name` of the document labels in written files.
const CATEGORY_TAG: &str = "category";

/// What the results of a task give.
#[derive(Default)]
struct Found<'v> {
    spans: Vec<Span>,
    /// Span ids given so far: a region id met again in a later list gets a suffix, so that ids stay unique.
    ids: HashSet<String>,
    /// The regions of each result list, and the relations, resolved once every list is read.
    lists: Vec<relations::List>,
    links: Vec<relations::Pending<'v>>,
    categories: Vec<Category>,
}

pub(crate) fn read(input: &str) -> Result<Import, Error> {
    let v = super::common::parse_json("Label Studio", input)?;
    let tasks: Vec<&Value> = match &v {
        Value::Array(a) => a.iter().collect(),
        Value::Object(_) => vec![&v],
        other => {
            return Err(Error::new(
                ErrorKind::Invalid,
                format!("Label Studio: expected a task or an array of tasks, not {}", json_type(other)),
            ))
        }
    };
    let mut labels = Labels::empty();
    let mut losses = Tally::default();
    let mut repairs = Vec::new();
    let mut documents = Vec::new();
    let mut ids = HashSet::new();
    for (i, t) in tasks.iter().enumerate() {
        let at = format!("task [{i}]");
        let d = task(t, i, &at, &mut labels, &mut losses, &mut repairs)
            .map_err(|e| Error::new(ErrorKind::Invalid, format!("Label Studio: {at}: {e}")))?;
        super::common::unique_doc_id(&mut ids, &d.id, &format!("Label Studio: {at}"))?;
        documents.push(d);
    }
    Ok(Import { labels: labels.list, documents, losses: losses.lines("Label Studio"), repairs })
}

fn task(
    t: &Value,
    index: usize,
    at: &str,
    labels: &mut Labels,
    losses: &mut Tally,
    repairs: &mut Vec<String>,
) -> Result<Document, String> {
    let o = t.as_object().ok_or_else(|| format!("a task must be an object, not {}", json_type(t)))?;
    let data =
        o.get("data").and_then(Value::as_object).ok_or("`data` is missing: a task keeps its text in `data.text`")?;
    let text = match data.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(x) => return Err(format!("`data.text` must be a string, not {}", json_type(x))),
        None => {
            // The article's address and date are no text to annotate.
            let strings: Vec<(&String, &str)> = data
                .iter()
                .filter(|(k, _)| !super::published::KEYS.contains(&k.as_str()))
                .filter_map(|(k, v)| v.as_str().map(|s| (k, s)))
                .collect();
            match strings.as_slice() {
                [(_, s)] => s.to_string(),
                _ => return Err("`data.text` is missing and `data` has no single text field to use instead".into()),
            }
        }
    };
    let id = match (data.get("id"), o.get("id")) {
        (Some(Value::String(s)), _) if !s.is_empty() => s.clone(),
        (_, Some(Value::Number(n))) => n.to_string(),
        (_, Some(Value::String(s))) if !s.is_empty() => s.clone(),
        _ => format!("task-{}", index + 1),
    };
    let name = data.get("name").and_then(Value::as_str).map_or_else(|| id.clone(), str::to_string);
    let known = |k: &str| ["text", "id", "name"].contains(&k) || super::published::KEYS.contains(&k);
    for k in data.keys().filter(|k| !known(k)) {
        losses.add(format!("data field `{k}` dropped"));
    }
    let (url, date, bad) = super::published::read(data);
    for b in bad {
        // `url` … is not …: named as the task has it, `data.url`.
        losses.add(format!("{at}: {}; dropped", b.replacen('`', "`data.", 1)));
    }
    for k in o.keys().filter(|k| !["id", "data", "annotations", "completions", "predictions"].contains(&k.as_str())) {
        losses.add(format!("task key `{k}` dropped"));
    }
    let placer = Placer::new(&text);
    let mut found = Found::default();
    for (key, is_pred) in [("annotations", false), ("completions", false), ("predictions", true)] {
        let Some(list) = o.get(key) else { continue };
        let list = list.as_array().ok_or_else(|| format!("`{key}` must be an array"))?;
        for (j, a) in list.iter().enumerate() {
            let p = format!("{key}[{j}]");
            if a.get("was_cancelled").and_then(Value::as_bool) == Some(true) {
                losses.add("cancelled annotation skipped");
                continue;
            }
            let gold = a.get("ground_truth").and_then(Value::as_bool) == Some(true);
            let annotator = a.get("completed_by").filter(|v| !v.is_null()).cloned();
            let result =
                a.get("result").and_then(Value::as_array).ok_or_else(|| format!("{p}: `result` is missing"))?;
            let before = repairs.len();
            regions(result, &p, is_pred, gold, annotator, &placer, labels, losses, repairs, &mut found)?;
            for r in &mut repairs[before..] {
                *r = format!("Label Studio: {at}.{r}");
            }
        }
    }
    let links = std::mem::take(&mut found.links);
    let rels = relations::resolve(links, &found.lists, &found.spans, at, labels, losses, repairs);
    let mut doc = finish(Document { url, date, ..Document::new(id, name, text, found.spans) });
    (doc.relations, doc.categories) = (rels, found.categories);
    links::settle_loose(&mut doc, losses);
    Ok(doc)
}

/// Turns one annotation's (or prediction's) results into spans: `labels` results make regions, results of other
/// types with a region's id add attributes, notes, rule and reason to it, `relation` results link two regions,
/// and `choices` without a text range are document labels.
#[allow(clippy::too_many_arguments)]
fn regions<'v>(
    result: &'v [Value],
    at: &str,
    is_pred: bool,
    gold: bool,
    annotator: Option<Value>,
    placer: &Placer,
    labels: &mut Labels,
    losses: &mut Tally,
    repairs: &mut Vec<String>,
    found: &mut Found<'v>,
) -> Result<(), String> {
    let spans = &mut found.spans;
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let first = spans.len();
    let mut extras: Vec<(String, &Value)> = Vec::new();
    let (origin, status) = match (is_pred, gold) {
        (true, _) => (Origin::Auto, Status::Suggested),
        (false, true) => (Origin::Gold, Status::Accepted),
        (false, false) => (Origin::Manual, Status::Accepted),
    };
    for (k, r) in result.iter().enumerate() {
        let p = format!("{at}.result[{k}]");
        let ty = r.get("type").and_then(Value::as_str).unwrap_or("");
        let rid = r.get("id").map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).unwrap_or_default();
        let value = r.get("value");
        if ty == "relation" {
            let list = found.lists.len();
            found.links.push(relations::Pending { list, at: p, result: r, origin, status });
            continue;
        }
        if ty == "choices" && value.and_then(|v| v.get("start")).is_none() {
            let choices = value.and_then(|v| v.get("choices")).and_then(Value::as_array);
            for c in choices.into_iter().flatten().filter_map(Value::as_str) {
                labels.ensure_in(c, Scope::Document);
                found.categories.push(Category { label: c.to_string(), origin, status });
            }
            continue;
        }
        if ty != "labels" {
            if rid.is_empty() {
                losses.add(format!("`{ty}` result dropped"));
            } else {
                extras.push((rid, r));
            }
            continue;
        }
        let v = r.get("value").and_then(Value::as_object).ok_or_else(|| format!("{p}: `value` is missing"))?;
        let s = super::common::offset(v.get("start"), "value.start").map_err(|e| format!("{p}: {e}"))?;
        let e = super::common::offset(v.get("end"), "value.end").map_err(|e| format!("{p}: {e}"))?;
        let quote = v.get("text").and_then(Value::as_str);
        let placed = match placer.place(s, e, Unit::CodePoint, Some(Unit::Utf16), quote) {
            Ok(x) => x,
            Err(m) => {
                losses.add(format!("{p}: {m}; region dropped"));
                continue;
            }
        };
        if let Some(rep) = placed.repair {
            repairs.push(format!("{p}: {rep}"));
        }
        let names: Vec<&str> =
            v.get("labels").and_then(Value::as_array).map_or(vec![], |a| a.iter().filter_map(Value::as_str).collect());
        if names.is_empty() {
            return Err(format!("{p}: `value.labels` is empty"));
        }
        let from_prediction =
            matches!(r.get("origin").and_then(Value::as_str), Some("prediction" | "prediction-changed"));
        let (origin, status) = match (is_pred, gold, from_prediction) {
            (true, _, _) => (Origin::Auto, Status::Suggested),
            (false, true, _) => (Origin::Gold, Status::Accepted),
            (false, false, true) => (Origin::Auto, Status::Accepted),
            (false, false, false) => (Origin::Manual, Status::Accepted),
        };
        let mut note = None;
        if let Some(m) = r.get("meta").and_then(|m| m.get("text")) {
            note = meta_text(m);
        }
        for (n, l) in names.iter().enumerate() {
            labels.ensure(l);
            let mut attrs = Attrs::new();
            if let Some(a) = &annotator {
                attrs.insert("annotator".into(), a.clone());
            }
            let mut id = match (rid.is_empty(), n) {
                (true, _) => String::new(),
                (false, 0) => rid.clone(),
                (false, n) => format!("{rid}#{}", n + 1),
            };
            if !id.is_empty() && found.ids.contains(&id) {
                // The same region id in an earlier list (a prediction accepted): named by its own list.
                let base = format!("{id}@{at}");
                id = base.clone();
                for n in 2.. {
                    if !found.ids.contains(&id) {
                        break;
                    }
                    id = format!("{base}#{n}");
                }
            }
            found.ids.insert(id.clone());
            by_id.entry(rid.clone()).or_default().push(spans.len());
            spans.push(Span {
                id,
                start: placed.start,
                end: placed.end,
                label: l.to_string(),
                origin,
                status,
                rule: None,
                why: None,
                note: note.clone(),
                attrs,
            });
        }
    }
    for (rid, r) in extras {
        let Some(targets) = by_id.get(&rid) else {
            losses.add("per-region result without its region dropped");
            continue;
        };
        let from = r.get("from_name").and_then(Value::as_str).unwrap_or("").to_string();
        let ty = r.get("type").and_then(Value::as_str).unwrap_or("");
        let v = r.get("value").cloned().unwrap_or(Value::Null);
        let val = match ty {
            "choices" => match v.get("choices").and_then(Value::as_array).map(Vec::as_slice) {
                Some([Value::String(c)]) if c == "true" => Value::Bool(true),
                Some([Value::String(c)]) if c == "false" => Value::Bool(false),
                Some([c]) => c.clone(),
                Some(many) => Value::Array(many.to_vec()),
                None => Value::Null,
            },
            "number" => v.get("number").cloned().unwrap_or(Value::Null),
            "textarea" => v.get("text").and_then(meta_text).map_or(Value::Null, Value::String),
            "rating" => v.get("rating").cloned().unwrap_or(Value::Null),
            _ => Value::Null,
        };
        if val.is_null() {
            losses.add(format!("per-region `{ty}` result dropped"));
            continue;
        }
        for &i in targets {
            let s = &mut spans[i];
            match (from.as_str(), &val) {
                (RULE_TAG, Value::String(x)) => s.rule = Some(x.clone()),
                (WHY_TAG, Value::String(x)) => s.why = Some(x.clone()),
                (NOTE_TAG, Value::String(x)) => s.note = Some(x.clone()),
                _ => {
                    s.attrs.insert(from.clone(), val.clone());
                }
            }
        }
    }
    debug_assert!(spans.len() >= first);
    found.lists.push(relations::List { name: at.to_string(), regions: by_id });
    Ok(())
}

/// Label Studio keeps texts as a list of strings; they are joined with newlines.
fn meta_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => {
            let parts: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("\n"))
        }
        _ => None,
    }
}

/// Per-region tags seen while writing, for the config: name → (tag type, choice values).
type Tags = BTreeMap<String, (&'static str, BTreeSet<String>)>;

/// Which result list a kept span goes to.
#[derive(Clone, Copy, PartialEq)]
enum Bucket {
    Manual,
    Gold,
    Predicted,
}

fn bucket(s: &Span) -> Bucket {
    bucket_of(s.origin, s.status)
}

fn bucket_of(origin: Origin, status: Status) -> Bucket {
    match (origin, status) {
        (Origin::Auto, Status::Suggested) => Bucket::Predicted,
        (Origin::Gold, _) => Bucket::Gold,
        _ => Bucket::Manual,
    }
}

/// Writes the tasks as the pretty JSON `serde_json` would give for the whole tree, but one region at a time:
/// memory stays at the size of the output, not of a JSON tree per region (issue #8: a 2.7 MB text took 1.9 GB).
pub(crate) fn write(docs: &[Document], labels: &[Label]) -> Export {
    let mut t = Tally::default();
    let mut tags = Tags::new();
    let mut body = String::from("[");
    for (i, d) in docs.iter().enumerate() {
        let map = crate::text::OffsetMap::new(&d.text);
        let kept = kept_spans(d, &mut t);
        let manual_suggested = kept.iter().filter(|s| s.origin == Origin::Manual && s.status == Status::Suggested);
        t.add_n("manual span still `suggested` exported as accepted", manual_suggested.count());
        body.push_str(if i == 0 { "\n  {\n" } else { ",\n  {\n" });
        push_field(&mut body, 2, "id", &json!(i + 1), false);
        let mut data = json!({"text": d.text, "id": d.id, "name": d.name});
        for (k, v) in [("url", &d.url), ("date", &d.date)] {
            if let Some(v) = v {
                data[k] = v.as_str().into();
            }
        }
        push_field(&mut body, 2, "data", &data, false);
        let extra = link_results(d, &kept, &mut t);
        let has = |b: Bucket| kept.iter().any(|s| bucket(s) == b) || extra.iter().any(|(x, _)| *x == b);
        let extra_in =
            |b: Bucket| -> Vec<Value> { extra.iter().filter(|(x, _)| *x == b).map(|(_, v)| v.clone()).collect() };
        body.push_str("    \"annotations\": [");
        let mut first_ann = true;
        for (which, truth) in [(Bucket::Manual, false), (Bucket::Gold, true)] {
            if !has(which) {
                continue;
            }
            body.push_str(if first_ann { "\n      {\n" } else { ",\n      {\n" });
            first_ann = false;
            push_results(
                &mut body,
                4,
                kept.iter().copied().filter(|s| bucket(s) == which),
                &extra_in(which),
                &d.text,
                &map,
                &mut tags,
                &mut t,
            );
            body.push_str(",\n");
            push_field(&mut body, 4, "ground_truth", &json!(truth), true);
            body.push_str("\n      }");
        }
        body.push_str(if first_ann { "]" } else { "\n    ]" });
        if has(Bucket::Predicted) {
            body.push_str(",\n    \"predictions\": [\n      {\n");
            push_field(&mut body, 4, "model_version", &json!("sift"), false);
            let pred = kept.iter().copied().filter(|s| bucket(s) == Bucket::Predicted);
            push_results(&mut body, 4, pred, &extra_in(Bucket::Predicted), &d.text, &map, &mut tags, &mut t);
            body.push_str("\n      }\n    ]");
        }
        body.push_str("\n  }");
    }
    body.push_str(if docs.is_empty() { "]\n" } else { "\n]\n" });
    let config = config::write(labels, docs, &tags);
    Export { files: vec![("tasks.json".into(), body), ("config.xml".into(), config)], losses: t.lines("Label Studio") }
}

/// Appends `"key": value` at nesting `depth` (two spaces a level, as `to_string_pretty`), with a comma unless
/// `last`.
fn push_field(out: &mut String, depth: usize, key: &str, value: &Value, last: bool) {
    let pad = "  ".repeat(depth);
    out.push_str(&pad);
    out.push_str(&Value::from(key).to_string());
    out.push_str(": ");
    push_pretty(out, depth, value);
    if !last {
        out.push_str(",\n");
    }
}

/// Appends `value` pretty-printed as if it sat at nesting `depth` (JSON strings hold no raw line break, so
/// indenting every line after the first is exact).
fn push_pretty(out: &mut String, depth: usize, value: &Value) {
    let text = serde_json::to_string_pretty(value).expect("JSON values serialize");
    let pad = "  ".repeat(depth);
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
            out.push_str(&pad);
        }
        out.push_str(line);
    }
}

/// The relation and document-label results of `doc`, each with the result list it goes in: a relation in its
/// regions' list (dropped, counted, when they are in two), the document labels in one `choices` result a list.
fn link_results(doc: &Document, kept: &[&Span], t: &mut Tally) -> Vec<(Bucket, Value)> {
    let buckets: BTreeMap<&str, Bucket> = kept.iter().map(|s| (s.id.as_str(), bucket(s))).collect();
    let written: HashSet<&str> = buckets.keys().copied().collect();
    let mut out = Vec::new();
    for r in links::kept_relations(doc, &written, &["review"], t) {
        let b = buckets[r.from.as_str()];
        if buckets[r.to.as_str()] != b {
            t.add("relation between spans of different result lists dropped (suggested, gold and other spans go to separate Label Studio annotations, and a relation links regions of one)");
            continue;
        }
        review_lost(t, "relation", r.origin, r.status, b);
        let v =
            json!({"from_id": r.from, "to_id": r.to, "type": "relation", "direction": "right", "labels": [r.label]});
        out.push((b, v));
    }
    let cats = links::kept_categories(doc, true, t);
    for b in [Bucket::Manual, Bucket::Gold, Bucket::Predicted] {
        let choices: Vec<&str> =
            cats.iter().filter(|c| bucket_of(c.origin, c.status) == b).map(|c| c.label.as_str()).collect();
        for c in cats.iter().filter(|c| bucket_of(c.origin, c.status) == b) {
            review_lost(t, "document label", c.origin, c.status, b);
        }
        if !choices.is_empty() {
            let v = json!({"id": CATEGORY_TAG, "from_name": CATEGORY_TAG, "to_name": "text", "type": "choices",
                           "value": {"choices": choices}});
            out.push((b, v));
        }
    }
    out
}

/// Counts a relation or document label whose origin and status differ from what its result list reads back as.
fn review_lost(t: &mut Tally, what: &str, origin: Origin, status: Status, b: Bucket) {
    let back = match b {
        Bucket::Manual => (Origin::Manual, Status::Accepted),
        Bucket::Gold => (Origin::Gold, Status::Accepted),
        Bucket::Predicted => (Origin::Auto, Status::Suggested),
    };
    if (origin, status) != back {
        t.add(format!(
            "{what} {} and {} written as {} and {}",
            origin.name(),
            status.name(),
            back.0.name(),
            back.1.name()
        ));
    }
}

/// Appends `"result": [ … ]` with every region of `spans`: the label region and one per-region result for the
/// rule, the reason and each attribute; then the `extra` results (relations, document labels).
#[allow(clippy::too_many_arguments)]
fn push_results<'a>(
    out: &mut String,
    depth: usize,
    spans: impl Iterator<Item = &'a Span>,
    extra: &[Value],
    text: &str,
    map: &crate::text::OffsetMap,
    tags: &mut Tags,
    t: &mut Tally,
) {
    let pad = "  ".repeat(depth);
    out.push_str(&pad);
    out.push_str("\"result\": [");
    let mut first = true;
    let regions = spans.flat_map(|s| span_regions(s, text, map, tags, t));
    for region in regions.chain(extra.iter().cloned()) {
        out.push_str(if first { "\n" } else { ",\n" });
        first = false;
        out.push_str(&pad);
        out.push_str("  ");
        push_pretty(out, depth + 1, &region);
    }
    if !first {
        out.push('\n');
        out.push_str(&pad);
    }
    out.push(']');
}

/// The regions of one span: its label region, then its per-region results.
fn span_regions(s: &Span, text: &str, map: &crate::text::OffsetMap, tags: &mut Tags, t: &mut Tally) -> Vec<Value> {
    let quote = map.slice(text, s.start, s.end);
    // Per-region results name their region by id and offsets; the quote is the label region's alone (repeating
    // it in each attribute's result made the file, and the memory writing it, grow with sentences × attributes).
    let value = json!({"start": s.start, "end": s.end});
    let mut region = json!({
        "id": s.id, "from_name": LABELS_TAG, "to_name": "text", "type": "labels",
        "origin": if s.origin == Origin::Auto { "prediction" } else { "manual" },
        "value": {"start": s.start, "end": s.end, "text": quote, "labels": [s.label]},
    });
    if let Some(n) = &s.note {
        region["meta"] = json!({"text": [n]});
    }
    let mut out = vec![region];
    let per = |from: &str, ty: &str, key: &str, val: Value| {
        let mut v = value.clone();
        v[key] = val;
        json!({"id": s.id, "from_name": from, "to_name": "text", "type": ty, "value": v})
    };
    if let Some(r) = &s.rule {
        tags.entry(RULE_TAG.into()).or_insert(("choices", BTreeSet::new())).1.insert(r.clone());
        out.push(per(RULE_TAG, "choices", "choices", json!([r])));
    }
    if let Some(w) = &s.why {
        out.push(per(WHY_TAG, "textarea", "text", json!([w])));
    }
    for (k, v) in &s.attrs {
        let (ty, key, val) = match v {
            Value::String(_) => ("choices", "choices", json!([v])),
            Value::Bool(b) => ("choices", "choices", json!([b.to_string()])),
            Value::Number(_) => ("number", "number", v.clone()),
            other => {
                t.add(format!("attr `{k}` dropped ({} values have no Label Studio tag)", json_type(other)));
                continue;
            }
        };
        if [LABELS_TAG, RULE_TAG, WHY_TAG, NOTE_TAG, "text"].contains(&k.as_str()) {
            t.add(format!("attr `{k}` dropped (its name is one of sift's own tags)"));
            continue;
        }
        let entry = tags.entry(k.clone()).or_insert((ty, BTreeSet::new()));
        if let Value::Array(cs) = &val {
            entry.1.extend(cs.iter().filter_map(Value::as_str).map(str::to_string));
        }
        out.push(per(k, ty, key, val));
    }
    out
}
