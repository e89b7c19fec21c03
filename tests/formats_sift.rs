//! `sift-annotations` v2 on the gold corpus: every gold file loads, survives write → read unchanged, and both
//! the gold files and sift's own output validate against `schema/sift-annotations.v2.schema.json`.

use serde_json::Value;
use sift::formats::{self, sift as sift_format, Format};
use sift::{Label, Origin, Status};
use std::path::Path;

mod common;
use common::{gold_paths, linked};

const SCHEMA: &str = "schema/sift-annotations.v2.schema.json";

/// The span counts per label from `corpus/README.md`, in file order: boilerplate, claim, number.
const COUNTS: &[(usize, usize, usize)] = &[(11, 19, 18), (1, 17, 15), (3, 36, 32), (2, 13, 11), (21, 14, 12)];

#[test]
fn gold_files_load_with_defaults() {
    for (p, want) in gold_paths().iter().zip(COUNTS) {
        let src = std::fs::read_to_string(p).unwrap();
        let imp = formats::read(Format::Sift, &src).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        assert_eq!(imp.documents.len(), 1);
        assert!(imp.losses.is_empty() && imp.repairs.is_empty(), "{:?} {:?}", imp.losses, imp.repairs);
        assert_eq!(imp.labels, Label::builtin(), "no labels in gold: the built-in ones");
        let d = &imp.documents[0];
        let txt = std::fs::read_to_string(p.to_string_lossy().replace(".gold.json", ".txt")).unwrap();
        assert_eq!(d.text, txt);
        let count = |l: &str| d.spans.iter().filter(|s| s.label == l).count();
        assert_eq!((count("boilerplate"), count("claim"), count("number")), *want, "{}", p.display());
        for s in &d.spans {
            assert_eq!((s.origin, s.status), (Origin::Gold, Status::Accepted));
            assert_eq!(s.id, format!("{}:{}-{}", s.label, s.start, s.end), "gold spans get automatic ids");
        }
        // The raw file's span objects, in order, against what was read.
        let raw: Value = serde_json::from_str(&src).unwrap();
        let raw_spans = raw["documents"][0]["spans"].as_array().unwrap();
        for (r, s) in raw_spans.iter().zip(&d.spans) {
            assert_eq!(r["start"].as_u64(), Some(s.start as u64));
            assert_eq!(r["label"].as_str(), Some(s.label.as_str()));
            assert_eq!(r["attrs"].as_object().cloned().unwrap_or_default(), s.attrs);
        }
    }
}

#[test]
fn gold_survives_write_then_read_in_both_sift_formats() {
    for p in gold_paths() {
        let imp = formats::read(Format::Sift, &std::fs::read_to_string(&p).unwrap()).unwrap();
        for f in [Format::Sift, Format::SiftJsonl] {
            let out = formats::write(f, &imp.documents, &imp.labels);
            assert!(out.losses.is_empty());
            let back = formats::read(f, out.single().unwrap()).unwrap();
            assert_eq!(back.documents, imp.documents, "{} via {f:?}", p.display());
            assert_eq!(back.labels, imp.labels);
        }
    }
}

#[test]
fn stream_lines_of_the_gold_read_back() {
    let mut lines = String::new();
    let mut docs = Vec::new();
    for p in gold_paths() {
        let imp = formats::read(Format::Sift, &std::fs::read_to_string(&p).unwrap()).unwrap();
        for d in imp.documents {
            lines.push_str(&sift_format::stream_line(&d));
            lines.push('\n');
            docs.push(d);
        }
    }
    let back = formats::read(Format::SiftJsonl, &lines).unwrap();
    assert_eq!(back.documents.len(), docs.len());
    for (b, d) in back.documents.iter().zip(&docs) {
        assert_eq!((&b.id, &b.text, &b.spans), (&d.id, &d.text, &d.spans));
    }
}

// --- A small JSON Schema checker: the keywords the schema file uses, nothing more. ---

fn check(schema: &Value, v: &Value, at: &str, errs: &mut Vec<String>) {
    let s = schema.as_object().expect("schema objects");
    if let Some(t) = s.get("type").and_then(Value::as_str) {
        let ok = match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_u64() || v.is_i64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            other => panic!("schema type {other} not handled by the checker"),
        };
        if !ok {
            errs.push(format!("{at}: not {t}"));
            return;
        }
    }
    if let Some(c) = s.get("const") {
        if c != v {
            errs.push(format!("{at}: {v} is not {c}"));
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errs.push(format!("{at}: {v} not in enum"));
        }
    }
    if let (Some(m), Some(n)) = (s.get("minimum").and_then(Value::as_i64), v.as_i64()) {
        if n < m {
            errs.push(format!("{at}: {n} < {m}"));
        }
    }
    if let Some(st) = v.as_str() {
        let n = st.chars().count() as u64;
        if s.get("minLength").and_then(Value::as_u64).is_some_and(|m| n < m) {
            errs.push(format!("{at}: too short"));
        }
        if s.get("maxLength").and_then(Value::as_u64).is_some_and(|m| n > m) {
            errs.push(format!("{at}: too long"));
        }
        if let Some(p) = s.get("pattern").and_then(Value::as_str) {
            if !regex::Regex::new(p).unwrap().is_match(st) {
                errs.push(format!("{at}: {st:?} does not match {p}"));
            }
        }
    }
    if let Some(o) = v.as_object() {
        for r in s.get("required").and_then(Value::as_array).into_iter().flatten() {
            if !o.contains_key(r.as_str().unwrap()) {
                errs.push(format!("{at}: missing {r}"));
            }
        }
        let props = s.get("properties").and_then(Value::as_object);
        for (k, x) in o {
            match props.and_then(|p| p.get(k)) {
                Some(sub) => check(sub, x, &format!("{at}.{k}"), errs),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errs.push(format!("{at}: unexpected key {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(a)) = (s.get("items"), v.as_array()) {
        for (i, x) in a.iter().enumerate() {
            check(items, x, &format!("{at}[{i}]"), errs);
        }
    }
}

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string(Path::new(SCHEMA)).unwrap()).unwrap()
}

#[test]
fn gold_and_our_output_validate_against_the_schema() {
    let schema = schema();
    for p in gold_paths() {
        let src = std::fs::read_to_string(&p).unwrap();
        let v: Value = serde_json::from_str(&src).unwrap();
        let mut errs = Vec::new();
        check(&schema, &v, "$", &mut errs);
        assert!(errs.is_empty(), "{}: {errs:?}", p.display());
        let imp = formats::read(Format::Sift, &src).unwrap();
        let ours: Value = serde_json::from_str(&sift_format::write_json(&imp.documents, &imp.labels)).unwrap();
        check(&schema, &ours, "$", &mut errs);
        assert!(errs.is_empty(), "written {}: {errs:?}", p.display());
    }
}

#[test]
fn a_comparisons_section_validates_against_the_schema_and_a_bad_one_does_not() {
    use sift::compare::{Comparisons, Decision};
    let schema = schema();
    let imp = formats::read(Format::Sift, &std::fs::read_to_string(&gold_paths()[0]).unwrap()).unwrap();
    let saved = Comparisons::new(vec![
        Decision::Reviewed { group: "killed".into() },
        Decision::Merge { into: "killed".into(), from: "killed@2021-08".into() },
        Decision::Split { group: "injured".into(), doc: 0, start: 666, end: 679 },
    ]);
    let ours: Value =
        serde_json::from_str(&sift_format::write_json_with(&imp.documents, &imp.labels, Some(&saved))).unwrap();
    let mut errs = Vec::new();
    check(&schema, &ours, "$", &mut errs);
    assert!(errs.is_empty(), "{errs:?}");
    let mut bad = ours.clone();
    bad["comparisons"]["decisions"][0]["type"] = "paint".into();
    check(&schema, &bad, "$", &mut errs);
    assert!(errs.iter().any(|e| e.contains("comparisons.decisions[0].type")), "{errs:?}");
}

#[test]
fn the_schema_checker_rejects_broken_files() {
    let schema = schema();
    let table: &[(&str, &str)] = &[
        (r#"{"format":"doccano","version":1,"documents":[]}"#, "format"),
        (r#"{"format":"sift-annotations","version":1}"#, "missing"),
        (
            r#"{"format":"sift-annotations","version":1,"documents":[{"text":"x","spans":[{"start":-1,"end":1,"label":"n"}]}]}"#,
            "-1 < 0",
        ),
        (
            r#"{"format":"sift-annotations","version":1,"documents":[{"text":"x","spans":[{"start":0,"end":1,"label":"n","status":"maybe"}]}]}"#,
            "enum",
        ),
        (
            r#"{"format":"sift-annotations","version":1,"labels":[{"name":"n","color":"red"}],"documents":[]}"#,
            "does not match",
        ),
    ];
    for (doc, want) in table {
        let mut errs = Vec::new();
        check(&schema, &serde_json::from_str(doc).unwrap(), "$", &mut errs);
        assert!(errs.iter().any(|e| e.contains(want)), "{doc}: {errs:?}");
    }
}

#[test]
fn an_adjudicated_merge_validates_and_its_provenance_attr_is_in_the_schema() {
    use sift::agree::{merge, prepare, Annotator, Choice, Options, ANNOTATORS_ATTR};
    let schema = schema();
    let attr = &schema["properties"]["documents"]["items"]["properties"]["spans"]["items"]["properties"]["attrs"];
    assert_eq!(attr["properties"][ANNOTATORS_ATTR]["type"], "array");
    let src = std::fs::read_to_string(&gold_paths()[0]).unwrap();
    let gold = formats::read(Format::Sift, &src).unwrap().documents;
    let mut other = gold.clone();
    other[0].spans.remove(0);
    let adj = prepare(&[Annotator::new("A", gold), Annotator::new("B", other)], &Options::default());
    let choices = adj.disagreements.iter().map(|d| (d.id.clone(), Choice::KEEP_A)).collect();
    let merged = merge(&adj, &choices);
    let v: Value = serde_json::from_str(&sift_format::write_json(&merged.documents, &[])).unwrap();
    let mut errs = Vec::new();
    check(&schema, &v, "$", &mut errs);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(v["documents"][0]["spans"][0]["attrs"][ANNOTATORS_ATTR], serde_json::json!(["A"]));
}

/// A gold article with a `said-by` relation from its first claim to a manual source span, an automatic `about`
/// relation from a number to that claim, and two document labels.

#[test]
fn relations_and_document_labels_round_trip_and_validate() {
    let (docs, labels) = linked();
    let json = sift_format::write_json(&docs, &labels);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["version"], 2);
    assert_eq!(v["documents"][0]["relations"][0]["label"], "said-by");
    assert_eq!(v["documents"][0]["categories"][1]["status"], "rejected");
    let mut errs = Vec::new();
    check(&schema(), &v, "$", &mut errs);
    assert!(errs.is_empty(), "{errs:?}");
    for (format, text) in [(Format::Sift, json), (Format::SiftJsonl, sift_format::write_jsonl(&docs, &labels))] {
        let back = formats::read(format, &text).unwrap();
        assert_eq!(back.documents, docs, "{format:?}");
        assert_eq!(back.labels, labels, "{format:?}");
        assert!(back.losses.is_empty() && back.repairs.is_empty(), "{:?} {:?}", back.losses, back.repairs);
    }
}

#[test]
fn a_relation_must_join_two_spans_of_its_document_and_a_label_is_set_once() {
    let (docs, labels) = linked();
    let good: Value = serde_json::from_str(&sift_format::write_json(&docs, &labels)).unwrap();
    let table: &[(&str, Value, &str)] = &[
        ("/documents/0/relations/0/to", "nowhere".into(), "documents[0].relations[0]: `to` \"nowhere\" is not a span"),
        (
            "/documents/0/relations/1/id",
            good["documents"][0]["relations"][0]["id"].clone(),
            "relations[1]: relation id",
        ),
        ("/documents/0/relations/0/label", "".into(), "relations[0]: `label` is empty"),
        ("/documents/0/relations/0/status", "maybe".into(), "relations[0]: `status` \"maybe\" is not one of"),
        (
            "/documents/0/categories/1/label",
            "security".into(),
            "categories[1]: document label \"security\" is set twice",
        ),
        ("/documents/0/categories", "security".into(), "`categories` must be an array"),
    ];
    for (path, value, want) in table {
        let mut bad = good.clone();
        *bad.pointer_mut(path).unwrap() = value.clone();
        let err = formats::read(Format::Sift, &bad.to_string()).unwrap_err().to_string();
        assert!(err.contains(want), "{path}: {err}");
    }
    // A relation type or document label the file does not declare is added, and said so.
    let mut undeclared = good.clone();
    undeclared["documents"][0]["relations"][0]["label"] = "quotes".into();
    let imp = formats::read(Format::Sift, &undeclared.to_string()).unwrap();
    assert!(imp.labels.iter().any(|l| l.name == "quotes" && l.scope == sift::Scope::Relation));
    assert!(imp.repairs.iter().any(|r| r.contains("\"quotes\" was not declared")), "{:?}", imp.repairs);
    // Version 1 files still read.
    let mut v1 = good;
    v1["version"] = 1.into();
    assert!(formats::read(Format::Sift, &v1.to_string()).is_ok());
}
