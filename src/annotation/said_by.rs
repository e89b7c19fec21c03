//! `said-by` relations suggested from what the claim layer found: a claim whose `source_start`/`source_end` say
//! where its source's name is written, linked to the `source` span there.

use std::collections::{HashMap, HashSet};

use super::{relation_id, Origin, Relation, Span, Status, CLAIM, SAID_BY, SOURCE};

/// The `said-by` relations the spans call for that `relations` does not have yet (by id, so one the user rejected
/// stays rejected and is not suggested again). Both ends must be there and not rejected. Linear in the spans.
pub fn said_by(spans: &[Span], relations: &[Relation]) -> Vec<Relation> {
    let live = |s: &&Span| s.status != Status::Rejected;
    let sources: HashMap<(usize, usize), &str> =
        spans.iter().filter(live).filter(|s| s.label == SOURCE).map(|s| ((s.start, s.end), s.id.as_str())).collect();
    if sources.is_empty() {
        return Vec::new();
    }
    let have: HashSet<&str> = relations.iter().map(|r| r.id.as_str()).collect();
    // Ids suggested here, so that no link is suggested twice (a set: the check stays linear).
    let mut new: HashSet<String> = HashSet::new();
    let at = |s: &Span, k: &str| s.attrs.get(k).and_then(serde_json::Value::as_u64).map(|v| v as usize);
    let mut out = Vec::new();
    for claim in spans.iter().filter(live).filter(|s| s.label == CLAIM) {
        let (Some(a), Some(b)) = (at(claim, "source_start"), at(claim, "source_end")) else { continue };
        let Some(&to) = sources.get(&(a, b)) else { continue };
        let id = relation_id(SAID_BY, &claim.id, to);
        if !have.contains(id.as_str()) && new.insert(id.clone()) {
            out.push(Relation {
                id,
                from: claim.id.clone(),
                to: to.to_string(),
                label: SAID_BY.to_string(),
                origin: Origin::Auto,
                status: Status::Suggested,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(at: std::ops::Range<usize>, src: (usize, usize)) -> Span {
        Span::auto(at, CLAIM, "claim.attributed", "test")
            .with_attr("source_start", src.0)
            .with_attr("source_end", src.1)
    }

    #[test]
    fn each_claim_links_to_the_source_span_its_offsets_name() {
        let spans = vec![
            Span::auto(0..14, SOURCE, "claim.source", "test"),
            claim(0..40, (0, 14)),
            claim(41..80, (0, 14)),
            // Its offsets name no source span: nothing to link.
            claim(81..90, (85, 88)),
            Span::auto(91..99, CLAIM, "claim.event", "test"),
        ];
        let got = said_by(&spans, &[]);
        let pairs: Vec<(&str, &str, &str)> =
            got.iter().map(|r| (r.from.as_str(), r.to.as_str(), r.label.as_str())).collect();
        assert_eq!(pairs, [("claim:0-40", "source:0-14", SAID_BY), ("claim:41-80", "source:0-14", SAID_BY)]);
        assert!(got.iter().all(|r| r.origin == Origin::Auto && r.status == Status::Suggested));
        // Already there (even rejected): not again.
        let mut rejected = got[0].clone();
        rejected.status = Status::Rejected;
        assert_eq!(said_by(&spans, &[rejected]).len(), 1);
        // A rejected end: no suggestion.
        let mut gone = spans.clone();
        gone[0].status = Status::Rejected;
        assert!(said_by(&gone, &[]).is_empty());
    }
}
