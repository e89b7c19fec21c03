//! Span attributes as the inspector edits them: which rows a span shows, and how typed text becomes a value.

use serde_json::Value;

use crate::annotation::{CLAIM, EVIDENCE, NUMBER, VERDICT};
use crate::Span;

/// How a row is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrKind {
    /// Free text (numbers and booleans typed as text keep their type: [`attr_value`]).
    Text,
    /// One word of the verdict scale ([`crate::Verdict`]).
    Verdict,
    /// Computed by a detector, shown but not edited (a score typed by hand would mean nothing).
    Fixed,
}

/// The attributes set by people or detectors that a label always offers, even while empty: a claim's source,
/// cue, verdict and evidence (GUIDELINES.md), a number's kind and value.
fn offered(label: &str) -> &'static [&'static str] {
    match label {
        CLAIM => &["source", "cue", VERDICT, EVIDENCE],
        NUMBER => &["kind", "value"],
        _ => &[],
    }
}

/// The rows of `span`'s attribute editor, `(key, current text, kind)`: the label's offered attributes first,
/// then every other one it has, in its order, but for the offsets of another one.
pub fn attr_rows(span: &Span) -> Vec<(String, String, AttrKind)> {
    let offered = offered(&span.label);
    // Offsets of an attribute's text (`source_start`, `cue_end`) are where a detector found it, not something to
    // type; editing the text drops them (`Action::SetAttr`).
    let offset_of_another = |k: &str| {
        ["_start", "_end"].iter().any(|end| k.strip_suffix(end).is_some_and(|base| span.attrs.contains_key(base)))
    };
    let keys = offered
        .iter()
        .map(|k| k.to_string())
        .chain(span.attrs.keys().filter(|k| !offered.contains(&k.as_str()) && !offset_of_another(k)).cloned());
    keys.map(|k| {
        let text = span.attrs.get(&k).map(shown).unwrap_or_default();
        let kind = match k.as_str() {
            VERDICT => AttrKind::Verdict,
            "checkworthiness" => AttrKind::Fixed,
            _ => AttrKind::Text,
        };
        (k, text, kind)
    })
    .collect()
}

/// A value as text in an input.
pub fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

/// The value of what was typed over `old`: blank removes the attribute (`None`); a number or boolean stays
/// one when the text reads as one; everything else is text, as typed (trimmed).
pub fn attr_value(old: Option<&Value>, typed: &str) -> Option<Value> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    let parsed = match old {
        Some(Value::Number(_)) => t.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(|n| {
            // Whole numbers stay integers, as detectors write them.
            t.parse::<i64>().map(Value::from).unwrap_or(Value::Number(n))
        }),
        Some(Value::Bool(_)) => t.parse::<bool>().ok().map(Value::Bool),
        _ => None,
    };
    Some(parsed.unwrap_or_else(|| Value::String(t.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typed_text_becomes_a_value_of_the_old_type_when_it_reads_as_one() {
        // (old value, typed, new value)
        let table: &[(Option<Value>, &str, Option<Value>)] = &[
            (Some(json!("Insurers")), " a spokesperson ", Some(json!("a spokesperson"))),
            (Some(json!("said")), "   ", None),
            (None, "", None),
            (Some(json!(133)), "115", Some(json!(115))),
            (Some(json!(133)), "6.2", Some(json!(6.2))),
            (Some(json!(133)), "about 115", Some(json!("about 115"))),
            (Some(json!(0.5)), "1e400", Some(json!("1e400"))),
            (Some(json!(true)), "false", Some(json!(false))),
            (Some(json!(true)), "no", Some(json!("no"))),
            (None, "42", Some(json!("42"))),
            (Some(json!("2024-03-22")), "2024-03-23", Some(json!("2024-03-23"))),
        ];
        for (old, typed, want) in table {
            assert_eq!(attr_value(old.as_ref(), typed), *want, "{old:?} ← {typed:?}");
        }
    }

    #[test]
    fn a_claim_offers_source_cue_verdict_and_evidence_and_keeps_its_own_attributes() {
        let claim = Span::manual("c", 0..10, CLAIM)
            .with_attr("quote", true)
            .with_attr("source", "Putin")
            .with_attr("source_start", 40)
            .with_attr("source_end", 45)
            .with_attr("page_start", 3)
            .with_attr("checkworthiness", 0.8);
        let rows = attr_rows(&claim);
        let keys: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        // The source's offsets are not rows; an offset-like key of nothing the span has is.
        assert_eq!(keys, ["source", "cue", "verdict", "evidence", "quote", "page_start", "checkworthiness"]);
        assert_eq!((rows[0].1.as_str(), rows[1].1.as_str(), rows[4].1.as_str()), ("Putin", "", "true"));
        assert_eq!((rows[2].2, rows[6].2, rows[0].2), (AttrKind::Verdict, AttrKind::Fixed, AttrKind::Text));
        let custom = Span::manual("p", 0..3, "person");
        assert!(attr_rows(&custom).is_empty());
        let number: Vec<String> = attr_rows(&Span::manual("n", 0..3, NUMBER)).into_iter().map(|r| r.0).collect();
        assert_eq!(number, ["kind", "value"]);
    }
}
