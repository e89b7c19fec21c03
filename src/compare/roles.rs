//! The lexicon of event roles: which words say what a number counts.
//!
//! Reports of one event give the same figures in different words: "killed at least 133 people", "the loss of at
//! least 133 lives", "the death toll rose to 115", "115 people dead" are one figure; "injured", "wounded",
//! "hurt" and "hospitalised" another; "detained", "arrested", "in custody" and "suspects" a third. A figure row
//! must hold all of them and nothing else, so each role lists the verbs, participles and nouns that news English
//! uses for it, and the figure module picks, for each number, the nearest role word around it (the counted noun
//! right after it first: "four suspected gunmen" are attackers even after "captured").
//!
//! Why a hand-written lexicon and not a model: the roles are few and closed (what a casualty report counts),
//! their wording is stereotyped, every match can be explained in one sentence ("counted by “lives”"), and the
//! core must run offline in the browser. Words that name a role only sometimes ("held" a concert, "victims",
//! "casualties", which mixes dead and injured) are left out: a missed figure is visible, a wrong row misleads.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// What a role's figures measure, and so which number spans can fill it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// A count of people or things: cardinals and ranges ("at least 115", "20-35").
    Count,
    /// How long something lasted: durations ("two hours", "120 minutes"), compared in seconds.
    Duration,
    /// When the event happened: dates ("22 March", "Friday").
    Date,
}

/// A role a figure can play in the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    /// Stable id, the start of a figure row's key: `killed`, `injured`, `detained`, `attackers`, `duration`,
    /// `date`.
    pub id: &'static str,
    /// A human title for the row.
    pub title: &'static str,
    /// What its figures measure.
    pub measure: Measure,
    /// Whether the figure can only grow as reporting goes on (tolls, arrests): a later, higher figure is then an
    /// update, not a contradiction.
    pub cumulative: bool,
}

/// Every role, in the order rows are shown when nothing else ranks them.
pub const ROLES: &[Role] = &[
    Role { id: "killed", title: "killed (dead, death toll, lives lost)", measure: Measure::Count, cumulative: true },
    Role { id: "injured", title: "injured (wounded, hurt, hospitalised)", measure: Measure::Count, cumulative: true },
    Role {
        id: "detained",
        title: "detained (arrested, charged, in custody)",
        measure: Measure::Count,
        cumulative: true,
    },
    Role { id: "attackers", title: "attackers (gunmen, assailants)", measure: Measure::Count, cumulative: false },
    Role { id: "duration", title: "how long it lasted", measure: Measure::Duration, cumulative: false },
    Role { id: "date", title: "date of the attack", measure: Measure::Date, cumulative: false },
];

/// The role with id `id`.
pub fn role(id: &str) -> Option<&'static Role> {
    ROLES.iter().find(|r| r.id == id)
}

/// How a lexicon word relates to the number it describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A noun that is what is counted ("133 lives", "four gunmen", "11 suspects"): right after a number it wins
    /// over any verb nearby.
    Noun,
    /// A verb, participle or phrase around the number ("killed 95 people", "115 people dead", "the death toll
    /// rose to 115").
    Verb,
}

/// The lexicon: (words, role id, part). Lowercase; a phrase is matched word by word.
const LEXICON: &[(&str, &str, Part)] = &[
    // killed: verbs, adjectives and the nouns of a toll.
    ("killed", "killed", Part::Verb),
    ("kill", "killed", Part::Verb),
    ("kills", "killed", Part::Verb),
    ("killing", "killed", Part::Verb),
    ("dead", "killed", Part::Verb),
    ("died", "killed", Part::Verb),
    ("dying", "killed", Part::Verb),
    ("perished", "killed", Part::Verb),
    ("slain", "killed", Part::Verb),
    ("massacred", "killed", Part::Verb),
    ("death toll", "killed", Part::Verb),
    ("toll", "killed", Part::Verb),
    ("lives lost", "killed", Part::Noun),
    ("lives", "killed", Part::Noun),
    ("deaths", "killed", Part::Noun),
    ("fatalities", "killed", Part::Noun),
    ("bodies", "killed", Part::Noun),
    // injured
    ("injured", "injured", Part::Verb),
    ("injuring", "injured", Part::Verb),
    ("injuries", "injured", Part::Noun),
    ("wounded", "injured", Part::Verb),
    ("wounding", "injured", Part::Verb),
    ("hurt", "injured", Part::Verb),
    ("hospitalised", "injured", Part::Verb),
    ("hospitalized", "injured", Part::Verb),
    ("in hospital", "injured", Part::Verb),
    // detained
    ("detained", "detained", Part::Verb),
    ("detaining", "detained", Part::Verb),
    ("detention", "detained", Part::Verb),
    ("detentions", "detained", Part::Noun),
    ("detainees", "detained", Part::Noun),
    ("arrested", "detained", Part::Verb),
    ("arresting", "detained", Part::Verb),
    ("arrests", "detained", Part::Noun),
    ("charged", "detained", Part::Verb),
    ("in custody", "detained", Part::Verb),
    ("custody", "detained", Part::Verb),
    ("captured", "detained", Part::Verb),
    ("apprehended", "detained", Part::Verb),
    ("suspects", "detained", Part::Noun),
    // attackers: the counted noun.
    ("gunmen", "attackers", Part::Noun),
    ("gunman", "attackers", Part::Noun),
    ("attackers", "attackers", Part::Noun),
    ("assailants", "attackers", Part::Noun),
    ("perpetrators", "attackers", Part::Noun),
    ("shooters", "attackers", Part::Noun),
    ("terrorists", "attackers", Part::Noun),
    // how long it lasted
    ("lasted", "duration", Part::Verb),
    ("siege", "duration", Part::Verb),
    ("standoff", "duration", Part::Verb),
    // the date of the event: the event's noun next to a date ("the 22 March attack", "Friday's attack").
    ("attack", "date", Part::Noun),
    ("shooting", "date", Part::Noun),
    ("massacre", "date", Part::Noun),
    ("assault", "date", Part::Noun),
    ("bombing", "date", Part::Noun),
    ("bombings", "date", Part::Noun),
];

/// Words that may sit between a number and its counted noun ("four suspected gunmen", "11 other suspects").
pub const NOUN_MODIFIERS: &[&str] =
    &["suspected", "alleged", "other", "more", "additional", "armed", "masked", "further", "people's"];

/// A lexicon match: the role, its part, and how many words it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The role.
    pub role: &'static Role,
    /// Noun or verb.
    pub part: Part,
    /// Words matched (1 for "killed", 2 for "death toll").
    pub len: usize,
}

type Index = FxHashMap<&'static str, Vec<(Vec<&'static str>, &'static Role, Part)>>;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: Index = FxHashMap::default();
        for &(phrase, id, part) in LEXICON {
            let words: Vec<&str> = phrase.split(' ').collect();
            let role = role(id).expect("every lexicon role is in ROLES");
            m.entry(words[0]).or_default().push((words, role, part));
        }
        // Longest phrase first, so "death toll" wins over "toll"-less readings and "lives lost" over "lives".
        for v in m.values_mut() {
            v.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
        }
        m
    })
}

/// The lexicon entry that starts at `words[0]` (lowercase words), if any.
pub fn lookup(words: &[&str]) -> Option<Match> {
    let first = words.first()?;
    let entries = index().get(first)?;
    entries
        .iter()
        .find(|(w, _, _)| words.len() >= w.len() && w.iter().zip(words).all(|(a, b)| a == b))
        .map(|(w, role, part)| Match { role, part: *part, len: w.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_of_a_role_map_to_one_row_and_phrases_win_over_their_first_word() {
        let table: &[(&[&str], &str, Part, usize)] = &[
            (&["killed"], "killed", Part::Verb, 1),
            (&["death", "toll", "rose"], "killed", Part::Verb, 2),
            (&["lives", "lost"], "killed", Part::Noun, 2),
            (&["lives"], "killed", Part::Noun, 1),
            (&["wounded"], "injured", Part::Verb, 1),
            (&["hospitalised"], "injured", Part::Verb, 1),
            (&["in", "custody"], "detained", Part::Verb, 2),
            (&["arrested"], "detained", Part::Verb, 1),
            (&["gunmen"], "attackers", Part::Noun, 1),
            (&["assailants"], "attackers", Part::Noun, 1),
        ];
        for (words, id, part, len) in table {
            let m = lookup(words).unwrap_or_else(|| panic!("{words:?}"));
            assert_eq!((m.role.id, m.part, m.len), (*id, *part, *len), "{words:?}");
        }
        assert_eq!(lookup(&["death"]), None, "“death” alone is not a role word");
        assert_eq!(lookup(&["in", "march"]), None);
        assert_eq!(lookup(&["victims"]), None, "ambiguous words are left out");
    }

    #[test]
    fn every_role_has_words_and_a_unique_id() {
        for r in ROLES {
            assert!(LEXICON.iter().any(|(_, id, _)| *id == r.id), "{}", r.id);
            assert_eq!(ROLES.iter().filter(|o| o.id == r.id).count(), 1);
        }
    }
}
