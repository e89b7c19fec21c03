//! Helpers every format shares: placing foreign offsets on the text (with unit conversion and repair by the
//! quoted text), label bookkeeping, span ids, and loss counting.

use crate::annotation::{auto_id, sort_spans, Document, Label, Scope, Span};
use crate::text::OffsetMap;
use std::collections::{BTreeMap, HashSet};

/// The unit a format counts offsets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Unicode scalar values (Python `str` indices): sift, brat, spaCy/Prodigy, Label Studio, the W3C spec.
    CodePoint,
    /// UTF-16 code units (JavaScript `String.length`): doccano's browser spans, Recogito, Hypothesis.
    Utf16,
    /// Grapheme clusters (user-perceived characters): doccano's "grapheme mode" projects.
    Grapheme,
}

impl Unit {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Unit::CodePoint => "code points",
            Unit::Utf16 => "UTF-16 units",
            Unit::Grapheme => "grapheme clusters",
        }
    }
}

/// One document's text with its offset tables, for placing spans that come from another tool.
pub(crate) struct Placer<'a> {
    pub text: &'a str,
    pub map: OffsetMap,
}

/// Where a foreign span landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    /// Code-point range.
    pub start: usize,
    pub end: usize,
    /// Set when the offsets were changed; says how, for the import's `repairs`.
    pub repair: Option<String>,
}

impl<'a> Placer<'a> {
    pub fn new(text: &'a str) -> Self {
        Placer { text, map: OffsetMap::new(text) }
    }

    /// Converts `start..end` in `unit` to code points, or `None` when out of range or inside a surrogate pair.
    pub fn to_chars(&self, start: usize, end: usize, unit: Unit) -> Option<(usize, usize)> {
        if start > end {
            return None;
        }
        match unit {
            Unit::CodePoint => (end <= self.map.len_chars()).then_some((start, end)),
            // The range check first: the offset tables are 32-bit, so a huge offset must not wrap around.
            Unit::Utf16 if end > self.map.len_utf16() => None,
            Unit::Utf16 => Some((self.map.utf16_to_char(start)?, self.map.utf16_to_char(end)?)),
            Unit::Grapheme => Some((self.map.grapheme_to_char(start)?, self.map.grapheme_to_char(end)?)),
        }
    }

    /// The text between code points `start..end` (which must be in range).
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.map.slice(self.text, start, end)
    }

    /// Places a span given in `unit`, checking it against `quote` (the span text the file claims) when there is
    /// one. Offsets that disagree with the quote are tried in `alt` (the unit other tools of the same family
    /// write), then repaired to the nearest occurrence of the quote when that occurrence is unique. Grapheme
    /// edges are snapped outward. Errors say what is wrong, without the location (the caller prefixes it).
    pub fn place(
        &self,
        start: usize,
        end: usize,
        unit: Unit,
        alt: Option<Unit>,
        quote: Option<&str>,
    ) -> Result<Placed, String> {
        let primary = self.to_chars(start, end, unit);
        let mut repair = None;
        let (mut s, mut e) = match (primary, quote) {
            (Some((s, e)), None) => (s, e),
            (Some((s, e)), Some(q)) if self.slice(s, e) == q => (s, e),
            (p, q) => {
                let alt_hit = alt
                    .and_then(|a| self.to_chars(start, end, a).map(|r| (a, r)))
                    .filter(|(_, (s, e))| q.is_some_and(|q| self.slice(*s, *e) == q));
                let loose = p.zip(q).filter(|&((s, e), q)| same_but_whitespace(self.slice(s, e), q));
                if let Some((a, (s, e))) = alt_hit {
                    repair = Some(format!("offsets {start}..{end} read as {} (not {})", a.name(), unit.name()));
                    (s, e)
                } else if let Some(((s, e), _)) = loose {
                    repair = Some(format!(
                        "offsets {start}..{end} kept: the text there differs from the quote only in whitespace"
                    ));
                    (s, e)
                } else if let Some(q) = q {
                    let near = p.map_or(start, |(s, _)| s);
                    match self.find_nearest(q, near) {
                        Ok((s, e)) => {
                            let was = match p {
                                Some((ps, pe)) => format!("{:?}", clip(self.slice(ps, pe))),
                                None => "out of range".to_string(),
                            };
                            repair = Some(format!(
                                "offsets {start}..{end} ({was}) moved to {s}..{e} where {:?} occurs",
                                clip(q)
                            ));
                            (s, e)
                        }
                        Err(why) => {
                            let was = match p {
                                Some((ps, pe)) => format!("the text there is {:?}", clip(self.slice(ps, pe))),
                                None => self.range_problem(start, end, unit),
                            };
                            return Err(format!(
                                "text {:?} does not match offsets {start}..{end} ({was}) and {why}",
                                clip(q)
                            ));
                        }
                    }
                } else {
                    return Err(self.range_problem(start, end, unit));
                }
            }
        };
        let (gs, ge) = self.map.snap_outward(s, e);
        if (gs, ge) != (s, e) {
            let note = format!("edges {s}..{e} widened to {gs}..{ge} to keep grapheme clusters whole");
            repair = Some(match repair {
                Some(r) => format!("{r}; {note}"),
                None => note,
            });
            s = gs;
            e = ge;
        }
        Ok(Placed { start: s, end: e, repair })
    }

    /// Finds `exact` by its context, as a W3C `TextQuoteSelector` asks: occurrences whose `prefix` and
    /// `suffix` match score higher; among the best, the one nearest `near` wins, and without `near` there must
    /// be only one.
    pub fn find_quote(
        &self,
        exact: &str,
        prefix: &str,
        suffix: &str,
        near: Option<usize>,
    ) -> Result<(usize, usize), String> {
        if exact.is_empty() {
            return Err("the quoted text is empty".into());
        }
        let qlen = exact.chars().count();
        let mut cands: Vec<(u8, usize)> = Vec::new();
        let mut from = 0;
        // `from` and every match start are char boundaries (`find` gives them; the step is one whole char), so
        // `get` never misses; it keeps a wrong step from panicking.
        while let Some(i) = self.text.get(from..).and_then(|t| t.find(exact)) {
            let b = from + i;
            let score = u8::from(!prefix.is_empty() && self.text.get(..b).is_some_and(|t| t.ends_with(prefix)))
                + u8::from(
                    !suffix.is_empty() && self.text.get(b + exact.len()..).is_some_and(|t| t.starts_with(suffix)),
                );
            cands.push((score, self.map.byte_to_char(b).expect("match on a char boundary")));
            from = b + exact.chars().next().map_or(1, char::len_utf8);
        }
        let Some(best) = cands.iter().map(|c| c.0).max() else {
            return Err(format!("the quoted text {:?} does not occur in the document", clip(exact)));
        };
        let top: Vec<usize> = cands.iter().filter(|c| c.0 == best).map(|c| c.1).collect();
        let pick = match (near, top.as_slice()) {
            (_, [one]) => *one,
            (None, _) => {
                return Err(format!(
                    "the quoted text {:?} occurs {} times and its context does not tell which",
                    clip(exact),
                    top.len()
                ))
            }
            (Some(n), _) => {
                let d = top.iter().map(|c| c.abs_diff(n)).min().expect("non-empty");
                let nearest: Vec<usize> = top.iter().copied().filter(|c| c.abs_diff(n) == d).collect();
                if nearest.len() > 1 {
                    return Err(format!("the quoted text {:?} occurs equally near in two places", clip(exact)));
                }
                nearest[0]
            }
        };
        Ok((pick, pick + qlen))
    }

    fn range_problem(&self, start: usize, end: usize, unit: Unit) -> String {
        let len = match unit {
            Unit::CodePoint => self.map.len_chars(),
            Unit::Utf16 => self.map.len_utf16(),
            Unit::Grapheme => self.map.len_graphemes(),
        };
        if start > end {
            format!("start {start} is after end {end}")
        } else if end > len {
            format!("offsets {start}..{end} run past the end of the text ({len} {})", unit.name())
        } else {
            format!("offsets {start}..{end} fall inside a surrogate pair ({})", unit.name())
        }
    }

    /// The occurrence of `q` whose start is nearest to code point `near`; an error when `q` does not occur or
    /// two occurrences are equally near.
    fn find_nearest(&self, q: &str, near: usize) -> Result<(usize, usize), String> {
        if q.is_empty() {
            return Err("the quoted text is empty".into());
        }
        let qlen = q.chars().count();
        let mut best: Option<(usize, usize)> = None;
        let mut tie = false;
        let mut from = 0;
        while let Some(i) = self.text.get(from..).and_then(|t| t.find(q)) {
            let b = from + i;
            let c = self.map.byte_to_char(b).expect("match starts on a char boundary");
            let d = c.abs_diff(near);
            match best {
                Some((bd, _)) if d > bd => {}
                Some((bd, _)) if d == bd => tie = true,
                _ => {
                    best = Some((d, c));
                    tie = false;
                }
            }
            from = b + q.chars().next().map_or(1, char::len_utf8);
        }
        match (best, tie) {
            (None, _) => Err("the quoted text does not occur in the document".into()),
            (Some(_), true) => Err("the quoted text occurs equally near in two places".into()),
            (Some((_, c)), false) => Ok((c, c + qlen)),
        }
    }
}

/// Whether `a` and `b` are equal once every run of whitespace counts as one space (edges included). Browser tools quote a selection
/// across a line break and its indentation as one space (Recogito does), so their quote is shorter than the range.
pub(crate) fn same_but_whitespace(a: &str, b: &str) -> bool {
    let squash = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if !c.is_whitespace() {
                out.push(c);
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
        }
        out
    };
    a != b && !a.trim().is_empty() && squash(a) == squash(b)
}

/// Most characters of an offending value a message quotes: a 1 MB field must not give a 1 MB message.
pub(crate) const QUOTE_CHARS: usize = 60;

/// Shortens a long value for a message: its first [`QUOTE_CHARS`] characters and `…`. Every reader's error path
/// quotes user text through this (or [`quote`], [`show`]); messages also say where (line, path or offset).
pub(crate) fn clip(s: &str) -> String {
    match s.char_indices().nth(QUOTE_CHARS) {
        None => s.to_string(),
        Some((b, _)) => format!("{}…", s.get(..b).unwrap_or_default()),
    }
}

/// A whole message line, bounded to a few quotes' worth of characters.
pub(crate) fn clip_line(s: String) -> String {
    match s.char_indices().nth(3 * QUOTE_CHARS) {
        None => s,
        Some((b, _)) => format!("{}…", s.get(..b).unwrap_or_default()),
    }
}

/// A string value as a message quotes it: in quotes, clipped ([`clip`]).
pub(crate) fn quote(s: &str) -> String {
    format!("{:?}", clip(s))
}

/// A JSON value as a message shows it, clipped ([`clip`]); only the start of a large value is rendered.
pub(crate) fn show(v: &serde_json::Value) -> String {
    struct Head(String);
    impl std::io::Write for Head {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            if self.0.len() > 4 * QUOTE_CHARS + 8 {
                return Err(std::io::ErrorKind::WriteZero.into()); // enough: stop rendering
            }
            self.0.push_str(&String::from_utf8_lossy(b));
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut h = Head(String::new());
    let _ = serde_json::to_writer(&mut h, v);
    clip(&h.0)
}

/// Colours for labels a file uses without declaring them: the rest of the Okabe–Ito palette, then greys.
const EXTRA_COLORS: &[&str] = &["#56b4e9", "#009e73", "#d55e00", "#cc79a7", "#f0e442", "#000000", "#666666", "#bbbbbb"];

/// Label list under construction: declared labels first, then labels met on spans, in order of first use.
#[derive(Debug, Default)]
pub(crate) struct Labels {
    pub list: Vec<Label>,
}

impl Labels {
    /// Starts from the built-in labels (for files that declare none).
    pub fn builtin() -> Self {
        Labels { list: Label::builtin() }
    }

    /// Starts from nothing (for foreign files whose label set is their own).
    pub fn empty() -> Self {
        Labels::default()
    }

    /// Whether `name` is known as a label of `scope`.
    pub fn has_in(&self, name: &str, scope: Scope) -> bool {
        self.list.iter().any(|l| l.name == name && l.scope == scope)
    }

    /// Adds span label `name` if unknown; returns whether it was added.
    pub fn ensure(&mut self, name: &str) -> bool {
        self.ensure_in(name, Scope::Span)
    }

    /// Adds `name` as a label of `scope` if unknown, with a free colour and a key free in its scope; returns
    /// whether it was added.
    pub fn ensure_in(&mut self, name: &str, scope: Scope) -> bool {
        if self.has_in(name, scope) {
            return false;
        }
        let used: HashSet<&str> = self.list.iter().map(|l| l.color.as_str()).collect();
        let color = EXTRA_COLORS
            .iter()
            .find(|c| !used.contains(**c))
            .unwrap_or(&EXTRA_COLORS[self.list.len() % EXTRA_COLORS.len()]);
        let keys: HashSet<&str> =
            self.list.iter().filter(|l| l.scope == scope).filter_map(|l| l.key.as_deref()).collect();
        let key = (1..=9).map(|k| k.to_string()).find(|k| !keys.contains(k.as_str()));
        self.list.push(Label { key, ..Label::scoped(scope, name, *color) });
        true
    }
}

impl Labels {
    /// Sets the colour of every known label named `name` (whatever its scope) when `color` is `#rrggbb`.
    pub fn recolor(&mut self, name: &str, color: &str) {
        if let Some(c) = hex_color(color) {
            self.list.iter_mut().filter(|l| l.name == name).for_each(|l| l.color = c.clone());
        }
    }

    /// Declares label `name` of `scope` with its colour (kept when `#rrggbb`) and key, adding it if unknown.
    pub fn style(&mut self, scope: Scope, name: &str, color: Option<&str>, key: Option<&str>) {
        self.ensure_in(name, scope);
        let l = self.list.iter_mut().find(|l| l.name == name && l.scope == scope).expect("just ensured");
        if let Some(c) = color.and_then(hex_color) {
            l.color = c;
        }
        // A declared label has exactly the declared key (none if none), not an invented one.
        l.key = key.filter(|k| k.chars().count() == 1).map(str::to_string);
    }
}

/// `color` in lower case when it is `#rrggbb`.
fn hex_color(color: &str) -> Option<String> {
    let valid = color.len() == 7 && color.starts_with('#') && color.chars().skip(1).all(|x| x.is_ascii_hexdigit());
    valid.then(|| color.to_ascii_lowercase())
}

/// The line a format without a label list adds to its export losses.
pub(crate) fn label_styles_lost(format: &str, labels: &[Label]) -> Option<String> {
    (!labels.is_empty())
        .then(|| format!("{format}: label colours and shortcut keys not kept (the format has no label list)"))
}

/// Gives every span without an id the automatic id (`label:start-end`), made unique with a `#n` suffix.
pub(crate) fn fill_ids(spans: &mut [Span]) {
    let mut seen: HashSet<String> = spans.iter().filter(|s| !s.id.is_empty()).map(|s| s.id.clone()).collect();
    for s in spans.iter_mut().filter(|s| s.id.is_empty()) {
        let base = auto_id(&s.label, &s.range());
        let mut id = base.clone();
        let mut n = 2;
        while seen.contains(&id) {
            id = format!("{base}#{n}");
            n += 1;
        }
        seen.insert(id.clone());
        s.id = id;
    }
}

/// Finishes a foreign document: ids filled, spans sorted.
pub(crate) fn finish(mut doc: Document) -> Document {
    fill_ids(&mut doc.spans);
    sort_spans(&mut doc.spans);
    doc
}

/// Counts events by kind so that losses read "12 spans: rule dropped" instead of one line per span.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    counts: BTreeMap<String, usize>,
    order: Vec<String>,
}

impl Tally {
    pub fn add(&mut self, what: impl Into<String>) {
        self.add_n(what, 1);
    }

    pub fn add_n(&mut self, what: impl Into<String>, n: usize) {
        if n == 0 {
            return;
        }
        // A loss line may quote a label or a category from the file: bounded like any message.
        let what = clip_line(what.into());
        if !self.counts.contains_key(&what) {
            self.order.push(what.clone());
        }
        *self.counts.entry(what).or_default() += n;
    }

    /// Lines like `"brat: 3 spans: attr `value` dropped"`, in order of first occurrence.
    pub fn lines(&self, prefix: &str) -> Vec<String> {
        self.order.iter().map(|w| format!("{prefix}: {} × {w}", self.counts[w])).collect()
    }
}

/// Records what a lossy export drops from one span. `keeps` lists the span fields the format carries.
pub(crate) fn tally_span_fields(t: &mut Tally, s: &Span, keeps: &[&str]) {
    let keep = |f: &str| keeps.contains(&f);
    if !keep("id") && s.id != auto_id(&s.label, &s.range()) {
        t.add("custom span id dropped (re-import gives label:start-end)");
    }
    if !keep("origin") && s.origin != crate::Origin::Manual {
        t.add(format!("origin `{}` dropped", s.origin.name()));
    }
    if !keep("status") && s.status != crate::Status::Accepted {
        t.add(format!("status `{}` dropped", s.status.name()));
    }
    if !keep("rule") && s.rule.is_some() {
        t.add("rule dropped");
    }
    if !keep("why") && s.why.is_some() {
        t.add("why dropped");
    }
    if !keep("note") && s.note.is_some() {
        t.add("note dropped");
    }
    if !keep("attrs") {
        for k in s.attrs.keys() {
            t.add(format!("attr `{k}` dropped"));
        }
    }
}

/// Describes a JSON value's type for error messages.
pub(crate) fn json_type(v: &serde_json::Value) -> &'static str {
    use serde_json::Value::*;
    match v {
        Null => "null",
        Bool(_) => "a boolean",
        Number(_) => "a number",
        String(_) => "a string",
        Array(_) => "an array",
        Object(_) => "an object",
    }
}

/// Records a document id, refusing one already read: ids name documents across tools, so two documents with
/// one id cannot both be kept. `at` says where (format and record), as in every import error.
pub(crate) fn unique_doc_id(ids: &mut HashSet<String>, id: &str, at: &str) -> Result<(), crate::Error> {
    if ids.insert(id.to_string()) {
        return Ok(());
    }
    Err(crate::Error::new(crate::ErrorKind::Invalid, format!("{at}: document id {} is used twice", quote(id))))
}

/// Parses JSON, with the line and column in the error.
pub(crate) fn parse_json(what: &str, input: &str) -> Result<serde_json::Value, crate::Error> {
    serde_json::from_str(crate::input::strip_bom(input)).map_err(|e| {
        crate::Error::new(
            crate::ErrorKind::Syntax,
            format!("{what}: not valid JSON at line {} column {}: {e}", e.line(), e.column()),
        )
    })
}

/// Non-blank lines of a JSONL input with their 1-based line numbers.
pub(crate) fn jsonl_lines(input: &str) -> impl Iterator<Item = (usize, &str)> {
    let input = crate::input::strip_bom(input);
    input.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.is_empty())
}

/// A JSON number as an offset: a non-negative integer that fits `usize` (32 bits in wasm, so no wrapping).
pub(crate) fn as_offset(v: &serde_json::Value) -> Option<usize> {
    v.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// Reads an unsigned offset.
pub(crate) fn offset(v: Option<&serde_json::Value>, what: &str) -> Result<usize, String> {
    match v {
        None => Err(format!("`{what}` is missing")),
        Some(x) => as_offset(x).ok_or_else(|| format!("`{what}` must be a non-negative integer, not {}", show(x))),
    }
}

/// Tokens of `text` as code-point ranges: Unicode word-boundary segments (UAX #29) without the whitespace ones,
/// further cut at every offset in `cuts` so that span edges always fall between tokens. Word segments never
/// split a grapheme cluster, so neither do tokens.
pub(crate) fn tokenize(text: &str, map: &OffsetMap, cuts: &[usize]) -> Vec<(usize, usize)> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut cuts: Vec<usize> = cuts.to_vec();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for (b, w) in text.split_word_bound_indices() {
        if w.chars().all(char::is_whitespace) {
            continue;
        }
        let s = map.byte_to_char(b).expect("segment on a char boundary");
        let e = map.byte_to_char(b + w.len()).expect("segment on a char boundary");
        let mut from = s;
        let i = cuts.partition_point(|&c| c <= s);
        for &c in cuts[i..].iter().take_while(|&&c| c < e) {
            out.push((from, c));
            from = c;
        }
        out.push((from, e));
    }
    out
}

/// Rejected spans are refusals, not annotations: formats without a review state leave them out. Returns the
/// spans to write and counts the rest in `t`.
/// Spans whose offsets do not fit the text (a caller's bug) are left out too, so that writers never panic.
pub(crate) fn kept_spans<'d>(doc: &'d Document, t: &mut Tally) -> Vec<&'d Span> {
    let len = doc.text.chars().count();
    let (fit, bad): (Vec<&Span>, Vec<&Span>) = doc.spans.iter().partition(|s| s.start <= s.end && s.end <= len);
    t.add_n("spans with offsets outside the text not exported", bad.len());
    let (keep, rejected): (Vec<&Span>, Vec<&Span>) = fit.into_iter().partition(|s| s.status != crate::Status::Rejected);
    t.add_n("rejected spans not exported", rejected.len());
    keep
}

/// A file name made from a document id: path separators and control characters replaced, made unique.
pub(crate) fn file_stem(id: &str, used: &mut HashSet<String>) -> String {
    let mut base: String =
        id.chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c }).collect();
    if base.is_empty() || base.starts_with('.') {
        base = format!("doc{base}");
    }
    let mut stem = base.clone();
    let mut n = 2;
    while !used.insert(stem.clone()) {
        stem = format!("{base}-{n}");
        n += 1;
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_table() {
        // "👍 at least 115 and 115" — the emoji is 1 code point, 2 UTF-16 units.
        let text = "\u{1F44D} at least 115 and 115";
        let p = Placer::new(text);
        type Row<'a> = (usize, usize, Unit, Option<Unit>, Option<&'a str>, Result<(usize, usize), ()>);
        let table: &[Row] = &[
            (2, 14, Unit::CodePoint, None, Some("at least 115"), Ok((2, 14))),
            (3, 15, Unit::Utf16, None, Some("at least 115"), Ok((2, 14))),
            // UTF-16 offsets in a code-point format: the alternative unit fixes them.
            (3, 15, Unit::CodePoint, Some(Unit::Utf16), Some("at least 115"), Ok((2, 14))),
            // Wrong offsets, quote unique: repaired.
            (0, 5, Unit::CodePoint, None, Some("at least"), Ok((2, 10))),
            // "115" twice: nearest to the claimed start wins.
            (17, 20, Unit::CodePoint, None, Some("115"), Ok((19, 22))),
            (0, 1, Unit::Utf16, None, None, Err(())),
            (1, 2, Unit::Utf16, None, None, Err(())),
            (5, 99, Unit::CodePoint, None, None, Err(())),
            (0, 3, Unit::CodePoint, None, Some("absent"), Err(())),
        ];
        for (s, e, u, alt, q, want) in table {
            let got = p.place(*s, *e, *u, *alt, *q).map(|pl| (pl.start, pl.end)).map_err(|_| ());
            assert_eq!(got, *want, "{s}..{e} {u:?} {q:?}");
        }
    }

    #[test]
    fn whitespace_loose_matching() {
        let table = [
            ("went by,\n        there", "went by, there", true),
            ("a\r\nb", "a b", true),
            ("a\tb", "a b", true),
            ("Ithaca ", "Ithaca", false),
            ("same", "same", false),
            ("a b", "ab", false),
            ("  ", " ", false),
        ];
        for (a, b, want) in table {
            assert_eq!(same_but_whitespace(a, b), want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn equidistant_quotes_are_ambiguous() {
        let p = Placer::new("115 x 115");
        let err = p.place(3, 6, Unit::CodePoint, None, Some("115")).unwrap_err();
        assert!(err.contains("equally near"), "{err}");
    }

    #[test]
    fn edges_inside_a_cluster_widen() {
        let text = "e\u{301}t\u{e9}"; // e + combining acute, t, é
        let p = Placer::new(text);
        let pl = p.place(0, 1, Unit::CodePoint, None, None).unwrap();
        assert_eq!((pl.start, pl.end), (0, 2));
        assert!(pl.repair.unwrap().contains("grapheme"));
    }
}
