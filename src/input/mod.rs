//! Input: turning what a user pastes or drops into the text that sift annotates.
//!
//! [`read`], [`read_bytes`], [`paste`] and [`record`] are the one front door: every caller (CLI, batch stream,
//! app) gets a [`Source`], the text plus the HTML line facts when there are any, and annotates it.
//!
//! [`html_to_text`] renders an HTML page to its visible text the way a browser lays it out for reading, and keeps
//! per-line facts from the markup (navigation elements, link density, heading level) that the boilerplate
//! classifier uses ([`crate::detect::boilerplate::classify_with`]). [`looks_like_html`] tells pasted HTML from
//! plain text. [`paste_facts`] lends a browser paste's plain text the facts of the HTML copied with it. Nothing in
//! a page is ever executed or fetched: scripts, styles and templates are dropped unread.

mod align;
mod html;
mod source;
mod tree;

pub use align::{align_facts, paste_facts};
#[cfg(target_arch = "wasm32")]
pub(crate) use html::parser_available as html_parser_available;
pub use html::{html_to_text, looks_like_html};
pub use source::{decode, kind_of, paste, read, read_bytes, record, Kind, Source};

/// `s` without its leading byte-order mark, if any: an encoding signature, not text. (Formats whose offsets
/// count it, such as brat's `.txt`, keep it: only what is parsed or annotated as new text drops it.)
pub fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// Structural facts about one line of text rendered from HTML.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineFacts {
    /// Whether the facts come from a line of the HTML at all: false for blank lines and for lines of a paste
    /// that do not align with the HTML ([`paste_facts`]), whose other facts then say nothing.
    pub from_html: bool,
    /// The page-chrome element or landmark the line sits in (`nav`, `header`, `footer`, `aside`, `menu`, or
    /// an ARIA role such as `navigation`), when most of the line's text is inside one. A `<header>` or
    /// `<footer>` inside `<article>` or `<main>` belongs to the article and does not count.
    pub chrome: Option<&'static str>,
    /// The chrome word in the `class` or `id` of a block the line sits in (`sidebar`, `comments`, `share`,
    /// `related`, `newsletter`, …), when most of the line's text is inside one: templates name their parts.
    pub hint: Option<&'static str>,
    /// Share of the line's code points inside links (`<a href>`), 0 to 1: menus and teaser lists are mostly links.
    pub link_density: f64,
    /// Heading level 1–6 when most of the line is inside `<h1>`…`<h6>`.
    pub heading: Option<u8>,
    /// Whether most of the line is inside the page's article container: `<article>`, `<main>`, an element with
    /// `itemprop="articleBody"`, or one whose class or id names the article body (`article-body`,
    /// `entry-content`, `post-content`, `story-body`, …).
    pub in_article: bool,
    /// Whether most of the line is inside the page's main content block as a Readability-style scorer picks it
    /// (paragraphs, commas, class and id words, link density). No line has it when the page gives no block with
    /// enough text to trust.
    pub in_main: bool,
    /// Whether most of the line is inside a `<figcaption>`: photo captions and credits.
    pub caption: bool,
    /// Whether most of the line is inside a list item (`<li>`).
    pub list_item: bool,
}

/// The visible text of an HTML page, with facts for each of its lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Visible {
    /// The text: blocks on their own lines, a blank line between paragraphs, whitespace collapsed as a browser
    /// does, entities decoded. Lines are separated by `\n` only.
    pub text: String,
    /// One entry per line of `text` as [`crate::text::lines`] splits it (blank lines get default facts).
    pub lines: Vec<LineFacts>,
}
