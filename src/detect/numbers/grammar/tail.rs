//! What follows an amount and gives it its kind: a percent sign or word, a currency word or code, a unit
//! (spaced, glued or hyphenated, with powers and rates: "5 km", "5km", "48-hour", "4 km^2", "km/s2",
//! "200 kilometres per hour", "$15.4/hour"), or a clock word.

use super::super::lexicon::{symbol_unit, Unit};
use super::*;
use std::borrow::Cow;

impl G<'_> {
    // ----- what follows an amount -----------------------------------------------------------------------------

    /// Percent, currency, unit or clock word after an amount ending before `k`; plain cardinal otherwise.
    pub(super) fn after_amount(&self, a: &Amount, k: usize) -> (usize, Quant) {
        // "60,000₩", "5 €": a currency sign after the amount, unless it starts the next amount.
        if let Some(code) = self.currency_symbol(k).filter(|_| self.num(k + 1).is_none()) {
            let mut q = Quant::num(Kind::Money, Family::Money, a.value);
            q.currency = Some(code);
            q.scale = a.scale;
            return (k + 1, q);
        }
        if let Some((end, unit)) = self.percent_at(k) {
            let mut q = Quant::num(Kind::Percent, Family::Percent, a.value);
            q.unit = unit.map(Cow::Borrowed);
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
    pub(super) fn percent_at(&self, k: usize) -> Option<(usize, Option<&'static str>)> {
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
    pub(super) fn currency_after(&self, k: usize, scaled: bool) -> Option<(usize, &'static str, f64)> {
        if self.glued(k) {
            return None;
        }
        let e = self.entry(k);
        if let Some(code) = e.and_then(|e| e.currency) {
            return Some((k + 1, code, 1.0));
        }
        if let Some(code) = e.and_then(|e| e.currency_code).filter(|_| self.upper(k)) {
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
        if self.word_in(k, &["dime", "dimes"]) {
            return Some((k + 1, "USD", 0.1));
        }
        None
    }

    /// The unit word at `k`: a case-sensitive symbol ("mg", "GHz", "eV", "μg") or a lowercase name ("km",
    /// "milligrams"), and whether it is a symbol.
    fn unit_word(&self, k: usize) -> Option<(Unit, bool)> {
        if self.kind(k) != Some(TokKind::Word) {
            return None;
        }
        if let Some(u) = symbol_unit(self.s(k)) {
            return Some((u, true));
        }
        self.entry(k).and_then(|e| e.unit).map(|u| (u, false))
    }

    /// A power written after a unit at `k` ("km^2", "km2", "km²", "s-1", "fb−1", "km cubed"): the exponent and
    /// the token after it.
    fn power_at(&self, k: usize) -> Option<(i32, usize)> {
        let small = |j: usize| self.num(j).filter(|l| l.plain_int() && l.int_digits == 1).map(|l| l.value as i32);
        if self.glued(k) {
            if self.is_sym(k, &['^']) && self.glued(k + 1) {
                if self.is_sym(k + 1, &['-', '−']) && self.glued(k + 2) {
                    return small(k + 2).map(|p| (-p, k + 3));
                }
                return small(k + 1).map(|p| (p, k + 2));
            }
            if self.is_sym(k, &['²']) {
                return Some((2, k + 1));
            }
            if self.is_sym(k, &['³']) {
                return Some((3, k + 1));
            }
            let free_after = |j: usize| !(self.glued(j) && matches!(self.kind(j), Some(TokKind::Word | TokKind::Num)));
            if self.is_sym(k, &['-', '−']) && self.glued(k + 1) && small(k + 1) == Some(1) && free_after(k + 2) {
                return Some((-1, k + 2));
            }
            if let Some(p) = small(k).filter(|p| (2..=3).contains(p)) {
                if !(self.glued(k + 1) && matches!(self.kind(k + 1), Some(TokKind::Word | TokKind::Num))) {
                    return Some((p, k + 1));
                }
            }
            return None;
        }
        if self.is_word(k, "squared") {
            return Some((2, k + 1));
        }
        if self.is_word(k, "cubed") {
            return Some((3, k + 1));
        }
        None
    }

    /// A unit with its power at `k` ("km", "m^2", "s2"), as its written name and the token after it.
    fn powered(&self, k: usize, u: Unit) -> (String, usize) {
        match self.power_at(k) {
            Some((p, end)) => (format!("{}{}", u.name, if p == 1 { String::new() } else { p.to_string() }), end),
            None => (u.name.to_string(), k),
        }
    }

    /// A rate after a unit or an amount at `k`: "/h", "/min", "/kg", "per hour", "per square metre", "a day"
    /// is not one (it is usually a frequency of the noun). The denominator's name and the token after it.
    pub(super) fn per_unit(&self, k: usize) -> Option<(String, usize)> {
        let slash = self.is_sym(k, &['/']) && self.glued(k) && self.glued(k + 1);
        let per = self.is_word(k, "per") && !self.glued(k) && !self.glued(k + 1);
        if !(slash || per) {
            return None;
        }
        let j = k + 1;
        if self.word_in(j, &["square", "sq"]) {
            let (u, _) = self.unit_word(j + 1)?;
            return Some((format!("{}2", u.name), j + 2));
        }
        if self.word_in(j, &["h", "hr"]) {
            return Some(("h".to_string(), j + 1));
        }
        let (u, _) = self.unit_word(j)?;
        let (name, end) = self.powered(j + 1, u);
        Some((if u.name == "hour" { "h".to_string() } else { name }, end))
    }

    /// A unit at `k`: spaced ("5 km", "two years"), glued to digits ("5km"), hyphenated ("48-hour",
    /// "32-year-old"), with "square"/"cubic", "°C", powers ("4 km^2", "km cubed"), rates ("km/h",
    /// "200 kilometres per hour", "20 J/m^2 per year") and "years old".
    pub(super) fn unit_at(&self, k: usize, digits: bool) -> Option<(usize, Cow<'static, str>, Dim)> {
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
            let unit = if self.is_word(k0 + 1, "C") {
                "°C"
            } else if self.is_word(k0 + 1, "F") {
                "°F"
            } else {
                "degree"
            };
            return Some((end, Cow::Borrowed(if end == k0 + 1 { "degree" } else { unit }), Dim::Other));
        }
        // "square kilometres", "sq km", "cubic metres", "metric tons"
        if !glued && self.word_in(k0, &["square", "sq", "cubic", "metric"]) {
            let cubic = self.is_word(k0, "cubic");
            let mut j = k0 + 1;
            if self.is_sym(j, &['.']) && self.glued(j) {
                j += 1;
            }
            let (u, _) = self.unit_word(j)?;
            if self.is_word(k0, "metric") {
                return (u.name == "t").then(|| (j + 1, Cow::Borrowed("t"), Dim::Other));
            }
            if u.dim == Dim::Time {
                return None;
            }
            return Some((j + 1, Cow::Owned(format!("{}{}", u.name, if cubic { 3 } else { 2 })), Dim::Other));
        }
        if self.word_in(k0, &["pound", "pounds"]) && !glued {
            return Some((k0 + 1, Cow::Borrowed("lb"), Dim::Other));
        }
        let (u, symbol) = self.unit_word(k0)?;
        let end0 = k0 + 1;
        // "737s" is a plural, "5 cd" a disc: these symbols need their power.
        if symbol && matches!(u.name, "s" | "fb" | "cd") && self.power_at(end0).is_none() {
            return None;
        }
        if u.glued_only {
            // "5m", "48h", "100W"; spaced only with a power after it ("4e14 s-1", "5 fb−1").
            let lower_ok = symbol || self.s(k0).chars().all(|c| c.is_lowercase());
            let glued_ok = glued && digits && !hyphen && lower_ok;
            // "20 J/m^2": a spaced symbol also makes a rate.
            let rate = self.is_sym(end0, &['/']) && self.glued(end0) && self.unit_word(end0 + 1).is_some();
            if !glued_ok && !(!hyphen && (symbol && self.power_at(end0).is_some() || rate)) {
                return None;
            }
        }
        let mut end = end0;
        let mut name: Cow<'static, str> = Cow::Borrowed(u.name);
        if let Some((p, e)) = self.power_at(end) {
            if u.dim == Dim::Time && p > 0 {
                return Some((end0, name, u.dim));
            }
            name = Cow::Owned(format!("{}{p}", u.name));
            end = e;
        }
        if u.name == "degree" {
            if self.word_in(end, &["celsius", "centigrade", "C"]) {
                return Some((end + 1, Cow::Borrowed("°C"), Dim::Other));
            }
            if self.word_in(end, &["fahrenheit", "F"]) {
                return Some((end + 1, Cow::Borrowed("°F"), Dim::Other));
            }
        }
        // "32-year-old", "two years old", "a 10-year-long war"
        if u.dim == Dim::Time {
            if hyphen
                && self.is_sym(end, &['-'])
                && self.glued(end)
                && self.word_in(end + 1, &["old", "long"])
                && self.glued(end + 1)
            {
                end += 2;
            } else if !hyphen && self.is_word(end, "old") && !self.glued(end) {
                end += 1;
            }
            return Some((end, name, u.dim));
        }
        // Rates: "km/h", "km/s2", "W/min", "200 kilometres per hour", "J/m^2 per year".
        let mut dim = u.dim;
        while let Some((den, e)) = self.per_unit(end) {
            name = Cow::Owned(match (name.as_ref(), den.as_str()) {
                ("km", "h") => "km/h".to_string(),
                ("mi", "h") => "mph".to_string(),
                (n, d) => format!("{n}/{d}"),
            });
            end = e;
            dim = Dim::Other;
        }
        Some((end, name, dim))
    }
}
