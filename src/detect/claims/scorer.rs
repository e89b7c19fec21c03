//! A check-worthiness model that stands in for the built-in one: the opt-in precise tier (`crate::precise`, a
//! fine-tuned sentence encoder). The claim layer itself stays free of it: it asks the scorer for the sentences it
//! would score, all at once so that a neural model can batch them, and uses the answers where it would have used
//! [`super::score`]'s.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// Scores sentences for check-worthiness.
pub trait Scorer: Send + Sync {
    /// One calibrated probability in [0, 1] per sentence, in order.
    fn score(&self, sentences: &[&str]) -> Result<Vec<f64>, crate::Error>;
    /// Sentences scoring below it are not claims (unless attributed), as the built-in threshold.
    fn threshold(&self) -> f64;
    /// A short name for the model, added to each claim's `rule` ("claim.figure+minilm-l3").
    fn id(&self) -> &str;
}

/// The id of the precise tier's model (`crate::precise::Model`), which the app's session also gives the scores
/// its worker computed.
pub const PRECISE_ID: &str = "minilm";

/// A shared [`Scorer`], as [`crate::detect::Options`] carries it. Two are equal when they are the same model.
#[derive(Clone)]
pub struct SharedScorer(pub Arc<dyn Scorer>);

impl fmt::Debug for SharedScorer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Scorer({})", self.0.id())
    }
}

impl PartialEq for SharedScorer {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedScorer {}

/// Scores computed elsewhere (by a model in a worker), looked up by sentence: a sentence it was not told about
/// gets NaN, which the claim layer answers with its built-in score.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownScores {
    id: String,
    threshold: f64,
    scores: HashMap<String, f64>,
}

impl KnownScores {
    /// Scores of the model named `id`, whose claim threshold is `threshold`.
    pub fn new(id: &str, threshold: f64, scores: impl IntoIterator<Item = (String, f64)>) -> KnownScores {
        KnownScores { id: id.to_string(), threshold, scores: scores.into_iter().collect() }
    }

    /// The same with `more` scores added (a sentence scored again takes its new score).
    pub fn with(&self, more: impl IntoIterator<Item = (String, f64)>) -> KnownScores {
        let mut k = self.clone();
        k.scores.extend(more);
        k
    }
}

impl Scorer for KnownScores {
    fn score(&self, sentences: &[&str]) -> Result<Vec<f64>, crate::Error> {
        Ok(sentences.iter().map(|s| self.scores.get(*s).copied().unwrap_or(f64::NAN)).collect())
    }

    fn threshold(&self) -> f64 {
        self.threshold
    }

    fn id(&self) -> &str {
        &self.id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{analyze_with, claim_sentences, Layers, Options};

    const TEXT: &str = "Home | World | Sport\n\nWARSAW (AP) — Prices rose 3 percent in March. Thank you all for \
                        coming tonight. The ministry said 115 people died.\n";

    fn claims(scorer: Option<KnownScores>) -> Vec<crate::Span> {
        let opts = Options {
            layers: Layers::ALL,
            claims_scorer: scorer.map(|k| SharedScorer(Arc::new(k))),
            ..Default::default()
        };
        analyze_with(TEXT, &opts).into_iter().filter(|s| s.label == "claim").collect()
    }

    #[test]
    fn known_scores_stand_in_for_a_model_that_ran_elsewhere() {
        let asked = claim_sentences(TEXT, None);
        // The menu line is boilerplate and the dateline is left out of the sentence.
        assert_eq!(
            asked,
            [
                "Prices rose 3 percent in March.",
                "Thank you all for coming tonight.",
                "The ministry said 115 people died."
            ]
        );
        let builtin = claims(None);
        assert_eq!(builtin.len(), 2, "{builtin:?}");
        // All answered: the thanks (0.8) becomes a claim, the figure (0.2) is none; the attributed one stays.
        let all = KnownScores::new("m", 0.5, asked.iter().cloned().zip([0.2, 0.8, 0.1]));
        let got: Vec<(String, f64)> = claims(Some(all))
            .iter()
            .map(|s| (s.rule.clone().unwrap(), s.attrs["checkworthiness"].as_f64().unwrap()))
            .collect();
        assert_eq!(got, [("claim.event+m".to_string(), 0.8), ("claim.attributed+m".to_string(), 0.1)]);
        // None answered: every score is the built-in one, every decision too.
        let none = claims(Some(KnownScores::new("m", 0.5, [])));
        assert_eq!(none, builtin);
    }
}
