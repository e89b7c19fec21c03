//! The user's decisions on a comparison: a row reviewed, two rows merged, a figure split off into a row of its
//! own. They are data, saved with the documents (the `comparisons` section of `sift-annotations`, [`Comparisons`])
//! and applied on top of a freshly computed comparison by a pure function ([`Comparison::apply`]): the detectors
//! can change and the documents can be edited, and the decisions still say what the user meant, by row key and
//! span offsets. Applying is deterministic (in order, each decision on the result of the ones before), and a
//! decision that no longer fits (a row or figure that is not there any more) is skipped and reported, never an
//! error.

use super::figures::{self, FigureGroup};
use super::Comparison;
use serde::{Deserialize, Serialize};

/// The version of the `comparisons` section this code reads and writes.
pub const VERSION: u64 = 1;

/// One decision of the user on the figures table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Decision {
    /// The row `group` (a [`FigureGroup::key`]) was checked.
    Reviewed {
        /// The row's key.
        group: String,
    },
    /// The figures of row `from` belong with row `into`: they move there and `from` goes.
    Merge {
        /// The row that stays.
        into: String,
        /// The row whose figures move.
        from: String,
    },
    /// The figure at `start..end` of document `doc` does not belong in row `group`: it moves to a row of its own,
    /// keyed `group~doc:start-end`.
    Split {
        /// The row it leaves.
        group: String,
        /// The document (index into [`Comparison::documents`]).
        doc: usize,
        /// The number span's start (code points).
        start: usize,
        /// The number span's end (code points).
        end: usize,
    },
}

impl Decision {
    /// The decision for the same documents placed `by` further down a list (documents imported after others):
    /// document indices move, including those inside the keys of split rows (`killed~2:10-13`).
    pub fn shifted(&self, by: usize) -> Decision {
        self.remapped(|d| Some(d + by)).expect("shifting maps every document")
    }

    /// The decision with every document index `d` replaced by `to(d)` (the list was reordered, a document was
    /// deleted, or only some documents are compared); `None` when it names a document `to` has no place for.
    pub fn remapped(&self, to: impl Fn(usize) -> Option<usize>) -> Option<Decision> {
        Some(match self {
            Decision::Reviewed { group } => Decision::Reviewed { group: remap_key(group, &to)? },
            Decision::Merge { into, from } => {
                Decision::Merge { into: remap_key(into, &to)?, from: remap_key(from, &to)? }
            }
            Decision::Split { group, doc, start, end } => {
                Decision::Split { group: remap_key(group, &to)?, doc: to(*doc)?, start: *start, end: *end }
            }
        })
    }
}

/// Maps the document index of every `~doc:start-end` part of a row key through `to`.
fn remap_key(key: &str, to: &impl Fn(usize) -> Option<usize>) -> Option<String> {
    let mut parts = key.split('~');
    let mut out = parts.next().unwrap_or_default().to_string();
    for p in parts {
        out.push('~');
        match p.split_once(':').and_then(|(d, rest)| Some((d.parse::<usize>().ok()?, rest))) {
            Some((d, rest)) => out.push_str(&format!("{}:{rest}", to(d)?)),
            None => out.push_str(p),
        }
    }
    Some(out)
}

/// The `comparisons` section of a `sift-annotations` file: the user's decisions, in the order they were made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparisons {
    /// Always [`VERSION`].
    pub version: u64,
    /// The decisions, oldest first.
    pub decisions: Vec<Decision>,
}

impl Comparisons {
    /// A section holding `decisions`.
    pub fn new(decisions: Vec<Decision>) -> Comparisons {
        Comparisons { version: VERSION, decisions }
    }
}

/// A decision [`Comparison::apply`] could not apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Its index in the list given.
    pub index: usize,
    /// Why, in one sentence.
    pub reason: String,
}

impl Comparison {
    /// Applies `decisions` in order; returns those that did not fit. Rows whose figures changed are judged
    /// again, and the rows are put back in their usual order.
    pub fn apply(&mut self, decisions: &[Decision]) -> Vec<Skipped> {
        let names: Vec<String> = self.documents.iter().map(|d| d.name.clone()).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut skipped = Vec::new();
        for (index, d) in decisions.iter().enumerate() {
            if let Err(reason) = apply_one(&mut self.figures, d, &names) {
                skipped.push(Skipped { index, reason });
            }
        }
        figures::sort(&mut self.figures);
        skipped
    }
}

fn position(rows: &[FigureGroup], key: &str) -> Result<usize, String> {
    rows.iter().position(|g| g.key == key).ok_or_else(|| format!("no figure row {key:?}"))
}

fn apply_one(rows: &mut Vec<FigureGroup>, d: &Decision, names: &[&str]) -> Result<(), String> {
    match d {
        Decision::Reviewed { group } => {
            let i = position(rows, group)?;
            rows[i].reviewed = true;
        }
        Decision::Merge { into, from } => {
            if into == from {
                return Err(format!("row {into:?} cannot merge into itself"));
            }
            let (i, j) = (position(rows, into)?, position(rows, from)?);
            let moved = rows.remove(j);
            let i = if j < i { i - 1 } else { i };
            rows[i].cells.extend(moved.cells);
            figures::judge(&mut rows[i], names);
        }
        Decision::Split { group, doc, start, end } => {
            let i = position(rows, group)?;
            let at = rows[i]
                .cells
                .iter()
                .position(|c| c.doc == *doc && c.start == *start && c.end == *end)
                .ok_or_else(|| format!("row {group:?} has no figure at {start}..{end} of document {doc}"))?;
            if rows[i].cells.len() < 2 {
                return Err(format!("row {group:?} has only that figure"));
            }
            let key = format!("{group}~{doc}:{start}-{end}");
            if rows.iter().any(|g| g.key == key) {
                return Err(format!("row {key:?} exists already"));
            }
            let cell = rows[i].cells.remove(at);
            figures::judge(&mut rows[i], names);
            let mut new = FigureGroup {
                key,
                title: format!("{} (split)", rows[i].title),
                cells: vec![cell],
                reviewed: false,
                ..rows[i].clone()
            };
            figures::judge(&mut new, names);
            rows.push(new);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, Article, Options};
    use crate::{analyze, Layers};

    fn sample() -> Comparison {
        let texts = [
            "At least 40 people were killed in the attack on Friday, police said. Police detained 5 suspects.",
            "The death toll rose to 52 on Saturday. Officers arrested 7 people after the attack.",
            "Officials said 52 people died. Nearly 30 were injured.",
        ];
        let spans: Vec<_> = texts.iter().map(|t| analyze(t, Layers::ALL)).collect();
        let names = ["a", "b", "c"];
        let arts: Vec<Article> =
            (0..3).map(|i| Article { name: names[i], text: texts[i], spans: &spans[i], date: None }).collect();
        compare(&arts, &Options::default())
    }

    fn row<'c>(c: &'c Comparison, key: &str) -> &'c FigureGroup {
        c.figures.iter().find(|g| g.key == key).unwrap_or_else(|| panic!("no row {key}"))
    }

    #[test]
    fn reviewed_merge_and_split_change_the_rows_deterministically() {
        let base = sample();
        let killed = row(&base, "killed");
        assert_eq!(killed.docs, [0, 1, 2]);
        assert!(base.figures.iter().any(|g| g.key == "injured") && base.figures.iter().any(|g| g.key == "detained"));
        let third = killed.cells.iter().find(|c| c.doc == 2).expect("c's toll");
        let decisions = vec![
            Decision::Reviewed { group: "killed".into() },
            Decision::Merge { into: "detained".into(), from: "injured".into() },
            Decision::Split { group: "killed".into(), doc: 2, start: third.start, end: third.end },
        ];
        let mut c = base.clone();
        assert_eq!(c.apply(&decisions), []);
        assert!(row(&c, "killed").reviewed);
        assert!(c.figures.iter().all(|g| g.key != "injured"), "merged away");
        assert_eq!(row(&c, "detained").docs, [0, 1, 2]);
        assert_eq!(row(&c, "killed").docs, [0, 1]);
        let split = row(&c, &format!("killed~2:{}-{}", third.start, third.end));
        assert_eq!((split.docs.as_slice(), split.verdict), (&[2][..], figures::Verdict::Single));
        let mut again = base.clone();
        again.apply(&decisions);
        assert_eq!(again, c, "the same decisions give the same comparison");
    }

    #[test]
    fn decisions_that_no_longer_fit_are_skipped_and_said_so() {
        let mut c = sample();
        let before = c.clone();
        let skipped = c.apply(&[
            Decision::Reviewed { group: "nope".into() },
            Decision::Merge { into: "killed".into(), from: "killed".into() },
            Decision::Split { group: "killed".into(), doc: 0, start: 999, end: 1000 },
        ]);
        assert_eq!(skipped.iter().map(|s| s.index).collect::<Vec<_>>(), [0, 1, 2]);
        assert!(skipped[0].reason.contains("no figure row \"nope\""), "{}", skipped[0].reason);
        assert_eq!(c, before);
    }

    #[test]
    fn decisions_serialize_with_a_type_tag() {
        let s = Comparisons::new(vec![
            Decision::Reviewed { group: "killed".into() },
            Decision::Split { group: "killed".into(), doc: 1, start: 4, end: 9 },
        ]);
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"version":1,"decisions":[{"type":"reviewed","group":"killed"},{"type":"split","group":"killed","doc":1,"start":4,"end":9}]}"#
        );
        assert_eq!(serde_json::from_str::<Comparisons>(&json).unwrap(), s);
    }

    #[test]
    fn shifting_moves_every_document_index_and_nothing_else() {
        let table = [
            (Decision::Reviewed { group: "killed".into() }, Decision::Reviewed { group: "killed".into() }),
            (
                Decision::Reviewed { group: "killed~2:10-13~0:4-6".into() },
                Decision::Reviewed { group: "killed~5:10-13~3:4-6".into() },
            ),
            (
                Decision::Merge { into: "injured".into(), from: "killed~1:0-3".into() },
                Decision::Merge { into: "injured".into(), from: "killed~4:0-3".into() },
            ),
            (
                Decision::Split { group: "date@2015".into(), doc: 0, start: 7, end: 9 },
                Decision::Split { group: "date@2015".into(), doc: 3, start: 7, end: 9 },
            ),
        ];
        for (d, want) in table {
            assert_eq!(d.shifted(3), want);
            assert_eq!(d.shifted(0), d);
        }
    }

    #[test]
    fn remapping_drops_a_decision_that_names_a_document_without_a_place() {
        // Document 1 was deleted: 0 stays, 2 becomes 1.
        let gone = |d: usize| match d {
            0 => Some(0),
            1 => None,
            d => Some(d - 1),
        };
        let table = [
            (Decision::Reviewed { group: "killed".into() }, Some(Decision::Reviewed { group: "killed".into() })),
            (
                Decision::Reviewed { group: "killed~2:10-13~0:4-6".into() },
                Some(Decision::Reviewed { group: "killed~1:10-13~0:4-6".into() }),
            ),
            (Decision::Reviewed { group: "killed~1:10-13".into() }, None),
            (Decision::Merge { into: "injured~1:0-2".into(), from: "killed".into() }, None),
            (Decision::Split { group: "date@2015".into(), doc: 1, start: 7, end: 9 }, None),
            (
                Decision::Split { group: "killed~0:1-2".into(), doc: 2, start: 7, end: 9 },
                Some(Decision::Split { group: "killed~0:1-2".into(), doc: 1, start: 7, end: 9 }),
            ),
        ];
        for (d, want) in table {
            assert_eq!(d.remapped(gone), want, "{d:?}");
        }
    }
}
