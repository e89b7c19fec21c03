//! Which built-in detectors run. Deleting a built-in label (boilerplate, claim, number, source) switches its
//! detector off, so that re-annotation does not bring its highlights back; adding the label again (or the label
//! panel's "Switch on") switches it on. The setting is part of the session: undone with the delete, saved with
//! the document order, and handed to every analysis the app runs ([`Detectors::layers`] are the layers to run,
//! [`Detectors::keep`] drops what a running layer found for a label switched off, e.g. `source` from the claim
//! layer).

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::merge::new_label;
use super::{Session, AT_ONCE};
use crate::annotation::{BOILERPLATE, CLAIM, NUMBER, SOURCE};
use crate::detect::claims::SharedScorer;
use crate::detect::numbers::DocDate;
use crate::input::LineFacts;
use crate::{Label, Layers, Span};

/// The built-in labels a detector suggests, in the label panel's order.
pub const DETECTED: [&str; 4] = [BOILERPLATE, CLAIM, NUMBER, SOURCE];

/// Which built-in detectors are on (saved as the list of those switched off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct Detectors {
    /// Site chrome.
    pub boilerplate: bool,
    /// Check-worthy sentences.
    pub claim: bool,
    /// Numbers.
    pub number: bool,
    /// Who a claim is attributed to (found by the claim layer).
    pub source: bool,
}

impl Default for Detectors {
    fn default() -> Self {
        Detectors::ALL
    }
}

impl Detectors {
    /// Every detector on.
    pub const ALL: Detectors = Detectors { boilerplate: true, claim: true, number: true, source: true };

    /// Whether the detector of built-in label `label` is on; `None` for a label no detector suggests.
    pub fn is_on(&self, label: &str) -> Option<bool> {
        match label {
            BOILERPLATE => Some(self.boilerplate),
            CLAIM => Some(self.claim),
            NUMBER => Some(self.number),
            SOURCE => Some(self.source),
            _ => None,
        }
    }

    /// The same with the detector of `label` on or off (unchanged for a label no detector suggests).
    pub fn with(mut self, label: &str, on: bool) -> Detectors {
        match label {
            BOILERPLATE => self.boilerplate = on,
            CLAIM => self.claim = on,
            NUMBER => self.number = on,
            SOURCE => self.source = on,
            _ => {}
        }
        self
    }

    /// Whether every detector is on.
    pub fn all_on(&self) -> bool {
        *self == Detectors::ALL
    }

    /// The labels whose detector is off.
    pub fn off(&self) -> Vec<&'static str> {
        DETECTED.into_iter().filter(|l| self.is_on(l) == Some(false)).collect()
    }

    /// The layers the detectors run (sources come from the claim layer).
    pub fn layers(&self) -> Layers {
        Layers { boilerplate: self.boilerplate, claim: self.claim, number: self.number }
    }

    /// `spans` without those of a label switched off.
    pub fn keep(&self, mut spans: Vec<Span>) -> Vec<Span> {
        if !self.all_on() {
            spans.retain(|s| self.is_on(&s.label) != Some(false));
        }
        spans
    }

    /// Runs the detectors that are on over `text` (with its markup's line facts, when it has them), counting
    /// relative dates from the document's `date` (ISO 8601) when it has one.
    pub fn analyze(&self, text: &str, facts: Option<&[LineFacts]>, date: Option<&str>) -> Vec<Span> {
        self.analyze_scored(text, facts, date, None)
    }

    /// Like [`Detectors::analyze`], with claims scored by `scorer` when one is given (the precise model).
    pub fn analyze_scored(
        &self,
        text: &str,
        facts: Option<&[LineFacts]>,
        date: Option<&str>,
        scorer: Option<&SharedScorer>,
    ) -> Vec<Span> {
        let opts = crate::detect::Options {
            layers: self.layers(),
            doc_date: date.and_then(DocDate::parse),
            claims_scorer: scorer.cloned(),
        };
        self.keep(crate::detect::analyze_facts_with(text, facts, &opts))
    }
}

impl From<Vec<String>> for Detectors {
    fn from(off: Vec<String>) -> Self {
        off.iter().fold(Detectors::ALL, |d, l| d.with(l, false))
    }
}

impl From<Detectors> for Vec<String> {
    fn from(d: Detectors) -> Self {
        d.off().into_iter().map(str::to_string).collect()
    }
}

impl Session {
    /// Switches the detector of built-in label `name` on or off. On, the label comes back when it was deleted
    /// (`label`, or as built in, with its key when no other label has taken it), and the open document is
    /// annotated again so that its suggestions return (a long one is left for the user to re-annotate).
    pub(super) fn switch_detector(&mut self, name: &str, on: bool, label: Option<Label>) {
        if self.detectors.is_on(name).is_none() {
            return;
        }
        if !on {
            self.detectors = self.detectors.with(name, false);
            return;
        }
        let mut changed = self.detectors.is_on(name) == Some(false);
        self.detectors = self.detectors.with(name, true);
        if self.label(name).is_none() {
            let mut l = label
                .or_else(|| Label::builtin().into_iter().find(|b| b.name == name))
                .unwrap_or_else(|| new_label(name, &self.labels));
            if l.key.as_ref().is_some_and(|k| self.labels.iter().any(|x| x.key.as_ref() == Some(k))) {
                l.key = None;
            }
            Rc::make_mut(&mut self.labels).push(l);
            changed = true;
        }
        if !changed {
            return;
        }
        let Some(len) = self.doc().map(|d| d.text.len()) else { return };
        if len > AT_ONCE {
            self.notice = Some(format!("The {name} detector is on again: re-annotate to see its suggestions."));
            return;
        }
        let detectors = self.detectors;
        let scorer = self.scorer();
        self.edit_spans(|doc, spans| *spans = doc.refreshed(std::mem::take(spans), detectors, scorer.as_ref()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Home | News | Sport\n\nAt least 133 people died, officials said on Saturday.\n";

    fn labels(spans: &[Span]) -> Vec<&str> {
        let mut v: Vec<&str> = spans.iter().map(|s| s.label.as_str()).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    #[test]
    fn switched_off_detectors_find_nothing() {
        assert_eq!(labels(&Detectors::ALL.analyze(TEXT, None, None)), vec!["boilerplate", "claim", "number", "source"]);
        let no_numbers = Detectors::ALL.with(NUMBER, false);
        assert!(!no_numbers.layers().number && no_numbers.layers().claim);
        assert_eq!(labels(&no_numbers.analyze(TEXT, None, None)), vec!["boilerplate", "claim", "source"]);
        // Sources come from the claim layer: that layer runs, its sources are dropped.
        let no_sources = Detectors::ALL.with(SOURCE, false);
        assert!(no_sources.layers().claim);
        assert_eq!(labels(&no_sources.analyze(TEXT, None, None)), vec!["boilerplate", "claim", "number"]);
        assert_eq!(no_sources.with("place", false), no_sources, "a custom label has no detector");
        assert_eq!(no_sources.is_on("place"), None);
        assert_eq!(no_sources.with(SOURCE, true), Detectors::ALL);
    }

    #[test]
    fn saved_as_the_list_of_those_switched_off() {
        let d = Detectors::ALL.with(NUMBER, false).with(BOILERPLATE, false);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, r#"["boilerplate","number"]"#);
        assert_eq!(serde_json::from_str::<Detectors>(&json).unwrap(), d);
        assert_eq!(
            serde_json::from_str::<Detectors>(r#"["number","place"]"#).unwrap(),
            Detectors::ALL.with(NUMBER, false)
        );
        assert!(serde_json::from_str::<Detectors>("[]").unwrap().all_on());
    }

    fn numbers(s: &Session) -> usize {
        s.doc().map_or(0, |d| d.spans.iter().filter(|x| x.label == NUMBER).count())
    }

    #[test]
    fn deleting_a_built_in_label_switches_its_detector_off_until_it_is_added_again() {
        use crate::session::{Action, NewDoc, OnDelete};
        let doc = crate::annotate("d", "d", TEXT, Layers::ALL);
        let s = Session::default().reduce(Action::AddDocs(vec![NewDoc::from(doc)], vec![]));
        assert!(numbers(&s) > 0);
        let s = s.reduce(Action::DeleteLabel(NUMBER.into(), OnDelete::DeleteSpans));
        assert_eq!((numbers(&s), s.detectors.number), (0, false));
        let s = s.reduce(Action::Reannotate);
        assert_eq!(numbers(&s), 0, "re-annotation does not bring them back");
        assert!(s.label(CLAIM).is_some() && s.doc().unwrap().spans.iter().any(|x| x.label == CLAIM));
        // Undo takes the deletion back, detector and all; redo deletes again.
        // (Re-annotation changed nothing, so made no undo step.)
        let undone = s.reduce(Action::Undo);
        assert!(undone.detectors.all_on() && numbers(&undone) > 0 && undone.label(NUMBER).is_some());
        let s = undone.reduce(Action::Redo);
        assert!(!s.detectors.number);
        // Added again by name: the built-in label (colour and key) is back, its detector on, its spans found.
        let back = s.reduce(Action::AddLabelNamed(" number ".into()));
        let builtin = Label::builtin().into_iter().find(|l| l.name == NUMBER).unwrap();
        assert_eq!(back.label(NUMBER), Some(&builtin));
        assert!(back.detectors.all_on() && numbers(&back) > 0);
        assert_eq!(numbers(&back.reduce(Action::Undo)), 0, "one undo step");
        // Or by its row's switch; its key goes to it only when free.
        let s = s.reduce(Action::AddLabelNamed("place".into()));
        let place_key = s.label("place").unwrap().key.clone();
        let on = s.reduce(Action::Detector(NUMBER.into(), true));
        assert!(on.detectors.all_on() && numbers(&on) > 0);
        let key = on.label(NUMBER).unwrap().key.clone();
        assert!(key.is_none() || key != place_key, "{key:?} {place_key:?}");
        // Switched off with the label kept: reviewed spans stay, suggestions go and no more come.
        let sources = |s: &Session| s.doc().unwrap().spans.iter().filter(|x| x.label == SOURCE).count();
        let first = back.doc().unwrap().spans.iter().find(|x| x.label == SOURCE).unwrap().id.clone();
        let kept = back
            .reduce(Action::SetStatus(vec![first], crate::Status::Accepted))
            .reduce(Action::Detector(SOURCE.into(), false));
        assert!(kept.label(SOURCE).is_some() && !kept.detectors.source);
        let none = kept.reduce(Action::Reannotate);
        assert_eq!(sources(&none), 1, "the accepted one");
        // A slice annotated while it was on brings nothing of it.
        let slice = Detectors::ALL.analyze(TEXT, None, None);
        let id = none.doc().unwrap().id.clone();
        assert_eq!(sources(&none.reduce(Action::Suggest(id, slice, None))), 1);
    }

    #[test]
    fn the_switch_is_saved_with_the_index_and_read_back() {
        use crate::session::{Action, NewDoc, OnDelete, Saved, Saver};
        let doc = crate::annotate("d", "d", TEXT, Layers::ALL);
        let s = Session::default().reduce(Action::AddDocs(vec![NewDoc::from(doc)], vec![]));
        let mut saver = Saver::new(&Session::default());
        saver.plan(&s);
        let s = s.reduce(Action::DeleteLabel(BOILERPLATE.into(), OnDelete::DeleteSpans));
        let index = saver.plan(&s).into_iter().find_map(|e| match e {
            crate::session::Effect::SaveIndex(i) => Some(i),
            _ => None,
        });
        let index = index.expect("the index is saved");
        let json = serde_json::to_string(&index).unwrap();
        assert!(json.contains(r#""off":["boilerplate"]"#), "{json}");
        let read: crate::session::Index = serde_json::from_str(&json).unwrap();
        let again = Session::from_saved(Saved { detectors: read.detectors, ..Saved::default() });
        assert!(!again.detectors.boilerplate && again.detectors.claim);
        // An index saved before the switch existed: every detector on.
        let old: crate::session::Index = serde_json::from_str(r#"{"order":[],"current":null}"#).unwrap();
        assert!(old.detectors.all_on());
        assert!(!serde_json::to_string(&old).unwrap().contains("off"));
    }
}
