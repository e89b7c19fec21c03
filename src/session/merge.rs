//! How fresh detector output meets reviewed work, and how new spans and labels get names no one else has.

use std::collections::HashSet;

use crate::annotation::{auto_id, sort_spans};
use crate::{Label, Origin, Span, Status};

/// Merges a fresh detector run into reviewed spans: manual spans and every reviewed suggestion stay as they are
/// (a rejected id stays rejected), unreviewed suggestions are replaced by the fresh ones.
pub fn merge_suggestions(old: Vec<Span>, fresh: Vec<Span>) -> Vec<Span> {
    let mut kept: Vec<Span> =
        old.into_iter().filter(|s| s.origin != Origin::Auto || s.status != Status::Suggested).collect();
    let mut ids: HashSet<String> = kept.iter().map(|k| k.id.clone()).collect();
    kept.extend(fresh.into_iter().filter(|f| ids.insert(f.id.clone())));
    sort_spans(&mut kept);
    kept
}

/// `spans` plus the `fresh` suggestions whose ids are new (a suggestion reviewed or rejected before keeps its
/// decision).
pub fn add_suggestions(spans: &[Span], fresh: &[Span]) -> Vec<Span> {
    let ids: HashSet<&str> = spans.iter().map(|s| s.id.as_str()).collect();
    let mut out = spans.to_vec();
    out.extend(fresh.iter().filter(|f| !ids.contains(f.id.as_str())).cloned());
    out
}

/// An id for a manual span that no other span of the document has.
pub fn manual_id(spans: &[Span], label: &str, start: usize, end: usize) -> String {
    let base = format!("m:{}", auto_id(label, &(start..end)));
    let mut id = base.clone();
    let mut n = 2;
    while spans.iter().any(|s| s.id == id) {
        id = format!("{base}#{n}");
        n += 1;
    }
    id
}

/// A label called `name`, with a colour (Okabe–Ito, colour-blind safe) and a key 1–9 not yet taken.
pub fn new_label(name: &str, labels: &[Label]) -> Label {
    const PALETTE: [&str; 6] = ["#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#f0e442", "#000000"];
    let color = PALETTE.iter().find(|c| !labels.iter().any(|l| l.color == **c)).unwrap_or(&PALETTE[0]);
    let key = (1..=9).map(|k| k.to_string()).find(|k| !labels.iter().any(|l| l.key.as_deref() == Some(k.as_str())));
    Label::new(name.to_string(), color.to_string(), key)
}
