//! Numbers: every numeric expression in a text, with its `kind` and normalized `value`.
//!
//! # What a number span is
//! The span covers the numeral and the words that change its value or meaning, never the counted noun
//! (`GUIDELINES.md`, "number"; `corpus/README.md`, "Number boundaries"):
//! - bounds and approximations are kept: "at least 115", "more than 100", "just over two weeks", "about 170";
//! - prepositions, "a total of", "the past", "night"/"evening" and a bare "more" ("more 90" → "90") are not;
//! - units, currencies and percent words are part of it: "5 km", "$2.3 billion", "5 million rubles", "45 per cent";
//! - dates take their day, month and year ("22 March", "March 7, 2024", "August 2021"); a bare month or weekday
//!   only when it dates something ("in March", "on Friday", "Friday’s attack", "a January assault");
//! - not numbers: "one" as a pronoun ("one of the deadliest"), digits in names, codes, handles and URLs
//!   ("COVID-19", "G7", "@EU_today", "eutoday1049"), "Yesterday", "a few weeks", "several" alone.
//!
//! # Attributes
//! `kind` is one of cardinal, ordinal, percent, money, quantity, duration, date, time, range; `value` is set when
//! the expression has one (see the `value` module: numbers, ISO dates only with a known year, "HH:MM"
//! times). Money adds `currency` (ISO 4217), quantities and durations add `unit`, ranges add `min`, `max` and
//! `of` (the kind of their ends), bounded numbers add `bound` (`min`, `max` or `approx`).
//!
//! # Rules
//! Each span's `rule` is `number.<family>`: `digits`, `words`, `vague`, `fraction`, `ordinal`, `percent`,
//! `money`, `quantity`, `duration`, `date`, `year`, `weekday`, `holiday`, `time`, `range`, `relative` ("last
//! November", "four years ago"), `period` ("early December", "post-1959", "fiscal 1989"), `daytime` ("Thursday
//! evening", "9 a.m. EST Tuesday"), `quarter` ("the third quarter"), `century`, or `number.bound` when a bound
//! phrase leads it. Durations also carry TimeML's `iso` ("P3W"); money rates carry `per` ("$15/hour").
//!
//! # Document dates
//! [`detect_dated`] resolves dates without a year, weekdays and "N units ago" against the document's date
//! (`temporal`), or against a date line near the top of the text when none is given. `why` says in one sentence what was read ("“at least” sets a lower bound on 115").
//!
//! # How
//! One pass of a tokenizer (`tokens`) with one hash lookup per word in the merged lexicon (`lexicon`), then
//! one left-to-right pass of a hand-written grammar over the tokens (`grammar`) that takes the longest
//! expression at each token. The only regex (URL and handle chunks) is compiled once. Work and memory are linear
//! in the text.

mod grammar;
mod lexicon;
mod temporal;
mod tokens;
mod value;

#[cfg(test)]
mod tests;

pub use temporal::DocDate;

use crate::annotation::Span;
use crate::text::TextModel;
use value::{Family, Val};

/// Finds number spans, in text order, without overlaps. Relative dates ("Thursday", "last November") are
/// resolved against a date line near the top of the text when there is one ([`detect_dated`]).
pub fn detect(model: &TextModel) -> Vec<Span> {
    detect_dated(model, None)
}

/// Like [`detect`], with the document's date when it is known (a JSONL `date` field, a date set in the app):
/// "Thursday" in an article dated 2024-03-22 gets the value `2024-03-21`.
pub fn detect_dated(model: &TextModel, doc_date: Option<DocDate>) -> Vec<Span> {
    let text = model.text;
    // One line of tokens at a time; each expression keeps its byte edges and its bound's end.
    let mut found: Vec<(usize, usize, usize, value::Quant)> = Vec::new();
    let mut line = Vec::new();
    let mut tokenizer = tokens::Tokenizer::new(text);
    // The document's span limit: bounded memory on machine-made text (`1 1 1 …`).
    while found.len() <= super::MAX_SPANS && tokenizer.next_line(&mut line) {
        for m in grammar::find(text, &line) {
            let start = line[m.first].start as usize;
            let bound_end = if m.core > m.first { line[m.core - 1].end as usize } else { start };
            found.push((start, bound_end, line[m.end - 1].end as usize, m.q));
        }
    }
    let anchor = match doc_date {
        Some(d) => Some((d, format!("the document date {d}"))),
        None => date_line(text, &found),
    };
    let mut spans = Vec::with_capacity(found.len());
    for (start, bound_end, end, mut q) in found {
        let (Some(cs), Some(ce)) = (model.offsets.byte_to_char(start), model.offsets.byte_to_char(end)) else {
            continue;
        };
        // A number glued to a combining mark or a keycap ("1️⃣") is a symbol, not a figure.
        if !model.offsets.is_grapheme_boundary(cs) || !model.offsets.is_grapheme_boundary(ce) {
            continue;
        }
        if let Some((d, why)) = &anchor {
            let unresolved = match &q.value {
                None => true,
                Some(Val::Iso(v)) => q.family == Family::DayTime && !v.contains('-'),
                Some(Val::Num(_)) => false,
            };
            if unresolved && q.tx.is_relative() {
                if let Some(v) = q.tx.resolve(*d) {
                    q.value = Some(Val::Iso(v));
                    q.anchor = Some(why.clone());
                }
            }
        }
        let bound = (bound_end > start).then(|| text.get(start..bound_end).unwrap_or_default());
        let core_from = if bound_end > start { core_start(text, bound_end) } else { start };
        let core_text = text.get(core_from..end).unwrap_or_default();
        spans.push(q.into_span(cs..ce, text.get(start..end).unwrap_or_default(), bound, core_text));
    }
    spans
}

/// Where the number after a bound phrase starts: the first non-space byte after it.
fn core_start(text: &str, bound_end: usize) -> usize {
    text.get(bound_end..).and_then(|t| t.find(|c: char| !c.is_whitespace())).map_or(bound_end, |p| bound_end + p)
}

/// A publication date on a short line near the top ("March 22, 2024", "Published 22 March 2024 10:15"): the
/// date the text's relative dates are counted from when no document date is given. The line must start with a
/// publication word or be mostly the date, so that a date in the first paragraph is not taken for it.
fn date_line(text: &str, found: &[(usize, usize, usize, value::Quant)]) -> Option<(DocDate, String)> {
    const TOP_BYTES: usize = 2000;
    const TOP_LINES: usize = 12;
    const SHORT_LINE: usize = 100;
    for (start, _, end, q) in found {
        let (start, end) = (*start, *end);
        if start > TOP_BYTES {
            break;
        }
        let Some(Val::Iso(v)) = &q.value else { continue };
        if v.len() != 10 || q.family != Family::Date {
            continue;
        }
        let line_start = text.get(..start).and_then(|t| t.rfind('\n')).map_or(0, |p| p + 1);
        let line_end = text.get(end..).and_then(|t| t.find('\n')).map_or(text.len(), |p| end + p);
        let lines_before = text.get(..line_start).unwrap_or_default().bytes().filter(|&b| b == b'\n').count();
        let line = text.get(line_start..line_end).unwrap_or_default().trim();
        let (line_len, date_len) = (line.chars().count(), text.get(start..end).unwrap_or_default().chars().count());
        let labelled = ["published", "updated", "posted", "date", "last updated"]
            .iter()
            .any(|w| line.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)));
        if lines_before >= TOP_LINES || line_len > SHORT_LINE || !(labelled || date_len * 10 >= line_len * 3) {
            continue;
        }
        let d = DocDate::parse(v)?;
        return Some((d, format!("the date line “{line}”")));
    }
    None
}
