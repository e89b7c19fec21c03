//! The overlays over the text view, redrawn after every render, scroll and resize: the selected span's relations
//! as thin curves from one span's box to the other's, labelled with the relation's type (`#connectors`, an SVG that
//! is `aria-hidden`: the inspector's list is their accessible form), and the keyboard caret ([`super::caret`]).
//! Which relations and where the curves go is [`crate::session::curve`]'s pure geometry; this module measures
//! the segments' line boxes and writes the SVG.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::session::{curve, short_label, DocData, Drawn, Piece, Rect};
use crate::web::{caret, dom};
use crate::Status;

const SVG: &str = "http://www.w3.org/2000/svg";

/// The document shown and the relations to draw over it.
type Shown = Option<(Rc<DocData>, Rc<Vec<Drawn>>)>;

thread_local! {
    static SHOWN: RefCell<Shown> = const { RefCell::new(None) };
}

/// Sets what the overlays show over `doc` and draws them.
pub fn show(doc: &Rc<DocData>, drawn: Vec<Drawn>) {
    SHOWN.with(|s| *s.borrow_mut() = Some((doc.clone(), Rc::new(drawn))));
    repaint();
}

/// Draws the overlays again (the text moved: a render, a scroll, a resize).
pub fn repaint() {
    let Some((doc, drawn)) = SHOWN.with(|s| s.borrow().clone()) else { return };
    caret::paint(&doc);
    let Some(svg) = dom::document().get_element_by_id("connectors") else { return };
    svg.set_inner_html("");
    if drawn.is_empty() {
        return;
    }
    let pieces = measure(&drawn);
    for d in drawn.iter() {
        if let Some(c) = curve(&pieces, d.from, d.to) {
            draw(&svg, d, &c);
        }
    }
}

/// The line boxes of the rendered segments inside either end of a relation, in the scrolled content's pixels.
fn measure(drawn: &[Drawn]) -> Vec<Piece> {
    let (Some(view), Some(scroll)) = (dom::document().get_element_by_id("text-view"), caret::scroller()) else {
        return Vec::new();
    };
    let Ok(segs) = view.query_selector_all(".seg") else { return Vec::new() };
    let attr = |e: &Element, n: &str| e.get_attribute(n).and_then(|v| v.parse::<usize>().ok());
    let wanted = |s: usize, e: usize| drawn.iter().any(|d| [d.from, d.to].iter().any(|r| r.0 <= s && e <= r.1));
    let mut out = Vec::new();
    for i in 0..segs.length() {
        let Some(el) = segs.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let (Some(s), Some(e)) = (attr(&el, "data-s"), attr(&el, "data-e")) else { continue };
        if !wanted(s, e) {
            continue;
        }
        let rects = el.get_client_rects();
        for k in 0..rects.length() {
            let Some(r) = rects.get(k).filter(|r| r.width() > 0.0) else { continue };
            let (left, top) = caret::to_content(&scroll, r.left(), r.top());
            let rect = Rect { left, top, right: left + r.width(), bottom: top + r.height() };
            out.push(Piece { start: s, end: e, rect });
        }
    }
    out
}

fn svg_el(name: &str) -> Option<Element> {
    dom::document().create_element_ns(Some(SVG), name).ok()
}

/// Writes one relation's curve, arrowhead and label into the overlay.
fn draw(svg: &Element, d: &Drawn, c: &crate::session::Curve) -> Option<()> {
    let g = svg_el("g")?;
    let class = if d.status == Status::Suggested { "connector sug" } else { "connector" };
    g.set_attribute("class", class).ok()?;
    g.set_attribute("data-relation", &d.id).ok()?;
    let line = svg_el("path")?;
    line.set_attribute("class", "connector-line").ok()?;
    line.set_attribute("d", &c.path()).ok()?;
    let head = svg_el("path")?;
    head.set_attribute("class", "connector-head").ok()?;
    head.set_attribute("d", &c.arrow()).ok()?;
    let text = svg_el("text")?;
    text.set_attribute("class", "connector-label").ok()?;
    text.set_attribute("x", &format!("{:.1}", c.middle.0)).ok()?;
    text.set_attribute("y", &format!("{:.1}", c.middle.1 - 3.0)).ok()?;
    text.set_text_content(Some(&short_label(&d.label)));
    for part in [&line, &head, &text] {
        g.append_child(part).ok()?;
    }
    svg.append_child(&g).ok()?;
    Some(())
}
