//! Attribution: who a sentence reports (`source`), with which reporting expression (`cue`), and whether it
//! quotes them. Ranges are byte ranges into the sentence; resolving pronouns and bare surnames to a named
//! speaker needs the whole document and happens in [`super`].
//!
//! Several attributions can stack in one sentence; the outermost wins, in this order:
//! 1. a leading "According to X, …";
//! 2. a trailing reporting clause: "…, X said." / "…,” said X, a …" / "…, as stated by X.";
//! 3. the reporting verb of the main clause: "X, a …, said that …", "X has claimed responsibility", with a
//!    passive "… has been claimed by X" and a participle "…, warning of …" taking the clause's subject;
//! 4. an embedded "according to X";
//! 5. "reportedly" (a cue without a source).
//!
//! Reporting verbs inside quotes, parentheses, leading adverbial clauses ("Despite the US confirming …,") and
//! relative clauses (", which claimed the lives …") do not count.

use super::words::{at, capitalized, verbish, Tok, AUX, DETERMINERS, PRONOUNS};
use std::ops::Range;

/// What a sentence's attribution found, as byte ranges into the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attribution {
    /// The speaker as written, titles and descriptors dropped; `None` for "reportedly".
    pub source: Option<Range<usize>>,
    /// The reporting expression as written, auxiliaries dropped.
    pub cue: Range<usize>,
}

/// Reporting verbs (bare forms); their inflections are recognised too.
const CUE_VERBS: &[&str] = &[
    "say",
    "tell",
    "claim",
    "confirm",
    "state",
    "report",
    "announce",
    "deny",
    "dismiss",
    "denounce",
    "warn",
    "blame",
    "note",
    "suggest",
    "argue",
    "reveal",
    "emphasize",
    "emphasise",
    "observe",
    "inform",
    "advise",
    "accuse",
    "allege",
    "insist",
    "add",
    "explain",
    "stress",
    "acknowledge",
    "admit",
    "assert",
    "declare",
    "write",
    "tweet",
    "highlight",
    "urge",
    "contend",
    "estimate",
    "predict",
    "concede",
    "caution",
    "testify",
    "reiterate",
    "vow",
    "pledge",
    "dispute",
    "reject",
    "condemn",
    "disclose",
    "maintain",
    "conclude",
    "describe",
    "mention",
    "remark",
    "complain",
    // Findings, beliefs and intentions with a clear holder (`cue_kind` tells them apart): they report only with a
    // complement (WEAK_CUES), an intention also before "to".
    "show",
    "find",
    "agree",
    "recall",
    "believe",
    "think",
    "want",
    "plan",
    "promise",
    "intend",
];

/// Reporting verbs that are as often plain actions ("add the juice", "wrote songs"); they report only before
/// "that", a colon, a comma or a quotation, or at the end of the sentence.
const WEAK_CUES: &[&str] = &[
    "write", "add", "maintain", "tweet", "conclude", "testify", "show", "find", "agree", "recall", "believe", "think",
    "want", "plan", "promise", "intend",
];

/// Intentions, which take "to" as their complement ("wants to build", "plans to sue").
const INTENTIONS: &[&str] = &["want", "plan", "promise", "intend", "vow", "pledge"];

/// Beliefs and findings: what someone holds or found rather than said.
const BELIEFS: &[&str] = &["believe", "think", "agree", "show", "find"];

/// What kind of act a cue reports: `writing` for written words ("wrote", "tweeted", "in a statement"),
/// `belief` for what someone holds or found ("believes", "a poll shows"), `intention` for what they mean to do
/// ("wants to", "plans to"), else `speech`.
pub(crate) fn cue_kind(cue: &str) -> &'static str {
    let lower = cue.to_lowercase();
    let lemma = lower.split_whitespace().find_map(lemma_of);
    const WRITTEN: &[&str] = &["writ", "wrote", "tweet", "post", "publish", "statement", "report", "letter", "memo"];
    match lemma {
        Some(l) if INTENTIONS.contains(&l) => "intention",
        Some(l) if BELIEFS.contains(&l) => "belief",
        _ if WRITTEN.iter().any(|w| lower.contains(w)) => "writing",
        _ => "speech",
    }
}

/// Irregular forms of the reporting verbs.
const CUE_IRREGULAR: &[(&str, &str)] = &[("said", "say"), ("told", "tell"), ("wrote", "write"), ("written", "write")];

/// Multi-word reporting expressions, kept whole as the cue.
const CUE_PHRASES: &[&[&str]] = &[
    &["quoted", "as", "saying"],
    &["taken", "responsibility"],
    &["took", "responsibility"],
    &["take", "responsibility"],
    &["takes", "responsibility"],
    &["cast", "blame"],
    &["casts", "blame"],
    &["pointing", "the", "finger"],
    &["pointed", "the", "finger"],
    &["point", "the", "finger"],
    &["issued", "a", "warning"],
    &["issues", "a", "warning"],
    &["points", "to"],
    &["pointed", "to"],
];

/// Words that open a leading adverbial clause or phrase; reporting verbs inside it are not the main clause's.
const ADVERBIAL_OPENERS: &[&str] = &[
    "despite",
    "though",
    "although",
    "while",
    "after",
    "before",
    "when",
    "since",
    "because",
    "as",
    "if",
    "in",
    "on",
    "at",
    "following",
    "amid",
    "amidst",
    "during",
    "with",
    "without",
    "by",
    "shortly",
    "additionally",
    "however",
    "overall",
    "meanwhile",
    "unlike",
    "like",
    "from",
    "until",
    "once",
    "whereas",
    "for",
    "under",
    "over",
    "to",
];

/// Modals: a report under one is hypothetical.
const MODALS: &[&str] = &["could", "would", "might", "may", "will", "should", "can", "must", "shall"];

/// Conjunctions and sentence adverbs that open a segment without being part of a subject.
const CONJUNCTIONS: &[&str] = &[
    "but",
    "and",
    "or",
    "so",
    "yet",
    "then",
    "also",
    "plus",
    "still",
    "now",
    "indeed",
    "moreover",
    "furthermore",
    "besides",
    "instead",
];

/// Subordinators that may open the clause holding a report: "though VW says …", "while Google says …".
const SUBORDINATORS: &[&str] =
    &["though", "although", "while", "because", "since", "as", "if", "when", "whereas", "but", "and", "so"];

/// Words that open a relative or subordinate clause inside a sentence.
const RELATIVES: &[&str] = &["which", "who", "whom", "whose", "where", "that", "whereby"];

/// Titles dropped in front of a name ("Russian President Putin" → "Putin").
const TITLES: &[&str] = &[
    "president",
    "minister",
    "gen.",
    "gen",
    "general",
    "sen.",
    "senator",
    "rep.",
    "representative",
    "gov.",
    "governor",
    "mayor",
    "chancellor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "director",
    "chief",
    "commissioner",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "pope",
    "dr.",
    "dr",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "prof.",
    "professor",
    "lt.",
    "col.",
    "colonel",
    "captain",
    "sheikh",
    "premier",
    "leader",
    "chairman",
    "ceo",
];

/// Whether the word is a title dropped before a name.
pub(crate) fn is_title(w: &str) -> bool {
    TITLES.contains(&w.to_lowercase().as_str())
}

/// Prepositions and conjunctions that may sit inside a name-like noun phrase ("the U.S. Embassy in Moscow").
const NP_GLUE: &[&str] = &["of", "in", "for", "and", "at", "on", "de", "the", "&"];

/// One sentence's tokens with what the attribution rules need to know about each.
pub(crate) struct Parsed<'a> {
    pub s: &'a str,
    pub toks: Vec<Tok>,
    /// Inside a quotation or parentheses.
    pub hidden: Vec<bool>,
    /// Index of the top-level segment (split at `,` `;` `:` dashes and closing quotes) each token belongs to.
    pub seg: Vec<usize>,
    /// Token ranges of the segments, indexed by segment number.
    pub segs: Vec<Range<usize>>,
    /// Most words are capitalized: a title-case headline.
    pub title_case: bool,
    /// The sentence starts inside a quotation.
    pub in_quote: bool,
}

impl<'a> Parsed<'a> {
    /// Parses a sentence that starts outside any quotation.
    pub fn new(s: &'a str) -> Parsed<'a> {
        Parsed::parse(s, false)
    }

    /// Parses a sentence that starts inside a quotation opened by an earlier sentence.
    pub fn in_quote(s: &'a str) -> Parsed<'a> {
        Parsed::parse(s, true)
    }

    fn parse(s: &'a str, in_quote: bool) -> Parsed<'a> {
        let toks = super::words::tokens(s);
        let mut hidden = Vec::with_capacity(toks.len());
        let mut seg = Vec::with_capacity(toks.len());
        let (mut quote, mut paren, mut n) = (in_quote, 0usize, 0usize);
        let mut single = false;
        for (i, t) in toks.iter().enumerate() {
            let c = at(s, &t.r).chars().next().unwrap_or(' ');
            let mut boundary = false;
            if !t.word {
                match c {
                    '“' | '«' => quote = true,
                    '”' | '»' => {
                        quote = false;
                        single = false;
                        boundary = true;
                    }
                    // Single quotes (British style) open only at a word start and close only when a single
                    // quote is open, so that apostrophes ("jihadists’ claim") are left alone.
                    '‘' if !quote && (i == 0 || t.r.start > toks[i - 1].r.end || !toks[i - 1].word) => {
                        quote = true;
                        single = true;
                    }
                    // A closing single quote follows punctuation (",’") or precedes it ("’,"); between two words
                    // it is an apostrophe ("jihadists’ claim").
                    '’' if single && (i > 0 && !toks[i - 1].word || toks.get(i + 1).is_none_or(|n| !n.word)) => {
                        quote = false;
                        single = false;
                        boundary = true;
                    }
                    '"' => {
                        let opening = i == 0 || t.r.start > toks[i - 1].r.end || !toks[i - 1].word && !quote;
                        quote = opening;
                        boundary = !opening;
                    }
                    '(' | '[' => paren += 1,
                    ')' | ']' => paren = paren.saturating_sub(1),
                    ',' | ';' | ':' | '—' | '–' if !quote && paren == 0 => boundary = true,
                    _ => {}
                }
            }
            hidden.push(quote || paren > 0 || !t.word && (matches!(c, '”' | '»' | ')' | ']') || boundary && c == '’'));
            seg.push(n);
            if boundary {
                n += 1;
            }
        }
        let words: Vec<&str> = toks.iter().filter(|t| t.word).map(|t| at(s, &t.r)).collect();
        let caps = words.iter().filter(|w| capitalized(w) || w.chars().all(|c| !c.is_alphabetic())).count();
        let title_case = words.len() >= 3 && caps * 10 >= words.len() * 7;
        let mut segs: Vec<Range<usize>> = Vec::new();
        for (i, &k) in seg.iter().enumerate() {
            if k == segs.len() {
                segs.push(i..i + 1);
            } else {
                segs[k].end = i + 1;
            }
        }
        Parsed { s, toks, hidden, seg, segs, title_case, in_quote }
    }

    fn word(&self, i: usize) -> &'a str {
        at(self.s, &self.toks[i].r)
    }

    fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }

    fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].word
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.toks.len() && !self.toks[i].word && at(self.s, &self.toks[i].r).starts_with(c)
    }

    fn span(&self, a: usize, b: usize) -> Range<usize> {
        self.toks[a].r.start..self.toks[b - 1].r.end
    }

    /// Token index range of segment `k`.
    fn segment(&self, k: usize) -> Range<usize> {
        self.segs.get(k).cloned().unwrap_or(self.toks.len()..self.toks.len())
    }

    /// Whether the token starting at byte `at` is inside a quotation or parentheses.
    pub fn hidden_at(&self, at: usize) -> bool {
        self.toks.iter().position(|t| t.r.start == at).is_some_and(|i| self.hidden[i])
    }

    /// Whether the sentence contains a quotation of at least one word (double quotes, straight or curly).
    pub fn has_quote(&self) -> bool {
        self.in_quote && self.toks.first().is_some_and(|t| t.word)
            || (0..self.toks.len()).any(|i| {
                self.hidden[i]
                    && self.toks[i].word
                    && at(self.s, &(0..self.toks[i].r.start)).rfind(['“', '"', '«', '‘'])
                        > at(self.s, &(0..self.toks[i].r.start)).rfind(['(', '['])
            })
    }
}

/// Length in words of the cue starting at token `i`, if one starts there.
fn cue_at(p: &Parsed, i: usize) -> Option<usize> {
    if !p.is_word(i) || p.hidden[i] {
        return None;
    }
    let w = p.lower(i);
    if !p.title_case && capitalized(p.word(i)) && i > 0 {
        return None;
    }
    for phrase in CUE_PHRASES {
        if (0..phrase.len()).all(|k| p.is_word(i + k) && p.lower(i + k) == phrase[k]) {
            return Some(phrase.len());
        }
    }
    let lemma = lemma_of(&w)?;
    // Nouns: "the claim", "jihadists’ claim", "the U.S. warning", "a report".
    let prev = i.checked_sub(1).filter(|&k| p.is_word(k)).map(|k| p.lower(k));
    // An infinitive ("I'd like to mention") or a negated report ("He didn’t mention IS") reports nothing.
    if prev.as_deref() == Some("to") {
        return None;
    }
    // A modal makes it hypothetical: "VW says it could add", "I would have said".
    let mut k = i;
    while k > 0 && p.is_word(k - 1) && is_between(&p.lower(k - 1)) {
        if MODALS.contains(&p.lower(k - 1).as_str()) {
            return None;
        }
        k -= 1;
    }
    if (1..=2).any(|d| {
        i >= d && p.is_word(i - d) && {
            let x = p.lower(i - d);
            matches!(x.as_str(), "not" | "never") || x.ends_with("n't") || x.ends_with("n’t")
        }
    }) {
        return None;
    }
    if let Some(prev) = &prev {
        let possessive = prev.ends_with("’s") || prev.ends_with("'s") || prev.ends_with('’') || prev.ends_with('\'');
        if DETERMINERS.contains(&prev.as_str()) && prev != "that" || possessive {
            return None;
        }
    }
    if w.ends_with("ing") {
        if !is_speech(&w) {
            // "…, suggesting that …" infers; only speech participles report.
            return None;
        }
        // A participle reports only right after a comma or a time ("on March 7 saying"); "warning" only after a
        // comma, since "the March 7 warning" is a noun.
        let after_comma = i > 0 && p.is_punct(i - 1, ',');
        let ok = after_comma
            || w != "warning"
                && prev.as_ref().is_some_and(|x| x.chars().all(|c| c.is_ascii_digit()) || !capitalized(p.word(i - 1)));
        if !ok {
            return None;
        }
    } else if matches!(
        lemma,
        "claim" | "state" | "report" | "note" | "warn" | "post" | "blame" | "estimate" | "highlight" | "dispute"
    ) && !(w.ends_with('s') || w.ends_with("ed"))
    {
        // Bare forms of words that are mostly nouns ("claim", "report") count only after a subject pronoun or
        // a plural noun: "they claim", "officials report".
        // In a title-case headline "Islamic State Claim Responsibility" the bare verb follows its subject; "State",
        // "Post", "Report" and "Note" are too often parts of names to count there.
        let headline_subject = p.title_case
            && i > 0
            && capitalized(p.word(i - 1))
            && !matches!(lemma, "state" | "post" | "report" | "note");
        if !headline_subject && !prev.as_ref().is_some_and(|x| PRONOUNS.contains(&x.as_str()) || x.ends_with('s')) {
            return None;
        }
    }
    // Verbs that report only with a complement: "wrote that …", "added: …", not "wrote hundreds of songs".
    if WEAK_CUES.contains(&lemma) {
        let next = p.toks.get(i + 1).map(|t| at(p.s, &t.r)).unwrap_or("");
        let inverted = i > 0 && !p.toks[i - 1].word && matches!(at(p.s, &p.toks[i - 1].r), "," | "”" | "\"");
        let intention = INTENTIONS.contains(&lemma) && next == "to";
        if !(inverted
            || intention
            || matches!(next, "that" | ":" | "," | "“" | "\"" | "‘")
            || next.is_empty()
            || next == ".")
        {
            return None;
        }
    }
    // "claimed the lives of …" is not a claim of responsibility.
    if lemma == "claim"
        && p.is_word(i + 1)
        && matches!(p.lower(i + 1).as_str(), "the" | "lives")
        && p.is_word(i + 2)
        && p.lower(i + 2).starts_with("li")
    {
        return None;
    }
    Some(1)
}

/// The reporting-verb lemma of a lowercase word, if it is one (an irregular form or an inflection).
fn lemma_of(w: &str) -> Option<&'static str> {
    CUE_IRREGULAR.iter().find(|(f, _)| *f == w).map(|(_, l)| *l).or_else(|| super::words::lemma_in(w, CUE_VERBS))
}

/// Finds the sentence's attribution, if any. The speaker reporting themselves ("I said that years ago", "Let me
/// tell you") or a demonstrative ("That says something") is no source.
pub(crate) fn attribute(p: &Parsed) -> Option<Attribution> {
    let found = super::turns::speaker_label(p)
        .or_else(|| leading_according(p))
        .or_else(|| trailing_report(p))
        .or_else(|| main_clause(p))
        .or_else(|| embedded_according(p))
        .or_else(|| reportedly(p))?;
    if let Some(src) = &found.source {
        let first_person = super::words::tokens(at(p.s, src)).iter().any(|t| {
            let written = at(p.s, &(src.start + t.r.start..src.start + t.r.end));
            // "US" is the country, "us" the speaker.
            let w = if written.len() > 1 && written.chars().all(|c| !c.is_lowercase()) {
                String::new()
            } else {
                written.to_lowercase()
            };
            matches!(w.as_str(), "i" | "me" | "we" | "us" | "you" | "i've" | "i’ve" | "we've" | "we’ve" | "let")
        });
        let demonstrative = matches!(at(p.s, src).to_lowercase().as_str(), "that" | "this" | "which" | "what" | "who");
        if first_person || demonstrative {
            return None;
        }
    }
    Some(found)
}

/// Index of "according to" starting at `i`.
fn according_at(p: &Parsed, i: usize) -> bool {
    p.is_word(i + 1) && !p.hidden[i] && p.lower(i) == "according" && p.lower(i + 1) == "to"
}

/// The noun phrase from token `a` up to the end of its segment (or sentence), without final punctuation.
fn np_until_segment_end(p: &Parsed, a: usize) -> Option<Range<usize>> {
    let mut b = a;
    while b < p.toks.len()
        && p.seg[b] == p.seg[a]
        && (p.toks[b].word || p.is_punct(b, '’') || p.is_punct(b, '\'') || p.is_punct(b, '&'))
    {
        b += 1;
    }
    (b > a).then(|| p.span(a, b))
}

fn leading_according(p: &Parsed) -> Option<Attribution> {
    if !according_at(p, 0) {
        return None;
    }
    let source = np_until_segment_end(p, 2)?;
    Some(Attribution { source: Some(source), cue: p.span(0, 2) })
}

fn embedded_according(p: &Parsed) -> Option<Attribution> {
    let i = (1..p.toks.len()).find(|&i| according_at(p, i))?;
    let source = np_until_segment_end(p, i + 2)?;
    Some(Attribution { source: Some(source), cue: p.span(i, i + 2) })
}

fn reportedly(p: &Parsed) -> Option<Attribution> {
    let i = (0..p.toks.len()).find(|&i| p.is_word(i) && !p.hidden[i] && p.lower(i) == "reportedly")?;
    Some(Attribution { source: None, cue: p.toks[i].r.clone() })
}

/// "…, officials said." / "…,” said Colin P. Clarke, a …" / "…, as stated by a U.S. official."
fn trailing_report(p: &Parsed) -> Option<Attribution> {
    let nseg = p.segs.len();
    for k in (1..nseg).rev() {
        let r = p.segment(k);
        let ws: Vec<usize> = r.clone().filter(|&i| p.toks[i].word && !p.hidden[i]).collect();
        if ws.is_empty() {
            continue;
        }
        // "as stated by X" / "as reported by X".
        if ws.len() >= 4 && p.lower(ws[0]) == "as" && p.lower(ws[2]) == "by" && cue_at(p, ws[1]).is_some() {
            return Some(Attribution {
                source: Some(p.span(ws[3], ws[ws.len() - 1] + 1)),
                cue: p.toks[ws[1]].r.clone(),
            });
        }
        // "said X[, appositive…]": the cue opens the segment, a name or noun phrase follows.
        if let Some(n) = cue_at(p, ws[0]) {
            let np_follows = ws.len() >= 2
                && (capitalized(p.word(ws[1]))
                    || DETERMINERS.contains(&p.lower(ws[1]).as_str()) && p.lower(ws[1]) != "that")
                && ws[1..].iter().all(|&i| capitalized(p.word(i)) || !verbish(p.word(i)));
            // The inverted clause follows reported content: a quotation or a clause with a verb ("To the pears, add
            // the juice" is an instruction).
            let prev = p.segment(k - 1);
            let content_before = prev.clone().any(|j| p.hidden[j])
                || prev.clone().any(|j| {
                    p.toks[j].word && !capitalized(p.word(j)) && (verbish(p.word(j)) || p.lower(j).ends_with("ing"))
                });
            if n == 1 && is_speech(&p.lower(ws[0])) && np_follows && content_before {
                let src = name_or_np(p, ws[1], ws[ws.len() - 1] + 1);
                return Some(Attribution { source: Some(src), cue: p.toks[ws[0]].r.clone() });
            }
        }
        // "X said[ on Friday]." in the last segment: a short noun phrase, then the cue, then at most a time.
        if k + 1 == nseg {
            if let Some(c) = ws.iter().position(|&i| cue_at(p, i) == Some(1) && is_speech(&p.lower(i))) {
                let tail_ok = ws.len() - c - 1 <= 3 && ws[c + 1..].iter().all(|&i| !verbish(p.word(i)));
                let subj = &ws[..c];
                let subj_ok = !subj.is_empty()
                    && subj.len() <= 6
                    && subj.iter().all(|&i| !verbish(p.word(i)) || capitalized(p.word(i)));
                if tail_ok && subj_ok {
                    let src = name_or_np(p, subj[0], subj[subj.len() - 1] + 1);
                    return Some(Attribution { source: Some(src), cue: p.toks[ws[c]].r.clone() });
                }
            }
        }
    }
    None
}

/// Verbs that introduce speech in an inverted or trailing reporting clause.
fn is_speech(w: &str) -> bool {
    matches!(
        lemma_of(w),
        Some(
            "say"
                | "tell"
                | "report"
                | "state"
                | "add"
                | "note"
                | "write"
                | "tweet"
                | "confirm"
                | "warn"
                | "argue"
                | "explain"
                | "insist"
                | "claim"
                | "announce"
                | "observe"
                | "stress"
                | "emphasize"
                | "acknowledge"
                | "conclude"
                | "caution"
                | "allege"
                | "remark"
                | "complain"
        )
    )
}

/// The main clause's reporting verb and its subject.
fn main_clause(p: &Parsed) -> Option<Attribution> {
    let first_seg_adverbial =
        p.toks.first().is_some_and(|t| t.word) && ADVERBIAL_OPENERS.contains(&p.lower(0).as_str());
    let mut i = 0;
    while i < p.toks.len() {
        let Some(n) = cue_at(p, i) else {
            i += 1;
            continue;
        };
        let k = p.seg[i];
        let seg = p.segment(k);
        let in_leading_adverbial = first_seg_adverbial && k == 0 && p.is_punct(p.segment(0).end - 1, ',');
        // After a comma "that" is a demonstrative ("…, that didn’t stop X from …"), not a relative.
        let relative = seg_opener(p, &seg).is_some_and(|w| RELATIVES.contains(&w.as_str()) && w != "that")
            || (seg.start..i).any(|j| {
                p.is_word(j) && !p.hidden[j] && RELATIVES.contains(&p.lower(j).as_str()) && p.lower(j) != "that"
            });
        if in_leading_adverbial || relative {
            i += n;
            continue;
        }
        let cue = p.span(i, i + n);
        let w = p.lower(i);
        // Passive "has been claimed by X": the agent is the source.
        let aux_before = i > 0
            && p.is_word(i - 1)
            && matches!(p.lower(i - 1).as_str(), "been" | "was" | "were" | "is" | "are" | "be");
        if aux_before && p.is_word(i + 1) && p.lower(i + 1) == "by" {
            let src = np_until_segment_end(p, i + 2)?;
            return Some(Attribution { source: Some(src), cue });
        }
        if !aux_before && w.ends_with("ed") && p.is_word(i + 1) && p.lower(i + 1) == "by" {
            // "an assault claimed by the group": a participle modifier.
            i += n;
            continue;
        }
        if aux_before && w != "quoted" {
            // "It has been noted that …", "we were told to expect": a passive without agent names no source.
            i += n;
            continue;
        }
        if let Some(src) = subject_before(p, i, w.ends_with("ing")) {
            // "X claimed …, and Y confirmed the claim": the confirmation reports the whole sentence.
            if let Some(outer) = confirmation_of(p, i + n) {
                return Some(outer);
            }
            return Some(Attribution { source: Some(src), cue });
        }
        i += n;
    }
    None
}

/// A later coordinated clause "…, and Y confirmed the claim" (or "it", "this"), searched from token `from`.
fn confirmation_of(p: &Parsed, from: usize) -> Option<Attribution> {
    for j in from..p.toks.len() {
        if !(p.is_word(j) && p.lower(j) == "and" && j > 0 && p.is_punct(j - 1, ',')) {
            continue;
        }
        let c = (j + 2..p.toks.len().min(j + 8)).find(|&c| cue_at(p, c).is_some())?;
        let lower_at = |k: usize| if k < p.toks.len() { p.lower(k) } else { String::new() };
        let (obj, obj2) = (lower_at(c + 1), lower_at(c + 2));
        let meta = matches!(obj.as_str(), "it" | "this" | "that")
            || obj == "the" && matches!(obj2.as_str(), "claim" | "report" | "reports" | "statement");
        let subj_ok = (j + 1..c)
            .all(|k| p.is_word(k) && (capitalized(p.word(k)) || !verbish(p.word(k)) || is_between(&p.lower(k))));
        if meta && subj_ok {
            let mut e = c;
            while e > j + 1 && is_between(&p.lower(e - 1)) {
                e -= 1;
            }
            return Some(Attribution { source: Some(name_or_np(p, j + 1, e)), cue: p.toks[c].r.clone() });
        }
    }
    None
}

/// The first word of a segment (lowercase), if it is a word.
fn seg_opener(p: &Parsed, seg: &Range<usize>) -> Option<String> {
    (seg.start < seg.end && p.toks[seg.start].word).then(|| p.lower(seg.start))
}

/// Words dropped between a subject and its verb: auxiliaries, adverbs and "been quick to".
fn is_between(w: &str) -> bool {
    AUX.contains(&w)
        || w.ends_with("ly") && w.len() > 3
        || matches!(
            w,
            "also"
                | "not"
                | "never"
                | "then"
                | "later"
                | "already"
                | "still"
                | "once"
                | "quick"
                | "to"
                | "first"
                | "again"
                | "now"
                | "long"
                | "always"
                | "often"
                | "since"
                | "previously"
                | "recently"
        )
}

/// The subject of the reporting verb at token `i`, as a byte range.
fn subject_before(p: &Parsed, i: usize, participle: bool) -> Option<Range<usize>> {
    let k = p.seg[i];
    let seg = p.segment(k);
    let mut end = i;
    while end > seg.start && p.is_word(end - 1) && is_between(&p.lower(end - 1)) {
        end -= 1;
    }
    let own: Vec<usize> = (seg.start..end).filter(|&j| !p.hidden[j] || p.is_punct(j, '(')).collect();
    let own_words: Vec<usize> = (seg.start..end).filter(|&j| p.toks[j].word && !p.hidden[j]).collect();
    if participle {
        // "that didn’t stop Moscow and Kyiv from pointing the finger": the noun phrase before "from".
        if end > seg.start && p.is_word(end - 1) && p.lower(end - 1) == "from" {
            let mut a = end - 1;
            while a > seg.start && p.is_word(a - 1) && (capitalized(p.word(a - 1)) || p.lower(a - 1) == "and") {
                a -= 1;
            }
            return (a < end - 1).then(|| p.span(a, end - 1));
        }
        // "X issued an alert on March 7 saying …" / "X had issued an alert, warning …": the clause's subject.
        let mut kk = k;
        loop {
            let r = p.segment(kk);
            let opener = seg_opener(p, &r);
            let adverbial =
                opener.as_ref().is_some_and(|w| ADVERBIAL_OPENERS.contains(&w.as_str()) || w.ends_with("ly"));
            if r.start < r.end && !adverbial && (kk < k || !own_words.is_empty()) {
                return leading_np(p, r.start, if kk == k { end } else { r.end });
            }
            if kk == 0 {
                return None;
            }
            kk -= 1;
        }
    }
    if !own_words.is_empty() {
        // A verb before the cue means the cue is not the main verb ("-ing" words in a subject are nouns).
        let noun_slot = |j: usize| {
            j > 0
                && p.is_word(j - 1)
                && (DETERMINERS.contains(&p.lower(j - 1).as_str()) || capitalized(p.word(j - 1)) && j - 1 > seg.start)
        };
        if own_words.iter().any(|&j| {
            !capitalized(p.word(j))
                && verbish(p.word(j))
                && !is_between(&p.lower(j))
                && !p.lower(j).ends_with("ing")
                && !noun_slot(j)
        }) {
            return None;
        }
        let a = *own.first()?;
        // "In their Saturday statement they said": a pronoun right before the verb is the subject.
        let last = *own_words.last()?;
        if PRONOUNS.contains(&p.lower(last).as_str()) {
            return Some(p.toks[last].r.clone());
        }
        // "though VW says …": the clause's subject follows the subordinator.
        let a = if own_words.len() >= 2 && SUBORDINATORS.contains(&p.lower(a).as_str()) { own_words[1] } else { a };
        if ADVERBIAL_OPENERS.contains(&p.lower(a).as_str()) {
            return None;
        }
        // A lowercase subject is a short plural noun phrase: "experts say", "local officials said".
        let plural_subject =
            own_words.len() <= 3 && p.lower(last).ends_with('s') && own_words.iter().all(|&j| !verbish(p.word(j)));
        if !(capitalized(p.word(a)) || DETERMINERS.contains(&p.lower(a).as_str()) || plural_subject)
            || own_words.len() > 10
        {
            return None;
        }
        return Some(name_or_np(p, a, end));
    }
    // The verb opens its segment: the subject is the noun-phrase group before it ("X, a …, said"), skipping
    // participle and relative segments ("A U.S. official, speaking anonymously, revealed").
    let mut group: Vec<Range<usize>> = Vec::new();
    let mut kk = k;
    while kk > 0 {
        kk -= 1;
        let r = p.segment(kk);
        let ws: Vec<usize> = r.clone().filter(|&j| p.toks[j].word && !p.hidden[j]).collect();
        let Some(&first) = ws.first() else {
            break;
        };
        let fw = p.lower(first);
        if group.is_empty()
            && !capitalized(p.word(first))
            && (fw.ends_with("ing") || RELATIVES.contains(&fw.as_str()) || fw.ends_with("ed"))
        {
            continue;
        }
        if ADVERBIAL_OPENERS.contains(&fw.as_str())
            || CONJUNCTIONS.contains(&fw.as_str())
            || ws.iter().any(|&j| !capitalized(p.word(j)) && verbish(p.word(j)))
        {
            break;
        }
        group.push(ws[0]..ws[ws.len() - 1] + 1);
        if kk > 0 && p.segment(kk - 1).any(|j| p.hidden[j] && p.toks[j].word) {
            break;
        }
    }
    group.reverse();
    let pick = group
        .iter()
        .find(|r| capitalized(p.word(r.start)) && !DETERMINERS.contains(&p.lower(r.start).as_str()))
        .or(group.first())?;
    Some(name_or_np(p, pick.start, pick.end))
}

/// Weekdays, months and time words that can end a prepositional phrase of time.
pub(crate) fn is_time_word(w: &str) -> bool {
    const TIME: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "week",
        "month",
        "year",
        "today",
        "yesterday",
        "tonight",
        "morning",
        "evening",
        "night",
        "weekend",
    ];
    TIME.contains(&w.to_lowercase().as_str()) || w.chars().all(|c| c.is_ascii_digit())
}

/// The noun phrase that opens tokens `a..b`: words up to the first lowercase verb.
fn leading_np(p: &Parsed, a: usize, b: usize) -> Option<Range<usize>> {
    let mut e = a;
    while e < b && (p.toks[e].word && (capitalized(p.word(e)) || !verbish(p.word(e))) || p.is_punct(e, '’')) {
        e += 1;
    }
    (e > a && (capitalized(p.word(a)) || DETERMINERS.contains(&p.lower(a).as_str()))).then(|| name_or_np(p, a, e))
}

/// Tokens `a..b` as a source: parentheses dropped, and a title or a lowercase descriptor before a name dropped
/// ("Russian President Putin" → "Putin", "Security expert Olivier Guitta" → "Olivier Guitta").
fn name_or_np(p: &Parsed, a: usize, b: usize) -> Range<usize> {
    let mut b = b;
    // Cut at a parenthesis: "Islamic State (IS)".
    if let Some(k) = (a..b).find(|&k| p.is_punct(k, '(')) {
        b = k;
    }
    while b > a && !p.toks[b - 1].word {
        b -= 1;
    }
    // A trailing time is not part of the speaker: "A branch of the Islamic State on Friday".
    if b >= a + 3
        && matches!(p.lower(b - 2).as_str(), "on" | "in" | "at" | "last" | "this")
        && is_time_word(p.word(b - 1))
    {
        b -= 2;
    }
    if b <= a {
        return p.toks[a].r.clone();
    }
    // The trailing capitalized run.
    let mut run = b;
    while run > a
        && p.toks[run - 1].word
        && (capitalized(p.word(run - 1)) || p.lower(run - 1) == "and" && run - 1 > a && capitalized(p.word(run - 2)))
    {
        run -= 1;
    }
    if run < b {
        if let Some(t) = (run..b).rev().find(|&k| TITLES.contains(&p.lower(k).as_str())) {
            if t + 1 < b {
                return p.span(t + 1, b);
            }
        }
        if run > a {
            let before = p.lower(run - 1);
            let descriptor = p.toks[run - 1].word
                && !NP_GLUE.contains(&before.as_str())
                && !DETERMINERS.contains(&before.as_str())
                && !before.ends_with("’s")
                && !before.ends_with("'s")
                && before.chars().all(char::is_alphabetic);
            if descriptor {
                return p.span(run, b);
            }
        }
    }
    p.span(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (source, cue) as written.
    type Found<'a> = Option<(Option<&'a str>, &'a str)>;

    fn attr(s: &str) -> Found<'_> {
        let p = Parsed::new(s);
        attribute(&p).map(|a| (a.source.map(|r| at(s, &r)), at(s, &a.cue)))
    }

    #[test]
    fn single_quotes_are_quotations_and_apostrophes_are_not() {
        assert!(Parsed::new("‘We will win the vote,’ Boris Johnson said.").has_quote());
        assert!(!Parsed::new(
            "Though the U.S. says it has evidence backing up the jihadists’ claim, that didn’t stop Moscow."
        )
        .has_quote());
        // The apostrophe inside the quotation does not close it: "said" stays hidden.
        let p = Parsed::new("‘We said the jihadists’ claim was true,’ he told reporters.");
        let said = p.toks.iter().position(|t| at(p.s, &t.r) == "said").unwrap();
        let claim = p.toks.iter().position(|t| at(p.s, &t.r) == "claim").unwrap();
        assert!(p.hidden[said] && p.hidden[claim]);
    }

    #[test]
    fn corpus_attributions() {
        let table: &[(&str, Found)] = &[
            ("ISIS members are active in Russia, a US official said.", Some((Some("a US official"), "said"))),
            ("“The modus operandi of the attack is classic ISIS,” said Guitta, using an acronym referring to the Islamic State group.", Some((Some("Guitta"), "said"))),
            ("“ISIS-K has been obsessed with Russia for two years,” frequently criticizing President Vladimir V. Putin in its propaganda, said Colin P. Clarke, a counterterrorism analyst at the Soufan Group, a New York-based security consulting firm.", Some((Some("Colin P. Clarke"), "said"))),
            ("“ISIS-K has been fixated on Russia for the past two years,” Colin P. Clarke, a counterterrorism analyst at the Soufan Group, a security consulting firm based in New York, is quoted as saying.", Some((Some("Colin P. Clarke"), "quoted as saying"))),
            ("According to the Investigative Committee of the Russian Federation, the death toll of the terrorist attack rose to 115.", Some((Some("the Investigative Committee of the Russian Federation"), "According to"))),
            ("After a period of relative calm, the Islamic State is trying to step up its external attacks, according to U.S. counterterrorism officials.", Some((Some("U.S. counterterrorism officials"), "according to"))),
            ("The United States has confirmed that a branch of the Islamic State (ISIS) claimed responsibility for the devastating attack in Moscow that left at least 115 people dead and more than 100 others injured, the New York Times reported.", Some((Some("the New York Times"), "reported"))),
            ("The terrorist group Islamic State (IS) claimed responsibility for the mass shooting at a concert hall in Moscow on 22 March in a Telegram post released after the attack.", Some((Some("Islamic State"), "claimed"))),
            ("A Pakistani security analyst, Syed Muhammad Ali, said that if it is confirmed that the group carried out the grisly concert hall massacre, it could be seen as revenge.", Some((Some("Syed Muhammad Ali"), "said"))),
            ("A U.S. official, speaking anonymously, revealed to The Associated Press that IS-K is believed to be behind the attack.", Some((Some("A U.S. official"), "revealed"))),
            ("The official, who spoke on condition of anonymity, noted that IS-K has long targeted Russia.", Some((Some("The official"), "noted"))),
            ("Russia’s FSB, the Federal Security Service, said that it disrupted an attack by the same group.", Some((Some("Russia’s FSB"), "said"))),
            ("In an address to the nation on Saturday, Putin said authorities have detained a total of 11 people in the attack.", Some((Some("Putin"), "said"))),
            ("Russian President Putin dismissed the U.S. warning, which advised citizens to avoid large gatherings for 48 hours.", Some((Some("Putin"), "dismissed"))),
            ("Security expert Olivier Guitta points to several indicators supporting the Islamic State’s claim.", Some((Some("Olivier Guitta"), "points to"))),
            ("Despite the United States confirming the jihadists’ claim through evidence, Moscow and Kyiv have been quick to cast blame on each other amidst the ongoing conflict in Ukraine.", Some((Some("Moscow and Kyiv"), "cast blame"))),
            ("Though the U.S. says it has evidence backing up the jihadists’ claim, that didn’t stop Moscow and Kyiv from pointing the finger at each other Saturday.", Some((Some("Moscow and Kyiv"), "pointing the finger"))),
            ("The U.S. Embassy in Moscow issued a security alert to U.S. citizens on March 7 saying it was monitoring reports.", Some((Some("The U.S. Embassy in Moscow"), "saying"))),
            ("In the wake of the attack, the U.S. Embassy in Moscow had issued a security alert on March 7, warning of potential extremist plans to target large gatherings.", Some((Some("the U.S. Embassy in Moscow"), "warning"))),
            ("Yesterday’s attack in Moscow, which resulted in the loss of more 90 lives, has been claimed by a branch of the Islamic State.", Some((Some("a branch of the Islamic State"), "claimed"))),
            ("It has been noted that members of ISIS have been active within Russia, as stated by a U.S. official.", Some((Some("a U.S. official"), "stated"))),
            ("In their Saturday statement they said the attack had come in the “the natural framework” of the ongoing war.", Some((Some("they"), "said"))),
            ("There were reportedly over 120 injured people.", Some((None, "reportedly"))),
            ("Islamic State Claims Responsibility for Moscow Concert Hall Attack: Key Details Unveiled", Some((Some("Islamic State"), "Claims"))),
            ("In March, the United States publicly issued a warning regarding a potential attack.", Some((Some("the United States"), "issued a warning"))),
            ("A branch of the Islamic State on Friday claimed responsibility for the massacre, and U.S. officials confirmed the claim shortly afterward.", Some((Some("U.S. officials"), "confirmed"))),
            ("The report highlights that the Islamic State has been attempting to increase its external attacks, according to US counterterrorism officials.", Some((Some("The report"), "highlights"))),
            ("Islamic State Claim Responsibility For March 22 Moscow Terror Attack", Some((Some("Islamic State"), "Claim"))),
            ("He didn’t mention IS at all.", None),
            ("While most plots in Europe have been thwarted, these attempts indicate a resurgence of the group’s external aggression.", None),
            ("Inside, there’s seating for four, though VW says it could add a rear bench instead.", Some((Some("VW"), "says"))),
            ("He has always denied the allegations, saying the sex was consensual.", Some((Some("He"), "denied"))),
            ("But then in 2010, the laboratory of Stephen Liggett, who was then at the University of Maryland, reported that smooth muscle responds.", Some((Some("the laboratory of Stephen Liggett"), "reported"))),
            // Not attributions: relative clauses, participle modifiers, nouns, passives without agent, modals.
            ("So, a little better than Destiny 2, but not the experience we were told to expect.", None),
            ("To the pears, add the juice of one lemon and spices.", None),
            ("She wrote hundreds of songs that summer.", None),
            ("“We won,” added Smith.", Some((Some("Smith"), "added"))),
            ("‘We will win the vote,’ Boris Johnson said.", Some((Some("Boris Johnson"), "said"))),
            ("‘We said the jihadists’ claim was true,’ Boris Johnson told reporters.", Some((Some("Boris Johnson"), "told"))),
            ("Prior to September, I would have said Wi-Fi 6 was too new to consider this year.", None),
            ("I've said that years ago.", None),
            ("Coming back to the market, experts say the upside will be capped.", Some((Some("experts"), "say"))),
            ("That says something about character.", None),
            ("Despite the Taliban’s control, IS-K remains a formidable enemy, including the bombing at Kabul airport in August 2021, which claimed the lives of 13 U.S. troops.", None),
            ("Despite these warnings, the bombings claimed by ISIS-K resulted in significant casualties.", None),
            ("This claim is supported by the group’s history of targeting Russia.", None),
            ("Most of these plots in Europe were foiled, suggesting that the group had diminished capabilities.", None),
            ("The March 7 warning advised U.S. citizens to avoid large gatherings for the coming 48 hours.", Some((Some("The March 7 warning"), "advised"))),
        ];
        for (s, want) in table {
            assert_eq!(attr(s), *want, "{s}");
        }
    }
}
