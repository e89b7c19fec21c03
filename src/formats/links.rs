//! Relations and document labels on their way in and out: reading and checking them (a relation's ends are
//! spans of its document, relation ids are unique, a document label is set once), and the loss lines of a writer
//! that cannot carry them.

use super::common::{json_type, quote, Tally};
use crate::annotation::{relation_id, Category, Document, Origin, Relation, Status};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The optional field `key` of `o`: the one of `all` whose `name` it holds; a problem in `bad` when it holds
/// something else.
pub(super) fn named<T: Copy>(
    o: &Map<String, Value>,
    key: &str,
    all: &[T],
    name: fn(T) -> &'static str,
    bad: &mut Vec<String>,
) -> Option<T> {
    match o.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => all.iter().copied().find(|&x| name(x) == s).or_else(|| {
            let names: Vec<String> = all.iter().map(|&x| format!("{:?}", name(x))).collect();
            bad.push(format!("`{key}` {} is not one of {}", quote(s), names.join(", ")));
            None
        }),
        Some(x) => {
            bad.push(format!("`{key}` must be a string, not {}", json_type(x)));
            None
        }
    }
}

/// The review fields of a span, relation or category object, with the defaults files may leave to the reader:
/// `manual`, and `accepted` unless automatic (then `suggested`).
pub(super) fn review_fields(o: &Map<String, Value>, bad: &mut Vec<String>) -> (Origin, Status) {
    let origin = named(o, "origin", &Origin::ALL, Origin::name, bad).unwrap_or(Origin::Manual);
    let default = if origin == Origin::Auto { Status::Suggested } else { Status::Accepted };
    (origin, named(o, "status", &Status::ALL, Status::name, bad).unwrap_or(default))
}

fn string_field<'v>(o: &'v Map<String, Value>, k: &str, bad: &mut Vec<String>) -> Option<&'v str> {
    match o.get(k) {
        None | Some(Value::Null) => {
            bad.push(format!("`{k}` is missing"));
            None
        }
        Some(Value::String(s)) if s.trim().is_empty() => {
            bad.push(format!("`{k}` is empty"));
            None
        }
        Some(Value::String(s)) => Some(s),
        Some(x) => {
            bad.push(format!("`{k}` must be a string, not {}", json_type(x)));
            None
        }
    }
}

/// Keys a `sift-annotations` relation object may hold.
pub(super) const RELATION_KEYS: &[&str] = &["id", "from", "to", "label", "origin", "status"];
/// Keys a `sift-annotations` category object may hold.
pub(super) const CATEGORY_KEYS: &[&str] = &["label", "origin", "status"];

/// Reads one `sift-annotations` relation `{"id"?, "from", "to", "label", "origin"?, "status"?}`; the problems
/// when it does not read. Whether its ends are spans is checked by [`settle_strict`].
pub(super) fn read_relation(v: &Value) -> Result<Relation, Vec<String>> {
    let Some(o) = v.as_object() else {
        return Err(vec![format!("a relation must be an object, not {}", json_type(v))]);
    };
    let mut bad = Vec::new();
    let from = string_field(o, "from", &mut bad);
    let to = string_field(o, "to", &mut bad);
    let label = string_field(o, "label", &mut bad);
    let id = match o.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(x) => {
            bad.push(format!("`id` must be a non-empty string, not {}", json_type(x)));
            None
        }
    };
    let (origin, status) = review_fields(o, &mut bad);
    match (from, to, label) {
        (Some(from), Some(to), Some(label)) if bad.is_empty() => Ok(Relation {
            id: id.unwrap_or_else(|| relation_id(label, from, to)),
            from: from.to_string(),
            to: to.to_string(),
            label: label.to_string(),
            origin,
            status,
        }),
        _ => Err(bad),
    }
}

/// Reads one `sift-annotations` document label `{"label", "origin"?, "status"?}`.
pub(super) fn read_category(v: &Value) -> Result<Category, Vec<String>> {
    let Some(o) = v.as_object() else {
        return Err(vec![format!("a document label must be an object, not {}", json_type(v))]);
    };
    let mut bad = Vec::new();
    let label = string_field(o, "label", &mut bad);
    let (origin, status) = review_fields(o, &mut bad);
    match label {
        Some(label) if bad.is_empty() => Ok(Category { label: label.to_string(), origin, status }),
        _ => Err(bad),
    }
}

/// Why a relation of `doc` cannot stay, if it cannot: an end that is not one of the document's spans, or an id
/// an earlier relation has.
fn unfit(r: &Relation, spans: &HashSet<&str>, ids: &mut HashSet<String>) -> Option<String> {
    for (end, id) in [("from", &r.from), ("to", &r.to)] {
        if !spans.contains(id.as_str()) {
            return Some(format!("`{end}` {} is not a span of this document", quote(id)));
        }
    }
    (!ids.insert(r.id.clone())).then(|| format!("relation id {} is used twice in this document", quote(&r.id)))
}

/// Checks `doc`'s relations and document labels strictly (sift's own files): each problem, with the list it is
/// in (`relations`, `categories`) and its index there.
pub(super) fn settle_strict(doc: &Document) -> Vec<(&'static str, usize, String)> {
    let spans: HashSet<&str> = doc.spans.iter().map(|s| s.id.as_str()).collect();
    let mut ids = HashSet::new();
    let mut out: Vec<_> = doc
        .relations
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some(("relations", i, unfit(r, &spans, &mut ids)?)))
        .collect();
    let mut seen = HashSet::new();
    out.extend(
        doc.categories
            .iter()
            .enumerate()
            .filter(|(_, c)| !seen.insert(c.label.as_str()))
            .map(|(i, c)| ("categories", i, format!("document label {} is set twice", quote(&c.label)))),
    );
    out
}

/// What a writer without relations and document labels drops, as loss lines for `format`.
pub(crate) fn unsupported(format: &str, docs: &[Document]) -> Vec<String> {
    let mut t = Tally::default();
    for d in docs {
        for r in &d.relations {
            t.add(format!("relation `{}` dropped (the format has no relations)", r.label));
        }
        for c in &d.categories {
            t.add(format!("document label `{}` dropped (the format has no document labels)", c.label));
        }
    }
    t.lines(format)
}
