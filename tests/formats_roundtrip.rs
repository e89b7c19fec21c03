//! Export → import round trips on hard text (emoji ZWJ sequences, flags, CJK, combining marks, CRLF, lone CR)
//! in every format, table-driven and as properties (proptest): lossless formats give back the very same
//! documents; lossy ones keep what they promise and say what they drop.

use proptest::prelude::*;
use serde_json::{json, Value};
use sift::annotation::sort_spans;
use sift::formats::{clean_text, read, read_files, write, write_with, Format, WriteOptions};
use sift::text::{slice_chars, OffsetMap};
use sift::{Category, Document, ErrorKind, Import, Label, Origin, Relation, Scope, Span, Status};

const FAMILY: &str = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
const FLAG: &str = "\u{1F1FA}\u{1F1E6}";

/// Texts from the corpus and the bench, with the hard characters put in.
fn hard_texts() -> Vec<String> {
    vec![
        format!("{FAMILY} At least 115 people were killed, officials said.\r\nThe attack came on 22 March {FLAG}."),
        "\u{83AB}\u{65AF}\u{79D1}\u{6F14}\u{5531}\u{4F1A}\u{9986}\u{8972}\u{51FB}: at least 115 dead\rRead also: more".to_string(),
        "Caf\u{e9} cafe\u{301} na\u{ef}ve: the Crocus City Hall\u{a0}concert, \u{201C}a big crowd\u{201D} \u{1F600}\u{1F600}\n\nShare this".to_string(),
    ]
}

fn find(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).unwrap_or_else(|| panic!("{needle:?} in {text:?}"));
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

/// A document with spans of every origin and status, attributes of every scalar type, notes and reasons.
fn rich_doc(i: usize, text: &str) -> Document {
    let span = |needle: &str, label: &str, origin: Origin, status: Status| {
        let (s, e) = find(text, needle);
        let mut span = Span::auto(s..e, label, &format!("{label}.test"), "A test span.");
        span.origin = origin;
        span.status = status;
        if origin != Origin::Auto {
            span.rule = None;
            span.why = None;
        }
        span
    };
    let mut spans = Vec::new();
    if text.contains("115") {
        spans.push(
            span("115", "number", Origin::Auto, Status::Suggested)
                .with_attr("kind", "cardinal")
                .with_attr("value", 115),
        );
    }
    if text.contains("22 March") {
        spans.push(span("22 March", "number", Origin::Auto, Status::Accepted).with_attr("kind", "date"));
    }
    if text.contains("officials said") {
        let claim = "At least 115 people were killed, officials said.";
        spans.push(
            span(claim, "claim", Origin::Gold, Status::Accepted)
                .with_attr("source", "officials")
                .with_attr("quote", true),
        );
    }
    if text.contains("Read also") {
        let mut s = span("Read also: more", "boilerplate", Origin::Manual, Status::Accepted);
        s.note = Some("teaser box \u{1F4E6}".into());
        spans.push(s);
    }
    if text.contains("Share this") {
        spans.push(span("Share this", "boilerplate", Origin::Auto, Status::Rejected));
    }
    if text.contains("cafe\u{301}") {
        let mut s = span("cafe\u{301}", "word", Origin::Manual, Status::Accepted);
        s.id = "custom-id".into();
        spans.push(s);
    }
    if text.contains(FLAG) {
        spans.push(span(FLAG, "flag", Origin::Manual, Status::Accepted));
    }
    sort_spans(&mut spans);
    Document::new(format!("doc {i}/\u{1F600}"), format!("doc-{i}.txt"), text.to_string(), spans)
}

fn labels_for(docs: &[Document]) -> Vec<Label> {
    let mut labels = Label::builtin();
    for d in docs {
        for s in &d.spans {
            if !labels.iter().any(|l| l.name == s.label) {
                labels.push(Label::new(s.label.clone(), "#123456", None));
            }
        }
        let scoped = d.relations.iter().map(|r| (Scope::Relation, &r.label));
        for (scope, name) in scoped.chain(d.categories.iter().map(|c| (Scope::Document, &c.label))) {
            if !labels.iter().any(|l| &l.name == name && l.scope == scope) {
                labels.push(Label::scoped(scope, name.clone(), "#654321"));
            }
        }
    }
    labels
}

fn round_trip(f: Format, docs: &[Document], labels: &[Label]) -> (Import, Vec<String>) {
    let out = write(f, docs, labels);
    let files: Vec<(&str, &str)> = out.files.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
    let back = if f.needs_several_files() { read_files(f, &files) } else { read(f, files[0].1) }
        .unwrap_or_else(|e| panic!("{f:?}: {e}\n{}", files[0].1));
    (back, out.losses)
}

/// What a format without a review state keeps: the spans that are not rejected.
fn unrejected(d: &Document) -> Vec<Span> {
    d.spans.iter().filter(|s| s.status != Status::Rejected).cloned().collect()
}

fn extents(spans: &[Span]) -> Vec<(usize, usize, String)> {
    spans.iter().map(|s| (s.start, s.end, s.label.clone())).collect()
}

#[test]
fn lossless_formats_give_back_the_same_documents() {
    let docs: Vec<Document> = hard_texts().iter().enumerate().map(|(i, t)| rich_doc(i, t)).collect();
    let labels = labels_for(&docs);
    for f in [Format::Sift, Format::SiftJsonl] {
        let (back, losses) = round_trip(f, &docs, &labels);
        assert!(losses.is_empty());
        assert_eq!(back.documents, docs, "{f:?}");
        assert_eq!(back.labels, labels, "{f:?}");
    }
}

#[test]
fn spacy_keeps_every_span_field_and_rejected_spans_as_reject_tasks() {
    let docs: Vec<Document> = hard_texts().iter().enumerate().map(|(i, t)| rich_doc(i, t)).collect();
    let labels = labels_for(&docs);
    let out = write(Format::Spacy, &docs, &labels);
    let rejects = out.single().unwrap().lines().filter(|l| l.contains("\"answer\":\"reject\"")).count();
    assert_eq!(rejects, 1, "one task per rejected span");
    let (back, losses) = round_trip(Format::Spacy, &docs, &labels);
    assert_eq!(back.documents, docs);
    assert_eq!(losses, ["spaCy/Prodigy: label colours and shortcut keys not kept (the format has no label list)"]);
}

#[test]
fn label_studio_keeps_everything_but_rejected_spans() {
    let docs: Vec<Document> = hard_texts().iter().enumerate().map(|(i, t)| rich_doc(i, t)).collect();
    let labels = labels_for(&docs);
    for f in [Format::LabelStudio] {
        let (back, losses) = round_trip(f, &docs, &labels);
        for (b, d) in back.documents.iter().zip(&docs) {
            assert_eq!((&b.id, &b.name, &b.text), (&d.id, &d.name, &d.text), "{f:?}");
            assert_eq!(b.spans, unrejected(d), "{f:?}");
        }
        assert!(losses.iter().any(|l| l.contains("1 × rejected spans not exported")), "{f:?}: {losses:?}");
    }
}

#[test]
fn label_studio_tasks_are_written_region_by_region_exactly_as_pretty_json() {
    // The writer streams regions instead of building one tree; its text must still be serde's pretty form of the
    // tree it stands for, with and without documents, predictions and gold.
    let mut docs: Vec<Document> = hard_texts().iter().enumerate().map(|(i, t)| rich_doc(i, t)).collect();
    docs.push(Document::new("empty", "empty", "No spans.", vec![]));
    for set in [&docs[..], &docs[..1], &docs[docs.len() - 1..], &[][..]] {
        let out = write(Format::LabelStudio, set, &labels_for(set));
        let tasks = &out.files[0].1;
        let tree: Value = serde_json::from_str(tasks).unwrap();
        assert_eq!(*tasks, serde_json::to_string_pretty(&tree).unwrap() + "\n", "{} documents", set.len());
    }
}

#[test]
fn doccano_brat_w3c_keep_extents_and_report_the_rest() {
    let docs: Vec<Document> = hard_texts().iter().enumerate().map(|(i, t)| rich_doc(i, t)).collect();
    let labels = labels_for(&docs);
    for f in [Format::Doccano, Format::Brat, Format::W3c] {
        let (back, losses) = round_trip(f, &docs, &labels);
        assert_eq!(back.documents.len(), docs.len());
        for (b, d) in back.documents.iter().zip(&docs) {
            assert_eq!(b.text, d.text, "{f:?}");
            assert_eq!(extents(&b.spans), extents(&unrejected(d)), "{f:?}");
        }
        assert!(losses.iter().any(|l| l.contains("rejected spans not exported")), "{f:?}: {losses:?}");
        match f {
            Format::Doccano => {
                assert!(losses.iter().any(|l| l.contains("attr `kind` dropped")), "{losses:?}");
                assert!(losses.iter().any(|l| l.contains("1 × custom span id dropped")), "{losses:?}");
            }
            Format::Brat => {
                assert!(losses.iter().any(|l| l.contains("3 × document id changed to fit a file name")), "{losses:?}");
                assert!(losses.iter().any(|l| l.contains("1 × span note kept as AnnotatorNotes")), "{losses:?}");
                assert!(losses.iter().any(|l| l.contains("attr `value`: number written as text")), "{losses:?}");
                let note = back.documents[1].spans.iter().find_map(|s| s.note.clone());
                assert_eq!(note.as_deref(), Some("teaser box \u{1F4E6}"));
                let claim = back.documents[0].spans.iter().find(|s| s.label == "claim").unwrap();
                assert_eq!(claim.attrs.get("quote"), Some(&Value::Bool(true)));
                assert_eq!(claim.attrs.get("source"), Some(&json!("officials")));
            }
            Format::W3c => {
                assert!(losses.iter().any(|l| l.contains("rule dropped")), "{losses:?}");
                let ids: Vec<&str> = back.documents.iter().map(|d| d.id.as_str()).collect();
                assert_eq!(
                    ids,
                    docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
                    "ids come back from the annotation URNs"
                );
                let ids: Vec<&str> = back.documents[2].spans.iter().map(|s| s.id.as_str()).collect();
                assert!(ids.contains(&"custom-id"), "{ids:?}");
            }
            _ => unreachable!(),
        }
    }
}

#[test]
fn each_format_writes_its_own_unit() {
    // The emoji before "at least 115" is one code point and two UTF-16 units.
    let text = "\u{1F44D} at least 115 dead";
    let mut d = Document::new("d", "d", text, vec![Span::auto(2..14, "number", "number.bound", "A bound.")]);
    d.spans[0].status = Status::Accepted;
    let labels = Label::builtin();
    let doccano: Value =
        serde_json::from_str(write(Format::Doccano, &[d.clone()], &labels).single().unwrap().trim()).unwrap();
    assert_eq!(doccano["label"], json!([[3, 15, "number"]]), "doccano: UTF-16");
    let ls = write(Format::LabelStudio, &[d.clone()], &labels);
    let ls: Value = serde_json::from_str(&ls.files[0].1).unwrap();
    assert_eq!(ls[0]["annotations"][0]["result"][0]["value"]["start"], 2, "Label Studio: code points");
    let spacy: Value =
        serde_json::from_str(write(Format::Spacy, &[d.clone()], &labels).single().unwrap().trim()).unwrap();
    assert_eq!((spacy["spans"][0]["start"].as_u64(), spacy["spans"][0]["token_start"].as_u64()), (Some(2), Some(1)));
    let brat = write(Format::Brat, &[d.clone()], &labels);
    assert!(brat.files[1].1.starts_with("T1\tnumber 2 14\tat least 115\n"), "brat: code points: {}", brat.files[1].1);
    let w3c: Value = serde_json::from_str(&write(Format::W3c, &[d.clone()], &labels).files[0].1).unwrap();
    assert_eq!(w3c[0]["target"]["selector"][1], json!({"type": "TextPositionSelector", "start": 2, "end": 14}));
}

#[test]
fn utf16_positions_from_browser_tools_are_recognized() {
    // A Hypothesis/Recogito-style annotation counted in UTF-16 (the flag is 4 units, 2 code points).
    let text = format!("{FLAG} Kyiv: at least 115 dead, at least 115 hurt");
    let anno = json!({"type": "Annotation", "target": {"source": "t.txt", "selector": [
        {"type": "TextPositionSelector", "start": 11, "end": 23},
        {"type": "TextQuoteSelector", "exact": "at least 115", "prefix": "Kyiv: ", "suffix": " dead"}]}});
    let imp = read_files(Format::W3c, &[("a.json", &anno.to_string()), ("t.txt", &text)]).unwrap();
    let s = &imp.documents[0].spans[0];
    assert_eq!((s.start, s.end), (9, 21));
    assert!(imp.repairs[0].contains("read as UTF-16"), "{:?}", imp.repairs);
    // Label Studio before its code-point fix wrote UTF-16 too; `value.text` tells.
    let task = json!([{"data": {"text": text}, "annotations": [{"result": [{"id": "r", "type": "labels", "from_name": "l", "to_name": "text",
        "value": {"start": 11, "end": 23, "text": "at least 115", "labels": ["number"]}}]}]}]);
    let imp = read(Format::LabelStudio, &task.to_string()).unwrap();
    assert_eq!((imp.documents[0].spans[0].start, imp.documents[0].spans[0].end), (9, 21));
    // Off by a few characters: repaired to the nearest occurrence of the quoted text, and said so.
    let line = json!({"text": text, "spans": [{"start": 25, "end": 37, "label": "number", "text": "at least 115"}]});
    let imp = read(Format::Spacy, &line.to_string()).unwrap();
    assert_eq!((imp.documents[0].spans[0].start, imp.documents[0].spans[0].end), (28, 40));
    assert!(imp.repairs[0].contains("moved to 28..40"), "{:?}", imp.repairs);
    // Not in the text at all: dropped and reported, never silently.
    let line = json!({"text": text, "spans": [{"start": 0, "end": 4, "label": "x", "text": "Odesa"}]});
    let imp = read(Format::Spacy, &line.to_string()).unwrap();
    assert!(imp.documents[0].spans.is_empty());
    assert!(
        imp.losses.iter().any(|l| l.contains("\"Odesa\" does not match") && l.contains("span dropped")),
        "{:?}",
        imp.losses
    );
}

#[test]
fn an_edge_inside_a_grapheme_is_widened_on_import() {
    let text = format!("family {FAMILY} here");
    // doccano (UTF-16) offsets that cut the ZWJ sequence after the man: 7..9.
    let line = json!({"text": text, "label": [[7, 9, "emoji"]]});
    let imp = read(Format::Doccano, &line.to_string()).unwrap();
    let s = &imp.documents[0].spans[0];
    assert_eq!(slice_chars(&text, s.start, s.end), Some(FAMILY));
    assert!(imp.repairs[0].contains("grapheme"), "{:?}", imp.repairs);
}

#[test]
fn conll_writes_one_layer_and_says_what_it_drops() {
    let docs: Vec<Document> = hard_texts().iter().enumerate().map(|(i, t)| rich_doc(i, t)).collect();
    let labels = labels_for(&docs);
    let out = write_with(Format::Conll, &docs, &labels, &WriteOptions::layer(["number"]));
    assert!(out.losses.iter().any(|l| l.contains("`claim` span not in the exported layer")), "{:?}", out.losses);
    let back = read(Format::Conll, out.single().unwrap()).unwrap();
    for (b, d) in back.documents.iter().zip(&docs) {
        let want: Vec<(String, String)> = unrejected(d)
            .iter()
            .filter(|s| s.label == "number")
            .map(|s| (s.label.clone(), slice_chars(&d.text, s.start, s.end).unwrap().to_string()))
            .collect();
        let got: Vec<(String, String)> = b
            .spans
            .iter()
            .map(|s| (s.label.clone(), slice_chars(&b.text, s.start, s.end).unwrap().replace(' ', "")))
            .collect();
        let want: Vec<(String, String)> = want.into_iter().map(|(l, t)| (l, t.replace(' ', ""))).collect();
        assert_eq!(got, want);
    }
    // All layers at once: the overlapping ones go, and the export says how many.
    let all = write(Format::Conll, &docs, &labels);
    assert!(all.losses.iter().any(|l| l.contains("overlapping `number` span dropped")), "{:?}", all.losses);
}

#[test]
fn clean_text_drops_the_gold_boilerplate_lines() {
    let src = std::fs::read_to_string("tests/data/corpus/004_88583a0961250598.gold.json").unwrap();
    let imp = read(Format::Sift, &src).unwrap();
    let d = &imp.documents[0];
    let clean = clean_text(d);
    let lines: std::collections::HashSet<&str> = clean.lines().map(str::trim).collect();
    let mut removed = 0;
    for s in d.spans.iter().filter(|s| s.label == "boilerplate") {
        let t = slice_chars(&d.text, s.start, s.end).unwrap();
        let also_content =
            d.spans.iter().any(|c| c.label == "claim" && slice_chars(&d.text, c.start, c.end) == Some(t));
        if !also_content {
            assert!(!lines.contains(t.trim()), "boilerplate line kept: {t:?}");
            removed += 1;
        }
    }
    assert!(removed >= 15, "{removed}");
    for s in d.spans.iter().filter(|s| s.label == "claim") {
        let t = slice_chars(&d.text, s.start, s.end).unwrap();
        assert!(clean.contains(t), "claim lost: {t:?}");
    }
    assert!(!clean.contains("\n\n\n") && !clean.starts_with('\n') && clean.ends_with('\n'));
    let out = write(Format::Text, &imp.documents, &imp.labels);
    assert_eq!(out.files, vec![("004_88583a0961250598.txt".to_string(), clean)]);
    assert!(out.losses[0].contains("span dropped"));
}

// ---------------------------------------------------------------- properties

const PIECES: &[&str] = &[
    "a",
    "Moscow",
    "115",
    " ",
    " ",
    ",",
    ".",
    "\n",
    "\r\n",
    "\r",
    "\u{a0}",
    FAMILY,
    FLAG,
    "e\u{301}",
    "\u{83AB}\u{65AF}\u{79D1}",
    "\u{1F600}",
    "\u{201C}",
    "\u{201D}",
    "\t",
    "caf\u{e9}",
    "\u{1F44D}\u{1F3FD}",
];
const LABELS: &[&str] = &["number", "claim", "boilerplate", "two words"];

fn arb_doc() -> impl Strategy<Value = Document> {
    let text = prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|p| p.concat());
    text.prop_flat_map(|text| {
        let n = OffsetMap::new(&text).len_chars();
        let span = (
            0..=n,
            0..=n,
            prop::sample::select(LABELS),
            0..3u8,
            0..3u8,
            prop::option::of("[a-z]{1,6}\\.[a-z]{1,6}"),
            prop::option::of("\\PC{0,12}"),
            prop::option::of(prop_oneof![
                Just(json!("cardinal")),
                Just(json!(115)),
                Just(json!(4.5)),
                Just(json!(true))
            ]),
        );
        let relation = (0..6usize, 0..6usize, prop::sample::select(&["said-by", "about"][..]), 0..3u8, 0..3u8);
        let category = (prop::sample::select(&["security", "sport", "health"][..]), 0..3u8, 0..3u8);
        (
            Just(text),
            prop::collection::vec(span, 0..6),
            prop::collection::vec(relation, 0..4),
            prop::collection::vec(category, 0..3),
        )
    })
    .prop_map(|(text, raw, raw_relations, raw_categories)| {
        let map = OffsetMap::new(&text);
        let mut spans: Vec<Span> = Vec::new();
        for (i, (a, b, label, o, st, rule, note, attr)) in raw.into_iter().enumerate() {
            let (s, e) = map.snap_outward(a.min(b), a.max(b));
            let origin = [Origin::Auto, Origin::Manual, Origin::Gold][o as usize];
            let status = [Status::Suggested, Status::Accepted, Status::Rejected][st as usize];
            let mut span = Span::auto(s..e, label, "r", "w");
            span.id = format!("s{i}");
            span.origin = origin;
            span.status = status;
            span.rule = rule;
            span.why = span.rule.as_ref().map(|r| format!("Because {r}."));
            span.note = note;
            if let Some(v) = attr {
                span.attrs.insert("kind".into(), v);
            }
            spans.push(span);
        }
        sort_spans(&mut spans);
        let review = |o: u8, st: u8| {
            (
                [Origin::Auto, Origin::Manual, Origin::Gold][o as usize],
                [Status::Suggested, Status::Accepted, Status::Rejected][st as usize],
            )
        };
        let mut relations: Vec<Relation> = Vec::new();
        for (a, b, label, o, st) in raw_relations.into_iter().filter(|_| !spans.is_empty()) {
            let (from, to) = (&spans[a % spans.len()].id, &spans[b % spans.len()].id);
            let (origin, status) = review(o, st);
            let r = Relation { origin, status, ..Relation::manual(from, to, label) };
            if !relations.iter().any(|x| x.id == r.id) {
                relations.push(r);
            }
        }
        let mut categories: Vec<Category> = Vec::new();
        for (label, o, st) in raw_categories {
            let (origin, status) = review(o, st);
            if !categories.iter().any(|c| c.label == label) {
                categories.push(Category { origin, status, ..Category::manual(label) });
            }
        }
        let mut doc = Document::new("p", "p.txt", text, spans);
        doc.relations = relations;
        doc.categories = categories;
        doc
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn lossless_formats_survive_export_import(doc in arb_doc()) {
        let labels = labels_for(std::slice::from_ref(&doc));
        for f in Format::ALL.iter().copied().filter(|f| f.is_lossless()) {
            let (back, losses) = round_trip(f, std::slice::from_ref(&doc), &labels);
            prop_assert!(losses.is_empty());
            prop_assert_eq!(&back.documents, &vec![doc.clone()], "{:?}", f);
        }
    }

    #[test]
    fn spacy_gives_back_the_same_documents(doc in arb_doc()) {
        let labels = labels_for(std::slice::from_ref(&doc));
        let (back, _) = round_trip(Format::Spacy, std::slice::from_ref(&doc), &labels);
        // Relations go out when they and their ends are not rejected; document labels all go out, by name.
        let mut want = doc.clone();
        let rejected: Vec<&str> =
            doc.spans.iter().filter(|s| s.status == Status::Rejected).map(|s| s.id.as_str()).collect();
        want.relations.retain(|r| {
            r.status != Status::Rejected && !rejected.contains(&r.from.as_str()) && !rejected.contains(&r.to.as_str())
        });
        want.categories.sort_by(|a, b| a.label.cmp(&b.label));
        let mut got = back.documents.clone();
        got[0].categories.sort_by(|a, b| a.label.cmp(&b.label));
        prop_assert_eq!(&got, &vec![want]);
    }

    #[test]
    fn offset_formats_keep_every_unrejected_extent(doc in arb_doc()) {
        let labels = labels_for(std::slice::from_ref(&doc));
        let keep = unrejected(&doc);
        for f in [Format::Doccano, Format::LabelStudio, Format::W3c] {
            let (back, losses) = round_trip(f, std::slice::from_ref(&doc), &labels);
            prop_assert_eq!(&back.documents[0].text, &doc.text, "{:?}", f);
            let mut want = extents(&keep);
            if f == Format::Doccano {
                // doccano has no span ids: identical extents are one span, and the export says so.
                let n = want.len();
                want.dedup();
                prop_assert!(n == want.len() || losses.iter().any(|l| l.contains("duplicate")), "{:?}", losses);
            }
            if f == Format::Doccano && back.repairs.iter().any(|r| r.contains("offsets read as")) {
                // The reader guesses the unit from how spans sit on the text (doccano files do not say it): it
                // leaves UTF-16 only when that reading puts span edges inside words, clusters or on spaces.
                let map = OffsetMap::new(&doc.text);
                let odd = |k: usize| !map.is_grapheme_boundary(k) || {
                    let at = |i: usize| slice_chars(&doc.text, i, i + 1).and_then(|c| c.chars().next());
                    let w = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
                    (k > 0 && w(at(k - 1)) && w(at(k))) || at(k).is_some_and(char::is_whitespace)
                        || (k > 0 && at(k - 1).is_some_and(char::is_whitespace))
                };
                prop_assert!(keep.iter().any(|s| odd(s.start) || odd(s.end)), "{:?}", back.repairs);
                continue;
            }
            prop_assert_eq!(extents(&back.documents[0].spans), want, "{:?}", f);
        }
    }

    #[test]
    fn brat_keeps_extents_that_do_not_start_or_end_at_a_line_break(doc in arb_doc()) {
        let labels = labels_for(std::slice::from_ref(&doc));
        let (back, losses) = round_trip(Format::Brat, std::slice::from_ref(&doc), &labels);
        prop_assert_eq!(&back.documents[0].text, &doc.text);
        let brk = |c: Option<char>| matches!(c, Some('\n' | '\r'));
        let clean: Vec<Span> = unrejected(&doc).into_iter().filter(|s| {
            let t = slice_chars(&doc.text, s.start, s.end).unwrap();
            !brk(t.chars().next()) && !brk(t.chars().last())
        }).collect();
        let back_ext = extents(&back.documents[0].spans);
        for (a, b, l) in extents(&clean) {
            let e = (a, b, l.replace(' ', "_"));
            prop_assert!(back_ext.contains(&e), "{:?} lost; losses {:?}", e, losses);
        }
        if clean.len() < unrejected(&doc).len() {
            prop_assert!(losses.iter().any(|l| l.contains("line break at a span edge")), "{:?}", losses);
        }
    }

    #[test]
    fn sift_reader_never_panics_on_mutated_input(doc in arb_doc(), cut in 0usize..400, junk in "\\PC{0,8}") {
        let s = sift::formats::sift::write_json(std::slice::from_ref(&doc), &Label::builtin());
        let mut at = cut.min(s.len());
        while !s.is_char_boundary(at) { at -= 1; }
        let broken = format!("{}{}{}", &s[..at], junk, &s[at..]);
        for f in Format::ALL {
            let _ = read(*f, &broken);
        }
    }
}

#[test]
fn hostile_input_gets_a_message_not_a_panic() {
    let huge = u64::MAX;
    let cases: Vec<(Format, String)> = vec![
        (Format::Doccano, format!("{{\"text\": \"abc\", \"label\": [[0, {huge}, \"X\"]]}}")),
        (Format::Doccano, "{\"text\": \"abc\", \"label\": [[0, 4294967298, \"X\"]]}".to_string()),
        (Format::Spacy, format!("{{\"text\": \"abc\", \"spans\": [{{\"start\": {huge}, \"end\": 1, \"label\": \"X\"}}]}}")),
        (Format::LabelStudio, "[{\"data\": {\"text\": \"abc\"}, \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": -1, \"end\": 2, \"labels\": [\"X\"]}}]}]}]".to_string()),
        (Format::Sift, "[".repeat(10_000)),
        (Format::SiftJsonl, "\u{0}\u{1}\u{7f}\u{FFFD}".to_string()),
        (Format::Conll, "{\"format\": \"sift-annotations\"}".to_string()),
        (Format::LabelStudio, "42".to_string()),
    ];
    for (f, input) in cases {
        match read(f, &input) {
            Err(e) => assert!(!e.to_string().is_empty()),
            Ok(imp) => {
                assert!(imp.documents.iter().all(|d| d.spans.is_empty()) && !imp.losses.is_empty(), "{f:?}: {imp:?}")
            }
        }
    }
    let err =
        read_files(Format::Brat, &[("a.txt", "abc"), ("a.ann", "T1\tX 0 99999999999999999999999\tabc")]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax);
    assert!(err.to_string().contains("a.ann line 1"), "{err}");
    let err = read_files(Format::Brat, &[("b.ann", "T1\tX 0 1\ta")]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Files);
    assert!(err.to_string().contains("b.ann has no b.txt"), "{err}");
    let err = read(Format::Conll, "{\"format\": \"sift-annotations\"}").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax);
    assert!(err.to_string().contains("line 1"), "{err}");
}

/// The detectors' own output on the gold articles, through every format: what each keeps comes back, and
/// what it cannot keep is named in its losses.
#[test]
fn detector_output_on_the_corpus_through_every_format() {
    let mut docs = Vec::new();
    for entry in std::fs::read_dir("tests/data/corpus").unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&p).unwrap();
            let spans = sift::analyze(&text, sift::Layers::ALL);
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            docs.push(Document::new(name.trim_end_matches(".txt").to_string(), name, text, spans));
        }
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(docs.len(), 5);
    let n: usize = docs.iter().map(|d| d.spans.len()).sum();
    assert!(n > 100, "the detectors found {n} spans");
    let labels = Label::builtin();
    for f in Format::ALL.iter().copied().filter(|f| f.is_readable() && *f != Format::Text && *f != Format::Conll) {
        let (back, losses) = round_trip(f, &docs, &labels);
        assert_eq!(back.documents.len(), 5, "{f:?}");
        for (b, d) in back.documents.iter().zip(&docs) {
            assert_eq!(b.text, d.text, "{f:?}");
            let want = if f.is_lossless() || f == Format::Spacy { d.spans.clone() } else { unrejected(d) };
            assert_eq!(extents(&b.spans), extents(&want), "{f:?} {}", d.id);
            if f.is_lossless() || f == Format::Spacy || f == Format::LabelStudio {
                assert_eq!(b.spans, want, "{f:?} {}", d.id);
            }
        }
        if !f.is_lossless() && f != Format::Spacy {
            // Automatic spans carry rule and reason; every lossy format but spaCy and Label Studio drops the
            // rule, and says so.
            let says_rule = losses.iter().any(|l| l.contains("rule dropped"));
            assert_eq!(says_rule, f != Format::LabelStudio, "{f:?}: {losses:?}");
        }
    }
}

#[test]
fn label_lists_come_back_from_label_studio_config_and_brat_conf() {
    let docs: Vec<Document> = hard_texts().iter().enumerate().map(|(i, t)| rich_doc(i, t)).collect();
    let labels = labels_for(&docs);
    let out = write(Format::LabelStudio, &docs, &labels);
    assert_eq!(out.files.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["tasks.json", "config.xml"]);
    let files: Vec<(&str, &str)> = out.files.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
    let back = read_files(Format::LabelStudio, &files).unwrap();
    assert_eq!(back.labels, labels, "colours, keys and order from config.xml");
    let out = write(Format::Brat, &docs, &labels);
    let files: Vec<(&str, &str)> = out.files.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
    let back = read_files(Format::Brat, &files).unwrap();
    for l in &labels {
        let b = back.labels.iter().find(|b| b.name == l.name).unwrap_or_else(|| panic!("{}", l.name));
        assert_eq!(b.color, l.color, "{}", l.name);
    }
    let out = write(Format::Doccano, &docs, &labels);
    assert!(
        out.losses
            .iter()
            .any(|l| l == "doccano: label colours and shortcut keys not kept (the format has no label list)"),
        "{:?}",
        out.losses
    );
}

#[test]
fn a_quote_that_squashes_a_line_break_keeps_its_position() {
    // Recogito's text-annotator quotes "…went by,\n        there came…" as "…went by, there came…": the range
    // is 8 characters longer than the quote.
    let text = "But as years went by,\n        there came a time when the gods";
    let anno = json!({"type": "Annotation", "target": {"source": "t.txt", "selector": [
        {"type": "TextQuoteSelector", "exact": "years went by, there came", "prefix": "But as ", "suffix": " a time"},
        {"type": "TextPositionSelector", "start": 7, "end": 40}]}});
    let imp = read_files(Format::W3c, &[("a.json", &anno.to_string()), ("t.txt", text)]).unwrap();
    let s = &imp.documents[0].spans[0];
    assert_eq!(slice_chars(text, s.start, s.end), Some("years went by,\n        there came"));
    assert!(imp.repairs[0].contains("only in whitespace"), "{:?}", imp.repairs);
    // The same through a Label Studio region.
    let task = json!({"data": {"text": text}, "annotations": [{"result": [{"id": "r", "type": "labels",
        "value": {"start": 7, "end": 40, "text": "years went by, there came", "labels": ["claim"]}}]}]});
    let imp = read(Format::LabelStudio, &task.to_string()).unwrap();
    assert_eq!((imp.documents[0].spans[0].start, imp.documents[0].spans[0].end), (7, 40));
}
