//! One pass over the text that cuts it into the tokens the number grammar reads.
//!
//! - `Word`: a run of letters (with combining marks and `_`), looked up once in the lexicon.
//! - `Num`: ASCII digits with thousands separators ("1,000") and one decimal part ("4.5"), optionally followed by
//!   a vulgar fraction ("3½"); a lone vulgar fraction ("½") is a `Num` too.
//! - `Sym`: any other single character that is not whitespace ("$", "%", "-", "’", an emoji code point).
//! - `Opaque`: a whitespace-delimited chunk that is a URL, an e-mail address, a handle or a hashtag, or a dotted
//!   digit string such as a version or an IP address; digits inside it are never numbers.
//!
//! Each token records whether whitespace separates it from the previous one (`glued`) and whether a line break
//! does (`newline`): no expression spans a line break. Offsets are bytes; `u32` keeps the token small, and texts
//! of 4 GiB or more are cut at the first 4 GiB.

use super::lexicon::{lookup, Entry, MAX_WORD};
use regex::Regex;
use std::sync::LazyLock;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Num,
    Sym,
    Opaque,
}

/// A number written in digits.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct NumLit {
    /// The value, separators removed.
    pub value: f64,
    /// Digits before the decimal point (commas not counted), saturating at 255.
    pub int_digits: u8,
    /// Written with thousands separators.
    pub commas: bool,
    /// Has a decimal part or a vulgar fraction.
    pub fraction: bool,
    /// Starts with "0" and has more digits before the point ("007", "0800").
    pub leading_zero: bool,
    /// Written in scientific notation ("4e14", "9.83e-3").
    pub sci: bool,
}

impl NumLit {
    /// A whole number written plainly, as days, years and clock hours are.
    pub fn plain_int(&self) -> bool {
        !self.commas && !self.fraction && !self.leading_zero
    }
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub kind: TokKind,
    /// Byte range in the text.
    pub start: u32,
    pub end: u32,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
    /// A line break between this token and the previous one.
    pub newline: bool,
    /// Lexicon entry of a word.
    pub entry: Option<&'static Entry>,
    /// Value of a number.
    pub num: NumLit,
}

/// Vulgar fraction characters and their values.
const VULGAR: [(char, f64); 15] = [
    ('½', 0.5),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

fn vulgar(c: char) -> Option<f64> {
    VULGAR.iter().find(|(v, _)| *v == c).map(|(_, x)| *x)
}

/// Chunks that hold no countable numbers: URLs, domains, e-mail addresses, @handles, #hashtags. The domain
/// suffix must be lowercase and follow a letter, so "2014.In" (a missing space after a full stop) stays text.
static OPAQUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"://|^\W*(?i:www)\.|@\w|#\w*[A-Za-z_]|[A-Za-z][A-Za-z0-9-]*\.(?:com|net|org|gov|edu|int|mil|io|co|uk|ru|ua|eu|de|fr|info|news|tv|me|ly|gl|be|it|es|pl|ca|au|in|cn|jp|html?|php)(?:[/:?#]|\W*$)",
    )
    .expect("valid regex")
});

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Combining marks that continue a word ("é" written as "e" + U+0301).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_word_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    match c {
        // General punctuation (’ “ ” — … •) is common in news and never a letter: skip the Unicode table.
        '\u{2000}'..='\u{206F}' | '×' | '÷' => false,
        // Latin-1 and Latin Extended letters, Greek and Cyrillic (pages in Russian and Ukrainian are common).
        '\u{C0}'..='\u{24F}' | '\u{391}'..='\u{3C9}' | '\u{400}'..='\u{481}' | '\u{48A}'..='\u{52F}' => true,
        // Kana, CJK ideographs and Hangul syllables.
        '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}' => true,
        _ => c.is_alphabetic(),
    }
}

fn is_word_char(c: char) -> bool {
    is_word_start(c) || !c.is_ascii() && is_combining(c)
}

/// The end of the whitespace-delimited chunk at `p`, and whether it holds a sign followed by a word character
/// (every alternative of [`OPAQUE`] has one, so most chunks never reach the regex; a full stop at the end of
/// a word does not count), in one pass over its bytes.
fn chunk_end(text: &str, p: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let (mut i, mut signed) = (p, false);
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_whitespace() || c == 0x0B {
                return (i, signed);
            }
            if matches!(c, b'/' | b'@' | b'#' | b'.' | b':')
                && b.get(i + 1).is_some_and(|d| d.is_ascii_alphanumeric() || *d == b'_' || *d >= 0x80)
            {
                signed = true;
            }
            i += 1;
        } else {
            let Some(ch) = next_char(text, i) else { break };
            if ch.is_whitespace() {
                return (i, signed);
            }
            i += ch.len_utf8();
        }
    }
    (i, signed)
}

/// The most tokens a line gives at once: a longer line (machine-made text, a paste with no line breaks) is cut
/// at the next space after this many, so the grammar's matches of one line never grow with the whole text
/// (issue #8: 5 MB of `"1 "` on one line took 3.3 GB). A human line holds a few hundred tokens.
pub(crate) const MAX_LINE_TOKENS: usize = 8192;

/// Cuts a text into tokens one line at a time, so that the tokens of only one line are ever held (the grammar
/// never crosses a line break) and memory stays small on large texts.
pub(crate) struct Tokenizer<'t> {
    text: &'t str,
    p: usize,
    glued: bool,
    newline: bool,
    chunk_checked_to: usize,
}

impl<'t> Tokenizer<'t> {
    /// A tokenizer over `text` (cut at its first 4 GiB, so that offsets fit in `u32`).
    pub fn new(text: &'t str) -> Tokenizer<'t> {
        let text = if text.len() > u32::MAX as usize {
            let mut cut = u32::MAX as usize;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.get(..cut).unwrap_or_default()
        } else {
            text
        };
        Tokenizer { text, p: 0, glued: false, newline: false, chunk_checked_to: 0 }
    }

    /// Replaces `toks` with the tokens of the next line that has any; `false` at the end of the text.
    pub fn next_line(&mut self, toks: &mut Vec<Tok>) -> bool {
        toks.clear();
        let text = self.text;
        while self.p < text.len() {
            let p = self.p;
            let Some(c) = next_char(text, p) else { break };
            if c.is_whitespace() {
                if toks.len() >= MAX_LINE_TOKENS {
                    return true;
                }
                if is_line_break(c) {
                    self.newline = true;
                    if !toks.is_empty() {
                        // Leave the break for the next call, which marks its first token.
                        return true;
                    }
                }
                self.glued = false;
                self.p += c.len_utf8();
                continue;
            }
            if !self.glued && p >= self.chunk_checked_to {
                let (end, signed) = chunk_end(text, p);
                self.chunk_checked_to = end;
                if signed && OPAQUE.is_match(text.get(p..end).unwrap_or_default()) {
                    toks.push(tok(TokKind::Opaque, p, end, self.glued, self.newline));
                    self.p = end;
                    self.glued = true;
                    self.newline = false;
                    continue;
                }
            }
            let start = p;
            let mut t = if c.is_ascii_digit() {
                let (lit, end, dotted) = scan_number(text, p);
                self.p = end;
                if dotted {
                    tok(TokKind::Opaque, start, end, self.glued, self.newline)
                } else {
                    let mut t = tok(TokKind::Num, start, end, self.glued, self.newline);
                    t.num = lit;
                    t
                }
            } else if let Some(v) = vulgar(c) {
                self.p += c.len_utf8();
                let mut t = tok(TokKind::Num, start, self.p, self.glued, self.newline);
                t.num = NumLit { value: v, fraction: true, ..NumLit::default() };
                t
            } else if is_word_start(c) {
                let q = word_end(text, p + c.len_utf8());
                self.p = q;
                word(text, start, q, self.glued, self.newline)
            } else {
                self.p += c.len_utf8();
                tok(TokKind::Sym, start, self.p, self.glued, self.newline)
            };
            t.glued = self.glued;
            toks.push(t);
            self.glued = true;
            self.newline = false;
        }
        !toks.is_empty()
    }
}

/// The end of the word that continues at byte `q`: ASCII letters byte by byte, other characters decoded.
fn word_end(text: &str, mut q: usize) -> usize {
    let b = text.as_bytes();
    while let Some(&c) = b.get(q) {
        if c < 0x80 {
            if !(c.is_ascii_alphabetic() || c == b'_') {
                break;
            }
            q += 1;
        } else {
            match next_char(text, q) {
                Some(d) if is_word_char(d) => q += d.len_utf8(),
                _ => break,
            }
        }
    }
    q
}

/// The char at byte `q`, with a fast path for ASCII.
fn next_char(text: &str, q: usize) -> Option<char> {
    let b = *text.as_bytes().get(q)?;
    if b < 0x80 {
        Some(char::from(b))
    } else {
        text.get(q..)?.chars().next()
    }
}

/// Every token of `text`, line after line (for tests and tools; the detector reads one line at a time).
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut all = Vec::new();
    let mut line = Vec::new();
    let mut t = Tokenizer::new(text);
    while t.next_line(&mut line) {
        all.append(&mut line);
    }
    all
}

fn tok(kind: TokKind, start: usize, end: usize, glued: bool, newline: bool) -> Tok {
    Tok { kind, start: start as u32, end: end as u32, glued, newline, entry: None, num: NumLit::default() }
}

fn word(text: &str, start: usize, end: usize, glued: bool, newline: bool) -> Tok {
    let w = text.get(start..end).unwrap_or_default();
    let mut t = tok(TokKind::Word, start, end, glued, newline);
    if w.len() <= MAX_WORD && w.is_ascii() {
        let mut buf = [0u8; MAX_WORD];
        let lower = &mut buf[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        t.entry = lookup(lower);
    }
    t
}

/// The case of a word: whether its first letter is uppercase, and whether it has two or more letters, all
/// uppercase. Asked only of the few words the grammar looks at, not computed for every word.
pub(crate) fn word_case(w: &str) -> (bool, bool) {
    if w.is_ascii() {
        let b = w.as_bytes();
        let cap = b.iter().find(|c| c.is_ascii_alphabetic()).is_some_and(u8::is_ascii_uppercase);
        let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
        (cap, cap && letters >= 2 && !b.iter().any(u8::is_ascii_lowercase))
    } else {
        let mut letters = w.chars().filter(|c| is_word_start(*c) && *c != '_');
        let cap = letters.next().is_some_and(char::is_uppercase);
        (cap, cap && letters.next().is_some() && !w.chars().any(char::is_lowercase))
    }
}

/// Scans digits at `p`: returns the literal, its end, and whether it turned out to be a dotted string
/// ("1.2.3", "192.168.0.1", "22.03.2024"), which the caller makes opaque.
fn scan_number(text: &str, mut p: usize) -> (NumLit, usize, bool) {
    let b = text.as_bytes();
    let digit = |i: usize| i < b.len() && b[i].is_ascii_digit();
    let start = p;
    let mut int = 0f64;
    let mut lit = NumLit::default();
    let mut n = 0usize;
    while digit(p) {
        int = int * 10.0 + f64::from(b[p] - b'0');
        p += 1;
        n += 1;
    }
    lit.leading_zero = n > 1 && b[start] == b'0';
    if n <= 3 {
        while b.get(p) == Some(&b',') && digit(p + 1) && digit(p + 2) && digit(p + 3) && !digit(p + 4) {
            for d in &b[p + 1..p + 4] {
                int = int * 10.0 + f64::from(d - b'0');
            }
            p += 4;
            n += 3;
            lit.commas = true;
        }
    }
    lit.int_digits = n.min(255) as u8;
    lit.value = int;
    if p < b.len() && b[p] == b'.' && digit(p + 1) {
        let dot = p;
        p += 1;
        while digit(p) {
            p += 1;
        }
        if p < b.len() && b[p] == b'.' && digit(p + 1) {
            while p < b.len() && (b[p].is_ascii_digit() || (b[p] == b'.' && digit(p + 1))) {
                p += 1;
            }
            return (lit, p, true);
        }
        lit.value += text.get(dot..p).unwrap_or_default().parse::<f64>().unwrap_or(0.0);
        lit.fraction = true;
    }
    // Scientific notation: "4e14", "9.83e-3", "1E+6" (the exponent must end the word).
    if p + 1 < b.len() && (b[p] == b'e' || b[p] == b'E') {
        let mut q = p + 1;
        let neg = b[q] == b'-';
        if b[q] == b'-' || b[q] == b'+' {
            q += 1;
        }
        let digits_start = q;
        while digit(q) && q - digits_start < 3 {
            q += 1;
        }
        let ends = q > digits_start && !digit(q) && !(q < b.len() && (b[q].is_ascii_alphabetic() || b[q] == b'_'));
        if ends {
            let exp: i32 = text.get(digits_start..q).unwrap_or_default().parse().unwrap_or(0);
            lit.value *= 10f64.powi(if neg { -exp } else { exp });
            lit.fraction = true;
            lit.sci = true;
            p = q;
        }
    }
    if let Some(c) = next_char(text, p) {
        if let Some(v) = vulgar(c) {
            lit.value += v;
            lit.fraction = true;
            p += c.len_utf8();
        }
    }
    (lit, p, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<String> {
        tokenize(text)
            .iter()
            .map(|t| {
                let s = text.get(t.start as usize..t.end as usize).unwrap_or_default();
                let k = match t.kind {
                    TokKind::Word => "W",
                    TokKind::Num => "N",
                    TokKind::Sym => "S",
                    TokKind::Opaque => "O",
                };
                format!("{k}{}{s}", if t.glued { "+" } else { " " })
            })
            .collect()
    }

    #[test]
    fn tokens_for_news_strings() {
        let cases: &[(&str, &[&str])] = &[
            ("at least 115 people", &["W at", "W least", "N 115", "W people"]),
            ("$2.3 billion", &["S $", "N+2.3", "W billion"]),
            ("1,000,000 and 1,2", &["N 1,000,000", "W and", "N 1", "S+,", "N+2"]),
            ("COVID-19", &["W COVID", "S+-", "N+19"]),
            ("Friday’s", &["W Friday", "S+’", "W+s"]),
            ("3½ km", &["N 3½", "W km"]),
            ("v1.2.3 and 192.168.0.1", &["W v", "O+1.2.3", "W and", "O 192.168.0.1"]),
            ("Twitter:    @EU_today  ", &["W Twitter", "S+:", "O @EU_today"]),
            (
                "see https://www.facebook.com/groups/968799359934046 now",
                &["W see", "O https://www.facebook.com/groups/968799359934046", "W now"],
            ),
            ("EUtoday.net/ and U.S. troops", &["O EUtoday.net/", "W and", "W U", "S+.", "W+S", "S+.", "W troops"]),
            ("café\u{301}5", &["W café\u{301}", "N+5"]),
            ("dead.In 2014.It was", &["W dead", "S+.", "W+In", "N 2014", "S+.", "W+It", "W was"]),
            ("see phys.org and x@y.com", &["W see", "O phys.org", "W and", "O x@y.com"]),
        ];
        for (text, want) in cases {
            assert_eq!(show(text), *want, "{text}");
        }
    }

    #[test]
    fn values_and_flags() {
        let t = tokenize("1,234.5 007 ½");
        assert_eq!(t[0].num.value, 1234.5);
        assert!(t[0].num.commas && t[0].num.fraction && t[0].num.int_digits == 4);
        assert!(t[1].num.leading_zero);
        assert_eq!(t[2].num.value, 0.5);
        let t = tokenize("a\r\nb c");
        assert!(t[1].newline && !t[2].newline && !t[2].glued);
        let t = tokenize("March MARCH");
        assert!(t[0].entry.is_some_and(|e| e.month == Some(3)) && t[1].entry.is_some_and(|e| e.month == Some(3)));
        let cases: [(&str, (bool, bool)); 7] = [
            ("March", (true, false)),
            ("MARCH", (true, true)),
            ("march", (false, false)),
            ("A", (true, false)),
            ("ÉTÉ", (true, true)),
            ("_Éte", (true, false)),
            ("été", (false, false)),
        ];
        for (w, want) in cases {
            assert_eq!(word_case(w), want, "{w}");
        }
    }
}
