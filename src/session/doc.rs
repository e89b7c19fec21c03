//! One document as the app holds it, and the word and line edges that selection snaps to.

use std::rc::Rc;

use super::Detectors;
use crate::annotation::sort_spans;
use crate::annotation::{Category, Relation};
use crate::detect::claims::SharedScorer;
use crate::input::{LineFacts, Source};
use crate::{Document, OffsetMap, Span, Status};

/// A document on its way in: the core document, plus, when its text came from HTML, the per-line facts the
/// boilerplate layer reads and the markup they came from (saved with it, so re-annotation after a reload gives
/// the same suggestions).
#[derive(Debug, Clone)]
pub struct NewDoc {
    /// The document.
    pub doc: Document,
    /// Line facts from the markup, one per line of `doc.text`.
    pub facts: Option<Vec<LineFacts>>,
    /// The HTML the facts came from.
    pub markup: Option<String>,
}

impl NewDoc {
    /// A document read through the front door ([`crate::input`]), annotated by every detector.
    pub fn annotated(id: &str, name: &str, source: Source) -> NewDoc {
        NewDoc::annotated_bounded(id, name, source, Detectors::ALL).0
    }

    /// Like [`NewDoc::annotated`], by the `detectors` that are on, with a message when the text holds more spans
    /// than one document takes ([`crate::detect::MAX_SPANS`]): the spans are then cut at a text position,
    /// everything before it kept.
    pub fn annotated_bounded(id: &str, name: &str, source: Source, detectors: Detectors) -> (NewDoc, Option<String>) {
        let max = crate::detect::MAX_SPANS;
        let (spans, cut) = crate::detect::analyze_bounded(
            &source.text,
            source.lines.as_deref(),
            &crate::detect::Options { layers: detectors.layers(), ..Default::default() },
            max,
        );
        let spans = detectors.keep(spans);
        let deep = source.notice(name).map(|n| format!("{n}."));
        let Source { text, lines, markup } = source;
        let cut = cut.map(|c| {
            format!("{name}: more than {max} suggestions, the limit for one document; only those before character {c} are shown.")
        });
        let msg = match (deep, cut) {
            (Some(a), Some(b)) => Some(format!("{a} {b}")),
            (a, b) => a.or(b),
        };
        (NewDoc { doc: Document::annotated(id, name, text, spans), facts: lines, markup }, msg)
    }
}

impl From<Document> for NewDoc {
    fn from(doc: Document) -> NewDoc {
        NewDoc { doc, facts: None, markup: None }
    }
}

/// Which edge of a span [`DocData::resize`] moves, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resize {
    /// The start, one word left.
    ExtendStart,
    /// The start, one word right.
    ShrinkStart,
    /// The end, one word left.
    ShrinkEnd,
    /// The end, one word right.
    ExtendEnd,
}

/// One document as the app holds it: the text, its offset tables and its facts are shared, never copied on edit.
#[derive(Debug)]
pub struct DocData {
    /// Stable identifier.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The text exactly as pasted.
    pub text: Rc<str>,
    /// Offset tables for `text` (UTF-16 at the DOM boundary, bytes for slicing).
    pub map: Rc<OffsetMap>,
    /// Spans sorted by (start, end, label).
    pub spans: Rc<Vec<Span>>,
    /// Relations between the spans, and document labels (a relation whose span is gone is left out when the
    /// document is written).
    pub links: Rc<(Vec<Relation>, Vec<Category>)>,
    /// Line facts from the document's markup, when it came from HTML.
    pub facts: Option<Rc<Vec<LineFacts>>>,
    /// The markup itself, kept to be saved with the document.
    pub markup: Option<Rc<str>>,
    /// Where the article was published (an http(s) URL), as [`Document::url`].
    pub url: Option<String>,
    /// When it was published (ISO 8601), as [`Document::date`].
    pub date: Option<String>,
}

impl PartialEq for DocData {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.name == other.name
            && Rc::ptr_eq(&self.text, &other.text)
            && Rc::ptr_eq(&self.spans, &other.spans)
            && Rc::ptr_eq(&self.links, &other.links)
            && (&self.url, &self.date) == (&other.url, &other.date)
    }
}

impl DocData {
    /// Wraps an incoming document.
    pub fn new(d: NewDoc) -> DocData {
        let NewDoc { doc, facts, markup } = d;
        let map = Rc::new(OffsetMap::new(&doc.text));
        let mut spans = doc.spans;
        sort_spans(&mut spans);
        DocData {
            id: doc.id,
            name: doc.name,
            text: Rc::from(doc.text),
            map,
            spans: Rc::new(spans),
            links: Rc::new((doc.relations, doc.categories)),
            facts: facts.map(Rc::new),
            markup: markup.map(Rc::from),
            url: doc.url,
            date: doc.date,
        }
    }

    /// The core document (copies the text).
    pub fn to_document(&self) -> Document {
        let mut d =
            Document::new(self.id.clone(), self.name.clone(), self.text.to_string(), self.spans.as_ref().clone());
        let (relations, categories) = self.links.as_ref();
        let ids: std::collections::HashSet<&str> = d.spans.iter().map(|s| s.id.as_str()).collect();
        d.relations = relations
            .iter()
            .filter(|r| ids.contains(r.from.as_str()) && ids.contains(r.to.as_str()))
            .cloned()
            .collect();
        d.categories = categories.clone();
        (d.url, d.date) = (self.url.clone(), self.date.clone());
        d
    }

    /// Same document, other spans, and the `said-by` relations new suggestions call for
    /// ([`crate::annotation::said_by`]).
    pub(crate) fn with_spans(&self, mut spans: Vec<Span>) -> DocData {
        sort_spans(&mut spans);
        let more = crate::annotation::said_by(&spans, &self.links.0);
        let links = if more.is_empty() {
            self.links.clone()
        } else {
            let (mut relations, categories) = self.links.as_ref().clone();
            relations.extend(more);
            Rc::new((relations, categories))
        };
        DocData { spans: Rc::new(spans), links, ..self.share() }
    }

    /// Same document, other relations and document labels.
    pub(crate) fn with_links(&self, relations: Vec<Relation>, categories: Vec<Category>) -> DocData {
        DocData { links: Rc::new((relations, categories)), ..self.share() }
    }

    /// The relations that touch span `id` and whose other end is still a span, each with that other end.
    pub fn relations_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = (&'a Relation, &'a Span)> + 'a {
        self.links.0.iter().filter_map(move |r| {
            let other = if r.from == id {
                &r.to
            } else if r.to == id {
                &r.from
            } else {
                return None;
            };
            Some((r, self.spans.iter().find(|s| s.id == *other)?))
        })
    }

    /// The spans span `id` can be linked to: not itself, not rejected, nearest first, at most `limit`.
    pub fn link_candidates(&self, id: &str, limit: usize) -> Vec<&Span> {
        let Some(at) = self.spans.iter().find(|s| s.id == id).map(|s| s.start) else { return Vec::new() };
        let mut v: Vec<&Span> = self.spans.iter().filter(|s| s.id != id && s.status != Status::Rejected).collect();
        v.sort_by_key(|s| (s.start.abs_diff(at), s.start));
        v.truncate(limit);
        v
    }

    /// Relation types to offer: the built-in `said-by` and `about`, the `declared` ones, then the others this
    /// document uses.
    pub fn relation_types<'a>(&'a self, declared: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
        let mut v: Vec<&str> = vec![crate::annotation::SAID_BY, crate::annotation::ABOUT];
        for t in declared.chain(self.links.0.iter().map(|r| r.label.as_str())) {
            if !v.contains(&t) {
                v.push(t);
            }
        }
        v
    }

    /// The document labels to show: the `declared` set in order, then the others this document has; each with
    /// its state here (`None`: not set).
    pub fn category_rows<'a>(
        &'a self,
        declared: impl Iterator<Item = &'a str>,
    ) -> Vec<(&'a str, Option<&'a Category>)> {
        let mut rows: Vec<(&str, Option<&Category>)> = Vec::new();
        let used = self.links.1.iter().map(|c| c.label.as_str());
        for name in declared.chain(used) {
            if !rows.iter().any(|(n, _)| *n == name) {
                rows.push((name, self.links.1.iter().find(|c| c.label == name)));
            }
        }
        rows
    }

    /// Same document with its markup's line facts on or off (the markup is kept either way, so they can come
    /// back); `None` when that changes nothing.
    pub(crate) fn with_structure(&self, on: bool) -> Option<DocData> {
        let markup = self.markup.as_ref()?;
        if on == self.facts.is_some() {
            return None;
        }
        let facts = match on {
            true => Some(Rc::new(Source::rebuild(self.text.to_string(), Some(markup.to_string())).lines?)),
            false => None,
        };
        Some(DocData { facts, ..self.share() })
    }

    /// The markup to save with the document: only while its structure is used, so that a reload keeps it off.
    pub fn saved_markup(&self) -> Option<&str> {
        self.facts.as_ref().and(self.markup.as_deref())
    }

    /// Same document, another name.
    pub(crate) fn renamed(&self, name: String) -> DocData {
        DocData { name, ..self.share() }
    }

    /// Same document, published elsewhere or at another time (checked by [`super::Session`], not here).
    pub(crate) fn with_published(&self, url: Option<String>, date: Option<String>) -> DocData {
        DocData { url, date, ..self.share() }
    }

    /// A copy sharing every table.
    fn share(&self) -> DocData {
        DocData {
            id: self.id.clone(),
            name: self.name.clone(),
            text: self.text.clone(),
            map: self.map.clone(),
            spans: self.spans.clone(),
            links: self.links.clone(),
            facts: self.facts.clone(),
            markup: self.markup.clone(),
            url: self.url.clone(),
            date: self.date.clone(),
        }
    }

    /// Runs the `detectors` that are on over the document, with its markup's line facts when it has them and
    /// relative dates counted from its date when it has one; claims scored by `scorer` when one is given (the
    /// precise model).
    pub fn analyze(&self, detectors: Detectors, scorer: Option<&SharedScorer>) -> Vec<Span> {
        let facts = self.facts.as_deref().map(Vec::as_slice);
        detectors.analyze_scored(&self.text, facts, self.date.as_deref(), scorer)
    }

    /// `spans` (this document's, or an edit of them) with the unreviewed suggestions replaced by a fresh run of
    /// the `detectors` that are on (claims scored by `scorer`, when given): what re-annotation does, keeping
    /// every decision.
    pub(crate) fn refreshed(&self, spans: Vec<Span>, detectors: Detectors, scorer: Option<&SharedScorer>) -> Vec<Span> {
        super::merge::merge_suggestions(spans, self.analyze(detectors, scorer))
    }

    /// The text between two code-point offsets (clamped to the text).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let n = self.map.len_chars();
        let (s, e) = (start.min(n), end.min(n).max(start.min(n)));
        self.text.get(self.map.char_to_byte(s)..self.map.char_to_byte(e)).unwrap_or_default()
    }

    /// Non-rejected spans per label, in order of first appearance.
    pub fn counts(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for s in self.spans.iter().filter(|s| s.status != Status::Rejected) {
            match out.iter_mut().find(|(l, _)| *l == s.label) {
                Some((_, n)) => *n += 1,
                None => out.push((s.label.clone(), 1)),
            }
        }
        out
    }

    /// The code point at `i`.
    pub fn char_at(&self, i: usize) -> Option<char> {
        (i < self.map.len_chars()).then(|| self.slice(i, i + 1).chars().next()).flatten()
    }

    /// Widens `start..end` to whole words and trims surrounding spaces, so a sloppy mouse selection tags what
    /// the reader meant; the result never splits a grapheme cluster. Spans may still cross lines.
    pub fn snap_words(&self, start: usize, end: usize) -> (usize, usize) {
        let word = |i: usize| self.char_at(i).is_some_and(is_word);
        let (mut s, mut e) = (start.min(end), end.max(start).min(self.map.len_chars()));
        s = s.min(e);
        while s < e && self.char_at(s).is_some_and(char::is_whitespace) {
            s += 1;
        }
        while e > s && self.char_at(e - 1).is_some_and(char::is_whitespace) {
            e -= 1;
        }
        if s == e {
            return (s, e);
        }
        while s > 0 && word(s) && word(s - 1) {
            s -= 1;
        }
        while word(e) && e > 0 && word(e - 1) {
            e += 1;
        }
        self.map.snap_outward(s, e)
    }

    /// `a..b` with one edge moved by a word, as the inspector's buttons move it: growing takes in the next word
    /// and the space before it; shrinking drops the outermost word and the space beside it, so the span never
    /// starts or ends on white space, and a one-word span does not shrink. Snapped to grapheme clusters.
    pub fn resize(&self, a: usize, b: usize, how: Resize) -> (usize, usize) {
        let space = |i: usize| self.char_at(i).is_some_and(char::is_whitespace);
        let (mut a, mut b) = (a, b);
        match how {
            Resize::ExtendStart => a = self.word_edge(a, false),
            Resize::ExtendEnd => b = self.word_edge(b, true),
            Resize::ShrinkStart => {
                let mut x = self.word_edge(a, true);
                while x < b && space(x) {
                    x += 1;
                }
                if x < b {
                    a = x;
                }
            }
            Resize::ShrinkEnd => {
                let mut x = self.word_edge(b, false);
                while x > a && space(x - 1) {
                    x -= 1;
                }
                if x > a {
                    b = x;
                }
            }
        }
        self.map.snap_outward(a, b)
    }

    /// The next word edge after `c` (`forward`) or before it, for keyboard selection.
    pub fn word_edge(&self, c: usize, forward: bool) -> usize {
        let n = self.map.len_chars();
        let word = |i: usize| self.char_at(i).is_some_and(is_word);
        let mut i = c.min(n);
        if forward {
            while i < n && !word(i) {
                i += 1;
            }
            while i < n && word(i) {
                i += 1;
            }
        } else {
            while i > 0 && !word(i - 1) {
                i -= 1;
            }
            while i > 0 && word(i - 1) {
                i -= 1;
            }
        }
        i
    }

    /// The end of the line after `c` (`forward`) or the start of the line before it.
    pub fn line_edge(&self, c: usize, forward: bool) -> usize {
        let n = self.map.len_chars();
        let nl = |i: usize| matches!(self.char_at(i), Some('\n' | '\r'));
        // A CRLF pair is one break (and one grapheme): never stop between its two halves.
        let crlf = |i: usize| self.char_at(i) == Some('\r') && self.char_at(i + 1) == Some('\n');
        let mut i = c.min(n);
        if forward {
            if i < n && nl(i) {
                i += if crlf(i) { 2 } else { 1 };
            }
            while i < n && !nl(i) {
                i += 1;
            }
        } else {
            if i > 0 && nl(i - 1) {
                i -= if i > 1 && crlf(i - 2) { 2 } else { 1 };
            }
            while i > 0 && !nl(i - 1) {
                i -= 1;
            }
        }
        i
    }
}

/// Whether `c` belongs to a word (letters, digits, and the joiners inside words and numbers).
pub(super) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '\'' || c == '’' || c == '%'
}

/// A name for a pasted text: its first words.
pub fn doc_name(text: &str) -> String {
    let first: String = text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
    let n: String = first.chars().take(60).collect();
    if n.is_empty() {
        "Untitled".into()
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> DocData {
        DocData::new(Document::new("t", "t", text, vec![]).into())
    }

    #[test]
    fn relations_and_document_labels_survive_edits_and_a_relation_goes_with_its_span() {
        let text = "Police said 11 people were detained.";
        let spans = vec![
            Span::manual("claim-1", 0..36, "claim"),
            Span::manual("who", 0..6, "source"),
            Span::manual("n", 12..14, "number"),
        ];
        let mut d = Document::new("t", "t", text, spans);
        d.relations = vec![Relation::manual("claim-1", "who", "said-by"), Relation::manual("n", "claim-1", "about")];
        d.categories = vec![Category::manual("crime")];
        let data = DocData::new(d.clone().into());
        assert_eq!(data.to_document().relations, d.relations);
        assert_eq!(data.renamed("u".into()).to_document().categories, d.categories);
        // The source span is deleted: its said-by relation is not written; the other relation and the label stay.
        let kept: Vec<Span> = data.spans.iter().filter(|s| s.id != "who").cloned().collect();
        let after = data.with_spans(kept).to_document();
        assert_eq!(after.relations, vec![d.relations[1].clone()]);
        assert_eq!(after.categories, d.categories);
    }

    /// Code-point offset of the `n`th char of `needle`'s first occurrence.
    fn at(text: &str, needle: &str) -> usize {
        text.get(..text.find(needle).unwrap()).unwrap_or_default().chars().count()
    }

    #[test]
    fn selections_snap_to_whole_words_and_graphemes() {
        // (text, selection as the text it starts and ends in, what the snapped span holds)
        let cases: &[(&str, (&str, &str), &str)] = &[
            ("The toll rose to 133 on Saturday.", ("oll", "ro"), "toll rose"),
            ("  padded  selection  ", ("  padded", "padded  "), "padded"),
            ("Prices fell 3.2% in May.", ("2%", "%"), "2%"),
            ("Officials didn’t say.", ("n’t", "say"), "didn’t say"),
            ("家族 👨‍👩‍👧 visited", ("👨", "‍👩"), "👨‍👩‍👧"),
            ("Flag 🇺🇦 here", ("🇺", "🇦"), "🇺🇦"),
            ("東京で133人が死亡", ("東京", "京で"), "東京で133人が死亡"),
            ("line one\r\nline two", ("one", "\r\nline"), "one\r\nline"),
            ("e\u{301}te\u{301} ok", ("\u{301}t", "e\u{301} "), "e\u{301}te\u{301}"),
        ];
        for &(text, (from, to), want) in cases {
            let d = doc(text);
            let start = at(text, from);
            let end = at(text, to) + to.chars().count();
            let (s, e) = d.snap_words(start, end);
            assert_eq!(d.slice(s, e), want, "{text:?} {from:?}..{to:?}");
            assert!(d.map.is_grapheme_boundary(s) && d.map.is_grapheme_boundary(e), "{text:?}");
        }
        let d = doc("short");
        assert_eq!(d.snap_words(3, 99), (0, 5), "a selection past the end is clamped");
        assert_eq!(d.snap_words(4, 1), (0, 5), "backwards selections work");
    }

    #[test]
    fn keyboard_edges_move_by_word_and_line() {
        let text = "First line here\r\nSecond 👍 line\nthird";
        let d = doc(text);
        let second = at(text, "Second");
        // (from, forward, word edge, line edge)
        let cases = [
            (0, true, 5, 15),
            (6, true, 10, 15),
            (second, true, second + 6, second + 13),
            (second + 3, false, second, second),
            (second, false, 11, 0),
            (d.map.len_chars(), false, d.map.len_chars() - 5, d.map.len_chars() - 5),
            (d.map.len_chars() + 9, true, d.map.len_chars(), d.map.len_chars()),
        ];
        for (from, fwd, word, line) in cases {
            assert_eq!(d.word_edge(from, fwd), word, "word edge from {from} {fwd}");
            assert_eq!(d.line_edge(from, fwd), line, "line edge from {from} {fwd}");
        }
        assert_eq!(d.char_at(second + 7), Some('👍'));
        // Resizing by word never leaves a span on white space, and never empties it.
        let text2 = "Police said the quick brown fox, 🇺🇦 ran.";
        let r = |a: usize, b: usize, how| {
            let d2 = doc(text2);
            let (x, y) = d2.resize(a, b, how);
            crate::text::slice_chars(text2, x, y).unwrap().to_string()
        };
        let (qs, qe) = (at(text2, "the quick"), at(text2, "brown") + 5);
        assert_eq!(r(qs, qe, Resize::ShrinkEnd), "the quick");
        assert_eq!(r(qs, qe, Resize::ShrinkStart), "quick brown");
        assert_eq!(r(qs, qe, Resize::ExtendStart), "said the quick brown");
        assert_eq!(r(qs, qe, Resize::ExtendEnd), "the quick brown fox");
        let one = at(text2, "fox");
        assert_eq!(r(one, one + 3, Resize::ShrinkEnd), "fox");
        assert_eq!(r(one, one + 3, Resize::ShrinkStart), "fox");
        // Past punctuation and a flag (one grapheme of two code points), whole.
        assert_eq!(r(one, one + 3, Resize::ExtendEnd), "fox, 🇺🇦 ran");
        assert_eq!(d.char_at(999), None);
    }

    #[test]
    fn names_and_counts() {
        assert_eq!(
            doc_name("  Moscow   attack: what we know so far about the gunmen"),
            "Moscow attack: what we know so far about"
        );
        assert_eq!(doc_name(" \n "), "Untitled");
        assert_eq!(doc_name(&"x".repeat(100)).chars().count(), 60);
        let d = DocData::new(
            crate::annotate("a", "a", "Home | News\n\nAt least 133 people died, officials said.\n", crate::Layers::ALL)
                .into(),
        );
        let counts = d.counts();
        assert!(counts.iter().any(|(l, n)| l == "number" && *n >= 1), "{counts:?}");
    }
}
