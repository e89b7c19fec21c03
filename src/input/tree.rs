//! An owned element tree, independent of the parser that built it: the HTML walkers ([`super::html`]) read this
//! and nothing else, so a page parsed natively by html5ever and one parsed by a browser's `DOMParser` give the same
//! line facts through one code path. The parser side only feeds [`Builder`] events in document order.
//!
//! Nodes sit in one arena in document order (pre-order), each with its parent and the index past its last
//! descendant, so children, siblings and ancestors need no pointers of their own and a walk needs no recursion and
//! no stack: deeply nested hostile input cannot overflow anything. Text and attribute values share one string.
//! Only the attributes the walkers read are kept.

/// A node's place in its [`Tree`]: its index in document order (so ids compare in document order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct NodeId(u32);

impl NodeId {
    /// The node's index in the arena, for tables with one entry per node.
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

/// The attributes kept: those the walkers read (visibility, landmarks, class and id words, links).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Attr {
    Class,
    Id,
    Role,
    Itemprop,
    Hidden,
    Style,
    AriaHidden,
    Href,
}

impl Attr {
    /// Whether an attribute of this name is kept (so a parser need not read the value of any other).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn is_kept(name: &str) -> bool {
        Attr::of(name).is_some()
    }

    fn of(name: &str) -> Option<Attr> {
        Some(match name {
            "class" => Attr::Class,
            "id" => Attr::Id,
            "role" => Attr::Role,
            "itemprop" => Attr::Itemprop,
            "hidden" => Attr::Hidden,
            "style" => Attr::Style,
            "aria-hidden" => Attr::AriaHidden,
            "href" => Attr::Href,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Document,
    /// The name's range in [`Tree::strings`]; the attributes' range in [`Tree::attrs`].
    Element {
        name: (u32, u32),
        attrs: (u32, u32),
    },
    /// The text's range in [`Tree::strings`].
    Text(u32, u32),
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Node {
    kind: Kind,
    /// `u32::MAX` for the root.
    parent: u32,
    /// Index past the last descendant.
    end: u32,
}

/// A document: a root with elements and text below it.
#[derive(Debug)]
pub(crate) struct Tree {
    nodes: Vec<Node>,
    attrs: Vec<(Attr, (u32, u32))>,
    strings: String,
}

/// What a node is, as the walkers see it.
pub(crate) enum Value<'a> {
    Document,
    Element(Element<'a>),
    Text(&'a str),
}

/// An element: its local name (lower case for HTML elements, as the parser gives it) and its kept attributes.
#[derive(Clone, Copy)]
pub(crate) struct Element<'a> {
    name: &'a str,
    attrs: &'a [(Attr, (u32, u32))],
    strings: &'a str,
}

impl<'a> Element<'a> {
    pub(crate) fn name(&self) -> &'a str {
        self.name
    }

    /// The attribute's value, if the element has it.
    pub(crate) fn attr(&self, attr: Attr) -> Option<&'a str> {
        self.attrs.iter().find(|(a, _)| *a == attr).map(|&(_, r)| slice(self.strings, r))
    }
}

/// One edge of a walk: entering a node, or leaving it after its descendants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Edge {
    Open(NodeId),
    Close(NodeId),
}

/// Ranges in [`Tree::strings`] are recorded at char boundaries by the builder, so `get` never fails.
fn slice(s: &str, (start, end): (u32, u32)) -> &str {
    s.get(start as usize..end as usize).unwrap_or_default()
}

impl Tree {
    pub(crate) fn root(&self) -> NodeId {
        NodeId(0)
    }

    /// How many nodes there are: every [`NodeId::index`] is below it.
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    pub(crate) fn value(&self, id: NodeId) -> Value<'_> {
        match self.nodes[id.index()].kind {
            Kind::Document => Value::Document,
            Kind::Text(start, end) => Value::Text(slice(&self.strings, (start, end))),
            Kind::Element { name, attrs } => Value::Element(Element {
                name: slice(&self.strings, name),
                attrs: self.attrs.get(attrs.0 as usize..attrs.1 as usize).unwrap_or_default(),
                strings: &self.strings,
            }),
        }
    }

    pub(crate) fn element(&self, id: NodeId) -> Option<Element<'_>> {
        match self.value(id) {
            Value::Element(el) => Some(el),
            _ => None,
        }
    }

    pub(crate) fn parent(&self, id: NodeId) -> Option<NodeId> {
        let p = self.nodes[id.index()].parent;
        (p != u32::MAX).then_some(NodeId(p))
    }

    /// The node's parent, its parent, and so on up to the root.
    pub(crate) fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), |&p| self.parent(p))
    }

    /// Whether `node` lies below `ancestor`: within its range of descendants, without walking up.
    pub(crate) fn is_ancestor(&self, ancestor: NodeId, node: NodeId) -> bool {
        ancestor < node && node.0 < self.nodes[ancestor.index()].end
    }

    /// The node's children, in document order.
    pub(crate) fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let end = self.nodes[id.index()].end;
        let mut next = id.0 + 1;
        std::iter::from_fn(move || {
            let child = (next < end).then_some(NodeId(next))?;
            next = self.nodes[child.index()].end;
            Some(child)
        })
    }

    /// Every node's Open and Close edges in document order, from the root's Open to its Close, without recursion
    /// or a stack.
    pub(crate) fn traverse(&self) -> impl Iterator<Item = Edge> + '_ {
        let mut next = Some(Edge::Open(self.root()));
        std::iter::from_fn(move || {
            let edge = next?;
            next = match edge {
                Edge::Open(id) if self.nodes[id.index()].end > id.0 + 1 => Some(Edge::Open(NodeId(id.0 + 1))),
                Edge::Open(id) => Some(Edge::Close(id)),
                Edge::Close(id) => self.parent(id).map(|p| {
                    let after = self.nodes[id.index()].end;
                    if after < self.nodes[p.index()].end {
                        Edge::Open(NodeId(after))
                    } else {
                        Edge::Close(p)
                    }
                }),
            };
            Some(edge)
        })
    }
}

/// Builds a [`Tree`] from a parser's events in document order: [`open`](Builder::open) an element,
/// [`text`](Builder::text), [`close`](Builder::close) the innermost open element. Adjacent text is one node, as
/// in a parsed DOM. Elements left open are closed by [`finish`](Builder::finish); a stray close is ignored.
pub(crate) struct Builder {
    tree: Tree,
    /// The innermost open node.
    current: u32,
}

impl Default for Builder {
    fn default() -> Self {
        let root = Node { kind: Kind::Document, parent: u32::MAX, end: 1 };
        Builder { tree: Tree { nodes: vec![root], attrs: Vec::new(), strings: String::new() }, current: 0 }
    }
}

impl Builder {
    /// Opens an element below the current one. Of the attributes only those the walkers read are kept, the first
    /// of a repeated name (as HTML keeps it).
    pub(crate) fn open<'a>(&mut self, name: &str, attrs: impl IntoIterator<Item = (&'a str, &'a str)>) {
        let t = &mut self.tree;
        let name = push_str(&mut t.strings, name);
        let first = t.attrs.len();
        for (a, v) in attrs {
            if let Some(a) = Attr::of(a) {
                if !t.attrs.get(first..).unwrap_or_default().iter().any(|(b, _)| *b == a) {
                    let v = push_str(&mut t.strings, v);
                    t.attrs.push((a, v));
                }
            }
        }
        let attrs = (to_u32(first), to_u32(t.attrs.len()));
        let id = to_u32(t.nodes.len());
        t.nodes.push(Node { kind: Kind::Element { name, attrs }, parent: self.current, end: 0 });
        self.current = id;
    }

    /// Appends text to the current element.
    pub(crate) fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let t = &mut self.tree;
        let range = push_str(&mut t.strings, text);
        // Joined to a text node just before it under the same parent: its range ends where this one starts.
        if let Some(last) = t.nodes.last_mut() {
            if let (Kind::Text(_, end), true) = (&mut last.kind, last.parent == self.current) {
                *end = range.1;
                return;
            }
        }
        let id = t.nodes.len();
        t.nodes.push(Node { kind: Kind::Text(range.0, range.1), parent: self.current, end: to_u32(id + 1) });
    }

    /// Closes the current element.
    pub(crate) fn close(&mut self) {
        if self.current == 0 {
            return;
        }
        let end = to_u32(self.tree.nodes.len());
        let node = &mut self.tree.nodes[self.current as usize];
        node.end = end;
        self.current = node.parent;
    }

    pub(crate) fn finish(mut self) -> Tree {
        while self.current != 0 {
            self.close();
        }
        self.tree.nodes[0].end = to_u32(self.tree.nodes.len());
        self.tree
    }
}

/// Appends `s` and gives its range. Offsets are `u32` to keep nodes small: text past the first 4 GiB of a page is
/// left out rather than wrapping around.
fn push_str(strings: &mut String, s: &str) -> (u32, u32) {
    let start = strings.len();
    if u32::try_from(start + s.len()).is_ok() {
        strings.push_str(s);
    }
    (to_u32(start), to_u32(strings.len()))
}

/// Node counts fit in `u32` too: 4 billion nodes would take the parser's own tree hundreds of gigabytes first.
fn to_u32(n: usize) -> u32 {
    n as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Tree {
        let mut b = Builder::default();
        b.open("html", []);
        b.open("body", [("class", "a"), ("data-x", "dropped"), ("class", "second")]);
        b.text("one ");
        b.text("two");
        b.open("br", []);
        b.close();
        b.open("p", [("href", "/x")]);
        b.close();
        b.text("three");
        b.finish()
    }

    #[test]
    fn events_build_the_tree_and_a_walk_visits_it_in_order() {
        let t = sample();
        let mut seen = Vec::new();
        for edge in t.traverse() {
            match edge {
                Edge::Open(id) => seen.push(match t.value(id) {
                    Value::Document => "<#doc>".to_string(),
                    Value::Element(el) => format!("<{}>", el.name()),
                    Value::Text(s) => s.to_string(),
                }),
                Edge::Close(id) => seen.push(match t.value(id) {
                    Value::Element(el) => format!("</{}>", el.name()),
                    _ => "/".to_string(),
                }),
            }
        }
        assert_eq!(seen.join(""), "<#doc><html><body>one two/<br></br><p></p>three/</body></html>/");
        let body = NodeId(2);
        let el = t.element(body).unwrap();
        assert_eq!((el.attr(Attr::Class), el.attr(Attr::Href), el.attr(Attr::Id)), (Some("a"), None, None));
        assert_eq!(t.element(NodeId(5)).unwrap().attr(Attr::Href), Some("/x"));
        assert_eq!(t.children(body).count(), 4);
        assert_eq!(t.ancestors(NodeId(6)).collect::<Vec<_>>(), [body, NodeId(1), NodeId(0)]);
        assert!(t.children(NodeId(4)).next().is_none());
        assert!(t.is_ancestor(body, NodeId(6)) && !t.is_ancestor(NodeId(5), NodeId(6)) && !t.is_ancestor(body, body));
    }

    #[test]
    fn a_deep_tree_is_built_and_walked_without_recursion() {
        const DEPTH: usize = 1_000_000;
        let mut b = Builder::default();
        for _ in 0..DEPTH {
            b.open("div", [("class", "x")]);
        }
        b.text("deep");
        let t = b.finish();
        let (mut depth, mut deepest, mut edges) = (0usize, 0usize, 0usize);
        for edge in t.traverse() {
            edges += 1;
            match edge {
                Edge::Open(_) => depth += 1,
                Edge::Close(_) => depth -= 1,
            }
            deepest = deepest.max(depth);
        }
        assert_eq!((edges, deepest, depth), (2 * (DEPTH + 2), DEPTH + 2, 0));
        assert_eq!(t.ancestors(NodeId(DEPTH as u32 + 1)).count(), DEPTH + 1);
    }

    #[test]
    fn an_empty_document_is_its_root() {
        let t = Builder::default().finish();
        assert_eq!(t.traverse().collect::<Vec<_>>(), [Edge::Open(t.root()), Edge::Close(t.root())]);
    }
}
