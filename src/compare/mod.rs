//! One story, many articles: what a set of documents says about the same event, side by side.
//!
//! People who check news read several reports of one event together. The questions they ask are always the
//! same three, and each has its table here:
//! - **Figures** ([`FigureGroup`]): the number spans of every document grouped by what they count (people killed,
//!   injured, detained, the attackers, the date of the attack), found from the words around each number with a
//!   small lexicon of event roles ([`roles`]). A row is flagged (`disagree`) when the values cannot all be true at
//!   once, after their bounds ("at least 115" agrees with 133) and the publication dates (a toll that rises in
//!   later reports is an update) are taken into account; the row says which of the three it is.
//! - **Shared passages** ([`Passage`]): sentences one document shares with another, verbatim or reworded, with
//!   the direction of copying when the dates or the attribution say so ([`passages`]). Words that every document
//!   of the set uses (the topic's names) count for little, so two sentences that merely name the same event do
//!   not pair.
//! - **Sources** ([`SourceRow`]): who is cited, merged across the forms a name takes ("The Post" and "The
//!   Washington Post", "US" and "the United States"), in which documents, saying what ([`sources`]).
//!
//! The input is what the detectors already made: the `number` spans (`kind`, `value`, `bound`) and the `claim`
//! spans (`source`, `cue`, `quote`) of each [`Article`]; `boilerplate` spans are left out of every table. The
//! result is plain data ([`Comparison`], serde with stable field names) that the CLI prints and the app renders;
//! the user's review of it ([`Decision`]: reviewed, merge, split) is applied on top by a pure function
//! ([`Comparison::apply`]) and saved in `sift-annotations` ([`Comparisons`]).
//!
//! Platform-free and linear in practice: documents are segmented once, figures and sources are grouped through
//! hash maps, and passages are paired through an inverted index of each sentence's rarest words (never all
//! sentence pairs), so 1,000 articles compare in well under two seconds (`cargo bench --bench compare`).
//! Offsets everywhere are Unicode code points, end exclusive.

mod bounds;
mod dates;
pub mod decisions;
pub mod figures;
pub mod passages;
pub mod roles;
pub mod sources;

pub use bounds::Bounds;
pub use decisions::{Comparisons, Decision};
pub use figures::{FigureCell, FigureGroup, Verdict};
pub use passages::{Direction, Passage, PassageSide};
pub use sources::{SourceClaim, SourceDoc, SourceRow};

use crate::annotation::{Span, BOILERPLATE};
use crate::text::TextModel;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One document of the set to compare: its text and the spans the detectors (or a person) made on it.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    /// Display name (file name), shown in tables.
    pub name: &'a str,
    /// The text the span offsets point into.
    pub text: &'a str,
    /// Its spans (`number`, `claim`, `boilerplate`; other labels are ignored), offsets in code points.
    pub spans: &'a [Span],
    /// The publication date, ISO `YYYY-MM-DD`, when known; otherwise it is looked for in the text (a dateline
    /// or the first full date near the top).
    pub date: Option<&'a str>,
}

/// Settings of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// How alike two sentences must be (0–1, weighted word overlap) to count as a shared passage. Lower finds
    /// looser rewrites and risks pairing sentences that only share the topic.
    pub passage_threshold: f64,
    /// From this similarity on (word-bigram overlap, 0–1) a shared passage is called verbatim rather than
    /// reworded.
    pub verbatim_threshold: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options { passage_threshold: passages::DEFAULT_THRESHOLD, verbatim_threshold: passages::VERBATIM_THRESHOLD }
    }
}

/// What a set of documents says, side by side: the three tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The documents, in the order given: name and publication date.
    pub documents: Vec<DocInfo>,
    /// Figure rows, one per thing counted (flagged rows first, then by how many documents give the figure).
    pub figures: Vec<FigureGroup>,
    /// Shared passages, by document pair then position.
    pub passages: Vec<Passage>,
    /// Who is cited, most widely cited first.
    pub sources: Vec<SourceRow>,
}

/// A document of the comparison as the tables refer to it (by its index in [`Comparison::documents`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// Display name.
    pub name: String,
    /// Publication date (ISO `YYYY-MM-DD`) when known.
    pub date: Option<String>,
    /// Where the date comes from: `"given"` (the caller's), `"text"` (found in the text), absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_from: Option<String>,
}

/// A piece of a document: its code-point offsets and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excerpt {
    /// Start, code points (inclusive).
    pub start: usize,
    /// End, code points (exclusive).
    pub end: usize,
    /// The text between them.
    pub text: String,
}

/// Compares the articles: figures, shared passages and sources.
pub fn compare(articles: &[Article<'_>], options: &Options) -> Comparison {
    let docs: Vec<Doc<'_>> = articles.iter().map(Doc::new).collect();
    let documents = docs
        .iter()
        .map(|d| DocInfo {
            name: d.article.name.to_string(),
            date: d.date.clone(),
            date_from: d.date.as_ref().map(|_| if d.article.date.is_some() { "given" } else { "text" }.to_string()),
        })
        .collect();
    let sources = sources::table(&docs);
    let figures = figures::groups(&docs);
    let passages = passages::find(&docs, &sources, options);
    Comparison { documents, figures, passages, sources }
}

/// A document prepared once for every table: segmented, its sentences in code points, boilerplate marked.
pub(crate) struct Doc<'a> {
    pub article: &'a Article<'a>,
    pub model: TextModel<'a>,
    /// Sentences as code-point ranges, in order.
    pub sentences: Vec<Range<usize>>,
    /// Whether each sentence lies inside boilerplate.
    pub chrome: Vec<bool>,
    /// Publication date, ISO.
    pub date: Option<String>,
}

impl<'a> Doc<'a> {
    fn new(article: &'a Article<'a>) -> Doc<'a> {
        let model = TextModel::new(article.text);
        let sentences: Vec<Range<usize>> = model.sentences.iter().map(|r| model.to_chars(r.clone())).collect();
        let mut chrome_spans: Vec<Range<usize>> =
            article.spans.iter().filter(|s| s.label == BOILERPLATE).map(Span::range).collect();
        chrome_spans.sort_by_key(|r| r.start);
        let chrome = sentences.iter().map(|s| covered(&chrome_spans, s)).collect();
        let date = match article.date {
            // A timestamp counts by its day ("2024-03-22T10:15:00Z" is 2024-03-22).
            Some(d) => Some(dates::full_date(d).unwrap_or_else(|| d.to_string())),
            None => dates::publication(&model, article.spans),
        };
        Doc { article, model, sentences, chrome, date }
    }

    /// The text of code points `r`.
    pub fn slice(&self, r: Range<usize>) -> &'a str {
        self.model.offsets.slice(self.article.text, r.start, r.end)
    }

    /// An excerpt of code points `r`.
    pub fn excerpt(&self, r: Range<usize>) -> Excerpt {
        Excerpt { start: r.start, end: r.end, text: self.slice(r).to_string() }
    }

    /// The index of the sentence holding code point `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).filter(|s| s.start <= at).map(|_| i)
    }

    /// Spans with `label`, in text order.
    pub fn spans_labelled(&self, label: &'a str) -> impl Iterator<Item = &'a Span> + 'a {
        self.article.spans.iter().filter(move |s| s.label == label)
    }
}

/// Whether most of `r` lies inside the (sorted) ranges `spans`.
fn covered(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    let from = spans.partition_point(|s| s.end <= r.start);
    let inside: usize = spans[from..]
        .iter()
        .take_while(|s| s.start < r.end)
        .map(|s| s.end.min(r.end).saturating_sub(s.start.max(r.start)))
        .sum();
    inside * 2 > r.len()
}

/// A word of a text: code-point offsets, lowercase form, and whether it was written with a capital.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    pub capital: bool,
}

/// The words of `text` (a slice that starts at code point `offset` of its document): runs of letters and digits,
/// with inner `.`, `'`, `’` and `-` kept ("U.S.", "don’t", "IS-K", "1,000" keeps its comma).
pub(crate) fn words(text: &str, offset: usize) -> Vec<Word> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_alphanumeric()
                || (matches!(chars[i], '.' | '\'' | '’' | '-' | ',')
                    && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric())
                    && (chars[i] != ',' || chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit())))
        {
            i += 1;
        }
        // "U.S." keeps its final dot.
        if i < chars.len() && chars[i] == '.' && chars[start..i].iter().filter(|&&c| c == '.').count() > 0 {
            i += 1;
        }
        let w: String = chars[start..i].iter().collect();
        out.push(Word {
            start: offset + start,
            end: offset + i,
            capital: chars[start].is_uppercase(),
            lower: w.to_lowercase().replace('’', "'"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_dotted_abbreviations_and_inner_marks() {
        let w: Vec<String> = words("The U.S. said IS-K’s 1,000 men, 5 km.", 10).into_iter().map(|w| w.lower).collect();
        assert_eq!(w, ["the", "u.s.", "said", "is-k's", "1,000", "men", "5", "km"]);
        assert_eq!(words("ab cd", 10)[1].start, 13);
    }

    #[test]
    fn sentences_mostly_inside_boilerplate_are_marked() {
        let spans = [0..10, 20..30];
        assert!(covered(&spans, &(0..12)));
        assert!(!covered(&spans, &(8..19)));
        assert!(covered(&spans, &(18..30)));
    }
}
