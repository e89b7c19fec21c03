//! Writing `sift-annotations` without building a JSON tree: documents and spans are serialized straight from
//! borrowed views, so memory is the output itself, not a `serde_json::Value` per span (several times larger).

use super::common::quote;
use crate::annotation::{Category, Document, Label, Relation, Span};
use crate::compare::Comparisons;
use crate::text::OffsetMap;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

/// The whole file: header, labels and documents.
#[derive(Serialize)]
pub(super) struct FileOut<'a> {
    pub format: &'static str,
    pub version: u64,
    pub labels: &'a [Label],
    #[serde(serialize_with = "docs")]
    pub documents: &'a [Document],
    /// The user's decisions on a comparison of the documents, when there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparisons: Option<&'a Comparisons>,
}

/// The JSONL header line.
#[derive(Serialize)]
pub(super) struct HeaderOut<'a> {
    pub format: &'static str,
    pub version: u64,
    pub labels: &'a [Label],
}

fn docs<S: Serializer>(docs: &&[Document], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(docs.len()))?;
    for d in *docs {
        seq.serialize_element(&DocOut::new(d, true))?;
    }
    seq.end()
}

/// One document; `name` is left out of CLI stream lines, and a stream can leave out more ([`Fields`]).
#[derive(Serialize)]
pub(super) struct DocOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    spans: SpansOut<'a>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    relations: &'a [Relation],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    categories: &'a [Category],
    /// What the stream says about a cut document (the span limit), on its own line.
    #[serde(skip_serializing_if = "Option::is_none")]
    warning: Option<&'a str>,
}

impl<'a> DocOut<'a> {
    pub(super) fn new(d: &'a Document, with_name: bool) -> DocOut<'a> {
        DocOut::with_fields(d, with_name, Fields::ALL)
    }

    /// A CLI stream line: no `name`, the `fields` chosen, and the span limit's `warning` when there is one.
    pub(super) fn stream(d: &'a Document, warning: Option<&'a str>, fields: Fields) -> DocOut<'a> {
        DocOut { warning, ..DocOut::with_fields(d, false, fields) }
    }

    fn with_fields(d: &'a Document, with_name: bool, fields: Fields) -> DocOut<'a> {
        DocOut {
            id: &d.id,
            name: with_name.then_some(d.name.as_str()),
            url: d.url.as_deref(),
            date: d.date.as_deref(),
            text: fields.has(Fields::DOC_TEXT).then_some(d.text.as_str()),
            spans: SpansOut { text: &d.text, map: OffsetMap::new(&d.text), spans: &d.spans, fields },
            relations: if fields.has(Fields::DOC_RELATIONS) { &d.relations } else { &[] },
            categories: if fields.has(Fields::DOC_CATEGORIES) { &d.categories } else { &[] },
            warning: None,
        }
    }
}

struct SpansOut<'a> {
    text: &'a str,
    map: OffsetMap,
    spans: &'a [Span],
    fields: Fields,
}

impl Serialize for SpansOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.spans.len()))?;
        for sp in self.spans {
            seq.serialize_element(&SpanOut { text: self.text, map: &self.map, span: sp, fields: self.fields })?;
        }
        seq.end()
    }
}

/// A span with its derived fields (`text`, UTF-16 offsets), written field by field from the borrowed span: nothing
/// is allocated per span. Offsets past the end of the text (a caller's bug) are clamped for the derived fields, so
/// that writing never panics; reading such a file back reports them.
struct SpanOut<'a> {
    text: &'a str,
    map: &'a OffsetMap,
    span: &'a Span,
    fields: Fields,
}

impl Serialize for SpanOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (sp, map, f) = (self.span, self.map, self.fields);
        let n = map.len_chars();
        let (a, b) = (sp.start.min(n), sp.end.min(n));
        // A map of unknown length writes exactly what a derived struct writes, without counting the fields first.
        let mut m = s.serialize_map(None)?;
        if f.has(Fields::ID) {
            m.serialize_entry("id", &sp.id)?;
        }
        if f.has(Fields::START) {
            m.serialize_entry("start", &sp.start)?;
        }
        if f.has(Fields::END) {
            m.serialize_entry("end", &sp.end)?;
        }
        if f.has(Fields::START_UTF16) {
            m.serialize_entry("start_utf16", &map.char_to_utf16(a))?;
        }
        if f.has(Fields::END_UTF16) {
            m.serialize_entry("end_utf16", &map.char_to_utf16(b))?;
        }
        if f.has(Fields::LABEL) {
            m.serialize_entry("label", &sp.label)?;
        }
        if f.has(Fields::TEXT) {
            m.serialize_entry("text", if a <= b { map.slice(self.text, a, b) } else { "" })?;
        }
        if f.has(Fields::ORIGIN) {
            m.serialize_entry("origin", sp.origin.name())?;
        }
        if f.has(Fields::STATUS) {
            m.serialize_entry("status", sp.status.name())?;
        }
        for (field, key, value) in
            [(Fields::RULE, "rule", &sp.rule), (Fields::WHY, "why", &sp.why), (Fields::NOTE, "note", &sp.note)]
        {
            if let (true, Some(v)) = (f.has(field), value) {
                m.serialize_entry(key, v)?;
            }
        }
        if f.has(Fields::ATTRS) && !sp.attrs.is_empty() {
            m.serialize_entry("attrs", &sp.attrs)?;
        }
        m.end()
    }
}

/// Which fields a CLI stream line keeps (`sift annotate --jsonl --fields`): batch users who only need offsets and
/// labels leave out the `why` sentences and the echoed text, most of the output's size. The document's `id`, its
/// `spans` list and a `warning` are always written; the order of the fields never changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields(u16);

impl Fields {
    const ID: Fields = Fields(1);
    const START: Fields = Fields(1 << 1);
    const END: Fields = Fields(1 << 2);
    const START_UTF16: Fields = Fields(1 << 3);
    const END_UTF16: Fields = Fields(1 << 4);
    const LABEL: Fields = Fields(1 << 5);
    const TEXT: Fields = Fields(1 << 6);
    const ORIGIN: Fields = Fields(1 << 7);
    const STATUS: Fields = Fields(1 << 8);
    const RULE: Fields = Fields(1 << 9);
    const WHY: Fields = Fields(1 << 10);
    const NOTE: Fields = Fields(1 << 11);
    const ATTRS: Fields = Fields(1 << 12);
    const DOC_TEXT: Fields = Fields(1 << 13);
    const DOC_RELATIONS: Fields = Fields(1 << 14);
    const DOC_CATEGORIES: Fields = Fields(1 << 15);
    const SPAN: Fields = Fields((1 << 13) - 1);

    /// Every field: what `sift annotate --jsonl` writes by default.
    pub const ALL: Fields = Fields(u16::MAX);
    /// `--compact`: everything but the spans' `rule` and `why` and the document's `text`.
    pub const COMPACT: Fields = Fields(Fields::ALL.0 & !(Fields::RULE.0 | Fields::WHY.0 | Fields::DOC_TEXT.0));

    /// The names `--fields` takes, in output order: span fields bare, document fields after `doc.`.
    pub const NAMES: [(&'static str, Fields); 16] = [
        ("id", Fields::ID),
        ("start", Fields::START),
        ("end", Fields::END),
        ("start_utf16", Fields::START_UTF16),
        ("end_utf16", Fields::END_UTF16),
        ("label", Fields::LABEL),
        ("text", Fields::TEXT),
        ("origin", Fields::ORIGIN),
        ("status", Fields::STATUS),
        ("rule", Fields::RULE),
        ("why", Fields::WHY),
        ("note", Fields::NOTE),
        ("attrs", Fields::ATTRS),
        ("doc.text", Fields::DOC_TEXT),
        ("doc.relations", Fields::DOC_RELATIONS),
        ("doc.categories", Fields::DOC_CATEGORIES),
    ];

    /// Reads a comma-separated list of [`Fields::NAMES`], e.g. `start,end,label,attrs`.
    pub fn parse(list: &str) -> Result<Fields, String> {
        let mut fields = Fields(0);
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match Fields::NAMES.iter().find(|(n, _)| *n == name) {
                Some((_, f)) => fields.0 |= f.0,
                None => {
                    let names: Vec<&str> = Fields::NAMES.iter().map(|(n, _)| *n).collect();
                    return Err(format!("unknown field {}: the fields are {}", quote(name), names.join(", ")));
                }
            }
        }
        if fields.0 & Fields::SPAN.0 == 0 {
            return Err("name at least one span field (e.g. start,end,label)".into());
        }
        // Relations name their spans by id: without it they point at nothing in the output.
        if fields.has(Fields::DOC_RELATIONS) && !fields.has(Fields::ID) {
            return Err("doc.relations refer to spans by id: add the field id".into());
        }
        Ok(fields)
    }

    fn has(self, f: Fields) -> bool {
        self.0 & f.0 != 0
    }
}
