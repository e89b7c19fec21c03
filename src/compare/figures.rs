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

use super::bounds::{bounded, seconds, trim, Bounds};
use super::dates::{month_of, same_day, show_event, MONTHS};
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

fn is_date(s: &Span) -> bool {
    s.attrs.get("kind").is_some_and(|k| k == "date")
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
