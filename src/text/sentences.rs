//! Sentence segmentation for news English (and CJK full stops).
//!
//! Rules, in the order they apply:
//! - A sentence never crosses a blank line (a paragraph break).
//! - A line break ends a sentence (headlines, captions and pasted web text put one block per line), unless the
//!   text is hard-wrapped: a line that does not end in final punctuation and is followed by a line starting with a
//!   lowercase letter, or that ends with `,` `;` or a dash, continues on the next line.
//! - Inside a line, `.` `!` `?` `…` (and runs like `?!`, `...`, `….`) end a sentence, together with the closing
//!   quotes and brackets after them (straight and curly), when the next word starts a sentence: an uppercase
//!   letter, a digit, an opening quote or bracket, or a letter of a caseless script. A lowercase next word never
//!   starts a sentence ("U.S. officials", "approx. five").
//! - A full stop after a known abbreviation does not end the sentence: titles and other prefixes ("Mr.", "Dr.",
//!   "Gen.", "St.", "No.", "Jan.") never do, initials ("Colin P. Clarke") and dotted or suffix abbreviations
//!   ("U.S.", "a.m.", "Inc.") only when a typical sentence opener follows ("… at 3 p.m. The police …").
//! - A missing space is repaired: "attack.The" ends a sentence (lowercase word, full stop, capitalized word),
//!   but not inside URLs, e-mail addresses, handles or decimals ("4.5", "EUtoday.net").
//! - `。` `！` `？` end a sentence with no space after them.
//!
//! Sentences are byte ranges trimmed of whitespace (NBSP included), in order, and always lie on grapheme-cluster
//! boundaries, because the splitter walks grapheme clusters rather than code points.

use super::{paragraphs, Line};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into sentences: byte ranges into `text`, trimmed, in order, never crossing a blank line.
/// `lines` must be [`lines(text)`](super::lines).
pub fn sentences(text: &str, lines: &[Line]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for para in paragraphs(lines) {
        let mut first = para.start;
        for i in para.clone() {
            let last_of_run = i + 1 == para.end
                || !continues(
                    text.get(lines[i].trimmed.clone()).unwrap_or_default(),
                    text.get(lines[i + 1].trimmed.clone()).unwrap_or_default(),
                );
            if last_of_run {
                split_run(text, lines[first].trimmed.start..lines[i].trimmed.end, &mut out);
                first = i + 1;
            }
        }
    }
    out
}

/// Whether a hard-wrapped `line` goes on in `next` (both trimmed, non-blank).
fn continues(line: &str, next: &str) -> bool {
    let last = line.chars().next_back().unwrap_or('.');
    if is_terminal(last) || is_closer(last) && line.chars().rev().nth(1).is_some_and(is_terminal) {
        return false;
    }
    let next_first = next.chars().next().unwrap_or('A');
    next_first.is_lowercase() || matches!(last, ',' | ';' | '-' | '–' | '—')
}

/// Characters that can end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉') || is_cjk_terminal(c)
}

/// Full stops of CJK text, which need no space after them.
fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '．')
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '】')
}

/// Opening quotes and brackets that may start a sentence.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '„' | '「' | '『' | '（' | '【' | '¿' | '¡')
}

/// Abbreviations that precede a name or a number and so never end a sentence (lowercase, without the stop).
const PREFIXES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm",
    "cmdr", "brig", "gov", "sen", "rep", "rev", "fr", "hon", "pres", "supt", "insp", "det", "st", "mt", "ft", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "v", "cf", "approx", "ca",
    "est", "e.g", "i.e", "viz", "mssrs", "messrs", "rt",
];

/// Abbreviations that precede a number ("No. 3", "Vol. 2"); before anything else they are words ("telling me no.").
const NUMBER_PREFIXES: &[&str] = &["no", "nos", "nr", "vol", "fig", "figs", "art", "ch", "sec", "para", "pp", "p"];

/// Abbreviations that may also end a sentence: they end one only before a typical sentence opener.
const SUFFIXES: &[&str] = &[
    "inc", "ltd", "co", "corp", "plc", "llc", "jr", "sr", "etc", "al", "bros", "dept", "govt", "univ", "assn", "ave",
    "blvd", "rd", "sq",
];

/// Words that typically open a sentence; after an ambiguous abbreviation ("U.S.", "p.m.", "Jr.") they signal
/// that the full stop also ends the sentence.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "as",
    "for",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "although",
    "though",
    "however",
    "meanwhile",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "some",
    "many",
    "most",
    "no",
    "not",
    "what",
    "who",
    "why",
    "how",
    "officials",
    "police",
    "according",
];

/// Appends the sentences of one run of joined lines (`run` is trimmed).
fn split_run(text: &str, run: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = text.get(run.clone()).unwrap_or_default();
    // Plain Latin text is one cluster per code point: the same list without running the segmenter.
    let g: Vec<(usize, &str)> = if super::offsets::one_point_clusters(s) {
        s.char_indices().map(|(b, c)| (b, s.get(b..b + c.len_utf8()).unwrap_or_default())).collect()
    } else {
        s.grapheme_indices(true).collect()
    };
    let n = g.len();
    let first = |k: usize| g[k].1.chars().next().unwrap_or(' ');
    let at = |k: usize| if k < n { g[k].0 } else { s.len() };
    let mut start = 0;
    let mut i = 0;
    while i < n {
        if !is_terminal(first(i)) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && is_terminal(first(j)) {
            j += 1;
        }
        let stops = j;
        while j < n && is_closer(first(j)) && (first(j) != '\'' || j + 1 == n || !first(j + 1).is_alphanumeric()) {
            j += 1;
        }
        if j < n && !list_marker(s, g[start].0, g[i].0) && ends_sentence(s, &g, i, stops, j) {
            push_trimmed(run.start, s, at(start)..at(j), out);
            start = j;
        }
        i = j.max(i + 1);
    }
    if start < n {
        push_trimmed(run.start, s, at(start)..s.len(), out);
    }
}

/// Whether `s[from..stop]` (the text since the sentence began, up to a full stop) is a list number such as "3"
/// or "iv": "3. Eat breakfast" is one item, not two sentences.
fn list_marker(s: &str, from: usize, stop: usize) -> bool {
    let w = s.get(from..stop).unwrap_or_default().trim_start();
    !w.is_empty()
        && s.get(stop..).is_some_and(|t| t.starts_with('.'))
        && (w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit())
            || w.len() <= 4 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X')))
}

/// Pushes `r` (relative to `s`, which starts at byte `base`) trimmed, unless it is empty.
fn push_trimmed(base: usize, s: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = s.get(r.clone()).unwrap_or_default();
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let a = base + r.start + lead;
        out.push(a..a + trimmed.len());
    }
}

/// Whether the terminal run `g[i..stops]` followed by closers up to `j` ends a sentence (`j < g.len()`).
fn ends_sentence(s: &str, g: &[(usize, &str)], i: usize, stops: usize, j: usize) -> bool {
    let first = |k: usize| g[k].1.chars().next().unwrap_or(' ');
    let stop: String = g[i..stops].iter().map(|x| x.1).collect();
    if stop.chars().any(is_cjk_terminal) {
        return true;
    }
    let word = word_before(s, g[i].0);
    if !first(j).is_whitespace() {
        // No space: only "attack.The" (a lowercase word, one stop, a capitalized word) is a boundary.
        return stop.chars().count() == 1 && missing_space(s, g, word, j);
    }
    let mut k = j;
    while k < g.len() && first(k).is_whitespace() {
        k += 1;
    }
    if k == g.len() {
        return true;
    }
    let next = s.get(g[k].0..).unwrap_or_default();
    if !starts_sentence(next) {
        return false;
    }
    if stop != "." {
        // "?", "!", "?!" before any sentence opener; an ellipsis ("...", "…", "….") only before a capital, as it
        // also marks an omission inside a sentence.
        let ellipsis = stop.chars().all(|c| c == '.' || c == '…');
        return !ellipsis || next.chars().find(|c| !is_opener(*c)).is_some_and(char::is_uppercase);
    }
    let lower = word.to_lowercase();
    let bare = lower.trim_start_matches(|c: char| is_opener(c) || c == '-');
    if bare.is_empty() {
        return true;
    }
    if PREFIXES.contains(&bare) {
        return false;
    }
    if NUMBER_PREFIXES.contains(&bare) && next.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '#') {
        return false;
    }
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    let initial = letters == 1 && bare.chars().all(char::is_alphabetic);
    let dotted =
        bare.contains('.') && bare.split('.').all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    if initial || dotted || SUFFIXES.contains(&bare) {
        return opener_follows(next);
    }
    true
}

/// The word that ends at byte `end` of `s` (back to the previous space).
/// Looks back at most 64 characters: abbreviations are short, and hostile input must stay linear.
fn word_before(s: &str, end: usize) -> &str {
    let head = s.get(..end).unwrap_or_default();
    let mut from = end;
    for (b, c) in head.char_indices().rev().take(64) {
        if c.is_whitespace() {
            break;
        }
        from = b;
    }
    head.get(from..).unwrap_or_default()
}

/// Whether `next` (the text after the spaces) can open a sentence.
fn starts_sentence(next: &str) -> bool {
    let mut cs = next.chars().skip_while(|c| is_opener(*c) || matches!(c, '—' | '–' | '-' | '*' | '•'));
    match cs.next() {
        None => true,
        Some(c) if c.is_lowercase() => false,
        Some(_) => true,
    }
}

/// Whether `next` starts with a word from [`OPENERS`] (capitalized).
fn opener_follows(next: &str) -> bool {
    let w: String = next.chars().skip_while(|c| is_opener(*c)).take_while(|c| c.is_alphabetic()).collect();
    w.chars().next().is_some_and(char::is_uppercase) && OPENERS.contains(&w.to_lowercase().as_str())
}

/// "attack.The": a stop glued between a lowercase word and a capitalized word, outside URLs, addresses, handles.
fn missing_space(s: &str, g: &[(usize, &str)], word: &str, j: usize) -> bool {
    let tail: String = word.chars().rev().take(2).collect();
    if tail.chars().count() < 2 || !tail.chars().all(char::is_lowercase) {
        return false;
    }
    let next = s.get(g[j].0..).unwrap_or_default();
    let mut cs = next.chars();
    let (Some(a), Some(b)) = (cs.next(), cs.next()) else { return false };
    if !(a.is_uppercase() && b.is_lowercase()) {
        return false;
    }
    let token_end =
        next.char_indices().take(64).find(|(_, c)| c.is_whitespace()).map_or(next.len().min(256), |(b, _)| b);
    let token_end = (0..=token_end).rev().find(|&b| next.is_char_boundary(b)).unwrap_or(0);
    let token = format!("{word}{}", next.get(..token_end).unwrap_or_default());
    let lower = token.to_lowercase();
    !(token.contains('/')
        || token.contains('@')
        || lower.starts_with("www")
        || lower.contains(".com")
        || lower.contains(".net")
        || lower.contains(".org"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &lines(text)).into_iter().map(|r| text.get(r).unwrap_or_default()).collect()
    }

    #[test]
    fn news_sentences() {
        let table: &[(&str, &[&str])] = &[
            // Corpus 000: the closing curly quote stays with its sentence; the initial "P." does not end one.
            (
                "“ISIS-K has been fixated on Russia for the past two years,” Colin P. Clarke, a counterterrorism analyst at the Soufan Group, is quoted as saying. “ISIS-K accuses the Kremlin of having Muslim blood in its hands.”",
                &[
                    "“ISIS-K has been fixated on Russia for the past two years,” Colin P. Clarke, a counterterrorism analyst at the Soufan Group, is quoted as saying.",
                    "“ISIS-K accuses the Kremlin of having Muslim blood in its hands.”",
                ],
            ),
            // Corpus 002: "U.S." before a lowercase word and a capitalized noun, "Gen." before a name.
            (
                "A U.S. official told The Associated Press that U.S. agencies said that IS-K was responsible. The official noted that IS-K has long targeted Russia.",
                &["A U.S. official told The Associated Press that U.S. agencies said that IS-K was responsible.", "The official noted that IS-K has long targeted Russia."],
            ),
            (
                "IS-K also claimed responsibility for a memorial procession for Gen. Qassem Soleimani, an Iranian general. He said so.",
                &["IS-K also claimed responsibility for a memorial procession for Gen. Qassem Soleimani, an Iranian general.", "He said so."],
            ),
            // Corpus 002: an ellipsis and a stop inside a quote end a sentence; the quote closes two sentences later.
            (
                "It said: “The Russian regime has a long history of bloody provocations by its special services …. There are no red lines for Putin’s dictatorship. It is ready to kill its own citizens for political purposes.”",
                &[
                    "It said: “The Russian regime has a long history of bloody provocations by its special services ….",
                    "There are no red lines for Putin’s dictatorship.",
                    "It is ready to kill its own citizens for political purposes.”",
                ],
            ),
            // Corpus 002: the stop sits inside the closing quote.
            (
                "Putin said four suspected gunmen in what he called “a bloody, barbaric terrorist act.” He didn’t mention IS at all.",
                &["Putin said four suspected gunmen in what he called “a bloody, barbaric terrorist act.”", "He didn’t mention IS at all."],
            ),
            // Straight quotes, "?" inside a quote before a lowercase verb, decimals and abbreviations.
            ("\"We are ready.\" He left. \"Why?\" she asked.", &["\"We are ready.\"", "He left.", "\"Why?\" she asked."]),
            ("Inflation rose 4.5% in Jan. 2024 to No. 3 in the ranking. Mr. Smith and Dr. Jones met St. John at 3 p.m. on Friday.", &["Inflation rose 4.5% in Jan. 2024 to No. 3 in the ranking.", "Mr. Smith and Dr. Jones met St. John at 3 p.m. on Friday."]),
            ("The talks ended at 3 p.m. The ministers left.", &["The talks ended at 3 p.m.", "The ministers left."]),
            ("She kept telling me no. When she left, Fig. 3 and Vol. 2 stayed.", &["She kept telling me no.", "When she left, Fig. 3 and Vol. 2 stayed."]),
            ("He moved to the U.S. The move was quick.", &["He moved to the U.S.", "The move was quick."]),
            ("He moved to the U.S. Embassy in Moscow.", &["He moved to the U.S. Embassy in Moscow."]),
            ("John F. Kennedy was shot in 1963. Vitamin C. It helps.", &["John F. Kennedy was shot in 1963.", "Vitamin C.", "It helps."]),
            ("Acme Inc. said profits fell. Acme Inc. The end.", &["Acme Inc. said profits fell.", "Acme Inc.", "The end."]),
            ("Wait... what? No! Really?! Yes.", &["Wait... what?", "No!", "Really?!", "Yes."]),
            ("He paused … Then he spoke.", &["He paused …", "Then he spoke."]),
            ("He paused … and spoke.", &["He paused … and spoke."]),
            // Missing spaces: repaired after a lowercase word, never in URLs, handles or names.
            ("It was an attack.The group said so.", &["It was an attack.", "The group said so."]),
            ("See www.facebook.com/EUtoday.Net or EUtoday.net for more.", &["See www.facebook.com/EUtoday.Net or EUtoday.net for more."]),
            ("A branch on Friday claimed the massacre in a Moscow concert hallone of the deadliest attacks.", &["A branch on Friday claimed the massacre in a Moscow concert hallone of the deadliest attacks."]),
            // Parentheses and brackets after the stop.
            ("He left (for good.) Then she came.", &["He left (for good.)", "Then she came."]),
            // A sentence opening with a dash-led or numbered start.
            ("It rose to 115. 2024 was worse.", &["It rose to 115.", "2024 was worse."]),
            // List numbers are not sentences of their own.
            ("3. Eat breakfast. Then rest.\niv. Sleep", &["3. Eat breakfast.", "Then rest.", "iv. Sleep"]),
        ];
        for (text, want) in table {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }

    #[test]
    fn lines_and_paragraphs() {
        let table: &[(&str, &[&str])] = &[
            // Corpus 000: a headline and a body line without final punctuation each end a sentence.
            (
                "US confirms ISIS behind deadly Moscow concert attack\n\nThe terrorist group claimed responsibility after the attack. The US confirmed this shortly afterward\nUS sees no link between Ukraine and Moscow concert hall shooting, says White House\n",
                &[
                    "US confirms ISIS behind deadly Moscow concert attack",
                    "The terrorist group claimed responsibility after the attack.",
                    "The US confirmed this shortly afterward",
                    "US sees no link between Ukraine and Moscow concert hall shooting, says White House",
                ],
            ),
            // Hard-wrapped text: a line going on in lowercase, or ending in a comma, continues.
            ("The group claimed the attack on\na concert hall, and officials,\nin Washington, confirmed it.\nNext line.", &["The group claimed the attack on\na concert hall, and officials,\nin Washington, confirmed it.", "Next line."]),
            // A blank line (even with NBSP) always ends a sentence, whatever the punctuation.
            ("It was a\n\u{a0}\nbig attack", &["It was a", "big attack"]),
            // CRLF and lone CR.
            ("First one.\r\nSecond one. Third.\rFourth", &["First one.", "Second one.", "Third.", "Fourth"]),
            // Trimming: NBSP and spaces never belong to a sentence.
            ("\u{a0} Hello there.  \u{a0}Bye. \u{a0}", &["Hello there.", "Bye."]),
            // CJK full stops need no space; emoji and ZWJ sequences stay whole.
            ("今天下雨。明天晴天！你来吗？好", &["今天下雨。", "明天晴天！", "你来吗？", "好"]),
            ("Great news! 👨‍👩‍👧 We won. 🇺🇦 Glory.", &["Great news!", "👨‍👩‍👧 We won.", "🇺🇦 Glory."]),
            ("Cafe\u{301}. Done.", &["Cafe\u{301}.", "Done."]),
            ("", &[]),
            (" \n\u{a0}\n", &[]),
        ];
        for (text, want) in table {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }

    /// Invariants on every text: ordered, disjoint, trimmed, on grapheme boundaries, every non-space character
    /// covered once, no blank line inside.
    fn check_invariants(text: &str) {
        let ss = sentences(text, &lines(text));
        let bounds: std::collections::HashSet<usize> =
            text.grapheme_indices(true).map(|(b, _)| b).chain([text.len()]).collect();
        let mut covered = 0;
        let mut prev = 0;
        for r in &ss {
            assert!(r.start >= prev && r.start < r.end, "{r:?} after {prev} in {text:?}");
            assert!(bounds.contains(&r.start) && bounds.contains(&r.end), "{r:?} splits a grapheme in {text:?}");
            let s = text.get(r.clone()).expect("a sentence on char boundaries");
            assert_eq!(s, s.trim(), "untrimmed {s:?}");
            assert!(!s.contains("\n\n") && !s.contains("\r\n\r\n"), "crosses a blank line: {s:?}");
            covered += s.chars().filter(|c| !c.is_whitespace()).count();
            prev = r.end;
        }
        assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count(), "{text:?}");
    }

    #[test]
    fn invariants_on_hostile_strings() {
        for t in [
            ".",
            "...",
            "?!?!",
            "\"",
            "”.",
            ". . .",
            "a.\u{301}B",
            "\u{301}.",
            "x.\u{200d}Y",
            "A.\r\rB.",
            "\r\n\r\n.",
            "U.S.",
            "e.g. I.e. Mr.",
            "'tis. 'Twas.",
            "“”",
            "。。",
            "!\u{fe0f} ok",
            "a\u{a0}.\u{a0}B",
        ] {
            check_invariants(t);
        }
        let long = "word ".repeat(10_000) + &"x.".repeat(5_000);
        check_invariants(&long);
    }

    #[test]
    fn invariants_on_the_corpus() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
        let Ok(entries) = std::fs::read_dir(&dir) else { return };
        let mut n = 0;
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                check_invariants(&std::fs::read_to_string(e.path()).unwrap());
                n += 1;
            }
        }
        assert_eq!(n, 5);
    }
}
