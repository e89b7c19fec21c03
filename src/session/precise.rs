//! The precise check-worthiness model in the app (the second bundle's; `crate::precise` runs it in a worker).
//! The session never holds the model: the shell loads it in a worker, asks it about the open document's
//! sentences ([`Session::precise_request`]) and hands back its scores ([`Action::PreciseScores`]), which then
//! score that document's claims in place of the built-in scorer, as re-annotation does (decisions kept, one undo
//! step). Not saved: the shell keeps the model file and scores again after a reload.

use std::rc::Rc;
use std::sync::Arc;

use super::{Action, DocData, Session};
use crate::detect::claims::{KnownScores, Scorer, SharedScorer, PRECISE_ID};

/// A loaded model and the scores it gave so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Precise {
    /// What the model is, as its file says.
    pub name: String,
    /// Every sentence scored so far, by text.
    pub scores: Arc<KnownScores>,
    /// Sentences scored and to score of the request under way, for the progress bar.
    pub progress: Option<(usize, usize)>,
}

/// The sentences of `doc` the claim layer would ask about (outside boilerplate) that `p` has not scored yet;
/// `None` when there are none or a request is under way.
pub fn unscored(p: &Precise, doc: &DocData) -> Option<Vec<String>> {
    if p.progress.is_some() {
        return None;
    }
    let mut todo = crate::detect::claim_sentences(&doc.text, doc.facts.as_deref().map(Vec::as_slice));
    let known = p.scores.score(&todo.iter().map(String::as_str).collect::<Vec<_>>()).unwrap_or_default();
    let mut k = known.into_iter();
    todo.retain(|_| k.next().is_some_and(f64::is_nan));
    todo.dedup();
    (!todo.is_empty()).then_some(todo)
}

impl Session {
    /// The scorer re-annotation uses: the precise model's scores when it is loaded.
    pub(super) fn scorer(&self) -> Option<SharedScorer> {
        self.precise.as_ref().map(|p| SharedScorer(p.scores.clone()))
    }

    /// The open document's sentences the precise model has not scored yet, with the document's id: what the
    /// shell sends to the worker ([`unscored`]). `None` without a model, while a request is under way, while the
    /// document is still being annotated, and when every sentence is scored.
    pub fn precise_request(&self) -> Option<(String, Vec<String>)> {
        let d = self.precise_doc()?;
        Some((d.id.clone(), unscored(self.precise.as_deref()?, d)?))
    }

    /// The open document when its sentences may be scored: the claim detector on, the document not being
    /// annotated slice by slice.
    pub fn precise_doc(&self) -> Option<&Rc<DocData>> {
        self.doc().filter(|d| self.detectors.claim && !self.annotating.contains_key(&d.id))
    }

    /// [`Action::PreciseLoaded`], [`Action::PreciseProgress`], [`Action::PreciseScores`],
    /// [`Action::PreciseFailed`].
    pub(super) fn apply_precise(&mut self, a: Action) {
        match a {
            Action::PreciseLoaded { name, threshold } => {
                self.notice = Some(format!("Claims are scored by the precise model: {name}."));
                let scores = Arc::new(KnownScores::new(PRECISE_ID, threshold, []));
                self.precise = Some(Rc::new(Precise { name, scores, progress: None }));
            }
            Action::PreciseProgress(done, total) => {
                if let Some(p) = self.precise.as_mut() {
                    Rc::make_mut(p).progress = Some((done, total));
                }
            }
            Action::PreciseScores(doc, scored) => {
                let Some(p) = self.precise.as_mut() else { return };
                let p = Rc::make_mut(p);
                p.progress = None;
                p.scores = Arc::new(p.scores.with(scored));
                let (scorer, detectors) = (self.scorer(), self.detectors);
                let Some(d) = self.docs.iter().find(|d| d.id == doc).cloned() else { return };
                if self.annotating.contains_key(&d.id) {
                    return;
                }
                let spans = d.refreshed(d.spans.as_ref().clone(), detectors, scorer.as_ref());
                if spans != *d.spans {
                    self.replace_doc(d.with_spans(spans));
                }
            }
            Action::PreciseFailed(why) => {
                self.notice = Some(format!("The precise model is not used: {why}"));
                self.precise = None;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Saved, SavedDoc};
    use crate::Status;

    const TEXT: &str = "Home | World | Sport\n\nPrices rose 3 percent in March. Thank you all for coming tonight. \
                        The ministry said 115 people died.\n";

    fn session() -> Session {
        let doc = crate::annotate("a", "Report", TEXT, crate::Layers::ALL);
        Session::from_saved(Saved { docs: vec![SavedDoc { doc, markup: None, rev: 1 }], ..Saved::default() })
    }

    fn claims(s: &Session) -> Vec<(String, String, f64)> {
        let d = s.doc().unwrap();
        d.spans
            .iter()
            .filter(|x| x.label == "claim")
            .map(|x| {
                let worth = x.attrs["checkworthiness"].as_f64().unwrap();
                (d.slice(x.start, x.end).to_string(), x.rule.clone().unwrap(), worth)
            })
            .collect()
    }

    #[test]
    fn the_workers_scores_score_the_open_documents_claims_in_one_undo_step() {
        let s0 = session();
        assert_eq!(s0.precise_request(), None, "no model, nothing to ask");
        let before = claims(&s0);
        assert!(before.iter().any(|c| c.0.starts_with("Prices")) && !before.iter().any(|c| c.0.starts_with("Thank")));
        let s1 = s0.reduce(Action::PreciseLoaded { name: "test model".into(), threshold: 0.5 });
        assert!(s1.notice.as_deref().unwrap().contains("test model"));
        let (doc, asked) = s1.precise_request().expect("the open document's sentences");
        assert_eq!(doc, "a");
        assert_eq!(
            asked,
            [
                "Prices rose 3 percent in March.",
                "Thank you all for coming tonight.",
                "The ministry said 115 people died."
            ]
        );
        // While the worker scores, nothing more is asked; the progress is there for the bar.
        let s2 = s1.reduce(Action::PreciseProgress(1, 3));
        assert_eq!(s2.precise.as_ref().unwrap().progress, Some((1, 3)));
        assert_eq!(s2.precise_request(), None);
        let scores = asked.iter().cloned().zip([0.2, 0.8, 0.1]).collect();
        let s3 = s2.reduce(Action::PreciseScores("a".into(), scores));
        assert_eq!(
            claims(&s3),
            [
                ("Thank you all for coming tonight.".to_string(), "claim.event+minilm".to_string(), 0.8),
                ("The ministry said 115 people died.".to_string(), "claim.attributed+minilm".to_string(), 0.1),
            ]
        );
        assert_eq!(s3.precise.as_ref().unwrap().progress, None);
        assert_eq!(s3.precise_request(), None, "every sentence scored");
        assert_eq!(claims(&s3.reduce(Action::Undo)), before, "one undo step back to the built-in scores");
        // A decision stays through re-annotation, which keeps using the model's scores.
        let thanks = s3.doc().unwrap().spans.iter().find(|x| x.rule.as_deref() == Some("claim.event+minilm")).unwrap();
        let s4 = s3.reduce(Action::SetStatus(vec![thanks.id.clone()], Status::Accepted)).reduce(Action::Reannotate);
        assert_eq!(claims(&s4), claims(&s3));
        assert!(s4.doc().unwrap().spans.iter().any(|x| x.id == thanks.id && x.status == Status::Accepted));
    }

    #[test]
    fn a_failing_model_leaves_the_built_in_scorer_with_a_message() {
        let s = session().reduce(Action::PreciseLoaded { name: "m".into(), threshold: 0.5 });
        let s = s.reduce(Action::PreciseFailed("the model file is damaged".into()));
        assert_eq!(s.precise, None);
        assert_eq!(s.precise_request(), None);
        assert!(s.notice.as_deref().unwrap().contains("damaged"));
        assert_eq!(claims(&s.reduce(Action::Reannotate)), claims(&session()));
    }
}
