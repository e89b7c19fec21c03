//! W3C Web Annotation (JSON-LD), as written by Recogito, Hypothesis and annotation servers.
//!
//! ```json
//! [{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:sift:doc1:number%3A12-24", "type": "Annotation",
//!   "motivation": "tagging", "creator": {"type": "Software", "name": "sift"},
//!   "body": [{"type": "TextualBody", "purpose": "tagging", "value": "number"}],
//!   "target": {"source": "doc1.txt", "selector": [
//!     {"type": "TextQuoteSelector", "exact": "at least 115", "prefix": "… ", "suffix": " people …"},
//!     {"type": "TextPositionSelector", "start": 12, "end": 24}]}}]
//! ```
//!
//! **Unit.** The specification says code points, and sift writes code points. Recogito and Hypothesis write
//! UTF-16 units (DOM string lengths). A `TextPositionSelector` is therefore read as code points, checked against
//! the `TextQuoteSelector`, tried as UTF-16 when they disagree, and otherwise the quote is found in the text by
//! its `prefix`/`suffix`, nearest the given position. A quote that differs from the text at the position only in
//! whitespace (Recogito quotes a line break and its indentation as one space) keeps the position.
//!
//! **Files.** Annotations point into a document they do not contain, so reading needs the text files too
//! (matched to `target.source` by file name, or the only text given); the export writes each document as
//! `<id>.txt` beside `annotations.jsonld`. Accepted shapes: one annotation, an array, an `AnnotationPage`
//! (`items`), an `AnnotationCollection` (`first.items`), and a Hypothesis API result (`rows`, with `tags` and
//! `text`).
//!
//! **Bodies.** A `TextualBody` with purpose `tagging` (or `classifying`) is the label; `commenting` (or no
//! purpose) is the note; `describing` is the reason (`why`). A `Software` creator marks automatic spans.
//!
//! **Relations** are `linking` annotations whose two targets name span annotations by IRI (`{"id": …}` or the
//! bare IRI, as Recogito writes them), first to second, typed by the tagging body (`related` without one).
//! **Document labels** are annotations whose target is the whole document (a `source` without a selector), one
//! per tag; sift writes them with motivation `classifying`.
//!
//! **Lost on export:** rule, attributes, review status (automatic marks read back `suggested`, others
//! `accepted`), the `gold` origin, rejected spans, relations and document labels. **Lost on import:** bodies
//! that are bare IRIs, `RangeSelector`/`FragmentSelector` scopes, notes on a whole document, links that are not
//! between two span annotations of one document, and annotation keys such as `created`.

use super::common::{
    as_offset, clip, file_stem, finish, json_type, kept_spans, label_styles_lost, Labels, Placer, Tally, Unit,
};
use super::links;
use super::{Export, Import};
use crate::annotation::{relation_id, Attrs, Category, Document, Label, Origin, Relation, Scope, Span, Status};
use crate::text::OffsetMap;
use crate::{Error, ErrorKind};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};

/// The label given to annotations that have no tagging body.
pub(crate) const UNTAGGED: &str = "annotation";
const CONTEXT_CHARS: usize = 32;
const KNOWN_KEYS: &[&str] =
    &["@context", "id", "type", "motivation", "body", "bodyValue", "target", "creator", "tags", "text", "uri"];

pub(crate) fn read(files: &[(&str, &str)]) -> Result<Import, Error> {
    let is_json = |n: &str| n.ends_with(".json") || n.ends_with(".jsonld");
    let texts: Vec<(&str, &str)> = files.iter().copied().filter(|(n, _)| !is_json(n)).collect();
    let annos: Vec<(&str, &str)> = files.iter().copied().filter(|(n, _)| is_json(n)).collect();
    if annos.is_empty() {
        return Err(Error::new(ErrorKind::Files, "W3C Web Annotation: no .json or .jsonld annotation file given"));
    }
    if texts.is_empty() {
        return Err(Error::new(
            ErrorKind::Files,
            "W3C Web Annotation: the annotations select text in a document they do not contain: give the text file too",
        ));
    }
    let mut docs: Vec<Document> = Vec::new();
    let mut used = HashSet::new();
    for (name, text) in &texts {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
        let id = file_stem(stem, &mut used);
        docs.push(Document::new(id, base.to_string(), text.to_string(), Vec::new()));
    }
    let placers: Vec<Placer> = texts.iter().map(|(_, t)| Placer::new(t)).collect();
    let mut labels = Labels::empty();
    let mut losses = Tally::default();
    let mut repairs = Vec::new();
    let mut found = Found::default();
    for (fname, content) in annos {
        let v = super::common::parse_json(&format!("W3C Web Annotation: {fname}"), content)?;
        let list =
            annotations(&v).map_err(|e| Error::new(ErrorKind::Invalid, format!("W3C Web Annotation: {fname}: {e}")))?;
        for (i, a) in list.iter().enumerate() {
            let at = format!("{fname} [{i}]");
            annotation(a, &at, &texts, &placers, &mut docs, &mut labels, &mut losses, &mut repairs, &mut found)
                .map_err(|e| Error::new(ErrorKind::Invalid, format!("W3C Web Annotation: {at}: {e}")))?;
        }
    }
    let mut documents: Vec<Document> = docs.into_iter().map(finish).collect();
    found.link(&mut documents, &mut labels, &mut losses);
    for d in &mut documents {
        links::settle_loose(d, &mut losses);
    }
    Ok(Import { labels: labels.list, documents, losses: losses.lines("W3C"), repairs })
}

/// The annotations of any accepted container shape.
fn annotations(v: &Value) -> Result<Vec<&Value>, String> {
    Ok(match v {
        Value::Array(a) => a.iter().collect(),
        Value::Object(o) => {
            if let Some(Value::Array(rows)) = o.get("rows") {
                rows.iter().collect()
            } else if let Some(Value::Array(items)) = o.get("items") {
                items.iter().collect()
            } else if let Some(Value::Array(items)) = o.get("first").and_then(|f| f.get("items")) {
                items.iter().collect()
            } else if o.contains_key("target") {
                vec![v]
            } else {
                return Err(
                    "no annotation found (expected an Annotation, an array, `items`, `first.items` or `rows`)".into()
                );
            }
        }
        other => return Err(format!("expected JSON-LD annotations, found {}", json_type(other))),
    })
}

#[allow(clippy::too_many_arguments)]
fn annotation(
    a: &Value,
    at: &str,
    texts: &[(&str, &str)],
    placers: &[Placer],
    docs: &mut [Document],
    labels: &mut Labels,
    losses: &mut Tally,
    repairs: &mut Vec<String>,
    found: &mut Found,
) -> Result<(), String> {
    let o = a.as_object().ok_or_else(|| format!("an annotation must be an object, not {}", json_type(a)))?;
    for k in o.keys().filter(|k| !KNOWN_KEYS.contains(&k.as_str())) {
        losses.add(format!("annotation key `{k}` dropped"));
    }
    // Bodies: labels, note, reason.
    let mut tags: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut why = None;
    let bodies: Vec<&Value> = match o.get("body") {
        None | Some(Value::Null) => vec![],
        Some(Value::Array(b)) => b.iter().collect(),
        Some(b) => vec![b],
    };
    for b in bodies {
        match b {
            Value::String(_) => losses.add("body given only as an IRI dropped"),
            Value::Object(bo) => {
                let val = bo.get("value").and_then(Value::as_str);
                match (bo.get("purpose").and_then(Value::as_str), val) {
                    (Some("tagging" | "classifying"), Some(v)) => tags.push(v.to_string()),
                    (Some("describing"), Some(v)) => why = Some(v.to_string()),
                    (None | Some("commenting" | "replying"), Some(v)) => notes.push(v.to_string()),
                    (Some(p), _) => losses.add(format!("body with purpose `{p}` dropped")),
                    (None, None) => losses.add("body without a value dropped"),
                }
            }
            _ => losses.add("body of an unknown shape dropped"),
        }
    }
    if let Some(Value::String(v)) = o.get("bodyValue") {
        notes.push(v.clone());
    }
    if let Some(Value::Array(ts)) = o.get("tags") {
        tags.extend(ts.iter().filter_map(Value::as_str).map(str::to_string));
    }
    if let Some(Value::String(t)) = o.get("text") {
        if !t.is_empty() {
            notes.push(t.clone());
        }
    }
    let linking = o.get("motivation").and_then(Value::as_str) == Some("linking");
    let untagged = tags.is_empty();
    let origin = match o.get("creator").and_then(|c| c.get("type")).and_then(Value::as_str) {
        Some("Software") => Origin::Auto,
        _ => Origin::Manual,
    };
    let status = if origin == Origin::Auto { Status::Suggested } else { Status::Accepted };
    let (doc_id, base_id) = match o.get("id").and_then(Value::as_str) {
        Some(id) => match id.strip_prefix("urn:sift:").and_then(|r| r.split_once(':')) {
            Some((d, s)) => (Some(pct_decode(d)), pct_decode(s)),
            None => (None, id.to_string()),
        },
        None => (None, String::new()),
    };
    let targets: Vec<&Value> = match o.get("target") {
        Some(Value::Array(t)) => t.iter().collect(),
        Some(t) => vec![t],
        None => return Err("`target` is missing".into()),
    };
    if linking {
        let targets = targets.iter().map(|t| iri(t).map(str::to_string)).collect();
        found.links.push(Link { id: base_id, targets, tags, origin, status });
        return Ok(());
    }
    if untagged {
        losses.add(format!("annotation without a tag labelled `{UNTAGGED}`"));
        tags.push(UNTAGGED.to_string());
    }
    let uri = o.get("uri").and_then(Value::as_str);
    let annotation_iri = o.get("id").and_then(Value::as_str);
    for (ti, t) in targets.iter().enumerate() {
        let tp = if targets.len() > 1 { format!("target[{ti}]") } else { "target".into() };
        let source = t.get("source").and_then(Value::as_str).or(uri).or_else(|| t.as_str());
        let Some(d) = pick_document(source, texts) else {
            return Err(format!(
                "{tp}: no text file matches source {:?}; give its text as a file with that name",
                source.unwrap_or("")
            ));
        };
        if let Some(did) = &doc_id {
            // sift's own export names the document in the annotation id; take it back.
            if docs[d].spans.is_empty() && docs[d].categories.is_empty() && !docs.iter().any(|x| &x.id == did) {
                docs[d].id = did.clone();
            }
        }
        let mut pos = None;
        let mut quote = None;
        collect_selectors(t.get("selector"), &mut pos, &mut quote);
        if pos.is_none() && quote.is_none() && t.get("selector").is_none() {
            // The whole document is the target: its tags are document labels.
            if untagged {
                losses.add("note on a whole document (no selector) dropped");
                continue;
            }
            for tag in &tags {
                labels.ensure_in(tag, Scope::Document);
                docs[d].categories.push(Category { label: tag.clone(), origin, status });
            }
            if !notes.is_empty() || why.is_some() {
                losses.add("note on a whole document (no selector) dropped");
            }
            continue;
        }
        let placed = match place(&placers[d], pos, quote.as_ref()) {
            Ok(p) => p,
            Err(m) => {
                losses.add(format!("{at}.{tp}: {m}; annotation dropped"));
                continue;
            }
        };
        if let Some(r) = placed.2 {
            repairs.push(format!("W3C: {at}.{tp}: {r}"));
        }
        if let (0, Some(a), false) = (ti, annotation_iri, base_id.is_empty()) {
            found.iris.insert(a.to_string(), (d, base_id.clone()));
        }
        for (k, tag) in tags.iter().enumerate() {
            labels.ensure(tag);
            let mut id = base_id.clone();
            if !id.is_empty() && (k > 0 || ti > 0) {
                id = format!("{id}#{}", k + 1 + ti * tags.len());
            }
            docs[d].spans.push(Span {
                id,
                start: placed.0,
                end: placed.1,
                label: tag.clone(),
                origin,
                status,
                rule: None,
                why: why.clone(),
                note: (!notes.is_empty()).then(|| notes.join("\n")),
                attrs: Attrs::new(),
            });
        }
    }
    Ok(())
}

/// What linking annotations need once every annotation is read: the spans by annotation IRI, and the links.
#[derive(Default)]
struct Found {
    /// Annotation IRI → (document index, id of its first span).
    iris: HashMap<String, (usize, String)>,
    links: Vec<Link>,
}

/// A linking annotation waiting for its targets: the annotations it relates, first to second.
struct Link {
    id: String,
    targets: Vec<Option<String>>,
    tags: Vec<String>,
    origin: Origin,
    status: Status,
}

impl Found {
    /// Turns each link between two span annotations of one document into a relation (typed by its tag, or
    /// `related`); counts the rest.
    fn link(self, docs: &mut [Document], labels: &mut Labels, losses: &mut Tally) {
        for l in self.links {
            let ends: Vec<Option<&(usize, String)>> =
                l.targets.iter().map(|t| t.as_ref().and_then(|t| self.iris.get(t))).collect();
            let (from, to) = match ends.as_slice() {
                [Some(a), Some(b)] if a.0 == b.0 => (a, b),
                [Some(_), Some(_)] => {
                    losses.add("linking annotation across documents dropped");
                    continue;
                }
                [_, _] => {
                    losses.add("linking annotation to something that is not a span dropped");
                    continue;
                }
                _ => {
                    losses.add("linking annotation without exactly two targets dropped");
                    continue;
                }
            };
            let mut tags = l.tags;
            if tags.len() > 1 {
                losses.add("linking annotation with several tags: the first kept");
            }
            let label = if tags.is_empty() { links::UNTYPED.to_string() } else { tags.swap_remove(0) };
            labels.ensure_in(&label, Scope::Relation);
            let id = if l.id.is_empty() { relation_id(&label, &from.1, &to.1) } else { l.id };
            let r = Relation { id, from: from.1.clone(), to: to.1.clone(), label, origin: l.origin, status: l.status };
            docs[from.0].relations.push(r);
        }
    }
}

/// The IRI a target names: the target itself as a string, or its `id`.
fn iri(t: &Value) -> Option<&str> {
    t.as_str().or_else(|| t.get("id").and_then(Value::as_str))
}

/// Which text a target's `source` means: the only one given, or the one whose file name ends its IRI.
fn pick_document(source: Option<&str>, texts: &[(&str, &str)]) -> Option<usize> {
    if texts.len() == 1 {
        return Some(0);
    }
    let src = source?;
    let last = src.split(['#', '?']).next().unwrap_or(src).rsplit('/').next().unwrap_or(src);
    texts.iter().position(|(n, _)| {
        let base = n.rsplit(['/', '\\']).next().unwrap_or(n);
        let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
        *n == src || base == last || stem == last
    })
}

struct Quote {
    exact: String,
    prefix: String,
    suffix: String,
}

fn collect_selectors(sel: Option<&Value>, pos: &mut Option<(usize, usize)>, quote: &mut Option<Quote>) {
    let list: Vec<&Value> = match sel {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(s @ Value::Object(_)) => vec![s],
        _ => return,
    };
    for s in list {
        let str_of = |k: &str| s.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        match s.get("type").and_then(Value::as_str) {
            Some("TextPositionSelector") => {
                if let (Some(a), Some(b)) = (s.get("start").and_then(as_offset), s.get("end").and_then(as_offset)) {
                    *pos = Some((a, b));
                }
            }
            Some("TextQuoteSelector") => {
                *quote = Some(Quote { exact: str_of("exact"), prefix: str_of("prefix"), suffix: str_of("suffix") })
            }
            _ => {}
        }
        collect_selectors(s.get("refinedBy"), pos, quote);
    }
}

/// Places a target from its position and quote selectors; returns (start, end, repair).
fn place(
    p: &Placer,
    pos: Option<(usize, usize)>,
    quote: Option<&Quote>,
) -> Result<(usize, usize, Option<String>), String> {
    let exact = quote.map(|q| q.exact.as_str());
    if let Some((s, e)) = pos {
        for (unit, name) in [(Unit::CodePoint, None), (Unit::Utf16, Some("read as UTF-16 units (not code points)"))] {
            if let Some((a, b)) = p.to_chars(s, e, unit) {
                if exact.is_none_or(|q| p.slice(a, b) == q) {
                    let (ga, gb) = p.map.snap_outward(a, b);
                    let mut rep = name.map(|n| format!("position {s}..{e} {n}"));
                    if (ga, gb) != (a, b) {
                        rep = Some(format!("edges {a}..{b} widened to {ga}..{gb} to keep grapheme clusters whole"));
                    }
                    return Ok((ga, gb, rep));
                }
            }
        }
    }
    if let (Some((s, e)), Some(q)) = (pos, exact) {
        for unit in [Unit::CodePoint, Unit::Utf16] {
            if let Some((a, b)) =
                p.to_chars(s, e, unit).filter(|&(a, b)| super::common::same_but_whitespace(p.slice(a, b), q))
            {
                let (ga, gb) = p.map.snap_outward(a, b);
                return Ok((
                    ga,
                    gb,
                    Some(format!("position {s}..{e} kept: the text there differs from the quote only in whitespace")),
                ));
            }
        }
    }
    let Some(q) = quote else {
        let (s, e) = pos.ok_or("no TextPositionSelector or TextQuoteSelector")?;
        return Err(format!("position {s}..{e} is outside the text"));
    };
    let near = pos.and_then(|(s, _)| p.to_chars(s, s, Unit::CodePoint).map(|x| x.0)).or(pos.map(|x| x.0));
    let (a, b) = p.find_quote(&q.exact, &q.prefix, &q.suffix, near)?;
    let rep = match pos {
        Some((s, e)) => {
            format!("position {s}..{e} disagrees with the quote {:?}; placed at {a}..{b} by the quote", clip(&q.exact))
        }
        None => format!("placed at {a}..{b} by the quote {:?}", clip(&q.exact)),
    };
    Ok((a, b, Some(rep)))
}

pub(crate) fn write(docs: &[Document], labels: &[Label]) -> Export {
    let mut t = Tally::default();
    let mut used = HashSet::new();
    let mut files = Vec::new();
    let mut out = Vec::new();
    for d in docs {
        let stem = file_stem(&d.id, &mut used);
        let source = format!("{stem}.txt");
        if d.name != source {
            t.add("document name dropped (the text file name stands in)");
        }
        let map = OffsetMap::new(&d.text);
        let kept = kept_spans(d, &mut t);
        let urn = |id: &str| format!("urn:sift:{}:{}", pct_encode(&d.id), pct_encode(id));
        let written: HashSet<&str> = kept.iter().map(|s| s.id.as_str()).collect();
        let relations = links::kept_relations(d, &written, &["id", "review"], &mut t);
        let categories = links::kept_categories(d, true, &mut t);
        if kept.is_empty() && stem != d.id {
            t.add("id of a document without annotations changed to fit a file name");
        }
        for s in kept {
            if s.rule.is_some() {
                t.add("rule dropped");
            }
            for k in s.attrs.keys() {
                t.add(format!("attr `{k}` dropped"));
            }
            review_lost(&mut t, "spans", s.origin, s.status);
            let (sb, eb) = (map.char_to_byte(s.start), map.char_to_byte(s.end));
            let before = map.char_to_byte(s.start.saturating_sub(CONTEXT_CHARS));
            let after = map.char_to_byte((s.end + CONTEXT_CHARS).min(map.len_chars()));
            let mut body = vec![json!({"type": "TextualBody", "purpose": "tagging", "value": s.label})];
            if let Some(n) = &s.note {
                body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": n}));
            }
            if let Some(w) = &s.why {
                body.push(json!({"type": "TextualBody", "purpose": "describing", "value": w}));
            }
            let mut a = json!({
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": urn(&s.id),
                "type": "Annotation",
                "motivation": "tagging",
                "body": body,
                "target": {"source": source, "selector": [
                    {"type": "TextQuoteSelector", "exact": sub(&d.text, sb..eb), "prefix": sub(&d.text, before..sb), "suffix": sub(&d.text, eb..after)},
                    {"type": "TextPositionSelector", "start": s.start, "end": s.end},
                ]},
            });
            if s.origin == Origin::Auto {
                a["creator"] = json!({"type": "Software", "name": "sift"});
            }
            out.push(a);
        }
        for r in relations {
            review_lost(&mut t, "relations", r.origin, r.status);
            let body = json!([{"type": "TextualBody", "purpose": "tagging", "value": r.label}]);
            let target = json!([{"id": urn(&r.from)}, {"id": urn(&r.to)}]);
            out.push(whole(&urn(&r.id), "linking", body, target, r.origin));
        }
        for c in categories {
            review_lost(&mut t, "document labels", c.origin, c.status);
            let body = json!([{"type": "TextualBody", "purpose": "classifying", "value": c.label}]);
            let id = urn(&format!("category:{}", c.label));
            out.push(whole(&id, "classifying", body, json!({"source": source}), c.origin));
        }
        files.push((source, d.text.clone()));
    }
    let mut body = serde_json::to_string_pretty(&Value::Array(out)).expect("JSON values serialize");
    body.push('\n');
    files.insert(0, ("annotations.jsonld".into(), body));
    Export { files, losses: t.lines("W3C").into_iter().chain(label_styles_lost("W3C", labels)).collect() }
}

/// An annotation without selectors: a link between annotations, or a label on a whole document.
fn whole(id: &str, motivation: &str, body: Value, target: Value, origin: Origin) -> Value {
    let mut a = json!({"@context": "http://www.w3.org/ns/anno.jsonld", "id": id, "type": "Annotation",
                       "motivation": motivation, "body": body, "target": target});
    if origin == Origin::Auto {
        a["creator"] = json!({"type": "Software", "name": "sift"});
    }
    a
}

/// Counts the review state W3C cannot carry: a `Software` creator is all it says (automatic marks read back
/// suggested, others accepted).
fn review_lost(t: &mut Tally, what: &str, origin: Origin, status: Status) {
    match (origin, status) {
        (Origin::Gold, _) => t.add(format!("origin `gold` of {what} dropped (reads back as manual)")),
        (Origin::Auto, Status::Accepted) => {
            t.add(format!("status `accepted` of automatic {what} dropped (reads back suggested)"))
        }
        (Origin::Manual, Status::Suggested) => {
            t.add(format!("status `suggested` of manual {what} dropped (reads back accepted)"))
        }
        _ => {}
    }
}

/// Percent-encodes everything but unreserved characters, so that ids fit in a URN and `:` separates parts.
fn pct_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn pct_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit() {
            let hex = |c: u8| (c as char).to_digit(16).expect("checked hex digit") as u8;
            out.push(hex(b[i + 1]) * 16 + hex(b[i + 2]));
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `text[bytes]`, or empty off a char boundary (the offset map gives boundaries; this keeps a bug from panicking).
fn sub(text: &str, bytes: std::ops::Range<usize>) -> &str {
    text.get(bytes).unwrap_or_default()
}
