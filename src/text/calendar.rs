//! Calendar words every layer reads: month and weekday names, lowercase, in calendar order (January = index 0,
//! Monday = index 0). Each layer adds the neighbours it needs (abbreviations, "today", time zones) beside them.

/// The months, lowercase, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month abbreviations news copy uses (AP style "Sept."), lowercase, without the full stop.
pub const MONTH_ABBREVIATIONS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// The weekdays, lowercase, Monday first.
pub const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Whether lowercase `w` names a month or a weekday in full.
pub fn is_month_or_weekday(w: &str) -> bool {
    MONTHS.contains(&w) || WEEKDAYS.contains(&w)
}
