//! sift: find boilerplate, claims and numbers in news text, review them, and carry the annotations between tools.
//!
//! The core is pure Rust: [`analyze`] runs every detector in one pass and returns [`Span`]s whose offsets are
//! Unicode code points, each automatic span saying which `rule` fired and `why`. [`input`] is the one front door
//! for what users bring (files, pastes, JSONL records, HTML pages); [`formats`] reads and writes the interchange
//! formats. The browser app (wasm32 only) and the `sift` CLI are thin layers over this API.
//!
//! # Example: annotate a sentence
//!
//! A number span carries its normalized value in `attrs`; a bound such as "at least" is kept apart from the
//! figure.
//!
//! ```
//! use sift::{annotate, Layers};
//! use sift::text::slice_chars;
//!
//! let doc = annotate("d1", "wire.txt", "At least 133 people were killed in the attack, officials said.", Layers::ALL);
//! let number = doc.spans.iter().find(|s| s.label == "number").expect("a number span");
//! assert_eq!(slice_chars(&doc.text, number.start, number.end), Some("At least 133"));
//! assert_eq!(number.attrs["value"], 133);
//! assert_eq!(number.attrs["bound"], "min");
//! assert_eq!(number.rule.as_deref(), Some("number.bound"));
//!
//! // The same sentence is a check-worthy claim, attributed to its source.
//! let claim = doc.spans.iter().find(|s| s.label == "claim").expect("a claim span");
//! assert_eq!(claim.attrs["source"], "officials");
//! ```
//!
//! # Example: convert between formats
//!
//! doccano counts offsets in UTF-16 units, brat in code points: the conversion moves the offsets, and says what
//! the target format could not carry.
//!
//! ```
//! use sift::formats::{read, write, Format};
//!
//! let doccano = r#"{"text": "Kyiv 🇺🇦: prices rose 3.2% in March.", "label": [[23, 27, "PERCENT"]]}"#;
//! let import = read(Format::Doccano, doccano)?;
//! let export = write(Format::Brat, &import.documents, &import.labels);
//! let ann = &export.files.iter().find(|(name, _)| name.ends_with(".ann")).expect("an .ann file").1;
//! assert_eq!(ann.trim(), "T1\tPERCENT 21 25\t3.2%");
//! # Ok::<(), sift::Error>(())
//! ```
//!
//! # Errors
//!
//! Every refusal is an [`Error`] with one readable message (what is wrong and where) and an [`ErrorKind`] to
//! branch on.

#![deny(missing_docs)]
// User text is sliced by byte offsets, and a slice off a char boundary panics: every str slice uses `get` or a
// helper that cannot panic.
#![warn(clippy::string_slice)]

pub mod agree;
pub mod annotation;
#[cfg(not(target_arch = "wasm32"))]
pub mod batch;
pub mod compare;
pub mod detect;
pub mod formats;
pub mod input;
#[cfg(feature = "precise")]
pub mod precise;
pub mod session;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use annotation::{Attrs, Category, Document, Label, Origin, Relation, Scope, Span, Status, Verdict};
pub use detect::{analyze, Layers};
pub use formats::{Export, Format, Import};
pub use input::{html_to_text, looks_like_html, Source, Visible};
pub use text::{OffsetMap, TextModel};

use std::fmt;

/// Annotates `text` as a new document (plain text, as it is): [`Source::plain`] then [`Source::annotate`].
pub fn annotate(id: &str, name: &str, text: &str, layers: Layers) -> Document {
    Source::plain(text).annotate(id, name, layers)
}

/// Like [`annotate`], for an HTML page: the document's text is the page's visible text ([`html_to_text`]), and
/// the boilerplate layer also weighs what the markup says about each line. [`Source::from_html`] then
/// [`Source::annotate`].
pub fn annotate_html(id: &str, name: &str, html: &str, layers: Layers) -> Document {
    Source::from_html(html).annotate(id, name, layers)
}

/// An error with one readable message saying what is wrong and where, and a [`kind`](Error::kind) for code that
/// must tell errors apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    msg: String,
}

/// What went wrong, broadly, for code that must tell errors apart (the message says exactly what and where).
/// More kinds may come, so a `match` needs a `_` arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input does not parse: not JSON, or not the line structure of its format (brat, CoNLL).
    Syntax,
    /// Well-formed input that breaks the rules of its format or record: a missing or mistyped field, an offset
    /// outside the text, a reference to an id that is not there, an id used twice.
    Invalid,
    /// A version of the format this sift does not read, or a format sift only writes (ClaimReview).
    Unsupported,
    /// The files given do not fit a multi-file format: a missing companion file, a file of the wrong type.
    Files,
    /// A format name that is not one of [`Format::ALL`].
    UnknownFormat,
    /// A layer name that is not one of [`Layers`]' (`boilerplate`, `claim`, `number`).
    UnknownLayer,
    /// Bytes that are not UTF-8 text (UTF-16, Latin-1, …): convert them first.
    Encoding,
    /// Bytes that are not text at all (they hold NUL bytes).
    Binary,
    /// A model file (`--claims-model`) that is not one, is damaged, or does not fit this sift.
    Model,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, msg: impl Into<String>) -> Error {
        Error { kind, msg: bounded(msg.into()) }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

/// Longest line of a message, in characters: readers quote at most ~80 characters of a value
/// (`formats::common::clip`); this guards any path that forgot, so no input can make a message huge.
const MAX_MESSAGE_LINE: usize = 400;

fn bounded(msg: String) -> String {
    if msg.lines().all(|l| l.len() <= MAX_MESSAGE_LINE) {
        return msg;
    }
    let lines: Vec<String> = msg
        .lines()
        .map(|l| match l.char_indices().nth(MAX_MESSAGE_LINE) {
            Some((b, _)) => format!("{}…", l.get(..b).unwrap_or_default()),
            None => l.to_string(),
        })
        .collect();
    lines.join("\n")
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for Error {}
