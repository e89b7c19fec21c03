//! "Label every occurrence": the other places a span's exact text is written, in the open document or in all
//! of them, labelled like it as suggestions to review. One pass over each text (overlapping occurrences
//! found too), whole words only, never splitting a grapheme cluster.

use std::collections::HashSet;
use std::ops::Range;
use std::rc::Rc;

use super::doc::is_word;
use super::merge::manual_id;
use super::{quoted, AllScope, DocData, Session};
use aho_corasick::AhoCorasick;
use unicode_segmentation::UnicodeSegmentation;

use crate::{OffsetMap, Span, Status};

/// The rule that marks a span made by "label every occurrence".
pub const LABEL_ALL_RULE: &str = "label-all";

/// At most this many new spans per document from one "label every occurrence".
pub const LABEL_ALL_CAP: usize = 5_000;

/// What [`occurrences`] searches `needle` with: an automaton for one literal, which finds overlapping matches
/// too ("a a" twice in "a a a"). `None` for an empty needle, or one too large to build one for (it has no
/// occurrence worth labelling). Built once for every document searched.
pub fn finder(needle: &str) -> Option<AhoCorasick> {
    (!needle.is_empty()).then(|| AhoCorasick::new([needle]).ok()).flatten()
}

/// Every occurrence of `needle` (searched with its [`finder`]) in `text`, overlapping ones too, as code-point
/// ranges in text order, that is a whole word at both ends (it neither starts nor ends inside a word) and starts
/// and ends on grapheme-cluster boundaries. Case-sensitive. Linear in the text and the needle.
pub fn occurrences<'a>(
    text: &'a str,
    map: &'a OffsetMap,
    needle: &'a str,
    finder: &'a AhoCorasick,
) -> impl Iterator<Item = Range<usize>> + 'a {
    // A word edge is judged on the base character of each grapheme cluster: "e" + U+0301 is a letter too.
    let first = needle.chars().next();
    let last = needle.graphemes(true).next_back().and_then(|g| g.chars().next());
    let joins =
        move |edge: Option<char>, beside: Option<char>| edge.is_some_and(is_word) && beside.is_some_and(is_word);
    finder.find_overlapping_iter(text).map(|m| m.range()).filter_map(move |b| {
        // A match of valid UTF-8 in valid UTF-8 starts and ends on character boundaries.
        let (s, e) = (map.byte_to_char(b.start)?, map.byte_to_char(b.end)?);
        if !map.is_grapheme_boundary(s) || !map.is_grapheme_boundary(e) {
            return None;
        }
        let before = s.checked_sub(1).map(|p| map.char_to_byte(map.snap_back(p)));
        let before = before.and_then(|p| text.get(p..)).and_then(|t| t.chars().next());
        let after = text.get(b.end..).and_then(|t| t.chars().next());
        (!joins(first, before) && !joins(last, after)).then_some(s..e)
    })
}

/// `doc`'s spans plus a suggestion labelled `label` at every occurrence of `needle` not yet covered by a span of
/// that label with the same extent (at most `cap`); `None` when there is none.
fn labelled(
    doc: &DocData,
    needle: &str,
    finder: &AhoCorasick,
    label: &str,
    why: &str,
    cap: usize,
) -> Option<Vec<Span>> {
    let have: HashSet<(usize, usize)> =
        doc.spans.iter().filter(|s| s.label == label).map(|s| (s.start, s.end)).collect();
    let mut ids: HashSet<String> = doc.spans.iter().map(|s| s.id.clone()).collect();
    let mut spans = doc.spans.as_ref().clone();
    let before = spans.len();
    for r in occurrences(&doc.text, &doc.map, needle, finder).filter(|r| !have.contains(&(r.start, r.end))).take(cap) {
        let mut id = manual_id(&[], label, r.start, r.end);
        if ids.contains(&id) {
            id = manual_id(&spans, label, r.start, r.end);
        }
        ids.insert(id.clone());
        let mut s = Span::manual(id, r, label);
        s.status = Status::Suggested;
        s.rule = Some(LABEL_ALL_RULE.into());
        s.why = Some(why.to_string());
        spans.push(s);
    }
    (spans.len() > before).then_some(spans)
}

impl Session {
    /// Labels every other whole-word occurrence of the text of span `id` (of the open document) like it, as
    /// suggestions to review, in the open document or in every document; says how many.
    pub(super) fn label_all(&mut self, id: &str, scope: AllScope) {
        let Some(doc) = self.doc().cloned() else { return };
        let Some(span) = doc.spans.iter().find(|s| s.id == id) else { return };
        let needle = doc.slice(span.start, span.end).to_string();
        let what = quoted(&needle);
        if needle.trim().is_empty() {
            self.notice = Some("Only blank text is selected: there is nothing to look for.".into());
            return;
        }
        let why = format!("The same text as a span labelled {}: label every occurrence.", span.label);
        let label = span.label.clone();
        let search = finder(&needle);
        let max = crate::detect::MAX_SPANS;
        let (mut added, mut touched, mut capped) = (0, 0, false);
        let docs = Rc::make_mut(&mut self.docs);
        for slot in docs.iter_mut().filter(|d| scope == AllScope::AllDocuments || d.id == doc.id) {
            let cap = LABEL_ALL_CAP.min(max.saturating_sub(slot.spans.len()));
            if let Some(spans) = search.as_ref().and_then(|f| labelled(slot, &needle, f, &label, &why, cap)) {
                let n = spans.len() - slot.spans.len();
                capped |= n == cap;
                added += n;
                touched += 1;
                *slot = Rc::new(slot.with_spans(spans));
            }
        }
        self.notice = Some(match (added, scope) {
            (0, AllScope::ThisDocument) => format!("No other occurrence of {what} in this document."),
            (0, AllScope::AllDocuments) => format!("No other occurrence of {what} in any document."),
            (n, _) => {
                let one = if n == 1 { "occurrence" } else { "occurrences" };
                let docs = if touched == 1 { "document" } else { "documents" };
                let most = if capped { format!(", at most {LABEL_ALL_CAP} per document") } else { String::new() };
                format!(
                    "Labelled {n} more {one} of {what} as {label} ({touched} {docs}{most}), as suggestions to review."
                )
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Action, NewDoc, Saved, SavedDoc};
    use crate::{Document, Origin};

    fn occ(text: &str, needle: &str) -> Vec<Range<usize>> {
        finder(needle).map_or_else(Vec::new, |f| occurrences(text, &OffsetMap::new(text), needle, &f).collect())
    }

    /// `text` at code points `r`.
    fn at(text: &str, r: &Range<usize>) -> String {
        text.chars().skip(r.start).take(r.end - r.start).collect()
    }

    #[test]
    fn whole_words_only_in_code_points_never_splitting_a_grapheme() {
        let text = "Kyiv, Kyivstar and 🇺🇦Kyiv; e\u{301}Kyiv Kyive\u{301} «Kyiv» kyiv Kyiv\u{301} Kyiv’s Kyiv";
        let got = occ(text, "Kyiv");
        assert!(got.iter().all(|r| at(text, r) == "Kyiv"));
        let starts: Vec<usize> = got.iter().map(|r| r.start).collect();
        // "Kyiv," / after a flag / in guillemets / at the end; not inside Kyivstar, after a combining mark,
        // before a letter or a mark, in lower case, or before an apostrophe joiner.
        let want: Vec<usize> = {
            let cps: Vec<char> = text.chars().collect();
            let k: Vec<char> = "Kyiv".chars().collect();
            (0..cps.len() - 3).filter(|&i| cps[i..i + 4] == k[..]).collect()
        };
        assert_eq!(want.len(), 9);
        assert_eq!(starts, [want[0], want[2], want[5], want[8]], "{got:?}");
        // A needle that starts or ends with punctuation only needs word edges where it has a word character.
        assert_eq!(occ("x(AP)y (AP)", "(AP)").len(), 2);
        assert_eq!(occ("«Kyiv»", "Kyiv").first(), Some(&(1..5)));
        assert_eq!(occ("«Kyiv»", "Kyiv").len(), 1);
    }

    #[test]
    fn overlapping_occurrences_are_all_found_and_kept_when_whole() {
        assert_eq!(occ("aaaaa", "aaa"), Vec::<Range<usize>>::new(), "inside one word: none");
        // Overlapping matches are all seen: both "a a" in "a a a" are whole words.
        assert_eq!(occ("a a a", "a a"), [0..3, 2..5]);
        assert_eq!(occ("ünü ünü", "ünü"), [0..3, 4..7], "code points, not bytes");
        assert!(occ("abc", "").is_empty());
    }

    const A: &str = "Kyiv said so. In Kyivstar news, Kyiv again; KYIV no. Kyiv!";
    const B: &str = "From Kyiv 👩‍👩‍👧 Kyiv and Kyiv\u{301}.";

    fn session() -> Session {
        let saved = |id: &str, text: &str| SavedDoc { doc: Document::new(id, id, text, vec![]), markup: None, rev: 1 };
        let s = Session::from_saved(Saved { docs: vec![saved("a", A), saved("b", B)], ..Saved::default() });
        s.reduce(Action::AddLabelNamed("place".into())).reduce(Action::Tag(0, 4, "place".into()))
    }

    fn places(s: &Session, doc: usize) -> Vec<(usize, usize, Status)> {
        s.docs[doc].spans.iter().filter(|x| x.label == "place").map(|x| (x.start, x.end, x.status)).collect()
    }

    #[test]
    fn this_document_gets_suggestions_at_every_other_whole_word_occurrence() {
        let s = session();
        let id = s.selected.clone().unwrap();
        let next = s.reduce(Action::LabelAll { id: id.clone(), scope: AllScope::ThisDocument });
        use Status::{Accepted, Suggested};
        assert_eq!(places(&next, 0), [(0, 4, Accepted), (32, 36, Suggested), (53, 57, Suggested)]);
        assert!(places(&next, 1).is_empty(), "other documents untouched");
        let new: Vec<&Span> = next.docs[0].spans.iter().filter(|x| x.status == Suggested).collect();
        assert_eq!(new.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["m:place:32-36", "m:place:53-57"]);
        for x in &new {
            assert_eq!((x.origin, x.rule.as_deref()), (Origin::Manual, Some(LABEL_ALL_RULE)));
            assert!(x.attrs.is_empty() && x.note.is_none());
        }
        assert_eq!(
            next.notice.as_deref(),
            Some("Labelled 2 more occurrences of “Kyiv” as place (1 document), as suggestions to review.")
        );
        assert_eq!(next.selected.as_deref(), Some(id.as_str()), "the span stays selected");
        // Again: every occurrence is labelled already, so nothing changes and no undo step is added.
        let again = next.reduce(Action::LabelAll { id: id.clone(), scope: AllScope::ThisDocument });
        assert_eq!(places(&again, 0), places(&next, 0));
        assert_eq!(again.undo.len(), next.undo.len());
        assert_eq!(again.notice.as_deref(), Some("No other occurrence of “Kyiv” in this document."));
        // A rejected occurrence stays rejected, it is not suggested again.
        let rejected = next.reduce(Action::SetStatus(vec!["m:place:32-36".into()], Status::Rejected));
        let after = rejected.reduce(Action::LabelAll { id, scope: AllScope::ThisDocument });
        assert_eq!(after.docs[0].spans.len(), rejected.docs[0].spans.len());
    }

    #[test]
    fn all_documents_is_one_undo_step_and_undo_restores_every_document() {
        let s = session();
        let id = s.selected.clone().unwrap();
        let all = s.reduce(Action::LabelAll { id, scope: AllScope::AllDocuments });
        assert_eq!(places(&all, 0).len(), 3);
        // In B: the two before and after the emoji family; not the one followed by a combining mark.
        let b: Vec<String> = places(&all, 1).iter().map(|(s, e, _)| at(B, &(*s..*e))).collect();
        assert_eq!(b, ["Kyiv", "Kyiv"]);
        assert_eq!(places(&all, 1).iter().map(|p| p.0).collect::<Vec<_>>(), [5, 16]);
        assert_eq!(
            all.notice.as_deref(),
            Some("Labelled 4 more occurrences of “Kyiv” as place (2 documents), as suggestions to review.")
        );
        assert_eq!(all.undo.len(), s.undo.len() + 1, "one undo step");
        let undone = all.reduce(Action::Undo);
        for i in 0..2 {
            assert_eq!(undone.docs[i].to_document(), s.docs[i].to_document(), "document {i}");
        }
        let redone = undone.reduce(Action::Redo);
        assert_eq!(places(&redone, 1), places(&all, 1));
    }

    #[test]
    fn ids_never_collide_and_a_blank_span_finds_nothing() {
        let mut d = Document::new("c", "c", "Lviv and Lviv", vec![Span::manual("x", 0..4, "place")]);
        // Some other span already holds the id a new one would get.
        d.spans.push(Span::manual("m:place:9-13", 0..4, "claim"));
        let s = Session::default().reduce(Action::AddDocs(vec![NewDoc::from(d)], vec![]));
        let s = s.reduce(Action::LabelAll { id: "x".into(), scope: AllScope::ThisDocument });
        let new = s.doc().unwrap().spans.iter().find(|x| x.start == 9).unwrap();
        assert_eq!((new.id.as_str(), new.label.as_str()), ("m:place:9-13#2", "place"));
        let blank = Document::new("e", "e", "a  b  c", vec![Span::manual("w", 1..3, "place")]);
        let s = s.reduce(Action::AddDocs(vec![NewDoc::from(blank)], vec![]));
        let s2 = s.reduce(Action::LabelAll { id: "w".into(), scope: AllScope::AllDocuments });
        assert_eq!(s2.undo.len(), s.undo.len());
        assert!(s2.notice.unwrap().contains("blank"));
    }

    #[test]
    fn at_most_the_cap_per_document() {
        let text = "Kyiv ".repeat(LABEL_ALL_CAP + 20);
        let s = Session::default()
            .reduce(Action::AddDocs(vec![NewDoc::from(Document::new("k", "k", text, vec![]))], vec![]))
            .reduce(Action::Tag(0, 4, "place".into()));
        let id = s.selected.clone().unwrap();
        let s = s.reduce(Action::LabelAll { id, scope: AllScope::ThisDocument });
        assert_eq!(s.doc().unwrap().spans.len(), LABEL_ALL_CAP + 1);
        assert!(s.notice.unwrap().contains("at most 5000 per document"));
    }
}
