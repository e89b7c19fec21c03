//! What the walkers ask of an element: whether it is dropped (invisible or executable), a landmark of page chrome,
//! named as chrome or as the article by its class and id, a block, or a heading. One place, so the renderer and
//! the main-content scorer judge every element alike.

use crate::input::tree::{Attr, Element};

pub(super) fn is_dropped(name: &str, el: &Element) -> bool {
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
    if el.attr(Attr::Hidden).is_some() || el.attr(Attr::AriaHidden) == Some("true") && name != "body" {
        return true;
    }
    if el.attr(Attr::Class).is_some_and(|c| c.split_ascii_whitespace().any(|w| HIDDEN_CLASSES.contains(&w))) {
        return true;
    }
    el.attr(Attr::Style).is_some_and(|st| {
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
pub(super) fn hint_of(name: &str, el: &Element) -> Option<&'static str> {
    if matches!(name, "html" | "body" | "article" | "main" | "a" | "span" | "li") {
        return None;
    }
    let values = el.attr(Attr::Class).into_iter().chain(el.attr(Attr::Id));
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
pub(super) fn is_article(name: &str, el: &Element) -> bool {
    if matches!(name, "article" | "main")
        || el.attr(Attr::Itemprop).is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
    {
        return true;
    }
    el.attr(Attr::Class).into_iter().flat_map(str::split_ascii_whitespace).chain(el.attr(Attr::Id)).any(|v| {
        let key: String = v.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        BODY_NAMES.contains(&key.as_str())
    })
}

/// Elements that start a new line.
pub(super) fn is_block(name: &str) -> bool {
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
pub(super) fn is_paragraph(name: &str) -> bool {
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
pub(super) fn chrome_of(name: &str, el: &Element) -> Option<&'static str> {
    let by_role = match el.attr(Attr::Role).map(str::trim).map(str::to_ascii_lowercase).as_deref() {
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

pub(super) fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}
