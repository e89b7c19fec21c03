//! The browser's parser: `DOMParser`, the same WHATWG algorithm as html5ever natively, so the wasm build carries
//! no HTML parser of its own. The document it makes is inert: never attached to the page, with no browsing
//! context, so it runs no scripts and loads nothing (no images, styles, frames or fetches). Its nodes are copied
//! into the parser-independent [`Tree`] exactly as `parse.rs` copies html5ever's natively, and the walkers
//! then give the same text and line facts (tests/browser/html_parity.test.mjs compares both on real pages).
//!
//! The input first goes through [`for_dom`]: the nesting cap of the native path (the same tags left out, so the
//! same deep-page notice) and `<noscript>` content emptied, since `DOMParser` has scripting off and would parse it
//! as markup where html5ever reads it as text.
//!
//! One difference is left, on hostile pages only: the model behind the cap does not count the elements a parser
//! adds by itself (a table's implied `<tbody>` and `<tr>`, formatting elements reopened in each new block), so such
//! a page can still nest deeper than Chromium's 513 open elements; html5ever nests it as written, Chromium puts the
//! deeper elements beside their parents (and text after them before them), and the facts of those lines may
//! differ. A page whose elements nest at most 511 deep below `<body>` (any real page) is not affected.

use super::nesting::for_dom;
use crate::input::tree::{Attr, Builder, Tree};
use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

/// Whether this host has a `DOMParser` (a browser window does; Node and workers do not).
pub(crate) fn available() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &"DOMParser".into()).unwrap_or(false)
}

/// Parses `html` as a document with `DOMParser`. Comments, doctypes and processing instructions are left out, and
/// of the attributes only un-namespaced ones count (`getAttribute` of a bare name never finds SVG's `xlink:href`),
/// as natively. `<template>` content lives in a separate fragment, not among the element's children, so it is not
/// copied (the walkers drop templates anyway). Without a `DOMParser` the tree is empty; callers that can run
/// outside a browser check [`available`] first.
pub(super) fn parse(html: &str) -> Tree {
    let mut b = Builder::default();
    let doc = DomParser::new().and_then(|p| p.parse_from_string(&for_dom(html), SupportedType::TextHtml));
    if let Ok(doc) = doc {
        walk(&doc, &mut b);
    }
    b.finish()
}

/// Feeds `b` the document's elements and text in document order, without recursion (firstChild, nextSibling,
/// parentNode): the tree may be as deep as the browser's parser allows.
fn walk(doc: &Node, b: &mut Builder) {
    let mut attrs: Vec<(String, String)> = Vec::new();
    // Elements open between the document and `node`.
    let mut depth = 0usize;
    let mut next = doc.first_child();
    while let Some(node) = next {
        match node.node_type() {
            Node::ELEMENT_NODE => {
                let el: &Element = node.unchecked_ref();
                attrs.clear();
                if el.has_attributes() {
                    let names = el.get_attribute_names();
                    for name in names.iter().filter_map(|n| n.as_string()).filter(|n| Attr::is_kept(n)) {
                        if let Some(value) = el.get_attribute(&name) {
                            attrs.push((name, value));
                        }
                    }
                }
                b.open(&el.local_name(), attrs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
                if let Some(child) = node.first_child() {
                    depth += 1;
                    next = Some(child);
                    continue;
                }
                b.close();
            }
            // CDATA sections only occur in XML documents; an HTML parser makes text of them, but take them as text
            // should one appear.
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                if let Some(t) = node.node_value() {
                    b.text(&t);
                }
            }
            _ => {}
        }
        // Past the node: its next sibling, or up to the nearest ancestor with one, closing what is left.
        let mut at = node;
        next = loop {
            if let Some(sibling) = at.next_sibling() {
                break Some(sibling);
            }
            if depth == 0 {
                break None;
            }
            let Some(parent) = at.parent_node() else { break None };
            depth -= 1;
            b.close();
            at = parent;
        };
    }
}
