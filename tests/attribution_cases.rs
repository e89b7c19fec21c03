//! Attribution in the claim layer on news sentences, one case a line in `tests/data/attribution/*.tsv`.
//!
//! Each line is `text<TAB>expected…`: `text` is a sentence or a few (`\n` for a line break), and each expected
//! claim, in text order, is `source|cue|cue_kind|quote` for every claim that carries a source or a cue: `-` for
//! an absent cue or kind, `q` when the claim quotes its source, `-` otherwise. A line with only a text expects no
//! attributed claim. Lines starting with `#` are comments. Every case also checks the offsets: `source_start` and
//! `source_end` pick the source out of the text, `cue_start` and `cue_end` the cue.
//!
//! The claim layer runs without the boilerplate layer here (every line counts as article text), so that a case
//! tests attribution alone.

use serde_json::Value;
use sift::detect::claims::detect;
use sift::TextModel;

mod cases;

/// The attributed claims of `text` in the notation of the case files, or an error when an offset is wrong.
fn found(text: &str) -> Result<Vec<String>, String> {
    let model = TextModel::new(text);
    let mut out = Vec::new();
    for s in detect(&model, &[]).into_iter().filter(|s| s.label == "claim") {
        let a = &s.attrs;
        let get = |k: &str| a.get(k).and_then(Value::as_str);
        let (source, cue) = (get("source"), get("cue"));
        if source.is_none() && cue.is_none() {
            continue;
        }
        let slice = |k: &str| -> Option<&str> {
            let n = |x: String| a.get(&x).and_then(Value::as_u64).map(|v| v as usize);
            sift::text::slice_chars(text, n(format!("{k}_start"))?, n(format!("{k}_end"))?)
        };
        if source.is_some() && slice("source") != source {
            return Err(format!("source {source:?} is written as {:?} at its offsets", slice("source")));
        }
        if cue.is_some() && slice("cue") != cue {
            return Err(format!("cue {cue:?} is written as {:?} at its offsets", slice("cue")));
        }
        let quote = if a.get("quote") == Some(&Value::Bool(true)) { "q" } else { "-" };
        out.push(format!(
            "{}|{}|{}|{quote}",
            source.unwrap_or("-"),
            cue.unwrap_or("-"),
            get("cue_kind").unwrap_or("-")
        ));
    }
    Ok(out)
}

#[test]
fn news_sentences() {
    let (mut cases, mut unattributed, mut bad) = (0, 0, Vec::new());
    for cases::Case { at, cols } in cases::read("tests/data/attribution") {
        let text = &cols[0];
        let want: Vec<&str> = cols[1..].iter().map(String::as_str).collect();
        cases += 1;
        unattributed += usize::from(want.is_empty());
        match found(text) {
            Ok(got) if got == want => {}
            Ok(got) => bad.push(format!("{at}: {text}\n   want {want:?}\n   got  {got:?}")),
            Err(e) => bad.push(format!("{at}: {text}\n   {e}")),
        }
    }
    assert!(bad.is_empty(), "{} of {cases} cases differ:\n{}", bad.len(), bad.join("\n"));
    assert!(cases >= 150, "only {cases} cases");
    assert!(unattributed >= 30, "only {unattributed} sentences that must get no source");
}
