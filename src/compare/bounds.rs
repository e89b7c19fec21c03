//! The values a figure allows: its bounds, read from the number layer's attributes and the wording ("at least",
//! "more than", "nearly", "up to", "about", ranges), and durations brought to seconds so that "two hours" and
//! "120 minutes" compare.

use serde::{Deserialize, Serialize};

/// The values a figure allows: `min`..`max`, either end open (absent) or exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Bounds {
    /// Lowest value allowed, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Highest value allowed, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Whether `min` itself is excluded ("more than 90").
    #[serde(default, skip_serializing_if = "is_false")]
    pub min_exclusive: bool,
    /// Whether `max` itself is excluded ("fewer than 40").
    #[serde(default, skip_serializing_if = "is_false")]
    pub max_exclusive: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Bounds {
    /// Exactly `v`.
    pub fn exact(v: f64) -> Bounds {
        Bounds { min: Some(v), max: Some(v), ..Bounds::default() }
    }

    /// Whether some value satisfies both.
    pub fn meets(&self, other: &Bounds) -> bool {
        below(self.min, self.min_exclusive, other.max, other.max_exclusive)
            && below(other.min, other.min_exclusive, self.max, self.max_exclusive)
    }

    /// The values both allow, if any.
    pub fn intersect(&self, other: &Bounds) -> Option<Bounds> {
        if !self.meets(other) {
            return None;
        }
        let (min, min_exclusive) = match (self.min, other.min) {
            (Some(a), Some(b)) if a > b => (Some(a), self.min_exclusive),
            (Some(a), Some(b)) if b > a => (Some(b), other.min_exclusive),
            (Some(a), Some(_)) => (Some(a), self.min_exclusive || other.min_exclusive),
            (a, b) => (a.or(b), if a.is_some() { self.min_exclusive } else { other.min_exclusive }),
        };
        let (max, max_exclusive) = match (self.max, other.max) {
            (Some(a), Some(b)) if a < b => (Some(a), self.max_exclusive),
            (Some(a), Some(b)) if b < a => (Some(b), other.max_exclusive),
            (Some(a), Some(_)) => (Some(a), self.max_exclusive || other.max_exclusive),
            (a, b) => (a.or(b), if a.is_some() { self.max_exclusive } else { other.max_exclusive }),
        };
        Some(Bounds { min, max, min_exclusive, max_exclusive })
    }

    /// Whether every value of `self` is above every value of `other`.
    pub fn above(&self, other: &Bounds) -> bool {
        match (self.min, other.max) {
            (Some(a), Some(b)) => a > b || (a == b && (self.min_exclusive || other.max_exclusive)),
            _ => false,
        }
    }

    /// The bounds in words, values written by `show`.
    pub(crate) fn reading(&self, show: impl Fn(f64) -> String) -> String {
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => show(a),
            (Some(a), Some(b)) if (a + b) / 2.0 > 0.0 && (b - a) / (a + b) > 0.09 && (b - a) / (a + b) < 0.11 => {
                format!("≈ {}", show((a + b) / 2.0))
            }
            (Some(a), Some(b)) => format!("{}–{}", show(a), show(b)),
            (Some(a), None) => format!("{} {}", if self.min_exclusive { ">" } else { "≥" }, show(a)),
            (None, Some(b)) => format!("{} {}", if self.max_exclusive { "<" } else { "≤" }, show(b)),
            (None, None) => "?".to_string(),
        }
    }
}

/// Whether a lower end `lo` is at or below an upper end `hi` (open ends always are).
fn below(lo: Option<f64>, lo_ex: bool, hi: Option<f64>, hi_ex: bool) -> bool {
    match (lo, hi) {
        (Some(l), Some(h)) => l < h || (l == h && !lo_ex && !hi_ex),
        _ => true,
    }
}

/// Seconds in one of a duration's units.
pub(crate) fn seconds(unit: &str) -> Option<f64> {
    Some(match unit {
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3600.0,
        "day" => 86_400.0,
        "week" => 604_800.0,
        "month" => 2_629_746.0,
        "year" => 31_556_952.0,
        "decade" => 315_569_520.0,
        _ => return None,
    })
}

/// A number without a needless fraction: 115, 2.5.
pub(crate) fn trim(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.2}").trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The bounds of value `v` written as `text` (lowercase), with the number layer's `bound` attribute.
pub(crate) fn bounded(v: f64, text: &str, bound: Option<&str>, bare_more: bool) -> Bounds {
    let starts = |ps: &[&str]| ps.iter().any(|p| text.starts_with(p));
    let open_above = Bounds { min: Some(v), ..Bounds::default() };
    if starts(&["more than", "over", "above", "upwards of", "in excess of", "just over", "well over"]) {
        return Bounds { min_exclusive: true, ..open_above };
    }
    if starts(&["at least", "no fewer than", "no less than", "a minimum of", "at a minimum"]) {
        return open_above;
    }
    if starts(&["fewer than", "less than", "under", "below", "just under"]) {
        return Bounds { min: Some(0.0), max: Some(v), max_exclusive: true, ..Bounds::default() };
    }
    if starts(&["nearly", "almost", "close to", "just shy of", "approaching"]) {
        return Bounds { min: Some(v * 0.9), max: Some(v), ..Bounds::default() };
    }
    if starts(&["up to", "as many as", "at most", "no more than", "a maximum of"]) {
        return Bounds { min: Some(0.0), max: Some(v), ..Bounds::default() };
    }
    match bound {
        Some("approx") => Bounds { min: Some(v * 0.9), max: Some(v * 1.1), ..Bounds::default() },
        Some("min") => open_above,
        Some("max") => Bounds { min: Some(0.0), max: Some(v), ..Bounds::default() },
        _ if bare_more => Bounds { min_exclusive: true, ..open_above },
        _ => Bounds::exact(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_read_from_the_wording() {
        let table: &[(&str, Option<&str>, bool, &str)] = &[
            ("at least 115", Some("min"), false, "≥ 115"),
            ("more than 90", Some("min"), false, "> 90"),
            ("90", None, true, "> 90"),
            ("nearly 170", Some("approx"), false, "153–170"),
            ("about 100", Some("approx"), false, "≈ 100"),
            ("up to 40", Some("max"), false, "0–40"),
            ("fewer than 40", Some("max"), false, "0–40"),
            ("133", None, false, "133"),
        ];
        for (text, bound, more, want) in table {
            let v: f64 = text.rsplit(' ').next().unwrap().parse().unwrap();
            assert_eq!(bounded(v, text, *bound, *more).reading(trim), *want, "{text}");
        }
    }

    #[test]
    fn intervals_meet_intersect_and_order() {
        let at_least = |v| Bounds { min: Some(v), ..Bounds::default() };
        let more_than = |v| Bounds { min: Some(v), min_exclusive: true, ..Bounds::default() };
        assert!(at_least(115.0).meets(&Bounds::exact(133.0)));
        assert!(!Bounds::exact(115.0).meets(&at_least(133.0)));
        assert!(!more_than(90.0).meets(&Bounds::exact(90.0)));
        assert!(at_least(90.0).meets(&Bounds::exact(90.0)));
        assert_eq!(at_least(115.0).intersect(&Bounds::exact(115.0)), Some(Bounds::exact(115.0)));
        assert!(Bounds::exact(52.0).above(&Bounds::exact(40.0)));
        assert!(!Bounds::exact(40.0).above(&Bounds::exact(52.0)));
        assert!(at_least(52.0).above(&Bounds::exact(40.0)));
    }
}
