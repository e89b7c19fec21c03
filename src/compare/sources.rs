//! Sources: who is cited across the set, merged across the forms a name takes, in which documents, saying what.
//!
//! The claim layer gives each attributed claim a `source` as written ("the New York Times", "The US", "One US
//! official", "the Islamic State group"). Reports name one source in several ways, so names are merged when:
//! - they are the same once determiners, dots, a trailing "group" and a parenthesised acronym are dropped and
//!   case is ignored ("U.S. officials" = "US officials", "the Islamic State group" = "Islamic State (IS)");
//! - one is the acronym of the other ("US" = "the United States", "IS" = "Islamic State");
//! - one is the end of exactly one longer name of the set ("The Post" = "The Washington Post", "Times" = "New
//!   York Times", "The official" = "a US official"). When the end fits several longer names ("officials": "US
//!   officials", "U.S. counterterrorism officials") it stays apart: merging would guess. A name with "of" in it
//!   names a part ("a branch of the Islamic State", "the Investigative Committee of the Russian Federation"), so
//!   its end is not merged with it.
//!
//! The row's name is the longest form of the name the others merged into, without a leading "the".

use super::{Doc, Excerpt};
use crate::annotation::CLAIM;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// One source: its name, the forms it takes, and its claims per document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRow {
    /// Canonical name: the longest form, without a leading article ("New York Times").
    pub name: String,
    /// The merge key (lowercase, no determiners or dots): stable across runs.
    pub key: String,
    /// Every form written in the set, in order of first appearance.
    pub variants: Vec<String>,
    /// The documents that cite it, in order.
    pub docs: Vec<SourceDoc>,
}

/// What one document attributes to a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceDoc {
    /// The document (index into [`super::Comparison::documents`]).
    pub doc: usize,
    /// The claims attributed to the source, in text order.
    pub claims: Vec<SourceClaim>,
}

/// A claim attributed to a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceClaim {
    /// The claim span: offsets (code points) and text.
    #[serde(flatten)]
    pub claim: Excerpt,
    /// The source as written in this claim.
    pub source: String,
    /// The reporting word ("said", "according to"), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Whether the claim quotes the source's words.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quote: bool,
}

/// Words dropped from the front of a name.
const DETERMINERS: &[&str] = &["the", "a", "an", "one", "another", "two", "several"];

/// The merge key of a source as written: lowercase words without leading determiners, dots, a trailing "group"
/// or a parenthesised acronym.
pub fn key(name: &str) -> String {
    let mut s = name.replace(['’', '‘'], "'");
    if let (Some(a), Some(b)) = (s.find('('), s.rfind(')')) {
        if a < b {
            s.replace_range(a..=b, " ");
        }
    }
    let lower = s.to_lowercase().replace('.', "");
    let mut ws: Vec<&str> = lower.split_whitespace().collect();
    while ws.len() > 1 && DETERMINERS.contains(&ws[0]) {
        ws.remove(0);
    }
    if ws.len() > 1 && ws.last() == Some(&"group") {
        ws.pop();
    }
    ws.join(" ")
}

/// The initials of a multi-word key ("united states" → "us").
fn initials(key: &str) -> Option<String> {
    let ws: Vec<&str> = key.split(' ').collect();
    (ws.len() > 1).then(|| ws.iter().filter_map(|w| w.chars().next()).collect())
}

/// Builds the sources table.
pub(crate) fn table(docs: &[Doc<'_>]) -> Vec<SourceRow> {
    // Every attributed claim: (doc, claim, source as written, its key).
    let mut claims = Vec::new();
    let mut forms: Vec<(String, String)> = Vec::new(); // (key, first form), in order of first appearance
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    for (i, d) in docs.iter().enumerate() {
        for c in d.spans_labelled(CLAIM) {
            let Some(src) = c.attrs.get("source").and_then(|v| v.as_str()).filter(|s| !s.trim().is_empty()) else {
                continue;
            };
            if d.sentence_at(c.start).is_some_and(|s| d.chrome[s]) {
                continue;
            }
            let k = key(src);
            if k.is_empty() {
                continue;
            }
            seen.entry(k.clone()).or_insert_with(|| {
                forms.push((k.clone(), src.to_string()));
                forms.len() - 1
            });
            claims.push((i, c, src, k));
        }
    }
    let merged = merge(&forms.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>());
    // Rows by their merged key, in order of first appearance.
    let mut rows: Vec<SourceRow> = Vec::new();
    let mut row_of: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, c, src, k) in &claims {
        let root = merged.get(k.as_str()).copied().unwrap_or(k.as_str());
        let r = *row_of.entry(root).or_insert_with(|| {
            rows.push(SourceRow { name: String::new(), key: root.to_string(), variants: Vec::new(), docs: Vec::new() });
            rows.len() - 1
        });
        let row = &mut rows[r];
        if !row.variants.iter().any(|v| v == src) {
            row.variants.push(src.to_string());
        }
        if row.docs.last().is_none_or(|d| d.doc != *i) {
            row.docs.push(SourceDoc { doc: *i, claims: Vec::new() });
        }
        let doc = &docs[*i];
        row.docs.last_mut().expect("just pushed").claims.push(SourceClaim {
            claim: doc.excerpt(c.range()),
            source: src.to_string(),
            cue: c.attrs.get("cue").and_then(|v| v.as_str()).map(str::to_string),
            quote: c.attrs.get("quote").and_then(|v| v.as_bool()).unwrap_or(false),
        });
    }
    for row in &mut rows {
        // The longest form of the row's own key (not of a shorter form merged into it).
        let longest = row
            .variants
            .iter()
            .filter(|v| key(v) == row.key)
            .max_by_key(|v| (v.len(), std::cmp::Reverse(v.as_str())))
            .or(row.variants.first())
            .cloned()
            .unwrap_or_default();
        let trimmed = ["the ", "The ", "a ", "A ", "an ", "An "].iter().find_map(|p| longest.strip_prefix(p));
        row.name = trimmed.unwrap_or(&longest).to_string();
        row.docs.sort_by_key(|d| d.doc);
    }
    rows.sort_by(|a, b| {
        let claims = |r: &SourceRow| r.docs.iter().map(|d| d.claims.len()).sum::<usize>();
        (std::cmp::Reverse(a.docs.len()), std::cmp::Reverse(claims(a)), &a.name).cmp(&(
            std::cmp::Reverse(b.docs.len()),
            std::cmp::Reverse(claims(b)),
            &b.name,
        ))
    });
    rows
}

/// For each key that merges into another, the key it merges into (a longer name): acronyms and unique ends.
fn merge<'k>(keys: &[&'k str]) -> FxHashMap<&'k str, &'k str> {
    let mut by_initials: FxHashMap<String, Vec<&str>> = FxHashMap::default();
    let mut by_end: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for &k in keys {
        if let Some(i) = initials(k) {
            by_initials.entry(i).or_default().push(k);
        }
        // "branch of the islamic state" is not the Islamic State, nor "committee of the russian federation" Russia.
        if !k.split(' ').any(|w| w == "of") {
            for (p, _) in k.match_indices(' ') {
                if let Some(end) = k.get(p + 1..) {
                    by_end.entry(end).or_default().push(k);
                }
            }
        }
    }
    let mut out = FxHashMap::default();
    for &k in keys {
        let target = match (by_initials.get(k), by_end.get(k)) {
            (Some(v), _) if v.len() == 1 && !k.contains(' ') => Some(v[0]),
            (_, Some(v)) if v.len() == 1 => Some(v[0]),
            _ => None,
        };
        if let Some(t) = target {
            out.insert(k, t);
        }
    }
    // Follow chains ("post" → "washington post" → …) to their end; a chain never loops since each step lengthens.
    let roots: Vec<(&str, &str)> = out
        .keys()
        .map(|&k| {
            let mut r = k;
            while let Some(&n) = out.get(r) {
                r = n;
            }
            (k, r)
        })
        .collect();
    roots.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_merge_across_their_forms_and_stay_apart_when_ambiguous() {
        let table: &[(&str, &str)] = &[
            ("the New York Times", "new york times"),
            ("U.S. officials", "us officials"),
            ("One US official", "us official"),
            ("the Islamic State group", "islamic state"),
            ("Islamic State (IS)", "islamic state"),
            ("Russia’s FSB", "russia's fsb"),
        ];
        for (name, want) in table {
            assert_eq!(key(name), *want, "{name}");
        }
        let keys = [
            "washington post",
            "post",
            "new york times",
            "times",
            "us",
            "united states",
            "officials",
            "us officials",
            "us counterterrorism officials",
            "is",
            "islamic state",
        ];
        let m = merge(&keys);
        assert_eq!(m.get("post"), Some(&"washington post"));
        assert_eq!(m.get("times"), Some(&"new york times"));
        assert_eq!(m.get("us"), Some(&"united states"));
        assert_eq!(m.get("is"), Some(&"islamic state"));
        assert_eq!(m.get("officials"), None, "two longer names end in “officials”");
        assert_eq!(m.get("us officials"), None);
    }
}
