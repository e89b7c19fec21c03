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
//! to a hyphenated name ("G7", "COVID-19", "ISIS-K", "eutoday1049"), which are names, not numbers.

use super::lexicon::{
    is_one_of, Bound, Card, Dim, Entry, BOUNDS, COUNT_NOUNS, CURRENCY_SYMBOLS, DATE_PREPOSITIONS,
    DOLLAR_ADJECTIVES, DOLLAR_PREFIXES, ONE_PRONOUN_AFTER, ONE_PRONOUN_BEFORE, YEAR_PREPOSITIONS,
};
use super::tokens::{NumLit, Tok, TokKind};
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
    /// An expression ending before this token index.
    Found(usize, Quant),
    /// Tokens up to this index belong to a name or code; skip them.
    Skip(usize),
    /// Nothing starts here.
    No,
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

/// Month names that are also English words stay out unless capitalized; these common words after a number
/// are never plural counted nouns, so they do not stop a year ("in 2014 always").
const NOT_PLURAL: [&str; 8] = ["always", "perhaps", "towards", "afterwards", "whereas", "besides", "sometimes", "nevertheless"];

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
        &self.text[t.start as usize..t.end as usize]
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
        self.t(k).is_some_and(|t| t.cap)
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
                self.core_with_range(i)
            }
            TokKind::Sym => {
                if self.currency_symbol(i).is_some() {
                    return self.core_with_range(i);
                }
                self.signed(i)
            }
            TokKind::Word => {
                let Some(e) = t.entry else { return Core::No };
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

    /// "at least 115", "nearly 170", "just over two weeks".
    fn bounded(&self, i: usize) -> Option<Core> {
        let (b, j) = self.bound(i)?;
        if self.is_word(i, "some") && self.num(j).is_none() && !self.entry(j).is_some_and(|e| e.card.is_some()) {
            return None;
        }
        let Core::Found(end, mut q) = self.core_with_range(j) else { return None };
        match q.kind {
            Kind::Ordinal => return None,
            Kind::Date if q.family == Family::Year => {
                let v = q.value.as_ref().and_then(Val::as_f64)?;
                q = Quant::num(Kind::Cardinal, Family::Digits, v);
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
        for (words, b) in BOUNDS {
            let ok = words
                .iter()
                .enumerate()
                .all(|(n, w)| self.is_word(i + n, w) && (n == 0 || !self.glued(i + n)));
            if ok && best.is_none_or(|(_, e)| i + words.len() > e) {
                best = Some((*b, i + words.len()));
            }
        }
        best
    }

    /// "between 20 and 35", "from 5 to 10".
    fn between_or_from(&self, i: usize) -> Option<Core> {
        let (joiners, strict): (&[&str], bool) = if self.is_word(i, "between") {
            (&["and"], true)
        } else if self.is_word(i, "from") {
            (&["to", "through", "until", "till"], true)
        } else {
            return None;
        };
        let _ = strict;
        let Core::Found(e1, q1) = self.core(i + 1) else { return None };
        let dash = self.is_sym(e1, &['-', '–']) && !self.is_word(i, "between");
        if !(self.word_in(e1, joiners) || dash) {
            return None;
        }
        let Core::Found(e2, q2) = self.core(e1 + 1) else { return None };
        let r = range(&q1, &q2, self.num(e1 + 1))?;
        Some(Core::Found(e2, r))
    }

    /// A core, then "-"/"–"/"to" and a second core make a range when they fit together.
    fn core_with_range(&self, i: usize) -> Core {
        let (e1, q1) = match self.core(i) {
            Core::Found(e, q) => (e, q),
            other => return other,
        };
        let hyphen = self.is_sym(e1, &['-', '–']);
        let glued_hyphen = hyphen && self.glued(e1) && self.glued(e1 + 1);
        let spaced_hyphen = hyphen && !self.glued(e1) && !self.glued(e1 + 1);
        let to = self.is_word(e1, "to");
        if glued_hyphen || spaced_hyphen || to {
            if let Core::Found(e2, q2) = self.core(e1 + 1) {
                if let Some(r) = range(&q1, &q2, self.num(e1 + 1)) {
                    return Core::Found(e2, r);
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
                Some(code) => self.money_after_prefix(i, i + 1, code),
                None => Core::No,
            },
            TokKind::Word => self.word_core(i),
        }
    }

    // ----- names and codes ----------------------------------------------------------------------------------

    /// Digits glued to a name ("G7", "COVID-19", "eutoday1049", "No.5"): the end of the glued run to skip.
    fn name_around(&self, i: usize) -> Option<usize> {
        let p = self.prev(i)?;
        if !self.toks[i].glued {
            return None;
        }
        let name = match self.toks[p].kind {
            TokKind::Word => !(self.toks[p].entry.is_some_and(|e| e.currency_code.is_some()) && self.toks[p].upper),
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
                    if matches!(self.s(j), "-" | "–" | "/" | ":" | "." | "_")
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

    // ----- money --------------------------------------------------------------------------------------------

    fn currency_symbol(&self, k: usize) -> Option<&'static str> {
        if self.kind(k) != Some(TokKind::Sym) {
            return None;
        }
        let c = self.s(k).chars().next()?;
        CURRENCY_SYMBOLS.iter().find(|(s, _)| *s == c).map(|(_, code)| *code)
    }

    /// "$2.3 billion", "€5m", "£10": the amount after a currency prefix ending at `k - 1`.
    fn money_after_prefix(&self, first: usize, k: usize, code: &'static str) -> Core {
        let Some(lit) = self.num(k) else { return Core::No };
        if self.t(k).is_some_and(|t| !t.glued) && self.is_sym(first, &['$', '€', '£', '¥', '₹', '₽', '₴']) && k != first + 1 {
            return Core::No;
        }
        let mut value = lit.value;
        let mut scale = None;
        let mut j = k + 1;
        if self.glued(j) {
            if let Some(s) = self.entry(j).and_then(|e| e.scale_abbr) {
                scale = Some(s);
                j += 1;
            } else if self.kind(j) == Some(TokKind::Word) {
                return Core::Skip(self.chain_end(k));
            }
        } else if let Some(s) = self.spaced_scale(j, true) {
            scale = Some(s);
            j += 1;
        }
        if let Some(s) = scale {
            value *= s;
        }
        let mut q = Quant::num(Kind::Money, Family::Money, value);
        q.currency = Some(code);
        q.scale = scale;
        let _ = first;
        Core::Found(j, q)
    }

    /// A scale word after an amount: "billion", "hundred", and with money also "bn", "mn", "m".
    fn spaced_scale(&self, j: usize, money: bool) -> Option<f64> {
        let e = self.entry(j)?;
        match e.card {
            Some(Card::Scale(s)) => Some(s),
            Some(Card::Hundred) => Some(100.0),
            _ => match e.scale_abbr {
                Some(s) if money || !matches!(self.s(j), "m" | "M" | "b" | "B" | "k" | "K" | "tr") => Some(s),
                _ => None,
            },
        }
    }

    // ----- words --------------------------------------------------------------------------------------------

    fn word_core(&self, i: usize) -> Core {
        let Some(e) = self.entry(i) else { return Core::No };
        let w = self.s(i);
        // "US$5", "HK$10"
        if self.is_sym(i + 1, &['$']) && self.glued(i + 1) {
            if let Some((_, code)) = DOLLAR_PREFIXES.iter().find(|(p, _)| *p == w) {
                return self.money_after_prefix(i, i + 2, code);
            }
        }
        // "USD 5 million", "EUR5m"
        if let Some(code) = e.currency_code {
            if self.toks[i].upper && self.num(i + 1).is_some() {
                return self.money_after_prefix(i, i + 1, code);
            }
        }
        if e.month.is_some() {
            if let found @ Core::Found(..) = self.month_date(i) {
                return found;
            }
        }
        if e.weekday.is_some() {
            return self.weekday(i);
        }
        if e.holiday {
            return self.holiday(i);
        }
        if w.eq_ignore_ascii_case("mid") {
            return self.mid(i);
        }
        if is_one_of(w, &["noon", "midday"]) {
            return Core::Found(i + 1, time(12, 0));
        }
        if w.eq_ignore_ascii_case("midnight") {
            return Core::Found(i + 1, time(0, 0));
        }
        if let found @ Core::Found(..) = self.vague(i) {
            return found;
        }
        self.number_words(i)
    }

    /// "two", "one hundred and fifteen", "a dozen", "twenty-first", "two-thirds", then a unit or currency.
    fn number_words(&self, i: usize) -> Core {
        let Some(wn) = self.words_num(i) else { return Core::No };
        if wn.ordinal {
            if self.ordinal_is_noun(i, wn.end) {
                return Core::No;
            }
            return Core::Found(wn.end, Quant::num(Kind::Ordinal, Family::Ordinal, wn.value));
        }
        if wn.fraction {
            return Core::Found(wn.end, Quant::num(Kind::Cardinal, Family::Fraction, wn.value));
        }
        let small = (wn.value.fract() == 0.0 && wn.value < 60.0).then_some(wn.value as u8);
        let a = Amount { value: wn.value, scale: wn.scale, family: Family::Words, small };
        let (end, q) = self.after_amount(&a, wn.end);
        if end == wn.end && wn.lone_one && self.one_is_pronoun(i) {
            return Core::No;
        }
        Core::Found(end, q)
    }

    /// "one" in "one of the deadliest", "no one", "this one", "one-sided" is not a number.
    fn one_is_pronoun(&self, i: usize) -> bool {
        if self.prev_word_in(i, &ONE_PRONOUN_BEFORE) {
            return true;
        }
        let n = i + 1;
        match self.kind(n) {
            None => true,
            Some(TokKind::Word) => is_one_of(self.s(n), &ONE_PRONOUN_AFTER),
            Some(TokKind::Sym) => {
                let s = self.s(n);
                if s == "-" && self.glued(n) {
                    // "one-sided", "one-off"; but "one-year" reaches here only when no unit followed.
                    return true;
                }
                matches!(s, "," | "." | ";" | ":" | "!" | "?" | ")" | "’" | "'" | "”" | "\"")
            }
            Some(_) => false,
        }
    }

    /// "a second" (of time), "per second", "split second": the ordinal word is a unit here.
    fn ordinal_is_noun(&self, i: usize, end: usize) -> bool {
        if end != i + 1 || !self.s(i).eq_ignore_ascii_case("second") {
            return false;
        }
        if self.prev_word_in(i, &["per", "every", "split"]) {
            return true;
        }
        self.prev_word_in(i, &["a", "one"])
            && (self.kind(end) != Some(TokKind::Word) || self.word_in(end, &["ago", "later", "earlier", "or", "and", "before", "after"]))
    }

    /// The spelled-out number starting at `i`.
    fn words_num(&self, i: usize) -> Option<WordsNum> {
        #[derive(Clone, Copy, PartialEq)]
        enum L {
            Start,
            A,
            Unit,
            Teen,
            Tens,
            Hundred,
            Dozen,
            Scale,
            And,
            Half,
        }
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut last = L::Start;
        let mut last_scale = f64::INFINITY;
        let mut scale = None;
        let mut end = i;
        let mut k = i;
        let mut words = 0;
        // "half a million", "half a dozen"
        if self.is_word(k, "half") && self.word_in(k + 1, &["a", "an"]) {
            let m = match self.entry(k + 2).and_then(|e| e.card) {
                Some(Card::Scale(s)) => s,
                Some(Card::Hundred) => 100.0,
                Some(Card::Dozen) => 12.0,
                _ => return None,
            };
            return Some(WordsNum { end: k + 3, value: 0.5 * m, ordinal: false, fraction: false, scale: Some(m), lone_one: false });
        }
        if self.word_in(k, &["a", "an"]) {
            let next = self.entry(k + 1)?;
            match next.card {
                Some(Card::Hundred | Card::Scale(_) | Card::Dozen) => {
                    last = L::A;
                    cur = 1.0;
                    k += 1;
                }
                _ => {
                    // "a third of", "a quarter of"
                    let (d, plural) = next.denom?;
                    if plural || !self.is_word(k + 2, "of") || d == 2 {
                        return None;
                    }
                    return Some(WordsNum { end: k + 2, value: 1.0 / f64::from(d), ordinal: false, fraction: true, scale: None, lone_one: false });
                }
            }
        }
        loop {
            // A hyphen joins "twenty-two", "two-thirds", "twenty-first".
            if self.is_sym(k, &['-']) && self.glued(k) && self.glued(k + 1) && matches!(last, L::Tens | L::Unit | L::A) {
                let next = self.entry(k + 1);
                let joins = match last {
                    L::Tens => next.is_some_and(|e| matches!(e.card, Some(Card::Unit(1..=9))) || e.ordinal.is_some_and(|o| (1..10).contains(&o))),
                    _ => next.is_some_and(|e| e.denom.is_some()),
                };
                if !joins {
                    break;
                }
                k += 1;
            } else if k > i && self.glued(k) && self.kind(k) == Some(TokKind::Word) {
                break;
            }
            let Some(e) = self.entry(k) else { break };
            let hyphened = k > i && self.is_sym(k - 1, &['-']);
            // Fractions: "two-thirds", "one third of", "three quarters".
            if let Some((d, plural)) = e.denom {
                if matches!(last, L::Unit | L::Teen | L::Tens | L::A) && cur > 0.0 {
                    let ok = if plural { cur > 1.0 || last == L::A } else { cur == 1.0 && (hyphened || self.is_word(k + 1, "of")) };
                    if ok && d != 2 || (d == 2 && cur == 1.0 && hyphened) {
                        return Some(WordsNum { end: k + 1, value: (total + cur) / f64::from(d), ordinal: false, fraction: true, scale: None, lone_one: false });
                    }
                }
            }
            if let Some(o) = e.ordinal {
                let ok = match last {
                    L::Start | L::Hundred | L::Scale | L::And => true,
                    L::Tens => o < 10 && o > 0,
                    L::Unit | L::Teen => o >= 100,
                    _ => false,
                };
                if ok && e.card.is_none() {
                    let value = if o >= 100 { total + cur.max(1.0) * f64::from(o) } else { total + cur + f64::from(o) };
                    return Some(WordsNum { end: k + 1, value, ordinal: true, fraction: false, scale: None, lone_one: false });
                }
                if e.card.is_none() {
                    break;
                }
            }
            match e.card {
                Some(Card::Unit(v)) if matches!(last, L::Start | L::Tens | L::Hundred | L::Scale | L::And) && !(last == L::Tens && v == 0) => {
                    cur += f64::from(v);
                    last = L::Unit;
                }
                Some(Card::Teen(v)) if matches!(last, L::Start | L::Hundred | L::Scale | L::And) => {
                    cur += f64::from(v);
                    last = L::Teen;
                }
                Some(Card::Tens(v)) if matches!(last, L::Start | L::Hundred | L::Scale | L::And) => {
                    cur += f64::from(v);
                    last = L::Tens;
                }
                Some(Card::Hundred) if matches!(last, L::Unit | L::Teen | L::A) && cur > 0.0 && cur < 100.0 => {
                    cur *= 100.0;
                    last = L::Hundred;
                    scale = Some(100.0);
                }
                Some(Card::Dozen) if matches!(last, L::Unit | L::A) && cur > 0.0 => {
                    cur *= 12.0;
                    last = L::Dozen;
                }
                Some(Card::Scale(s))
                    if matches!(last, L::Unit | L::Teen | L::Tens | L::Hundred | L::A | L::Half) && s < last_scale && cur > 0.0 =>
                {
                    total += cur * s;
                    cur = 0.0;
                    last = L::Scale;
                    last_scale = s;
                    scale = Some(s);
                }
                _ => break,
            }
            words += 1;
            k += 1;
            end = k;
            // "hundred and fifteen", "one and a half"
            if self.is_word(k, "and") {
                let next = self.entry(k + 1);
                if matches!(last, L::Hundred | L::Scale)
                    && next.is_some_and(|e| matches!(e.card, Some(Card::Unit(1..) | Card::Teen(_) | Card::Tens(_))) || e.ordinal.is_some_and(|o| o < 100))
                {
                    last = L::And;
                    k += 1;
                } else if matches!(last, L::Unit | L::Teen | L::Tens) && self.is_word(k + 1, "a") && self.is_word(k + 2, "half") {
                    cur += 0.5;
                    last = L::Half;
                    k += 3;
                    end = k;
                }
            }
            if last == L::Dozen {
                break;
            }
        }
        if words == 0 || last == L::A {
            return None;
        }
        let lone_one = words == 1 && self.s(i).eq_ignore_ascii_case("one");
        Some(WordsNum { end, value: total + cur, ordinal: false, fraction: false, scale, lone_one })
    }

    /// "hundreds", "thousands of", "tens of thousands", "several hundred", "a few thousand".
    fn vague(&self, i: usize) -> Core {
        let e = self.entry(i);
        let mut end;
        if self.is_word(i, "a") && self.is_word(i + 1, "few") || self.word_in(i, &["several", "few", "many"]) {
            let k = if self.is_word(i, "a") { i + 2 } else { i + 1 };
            let ok = self.entry(k).is_some_and(|e| {
                matches!(e.card, Some(Card::Hundred | Card::Scale(_) | Card::Dozen)) || (e.vague && !is_one_of(self.s(k), &["tens", "dozens"]))
            });
            if !ok {
                return Core::No;
            }
            end = k + 1;
        } else if e.is_some_and(|e| e.vague) {
            end = i + 1;
            if self.is_word(i, "tens") {
                if !(self.is_word(i + 1, "of") && self.entry(i + 2).is_some_and(|e| e.vague)) {
                    return Core::No;
                }
                end = i + 3;
            }
        } else {
            return Core::No;
        }
        while self.is_word(end, "of") && self.entry(end + 1).is_some_and(|e| e.vague) && !self.word_in(end + 1, &["tens", "dozens"]) {
            end += 2;
        }
        let mut q = Quant::new(Kind::Cardinal, Family::Vague, None);
        if self.is_word(end, "of") {
            if let Some(code) = self.entry(end + 1).and_then(|e| e.currency) {
                q = Quant::new(Kind::Money, Family::Money, None);
                q.currency = Some(code);
                end += 2;
            }
        }
        Core::Found(end, q)
    }

    // ----- calendar -----------------------------------------------------------------------------------------

    /// "March 7", "March 7, 2024", "August 2021", "March" (alone, when it dates something).
    fn month_date(&self, i: usize) -> Core {
        let e = self.entry(i).expect("month word");
        if !self.cap(i) || self.glued(i) && self.prev(i).is_some_and(|p| self.kind(p) == Some(TokKind::Word)) {
            return Core::No;
        }
        let month = e.month.expect("month word");
        let mut k = i + 1;
        if e.month_abbr && self.is_sym(k, &['.']) && self.glued(k) {
            k += 1;
        }
        // Day after the month.
        if let Some(d) = self.day_at(k) {
            let mut end = d.1;
            let mut date = Date { year: None, month: Some(month), day: Some(d.0) };
            let y = if self.is_sym(end, &[',']) { end + 1 } else { end };
            if let Some(year) = self.year_at(y) {
                date.year = Some(year);
                end = y + 1;
            }
            if date.is_valid() {
                return Core::Found(end, date_quant(date, Family::Date));
            }
            return Core::No;
        }
        let y = if self.is_word(k, "of") { k + 1 } else { k };
        if let Some(year) = self.year_at(y) {
            return Core::Found(y + 1, date_quant(Date { year: Some(year), month: Some(month), day: None }, Family::Date));
        }
        if e.month_abbr {
            return Core::No;
        }
        if e.month_ambiguous && !self.prev_word_in(i, &DATE_PREPOSITIONS) {
            return Core::No;
        }
        // "Women’s March" is a name.
        if self.prev(i).is_some_and(|p| self.is_word(p, "s") && self.toks[p].glued) {
            return Core::No;
        }
        Core::Found(k, date_quant(Date { year: None, month: Some(month), day: None }, Family::Date))
    }

    /// A day of the month at `k` ("7", "7th"), with the token after it.
    fn day_at(&self, k: usize) -> Option<(u8, usize)> {
        let lit = self.num(k)?;
        if self.glued(k) || !lit.plain_int() || lit.int_digits > 2 || !(1.0..=31.0).contains(&lit.value) {
            return None;
        }
        let mut end = k + 1;
        if self.glued(end) && self.word_in(end, &["st", "nd", "rd", "th"]) {
            end += 1;
        } else if self.glued(end) && matches!(self.kind(end), Some(TokKind::Word | TokKind::Num)) {
            return None;
        }
        if self.glued(end) && self.is_sym(end, &['-', '–', '/', ':']) && self.num(end + 1).is_some() {
            return None;
        }
        Some((lit.value as u8, end))
    }

    /// A four-digit year at `k`.
    fn year_at(&self, k: usize) -> Option<i32> {
        let lit = self.num(k)?;
        let ok = lit.plain_int() && lit.int_digits == 4 && (1000.0..=2100.0).contains(&lit.value);
        let free = !(self.glued(k + 1) && matches!(self.kind(k + 1), Some(TokKind::Word | TokKind::Num)));
        (ok && free).then_some(lit.value as i32)
    }

    /// "Friday", "Friday’s", "Friday, March 22".
    fn weekday(&self, i: usize) -> Core {
        if !self.cap(i) || self.glued(i) && self.prev(i).is_some_and(|p| matches!(self.kind(p), Some(TokKind::Word | TokKind::Num))) {
            return Core::No;
        }
        if self.glued(i + 1) && matches!(self.kind(i + 1), Some(TokKind::Word | TokKind::Num)) {
            return Core::No;
        }
        // "Friday, March 22, 2024", "Friday 22 March"
        let k = if self.is_sym(i + 1, &[',']) { i + 2 } else { i + 1 };
        if let Core::Found(end, q) = self.core(k) {
            if q.kind == Kind::Date && q.family == Family::Date && self.entry(k).and_then(|e| e.weekday).is_none() {
                let has_day = self.num(k).is_some() || self.num(k + 1).is_some() || self.num(k + 2).is_some();
                if has_day {
                    return Core::Found(end, q);
                }
            }
        }
        Core::Found(i + 1, Quant::new(Kind::Date, Family::Weekday, None))
    }

    /// "Ramadan" after a dating preposition ("during Ramadan", "the holy month of Ramadan").
    fn holiday(&self, i: usize) -> Core {
        if !self.cap(i) || !self.prev_word_in(i, &DATE_PREPOSITIONS) && !self.prev_word_in(i, &["at", "over", "ahead"]) {
            return Core::No;
        }
        let end = if self.word_in(i + 1, &["Day", "Eve"]) && self.cap(i + 1) { i + 2 } else { i + 1 };
        Core::Found(end, Quant::new(Kind::Date, Family::Holiday, None))
    }

    /// "mid-March", "mid-2014".
    fn mid(&self, i: usize) -> Core {
        if !(self.is_sym(i + 1, &['-']) && self.glued(i + 1) && self.glued(i + 2)) {
            return Core::No;
        }
        if let Some(m) = self.entry(i + 2).and_then(|e| e.month) {
            let k = i + 3;
            if let Some(year) = self.year_at(k) {
                return Core::Found(k + 1, date_quant(Date { year: Some(year), month: Some(m), day: None }, Family::Date));
            }
            return Core::Found(k, date_quant(Date { year: None, month: Some(m), day: None }, Family::Date));
        }
        if let Some(year) = self.year_at(i + 2) {
            return Core::Found(i + 3, date_quant(Date { year: Some(year), month: None, day: None }, Family::Year));
        }
        Core::No
    }

    /// Whether a four-digit number at `i` reads as a year here: after "in"/"since"/"the"…, or, for 1900–2099,
    /// unless a counted plural noun follows ("2000 people").
    fn year_context(&self, i: usize, v: f64) -> bool {
        if self.prev_word_in(i, &YEAR_PREPOSITIONS) {
            return true;
        }
        if !(1900.0..=2099.0).contains(&v) {
            return false;
        }
        let n = i + 1;
        if self.kind(n) == Some(TokKind::Word) && !self.glued(n) {
            let w = self.s(n);
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            let plural = w.len() >= 4
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !w.ends_with("is")
                && !is_one_of(w, &NOT_PLURAL);
            if lower && (plural || is_one_of(w, &COUNT_NOUNS)) {
                return false;
            }
        }
        true
    }

    // ----- digits -------------------------------------------------------------------------------------------

    fn digits(&self, i: usize) -> Core {
        let lit = self.num(i).expect("number token");
        // Glued chains: "15:30", "2024-03-22", "3/22/2024", "1/2".
        if self.glued(i + 1) && self.glued(i + 2) && self.num(i + 2).is_some() {
            if self.is_sym(i + 1, &[':']) {
                return self.clock(i);
            }
            if self.is_sym(i + 1, &['/']) {
                return self.slashed(i);
            }
            if self.is_sym(i + 1, &['-']) && self.is_sym(i + 3, &['-']) && self.glued(i + 3) && self.glued(i + 4) && self.num(i + 4).is_some() {
                return self.iso_date(i);
            }
            if self.is_sym(i + 1, &['.', ',']) {
                return Core::Skip(self.chain_end(i));
            }
        }
        let mut a = Amount { value: lit.value, scale: None, family: Family::Digits, small: None };
        if lit.plain_int() && lit.value < 60.0 {
            a.small = Some(lit.value as u8);
        }
        let k = i + 1;
        // Letters glued to the digits: "2nd", "1990s", "3pm", "5km", "10k"; anything else is a code ("5G").
        if self.glued(k) && self.kind(k) == Some(TokKind::Word) {
            let w = self.s(k);
            let e = self.entry(k);
            if is_one_of(w, &["st", "nd", "rd", "th"]) && lit.plain_int() {
                return self.ordinal_digits(i, k + 1, lit.value);
            }
            if w == "s" && lit.plain_int() && lit.value % 10.0 == 0.0 && (lit.int_digits == 4 || lit.int_digits == 2) {
                return Core::Found(k + 1, Quant::new(Kind::Date, Family::Date, None));
            }
            if is_one_of(w, &["am", "pm"]) {
                return self.clock_hour(a, k, i);
            }
            if let Some(s) = e.and_then(|e| e.scale_abbr) {
                let metre = is_one_of(w, &["m"]) && self.entry(k + 1).and_then(|e| e.currency).is_none();
                if !metre && !matches!(w, "b" | "B" | "tr") {
                    a.value *= s;
                    a.scale = Some(s);
                    let (end, q) = self.after_amount(&a, k + 1);
                    return Core::Found(end, q);
                }
            }
            if e.and_then(|e| e.unit).is_some() {
                let (end, q) = self.after_amount(&a, k);
                if end > k {
                    return Core::Found(end, q);
                }
            }
            return Core::Skip(self.chain_end(i));
        }
        // "3-D", "4-H": a hyphen and one letter make a name.
        if self.is_sym(k, &['-']) && self.glued(k) && self.glued(k + 1) && self.kind(k + 1) == Some(TokKind::Word) && self.s(k + 1).chars().count() == 1 {
            return Core::Skip(self.chain_end(i));
        }
        if lit.leading_zero && !lit.fraction || lit.int_digits >= 10 && !lit.commas && !lit.fraction {
            return Core::Skip(self.chain_end(i));
        }
        // "22 March", "22 March 2024"
        if let Some((day, after_day)) = self.day_at(i).filter(|_| !self.glued(i)).or_else(|| self.day_at_glued_ok(i)) {
            if let Some(m) = self.entry(after_day).and_then(|e| e.month).filter(|_| self.cap(after_day)) {
                let mut end = after_day + 1;
                if self.entry(after_day).is_some_and(|e| e.month_abbr) && self.is_sym(end, &['.']) && self.glued(end) {
                    end += 1;
                }
                let mut date = Date { year: None, month: Some(m), day: Some(day) };
                let y = if self.is_sym(end, &[',']) { end + 1 } else { end };
                if let Some(year) = self.year_at(y) {
                    date.year = Some(year);
                    end = y + 1;
                }
                if date.is_valid() {
                    return Core::Found(end, date_quant(date, Family::Date));
                }
            }
        }
        let mut j = k;
        if let Some(s) = self.spaced_scale(j, false) {
            a.value *= s;
            a.scale = Some(s);
            j += 1;
        }
        let (end, q) = self.after_amount(&a, j);
        if end == j && a.scale.is_none() && q.family == Family::Digits && lit.plain_int() && lit.int_digits == 4 && (1000.0..=2100.0).contains(&lit.value) && self.year_context(i, lit.value) {
            return Core::Found(end, date_quant(Date { year: Some(lit.value as i32), month: None, day: None }, Family::Year));
        }
        Core::Found(end, q)
    }

    /// Like [`day_at`](Self::day_at) for a number that starts a line or follows punctuation.
    fn day_at_glued_ok(&self, i: usize) -> Option<(u8, usize)> {
        if !self.glued(i) {
            return None;
        }
        let p = self.prev(i)?;
        if self.kind(p) != Some(TokKind::Sym) {
            return None;
        }
        let lit = self.num(i)?;
        if !lit.plain_int() || lit.int_digits > 2 || !(1.0..=31.0).contains(&lit.value) {
            return None;
        }
        let end = if self.glued(i + 1) && self.word_in(i + 1, &["st", "nd", "rd", "th"]) { i + 2 } else { i + 1 };
        Some((lit.value as u8, end))
    }

    /// "2nd", "21st", and "22nd of March" / "22nd March" as dates.
    fn ordinal_digits(&self, i: usize, k: usize, v: f64) -> Core {
        let m_at = if self.is_word(k, "of") { k + 1 } else { k };
        if (1.0..=31.0).contains(&v) {
            if let Some(m) = self.entry(m_at).and_then(|e| e.month).filter(|_| self.cap(m_at)) {
                let mut date = Date { year: None, month: Some(m), day: Some(v as u8) };
                let mut end = m_at + 1;
                let y = if self.is_sym(end, &[',']) { end + 1 } else { end };
                if let Some(year) = self.year_at(y) {
                    date.year = Some(year);
                    end = y + 1;
                }
                if date.is_valid() {
                    return Core::Found(end, date_quant(date, Family::Date));
                }
            }
        }
        let _ = i;
        Core::Found(k, Quant::num(Kind::Ordinal, Family::Ordinal, v))
    }

    /// "15:30", "9:45 a.m.", "10:30:15".
    fn clock(&self, i: usize) -> Core {
        let h = self.num(i).expect("hour");
        let m = self.num(i + 2).expect("minutes");
        let mut end = i + 3;
        if !(h.plain_int() || h.leading_zero) || h.int_digits > 2 || h.value > 24.0 || m.int_digits != 2 || m.fraction || m.value > 59.0 {
            return Core::Skip(self.chain_end(i));
        }
        if self.is_sym(end, &[':']) && self.glued(end) && self.num(end + 1).is_some_and(|s| s.int_digits == 2 && s.value < 60.0) && self.glued(end + 1) {
            end += 2;
        }
        if self.glued(end) && matches!(self.kind(end), Some(TokKind::Num)) {
            return Core::Skip(self.chain_end(i));
        }
        let (mut hh, mm) = (h.value as u8, m.value as u8);
        if let Some((pm, e)) = self.meridiem(end) {
            if hh == 0 || hh > 12 {
                return Core::Skip(self.chain_end(i));
            }
            hh = hh % 12 + if pm { 12 } else { 0 };
            end = e;
        } else if self.glued(end) && self.kind(end) == Some(TokKind::Word) {
            return Core::Skip(self.chain_end(i));
        }
        Core::Found(end, time(hh % 24, mm))
    }

    /// "3 p.m.", "3pm", "10 o'clock": an hour and what makes it a time.
    fn clock_hour(&self, a: Amount, k: usize, _i: usize) -> Core {
        match self.hour_tail(&a, k) {
            Some((end, q)) => Core::Found(end, q),
            None => Core::No,
        }
    }

    fn hour_tail(&self, a: &Amount, k: usize) -> Option<(usize, Quant)> {
        let h = a.small.filter(|h| (1..=12).contains(h))?;
        if a.family == Family::Words && a.value.fract() != 0.0 {
            return None;
        }
        if let Some((pm, end)) = self.meridiem(k) {
            return Some((end, time(h % 12 + if pm { 12 } else { 0 }, 0)));
        }
        // "o’clock"
        if self.is_word(k, "o") && self.is_sym(k + 1, &['\'', '’']) && self.is_word(k + 2, "clock") && self.glued(k + 1) && self.glued(k + 2) {
            return Some((k + 3, time(h, 0)));
        }
        None
    }

    /// "a.m."/"p.m."/"am"/"PM" at `k`: whether it is p.m., and the token after it.
    fn meridiem(&self, k: usize) -> Option<(bool, usize)> {
        if self.word_in(k, &["am", "pm"]) {
            let s = self.s(k);
            // "am" spaced after a number is the verb in "I am" only before it, never after; "AM"/"am" are fine.
            return Some((s.eq_ignore_ascii_case("pm"), k + 1));
        }
        if self.word_in(k, &["a", "p"]) && self.is_sym(k + 1, &['.']) && self.glued(k + 1) && self.is_word(k + 2, "m") && self.glued(k + 2) {
            let pm = self.s(k).eq_ignore_ascii_case("p");
            let end = if self.is_sym(k + 3, &['.']) && self.glued(k + 3) { k + 4 } else { k + 3 };
            return Some((pm, end));
        }
        None
    }

    /// "3/22/2024", "22/3/2024", "9/11", "1/2".
    fn slashed(&self, i: usize) -> Core {
        let a = self.num(i).expect("number");
        let b = self.num(i + 2).expect("number");
        let chain = self.chain_end(i);
        let ints = a.plain_int() && b.plain_int() && a.int_digits <= 2 && b.int_digits <= 2;
        if !ints {
            return Core::Skip(chain);
        }
        let (x, y) = (a.value as u8, b.value as u8);
        if self.is_sym(i + 3, &['/']) && self.glued(i + 3) && self.glued(i + 4) {
            let Some(c) = self.num(i + 4) else { return Core::Skip(chain) };
            if chain != i + 5 || !c.plain_int() || !(c.int_digits == 4 || c.int_digits == 2) {
                return Core::Skip(chain);
            }
            let year = if c.int_digits == 2 { 2000 + c.value as i32 } else { c.value as i32 };
            let (month, day) = if x > 12 && y <= 12 {
                (Some(y), Some(x))
            } else if y > 12 && x <= 12 {
                (Some(x), Some(y))
            } else if x == y {
                (Some(x), Some(y))
            } else {
                // Ambiguous: month/day or day/month. Only the year is certain.
                (None, None)
            };
            let date = Date { year: Some(year), month, day };
            if !date.is_valid() || month.is_none() && (x > 12 || y > 12 || x == 0 || y == 0) {
                return Core::Skip(chain);
            }
            let mut q = date_quant(date, Family::Date);
            if month.is_none() {
                q.value = None;
            }
            return Core::Found(i + 5, q);
        }
        if chain != i + 3 {
            return Core::Skip(chain);
        }
        if x >= 1 && x < y && y <= 10 {
            return Core::Found(i + 3, Quant::num(Kind::Cardinal, Family::Fraction, f64::from(x) / f64::from(y)));
        }
        let date = Date { year: None, month: Some(x), day: Some(y) };
        if x >= 1 && date.is_valid() {
            return Core::Found(i + 3, date_quant(date, Family::Date));
        }
        Core::Skip(chain)
    }

    /// "2024-03-22".
    fn iso_date(&self, i: usize) -> Core {
        let chain = self.chain_end(i);
        let (y, m, d) = (self.num(i).expect("n"), self.num(i + 2).expect("n"), self.num(i + 4).expect("n"));
        if chain == i + 5 && y.int_digits == 4 && m.int_digits == 2 && d.int_digits == 2 && !y.fraction && !m.fraction && !d.fraction {
            let date = Date { year: Some(y.value as i32), month: Some(m.value as u8), day: Some(d.value as u8) };
            if date.is_valid() {
                return Core::Found(chain, date_quant(date, Family::Date));
            }
        }
        Core::Skip(chain)
    }

    /// A sign before digits: "-5", "−4.5%", "+3".
    fn signed(&self, i: usize) -> Core {
        if !self.is_sym(i, &['-', '−', '+']) || !self.glued(i + 1) || self.num(i + 1).is_none() {
            return Core::No;
        }
        if self.glued(i) && self.prev(i).is_some_and(|p| !self.is_sym(p, &['(', '['])) {
            return Core::No;
        }
        let minus = !self.is_sym(i, &['+']);
        match self.digits(i + 1) {
            Core::Found(end, mut q) if matches!(q.kind, Kind::Cardinal | Kind::Percent | Kind::Quantity) && q.family != Family::Vague => {
                if minus {
                    if let Some(Val::Num(v)) = q.value {
                        q.value = Some(Val::Num(-v));
                    }
                }
                Core::Found(end, q)
            }
            _ => Core::No,
        }
    }

    // ----- what follows an amount -----------------------------------------------------------------------------

    /// Percent, currency, unit or clock word after an amount ending before `k`; plain cardinal otherwise.
    fn after_amount(&self, a: &Amount, k: usize) -> (usize, Quant) {
        if let Some((end, unit)) = self.percent_at(k) {
            let mut q = Quant::num(Kind::Percent, Family::Percent, a.value);
            q.unit = unit;
            q.scale = a.scale;
            return (end, q);
        }
        if let Some((end, code, mult)) = self.currency_after(k, a.scale.is_some()) {
            let mut q = Quant::num(Kind::Money, Family::Money, a.value * mult);
            q.currency = Some(code);
            q.scale = a.scale;
            return (end, q);
        }
        if let Some((end, unit, dim)) = self.unit_at(k, a.family == Family::Digits) {
            let (kind, family) = match dim {
                Dim::Time => (Kind::Duration, Family::Duration),
                Dim::Other => (Kind::Quantity, Family::Quantity),
            };
            let mut q = Quant::num(kind, family, a.value);
            q.unit = Some(unit);
            q.scale = a.scale;
            return (end, q);
        }
        if a.scale.is_none() {
            if let Some(found) = self.hour_tail(a, k) {
                return found;
            }
        }
        let mut q = Quant::num(Kind::Cardinal, a.family, a.value);
        q.scale = a.scale;
        (k, q)
    }

    /// "%", "per cent", "percent", "percentage points".
    fn percent_at(&self, k: usize) -> Option<(usize, Option<&'static str>)> {
        if self.is_sym(k, &['%', '％']) {
            return Some((k + 1, None));
        }
        if self.glued(k) {
            return None;
        }
        if self.word_in(k, &["percent", "pct"]) {
            return Some((k + 1, None));
        }
        if self.is_word(k, "per") && self.is_word(k + 1, "cent") {
            return Some((k + 2, None));
        }
        if self.is_word(k, "percentage") && self.word_in(k + 1, &["point", "points"]) {
            return Some((k + 2, Some("percentage point")));
        }
        None
    }

    /// "rubles", "US dollars", "Canadian dollars", "USD", "pounds sterling", "cents".
    fn currency_after(&self, k: usize, scaled: bool) -> Option<(usize, &'static str, f64)> {
        if self.glued(k) {
            return None;
        }
        let e = self.entry(k);
        if let Some(code) = e.and_then(|e| e.currency) {
            return Some((k + 1, code, 1.0));
        }
        if let Some(code) = e.and_then(|e| e.currency_code).filter(|_| self.toks[k].upper) {
            return Some((k + 1, code, 1.0));
        }
        if let Some((_, code)) = DOLLAR_ADJECTIVES.iter().find(|(adj, _)| self.is_word(k, adj)) {
            let d = if self.is_word(k, "hong") && self.is_word(k + 1, "kong") { k + 2 } else { k + 1 };
            if self.word_in(d, &["dollar", "dollars"]) {
                return Some((d + 1, code, 1.0));
            }
        }
        if self.word_in(k, &["pound", "pounds"]) {
            if self.is_word(k + 1, "sterling") {
                return Some((k + 2, "GBP", 1.0));
            }
            if scaled {
                return Some((k + 1, "GBP", 1.0));
            }
        }
        if self.word_in(k, &["cent", "cents"]) {
            return Some((k + 1, "USD", 0.01));
        }
        if self.is_word(k, "pence") {
            return Some((k + 1, "GBP", 0.01));
        }
        None
    }

    /// A unit at `k`: spaced ("5 km", "two years"), glued to digits ("5km"), hyphenated ("48-hour",
    /// "32-year-old"), with "square"/"cubic", "°C", "km/h" and "years old".
    fn unit_at(&self, k: usize, digits: bool) -> Option<(usize, &'static str, Dim)> {
        let mut k0 = k;
        let glued = self.glued(k);
        let hyphen = self.is_sym(k, &['-']) && glued && self.glued(k + 1) && self.kind(k + 1) == Some(TokKind::Word);
        if hyphen {
            k0 = k + 1;
        } else if glued && (!digits || self.kind(k) != Some(TokKind::Word)) {
            // Only digits take a glued unit; a degree sign is handled below.
            if !self.is_sym(k, &['°']) {
                return None;
            }
        }
        if self.is_sym(k0, &['°']) {
            let end = if self.word_in(k0 + 1, &["C", "F"]) && self.glued(k0 + 1) { k0 + 2 } else { k0 + 1 };
            let unit = if self.is_word(k0 + 1, "C") { "°C" } else if self.is_word(k0 + 1, "F") { "°F" } else { "degree" };
            return Some((end, if end == k0 + 1 { "degree" } else { unit }, Dim::Other));
        }
        // "square kilometres", "sq km", "cubic metres"
        if !glued && self.word_in(k0, &["square", "sq", "cubic"]) {
            let cubic = self.is_word(k0, "cubic");
            let mut j = k0 + 1;
            if self.is_sym(j, &['.']) && self.glued(j) {
                j += 1;
            }
            let u = self.entry(j).and_then(|e| e.unit)?;
            let name = match (u.name, cubic) {
                ("km", false) => "km2",
                ("m", false) => "m2",
                ("mi", false) => "mi2",
                ("ft", false) => "ft2",
                ("m", true) => "m3",
                ("ft", true) => "ft3",
                _ => return None,
            };
            return Some((j + 1, name, Dim::Other));
        }
        if self.word_in(k0, &["pound", "pounds"]) && !glued {
            return Some((k0 + 1, "lb", Dim::Other));
        }
        let u = self.entry(k0).and_then(|e| e.unit)?;
        if u.glued_only && !(glued && digits && !hyphen) {
            return None;
        }
        let mut end = k0 + 1;
        let mut name = u.name;
        // "km/h", "km²"
        if self.is_sym(end, &['/']) && self.glued(end) && self.word_in(end + 1, &["h", "hr"]) && self.glued(end + 1) {
            end += 2;
            name = "km/h";
            if u.name != "km" {
                name = if u.name == "mi" { "mph" } else { return Some((k0 + 1, u.name, u.dim)) };
            }
        } else if self.is_sym(end, &['²']) && self.glued(end) {
            end += 1;
            name = match u.name {
                "km" => "km2",
                "m" => "m2",
                _ => u.name,
            };
        }
        if u.name == "degree" {
            if self.word_in(end, &["celsius", "centigrade", "C"]) {
                return Some((end + 1, "°C", Dim::Other));
            }
            if self.word_in(end, &["fahrenheit", "F"]) {
                return Some((end + 1, "°F", Dim::Other));
            }
        }
        // "32-year-old", "two years old", "a 10-year-long war"
        if u.dim == Dim::Time {
            if hyphen && self.is_sym(end, &['-']) && self.glued(end) && self.word_in(end + 1, &["old", "long"]) && self.glued(end + 1) {
                end += 2;
            } else if !hyphen && self.is_word(end, "old") && !self.glued(end) {
                end += 1;
            }
        }
        Some((end, name, u.dim))
    }
}

/// Result of [`G::words_num`].
#[derive(Debug, Clone, Copy)]
struct WordsNum {
    end: usize,
    value: f64,
    ordinal: bool,
    fraction: bool,
    scale: Option<f64>,
    /// The expression is the single word "one", which may be a pronoun.
    lone_one: bool,
}

fn time(h: u8, m: u8) -> Quant {
    Quant::new(Kind::Time, Family::Time, Some(Val::Iso(format!("{h:02}:{m:02}"))))
}

fn date_quant(d: Date, family: Family) -> Quant {
    Quant::new(Kind::Date, family, d.iso().map(Val::Iso))
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
        if let (Some(s), None, Val::Num(l), Val::Num(h)) = (hi.scale, lo.scale, &lo_v, &hi_v) {
            if *l < *h / s {
                lo_v = Val::Num(l * s);
            }
        }
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
    q.unit = hi.unit.or(lo.unit);
    q.currency = hi.currency.or(lo.currency);
    Some(q)
}
