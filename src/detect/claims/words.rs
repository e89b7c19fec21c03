//! Word tokens of one sentence and the small closed word classes the claim rules look at (auxiliaries, common
//! verbs, determiners). No tagger: news sentences are regular enough for word lists, and a list is explainable.

use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

/// The text of `s` in byte range `r`, or "" if the range is out of bounds or off a char boundary (never for
/// the ranges this module and [`tokens`] produce). `get` is as fast as indexing; it just does not panic.
pub(crate) fn at<'a>(s: &'a str, r: &Range<usize>) -> &'a str {
    s.get(r.clone()).unwrap_or_default()
}

/// A token of a sentence: a word, or one punctuation character. `r` is a byte range into the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    pub r: Range<usize>,
    pub word: bool,
}

/// Splits a sentence into words and punctuation. A word is a run of letters and digits, joined across `.` `'` `’`
/// `-` when a letter or digit follows ("U.S", "Kremlin’s", "IS-K", "4.5"); a dotted abbreviation keeps its final
/// stop ("U.S."). Whitespace is dropped.
pub(crate) fn tokens(s: &str) -> Vec<Tok> {
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let end = |k: usize| cs.get(k).map_or(s.len(), |x| x.0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i].1;
        if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() {
            let mut j = i + 1;
            let mut dotted = false;
            while j < cs.len() {
                let d = cs[j].1;
                if d.is_alphanumeric() || is_mark(d) {
                    j += 1;
                } else if matches!(d, '.' | '\'' | '’' | '-' | '‑')
                    && cs.get(j + 1).is_some_and(|x| x.1.is_alphanumeric())
                {
                    dotted |= d == '.';
                    j += 2;
                } else {
                    break;
                }
            }
            // "U.S." keeps its last stop: single letters joined by stops.
            if dotted
                && cs.get(j).is_some_and(|x| x.1 == '.')
                && at(s, &(cs[i].0..end(j))).split('.').all(|p| p.chars().count() == 1)
            {
                j += 1;
            }
            out.push(Tok { r: cs[i].0..end(j), word: true });
            i = j;
        } else {
            out.push(Tok { r: cs[i].0..end(i + 1), word: false });
            i += 1;
        }
    }
    out
}

/// Combining marks and joiners stay inside their word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x200C | 0x200D | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

/// Whether the word starts with an uppercase letter.
pub(crate) fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Auxiliaries, modals and copulas.
pub(crate) const AUX: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "don't",
    "doesn't",
    "didn't",
    "isn’t",
    "aren’t",
    "wasn’t",
    "weren’t",
    "hasn’t",
    "haven’t",
    "hadn’t",
    "won’t",
    "wouldn’t",
    "can’t",
    "couldn’t",
    "don’t",
    "doesn’t",
    "didn’t",
    "'s",
    "’s",
    "'re",
    "’re",
    "'ve",
    "’ve",
    "'ll",
    "’ll",
];

/// Frequent verbs in news and speeches, as bare forms; inflections are derived by [`is_verb`].
const VERBS: &[&str] = &[
    "accuse",
    "add",
    "admit",
    "advise",
    "allege",
    "announce",
    "appear",
    "argue",
    "arrest",
    "attack",
    "ban",
    "become",
    "begin",
    "blame",
    "bomb",
    "bring",
    "build",
    "buy",
    "call",
    "capture",
    "carry",
    "cause",
    "charge",
    "claim",
    "close",
    "come",
    "confirm",
    "continue",
    "cost",
    "create",
    "cut",
    "decide",
    "declare",
    "decline",
    "defeat",
    "deny",
    "describe",
    "destroy",
    "detain",
    "die",
    "drop",
    "earn",
    "emphasize",
    "end",
    "explain",
    "face",
    "fail",
    "fall",
    "find",
    "fire",
    "focus",
    "follow",
    "gain",
    "get",
    "give",
    "go",
    "grow",
    "happen",
    "hit",
    "hold",
    "include",
    "increase",
    "indicate",
    "inform",
    "injure",
    "invest",
    "kill",
    "launch",
    "lead",
    "leave",
    "lose",
    "make",
    "mark",
    "mean",
    "meet",
    "mention",
    "move",
    "need",
    "note",
    "observe",
    "occur",
    "offer",
    "open",
    "operate",
    "order",
    "pass",
    "pay",
    "plan",
    "play",
    "point",
    "post",
    "prepare",
    "promise",
    "provide",
    "raise",
    "reach",
    "receive",
    "reduce",
    "reject",
    "release",
    "remain",
    "report",
    "reveal",
    "rise",
    "run",
    "say",
    "see",
    "seem",
    "seize",
    "sell",
    "send",
    "serve",
    "show",
    "sign",
    "spend",
    "start",
    "state",
    "stay",
    "stop",
    "strike",
    "suggest",
    "support",
    "take",
    "target",
    "tell",
    "think",
    "threaten",
    "try",
    "turn",
    "use",
    "vote",
    "want",
    "warn",
    "win",
    "work",
    "write",
    "know",
    "believe",
    "help",
    "keep",
    "let",
    "look",
    "put",
    "set",
    "stand",
    "talk",
    "understand",
    "want",
    "wound",
    "create",
    "double",
    "triple",
    "owe",
    "borrow",
    "lend",
    "tax",
    "fund",
    "hire",
    "employ",
    "import",
    "export",
    "produce",
    "grant",
];

/// Irregular past forms and participles of the verbs above (and a few more).
const IRREGULAR: &[&str] = &[
    "became",
    "began",
    "begun",
    "brought",
    "built",
    "bought",
    "came",
    "cut",
    "fell",
    "fallen",
    "found",
    "got",
    "gotten",
    "gave",
    "given",
    "went",
    "gone",
    "grew",
    "grown",
    "held",
    "hit",
    "kept",
    "knew",
    "known",
    "led",
    "left",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "put",
    "ran",
    "rose",
    "risen",
    "said",
    "saw",
    "seen",
    "sold",
    "sent",
    "set",
    "spent",
    "stood",
    "struck",
    "took",
    "taken",
    "told",
    "thought",
    "understood",
    "won",
    "wrote",
    "written",
    "shot",
    "fought",
    "stole",
    "stolen",
    "broke",
    "broken",
    "drove",
    "driven",
    "fled",
    "flew",
    "flown",
    "forgot",
    "hid",
    "hung",
    "lay",
    "laid",
    "sought",
    "slid",
    "spoke",
    "spoken",
    "swore",
    "sworn",
    "threw",
    "thrown",
    "wore",
    "withdrew",
    "withdrawn",
];

/// Whether the (lowercase) word is a form of a listed verb: bare, `-s`/`-es`/`-ies`, `-ed`/`-d`/`-ied`, `-ing`,
/// or an irregular past.
pub(crate) fn is_verb(w: &str) -> bool {
    static FORMS: OnceLock<Lexicon> = OnceLock::new();
    FORMS.get_or_init(|| Lexicon::new(IRREGULAR)).has(w) || lemma_in(w, verbs()).is_some()
}

/// [`VERBS`] as a [`Lexicon`], built once.
fn verbs() -> &'static Lexicon {
    static LEMMAS: OnceLock<Lexicon> = OnceLock::new();
    LEMMAS.get_or_init(|| Lexicon::new(VERBS))
}

/// Whether the (lowercase) word is the bare form of a listed verb, which is as often a noun ("state", "tax").
pub(crate) fn is_bare_verb(w: &str) -> bool {
    verbs().has(w)
}

/// The bare form in `lemmas` that the (lowercase) word inflects, if any: itself, `-s`/`-es`/`-ies`,
/// `-ed`/`-d`/`-ied`, `-ing` (also after a dropped `e` or a doubled consonant: "stopped", "planning").
pub(crate) fn lemma_in(w: &str, lemmas: &Lexicon) -> Option<&'static str> {
    // The candidate stems, tried in this order, built in one reused buffer: this runs for most words of every
    // sentence, several times.
    let mut buf = String::with_capacity(w.len() + 1);
    let mut try_stem = |stem: &str, tail: &str| {
        buf.clear();
        buf.push_str(stem);
        buf.push_str(tail);
        lemmas.get(&buf)
    };
    let strip = |suffix: &str| w.strip_suffix(suffix);
    lemmas
        .get(w)
        .or_else(|| strip("ies").and_then(|s| try_stem(s, "y")))
        .or_else(|| strip("ied").and_then(|s| try_stem(s, "y")))
        .or_else(|| strip("es").and_then(|s| lemmas.get(s)))
        .or_else(|| strip("s").and_then(|s| lemmas.get(s)))
        .or_else(|| strip("ed").and_then(|s| lemmas.get(s)))
        .or_else(|| strip("d").and_then(|s| lemmas.get(s)))
        .or_else(|| strip("ing").and_then(|s| lemmas.get(s)))
        .or_else(|| strip("ing").and_then(|s| try_stem(s, "e")))
        .or_else(|| strip("ed").or_else(|| strip("ing")).and_then(undouble).and_then(|s| lemmas.get(s)))
}

/// A stem without its doubled last letter ("stopp" → "stop"), if it has one.
fn undouble(s: &str) -> Option<&str> {
    let mut cs = s.chars().rev();
    let (a, b) = (cs.next()?, cs.next()?);
    s.strip_suffix(a).filter(|_| a == b)
}

/// A word list with constant-time lookup, built once from its `const` slice (which stays the readable source).
pub(crate) struct Lexicon(FxHashSet<&'static str>);

impl Lexicon {
    pub(crate) fn new(words: &[&'static str]) -> Lexicon {
        Lexicon(words.iter().copied().collect())
    }

    /// The listed word equal to `w`, if any.
    pub(crate) fn get(&self, w: &str) -> Option<&'static str> {
        self.0.get(w).copied()
    }

    pub(crate) fn has(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

/// Whether the word looks like a finite verb or participle: an auxiliary, a listed verb, or an unlisted `-ed`
/// word ("thwarted", "foiled").
pub(crate) fn verbish(w: &str) -> bool {
    static AUXES: OnceLock<Lexicon> = OnceLock::new();
    let l: Cow<str> = if w.chars().any(char::is_uppercase) { Cow::Owned(w.to_lowercase()) } else { Cow::Borrowed(w) };
    AUXES.get_or_init(|| Lexicon::new(AUX)).has(&l)
        || is_verb(&l)
        || l.len() > 4 && l.ends_with("ed") && !NOT_ED_VERBS.contains(&&*l)
}

/// `-ed` words that are not verbs.
const NOT_ED_VERBS: &[&str] = &[
    "hundred", "united", "limited", "red", "bed", "indeed", "speed", "seed", "need", "breed", "shed", "related",
    "based", "advanced", "armed", "dozed",
];

/// Determiners and possessives that open a noun phrase.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "one",
    "some", "many", "most", "several", "two", "three", "both", "all", "each", "every", "another", "other",
];

/// Subject pronouns, resolved to the last named speaker.
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_abbreviations_possessives_and_hyphens() {
        let s = "A U.S. official told the Kremlin’s IS-K 4.5% “window.”";
        let words: Vec<&str> = tokens(s).iter().filter(|t| t.word).map(|t| at(s, &t.r)).collect();
        assert_eq!(words, ["A", "U.S.", "official", "told", "the", "Kremlin’s", "IS-K", "4.5", "window"]);
        let puncts: Vec<&str> = tokens(s).iter().filter(|t| !t.word).map(|t| at(s, &t.r)).collect();
        assert_eq!(puncts, ["%", "“", ".", "”"]);
    }

    #[test]
    fn verb_forms() {
        for w in ["said", "says", "confirmed", "claims", "denied", "stopped", "planning", "took", "remains", "carries"]
        {
            assert!(verbish(w), "{w}");
        }
        for w in ["hundred", "officials", "Moscow", "group", "the"] {
            assert!(!verbish(w), "{w}");
        }
    }
}
