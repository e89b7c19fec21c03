//! Search hits painted with the CSS Custom Highlight API: `CSS.highlights` holds a `Highlight` of DOM `Range`s
//! for every hit in the rendered blocks (`sift-hit`) and one for the current hit (`sift-hit-now`), styled by
//! `::highlight()` rules in the style sheet. The text view's DOM is never touched, so typing in the search box
//! does not re-render the text.
//!
//! The ranges point into the text view's text nodes, which change whenever the view renders (spans drawn,
//! blocks scrolled in), so the view calls [`repaint`] after every render; the search box calls [`show`] when
//! the hits change. What to paint is kept here, next to the page's own registry of highlights.
//! Code points become UTF-16 offsets only here, through the document's offset map.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::session::DocData;
use crate::web::dom;

/// Name of the highlight of every hit.
pub const ALL: &str = "sift-hit";
/// Name of the highlight of the current hit.
pub const NOW: &str = "sift-hit-now";

/// The hits to paint: in which document, where (code points, sorted), and which one is current.
#[derive(Clone, PartialEq)]
struct Marks {
    doc: String,
    hits: Rc<Vec<Range<usize>>>,
    current: Option<usize>,
}

thread_local! {
    static MARKS: RefCell<Option<Marks>> = const { RefCell::new(None) };
}

/// Sets the hits of document `doc` (none: clear) and paints them if they changed.
pub fn show(doc: Option<&Rc<DocData>>, hits: Rc<Vec<Range<usize>>>, current: Option<usize>) {
    let next = doc.filter(|_| !hits.is_empty()).map(|d| Marks { doc: d.id.clone(), hits, current });
    let same = MARKS.with(|m| {
        let m = m.borrow();
        match (&*m, &next) {
            (None, None) => true,
            (Some(a), Some(b)) => a.doc == b.doc && Rc::ptr_eq(&a.hits, &b.hits) && a.current == b.current,
            _ => false,
        }
    });
    if same {
        return;
    }
    MARKS.with(|m| *m.borrow_mut() = next.clone());
    match (doc, next) {
        (Some(d), Some(marks)) => paint(d, &marks),
        _ => clear(),
    }
}

/// Paints the hits again over the text view of `doc` (its DOM may have changed).
pub fn repaint(doc: &DocData) {
    let marks = MARKS.with(|m| m.borrow().clone());
    match marks {
        Some(m) if m.doc == doc.id => paint(doc, &m),
        Some(_) => clear(),
        None => {}
    }
}

/// `CSS.highlights`, when the browser has it.
fn registry() -> Option<JsValue> {
    let css = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("CSS")).ok()?;
    let reg = js_sys::Reflect::get(&css, &JsValue::from_str("highlights")).ok()?;
    (!reg.is_undefined() && !reg.is_null()).then_some(reg)
}

/// Calls `registry.<name>(args…)`.
fn call(reg: &JsValue, name: &str, args: &js_sys::Array) {
    if let Ok(f) = js_sys::Reflect::get(reg, &JsValue::from_str(name)) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.apply(reg, args);
        }
    }
}

fn clear() {
    if let Some(reg) = registry() {
        for name in [ALL, NOW] {
            call(&reg, "delete", &js_sys::Array::of1(&JsValue::from_str(name)));
        }
    }
}

/// A new `Highlight` of `ranges` with `priority`.
fn highlight(ranges: &js_sys::Array, priority: i32) -> Option<JsValue> {
    let ctor = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Highlight")).ok()?;
    let h = js_sys::Reflect::construct(ctor.dyn_ref::<js_sys::Function>()?, ranges).ok()?;
    let _ = js_sys::Reflect::set(&h, &JsValue::from_str("priority"), &JsValue::from(priority));
    Some(h)
}

/// A rendered segment: its code points and its text node.
struct Seg {
    s: usize,
    e: usize,
    text: web_sys::Node,
}

/// The segments of the rendered blocks, in text order.
fn segments() -> Vec<Seg> {
    let Some(view) = dom::document().get_element_by_id("text-view") else { return Vec::new() };
    let Ok(list) = view.query_selector_all(".seg") else { return Vec::new() };
    let attr = |e: &Element, n: &str| e.get_attribute(n).and_then(|v| v.parse::<usize>().ok());
    (0..list.length())
        .filter_map(|i| {
            let el: Element = list.get(i)?.dyn_into().ok()?;
            Some(Seg { s: attr(&el, "data-s")?, e: attr(&el, "data-e")?, text: el.first_child()? })
        })
        .collect()
}

fn paint(doc: &DocData, marks: &Marks) {
    let Some(reg) = registry() else { return };
    let segs = segments();
    let all = js_sys::Array::new();
    let now = js_sys::Array::new();
    let utf16 = |c: usize| doc.map.char_to_utf16(c.min(doc.map.len_chars()));
    // Hits and segments are both in text order: one walk over both.
    let mut j = 0;
    for (k, h) in marks.hits.iter().enumerate() {
        while j < segs.len() && segs[j].e <= h.start {
            j += 1;
        }
        let Some(first) = segs.get(j).filter(|g| g.s <= h.start) else { continue };
        let mut last = j;
        while last < segs.len() && segs[last].e < h.end {
            last += 1;
        }
        // The end must be in a rendered segment that follows on (no block left out in between).
        let Some(end) = segs.get(last).filter(|g| g.s < h.end) else { continue };
        if segs[j..=last].windows(2).any(|w| w[0].e != w[1].s) {
            continue;
        }
        let Ok(r) = dom::document().create_range() else { return };
        let a = (utf16(h.start) - utf16(first.s)) as u32;
        let b = (utf16(h.end) - utf16(end.s)) as u32;
        if r.set_start(&first.text, a).is_err() || r.set_end(&end.text, b).is_err() {
            continue;
        }
        if marks.current == Some(k) {
            now.push(r.clone_range().as_ref());
        }
        all.push(r.as_ref());
    }
    for (name, ranges, priority) in [(ALL, all, 0), (NOW, now, 1)] {
        if let Some(h) = highlight(&ranges, priority) {
            call(&reg, "set", &js_sys::Array::of2(&JsValue::from_str(name), &h));
        }
    }
}
