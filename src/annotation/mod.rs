//! The annotation model: labels, spans and documents. Offsets are Unicode code points, end exclusive.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::ops::Range;

/// Free-form span attributes (`kind`, `value`, `source`, `cue`, `quote`, …), kept in insertion order.
pub type Attrs = Map<String, Value>;

/// The built-in label for site chrome around the article.
pub const BOILERPLATE: &str = "boilerplate";
/// The built-in label for check-worthy sentences.
pub const CLAIM: &str = "claim";
/// The built-in label for numeric expressions.
pub const NUMBER: &str = "number";

/// Who made a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A detector suggested it.
    #[default]
    Auto,
    /// A person tagged it.
    Manual,
    /// Reference annotation, e.g. from a gold file.
    Gold,
}

/// Where a span stands in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not reviewed yet.
    #[default]
    Suggested,
    /// Confirmed by a reviewer (manual spans are accepted when made).
    Accepted,
    /// Refused by a reviewer; kept so that re-annotation does not bring it back.
    Rejected,
}

/// A label a span can carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// Unique name, as written into exports.
    pub name: String,
    /// CSS colour, `#rrggbb`.
    pub color: String,
    /// Keyboard shortcut, one character ("1"–"9"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Label {
    /// The three built-in labels with colour-blind-safe colours (Okabe–Ito palette).
    pub fn builtin() -> Vec<Label> {
        let l = |name: &str, color: &str, key: &str| Label {
            name: name.into(),
            color: color.into(),
            key: Some(key.into()),
        };
        vec![l(BOILERPLATE, "#999999", "1"), l(CLAIM, "#e69f00", "2"), l(NUMBER, "#0072b2", "3")]
    }
}

/// One annotated span of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// Stable identifier, unique within its document.
    pub id: String,
    /// Start, in code points (inclusive).
    pub start: usize,
    /// End, in code points (exclusive).
    pub end: usize,
    /// Label name.
    pub label: String,
    /// Who made it.
    #[serde(default)]
    pub origin: Origin,
    /// Review state.
    #[serde(default)]
    pub status: Status,
    /// For automatic spans: the stable id of the rule that fired, e.g. `number.bound`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// For automatic spans: one readable sentence saying why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// A reviewer's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Label-specific attributes.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub attrs: Attrs,
}

impl Span {
    /// An automatic suggestion; its id is derived from label and offsets, so re-annotation gives the same id.
    pub fn auto(range: Range<usize>, label: &str, rule: &str, why: impl Into<String>) -> Span {
        Span {
            id: auto_id(label, &range),
            start: range.start,
            end: range.end,
            label: label.to_string(),
            origin: Origin::Auto,
            status: Status::Suggested,
            rule: Some(rule.to_string()),
            why: Some(why.into()),
            note: None,
            attrs: Attrs::new(),
        }
    }

    /// A span a person made (or an imported tool's annotation): manual, accepted, no rule.
    pub fn manual(id: impl Into<String>, range: Range<usize>, label: impl Into<String>) -> Span {
        Span {
            id: id.into(),
            start: range.start,
            end: range.end,
            label: label.into(),
            origin: Origin::Manual,
            status: Status::Accepted,
            rule: None,
            why: None,
            note: None,
            attrs: Attrs::new(),
        }
    }

    /// Adds an attribute (builder style).
    pub fn with_attr(mut self, key: &str, value: impl Into<Value>) -> Span {
        self.attrs.insert(key.to_string(), value.into());
        self
    }

    /// The code-point range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the two spans share at least one code point.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The id of an automatic span: `label:start-end`.
pub fn auto_id(label: &str, range: &Range<usize>) -> String {
    format!("{label}:{}-{}", range.start, range.end)
}

/// Sorts spans by (start, end, label), the order every export uses; ties are broken by id, so that a document
/// read back from any format has its spans in the same order.
pub fn sort_spans(spans: &mut [Span]) {
    spans.sort_by(|a, b| (a.start, a.end, &a.label, &a.id).cmp(&(b.start, b.end, &b.label, &b.id)));
}

/// A text with its spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier.
    pub id: String,
    /// Display name (file name or first words).
    pub name: String,
    /// The text exactly as pasted.
    pub text: String,
    /// Spans, sorted by (start, end, label).
    pub spans: Vec<Span>,
}

impl Document {
    /// Spans overlapping the code-point range `r`.
    pub fn overlapping(&self, r: Range<usize>) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(move |s| s.start < r.end && r.start < s.end)
    }
}
