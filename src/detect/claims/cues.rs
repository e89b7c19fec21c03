//! The reporting expressions of attribution: which words are cues ("said", "according to", "in a statement"), of
//! which kind (`speech`, `writing`, `belief`, `intention`), and when a cue word really reports ("wrote that …", not
//! "wrote songs"; "the claim" is a noun, "could say" hypothetical).

use super::parsed::Parsed;
use super::subjects::is_between;
use super::words::{at, capitalized, lemma_in, verbish, Lexicon, DETERMINERS, PRONOUNS};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

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
    // Speech acts of news copy: "called X a liar", "called for", "asked whether", "responded", "continued:".
    "call",
    "ask",
    "respond",
    "reply",
    "continue",
    "demand",
    "criticize",
    "criticise",
    "question",
    "cite",
    "praise",
    "blast",
    "slam",
    "assure",
    "propose",
    "recount",
    "counter",
    "retort",
    "quip",
    "boast",
    "lament",
    "echo",
    "post",
    "publish",
    // Stances, hopes and fears with a clear holder ("Clinton backs …", "officials fear …").
    "hope",
    "fear",
    "expect",
    "worry",
    "doubt",
    "back",
    "support",
    "oppose",
    "endorse",
    "favor",
    "favour",
    "seek",
    "refuse",
    "threaten",
];

/// Reporting verbs that are as often plain actions ("add the juice", "wrote songs"); they report only before
/// "that", a colon, a comma or a quotation, or at the end of the sentence.
const WEAK_CUES: &[&str] = &[
    "write", "add", "maintain", "tweet", "conclude", "testify", "show", "find", "agree", "recall", "believe", "think",
    "want", "plan", "promise", "intend", "respond", "reply", "continue", "post", "publish", "hope", "fear", "expect",
    "worry", "doubt", "seek", "refuse", "threaten", "echo", "counter", "recount",
];

/// Intentions, which take "to" as their complement ("wants to build", "plans to sue").
const INTENTIONS: &[&str] = &["want", "plan", "promise", "intend", "vow", "pledge", "seek", "refuse", "threaten"];

/// Cues that report with "to" as their complement: intentions, and hopes and expectations ("hopes to win").
const TAKES_TO: &[&str] = &["hope", "expect", "agree", "respond", "reply"];

/// Beliefs, stances and findings: what someone holds or found rather than said.
const BELIEFS: &[&str] = &[
    "believe", "think", "agree", "show", "find", "hope", "fear", "expect", "worry", "doubt", "back", "support",
    "oppose", "endorse", "favor", "favour",
];

/// Reporting verbs whose `-s` form is as often a plural noun: "states", "reports", "questions", "backs".
const NOUNISH: &[&str] = &[
    "claim",
    "state",
    "report",
    "note",
    "post",
    "blame",
    "estimate",
    "highlight",
    "dispute",
    "call",
    "question",
    "support",
    "back",
    "favor",
    "favour",
    "fear",
    "hope",
    "demand",
    "echo",
    "counter",
    "doubt",
    "worry",
    "praise",
    "show",
    "plan",
    "warn",
    "find",
];

/// Words after "call" that make it a plain action: "called off", "called police".
const CALL_NOT: &[&str] = &["off", "in", "up", "out", "back", "it", "police", "911", "to", "home", "time", "me", "us"];

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
        _ if lower != "reportedly" && WRITTEN.iter().any(|w| lower.contains(w)) => "writing",
        _ => "speech",
    }
}

/// Irregular forms of the reporting verbs.
const CUE_IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("found", "find"),
    ("thought", "think"),
    ("shown", "show"),
    ("sought", "seek"),
];

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
    &["called", "for"],
    &["called", "on"],
    &["calls", "for"],
    &["calls", "on"],
    &["calling", "for"],
    &["calling", "on"],
    &["call", "for"],
    &["call", "on"],
];

/// Modals: a report under one is hypothetical.
pub(crate) const MODALS: &[&str] = &["could", "would", "might", "may", "will", "should", "can", "must", "shall"];

/// Length in words of the cue starting at token `i`, if one starts there.
pub(crate) fn cue_at(p: &Parsed, i: usize) -> Option<usize> {
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
    let lemma = lemma_of(w)?;
    // Nouns: "the claim", "jihadists’ claim", "the U.S. warning", "a report".
    let prev = i.checked_sub(1).filter(|&k| p.is_word(k)).map(|k| p.lower(k));
    // An infinitive ("I'd like to mention") or a negated report ("He didn’t mention IS") reports nothing.
    // "continues to insist", "went on to explain" report all the same.
    let carried = i >= 2 && p.is_word(i - 2) && {
        let x = p.lower(i - 2);
        matches!(x, "continue" | "continues" | "continued" | "continuing" | "on" | "repeatedly")
    };
    // "It's worth noting that …" is the writer's aside.
    if prev == Some("to") && !carried || prev == Some("worth") {
        return None;
    }
    // A modal makes it hypothetical: "VW says it could add", "I would have said".
    let mut k = i;
    while k > 0 && p.is_word(k - 1) && is_between(p.lower(k - 1)) {
        if MODALS.contains(&p.lower(k - 1)) {
            return None;
        }
        k -= 1;
    }
    if (1..=2).any(|d| {
        i >= d && p.is_word(i - d) && {
            let x = p.lower(i - d);
            matches!(x, "not" | "never") || x.ends_with("n't") || x.ends_with("n’t")
        }
    }) {
        return None;
    }
    if let Some(prev) = &prev {
        let possessive = prev.ends_with("’s") || prev.ends_with("'s") || prev.ends_with('’') || prev.ends_with('\'');
        if DETERMINERS.contains(prev) && *prev != "that" || possessive {
            return None;
        }
    }
    let be_before = prev.is_some_and(|x| matches!(x, "is" | "are" | "was" | "were" | "been"));
    if w.ends_with("ing") {
        // "is seeking to", "are warning that": a progressive reports like the finite verb.
        if !is_speech(w) && !be_before {
            // "…, suggesting that …" infers; only speech participles report.
            return None;
        }
        // A participle reports only right after a comma or a time ("on March 7 saying"); "warning" only after a
        // comma, since "the March 7 warning" is a noun.
        let after_comma = i > 0 && p.is_punct(i - 1, ',');
        let progressive = prev.is_some_and(|x| matches!(x, "is" | "are" | "was" | "were" | "been"));
        let ok = after_comma
            || progressive
            || w != "warning"
                && bare_participle(lemma)
                && prev.is_some_and(|x| {
                    x != "without" && (x.chars().all(|c| c.is_ascii_digit()) || !capitalized(p.word(i - 1)))
                });
        if !ok {
            return None;
        }
    } else if matches!(
        lemma,
        "claim"
            | "state"
            | "report"
            | "note"
            | "warn"
            | "post"
            | "blame"
            | "estimate"
            | "highlight"
            | "dispute"
            | "call"
            | "question"
            | "support"
            | "back"
            | "favor"
            | "favour"
            | "fear"
            | "hope"
            | "demand"
            | "echo"
            | "counter"
            | "doubt"
            | "worry"
            | "praise"
            | "show"
            | "plan"
    ) && !(w.ends_with('s') || w.ends_with("ed"))
    {
        // Bare forms of words that are mostly nouns ("claim", "report") count only after a subject pronoun or
        // a plural noun: "they claim", "officials report".
        // In a title-case headline "Islamic State Claim Responsibility" the bare verb follows its subject; "State",
        // "Post", "Report" and "Note" are too often parts of names to count there.
        let headline_subject = p.title_case
            && i > 0
            && p.is_word(i + 1)
            && capitalized(p.word(i - 1))
            && !matches!(lemma, "state" | "post" | "report" | "note");
        // "Data show that …": a that-clause makes it a verb after any subject.
        // "Data from the census show that …"; not "the greatest fear that I have".
        let that_clause = p.is_word(i + 1)
            && p.lower(i + 1) == "that"
            && prev.is_some_and(|x| !x.ends_with("est") && !DETERMINERS.contains(&x));
        if !headline_subject && !that_clause && !prev.is_some_and(|x| PRONOUNS.contains(&x) || plural_like(x)) {
            return None;
        }
    } else if NOUNISH.contains(&lemma) && w.ends_with('s') && !w.ends_with("ss") {
        // "states", "questions", "reports" are as often plural nouns ("battleground states could …"): as verbs they
        // take a complement ("reports that", "questions whether", "backs Clinton").
        let next = if i + 1 < p.toks.len() { p.lower(i + 1) } else { "" };
        let takes_to = INTENTIONS.contains(&lemma) || TAKES_TO.contains(&lemma);
        let complement = matches!(next, "that" | "whether" | "why" | "how" | ":" | "," | "“" | "\"" | "‘")
            || takes_to && next == "to"
            || DETERMINERS.contains(&next) && next != "that"
            || matches!(next, "him" | "her" | "them" | "it" | "his" | "their" | "its")
            || p.is_word(i + 1) && capitalized(p.word(i + 1));
        let after_name =
            i > 0 && p.is_word(i - 1) && (capitalized(p.word(i - 1)) || PRONOUNS.contains(&p.lower(i - 1)));
        if !complement && !(after_name && (next.is_empty() || next == ".")) {
            return None;
        }
    }
    // Verbs that report only with a complement: "wrote that …", "added: …", not "wrote hundreds of songs".
    if WEAK_CUES.contains(&lemma) {
        let next = p.toks.get(i + 1).map(|t| at(p.s, &t.r)).unwrap_or("");
        let inverted = i > 0 && !p.toks[i - 1].word && matches!(at(p.s, &p.toks[i - 1].r), "," | "”" | "\"");
        let intention = (INTENTIONS.contains(&lemma) || TAKES_TO.contains(&lemma)) && next == "to";
        // "“…,” Steve Mosko wrote in an email": the quotation before the clause is what was written.
        let seg = p.segment(p.seg[i]);
        let after_quote = p.seg[i] > 0 && !p.in_quote && p.segment(p.seg[i] - 1).any(|j| p.hidden[j] && p.toks[j].word);
        let _ = seg;
        // "tweeted in the early morning hours that …": a short phrase before the that-clause.
        let that_later = (i + 2..p.toks.len().min(i + 9))
            .take_while(|&j| p.is_word(j) && !verbish(p.word(j)))
            .any(|j| p.lower(j) == "that")
            && (matches!(next, "in" | "on" | "at" | "during" | "to" | "from" | "over" | "after" | "early" | "late")
                || super::subjects::is_time_word(next));
        // "expect the central bank to raise rates", "wants Congress to act": an object, then "to".
        let object_to = (INTENTIONS.contains(&lemma) || TAKES_TO.contains(&lemma) || lemma == "expect")
            && (i + 2..p.toks.len().min(i + 6))
                .take_while(|&j| p.is_word(j) && !verbish(p.word(j)) || p.is_word(j) && p.lower(j) == "to")
                .any(|j| p.lower(j) == "to");
        // "believes the state can balance its budget": a clause without "that", its verb an auxiliary.
        let bare_clause = BELIEFS.contains(&lemma)
            && (DETERMINERS.contains(&next) || PRONOUNS.contains(&next) || capitalized(next))
            && (i + 2..p.toks.len().min(i + 7))
                .take_while(|&j| p.is_word(j))
                .any(|j| super::words::AUX.contains(&p.lower(j)));
        if !(inverted
            || intention
            || object_to
            || bare_clause
            || after_quote
            || that_later
            || matches!(next, "that" | ":" | "," | "“" | "\"" | "‘")
            || next.is_empty()
            || next == ".")
        {
            return None;
        }
    }
    // "is expected to rise", "a figure expected to rise", "believed to be": raising passives report no belief.
    if matches!(lemma, "expect" | "believe" | "think" | "find" | "show" | "fear")
        && (w.ends_with("ed") || w == "thought")
        && p.is_word(i + 1)
        && p.lower(i + 1) == "to"
    {
        return None;
    }
    // "called X a liar" reports; "called off", "called police" and "a group called Hamas" do not.
    if lemma == "call" {
        let next = if p.is_word(i + 1) { p.lower(i + 1) } else { "" };
        let name_at = |j: usize| p.is_word(j) && capitalized(p.word(j));
        let naming = prev.is_some_and(|x| !capitalized(x) && !PRONOUNS.contains(&x))
            && i > 0
            && p.is_word(i - 1)
            && !capitalized(p.word(i - 1))
            && (name_at(i + 1) || next == "the" && name_at(i + 2));
        // ", called the Virginia Conservation Legacy Fund,": a name given, not a report.
        let seg = p.segment(p.seg[i]);
        let given = w == "called"
            && i > 0
            && p.is_punct(i - 1, ',')
            && seg.end > i + 1
            && p.is_punct(seg.end - 1, ',')
            && (capitalized(p.word(i + 1)) && !super::subjects::is_time_word(p.word(i + 1)) || next == "the")
            && seg.end - i <= 8;
        if next.is_empty() || CALL_NOT.contains(&next) || naming || given {
            return None;
        }
    }
    // "backs Clinton", not "backed out", "give it back".
    if matches!(lemma, "back" | "support" | "oppose" | "endorse" | "favor" | "favour") {
        let next = if i + 1 < p.toks.len() { p.lower(i + 1) } else { "" };
        let np = DETERMINERS.contains(&next) && next != "that"
            || matches!(next, "him" | "her" | "them" | "his" | "their" | "its" | "it")
            || p.is_word(i + 1) && capitalized(p.word(i + 1))
            || p.is_word(i + 1) && plural_like(next);
        if !np || prev == Some("it") {
            return None;
        }
    }
    // "claimed the lives of …" is not a claim of responsibility.
    if lemma == "claim"
        && p.is_word(i + 1)
        && matches!(p.lower(i + 1), "the" | "lives")
        && p.is_word(i + 2)
        && p.lower(i + 2).starts_with("li")
    {
        return None;
    }
    Some(1)
}

/// The reporting-verb lemma of a lowercase word, if it is one (an irregular form or an inflection).
pub(crate) fn lemma_of(w: &str) -> Option<&'static str> {
    static IRREGULAR: OnceLock<FxHashMap<&str, &str>> = OnceLock::new();
    static LEMMAS: OnceLock<Lexicon> = OnceLock::new();
    let irregular = IRREGULAR.get_or_init(|| CUE_IRREGULAR.iter().copied().collect());
    irregular.get(w).copied().or_else(|| lemma_in(w, LEMMAS.get_or_init(|| Lexicon::new(CUE_VERBS))))
}

/// Whether a lowercase word looks like a plural noun: "officials", "experts", not "tremendous" or "press".
pub(crate) fn plural_like(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !["ss", "us", "is", "'s", "’s"].iter().any(|e| w.ends_with(e))
}

/// Finite verbs of saying that stand in an inverted or trailing reporting clause: "…,” said X", "…, X added.".
pub(crate) fn inverts(w: &str) -> bool {
    !w.ends_with("ing") && lemma_of(w).is_some_and(|l| SAYING.contains(&l) || matches!(l, "boast" | "lament" | "echo"))
}

/// Whether an inverted clause opening with this verb names the speaker after it ("…,” said X"): not "told",
/// whose object follows ("…,” X told The Times").
pub(crate) fn inverts_before_subject(w: &str) -> bool {
    inverts(w) && lemma_of(w) != Some("tell") && lemma_of(w) != Some("ask")
}

/// Speech verbs whose participle reports after a time or a noun without a comma ("on March 7 saying …").
fn bare_participle(lemma: &str) -> bool {
    matches!(lemma, "say" | "tell" | "warn" | "claim" | "state" | "report" | "note" | "add" | "announce" | "confirm")
}

/// Verbs that introduce speech in an inverted or trailing reporting clause.
pub(crate) fn is_speech(w: &str) -> bool {
    lemma_of(w).is_some_and(|l| {
        SAYING.contains(&l)
            || matches!(
                l,
                "call"
                    | "urge"
                    | "accuse"
                    | "describe"
                    | "cite"
                    | "demand"
                    | "question"
                    | "promise"
                    | "vow"
                    | "pledge"
                    | "deny"
                    | "blame"
                    | "criticize"
                    | "criticise"
                    | "praise"
            )
    })
}

/// Verbs of saying that both stand in a trailing reporting clause ([`inverts`]) and introduce speech
/// ([`is_speech`]); each adds a few of its own.
const SAYING: &[&str] = &[
    "say",
    "tell",
    "report",
    "state",
    "add",
    "note",
    "write",
    "tweet",
    "confirm",
    "warn",
    "argue",
    "explain",
    "insist",
    "claim",
    "announce",
    "observe",
    "stress",
    "emphasize",
    "acknowledge",
    "conclude",
    "caution",
    "allege",
    "remark",
    "complain",
    "ask",
    "continue",
    "respond",
    "reply",
    "declare",
    "recall",
    "predict",
    "concede",
    "assure",
    "quip",
    "counter",
    "retort",
    "recount",
    "post",
    "admit",
];
