//! The page's main content block, found the way Readability's `grabArticle` finds it, before any text is laid out:
//! chrome containers (landmarks, blocks whose class or id names chrome) are pruned; every paragraph of at least
//! 25 characters scores 1, plus one per comma, plus one per 100 characters (at most 3), for its parent, half of
//! that for its grandparent and a third of it, divided by the level, further up; a container starts from its tag's
//! weight and ±25 for content or chrome words in its class and id, and its total is scaled by the share of its
//! text that is not link text. The best container is walked up while a parent scores higher, then its siblings
//! that score close to it or read as paragraphs of prose join it. Too little text in the result (trafilatura's
//! minimum size) means no block is trusted: the caller falls back to judging lines alone.

use super::{chrome_of, hint_of, is_block, is_dropped};
use crate::input::tree::{Attr, Edge, Element, NodeId, Tree, Value};

/// Below this many characters of text the chosen block is not trusted (trafilatura's `MIN_EXTRACTED_SIZE`).
const MIN_TEXT: usize = 250;
/// Paragraphs shorter than this do not vote (Readability's `MIN_PARAGRAPH_LENGTH` is 25).
const MIN_PARAGRAPH: usize = 25;
/// Near-equal rivals of the best container that make their common ancestor the block instead (Readability's
/// `MINIMUM_TOPCANDIDATES`).
const MIN_ALTERNATIVES: usize = 3;
/// How many ancestors a paragraph's score reaches (Readability's default is 5).
const ANCESTORS: usize = 5;

/// Class and id words that make a container likelier to be the content (Readability's `positive` pattern).
const POSITIVE: &[&str] =
    &["article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "articlebody"];
/// Class and id words that make it less likely (Readability's `negative` pattern).
const NEGATIVE: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "comments",
    "contact",
    "foot",
    "footer",
    "footnote",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
    "nav",
    "menu",
    "teaser",
    "teasers",
    "recirc",
    "more",
];

/// Running totals of one open element.
struct Frame<'a> {
    id: NodeId,
    name: &'a str,
    chars: usize,
    link_chars: usize,
    commas: usize,
    /// A block element lies inside it (so it is not itself a paragraph).
    has_block: bool,
    link: bool,
}

/// The main content block: its elements, and their ancestors (wrappers of the content, whatever their class
/// names say), as flags per node of the tree (empty when there is no block).
#[derive(Default)]
pub(super) struct MainBlock {
    flags: Vec<u8>,
}

/// The winning container or a sibling that joined it.
const CHOSEN: u8 = 1;
/// An ancestor of a chosen element.
const ANCESTOR: u8 = 2;

impl MainBlock {
    /// Whether the element is part of the block: the winning container or a sibling that joined it.
    pub fn holds(&self, id: NodeId) -> bool {
        self.flags.get(id.index()).is_some_and(|f| f & CHOSEN != 0)
    }

    /// Whether the element is an ancestor of a part of the block.
    pub fn wraps(&self, id: NodeId) -> bool {
        self.flags.get(id.index()).is_some_and(|f| f & ANCESTOR != 0)
    }
}

/// How much a scoring round prunes before it scores.
#[derive(Clone, Copy, PartialEq)]
enum Pruning {
    /// Landmarks and blocks whose class or id names chrome.
    Classes,
    /// Landmarks only.
    Landmarks,
    /// Nothing but invisible elements.
    Nothing,
}

/// Enough text that a round's block is taken without trying a gentler round (Readability's `charThreshold`).
const ENOUGH_TEXT: usize = 500;

/// The page's main content block, or `None` when no block has enough text to trust. As Readability retries
/// `grabArticle` with its flags off, a round whose block is too short is retried with less pruning (a wrapper of
/// the whole page may carry a chrome word such as `sidebar` or `ad`), and the longest block wins.
pub(super) fn main_content(doc: &Tree) -> Option<MainBlock> {
    let mut best: Option<(Vec<NodeId>, usize)> = None;
    for pruning in [Pruning::Classes, Pruning::Landmarks, Pruning::Nothing] {
        if let Some((chosen, chars)) = score_round(doc, pruning) {
            let enough = chars >= ENOUGH_TEXT;
            if best.as_ref().is_none_or(|b| chars > b.1) {
                best = Some((chosen, chars));
            }
            if enough {
                break;
            }
        }
    }
    let (chosen, chars) = best?;
    if chars < MIN_TEXT {
        return None;
    }
    let mut flags = vec![0u8; doc.len()];
    for &id in &chosen {
        flags[id.index()] |= CHOSEN;
        for p in doc.ancestors(id) {
            if flags[p.index()] & ANCESTOR != 0 {
                break;
            }
            flags[p.index()] |= ANCESTOR;
        }
    }
    Some(MainBlock { flags })
}

/// One round of scoring: the chosen elements and their characters of text.
fn score_round(doc: &Tree, pruning: Pruning) -> Option<(Vec<NodeId>, usize)> {
    // Text totals of every element closed so far, by node: (characters, link characters), pruned text left out.
    let mut totals: Vec<Option<(usize, usize)>> = vec![None; doc.len()];
    // Candidate scores before link-density scaling, by node, and the candidates in the order they got one.
    let mut scores: Vec<Option<f64>> = vec![None; doc.len()];
    let mut candidates: Vec<NodeId> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut skip: Option<usize> = None;
    let (mut depth, mut links) = (0usize, 0usize);
    for edge in doc.traverse() {
        match edge {
            Edge::Open(id) => {
                depth += 1;
                if skip.is_some() {
                    continue;
                }
                match doc.value(id) {
                    Value::Text(t) => {
                        if let Some(top) = stack.last_mut() {
                            let (n, commas) = count(t);
                            top.chars += n;
                            top.commas += commas;
                            if links > 0 {
                                top.link_chars += n;
                            }
                        }
                    }
                    Value::Element(el) => {
                        let name = el.name();
                        let landmark = pruning != Pruning::Nothing
                            && (chrome_of(name, &el).is_some() && !matches!(name, "header" | "footer")
                                || (matches!(name, "header" | "footer") && !inside_article(&stack)));
                        let pruned = is_dropped(name, &el)
                            || landmark
                            || (pruning == Pruning::Classes && hint_of(name, &el).is_some());
                        if pruned {
                            skip = Some(depth);
                        } else {
                            let link = name == "a" && el.attr(Attr::Href).is_some();
                            links += usize::from(link);
                            stack.push(Frame { id, name, chars: 0, link_chars: 0, commas: 0, has_block: false, link });
                        }
                    }
                    Value::Document => {}
                }
            }
            Edge::Close(id) => {
                if skip == Some(depth) {
                    skip = None;
                } else if skip.is_none() && doc.element(id).is_some() {
                    let f = stack.pop().expect("balanced");
                    links -= usize::from(f.link);
                    totals[f.id.index()] = Some((f.chars, f.link_chars));
                    if let Some(parent) = stack.last_mut() {
                        parent.chars += f.chars;
                        parent.link_chars += f.link_chars;
                        parent.commas += f.commas;
                        parent.has_block |= is_block(f.name) || f.has_block;
                    }
                    if is_paragraph(&f) && f.chars >= MIN_PARAGRAPH {
                        let score = 1.0 + f.commas as f64 + (f.chars / 100).min(3) as f64;
                        for (level, anc) in stack.iter().rev().take(ANCESTORS).enumerate() {
                            let share = match level {
                                0 => 1.0,
                                1 => 0.5,
                                l => 1.0 / (l as f64 * 3.0),
                            };
                            let entry = &mut scores[anc.id.index()];
                            if entry.is_none() {
                                candidates.push(anc.id);
                            }
                            *entry.get_or_insert_with(|| doc.element(anc.id).map_or(0.0, initial_score)) +=
                                score * share;
                        }
                    }
                }
                depth -= 1;
            }
        }
    }
    let scored = |id: NodeId| scores[id.index()].is_some();
    let total = |id: NodeId| totals[id.index()];
    let final_score = |id: &NodeId| -> f64 {
        let s = scores[id.index()].unwrap_or(0.0);
        let (chars, links) = total(*id).unwrap_or((0, 0));
        s * (1.0 - if chars == 0 { 0.0 } else { links as f64 / chars as f64 })
    };
    let mut top = *candidates
        .iter()
        .filter(|id| !is_root_like(doc, **id))
        .max_by(|a, b| final_score(a).total_cmp(&final_score(b)).then_with(|| b.cmp(a)))?;
    let mut top_score = final_score(&top);
    // Several near-equal candidates (paragraph cards of one story) mean the story is their common ancestor:
    // Readability walks up to the first parent that holds three of them.
    let mut ranked: Vec<(f64, NodeId)> =
        candidates.iter().filter(|id| !is_root_like(doc, **id)).map(|id| (final_score(id), *id)).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let alternatives: Vec<NodeId> =
        ranked.iter().skip(1).take(4).filter(|(sc, _)| *sc >= 0.75 * top_score).map(|(_, id)| *id).collect();
    if alternatives.len() >= MIN_ALTERNATIVES {
        for p in doc.ancestors(top).take_while(|p| !is_root_like(doc, *p)) {
            let holds = alternatives.iter().filter(|alt| doc.is_ancestor(p, **alt)).count();
            if holds >= MIN_ALTERNATIVES {
                top = p;
                if scored(p) {
                    top_score = final_score(&p);
                }
                break;
            }
        }
    }
    // Readability walks up while a parent beats the last score, stopping once parents fall below a third.
    let threshold = top_score / 3.0;
    let mut last = top_score;
    for p in doc.ancestors(top).take_while(|p| !is_root_like(doc, *p)) {
        if scored(p) {
            let ps = final_score(&p);
            if ps < threshold {
                break;
            }
            if ps > last {
                top = p;
                top_score = ps;
                break;
            }
            last = ps;
        }
    }
    let mut chosen = vec![top];
    let mut chars = total(top).map_or(0, |t| t.0);
    if let Some(parent) = doc.parent(top) {
        let class = doc.element(top).and_then(|e| e.attr(Attr::Class)).unwrap_or("");
        let bar = (top_score * 0.2).max(10.0);
        for sib in doc.children(parent).filter(|s| *s != top) {
            let Some(el) = doc.element(sib) else { continue };
            let Some((n, links)) = total(sib) else { continue };
            let bonus = if !class.is_empty() && el.attr(Attr::Class) == Some(class) { top_score * 0.2 } else { 0.0 };
            let density = if n == 0 { 1.0 } else { links as f64 / n as f64 };
            let joins = scored(sib) && final_score(&sib) + bonus >= bar || el.name() == "p" && n > 80 && density < 0.25;
            if joins {
                chosen.push(sib);
                chars += n;
            }
        }
    }
    Some((chosen, chars))
}

/// A paragraph for scoring: `<p>`, `<pre>`, `<td>`, or a block that holds text but no other block (Readability
/// turns such `<div>`s into paragraphs). List items and headings never vote: menus of teasers are lists.
fn is_paragraph(f: &Frame) -> bool {
    match f.name {
        "p" | "pre" | "td" => true,
        "div" | "section" | "article" | "blockquote" => !f.has_block,
        _ => false,
    }
}

/// `<html>` and `<body>` hold everything; they are never the content block.
fn is_root_like(doc: &Tree, id: NodeId) -> bool {
    doc.element(id).is_none_or(|e| matches!(e.name(), "html" | "body"))
}

fn inside_article(stack: &[Frame]) -> bool {
    stack.iter().any(|f| matches!(f.name, "article" | "main"))
}

/// Characters (whitespace runs counted once) and commas of a text node.
fn count(t: &str) -> (usize, usize) {
    let (mut n, mut commas, mut space) = (0, 0, true);
    for c in t.chars() {
        if c.is_whitespace() {
            n += usize::from(!space);
            space = true;
        } else {
            n += 1;
            space = false;
            commas += usize::from(c == ',');
        }
    }
    (n, commas)
}

/// A container's starting score: its tag's weight and its class and id words (Readability's `initializeNode` and
/// `getClassWeight`).
fn initial_score(el: Element) -> f64 {
    let tag = match el.name() {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let mut weight = 0.0;
    for value in el.attr(Attr::Class).into_iter().chain(el.attr(Attr::Id)) {
        let words: Vec<String> = value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        if words.iter().any(|w| NEGATIVE.contains(&w.as_str())) {
            weight -= 25.0;
        }
        if words.iter().any(|w| POSITIVE.contains(&w.as_str())) {
            weight += 25.0;
        }
    }
    tag + weight
}
