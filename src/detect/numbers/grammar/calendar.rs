//! Dates written with words: "March 7, 2024", "22 March", "August 2021", "Friday", "during Ramadan",
//! "mid-March", and whether a four-digit number is a year.

use super::*;

/// Whether a numeral can be a day of the month: 1 to 31, written plainly.
pub(super) fn is_day(l: NumLit) -> bool {
    !l.commas && !l.fraction && l.int_digits <= 2 && (1.0..=31.0).contains(&l.value)
}

impl G<'_> {
    // ----- calendar -----------------------------------------------------------------------------------------

    /// "March 7", "March 7, 2024", "August 2021", "March" (alone, when it dates something).
    pub(super) fn month_date(&self, i: usize) -> Core {
        let e = self.entry(i).expect("month word");
        if !self.cap(i) || self.glued(i) && self.prev(i).is_some_and(|p| self.kind(p) == Some(TokKind::Word)) {
            return Core::No;
        }
        let month = e.month.expect("month word");
        let mut k = i + 1;
        if e.month_abbr && self.is_sym(k, &['.']) && self.glued(k) {
            k += 1;
        }
        // "December 6-8", "Apr. 28-29, 2020"
        if let (Some(a), Some(b)) = (self.num(k), self.num(k + 2)) {
            if !self.glued(k)
                && self.is_sym(k + 1, &DASHES)
                && self.glued(k + 1)
                && self.glued(k + 2)
                && is_day(a)
                && is_day(b)
                && (!self.glued(k + 3) || self.is_sym(k + 3, &[',', '.']))
            {
                if let Some(found) = self.day_range(k + 3, month, a.value, b.value) {
                    return found;
                }
            }
        }
        // Day after the month.
        if let Some(d) = self.day_at(k) {
            let mut end = d.1;
            let mut date = Date { year: None, month: Some(month), day: Some(d.0) };
            (date.year, end) = self.year_after(end);
            if date.is_valid() {
                return found(end, date_quant(date, Family::Date));
            }
            return Core::No;
        }
        let y = if self.is_word(k, "of") { k + 1 } else { k };
        if let Some((year, end)) = self.year_at(y).map(|year| (year, y + 1)).or_else(|| self.year_words(y)) {
            return found(end, date_quant(Date { year: Some(year), month: Some(month), day: None }, Family::Date));
        }
        if e.month_abbr {
            return Core::No;
        }
        // "June-August 1992": a month before a dash and a second month with its year dates something.
        let to_month = self.is_sym(k, &DASHES)
            && self.entry(k + 1).is_some_and(|e| e.month.is_some())
            && self.cap(k + 1)
            && self.year_at(k + 2).is_some();
        if e.month_ambiguous && !to_month && !self.prev_word_in(i, &DATE_PREPOSITIONS) {
            return Core::No;
        }
        // "Women’s March" is a name.
        if self.prev(i).is_some_and(|p| self.is_word(p, "s") && self.toks[p].glued) {
            return Core::No;
        }
        found(k, date_quant(Date { year: None, month: Some(month), day: None }, Family::Date))
    }

    /// "6-8 December", "6–8 December 2019": a range of days before a month.
    pub(super) fn day_range_month(&self, i: usize, e2: usize, r: &Quant) -> Option<Core> {
        let (Some(Val::Num(a)), Some(Val::Num(b))) = (&r.min, &r.max) else { return None };
        if r.of != Some(Kind::Cardinal)
            || self.num(i).is_none()
            || a.fract() != 0.0
            || b.fract() != 0.0
            || *a < 1.0
            || *b > 31.0
        {
            return None;
        }
        let m = self.entry(e2).and_then(|e| e.month).filter(|_| self.cap(e2))?;
        self.day_range(e2 + 1, m, *a, *b)
    }

    /// An optional ", 2024" after the token before `end`: the year and where the date then ends.
    pub(super) fn year_after(&self, end: usize) -> (Option<i32>, usize) {
        let y = if self.is_sym(end, &[',']) { end + 1 } else { end };
        match self.year_at(y) {
            Some(year) => (Some(year), y + 1),
            None => (None, end),
        }
    }

    /// A day range in one month ("6-8 December", "Apr. 28-29, 2020") ending before `end`, with its optional year.
    pub(super) fn day_range(&self, end: usize, month: u8, d1: f64, d2: f64) -> Option<Core> {
        let (year, end) = self.year_after(end);
        Some(found(end, self.date_range(year, month, d1 as u8, d2 as u8)?))
    }

    /// A range of days within one month; ISO ends only when the year is known.
    pub(super) fn date_range(&self, year: Option<i32>, month: u8, d1: u8, d2: u8) -> Option<Quant> {
        let lo = Date { year, month: Some(month), day: Some(d1) };
        let hi = Date { year, month: Some(month), day: Some(d2) };
        if !lo.is_valid() || !hi.is_valid() || d1 >= d2 {
            return None;
        }
        let mut q = Quant::new(Kind::Range, Family::Range, None);
        q.min = lo.iso().map(Val::Iso);
        q.max = hi.iso().map(Val::Iso);
        q.of = Some(Kind::Date);
        Some(q)
    }

    /// A day of the month at `k` ("7", "7th"), with the token after it.
    pub(super) fn day_at(&self, k: usize) -> Option<(u8, usize)> {
        let lit = self.num(k)?;
        if self.glued(k) || lit.commas || lit.fraction || lit.int_digits > 2 || !(1.0..=31.0).contains(&lit.value) {
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
    pub(super) fn year_at(&self, k: usize) -> Option<i32> {
        let lit = self.num(k)?;
        let ok = lit.plain_int() && lit.int_digits == 4 && (1000.0..=2100.0).contains(&lit.value);
        let free = !(self.glued(k + 1) && matches!(self.kind(k + 1), Some(TokKind::Word | TokKind::Num)));
        (ok && free).then_some(lit.value as i32)
    }

    /// "Friday", "Friday’s", "Friday, March 22".
    pub(super) fn weekday(&self, i: usize) -> Core {
        if !self.cap(i)
            || self.glued(i) && self.prev(i).is_some_and(|p| matches!(self.kind(p), Some(TokKind::Word | TokKind::Num)))
        {
            return Core::No;
        }
        if self.glued(i + 1) && matches!(self.kind(i + 1), Some(TokKind::Word | TokKind::Num)) {
            return Core::No;
        }
        if self.word_in(i + 1, &WEEKDAY_TITLES) && self.cap(i + 1) {
            return Core::No;
        }
        // "Friday 22 March" is one date; "Friday, March 22" two (TimeML marks the weekday and the date apart).
        let k = i + 1;
        if let Core::Found(end, q) = self.core(k) {
            if q.kind == Kind::Date && q.family == Family::Date && self.entry(k).and_then(|e| e.weekday).is_none() {
                let has_day = self.num(k).is_some() || self.num(k + 1).is_some() || self.num(k + 2).is_some();
                if has_day {
                    return Core::Found(end, q);
                }
            }
        }
        let mut q = Quant::new(Kind::Date, Family::Weekday, None);
        // "Fridays" is a recurring day, not one date.
        if !self.s(i).ends_with(['s', 'S']) {
            q.tx.weekday = self.entry(i).and_then(|e| e.weekday);
        }
        // "Monday, March 25": the weekday is the date that follows it.
        if self.is_sym(i + 1, &[',']) && self.t(i + 2).is_some_and(|t| !t.glued) {
            if let Core::Found(_, d) = self.core(i + 2) {
                let day = d.tx.date.filter(|x| x.day.is_some());
                let iso = matches!(&d.value, Some(Val::Iso(s)) if s.len() == 10);
                if d.kind == Kind::Date && d.family == Family::Date && (day.is_some() || iso) {
                    q.tx.weekday = None;
                    q.tx.date = day;
                    q.value = d.value;
                }
            }
        }
        found(i + 1, q)
    }

    /// "Ramadan" after a dating preposition ("during Ramadan", "the holy month of Ramadan").
    pub(super) fn holiday(&self, i: usize) -> Core {
        if !self.cap(i) || !self.prev_word_in(i, &DATE_PREPOSITIONS) && !self.prev_word_in(i, &["at", "over", "ahead"])
        {
            return Core::No;
        }
        let end = if self.word_in(i + 1, &["Day", "Eve"]) && self.cap(i + 1) { i + 2 } else { i + 1 };
        found(end, Quant::new(Kind::Date, Family::Holiday, None))
    }

    /// "mid-March", "mid-2014".
    pub(super) fn mid(&self, i: usize) -> Core {
        if !(self.is_sym(i + 1, &['-']) && self.glued(i + 1) && self.glued(i + 2)) {
            return Core::No;
        }
        if let Some(m) = self.entry(i + 2).and_then(|e| e.month) {
            let k = i + 3;
            if let Some(year) = self.year_at(k) {
                return found(k + 1, date_quant(Date { year: Some(year), month: Some(m), day: None }, Family::Date));
            }
            return found(k, date_quant(Date { year: None, month: Some(m), day: None }, Family::Date));
        }
        if let Some(year) = self.year_at(i + 2) {
            return found(i + 3, date_quant(Date { year: Some(year), month: None, day: None }, Family::Year));
        }
        // "mid-2000s"
        if let Some(lit) = self.num(i + 2) {
            if lit.plain_int()
                && lit.int_digits == 4
                && lit.value % 10.0 == 0.0
                && self.is_word(i + 3, "s")
                && self.glued(i + 3)
            {
                let decade = Val::Iso(format!("{}X", lit.value as i64 / 10));
                return found(i + 4, Quant::new(Kind::Date, Family::Date, Some(decade)));
            }
        }
        Core::No
    }

    /// "’84", "’90s": a year or decade with its century left out, so it has no ISO value.
    pub(super) fn short_year(&self, i: usize) -> Core {
        let starts_word = !self.glued(i) || self.prev(i).is_none_or(|p| self.kind(p) == Some(TokKind::Sym));
        if !self.is_sym(i, &['\'', '’']) || !starts_word || !self.glued(i + 1) {
            return Core::No;
        }
        let Some(lit) = self.num(i + 1).filter(|l| l.int_digits == 2 && !l.commas && !l.fraction) else {
            return Core::No;
        };
        let mut end = i + 2;
        if self.is_word(end, "s") && self.glued(end) && lit.value % 10.0 == 0.0 {
            end += 1;
        }
        if self.glued(end) && matches!(self.kind(end), Some(TokKind::Word | TokKind::Num)) {
            return Core::No;
        }
        found(end, Quant::new(Kind::Date, Family::Date, None))
    }

    /// Whether a four-digit number at `i` reads as a year here: after "in"/"since"/"the"…, or, for 1900–2099,
    /// unless a counted plural noun follows ("2000 people").
    pub(super) fn year_context(&self, i: usize, v: f64) -> bool {
        let modern = (1900.0..=2099.0).contains(&v);
        if self.prev_word_in(i, &STRONG_YEAR_WORDS) {
            return true;
        }
        // "post-1959 politics", "pre-2008 levels", "mid-1990 talks"
        if self.glued(i)
            && self.prev(i).is_some_and(|p| self.is_sym(p, &['-']) && self.prev_word_in(p, &["pre", "post", "mid"]))
        {
            return true;
        }
        // A counted plural noun after the number makes it a count ("killed 2000 people", "in 1700
        // communities"); after "in"/"by"/… a modern year still wins ("in 2011 aims to").
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
            // "Euro 2020 playoffs": a year inside an event name.
            let after_name = self.prev(i).is_some_and(|p| self.kind(p) == Some(TokKind::Word) && self.cap(p));
            if lower && (plural || is_one_of(w, &COUNT_NOUNS)) {
                return modern && (after_name || self.prev_word_in(i, &YEAR_PREPOSITIONS));
            }
        }
        modern || self.prev_word_in(i, &YEAR_PREPOSITIONS)
    }
}
