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
//! Each source's name, where it is written, also gets a `source` span (`claim.source`), which the claims'
//! `source_start`/`source_end` point at, so that a `said-by` relation can link the two
//! ([`crate::annotation::said_by`]).
//!
//! Sources are resolved across the document so that `source` is always text of the document: pronouns go to the
//! last named speaker, a bare surname to the earlier full name, "the ministry"/"the report" to the earlier source
//! they name.

mod attribution;
mod ngrams;
mod score;
mod speakers;
mod turns;
mod weights;
mod words;

use super::boilerplate::Verdict;
use crate::annotation::{Span, CLAIM, SOURCE};
use crate::text::TextModel;
use attribution::{attribute, Parsed};
use speakers::Speakers;
use std::ops::Range;
use std::sync::OnceLock;

/// Finds claim sentences outside boilerplate lines. `chrome` has one verdict per line of `model`.
pub fn detect(model: &TextModel, chrome: &[Verdict]) -> Vec<Span> {
    let text = model.text;
    let mut out = Vec::new();
    let mut speakers = Speakers::default();
    // The previous sentence's resolved source when it quoted someone, for quotations running over sentences.
    let mut last_quote: Option<(String, Range<usize>)> = None;
    let mut prev_end = 0;
    let mut quotes = QuoteState::default();
    // Where each claim's source is written (bytes): one `source` span each, whichever claims name it.
    let mut sources: Vec<Range<usize>> = Vec::new();
    for r in &model.sentences {
        if out.len() > super::MAX_SPANS {
            break; // the document's span limit: bounded memory on machine-made text
        }
        let open_quote = quotes.advance(text, r.start);
        let adjacent = words::at(text, &(prev_end..r.start)).chars().filter(|&c| c == '\n' || c == '\r').count() <= 2;
        prev_end = r.end;
        if touches_boilerplate(model, chrome, r) {
            last_quote = None;
            continue;
        }
        let start = r.start + dateline_len(words::at(text, r));
        let s = words::at(text, &(start..r.end));
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
        let raw = score::checkworthiness(&p, attribution.is_some());
        let worth = (raw * 100.0).round() / 100.0;
        if let Some(a) = attribution {
            let cue = words::at(s, &a.cue);
            let mention = a.source.map(|src| start + src.start..start + src.end);
            let source = mention.clone().map(|m| speakers.resolve(text, m, cue));
            let mut span = match (&source, quoted) {
                (Some((who, _)), true) => Span::auto(
                    chars,
                    CLAIM,
                    "claim.quote",
                    format!("Quotes {} directly (cue “{cue}”)", in_sentence(who)),
                ),
                (Some((who, _)), false) => Span::auto(
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
            if let (Some(source), Some(mention)) = (&source, mention) {
                span = with_source(span, model, source, Some(mention));
                sources.push(source.1.clone());
            }
            let cue_at = model.to_chars(start + a.cue.start..start + a.cue.end);
            span = span
                .with_attr("cue", cue)
                .with_attr("cue_start", cue_at.start)
                .with_attr("cue_end", cue_at.end)
                .with_attr("cue_kind", attribution::cue_kind(cue));
            if quoted && source.is_some() {
                span = span.with_attr("quote", true);
            }
            last_quote = if quoted { source } else { None };
            out.push(span.with_attr("checkworthiness", worth));
            continue;
        }
        let whole_quote = s.starts_with(['“', '"']) && s.ends_with(['”', '"']);
        if let (true, true, Some(who)) = (whole_quote, adjacent, last_quote.clone()) {
            let span =
                Span::auto(chars, CLAIM, "claim.quote", format!("Continues the quotation of {}", in_sentence(&who.0)));
            out.push(with_source(span, model, &who, None).with_attr("quote", true).with_attr("checkworthiness", worth));
            continue;
        }
        last_quote = None;
        if score::hedge(&p).is_some() || raw < weights::THRESHOLD {
            continue;
        }
        let span = match score::figure(&p) {
            Some(f) => Span::auto(chars, CLAIM, "claim.figure", format!("States a figure: {}", words::at(s, &f))),
            None => {
                let verb = score::main_verb(&p).map_or("", |v| words::at(s, &v));
                Span::auto(chars, CLAIM, "claim.event", format!("States a checkable fact (verb “{verb}”)"))
            }
        };
        out.push(span.with_attr("checkworthiness", worth));
    }
    sources.sort_by_key(|r| (r.start, r.end));
    sources.dedup();
    for at in sources {
        let name = words::at(text, &at);
        out.push(Span::auto(
            model.to_chars(at),
            SOURCE,
            "claim.source",
            format!("Named as the source of a claim: {name}"),
        ));
    }
    out
}

/// Adds a resolved source to a claim: `source` and where its name is written (`source_start`, `source_end`, code
/// points), and, when the sentence names it otherwise ("he", "Clarke", "the ministry"), that `mention` with its
/// offsets too. `at` and `mention` are bytes of the text.
fn with_source(
    span: Span,
    model: &TextModel,
    (name, at): &(String, Range<usize>),
    mention: Option<Range<usize>>,
) -> Span {
    let at_chars = model.to_chars(at.clone());
    let mut span = span
        .with_attr("source", name.as_str())
        .with_attr("source_start", at_chars.start)
        .with_attr("source_end", at_chars.end);
    if let Some(m) = mention.filter(|m| m != at) {
        let m_chars = model.to_chars(m.clone());
        span = span
            .with_attr("mention", words::at(model.text, &m))
            .with_attr("mention_start", m_chars.start)
            .with_attr("mention_end", m_chars.end);
    }
    span
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
    (gate, score::features(&p, attribute(&p).is_some()), grams.words, grams.chars)
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
        for c in words::at(text, &(self.pos..to)).chars() {
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
            .filter(|s| s.label == CLAIM)
            .map(|s| {
                let t = crate::text::slice_chars(text, s.start, s.end).unwrap().to_string();
                let get = |k: &str| s.attrs.get(k).and_then(|v| v.as_str()).map(str::to_string);
                (t, get("source"), get("cue"), s.attrs.get("quote").is_some(), s.rule.unwrap())
            })
            .collect()
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
    fn sources_mentions_and_cues_have_offsets() {
        let text = "A security expert, Olivier Guitta, argues that there is much to back up the claim.\n\nHe noted that it took place on a Friday.\n\n“The modus operandi of the attack is classic ISIS,” said Guitta. “ISIS-K accuses the Kremlin.”\n\nThe Kremlin wrote that it was a provocation.";
        let model = TextModel::new(text);
        let spans = detect(&model, &super::super::boilerplate::classify(&model));
        let at = |s: &Span, key: &str| -> Option<String> {
            let n = |k: String| s.attrs.get(&k).and_then(serde_json::Value::as_u64).map(|v| v as usize);
            let (a, b) = (n(format!("{key}_start"))?, n(format!("{key}_end"))?);
            Some(crate::text::slice_chars(text, a, b).unwrap().to_string())
        };
        let str_attr = |s: &Span, k: &str| s.attrs.get(k).and_then(|v| v.as_str()).map(str::to_string);
        // (source, where the source's name is written, the mention when it differs, cue at its offsets, cue kind)
        let (claims, sources): (Vec<Span>, Vec<Span>) = spans.into_iter().partition(|s| s.label == CLAIM);
        let got: Vec<_> = claims
            .iter()
            .map(|s| (str_attr(s, "source"), at(s, "source"), at(s, "mention"), at(s, "cue"), str_attr(s, "cue_kind")))
            .collect();
        let some = |x: &str| Some(x.to_string());
        let guitta = (some("Olivier Guitta"), some("Olivier Guitta"));
        assert_eq!(
            got,
            [
                (guitta.0.clone(), guitta.1.clone(), None, some("argues"), some("speech")),
                (guitta.0.clone(), guitta.1.clone(), some("He"), some("noted"), some("speech")),
                (guitta.0.clone(), guitta.1.clone(), some("Guitta"), some("said"), some("speech")),
                // A quote continued: the source, no cue of its own.
                (guitta.0.clone(), guitta.1.clone(), None, None, None),
                (some("The Kremlin"), some("The Kremlin"), None, some("wrote"), some("writing")),
            ]
        );
        // The resolved name is the first mention, not a later copy of it.
        let first = claims[1].attrs["source_start"].as_u64().unwrap() as usize;
        assert_eq!(first, text.chars().position(|c| c == 'O').unwrap());
        // One source span per name where it is written, whichever claims name it; each claim links to its own.
        let names: Vec<&str> =
            sources.iter().map(|s| crate::text::slice_chars(text, s.start, s.end).unwrap()).collect();
        assert_eq!(names, ["Olivier Guitta", "The Kremlin"]);
        let mut all = claims.clone();
        all.extend(sources.iter().cloned());
        let links = crate::annotation::said_by(&all, &[]);
        assert_eq!(links.len(), 5);
        assert_eq!(links.iter().filter(|r| r.to == sources[0].id).count(), 4);
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
        let claims_of = |v: &[Verdict]| detect(&model, v).into_iter().filter(|s| s.label == CLAIM).collect::<Vec<_>>();
        let all = claims_of(&[verdict(false), verdict(false)]);
        assert_eq!(all.len(), 2);
        let some = claims_of(&[verdict(true), verdict(false)]);
        assert_eq!(some.len(), 1);
        assert_eq!(
            crate::text::slice_chars(text, some[0].start, some[0].end).unwrap(),
            "The US confirmed this shortly afterward."
        );
    }
}
