//! Claim verdicts: the scale a person rates a claim on (GUIDELINES "claim verdicts"). A verdict lives in the
//! claim span's `attrs` as its name, so every format that keeps attrs carries it without knowing about it; only
//! the ClaimReview writer reads it.

/// The span attribute holding a claim's verdict, one of [`Verdict::name`]. Set by people, never by a detector.
pub const VERDICT: &str = "verdict";
/// The span attribute holding the evidence for a verdict: a URL or a note.
pub const EVIDENCE: &str = "evidence";

/// How true a claim is, as a person judged it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Accurate, nothing significant missing.
    True,
    /// Accurate but needs clarification or context.
    MostlyTrue,
    /// Partly accurate, partly not.
    Mixed,
    /// Has an element of truth but leaves out what would change the impression.
    MostlyFalse,
    /// Not accurate.
    False,
    /// Cannot be checked with the evidence available.
    Unverifiable,
}

impl Verdict {
    /// Every verdict, from true down to false, then unverifiable (the order menus list them).
    pub const ALL: [Verdict; 6] = [
        Verdict::True,
        Verdict::MostlyTrue,
        Verdict::Mixed,
        Verdict::MostlyFalse,
        Verdict::False,
        Verdict::Unverifiable,
    ];

    /// The rating of [`Verdict::True`], the best on the scale.
    pub const BEST_RATING: u8 = 5;
    /// The rating of [`Verdict::False`], the worst on the scale.
    pub const WORST_RATING: u8 = 1;

    /// The name `attrs.verdict` holds, the words of the guidelines.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::True => "true",
            Verdict::MostlyTrue => "mostly true",
            Verdict::Mixed => "mixed",
            Verdict::MostlyFalse => "mostly false",
            Verdict::False => "false",
            Verdict::Unverifiable => "unverifiable",
        }
    }

    /// The verdict `s` names, if it names one. People type these, so it is forgiving where no name could be
    /// confused with another: case, surrounding space, and `-`, `_` or runs of spaces between the words
    /// ("Mostly-True", " mostly_false ").
    pub fn from_name(s: &str) -> Option<Verdict> {
        let words: Vec<&str> =
            s.split(|c: char| c.is_whitespace() || c == '-' || c == '_').filter(|w| !w.is_empty()).collect();
        let n = words.join(" ").to_ascii_lowercase();
        Verdict::ALL.into_iter().find(|v| v.name() == n)
    }

    /// The schema.org `ratingValue`: 5 for true down to 1 for false; `None` for unverifiable, which is not a
    /// point on the true–false scale.
    pub fn rating(self) -> Option<u8> {
        match self {
            Verdict::True => Some(5),
            Verdict::MostlyTrue => Some(4),
            Verdict::Mixed => Some(3),
            Verdict::MostlyFalse => Some(2),
            Verdict::False => Some(1),
            Verdict::Unverifiable => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_ratings_and_spellings() {
        let table: &[(Verdict, &str, Option<u8>, &[&str])] = &[
            (Verdict::True, "true", Some(5), &["TRUE", " True "]),
            (
                Verdict::MostlyTrue,
                "mostly true",
                Some(4),
                &["Mostly True", "mostly-true", "mostly_true", "mostly  true"],
            ),
            (Verdict::Mixed, "mixed", Some(3), &["Mixed"]),
            (Verdict::MostlyFalse, "mostly false", Some(2), &["MOSTLY-FALSE", "\tmostly false\n"]),
            (Verdict::False, "false", Some(1), &["False"]),
            (Verdict::Unverifiable, "unverifiable", None, &["Unverifiable "]),
        ];
        assert_eq!(table.len(), Verdict::ALL.len());
        for (v, name, rating, spellings) in table {
            assert_eq!(v.name(), *name);
            assert_eq!(v.rating(), *rating, "{name}");
            assert_eq!(Verdict::from_name(name), Some(*v));
            for s in *spellings {
                assert_eq!(Verdict::from_name(s), Some(*v), "{s:?}");
            }
        }
        let ratings: Vec<u8> = Verdict::ALL.iter().filter_map(|v| v.rating()).collect();
        assert_eq!(ratings, [Verdict::BEST_RATING, 4, 3, 2, Verdict::WORST_RATING]);
    }

    #[test]
    fn what_is_not_a_verdict() {
        for s in ["", "  ", "half true", "truee", "mostlytrue", "pants on fire", "true false", "1", "-", "mostly"] {
            assert_eq!(Verdict::from_name(s), None, "{s:?}");
        }
    }
}
