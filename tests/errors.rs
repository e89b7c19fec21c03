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
