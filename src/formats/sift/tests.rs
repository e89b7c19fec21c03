//! The reader's and writer's own cases; the gold corpus and the schema are checked in `tests/formats_sift.rs`.

use super::*;
use crate::{Origin, Status};

fn doc(text: &str, spans: Vec<Span>) -> Document {
    Document::new("d1", "d1.txt", text, spans)
}

#[test]
fn written_spans_carry_text_and_utf16() {
    let text = "\u{1F1FA}\u{1F1E6} at least 115 dead";
    let d = doc(text, vec![Span::auto(3..15, "number", "number.bound", "A bound before a cardinal.")]);
    let v: Value = serde_json::from_str(&write_json(&[d], &Label::builtin())).unwrap();
    let s = &v["documents"][0]["spans"][0];
    assert_eq!(s["text"], "at least 115");
    assert_eq!((s["start_utf16"].as_u64(), s["end_utf16"].as_u64()), (Some(5), Some(17)));
}

/// Each mutation of a valid file must fail with a message naming the place and the problem.
#[test]
fn every_problem_is_reported_with_its_path() {
    let good = r#"{"format":"sift-annotations","version":1,"documents":[{"id":"a","name":"a","text":"e\u0301 at least 115","spans":[{"start":3,"end":15,"label":"number","text":"at least 115"}]}]}"#;
    read_json(good).expect("the valid base reads");
    let table: &[(&str, &str, ErrorKind, &str)] = &[
        (r#""format":"sift-annotations""#, r#""format":"doccano""#, ErrorKind::Invalid, "not a sift-annotations file"),
        (r#""version":1"#, r#""version":3"#, ErrorKind::Unsupported, "unsupported sift-annotations version 3"),
        (
            r#""text":"at least 115""#,
            r#""text":"at least 11""#,
            ErrorKind::Invalid,
            "documents[0].spans[0]: text \"at least 11\" does not match the document text at 3..15 (\"at least 115\")",
        ),
        (r#""end":15"#, r#""end":99"#, ErrorKind::Invalid, "documents[0].spans[0]: offsets 3..99 run past the end"),
        (r#""start":3"#, r#""start":16"#, ErrorKind::Invalid, "start 16 is after end 15"),
        (r#""start":3"#, r#""start":1"#, ErrorKind::Invalid, "`start` 1 splits a grapheme cluster"),
        (
            r#""label":"number","#,
            r#""label":"number","start_utf16":4,"#,
            ErrorKind::Invalid,
            "`start_utf16` is 4 but code point 3 is UTF-16 offset 3",
        ),
        (
            r#""label":"number","#,
            r#""label":"number","origin":"robot","#,
            ErrorKind::Invalid,
            "`origin` \"robot\" is not one of",
        ),
        (
            r#""label":"number","#,
            r#""label":"number","start":"3","#,
            ErrorKind::Invalid,
            "documents[0].spans[0]: `start` must be a non-negative integer",
        ),
        (r#""label":"number","#, r#""#, ErrorKind::Invalid, "`label` is missing"),
        (
            r#""documents":["#,
            r#""labels":[{"name":"x","color":"blue"}],"documents":["#,
            ErrorKind::Invalid,
            "labels[0]: `color` \"blue\" is not of the form #rrggbb",
        ),
        (r#""text":"e"#, r#""text":5,"x":"e"#, ErrorKind::Invalid, "documents[0]: `text` must be a string"),
    ];
    for (from, to, kind, want) in table {
        assert!(good.contains(from), "{from}");
        let bad = good.replacen(from, to, 1);
        let err = read_json(&bad).expect_err(&bad);
        assert_eq!(err.kind(), *kind, "for {to}: {err}");
        assert!(err.to_string().contains(want), "for {to}: {err}");
    }
}

#[test]
fn duplicate_ids_are_reported() {
    let f = r#"{"format":"sift-annotations","version":1,"documents":[{"id":"a","text":"one two","spans":[
        {"id":"x","start":0,"end":3,"label":"number"},{"id":"x","start":4,"end":7,"label":"number"}]},
        {"id":"a","text":"","spans":[]}]}"#;
    let err = read_json(f).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    let err = err.to_string();
    assert!(err.contains("documents[0].spans[1]: span id \"x\" is used twice"), "{err}");
    assert!(err.contains("documents[1]: document id \"a\" is used twice"), "{err}");
    assert!(err.starts_with("sift-annotations: 2 problems"), "{err}");
}

#[test]
fn defaults_fill_what_the_file_leaves_out() {
    let f = r##"{"format":"sift-annotations","version":1,"labels":[{"name":"number","color":"#0072b2"}],
        "documents":[{"text":"two sides","spans":[{"start":0,"end":3,"label":"number"},
        {"start":4,"end":9,"label":"party","origin":"auto"}]}]}"##;
    let imp = read_json(f).unwrap();
    let d = &imp.documents[0];
    assert_eq!((d.id.as_str(), d.name.as_str()), ("doc-1", "doc-1"));
    assert_eq!(d.spans[0].id, "number:0-3");
    assert_eq!((d.spans[0].origin, d.spans[0].status), (Origin::Manual, Status::Accepted));
    assert_eq!((d.spans[1].origin, d.spans[1].status), (Origin::Auto, Status::Suggested));
    assert_eq!(imp.labels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["number", "party"]);
    assert!(imp.repairs[0].contains("label \"party\" was not declared"), "{:?}", imp.repairs);
}

#[test]
fn unknown_keys_are_listed_not_silently_dropped() {
    let f = r#"{"format":"sift-annotations","version":1,"documents":[{"text":"x","spans":[],"lang":"en"}]}"#;
    let imp = read_json(f).unwrap();
    assert_eq!(imp.losses, ["sift-annotations: documents[0]: unknown key `lang` ignored"]);
}

#[test]
fn jsonl_reads_stream_lines_and_header() {
    let d = doc("Friday, 22 March", vec![Span::auto(8..16, "number", "number.date", "A day and month.")]);
    let body = write_jsonl(std::slice::from_ref(&d), &Label::builtin());
    let back = read_jsonl(&body).unwrap();
    assert_eq!(back.documents, vec![d.clone()]);
    let stream = format!("{}\n{}\n", stream_line(&d), stream_line(&Document { id: "d2".into(), ..d.clone() }));
    let back = read_jsonl(&stream).unwrap();
    assert_eq!(back.documents.len(), 2);
    assert_eq!(back.documents[0].spans, d.spans);
    assert_eq!(back.documents[1].name, "d2", "stream lines have no name: the id stands in");
    let err = read_jsonl("{\"id\":\"a\",\"text\":\"x\"}\nnot json\n").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax);
    assert!(err.to_string().contains("line 2: not valid JSON"), "{err}");
}
