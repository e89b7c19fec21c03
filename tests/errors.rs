//! Every door of the public API that can refuse input says which kind of refusal it is, so callers (the CLI, the
//! app) branch on `Error::kind`, not on message text.

use sift::formats::{read, read_files, Format};
use sift::{input, ErrorKind, Layers};

#[test]
fn each_refusal_has_its_kind() {
    let sentence = "At least 133 people were killed in the attack, officials said.";
    let table: Vec<(&str, sift::Error, ErrorKind)> = vec![
        ("layer name", Layers::parse("number,clams").unwrap_err(), ErrorKind::UnknownLayer),
        ("format name", Format::from_name("docx").unwrap_err(), ErrorKind::UnknownFormat),
        ("latin-1 bytes", input::read_bytes("a.txt", None, b"caf\xe9").unwrap_err(), ErrorKind::Encoding),
        ("binary bytes", input::read_bytes("a.pdf", None, b"%PDF-1.7\n\0\x01").unwrap_err(), ErrorKind::Binary),
        ("bad JSON", read(Format::Sift, "{\"format\": ").unwrap_err(), ErrorKind::Syntax),
        (
            "future version",
            read(Format::Sift, r#"{"format":"sift-annotations","version":9}"#).unwrap_err(),
            ErrorKind::Unsupported,
        ),
        (
            "offsets past the text",
            read(
                Format::Sift,
                &format!(
                    r#"{{"format":"sift-annotations","version":1,"documents":[{{"id":"a","text":"{sentence}",
                    "spans":[{{"id":"n1","start":9,"end":999,"label":"number"}}]}}]}}"#
                ),
            )
            .unwrap_err(),
            ErrorKind::Invalid,
        ),
        (
            "brat without text",
            read_files(Format::Brat, &[("a.ann", "T1\tNUM 9 12\t133")]).unwrap_err(),
            ErrorKind::Files,
        ),
        ("brat in read()", read(Format::Brat, "T1\tNUM 9 12\t133").unwrap_err(), ErrorKind::Files),
        ("CoNLL one column", read(Format::Conll, "Moscow\n").unwrap_err(), ErrorKind::Syntax),
    ];
    for (what, err, kind) in table {
        assert_eq!(err.kind(), kind, "{what}: {err}");
        assert!(!err.to_string().is_empty(), "{what}");
    }
}

#[test]
fn a_file_name_in_front_keeps_the_kind() {
    let err = read_files(Format::Doccano, &[("batch.jsonl", "{\"text\": 5}")]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
    assert!(err.to_string().starts_with("batch.jsonl: "), "{err}");
}

/// `(file name, content)` pairs for `read_files`.
type Files = Vec<(&'static str, String)>;

#[test]
fn messages_quote_a_short_piece_of_a_huge_value_and_say_where() {
    let mb = "x".repeat(1 << 20);
    let sentence = "At least 133 people were killed in the attack, officials said.";
    let doc = |span: &str| {
        format!(
            r#"{{"format":"sift-annotations","version":1,"documents":[{{"id":"a","text":"{sentence}","spans":[{span}]}}]}}"#
        )
    };
    // (what, format, files, a piece of the message that says where)
    let table: Vec<(&str, Format, Files, &str)> = vec![
        ("20 MB CoNLL line", Format::Conll, vec![("a.conll", "y".repeat(20 << 20))], "line 1"),
        ("1 MB CoNLL tag", Format::Conll, vec![("a.conll", format!("Moscow\t{mb}\n"))], "line 1"),
        (
            "1 MB origin",
            Format::Sift,
            vec![("a.json", doc(&format!(r#"{{"id":"n","start":9,"end":12,"label":"number","origin":"{mb}"}}"#)))],
            "documents[0].spans[0]",
        ),
        (
            "1 MB offset value",
            Format::Sift,
            vec![("a.json", doc(&format!(r#"{{"id":"n","start":"{mb}","end":12,"label":"number"}}"#)))],
            "documents[0].spans[0]",
        ),
        (
            "1 MB doccano label entry",
            Format::Doccano,
            vec![("a.jsonl", format!(r#"{{"text":"{sentence}","label":[{{"note":"{mb}"}}]}}"#))],
            "line 1",
        ),
        (
            "1 MB Label Studio offset",
            Format::LabelStudio,
            vec![(
                "a.json",
                format!(
                    r#"[{{"data":{{"text":"{sentence}"}},"annotations":[{{"result":[{{"type":"labels","value":{{"start":"{mb}","end":3,"labels":["n"]}}}}]}}]}}]"#
                ),
            )],
            "task [0]",
        ),
        (
            "1 MB brat fragment",
            Format::Brat,
            vec![("a.txt", sentence.to_string()), ("a.ann", format!("T1\tnumber 9 12;{mb}\t133\n"))],
            "a.ann line 1",
        ),
        (
            "1 MB spaCy id used twice",
            Format::Spacy,
            vec![("a.jsonl", format!("{{\"text\":\"a\",\"meta\":{{\"id\":\"{mb}\"}}}}\n{{\"text\":\"b\",\"meta\":{{\"id\":\"{mb}\"}}}}\n"))],
            "line 2",
        ),
    ];
    // A value the reader keeps going past still gets a bounded line in the losses.
    let cats = read(Format::Doccano, &format!(r#"{{"text":"{sentence}","label":["{mb}"]}}"#)).unwrap();
    assert!(cats.losses.iter().all(|l| l.chars().count() < 200), "{}", cats.losses[0].len());
    for (what, format, files, where_) in table {
        let refs: Vec<(&str, &str)> = files.iter().map(|(n, c)| (*n, c.as_str())).collect();
        let e = match read_files(format, &refs) {
            Ok(imp) => panic!("{what}: read, with {} documents", imp.documents.len()),
            Err(e) => e.to_string(),
        };
        assert!(e.chars().count() < 200, "{what}: {} chars: {}", e.len(), &e[..e.len().min(300)]);
        assert!(e.contains(where_), "{what}: {e}");
    }
}
