//! Where and when a document was published: the optional `url` and `date` of a `sift-annotations` document.
//!
//! They say which article a claim comes from and as of when, which a fact-check needs (ClaimReview names the
//! article as the claim's `appearance`). Both are optional and left out when unknown, never written empty: the
//! `url` an absolute `http(s)` address, the `date` ISO 8601 as schema.org wants it, a day (`2024-03-23`) or a
//! day and time (`2024-03-23T09:30:00+03:00`).

use super::common::{json_type, quote, Tally};
use crate::annotation::Document;
use serde_json::{Map, Value};

/// The keys [`read`] takes from a document object.
pub(super) const KEYS: [&str; 2] = ["url", "date"];

/// The `url` and `date` of document object `o`, and what is wrong with them (each a message without location).
pub(super) fn read(o: &Map<String, Value>) -> (Option<String>, Option<String>, Vec<String>) {
    let mut bad = Vec::new();
    let mut field = |key: &str, valid: fn(&str) -> bool, what: &str| match o.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if valid(s) => Some(s.clone()),
        Some(Value::String(s)) => {
            bad.push(format!("`{key}` {} is not {what}", quote(s)));
            None
        }
        Some(x) => {
            bad.push(format!("`{key}` must be a string, not {}", json_type(x)));
            None
        }
    };
    let url = field("url", is_url, "an http(s) URL");
    let date = field("date", is_date, "an ISO 8601 date (2024-03-23, or 2024-03-23T09:30:00+03:00)");
    (url, date, bad)
}

/// An `http` or `https` URL with something after the scheme and no space in it.
pub(crate) fn is_url(s: &str) -> bool {
    s.split_once("://").is_some_and(|(scheme, rest)| {
        (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
            && !rest.is_empty()
            && !rest.chars().any(char::is_whitespace)
    })
}

/// An ISO 8601 calendar date `YYYY-MM-DD` that exists, optionally with a time `THH:MM[:SS[.f]]` and an offset
/// (`Z`, `+HH:MM`).
pub(crate) fn is_date(s: &str) -> bool {
    let (day, time) = s.split_once('T').map_or((s, None), |(d, t)| (d, Some(t)));
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let num = |p: &str| if digits(p) { p.parse::<u32>().ok() } else { None };
    let parts: Vec<&str> = day.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    let (Some(year), Some(month), Some(dom)) = (num(y), num(m), num(d)) else { return false };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 || dom == 0 || dom > days {
        return false;
    }
    let Some(time) = time else { return true };
    // `HH:MM` under `hours` and 60.
    let hm = |t: &str, hours: u32| match t.split_once(':') {
        Some((h, m)) => {
            h.len() == 2 && m.len() == 2 && num(h).is_some_and(|h| h < hours) && num(m).is_some_and(|m| m < 60)
        }
        None => false,
    };
    let (clock, zone) = time.find(['Z', '+', '-']).map_or((time, ""), |i| time.split_at(i));
    let clock_ok = match clock.match_indices(':').nth(1) {
        None => hm(clock, 24),
        Some((i, _)) => {
            let (hhmm, rest) = clock.split_at(i);
            let sec = rest.strip_prefix(':').unwrap_or(rest);
            let (whole, frac) = sec.split_once('.').unwrap_or((sec, "0"));
            hm(hhmm, 24) && whole.len() == 2 && num(whole).is_some_and(|x| x < 60) && digits(frac)
        }
    };
    let zone_ok = match zone.strip_prefix(['+', '-']) {
        Some(z) => hm(z, 24),
        None => zone.is_empty() || zone == "Z",
    };
    clock_ok && zone_ok
}

/// What a writer without a place for `url` and `date` drops, as loss lines for `format`.
pub(super) fn unsupported(format: &str, docs: &[Document]) -> Vec<String> {
    let mut t = Tally::default();
    t.add_n("document `url` dropped (the format has no place for it)", docs.iter().filter(|d| d.url.is_some()).count());
    t.add_n(
        "document `date` dropped (the format has no place for it)",
        docs.iter().filter(|d| d.date.is_some()).count(),
    );
    t.lines(format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let table = [
            ("https://apnews.com/article/x", true),
            ("HTTP://example.org/a?b=c", true),
            ("http://", false),
            ("ftp://example.org/x", false),
            ("see https://example.org", false),
            ("https://example.org/a b", false),
            ("apnews.com/article/x", false),
            ("", false),
        ];
        for (s, want) in table {
            assert_eq!(is_url(s), want, "{s:?}");
        }
    }

    #[test]
    fn dates() {
        let good =
            ["2024-03-23", "2024-02-29", "2024-03-23T09:30", "2024-03-23T09:30:05Z", "2024-03-23T21:15:00+03:00"];
        let bad = [
            "",
            "2024",
            "2024-3-23",
            "23.03.2024",
            "2023-02-29",
            "2024-04-31",
            "2024-13-01",
            "2024-03-23T24:00",
            "2024-03-23T09",
            "2024-03-23T09:30+3",
            "March 23, 2024",
            "２０２４-03-23",
        ];
        for s in good {
            assert!(is_date(s), "{s:?}");
        }
        for s in bad {
            assert!(!is_date(s), "{s:?}");
        }
    }
}
