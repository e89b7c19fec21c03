//! HTML to visible text. Parsing is html5ever's (through `scraper`): the WHATWG algorithm, so broken markup is
//! repaired exactly as a browser repairs it, and entities are decoded. The tree is walked without recursion, so
//! deeply nested hostile input cannot overflow the stack.

use super::{LineFacts, Visible};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

mod nesting;
use nesting::cap_nesting;
pub(crate) use nesting::{too_deep, MAX_DEPTH};

/// Renders `html` to the text a reader sees, one block per line, with facts for each line.
///
/// Scripts, styles, `<noscript>`, `<template>`, the `<head>`, embedded objects and hidden elements (`hidden`,
/// `display:none`) are dropped. Block elements and `<br>` break lines; paragraphs, headings, lists, quotes and
/// tables are set off by a blank line. Runs of whitespace collapse to one space as in a browser (NBSP is kept);
/// `<pre>` keeps its line breaks. Never fails: any input is some HTML.
pub fn html_to_text(html: &str) -> Visible {
    let doc = Html::parse_document(&cap_nesting(html));
    let mut r = Renderer { main: main_content::main_content(&doc).unwrap_or_default(), ..Renderer::default() };
    // Depth of the innermost dropped element; everything below it is skipped.
    let mut skip: Option<usize> = None;
    let mut depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                depth += 1;
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => r.text(&t.text),
                    Node::Element(el) => {
                        let name = el.name();
                        if is_dropped(name, el) {
                            skip = Some(depth);
                        } else {
                            r.open(name, el, node.id());
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip == Some(depth) {
                    skip = None;
                } else if skip.is_none() {
                    if let Node::Element(el) = node.value() {
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

fn is_dropped(name: &str, el: &scraper::node::Element) -> bool {
    if matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "svg"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "audio"
            | "video"
            | "select"
            | "datalist"
            | "textarea"
            | "button"
            | "input"
            | "map"
    ) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") && name != "body" {
        return true;
    }
    if el.attr("class").is_some_and(|c| c.split_ascii_whitespace().any(|w| HIDDEN_CLASSES.contains(&w))) {
        return true;
    }
    el.attr("style").is_some_and(|st| {
        let st: String = st.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        st.contains("display:none") || st.contains("visibility:hidden")
    })
}

/// Words in `class` and `id` values that name page chrome. Matched against whole words of the value
/// (split at `-`, `_`, spaces and case changes are not split), so `sidebar-left` and `comments` match and
/// `shareholders` does not.
const CHROME_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "disqus",
    "footer",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "popular",
    "popup",
    "promo",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "topbar",
    "trending",
    "widget",
];

/// Class words of text that is only there for screen readers: not visible on the page.
const HIDDEN_CLASSES: &[&str] =
    &["sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "screenreader-only"];

/// The chrome word naming `el` in its `class` or `id`, if any. `<html>`, `<body>`, `<article>` and `<main>` are
/// never chrome, whatever their classes say.
fn hint_of(name: &str, el: &scraper::node::Element) -> Option<&'static str> {
    if matches!(name, "html" | "body" | "article" | "main" | "a" | "span" | "li") {
        return None;
    }
    let values = el.attr("class").into_iter().chain(el.attr("id"));
    let mut found = None;
    for v in values {
        for w in v.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
            let w = w.to_ascii_lowercase();
            // Readability's exception: a block that also names the article ("l-sidebar-fixed l-article-body",
            // "box article modal-enabled") is a layout wrapper of the content, not chrome.
            if CONTENT_WORDS.contains(&w.as_str()) {
                return None;
            }
            if let Ok(i) = CHROME_WORDS.binary_search(&w.as_str()) {
                found = found.or(Some(CHROME_WORDS[i]));
            }
        }
    }
    found
}

/// Class and id words that name the article itself (Readability's `okMaybeItsACandidate`, narrowed): they
/// outweigh a chrome word in the same element.
const CONTENT_WORDS: &[&str] = &["article", "body", "main", "story", "entry", "column"];

/// Class and id values (lower-case, `-` and `_` removed) that name the article's body in common templates.
const BODY_NAMES: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "entrycontent",
    "postbody",
    "postcontent",
    "storybody",
    "storycontent",
    "storytext",
    "contentbody",
    "bodytext",
    "articlebodytext",
    "richtext",
    "mainarticle",
];

/// Whether `el` is the article's container.
fn is_article(name: &str, el: &scraper::node::Element) -> bool {
    if matches!(name, "article" | "main") || el.attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
    {
        return true;
    }
    el.attr("class").into_iter().flat_map(str::split_ascii_whitespace).chain(el.attr("id")).any(|v| {
        let key: String = v.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        BODY_NAMES.contains(&key.as_str())
    })
}

/// Elements that start a new line.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
            | "option"
            | "optgroup"
    )
}

/// Blocks that a browser sets off with a margin: a blank line in the text, so they make their own paragraphs.
fn is_paragraph(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "ul"
            | "ol"
            | "dl"
            | "figure"
            | "hr"
            | "article"
            | "section"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "main"
    )
}

/// The landmark a chrome element or ARIA role stands for.
fn chrome_of(name: &str, el: &scraper::node::Element) -> Option<&'static str> {
    let by_role = match el.attr("role").map(str::trim).map(str::to_ascii_lowercase).as_deref() {
        Some("navigation") => Some("navigation"),
        Some("banner") => Some("banner"),
        Some("contentinfo") => Some("contentinfo"),
        Some("complementary") => Some("complementary"),
        Some("search") => Some("search"),
        Some("menu") | Some("menubar") => Some("menu"),
        _ => None,
    };
    by_role.or(match name {
        "nav" => Some("nav"),
        "header" => Some("header"),
        "footer" => Some("footer"),
        "aside" => Some("aside"),
        "menu" => Some("menu"),
        _ => None,
    })
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
type OpenElement = (String, Option<&'static str>, Option<&'static str>, bool, bool);

#[derive(Default)]
struct Renderer {
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
    stack: Vec<OpenElement>,
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

impl Renderer {
    fn open(&mut self, name: &str, el: &scraper::node::Element, id: ego_tree::NodeId) {
        if name == "br" {
            self.end_line();
            return;
        }
        self.boundary(name);
        // A wrapper of the main content block is not chrome, whatever its tag or class says.
        let wrapper = self.main.ancestors.contains(&id);
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
            "a" if el.attr("href").is_some() => self.links += 1,
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
        let main = self.main.chosen.contains(&id);
        self.in_main += usize::from(main);
        self.stack.push((name.to_string(), landmark, hint, body, main));
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

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

mod main_content;
#[cfg(test)]
mod tests;
