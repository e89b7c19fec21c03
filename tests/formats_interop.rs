//! Every real file in `tests/data/interop/` (written by doccano, Label Studio, brat, Prodigy, Recogito,
//! Hypothesis, the W3C test suite and CoNLL tools): read it, check that offsets and quoted text agree, and
//! re-export where the format allows.

use sift::formats::{self, read, read_files, write, Format};
use sift::text::{slice_chars, OffsetMap};
use sift::{Document, ErrorKind, Import, Scope, Status};
use std::collections::{BTreeMap, HashSet};

const INTEROP: &str = "tests/data/interop";

fn fx(path: &str) -> String {
    std::fs::read_to_string(format!("{INTEROP}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Invariants every import must hold: offsets in range, on grapheme boundaries, ids unique, labels declared.
fn check(imp: &Import) {
    let labels: HashSet<&str> = imp.labels.iter().map(|l| l.name.as_str()).collect();
    for d in &imp.documents {
        let m = OffsetMap::new(&d.text);
        let mut ids = HashSet::new();
        for s in &d.spans {
            assert!(s.start <= s.end && s.end <= m.len_chars(), "{}: {s:?}", d.id);
            assert!(m.is_grapheme_boundary(s.start) && m.is_grapheme_boundary(s.end), "{}: {s:?}", d.id);
            assert!(ids.insert(s.id.clone()), "{}: duplicate id {}", d.id, s.id);
            assert!(labels.contains(s.label.as_str()), "{}: undeclared label {}", d.id, s.label);
        }
        let declared = |name: &str, scope: Scope| imp.labels.iter().any(|l| l.name == name && l.scope == scope);
        for r in &d.relations {
            assert!(ids.contains(&r.from) && ids.contains(&r.to), "{}: relation to no span: {r:?}", d.id);
            assert!(declared(&r.label, Scope::Relation), "{}: undeclared relation type {}", d.id, r.label);
        }
        for c in &d.categories {
            assert!(declared(&c.label, Scope::Document), "{}: undeclared document label {}", d.id, c.label);
        }
    }
}

/// (type, from text, to text) of every relation of `d`.
fn relations_text(d: &Document) -> Vec<(String, String, String)> {
    let text = |id: &str| {
        let s = d.spans.iter().find(|s| s.id == id).expect("relation end is a span");
        slice_chars(&d.text, s.start, s.end).unwrap().to_string()
    };
    d.relations.iter().map(|r| (r.label.clone(), text(&r.from), text(&r.to))).collect()
}

/// A relation by its type and the extents of its ends.
type Link = (String, (usize, usize), (usize, usize));

/// Per document: the relations not rejected, and the document labels not rejected.
fn links(imp: &Import) -> Vec<(Vec<Link>, Vec<String>)> {
    imp.documents
        .iter()
        .map(|d| {
            let at = |id: &str| d.spans.iter().find(|s| s.id == id).map_or((0, 0), |s| (s.start, s.end));
            let mut rs: Vec<_> = d
                .relations
                .iter()
                .filter(|r| r.status != Status::Rejected)
                .map(|r| (r.label.clone(), at(&r.from), at(&r.to)))
                .collect();
            rs.sort();
            let mut cs: Vec<String> =
                d.categories.iter().filter(|c| c.status != Status::Rejected).map(|c| c.label.clone()).collect();
            cs.sort();
            (rs, cs)
        })
        .collect()
}

fn spans_text(d: &Document) -> Vec<(String, String)> {
    d.spans.iter().map(|s| (s.label.clone(), slice_chars(&d.text, s.start, s.end).unwrap().to_string())).collect()
}

fn label_counts(imp: &Import) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for d in &imp.documents {
        for s in &d.spans {
            *m.entry(s.label.clone()).or_default() += 1;
        }
    }
    m
}

fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// (start, end, label) of every span, per document.
fn extents(imp: &Import) -> Vec<Vec<(usize, usize, String)>> {
    imp.documents.iter().map(|d| d.spans.iter().map(|s| (s.start, s.end, s.label.clone())).collect()).collect()
}

fn has_loss(imp_losses: &[String], needle: &str) -> bool {
    imp_losses.iter().any(|l| l.contains(needle))
}

/// Writes `imp` in `f` and reads it back; the texts and span extents must survive.
fn reexport(f: Format, imp: &Import) -> Import {
    let out = write(f, &imp.documents, &imp.labels);
    let files: Vec<(&str, &str)> = out.files.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
    let back = if f.needs_several_files() { read_files(f, &files) } else { read(f, files[0].1) }
        .unwrap_or_else(|e| panic!("{f:?} re-read: {e}"));
    check(&back);
    let texts: Vec<&str> = back.documents.iter().map(|d| d.text.as_str()).collect();
    let orig: Vec<&str> = imp.documents.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, orig, "{f:?}: texts survive");
    let dedup = |v: Vec<Vec<(usize, usize, String)>>| -> Vec<Vec<(usize, usize, String)>> {
        v.into_iter()
            .map(|mut d| {
                d.dedup();
                d
            })
            .collect()
    };
    assert_eq!(dedup(extents(&back)), dedup(extents(imp)), "{f:?}: extents survive");
    assert_eq!(links(&back), links(imp), "{f:?}: relations and document labels survive");
    back
}

// ---------------------------------------------------------------- doccano

#[test]
fn doccano_sequence_labeling_import_test_rejects_the_record_without_text() {
    let err = read(Format::Doccano, &fx("doccano/import_tests/sequence_labeling/example.jsonl")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    let err = err.to_string();
    assert!(err.contains("line 3") && err.contains("`text` is missing"), "{err}");
    // The first two lines alone are fine.
    let two: String =
        fx("doccano/import_tests/sequence_labeling/example.jsonl").lines().take(2).map(|l| format!("{l}\n")).collect();
    let imp = read(Format::Doccano, &two).unwrap();
    check(&imp);
    assert_eq!(spans_text(&imp.documents[0]), [("LOC".to_string(), "e".to_string())]);
    assert!(imp.documents[1].spans.is_empty());
    assert!(has_loss(&imp.losses, "record key `meta` dropped"), "{:?}", imp.losses);
}

#[test]
fn doccano_duplicate_spans_are_merged_and_said() {
    let imp = read(Format::Doccano, &fx("doccano/import_tests/sequence_labeling/example_overlapping.jsonl")).unwrap();
    assert_eq!(imp.documents[0].spans.len(), 1);
    assert!(has_loss(&imp.losses, "1 × duplicate span merged"), "{:?}", imp.losses);
}

#[test]
fn doccano_relation_files_read_alike_even_pretty_printed() {
    let a = read(Format::Doccano, &fx("doccano/import_tests/relation_extraction/example.jsonl")).unwrap();
    let b = read(Format::Doccano, &fx("doccano/export_examples/relation_extraction/example.jsonl")).unwrap();
    check(&a);
    let want: Vec<(String, String)> =
        [("ORG", "Google"), ("DATE", "September 4, 1998"), ("PERSON", "Larry Page"), ("PERSON", "Sergey Brin")]
            .iter()
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect();
    assert_eq!(spans_text(&a.documents[0]), want);
    assert_eq!(extents(&a), extents(&b));
    let rel = |l: &str, a: &str, b: &str| (l.to_string(), a.to_string(), b.to_string());
    let want = [
        rel("foundedAt", "Google", "September 4, 1998"),
        rel("foundedBy", "Google", "Larry Page"),
        rel("foundedBy", "Google", "Sergey Brin"),
    ];
    assert_eq!(relations_text(&a.documents[0]), want);
    assert_eq!(links(&a), links(&b));
    assert!(a.losses.is_empty(), "{:?}", a.losses);
    reexport(Format::Doccano, &a);
}

#[test]
fn doccano_export_example() {
    let imp = read(Format::Doccano, &fx("doccano/export_examples/sequence_labeling/example.jsonl")).unwrap();
    check(&imp);
    let all: Vec<(String, String)> = imp.documents.iter().flat_map(spans_text).collect();
    let want = [("ORG", "EU"), ("MISC", "German"), ("PERSON", "Peter Blackburn"), ("PERSON", "Obama")];
    assert_eq!(all, want.map(|(l, t)| (l.to_string(), t.to_string())));
    reexport(Format::Doccano, &imp);
}

#[test]
fn doccano_1x_annotations_keep_both_annotators() {
    let imp = read(Format::Doccano, &fx("doccano/doccano-transformer/labeling.jsonl")).unwrap();
    check(&imp);
    let n: usize = imp.documents.iter().map(|d| d.spans.len()).sum();
    assert_eq!(n, 16, "16 spans from 2 users");
    let users: HashSet<String> =
        imp.documents.iter().flat_map(|d| &d.spans).map(|s| s.attrs["annotator"].to_string()).collect();
    assert_eq!(users.len(), 2);
    assert_eq!(imp.labels.iter().map(|l| l.name.as_str()).collect::<HashSet<_>>(), HashSet::from(["12", "13", "14"]));
    assert!(has_loss(&imp.losses, "numeric label id kept as the label name"));
    assert!(imp.documents[0].text.contains('\n'), "multi-line documents");
}

#[test]
fn doccano_and_its_conll_rendering_agree() {
    let jsonl = read(Format::Doccano, &fx("doccano/doccano-transformer/labeling_text_label.jsonl")).unwrap();
    let conll = read(Format::Conll, &fx("conll/doccano-transformer/labeling_text_label.conll2003.user0")).unwrap();
    check(&jsonl);
    check(&conll);
    assert_eq!(label_counts(&jsonl), counts(&[("LOC", 6), ("PER", 4), ("ORG", 1)]));
    assert_eq!(jsonl.documents.len(), conll.documents.len());
    for (a, b) in jsonl.documents.iter().zip(&conll.documents) {
        assert_eq!(spans_text(a), spans_text(b), "same entities, in order, with the same text");
        // The rebuilt text has the same tokens.
        assert_eq!(a.text.split_whitespace().collect::<Vec<_>>(), b.text.split_whitespace().collect::<Vec<_>>());
    }
    reexport(Format::Doccano, &jsonl);
}

// ---------------------------------------------------------------- Label Studio

#[test]
fn label_studio_predictions_and_annotations() {
    let tasks = read(Format::LabelStudio, &fx("label-studio/named_entity/tasks.json")).unwrap();
    let ann = read(Format::LabelStudio, &fx("label-studio/named_entity/annotations/1.json")).unwrap();
    for (imp, origin, status) in
        [(&tasks, sift::Origin::Auto, sift::Status::Suggested), (&ann, sift::Origin::Manual, sift::Status::Accepted)]
    {
        check(imp);
        let d = &imp.documents[0];
        assert_eq!(d.text.chars().count(), 915);
        assert_eq!(spans_text(d), [("Date".to_string(), "February 22".to_string())]);
        let s = &d.spans[0];
        assert_eq!((s.start, s.end, s.id.as_str(), s.origin, s.status), (343, 354, "beFiQTT1cU", origin, status));
        // Label Studio keeps everything this file has: the re-export reads back identical.
        let back = reexport(Format::LabelStudio, imp);
        assert_eq!(back.documents, imp.documents);
    }
}

#[test]
fn label_studio_config_declares_the_labels() {
    let tasks = fx("label-studio/named_entity/tasks.json");
    let config = fx("label-studio/named_entity/config.xml");
    let imp = read_files(Format::LabelStudio, &[("tasks.json", &tasks), ("config.xml", &config)]).unwrap();
    check(&imp);
    let names: Vec<&str> = imp.labels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Person",
            "Organization",
            "Fact",
            "Money",
            "Date",
            "Time",
            "Ordinal",
            "Percent",
            "Product",
            "Language",
            "Location"
        ]
    );
    assert!(imp.labels.iter().all(|l| l.key.is_none()), "the config has no hotkeys");
    let colors: HashSet<&str> = imp.labels.iter().map(|l| l.color.as_str()).collect();
    assert!(colors.len() >= 8, "distinct colours are given where the config has none: {colors:?}");
}

// ---------------------------------------------------------------- brat

fn brat(stem: &str) -> Import {
    let txt = fx(&format!("brat/{stem}.txt"));
    let ann = fx(&format!("brat/{stem}.ann"));
    let name = stem.rsplit('/').next().unwrap();
    let imp = read_files(Format::Brat, &[(&format!("{name}.txt"), &txt), (&format!("{name}.ann"), &ann)]).unwrap();
    check(&imp);
    // Every T line's text column equals its span text (fragments joined by a space for discontinuous ones).
    imp
}

#[test]
fn brat_attributes_events_and_conf() {
    let imp = brat("tutorials-news/100-attribute_annotation");
    assert_eq!(label_counts(&imp), counts(&[("Organization", 14), ("Merge-org", 6), ("Report", 4), ("Person", 2)]));
    let d = &imp.documents[0];
    let t1 = d.spans.iter().find(|s| s.id == "T1").unwrap();
    assert_eq!(slice_chars(&d.text, t1.start, t1.end), Some("Somebody"));
    assert_eq!(t1.attrs.get("Individual"), Some(&serde_json::Value::Bool(true)));
    assert!(has_loss(&imp.losses, "10 × event (E line) dropped"), "{:?}", imp.losses);
    assert!(has_loss(&imp.losses, "5 × attribute on an event or relation dropped"), "{:?}", imp.losses);
    // annotation.conf adds its declared entity types.
    let conf = fx("brat/tutorials-news/annotation.conf");
    let with_conf = read_files(
        Format::Brat,
        &[
            ("a.txt", &d.text),
            ("a.ann", &fx("brat/tutorials-news/100-attribute_annotation.ann")),
            ("annotation.conf", &conf),
        ],
    )
    .unwrap();
    for l in ["Person", "Organization", "GPE", "Money"] {
        assert!(with_conf.labels.iter().any(|x| x.name == l), "{l}");
    }
    let back = reexport(Format::Brat, &imp);
    let b1 = back.documents[0].spans.iter().find(|s| s.start == t1.start && s.label == "Person").unwrap();
    assert_eq!(b1.attrs, t1.attrs);
}

#[test]
fn brat_notes() {
    let imp = brat("tutorials-news/110-note_annotation");
    let d = &imp.documents[0];
    assert_eq!(d.spans.len(), 14);
    let t1 = d.spans.iter().find(|s| s.id == "T1").unwrap();
    assert_eq!(slice_chars(&d.text, t1.start, t1.end), Some("Discworld"));
    assert_eq!(t1.note.as_deref(), Some("Should fictional places be annotated?"));
    assert!(has_loss(&imp.losses, "2 × note on an event or relation dropped"), "{:?}", imp.losses);
    let family = |a: &str, b: &str| ("Family".to_string(), a.to_string(), b.to_string());
    assert_eq!(
        relations_text(d),
        [family("Orville Wright", "Wilbur Wright"), family("Orville Wright", "Wilbur Wright")]
    );
    let out = write(Format::Brat, &imp.documents, &imp.labels);
    assert!(out.losses.iter().any(|l| l.contains("1 × span note kept as AnnotatorNotes")), "{:?}", out.losses);
    let back = reexport(Format::Brat, &imp);
    assert_eq!(back.documents[0].spans.iter().filter(|s| s.note.is_some()).count(), 1);
}

#[test]
fn brat_fragments_across_a_line_break_become_one_span() {
    let imp = brat("dkpro-core/document0c");
    let d = &imp.documents[0];
    let t2 = d.spans.iter().find(|s| s.id == "T2").unwrap();
    assert_eq!(slice_chars(&d.text, t2.start, t2.end), Some("is\na"), "5 7;8 9 with only a line break between");
    assert!(!has_loss(&imp.losses, "discontinuous"));
    // Writing splits it at the line break again, as brat does.
    let out = write(Format::Brat, &imp.documents, &imp.labels);
    let ann = &out.files.iter().find(|(n, _)| n.ends_with(".ann")).unwrap().1;
    assert!(ann.contains("Token 5 7;8 9\tis a\n"), "{ann}");
    reexport(Format::Brat, &imp);
}

#[test]
fn brat_fragments_with_text_between_stay_apart_and_say_so() {
    let imp = brat("dkpro-core/document0d");
    let d = &imp.documents[0];
    let parts: Vec<&str> = d
        .spans
        .iter()
        .filter(|s| s.id.starts_with("T2"))
        .map(|s| slice_chars(&d.text, s.start, s.end).unwrap())
        .collect();
    assert_eq!(parts, ["is", "n"]);
    assert!(has_loss(&imp.losses, "discontinuous span (2 fragments with text between) split"), "{:?}", imp.losses);
}

// ---------------------------------------------------------------- spaCy / Prodigy

#[test]
fn prodigy_ner_manual_with_escaped_non_ascii() {
    let src = fx("prodigy/fashion-train.jsonl");
    let imp = read(Format::Spacy, &src).unwrap();
    check(&imp);
    assert_eq!(imp.documents.len(), 10);
    let all: Vec<(String, String)> = imp.documents.iter().flat_map(spans_text).collect();
    assert_eq!(all.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(), ["FASHION_BRAND"; 2]);
    assert!(all.iter().any(|(_, t)| t == "SLP") && all.iter().any(|(_, t)| t == "club monaco"), "{all:?}");
    // Token offsets of the file are code points: each token's text is its slice.
    for (line, d) in src.lines().zip(&imp.documents) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for t in v["tokens"].as_array().unwrap() {
            let (s, e) = (t["start"].as_u64().unwrap() as usize, t["end"].as_u64().unwrap() as usize);
            assert_eq!(slice_chars(&d.text, s, e), t["text"].as_str());
        }
    }
    assert!(has_loss(&imp.losses, "task key `_input_hash` dropped"));
    let back = reexport(Format::Spacy, &imp);
    assert_eq!(
        back.documents.iter().map(|d| &d.spans).collect::<Vec<_>>(),
        imp.documents.iter().map(|d| &d.spans).collect::<Vec<_>>()
    );
}

#[test]
fn prodigy_demo_keeps_span_extras_as_attributes() {
    let imp = read(Format::Spacy, &fx("prodigy/demo.jsonl")).unwrap();
    check(&imp);
    let s = &imp.documents[0].spans[0];
    assert_eq!(spans_text(&imp.documents[0]), [("PERSON".to_string(), "Ed Sheeran".to_string())]);
    assert_eq!(s.attrs["source"], "en_core_web_lg");
    reexport(Format::Spacy, &imp);
}

#[test]
fn prodigy_bio_events_minimal_input() {
    let imp = read(Format::Spacy, &fx("prodigy/bio_events.jsonl")).unwrap();
    check(&imp);
    assert_eq!(imp.documents.len(), 129);
    assert_eq!(label_counts(&imp), counts(&[("GGP", 422)]));
    let d = &imp.documents[0];
    assert_eq!(&spans_text(d)[..2], [("GGP".to_string(), "bcr".to_string()), ("GGP".to_string(), "abl".to_string())]);
    assert!(has_loss(&imp.losses, "meta key `source` dropped"));
    reexport(Format::Spacy, &imp);
}

#[test]
fn prodigy_entity_linking_records() {
    let imp = read(Format::Spacy, &fx("prodigy/emerson_annotated_text.jsonl")).unwrap();
    check(&imp);
    assert_eq!(imp.documents.len(), 30);
    assert_eq!(label_counts(&imp), counts(&[("ORG", 27), ("PERSON", 3)]));
    assert!(imp.documents.iter().flat_map(spans_text).all(|(_, t)| t == "Emerson"));
    // The chosen option (a Wikidata id) is a decision about the whole task: a document label; the options are
    // the labels.
    let chosen: Vec<Vec<&str>> =
        imp.documents.iter().map(|d| d.categories.iter().map(|c| c.label.as_str()).collect()).collect();
    assert!(chosen.iter().all(|c| c.len() == 1 && c[0].starts_with('Q')), "{chosen:?}");
    let doc_labels = imp.labels.iter().filter(|l| l.scope == Scope::Document).count();
    assert_eq!(doc_labels, 5);
    reexport(Format::Spacy, &imp);
}

// ---------------------------------------------------------------- W3C Web Annotation

/// A stand-in text for annotations whose page was not copied: each quote written at its stored position,
/// with its prefix and suffix around it, spaces elsewhere. Overlapping quotes must agree.
fn stand_in_text(annos: &serde_json::Value, len: usize) -> String {
    let rows = annos.get("rows").unwrap_or(annos).as_array().unwrap().clone();
    let mut chars: Vec<Option<char>> = vec![None; len];
    let mut put = |at: usize, s: &str| {
        for (i, c) in s.chars().enumerate() {
            assert!(chars[at + i].is_none_or(|x| x == c), "conflicting quotes at {}", at + i);
            chars[at + i] = Some(c);
        }
    };
    for a in &rows {
        let targets = match &a["target"] {
            serde_json::Value::Array(t) => t.clone(),
            t => vec![t.clone()],
        };
        for t in targets {
            let sel = match &t["selector"] {
                serde_json::Value::Array(s) => s.clone(),
                serde_json::Value::Null => continue,
                s => vec![s.clone()],
            };
            let pos =
                sel.iter().find(|s| s["type"] == "TextPositionSelector").map(|s| s["start"].as_u64().unwrap() as usize);
            let q = sel.iter().find(|s| s["type"] == "TextQuoteSelector").unwrap();
            let (exact, prefix, suffix) =
                (q["exact"].as_str().unwrap(), q["prefix"].as_str().unwrap_or(""), q["suffix"].as_str().unwrap_or(""));
            let start = pos.unwrap();
            put(start - prefix.chars().count(), prefix);
            put(start, exact);
            put(start + exact.chars().count(), suffix);
        }
    }
    chars.into_iter().map(|c| c.unwrap_or(' ')).collect()
}

/// Every annotation of `path` lands where its quote was written, with the quote as its text.
fn w3c_on_stand_in(path: &str, len: usize) -> (Import, String) {
    let json = fx(path);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let text = stand_in_text(&v, len);
    let imp = read_files(Format::W3c, &[("annotations.json", &json), ("page.txt", &text)]).unwrap();
    check(&imp);
    (imp, text)
}

#[test]
fn w3c_recogito_text_annotator_overlaps_and_a_quote_shorter_than_its_range() {
    let (imp, _) = w3c_on_stand_in("recogito/text-annotator-js/annotations.w3c.json", 1700);
    let d = &imp.documents[0];
    assert_eq!(d.spans.len(), 5);
    let want = [(741, 772), (970, 1001), (982, 1030), (988, 1011), (1408, 1573)];
    assert_eq!(d.spans.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(), want);
    assert!(d.spans.iter().all(|s| s.label == "annotation" && s.id.len() == 36), "uuid ids kept");
    assert_eq!(imp.repairs.len(), 1, "{:?}", imp.repairs);
    assert!(imp.repairs[0].contains("1408..1581 disagrees with the quote"), "{:?}", imp.repairs);
    assert!(has_loss(&imp.losses, "annotation key `created` dropped"));
    reexport(Format::W3c, &imp);
}

#[test]
fn w3c_recogito_js_tags_comments_links_and_a_bad_position() {
    let (imp, text) = w3c_on_stand_in("recogito/recogito-js/annotations.w3c.json", 1000);
    let d = &imp.documents[0];
    let got: Vec<(String, String, Option<String>)> = d
        .spans
        .iter()
        .map(|s| (s.label.clone(), slice_chars(&text, s.start, s.end).unwrap().to_string(), s.note.clone()))
        .collect();
    let n = |s: &str| Some(s.to_string());
    assert_eq!(
        got,
        [
            ("A Tag".into(), "Troy".into(), n("This is a comment")),
            ("Another Tag".into(), "Troy".into(), n("This is a comment")),
            ("annotation".into(), "death in battle".into(), n("Another comment")),
            ("annotation".into(), "Ithaca".into(), n("Comment...")),
        ]
    );
    assert!(
        imp.repairs.iter().any(|r| r.contains("963..970 disagrees with the quote \"Ithaca\"; placed at 963..969")),
        "{:?}",
        imp.repairs
    );
    assert_eq!(relations_text(d), [("isRelatedTo".to_string(), "Troy".to_string(), "death in battle".to_string())]);
    reexport(Format::W3c, &imp);
}

#[test]
fn w3c_hypothesis_api_rows() {
    let (imp, _) = w3c_on_stand_in("hypothesis/wikipedia-regression-testing.json", 12000);
    let d = &imp.documents[0];
    assert_eq!(d.spans.len(), 5);
    assert_eq!(
        d.spans.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(),
        [(33, 51), (896, 1016), (2728, 2960), (7511, 7667), (11881, 11897)]
    );
    assert!(d.spans.iter().any(|s| s.note.as_deref() == Some("Footer")), "Hypothesis `text` is the note");
    assert!(imp.repairs.is_empty(), "{:?}", imp.repairs);
    assert!(has_loss(&imp.losses, "annotation key `permissions` dropped"));
}

#[test]
fn w3c_hypothesis_minimal_with_its_page() {
    let html = fx("hypothesis/minimal.html");
    let text = regex::Regex::new("<[^>]*>").unwrap().replace_all(&html, "").into_owned();
    assert_eq!(text, "One Two Three\n");
    let imp =
        read_files(Format::W3c, &[("minimal.json", &fx("hypothesis/minimal.json")), ("minimal.txt", &text)]).unwrap();
    check(&imp);
    assert_eq!(spans_text(&imp.documents[0]), [("annotation".to_string(), "Two".to_string())]);
    assert_eq!(imp.documents[0].spans[0].id, "test");
}

#[test]
fn w3c_spec_samples() {
    // anno26: quote with prefix and suffix only.
    let text = "a sentence: this is an anotation that has some typos, an anotation indeed";
    let imp = read_files(Format::W3c, &[("anno26.json", &fx("w3c-web-annotation/anno26.json")), ("page1.txt", text)])
        .unwrap();
    let s = &imp.documents[0].spans[0];
    assert_eq!((s.start, s.end), (23, 32), "the occurrence whose prefix and suffix match");
    assert!(has_loss(&imp.losses, "body given only as an IRI dropped"));
    // anno27: position only.
    let long = "x".repeat(800);
    let imp = read_files(Format::W3c, &[("anno27.json", &fx("w3c-web-annotation/anno27.json")), ("ebook1.txt", &long)])
        .unwrap();
    assert_eq!((imp.documents[0].spans[0].start, imp.documents[0].spans[0].end), (412, 795));
    // anno32: a quote nested in refinedBy.
    let text = "Some text before the Selected Text and text after it. Selected Text again.";
    let imp = read_files(Format::W3c, &[("anno32.json", &fx("w3c-web-annotation/anno32.json")), ("page1.txt", text)])
        .unwrap();
    assert_eq!(spans_text(&imp.documents[0]), [("annotation".to_string(), "Selected Text".to_string())]);
    assert_eq!(imp.documents[0].spans[0].start, 21);
    // Without the text there is nothing to anchor to: one clear message.
    let err = read_files(Format::W3c, &[("anno26.json", &fx("w3c-web-annotation/anno26.json"))]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Files);
    assert!(err.to_string().contains("give the text file too"), "{err}");
}

// ---------------------------------------------------------------- CoNLL

#[test]
fn conll_files_of_every_layout() {
    type Row<'a> = (&'a str, usize, &'a [(&'a str, usize)], &'a [(&'a str, &'a str)]);
    let table: &[Row] = &[
        ("conll/doccano/example.conll", 1, &[("LOC", 1), ("PER", 1)], &[("LOC", "JAPAN"), ("PER", "Nadim Ladki")]),
        ("conll/doccano/labeling.trailing.conll", 1, &[], &[]),
        (
            "conll/doccano/example.txt",
            1,
            &[("ORG", 1), ("MISC", 2), ("PER", 1)],
            &[("ORG", "EU"), ("MISC", "German"), ("MISC", "British"), ("PER", "Peter Blackburn")],
        ),
        (
            "conll/flair/1shot.txt",
            1,
            &[("MISC", 1), ("LOC", 1), ("ORG", 1), ("PER", 1)],
            &[("MISC", "Russian"), ("LOC", "Moscow"), ("ORG", "Interfax")],
        ),
        ("conll/flair/NER-de-train.tsv", 1, &[("PER", 3), ("ORG", 1), ("LOC", 1)], &[]),
    ];
    for (path, ndocs, want_counts, want_first) in table {
        let imp = read(Format::Conll, &fx(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        check(&imp);
        assert_eq!(imp.documents.len(), *ndocs, "{path}");
        if !want_counts.is_empty() {
            assert_eq!(label_counts(&imp), counts(want_counts), "{path}");
        }
        let got = spans_text(&imp.documents[0]);
        for (i, (l, t)) in want_first.iter().enumerate() {
            assert_eq!(got[i], (l.to_string(), t.to_string()), "{path}");
        }
        // Re-export the layer and read it again: same text and entities.
        let back = read(Format::Conll, write(Format::Conll, &imp.documents, &imp.labels).single().unwrap()).unwrap();
        assert_eq!(
            back.documents.iter().map(spans_text).collect::<Vec<_>>(),
            imp.documents.iter().map(spans_text).collect::<Vec<_>>(),
            "{path}"
        );
    }
}

#[test]
fn conll_trailing_blank_lines_and_sentence_breaks() {
    let imp = read(Format::Conll, &fx("conll/doccano/labeling.trailing.conll")).unwrap();
    let d = &imp.documents[0];
    assert_eq!(d.text.split(' ').count(), 12, "12 tokens, one sentence: {:?}", d.text);
    assert!(!d.text.ends_with('\n'));
    let two = read(Format::Conll, &fx("conll/doccano/example.conll")).unwrap();
    assert_eq!(two.documents[0].text.lines().count(), 2, "two sentences, two lines");
}

#[test]
fn conll_bioes_tags_and_non_ascii_tokens() {
    let imp = read(Format::Conll, &fx("conll/flair/eng.train")).unwrap();
    check(&imp);
    let d = &imp.documents[0];
    assert!(d.text.contains("Arlésienne") && d.text.contains("piqué"));
    let occasion: Vec<(String, String)> = spans_text(d).into_iter().filter(|(l, _)| l == "Occasion").collect();
    assert!(!occasion.is_empty(), "S-Occasion makes a one-token span");
    assert!(occasion.iter().all(|(_, t)| !t.contains(' ')), "{occasion:?}");
    assert!(has_loss(&imp.losses, "middle column(s)"), "{:?}", imp.losses);
}

#[test]
fn conll_germeval_reads_both_nested_layers_and_skips_comments() {
    let imp = read(Format::Conll, &fx("conll/flair/NER-de-train.tsv")).unwrap();
    let d = &imp.documents[0];
    assert!(d.text.starts_with("Schartau sagte dem"), "{:?}", &d.text[..40]);
    assert!(!d.text.contains("n-tv.de"), "comment lines are not text");
    assert_eq!(spans_text(d)[0], ("PER".to_string(), "Schartau".to_string()));
}

#[test]
fn every_fixture_is_detected_as_its_format() {
    let table: &[(&str, Format)] = &[
        ("doccano/export_examples/sequence_labeling/example.jsonl", Format::Doccano),
        ("doccano/export_examples/relation_extraction/example.jsonl", Format::Doccano),
        ("doccano/doccano-transformer/labeling.jsonl", Format::Doccano),
        ("label-studio/named_entity/tasks.json", Format::LabelStudio),
        ("label-studio/named_entity/annotations/1.json", Format::LabelStudio),
        ("prodigy/fashion-train.jsonl", Format::Spacy),
        ("prodigy/bio_events.jsonl", Format::Spacy),
        ("prodigy/emerson_annotated_text.jsonl", Format::Spacy),
        ("brat/tutorials-news/110-note_annotation.ann", Format::Brat),
        ("recogito/recogito-js/annotations.w3c.json", Format::W3c),
        ("hypothesis/minimal.json", Format::W3c),
        ("w3c-web-annotation/anno27.json", Format::W3c),
        ("conll/flair/1shot.txt", Format::Conll),
        ("conll/doccano/example.txt", Format::Conll),
        ("conll/flair/NER-de-train.tsv", Format::Conll),
        ("brat/tutorials-news/110-note_annotation.txt", Format::Text),
    ];
    for (path, want) in table {
        assert_eq!(Format::detect(path, &fx(path)), Some(*want), "{path}");
    }
    let _ = formats::clean_text;
}

#[test]
fn spacy_v2_training_tuples() {
    let line = r#"["Uber blew through $1 million a week", {"entities": [[0, 4, "ORG"], [18, 28, "MONEY"]]}]"#;
    let imp = read(Format::Spacy, line).unwrap();
    check(&imp);
    assert_eq!(
        spans_text(&imp.documents[0]),
        [("ORG".to_string(), "Uber".to_string()), ("MONEY".to_string(), "$1 million".to_string())]
    );
}

#[test]
fn reading_in_the_wrong_format_names_the_right_one() {
    let err = read(Format::Doccano, &fx("label-studio/named_entity/tasks.json")).unwrap_err().to_string();
    assert!(err.contains("this looks like a label-studio file"), "{err}");
    let err = read(Format::Sift, &fx("prodigy/demo.jsonl")).unwrap_err().to_string();
    assert!(err.contains("not a sift-annotations file") && err.contains("looks like a spacy file"), "{err}");
    let err = read(Format::LabelStudio, &fx("conll/flair/1shot.txt")).unwrap_err().to_string();
    assert!(err.contains("not valid JSON at line 1") && err.contains("looks like a conll file"), "{err}");
}
