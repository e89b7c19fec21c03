//! One sentence parsed for attribution: its tokens, which of them are inside quotations or parentheses, and its
//! top-level segments (split at commas, semicolons, colons, dashes and closing quotes).

use super::words::{at, capitalized, Tok};
use std::cell::OnceCell;
use std::ops::Range;

/// One sentence's tokens with what the attribution rules need to know about each.
pub(crate) struct Parsed<'a> {
    pub s: &'a str,
    pub toks: Vec<Tok>,
    /// Inside a quotation or parentheses.
    pub hidden: Vec<bool>,
    /// Index of the top-level segment (split at `,` `;` `:` dashes and closing quotes) each token belongs to.
    pub seg: Vec<usize>,
    /// Token ranges of the segments, indexed by segment number.
    pub segs: Vec<Range<usize>>,
    /// Most words are capitalized: a title-case headline.
    pub title_case: bool,
    /// The sentence starts inside a quotation.
    pub in_quote: bool,
    /// Every token lowercased, one after another (`lows` says where each is): the rules compare lowercase words
    /// many times per token, and lowering once per sentence spares an allocation each time.
    lowered: String,
    lows: Vec<Range<usize>>,
    /// The hedge the sentence holds ([`super::score::hedge`]), found once: the score and the rules both ask.
    pub hedge: OnceCell<Option<&'static str>>,
}

impl<'a> Parsed<'a> {
    /// Parses a sentence that starts outside any quotation.
    pub fn new(s: &'a str) -> Parsed<'a> {
        Parsed::parse(s, false)
    }

    /// Parses a sentence that starts inside a quotation opened by an earlier sentence.
    pub fn in_quote(s: &'a str) -> Parsed<'a> {
        Parsed::parse(s, true)
    }

    fn parse(s: &'a str, in_quote: bool) -> Parsed<'a> {
        let toks = super::words::tokens(s);
        let mut hidden = Vec::with_capacity(toks.len());
        let mut seg = Vec::with_capacity(toks.len());
        let (mut quote, mut paren, mut n) = (in_quote, 0usize, 0usize);
        let mut single = false;
        for (i, t) in toks.iter().enumerate() {
            let c = at(s, &t.r).chars().next().unwrap_or(' ');
            let mut boundary = false;
            if !t.word {
                match c {
                    '“' | '«' => quote = true,
                    '”' | '»' => {
                        quote = false;
                        single = false;
                        boundary = true;
                    }
                    // Single quotes (British style) open only at a word start and close only when a single
                    // quote is open, so that apostrophes ("jihadists’ claim") are left alone.
                    '‘' if !quote && (i == 0 || t.r.start > toks[i - 1].r.end || !toks[i - 1].word) => {
                        quote = true;
                        single = true;
                    }
                    // A closing single quote follows punctuation (",’") or precedes it ("’,"); between two words
                    // it is an apostrophe ("jihadists’ claim").
                    // Before a capitalised word after a space it closes too: "‘The Dealmaker’ Could Address …".
                    '’' if single
                        && (i > 0 && !toks[i - 1].word
                            || toks.get(i + 1).is_none_or(|n| {
                                !n.word
                                    || n.r.start > t.r.end && at(s, &n.r).chars().next().is_some_and(char::is_uppercase)
                            })) =>
                    {
                        quote = false;
                        single = false;
                        boundary = true;
                    }
                    '"' => {
                        let opening = i == 0 || t.r.start > toks[i - 1].r.end || !toks[i - 1].word && !quote;
                        quote = opening;
                        boundary = !opening;
                    }
                    // Two apostrophes are a double quote (''…'', as some papers write it); the second one acts,
                    // opening or closing as a straight double quote would from where the first one stands.
                    '\'' if i > 0 && is_pair(s, &toks, i - 1) && !(i > 1 && is_pair(s, &toks, i - 2)) => {
                        let j = i - 1;
                        let opening = j == 0 || toks[j].r.start > toks[j - 1].r.end || !toks[j - 1].word && !quote;
                        quote = opening;
                        boundary = !opening;
                    }
                    '`' if i > 0 && is_pair(s, &toks, i - 1) => quote = true,
                    '(' | '[' => paren += 1,
                    ')' | ']' => paren = paren.saturating_sub(1),
                    ',' | ';' | ':' | '—' | '–' | '―' if !quote && paren == 0 => boundary = true,
                    _ => {}
                }
            }
            hidden.push(quote || paren > 0 || !t.word && (matches!(c, '”' | '»' | ')' | ']') || boundary && c == '’'));
            seg.push(n);
            if boundary {
                n += 1;
            }
        }
        let words: Vec<&str> = toks.iter().filter(|t| t.word).map(|t| at(s, &t.r)).collect();
        let caps = words.iter().filter(|w| capitalized(w) || w.chars().all(|c| !c.is_alphabetic())).count();
        let title_case = words.len() >= 3 && caps * 10 >= words.len() * 7;
        let mut segs: Vec<Range<usize>> = Vec::new();
        for (i, &k) in seg.iter().enumerate() {
            if k == segs.len() {
                segs.push(i..i + 1);
            } else {
                segs[k].end = i + 1;
            }
        }
        let mut lowered = String::with_capacity(s.len());
        let lows = toks
            .iter()
            .map(|t| {
                let from = lowered.len();
                lowered.extend(at(s, &t.r).chars().flat_map(char::to_lowercase));
                from..lowered.len()
            })
            .collect();
        Parsed { s, toks, hidden, seg, segs, title_case, in_quote, lowered, lows, hedge: OnceCell::new() }
    }

    pub(crate) fn word(&self, i: usize) -> &'a str {
        at(self.s, &self.toks[i].r)
    }

    /// Token `i` in lowercase.
    pub(crate) fn lower(&self, i: usize) -> &str {
        at(&self.lowered, &self.lows[i])
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].word
    }

    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.toks.len() && !self.toks[i].word && at(self.s, &self.toks[i].r).starts_with(c)
    }

    pub(crate) fn span(&self, a: usize, b: usize) -> Range<usize> {
        self.toks[a].r.start..self.toks[b - 1].r.end
    }

    /// Token index range of segment `k`.
    pub(crate) fn segment(&self, k: usize) -> Range<usize> {
        self.segs.get(k).cloned().unwrap_or(self.toks.len()..self.toks.len())
    }

    /// Whether the token is inside a quotation or parentheses.
    pub fn hidden_at_tok(&self, t: &Tok) -> bool {
        self.toks.iter().position(|x| x.r == t.r).is_some_and(|i| self.hidden[i])
    }

    /// Whether the token starting at byte `at` is inside a quotation or parentheses.
    pub fn hidden_at(&self, at: usize) -> bool {
        self.toks.iter().position(|t| t.r.start == at).is_some_and(|i| self.hidden[i])
    }

    /// Whether the sentence contains a quotation of at least one word (double quotes, straight, curly or written
    /// as two apostrophes).
    pub fn has_quote(&self) -> bool {
        self.in_quote && self.toks.first().is_some_and(|t| t.word)
            || (0..self.toks.len()).any(|i| {
                self.hidden[i] && self.toks[i].word && {
                    let before = at(self.s, &(0..self.toks[i].r.start));
                    before.rfind(['“', '"', '«', '‘']).max(before.rfind("''")).max(before.rfind("``"))
                        > before.rfind(['(', '['])
                }
            })
    }
}

/// Whether tokens `j` and `j + 1` are two quote marks written together: `''` or two backticks.
fn is_pair(s: &str, toks: &[Tok], j: usize) -> bool {
    let mark = |k: usize| toks.get(k).filter(|t| !t.word).map(|t| at(s, &t.r));
    matches!((mark(j), mark(j + 1)), (Some("'"), Some("'")) | (Some("`"), Some("`")))
        && toks[j].r.end == toks[j + 1].r.start
}
