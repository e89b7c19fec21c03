//! Whole temporal expressions around a date core: a modifier before it ("last November", "next Friday",
//! "early December", "post-1959"), what follows it ("four years ago", "Thursday evening", "9 a.m. EST Tuesday",
//! "4 in the morning"), and whether the sentence looks ahead ("will meet Tuesday").
//!
//! Rules (each span's `rule`): `number.relative` (a direction word or "ago"), `number.period` (the edge of a
//! period), `number.daytime` (a day with its part or its clock time).

use super::*;

impl G<'_> {
    /// "last November", "next Friday", "this March", "the last five years", "early December", "late 1999",
    /// "the early 1990s", "late-November", "post-1959".
    pub(super) fn modified(&self, i: usize) -> Core {
        let w = self.s(i);
        let dir = RELATIVE_WORDS.iter().find(|(r, _)| r.eq_ignore_ascii_case(w));
        let edge = PERIOD_EDGES.iter().find(|e| e.eq_ignore_ascii_case(w)).copied();
        if dir.is_none() && edge.is_none() {
            return Core::No;
        }
        let hyphen = self.is_sym(i + 1, &['-']) && self.glued(i + 1) && self.glued(i + 2);
        // "pre-" and "post-" are glued with a hyphen, "last" and "next" are not; "early" and "late" take both.
        let hyphen_ok = match edge {
            Some("pre" | "post") => hyphen,
            Some(_) => true,
            None => !hyphen,
        };
        if !hyphen_ok {
            return Core::No;
        }
        let k = if hyphen { i + 2 } else { i + 1 };
        if self.t(k).is_none() || !hyphen && self.glued(k) {
            return Core::No;
        }
        let Core::Found(end, mut q) = self.core(k) else { return Core::No };
        if q.bound.is_some() {
            return Core::No;
        }
        let month_only = q.kind == Kind::Date
            && q.family == Family::Date
            && (q.tx.date.is_some_and(|d| d.day.is_none() && d.month.is_some())
                || matches!(&q.value, Some(Val::Iso(s)) if s.len() == 7));
        if let Some((word, d)) = dir {
            // "the last five years", "the next two weeks" (TimeML keeps the word); "the coming 48 hours" keeps only
            // the count, as the guidelines drop "the past".
            // Not the verb: "the trial will last six weeks" (a determiner or preposition comes first).
            let duration = q.kind == Kind::Duration
                && matches!(*word, "last" | "next")
                && self.prev_word_in(i, &["the", "over", "in", "for", "during", "within", "these", "of"])
                && matches!(q.value, Some(Val::Num(_)));
            let day = q.family == Family::Weekday && q.tx.weekday.is_some();
            let month = month_only && q.value.is_none();
            if !(duration || day || month) {
                return Core::No;
            }
            if !duration {
                q.family = Family::Relative;
                q.tx.dir = Some(*d);
            }
            q.modifier = Some(word);
            return Core::Found(end, q);
        }
        let decade = q.kind == Kind::Date && matches!(&q.value, Some(Val::Iso(s)) if s.ends_with('X'));
        let year = q.family == Family::Year;
        if edge == Some("fiscal") {
            // "fiscal 1989" is TimeML's FY1989.
            let Some(Val::Iso(y)) = q.value.as_ref().filter(|_| year) else { return Core::No };
            q.value = Some(Val::Iso(format!("FY{y}")));
        } else if !(month_only || decade || year) {
            return Core::No;
        }
        q.family = Family::Period;
        q.modifier = edge;
        Core::Found(end, q)
    }

    /// What may follow a core and belongs to the same expression: "ago", a part of the day after a weekday, a
    /// time zone and a day after a clock time, "in the morning" after an hour.
    pub(super) fn extend(&self, i: usize, end: usize, q: Quant) -> (usize, Quant) {
        let free = |k: usize| self.t(k).is_some() && !self.glued(k);
        // "four years ago", "more than four decades ago"
        if q.kind == Kind::Duration && free(end) && self.is_word(end, "ago") {
            if let (Some(Val::Num(n)), Some(unit)) = (&q.value, q.unit.as_deref().and_then(time_unit)) {
                let mut r = Quant::new(Kind::Date, Family::Relative, None);
                r.tx.ago = Some((*n, unit));
                r.bound = q.bound;
                return (end + 1, r);
            }
        }
        // "Thursday evening", "last Friday night"; "a Friday night", "the Friday night attack" keep the weekday
        // alone (the guidelines' compound reading).
        if q.tx.weekday.is_some() && q.tx.part.is_none() && free(end) {
            if let Some((_, code)) = DAY_PARTS.iter().find(|(p, _)| self.is_word(end, p)) {
                let determiner = self.prev_word_in(i, &["a", "an", "the"]);
                if !determiner {
                    let mut q = q;
                    q.tx.part = Some(code);
                    q.family = Family::DayTime;
                    return (end + 1, q);
                }
            }
        }
        if q.kind == Kind::Ordinal && q.bound.is_none() {
            if let Some(found) = self.quarter_or_century(end, &q) {
                return found;
            }
        }
        // "$15.4/hour", "$350 per kg"
        if q.kind == Kind::Money && q.per.is_none() {
            if let Some((per, e)) = self.per_unit(end) {
                let mut q = q;
                q.per = Some(per);
                return (e, q);
            }
        }
        if q.kind == Kind::Time && q.family == Family::Time && q.tx.clock.is_none() {
            return self.time_then_day(end, q);
        }
        // "4 in the morning", "8 at night"
        if q.kind == Kind::Cardinal && matches!(q.bound, None | Some(Bound::Approx)) && q.scale.is_none() && free(end) {
            if let Some(Val::Num(h)) = q.value {
                if h.fract() == 0.0 && (1.0..=12.0).contains(&h) {
                    let part = if self.is_word(end, "in") && self.is_word(end + 1, "the") {
                        ["morning", "afternoon", "evening"]
                            .iter()
                            .find(|p| self.is_word(end + 2, p))
                            .map(|p| (*p, end + 3))
                    } else if self.is_word(end, "at") && self.is_word(end + 1, "night") {
                        Some(("night", end + 2))
                    } else {
                        None
                    };
                    if let Some((p, e)) = part {
                        let h = h as u8;
                        let pm = match p {
                            "morning" => false,
                            "night" => h >= 6 && h != 12,
                            _ => h != 12,
                        };
                        let mut t = time(h % 12 + if pm { 12 } else { 0 }, 0);
                        t.bound = q.bound;
                        return (e, t);
                    }
                }
            }
        }
        (end, q)
    }

    /// "third quarter", "third-quarter", "fourth quarter of 2023", "20th century" after an ordinal ending
    /// before `end`.
    fn quarter_or_century(&self, end: usize, q: &Quant) -> Option<(usize, Quant)> {
        let n = match q.value {
            Some(Val::Num(v)) if v.fract() == 0.0 && (1.0..=30.0).contains(&v) => v as u8,
            _ => return None,
        };
        let k = if self.is_sym(end, &['-']) && self.glued(end) && self.glued(end + 1) {
            end + 1
        } else if !self.glued(end) {
            end
        } else {
            return None;
        };
        if self.is_word(k, "quarter") && (1..=4).contains(&n) {
            let mut r = Quant::new(Kind::Date, Family::Quarter, None);
            // "the fourth quarter of 2023", "the third quarter, 1998"
            let y = if self.is_word(k + 1, "of") || self.is_sym(k + 1, &[',']) { k + 2 } else { k + 1 };
            if let Some(year) = self.year_at(y) {
                r.value = Some(Val::Iso(format!("{year:04}-Q{n}")));
                return Some((y + 1, r));
            }
            r.tx.quarter = Some(n);
            return Some((k + 1, r));
        }
        // "the 14th Century" in a headline, but not "20th Century Fox".
        let name = self.cap(k + 1) && self.t(k + 1).is_some_and(|t| !t.glued);
        if self.word_in(k, &["century"]) && n >= 1 && !name {
            // TimeML writes the 20th century as "19".
            let r = Quant::new(Kind::Date, Family::Century, Some(Val::Iso(format!("{:02}", n - 1))));
            return Some((k + 1, r));
        }
        None
    }

    /// "Q3", "Q3 2024", "Q1-2025"
    pub(super) fn q_quarter(&self, i: usize) -> Core {
        if self.s(i) != "Q" || !self.glued(i + 1) {
            return Core::No;
        }
        let Some(n) = self.num(i + 1).filter(|l| l.plain_int() && (1.0..=4.0).contains(&l.value) && l.int_digits == 1)
        else {
            return Core::No;
        };
        if self.glued(i + 2) && matches!(self.kind(i + 2), Some(TokKind::Word | TokKind::Num)) {
            return Core::No;
        }
        let n = n.value as u8;
        let mut q = Quant::new(Kind::Date, Family::Quarter, None);
        if let Some(year) = self.year_at(i + 2).filter(|_| !self.glued(i + 2)) {
            q.value = Some(Val::Iso(format!("{year:04}-Q{n}")));
            return found(i + 3, q);
        }
        q.tx.quarter = Some(n);
        found(i + 2, q)
    }

    /// "9 a.m. EST Tuesday", "4 a.m. EDT Thursday", "noon Thursday", "5 p.m. EST Nov. 9": a clock time, an
    /// optional zone, and the day it falls on.
    fn time_then_day(&self, end: usize, q: Quant) -> (usize, Quant) {
        let mut k = end;
        // "1:39 am EST, Wednesday, November 20" is a time, then a weekday, then a date: only a day written right
        // after the time (or its zone) joins it.
        if self.kind(k) == Some(TokKind::Word) && !self.glued(k) && TIME_ZONES.contains(&self.s(k)) {
            k += 1;
        }
        let with_zone = k;
        let clock = match &q.value {
            Some(Val::Iso(s)) => s.split_once(':').and_then(|(h, m)| Some((h.parse().ok()?, m.parse().ok()?))),
            _ => None,
        };
        if let (Some(clock), Core::Found(e2, mut d)) = (clock, self.core(k)) {
            let day = d.kind == Kind::Date
                && d.bound.is_none()
                && (d.tx.weekday.is_some()
                    || d.tx.date.is_some_and(|x| x.day.is_some())
                    || matches!(&d.value, Some(Val::Iso(s)) if s.len() == 10));
            if day {
                d.tx.clock = Some(clock);
                d.kind = Kind::Time;
                d.family = Family::DayTime;
                d.value = match &d.value {
                    Some(Val::Iso(s)) if s.len() == 10 => Some(Val::Iso(format!("{s}T{:02}:{:02}", clock.0, clock.1))),
                    _ => q.value.clone(),
                };
                return (e2, *d);
            }
        }
        (with_zone, q)
    }

    /// Whether the sentence before token `i` looks ahead ("will", "is scheduled", "until"), so that a bare
    /// weekday or month is the coming one.
    pub(super) fn looks_ahead(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..12 {
            let Some(p) = self.prev(k) else { return false };
            if self.is_sym(p, &['.', '!', '?', ';']) {
                return false;
            }
            if self.word_in(p, &AHEAD_WORDS) {
                return true;
            }
            k = p;
        }
        false
    }
}

/// The static name of a time unit, for "N units ago".
fn time_unit(u: &str) -> Option<&'static str> {
    ["second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"]
        .into_iter()
        .find(|t| *t == u)
}
