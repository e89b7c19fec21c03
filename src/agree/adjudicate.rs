//! Adjudication: an adjudicator's choice on each disagreement, and the merged documents those choices give.
//!
//! Pure, so the app's view only draws it and keeps the choices (undo is the app session's; a choice undone is a
//! choice removed from the map): [`prepare`] lists the disagreements of the annotators' sets (stable ids, see
//! [`super::disagree`]), [`merge`] turns the choices made so far into documents. Spans every annotator made
//! identically go straight in; a disagreement with no choice yet adds nothing and is listed in
//! [`Merged::pending`].
//!
//! Every merged span is `accepted` and records who had it in `attrs.annotators` ([`ANNOTATORS_ATTR`]): the
//! names of the annotators with a span of the same label, extent and attributes (for an edit: the same label
//! and extent; possibly none). The attribute is documented in `schema/sift-annotations.v2.schema.json`, so the
//! merged set exports to `sift-annotations` (and to every format that keeps `attrs`) with its provenance.
//! Documents that are not in every annotator's set are not merged; [`Adjudication::unmatched`] lists them.

use super::disagree::{sort_out, Disagreement};
use super::{align, Annotator, DocSet, Options, Unmatched};
use crate::annotation::{auto_id, sort_spans, Document, Span, Status};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The span attribute listing the annotators who had a merged span (a JSON array of names).
pub const ANNOTATORS_ATTR: &str = "annotators";

/// What the adjudicator decides for one disagreement. Serialized as `{"choice": "keep", "annotator": 0}`,
/// `{"choice": "keep_all"}`, `{"choice": "drop"}`, `{"choice": "edit", "start": …, "end": …, "label": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "choice", rename_all = "snake_case")]
pub enum Choice {
    /// Keep what annotator `annotator` (an index into [`Adjudication::annotators`]) has there: their spans, or
    /// nothing if they have none.
    Keep {
        /// The annotator's index.
        annotator: usize,
    },
    /// Keep every side's spans (identical ones once).
    KeepAll,
    /// Keep nothing there.
    Drop,
    /// Put one span of the adjudicator's own instead (clamped to the text).
    Edit {
        /// Start, in code points.
        start: usize,
        /// End, in code points (exclusive).
        end: usize,
        /// Label.
        label: String,
    },
}

impl Choice {
    /// Keep annotator A's side (the first).
    pub const KEEP_A: Choice = Choice::Keep { annotator: 0 };
    /// Keep annotator B's side (the second).
    pub const KEEP_B: Choice = Choice::Keep { annotator: 1 };
    /// Keep both sides (every side, with more than two annotators).
    pub const KEEP_BOTH: Choice = Choice::KeepAll;
}

/// The annotators' sets, ready to adjudicate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adjudication {
    /// The annotators' names, in order (the index a [`Choice::Keep`] names).
    pub annotators: Vec<String>,
    /// The documents every annotator has, with each annotator's counted spans.
    pub documents: Vec<DocSet>,
    /// Every disagreement, in document and text order, with stable ids.
    pub disagreements: Vec<Disagreement>,
    /// Documents not in every set (not merged).
    pub unmatched: Vec<Unmatched>,
    /// Per document: groups of `(annotator, span index)` every annotator agrees on.
    #[serde(skip)]
    agreed: Vec<Vec<Vec<(usize, usize)>>>,
}

impl Adjudication {
    /// The disagreement with `id`.
    pub fn disagreement(&self, id: &str) -> Option<&Disagreement> {
        self.disagreements.iter().find(|d| d.id == id)
    }

    /// The ids of the disagreements that have no (valid) choice in `choices` yet, in order.
    pub fn pending(&self, choices: &BTreeMap<String, Choice>) -> Vec<String> {
        self.disagreements
            .iter()
            .filter(|d| choices.get(&d.id).is_none_or(|c| !self.valid(c)))
            .map(|d| d.id.clone())
            .collect()
    }

    fn valid(&self, c: &Choice) -> bool {
        !matches!(c, Choice::Keep { annotator } if *annotator >= self.annotators.len())
    }
}

/// Lists the disagreements of `annotators`' sets (two or more), documents matched by text.
pub fn prepare(annotators: &[Annotator], opts: &Options) -> Adjudication {
    let al = align(annotators, opts);
    let mut disagreements = Vec::new();
    let mut agreed = Vec::new();
    for d in &al.documents {
        let sorted = sort_out(d, &al.annotators);
        disagreements.extend(sorted.disagreements);
        agreed.push(sorted.agreed);
    }
    Adjudication { annotators: al.annotators, documents: al.documents, disagreements, unmatched: al.unmatched, agreed }
}

/// What merging gave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Merged {
    /// One document per matched document (the first annotator's id and name), spans sorted.
    pub documents: Vec<Document>,
    /// Disagreements still without a valid choice (nothing of theirs is in `documents`).
    pub pending: Vec<String>,
}

/// The merged documents for the choices made so far (keyed by disagreement id).
pub fn merge(adj: &Adjudication, choices: &BTreeMap<String, Choice>) -> Merged {
    let mut by_doc: HashMap<&str, Vec<&Disagreement>> = HashMap::new();
    for x in &adj.disagreements {
        by_doc.entry(x.hash.as_str()).or_default().push(x);
    }
    let mut documents = Vec::new();
    for (k, d) in adj.documents.iter().enumerate() {
        let mut out = Out::default();
        for group in &adj.agreed[k] {
            let (a, i) = group[0];
            let who = group.iter().map(|&(b, _)| adj.annotators[b].clone()).collect();
            out.push(d.spans[a][i].clone(), who);
        }
        for dis in by_doc.get(d.hash.as_str()).into_iter().flatten() {
            let Some(choice) = choices.get(&dis.id).filter(|c| adj.valid(c)) else { continue };
            let span = |a: usize, r: &super::SpanRef| &d.spans[a][r.index];
            // Who has a span with the same label, extent and attributes as `s` in this disagreement.
            let holders = |s: &Span, attrs_too: bool| -> Vec<String> {
                dis.sides
                    .iter()
                    .enumerate()
                    .filter(|(a, side)| {
                        side.spans.iter().any(|r| {
                            let t = span(*a, r);
                            t.range() == s.range() && t.label == s.label && (!attrs_too || t.attrs == s.attrs)
                        })
                    })
                    .map(|(_, side)| side.annotator.clone())
                    .collect()
            };
            match choice {
                Choice::Keep { annotator } => {
                    for r in &dis.sides[*annotator].spans {
                        let s = span(*annotator, r).clone();
                        let who = holders(&s, true);
                        out.push(s, who);
                    }
                }
                Choice::KeepAll => {
                    for (a, side) in dis.sides.iter().enumerate() {
                        for r in &side.spans {
                            let s = span(a, r).clone();
                            let who = holders(&s, true);
                            out.push(s, who);
                        }
                    }
                }
                Choice::Drop => {}
                Choice::Edit { start, end, label } => {
                    let len = crate::text::char_len(&d.text);
                    let (s, e) = ((*start).min(len), (*end).min(len));
                    let mut new = Span::manual(auto_id(label, &(s.min(e)..e)), s.min(e)..e, label.clone());
                    let who = holders(&new, false);
                    if let Some(t) = dis
                        .sides
                        .iter()
                        .enumerate()
                        .flat_map(|(a, side)| side.spans.iter().map(move |r| (a, r)))
                        .map(|(a, r)| span(a, r))
                        .find(|t| t.range() == new.range() && t.label == new.label)
                    {
                        new.attrs = t.attrs.clone();
                    }
                    out.push(new, who);
                }
            }
        }
        let mut spans = out.spans;
        sort_spans(&mut spans);
        documents.push(Document::new(d.id.clone(), d.name.clone(), d.text.clone(), spans));
    }
    Merged { documents, pending: adj.pending(choices) }
}

/// The spans of one merged document, identical ones once, ids unique.
#[derive(Default)]
struct Out {
    spans: Vec<Span>,
    ids: HashSet<String>,
    /// `(start, end, label, attrs as JSON)` of the spans in.
    seen: HashSet<(usize, usize, String, String)>,
}

impl Out {
    fn push(&mut self, mut s: Span, who: Vec<String>) {
        s.attrs.remove(ANNOTATORS_ATTR);
        // Attributes in key order: the same attributes written in another order are the same span.
        let mut attrs: Vec<String> = s.attrs.iter().map(|(k, v)| format!("{k:?}:{v}")).collect();
        attrs.sort_unstable();
        let key = (s.start, s.end, s.label.clone(), attrs.join(","));
        if !self.seen.insert(key) {
            return;
        }
        if self.ids.contains(&s.id) {
            let base = auto_id(&s.label, &s.range());
            s.id = (1..)
                .map(|n| if n == 1 { base.clone() } else { format!("{base}#{n}") })
                .find(|id| !self.ids.contains(id))
                .unwrap_or(base);
        }
        self.ids.insert(s.id.clone());
        s.status = Status::Accepted;
        s.attrs.insert(ANNOTATORS_ATTR.into(), Value::from(who));
        self.spans.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agree::DisagreementKind;

    const TEXT: &str = "Gunmen killed at least 133 people in Moscow on Friday, officials said.";

    fn set(name: &str, spans: Vec<Span>) -> Annotator {
        Annotator::new(name, vec![Document::new(name, format!("{name}.json"), TEXT, spans)])
    }

    fn s(start: usize, end: usize, label: &str) -> Span {
        Span::manual(format!("{label}-{start}"), start..end, label)
    }

    fn three() -> Adjudication {
        // All agree on the claim; A and B on "at least 133", C says "133"; only A tags "Friday".
        let a = vec![s(0, 70, "claim"), s(14, 26, "number"), s(47, 53, "number")];
        let b = vec![s(0, 70, "claim"), s(14, 26, "number")];
        let c = vec![s(0, 70, "claim"), s(23, 26, "number")];
        prepare(&[set("A", a), set("B", b), set("C", c)], &Options::default())
    }

    /// A merged span: start, end, label, who had it.
    type Got<'a> = (usize, usize, &'a str, Vec<&'a str>);

    fn spans(m: &Merged) -> Vec<Got<'_>> {
        m.documents[0]
            .spans
            .iter()
            .map(|s| {
                let who = s.attrs[ANNOTATORS_ATTR].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
                (s.start, s.end, s.label.as_str(), who)
            })
            .collect()
    }

    #[test]
    fn agreed_spans_go_straight_in_and_pending_ones_add_nothing() {
        let adj = three();
        let kinds: Vec<DisagreementKind> = adj.disagreements.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [DisagreementKind::Boundaries, DisagreementKind::Missing]);
        let m = merge(&adj, &BTreeMap::new());
        assert_eq!(spans(&m), [(0, 70, "claim", vec!["A", "B", "C"])]);
        assert_eq!(m.pending.len(), 2);
        assert!(m.documents[0].spans.iter().all(|s| s.status == Status::Accepted));
    }

    #[test]
    fn each_choice_gives_its_spans_with_who_had_them() {
        let adj = three();
        let (bounds, friday) = (adj.disagreements[0].id.clone(), adj.disagreements[1].id.clone());
        let claim = (0, 70, "claim", vec!["A", "B", "C"]);
        let table: Vec<(Choice, Choice, Vec<Got>)> = vec![
            (
                Choice::KEEP_A,
                Choice::KEEP_A,
                vec![claim.clone(), (14, 26, "number", vec!["A", "B"]), (47, 53, "number", vec!["A"])],
            ),
            (Choice::Keep { annotator: 2 }, Choice::KEEP_B, vec![claim.clone(), (23, 26, "number", vec!["C"])]),
            (
                Choice::KeepAll,
                Choice::Drop,
                vec![claim.clone(), (14, 26, "number", vec!["A", "B"]), (23, 26, "number", vec!["C"])],
            ),
            (
                Choice::Edit { start: 14, end: 26, label: "number".into() },
                Choice::Edit { start: 44, end: 53, label: "number".into() },
                vec![claim.clone(), (14, 26, "number", vec!["A", "B"]), (44, 53, "number", vec![])],
            ),
        ];
        for (first, second, want) in table {
            let choices = BTreeMap::from([(bounds.clone(), first.clone()), (friday.clone(), second)]);
            let m = merge(&adj, &choices);
            assert_eq!(spans(&m), want, "{first:?}");
            assert!(m.pending.is_empty());
        }
    }

    #[test]
    fn a_choice_naming_no_annotator_stays_pending_and_choices_serialize() {
        let adj = three();
        let id = adj.disagreements[0].id.clone();
        let m = merge(&adj, &BTreeMap::from([(id.clone(), Choice::Keep { annotator: 7 })]));
        assert_eq!(m.pending.len(), 2);
        assert!(adj.disagreement(&id).is_some());
        let json = serde_json::to_string(&Choice::KEEP_B).unwrap();
        assert_eq!(json, r#"{"choice":"keep","annotator":1}"#);
        let back: Choice = serde_json::from_str(r#"{"choice":"edit","start":1,"end":2,"label":"x"}"#).unwrap();
        assert_eq!(back, Choice::Edit { start: 1, end: 2, label: "x".into() });
    }

    #[test]
    fn merged_ids_are_unique_and_the_merge_reads_back() {
        let adj = three();
        let choices: BTreeMap<String, Choice> =
            adj.disagreements.iter().map(|d| (d.id.clone(), Choice::KeepAll)).collect();
        let m = merge(&adj, &choices);
        let ids: HashSet<&str> = m.documents[0].spans.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), m.documents[0].spans.len());
        let json = crate::formats::sift::write_json(&m.documents, &[]);
        let back = crate::formats::read(crate::Format::Sift, &json).unwrap();
        assert_eq!(back.documents[0].spans, m.documents[0].spans);
    }
}
