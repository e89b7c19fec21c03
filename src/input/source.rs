//! The one front door for input: whatever arrives (a file's bytes with its name or media type, a paste, a JSONL
//! record, a stored document) becomes a [`Source`], the text to annotate plus, when it came from HTML, the markup
//! facts the boilerplate layer weighs. The CLI, the batch stream and the app all come in here, so a document reads
//! the same way whichever door it used, and a stored HTML document re-annotates with the same facts
//! ([`Source::rebuild`]).

use super::{html_to_text, looks_like_html, strip_bom, LineFacts, Visible};
use crate::annotation::{Document, Span};
use crate::detect::{self, Layers};
use crate::formats::json_type;
use crate::{Error, ErrorKind};
use serde_json::{Map, Value};

/// What a piece of input is, as far as reading it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text (or Markdown): annotated as it is.
    Text,
    /// An HTML page: annotated as its visible text, its markup informing the boilerplate layer.
    Html,
}

/// Decides how to read `content`: an explicit media type wins (`text/html`, `application/xhtml+xml` are HTML;
/// `text/plain`, `text/markdown` are text; parameters such as `; charset=utf-8` are ignored), then the name's
/// extension (`.html`, `.htm`, `.xhtml`), then the content itself ([`looks_like_html`]): a `.txt` file holding a
/// saved page is still a page.
pub fn kind_of(name: &str, media: Option<&str>, content: &str) -> Kind {
    let media = media.map(|m| m.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
    match media.as_deref() {
        Some("text/html" | "application/xhtml+xml") => return Kind::Html,
        Some("text/plain" | "text/markdown" | "text/x-markdown") => return Kind::Text,
        _ => {}
    }
    let ext = name.rsplit(['/', '\\']).next().and_then(|base| base.rsplit_once('.')).map(|(_, e)| e);
    if ext.is_some_and(|e| ["html", "htm", "xhtml"].iter().any(|h| e.eq_ignore_ascii_case(h))) {
        return Kind::Html;
    }
    if looks_like_html(content) {
        Kind::Html
    } else {
        Kind::Text
    }
}

/// A document to annotate: its text and, when it came from HTML, the facts about each line and the markup
/// they came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Source {
    /// The text that is annotated and that span offsets point into.
    pub text: String,
    /// One entry per line of `text` ([`crate::text::lines`]) when the text came from HTML.
    pub lines: Option<Vec<LineFacts>>,
    /// The HTML `lines` came from, so a store can keep `text` and `markup` and [`Source::rebuild`] the very same
    /// facts later. `None` for plain text.
    pub markup: Option<String>,
}

impl Source {
    /// Plain text, annotated as it is.
    pub fn plain(text: impl Into<String>) -> Source {
        Source { text: text.into(), lines: None, markup: None }
    }

    /// An HTML page: its visible text ([`html_to_text`]) with the markup's line facts.
    pub fn from_html(html: &str) -> Source {
        let Visible { text, lines } = html_to_text(html);
        Source { text, lines: Some(lines), markup: Some(html.to_string()) }
    }

    /// A stored document back: the facts are recomputed from `markup` when it still renders to exactly `text`
    /// (the text was not edited since); otherwise the text is read as plain text, since facts for other lines
    /// would mislead the boilerplate layer.
    pub fn rebuild(text: String, markup: Option<String>) -> Source {
        let Some(html) = markup else { return Source::plain(text) };
        let visible = html_to_text(&html);
        if visible.text == text {
            return Source { text, lines: Some(visible.lines), markup: Some(html) };
        }
        match aligned_facts(&text, &html) {
            Some(lines) => Source { text, lines: Some(lines), markup: Some(html) },
            None => Source::plain(text),
        }
    }

    /// What a reader should be told about how this source was read: an HTML page nested deeper than browsers go
    /// lost some of its tags (their text is kept). `None` when nothing was left out.
    pub fn notice(&self, name: &str) -> Option<String> {
        let deep = super::html::too_deep(self.markup.as_deref()?);
        (deep > 0).then(|| {
            format!(
                "{name}: {deep} HTML tags nested deeper than {} levels were left out (their text is kept)",
                super::html::MAX_DEPTH
            )
        })
    }

    /// Runs the chosen layers; the boilerplate layer uses the line facts when there are any.
    pub fn analyze(&self, layers: Layers) -> Vec<Span> {
        detect::analyze_with_facts(&self.text, self.lines.as_deref(), layers)
    }

    /// Like [`Source::annotate`], with at most `max_spans` spans ([`detect::analyze_bounded`]): also gives the
    /// code point where the spans were cut, when they were.
    pub fn annotate_bounded(
        &self,
        id: &str,
        name: &str,
        opts: &detect::Options,
        max_spans: usize,
    ) -> (Document, Option<usize>) {
        let (spans, cut) = detect::analyze_bounded(&self.text, self.lines.as_deref(), opts, max_spans);
        (Document::annotated(id.to_string(), name.to_string(), self.text.clone(), spans), cut)
    }

    /// A new annotated [`Document`] of this source (at most [`detect::MAX_SPANS`] spans).
    pub fn annotate(&self, id: &str, name: &str, layers: Layers) -> Document {
        Document::annotated(id.to_string(), name.to_string(), self.text.clone(), self.analyze(layers))
    }
}

/// Reads a file's (or a drop's) content: a leading byte-order mark is dropped (an encoding signature, not
/// text), then [`kind_of`] decides between text and HTML.
pub fn read(name: &str, media: Option<&str>, content: &str) -> Source {
    let content = strip_bom(content);
    match kind_of(name, media, content) {
        Kind::Html => Source::from_html(content),
        Kind::Text => Source::plain(content),
    }
}

/// Like [`read`], from raw bytes: see [`decode`] for what is refused.
pub fn read_bytes(name: &str, media: Option<&str>, bytes: &[u8]) -> Result<Source, Error> {
    Ok(read(name, media, decode(name, bytes)?))
}

/// Checks that `bytes` are UTF-8 text and returns them as such (a byte-order mark is kept: formats such as brat
/// count it in their offsets). UTF-16 and other encodings are [`ErrorKind::Encoding`] errors naming the first
/// bad byte's offset; NUL bytes, which no text file holds, are [`ErrorKind::Binary`].
pub fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, Error> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::new(ErrorKind::Encoding, format!("{name}: UTF-16 text; convert it to UTF-8 first")));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(
            ErrorKind::Binary,
            format!("{name}: looks like a binary file (NUL byte at offset {at}), not text"),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        Error::new(
            ErrorKind::Encoding,
            format!("{name}: not UTF-8 text (invalid byte at offset {at}); convert it to UTF-8 first"),
        )
    })
}

/// A paste: the plain text exactly as copied is the document when it is not blank (what the user saw and
/// selected); when only HTML came (some sources put nothing else on the clipboard), its visible text with its
/// line facts.
pub fn paste(plain: &str, html: Option<&str>) -> Source {
    let plain = strip_bom(plain);
    match html {
        Some(html) if plain.trim().is_empty() => Source::from_html(html),
        _ if plain.trim().is_empty() => Source::plain(""),
        Some(html) => match aligned_facts(plain, html) {
            Some(lines) => Source { text: plain.to_string(), lines: Some(lines), markup: Some(html.to_string()) },
            None => Source::plain(plain),
        },
        None => Source::plain(plain),
    }
}

/// Facts for the lines of `text` taken from `html` when `text` is not exactly `html`'s visible text (a paste's
/// plain flavour, an edited document), by aligning the two ([`super::paste_facts`]); `None` when no line aligns,
/// so the text is then read as plain text.
fn aligned_facts(text: &str, html: &str) -> Option<Vec<LineFacts>> {
    let facts = super::paste_facts(text, html);
    facts.iter().any(|f| f.from_html).then_some(facts)
}

/// One JSONL record `{"id", "text"}` or `{"id", "html"}` (line `line_no`, 1-based): its id and source. A missing
/// or null id is the line number; a numeric id is its decimal text. `text` wins when both keys are present.
pub fn record(obj: &Map<String, Value>, line_no: usize) -> Result<(String, Source), Error> {
    let invalid = |msg: String| Error::new(ErrorKind::Invalid, msg);
    let id = match obj.get("id") {
        None | Some(Value::Null) => line_no.to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(x)) => x.to_string(),
        Some(other) => return Err(invalid(format!("\"id\" must be a string or number, found {}", json_type(other)))),
    };
    let source = match (obj.get("text"), obj.get("html")) {
        (Some(Value::String(t)), _) => Source::plain(t.as_str()),
        (None, Some(Value::String(h))) => Source::from_html(h),
        (Some(other), _) => return Err(invalid(format!("\"text\" must be a string, found {}", json_type(other)))),
        (None, Some(other)) => return Err(invalid(format!("\"html\" must be a string, found {}", json_type(other)))),
        (None, None) => return Err(invalid("missing \"text\" (or \"html\")".into())),
    };
    Ok((id, source))
}

#[cfg(test)]
mod tests;
