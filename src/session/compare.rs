//! The comparison the app shows: [`crate::compare`] over the open documents in list order, with the user's
//! decisions applied on top. Pure, so the view only draws what this returns.

use std::rc::Rc;

use super::DocData;
use crate::compare::{compare, decisions::Skipped, Article, Comparison, Decision, Options};

/// Compares `docs` (in list order: the decisions' document indices refer to it) and applies `decisions`;
/// returns the comparison and the decisions that no longer fit (a row gone after an edit, say).
pub fn compared(docs: &[Rc<DocData>], decisions: &[Decision]) -> (Comparison, Vec<Skipped>) {
    let articles: Vec<Article<'_>> =
        docs.iter().map(|d| Article { name: &d.name, text: &d.text, spans: &d.spans, date: None }).collect();
    let mut c = compare(&articles, &Options::default());
    let skipped = c.apply(decisions);
    (c, skipped)
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
        let (c, skipped) = compared(&s.docs, &s.decisions);
        assert!(skipped.is_empty());
        assert_eq!(killed(&c).docs, [0, 1, 2], "every document gives a toll");
        assert!(!killed(&c).reviewed);

        let s = s.reduce(Action::Decide(Decision::Reviewed { group: "killed".into() }));
        let (c, _) = compared(&s.docs, &s.decisions);
        assert!(killed(&c).reviewed);
        // The same decision twice is one decision.
        let s = s.reduce(Action::Decide(Decision::Reviewed { group: "killed".into() }));
        assert_eq!(s.decisions.len(), 1);

        let s = s.reduce(Action::Undo);
        assert!(s.decisions.is_empty());
        assert!(!killed(&compared(&s.docs, &s.decisions).0).reviewed);
        let s = s.reduce(Action::Redo);
        assert_eq!(s.decisions.len(), 1);
        assert_eq!(s.view, View::Compare, "undo does not switch views");
    }

    #[test]
    fn a_split_figure_gets_a_row_of_its_own_and_a_stale_decision_is_reported() {
        let s = session();
        let (c, _) = compared(&s.docs, &s.decisions);
        let cell = killed(&c).cells.iter().find(|c| c.doc == 2).expect("doc 2's figure").clone();
        let split = Decision::Split { group: "killed".into(), doc: 2, start: cell.start, end: cell.end };
        let s = s.reduce(Action::Decide(split));
        let (c, skipped) = compared(&s.docs, &s.decisions);
        assert!(skipped.is_empty());
        assert_eq!(killed(&c).docs, [0, 1]);
        assert!(c.figures.iter().any(|g| g.key.starts_with("killed~2:") && g.docs == [2]));

        let stale = vec![Decision::Reviewed { group: "no-such-row".into() }];
        let s = s.reduce(Action::AddDecisions { decisions: stale, of_last: 3 });
        let (_, skipped) = compared(&s.docs, &s.decisions);
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
}
