//! Writing `sift-annotations` without building a JSON tree: documents and spans are serialized straight from
//! borrowed views, so memory is the output itself, not a `serde_json::Value` per span (several times larger).

use crate::annotation::{Attrs, Category, Document, Label, Relation, Span};
use crate::compare::Comparisons;
use crate::text::OffsetMap;
use serde::ser::{SerializeSeq, Serializer};
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

/// One document; `name` is left out of CLI stream lines.
#[derive(Serialize)]
pub(super) struct DocOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    text: &'a str,
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
        DocOut {
            id: &d.id,
            name: with_name.then_some(d.name.as_str()),
            text: &d.text,
            spans: SpansOut { text: &d.text, map: OffsetMap::new(&d.text), spans: &d.spans },
            relations: &d.relations,
            categories: &d.categories,
            warning: None,
        }
    }

    pub(super) fn warned(self, warning: Option<&'a str>) -> DocOut<'a> {
        DocOut { warning, ..self }
    }
}

struct SpansOut<'a> {
    text: &'a str,
    map: OffsetMap,
    spans: &'a [Span],
}

impl Serialize for SpansOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.spans.len()))?;
        for sp in self.spans {
            seq.serialize_element(&SpanOut::new(self.text, &self.map, sp))?;
        }
        seq.end()
    }
}

/// A span with its derived fields (`text`, UTF-16 offsets). Offsets past the end of the text (a caller's bug)
/// are clamped for the derived fields, so that writing never panics; reading such a file back reports them.
#[derive(Serialize)]
struct SpanOut<'a> {
    id: &'a str,
    start: usize,
    end: usize,
    start_utf16: usize,
    end_utf16: usize,
    label: &'a str,
    text: &'a str,
    origin: &'static str,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "no_attrs")]
    attrs: &'a Attrs,
}

fn no_attrs(a: &&Attrs) -> bool {
    a.is_empty()
}

impl<'a> SpanOut<'a> {
    fn new(text: &'a str, map: &OffsetMap, s: &'a Span) -> SpanOut<'a> {
        let n = map.len_chars();
        let (a, b) = (s.start.min(n), s.end.min(n));
        SpanOut {
            id: &s.id,
            start: s.start,
            end: s.end,
            start_utf16: map.char_to_utf16(a),
            end_utf16: map.char_to_utf16(b),
            label: &s.label,
            text: if a <= b { map.slice(text, a, b) } else { "" },
            origin: s.origin.name(),
            status: s.status.name(),
            rule: s.rule.as_deref(),
            why: s.why.as_deref(),
            note: s.note.as_deref(),
            attrs: &s.attrs,
        }
    }
}
