//! A document's publication date when the caller does not know it: the first full date (day, month and year, as
//! the number layer normalized it) on a dateline or one of the first lines of the text. News pages put the date
//! under the headline or in the dateline ("PARIS, March 23, 2024 (AP) —"); a full date further down is more
//! often the date of something reported than of the report, so only the top of the text is read.

use crate::annotation::{Span, NUMBER};
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
}
