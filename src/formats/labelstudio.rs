//! Label Studio JSON tasks (the import/export format of Label Studio's `<Text>` + `<Labels>` projects).
//!
//! ```json
//! [{"data": {"text": "…", "id": "…", "name": "…"},
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
//! The export also writes `config.xml`, a labelling config declaring these tags and the label colours and keys;
//! given to `read_files` beside the tasks, a config sets the label colours and keys.
//!
//! **Lost on export:** rejected spans; manual spans still `suggested`; attribute values that are arrays, objects
//! or null. **Lost on import:** cancelled annotations, relations and other result types, task-level choices,
//! and label colours unless the config is given.

use super::common::{finish, json_type, kept_spans, Labels, Placer, Tally, Unit};
use super::{Export, Import};
use crate::annotation::{Attrs, Document, Label, Origin, Span, Status};
use crate::{Error, ErrorKind};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The `from_name` of the region labels in written files.
const LABELS_TAG: &str = "label";
/// Per-region tags for sift's own span fields.
const RULE_TAG: &str = "rule";
const WHY_TAG: &str = "why";
const NOTE_TAG: &str = "note";

/// Labels with colours and keys from a labelling config (`<Label value="…" background="…" hotkey="…"/>`).
pub(crate) fn read_config(xml: &str) -> Vec<Label> {
    let tag = regex::Regex::new(r"<Label\b([^>]*)>").expect("valid regex");
    let attr = regex::Regex::new(r#"([A-Za-z_]+)\s*=\s*"([^"]*)""#).expect("valid regex");
    let mut labels = Labels::empty();
    for t in tag.captures_iter(xml) {
        let mut value = None;
        let (mut color, mut key) = (None, None);
        for a in attr.captures_iter(&t[1]) {
            let v = xml_unescape(&a[2]);
            match &a[1] {
                "value" => value = Some(v),
                "background" => color = Some(v),
                "hotkey" => key = Some(v),
                _ => {}
            }
        }
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            labels.style(&v, color.as_deref(), key.as_deref());
        }
    }
    labels.list
}

fn xml_unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&amp;", "&")
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
            let strings: Vec<(&String, &str)> = data.iter().filter_map(|(k, v)| v.as_str().map(|s| (k, s))).collect();
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
    for k in data.keys().filter(|k| !["text", "id", "name"].contains(&k.as_str())) {
        losses.add(format!("data field `{k}` dropped"));
    }
    for k in o.keys().filter(|k| !["id", "data", "annotations", "completions", "predictions"].contains(&k.as_str())) {
        losses.add(format!("task key `{k}` dropped"));
    }
    let placer = Placer::new(&text);
    let mut spans = Vec::new();
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
            regions(result, &p, is_pred, gold, annotator, &placer, labels, losses, repairs, &mut spans)?;
            for r in &mut repairs[before..] {
                *r = format!("Label Studio: {at}.{r}");
            }
        }
    }
    Ok(finish(Document { id, name, text, spans }))
}

/// Turns one annotation's (or prediction's) results into spans: `labels` results make regions, results of other
/// types with a region's id add attributes, notes, rule and reason to it.
#[allow(clippy::too_many_arguments)]
fn regions(
    result: &[Value],
    at: &str,
    is_pred: bool,
    gold: bool,
    annotator: Option<Value>,
    placer: &Placer,
    labels: &mut Labels,
    losses: &mut Tally,
    repairs: &mut Vec<String>,
    spans: &mut Vec<Span>,
) -> Result<(), String> {
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let first = spans.len();
    let mut extras: Vec<(String, &Value)> = Vec::new();
    for (k, r) in result.iter().enumerate() {
        let p = format!("{at}.result[{k}]");
        let ty = r.get("type").and_then(Value::as_str).unwrap_or("");
        let rid = r.get("id").map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).unwrap_or_default();
        if ty != "labels" {
            if rid.is_empty() || ty == "relation" {
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
            let id = match (rid.is_empty(), n) {
                (true, _) => String::new(),
                (false, 0) => rid.clone(),
                (false, n) => format!("{rid}#{}", n + 1),
            };
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

pub(crate) fn write(docs: &[Document], labels: &[Label]) -> Export {
    let mut t = Tally::default();
    let mut tasks = Vec::new();
    let mut tags: BTreeMap<String, (&'static str, BTreeSet<String>)> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        let map = crate::text::OffsetMap::new(&d.text);
        let (mut manual, mut gold, mut pred) = (Vec::new(), Vec::new(), Vec::new());
        for s in kept_spans(d, &mut t) {
            let bucket = match (s.origin, s.status) {
                (Origin::Auto, Status::Suggested) => &mut pred,
                (Origin::Gold, _) => &mut gold,
                (Origin::Manual, Status::Suggested) => {
                    t.add("manual span still `suggested` exported as accepted");
                    &mut manual
                }
                _ => &mut manual,
            };
            let quote = map.slice(&d.text, s.start, s.end);
            let value = json!({"start": s.start, "end": s.end, "text": quote});
            let mut region = json!({
                "id": s.id, "from_name": LABELS_TAG, "to_name": "text", "type": "labels",
                "origin": if s.origin == Origin::Auto { "prediction" } else { "manual" },
                "value": {"start": s.start, "end": s.end, "text": quote, "labels": [s.label]},
            });
            if let Some(n) = &s.note {
                region["meta"] = json!({"text": [n]});
            }
            bucket.push(region);
            let per = |from: &str, ty: &str, key: &str, val: Value| {
                let mut v = value.clone();
                v[key] = val;
                json!({"id": s.id, "from_name": from, "to_name": "text", "type": ty, "value": v})
            };
            let mut extra = Vec::new();
            if let Some(r) = &s.rule {
                tags.entry(RULE_TAG.into()).or_insert(("choices", BTreeSet::new())).1.insert(r.clone());
                extra.push(per(RULE_TAG, "choices", "choices", json!([r])));
            }
            if let Some(w) = &s.why {
                extra.push(per(WHY_TAG, "textarea", "text", json!([w])));
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
                extra.push(per(k, ty, key, val));
            }
            bucket.extend(extra);
        }
        let mut task = json!({"id": i + 1, "data": {"text": d.text, "id": d.id, "name": d.name}});
        let mut anns = Vec::new();
        if !manual.is_empty() {
            anns.push(json!({"result": manual, "ground_truth": false}));
        }
        if !gold.is_empty() {
            anns.push(json!({"result": gold, "ground_truth": true}));
        }
        task["annotations"] = Value::Array(anns);
        if !pred.is_empty() {
            task["predictions"] = json!([{"model_version": "sift", "result": pred}]);
        }
        tasks.push(task);
    }
    let mut body = serde_json::to_string_pretty(&Value::Array(tasks)).expect("JSON values serialize");
    body.push('\n');
    let config = config_xml(labels, docs, &tags);
    Export { files: vec![("tasks.json".into(), body), ("config.xml".into(), config)], losses: t.lines("Label Studio") }
}

/// A labelling config for the written tasks: the labels with colours and keys, and the per-region tags.
fn config_xml(
    labels: &[Label],
    docs: &[Document],
    tags: &BTreeMap<String, (&'static str, BTreeSet<String>)>,
) -> String {
    let mut names: Vec<&Label> = labels.iter().collect();
    let mut extra = Vec::new();
    for d in docs {
        for s in &d.spans {
            if !labels.iter().any(|l| l.name == s.label) && !extra.contains(&s.label) {
                extra.push(s.label.clone());
            }
        }
    }
    let extra_labels: Vec<Label> =
        extra.into_iter().map(|n| Label { name: n, color: "#666666".into(), key: None }).collect();
    names.extend(extra_labels.iter());
    let mut x = String::from("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
    for l in names {
        x.push_str(&format!("    <Label value=\"{}\" background=\"{}\"", xml_escape(&l.name), xml_escape(&l.color)));
        if let Some(k) = &l.key {
            x.push_str(&format!(" hotkey=\"{}\"", xml_escape(k)));
        }
        x.push_str("/>\n");
    }
    x.push_str("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n");
    x.push_str("  <TextArea name=\"why\" toName=\"text\" perRegion=\"true\" editable=\"true\"/>\n");
    for (k, (ty, values)) in tags {
        if *ty == "number" {
            x.push_str(&format!("  <Number name=\"{}\" toName=\"text\" perRegion=\"true\"/>\n", xml_escape(k)));
            continue;
        }
        x.push_str(&format!("  <Choices name=\"{}\" toName=\"text\" perRegion=\"true\">\n", xml_escape(k)));
        for v in values {
            x.push_str(&format!("    <Choice value=\"{}\"/>\n", xml_escape(v)));
        }
        x.push_str("  </Choices>\n");
    }
    x.push_str("</View>\n");
    x
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}
