//! Numbers written in digits and what follows them: scale, percent, currency, unit, clock words; digit dates
//! ("2024-03-22", "3/22/2024"), clock times ("15:30", "9.30 a.m."), fractions and signs.

use super::calendar::is_day;
use super::*;

impl G<'_> {
    // ----- digits -------------------------------------------------------------------------------------------

    pub(super) fn digits(&self, i: usize) -> Core {
        let lit = self.num(i).expect("number token");
        // Glued chains: "15:30", "2024-03-22", "3/22/2024", "1/2".
        if self.glued(i + 1) && self.glued(i + 2) && self.num(i + 2).is_some() {
            if self.is_sym(i + 1, &[':']) {
                return self.clock(i);
            }
            if self.is_sym(i + 1, &['/']) {
                return self.slashed(i);
            }
            if self.is_sym(i + 1, &['-'])
                && self.is_sym(i + 3, &['-'])
                && self.glued(i + 3)
                && self.glued(i + 4)
                && self.num(i + 4).is_some()
            {
                return self.iso_date(i);
            }
            if self.is_sym(i + 1, &['.', ',']) {
                return Core::Skip(self.chain_end(i));
            }
        }
        if self.product_name(i, lit) {
            return Core::Skip(i + 1);
        }
        // "9.30 a.m.", "7.45pm": British clock times.
        if let Some(found) = self.dotted_clock(i, lit) {
            return found;
        }
        let mut a = Amount { value: lit.value, scale: None, family: Family::Digits, small: None };
        if lit.plain_int() && lit.value < 60.0 {
            a.small = Some(lit.value as u8);
        }
        let mut k = i + 1;
        // "1.3x10^6", "2.48×10−5", "8x2^10": a power of a number times the amount.
        if let Some((m, e)) = self.times_power(k) {
            a.value *= m;
            a.small = None;
            k = e;
            if !(self.glued(k) && self.kind(k) == Some(TokKind::Word)) {
                let (end, q) = self.after_amount(&a, k);
                return found(end, q);
            }
        }
        // Letters glued to the digits: "2nd", "1990s", "3pm", "5km", "10k"; anything else is a code ("5G").
        if self.glued(k) && self.kind(k) == Some(TokKind::Word) {
            let w = self.s(k);
            let e = self.entry(k);
            if is_one_of(w, &["st", "nd", "rd", "th"]) && lit.plain_int() {
                return self.ordinal_digits(k + 1, lit.value);
            }
            if w == "s" && lit.plain_int() && lit.value % 10.0 == 0.0 && (lit.int_digits == 4 || lit.int_digits == 2) {
                // "the 1990s" is TimeML's "199X"; "the ’90s" has no century.
                let decade = (lit.int_digits == 4).then(|| Val::Iso(format!("{}X", lit.value as i64 / 10)));
                return found(k + 1, Quant::new(Kind::Date, Family::Date, decade));
            }
            if is_one_of(w, &["am", "pm"]) {
                return self.clock_hour(a, k);
            }
            // "40C", "104F": temperatures in British copy.
            if (w == "C" || w == "F")
                && lit.value <= 200.0
                && !(self.glued(k + 1) && matches!(self.kind(k + 1), Some(TokKind::Word | TokKind::Num)))
            {
                let mut q = Quant::num(Kind::Quantity, Family::Quantity, a.value);
                q.unit = Some(std::borrow::Cow::Borrowed(if w == "C" { "°C" } else { "°F" }));
                return found(k + 1, q);
            }
            // "1MM": finance writes a million as MM (a lowercase "mm" stays millimetres).
            if let Some(s) = if w == "MM" { Some(1e6) } else { e.and_then(|e| e.scale_abbr) } {
                let metre = is_one_of(w, &["m"]) && self.entry(k + 1).and_then(|e| e.currency).is_none();
                // "4K" and "8K" name screen resolutions; a count in thousands is written "10k" (or "$10K").
                if !metre && !matches!(w, "b" | "B" | "tr" | "K" | "t" | "T") {
                    a.value *= s;
                    a.scale = Some(s);
                    let (end, q) = self.after_amount(&a, k + 1);
                    return found(end, q);
                }
            }
            if e.and_then(|e| e.unit).is_some() || super::super::lexicon::symbol_unit(w).is_some() {
                let (end, q) = self.after_amount(&a, k);
                if end > k {
                    return found(end, q);
                }
            }
            return Core::Skip(self.chain_end(i));
        }
        // "3-D", "4-H": a hyphen and one letter make a name.
        if self.is_sym(k, &['-'])
            && self.glued(k)
            && self.glued(k + 1)
            && self.kind(k + 1) == Some(TokKind::Word)
            && self.s(k + 1).chars().count() == 1
        {
            return Core::Skip(self.chain_end(i));
        }
        if lit.leading_zero && !lit.fraction || lit.int_digits >= 10 && !lit.commas && !lit.fraction {
            return Core::Skip(self.chain_end(i));
        }
        // "6-8 December", "6–8 December 2019"
        if self.is_sym(k, &DASHES) && self.glued(k) && self.glued(k + 1) {
            if let (Some(b), Some(m)) = (self.num(k + 1), self.entry(k + 2).and_then(|e| e.month)) {
                if is_day(lit) && is_day(b) && self.cap(k + 2) && !self.glued(k + 2) {
                    if let Some(found) = self.day_range(k + 3, m, lit.value, b.value) {
                        return found;
                    }
                }
            }
        }
        // "22 March", "22 March 2024"
        if let Some((day, after_day)) = self.day_at(i).filter(|_| !self.glued(i)).or_else(|| self.day_at_glued_ok(i)) {
            if let Some(m) = self.entry(after_day).and_then(|e| e.month).filter(|_| self.cap(after_day)) {
                let mut end = after_day + 1;
                if self.entry(after_day).is_some_and(|e| e.month_abbr) && self.is_sym(end, &['.']) && self.glued(end) {
                    end += 1;
                }
                let mut date = Date { year: None, month: Some(m), day: Some(day) };
                (date.year, end) = self.year_after(end);
                if date.is_valid() {
                    return found(end, date_quant(date, Family::Date));
                }
            }
        }
        // "1 1/2 cups": a whole number and a fraction.
        if lit.plain_int()
            && !self.glued(k)
            && self.is_sym(k + 1, &['/'])
            && self.glued(k + 1)
            && self.glued(k + 2)
            && self.chain_end(k) == k + 3
        {
            if let (Some(a2), Some(b2)) = (self.num(k), self.num(k + 2)) {
                if a2.plain_int() && b2.plain_int() && a2.value >= 1.0 && a2.value < b2.value && b2.value <= 10.0 {
                    a.value += a2.value / b2.value;
                    a.small = None;
                    let (end, mut q) = self.after_amount(&a, k + 3);
                    if q.family == Family::Digits {
                        q.family = Family::Fraction;
                    }
                    return found(end, q);
                }
            }
        }
        let mut j = k;
        if let Some(s) = self.spaced_scale(j, false) {
            a.value *= s;
            a.scale = Some(s);
            j += 1;
        } else if let Some(Card::Scale(s)) = self
            .entry(k + 1)
            .and_then(|e| e.card)
            .filter(|_| self.is_sym(k, &['-']) && self.glued(k) && self.glued(k + 1))
        {
            // "a 4-billion dollar budget"
            a.value *= s;
            a.scale = Some(s);
            j += 2;
        }
        let (end, q) = self.after_amount(&a, j);
        if end == j
            && a.scale.is_none()
            && q.family == Family::Digits
            && lit.plain_int()
            && lit.int_digits == 4
            && (1000.0..=2100.0).contains(&lit.value)
            && self.year_context(i, lit.value)
        {
            return found(end, date_quant(Date { year: Some(lit.value as i32), month: None, day: None }, Family::Year));
        }
        found(end, q)
    }

    /// Digits that continue a capitalized name inside a sentence: "a Boeing 737 crashed", "the iPhone 11 Pro",
    /// "watchOS 6". Years stay years ("World Cup 2019"); a count keeps its noun ("CNN 16 comments").
    pub(super) fn product_name(&self, i: usize, lit: NumLit) -> bool {
        if self.glued(i) || lit.commas || lit.fraction {
            return false;
        }
        if lit.int_digits == 4 && (1000.0..=2100.0).contains(&lit.value) {
            return false;
        }
        let Some(p) = self.prev(i) else { return false };
        let t = &self.toks[p];
        let name_like = t.kind == TokKind::Word
            && self.s(p).chars().any(char::is_uppercase)
            && !is_one_of(self.s(p), &FUNCTION_WORDS)
            && !t.entry.is_some_and(|e| {
                e.month.is_some()
                    || e.weekday.is_some()
                    || e.card.is_some()
                    || e.bound_start
                    || e.currency_code.is_some()
            });
        if !name_like {
            return false;
        }
        // A capital that starts the line or the sentence may be any word ("Another 30 died"): there only a
        // singular verb after the digits makes them part of a name ("Windows 11 is out", "Flight 370 was lost").
        if self.prev(p).is_none_or(|pp| self.is_sym(pp, &['.', '!', '?', '"', '“', ':'])) {
            return !self.glued(i + 1)
                && self
                    .word_in(i + 1, &["is", "was", "has", "will", "would", "can", "could", "does", "did", "remains"]);
        }
        let n = i + 1;
        match self.kind(n) {
            None | Some(TokKind::Num) => true,
            Some(TokKind::Sym) => {
                !self.is_sym(n, &['%', '％', '°', '-', '–', '−', '/', ':']) && self.currency_symbol(n).is_none()
            }
            Some(TokKind::Word) => {
                let e = self.entry(n);
                let unit_like = e.is_some_and(|e| {
                    e.unit.is_some()
                        || e.currency.is_some()
                        || e.card.is_some()
                        || e.month.is_some()
                        || e.scale_abbr.is_some()
                });
                if self.glued(n) || unit_like {
                    return false;
                }
                // "a Boeing 737 crashed", "the S&P 500 fell": a lowercase word that is not a counted plural noun
                // ("CNN 16 comments", "Gaza 11 people") continues the sentence after the name.
                let w = self.s(n);
                let plural =
                    w.len() >= 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is");
                self.cap(n) || is_one_of(w, &FUNCTION_WORDS) || !(plural || is_one_of(w, &COUNT_NOUNS))
            }
            Some(TokKind::Opaque) => false,
        }
    }

    /// Like [`day_at`](Self::day_at) for a number that starts a line or follows punctuation.
    pub(super) fn day_at_glued_ok(&self, i: usize) -> Option<(u8, usize)> {
        if !self.glued(i) {
            return None;
        }
        let p = self.prev(i)?;
        if self.kind(p) != Some(TokKind::Sym) {
            return None;
        }
        let lit = self.num(i)?;
        if lit.commas || lit.fraction || lit.int_digits > 2 || !(1.0..=31.0).contains(&lit.value) {
            return None;
        }
        let end = if self.glued(i + 1) && self.word_in(i + 1, &["st", "nd", "rd", "th"]) { i + 2 } else { i + 1 };
        Some((lit.value as u8, end))
    }

    /// "2nd", "21st", and "22nd of March" / "22nd March" as dates.
    pub(super) fn ordinal_digits(&self, k: usize, v: f64) -> Core {
        let m_at = if self.is_word(k, "of") { k + 1 } else { k };
        if (1.0..=31.0).contains(&v) {
            if let Some(m) = self.entry(m_at).and_then(|e| e.month).filter(|_| self.cap(m_at)) {
                let mut date = Date { year: None, month: Some(m), day: Some(v as u8) };
                let mut end = m_at + 1;
                (date.year, end) = self.year_after(end);
                if date.is_valid() {
                    return found(end, date_quant(date, Family::Date));
                }
            }
        }
        found(k, Quant::num(Kind::Ordinal, Family::Ordinal, v))
    }

    /// "15:30", "9:45 a.m.", "10:30:15".
    pub(super) fn clock(&self, i: usize) -> Core {
        let h = self.num(i).expect("hour");
        let m = self.num(i + 2).expect("minutes");
        let mut end = i + 3;
        if !(h.plain_int() || h.leading_zero)
            || h.int_digits > 2
            || h.value > 24.0
            || m.int_digits != 2
            || m.fraction
            || m.value > 59.0
        {
            return Core::Skip(self.chain_end(i));
        }
        if self.is_sym(end, &[':'])
            && self.glued(end)
            && self.num(end + 1).is_some_and(|s| s.int_digits == 2 && s.value < 60.0)
            && self.glued(end + 1)
        {
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
        found(end, time(hh % 24, mm))
    }

    /// "9.30 a.m.", "7.45pm": hour, dot, two-digit minutes, then a.m./p.m.
    pub(super) fn dotted_clock(&self, i: usize, lit: NumLit) -> Option<Core> {
        if !lit.fraction || lit.commas || lit.int_digits > 2 {
            return None;
        }
        let (h, m) = self.s(i).split_once('.')?;
        let (h, m): (u8, u8) = (h.parse().ok()?, if m.len() == 2 { m.parse().ok()? } else { return None });
        if !(1..=12).contains(&h) || m > 59 {
            return None;
        }
        let k = i + 1;
        if self.glued(k) && !self.word_in(k, &["am", "pm"]) {
            return None;
        }
        let (pm, end) = self.meridiem(k)?;
        Some(found(end, time(h % 12 + if pm { 12 } else { 0 }, m)))
    }

    /// "3 p.m.", "3pm", "10 o'clock": an hour and what makes it a time.
    pub(super) fn clock_hour(&self, a: Amount, k: usize) -> Core {
        match self.hour_tail(&a, k) {
            Some((end, q)) => found(end, q),
            None => Core::No,
        }
    }

    pub(super) fn hour_tail(&self, a: &Amount, k: usize) -> Option<(usize, Quant)> {
        let h = a.small.filter(|h| (1..=12).contains(h))?;
        if a.family == Family::Words && a.value.fract() != 0.0 {
            return None;
        }
        if let Some((pm, end)) = self.meridiem(k) {
            return Some((end, time(h % 12 + if pm { 12 } else { 0 }, 0)));
        }
        // "o’clock"
        if self.is_word(k, "o")
            && self.is_sym(k + 1, &['\'', '’'])
            && self.is_word(k + 2, "clock")
            && self.glued(k + 1)
            && self.glued(k + 2)
        {
            return Some((k + 3, time(h, 0)));
        }
        None
    }

    /// "a.m."/"p.m."/"am"/"PM" at `k`: whether it is p.m., and the token after it.
    pub(super) fn meridiem(&self, k: usize) -> Option<(bool, usize)> {
        if self.word_in(k, &["am", "pm"]) {
            let s = self.s(k);
            // "am" spaced after a number is the verb in "I am" only before it, never after; "AM"/"am" are fine.
            return Some((s.eq_ignore_ascii_case("pm"), k + 1));
        }
        if self.word_in(k, &["a", "p"])
            && self.is_sym(k + 1, &['.'])
            && self.glued(k + 1)
            && self.is_word(k + 2, "m")
            && self.glued(k + 2)
        {
            let pm = self.s(k).eq_ignore_ascii_case("p");
            let end = if self.is_sym(k + 3, &['.']) && self.glued(k + 3) { k + 4 } else { k + 3 };
            return Some((pm, end));
        }
        None
    }

    /// "3/22/2024", "22/3/2024", "9/11", "1/2".
    pub(super) fn slashed(&self, i: usize) -> Core {
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
            } else if y > 12 && x <= 12 || x == y {
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
            return found(i + 5, q);
        }
        if chain != i + 3 {
            return Core::Skip(chain);
        }
        if x >= 1 && x < y && y <= 10 {
            // "1/4 inch", "1/2 cup"
            let a = Amount { value: f64::from(x) / f64::from(y), scale: None, family: Family::Fraction, small: None };
            let (end, mut q) = self.after_amount(&a, i + 3);
            if q.kind == Kind::Cardinal {
                q.family = Family::Fraction;
            }
            return found(end, q);
        }
        let date = Date { year: None, month: Some(x), day: Some(y) };
        // "1/40", "3/16": not a day of a month, so a fraction.
        if x >= 1 && x < y && !date.is_valid() {
            let (end, mut q) = self.after_amount(
                &Amount { value: f64::from(x) / f64::from(y), scale: None, family: Family::Fraction, small: None },
                i + 3,
            );
            if q.kind == Kind::Cardinal {
                q.family = Family::Fraction;
            }
            return found(end, q);
        }
        if x >= 1 && date.is_valid() {
            // "9/11", "7/7": a slashed day without a year names an event more often than it dates one, so the
            // document date does not complete it.
            let mut q = date_quant(date, Family::Date);
            q.tx.date = None;
            return found(i + 3, q);
        }
        Core::Skip(chain)
    }

    /// "2024-03-22".
    pub(super) fn iso_date(&self, i: usize) -> Core {
        let chain = self.chain_end(i);
        let (y, m, d) = (self.num(i).expect("n"), self.num(i + 2).expect("n"), self.num(i + 4).expect("n"));
        if chain == i + 5
            && y.int_digits == 4
            && m.int_digits == 2
            && d.int_digits == 2
            && !y.fraction
            && !m.fraction
            && !d.fraction
        {
            let date = Date { year: Some(y.value as i32), month: Some(m.value as u8), day: Some(d.value as u8) };
            if date.is_valid() {
                return found(chain, date_quant(date, Family::Date));
            }
        }
        Core::Skip(chain)
    }

    /// "x10^6", "×10−5", "x2^10" glued after an amount at `k`: the multiplier and the token after it.
    pub(super) fn times_power(&self, k: usize) -> Option<(f64, usize)> {
        let times = self.glued(k) && (self.is_sym(k, &['×']) || self.is_word(k, "x")) && self.glued(k + 1);
        let base = self.num(k + 1).filter(|l| times && l.plain_int() && l.int_digits <= 2)?.value;
        let mut j = k + 2;
        if self.is_sym(j, &['^']) && self.glued(j) {
            j += 1;
        } else if !(base == 10.0 && self.is_sym(j, &['-', '−']) && self.glued(j)) {
            return None;
        }
        let neg = self.is_sym(j, &['-', '−']) && self.glued(j);
        if neg {
            j += 1;
        }
        let exp = self.num(j).filter(|l| self.glued(j) && l.plain_int() && l.int_digits <= 3)?.value;
        Some((base.powf(if neg { -exp } else { exp }), j + 1))
    }

    /// "+1 202-555-0143", "0044 20 7946 0958", "202.555.0143": three or more groups of digits (two after a "+")
    /// joined by spaces, hyphens or dots, nine digits or more in all (so not "2024-03-22"), make a phone number; the end of it. Groups
    /// of exactly three digits after the first are a thousands grouping ("10 000 000"), not a phone.
    pub(super) fn phone_end(&self, i: usize) -> Option<usize> {
        let plus = self.is_sym(i, &['+']);
        let mut k = if plus { i + 1 } else { i };
        if plus && !self.glued(k) {
            return None;
        }
        let (mut groups, mut digits, mut all_three, mut long, mut last) = (0, 0, true, false, k);
        loop {
            let first = groups == 0;
            let Some(l) = self
                .num(k)
                .filter(|l| !l.commas && !l.fraction && (if first { 1..=4 } else { 2..=4 }).contains(&l.int_digits))
            else {
                break;
            };
            if !first && l.int_digits != 3 {
                all_three = false;
            }
            long |= !first && l.int_digits >= 3;
            groups += 1;
            last = k;
            digits += usize::from(l.int_digits);
            if self.is_sym(k + 1, &['-', '.']) && self.glued(k + 1) && self.glued(k + 2) && self.num(k + 2).is_some() {
                k += 2;
            } else if self.num(k + 1).is_some() && !self.glued(k + 1) {
                k += 1;
            } else {
                break;
            }
        }
        // A table row ("2274 0 5 5 13") has one-digit cells; a date and a time ("2018-08-25 15:24") no group
        // of three digits or more after the year.
        let enough = groups >= 3 || plus && groups >= 2;
        (enough && digits >= 9 && !all_three && long).then_some(last + 1)
    }

    /// A sign before digits: "-5", "−4.5%", "+3".
    pub(super) fn signed(&self, i: usize) -> Core {
        if !self.is_sym(i, &['-', '−', '+']) || !self.glued(i + 1) || self.num(i + 1).is_none() {
            return Core::No;
        }
        if self.glued(i) && self.prev(i).is_some_and(|p| !self.is_sym(p, &['(', '['])) {
            return Core::No;
        }
        let minus = !self.is_sym(i, &['+']);
        match self.digits(i + 1) {
            Core::Found(end, mut q)
                if matches!(q.kind, Kind::Cardinal | Kind::Percent | Kind::Quantity | Kind::Money)
                    && q.family != Family::Vague
                    && (minus || q.kind == Kind::Percent || self.num(i + 1).is_some_and(|l| l.fraction)) =>
            {
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
}
