//! The number layer on news sentences, one case a line in `tests/data/numbers/*.tsv`.
//!
//! Each line is `date<TAB>sentence<TAB>expected…`: `date` is the document date (`-` for none) and each
//! expected span is `text|kind|value[|attr=value…]` in text order, where `value` is `-` when there is none and
//! `min..max` for a range; the attributes listed are `unit`, `currency`, `bound` and `per` when the span has
//! them. A line with only a date and a sentence expects no number at all. Lines starting with `#` are comments.

use serde_json::Value;
use sift::detect::numbers::{detect_dated, DocDate};
use sift::TextModel;

mod cases;

fn show(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

/// The spans of `text` in the notation of the case files.
fn found(text: &str, date: Option<DocDate>) -> Vec<String> {
    let model = TextModel::new(text);
    detect_dated(&model, date)
        .into_iter()
        .map(|s| {
            let t = sift::text::slice_chars(text, s.start, s.end).unwrap();
            let a = &s.attrs;
            let kind = a.get("kind").and_then(Value::as_str).unwrap_or("?");
            let value = match (a.get("value"), a.get("min"), a.get("max")) {
                (Some(v), _, _) => show(v),
                (None, Some(lo), Some(hi)) => format!("{}..{}", show(lo), show(hi)),
                _ => "-".to_string(),
            };
            let mut out = format!("{t}|{kind}|{value}");
            for key in ["unit", "currency", "bound", "per"] {
                if let Some(v) = a.get(key) {
                    out.push_str(&format!("|{key}={}", show(v)));
                }
            }
            out
        })
        .collect()
}

#[test]
fn news_sentences() {
    let (mut cases, mut bad) = (0, Vec::new());
    for cases::Case { at, cols } in cases::read("tests/data/numbers") {
        let [date, text, want @ ..] = cols.as_slice() else { panic!("{at}: expected date<TAB>sentence") };
        let date = (date != "-").then(|| DocDate::parse(date).expect("a date like 2024-03-22"));
        let want: Vec<&str> = want.iter().map(String::as_str).collect();
        let got = found(text, date);
        cases += 1;
        if got != want {
            bad.push(format!("{at}: {text}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(bad.is_empty(), "{} of {cases} cases differ:\n{}", bad.len(), bad.join("\n"));
    assert!(cases >= 400, "only {cases} cases");
}
