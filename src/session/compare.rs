//! The comparison the app shows: [`crate::compare`] over the open documents the user has not taken out, in list
//! order, with the user's decisions applied on top. Pure, so the view only draws what this returns.

use std::collections::HashSet;
use std::rc::Rc;

use super::DocData;
use crate::compare::{compare, decisions::Skipped, Article, Comparison, Decision, Options};

/// What the Compare view shows. The comparison's document indices count the compared documents only;
/// [`Compared::list_index`] and [`Compared::to_list`] turn them back into indices of the whole list, which is what
/// the user's decisions use.
#[derive(Debug, Clone)]
pub struct Compared {
    /// The comparison of the chosen documents, decisions applied.
    pub comparison: Comparison,
    /// The decisions that no longer fit (a row gone after an edit, say); `index` is into the session's list.
    pub skipped: Vec<Skipped>,
    /// For each compared document, its index in the whole list.
    pub chosen: Vec<usize>,
}

impl Compared {
    /// The list index of the compared document `d`.
    pub fn list_index(&self, d: usize) -> usize {
        self.chosen.get(d).copied().unwrap_or(d)
    }

    /// A decision made on this comparison, with its document indices turned into list indices.
    pub fn to_list(&self, d: &Decision) -> Decision {
        d.remapped(|i| self.chosen.get(i).copied()).unwrap_or_else(|| d.clone())
    }
}

/// Compares the documents of `docs` (the whole list) whose ids are not in `out`, and applies the `decisions`
/// about them; a decision about a document left out waits, neither applied nor reported.
pub fn compared(docs: &[Rc<DocData>], decisions: &[Decision], out: &HashSet<String>) -> Compared {
    let chosen: Vec<usize> = (0..docs.len()).filter(|&i| !out.contains(&docs[i].id)).collect();
    let articles: Vec<Article<'_>> = chosen
        .iter()
        .map(|&i| &docs[i])
        .map(|d| Article { name: &d.name, text: &d.text, spans: &d.spans, date: None })
        .collect();
    let mut comparison = compare(&articles, &Options::default());
    // Decisions in the numbering of the compared documents, each with its index in the session's list.
    let mut local_of = vec![None; docs.len()];
    for (local, &i) in chosen.iter().enumerate() {
        local_of[i] = Some(local);
    }
    let (index, local): (Vec<usize>, Vec<Decision>) = decisions
        .iter()
        .enumerate()
        .filter_map(|(k, d)| Some((k, d.remapped(|i| local_of.get(i).copied().flatten())?)))
        .unzip();
    let mut skipped = comparison.apply(&local);
    for s in &mut skipped {
        s.index = index[s.index];
    }
    Compared { comparison, skipped, chosen }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Action, NewDoc, Session, View};
    use crate::{annotate, Layers};

    const A: &str =
        "Gunmen killed at least 115 people on Friday, officials said.\n\nThe attack was claimed by a group.";
    const B: &str = "The death toll rose to 133 on Saturday, the ministry said.\n\nA market was hit.";
    const C: &str = "More than 90 people died in the attack, a witness said.\n\nRescue work went on.";

    fn session() -> Session {
        let docs = [A, B, C]
            .iter()
            .enumerate()
            .map(|(i, t)| NewDoc::from(annotate(&format!("d{i}"), &format!("doc {i}"), t, Layers::ALL)))
            .collect();
        Session::default().reduce(Action::AddDocs(docs, vec![]))
    }

    fn killed(c: &Comparison) -> &crate::compare::FigureGroup {
        c.figures.iter().find(|g| g.key == "killed").expect("a killed row")
    }

    #[test]
    fn the_view_compares_every_document_and_decisions_are_undoable_edits() {
        let s = session().reduce(Action::ShowView(View::Compare));
        assert_eq!(s.view, View::Compare);
        assert!(!s.can_redo() && s.decisions.is_empty());
        let Compared { comparison: c, skipped, .. } = compared(&s.docs, &s.decisions, &s.compare_out);
        assert!(skipped.is_empty());
        assert_eq!(killed(&c).docs, [0, 1, 2], "every document gives a toll");
        assert!(!killed(&c).reviewed);

        let s = s.reduce(Action::Decide(Decision::Reviewed { group: "killed".into() }));
        let c = compared(&s.docs, &s.decisions, &s.compare_out).comparison;
        assert!(killed(&c).reviewed);
        // The same decision twice is one decision.
        let s = s.reduce(Action::Decide(Decision::Reviewed { group: "killed".into() }));
        assert_eq!(s.decisions.len(), 1);

        let s = s.reduce(Action::Undo);
        assert!(s.decisions.is_empty());
        assert!(!killed(&compared(&s.docs, &s.decisions, &s.compare_out).comparison).reviewed);
        let s = s.reduce(Action::Redo);
        assert_eq!(s.decisions.len(), 1);
        assert_eq!(s.view, View::Compare, "undo does not switch views");
    }

    #[test]
    fn a_split_figure_gets_a_row_of_its_own_and_a_stale_decision_is_reported() {
        let s = session();
        let c = compared(&s.docs, &s.decisions, &s.compare_out).comparison;
        let cell = killed(&c).cells.iter().find(|c| c.doc == 2).expect("doc 2's figure").clone();
        let split = Decision::Split { group: "killed".into(), doc: 2, start: cell.start, end: cell.end };
        let s = s.reduce(Action::Decide(split));
        let Compared { comparison: c, skipped, .. } = compared(&s.docs, &s.decisions, &s.compare_out);
        assert!(skipped.is_empty());
        assert_eq!(killed(&c).docs, [0, 1]);
        assert!(c.figures.iter().any(|g| g.key.starts_with("killed~2:") && g.docs == [2]));

        let stale = vec![Decision::Reviewed { group: "no-such-row".into() }];
        let s = s.reduce(Action::AddDecisions { decisions: stale, of_last: 3 });
        let skipped = compared(&s.docs, &s.decisions, &s.compare_out).skipped;
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].index, 1);
    }

    #[test]
    fn imported_decisions_follow_their_documents_to_the_end_of_the_list() {
        let s = session();
        let s = s.reduce(Action::AddDocs(vec![NewDoc::from(annotate("e", "e", C, Layers::ALL))], vec![]));
        let split = Decision::Split { group: "killed".into(), doc: 0, start: 10, end: 12 };
        let s = s.reduce(Action::AddDecisions { decisions: vec![split], of_last: 1 });
        assert_eq!(s.decisions[0], Decision::Split { group: "killed".into(), doc: 3, start: 10, end: 12 });
    }

    #[test]
    fn decisions_are_saved_in_the_index_and_come_back() {
        let s = session();
        let mut saver = crate::session::Saver::new(&s);
        let s = s.reduce(Action::Decide(Decision::Reviewed { group: "killed".into() }));
        let index = saver.plan(&s).into_iter().find_map(|e| match e {
            crate::session::Effect::SaveIndex(i) => Some(i),
            _ => None,
        });
        let index = index.expect("the index is written");
        let json = serde_json::to_string(&index).unwrap();
        let back: crate::session::Index = serde_json::from_str(&json).unwrap();
        assert_eq!(back.decisions, *s.decisions);
        // What older versions saved (no decisions) still reads.
        let old: crate::session::Index = serde_json::from_str(r#"{"order": ["d0"], "current": "d0"}"#).unwrap();
        assert!(old.decisions.is_empty());
        let saved = crate::session::Saved { decisions: back.decisions, ..Default::default() };
        assert_eq!(Session::from_saved(saved).decisions.len(), 1);
    }

    #[test]
    fn a_document_taken_out_is_not_compared_and_its_decisions_wait() {
        let s = session();
        let all = compared(&s.docs, &s.decisions, &s.compare_out);
        let cell = killed(&all.comparison).cells.iter().find(|c| c.doc == 2).expect("doc 2's figure").clone();
        let split = Decision::Split { group: "killed".into(), doc: 2, start: cell.start, end: cell.end };
        let s = s.reduce(Action::Decide(split.clone()));
        let s = s.reduce(Action::Decide(Decision::Reviewed { group: "killed".into() }));

        // Take the first document out: the others are compared, numbered 0 and 1, and map back to 1 and 2.
        let s = s.reduce(Action::ToggleCompared("d0".into()));
        let undone = s.reduce(Action::Undo);
        assert_eq!(undone.decisions.len(), 1, "undo takes back the last decision, not the choice of documents");
        assert!(undone.compare_out.contains("d0"));
        let r = compared(&s.docs, &s.decisions, &s.compare_out);
        assert_eq!(r.chosen, [1, 2]);
        assert_eq!(r.comparison.documents.len(), 2);
        assert!(r.skipped.is_empty(), "both decisions still fit: {:?}", r.skipped);
        assert_eq!(killed(&r.comparison).docs, [0], "doc 2's figure stays split off");
        assert!(killed(&r.comparison).reviewed);
        let split_row = r.comparison.figures.iter().find(|g| g.key.starts_with("killed~")).expect("the split row");
        assert_eq!(r.list_index(split_row.docs[0]), 2);
        // A decision made on this view is recorded in list numbering.
        let local = Decision::Reviewed { group: split_row.key.clone() };
        assert_eq!(r.to_list(&local), Decision::Reviewed { group: split_row.key.replace("~1:", "~2:") });

        // Take document 2 out too: its split waits (not applied, not reported), and comes back with it.
        let s = s.reduce(Action::ToggleCompared("d2".into()));
        let r = compared(&s.docs, &s.decisions, &s.compare_out);
        assert_eq!(r.chosen, [1]);
        assert!(r.skipped.is_empty());
        let s = s.reduce(Action::ToggleCompared("d2".into())).reduce(Action::ToggleCompared("d0".into()));
        let r = compared(&s.docs, &s.decisions, &s.compare_out);
        assert_eq!(r.chosen, [0, 1, 2]);
        assert_eq!(killed(&r.comparison).docs, [0, 1]);
    }

    #[test]
    fn decisions_follow_their_documents_when_the_list_changes() {
        let s = session();
        let c = compared(&s.docs, &s.decisions, &s.compare_out).comparison;
        let cell = killed(&c).cells.iter().find(|c| c.doc == 2).expect("doc 2's figure").clone();
        let split = Decision::Split { group: "killed".into(), doc: 2, start: cell.start, end: cell.end };
        let s = s.reduce(Action::Decide(split));
        let split_key = |s: &Session| match &s.decisions[..] {
            [Decision::Split { doc, .. }] => Some(*doc),
            _ => None,
        };

        // Moving doc 2 up one place moves its decision with it; nothing is reported stale.
        let s = s.reduce(Action::MoveDoc("d2".into(), -1));
        assert_eq!(split_key(&s), Some(1));
        let r = compared(&s.docs, &s.decisions, &s.compare_out);
        assert!(r.skipped.is_empty());
        assert!(r.comparison.figures.iter().any(|g| g.key.starts_with("killed~1:") && g.docs == [1]));

        // Deleting another document renumbers it; deleting its own document drops it, and undo brings it back.
        let s = s.reduce(Action::DeleteDoc("d0".into()));
        assert_eq!(split_key(&s), Some(0));
        let s = s.reduce(Action::DeleteDoc("d2".into()));
        assert!(s.decisions.is_empty());
        let s = s.reduce(Action::Undo);
        assert_eq!(split_key(&s), Some(0));
    }
}
