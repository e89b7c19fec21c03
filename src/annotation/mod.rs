//! The annotation model: labels, spans and documents. Offsets are Unicode code points, end exclusive.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::ops::Range;

mod said_by;
mod verdict;
pub use said_by::said_by;
pub use verdict::{Verdict, EVIDENCE, VERDICT};

/// Free-form span attributes (`kind`, `value`, `source`, `cue`, `quote`, …), kept in insertion order.
pub type Attrs = Map<String, Value>;

/// The built-in label for site chrome around the article.
pub const BOILERPLATE: &str = "boilerplate";
/// The built-in label for check-worthy sentences.
pub const CLAIM: &str = "claim";
/// The built-in label for numeric expressions.
pub const NUMBER: &str = "number";
/// Built-in label: who a claim is attributed to, where the name is written (the end of a `said-by` relation).
pub const SOURCE: &str = "source";

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

impl Origin {
    /// Every origin, in the order files list them.
    pub const ALL: [Origin; 3] = [Origin::Auto, Origin::Manual, Origin::Gold];

    /// The name files use.
    pub fn name(self) -> &'static str {
        match self {
            Origin::Auto => "auto",
            Origin::Manual => "manual",
            Origin::Gold => "gold",
        }
    }

    /// The origin a file names, if it names one.
    pub fn from_name(s: &str) -> Option<Origin> {
        Origin::ALL.into_iter().find(|o| o.name() == s)
    }
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

impl Status {
    /// Every status, in the order files list them.
    pub const ALL: [Status; 3] = [Status::Suggested, Status::Accepted, Status::Rejected];

    /// The name files use.
    pub fn name(self) -> &'static str {
        match self {
            Status::Suggested => "suggested",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
        }
    }

    /// The status a file names, if it names one.
    pub fn from_name(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.name() == s)
    }
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
    /// What it marks; span labels leave it out.
    #[serde(default, skip_serializing_if = "is_span_scope")]
    pub scope: Scope,
    /// For a document label: one of a single-choice set. The document labels marked `single` exclude each other
    /// (a document gets at most one of them, "news" or "opinion"); the others combine freely (GUIDELINES.md:
    /// single or multiple choice is a property of the set).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub single: bool,
}

fn is_span_scope(s: &Scope) -> bool {
    *s == Scope::Span
}

impl Label {
    /// A span label.
    pub fn new(name: impl Into<String>, color: impl Into<String>, key: Option<String>) -> Label {
        Label { name: name.into(), color: color.into(), key, scope: Scope::Span, single: false }
    }

    /// A label for `scope` (a relation type, a document label) with no key.
    pub fn scoped(scope: Scope, name: impl Into<String>, color: impl Into<String>) -> Label {
        Label { name: name.into(), color: color.into(), key: None, scope, single: false }
    }

    /// The built-in labels with colour-blind-safe colours (Okabe–Ito palette): the three layers, keys 1–3, and
    /// the claim layer's sources (no key: 4 and on are the user's).
    pub fn builtin() -> Vec<Label> {
        let l = |name: &str, color: &str, key: &str| Label::new(name, color, Some(key.into()));
        vec![
            l(BOILERPLATE, "#999999", "1"),
            l(CLAIM, "#e69f00", "2"),
            l(NUMBER, "#0072b2", "3"),
            Label::new(SOURCE, "#cc79a7", None),
        ]
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
    let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
    [label, ":", a.format(range.start), "-", b.format(range.end)].concat()
}

/// Sorts spans by (start, end, label), the order every export uses; ties are broken by id, so that a document
/// read back from any format has its spans in the same order.
pub fn sort_spans(spans: &mut [Span]) {
    spans.sort_by(|a, b| (a.start, a.end, &a.label, &a.id).cmp(&(b.start, b.end, &b.label, &b.id)));
}

/// The built-in relation from a claim to the span naming who made it.
pub const SAID_BY: &str = "said-by";
/// The built-in relation from a number to the claim it is part of or supports.
pub const ABOUT: &str = "about";

/// What a label marks: a stretch of text (the default), a link between two spans, or a whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// A span label.
    #[default]
    Span,
    /// A relation type.
    Relation,
    /// A document label (category).
    Document,
}

/// A typed, directed link between two spans of one document, by span id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Stable identifier, unique within its document.
    pub id: String,
    /// Id of the span the relation starts at (the claim of a `said-by`).
    pub from: String,
    /// Id of the span it points to (the source of a `said-by`).
    pub to: String,
    /// Relation type.
    pub label: String,
    /// Who made it.
    #[serde(default)]
    pub origin: Origin,
    /// Review state.
    #[serde(default)]
    pub status: Status,
}

impl Relation {
    /// A relation a person made (or an imported tool's): manual, accepted, with the id [`relation_id`] gives.
    pub fn manual(from: impl Into<String>, to: impl Into<String>, label: impl Into<String>) -> Relation {
        let (from, to, label) = (from.into(), to.into(), label.into());
        Relation {
            id: relation_id(&label, &from, &to),
            from,
            to,
            label,
            origin: Origin::Manual,
            status: Status::Accepted,
        }
    }
}

/// The id of a relation made without one: `label:from>to`, stable across re-annotation as span ids are.
pub fn relation_id(label: &str, from: &str, to: &str) -> String {
    format!("{label}:{from}>{to}")
}

/// A label on a whole document (a topic, a genre, the article's overall rating).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// Label name.
    pub label: String,
    /// Who set it.
    #[serde(default)]
    pub origin: Origin,
    /// Review state.
    #[serde(default)]
    pub status: Status,
}

impl Category {
    /// A category a person set: manual, accepted.
    pub fn manual(label: impl Into<String>) -> Category {
        Category { label: label.into(), origin: Origin::Manual, status: Status::Accepted }
    }
}

/// A text with its spans, the relations between them and its document labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier.
    pub id: String,
    /// Display name (file name or first words).
    pub name: String,
    /// Where the article was published (an `http(s)` URL), when known: what a fact-check cites as where a claim
    /// appeared. Optional in files, so older files read with `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published (ISO 8601: `2024-03-23`, or with a time and offset), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The text exactly as pasted.
    pub text: String,
    /// Spans, sorted by (start, end, label).
    pub spans: Vec<Span>,
    /// Relations between the spans, in the order they were made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    /// Document labels, in the order they were set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
}

impl Document {
    /// A document with these spans, no relations and no document labels.
    pub fn new(id: impl Into<String>, name: impl Into<String>, text: impl Into<String>, spans: Vec<Span>) -> Document {
        Document {
            id: id.into(),
            name: name.into(),
            url: None,
            date: None,
            text: text.into(),
            spans,
            relations: Vec::new(),
            categories: Vec::new(),
        }
    }

    /// A document as the detectors found it: their spans and the `said-by` relations those call for, as
    /// suggestions ([`said_by`]).
    pub fn annotated(
        id: impl Into<String>,
        name: impl Into<String>,
        text: impl Into<String>,
        spans: Vec<Span>,
    ) -> Document {
        let relations = said_by(&spans, &[]);
        Document { relations, ..Document::new(id, name, text, spans) }
    }

    /// The reviewed work only, as training data wants it: accepted spans, accepted document labels, and accepted
    /// relations whose two ends are kept. Suggestions nobody looked at and rejected marks are left out.
    pub fn accepted(&self) -> Document {
        let spans: Vec<Span> = self.spans.iter().filter(|s| s.status == Status::Accepted).cloned().collect();
        let ids: std::collections::HashSet<&str> = spans.iter().map(|s| s.id.as_str()).collect();
        let kept = |id: &str| ids.contains(id);
        let relations = self
            .relations
            .iter()
            .filter(|r| r.status == Status::Accepted && kept(&r.from) && kept(&r.to))
            .cloned()
            .collect();
        let categories = self.categories.iter().filter(|c| c.status == Status::Accepted).cloned().collect();
        Document {
            id: self.id.clone(),
            name: self.name.clone(),
            url: self.url.clone(),
            date: self.date.clone(),
            text: self.text.clone(),
            spans,
            relations,
            categories,
        }
    }

    /// Spans overlapping the code-point range `r`.
    pub fn overlapping(&self, r: Range<usize>) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(move |s| s.start < r.end && r.start < s.end)
    }
}
