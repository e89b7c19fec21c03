//! Table-driven tests on real news sentences, plus the gold corpus attribute check.

use super::detect;
use crate::text::TextModel;

/// (span text, kind, value as JSON text or "-") for every number in `text`.
fn spans(text: &str) -> Vec<(String, String, String)> {
    let model = TextModel::new(text);
    detect(&model)
        .into_iter()
        .map(|s| {
            let t = crate::text::slice_chars(text, s.start, s.end).unwrap().to_string();
            let k = s.attrs.get("kind").and_then(|v| v.as_str()).unwrap_or("").to_string();
            let v = s.attrs.get("value").map_or("-".to_string(), |v| v.to_string());
            (t, k, v)
        })
        .collect()
}

#[test]
fn smoke() {
    eprintln!("{:?}", spans("It left at least 115 people dead on 22 March and $2.3 billion."));
}
