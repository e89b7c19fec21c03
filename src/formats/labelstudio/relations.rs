//! Label Studio `relation` results, resolved across every result list of their task.
//!
//! A relation names its regions by id (`from_id`, `to_id`), and the regions need not sit in the relation's own
//! list: a model's relation in `annotations[0]` may link regions of `predictions[0]`, a reviewer's relation may
//! link regions of two annotators. So relations are read after every list of the task: an id is looked up in
//! the relation's own list first (Label Studio copies region ids from a prediction into the annotation made from
//! it, so the own list's copy is the one meant), then in the other lists in file order. An id no list holds is
//! reported with where the relation is, and the relation is dropped.

use super::super::common::{quote, Labels, Tally};
use super::super::links;
use crate::annotation::{Origin, Relation, Scope, Span, Status};
use serde_json::Value;
use std::collections::BTreeMap;

/// The regions of one result list: region id → indexes of its spans (one per label), and the list's name
/// (`annotations[0]`).
pub(super) struct List {
    pub name: String,
    pub regions: BTreeMap<String, Vec<usize>>,
}

/// A relation as its result gives it, before its ends are looked up.
pub(super) struct Pending<'v> {
    /// Index of its own result list.
    pub list: usize,
    /// Where it is (`annotations[0].result[3]`).
    pub at: String,
    pub result: &'v Value,
    /// The review state its list gives.
    pub origin: Origin,
    pub status: Status,
}

/// The region id a relation's `key` (`from_id`, `to_id`) names, as the region's `id` is read.
fn region_id(r: &Value, key: &str) -> Option<String> {
    r.get(key).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
}

/// The relations of `pending`, their ends resolved in `lists` to the ids of `spans`; what cannot be resolved is
/// counted in `losses` (prefixed with the task's `task_at`).
pub(super) fn resolve(
    pending: Vec<Pending>,
    lists: &[List],
    spans: &[Span],
    task_at: &str,
    labels: &mut Labels,
    losses: &mut Tally,
    repairs: &mut Vec<String>,
) -> Vec<Relation> {
    let mut out = Vec::new();
    for p in pending {
        let mut end = |key: &str| -> Option<String> {
            let Some(rid) = region_id(p.result, key) else {
                losses.add(format!("{task_at}: {}: relation without `{key}` dropped", p.at));
                return None;
            };
            let own = lists.get(p.list).and_then(|l| l.regions.get(&rid));
            let others: Vec<&List> = lists
                .iter()
                .enumerate()
                .filter(|(k, l)| *k != p.list && l.regions.contains_key(&rid))
                .map(|x| x.1)
                .collect();
            let ix = match (own, others.as_slice()) {
                (Some(ix), _) => ix,
                (None, []) => {
                    losses.add(format!(
                        "{task_at}: {}: relation to region id {}, which no result list of the task holds, dropped",
                        p.at,
                        quote(&rid)
                    ));
                    return None;
                }
                (None, [one]) => &one.regions[&rid],
                (None, [first, ..]) => {
                    let names: Vec<&str> = others.iter().map(|l| l.name.as_str()).collect();
                    repairs.push(format!(
                        "Label Studio: {task_at}.{}: region id {} is in {}: linked to the region of {}",
                        p.at,
                        quote(&rid),
                        names.join(" and "),
                        first.name
                    ));
                    &first.regions[&rid]
                }
            };
            ix.first().map(|&i| spans[i].id.clone())
        };
        let (Some(a), Some(b)) = (end("from_id"), end("to_id")) else { continue };
        let (from, to) = match p.result.get("direction").and_then(Value::as_str) {
            Some("left") => (b, a),
            Some("bi") => {
                losses.add("two-way relation read as one from `from_id` to `to_id`");
                (a, b)
            }
            _ => (a, b),
        };
        let mut types: Vec<&str> = p
            .result
            .get("labels")
            .and_then(Value::as_array)
            .map_or(vec![], |l| l.iter().filter_map(Value::as_str).filter(|s| !s.is_empty()).collect());
        if types.is_empty() {
            types.push(links::UNTYPED);
        }
        for ty in types {
            labels.ensure_in(ty, Scope::Relation);
            out.push(Relation { origin: p.origin, status: p.status, ..Relation::manual(from.clone(), to.clone(), ty) });
        }
    }
    out
}
