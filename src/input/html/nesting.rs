//! The nesting cap in front of the HTML parser. html5ever's cost grows with the square of the depth of its stack
//! of open elements (scope checks walk the stack), so a few hundred kilobytes of `<div/>` (a self-closing `div` is
//! still an open `div` in HTML) or `<center>` would take minutes. A small tokenizer replays the tags with the tree
//! builder's rules that matter for depth (void elements, implied end tags, end tags that only close within a scope,
//! raw text, foreign content) and drops start tags that would open deeper than [`MAX_DEPTH`], with their end tags;
//! text is kept. Chromium caps its trees at the same depth.
//!
//! The model never counts an element as closed when the parser keeps it open (where it is unsure it counts the
//! element as still open), so the parser's depth stays within a small factor of the cap on any input and parsing
//! is linear in the input. All cuts are at ASCII bytes (`<`, `>`), so they fall on char boundaries.
//!
//! In the browser the same cuts go in front of `DOMParser` (`for_dom`), so both parsers see the same tags, and
//! so does the one difference between them that matters here: a `DOMParser` document has scripting off, so it
//! parses `<noscript>` content as markup where html5ever (scripting on, as a reader's browser) reads it as text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// Deepest nesting of elements kept below `<body>`; deeper start tags (and their end tags) are dropped and their
/// text kept. Chromium's parser keeps at most 513 elements open (`<html>`, `<body>` and 511 below) and puts any
/// deeper element beside its parent instead: with the same bound here, a page the model reads exactly is never
/// rearranged by Chromium, so both parsers build the same tree.
pub(crate) const MAX_DEPTH: usize = 511;

/// Elements with no content: never on the stack of open elements, `/>` or not.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text up to their end tag (raw text, RCDATA, and `<noscript>` with scripting on).
const RAW_TEXT: &[&str] = &["iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp"];

/// Start tags that close an open `<p>` (in button scope).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "li",
    "dd",
    "dt",
    "plaintext",
    "xmp",
];

/// Scope boundaries: an end tag does not close an element beneath one of these.
const SCOPE: &[&str] = &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "select"];

/// End tags closed with a scope check (everything open above the element is closed with it).
const SCOPED_END: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "button",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "pre",
    "search",
    "section",
    "summary",
    "ul",
    "li",
    "dd",
    "dt",
    "p",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "applet",
    "marquee",
    "object",
];

/// HTML's "special" elements: an end tag for an ordinary element does not close anything beneath one of these.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
];

/// Start tags that leave SVG or MathML content (the parser closes the foreign elements first).
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// Children of these SVG and MathML elements are HTML again.
const INTEGRATION: &[&str] = &["foreignobject", "desc", "title", "annotation-xml", "mi", "mo", "mn", "ms", "mtext"];

/// One open element as the model sees it.
struct Open {
    name: String,
    /// SVG or MathML (not HTML): `/>` closes it, and HTML's scope rules do not apply to it.
    foreign: bool,
}

/// `html` with start tags beyond [`MAX_DEPTH`] (and their end tags) removed; the input itself when it never
/// nests that deep.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn cap_nesting(html: &str) -> Cow<'_, str> {
    cut(html, scan(html).drops.into_iter())
}

/// What `DOMParser` is given for `html`: the cuts of `cap_nesting`, and the content of every `<noscript>` that
/// html5ever reads as text (scripting on; not in SVG or MathML) left out, its tags kept. `DOMParser` has scripting
/// off and would parse that content as markup: in `<head>` its first element or text ends the head and moves the
/// rest of the head into the body, and in the body an unclosed element in it can swallow the rest of the page. Both
/// walkers drop `<noscript>` and everything in it, so an empty one reads the same.
#[cfg(any(target_arch = "wasm32", test))]
pub(super) fn for_dom(html: &str) -> Cow<'_, str> {
    let m = scan(html);
    let mut cuts = m.drops;
    cuts.extend(m.noscript);
    // The two lists are each in input order and never overlap (a noscript's content holds no tags the model reads).
    cuts.sort_unstable_by_key(|r| r.start);
    cut(html, cuts.into_iter())
}

/// `html` without the byte ranges `cuts` (in order, not overlapping); the input itself when there are none.
fn cut(html: &str, cuts: impl ExactSizeIterator<Item = Range<usize>>) -> Cow<'_, str> {
    if cuts.len() == 0 {
        return Cow::Borrowed(html);
    }
    let b = html.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut last = 0;
    for r in cuts {
        out.extend_from_slice(b.get(last..r.start).unwrap_or_default());
        last = r.end;
    }
    out.extend_from_slice(b.get(last..).unwrap_or_default());
    // Cuts at ASCII bytes keep UTF-8 valid; the lossy path is never taken.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// How many start tags of `html` open deeper than [`MAX_DEPTH`] (what [`cap_nesting`] leaves out, with their
/// end tags).
pub(crate) fn too_deep(html: &str) -> usize {
    scan(html).deep
}

/// The nesting model run over `html`: which tags to drop.
fn scan(html: &str) -> Model {
    let b = html.as_bytes();
    let mut m = Model {
        stack: Vec::new(),
        drops: Vec::new(),
        dropped: HashMap::new(),
        deep: 0,
        open: HashMap::new(),
        noscript: Vec::new(),
    };
    let mut i = 0;
    while let Some(off) = b.get(i..).and_then(|rest| rest.iter().position(|&c| c == b'<')) {
        let lt = i + off;
        i = match (b.get(lt + 1), b.get(lt + 2)) {
            (Some(b'!'), _) => skip_declaration(b, lt),
            (Some(b'?'), _) | (Some(b'/'), Some(b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')) => to_gt(b, lt),
            (Some(b'/'), Some(c)) if c.is_ascii_alphabetic() => match tag(b, lt + 2) {
                Some(t) => {
                    m.end_tag(&t.name, lt..t.end);
                    t.end
                }
                None => break, // a tag cut by the end of the input is dropped by the parser too
            },
            (Some(b'/'), Some(b'>')) => lt + 3,
            (Some(b'/'), Some(_)) => to_gt(b, lt),
            (Some(c), _) if c.is_ascii_alphabetic() => match tag(b, lt + 1) {
                Some(t) => match m.start_tag(&t, lt..t.end) {
                    Next::Markup => t.end,
                    Next::RawText => {
                        let end = raw_text_end(b, t.end, &t.name);
                        if t.name == "noscript" && end > t.end {
                            m.noscript.push(t.end..end);
                        }
                        end
                    }
                    Next::Stop => break,
                },
                None => break,
            },
            _ => lt + 1,
        };
    }
    m
}

/// What the tokenizer reads after a start tag.
enum Next {
    Markup,
    RawText,
    /// `<plaintext>`: the rest of the input is text.
    Stop,
}

/// The stack of open elements as the tree builder would keep it, and the tags dropped so far.
struct Model {
    stack: Vec<Open>,
    drops: Vec<Range<usize>>,
    /// Start tags dropped per name, whose end tags are dropped too.
    dropped: HashMap<String, usize>,
    /// Start tags dropped in all.
    deep: usize,
    /// Open elements per name, so that a search for a name that is not open costs nothing.
    open: HashMap<String, usize>,
    /// The content of each `<noscript>` read as raw text (for `for_dom`).
    noscript: Vec<Range<usize>>,
}

impl Model {
    fn is_open(&self, name: &str) -> bool {
        self.open.get(name).is_some_and(|&n| n > 0)
    }

    fn any_open(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.is_open(n))
    }

    fn truncate(&mut self, k: usize) {
        for o in self.stack.drain(k..) {
            if let Some(n) = self.open.get_mut(&o.name) {
                *n -= 1;
            }
        }
    }

    fn in_foreign(&self) -> bool {
        self.stack.last().is_some_and(|o| o.foreign)
    }

    fn start_tag(&mut self, t: &Tag, range: Range<usize>) -> Next {
        let name = t.name.as_str();
        if self.in_foreign() && BREAKOUT.contains(&name) {
            while self.in_foreign() {
                self.truncate(self.stack.len() - 1);
            }
        }
        if self.in_foreign() {
            if t.self_closing {
                return Next::Markup;
            }
            let foreign = !INTEGRATION.contains(&self.stack.last().map_or("", |o| o.name.as_str()));
            return self.push(name, foreign || name == "svg" || name == "math", range, Next::Markup);
        }
        if VOID.contains(&name) || matches!(name, "html" | "head" | "body") {
            return Next::Markup;
        }
        if CLOSES_P.contains(&name) {
            if matches!(name, "li" | "dd" | "dt") {
                self.close_list_item(name);
            }
            if let Some(k) = self.is_open("p").then(|| self.find_in_scope(|n| n == "p", &["button"])).flatten() {
                self.truncate(k);
            }
            if heading(name) && self.stack.last().is_some_and(|o| heading(&o.name)) {
                self.truncate(self.stack.len() - 1);
            }
        }
        match name {
            "option" | "optgroup" if self.stack.last().is_some_and(|o| o.name == "option") => {
                self.truncate(self.stack.len() - 1);
            }
            "td" | "th" => self.close_table_part(&["td", "th"], &["tr", "table", "template", "html"]),
            "tr" => self.close_table_part(&["tr"], &["table", "template", "html"]),
            "tbody" | "thead" | "tfoot" => self.close_table_part(&["tbody", "thead", "tfoot"], &["table", "template"]),
            "a" | "nobr" | "button" => {
                if let Some(k) = self.find_before_special(name) {
                    self.truncate(k);
                }
            }
            _ => {}
        }
        let next = if name == "plaintext" {
            Next::Stop
        } else if RAW_TEXT.contains(&name) {
            Next::RawText
        } else {
            Next::Markup
        };
        self.push(name, name == "svg" || name == "math", range, next)
    }

    fn push(&mut self, name: &str, foreign: bool, range: Range<usize>, next: Next) -> Next {
        // Raw-text elements are always kept: their content cannot open anything, and dropping their start tag
        // would turn a script into markup.
        if self.stack.len() >= MAX_DEPTH && matches!(next, Next::Markup) {
            self.drops.push(range);
            *self.dropped.entry(name.to_string()).or_default() += 1;
            self.deep += 1;
            return Next::Markup;
        }
        *self.open.entry(name.to_string()).or_default() += 1;
        self.stack.push(Open { name: name.to_string(), foreign });
        next
    }

    fn end_tag(&mut self, name: &str, range: Range<usize>) {
        if let Some(n) = self.dropped.get_mut(name).filter(|n| **n > 0) {
            *n -= 1;
            self.drops.push(range);
            return;
        }
        let wanted: &[&str] = if heading(name) { &["h1", "h2", "h3", "h4", "h5", "h6"] } else { &[name] };
        if !self.any_open(wanted) {
            return;
        }
        let found = if SCOPED_END.contains(&name) {
            let extra: &[&str] = match name {
                "p" => &["button"],
                "li" => &["ol", "ul"],
                _ => &[],
            };
            if heading(name) {
                self.find_in_scope(heading, extra)
            } else {
                self.find_in_scope(|n| n == name, extra)
            }
        } else if matches!(name, "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "colgroup") {
            self.find_within(|n| n == name, &["html", "table", "template"])
                .or_else(|| (name == "table").then(|| self.find_within(|n| n == "table", &[])).flatten())
        } else {
            self.find_before_special(name)
        };
        if let Some(k) = found {
            self.truncate(k);
        }
    }

    /// `<li>` closes an open `<li>` (`<dd>`/`<dt>` an open `<dd>` or `<dt>`) unless a special element other than
    /// address, div or p lies between.
    fn close_list_item(&mut self, name: &str) {
        let same: &[&str] = if name == "li" { &["li"] } else { &["dd", "dt"] };
        if !self.any_open(same) {
            return;
        }
        for (k, o) in self.stack.iter().enumerate().rev() {
            if same.contains(&o.name.as_str()) && !o.foreign {
                self.truncate(k);
                return;
            }
            if !o.foreign && SPECIAL.contains(&o.name.as_str()) && !matches!(o.name.as_str(), "address" | "div" | "p") {
                return;
            }
        }
    }

    /// A new cell, row or section closes the open one of its kind, unless a table boundary comes first.
    fn close_table_part(&mut self, kinds: &[&str], boundary: &[&str]) {
        if !self.any_open(kinds) {
            return;
        }
        if let Some(k) = self.find_within(|n| kinds.contains(&n), boundary) {
            self.truncate(k);
        }
    }

    /// Index of the innermost open HTML element matching `is`, unless a scope boundary (or one of `extra`)
    /// comes first.
    fn find_in_scope(&self, is: impl Fn(&str) -> bool, extra: &[&str]) -> Option<usize> {
        for (k, o) in self.stack.iter().enumerate().rev() {
            if o.foreign {
                if INTEGRATION.contains(&o.name.as_str()) {
                    return None;
                }
                continue;
            }
            if is(&o.name) {
                return Some(k);
            }
            if SCOPE.contains(&o.name.as_str()) || extra.contains(&o.name.as_str()) {
                return None;
            }
        }
        None
    }

    fn find_within(&self, is: impl Fn(&str) -> bool, boundary: &[&str]) -> Option<usize> {
        for (k, o) in self.stack.iter().enumerate().rev() {
            if is(&o.name) {
                return Some(k);
            }
            if boundary.contains(&o.name.as_str()) {
                return None;
            }
        }
        None
    }

    /// Index of the innermost open element named `name`, unless a special HTML element comes first (the parser
    /// then ignores the end tag, or restructures without closing more).
    fn find_before_special(&self, name: &str) -> Option<usize> {
        if !self.is_open(name) {
            return None;
        }
        for (k, o) in self.stack.iter().enumerate().rev() {
            if o.name == name {
                return Some(k);
            }
            if !o.foreign && SPECIAL.contains(&o.name.as_str()) {
                return None;
            }
        }
        None
    }
}

fn heading(name: &str) -> bool {
    matches!(name.as_bytes(), [b'h', b'1'..=b'6'])
}

/// A start or end tag read by [`tag`].
struct Tag {
    /// Lower-case ASCII name.
    name: String,
    /// Byte just past the `>`.
    end: usize,
    /// Ends in `/>`.
    self_closing: bool,
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Reads a tag whose name starts at `at`, attributes and quoted values included (a `>` inside quotes does not end
/// it); `None` when the input ends first.
fn tag(b: &[u8], at: usize) -> Option<Tag> {
    let mut j = at;
    while b.get(j).is_some_and(|&c| !is_space(c) && c != b'/' && c != b'>') {
        j += 1;
    }
    let name = String::from_utf8_lossy(b.get(at..j)?).to_ascii_lowercase();
    loop {
        while b.get(j).copied().is_some_and(is_space) {
            j += 1;
        }
        match *b.get(j)? {
            b'>' => return Some(Tag { name, end: j + 1, self_closing: false }),
            b'/' => {
                if b.get(j + 1) == Some(&b'>') {
                    return Some(Tag { name, end: j + 2, self_closing: true });
                }
                j += 1;
            }
            _ => {
                // Attribute name (a leading `=` belongs to it), then an optional value.
                j += 1;
                while b.get(j).is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'=')) {
                    j += 1;
                }
                while b.get(j).copied().is_some_and(is_space) {
                    j += 1;
                }
                if b.get(j) == Some(&b'=') {
                    j += 1;
                    while b.get(j).copied().is_some_and(is_space) {
                        j += 1;
                    }
                    match *b.get(j)? {
                        q @ (b'"' | b'\'') => j += 2 + b.get(j + 1..)?.iter().position(|&c| c == q)?,
                        b'>' => {}
                        _ => {
                            while b.get(j).is_some_and(|&c| !is_space(c) && c != b'>') {
                                j += 1;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Past the first `>` after `from` (a bogus comment, a processing instruction), or the end of the input.
fn to_gt(b: &[u8], from: usize) -> usize {
    b.get(from..).and_then(|r| r.iter().position(|&c| c == b'>')).map_or(b.len(), |k| from + k + 1)
}

/// Past a `<!…>`: a comment (`<!-- … -->`, also ended by `--!>`, `<!-->` and `<!--->`), a doctype or a bogus
/// comment.
fn skip_declaration(b: &[u8], lt: usize) -> usize {
    if !b.get(lt..).is_some_and(|r| r.starts_with(b"<!--")) {
        return to_gt(b, lt);
    }
    let body = lt + 4;
    if b.get(body) == Some(&b'>') {
        return body + 1;
    }
    if b.get(body..).is_some_and(|r| r.starts_with(b"->")) {
        return body + 2;
    }
    let rest = b.get(body..).unwrap_or_default();
    let a = find(rest, b"-->").map(|k| k + 3);
    let c = find(rest, b"--!>").map(|k| k + 4);
    match (a, c) {
        (Some(x), Some(y)) => body + x.min(y),
        (Some(x), None) | (None, Some(x)) => body + x,
        (None, None) => b.len(),
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Where the raw text of `name` that starts at `from` ends: at its end tag `</name` followed by a space, `/` or
/// `>` (any case), or the end of the input.
fn raw_text_end(b: &[u8], from: usize, name: &str) -> usize {
    let n = name.len();
    let mut i = from;
    while let Some(k) = b.get(i..).and_then(|r| find(r, b"</")) {
        let at = i + k;
        let ends = b.get(at + 2..at + 2 + n).is_some_and(|w| w.eq_ignore_ascii_case(name.as_bytes()))
            && b.get(at + 2 + n).is_none_or(|&c| is_space(c) || c == b'/' || c == b'>');
        if ends {
            return at;
        }
        i = at + 2;
    }
    b.len()
}
