//! Document-date resolution: what a date written without its year ("Thursday", "last November", "four years
//! ago", "the third quarter") means once the document's own date is known.
//!
//! The conventions are TimeML's (the TIMEX3 `value` of newswire): a weekday is the nearest such day on or before
//! the document date ("Thursday" in an article of Friday 2024-03-22 is 2024-03-21) unless the sentence looks
//! ahead ("will", "next") or the word says so ("last", "next"); a month or a day of a month without a year is the
//! latest one on or before the document's month (the coming one when the sentence looks ahead; "last November"
//! the nearest November before the document's month); "N years ago" is a
//! year, "N months ago" a month, "N days ago" a day, "N weeks ago" an ISO week; a part of the day adds TimeML's
//! suffix ("Thursday evening" → `2024-03-21TEV`). Without a document date these keep no value.

use super::value::Date;
use std::fmt;

/// The date a document was written or published: what its relative dates are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocDate {
    /// Year (e.g. 2024).
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl DocDate {
    /// Reads "2024-03-22" (anything after the day, such as a time, is ignored); `None` when it is not a real
    /// calendar date.
    pub fn parse(s: &str) -> Option<DocDate> {
        let s = s.trim();
        let (y, rest) = s.split_once('-')?;
        let (m, rest) = rest.split_once('-')?;
        let d: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        Date { year: Some(year), month: Some(month), day: Some(day) }.is_valid().then_some(DocDate { year, month, day })
    }

    /// Days since 1970-01-01.
    fn days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    fn from_days(z: i64) -> DocDate {
        let (year, month, day) = civil_from_days(z);
        DocDate { year, month, day }
    }

    /// ISO weekday: 1 Monday … 7 Sunday.
    fn weekday(self) -> u8 {
        ((self.days() + 3).rem_euclid(7) + 1) as u8
    }
}

impl fmt::Display for DocDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((yoe + era * 400 + i64::from(m <= 2)) as i32, m, d)
}

/// Which way a relative word points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// "last Friday", "last November": strictly before the document date.
    Last,
    /// "next Friday": strictly after.
    Next,
    /// "this Friday", or a bare name: the nearest, on or before unless the sentence looks ahead.
    Near,
}

/// The calendar facts of a date expression that the document date may complete.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Tx {
    /// The date as written (month and day without a year: "Nov. 9"; a month alone: "November").
    pub date: Option<Date>,
    /// Weekday 1–7 ("Thursday").
    pub weekday: Option<u8>,
    /// Relative direction ("last", "next", "this").
    pub dir: Option<Dir>,
    /// "N units ago": the count and the canonical unit.
    pub ago: Option<(f64, &'static str)>,
    /// A quarter of the year 1–4 ("the third quarter").
    pub quarter: Option<u8>,
    /// A part of the day in TimeML's code (MO, AF, EV, NI).
    pub part: Option<&'static str>,
    /// A clock time that goes with the date ("9 a.m. Tuesday").
    pub clock: Option<(u8, u8)>,
    /// The sentence looks ahead ("will", "next week"), so a bare weekday or month is the coming one.
    pub ahead: bool,
}

impl Tx {
    /// Whether there is anything the document date could resolve.
    pub fn is_relative(&self) -> bool {
        self.weekday.is_some()
            || self.ago.is_some()
            || self.quarter.is_some()
            || self.date.is_some_and(|d| d.year.is_none())
    }

    /// The TimeML value, given the document date, or `None` when it cannot be known.
    pub fn resolve(&self, doc: DocDate) -> Option<String> {
        let mut day: Option<DocDate> = None;
        let mut out: Option<String> = None;
        if let Some((n, unit)) = self.ago {
            if n.fract() != 0.0 || !(0.0..=10_000.0).contains(&n) {
                return None;
            }
            let n = n as i64;
            out = Some(match unit {
                "year" => format!("{:04}", i64::from(doc.year) - n),
                "decade" => format!("{:04}", i64::from(doc.year) - 10 * n),
                "month" => {
                    let m = i64::from(doc.year) * 12 + i64::from(doc.month) - 1 - n;
                    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
                }
                "week" => {
                    let d = DocDate::from_days(doc.days() - 7 * n);
                    let (y, w) = iso_week(d);
                    format!("{y:04}-W{w:02}")
                }
                "day" => {
                    day = Some(DocDate::from_days(doc.days() - n));
                    String::new()
                }
                _ => return None,
            });
        } else if let Some(wd) = self.weekday {
            let today = doc.weekday() as i64;
            let wd = i64::from(wd);
            let back = (today - wd).rem_euclid(7);
            let fwd = (wd - today).rem_euclid(7);
            let shift = match self.dir {
                Some(Dir::Last) => -(if back == 0 { 7 } else { back }),
                Some(Dir::Next) => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                _ if self.ahead => fwd,
                _ => -back,
            };
            day = Some(DocDate::from_days(doc.days() + shift));
        } else if let Some(q) = self.quarter {
            out = Some(format!("{:04}-Q{q}", doc.year));
        } else if let Some(d) = self.date {
            let m = d.month?;
            let year = match self.dir {
                Some(Dir::Last) if m >= doc.month => doc.year - 1,
                Some(Dir::Next) if m <= doc.month => doc.year + 1,
                None | Some(Dir::Near) if self.ahead && m < doc.month => doc.year + 1,
                // News reports what happened: a later month without a year is last year's ("Nov. 25" in January).
                None if !self.ahead && m > doc.month => doc.year - 1,
                _ => doc.year,
            };
            let full = Date { year: Some(year), ..d };
            if !full.is_valid() {
                return None;
            }
            match full.day {
                Some(dd) => day = Some(DocDate { year, month: m, day: dd }),
                None => out = full.iso(),
            }
        }
        if let Some(d) = day {
            let mut s = d.to_string();
            if let Some((h, m)) = self.clock {
                s.push_str(&format!("T{h:02}:{m:02}"));
            } else if let Some(p) = self.part {
                s.push('T');
                s.push_str(p);
            }
            return Some(s);
        }
        out.filter(|s| !s.is_empty())
    }
}

/// ISO 8601 week-numbering year and week of a date.
fn iso_week(d: DocDate) -> (i32, u8) {
    let wd = i64::from(d.weekday());
    // The Thursday of the same week decides the year.
    let thursday = DocDate::from_days(d.days() - wd + 4);
    let jan1 = days_from_civil(thursday.year, 1, 1);
    let week = (thursday.days() - jan1) / 7 + 1;
    (thursday.year, week as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> DocDate {
        DocDate::parse(s).unwrap()
    }

    #[test]
    fn civil_days_round_trip_and_weekdays() {
        for s in ["1970-01-01", "1998-08-07", "2000-02-29", "2024-03-22", "1899-12-31"] {
            let d = doc(s);
            assert_eq!(DocDate::from_days(d.days()), d, "{s}");
        }
        assert_eq!(doc("2024-03-22").weekday(), 5, "a Friday");
        assert_eq!(doc("1998-08-07").weekday(), 5, "the embassy bombings were on a Friday");
        assert_eq!(iso_week(doc("1999-11-26")), (1999, 47));
        assert_eq!(iso_week(doc("2021-01-03")), (2020, 53));
        assert!(DocDate::parse("2023-02-29").is_none() && DocDate::parse("March 2024").is_none());
        assert_eq!(DocDate::parse("2024-03-22T10:00:00Z"), Some(doc("2024-03-22")));
    }

    #[test]
    fn relative_dates_against_a_document_date() {
        let wd = |w, dir, ahead| Tx { weekday: Some(w), dir, ahead, ..Tx::default() };
        let month = |m, dir| Tx { date: Some(Date { year: None, month: Some(m), day: None }), dir, ..Tx::default() };
        let ago = |n, u| Tx { ago: Some((n, u)), ..Tx::default() };
        let cases: &[(&str, Tx, Option<&str>)] = &[
            ("2024-03-22", wd(4, None, false), Some("2024-03-21")),
            ("2024-03-22", wd(5, None, false), Some("2024-03-22")),
            ("2024-03-22", wd(5, Some(Dir::Last), false), Some("2024-03-15")),
            ("2024-03-22", wd(2, None, true), Some("2024-03-26")),
            ("2024-03-22", wd(1, Some(Dir::Next), false), Some("2024-03-25")),
            ("1999-12-02", month(11, Some(Dir::Last)), Some("1999-11")),
            ("1999-11-02", month(11, Some(Dir::Last)), Some("1998-11")),
            ("1999-12-02", month(3, None), Some("1999-03")),
            ("2000-01-07", month(11, None), Some("1999-11")),
            ("2000-01-07", Tx { ahead: true, ..month(3, None) }, Some("2000-03")),
            ("2000-03-10", ago(41.0, "year"), Some("1959")),
            ("1999-12-10", ago(2.0, "month"), Some("1999-10")),
            ("1999-04-19", ago(11.0, "day"), Some("1999-04-08")),
            ("2000-01-07", ago(6.0, "week"), Some("1999-W47")),
            ("2000-01-07", ago(1.5, "year"), None),
            ("1998-10-01", Tx { quarter: Some(3), ..Tx::default() }, Some("1998-Q3")),
            ("2000-01-07", Tx { part: Some("EV"), ..wd(3, None, false) }, Some("2000-01-05TEV")),
            ("2000-04-05", Tx { clock: Some((9, 0)), ..wd(2, None, false) }, Some("2000-04-04T09:00")),
        ];
        for (d, tx, want) in cases {
            assert_eq!(tx.resolve(doc(d)).as_deref(), *want, "{d} {tx:?}");
        }
    }
}
