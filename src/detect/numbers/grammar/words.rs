//! Money after a currency prefix, spelled-out numbers ("one hundred and fifteen", "twenty-first",
//! "two-thirds") and counts without a figure ("hundreds", "several hundred").

use super::*;

impl G<'_> {
    // ----- money --------------------------------------------------------------------------------------------

    pub(super) fn currency_symbol(&self, k: usize) -> Option<&'static str> {
        if self.kind(k) != Some(TokKind::Sym) {
            return None;
        }
        let c = self.s(k).chars().next()?;
        CURRENCY_SYMBOLS.iter().find(|(s, _)| *s == c).map(|(_, code)| *code)
    }

    /// "$2.3 billion", "€5m", "£10": the amount at `k`, after a currency prefix.
    pub(super) fn money_after_prefix(&self, k: usize, code: &'static str) -> Core {
        // "$-99.99": a sign after the symbol.
        let (k, sign) =
            if self.is_sym(k, &['-', '−']) && self.glued(k) && self.glued(k + 1) && self.num(k + 1).is_some() {
                (k + 1, -1.0)
            } else {
                (k, 1.0)
            };
        let Some(lit) = self.num(k) else { return Core::No };
        let mut value = sign * lit.value;
        let mut scale = None;
        let mut j = k + 1;
        if self.glued(j) {
            if let Some(s) = self.entry(j).and_then(|e| e.scale_abbr).or_else(|| match self.s(j) {
                "t" | "T" => Some(1e12),
                "MM" => Some(1e6),
                _ => None,
            }) {
                // "$2.3bn", "€5m", "$2.174T"
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
        found(j, q)
    }

    /// A scale word after an amount: "billion", "hundred", and with money also "bn", "mn", "m".
    pub(super) fn spaced_scale(&self, j: usize, money: bool) -> Option<f64> {
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

    pub(super) fn word_core(&self, i: usize) -> Core {
        let Some(e) = self.entry(i) else { return Core::No };
        let w = self.s(i);
        // "US$5", "HK$10"
        if self.is_sym(i + 1, &['$']) && self.glued(i + 1) {
            if let Some((_, code)) = DOLLAR_PREFIXES.iter().find(|(p, _)| *p == w) {
                return self.money_after_prefix(i + 2, code);
            }
        }
        // "USD 5 million", "EUR5m"
        if let Some(code) = e.currency_code {
            if self.upper(i) && self.num(i + 1).is_some() {
                return self.money_after_prefix(i + 1, code);
            }
        }
        // "Rs 300", "Rs. 5 crore" (Indian rupees)
        if w == "Rs" || w == "INR" {
            let k = if self.is_sym(i + 1, &['.']) && self.glued(i + 1) { i + 2 } else { i + 1 };
            if self.num(k).is_some() {
                return self.money_after_prefix(k, "INR");
            }
        }
        if e.trigger {
            if let found @ Core::Found(..) = self.modified(i) {
                return found;
            }
            if let found @ Core::Found(..) = self.q_quarter(i) {
                return found;
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
            return found(i + 1, time(12, 0));
        }
        if w.eq_ignore_ascii_case("midnight") {
            return found(i + 1, time(0, 0));
        }
        if let found @ Core::Found(..) = self.vague(i) {
            return found;
        }
        self.number_words(i)
    }

    /// "two", "one hundred and fifteen", "a dozen", "twenty-first", "two-thirds", then a unit or currency.
    pub(super) fn number_words(&self, i: usize) -> Core {
        let Some(wn) = self.words_num(i) else { return Core::No };
        if wn.ordinal {
            if self.ordinal_is_noun(i, wn.end) {
                return Core::No;
            }
            if let found @ Core::Found(..) = self.first_period(i, wn.end) {
                return found;
            }
            return found(wn.end, Quant::num(Kind::Ordinal, Family::Ordinal, wn.value));
        }
        // "a quarter of a million", "two-thirds of a billion": the fraction scales the number it is taken of.
        if let (true, Some(s)) = (wn.fraction, self.of_a_scale(wn.end)) {
            let a = Amount { value: wn.value * s, scale: Some(s), family: Family::Words, small: None };
            let (end, q) = self.after_amount(&a, wn.end + 3);
            return found(end, q);
        }
        if wn.fraction {
            // "one-half miles", "two-thirds of a mile" (the unit only right after the fraction)
            let a = Amount { value: wn.value, scale: None, family: Family::Fraction, small: None };
            let (end, mut q) = self.after_amount(&a, wn.end);
            if q.kind == Kind::Cardinal {
                q.family = Family::Fraction;
            }
            return found(end, q);
        }
        let small = (wn.value.fract() == 0.0 && wn.value < 60.0).then_some(wn.value as u8);
        let a = Amount { value: wn.value, scale: wn.scale, family: Family::Words, small };
        let (end, q) = self.after_amount(&a, wn.end);
        if end == wn.end && wn.lone_one && self.one_is_pronoun(i) {
            return Core::No;
        }
        // "one day" is "some day" unless it measures time ("for one day", "one day later").
        if wn.lone_one && end == wn.end + 1 && self.is_word(wn.end, "day") {
            let measured = self.prev_word_in(
                i,
                &[
                    "for", "in", "within", "after", "than", "just", "only", "over", "about", "last", "first", "a",
                    "per", "lasted", "lasts", "lasting", "took", "takes", "spent", "spend", "waited",
                ],
            ) || self.word_in(
                end,
                &["later", "earlier", "ago", "after", "before", "of", "and", "or", "to", "trip", "visit"],
            );
            if !measured {
                return Core::No;
            }
        }
        found(end, q)
    }

    /// A year in words at `k` ("nineteen ninety-seven", "nineteen hundred", "two thousand and five", "twenty
    /// twenty-four"), with the token after it.
    pub(super) fn year_words(&self, k: usize) -> Option<(i32, usize)> {
        let whole = |w: &WordsNum| !w.ordinal && !w.fraction && w.value.fract() == 0.0;
        let first = self.words_num(k).filter(whole)?;
        if first.scale.is_some() {
            // "two thousand and five"; a bare "two thousand" after a month is a count ("In January two thousand
            // people marched").
            let year = (1000.0..=2100.0).contains(&first.value) && first.value % 1000.0 != 0.0;
            return year.then_some((first.value as i32, first.end));
        }
        if !(10.0..=20.0).contains(&first.value) || self.glued(first.end) {
            return None;
        }
        if self.is_word(first.end, "hundred") {
            return Some((first.value as i32 * 100, first.end + 1));
        }
        let second = self.words_num(first.end).filter(|w| whole(w) && w.scale.is_none())?;
        (10.0..=99.0).contains(&second.value).then_some(((first.value * 100.0 + second.value) as i32, second.end))
    }

    /// "of a million", "of one billion" at `k`: the scale.
    fn of_a_scale(&self, k: usize) -> Option<f64> {
        if !(self.is_word(k, "of") && self.word_in(k + 1, &["a", "one"])) {
            return None;
        }
        match self.entry(k + 2).and_then(|e| e.card) {
            Some(Card::Scale(s)) => Some(s),
            _ => None,
        }
    }

    /// "the first nine months", "its first 100 days": TimeML keeps "first" with the length of time it picks out
    /// (as "the last five years" keeps "last").
    fn first_period(&self, i: usize, end: usize) -> Core {
        let opens = self.prev_word_in(i, &["the", "its", "their", "his", "her", "our", "my", "your"]);
        if end != i + 1 || !self.is_word(i, "first") || !opens || self.glued(end) {
            return Core::No;
        }
        match self.core(end) {
            Core::Found(e, mut q)
                if q.kind == Kind::Duration && q.bound.is_none() && matches!(q.value, Some(Val::Num(_))) =>
            {
                q.modifier = Some("first");
                Core::Found(e, q)
            }
            _ => Core::No,
        }
    }

    /// "one" in "one of the deadliest", "no one", "this one", "one-sided" is not a number.
    pub(super) fn one_is_pronoun(&self, i: usize) -> bool {
        // "at least one of the gunmen", "more than one": a bound makes it a count.
        if self.bound_ends_at(i) {
            return false;
        }
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
    pub(super) fn ordinal_is_noun(&self, i: usize, end: usize) -> bool {
        if end != i + 1 || !self.s(i).eq_ignore_ascii_case("second") {
            return false;
        }
        if self.prev_word_in(i, &["per", "every", "split"]) {
            return true;
        }
        self.prev_word_in(i, &["a", "one"])
            && (self.kind(end) != Some(TokKind::Word)
                || self.word_in(end, &["ago", "later", "earlier", "or", "and", "before", "after"]))
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
            return Some(WordsNum {
                end: k + 3,
                value: 0.5 * m,
                ordinal: false,
                fraction: false,
                scale: Some(m),
                lone_one: false,
            });
        }
        // "a baker's dozen" is thirteen.
        if self.is_word(k, "a")
            && self.is_word(k + 1, "baker")
            && self.is_sym(k + 2, &['\'', '’'])
            && self.is_word(k + 3, "s")
            && self.is_word(k + 4, "dozen")
        {
            return Some(WordsNum {
                end: k + 5,
                value: 13.0,
                ordinal: false,
                fraction: false,
                scale: None,
                lone_one: false,
            });
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
                    return Some(WordsNum {
                        end: k + 2,
                        value: 1.0 / f64::from(d),
                        ordinal: false,
                        fraction: true,
                        scale: None,
                        lone_one: false,
                    });
                }
            }
        }
        loop {
            // A hyphen joins "twenty-two", "two-thirds", "twenty-first".
            if self.is_sym(k, &['-']) && self.glued(k) && self.glued(k + 1) && matches!(last, L::Tens | L::Unit | L::A)
            {
                let next = self.entry(k + 1);
                let joins = match last {
                    L::Tens => next.is_some_and(|e| {
                        matches!(e.card, Some(Card::Unit(1..=9))) || e.ordinal.is_some_and(|o| (1..10).contains(&o))
                    }),
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
                    // "one third of", "one-sixth"; "one sixth." at the end of a clause; "three halves".
                    let ends_clause = self.t(k + 1).is_none() || self.is_sym(k + 1, &['.', ',', ';', ')', '!', '?']);
                    let ok = if plural {
                        cur > 1.0 || last == L::A
                    } else {
                        cur == 1.0 && (hyphened || self.is_word(k + 1, "of") || ends_clause)
                    };
                    let half = d == 2 && (cur == 1.0 && hyphened || plural && cur > 1.0 && !self.is_word(k + 1, "of"));
                    if ok && d != 2 || half {
                        return Some(WordsNum {
                            end: k + 1,
                            value: (total + cur) / f64::from(d),
                            ordinal: false,
                            fraction: true,
                            scale: None,
                            lone_one: false,
                        });
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
                    return Some(WordsNum {
                        end: k + 1,
                        value,
                        ordinal: true,
                        fraction: false,
                        scale: None,
                        lone_one: false,
                    });
                }
                if e.card.is_none() {
                    break;
                }
            }
            match e.card {
                Some(Card::Unit(v))
                    if matches!(last, L::Start | L::Tens | L::Hundred | L::Scale | L::And)
                        && !(last == L::Tens && v == 0) =>
                {
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
                    if matches!(last, L::Unit | L::Teen | L::Tens | L::Hundred | L::A | L::Half)
                        && s < last_scale
                        && cur > 0.0 =>
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
                    && next.is_some_and(|e| {
                        matches!(e.card, Some(Card::Unit(1..) | Card::Teen(_) | Card::Tens(_)))
                            || e.ordinal.is_some_and(|o| o < 100)
                    })
                {
                    last = L::And;
                    k += 1;
                } else if matches!(last, L::Unit | L::Teen | L::Tens)
                    && self.is_word(k + 1, "a")
                    && self.is_word(k + 2, "half")
                {
                    cur += 0.5;
                    last = L::Half;
                    k += 3;
                    end = k;
                }
            } else if matches!(last, L::Unit | L::Teen | L::Tens)
                && self.is_sym(k, &['-'])
                && self.is_word(k + 1, "and")
                && self.is_sym(k + 2, &['-'])
                && self.is_word(k + 3, "a")
                && self.is_sym(k + 4, &['-'])
                && self.is_word(k + 5, "half")
                && (k..k + 6).all(|j| self.glued(j))
            {
                // "five-and-a-half"
                cur += 0.5;
                last = L::Half;
                k += 6;
                end = k;
            }
            if last == L::Dozen {
                break;
            }
        }
        if words == 0 || last == L::A {
            return None;
        }
        // "nought point three", "two point five million": spoken decimals, one digit word at a time.
        if matches!(last, L::Unit | L::Teen | L::Tens) && self.is_word(end, "point") {
            let (mut k, mut frac, mut scale_down) = (end + 1, 0.0, 0.1);
            while let Some(Card::Unit(d)) = self.entry(k).and_then(|e| e.card) {
                frac += f64::from(d) * scale_down;
                scale_down /= 10.0;
                k += 1;
            }
            if k > end + 1 {
                cur += frac;
                end = k;
                if let Some(Card::Scale(s)) = self.entry(k).and_then(|e| e.card) {
                    total += cur * s;
                    cur = 0.0;
                    scale = Some(s);
                    end = k + 1;
                }
            }
        }
        let lone_one = words == 1 && self.s(i).eq_ignore_ascii_case("one");
        Some(WordsNum { end, value: total + cur, ordinal: false, fraction: false, scale, lone_one })
    }

    /// "hundreds", "thousands of", "tens of thousands", "several hundred", "a few thousand".
    pub(super) fn vague(&self, i: usize) -> Core {
        let e = self.entry(i);
        let mut end;
        if self.is_word(i, "a") && self.is_word(i + 1, "few") || self.word_in(i, &["several", "few", "many"]) {
            let k = if self.is_word(i, "a") { i + 2 } else { i + 1 };
            let ok = self.entry(k).is_some_and(|e| {
                matches!(e.card, Some(Card::Hundred | Card::Scale(_) | Card::Dozen))
                    || (e.vague && !is_one_of(self.s(k), &["tens", "dozens"]))
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
        while self.is_word(end, "of")
            && self.entry(end + 1).is_some_and(|e| e.vague)
            && !self.word_in(end + 1, &["tens", "dozens"])
        {
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
        found(end, q)
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
