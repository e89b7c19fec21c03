//! sift: find boilerplate, claims and numbers in news text, review them, and carry the annotations between tools.
//!
//! The core is pure Rust: [`analyze`] runs every detector in one pass and returns [`Span`]s whose offsets are
//! Unicode code points. [`formats`] reads and writes the interchange formats. The browser app (wasm32 only) and
//! the `sift` CLI are thin layers over this API.

#![warn(missing_docs)]

pub mod annotation;
#[cfg(not(target_arch = "wasm32"))]
pub mod batch;
pub mod detect;
pub mod formats;
pub mod input;
pub mod session;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use annotation::{Attrs, Document, Label, Origin, Span, Status};
pub use detect::{analyze, Layers};
pub use formats::{Export, Format, Import};
pub use input::{html_to_text, looks_like_html, Visible};
pub use text::{OffsetMap, TextModel};

use std::fmt;

/// Annotates `text` as a new document: one code path for the app and the CLI.
pub fn annotate(id: &str, name: &str, text: &str, layers: Layers) -> Document {
    Document { id: id.to_string(), name: name.to_string(), text: text.to_string(), spans: analyze(text, layers) }
}

/// Like [`annotate`], for an HTML page: the document's text is the page's visible text ([`html_to_text`]), and
/// the boilerplate layer also weighs what the markup says about each line (navigation, link density, headings).
pub fn annotate_html(id: &str, name: &str, html: &str, layers: Layers) -> Document {
    let visible = html_to_text(html);
    let spans = detect::analyze_visible(&visible, layers);
    Document { id: id.to_string(), name: name.to_string(), text: visible.text, spans }
}

/// An error with one readable message saying what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    msg: String,
}

impl Error {
    pub(crate) fn new(msg: impl Into<String>) -> Error {
        Error { msg: msg.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for Error {}
