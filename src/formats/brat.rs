//! brat standoff: the document text in `<name>.txt` and its annotations in `<name>.ann`, one per line, columns
//! separated by tabs (shown as spaces below).
//!
//! ```text
//! T1    number 12 24    at least 115
//! T2    claim 30 52;53 80    first line second line
//! #1    AnnotatorNotes T1    check against the AP figure
//! A1    kind T1 cardinal
//! A2    quote T2
//! ```
//!
//! **Unit: code points** of the UTF-8-decoded `.txt` (brat's server slices a Python 3 `str`; line breaks are
//! not translated, so CRLF counts two). A `T` line may hold several `start end` fragments separated by `;`; its
//! text column is the fragments joined by one space, which the reader checks.
//!
//! **Discontinuous spans.** brat splits a selection at line breaks into fragments. On export, a span covering a
//! line break is written that way; on import, fragments separated only by whitespace become one span again.
//! Fragments with other text between them become one span each (ids `T3`, `T3#2`, …), said in `losses`.
//!
//! **Attributes** go out as `A` lines: `true` as a binary attribute, strings without whitespace and numbers as
//! a value (numbers come back as strings). `annotation.conf` and `visual.conf` (labels, attribute values,
//! colours) are written beside the documents so brat can open the folder, and read back when given. Labels with
//! spaces get `_`.
//!
//! **Relations** are `R` lines (`R1    said-by Arg1:T3 Arg2:T5`, from the first argument to the second, with the
//! trailing tab brat writes), their types declared in the `[relations]` section of `annotation.conf`.
//!
//! **Lost on export:** origin, review status, rule and reason (of spans and relations); rejected spans and
//! relations; document labels (brat has none); attributes that are `false`, strings with whitespace, arrays,
//! objects or null; custom span ids (brat numbers them `T1`, `T2`, …).
//! **Lost on import:** events (`E`; their trigger `T` spans are kept), relations to events, equivalences
//! (`*`), normalizations (`N`), and notes or attributes attached to events or relations.

use super::common::{clip, file_stem, finish, kept_spans, tally_span_fields, Labels, Placer, Tally, Unit};
use super::links;
use super::{Export, Import};
use crate::annotation::{Document, Label, Relation, Scope, Span};
use crate::text::OffsetMap;
use crate::{Error, ErrorKind};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Reads `.txt` / `.ann` pairs (and, optionally, `annotation.conf` for the label list).
pub(crate) fn read(files: &[(&str, &str)]) -> Result<Import, Error> {
    let mut texts: BTreeMap<&str, &str> = BTreeMap::new();
    let mut anns: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    let mut labels = Labels::empty();
    let mut styles = Vec::new();
    for (name, content) in files {
        if let Some(stem) = name.strip_suffix(".txt") {
            texts.insert(stem, content);
        } else if let Some(stem) = name.strip_suffix(".ann") {
            anns.insert(stem, (name, content));
        } else if name.ends_with(".conf") {
            if name.ends_with("annotation.conf") {
                for l in conf_section(content, "[entities]") {
                    labels.ensure(&l);
                }
                for l in conf_section(content, "[relations]") {
                    labels.ensure_in(&l, Scope::Relation);
                }
            } else if name.ends_with("visual.conf") {
                styles = conf_colors(content);
            }
        } else {
            return Err(Error::new(ErrorKind::Files, format!("brat: {name}: expected .txt, .ann or .conf files")));
        }
    }
    if let Some(stem) = anns.keys().find(|s| !texts.contains_key(*s)) {
        return Err(Error::new(
            ErrorKind::Files,
            format!("brat: {stem}.ann has no {stem}.txt beside it (brat offsets need the text)"),
        ));
    }
    let mut losses = Tally::default();
    let mut repairs = Vec::new();
    let mut documents = Vec::new();
    let mut used = HashSet::new();
    for (stem, text) in texts {
        let base = stem.rsplit(['/', '\\']).next().unwrap_or(stem);
        let id = file_stem(base, &mut used);
        if id != base {
            repairs.push(format!(
                "brat: {stem}.txt: a document {} was already read; this one is {}",
                super::common::quote(base),
                super::common::quote(&id)
            ));
        }
        let mut doc = Document::new(id, format!("{base}.txt"), text.to_string(), Vec::new());
        if let Some((name, ann)) = anns.get(stem) {
            (doc.spans, doc.relations) = parse_ann(name, ann, text, &mut labels, &mut losses, &mut repairs)?;
        }
        let mut doc = finish(doc);
        links::settle_loose(&mut doc, &mut losses);
        documents.push(doc);
    }
    for (name, color) in styles {
        labels.recolor(&name, &color);
    }
    Ok(Import { labels: labels.list, documents, losses: losses.lines("brat"), repairs })
}

/// `bgColor` of each type in the `[drawing]` section of a `visual.conf`.
fn conf_colors(conf: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut in_drawing = false;
    for line in conf.lines() {
        let l = line.trim();
        if l.starts_with('[') {
            in_drawing = l == "[drawing]";
        } else if in_drawing && !l.is_empty() && !l.starts_with('#') {
            let Some((ty, rest)) = l.split_once(char::is_whitespace) else { continue };
            for kv in rest.split(',') {
                if let Some(c) = kv.trim().strip_prefix("bgColor:") {
                    out.push((ty.to_string(), c.trim().to_string()));
                }
            }
        }
    }
    out
}

/// Type names from one section (`[entities]`, `[relations]`) of an `annotation.conf`: the first word of each
/// line (indentation = hierarchy); brat's own `<OVERLAP>`-style entries and `!` abstract types left out.
fn conf_section(conf: &str, section: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in conf.lines() {
        let l = line.trim();
        if l.starts_with('[') {
            inside = l == section;
        } else if inside && !l.is_empty() && !l.starts_with(['#', '!', '<']) {
            out.push(l.split_whitespace().next().unwrap_or(l).to_string());
        }
    }
    out
}

/// The spans and relations of one `.ann` file.
type Parsed = (Vec<Span>, Vec<Relation>);

fn parse_ann(
    name: &str,
    ann: &str,
    text: &str,
    labels: &mut Labels,
    losses: &mut Tally,
    repairs: &mut Vec<String>,
) -> Result<Parsed, Error> {
    let placer = Placer::new(text);
    let mut spans: Vec<Span> = Vec::new();
    // brat id -> indices of the spans it became.
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    let mut later: Vec<(usize, &str)> = Vec::new();
    let ann = crate::input::strip_bom(ann);
    for (n, line) in ann.lines().enumerate() {
        let at = format!("{name} line {}", n + 1);
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        match line.as_bytes()[0] {
            b'T' => {
                let mut cols = line.splitn(3, '\t');
                let id = cols.next().unwrap_or_default();
                let (Some(kind), Some(quote)) = (cols.next(), cols.next()) else {
                    return Err(Error::new(
                        ErrorKind::Syntax,
                        format!("brat: {at}: a T line needs three tab-separated columns: {:?}", clip(line)),
                    ));
                };
                let (label, frags) = kind
                    .split_once(' ')
                    .ok_or_else(|| Error::new(ErrorKind::Syntax, format!("brat: {at}: no offsets after the type")))?;
                let mut ranges = Vec::new();
                for f in frags.split(';') {
                    let mut it = f.split_whitespace().map(str::parse::<usize>);
                    match (it.next(), it.next(), it.next()) {
                        (Some(Ok(s)), Some(Ok(e)), None) => ranges.push((s, e)),
                        _ => {
                            return Err(Error::new(
                                ErrorKind::Syntax,
                                format!("brat: {at}: bad fragment {}: expected `start end`", super::common::quote(f)),
                            ))
                        }
                    }
                }
                let placed = match place_fragments(&placer, &ranges, quote) {
                    Ok(x) => x,
                    Err(m) => {
                        losses.add(format!("{at}: {id}: {m}; span dropped"));
                        continue;
                    }
                };
                for r in placed.1 {
                    repairs.push(format!("brat: {at}: {id}: {r}"));
                }
                let parts = placed.0;
                if parts.len() > 1 {
                    losses.add(format!(
                        "discontinuous span ({} fragments with text between) split into one span per fragment",
                        parts.len()
                    ));
                }
                labels.ensure(label);
                for (k, (s, e)) in parts.into_iter().enumerate() {
                    let sid = if k == 0 { id.to_string() } else { format!("{id}#{}", k + 1) };
                    by_id.entry(id.to_string()).or_default().push(spans.len());
                    spans.push(Span::manual(sid, s..e, label));
                }
            }
            b'#' | b'A' | b'M' | b'R' => later.push((n, line)),
            b'E' => losses.add("event (E line) dropped; its trigger span kept"),
            b'*' => losses.add("equivalence (* line) dropped"),
            b'N' => losses.add("normalization (N line) dropped"),
            _ => {
                return Err(Error::new(
                    ErrorKind::Syntax,
                    format!("brat: {at}: unknown annotation line {:?}", clip(line)),
                ))
            }
        }
    }
    let mut relations = Vec::new();
    for (n, line) in later {
        let at = format!("{name} line {}", n + 1);
        if line.starts_with('R') {
            if let Some(r) = relation_line(line, &at, &by_id, labels, losses)? {
                relations.push(r);
            }
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let _id = cols.next();
        let body = cols
            .next()
            .ok_or_else(|| Error::new(ErrorKind::Syntax, format!("brat: {at}: missing the second column")))?;
        let mut words = body.split_whitespace();
        let kind = words.next().unwrap_or_default();
        let target = words
            .next()
            .ok_or_else(|| Error::new(ErrorKind::Syntax, format!("brat: {at}: no annotation id to attach to")))?;
        let Some(idx) = by_id.get(target) else {
            if target.starts_with('T') {
                return Err(Error::new(
                    ErrorKind::Invalid,
                    format!("brat: {at}: refers to {target}, which is not in the file"),
                ));
            }
            losses.add(format!(
                "{} on an event or relation dropped",
                if line.starts_with('#') { "note" } else { "attribute" }
            ));
            continue;
        };
        if line.starts_with('#') {
            let note = cols.next().unwrap_or("").to_string();
            for &i in idx {
                spans[i].note = Some(match spans[i].note.take() {
                    Some(prev) => format!("{prev}\n{note}"),
                    None => note.clone(),
                });
            }
        } else {
            let value = match words.next() {
                None => Value::Bool(true),
                Some(v) => Value::String(v.to_string()),
            };
            for &i in idx {
                spans[i].attrs.insert(kind.to_string(), value.clone());
            }
        }
    }
    Ok((spans, relations))
}

/// Reads an `R` line, `R1<TAB>type Arg1:T3 Arg2:T5<TAB>`: a relation from the first argument to the second, by
/// the span ids of their `T` lines; `None` (counted) when an argument is not a span that was kept.
fn relation_line(
    line: &str,
    at: &str,
    by_id: &HashMap<String, Vec<usize>>,
    labels: &mut Labels,
    losses: &mut Tally,
) -> Result<Option<Relation>, Error> {
    let body = line.split('\t').nth(1).unwrap_or_default();
    let mut words = body.split_whitespace();
    let ty = words.next().unwrap_or_default();
    let args: Vec<&str> = words.filter_map(|w| w.split_once(':').map(|(_, id)| id)).collect();
    let [from, to] = args.as_slice() else {
        return Err(Error::new(
            ErrorKind::Syntax,
            format!(
                "brat: {at}: an R line needs a type and two arguments (`Family Arg1:T1 Arg2:T2`): {:?}",
                clip(line)
            ),
        ));
    };
    if !by_id.contains_key(*from) || !by_id.contains_key(*to) {
        losses.add("relation to an event, a relation or a span not kept dropped");
        return Ok(None);
    }
    labels.ensure_in(ty, Scope::Relation);
    // The first fragment's span keeps the T id.
    Ok(Some(Relation::manual(*from, *to, ty)))
}

/// Code-point ranges of a T line's spans, with the repairs made to get them.
type Fragments = (Vec<(usize, usize)>, Vec<String>);

/// Places a T line's fragments; returns the resulting spans (fragments separated only by whitespace merged) and
/// the repairs made.
fn place_fragments(placer: &Placer, ranges: &[(usize, usize)], quote: &str) -> Result<Fragments, String> {
    let mut repairs = Vec::new();
    let mut chars = Vec::new();
    for &(s, e) in ranges {
        chars.push(
            placer.to_chars(s, e, Unit::CodePoint).ok_or_else(|| format!("fragment {s}..{e} is outside the text"))?,
        );
    }
    let joined: Vec<&str> = chars.iter().map(|&(s, e)| placer.slice(s, e)).collect();
    if joined.join(" ") != quote {
        if ranges.len() == 1 {
            let (s, e) = ranges[0];
            let p = placer.place(s, e, Unit::CodePoint, Some(Unit::Utf16), Some(quote))?;
            repairs.extend(p.repair);
            chars[0] = (p.start, p.end);
        } else {
            return Err(format!("text {:?} does not match the fragments ({:?})", clip(quote), clip(&joined.join(" "))));
        }
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in chars {
        let (s, e) = placer.map.snap_outward(s, e);
        match out.last_mut() {
            Some(last) if last.1 <= s && placer.slice(last.1, s).chars().all(char::is_whitespace) => last.1 = e,
            _ => out.push((s, e)),
        }
    }
    Ok((out, repairs))
}

pub(crate) fn write(docs: &[Document], labels: &[Label]) -> Export {
    let mut t = Tally::default();
    let mut files = Vec::new();
    let mut used = HashSet::new();
    let of = |scope: Scope| labels.iter().filter(move |l| l.scope == scope).map(|l| brat_type(&l.name));
    let mut types: Vec<String> = of(Scope::Span).collect();
    let mut relation_types: Vec<String> = of(Scope::Relation).collect();
    let mut attr_values: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in docs {
        let stem = file_stem(&d.id, &mut used);
        if stem != d.id {
            t.add("document id changed to fit a file name");
        }
        if d.name != format!("{stem}.txt") {
            t.add("document name dropped (the file name stands in)");
        }
        let map = OffsetMap::new(&d.text);
        let mut ann = String::new();
        let (mut a_n, mut note_n) = (0, 0);
        let kept = kept_spans(d, &mut t);
        // Span id -> T id (span ids are unique in a document; the first would win if not).
        let mut tids: HashMap<&str, String> = HashMap::new();
        for (k, s) in kept.into_iter().enumerate() {
            let tid = format!("T{}", k + 1);
            tids.entry(s.id.as_str()).or_insert_with(|| tid.clone());
            tally_span_fields(&mut t, s, &["note", "attrs"]);
            let ty = brat_type(&s.label);
            if ty != s.label {
                t.add(format!("label {:?} written as {ty:?} (brat types have no spaces)", s.label));
            }
            if !types.contains(&ty) {
                types.push(ty.clone());
            }
            let frags = fragments(&d.text, &map, s.start, s.end);
            let offs: Vec<String> = frags.iter().map(|(a, b)| format!("{a} {b}")).collect();
            let texts: Vec<&str> = frags.iter().map(|&(a, b)| map.slice(&d.text, a, b)).collect();
            if frags.len() > 1 {
                t.add("span across a line break written as brat fragments");
            }
            if frags.first().map(|f| f.0) != Some(s.start) || frags.last().map(|f| f.1) != Some(s.end) {
                t.add("line break at a span edge left out (a brat fragment cannot start or end with one)");
            }
            ann.push_str(&format!("{tid}\t{ty} {}\t{}\n", offs.join(";"), texts.join(" ")));
            if let Some(note) = &s.note {
                note_n += 1;
                let flat: String =
                    note.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect();
                if flat != *note {
                    t.add("line breaks in a note replaced by spaces");
                }
                ann.push_str(&format!("#{note_n}\tAnnotatorNotes {tid}\t{flat}\n"));
                t.add("span note kept as AnnotatorNotes");
            }
            for (key, v) in &s.attrs {
                let bad_key = key.is_empty() || key.chars().any(char::is_whitespace);
                let val = match v {
                    _ if bad_key => None,
                    Value::Bool(true) => Some(None),
                    Value::String(x) if !x.is_empty() && !x.chars().any(char::is_whitespace) => Some(Some(x.clone())),
                    Value::Number(n) => {
                        t.add(format!("attr `{key}`: number written as text"));
                        Some(Some(n.to_string()))
                    }
                    _ => None,
                };
                match val {
                    None => t.add(format!("attr `{key}` dropped ({} value brat cannot hold)", describe(v))),
                    Some(val) => {
                        a_n += 1;
                        let set = attr_values.entry(key.clone()).or_default();
                        match val {
                            None => ann.push_str(&format!("A{a_n}\t{key} {tid}\n")),
                            Some(x) => {
                                set.insert(x.clone());
                                ann.push_str(&format!("A{a_n}\t{key} {tid} {x}\n"));
                            }
                        }
                    }
                }
            }
        }
        let written: HashSet<&str> = tids.keys().copied().collect();
        for (k, r) in links::kept_relations(d, &written, &[], &mut t).into_iter().enumerate() {
            let ty = brat_type(&r.label);
            if !relation_types.contains(&ty) {
                relation_types.push(ty.clone());
            }
            ann.push_str(&format!("R{}\t{ty} Arg1:{} Arg2:{}\t\n", k + 1, tids[r.from.as_str()], tids[r.to.as_str()]));
        }
        links::categories_unsupported(d, &mut t);
        files.push((format!("{stem}.txt"), d.text.clone()));
        files.push((format!("{stem}.ann"), ann));
    }
    let mut conf = String::from("# Written by sift.\n[entities]\n");
    for ty in &types {
        conf.push_str(ty);
        conf.push('\n');
    }
    conf.push_str("\n[relations]\n<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    for ty in &relation_types {
        conf.push_str(&format!("{ty} Arg1:<ENTITY>, Arg2:<ENTITY>\n"));
    }
    conf.push_str("\n[events]\n\n[attributes]\n");
    for (k, vals) in &attr_values {
        if vals.is_empty() {
            conf.push_str(&format!("{k} Arg:<ENTITY>\n"));
        } else {
            let vs: Vec<&str> = vals.iter().map(String::as_str).collect();
            conf.push_str(&format!("{k} Arg:<ENTITY>, Value:{}\n", vs.join("|")));
        }
    }
    let mut visual = String::from("[labels]\n\n[drawing]\n");
    for l in labels.iter().filter(|l| l.scope != Scope::Document) {
        visual.push_str(&format!("{}\tbgColor:{}\n", brat_type(&l.name), l.color));
    }
    files.push(("annotation.conf".into(), conf));
    files.push(("visual.conf".into(), visual));
    Export { files, losses: t.lines("brat") }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Bool(false) => "a false",
        Value::String(_) => "a text",
        _ => super::common::json_type(v),
    }
}

/// A label as a brat type: whitespace replaced by `_`.
fn brat_type(name: &str) -> String {
    name.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect()
}

/// Splits `start..end` at line breaks, as brat does with a selection across lines; empty pieces are skipped.
fn fragments(text: &str, map: &OffsetMap, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    let mut c = start;
    for ch in map.slice(text, start, end).chars() {
        if ch == '\n' || ch == '\r' {
            if c > from {
                out.push((from, c));
            }
            from = c + 1;
        }
        c += 1;
    }
    if c > from || out.is_empty() {
        out.push((from.min(end), end));
    }
    out
}
