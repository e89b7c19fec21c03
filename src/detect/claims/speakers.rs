//! Who a source is across a document: pronouns go to the last named speaker ("he" → "Colin P. Clarke"), a bare
//! surname to the earlier full name, "the ministry"/"the report" to the earlier source they name. Each resolved
//! source keeps where its name is written, so the mention and the name both have offsets.

use super::attribution;
use super::words;
use std::ops::Range;

/// The named speakers seen so far, to resolve pronouns and short references.
#[derive(Default)]
pub(super) struct Speakers {
    /// The last [`Speakers::MEMORY`] resolved sources in order.
    seen: std::collections::VecDeque<Seen>,
}

/// A resolved source: its name, where that name is written (bytes of the text), its cue, and whether it names a
/// person.
struct Seen {
    name: String,
    at: Range<usize>,
    cue: String,
    person: bool,
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

    /// Resolves the source written at `src` (bytes of `text`) and records it. Returns the name, always text of the
    /// document, and where that name is written: `src` itself, or the earlier mention a pronoun, a surname or
    /// "the ministry" stands for.
    pub(super) fn resolve(&mut self, text: &str, src: Range<usize>, cue: &str) -> (String, Range<usize>) {
        let written = words::at(text, &src);
        let lower = written.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let known = self.seen.iter().any(|s| s.name == written);
        let earlier = |s: &Seen| (s.name.clone(), s.at.clone());
        let resolved = if known {
            None
        } else if words::PRONOUNS.contains(&lower.as_str()) {
            // "he"/"she" go to the last person, "it" to the last institution, "they"/"we" to the last source.
            let person = match lower.as_str() {
                "he" | "she" => Some(true),
                "it" => Some(false),
                _ => None,
            };
            let fits = |s: &&Seen| person.is_none_or(|want| s.person == want);
            self.seen.iter().rev().find(fits).or(self.seen.back()).map(earlier)
        } else if words.len() == 1 && words::capitalized(written) {
            // A bare surname: the earlier full name ending with it.
            let from =
                (src.start.saturating_sub(20_000)..=src.start).find(|&b| text.is_char_boundary(b)).unwrap_or(src.start);
            self.seen
                .iter()
                .rev()
                .find(|s| is_person(&s.name) && s.name.ends_with(&format!(" {written}")))
                .map(earlier)
                .or_else(|| {
                    full_name_in(words::at(text, &(from..src.start)), written).map(|r| {
                        let m = from + r.start..from + r.end;
                        (words::at(text, &m).to_string(), m)
                    })
                })
        } else if matches!(words.first(), Some(&"the")) && words.len() <= 4 {
            words.iter().find_map(|w| REFERRING_NOUNS.iter().find(|n| **n == *w)).and_then(|noun| {
                self.seen
                    .iter()
                    .rev()
                    .find(|s| {
                        s.name.to_lowercase().contains(noun)
                            || s.cue.to_lowercase().starts_with(noun.get(..noun.len().min(4)).unwrap_or(noun))
                    })
                    .map(earlier)
            })
        } else {
            None
        };
        let (name, at) = resolved.unwrap_or_else(|| (written.to_string(), src.clone()));
        if self.seen.len() == Self::MEMORY {
            self.seen.pop_front();
        }
        // A person: a personal name, a name right after a title ("President Putin"), or a name seen as a person.
        let titled = words::at(text, &(0..src.start)).trim_end().rsplit(' ').next().is_some_and(attribution::is_title);
        let person = personish(&name)
            || titled
            || self.seen.iter().any(|s| s.name == name && s.person)
            || lower == "he"
            || lower == "she";
        self.seen.push_back(Seen { name: name.clone(), at: at.clone(), cue: cue.to_string(), person });
        (name, at)
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
fn full_name_in(before: &str, surname: &str) -> Option<Range<usize>> {
    let toks = words::tokens(before);
    let word = |k: usize| words::at(before, &toks[k].r);
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
            && words::at(before, &toks[k].r) == "."
            && k > 0
            && toks[k - 1].word
            && word(k - 1).chars().count() == 1
            && toks[k - 1].r.end == toks[k].r.start
        {
            k -= 1;
        }
        let w = word(k);
        let gap = words::at(before, &(end..toks[first].r.start));
        if !toks[k].word || gap != " " || !words::capitalized(w) || attribution::is_title(w) {
            break;
        }
        if k + 1 == first {
            n += 1;
        }
        first = k;
    }
    (first < last).then(|| toks[first].r.start..toks[last].r.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_before_a_surname() {
        let name =
            |before: &str, surname: &str| full_name_in(before, surname).map(|r| words::at(before, &r).to_string());
        assert_eq!(
            name("Putin said so. Russian President Vladimir V. Putin left", "Putin").as_deref(),
            Some("Vladimir V. Putin")
        );
        assert_eq!(name("Olivier Guitta argues", "Guitta").as_deref(), Some("Olivier Guitta"));
        assert_eq!(name("Guitta argues", "Guitta"), None);
        assert_eq!(name("", "Guitta"), None);
        assert_eq!(name("the former envoy to Ukraine Kurt Volker", "Volker").as_deref(), Some("Kurt Volker"));
        assert_eq!(name("the expert, Guitta", "Guitta"), None);
    }
}
