//! Relations and document labels on their way in and out: reading and checking them (a relation's ends are
//! spans of its document, relation ids are unique, a document label is set once), and the loss lines of a writer
//! that cannot carry them.

use super::common::{json_type, quote, Tally};
use crate::annotation::{relation_id, Category, Document, Origin, Relation, Status};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The type of a relation a file gives without one (Label Studio, an untagged linking annotation).
pub(super) const UNTYPED: &str = "related";

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
        categories_unsupported(d, &mut t);
    }
    t.lines(format)
}

/// Keeps what a foreign reader found that can stand: relations whose ends are spans of `doc`, each id once, and
/// each document label once; counts the rest in `t`. (sift's own files are checked strictly instead.)
pub(super) fn settle_loose(doc: &mut Document, t: &mut Tally) {
    let spans: HashSet<&str> = doc.spans.iter().map(|s| s.id.as_str()).collect();
    let mut ids = HashSet::new();
    doc.relations.retain(|r| {
        let end_missing = !spans.contains(r.from.as_str()) || !spans.contains(r.to.as_str());
        match unfit(r, &spans, &mut ids) {
            None => true,
            Some(_) if end_missing => {
                t.add("relation to something that is not a span dropped");
                false
            }
            Some(_) => {
                t.add("repeated relation merged");
                false
            }
        }
    });
    let mut seen = HashSet::new();
    let before = doc.categories.len();
    doc.categories.retain(|c| seen.insert(c.label.clone()));
    t.add_n("repeated document label merged", before - doc.categories.len());
}

/// The relations of `doc` a writer puts out: not rejected, and both ends among the spans it wrote
/// (`written`, by span id). Counts the rest in `t`, and the fields the format drops: `keeps` lists the ones it
/// carries (`id`, `review` for origin and status).
pub(super) fn kept_relations<'d>(
    doc: &'d Document,
    written: &HashSet<&str>,
    keeps: &[&str],
    t: &mut Tally,
) -> Vec<&'d Relation> {
    let mut out = Vec::new();
    for r in &doc.relations {
        if r.status == Status::Rejected {
            t.add("rejected relations not exported");
        } else if !written.contains(r.from.as_str()) || !written.contains(r.to.as_str()) {
            t.add("relation to a span not exported dropped");
        } else {
            if !keeps.contains(&"review") {
                tally_review(t, "relation", r.origin, r.status);
            }
            if !keeps.contains(&"id") && r.id != relation_id(&r.label, &r.from, &r.to) {
                t.add("custom relation id dropped (re-import gives label:from>to)");
            }
            out.push(r);
        }
    }
    out
}

/// The document labels of `doc` a writer puts out: the ones not rejected. Counts the rest in `t`, and the review
/// fields it drops unless the format keeps them (`review`).
pub(super) fn kept_categories<'d>(doc: &'d Document, review: bool, t: &mut Tally) -> Vec<&'d Category> {
    let (kept, rejected): (Vec<&Category>, Vec<&Category>) =
        doc.categories.iter().partition(|c| c.status != Status::Rejected);
    t.add_n("rejected document labels not exported", rejected.len());
    if !review {
        for c in &kept {
            tally_review(t, "document label", c.origin, c.status);
        }
    }
    kept
}

/// Counts an origin or status a writer cannot carry (anything but a manual, accepted mark).
pub(super) fn tally_review(t: &mut Tally, what: &str, origin: Origin, status: Status) {
    if origin != Origin::Manual {
        t.add(format!("{what} origin `{}` dropped", origin.name()));
    }
    if status != Status::Accepted {
        t.add(format!("{what} status `{}` dropped", status.name()));
    }
}

/// What a writer without document labels drops, counted in `t`.
pub(super) fn categories_unsupported(doc: &Document, t: &mut Tally) {
    for c in &doc.categories {
        t.add(format!("document label `{}` dropped (the format has no document labels)", c.label));
    }
}
