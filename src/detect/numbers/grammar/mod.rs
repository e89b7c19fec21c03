//! The matcher: reads the tokens left to right and, at each token, takes the longest number expression that
//! starts there. No expression crosses a line break.
//!
//! An expression is `[bound] core [range-tail]`:
//! - bound: a phrase from [`BOUNDS`] ("at least", "more than", "nearly", "about"); it is part of the span.
//! - core, tried in this order: a currency symbol or code with an amount; a month date; a weekday; a calendar
//!   name after a dating preposition; "mid-March"; "noon"/"midnight"; a vague count ("hundreds", "several
//!   hundred"); spelled-out numbers; digits. Digits and number words continue with a scale ("2.3 billion"), a
//!   percent sign or word, a currency word, a unit (spaced, glued or hyphenated: "5 km", "5km", "48-hour"), or
//!   "a.m."/"p.m.". Digit chains are dates ("2024-03-22", "3/22/2024"), times ("15:30") or fractions ("1/2").
//! - range: "between A and B", "from A to B", "A-B", "A to B" when A < B and both ends are compatible.
//!
//! What is left out on purpose, following the guidelines: the counted noun, prepositions, "a total of",
//! "the past", "night"/"evening", "more" without "than" ("more 90" → "90"), and digits glued to letters or
//! to a hyphenated name ("G7", "COVID-19", "ISIS-K", "eutoday1049"), which are names, not numbers. Digits
//! right after a capitalized name inside a sentence are names too ("a Boeing 737", "iPhone 11 Pro"), unless a
//! counted noun follows ("CNN 16 comments"); scores and codes joined by hyphens ("3-2", "555-1234") are skipped.
//!
//! Layout: this module drives the pass and handles bounds, ranges and names; `words` reads money prefixes,
//! spelled-out and vague numbers; `calendar` reads month and weekday dates and decides years; `digits` reads
//! digits and everything that can follow an amount (scale, percent, currency, unit, clock words).

mod calendar;
mod digits;
mod relative;
mod tail;
mod words;

use super::lexicon::{
    is_one_of, Bound, Card, Dim, Entry, AHEAD_WORDS, BOUNDS, COUNT_NOUNS, CURRENCY_SYMBOLS, DATE_PREPOSITIONS,
    DAY_PARTS, DOLLAR_ADJECTIVES, DOLLAR_PREFIXES, FUNCTION_WORDS, ONE_PRONOUN_AFTER, ONE_PRONOUN_BEFORE, PERIOD_EDGES,
    RELATIVE_WORDS, TIME_ZONES, WEAK_REACH, WEEKDAY_TITLES, YEAR_PREPOSITIONS,
};
use super::tokens::{word_case, NumLit, Tok, TokKind};
use super::value::{Date, Family, Kind, Quant, Val};

/// One expression: tokens `first..end`, of which `core..end` is the number and `first..core` its bound.
#[derive(Debug, Clone)]
pub(crate) struct Match {
    pub first: usize,
    pub core: usize,
    pub end: usize,
    pub q: Quant,
}

/// The outcome of trying a core at one token.
enum Core {
    /// An expression ending before this token index (boxed: a meaning is large, and most tries find nothing).
    Found(usize, Box<Quant>),
    /// Tokens up to this index belong to a name or code; skip them.
    Skip(usize),
    /// Nothing starts here.
    No,
}

/// An expression ending before token `end`.
fn found(end: usize, q: Quant) -> Core {
    Core::Found(end, Box::new(q))
}

/// Finds every expression in `toks` (tokens of `text`).
pub(crate) fn find(text: &str, toks: &[Tok]) -> Vec<Match> {
    let mut g = G { text, toks, lim: 0 };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if i >= g.lim {
            let mut j = i + 1;
            while j < toks.len() && !toks[j].newline {
                j += 1;
            }
            g.lim = j;
        }
        match g.at(i) {
            Core::Found(end, q) => {
                let (end, mut q) = g.extend(i, end, *q);
                if q.tx.weekday.is_some() || q.tx.date.is_some() {
                    q.tx.ahead = g.looks_ahead(i);
                }
                let core = match &q.bound {
                    Some(_) => g.bound(i).map_or(i, |(_, j)| j),
                    None => i,
                };
                out.push(Match { first: i, core, end, q });
                i = end.max(i + 1);
            }
            Core::Skip(end) => i = end.max(i + 1),
            Core::No => i += 1,
        }
    }
    out
}

/// Words ending in "s" after a four-digit number that are not counted plural nouns, so they do not turn a
/// year into a count ("2014 always").
const NOT_PLURAL: [&str; 8] =
    ["always", "perhaps", "towards", "afterwards", "whereas", "besides", "sometimes", "nevertheless"];

/// Words before a four-digit number that make it a year whatever follows ("the 2015 attacks", "fiscal year
/// 2019 sales", "since 1990").
const STRONG_YEAR_WORDS: [&str; 14] = [
    "the", "year", "fiscal", "since", "until", "till", "circa", "early", "late", "mid", "spring", "summer", "autumn",
    "winter",
];

/// Words before "A to B" that make it a change from A to B, not a range.
const CHANGE_WORDS: [&str; 24] = [
    "by",
    "down",
    "up",
    "rose",
    "fell",
    "dropped",
    "increased",
    "decreased",
    "grew",
    "climbed",
    "jumped",
    "slipped",
    "gained",
    "lost",
    "declined",
    "cut",
    "raised",
    "reduced",
    "lowered",
    "rise",
    "fall",
    "drop",
    "increase",
    "decrease",
];

/// Characters that join the ends of a numeric range ("20-35", "20–35", "25−26").
const DASHES: [char; 3] = ['-', '–', '−'];

/// Numeric-value amount before its continuation (unit, currency, percent).
#[derive(Debug, Clone, Copy)]
struct Amount {
    value: f64,
    scale: Option<f64>,
    family: Family,
    /// The plain whole value when it is 0–59 (for clock hours and minutes).
    small: Option<u8>,
}

struct G<'t> {
    text: &'t str,
    toks: &'t [Tok],
    /// End of the current line, in tokens: no expression reaches it.
    lim: usize,
}

impl<'t> G<'t> {
    // ----- token access -------------------------------------------------------------------------------------

    fn t(&self, k: usize) -> Option<&'t Tok> {
        if k < self.lim {
            self.toks.get(k)
        } else {
            None
        }
    }

    fn s(&self, k: usize) -> &'t str {
        let t = &self.toks[k];
        self.text.get(t.start as usize..t.end as usize).unwrap_or_default()
    }

    fn kind(&self, k: usize) -> Option<TokKind> {
        self.t(k).map(|t| t.kind)
    }

    fn is_word(&self, k: usize, w: &str) -> bool {
        self.kind(k) == Some(TokKind::Word) && self.s(k).eq_ignore_ascii_case(w)
    }

    fn word_in(&self, k: usize, list: &[&str]) -> bool {
        self.kind(k) == Some(TokKind::Word) && is_one_of(self.s(k), list)
    }

    fn is_sym(&self, k: usize, chars: &[char]) -> bool {
        self.kind(k) == Some(TokKind::Sym) && self.s(k).chars().next().is_some_and(|c| chars.contains(&c))
    }

    fn entry(&self, k: usize) -> Option<&'static Entry> {
        self.t(k).filter(|t| t.kind == TokKind::Word).and_then(|t| t.entry)
    }

    fn num(&self, k: usize) -> Option<NumLit> {
        self.t(k).filter(|t| t.kind == TokKind::Num).map(|t| t.num)
    }

    fn glued(&self, k: usize) -> bool {
        self.t(k).is_some_and(|t| t.glued)
    }

    /// The token before `k` on the same line.
    fn prev(&self, k: usize) -> Option<usize> {
        (k > 0 && !self.toks[k].newline).then(|| k - 1)
    }

    fn prev_word_in(&self, k: usize, list: &[&str]) -> bool {
        self.prev(k).is_some_and(|p| self.kind(p) == Some(TokKind::Word) && is_one_of(self.s(p), list))
    }

    /// Capitalized or all-caps word: calendar names are written that way.
    fn cap(&self, k: usize) -> bool {
        self.kind(k) == Some(TokKind::Word) && word_case(self.s(k)).0
    }

    /// All-caps word of two or more letters ("USD", "EUR"): currency codes are written that way.
    fn upper(&self, k: usize) -> bool {
        self.kind(k) == Some(TokKind::Word) && word_case(self.s(k)).1
    }

    // ----- entry point --------------------------------------------------------------------------------------

    fn at(&self, i: usize) -> Core {
        let Some(t) = self.t(i) else { return Core::No };
        match t.kind {
            TokKind::Opaque => Core::No,
            TokKind::Num => {
                if let Some(end) = self.name_around(i) {
                    return Core::Skip(end);
                }
                if let Some(end) = self.phone_end(i) {
                    return Core::Skip(end);
                }
                if self.list_bullet(i) {
                    return Core::Skip(i + 2);
                }
                self.core_with_range(i)
            }
            TokKind::Sym => {
                // Only a currency sign, a sign or an apostrophe ("’90s") can start an expression.
                if !self.sym_starts(i) {
                    return Core::No;
                }
                if self.currency_symbol(i).is_some() {
                    return self.core_with_range(i);
                }
                if let found @ Core::Found(..) = self.short_year(i) {
                    return found;
                }
                if let Some(end) = self.phone_end(i) {
                    return Core::Skip(end);
                }
                self.signed(i)
            }
            TokKind::Word => {
                let Some(e) = t.entry else { return Core::No };
                // A weak word ("a", "in", "this") starts nothing unless a number can follow it.
                if !e.strong && !self.number_ahead(i) {
                    return Core::No;
                }
                if e.bound_start {
                    if let Some(found) = self.bounded(i) {
                        return found;
                    }
                }
                if let Some(found) = self.between_or_from(i) {
                    return found;
                }
                self.core_with_range(i)
            }
        }
    }

    /// Whether the symbol at `i` can start an expression: a currency sign, a sign, an apostrophe.
    fn sym_starts(&self, i: usize) -> bool {
        let c = self.s(i).chars().next().unwrap_or(' ');
        matches!(c, '+' | '-' | '−' | '\'' | '’') || CURRENCY_SYMBOLS.iter().any(|(s, _)| *s == c)
    }

    /// Whether a digit, a symbol that can start a number or a strong word comes within [`WEAK_REACH`] tokens
    /// after `i`.
    fn number_ahead(&self, i: usize) -> bool {
        (i + 1..=i + WEAK_REACH).any(|k| match self.t(k) {
            Some(t) => match t.kind {
                TokKind::Num => true,
                TokKind::Sym => self.sym_starts(k),
                TokKind::Word => t.entry.is_some_and(|e| e.strong),
                TokKind::Opaque => false,
            },
            None => false,
        })
    }

    /// "at least 115", "nearly 170", "just over two weeks".
    fn bounded(&self, i: usize) -> Option<Core> {
        let (b, j) = self.bound(i)?;
        // "That adds up to 44 million": a verb with "up", not a bound.
        if self.is_word(i, "up")
            && self.prev_word_in(
                i,
                &["add", "adds", "added", "adding", "sum", "sums", "summed", "amount", "amounts", "amounted"],
            )
        {
            return None;
        }
        if self.is_word(i, "some") && self.num(j).is_none() && self.entry(j).is_none_or(|e| e.card.is_none()) {
            return None;
        }
        let Core::Found(end, mut q) = self.core_with_range(j) else { return None };
        // "pledged €50 billion over four years": a bare "over" before a length of time says when, not how much,
        // unless the length is itself the figure ("for over 20 years", "over 20 years old").
        if j == i + 1
            && self.is_word(i, "over")
            && q.kind == Kind::Duration
            && !self.prev_word_in(i, &["for", "of", "after", "in", "took", "takes", "lasted", "spent", "than"])
            && !self.is_word(end - 1, "old")
        {
            return None;
        }
        match q.kind {
            Kind::Ordinal => return None,
            Kind::Date if q.family == Family::Year => {
                let v = q.value.as_ref().and_then(Val::as_f64)?;
                *q = Quant::num(Kind::Cardinal, Family::Digits, v);
            }
            Kind::Date => return None,
            Kind::Time if b != Bound::Approx => return None,
            _ => {}
        }
        q.bound = Some(b);
        Some(Core::Found(end, q))
    }

    /// The longest bound phrase at `i` and the token after it.
    fn bound(&self, i: usize) -> Option<(Bound, usize)> {
        let mut best: Option<(Bound, usize)> = None;
        let (first, n) = self.entry(i)?.bounds;
        for (words, b) in &BOUNDS[first as usize..(first + n) as usize] {
            let ok = words.iter().enumerate().all(|(n, w)| self.is_word(i + n, w) && (n == 0 || !self.glued(i + n)));
            if ok && best.is_none_or(|(_, e)| i + words.len() > e) {
                best = Some((*b, i + words.len()));
            }
        }
        best
    }

    /// Whether a bound phrase ends right before token `i` on the same line.
    fn bound_ends_at(&self, i: usize) -> bool {
        BOUNDS.iter().any(|(words, _)| {
            let n = words.len();
            i >= n
                && (i - n..i).all(|k| !self.toks[k + 1].newline)
                && words.iter().enumerate().all(|(m, w)| self.is_word(i - n + m, w))
        })
    }

    /// "between 20 and 35", "from 5 to 10".
    fn between_or_from(&self, i: usize) -> Option<Core> {
        let joiners: &[&str] = if self.is_word(i, "between") {
            &["and"]
        } else if self.is_word(i, "from") {
            &["to", "through", "until", "till"]
        } else {
            return None;
        };
        let Core::Found(e1, q1) = self.core(i + 1) else { return None };
        let dash = self.is_sym(e1, &['-', '–']) && !self.is_word(i, "between");
        if !(self.word_in(e1, joiners) || dash) {
            return None;
        }
        let Core::Found(e2, q2) = self.core(e1 + 1) else { return None };
        if both_dated(&q1, &q2) {
            return None;
        }
        let r = range(&q1, &q2, self.num(e1 + 1))?;
        Some(found(e2, r))
    }

    /// A core, then "-"/"–"/"to" and a second core make a range when they fit together.
    fn core_with_range(&self, i: usize) -> Core {
        let (e1, q1) = match self.core(i) {
            Core::Found(e, q) => (e, q),
            other => return other,
        };
        // "8- to 16-meter": the first end keeps a hyphen for the unit it shares with the second.
        let e1 = if self.is_sym(e1, &['-']) && self.glued(e1) && !self.glued(e1 + 1) && self.is_word(e1 + 1, "to") {
            e1 + 1
        } else {
            e1
        };
        let hyphen = self.is_sym(e1, &DASHES);
        let glued_hyphen = hyphen && self.glued(e1) && self.glued(e1 + 1);
        let spaced_hyphen = hyphen && !self.glued(e1) && !self.glued(e1 + 1);
        // "20 to 35 people" is a range; "fell 30 to 126" and "down by 30 to 126" report a change.
        let to = self.word_in(e1, &["to", "through"]) && !self.prev_word_in(i, &CHANGE_WORDS);
        if glued_hyphen {
            // "2283-5474", "555-1234": long digit groups joined by a hyphen are codes unless both are years.
            if let (Some(a), Some(b)) = (self.num(e1 - 1), self.num(e1 + 1)) {
                let long = |l: NumLit| l.int_digits >= 4 && !l.commas;
                let year = |l: NumLit| l.int_digits == 4 && l.plain_int() && (1000.0..=2100.0).contains(&l.value);
                if (long(a) || long(b)) && !(year(a) && (year(b) || b.int_digits == 2)) {
                    return Core::Skip(self.chain_end(i));
                }
            }
        }
        if glued_hyphen || spaced_hyphen || to {
            if let Core::Found(e2, q2) = self.core(e1 + 1) {
                // "June-August 1992", "from June to August 2020": the first end takes the second's year.
                let dated = year_from(&q1, &q2).map(Box::new);
                let q1 = dated.as_ref().unwrap_or(&q1);
                if to && both_dated(q1, &q2) {
                    return Core::Found(e1, q1.clone());
                }
                if let Some(r) = range(q1, &q2, self.num(e1 + 1)) {
                    if let Some(found) = self.day_range_month(i, e2, &r) {
                        return found;
                    }
                    return found(e2, r);
                }
            }
            if glued_hyphen && self.num(e1 - 1).is_some() && self.num(e1 + 1).is_some() {
                // "3-2", "555-1234": scores and codes, not a number and a second one.
                return Core::Skip(self.chain_end(i));
            }
        }
        Core::Found(e1, q1)
    }

    /// The core at `i`.
    fn core(&self, i: usize) -> Core {
        let Some(t) = self.t(i) else { return Core::No };
        match t.kind {
            TokKind::Opaque => Core::No,
            TokKind::Num => {
                if self.name_around(i).is_some() {
                    return Core::No;
                }
                self.digits(i)
            }
            TokKind::Sym => match self.currency_symbol(i) {
                Some(code) => self.money_after_prefix(i + 1, code),
                None => Core::No,
            },
            TokKind::Word => self.word_core(i),
        }
    }

    // ----- names and codes ----------------------------------------------------------------------------------

    /// "1. Home", "2) News", "* 3. This story": a number that opens a line, after any bullet sign, and is
    /// closed by "." or ")" numbers a list item.
    fn list_bullet(&self, i: usize) -> bool {
        let opens_line = match self.prev(i) {
            None => true,
            Some(p) => self.prev(p).is_none() && self.is_sym(p, &['*', '+', '-', '•', '·', '–', '#']),
        };
        let lit = self.toks[i].num;
        opens_line
            && lit.plain_int()
            && lit.int_digits <= 3
            && self.is_sym(i + 1, &['.', ')'])
            && self.glued(i + 1)
            && self.t(i + 2).is_some_and(|t| !t.glued)
    }

    /// Digits glued to a name ("G7", "COVID-19", "eutoday1049", "No.5"): the end of the glued run to skip.
    fn name_around(&self, i: usize) -> Option<usize> {
        let p = self.prev(i)?;
        if !self.toks[i].glued {
            return None;
        }
        let name = match self.toks[p].kind {
            TokKind::Word => !(self.toks[p].entry.is_some_and(|e| e.currency_code.is_some()) && self.upper(p)),
            TokKind::Sym => {
                let c = self.s(p);
                (c == "-" || c == "." || c == "/")
                    && self.toks[p].glued
                    && self.prev(p).is_some_and(|pp| {
                        self.toks[pp].kind == TokKind::Word
                            && !is_one_of(self.s(pp), &["mid", "pre", "post", "top", "early", "late", "under", "over"])
                    })
            }
            _ => false,
        };
        name.then(|| self.chain_end(i))
    }

    /// End of a run of glued numbers, words and joining symbols starting at `i`.
    fn chain_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while let Some(t) = self.t(j) {
            if !t.glued {
                break;
            }
            match t.kind {
                TokKind::Num | TokKind::Word => j += 1,
                TokKind::Sym
                    if matches!(self.s(j), "-" | "–" | "−" | "/" | ":" | "." | "," | "_")
                        && self.glued(j + 1)
                        && matches!(self.kind(j + 1), Some(TokKind::Num | TokKind::Word)) =>
                {
                    j += 2
                }
                _ => break,
            }
        }
        j
    }
}

fn time(h: u8, m: u8) -> Quant {
    Quant::new(Kind::Time, Family::Time, Some(Val::Iso(format!("{h:02}:{m:02}"))))
}

fn date_quant(d: Date, family: Family) -> Quant {
    let mut q = Quant::new(Kind::Date, family, d.iso().map(Val::Iso));
    if d.year.is_none() {
        q.tx.date = Some(d);
    }
    q
}

/// `lo`, a date written without its year ("June", "June 5"), dated with the year of `hi` ("August 1992"), when
/// it comes before `hi` in that year.
fn year_from(lo: &Quant, hi: &Quant) -> Option<Quant> {
    let d = lo.tx.date.filter(|d| d.year.is_none() && lo.value.is_none() && lo.kind == Kind::Date)?;
    let Some(Val::Iso(v)) = hi.value.as_ref().filter(|_| hi.kind == Kind::Date) else { return None };
    let (year, month) = (v.get(..4)?.parse().ok()?, v.get(5..7)?.parse::<u8>().ok()?);
    if d.month? > month {
        return None;
    }
    let dated = Date { year: Some(year), ..d };
    let mut q = lo.clone();
    q.value = Some(Val::Iso(dated.iso()?));
    q.tx.date = None;
    Some(q)
}

/// Two ends that are each a whole dated expression ("between 1994 and 1997", "from 1991 to 1997"): TimeML marks
/// them as two dates, each with its own value, rather than one range.
fn both_dated(a: &Quant, b: &Quant) -> bool {
    let dated = |q: &Quant| q.kind == Kind::Date && matches!(q.value, Some(Val::Iso(_)));
    dated(a) && dated(b)
}

/// Joins two ends into a range when they fit: same kind (same unit or currency), or a bare number before a
/// unit, currency or percent that it shares ("20-35%", "5 to 10 million"); "2014-18" expands the century.
/// The low end must be below the high end. `hi_lit` is the high end's digits, when it is written in digits.
fn range(lo: &Quant, hi: &Quant, hi_lit: Option<NumLit>) -> Option<Quant> {
    if lo.bound.is_some() || hi.bound.is_some() || lo.kind == Kind::Range || hi.kind == Kind::Range {
        return None;
    }
    let mut lo_v = lo.value.clone()?;
    let mut hi_v = hi.value.clone()?;
    let bare = |q: &Quant| q.kind == Kind::Cardinal && matches!(q.family, Family::Digits | Family::Words);
    // "5 to 10 million": the scale of the high end applies to a low end written without one.
    if let (Some(s), None, Val::Num(l), Val::Num(h)) = (hi.scale, lo.scale, &lo_v, &hi_v) {
        if *l < *h / s && s >= 1000.0 {
            lo_v = Val::Num(l * s);
        }
    }
    let of = if lo.kind == hi.kind {
        match lo.kind {
            Kind::Quantity | Kind::Duration if lo.unit != hi.unit => return None,
            Kind::Money if lo.currency != hi.currency => return None,
            Kind::Ordinal => return None,
            Kind::Date if lo.family == Family::Year && hi.family == Family::Year => Kind::Date,
            Kind::Date if matches!((&lo_v, &hi_v), (Val::Iso(a), Val::Iso(b)) if a.len() == b.len()) => Kind::Date,
            Kind::Date => return None,
            k => k,
        }
    } else if lo.family == Family::Year && bare(hi) && hi_lit.is_some_and(|l| l.int_digits == 2 && l.plain_int()) {
        let y = lo_v.as_f64()?;
        let century = (y / 100.0).floor() * 100.0;
        hi_v = Val::Iso(format!("{}", (century + hi_v.as_f64()?) as i64));
        Kind::Date
    } else if bare(lo) && matches!(hi.kind, Kind::Percent | Kind::Money | Kind::Quantity | Kind::Duration) {
        hi.kind
    } else if lo.kind == Kind::Money && bare(hi) {
        Kind::Money
    } else {
        return None;
    };
    match (&lo_v, &hi_v) {
        (Val::Num(a), Val::Num(b)) if a < b => {}
        (Val::Iso(a), Val::Iso(b)) if a < b => {}
        _ => return None,
    }
    let mut q = Quant::new(Kind::Range, Family::Range, None);
    q.min = Some(lo_v);
    q.max = Some(hi_v);
    q.of = Some(of);
    q.unit = hi.unit.clone().or_else(|| lo.unit.clone());
    q.currency = hi.currency.or(lo.currency);
    Some(q)
}
