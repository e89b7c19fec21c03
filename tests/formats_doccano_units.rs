//! doccano files do not say which offset unit they use: its browser editor writes UTF-16 units, its CoNLL importer
//! code points, its grapheme-mode projects grapheme clusters. The reader keeps UTF-16 unless the spans of the file
//! fit another unit strictly better, and says so. Table-driven: the same spans, written in each unit by a naive
//! reference counter (the standard library's own UTF-16 and char iterators, and the segmenter's clusters), must
//! come back as the same text.

use serde_json::json;
use sift::formats::{read, Format};
use sift::text::slice_chars;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Utf16,
    CodePoint,
    Grapheme,
}

/// Offset of byte `b` of `text` in `unit`, counted the obvious way.
fn count(text: &str, b: usize, unit: Unit) -> usize {
    let before = &text[..b];
    match unit {
        Unit::Utf16 => before.encode_utf16().count(),
        Unit::CodePoint => before.chars().count(),
        Unit::Grapheme => before.graphemes(true).count(),
    }
}

/// `[start, end, label]` of the first occurrence of each needle, in `unit`.
fn triples(text: &str, needles: &[&str], unit: Unit) -> Vec<serde_json::Value> {
    needles
        .iter()
        .map(|n| {
            let b = text.find(n).unwrap_or_else(|| panic!("{n:?} in {text:?}"));
            json!([count(text, b, unit), count(text, b + n.len(), unit), "x"])
        })
        .collect()
}

/// Reads one doccano file of `records` written in `unit`; returns each span's text and the repairs.
fn round(records: &[Record], unit: Unit) -> (Vec<Vec<String>>, Vec<String>) {
    let jsonl: String =
        records.iter().map(|(t, n)| json!({"text": t, "label": triples(t, n, unit)}).to_string() + "\n").collect();
    let imp = read(Format::Doccano, &jsonl).unwrap();
    let texts = imp
        .documents
        .iter()
        .map(|d| {
            let mut spans: Vec<_> =
                d.spans.iter().map(|s| slice_chars(&d.text, s.start, s.end).unwrap().to_string()).collect();
            spans.sort();
            spans
        })
        .collect();
    (texts, imp.repairs)
}

/// A document's text and the span texts in it.
type Record<'a> = (&'a str, &'a [&'a str]);

const KYIV: &str = "Protesters \u{1F1FA}\u{1F1E6} marched in Kyiv \u{1F600} on Sunday, said Olena Petrenko \u{1F469}\u{200D}\u{1F467}.";
const PLAIN: &str = "Officials said 115 people died in Krasnogorsk on 22 March.";
const MARKS: &str = "Cafe\u{301} owners in Sa\u{303}o Paulo said prices rose 12% in March.";
const LATE: &str = "The 2024 budget rose 4% this year, the minister said \u{1F44D}";

#[test]
fn each_unit_doccano_writes_is_read_back_as_the_same_spans() {
    // (records, the unit the repair must name, or None when UTF-16 is kept silently)
    let table: &[(&[Record], Unit, Option<&str>)] = &[
        (&[(KYIV, &["Kyiv", "Sunday", "Olena Petrenko"])], Unit::Utf16, None),
        (&[(KYIV, &["Kyiv", "Sunday", "Olena Petrenko"])], Unit::CodePoint, Some("code points")),
        (&[(KYIV, &["Kyiv", "Sunday", "Olena Petrenko"])], Unit::Grapheme, Some("grapheme clusters")),
        (&[(MARKS, &["owners", "Paulo", "12%", "March"])], Unit::Grapheme, Some("grapheme clusters")),
        (&[(MARKS, &["owners", "Paulo", "12%", "March"])], Unit::Utf16, None),
        // One record says nothing (no emoji before its spans); the other decides for the whole file.
        (
            &[(PLAIN, &["115 people", "22 March"]), (KYIV, &["Sunday", "Petrenko"])],
            Unit::CodePoint,
            Some("code points"),
        ),
        (&[(PLAIN, &["115 people", "22 March"]), (KYIV, &["Sunday", "Petrenko"])], Unit::Utf16, None),
        // Spans before the only emoji are the same in every unit: nothing to decide, nothing said.
        (&[(LATE, &["2024 budget", "4%", "minister"])], Unit::CodePoint, None),
        (&[(PLAIN, &["115 people", "Krasnogorsk"])], Unit::Grapheme, None),
    ];
    for (records, unit, says) in table {
        let (got, repairs) = round(records, *unit);
        let want: Vec<Vec<String>> = records
            .iter()
            .map(|(_, n)| {
                let mut v: Vec<String> = n.iter().map(|s| s.to_string()).collect();
                v.sort();
                v
            })
            .collect();
        assert_eq!(got, want, "written in {unit:?}");
        match says {
            Some(name) => assert!(
                repairs.iter().any(|r| r.contains(&format!("offsets read as {name}")) && r.contains("not UTF-16")),
                "{unit:?}: {repairs:?}"
            ),
            None => assert!(repairs.is_empty(), "{unit:?}: {repairs:?}"),
        }
    }
}

#[test]
fn a_lone_odd_span_in_utf16_stays_utf16() {
    // A span that cuts a ZWJ sequence fits no unit better: UTF-16 stays, the edge is widened and reported.
    let text = "family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} here";
    let line = json!({"text": text, "label": [[7, 9, "emoji"]]});
    let imp = read(Format::Doccano, &line.to_string()).unwrap();
    assert!(!imp.repairs.iter().any(|r| r.contains("offsets read as")), "{:?}", imp.repairs);
    let s = &imp.documents[0].spans[0];
    assert_eq!(slice_chars(text, s.start, s.end), Some("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"));
}
