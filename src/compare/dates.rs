//! A document's publication date when the caller does not know it: the first full date (day, month and year, as
//! the number layer normalized it) on a dateline or one of the first lines of the text. News pages put the date
//! under the headline or in the dateline ("PARIS, March 23, 2024 (AP) —"); a full date further down is more
//! often the date of something reported than of the report, so only the top of the text is read.
//!
//! Also the calendar words the figures table reads from date spans: months and weekdays, and whether two dates
//! can name the same day ("Friday" and "22 March" can; "22 March" and "23 March" cannot).

use crate::annotation::{Span, NUMBER};
pub(super) use crate::text::calendar::MONTHS;
use crate::text::calendar::WEEKDAYS;
use crate::text::TextModel;

/// How many lines from the top a publication date may sit on.
const TOP_LINES: usize = 12;

/// The publication date found in the text, ISO `YYYY-MM-DD`.
pub(super) fn publication(model: &TextModel, spans: &[Span]) -> Option<String> {
    // Code point where line TOP_LINES starts (blank lines count).
    let limit = model.lines.get(TOP_LINES).map_or(usize::MAX, |l| model.to_chars(l.range.clone()).start);
    spans
        .iter()
        .filter(|s| s.label == NUMBER && s.start < limit && s.attrs.get("kind").is_some_and(|k| k == "date"))
        .find_map(|s| full_date(s.attrs.get("value")?.as_str()?))
}

/// `v` when it is a full ISO date (`2024-03-23`, a time after it dropped).
pub(crate) fn full_date(v: &str) -> Option<String> {
    let d = v.get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then(|| d.to_string())
}

/// The month named by a date span (its text, or its ISO value), 1–12.
pub(super) fn month_of(text: &str, s: &Span) -> Option<usize> {
    let lower = text.to_lowercase();
    if let Some(m) = MONTHS.iter().position(|m| lower.split(|c: char| !c.is_alphabetic()).any(|w| w == *m)) {
        return Some(m + 1);
    }
    let v = s.attrs.get("value")?.as_str()?;
    v.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))
}

/// "2021-08" → "August 2021", "january" → "January".
pub(super) fn show_event(e: &str) -> String {
    let cap = |m: &str| m.get(..1).unwrap_or_default().to_uppercase() + m.get(1..).unwrap_or_default();
    match (e.get(..4), e.get(5..7).and_then(|m| m.parse::<usize>().ok())) {
        (Some(y), Some(m)) if (1..=12).contains(&m) && y.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{} {y}", cap(MONTHS[m - 1]))
        }
        _ => cap(e),
    }
}

/// (month, day, weekday) a date cell names, from its text.
fn date_parts(text: &str) -> (Option<usize>, Option<u32>, Option<usize>) {
    let lower = text.to_lowercase();
    let ws: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let month = ws.iter().find_map(|w| MONTHS.iter().position(|m| m == w)).map(|m| m + 1);
    let day = ws.iter().find_map(|w| w.parse::<u32>().ok().filter(|d| (1..=31).contains(d)));
    let weekday = ws.iter().find_map(|w| WEEKDAYS.iter().position(|d| w.trim_end_matches('s') == *d));
    (month, day, weekday)
}

/// Whether two date cells can name the same day.
pub(super) fn same_day(a: &str, b: &str) -> bool {
    let (x, y) = (date_parts(a), date_parts(b));
    let clash = |p: Option<usize>, q: Option<usize>| matches!((p, q), (Some(p), Some(q)) if p != q);
    !(clash(x.0, y.0) || matches!((x.1, y.1), (Some(p), Some(q)) if p != q) || clash(x.2, y.2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Layers};

    #[test]
    fn a_dateline_near_the_top_dates_the_document_and_a_date_far_down_does_not() {
        let text = "Toll rises\n\nPARIS, March 23, 2024 (AP) — At least 40 people were killed.";
        let model = TextModel::new(text);
        assert_eq!(publication(&model, &analyze(text, Layers::ALL)).as_deref(), Some("2024-03-23"));
        let far = format!("{}The talks of May 2, 2023 failed.", "A line.\n".repeat(20));
        let model = TextModel::new(&far);
        assert_eq!(publication(&model, &analyze(&far, Layers::ALL)), None);
        assert_eq!(full_date("2024-03-23T10:00"), Some("2024-03-23".into()));
        assert_eq!(full_date("2024-03"), None);
    }

    #[test]
    fn dates_clash_only_on_what_both_say() {
        assert!(same_day("22 March", "March 22"));
        assert!(same_day("Friday", "22 March"));
        assert!(!same_day("22 March", "23 March"));
        assert!(!same_day("Friday", "Saturday"));
        assert!(!same_day("January", "March 22"));
        assert_eq!(show_event("2021-08"), "August 2021");
        assert_eq!(show_event("january"), "January");
    }
}
