//! Adjudication in the app: other annotators' exports of the same documents, set beside this browser's work
//! (annotator "A"), their disagreements ([`crate::agree::prepare`]) and the adjudicator's choice for each. All
//! of it is session state, so every choice is an undoable action and is saved with the index; applying the
//! choices ([`Review::merged`]) writes the merged spans, each with `attrs.annotators`, into the documents.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::merge::manual_id;
use super::DocData;
use crate::agree::{merge, prepare, Adjudication, Annotator, Choice, Options};
use crate::{Document, Span};

/// The name this browser's own work goes by in agreement reports and in `attrs.annotators`.
pub const OWN_NAME: &str = "A";

/// The other annotators and the choices made on their disagreements.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// Other annotators' documents (B, C, …), as opened.
    #[serde(default)]
    pub others: Vec<Annotator>,
    /// The adjudicator's choice per disagreement id.
    #[serde(default)]
    pub choices: BTreeMap<String, Choice>,
}

impl Review {
    /// Whether there is anything to adjudicate against.
    pub fn is_empty(&self) -> bool {
        self.others.is_empty()
    }

    /// Every annotator, this browser's work first.
    pub fn annotators(&self, docs: &[Rc<DocData>]) -> Vec<Annotator> {
        let own = Annotator::new(OWN_NAME, docs.iter().map(|d| d.to_document()).collect());
        std::iter::once(own).chain(self.others.iter().cloned()).collect()
    }

    /// The disagreements between this browser's work and the other annotators'.
    pub fn adjudication(&self, docs: &[Rc<DocData>]) -> Adjudication {
        prepare(&self.annotators(docs), &Options::default())
    }

    /// The spans each document gets when the choices made so far are applied, by document id: the merged
    /// spans (agreed ones and chosen ones, each with `attrs.annotators`), plus this browser's spans that took no
    /// part (unreviewed suggestions and rejections, which keep re-annotation from bringing refused spans back),
    /// unless a merged span has the same extent and label. Documents no other annotator has are left out.
    pub fn merged(&self, docs: &[Rc<DocData>]) -> Vec<(String, Vec<Span>)> {
        let adj = self.adjudication(docs);
        let merged = merge(&adj, &self.choices);
        let opts = Options::default();
        let mut out = Vec::new();
        for m in merged.documents {
            let Some(d) = docs.iter().find(|d| *d.text == *m.text) else { continue };
            let mut spans: Vec<Span> = Vec::with_capacity(m.spans.len());
            for mut s in m.spans {
                if spans.iter().any(|k| k.id == s.id) {
                    s.id = manual_id(&spans, &s.label, s.start, s.end);
                }
                spans.push(s);
            }
            let same = |a: &Span, b: &Span| a.start == b.start && a.end == b.end && a.label == b.label;
            for s in d.spans.iter().filter(|s| !opts.counts(s)) {
                if !spans.iter().any(|k| same(k, s)) {
                    let mut s = s.clone();
                    if spans.iter().any(|k| k.id == s.id) {
                        s.id = manual_id(&spans, &s.label, s.start, s.end);
                    }
                    spans.push(s);
                }
            }
            out.push((d.id.clone(), spans));
        }
        out
    }
}

/// The choice a key makes in the adjudication walk: `1`–`9` keep that annotator's side, `b` keep all, `x` drop.
pub fn choice_for_key(key: &str, annotators: usize) -> Option<Choice> {
    match key {
        "b" => Some(Choice::KeepAll),
        "x" => Some(Choice::Drop),
        k => {
            k.parse::<usize>().ok().filter(|d| (1..=annotators).contains(d)).map(|d| Choice::Keep { annotator: d - 1 })
        }
    }
}

/// Where the walk goes after a choice at `at`: the next disagreement without a choice (wrapping round), or `at`
/// when every other one is decided.
pub fn next_undecided(adj: &Adjudication, choices: &BTreeMap<String, Choice>, at: usize) -> usize {
    let n = adj.disagreements.len();
    let undecided = |i: &usize| *i != at && !choices.contains_key(&adj.disagreements[*i].id);
    (at + 1..n).find(undecided).or_else(|| (0..at.min(n)).find(undecided)).unwrap_or(at)
}

/// An annotator read from an opened export, named after the file.
pub fn annotator_from(name: &str, documents: Vec<Document>) -> Annotator {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    Annotator::new(if stem.is_empty() { name } else { stem }, documents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agree::ANNOTATORS_ATTR;
    use crate::session::{Action, NewDoc, Session, View};
    use crate::{Origin, Status};

    const TEXT: &str = "Prices rose 3.2% in March, the ministry said. Exports fell by 4 billion euros.";

    fn span(id: &str, start: usize, end: usize, label: &str, status: Status) -> Span {
        Span { origin: Origin::Manual, status, ..Span::manual(id, start..end, label) }
    }

    fn doc(spans: Vec<Span>) -> Document {
        Document::new("d", "Report", TEXT, spans)
    }

    /// A has "3.2%" and a suggestion; B has "3.2%" too, "4 billion euros" and a claim.
    fn session() -> Session {
        let mine = doc(vec![
            span("a1", 12, 16, "number", Status::Accepted),
            Span { origin: Origin::Auto, ..span("a2", 20, 25, "number", Status::Suggested) },
        ]);
        let theirs = doc(vec![
            span("T1", 12, 16, "number", Status::Accepted),
            span("T2", 62, 77, "number", Status::Accepted),
            span("T3", 0, 45, "claim", Status::Accepted),
        ]);
        let s = Session::default().reduce(Action::AddDocs(vec![NewDoc::from(mine)], vec![]));
        s.reduce(Action::AddAnnotator(annotator_from("bob.json", vec![theirs])))
    }

    #[test]
    fn another_annotators_export_lists_the_disagreements_and_each_choice_is_undoable() {
        let s = session().reduce(Action::ShowView(View::Agree));
        assert_eq!(s.review.others[0].name, "bob");
        let adj = s.review.adjudication(&s.docs);
        assert_eq!(adj.annotators, ["A", "bob"]);
        assert_eq!(adj.disagreements.len(), 2, "B's number and claim; the shared 3.2% agrees");
        let first = adj.disagreements[0].id.clone();
        let s = s.reduce(Action::Adjudicate(first.clone(), Choice::KEEP_B));
        assert_eq!(s.review.choices.get(&first), Some(&Choice::KEEP_B));
        let s = s.reduce(Action::Adjudicate(first.clone(), Choice::KEEP_A));
        assert_eq!(s.review.choices.get(&first), Some(&Choice::KEEP_A), "a second choice replaces the first");
        let s = s.reduce(Action::Undo);
        assert_eq!(s.review.choices.get(&first), Some(&Choice::KEEP_B));
        let s = s.reduce(Action::Undo).reduce(Action::Undo);
        assert!(s.review.is_empty(), "undo takes the annotator away too");
    }

    #[test]
    fn applying_the_choices_writes_who_agreed_and_keeps_the_unreviewed_suggestions() {
        let s = session();
        let adj = s.review.adjudication(&s.docs);
        let mut s = s;
        for x in &adj.disagreements {
            let choice = if x.labels.iter().any(|l| l == "claim") { Choice::Drop } else { Choice::KEEP_B };
            s = s.reduce(Action::Adjudicate(x.id.clone(), choice));
        }
        let s = s.reduce(Action::ApplyReview);
        let spans = &s.docs[0].spans;
        let who = |start: usize| {
            let s = spans.iter().find(|s| s.start == start && s.status != Status::Suggested).expect("a merged span");
            s.attrs.get(ANNOTATORS_ATTR).cloned()
        };
        assert_eq!(who(12), Some(serde_json::json!(["A", "bob"])));
        assert_eq!(who(62), Some(serde_json::json!(["bob"])));
        assert!(!spans.iter().any(|s| s.label == "claim"), "the claim was dropped");
        assert!(spans.iter().any(|s| s.start == 20 && s.status == Status::Suggested), "A's suggestion stays");
        let ids: std::collections::HashSet<&str> = spans.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), spans.len(), "span ids stay unique");
        // One undo brings the documents back as they were.
        assert_eq!(s.reduce(Action::Undo).docs[0].spans.len(), 2);
    }

    #[test]
    fn keys_make_choices_and_the_walk_moves_to_the_next_undecided() {
        let table = [
            ("1", Some(Choice::KEEP_A)),
            ("2", Some(Choice::KEEP_B)),
            ("3", None),
            ("0", None),
            ("b", Some(Choice::KeepAll)),
            ("x", Some(Choice::Drop)),
            ("q", None),
        ];
        for (key, want) in table {
            assert_eq!(choice_for_key(key, 2), want, "{key}");
        }
        let s = session();
        let adj = s.review.adjudication(&s.docs);
        assert_eq!(next_undecided(&adj, &s.review.choices, 0), 1);
        let last = adj.disagreements.len() - 1;
        assert_eq!(next_undecided(&adj, &s.review.choices, last), 0, "wraps round");
        let s = s.reduce(Action::Adjudicate(adj.disagreements[0].id.clone(), Choice::Drop));
        assert_eq!(next_undecided(&adj, &s.review.choices, last), 1, "skips the decided one");
    }

    #[test]
    fn the_review_is_saved_in_the_index() {
        let s = session();
        let json = serde_json::to_string(&s.review).unwrap();
        let back: Review = serde_json::from_str(&json).unwrap();
        assert_eq!(back, *s.review);
        let old: crate::session::Index = serde_json::from_str(r#"{"order": [], "current": null}"#).unwrap();
        assert!(old.review.is_empty());
    }
}
