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
mod cues;
mod ngrams;
mod parsed;
mod score;
mod scorer;
mod speakers;
mod subjects;
mod turns;
mod weights;
mod words;

use super::boilerplate::Verdict;
use crate::annotation::{Span, CLAIM, SOURCE};
use crate::text::TextModel;
use attribution::{attribute, Parsed};
pub use scorer::{KnownScores, Scorer, SharedScorer, PRECISE_ID};
use speakers::Speakers;
use std::ops::Range;
use std::sync::OnceLock;

/// Finds claim sentences outside boilerplate lines. `chrome` has one verdict per line of `model`.
pub fn detect(model: &TextModel, chrome: &[Verdict]) -> Vec<Span> {
    detect_scored(model, chrome, None)
}

/// Like [`detect`], with check-worthiness from `scorer` when one is given (the precise tier): it scores every
/// sentence outside boilerplate in one call, and its threshold decides which unattributed sentences are claims.
/// When it fails, the built-in scores are used.
pub fn detect_scored(model: &TextModel, chrome: &[Verdict], scorer: Option<&SharedScorer>) -> Vec<Span> {
    let text = model.text;
    let external = scorer.and_then(|s| external_scores(model, chrome, s.0.as_ref()));
    let mut doc = Doc {
        model,
        out: Vec::new(),
        speakers: Speakers::default(),
        last_quote: None,
        sources: Vec::new(),
        external: scorer.zip(external.as_ref()).map(|(s, (scores, t))| (s.0.id(), scores.as_slice(), *t)),
    };
    let mut prev_end = 0;
    let mut quotes = QuoteState::default();
    // The sentences of the quotation being read: a sentence that starts inside a quotation joins the run of the
    // one before, so that a quotation attributed once gives its source to every sentence of it.
    let mut run: Vec<Sentence> = Vec::new();
    for (i, r) in model.sentences.iter().enumerate() {
        if doc.out.len() > super::MAX_SPANS {
            break; // the document's span limit: bounded memory on machine-made text
        }
        let open_quote = quotes.advance(text, r.start);
        let adjacent = words::at(text, &(prev_end..r.start)).chars().filter(|&c| c == '\n' || c == '\r').count() <= 2;
        prev_end = r.end;
        if touches_boilerplate(model, chrome, r) {
            doc.flush(&mut run);
            doc.last_quote = None;
            continue;
        }
        let start = r.start + dateline_len(words::at(text, r));
        let s = words::at(text, &(start..r.end));
        let p = if open_quote { Parsed::in_quote(s) } else { Parsed::new(s) };
        let attribution = attribute(&p);
        // A signature standing alone after a quotation ("― Jacklyn Ashley") belongs to the quotation's run.
        let signs = !open_quote
            && run.last().is_some_and(|x: &Sentence| quote_closes(x.p.s))
            && attribution::signature(&p).is_some()
            && p.toks.first().is_some_and(|t| !t.word);
        if !(open_quote || signs) || run.len() >= MAX_RUN {
            doc.flush(&mut run);
        }
        run.push(Sentence { index: i, start, end: r.end, p, attribution, open_quote: open_quote || signs, adjacent });
    }
    doc.flush(&mut run);
    let Doc { mut out, mut sources, .. } = doc;
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

/// Sentences a quotation can run over and still give them its source; a longer run is read in parts.
const MAX_RUN: usize = 64;

/// A resolved source: its name, always text of the document, and where that name is written (bytes).
type Source = (String, Range<usize>);

/// The scorer's scores for every sentence of `model` (NaN for those it was not asked about: in boilerplate) and
/// its threshold; `None` when it fails.
fn external_scores(model: &TextModel, chrome: &[Verdict], scorer: &dyn Scorer) -> Option<(Vec<f64>, f64)> {
    let (asked, sentences): (Vec<usize>, Vec<&str>) = to_score(model, chrome).unzip();
    let got = scorer.score(&sentences).ok().filter(|v| v.len() == sentences.len())?;
    let mut scores = vec![f64::NAN; model.sentences.len()];
    for (i, v) in asked.into_iter().zip(got) {
        scores[i] = v;
    }
    Some((scores, scorer.threshold()))
}

/// The sentences a scorer is asked about, with their index in the model: every one outside boilerplate, without
/// its dateline.
fn to_score<'t, 'x>(model: &'x TextModel<'t>, chrome: &'x [Verdict]) -> impl Iterator<Item = (usize, &'t str)> + 'x {
    let text = model.text;
    model.sentences.iter().enumerate().filter(|(_, r)| !touches_boilerplate(model, chrome, r)).map(move |(i, r)| {
        let start = r.start + dateline_len(words::at(text, r));
        (i, words::at(text, &(start..r.end)))
    })
}

/// The external model a claim's `rule` names ("claim.event+minilm" → "minilm"): the one that scored it.
pub fn scored_by(rule: &str) -> Option<&str> {
    rule.split_once('+').map(|(_, model)| model)
}

/// The sentences of `model` a [`Scorer`] would be asked about (`chrome` as for [`detect`]): for a scorer that
/// runs elsewhere (the browser's worker), whose answers come back as [`KnownScores`].
pub fn sentences_to_score<'t>(model: &TextModel<'t>, chrome: &[Verdict]) -> Vec<&'t str> {
    to_score(model, chrome).map(|(_, s)| s).collect()
}

/// One sentence, parsed, with its own attribution.
struct Sentence<'a> {
    /// Its index in the text model's sentences.
    index: usize,
    /// Where the sentence starts (after any dateline) and ends, bytes of the text.
    start: usize,
    end: usize,
    p: Parsed<'a>,
    attribution: Option<attribution::Attribution>,
    /// It starts inside a quotation opened by an earlier sentence.
    open_quote: bool,
    /// At most one blank line separates it from the sentence before.
    adjacent: bool,
}

/// The claims found so far and what the next sentences need to know.
struct Doc<'m> {
    model: &'m TextModel<'m>,
    out: Vec<Span>,
    speakers: Speakers,
    /// The last sentence's resolved source when it quoted someone, for a quotation continued in a new paragraph.
    last_quote: Option<Source>,
    /// Where each claim's source is written (bytes): one `source` span each, whichever claims name it.
    sources: Vec<Range<usize>>,
    /// The external scorer's id, its score for each sentence of the model and the score a sentence needs to be a
    /// claim without attribution, when one is used.
    external: Option<(&'m str, &'m [f64], f64)>,
}

impl Doc<'_> {
    /// Turns a run of sentences joined by an open quotation into claims. The quotation's source is the first
    /// sentence of the run that quotes a source of its own ("X said: “…", "…,” said X", "“…” ― X"), or, for a
    /// quotation that opens a run without one, the speaker quoted just before ("“…,” X said. “More. Still more.”").
    fn flush(&mut self, run: &mut Vec<Sentence>) {
        let own = |x: &Sentence| x.attribution.as_ref().is_some_and(|a| a.source.is_some());
        let quoting = |x: &Sentence| {
            x.p.has_quote()
                || x.attribution.as_ref().is_some_and(|a| {
                    words::at(x.p.s, &a.cue) == "―"
                        || words::at(x.p.s, &a.cue) == "—"
                        || words::at(x.p.s, &a.cue) == "–"
                })
        };
        let speaker_at = (run.len() > 1).then(|| run.iter().position(|x| own(x) && quoting(x))).flatten();
        let mut resolved: Option<Source> = None;
        let mut speaker: Option<Source> = None;
        if let Some(k) = speaker_at {
            resolved = self.resolve(&run[k]);
            speaker = resolved.clone();
        } else if let Some(first) = run.first() {
            let opens = quote_opens(first.p.s);
            let whole = opens && (run.len() > 1 || quote_closes(first.p.s));
            if whole && first.adjacent && first.attribution.is_none() {
                speaker = self.last_quote.clone();
            }
        }
        for (k, x) in run.drain(..).enumerate() {
            let source = if Some(k) == speaker_at {
                resolved.take()
            } else if own(&x) {
                self.resolve(&x)
            } else {
                None
            };
            self.sentence(x, source, speaker.as_ref());
        }
    }

    /// Resolves the source a sentence names itself, and records where it is written.
    fn resolve(&mut self, x: &Sentence) -> Option<Source> {
        let a = x.attribution.as_ref()?;
        let src = a.source.as_ref()?;
        let cue = words::at(x.p.s, &a.cue);
        let found = self.speakers.resolve(self.model.text, x.start + src.start..x.start + src.end, cue);
        Some(found)
    }

    /// One sentence as a claim, or not: `source` is its own attribution's source, resolved; `speaker` the source
    /// of the quotation it is part of.
    fn sentence(&mut self, x: Sentence, source: Option<Source>, speaker: Option<&Source>) {
        let (model, p, start) = (self.model, &x.p, x.start);
        let s = p.s;
        // Inside a quotation opened by an earlier sentence, a sentence with no source of its own continues the
        // quotation's speaker; with none known, it is someone's rhetoric and not judged.
        let continued = speaker.filter(|_| source.is_none() && (x.open_quote || quote_opens(s)));
        if x.open_quote && source.is_none() && continued.is_none() {
            return;
        }
        // "Caddell continued:" introduces the quotation of the next paragraph.
        let introduces = s.trim_end().ends_with(':');
        if excluded(p, x.attribution.as_ref(), source.is_some()).is_some() {
            // "Clinton said." after a quoted question: the speaker of the quotation that goes on.
            self.last_quote = source.filter(|_| introduces || p.toks.iter().filter(|t| t.word).count() < 3);
            return;
        }
        let chars = model.to_chars(start..x.end);
        let quoted = p.has_quote();
        // The external scorer's score when it gave one, with its id for the rule; the built-in one otherwise.
        let (raw, threshold, by) = match self.external.and_then(|(id, scores, t)| Some((id, *scores.get(x.index)?, t)))
        {
            Some((id, v, t)) if v.is_finite() => (v, t, Some(id)),
            _ => (score::checkworthiness(p, x.attribution.is_some()), weights::THRESHOLD, None),
        };
        let worth = (raw * 100.0).round() / 100.0;
        if let Some(who) = continued {
            // A sentence that opens the quotation itself continues it as a whole; inside, it must be a claim.
            if !quote_opens(s) && !continues_quote(p, raw, threshold) {
                return;
            }
            let span =
                Span::auto(chars, CLAIM, "claim.quote", format!("Continues the quotation of {}", in_sentence(&who.0)));
            let span = self.with_source(span, who, None);
            self.push(span.with_attr("quote", true), worth, by);
            self.last_quote = Some(who.clone());
            return;
        }
        if let Some(a) = &x.attribution {
            let cue = words::at(s, &a.cue);
            let mention = a.source.clone().map(|src| start + src.start..start + src.end);
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
                span = self.with_source(span, source, Some(mention));
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
            self.last_quote = if quoted || introduces { source } else { None };
            self.push(span, worth, by);
            return;
        }
        self.last_quote = None;
        if score::hedge(p).is_some() || raw < threshold {
            return;
        }
        let span = match score::figure(p) {
            Some(f) => Span::auto(chars, CLAIM, "claim.figure", format!("States a figure: {}", words::at(s, &f))),
            None => {
                let verb = score::main_verb(p).map_or("", |v| words::at(s, &v));
                Span::auto(chars, CLAIM, "claim.event", format!("States a checkable fact (verb “{verb}”)"))
            }
        };
        self.push(span, worth, by);
    }

    /// Adds a claim with its score; scored by an external model (`by`), its `rule` names it ("claim.event+minilm",
    /// read back by [`scored_by`]).
    fn push(&mut self, mut span: Span, worth: f64, by: Option<&str>) {
        if let (Some(id), Some(rule)) = (by, span.rule.as_mut()) {
            rule.push('+');
            rule.push_str(id);
        }
        self.out.push(span.with_attr("checkworthiness", worth));
    }

    /// Adds a resolved source to a claim: `source` and where its name is written (`source_start`, `source_end`,
    /// code points), and, when the sentence names it otherwise ("he", "Clarke", "the ministry"), that `mention`
    /// with its offsets too. `at` and `mention` are bytes of the text. Only a source a claim names gets its
    /// `source` span: a sentence that names a speaker but is no claim ("Republicans oppose it." is too short to
    /// check) leaves none.
    fn with_source(&mut self, span: Span, (name, at): &Source, mention: Option<Range<usize>>) -> Span {
        let model = self.model;
        self.sources.push(at.clone());
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
}

/// Why a sentence cannot be a claim ([`score::excluded`]), except that a question someone is quoted asking is
/// reported in a statement ("Trump said: “Did Crooked Hillary …?”", "“…,” the narrator says, “what …?”"), and that
/// a sourced sentence whose cue is a verb has a verb ("Most Republicans oppose the measure.").
fn excluded(p: &Parsed, found: Option<&attribution::Attribution>, sourced: bool) -> Option<&'static str> {
    // "The mayor said:" only introduces the quotation that follows, which is the claim.
    if sourced && p.s.trim_end().ends_with(':') && p.toks.iter().filter(|t| t.word).count() <= 6 {
        return Some("a reporting clause that introduces a quotation");
    }
    let why = score::excluded(p)?;
    let verb_cue = found.is_some_and(|a| cues::lemma_of(&words::at(p.s, &a.cue).to_lowercase()).is_some());
    if sourced && verb_cue && why == score::NO_VERB {
        return None;
    }
    let asked_in_quote = sourced
        && p.toks.iter().rev().find(|t| !t.word && words::at(p.s, &t.r) == "?").is_some_and(|t| p.hidden_at_tok(t));
    (why != "a question" || !asked_in_quote).then_some(why)
}

/// Whether a sentence inside someone's quotation is a claim of theirs: on the terms of any other sentence (no
/// speculation or commentary, check-worthy enough), so that rhetoric inside a long quote stays out.
fn continues_quote(p: &Parsed, raw: f64, threshold: f64) -> bool {
    score::hedge(p).is_none() && raw >= threshold
}

/// Whether a sentence opens with a quotation mark.
fn quote_opens(s: &str) -> bool {
    s.starts_with(['“', '"', '«']) || s.starts_with("''") || s.starts_with("``")
}

/// Whether a sentence ends with a closing quotation mark.
fn quote_closes(s: &str) -> bool {
    s.ends_with(['”', '"', '»']) || s.ends_with("''")
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
    let found = attribute(&p);
    let gate = if excluded(&p, found.as_ref(), found.as_ref().is_some_and(|a| a.source.is_some())).is_some() {
        "excluded"
    } else if found.is_some() {
        "attributed"
    } else if score::hedge(&p).is_some() {
        "hedged"
    } else {
        "scored"
    };
    let grams = ngrams::grams(&p);
    (gate, score::features(&p, found.is_some()), grams.words, grams.chars)
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
    /// The character before `prev`.
    prev2: char,
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
                '"' => self.open = opens_after(self.prev),
                // Two apostrophes: a double quote, opening or closing by what stands before them.
                '\'' if self.prev == '\'' => self.open = opens_after(self.prev2),
                '`' if self.prev == '`' => self.open = true,
                _ => {}
            }
            if !c.is_whitespace() {
                self.line_blank = false;
            }
            self.prev2 = self.prev;
            self.prev = c;
        }
        self.pos = to;
        self.open
    }
}

/// Whether a straight quotation mark after `c` opens a quotation (else it closes one).
fn opens_after(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '―' | ':' | '\0')
}

/// Length in bytes of a leading dateline: "WARSAW, Poland (AP) — ", "MOSCOW (Reuters) - ", "LONDON — ".
fn dateline_len(s: &str) -> usize {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            // Letters are word characters that are not digits or `_` (`\p{L}` would need regex's general-category
            // tables, which the build leaves out to keep the wasm small).
            r"^[A-Z][A-Z.'\- ]{2,}(?:,[[\w&&[^\d_]].'\- ]{2,40})?(?:\s*\([A-Za-z.&' ]{1,30}\))?\s*(?:—|–|--|-)\s+",
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
    fn sentences_inside_an_attributed_quote_carry_its_source() {
        // Attributed at its start: each sentence of the quotation that is a claim quotes the ministry; rhetoric
        // under the check-worthiness threshold stays out.
        let text = "Ukraine’s Foreign Ministry said it rejects the accusations. It said: “The Russian regime has a long history of bloody provocations by its special services …. There are no red lines for Putin’s dictatorship. It is ready to kill its own citizens for political purposes.”";
        let got = claims(text);
        let texts: Vec<&str> = got.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Ukraine’s Foreign Ministry said it rejects the accusations.",
                "It said: “The Russian regime has a long history of bloody provocations by its special services ….",
                "There are no red lines for Putin’s dictatorship."
            ]
        );
        for c in &got[1..] {
            assert_eq!((c.1.as_deref(), c.3, c.4.as_str()), (Some("Ukraine’s Foreign Ministry"), true, "claim.quote"));
        }
        assert_eq!(got[2].2, None, "a continued quotation has no cue of its own");
        // Attributed at its end, in the style of two apostrophes, and signed after a dash.
        let who =
            |text: &str| -> Vec<(String, Option<String>)> { claims(text).into_iter().map(|c| (c.0, c.1)).collect() };
        let some = |s: &str| Some(s.to_string());
        let text = "Officials met on Monday.\n\n''The plan would raise $1.1 trillion over a decade. It would cut taxes for 40 million families,'' said Leonard Burman, a former Treasury official.";
        assert_eq!(
            who(text),
            [
                ("''The plan would raise $1.1 trillion over a decade.".to_string(), some("Leonard Burman")),
                (
                    "It would cut taxes for 40 million families,'' said Leonard Burman, a former Treasury official."
                        .to_string(),
                    some("Leonard Burman")
                ),
            ]
        );
        let text = "Officials met on Monday.\n\n“Unemployment fell to 3.5 percent in May. Wages rose 4 percent.” ― Maria Lopez";
        assert_eq!(
            who(text),
            [
                ("“Unemployment fell to 3.5 percent in May.".to_string(), some("Maria Lopez")),
                ("Wages rose 4 percent.”".to_string(), some("Maria Lopez")),
            ]
        );
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
