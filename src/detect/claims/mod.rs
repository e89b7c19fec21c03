//! Claims: sentences that assert something checkable (GUIDELINES.md, `claim`), with `source`, `cue` and `quote`
//! when attributed.
//!
//! Per sentence, in order: sentences touching a boilerplate line are skipped; a leading dateline
//! ("WARSAW, Poland (AP) —") is left out of the span; sentences inside a multi-sentence quotation that began in an
//! earlier sentence are skipped (rhetoric inside a quote is not judged on its own) unless they close it with their
//! own reporting clause ("…,” said X); questions, headings,
//! instructions and verbless fragments are never claims (`score::excluded`). Then:
//! - an attributed sentence is a claim (`claim.attributed`, or `claim.quote` when it quotes the source);
//! - a whole quoted sentence right after an attributed quotation continues it (`claim.quote`, no cue);
//! - otherwise speculation and commentary are not claims (`score::hedge`), and the rest is a claim when its
//!   check-worthiness reaches the model's threshold (`claim.figure` when it states a figure, else `claim.event`).
//!
//! Every claim also carries `checkworthiness`, the model's score in [0, 1] (two decimals), to rank claims for a
//! fact-checker the way ClaimBuster does.
//!
//! Sources are resolved across the document so that `source` is always text of the document: pronouns go to the
//! last named speaker, a bare surname to the earlier full name, "the ministry"/"the report" to the earlier source
//! they name.

mod attribution;
mod ngrams;
mod score;
mod weights;
mod words;

use super::boilerplate::Verdict;
use crate::annotation::{Span, CLAIM};
use crate::text::TextModel;
use attribution::{attribute, Parsed};
use std::ops::Range;
use std::sync::OnceLock;

/// Finds claim sentences outside boilerplate lines. `chrome` has one verdict per line of `model`.
pub fn detect(model: &TextModel, chrome: &[Verdict]) -> Vec<Span> {
    let text = model.text;
    let mut out = Vec::new();
    let mut speakers = Speakers::default();
    // The previous sentence's resolved source when it quoted someone, for quotations running over sentences.
    let mut last_quote: Option<String> = None;
    let mut prev_end = 0;
    let mut quotes = QuoteState::default();
    for r in &model.sentences {
        if out.len() > super::MAX_SPANS {
            break; // the document's span limit: bounded memory on machine-made text
        }
        let open_quote = quotes.advance(text, r.start);
        let adjacent = text[prev_end..r.start].chars().filter(|&c| c == '\n' || c == '\r').count() <= 2;
        prev_end = r.end;
        if touches_boilerplate(model, chrome, r) {
            last_quote = None;
            continue;
        }
        let start = r.start + dateline_len(&text[r.clone()]);
        let s = &text[start..r.end];
        // Inside a quotation opened by an earlier sentence, only a sentence that closes it with its own reporting
        // clause ("… a sexy new look,” said David Kershaw") is judged; the rest continues someone's rhetoric.
        let p = if open_quote { Parsed::in_quote(s) } else { Parsed::new(s) };
        let attribution = attribute(&p);
        if open_quote && attribution.as_ref().is_none_or(|a| a.source.is_none()) {
            continue;
        }
        if score::excluded(&p).is_some() {
            last_quote = None;
            continue;
        }
        let chars = model.to_chars(start..r.end);
        let quoted = p.has_quote();
        let raw = score::checkworthiness(&p);
        let worth = (raw * 100.0).round() / 100.0;
        if let Some(a) = attribution {
            let cue = &s[a.cue.clone()];
            let source = a.source.map(|src| speakers.resolve(text, start + src.start..start + src.end, cue));
            let mut span = match (&source, quoted) {
                (Some(who), true) => Span::auto(
                    chars,
                    CLAIM,
                    "claim.quote",
                    format!("Quotes {} directly (cue “{cue}”)", in_sentence(who)),
                ),
                (Some(who), false) => Span::auto(
                    chars,
                    CLAIM,
                    "claim.attributed",
                    format!("Reports what {} said (cue “{cue}”)", in_sentence(who)),
                ),
                (None, _) => Span::auto(
                    chars,
                    CLAIM,
                    "claim.attributed",
                    format!("Reports a claim without naming its source (cue “{cue}”)"),
                ),
            };
            if let Some(who) = &source {
                span = span.with_attr("source", who.as_str());
            }
            span = span.with_attr("cue", cue);
            if quoted && source.is_some() {
                span = span.with_attr("quote", true);
            }
            last_quote = if quoted { source } else { None };
            out.push(span.with_attr("checkworthiness", worth));
            continue;
        }
        let whole_quote = s.starts_with(['“', '"']) && s.ends_with(['”', '"']);
        if let (true, true, Some(who)) = (whole_quote, adjacent, last_quote.clone()) {
            out.push(
                Span::auto(chars, CLAIM, "claim.quote", format!("Continues the quotation of {}", in_sentence(&who)))
                    .with_attr("source", who.as_str())
                    .with_attr("quote", true)
                    .with_attr("checkworthiness", worth),
            );
            continue;
        }
        last_quote = None;
        if score::hedge(&p).is_some() || raw < weights::THRESHOLD {
            continue;
        }
        let span = match score::figure(&p) {
            Some(f) => Span::auto(chars, CLAIM, "claim.figure", format!("States a figure: {}", &s[f])),
            None => {
                let verb = score::main_verb(&p).map_or("", |v| &s[v]);
                Span::auto(chars, CLAIM, "claim.event", format!("States a checkable fact (verb “{verb}”)"))
            }
        };
        out.push(span.with_attr("checkworthiness", worth));
    }
    out
}

/// A source as it reads inside an explanation: "The official" → "the official"; names stay as written.
fn in_sentence(who: &str) -> String {
    for det in ["The ", "A ", "An ", "One "] {
        if let Some(rest) = who.strip_prefix(det) {
            return format!("{}{rest}", det.to_lowercase());
        }
    }
    who.to_string()
}

/// What moved the check-worthiness score of a sentence most, strongest first (at most `most`): a feature name
/// ("figure", "first person singular") or a quoted word, with its share of the model's log-odds (positive raises
/// the score). For the inspector's "why this score".
pub fn checkworthiness_reasons(sentence: &str, most: usize) -> Vec<(String, f64)> {
    score::reasons(&Parsed::new(sentence), most)
}

/// Names of the check-worthiness features returned by [`sentence_features`]. Not part of the stable API.
#[doc(hidden)]
pub const FEATURE_NAMES: &[&str] = score::FEATURE_NAMES;

/// How the claim rules treat one sentence on its own, with its check-worthiness features and hashed n-grams: for
/// `scripts/train_claims.py`, which fits the weights in `weights.rs`. Returns (gate, features, word n-gram buckets,
/// character n-gram buckets), where gate is `excluded`, `attributed`, `hedged` or `scored`. Not part of the stable
/// API.
#[doc(hidden)]
pub fn sentence_features(sentence: &str) -> (&'static str, Vec<f64>, Vec<u32>, Vec<u32>) {
    let p = Parsed::new(sentence);
    let gate = if score::excluded(&p).is_some() {
        "excluded"
    } else if attribute(&p).is_some() {
        "attributed"
    } else if score::hedge(&p).is_some() {
        "hedged"
    } else {
        "scored"
    };
    let grams = ngrams::grams(&p);
    (gate, score::features(&p), grams.words, grams.chars)
}

/// Whether the sentence overlaps a line the boilerplate classifier rejected.
fn touches_boilerplate(model: &TextModel, chrome: &[Verdict], r: &Range<usize>) -> bool {
    let first = model.lines.partition_point(|l| l.range.end < r.start);
    model.lines[first..]
        .iter()
        .zip(chrome.get(first..).unwrap_or(&[]))
        .take_while(|(l, _)| l.range.start < r.end)
        .any(|(_, v)| v.boilerplate)
}

/// Whether a double quotation is open, scanning the text once from sentence to sentence; a blank line closes
/// every quotation.
#[derive(Default)]
struct QuoteState {
    pos: usize,
    open: bool,
    prev: char,
    line_blank: bool,
}

impl QuoteState {
    /// Advances to byte `to` and tells whether a quotation is open there.
    fn advance(&mut self, text: &str, to: usize) -> bool {
        if to < self.pos {
            return self.open;
        }
        for c in text[self.pos..to].chars() {
            match c {
                '\n' | '\r' => {
                    if self.line_blank && self.prev != '\r' {
                        self.open = false;
                    }
                    self.line_blank = true;
                }
                '“' | '«' => self.open = true,
                '”' | '»' => self.open = false,
                '"' => self.open = self.prev.is_whitespace() || matches!(self.prev, '(' | '[' | '—' | '–' | ':' | '\0'),
                _ => {}
            }
            if !c.is_whitespace() {
                self.line_blank = false;
            }
            self.prev = c;
        }
        self.pos = to;
        self.open
    }
}

/// Length in bytes of a leading dateline: "WARSAW, Poland (AP) — ", "MOSCOW (Reuters) - ", "LONDON — ".
fn dateline_len(s: &str) -> usize {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"^[A-Z][A-Z.'\- ]{2,}(?:,[\p{L}.'\- ]{2,40})?(?:\s*\([A-Za-z.&' ]{1,30}\))?\s*(?:—|–|--|-)\s+",
        )
        .expect("dateline pattern")
    });
    re.find(s).map_or(0, |m| m.end())
}

/// The named speakers seen so far, to resolve pronouns and short references.
#[derive(Default)]
struct Speakers {
    /// The last [`Speakers::MEMORY`] resolved sources in order: name, cue, and whether it names a person.
    seen: std::collections::VecDeque<(String, String, bool)>,
}

/// Nouns for institutions and documents that stand for an earlier source ("the ministry", "the report").
const REFERRING_NOUNS: &[&str] = &[
    "ministry",
    "report",
    "statement",
    "warning",
    "alert",
    "embassy",
    "agency",
    "committee",
    "government",
    "office",
    "department",
    "service",
    "newspaper",
    "paper",
    "post",
    "broadcaster",
    "company",
    "council",
    "court",
];

impl Speakers {
    /// How many earlier sources a reference can reach back to; bounded so that long input stays linear.
    const MEMORY: usize = 64;

    /// Resolves the source written at `src` (bytes of `text`) and records it; the result is always text of the
    /// document.
    fn resolve(&mut self, text: &str, src: Range<usize>, cue: &str) -> String {
        let written = text[src.clone()].to_string();
        let lower = written.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let known = self.seen.iter().any(|s| s.0 == written);
        let resolved = if known {
            None
        } else if words::PRONOUNS.contains(&lower.as_str()) {
            // "he"/"she" go to the last person, "it" to the last institution, "they"/"we" to the last source.
            let person = match lower.as_str() {
                "he" | "she" => Some(true),
                "it" => Some(false),
                _ => None,
            };
            let fits = |s: &&(String, String, bool)| person.is_none_or(|want| s.2 == want);
            self.seen.iter().rev().find(fits).or(self.seen.back()).map(|s| s.0.clone())
        } else if words.len() == 1 && words::capitalized(&written) {
            // A bare surname: the earlier full name ending with it.
            let from =
                (src.start.saturating_sub(20_000)..=src.start).find(|&b| text.is_char_boundary(b)).unwrap_or(src.start);
            self.seen
                .iter()
                .rev()
                .map(|s| &s.0)
                .find(|s| is_person(s) && s.ends_with(&format!(" {written}")))
                .cloned()
                .or_else(|| full_name_in(&text[from..src.start], &written))
        } else if matches!(words.first(), Some(&"the")) && words.len() <= 4 {
            words.iter().find_map(|w| REFERRING_NOUNS.iter().find(|n| **n == *w)).and_then(|noun| {
                self.seen
                    .iter()
                    .rev()
                    .find(|(s, c, _)| {
                        s.to_lowercase().contains(noun) || c.to_lowercase().starts_with(&noun[..noun.len().min(4)])
                    })
                    .map(|s| s.0.clone())
            })
        } else {
            None
        };
        let out = resolved.unwrap_or(written);
        if self.seen.len() == Self::MEMORY {
            self.seen.pop_front();
        }
        // A person: a personal name, a name right after a title ("President Putin"), or a name seen as a person.
        let titled = text[..src.start].trim_end().rsplit(' ').next().is_some_and(attribution::is_title);
        let person =
            personish(&out) || titled || self.seen.iter().any(|s| s.0 == out && s.2) || lower == "he" || lower == "she";
        self.seen.push_back((out.clone(), cue.to_string(), person));
        out
    }
}

/// Words that mark an institution rather than a person.
const INSTITUTION_WORDS: &[&str] = &[
    "ministry",
    "department",
    "service",
    "services",
    "agency",
    "committee",
    "office",
    "group",
    "company",
    "inc",
    "times",
    "post",
    "news",
    "press",
    "house",
    "state",
    "states",
    "government",
    "embassy",
    "council",
    "court",
    "police",
    "army",
    "military",
    "university",
    "institute",
    "bank",
    "association",
    "party",
    "union",
    "commission",
    "fsb",
    "us",
    "u.s.",
    "un",
    "nato",
    "kremlin",
    "pentagon",
    "reuters",
    "ap",
    "bbc",
    "cnn",
    "corp",
    "ltd",
    "team",
    "network",
];

/// Nouns for people, which make a source a person ("A U.S. official", "a security analyst").
const PERSON_NOUNS: &[&str] = &[
    "official",
    "analyst",
    "expert",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "director",
    "chief",
    "leader",
    "researcher",
    "professor",
    "lawyer",
    "attorney",
    "officer",
    "commander",
    "general",
    "senator",
    "governor",
    "mayor",
    "author",
    "scientist",
    "doctor",
    "witness",
    "resident",
    "coach",
    "ceo",
    "founder",
    "man",
    "woman",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "friend",
    "victim",
    "judge",
    "prosecutor",
];

/// Whether a source may be a person: a personal name, a single name that is no institution or acronym
/// ("Putin"), or a noun phrase headed by a person noun ("A U.S. official").
fn personish(s: &str) -> bool {
    let ws: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    let single = ws.len() == 1
        && words::capitalized(s)
        && !s.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        && !INSTITUTION_WORDS.contains(&ws[0].as_str());
    is_person(s) || single || ws.last().is_some_and(|w| PERSON_NOUNS.contains(&w.as_str()))
}

/// Whether a source looks like a person's name: two to four capitalized words, no determiner, no institution word.
fn is_person(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&ws.len())
        && ws.iter().all(|w| words::capitalized(w))
        && !ws.iter().any(|w| {
            let l = w.trim_end_matches(['’', '\'', 's']).to_lowercase();
            INSTITUTION_WORDS.contains(&w.to_lowercase().as_str())
                || INSTITUTION_WORDS.contains(&l.as_str())
                || w.contains('’')
                || w.contains('\'')
        })
}

/// The last "Firstname … Surname" written in `before`: up to three capitalized words (initials included, titles
/// not) right before a whole-word `surname`.
fn full_name_in(before: &str, surname: &str) -> Option<String> {
    let toks = words::tokens(before);
    let word = |k: usize| &before[toks[k].r.clone()];
    let last = (0..toks.len()).rev().find(|&k| toks[k].word && word(k) == surname)?;
    // "Firstname [M.] Surname": one given name, optionally an initial; a longer run of capitals is more likely a
    // title or a place ("envoy to Ukraine Kurt Volker").
    let mut first = last;
    let mut n = 0;
    while first > 0 && n < 1 {
        // Words are separated by a single space; an initial is a capital and its stop ("Colin P. Clarke").
        let mut k = first - 1;
        let end = toks[k].r.end;
        if !toks[k].word
            && &before[toks[k].r.clone()] == "."
            && k > 0
            && toks[k - 1].word
            && word(k - 1).chars().count() == 1
            && toks[k - 1].r.end == toks[k].r.start
        {
            k -= 1;
        }
        let w = word(k);
        let gap = &before[end..toks[first].r.start];
        if !toks[k].word || gap != " " || !words::capitalized(w) || attribution::is_title(w) {
            break;
        }
        if k + 1 == first {
            n += 1;
        }
        first = k;
    }
    (first < last).then(|| before[toks[first].r.start..toks[last].r.end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, source, cue, quote, rule) of each claim.
    type Found = (String, Option<String>, Option<String>, bool, String);

    fn claims(text: &str) -> Vec<Found> {
        let model = TextModel::new(text);
        let chrome = super::super::boilerplate::classify(&model);
        detect(&model, &chrome)
            .into_iter()
            .map(|s| {
                let t = crate::text::slice_chars(text, s.start, s.end).unwrap().to_string();
                let get = |k: &str| s.attrs.get(k).and_then(|v| v.as_str()).map(str::to_string);
                (t, get("source"), get("cue"), s.attrs.get("quote").is_some(), s.rule.unwrap())
            })
            .collect()
    }

    #[test]
    fn full_names_before_a_surname() {
        assert_eq!(
            full_name_in("Putin said so. Russian President Vladimir V. Putin left", "Putin").as_deref(),
            Some("Vladimir V. Putin")
        );
        assert_eq!(full_name_in("Olivier Guitta argues", "Guitta").as_deref(), Some("Olivier Guitta"));
        assert_eq!(full_name_in("Guitta argues", "Guitta"), None);
        assert_eq!(full_name_in("", "Guitta"), None);
        assert_eq!(full_name_in("the former envoy to Ukraine Kurt Volker", "Volker").as_deref(), Some("Kurt Volker"));
        assert_eq!(full_name_in("the expert, Guitta", "Guitta"), None);
    }

    #[test]
    fn datelines_are_left_out() {
        assert_eq!(dateline_len("WARSAW, Poland (AP) — The Islamic State group"), "WARSAW, Poland (AP) — ".len());
        assert_eq!(dateline_len("MOSCOW (Reuters) - Police said"), "MOSCOW (Reuters) - ".len());
        assert_eq!(dateline_len("US confirms ISIS behind deadly Moscow concert attack"), 0);
        assert_eq!(dateline_len("IS-K also claimed responsibility"), 0);
    }

    #[test]
    fn pronouns_surnames_and_quotes_resolve_to_named_speakers() {
        let text = "A security expert, Olivier Guitta, argues that there is much to back up the claim.\n\nHe noted that it took place on a Friday.\n\n“The modus operandi of the attack is classic ISIS,” said Guitta, using an acronym. “ISIS-K accuses the Kremlin of having Muslim blood on its hands.”";
        let got = claims(text);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Olivier Guitta"));
        assert_eq!((got[1].1.as_deref(), got[1].2.as_deref()), (Some("Olivier Guitta"), Some("noted")));
        assert_eq!((got[2].1.as_deref(), got[2].3, got[2].4.as_str()), (Some("Olivier Guitta"), true, "claim.quote"));
        assert_eq!((got[3].1.as_deref(), got[3].2.as_deref(), got[3].3), (Some("Olivier Guitta"), None, true));
    }

    #[test]
    fn rhetoric_inside_a_running_quote_is_not_a_claim() {
        let text = "Ukraine’s Foreign Ministry said it rejects the accusations. It said: “The Russian regime has a long history of bloody provocations by its special services …. There are no red lines for Putin’s dictatorship. It is ready to kill its own citizens for political purposes.”";
        let got = claims(text);
        let texts: Vec<&str> = got.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Ukraine’s Foreign Ministry said it rejects the accusations.",
                "It said: “The Russian regime has a long history of bloody provocations by its special services …."
            ]
        );
        assert_eq!(got[1].1.as_deref(), Some("Ukraine’s Foreign Ministry"));
    }

    #[test]
    fn a_quote_closed_by_its_reporting_clause_is_a_claim() {
        let text = "“We expect 20 new models. The lower stance gives Sentra a new look,” said David Kershaw, a vice president.";
        let got = claims(text);
        // The first sentence is judged by its score alone; the one closing the quote is attributed.
        let last = got.last().expect("the closing sentence is a claim");
        assert_eq!(last.0, "The lower stance gives Sentra a new look,” said David Kershaw, a vice president.");
        assert_eq!((last.1.as_deref(), last.2.as_deref(), last.3), (Some("David Kershaw"), Some("said"), true));
    }

    #[test]
    fn hostile_input_is_handled() {
        let junk: String = (0..20_000u32).map(|i| char::from_u32(i * 7919 % 0x2_FFFF).unwrap_or('?')).collect();
        let commas = "said, ".repeat(20_000);
        let many = "“It said so,” said Guitta. He said: “Yes. No.” ".repeat(4_000);
        let quotes = "“He said, ” said X, “".repeat(5_000);
        for t in [junk.as_str(), commas.as_str(), quotes.as_str(), many.as_str(), "\u{0}\u{fffd}said.", "“", "”said X."]
        {
            let model = TextModel::new(t);
            let chrome = super::super::boilerplate::classify(&model);
            for s in detect(&model, &chrome) {
                assert!(s.start < s.end && s.end <= model.offsets.len_chars());
            }
        }
    }

    #[test]
    fn spans_are_code_points_and_skip_the_dateline() {
        let text = "Ünïcödé 🇺🇦 headline\r\n\r\nWARSAW, Poland (AP) — The Islamic State group has claimed responsibility for an attack that killed at least 133 people.\r\n";
        let got = claims(text);
        assert_eq!(
            got.last().unwrap().0,
            "The Islamic State group has claimed responsibility for an attack that killed at least 133 people."
        );
    }

    #[test]
    fn boilerplate_lines_never_hold_claims() {
        let text = "US sees no link between Ukraine and the shooting, says White House\nThe US confirmed this shortly afterward.";
        let model = TextModel::new(text);
        let verdict = |boilerplate| Verdict { boilerplate, rule: "test", why: "".into() };
        let all = detect(&model, &[verdict(false), verdict(false)]);
        assert_eq!(all.len(), 2);
        let some = detect(&model, &[verdict(true), verdict(false)]);
        assert_eq!(some.len(), 1);
        assert_eq!(
            crate::text::slice_chars(text, some[0].start, some[0].end).unwrap(),
            "The US confirmed this shortly afterward."
        );
    }
}
