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
//! `money`, `quantity`, `duration`, `date`, `year`, `weekday`, `holiday`, `time`, `range`, or `number.bound` when a
//! bound phrase leads it. `why` says in one sentence what was read ("“at least” sets a lower bound on 115").
//!
//! # How
//! One pass of a tokenizer (`tokens`) with one hash lookup per word in the merged lexicon (`lexicon`), then
//! one left-to-right pass of a hand-written grammar over the tokens (`grammar`) that takes the longest
//! expression at each token. The only regex (URL and handle chunks) is compiled once. Work and memory are linear
//! in the text.

mod grammar;
mod lexicon;
mod tokens;
mod value;

#[cfg(test)]
mod tests;

use crate::annotation::Span;
use crate::text::TextModel;

/// Finds number spans, in text order, without overlaps.
pub fn detect(model: &TextModel) -> Vec<Span> {
    let text = model.text;
    let toks = tokens::tokenize(text);
    let mut spans = Vec::new();
    for m in grammar::find(text, &toks) {
        if spans.len() > super::MAX_SPANS {
            break; // the document's span limit: bounded memory on machine-made text
        }
        let (first, core, last) = (&toks[m.first], &toks[m.core], &toks[m.end - 1]);
        let (start, end) = (first.start as usize, last.end as usize);
        let (Some(cs), Some(ce)) = (model.offsets.byte_to_char(start), model.offsets.byte_to_char(end)) else {
            continue;
        };
        // A number glued to a combining mark or a keycap ("1️⃣") is a symbol, not a figure.
        if !model.offsets.is_grapheme_boundary(cs) || !model.offsets.is_grapheme_boundary(ce) {
            continue;
        }
        let bound = (m.core > m.first).then(|| &text[start..toks[m.core - 1].end as usize]);
        let core_text = &text[core.start as usize..end];
        spans.push(m.q.into_span(cs..ce, &text[start..end], bound, core_text));
    }
    spans
}
