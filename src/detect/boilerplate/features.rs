//! Plain-text features of one line: the evidence the classifier weighs. Computed once per line, without
//! allocating.

/// English function words. Running prose is dense in them (jusText's observation); menus, tags, names and
/// headlines are not.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "all",
    "already",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "aren't",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "could",
    "couldn't",
    "did",
    "didn",
    "didn't",
    "do",
    "does",
    "doesn",
    "doesn't",
    "doing",
    "don",
    "don't",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "he's",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "i'm",
    "if",
    "in",
    "into",
    "is",
    "isn",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "never",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "rather",
    "s",
    "said",
    "same",
    "says",
    "she",
    "she's",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "t",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they're",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "wasn",
    "wasn't",
    "we",
    "we're",
    "were",
    "weren't",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won",
    "won't",
    "would",
    "wouldn't",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether `w` (lower-case) is an English function word.
pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

/// What one non-blank line looks like. Counts are kept as `u32` and shares computed from them on demand: a page
/// of a million short lines holds one of these per line, so its size is the classifier's memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    chars: u32,
    wide: u32,
    words: u32,
    stop: u32,
    capped: u32,
    lettered: u32,
    letters: u32,
    clauses: u32,
    urls: u32,
    url_chars: u32,
    /// Ends like a sentence: `.`, `!`, `?`, `…` (or their CJK forms), perhaps followed by closing quotes or
    /// brackets.
    pub final_punct: bool,
    /// Starts with a list bullet (`*`, `+`, `-`, `•`, `·`, `|`, `>`, `»`, `›`, `◦`, `▪`) and a space.
    pub bullet: bool,
    /// Holds `©` or the word "copyright".
    pub copyright: bool,
}

/// A count as kept: a line past 4 G code points (none fits in memory with its features) saturates.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        0.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

impl Features {
    /// Measures the trimmed line `s`.
    pub fn of(s: &str) -> Features {
        let (mut chars, mut letters, mut wide) = (0usize, 0usize, 0usize);
        for c in s.chars() {
            chars += 1;
            letters += usize::from(c.is_alphabetic());
            wide += usize::from(is_wide(c));
        }
        let mut words = 0usize;
        let mut stop = 0usize;
        let mut capped = 0usize;
        let mut lettered = 0usize;
        let mut urls = 0usize;
        let mut url_chars = 0usize;
        let mut copyright = s.contains('©');
        for tok in s.split(|c: char| c.is_whitespace()).filter(|t| !t.is_empty()) {
            if is_link_token(tok) {
                urls += 1;
                url_chars += tok.chars().count();
                continue;
            }
            for w in tok.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-')) {
                let w = w.trim_matches(|c: char| c == '\'' || c == '’' || c == '-');
                if w.is_empty() {
                    continue;
                }
                words += 1;
                let (is_stop, is_copyright) = match ascii_lower(w) {
                    Folded::Lower(buf, n) => {
                        let lower = std::str::from_utf8(&buf[..n]).expect("ASCII");
                        (is_stopword(lower), lower == "copyright")
                    }
                    Folded::TooLong => (false, false),
                    Folded::NotAscii => {
                        let lower = w.to_lowercase().replace('’', "'");
                        (is_stopword(&lower), lower == "copyright")
                    }
                };
                // "US", "IT", "AM" in capitals are names, not the function words.
                let acronym = w.chars().count() > 1 && w.chars().all(|c| c.is_uppercase());
                if is_stop && !acronym {
                    stop += 1;
                }
                if is_copyright {
                    copyright = true;
                }
                if let Some(first) = w.chars().next().filter(|c| c.is_alphabetic()) {
                    lettered += 1;
                    if first.is_uppercase() {
                        capped += 1;
                    }
                }
            }
        }
        let clauses = s
            .trim_end()
            .chars()
            .rev()
            .skip(1)
            .filter(|c| matches!(c, ',' | '.' | ';' | ':' | '、' | '，' | '。'))
            .count();
        Features {
            chars: count(chars),
            wide: count(wide),
            words: count(words),
            stop: count(stop),
            capped: count(capped),
            lettered: count(lettered),
            letters: count(letters),
            clauses: count(clauses),
            urls: count(urls),
            url_chars: count(url_chars),
            final_punct: ends_like_sentence(s),
            bullet: starts_with_bullet(s),
            copyright,
        }
    }

    /// Code points of the trimmed line.
    pub fn chars(&self) -> usize {
        self.chars as usize
    }

    /// Length as read: code points, with CJK ideographs, kana and hangul counted twice (one carries about as
    /// much text as two Latin letters), so length thresholds work across scripts.
    pub fn weight(&self) -> usize {
        self.chars as usize + self.wide as usize
    }

    /// Word tokens (runs of letters, digits, apostrophes and inner hyphens).
    pub fn words(&self) -> usize {
        self.words as usize
    }

    /// Commas, periods, semicolons and colons inside the line (CJK forms included): prose has clauses, tag
    /// clouds and menus have none.
    pub fn clauses(&self) -> usize {
        self.clauses as usize
    }

    /// URLs, e-mail addresses and `@handles` in the line.
    pub fn urls(&self) -> usize {
        self.urls as usize
    }

    /// Share of words that are function words.
    pub fn stopword_density(&self) -> f64 {
        ratio(self.stop, self.words)
    }

    /// Share of words (with a letter) starting with an upper-case letter.
    pub fn title_case(&self) -> f64 {
        ratio(self.capped, self.lettered)
    }

    /// Share of code points that are letters.
    pub fn letter_share(&self) -> f64 {
        ratio(self.letters, self.chars)
    }

    /// Share of code points taken by URLs, addresses and handles.
    pub fn url_share(&self) -> f64 {
        ratio(self.url_chars, self.chars)
    }
}

/// Longest word [`ascii_lower`] folds: no stopword and not "copyright" is longer, so longer words are neither.
const FOLD_MAX: usize = 16;

/// A word folded the cheap way, or why it was not.
enum Folded {
    /// ASCII lower case (with `’` as `'`) in the first `.1` bytes.
    Lower([u8; FOLD_MAX], usize),
    /// ASCII (or `’`) but longer than [`FOLD_MAX`] bytes.
    TooLong,
    /// Holds other non-ASCII text: fold with `str::to_lowercase`.
    NotAscii,
}

/// `w.to_lowercase().replace('’', "'")` without allocating, for the common case of an ASCII word (curly
/// apostrophes allowed). Other words go to the general path, where Unicode lower-casing can change length.
fn ascii_lower(w: &str) -> Folded {
    let mut buf = [0u8; FOLD_MAX];
    let mut n = 0;
    let mut too_long = false;
    for c in w.chars() {
        let b = match c {
            '’' => b'\'',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => return Folded::NotAscii,
        };
        if n == FOLD_MAX {
            too_long = true;
        } else {
            buf[n] = b;
            n += 1;
        }
    }
    if too_long {
        Folded::TooLong
    } else {
        Folded::Lower(buf, n)
    }
}

/// Lower-case, whitespace (NBSP included) collapsed to one space: two lines are "the same" when these agree.
pub fn normalize(s: &str) -> String {
    normalized(s).collect()
}

/// The characters of [`normalize`]'s form, made as they are read: lines are compared and hashed without keeping
/// a copy of each.
pub fn normalized(s: &str) -> impl Iterator<Item = char> + '_ {
    s.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .enumerate()
        .flat_map(|(i, w)| (i > 0).then_some(' ').into_iter().chain(w.chars().flat_map(char::to_lowercase)))
}

/// CJK ideographs, kana, hangul and full-width forms.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFF60 | 0x20000..=0x2FFFF)
}

fn is_link_token(tok: &str) -> bool {
    let t = tok.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '<' | '>' | ',' | ';' | '"' | '\''));
    let lower = t.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || (t.starts_with('@') && t.chars().skip(1).any(char::is_alphanumeric))
        || (t.contains('@') && t.contains('.') && !t.ends_with('.') && t.split('@').count() == 2)
}

fn ends_like_sentence(s: &str) -> bool {
    let end = s.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*']);
    end.ends_with(['.', '!', '?', '…', '。', '！', '？', '」', '다', '요'])
}

fn starts_with_bullet(s: &str) -> bool {
    let mut it = s.chars();
    matches!(it.next(), Some('*' | '+' | '-' | '•' | '·' | '|' | '>' | '»' | '›' | '◦' | '▪' | '–' | '—'))
        && it.next().is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fold_agrees_with_unicode_lowercase() {
        assert!(STOPWORDS.iter().all(|w| w.len() <= FOLD_MAX) && "copyright".len() <= FOLD_MAX);
        for w in [
            "The",
            "WASN’T",
            "Copyright",
            "don't",
            "US",
            "a",
            "Straßenbahn",
            "İstanbul",
            "\u{212A}",
            "ÆTHER",
            "x-ray",
            "internationalization",
        ] {
            let want = w.to_lowercase().replace('’', "'");
            match ascii_lower(w) {
                Folded::Lower(buf, n) => assert_eq!(std::str::from_utf8(&buf[..n]).unwrap(), want, "{w:?}"),
                Folded::TooLong => assert!(want.len() > FOLD_MAX && !is_stopword(&want), "{w:?}"),
                Folded::NotAscii => assert!(!w.chars().all(|c| c.is_ascii() || c == '’'), "{w:?}"),
            }
        }
    }

    #[test]
    fn stoplist_is_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]), "STOPWORDS must stay sorted and unique");
        assert!(is_stopword("the") && is_stopword("wasn't") && !is_stopword("moscow"));
    }

    #[test]
    fn prose_and_chrome_differ() {
        let prose = Features::of("The US confirmed this shortly afterward.");
        assert!(prose.final_punct && prose.stopword_density() >= 0.3, "{prose:?}");
        let menu = Features::of("Home SECURITY & DEFENCE");
        assert!(!menu.final_punct && menu.stopword_density() == 0.0 && menu.title_case() == 1.0, "{menu:?}");
    }

    #[test]
    fn links_handles_and_marks() {
        let table: &[(&str, usize, bool, bool)] = &[
            ("Twitter: \u{a0}\u{a0}@EU_today \u{a0}", 1, false, false),
            ("Facebook: \u{a0}\u{a0}https://www.facebook.com/EUtoday.net/\u{a0}", 1, false, false),
            ("© Provided by The Canadian Press", 0, true, false),
            ("+ Got a news tip?", 0, false, true),
            ("“ISIS-K has been fixated on Russia,” he said.", 0, false, false),
            ("\u{1F600} Share this", 0, false, false),
        ];
        for &(s, urls, copyright, bullet) in table {
            let f = Features::of(s);
            assert_eq!((f.urls(), f.copyright, f.bullet), (urls, copyright, bullet), "{s:?}");
        }
    }

    #[test]
    fn normalize_collapses_nbsp_and_case() {
        assert_eq!(normalize("US confirms\u{a0} ISIS  behind"), "us confirms isis behind");
    }
}
