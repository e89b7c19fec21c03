//! The keyboard caret over the text view: where it is (a [`Caret`] of the open document, kept here between key
//! presses and renders), how it is drawn (the `#caret` bar, placed over the rendered text after every render),
//! and the page selection that mirrors it. How it moves is [`Caret::moved`]'s business; this module only asks
//! the page where things are (the caret's box, the code point under a point on screen).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DomRect, Element, HtmlElement};

use crate::session::{Caret, DocData, Motion};
use crate::web::dom;

thread_local! {
    /// The caret, with the id of the document it is in.
    static CARET: RefCell<Option<(String, Caret)>> = const { RefCell::new(None) };
}

/// The caret in `doc`, if it has one.
pub fn get(doc: &DocData) -> Option<Caret> {
    let c = CARET.with(|c| c.borrow().as_ref().filter(|(id, _)| *id == doc.id).map(|(_, c)| *c))?;
    let n = doc.map.len_chars();
    Some(Caret { anchor: c.anchor.min(n), head: c.head.min(n) })
}

/// Keeps `c` as the caret of `doc` and draws it (the page selection is left as it is: a click or a drag made it).
pub fn store(doc: &DocData, c: Caret) {
    CARET.with(|slot| *slot.borrow_mut() = Some((doc.id.clone(), c.snapped(doc))));
    paint(doc);
}

/// Moves the caret of `doc` to `c`: the page selection follows, and the caret is scrolled into view.
pub fn set(doc: &DocData, c: Caret) {
    store(doc, c);
    let c = get(doc).unwrap_or(c);
    // A collapsed page selection at the caret too: Shift+click then selects from it.
    if !dom::set_selection(doc, c.anchor, c.head) {
        dom::clear_selection();
    }
    if let Some(el) = bar() {
        dom::scroll_into_view(&el);
    }
}

/// Like [`set`], for a caret whose block may not be rendered (the far end of a long text): `reveal` brings it
/// into view, and the caret and the page selection are set again once the view has drawn it.
pub fn set_revealed(doc: Rc<DocData>, c: Caret, reveal: impl Fn(usize)) {
    set(&doc, c);
    if dom::char_to_point(&doc, c.head, true).is_none() {
        reveal(c.head);
        set_when_rendered(doc, c, 25);
    }
}

fn set_when_rendered(doc: Rc<DocData>, c: Caret, tries: u32) {
    dom::after(40, move || {
        if dom::char_to_point(&doc, c.head, true).is_some() {
            set(&doc, c);
        } else if tries > 0 {
            set_when_rendered(doc, c, tries - 1);
        }
    });
}

/// The caret a key press starts from: the one kept here, unless the page shows another selection (made by a
/// search, or by the mouse), and, with no caret yet, one at the first word on screen.
pub fn current(doc: &DocData, first_on_screen: impl FnOnce() -> usize) -> Caret {
    let kept = get(doc);
    let shown = dom::selection(doc);
    match (kept, shown) {
        (Some(k), None) => Caret::at(k.head),
        (Some(k), Some(s)) if k.selection() == Some(s) => k,
        (_, Some((s, e))) => {
            let ends = dom::selection_ends(doc).filter(|(a, f)| (*a.min(f), *a.max(f)) == (s, e));
            let (a, h) = ends.unwrap_or((s, e));
            Caret { anchor: a, head: h }.snapped(doc)
        }
        (None, None) => Caret::start(doc, first_on_screen()),
    }
}

/// Takes the caret from the page selection after a click or a drag in the text.
pub fn from_page(doc: &DocData) {
    if let Some((a, h)) = dom::selection_ends(doc) {
        store(doc, Caret { anchor: a, head: h });
    }
}

fn bar() -> Option<HtmlElement> {
    dom::document().get_element_by_id("caret")?.dyn_into().ok()
}

/// The scrolling box of the text view.
pub fn scroller() -> Option<Element> {
    dom::document().get_element_by_id("text-scroll")
}

/// Converts a client rectangle to the coordinates of the text view's scrolled content (where the caret and the
/// relation overlay are placed): `(left, top)`.
pub fn to_content(scroll: &Element, x: f64, y: f64) -> (f64, f64) {
    let r = scroll.get_bounding_client_rect();
    (x - r.left() + scroll.scroll_left() as f64, y - r.top() + scroll.scroll_top() as f64)
}

/// The client box of a caret at code point `c`, if its block is rendered.
fn caret_rect(doc: &DocData, c: usize) -> Option<DomRect> {
    let (node, off) = dom::char_to_point(doc, c, true)?;
    let range = dom::document().create_range().ok()?;
    range.set_start(&node, off).ok()?;
    range.collapse_with_to_start(true);
    let r = range.get_bounding_client_rect();
    if r.height() > 0.0 {
        return Some(r);
    }
    // A collapsed range at some positions has no box: the next character's left edge stands in.
    let len = node.text_content().map_or(0, |t| t.encode_utf16().count()) as u32;
    if off < len {
        range.set_end(&node, off + 1).ok()?;
        let rects = range.get_client_rects()?;
        return rects.get(0);
    }
    None
}

/// Draws the caret of `doc` (or hides the bar when it has none, or its block is not rendered).
pub fn paint(doc: &DocData) {
    let Some(el) = bar() else { return };
    let at = get(doc).and_then(|c| Some((caret_rect(doc, c.head)?, scroller()?)));
    let style = match at {
        Some((r, scroll)) => {
            let (x, y) = to_content(&scroll, r.left(), r.top());
            format!("left:{:.1}px;top:{:.1}px;height:{:.1}px", x - 1.0, y, r.height())
        }
        None => "display:none".to_string(),
    };
    let _ = el.set_attribute("style", &style);
}

/// The text's line height in pixels.
fn line_height() -> f64 {
    let view = dom::document().get_element_by_id("text-view");
    let style = view.and_then(|v| web_sys::window()?.get_computed_style(&v).ok().flatten());
    let lh = style.and_then(|s| s.get_property_value("line-height").ok());
    lh.and_then(|v| v.trim_end_matches("px").parse::<f64>().ok()).filter(|v| *v > 0.0).unwrap_or(27.0)
}

/// Moves the caret by a line or a screenful on screen ([`Motion::on_screen`]): the view scrolls (a screenful
/// always, a line when the caret would leave the view), then the code point under the caret's new place is
/// found. A long text renders the blocks scrolled to on its next turn, so the search is tried again shortly.
pub fn move_on_screen(doc: Rc<DocData>, from: Caret, m: Motion, extend: bool) {
    let (Some(scroll), Some(r)) = (scroller(), caret_rect(&doc, from.head)) else {
        set(&doc, from.moved(&doc, m, extend));
        return;
    };
    let line = line_height();
    let page = (scroll.client_height() as f64 - 2.0 * line).max(line);
    let dy = match m {
        Motion::Up => -line,
        Motion::Down => line,
        Motion::PageUp => -page,
        _ => page,
    };
    let (x, y) = (r.left() + 1.0, r.top() + r.height() / 2.0);
    let (_, content_y) = to_content(&scroll, x, y);
    let view = scroll.get_bounding_client_rect();
    let off_screen = y + dy < view.top() + line / 2.0 || y + dy > view.bottom() - line / 2.0;
    if matches!(m, Motion::PageUp | Motion::PageDown) || off_screen {
        scroll.set_scroll_top(scroll.scroll_top() + dy as i32);
    }
    land(doc, from, m, extend, x, content_y + dy, 25);
}

/// Puts the caret at the code point under content point (`x`, `content_y`) once its block is rendered.
fn land(doc: Rc<DocData>, from: Caret, m: Motion, extend: bool, x: f64, content_y: f64, tries: u32) {
    let (Some(scroll), Some(text)) = (scroller(), dom::document().get_element_by_id("text-view")) else { return };
    let view = scroll.get_bounding_client_rect();
    let y = content_y - scroll.scroll_top() as f64 + view.top();
    // Past the text's first or last line the point is in the view's padding: the move goes to the text's edge.
    let page = text.get_bounding_client_rect();
    let inside = y >= page.top() && y <= page.bottom();
    let y = y.clamp(view.top().max(page.top()) + 1.0, view.bottom().min(page.bottom()) - 1.0);
    let found = dom::char_at_point(&doc, x, y);
    match found {
        None if inside && tries > 0 => dom::after(40, move || land(doc, from, m, extend, x, content_y, tries - 1)),
        None if inside => {}
        _ => set(&doc, from.to_point(&doc, m, found, extend)),
    }
}

/// The first code point of the first block on screen, where a caret starts when there is none yet.
pub fn first_on_screen() -> usize {
    let Some(scroll) = scroller() else { return 0 };
    let top = scroll.get_bounding_client_rect().top();
    let Ok(list) = scroll.query_selector_all(".block.live") else { return 0 };
    for i in 0..list.length() {
        if let Some(el) = list.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            if el.get_bounding_client_rect().bottom() > top {
                return el.get_attribute("data-b").and_then(|v| v.parse().ok()).unwrap_or(0);
            }
        }
    }
    0
}
