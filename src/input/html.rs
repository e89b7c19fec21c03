//! HTML to visible text. The page is parsed into the parser-independent [`Tree`] (natively by html5ever in
//! `parse`, in the browser by its own `DOMParser` in `dom_parse`) and the text and its line facts are computed from
//! that tree alone ([`render`]), so both parsers give the same result.
//! The tree is walked without recursion, so deeply nested hostile input cannot overflow the stack.

use super::tree::{Attr, Edge, Element, NodeId, Tree, Value};
use super::{LineFacts, Visible};

#[cfg(target_arch = "wasm32")]
mod dom_parse;
mod elements;
mod main_content;
mod nesting;
#[cfg(not(target_arch = "wasm32"))]
mod parse;
#[cfg(target_arch = "wasm32")]
use dom_parse as parse;
#[cfg(target_arch = "wasm32")]
pub(crate) use dom_parse::available as parser_available;
use elements::{chrome_of, heading_level, hint_of, is_article, is_block, is_dropped, is_paragraph};
#[cfg(not(target_arch = "wasm32"))]
use nesting::cap_nesting;
pub(crate) use nesting::{too_deep, MAX_DEPTH};

/// Renders `html` to the text a reader sees, one block per line, with facts for each line.
///
/// Scripts, styles, `<noscript>`, `<template>`, the `<head>`, embedded objects and hidden elements (`hidden`,
/// `display:none`) are dropped. Block elements and `<br>` break lines; paragraphs, headings, lists, quotes and
/// tables are set off by a blank line. Runs of whitespace collapse to one space as in a browser (NBSP is kept);
/// `<pre>` keeps its line breaks. Never fails: any input is some HTML. (In wasm the browser's `DOMParser` parses
/// it; where there is none, as in Node, the page reads as empty: check `input::html_parser_available` first.)
pub fn html_to_text(html: &str) -> Visible {
    render(&parse::parse(html))
}

/// The visible text and line facts of a parsed page ([`html_to_text`] after parsing): the one code path every
/// parser's tree goes through.
pub(crate) fn render(tree: &Tree) -> Visible {
    let mut r = Renderer { main: main_content::main_content(tree).unwrap_or_default(), ..Renderer::default() };
    // Depth of the innermost dropped element; everything below it is skipped.
    let mut skip: Option<usize> = None;
    let mut depth = 0usize;
    for edge in tree.traverse() {
        match edge {
            Edge::Open(id) => {
                depth += 1;
                if skip.is_some() {
                    continue;
                }
                match tree.value(id) {
                    Value::Text(t) => r.text(t),
                    Value::Element(el) => {
                        let name = el.name();
                        if is_dropped(name, &el) {
                            skip = Some(depth);
                        } else {
                            r.open(name, &el, id);
                        }
                    }
                    Value::Document => {}
                }
            }
            Edge::Close(id) => {
                if skip == Some(depth) {
                    skip = None;
                } else if skip.is_none() {
                    if let Some(el) = tree.element(id) {
                        r.close(el.name());
                    }
                }
                depth -= 1;
            }
        }
    }
    r.finish()
}

/// Whether pasted text is an HTML document or fragment rather than plain text that mentions a tag.
pub fn looks_like_html(s: &str) -> bool {
    let head: String = s.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).chars().take(4096).collect();
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
    {
        return true;
    }
    // A fragment: several well-formed tags of common elements, at least one of them a closing tag.
    const TAGS: &[&str] = &[
        "p",
        "div",
        "span",
        "a",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tr",
        "td",
        "body",
        "head",
        "article",
        "section",
        "img",
        "strong",
        "em",
        "b",
        "i",
        "header",
        "footer",
        "nav",
        "main",
        "blockquote",
        "figure",
        "figcaption",
        "meta",
        "link",
        "script",
        "style",
        "title",
    ];
    let (mut tags, mut closing) = (0, 0);
    let mut rest = lower.as_str();
    while let Some(lt) = rest.find('<') {
        rest = rest.get(lt + 1..).unwrap_or_default(); // after an ASCII `<`: a char boundary
        let close = rest.starts_with('/');
        let name: String = rest.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let after = rest.trim_start_matches('/').chars().nth(name.chars().count());
        if TAGS.contains(&name.as_str())
            && matches!(after, Some('>' | ' ' | '/' | '\n' | '\t' | '\r'))
            && rest.contains('>')
        {
            tags += 1;
            closing += usize::from(close);
        }
    }
    tags >= 3 && closing >= 1
}

#[derive(Default)]
struct Counts {
    chars: usize,
    link: usize,
    chrome: usize,
    hint: usize,
    heading: usize,
    list: usize,
    caption: usize,
    body: usize,
    main: usize,
    /// Code points inside `<pre>`, whose leading spaces are the text's (indented code, aligned columns).
    pre: usize,
}

/// An open element: its name, the chrome landmark and class hint it opened, whether it is an article container
/// and whether it is part of the main content block.
type OpenElement<'a> = (&'a str, Option<&'static str>, Option<&'static str>, bool, bool);

#[derive(Default)]
struct Renderer<'a> {
    lines: Vec<(String, LineFacts)>,
    cur: String,
    counts: Counts,
    /// Chrome name of the line being built, when some of its text is in chrome.
    cur_chrome: Option<&'static str>,
    cur_heading: Option<u8>,
    space: bool,
    /// A blank line is owed before the next text.
    blank: bool,
    /// Open elements, with the chrome landmark and class hint each one opened (if any), whether it is an
    /// article container and whether it is part of the main content block.
    stack: Vec<OpenElement<'a>>,
    /// The main content block's elements ([`main_content::main_content`]); empty when none was trusted.
    main: main_content::MainBlock,
    /// Open elements of the main content block.
    in_main: usize,
    chrome: Vec<&'static str>,
    hints: Vec<&'static str>,
    cur_hint: Option<&'static str>,
    articles: usize,
    /// Open article containers (for the `in_article` fact; `articles` counts only `<article>`/`<main>`).
    bodies: usize,
    links: usize,
    headings: Vec<u8>,
    items: usize,
    captions: usize,
    pre: usize,
}

impl<'a> Renderer<'a> {
    fn open(&mut self, name: &'a str, el: &Element, id: NodeId) {
        if name == "br" {
            self.end_line();
            return;
        }
        self.boundary(name);
        // A wrapper of the main content block is not chrome, whatever its tag or class says.
        let wrapper = self.main.wraps(id);
        let landmark =
            chrome_of(name, el).filter(|_| !(wrapper || matches!(name, "header" | "footer") && self.articles > 0));
        if let Some(l) = landmark {
            self.chrome.push(l);
        }
        let hint = hint_of(name, el).filter(|_| !wrapper);
        if let Some(h) = hint {
            self.hints.push(h);
        }
        match name {
            "article" | "main" => self.articles += 1,
            "a" if el.attr(Attr::Href).is_some() => self.links += 1,
            "li" => self.items += 1,
            "figcaption" => self.captions += 1,
            "pre" => self.pre += 1,
            _ => {}
        }
        if let Some(level) = heading_level(name) {
            self.headings.push(level);
        }
        // Void elements have no Close edge of their own in the tree walk: they still get one, as a leaf.
        let body = is_article(name, el);
        self.bodies += usize::from(body);
        let main = self.main.holds(id);
        self.in_main += usize::from(main);
        self.stack.push((name, landmark, hint, body, main));
    }

    fn close(&mut self, name: &str) {
        if name == "br" {
            return;
        }
        let Some((open, landmark, hint, body, main)) = self.stack.pop() else { return };
        self.bodies -= usize::from(body);
        self.in_main -= usize::from(main);
        debug_assert_eq!(open, name);
        if landmark.is_some() {
            self.chrome.pop();
        }
        if hint.is_some() {
            self.hints.pop();
        }
        match name {
            "article" | "main" => self.articles = self.articles.saturating_sub(1),
            "a" if self.links > 0 => self.links -= 1,
            "li" => self.items = self.items.saturating_sub(1),
            "figcaption" => self.captions = self.captions.saturating_sub(1),
            "pre" => self.pre = self.pre.saturating_sub(1),
            _ => {}
        }
        if heading_level(name).is_some() {
            self.headings.pop();
        }
        self.boundary(name);
    }

    /// What the edge of an element does to the text, the same where it opens and where it closes: a block ends the
    /// line (a paragraph also leaves a blank line), a table cell leaves a space.
    fn boundary(&mut self, name: &str) {
        if is_block(name) {
            self.end_line();
            if is_paragraph(name) {
                self.blank = true;
            }
        } else if matches!(name, "td" | "th") {
            self.space = true;
        }
    }

    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if self.pre > 0 && matches!(c, '\n' | '\r') {
                // CRLF inside <pre> was already normalized to LF by the parser.
                self.end_line();
                continue;
            }
            // Unicode's line and paragraph separators break lines in other tools (Python's `splitlines`): they
            // collapse like any other whitespace, so every line of the text is one line everywhere.
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{2028}' | '\u{2029}') {
                if self.pre > 0 {
                    self.push(' ');
                } else {
                    self.space = true;
                }
                continue;
            }
            if c.is_control() {
                continue;
            }
            if self.space && !self.cur.is_empty() {
                self.push(' ');
            }
            self.space = false;
            self.push(c);
        }
    }

    fn push(&mut self, c: char) {
        if self.cur.is_empty() && self.blank {
            if self.lines.last().is_some_and(|(l, _)| !l.is_empty()) {
                self.lines.push((String::new(), LineFacts::default()));
            }
            self.blank = false;
        }
        self.cur.push(c);
        let n = &mut self.counts;
        n.chars += 1;
        n.link += usize::from(self.links > 0);
        if let Some(&l) = self.chrome.last() {
            n.chrome += 1;
            self.cur_chrome.get_or_insert(l);
        }
        if let Some(&h) = self.hints.last() {
            n.hint += 1;
            self.cur_hint.get_or_insert(h);
        }
        if let Some(&h) = self.headings.last() {
            n.heading += 1;
            self.cur_heading.get_or_insert(h);
        }
        n.list += usize::from(self.items > 0);
        n.caption += usize::from(self.captions > 0);
        n.body += usize::from(self.bodies > 0);
        n.main += usize::from(self.in_main > 0);
        n.pre += usize::from(self.pre > 0);
    }

    fn end_line(&mut self) {
        self.space = false;
        let text = std::mem::take(&mut self.cur);
        let n = std::mem::take(&mut self.counts);
        let (chrome, hint, heading) = (self.cur_chrome.take(), self.cur_hint.take(), self.cur_heading.take());
        // Trimmed of all whitespace at both ends (no-break spaces too): a boilerplate span covers the trimmed
        // line, so it then starts and ends on the line's boundaries for any reader of the text. Preformatted
        // text keeps its indent.
        let trimmed = if n.pre > 0 { text.trim_end() } else { text.trim() };
        if trimmed.is_empty() {
            return;
        }
        let most = |k: usize| 2 * k > n.chars;
        let facts = LineFacts {
            from_html: true,
            chrome: chrome.filter(|_| most(n.chrome)),
            hint: hint.filter(|_| most(n.hint)),
            link_density: if n.chars == 0 { 0.0 } else { n.link as f64 / n.chars as f64 },
            heading: heading.filter(|_| most(n.heading)),
            list_item: most(n.list),
            caption: most(n.caption),
            in_article: most(n.body),
            in_main: most(n.main),
        };
        self.lines.push((trimmed.to_string(), facts));
    }

    fn finish(mut self) -> Visible {
        self.end_line();
        while self.lines.last().is_some_and(|(l, _)| l.is_empty()) {
            self.lines.pop();
        }
        let mut text = String::new();
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, (l, f)) in self.lines.into_iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(&l);
            lines.push(f);
        }
        Visible { text, lines }
    }
}

#[cfg(test)]
mod tests;
