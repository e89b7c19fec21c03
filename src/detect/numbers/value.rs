//! Normalized meaning of a number span: its `kind`, its `value` and the attributes and explanation written onto
//! the span.
//!
//! Values follow the gold conventions (`shared/corpus/README.md`, "Values"):
//! - cardinals, ordinals, percentages, money, quantities and durations get a JSON number (an integer when it is
//!   whole: `115`, not `115.0`). A duration's value counts its unit ("two weeks" → 2, `unit: "week"`); money is
//!   the full amount ("$2.3 billion" → 2300000000, `currency: "USD"`); a percentage is the figure before the sign.
//! - dates get an ISO 8601 string only when the year is in the text: "2014", "2021-08", "2024-03-22". A date
//!   without its year ("22 March", "Friday", "January") has no value.
//! - times get "HH:MM" (24-hour clock).
//! - counts without an exact figure ("hundreds", "several hundred", "dozens") and ranges have no `value`; ranges
//!   carry `min` and `max` instead.

use super::lexicon::Bound;
use super::temporal::Tx;
use crate::annotation::Span;
use serde_json::Value;
use std::borrow::Cow;
use std::fmt::Write;

/// The `kind` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Cardinal,
    Ordinal,
    Percent,
    Money,
    Quantity,
    Duration,
    Date,
    Time,
    Range,
}

impl Kind {
    /// The attribute value, as the guidelines spell it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Cardinal => "cardinal",
            Kind::Ordinal => "ordinal",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Quantity => "quantity",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Range => "range",
        }
    }
}

/// Which pattern family matched; it names the span's `rule` (`number.<family>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// Digits: "115", "2,131", "-4.5".
    Digits,
    /// Spelled-out numbers: "eleven", "one hundred and fifteen", "a dozen".
    Words,
    /// Counts without a figure: "hundreds", "several hundred".
    Vague,
    /// "two-thirds", "1/2", "½".
    Fraction,
    /// "first", "2nd", "twenty-first".
    Ordinal,
    Percent,
    Money,
    Quantity,
    Duration,
    /// Calendar dates: "22 March", "March 7, 2024", "2024-03-22", "January".
    Date,
    /// A bare year: "2014".
    Year,
    /// A weekday that dates an event: "Friday".
    Weekday,
    /// A calendar name that dates an event: "Ramadan".
    Holiday,
    /// A date counted from the document's own date: "last November", "next Friday", "four years ago".
    Relative,
    /// A part of a period: "early December", "late 1999", "the early 1990s", "post-1959".
    Period,
    /// A day with its part or its clock time: "Thursday evening", "9 a.m. Tuesday", "noon Thursday".
    DayTime,
    /// A quarter of the year: "the third quarter", "third-quarter", "Q3 2024".
    Quarter,
    /// A century: "the 20th century", "the nineteenth century".
    Century,
    Time,
    Range,
}

impl Family {
    /// The stable rule id.
    pub fn rule(self) -> &'static str {
        match self {
            Family::Digits => "number.digits",
            Family::Words => "number.words",
            Family::Vague => "number.vague",
            Family::Fraction => "number.fraction",
            Family::Ordinal => "number.ordinal",
            Family::Percent => "number.percent",
            Family::Money => "number.money",
            Family::Quantity => "number.quantity",
            Family::Duration => "number.duration",
            Family::Date => "number.date",
            Family::Year => "number.year",
            Family::Weekday => "number.weekday",
            Family::Holiday => "number.holiday",
            Family::Relative => "number.relative",
            Family::Period => "number.period",
            Family::DayTime => "number.daytime",
            Family::Quarter => "number.quarter",
            Family::Century => "number.century",
            Family::Time => "number.time",
            Family::Range => "number.range",
        }
    }
}

/// A normalized value: a number or an ISO string.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Num(f64),
    Iso(String),
}

impl Val {
    fn json(&self) -> Value {
        match self {
            Val::Num(v) => json_number(*v),
            Val::Iso(s) => Value::String(s.clone()),
        }
    }

    /// The value as a number, for range ordering (years count as numbers).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Val::Num(v) => Some(*v),
            Val::Iso(s) if s.len() == 4 => s.parse().ok(),
            Val::Iso(_) => None,
        }
    }
}

impl std::fmt::Display for Val {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Val::Num(v) => f.write_str(&show(*v)),
            Val::Iso(s) => f.write_str(s),
        }
    }
}

/// `v` rounded to 15 significant digits, which removes binary noise from scaling and decimals
/// ("2.3 billion" is 2300000000, not 2300000000.0000002; "$2.53" is 2.53).
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() || v.fract() == 0.0 && v.abs() < 1e15 {
        return v;
    }
    // Already the nearest double to a decimal of at most four places (most figures in news): rounding to 15
    // significant digits gives it back, so skip the formatting round trip.
    if v.abs() < 1e11 {
        for m in [10.0, 100.0, 1000.0, 10000.0] {
            if (v * m).round() / m == v {
                return v;
            }
        }
    }
    let decimals = (14 - v.abs().log10().floor() as i32).clamp(0, 20) as usize;
    format!("{v:.decimals$}").parse().unwrap_or(v)
}

/// A whole number as a JSON integer, anything else as a float, so gold `115` equals ours.
pub(crate) fn json_number(v: f64) -> Value {
    let v = tidy(v);
    if v.fract() == 0.0 && v.abs() < 9.007_199_254_740_992e15 {
        Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}

/// A number for a sentence: "2300000000", "4.5", "0.6667".
fn show(v: f64) -> String {
    let v = tidy(v);
    if v.fract() == 0.0 && v.abs() < 9.007_199_254_740_992e15 {
        (v as i64).to_string()
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A calendar date, any part of which may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Date {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// Whether the parts can exist together (no 31 April, no 30 February).
    pub fn is_valid(&self) -> bool {
        let Some(m) = self.month else { return self.day.is_none() };
        if !(1..=12).contains(&m) {
            return false;
        }
        let Some(d) = self.day else { return true };
        let max = match m {
            2 => match self.year {
                Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
                _ => 29,
            },
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (1..=max).contains(&d)
    }

    /// The ISO 8601 form, when the year is known: "2014", "2021-08", "2024-03-22".
    pub fn iso(&self) -> Option<String> {
        let y = self.year?;
        let mut s = format!("{y:04}");
        if let Some(m) = self.month {
            let _ = write!(s, "-{m:02}");
            if let Some(d) = self.day {
                let _ = write!(s, "-{d:02}");
            }
        }
        Some(s)
    }
}

/// What a matched expression means, before it becomes a [`Span`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quant {
    pub kind: Kind,
    pub family: Family,
    pub value: Option<Val>,
    /// Canonical unit for quantities and durations ("km", "mg", "km/h", "m2").
    pub unit: Option<Cow<'static, str>>,
    /// The denominator of a rate of money ("$15.4/hour" → "h", "$350 per kg" → "kg").
    pub per: Option<String>,
    /// ISO 4217 code for money.
    pub currency: Option<&'static str>,
    /// Range ends.
    pub min: Option<Val>,
    pub max: Option<Val>,
    /// For ranges: the kind of the two ends ("percent" for "20-35%").
    pub of: Option<Kind>,
    /// The bound phrase in front, if any.
    pub bound: Option<Bound>,
    /// The multiplier of a scale word or abbreviation ("million", "bn"), so that "5 to 10 million" scales both.
    pub scale: Option<f64>,
    /// Calendar facts a document date can complete ("Thursday", "last November", "four years ago").
    pub tx: Tx,
    /// The word that modifies a date ("last", "early", "post"), for the explanation.
    pub modifier: Option<&'static str>,
    /// What a relative value was resolved against ("the document date 2024-03-22"), for the explanation.
    pub anchor: Option<String>,
}

impl Quant {
    /// A bare expression of `kind` found by `family`.
    pub fn new(kind: Kind, family: Family, value: Option<Val>) -> Quant {
        Quant {
            kind,
            family,
            value,
            unit: None,
            per: None,
            currency: None,
            min: None,
            max: None,
            of: None,
            bound: None,
            scale: None,
            tx: Tx::default(),
            modifier: None,
            anchor: None,
        }
    }

    /// A number-valued expression.
    pub fn num(kind: Kind, family: Family, v: f64) -> Quant {
        Quant::new(kind, family, Some(Val::Num(v)))
    }

    /// The rule id.
    pub fn rule(&self) -> &'static str {
        if self.bound.is_some() {
            "number.bound"
        } else {
            self.family.rule()
        }
    }

    /// Builds the span: `kind`, `value` and the kind-specific attributes, with a readable `why`.
    /// `text` is the whole span, `bound` the bound phrase and `core` the number it bounds.
    pub fn into_span(self, range: std::ops::Range<usize>, text: &str, bound: Option<&str>, core: &str) -> Span {
        let why = self.why(text, bound, core);
        let mut span = Span::auto(range, crate::annotation::NUMBER, self.rule(), why);
        span.attrs = crate::annotation::Attrs::with_capacity(4);
        span.attrs.insert("kind".to_string(), self.kind.name().into());
        if let Some(v) = &self.value {
            span.attrs.insert("value".to_string(), v.json());
        }
        if let Some(u) = &self.unit {
            span.attrs.insert("unit".to_string(), u.as_ref().into());
        }
        if let Some(p) = &self.per {
            span.attrs.insert("per".to_string(), p.as_str().into());
        }
        if let Some(c) = self.currency {
            span.attrs.insert("currency".to_string(), c.into());
        }
        if let Some(v) = &self.min {
            span.attrs.insert("min".to_string(), v.json());
        }
        if let Some(v) = &self.max {
            span.attrs.insert("max".to_string(), v.json());
        }
        if let Some(k) = self.of {
            span.attrs.insert("of".to_string(), k.name().into());
        }
        if let Some(b) = self.bound {
            span.attrs.insert("bound".to_string(), b.name().into());
        }
        if let Some(iso) = self.duration_iso() {
            span.attrs.insert("iso".to_string(), iso.into());
        }
        span
    }

    /// TimeML's ISO 8601 duration for a duration: "P3W", "PT5H", "P40Y" (decades and centuries in years),
    /// "PT5.5H" for a fractional count.
    pub fn duration_iso(&self) -> Option<String> {
        if self.kind != Kind::Duration {
            return None;
        }
        let n = self.value.as_ref()?.as_f64()?;
        let (mult, letter, clock) = match self.unit.as_deref()? {
            "second" => (1.0, 'S', true),
            "minute" => (1.0, 'M', true),
            "hour" => (1.0, 'H', true),
            "day" => (1.0, 'D', false),
            "week" => (1.0, 'W', false),
            "fortnight" => (2.0, 'W', false),
            "month" => (1.0, 'M', false),
            "year" => (1.0, 'Y', false),
            "decade" => (10.0, 'Y', false),
            "century" => (100.0, 'Y', false),
            "millennium" => (1000.0, 'Y', false),
            _ => return None,
        };
        Some(format!("P{}{}{letter}", if clock { "T" } else { "" }, show(n * mult)))
    }

    /// One sentence saying why the span is a number and what it means (built for every span, so each
    /// sentence is joined from its parts in one allocation).
    fn why(&self, text: &str, bound: Option<&str>, core: &str) -> String {
        let v = self.value.as_ref().map(Val::to_string).unwrap_or_default();
        if let (Some(phrase), Some(b)) = (bound, self.bound) {
            let what: &[&str] = if self.value.is_some() { &[&v] } else { &["“", core, "”"] };
            let (verb, after) = match b {
                Bound::Min => ("” sets a lower bound on ", ""),
                Bound::Max => ("” sets an upper bound on ", ""),
                Bound::Approx => ("” marks ", " as approximate"),
            };
            return [&["“", phrase, verb], what, &[after]].concat().concat();
        }
        let anchor = self.anchor.as_deref().map_or([""; 2], |a| [", counted from ", a]);
        let valued = |what: &str| {
            let tail: [&str; 2] =
                if v.is_empty() { ["", "; without a document date it has no ISO value"] } else { [": ", &v] };
            ["“", text, "” ", what, tail[0], tail[1], anchor[0], anchor[1]].concat()
        };
        let say = |parts: &[&str]| [&["“", text, "” "], parts, &anchor].concat().concat();
        let modifier = self.modifier.unwrap_or("");
        match self.family {
            Family::Relative if self.tx.ago.is_some() => valued("is a date counted back in time"),
            Family::Relative => valued(&["names a date relative to today (“", modifier, "”)"].concat()),
            Family::Period => valued(&["names part of a period (“", modifier, "”)"].concat()),
            Family::DayTime => valued("names a day with its time or part of the day"),
            Family::Quarter => valued("names a quarter of the year"),
            Family::Century => valued("names a century"),
            Family::Digits => say(&["is a number written in digits"]),
            Family::Words => say(&["spells out the number ", &v]),
            Family::Vague => say(&["is a count given without an exact figure"]),
            Family::Fraction => say(&["is the fraction ", &v]),
            Family::Ordinal => say(&["is an ordinal: position ", &v]),
            Family::Percent => say(&["is a percentage: ", &v, "%"]),
            Family::Money if self.value.is_some() => {
                say(&["is an amount of money: ", &v, " ", self.currency.unwrap_or("")])
            }
            Family::Money => say(&["is an amount of money without an exact figure"]),
            Family::Quantity => say(&["is a measurement: ", &v, " ", self.unit.as_deref().unwrap_or("")]),
            Family::Duration => {
                let unit = self.unit.as_deref().unwrap_or("");
                let (unit, plural) = match (unit, self.value.as_ref().and_then(Val::as_f64) == Some(1.0)) {
                    (u, true) => (u, ""),
                    ("century", false) => ("centuries", ""),
                    ("millennium", false) => ("millennia", ""),
                    (u, false) => (u, "s"),
                };
                say(&["is a length of time: ", &v, " ", unit, plural])
            }
            Family::Date if self.value.is_some() => say(&["names a date: ", &v]),
            Family::Date => say(&["names a date whose year is not given, so it has no ISO value"]),
            Family::Year => say(&["is a year"]),
            Family::Weekday if !v.is_empty() => say(&["is the weekday that dates an event: ", &v]),
            Family::Weekday => say(&["is the weekday that dates an event"]),
            Family::Holiday => say(&["is a calendar period that dates an event"]),
            Family::Time => say(&["is a clock time: ", &v]),
            Family::Range => {
                let lo = self.min.as_ref().map(Val::to_string).unwrap_or_default();
                let hi = self.max.as_ref().map(Val::to_string).unwrap_or_default();
                say(&["gives a range from ", &lo, " to ", &hi])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_only_with_a_year() {
        let d = |year, month, day| Date { year, month, day };
        let cases = [
            (d(Some(2014), None, None), Some("2014"), true),
            (d(Some(2021), Some(8), None), Some("2021-08"), true),
            (d(Some(2024), Some(3), Some(22)), Some("2024-03-22"), true),
            (d(None, Some(3), Some(22)), None, true),
            (d(Some(2023), Some(2), Some(29)), Some("2023-02-29"), false),
            (d(Some(2024), Some(2), Some(29)), Some("2024-02-29"), true),
            (d(None, Some(4), Some(31)), None, false),
            (d(None, Some(13), None), None, false),
        ];
        for (date, iso, valid) in cases {
            assert_eq!(date.iso().as_deref(), iso, "{date:?}");
            assert_eq!(date.is_valid(), valid, "{date:?}");
        }
    }

    #[test]
    fn whole_numbers_are_json_integers() {
        assert_eq!(json_number(115.0), serde_json::json!(115));
        assert_eq!(json_number(2.3e9), serde_json::json!(2_300_000_000i64));
        assert_eq!(json_number(4.5), serde_json::json!(4.5));
        assert_eq!(json_number(-3.0), serde_json::json!(-3));
        assert_eq!(json_number(2.0 + ".53".parse::<f64>().unwrap()), serde_json::json!(2.53));
        assert_eq!(json_number(1.1 * 1e9), serde_json::json!(1_100_000_000i64));
        assert_eq!(json_number(0.1 + 0.2), serde_json::json!(0.3));
        assert_eq!(show(2.0 / 3.0), "0.6667");
        assert_eq!(show(0.5), "0.5");
    }
}
