//! Figures: the number spans of every document grouped by what they count, and whether the documents agree.
//!
//! Each number (a cardinal or range for counts, a duration, a date) is given a role from the words around it in
//! its sentence ([`super::roles`]): the counted noun right after it ("133 lives", "four suspected gunmen") wins,
//! then the nearest role word before or after it ("killed at least 133", "115 people dead", "the death toll rose
//! to 115"). The words looked at stop at the neighbouring numbers, so in "at least 115 people dead and more than
//! 100 others injured" the first figure is the dead and the second the injured; a number with no role word of
//! its own that is joined by "and" to one that has one shares it ("13 U.S. troops and about 170 Afghans dead").
//!
//! Reports of a story also mention other events (a bombing two years before, an attack in January): a figure
//! whose sentence is dated in another month or year than the story's (the month most dates of the set name) goes
//! to a row of its own, keyed by that date (`killed@2021-08`), so it is not compared with the story's toll.
//!
//! A row is judged on one interval per document: the intersection of the document's figures when they agree
//! ("at least 115" and "the toll rose to 115" give 115), otherwise the largest (parts and a total: troops and
//! civilians). Bounds make intervals ("at least 115" is [115, ∞), "more than 90" (90, ∞), "nearly 170"
//! [153, 170], "about 100" [90, 110], "up to 40" [0, 40]); durations are compared in seconds whatever their
//! unit. Intervals that all meet are consistent. Otherwise, for a figure that only grows as reporting goes on
//! (tolls, arrests), a later publication date with a higher figure explains the difference: an update. Anything
//! else is a contradiction, and only a contradiction sets `disagree`.

use super::roles::{self, Measure, Part, Role};
use super::{words, Doc, Excerpt, Word};
use crate::annotation::{Span, CLAIM, NUMBER};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// One row of the figures table: what one thing counted is, per document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureGroup {
    /// Stable key: the role id, `@` and the other event's date when the figures are about another event
    /// (`killed`, `killed@2021-08`, `date@january`); a split row adds `~doc:start-end` ([`super::Decision`]).
    pub key: String,
    /// The role id (`killed`, `injured`, `detained`, `attackers`, `duration`, `date`).
    pub role: String,
    /// A human title: "killed (dead, death toll, lives lost)", with the other event's date when there is one.
    pub title: String,
    /// The other event's date, when the row is not about the story's own event (`2021-08`, `january`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Whether the documents contradict each other on this figure (an update over time is not a contradiction).
    pub disagree: bool,
    /// Consistent, an update over time, or a contradiction (or a figure only one document gives).
    pub verdict: Verdict,
    /// One sentence saying why the row is, or is not, flagged.
    pub explanation: String,
    /// Whether the user marked the row as reviewed.
    #[serde(default)]
    pub reviewed: bool,
    /// The documents that give the figure (indices into [`super::Comparison::documents`]), in order.
    pub docs: Vec<usize>,
    /// The figures, by document then position.
    pub cells: Vec<FigureCell>,
}

/// How the figures of a row relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Only one document gives the figure: nothing to compare.
    Single,
    /// The figures agree once their bounds are taken into account.
    Consistent,
    /// They differ, and the later reports give the higher figure: an update over time.
    Update,
    /// They cannot all be true.
    Contradiction,
}

/// One figure of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureCell {
    /// The document (index into [`super::Comparison::documents`]).
    pub doc: usize,
    /// The number span's start (code points).
    pub start: usize,
    /// The number span's end (code points, exclusive).
    pub end: usize,
    /// The number span's text ("at least 115").
    pub text: String,
    /// Its value, in the row's unit (seconds for durations); absent for ranges and dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// What the value allows, bounds applied.
    pub bounds: Bounds,
    /// The bounds in words: "≥ 115", "> 90", "≈ 100", "20–35", "115".
    pub reading: String,
    /// The unit as written, for durations (`hour`, `minute`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The role words that placed the figure in this row ("lives", "death toll", "gunmen").
    pub counted_by: String,
    /// The sentence it sits in.
    pub sentence: Excerpt,
    /// The source of the claim it sits in, when the claim is attributed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The document's publication date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

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
    fn reading(&self, show: impl Fn(f64) -> String) -> String {
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

/// How many words before a number are searched for its role word ("the death toll of the terrorist attack rose
/// to 115" reaches back seven).
const BEFORE: usize = 8;
/// How many words after it.
const AFTER: usize = 6;
/// How far after a number its counted noun may be ("four suspected gunmen").
const NOUN_AFTER: usize = 2;
/// The words searched before and after a date for the event it dates: closer than for counts, so that "warning on
/// 7 March about a possible attack" does not date the attack ("the 22 March attack", "the attack occurred on the
/// evening of 22 March" do).
const DATE_WINDOW: (usize, usize) = (6, 3);

/// A number placed in a role, before it becomes a cell.
struct Placed<'s> {
    span: &'s Span,
    sentence: usize,
    role: &'static Role,
    counted_by: String,
    event: Option<String>,
}

/// Groups the figures of every document into rows.
pub(crate) fn groups(docs: &[Doc<'_>]) -> Vec<FigureGroup> {
    let main_month = main_month(docs);
    let names: Vec<&str> = docs.iter().map(|d| d.article.name).collect();
    let mut rows: FxHashMap<String, FigureGroup> = FxHashMap::default();
    for (i, doc) in docs.iter().enumerate() {
        for p in place(doc, main_month) {
            let key = match &p.event {
                Some(e) => format!("{}@{e}", p.role.id),
                None => p.role.id.to_string(),
            };
            let row = rows.entry(key.clone()).or_insert_with(|| FigureGroup {
                key,
                role: p.role.id.to_string(),
                title: match &p.event {
                    Some(e) => format!("{} — {}", p.role.title, show_event(e)),
                    None => p.role.title.to_string(),
                },
                event: p.event.clone(),
                disagree: false,
                verdict: Verdict::Single,
                explanation: String::new(),
                reviewed: false,
                docs: Vec::new(),
                cells: Vec::new(),
            });
            row.cells.push(cell(doc, i, &p));
        }
    }
    let mut out: Vec<FigureGroup> = rows.into_values().collect();
    for g in &mut out {
        judge(g, &names);
    }
    sort(&mut out);
    out
}

/// Orders rows: contradictions first, then by how many documents give the figure, then by role and key.
pub(crate) fn sort(rows: &mut [FigureGroup]) {
    let rank = |g: &FigureGroup| roles::ROLES.iter().position(|r| r.id == g.role).unwrap_or(usize::MAX);
    rows.sort_by(|a, b| {
        (!a.disagree, std::cmp::Reverse(a.docs.len()), rank(a), a.event.is_some(), &a.key).cmp(&(
            !b.disagree,
            std::cmp::Reverse(b.docs.len()),
            rank(b),
            b.event.is_some(),
            &b.key,
        ))
    });
}

const MONTHS: [&str; 12] = [
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
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn is_date(s: &Span) -> bool {
    s.attrs.get("kind").is_some_and(|k| k == "date")
}

/// The month named by a date span (its text, or its ISO value), 1–12.
fn month_of(text: &str, s: &Span) -> Option<usize> {
    let lower = text.to_lowercase();
    if let Some(m) = MONTHS.iter().position(|m| lower.split(|c: char| !c.is_alphabetic()).any(|w| w == *m)) {
        return Some(m + 1);
    }
    let v = s.attrs.get("value")?.as_str()?;
    v.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))
}

/// The month the set's dates name most often: the story's own month.
fn main_month(docs: &[Doc<'_>]) -> Option<usize> {
    let mut counts = [0usize; 13];
    for d in docs {
        for s in d.spans_labelled(NUMBER).filter(|s| is_date(s)) {
            if let Some(m) = month_of(d.slice(s.range()), s) {
                counts[m] += 1;
            }
        }
    }
    (1..13).max_by_key(|&m| (counts[m], std::cmp::Reverse(m))).filter(|&m| counts[m] > 0)
}

/// The other event a date span points to: its year-month (or year, or month) when it is not the story's
/// month; `None` for the story's own dates and for weekdays.
fn event_of(doc: &Doc<'_>, s: &Span, main_month: Option<usize>) -> Option<String> {
    let month = month_of(doc.slice(s.range()), s);
    if month.is_some() && month == main_month {
        return None;
    }
    let iso = s
        .attrs
        .get("value")
        .and_then(|v| v.as_str())
        .filter(|v| v.get(..4).is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit())));
    if let Some(v) = iso {
        let own_year = doc.date.as_deref().and_then(|d| d.get(..4)) == v.get(..4);
        if own_year && month.is_none() {
            return None;
        }
        return Some(v.get(..7).unwrap_or(v).to_string());
    }
    month.map(|m| MONTHS[m - 1].to_string())
}

/// "2021-08" → "August 2021", "january" → "January".
fn show_event(e: &str) -> String {
    let cap = |m: &str| m.get(..1).unwrap_or_default().to_uppercase() + m.get(1..).unwrap_or_default();
    match (e.get(..4), e.get(5..7).and_then(|m| m.parse::<usize>().ok())) {
        (Some(y), Some(m)) if (1..=12).contains(&m) && y.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{} {y}", cap(MONTHS[m - 1]))
        }
        _ => cap(e),
    }
}

/// What a number span can measure.
fn measure(s: &Span) -> Option<Measure> {
    match s.attrs.get("kind")?.as_str()? {
        "cardinal" if s.attrs.get("value").is_some_and(|v| v.is_number()) => Some(Measure::Count),
        "range" if s.attrs.get("of").is_none_or(|o| o == "cardinal") => Some(Measure::Count),
        "duration" if s.attrs.get("value").is_some_and(|v| v.is_number()) => Some(Measure::Duration),
        "date" => Some(Measure::Date),
        _ => None,
    }
}

/// Places the numbers of one document in their roles.
fn place<'s>(doc: &'s Doc<'_>, main_month: Option<usize>) -> Vec<Placed<'s>> {
    // Number spans by sentence, in text order.
    let mut by_sentence: Vec<(usize, Vec<&'s Span>)> = Vec::new();
    for s in doc.spans_labelled(NUMBER) {
        let Some(i) = doc.sentence_at(s.start).filter(|&i| !doc.chrome[i]) else { continue };
        match by_sentence.last_mut() {
            Some((j, v)) if *j == i => v.push(s),
            _ => by_sentence.push((i, vec![s])),
        }
    }
    let mut out = Vec::new();
    for (si, spans) in by_sentence {
        let r = doc.sentences[si].clone();
        let ws = words(doc.slice(r.clone()), r.start);
        let lower: Vec<&str> = ws.iter().map(|w| w.lower.as_str()).collect();
        // Word index range of each number.
        let at: Vec<(usize, usize)> = spans.iter().map(|s| word_range(&ws, s)).collect();
        let mut found: Vec<Option<(&'static Role, String)>> = vec![None; spans.len()];
        for (k, s) in spans.iter().enumerate() {
            let Some(m) = measure(s) else { continue };
            let (i0, i1) = at[k];
            let lo = if k > 0 { at[k - 1].1 } else { 0 };
            let hi = at.get(k + 1).map_or(ws.len(), |a| a.0);
            found[k] = role_near(&lower, i0, i1, lo, hi, m);
        }
        // "13 U.S. troops and about 170 Afghans dead": a neighbour joined by "and" lends its role.
        for k in 0..spans.len() {
            if found[k].is_some() || measure(spans[k]) != Some(Measure::Count) {
                continue;
            }
            let joined = |a: usize, b: usize| {
                let gap = &lower[at[a].1.min(at[b].0)..at[b].0.max(at[a].1)];
                gap.len() <= 4 && gap.iter().any(|w| *w == "and" || *w == "or")
            };
            let lend = [k.checked_sub(1), Some(k + 1)].into_iter().flatten().find(|&j| {
                j < spans.len()
                    && found[j].as_ref().is_some_and(|(r, _)| r.measure == Measure::Count)
                    && if j < k { joined(j, k) } else { joined(k, j) }
            });
            if let Some(j) = lend {
                found[k] = found[j].clone();
            }
        }
        for (k, f) in found.into_iter().enumerate() {
            let Some((role, counted_by)) = f else { continue };
            let s = spans[k];
            let event = if role.measure == Measure::Date {
                event_of(doc, s, main_month)
            } else {
                // The nearest date of the sentence dates the figure.
                let dates = spans.iter().filter(|d| is_date(d) && !std::ptr::eq(**d, s));
                dates.min_by_key(|d| d.start.abs_diff(s.start)).and_then(|d| event_of(doc, d, main_month))
            };
            out.push(Placed { span: s, sentence: si, role, counted_by, event });
        }
    }
    out
}

/// The words a span covers: `(first, end)` indices into `ws`.
fn word_range(ws: &[Word], s: &Span) -> (usize, usize) {
    let first = ws.partition_point(|w| w.end <= s.start);
    let end = ws.partition_point(|w| w.start < s.end);
    (first, end.max(first))
}

/// The role word nearest the number at words `i0..i1`, looking in `lo..hi` (bounded by the neighbouring
/// numbers): a counted noun right after it first, then the nearest match, after it on a tie.
fn role_near(
    lower: &[&str],
    i0: usize,
    i1: usize,
    lo: usize,
    hi: usize,
    m: Measure,
) -> Option<(&'static Role, String)> {
    let (before, after) = if m == Measure::Date { DATE_WINDOW } else { (BEFORE, AFTER) };
    let from = i0.saturating_sub(before).max(lo);
    let to = (i1 + after).min(hi);
    let mut best: Option<(usize, usize, usize, roles::Match)> = None; // (rank, distance, position, match)
    for p in from..to {
        if (i0..i1).contains(&p) {
            continue;
        }
        let end = if p < i0 { i0 } else { to };
        let Some(mt) = roles::lookup(&lower[p..end]) else { continue };
        if mt.role.measure != m {
            continue;
        }
        let (rank, dist) = if p >= i1 {
            let d = p - i1;
            let noun = mt.part == Part::Noun
                && d <= NOUN_AFTER
                && lower[i1..p].iter().all(|w| roles::NOUN_MODIFIERS.contains(w) || d <= 1);
            (if noun { 0 } else { 1 }, d * 2)
        } else {
            (1, (i0 - (p + mt.len)) * 2 + 1)
        };
        if best.as_ref().is_none_or(|b| (rank, dist) < (b.0, b.1)) {
            best = Some((rank, dist, p, mt));
        }
    }
    best.map(|(_, _, p, mt)| (mt.role, lower[p..p + mt.len].join(" ")))
}

/// Seconds in one of a duration's units.
fn seconds(unit: &str) -> Option<f64> {
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

/// A cell for a placed number: its value and bounds read from the span's attributes and wording.
fn cell(doc: &Doc<'_>, index: usize, p: &Placed<'_>) -> FigureCell {
    let s = p.span;
    let text = doc.slice(s.range()).to_string();
    let num = |k: &str| s.attrs.get(k).and_then(|v| v.as_f64());
    let unit = s.attrs.get("unit").and_then(|u| u.as_str()).map(str::to_string);
    let scale = match p.role.measure {
        Measure::Duration => unit.as_deref().and_then(seconds).unwrap_or(1.0),
        _ => 1.0,
    };
    let value = num("value").map(|v| v * scale);
    let bounds = match (p.role.measure, value) {
        (Measure::Date, _) => Bounds::default(),
        (_, None) => {
            Bounds { min: num("min").map(|v| v * scale), max: num("max").map(|v| v * scale), ..Bounds::default() }
        }
        (_, Some(v)) => bounded(v, &text.to_lowercase(), s.attrs.get("bound").and_then(|b| b.as_str()), {
            // "more 90" (sic): the bare "more" the number layer leaves out still sets a lower bound.
            let r = doc.sentences[p.sentence].clone();
            let before = words(doc.slice(r.start..s.start), r.start);
            before.last().is_some_and(|w| w.lower == "more" || w.lower == "over")
        }),
    };
    let reading = match p.role.measure {
        Measure::Date => text.clone(),
        Measure::Duration => {
            let u = unit.clone().unwrap_or_default();
            bounds.reading(|v| {
                let n = v / scale;
                format!("{} {u}{}", trim(n), if n == 1.0 { "" } else { "s" })
            })
        }
        Measure::Count => bounds.reading(trim),
    };
    let source = doc
        .spans_labelled(CLAIM)
        .find(|c| c.start <= s.start && s.end <= c.end)
        .and_then(|c| c.attrs.get("source")?.as_str().map(str::to_string));
    FigureCell {
        doc: index,
        start: s.start,
        end: s.end,
        text,
        value,
        bounds,
        reading,
        unit,
        counted_by: p.counted_by.clone(),
        sentence: doc.excerpt(doc.sentences[p.sentence].clone()),
        source,
        date: doc.date.clone(),
    }
}

/// A number without a needless fraction: 115, 2.5.
fn trim(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.2}").trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The bounds of value `v` written as `text` (lowercase), with the number layer's `bound` attribute.
fn bounded(v: f64, text: &str, bound: Option<&str>, bare_more: bool) -> Bounds {
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
fn same_day(a: &str, b: &str) -> bool {
    let (x, y) = (date_parts(a), date_parts(b));
    let clash = |p: Option<usize>, q: Option<usize>| matches!((p, q), (Some(p), Some(q)) if p != q);
    !(clash(x.0, y.0) || matches!((x.1, y.1), (Some(p), Some(q)) if p != q) || clash(x.2, y.2))
}

/// Sets `verdict`, `disagree`, `explanation` and `docs` from the row's cells; `names` are the documents' names.
pub(crate) fn judge(g: &mut FigureGroup, names: &[&str]) {
    g.cells.sort_by_key(|c| (c.doc, c.start));
    g.docs = g.cells.iter().map(|c| c.doc).collect();
    g.docs.dedup();
    let name = |d: usize| names.get(d).copied().unwrap_or("?");
    let role = roles::role(&g.role);
    let (verdict, explanation) = if g.docs.len() < 2 {
        (Verdict::Single, format!("only {} gives this figure", name(g.docs.first().copied().unwrap_or(0))))
    } else if role.is_some_and(|r| r.measure == Measure::Date) {
        let clash = g.cells.iter().enumerate().find_map(|(i, a)| {
            g.cells[i + 1..].iter().find(|b| b.doc != a.doc && !same_day(&a.text, &b.text)).map(|b| (a, b))
        });
        match clash {
            Some((a, b)) => (
                Verdict::Contradiction,
                format!("{} dates it “{}” and {} “{}”: not the same day", name(a.doc), a.text, name(b.doc), b.text),
            ),
            None => (Verdict::Consistent, "the dates can all name the same day".to_string()),
        }
    } else {
        judge_values(g, role.is_some_and(|r| r.cumulative), &name)
    };
    g.verdict = verdict;
    g.disagree = verdict == Verdict::Contradiction;
    g.explanation = explanation;
}

/// What one document says on a row, for judging it: its interval, how it reads, its date.
struct DocFigure<'g> {
    doc: usize,
    bounds: Bounds,
    reading: String,
    date: Option<&'g str>,
}

/// The judgement of a row of counts or durations: one interval per document, compared pairwise.
fn judge_values<'n>(g: &FigureGroup, cumulative: bool, name: &dyn Fn(usize) -> &'n str) -> (Verdict, String) {
    // One interval per document, with the reading shown for it and its date.
    let mut per_doc: Vec<DocFigure> = Vec::new();
    for &d in &g.docs {
        let cells: Vec<&FigureCell> = g.cells.iter().filter(|c| c.doc == d).collect();
        let together = cells.iter().skip(1).try_fold(cells[0].bounds, |acc, c| acc.intersect(&c.bounds));
        let (b, reading) = match together {
            Some(b) => {
                let exact = cells.iter().find(|c| c.bounds == b).map(|c| c.reading.clone());
                (b, exact.unwrap_or_else(|| b.reading(trim)))
            }
            None => {
                let top = cells
                    .iter()
                    .max_by(|x, y| {
                        let v = |c: &FigureCell| c.bounds.min.or(c.bounds.max).unwrap_or(0.0);
                        v(x).total_cmp(&v(y))
                    })
                    .expect("a document of the row has a cell");
                (top.bounds, top.reading.clone())
            }
        };
        per_doc.push(DocFigure { doc: d, bounds: b, reading, date: cells[0].date.as_deref() });
    }
    let show = |x: &DocFigure| format!("{} in {}", x.reading, name(x.doc));
    let mut conflicts = Vec::new();
    for (i, a) in per_doc.iter().enumerate() {
        for b in &per_doc[i + 1..] {
            if !a.bounds.meets(&b.bounds) {
                conflicts.push((a, b));
            }
        }
    }
    let Some(&(a, b)) = conflicts.first() else {
        let list: Vec<String> = per_doc.iter().map(show).collect();
        return (Verdict::Consistent, format!("the figures agree within their bounds: {}", list.join(", ")));
    };
    let explained = |(a, b): &(&DocFigure, &DocFigure)| match (a.date, b.date) {
        (Some(da), Some(db)) if da != db => {
            let (early, late) = if da < db { (a, b) } else { (b, a) };
            late.bounds.above(&early.bounds)
        }
        _ => false,
    };
    if cumulative && conflicts.iter().all(explained) {
        let mut dated: Vec<&DocFigure> = per_doc.iter().collect();
        dated.sort_by_key(|x| x.date);
        let steps: Vec<String> =
            dated.iter().map(|x| format!("{} ({})", show(x), x.date.unwrap_or("undated"))).collect();
        return (
            Verdict::Update,
            format!(
                "the figure grows with the publication date: {}; an update over time, not a contradiction",
                steps.join(" → ")
            ),
        );
    }
    let why = match (a.date, b.date) {
        _ if !cumulative => "and this figure does not change over time",
        (Some(x), Some(y)) if x == y => "and both are dated the same day",
        (Some(_), Some(_)) => "and the later report gives the lower figure",
        _ => "and the publication dates are not known, so this cannot be told from an update",
    };
    (Verdict::Contradiction, format!("{} and {} cannot both be true, {why}", show(a), show(b)))
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
