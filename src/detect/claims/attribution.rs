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

pub(crate) use super::cues::cue_kind;
use super::cues::plural_like;
use super::cues::{cue_at, inverts, inverts_before_subject};
pub(crate) use super::parsed::Parsed;
use super::subjects::{is_between, leading_np, name_or_np, seg_opener, subject_before, ADVERBIAL_OPENERS, RELATIVES};
pub(crate) use super::subjects::{is_time_word, is_title};
use super::words::{at, capitalized, verbish, DETERMINERS, PRONOUNS};
use std::ops::Range;

/// What a sentence's attribution found, as byte ranges into the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attribution {
    /// The speaker as written, titles and descriptors dropped; `None` for "reportedly".
    pub source: Option<Range<usize>>,
    /// The reporting expression as written, auxiliaries dropped.
    pub cue: Range<usize>,
}

/// Finds the sentence's attribution, if any. The speaker reporting themselves ("I said that years ago", "Let me
/// tell you") or a demonstrative ("That says something") is no source.
pub(crate) fn attribute(p: &Parsed) -> Option<Attribution> {
    let mut found = super::turns::speaker_label(p)
        .or_else(|| signature(p))
        .or_else(|| leading_according(p))
        .or_else(|| trailing_report(p))
        .or_else(|| outer_according(p, main_clause(p)))
        .or_else(|| embedded_according(p))
        .or_else(|| statement_opening(p))
        .or_else(|| subordinate_report(p))
        .or_else(|| reportedly(p))?;
    if let Some(src) = &mut found.source {
        // "Even China, …, said": a focus adverb is no part of the source.
        let ws = super::words::tokens(at(p.s, src));
        if ws.len() >= 2
            && matches!(
                at(p.s, &(src.start..src.start + ws[0].r.end)).to_lowercase().as_str(),
                "even" | "only" | "also"
            )
        {
            src.start += ws[1].r.start;
        }
    }
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

/// A quotation signed after a dash: "“…” ― Pamela Padilla" (the dash and name may also stand alone as the
/// sentence after the quotation, "― Jacklyn Ashley"). The name is the source and the dash the cue.
pub(crate) fn signature(p: &Parsed) -> Option<Attribution> {
    let mut end = p.toks.len();
    while end > 0 && !p.toks[end - 1].word && matches!(at(p.s, &p.toks[end - 1].r), "." | "\u{a0}") {
        end -= 1;
    }
    // Back over the name: one to four capitalised words and initials.
    let mut a = end;
    let mut names = 0;
    while a > 0 && (p.is_word(a - 1) && capitalized(p.word(a - 1)) || p.is_punct(a - 1, '.') && names > 0) {
        names += usize::from(p.toks[a - 1].word);
        a -= 1;
    }
    if !(1..=4).contains(&names) || a == 0 || !p.is_word(a) {
        return None;
    }
    let dash = a - 1;
    if !matches!(at(p.s, &p.toks[dash].r), "―" | "—" | "–") {
        return None;
    }
    // The dash opens the sentence or follows the quotation's closing mark.
    let after_quote = dash > 0 && matches!(at(p.s, &p.toks[dash - 1].r), "”" | "\"" | "'" | "»");
    if dash != 0 && !after_quote {
        return None;
    }
    Some(Attribution { source: Some(p.span(a, end)), cue: p.toks[dash].r.clone() })
}

/// Nouns of statements: "in a statement", "according to a report by X".
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "speech",
    "letter",
    "tweet",
    "post",
    "email",
    "e-mail",
    "report",
    "op-ed",
    "column",
    "memo",
    "release",
    "conference",
    "remarks",
    "testimony",
    "filing",
    "video",
    "message",
    "briefing",
    "study",
    "survey",
    "poll",
    "analysis",
];

/// A noun cue opening the sentence: "In a statement issued Tuesday, presidential nominee Hillary Clinton was more
/// circumspect …": the clause's subject is the source and "In a statement" the cue.
fn statement_opening(p: &Parsed) -> Option<Attribution> {
    if p.segs.len() < 2 || !(p.is_word(0) && p.lower(0) == "in" && p.is_word(1)) {
        return None;
    }
    let first = p.segment(0);
    let d = p.lower(1);
    if !matches!(d, "a" | "an" | "his" | "her" | "its" | "their" | "the") {
        return None;
    }
    let noun = (2..first.end.min(5)).find(|&j| p.is_word(j) && STATEMENT_NOUNS.contains(&p.lower(j)))?;
    let next = p.segment(1);
    let src = leading_np(p, next.start, next.end)?;
    // The subject must be followed by its verb in the same segment.
    let after = p.toks.iter().position(|t| t.r.end == src.end)? + 1;
    if !(after < next.end && p.is_word(after) && verbish(p.word(after))) {
        return None;
    }
    Some(Attribution { source: Some(src), cue: p.span(0, noun + 1) })
}

/// "a report by X", "a statement from X": the author named after a statement noun, if any.
fn author_of(p: &Parsed, a: usize) -> Option<usize> {
    let det = p.is_word(a) && matches!(p.lower(a), "a" | "an" | "the");
    let noun = (a + 1..p.toks.len().min(a + 4)).find(|&j| p.is_word(j) && STATEMENT_NOUNS.contains(&p.lower(j)))?;
    let by = noun + 1;
    (det && p.is_word(by) && matches!(p.lower(by), "by" | "from") && p.is_word(by + 1)).then_some(by + 1)
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
    let source = np_until_segment_end(p, author_of(p, 2).unwrap_or(2))?;
    Some(Attribution { source: Some(source), cue: p.span(0, 2) })
}

/// A sentence-final "…, according to X." is the reporter's attribution of the whole sentence and outranks the main
/// clause's cue ("Clinton plans to visit Charlotte, according to a campaign aide"), unless that cue opens a
/// that-clause holding it ("The report highlights that …, according to officials").
fn outer_according(p: &Parsed, main: Option<Attribution>) -> Option<Attribution> {
    let last = p.segs.len().checked_sub(1)?;
    let ws: Vec<usize> = p.segment(last).filter(|&i| p.toks[i].word && !p.hidden[i]).collect();
    let final_according = last > 0 && ws.len() >= 3 && according_at(p, ws[0]);
    let m = main?;
    let that_clause =
        p.toks.iter().position(|t| t.r.end == m.cue.end).is_some_and(|i| {
            p.is_word(i + 1) && p.lower(i + 1) == "that" || p.is_word(i + 2) && p.lower(i + 2) == "that"
        });
    if final_according && !that_clause {
        if let Some(source) = np_until_segment_end(p, author_of(p, ws[2]).unwrap_or(ws[2])) {
            return Some(Attribution { source: Some(source), cue: p.span(ws[0], ws[0] + 2) });
        }
    }
    Some(m)
}

fn embedded_according(p: &Parsed) -> Option<Attribution> {
    let i = (1..p.toks.len()).find(|&i| according_at(p, i))?;
    let source = np_until_segment_end(p, author_of(p, i + 2).unwrap_or(i + 2))?;
    Some(Attribution { source: Some(source), cue: p.span(i, i + 2) })
}

fn reportedly(p: &Parsed) -> Option<Attribution> {
    let i = (0..p.toks.len()).find(|&i| p.is_word(i) && !p.hidden[i] && p.lower(i) == "reportedly")?;
    Some(Attribution { source: None, cue: p.toks[i].r.clone() })
}

/// Openers of a relative or adverbial clause whose report names its speaker: "the mine, which Mr. Clarke says he
/// keeps open", "where experts say", "as police have said", "though Lynch notes they …". Temporal and causal
/// openers ("after", "when", "because") report only before a that-clause ("After aides insisted that …").
const REPORT_CLAUSE_OPENERS: &[&str] =
    &["which", "where", "whom", "who", "as", "while", "though", "although", "whereas"];
const EVENT_CLAUSE_OPENERS: &[&str] = &["after", "when", "before", "because", "since", "until"];

/// A report inside a relative or subordinate clause when the main clause reports nobody: "Patriot filed in
/// Richmond, where restructuring experts say some judges are eager …", "It does not answer whether Scott had a
/// gun, as police have said.", and a relative without its pronoun, "meddling the congressman said is designed to
/// …". The clause's subject is a short noun phrase right before the verb.
fn subordinate_report(p: &Parsed) -> Option<Attribution> {
    for i in 1..p.toks.len() {
        // The cheap word tests first: most tokens are no speech verb.
        if !p.is_word(i) || p.hidden[i] || p.lower(i).ends_with("ing") {
            continue;
        }
        let w = p.lower(i);
        let Some(lemma) = super::cues::lemma_of(w) else {
            continue;
        };
        if lemma == "call" || lemma != "suggest" && !super::cues::is_speech(w) {
            continue;
        }
        if cue_at(p, i) != Some(1) {
            continue;
        }
        let mut e = i;
        while e > 0 && p.is_word(e - 1) && is_between(p.lower(e - 1)) && p.lower(e - 1) != "to" {
            e -= 1;
        }
        // Back over the subject: up to five words, none a lowercase verb but a noun modifier ("campaign aides").
        let mut a = e;
        while a > 0 && e - a < 5 && p.is_word(a - 1) && !p.hidden[a - 1] && p.seg[a - 1] == p.seg[i] && {
            let x = p.lower(a - 1);
            let modifier = a < e && super::words::is_bare_verb(x);
            !RELATIVES.contains(&x)
                && !REPORT_CLAUSE_OPENERS.contains(&x)
                && !EVENT_CLAUSE_OPENERS.contains(&x)
                && (capitalized(p.word(a - 1)) || !verbish(x) || modifier)
        } {
            a -= 1;
        }
        if a == e || a == 0 {
            continue;
        }
        let next = if p.is_word(i + 1) { p.lower(i + 1) } else { "" };
        let opener = if p.is_word(a - 1) { p.lower(a - 1) } else { "" };
        let that_clause = next == "that"
            || (i + 2..p.toks.len().min(i + 6))
                .take_while(|&j| p.is_word(j) && !verbish(p.word(j)))
                .any(|j| p.lower(j) == "that");
        // What follows the verb is a clause of its own, or nothing ("as police have said.").
        let clause_follows = that_clause
            || PRONOUNS.contains(&next)
            || DETERMINERS.contains(&next)
            || next.ends_with("ly") && p.is_word(i + 2) && verbish(p.word(i + 2))
            || verbish(next) && next != "by";
        // After "which"/"where" the reported clause may open with any noun or verb: "where lawyers say jurors …",
        // "which state television claimed proves …"; a preposition makes the relative the verb's object
        // ("which engineers reported in a study").
        let relative_clause = matches!(opener, "which" | "where" | "whom" | "who")
            && p.is_word(i + 1)
            && !matches!(
                next,
                "by" | "in" | "on" | "at" | "to" | "for" | "with" | "from" | "of" | "about" | "last" | "this"
            );
        let seg = p.segment(p.seg[i]);
        let seg_ends = !(i + 1..seg.end).any(|j| p.toks[j].word);
        let relative_gap = super::words::AUX.contains(&next) && !matches!(next, "be" | "being" | "been");
        let start =
            (a..e).find(|&j| capitalized(p.word(j)) || DETERMINERS.contains(&p.lower(j)) && p.lower(j) != "that");
        let subj_ok = {
            let last = p.lower(e - 1);
            start.is_some() || plural_like(last) || opener == "as" && e - a <= 2
        };
        if !subj_ok {
            continue;
        }
        let from = start.unwrap_or(a);
        let ok = if REPORT_CLAUSE_OPENERS.contains(&opener) {
            if opener == "as" {
                clause_follows || seg_ends
            } else {
                clause_follows || relative_clause
            }
        } else if EVENT_CLAUSE_OPENERS.contains(&opener) {
            that_clause
        } else {
            // "meddling the congressman said is designed": only a determined noun phrase or a name.
            relative_gap && start.is_some()
        };
        if ok {
            return Some(Attribution { source: Some(name_or_np(p, from, e)), cue: p.toks[i].r.clone() });
        }
    }
    None
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
            // "said 9/11 widow Terry Strada", "said longtime aide John Smith": a descriptor before the name.
            let named = ws.len() >= 3
                && !ADVERBIAL_OPENERS.contains(&p.lower(ws[1]))
                && ws[1..ws.len().min(6)].iter().any(|&i| capitalized(p.word(i)) && !is_time_word(p.word(i)));
            let np_follows = ws.len() >= 2
                && (capitalized(p.word(ws[1]))
                    || DETERMINERS.contains(&p.lower(ws[1])) && p.lower(ws[1]) != "that"
                    || named)
                && ws[1..].iter().all(|&i| capitalized(p.word(i)) || !verbish(p.word(i)));
            // The inverted clause follows reported content: a quotation or a clause with a verb ("To the pears, add
            // the juice" is an instruction).
            let prev = p.segment(k - 1);
            let content_before = prev.clone().any(|j| p.hidden[j])
                || prev.clone().any(|j| {
                    p.toks[j].word && !capitalized(p.word(j)) && (verbish(p.word(j)) || p.lower(j).ends_with("ing"))
                });
            if n == 1 && inverts_before_subject(p.lower(ws[0])) && np_follows && content_before {
                let src = name_or_np(p, ws[1], ws[ws.len() - 1] + 1);
                return Some(Attribution { source: Some(src), cue: p.toks[ws[0]].r.clone() });
            }
        }
        // "X said[ on Friday]." in the last segment: a short noun phrase, then the cue, then at most a time.
        if k + 1 == nseg {
            if let Some(c) = ws.iter().position(|&i| cue_at(p, i) == Some(1) && inverts(p.lower(i))) {
                let tail_ok = ws.len() - c - 1 <= 3 && ws[c + 1..].iter().all(|&i| !verbish(p.word(i)));
                // "…, and the army confirmed it": the conjunction is no part of the subject.
                let lead = usize::from(c > 0 && matches!(p.lower(ws[0]), "and" | "but" | "or" | "while" | "as"));
                let subj = &ws[lead..c];
                // The subject is a name, a determined noun phrase or a plural ("officials"), never a relative
                // ("which advocates say") or an imperative ("please ask").
                // "retired Air Force general Lloyd Newton said": an adjective may open a subject ending in a name.
                let named = subj.len() >= 2 && capitalized(p.word(subj[subj.len() - 1]));
                let subj_ok = !subj.is_empty()
                    && subj.len() <= 6
                    && subj.iter().enumerate().all(|(n, &i)| {
                        !verbish(p.word(i)) || capitalized(p.word(i)) || n == 0 && named && p.lower(i).ends_with("ed")
                    })
                    && {
                        let first = p.lower(subj[0]);
                        let last = p.lower(subj[subj.len() - 1]);
                        !RELATIVES.contains(&first)
                            && first != "please"
                            && (capitalized(p.word(subj[0])) || first != "that" && last != "that")
                    };
                if tail_ok && subj_ok {
                    let src = name_or_np(p, subj[0], subj[subj.len() - 1] + 1);
                    return Some(Attribution { source: Some(src), cue: p.toks[ws[c]].r.clone() });
                }
            }
        }
    }
    None
}

/// The main clause's reporting verb and its subject.
fn main_clause(p: &Parsed) -> Option<Attribution> {
    let first_seg_adverbial = p.toks.first().is_some_and(|t| t.word) && ADVERBIAL_OPENERS.contains(&p.lower(0));
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
        let opener_relative = seg_opener(p, &seg).is_some_and(|w| RELATIVES.contains(&w) && w != "that");
        let rel = (seg.start..i)
            .find(|&j| p.is_word(j) && !p.hidden[j] && RELATIVES.contains(&p.lower(j)) && p.lower(j) != "that");
        // "One of the docs who sent the letter called Oz a quack": a relative clause with a verb of its own ends
        // before the cue, which is the main verb of the noun phrase before the relative.
        if let (false, false, Some(r)) = (opener_relative, in_leading_adverbial, rel) {
            let closed = matches!(p.lower(r), "who" | "which")
                && (r + 1..i).filter(|&j| p.is_word(j) && !p.hidden[j] && verbish(p.word(j))).count() == 1
                && p.is_word(r + 1)
                && verbish(p.word(r + 1))
                && !p.lower(i).ends_with("ing");
            let head = seg.start < r && (capitalized(p.word(seg.start)) || DETERMINERS.contains(&p.lower(seg.start)));
            if closed && head && seg.start == 0 {
                return Some(Attribution { source: Some(name_or_np(p, seg.start, r)), cue: p.span(i, i + n) });
            }
        }
        let relative = opener_relative || rel.is_some();
        if in_leading_adverbial || relative {
            i += n;
            continue;
        }
        let cue = p.span(i, i + n);
        let w = p.lower(i);
        // "The airline, citing safety concerns, said …": a participle aside before the clause's own cue.
        if w.ends_with("ing") && i > 0 && p.is_punct(i - 1, ',') && p.is_punct(seg.end - 1, ',') {
            let next = p.segment(k + 1);
            if next.start < next.end && cue_at(p, next.start).is_some() {
                i += n;
                continue;
            }
        }
        // Passive "has been claimed by X": the agent is the source.
        // "is saying", "was warning": a progressive is active.
        let mut b = i;
        while b > 0 && p.is_word(b - 1) && {
            let x = p.lower(b - 1);
            x.ends_with("ly") || matches!(x, "once" | "also" | "later" | "never" | "often" | "then" | "first")
        } {
            b -= 1;
        }
        let aux_before = b > 0
            && p.is_word(b - 1)
            && matches!(p.lower(b - 1), "been" | "was" | "were" | "is" | "are" | "be" | "being")
            && !w.ends_with("ing");
        if aux_before && p.is_word(i + 1) && p.lower(i + 1) == "by" {
            let src = np_until_segment_end(p, i + 2)?;
            return Some(Attribution { source: Some(src), cue });
        }
        if !aux_before && w.ends_with("ed") && p.is_word(i + 1) && p.lower(i + 1) == "by" {
            // "an assault claimed by the group": a participle modifier.
            i += n;
            continue;
        }
        // "has been called a charlatan by fellow physicians": the agent after a short object.
        if aux_before {
            let seg_end = p.segment(k).end;
            if let Some(by) = (i + 2..seg_end.min(i + 8)).find(|&j| p.is_word(j) && p.lower(j) == "by") {
                let agent = by + 1 < seg_end && p.is_word(by + 1) && {
                    let x = p.lower(by + 1);
                    capitalized(p.word(by + 1))
                        || DETERMINERS.contains(&x)
                        || (by + 1..seg_end.min(by + 4)).any(|j| p.is_word(j) && super::cues::plural_like(p.lower(j)))
                };
                if agent && (i + 1..by).all(|j| !p.is_word(j) || !verbish(p.word(j))) {
                    let src = np_until_segment_end(p, by + 1)?;
                    return Some(Attribution { source: Some(src), cue });
                }
            }
        }
        if aux_before && w != "quoted" {
            // "It has been noted that …", "we were told to expect": a passive without agent names no source.
            i += n;
            continue;
        }
        let progressive = w.ends_with("ing")
            && i > 0
            && p.is_word(i - 1)
            && matches!(p.lower(i - 1), "is" | "are" | "was" | "were" | "been");
        if let Some(src) = subject_before(p, i, w.ends_with("ing") && !progressive) {
            // "X claimed …, and Y confirmed the claim": the confirmation reports the whole sentence.
            if let Some(outer) = confirmation_of(p, i + n) {
                return Some(outer);
            }
            return Some(Attribution { source: Some(src), cue });
        }
        if let Some(src) = coordinated_subject(p, i) {
            return Some(Attribution { source: Some(src), cue });
        }
        i += n;
    }
    None
}

/// The subject of a verb coordinated with the clause's first one: "A reporter for USA Today spotted Stein and
/// reported her presence", "Donald Trump, her Republican opponent, bemoaned the unrest and said he thought …".
fn coordinated_subject(p: &Parsed, i: usize) -> Option<Range<usize>> {
    let mut j = i;
    while j > 0 && p.is_word(j - 1) && is_between(p.lower(j - 1)) {
        j -= 1;
    }
    let and = if j > 0 && p.is_punct(j - 1, ',') { j.checked_sub(2)? } else { j.checked_sub(1)? };
    let coord = |t: usize| p.is_word(t) && matches!(p.lower(t), "and" | "but");
    let and = if coord(and) {
        and
    } else if coord(j - 1) {
        j - 1
    } else {
        return None;
    };
    // The clause's first verb: the first lowercase finite-looking word outside quotes after a subject.
    let verb = (1..and).find(|&v| {
        p.is_word(v)
            && !p.hidden[v]
            && !capitalized(p.word(v))
            && verbish(p.word(v))
            && !p.lower(v).ends_with("ing")
            && !matches!(p.lower(v), "been" | "be" | "being")
    })?;
    // Neither verb may sit in a relative or subordinate clause: nothing but the subject's segments before the first.
    if (0..verb).any(|t| p.is_word(t) && !p.hidden[t] && RELATIVES.contains(&p.lower(t))) {
        return None;
    }
    subject_before(p, verb, false)
}

/// A later coordinated clause "…, and Y confirmed the claim" (or "it", "this"), searched from token `from`.
fn confirmation_of(p: &Parsed, from: usize) -> Option<Attribution> {
    for j in from..p.toks.len() {
        if !(p.is_word(j) && p.lower(j) == "and" && j > 0 && p.is_punct(j - 1, ',')) {
            continue;
        }
        let c = (j + 2..p.toks.len().min(j + 8)).find(|&c| cue_at(p, c).is_some())?;
        let lower_at = |k: usize| if k < p.toks.len() { p.lower(k) } else { "" };
        let (obj, obj2) = (lower_at(c + 1), lower_at(c + 2));
        let meta = matches!(obj, "it" | "this" | "that")
            || obj == "the" && matches!(obj2, "claim" | "report" | "reports" | "statement");
        let subj_ok = (j + 1..c)
            .all(|k| p.is_word(k) && (capitalized(p.word(k)) || !verbish(p.word(k)) || is_between(p.lower(k))));
        if meta && subj_ok {
            let mut e = c;
            while e > j + 1 && is_between(p.lower(e - 1)) {
                e -= 1;
            }
            return Some(Attribution { source: Some(name_or_np(p, j + 1, e)), cue: p.toks[c].r.clone() });
        }
    }
    None
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
