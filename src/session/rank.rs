//! Where a fact-checker looks first: claims ranked by their check-worthiness score, a threshold below which
//! claims are not drawn, the walk from one most check-worthy unreviewed claim to the next, the span list by
//! score, and a score told in words (a percentage and what moved it most).

use std::collections::HashSet;

use super::Filter;
use crate::annotation::CLAIM;
use crate::detect::claims::checkworthiness_reasons;
use crate::{Span, Status};

/// How many reasons the inspector gives for a score.
pub const REASONS: usize = 4;

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

/// The spans the span list shows: those `f` admits, in text order, or with `f.by_worth` the scored spans (claims)
/// first, most check-worthy on top, ties and unscored spans in text order.
pub fn listed<'a>(spans: &'a [Span], f: &Filter) -> Vec<&'a Span> {
    let mut out: Vec<&Span> = spans.iter().filter(|s| f.admits(s)).collect();
    if f.by_worth {
        // A stable sort keeps text order among equals.
        out.sort_by(|a, b| worth(b).unwrap_or(-1.0).total_cmp(&worth(a).unwrap_or(-1.0)));
    }
    out
}

/// A span's check-worthiness for people, when it has a score: "Check-worthiness 83%", and what moved the score
/// most in `text` (the span's own text), strongest first, at most [`REASONS`], each as `(raises, name)`: a
/// feature ("percent") or a quoted word ("“killed”"). A score from the precise model (its rule names it:
/// "claim.event+minilm") says so and has no reasons: the built-in model's would explain another score.
pub fn worth_told(span: &Span, text: &str) -> Option<(String, Vec<(bool, String)>)> {
    let w = worth(span)?;
    if let Some(model) = span.rule.as_deref().and_then(crate::detect::claims::scored_by) {
        return Some((format!("Check-worthiness {} (precise model: {model})", percent(w)), Vec::new()));
    }
    let reasons = checkworthiness_reasons(text, REASONS)
        .into_iter()
        .filter(|(_, share)| *share != 0.0)
        .map(|(name, share)| (share > 0.0, name))
        .collect();
    Some((format!("Check-worthiness {}", percent(w)), reasons))
}

/// A score in [0, 1] as a whole percentage: 0.834 → "83%".
pub fn percent(w: f64) -> String {
    format!("{:.0}%", w.clamp(0.0, 1.0) * 100.0)
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

    fn claim(id: &str, at: usize, w: f64, status: Status) -> Span {
        let mut s = Span::manual(id, at..at + 5, CLAIM).with_attr("checkworthiness", w);
        s.status = status;
        s
    }

    #[test]
    fn the_walk_skips_reviewed_claims_breaks_ties_by_position_and_says_when_none_is_left() {
        let none = HashSet::new();
        let spans = vec![
            claim("low", 0, 0.20, Status::Suggested),
            claim("tie-late", 40, 0.70, Status::Suggested),
            claim("done", 10, 0.99, Status::Accepted),
            claim("gone", 20, 0.95, Status::Rejected),
            claim("tie-early", 30, 0.70, Status::Suggested),
            Span::manual("num", 5..8, "number"),
        ];
        let mut walk = Vec::new();
        let mut cur: Option<String> = Some("num".into());
        for _ in 0..4 {
            let next = next_worthy(&spans, cur.as_deref(), &none, 0.0).unwrap();
            walk.push(next.id.as_str());
            cur = Some(next.id.clone());
        }
        assert_eq!(walk, ["tie-early", "tie-late", "low", "tie-early"], "accepted and rejected are skipped");
        let one = [claim("only", 0, 0.5, Status::Suggested)];
        assert!(next_worthy(&one, Some("only"), &none, 0.0).is_none(), "the only claim, selected: none left");
        assert_eq!(next_worthy(&one, None, &none, 0.0).unwrap().id, "only");
        let reviewed = [claim("a", 0, 0.5, Status::Accepted)];
        assert!(next_worthy(&reviewed, None, &none, 0.0).is_none());
    }

    #[test]
    fn the_list_by_score_puts_the_most_check_worthy_claim_on_top_and_keeps_text_order_otherwise() {
        let spans = vec![
            Span::manual("n1", 0..3, "number"),
            claim("c1", 5, 0.30, Status::Suggested),
            claim("c2", 10, 0.90, Status::Accepted),
            Span::manual("n2", 12..14, "number"),
            claim("c3", 20, 0.30, Status::Suggested),
        ];
        let ids = |f: &Filter| listed(&spans, f).into_iter().map(|s| s.id.as_str()).collect::<Vec<_>>();
        let by_text = Filter::default();
        assert_eq!(ids(&by_text), ["n1", "c1", "c2", "n2", "c3"]);
        let by_worth = Filter { by_worth: true, ..Filter::default() };
        assert_eq!(ids(&by_worth), ["c2", "c1", "c3", "n1", "n2"]);
        let unreviewed = Filter { by_worth: true, status: Some(Status::Suggested), ..Filter::default() };
        assert_eq!(ids(&unreviewed), ["c1", "c3"], "the filters still apply");
    }

    #[test]
    fn a_score_is_told_as_a_percentage_with_at_most_four_reasons_that_raise_or_lower_it() {
        let text = "Unemployment rose to 7.4 percent in March, the highest level since 2010.";
        let s = claim("c", 0, 0.834, Status::Suggested);
        let (pct, reasons) = worth_told(&s, text).unwrap();
        assert_eq!(pct, "Check-worthiness 83%");
        assert!(!reasons.is_empty() && reasons.len() <= REASONS, "{reasons:?}");
        assert!(reasons.iter().all(|(_, name)| !name.is_empty()));
        let raw = checkworthiness_reasons(text, REASONS);
        assert_eq!(reasons.iter().map(|r| r.0).collect::<Vec<_>>(), raw.iter().map(|r| r.1 > 0.0).collect::<Vec<_>>());
        assert_eq!(worth_told(&claim("z", 0, 0.0, Status::Suggested), text).unwrap().0, "Check-worthiness 0%");
        assert_eq!(worth_told(&claim("o", 0, 1.0, Status::Suggested), text).unwrap().0, "Check-worthiness 100%");
        assert!(worth_told(&Span::manual("n", 0..3, "number"), text).is_none(), "no score, nothing told");
        // The precise model's score: named, and not explained by the built-in model's reasons.
        let mut precise = claim("p", 0, 0.91, Status::Suggested);
        precise.rule = Some("claim.figure+minilm".into());
        assert_eq!(
            worth_told(&precise, text).unwrap(),
            ("Check-worthiness 91% (precise model: minilm)".into(), vec![])
        );
        assert_eq!([percent(0.005), percent(0.995), percent(1.7), percent(-1.0)], ["0%", "100%", "100%", "0%"]);
    }
}
