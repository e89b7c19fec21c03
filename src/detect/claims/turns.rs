//! Speaker labels: a sentence that opens with a name and a colon, as transcripts and quote headlines write them
//! ("WALLACE: Let’s start with …", "Pence: Gennifer Flowers won’t be at the debate"). The name is the source and
//! the colon the cue.

use super::attribution::{is_time_word, Attribution, Parsed};
use super::words::{at, capitalized};

/// Labels before a colon that name no speaker: page furniture and headings (times and dates are
/// [`is_time_word`]).
const NOT_SPEAKERS: &[&str] = &[
    "update",
    "updates",
    "note",
    "photo",
    "photos",
    "video",
    "watch",
    "read",
    "related",
    "editor",
    "source",
    "sources",
    "image",
    "images",
    "credit",
    "advertisement",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "live",
    "warning",
    "caption",
    "file",
    "correction",
    "clarification",
    "disclosure",
    "transcript",
    "question",
    "answer",
    "summary",
    "background",
    "context",
    "why",
    "what",
    "how",
    "where",
    "when",
    "who",
    "day",
    "part",
    "chapter",
    "step",
    "tip",
    "fact",
    "facts",
    "listen",
    "see",
    "also",
    "more",
    "getty",
    "reuters",
    "ap",
    "afp",
    "q",
    "a",
    "here",
    "this",
    "that",
    "there",
    "it",
    "the",
    "and",
    "but",
    "so",
    "now",
    "then",
    "first",
];

/// Up to three capitalised words, then a colon and at least three words of what they said. A transcript quoted
/// paragraph by paragraph opens each turn with a quotation mark (`"WALLACE: …`).
pub(crate) fn speaker_label(p: &Parsed) -> Option<Attribution> {
    let colon = p.toks.iter().position(|t| !t.word && at(p.s, &t.r) == ":")?;
    let first = usize::from(p.toks.first().is_some_and(|t| !t.word && matches!(at(p.s, &t.r), "\"" | "“")));
    if !(first + 1..=first + 3).contains(&colon) || p.in_quote {
        return None;
    }
    let names = &p.toks[first..colon];
    let ok = names.iter().all(|t| {
        let w = at(p.s, &t.r);
        t.word
            && capitalized(w)
            && !w.chars().any(|c| c.is_ascii_digit())
            && !NOT_SPEAKERS.contains(&w.to_lowercase().as_str())
            && !is_time_word(w)
    });
    // Names are written with single spaces between their words.
    let joined = names.windows(2).all(|w| at(p.s, &(w[0].r.end..w[1].r.start)) == " ");
    let said = p.toks.get(colon + 1..)?.iter().filter(|t| t.word).count();
    if !ok || !joined || said < 3 {
        return None;
    }
    let source = names.first()?.r.start..names.last()?.r.end;
    Some(Attribution { source: Some(source), cue: p.toks[colon].r.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_and_a_colon_open_what_the_speaker_said() {
        let table: &[(&str, Option<&str>)] = &[
            ("WALLACE: Let’s start with breaking news on the debate story.", Some("WALLACE")),
            ("Pence: Gennifer Flowers Won’t Be at Debate, Trump Was ‘Mocking’ Clinton Camp", Some("Pence")),
            ("Pat Caddell: Democrat Voters Worried About Hillary Clinton’s Health Issues", Some("Pat Caddell")),
            ("Update: The road was reopened on Monday evening.", None),
            ("Photo: Police officers stand guard outside the hall.", None),
            ("Friday: the day the attack took place.", None),
            ("WALLACE: Yes.", None),
            ("The minister said: “We will rebuild the hall.”", None),
            ("Note: 12 people were hurt.", None),
            ("Crocus City Hall, in Krasnogorsk: the gunmen opened fire.", None),
        ];
        for (s, want) in table {
            let p = Parsed::new(s);
            let got = speaker_label(&p).and_then(|a| a.source).map(|r| at(s, &r));
            assert_eq!(got, *want, "{s}");
        }
    }
}
