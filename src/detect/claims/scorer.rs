//! A check-worthiness model that stands in for the built-in one: the opt-in precise tier (`crate::precise`, a
//! fine-tuned sentence encoder). The claim layer itself stays free of it: it asks the scorer for the sentences it
//! would score, all at once so that a neural model can batch them, and uses the answers where it would have used
//! [`super::score`]'s.

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
