//! Who a reporting verb's subject is: the noun phrase before it, through appositions and participle phrases
//! ("X, a …, said"), with titles and descriptors dropped ("Russian President Putin" → "Putin").

use super::cues::plural_like;
use super::parsed::Parsed;
use super::words::{capitalized, is_bare_verb, verbish, AUX, DETERMINERS, PRONOUNS};
use crate::text::calendar;
use std::ops::Range;

/// Words that open a leading adverbial clause or phrase; reporting verbs inside it are not the main clause's.
pub(crate) const ADVERBIAL_OPENERS: &[&str] = &[
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
    "not",
];

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
pub(crate) const RELATIVES: &[&str] = &["which", "who", "whom", "whose", "where", "that", "whereby"];

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

/// The first word of a segment (lowercase), if it is a word.
pub(crate) fn seg_opener<'p>(p: &'p Parsed, seg: &Range<usize>) -> Option<&'p str> {
    (seg.start < seg.end && p.toks[seg.start].word).then(|| p.lower(seg.start))
}

/// Words dropped between a subject and its verb: auxiliaries, adverbs and "been quick to".
pub(crate) fn is_between(w: &str) -> bool {
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
pub(crate) fn subject_before(p: &Parsed, i: usize, participle: bool) -> Option<Range<usize>> {
    let k = p.seg[i];
    let seg = p.segment(k);
    let mut end = i;
    while end > seg.start && p.is_word(end - 1) && is_between(p.lower(end - 1)) {
        end -= 1;
    }
    // "Ham went on to explain", "protesters continued to call for": the carrying verb stands between too.
    if end > seg.start + 1 && p.is_word(end) && p.lower(end) == "to" {
        let carried = if p.lower(end - 1) == "on" && matches!(p.lower(end - 2), "went" | "goes" | "go" | "gone") {
            2
        } else {
            usize::from(matches!(p.lower(end - 1), "continued" | "continues" | "continue"))
        };
        end -= carried;
        while carried > 0 && end > seg.start && p.is_word(end - 1) && is_between(p.lower(end - 1)) {
            end -= 1;
        }
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
            let adverbial = opener.as_ref().is_some_and(|w| ADVERBIAL_OPENERS.contains(w) || w.ends_with("ly"));
            // "in Tulsa, Oklahoma, arguing …": a place after a place is no subject; the clause's is before.
            let place = kk < k && kk > 0 && {
                let ws: Vec<usize> = r.clone().filter(|&j| p.toks[j].word).collect();
                let before = p.segment(kk - 1);
                let last = (before.start..before.end).rev().find(|&j| p.toks[j].word);
                (1..=2).contains(&ws.len())
                    && ws.iter().all(|&j| capitalized(p.word(j)) && !PRONOUNS.contains(&p.lower(j)))
                    && last.is_some_and(|j| {
                        capitalized(p.word(j)) && j > before.start && p.is_word(j - 1) && p.lower(j - 1) == "in"
                    })
            };
            if place {
                kk -= 1;
                continue;
            }
            if r.start < r.end && !adverbial && (kk < k || !own_words.is_empty()) {
                // "Dean, a …, poked at Trump, tweeting …": a clause that opens with its verb has its subject before.
                let first = r.start;
                if kk < k && kk > 0 && p.is_word(first) && !capitalized(p.word(first)) && verbish(p.word(first)) {
                    return subject_before(p, first, false);
                }
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
        // A noun slot: after a determiner, a possessive or a name inside the phrase ("the report", "Connecticut’s
        // tax commissioner"), or a bare verb form that modifies the next noun ("state officials").
        let noun_slot = |j: usize| {
            let prev = (j > 0 && p.is_word(j - 1)).then(|| p.lower(j - 1));
            let possessive = prev.is_some_and(|x| x.ends_with("’s") || x.ends_with("'s"));
            let next = (p.is_word(j + 1) && j + 1 < end).then(|| p.lower(j + 1));
            let modifier = is_bare_verb(p.lower(j))
                && next.is_some_and(|n| !DETERMINERS.contains(&n) && !PRONOUNS.contains(&n) && !n.ends_with("self"))
                && prev.is_none_or(|x| x != "to" && !AUX.contains(&x));
            prev.is_some_and(|x| DETERMINERS.contains(&x))
                || possessive
                || modifier
                || prev.is_some() && capitalized(p.word(j - 1)) && j - 1 > seg.start
        };
        // "A rebel group called the Free Army claimed": a participle that names the noun before it.
        let naming = |j: usize| {
            let name_at = |k: usize| k < end && p.is_word(k) && capitalized(p.word(k));
            matches!(p.lower(j), "called" | "named" | "dubbed" | "nicknamed" | "titled")
                && (name_at(j + 1) || p.is_word(j + 1) && p.lower(j + 1) == "the" && name_at(j + 2))
        };
        // "elected officials from both parties say", "retired generals said": a participle opening a plural
        // subject modifies it.
        let plural_head = own_words.len() >= 2 && own_words.iter().skip(1).take(2).any(|&j| plural_like(p.lower(j)));
        let adjective = |j: usize| {
            j == own_words[0]
                && plural_head
                && p.lower(j).ends_with("ed")
                && !DETERMINERS.contains(&p.lower(own_words[1]))
                && !PRONOUNS.contains(&p.lower(own_words[1]))
        };
        if own_words.iter().any(|&j| {
            !adjective(j)
                && !capitalized(p.word(j))
                && verbish(p.word(j))
                && !is_between(p.lower(j))
                && !p.lower(j).ends_with("ing")
                && !noun_slot(j)
                && !naming(j)
        }) {
            return None;
        }
        let a = *own.first()?;
        // "In their Saturday statement they said": a pronoun right before the verb is the subject.
        let last = *own_words.last()?;
        if PRONOUNS.contains(&p.lower(last)) {
            return Some(p.toks[last].r.clone());
        }
        // "though VW says …": the clause's subject follows the subordinator.
        let a = if own_words.len() >= 2 && SUBORDINATORS.contains(&p.lower(a)) { own_words[1] } else { a };
        if ADVERBIAL_OPENERS.contains(&p.lower(a)) {
            return None;
        }
        // A lowercase subject is a short plural noun phrase: "experts say", "local officials said".
        // A lowercase subject is a plural noun phrase ("experts say", "advisers to Mr. Obama say") or ends with a
        // name ("longtime Democratic pollster Pat Caddell told").
        let plural_subject = own_words.len() <= 6
            && (p.lower(last).ends_with('s') || plural_like(p.lower(a)))
            && own_words.iter().all(|&j| !verbish(p.word(j)) || capitalized(p.word(j)) || adjective(j));
        let named =
            capitalized(p.word(last)) && own_words.iter().all(|&j| !verbish(p.word(j)) || capitalized(p.word(j)));
        let counted = p.word(a).chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        if !(capitalized(p.word(a)) || DETERMINERS.contains(&p.lower(a)) || plural_subject || named || counted)
            || own_words.len() > 14
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
            && (fw.ends_with("ing") || RELATIVES.contains(&fw) || fw.ends_with("ed"))
        {
            continue;
        }
        // A short phrase of place or time between the subject and its verb: "X, at a later press gaggle, said".
        let aside = matches!(fw, "at" | "in" | "on" | "during" | "like" | "after" | "speaking" | "for")
            && ws.len() <= 8
            && !ws.iter().any(|&j| !capitalized(p.word(j)) && verbish(p.word(j)) && !p.lower(j).ends_with("ing"));
        if aside && kk > 0 {
            continue;
        }
        // An apposition ("a former minister who is a critic of X", "one of the states suing the EPA") may hold
        // verbs; any other segment with a verb is a clause of its own.
        let apposition = matches!(fw, "a" | "an" | "the" | "one") || fw.chars().all(|c| c.is_ascii_digit());
        if ADVERBIAL_OPENERS.contains(&fw)
            || CONJUNCTIONS.contains(&fw)
            || !apposition && ws.iter().any(|&j| !capitalized(p.word(j)) && verbish(p.word(j)))
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
        .find(|r| capitalized(p.word(r.start)) && !DETERMINERS.contains(&p.lower(r.start)))
        .or(group.first())?;
    Some(name_or_np(p, pick.start, pick.end))
}

/// Weekdays, months and time words that can end a prepositional phrase of time.
pub(crate) fn is_time_word(w: &str) -> bool {
    const TIME: &[&str] =
        &["week", "month", "year", "today", "yesterday", "tonight", "morning", "evening", "night", "weekend"];
    let lower = w.to_lowercase();
    calendar::is_month_or_weekday(&lower) || TIME.contains(&lower.as_str()) || w.chars().all(|c| c.is_ascii_digit())
}

/// The noun phrase that opens tokens `a..b`: words up to the first lowercase verb.
pub(crate) fn leading_np(p: &Parsed, a: usize, b: usize) -> Option<Range<usize>> {
    let mut e = a;
    while e < b && (p.toks[e].word && (capitalized(p.word(e)) || !verbish(p.word(e))) || p.is_punct(e, '’')) {
        e += 1;
    }
    (e > a && (capitalized(p.word(a)) || DETERMINERS.contains(&p.lower(a)))).then(|| name_or_np(p, a, e))
}

/// Tokens `a..b` as a source: parentheses dropped, and a title or a lowercase descriptor before a name dropped
/// ("Russian President Putin" → "Putin", "Security expert Olivier Guitta" → "Olivier Guitta").
pub(crate) fn name_or_np(p: &Parsed, a: usize, b: usize) -> Range<usize> {
    let mut b = b;
    // Cut at a parenthesis: "Islamic State (IS)".
    if let Some(k) = (a..b).find(|&k| p.is_punct(k, '(')) {
        b = k;
    }
    while b > a && !p.toks[b - 1].word {
        b -= 1;
    }
    // A trailing time is not part of the speaker: "A branch of the Islamic State on Friday".
    if b >= a + 3 && matches!(p.lower(b - 2), "on" | "in" | "at" | "last" | "this") && is_time_word(p.word(b - 1)) {
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
        if let Some(t) = (run..b).rev().find(|&k| TITLES.contains(&p.lower(k))) {
            if t + 1 < b {
                return p.span(t + 1, b);
            }
        }
        if run > a {
            let before = p.lower(run - 1);
            let descriptor = p.toks[run - 1].word
                && !NP_GLUE.contains(&before)
                && !DETERMINERS.contains(&before)
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
