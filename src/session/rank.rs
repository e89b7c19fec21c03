//! Where a fact-checker looks first: claims ranked by their check-worthiness score, a threshold below which
//! claims are not drawn, and the walk from one most check-worthy unreviewed claim to the next.

use std::collections::HashSet;

use crate::annotation::CLAIM;
use crate::{Span, Status};

/// A span's check-worthiness score in [0, 1], if it has one (claims do).
pub fn worth(s: &Span) -> Option<f64> {
    s.attrs.get("checkworthiness").and_then(|v| v.as_f64())
}

/// Whether `s` is drawn: not rejected, its label not hidden, and, for a claim, its score at least `min_worth`.
pub fn visible(s: &Span, hidden: &HashSet<String>, min_worth: f64) -> bool {
    s.status != Status::Rejected
        && !hidden.contains(&s.label)
        && (s.label != CLAIM || worth(s).is_none_or(|w| w >= min_worth))
}

/// The unreviewed claims worth a look, most check-worthy first (ties in text order).
pub fn ranked<'a>(spans: &'a [Span], hidden: &HashSet<String>, min_worth: f64) -> Vec<&'a Span> {
    let mut out: Vec<&Span> = spans
        .iter()
        .filter(|s| s.label == CLAIM && s.status == Status::Suggested && visible(s, hidden, min_worth))
        .collect();
    out.sort_by(|a, b| worth(b).unwrap_or(0.0).total_cmp(&worth(a).unwrap_or(0.0)).then(a.start.cmp(&b.start)));
    out
}

/// The next claim to check after `current` (by id) in [`ranked`] order: the most check-worthy one when
/// `current` is not in that list, and around to the top after the last.
pub fn next_worthy<'a>(
    spans: &'a [Span],
    current: Option<&str>,
    hidden: &HashSet<String>,
    min_worth: f64,
) -> Option<&'a Span> {
    let list = ranked(spans, hidden, min_worth);
    let at = current.and_then(|c| list.iter().position(|s| s.id == c));
    match at {
        Some(i) => list.get(i + 1).or(list.first()).copied().filter(|s| Some(s.id.as_str()) != current),
        None => list.first().copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{annotate, Layers};

    const ARTICLE: &str = include_str!("../../tests/data/corpus/002_601354975c3094f5.txt");

    #[test]
    fn the_walk_visits_every_unreviewed_claim_from_the_most_check_worthy_down() {
        let doc = annotate("a", "a", ARTICLE, Layers::ALL);
        let none = HashSet::new();
        let list = ranked(&doc.spans, &none, 0.0);
        assert!(list.len() > 10);
        assert!(list.windows(2).all(|w| worth(w[0]) >= worth(w[1])), "most check-worthy first");
        let mut seen = Vec::new();
        let mut cur: Option<String> = None;
        for _ in 0..list.len() {
            let next = next_worthy(&doc.spans, cur.as_deref(), &none, 0.0).unwrap();
            seen.push(next.id.clone());
            cur = Some(next.id.clone());
        }
        assert_eq!(seen, list.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
        assert_eq!(next_worthy(&doc.spans, cur.as_deref(), &none, 0.0).unwrap().id, seen[0], "around to the top");
        // A threshold narrows the walk and the drawing to the claims that reach it; other layers are untouched.
        let top = worth(list[0]).unwrap();
        let high = ranked(&doc.spans, &none, top);
        assert!(!high.is_empty() && high.len() < list.len());
        assert!(high.iter().all(|s| worth(s).unwrap() >= top));
        assert!(doc.spans.iter().filter(|s| s.label != CLAIM).all(|s| visible(s, &none, 1.0)));
        let hidden: HashSet<String> = [CLAIM.to_string()].into();
        assert!(next_worthy(&doc.spans, None, &hidden, 0.0).is_none(), "a hidden layer is not walked");
    }
}
