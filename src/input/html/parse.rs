//! The native parser: html5ever (through `scraper`), the WHATWG algorithm, so broken markup is repaired exactly as
//! a browser repairs it and entities are decoded. Its tree is copied into the parser-independent [`Tree`] that the
//! walkers read; this is the only file that knows html5ever's tree, so a build that parses elsewhere (a browser's
//! `DOMParser`) can leave it out.

use super::cap_nesting;
use crate::input::tree::{Builder, Tree};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Parses `html` as a document, behind the nesting cap ([`cap_nesting`]: html5ever's cost grows with the square
/// of the depth). Comments, doctypes and processing instructions are left out; attributes in a namespace (SVG's
/// and MathML's `xlink:href`) are not the HTML attributes the walkers ask for and are left out too.
pub(super) fn parse(html: &str) -> Tree {
    let doc = Html::parse_document(&cap_nesting(html));
    let mut b = Builder::default();
    // The walk has no recursion, as the tree it builds.
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => b.open(
                    el.name(),
                    el.attrs
                        .iter()
                        .filter(|(q, _)| q.prefix.is_none() && q.ns.is_empty())
                        .map(|(q, v)| (&*q.local, &**v)),
                ),
                Node::Text(t) => b.text(&t.text),
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    b.close();
                }
            }
        }
    }
    b.finish()
}
