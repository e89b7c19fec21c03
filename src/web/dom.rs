//! The DOM boundary: the one place where browser positions (nodes and UTF-16 offsets) become code points and back.
//!
//! The text view renders each block as `<div class="block" data-b=START>` holding flat segments
//! `<span class="seg" data-s=START data-e=END>text</span>`; offsets in `data-*` are code points.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::session::DocData;

/// The document of the page.
pub fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a browser document")
}

fn attr_usize(e: &Element, name: &str) -> Option<usize> {
    e.get_attribute(name)?.parse().ok()
}

/// Code point of a DOM position (`node`, UTF-16 `offset`) inside the text view, if it is inside it.
pub fn point_to_char(doc: &DocData, node: &Node, offset: u32) -> Option<usize> {
    if node.node_type() == Node::TEXT_NODE {
        let seg = node.parent_element()?;
        let s = attr_usize(&seg, "data-s")?;
        let u = doc.map.char_to_utf16(s) + offset as usize;
        // An offset between two surrogates counts as after the pair.
        return doc.map.utf16_to_char(u).or_else(|| doc.map.utf16_to_char(u + 1));
    }
    let el: &Element = node.dyn_ref()?;
    if let Some(s) = attr_usize(el, "data-s") {
        return if offset == 0 { Some(s) } else { attr_usize(el, "data-e") };
    }
    let children = el.child_nodes();
    if children.length() == 0 {
        return None;
    }
    if offset < children.length() {
        let child = children.get(offset)?;
        first_char_in(doc, &child)
    } else {
        let child = children.get(children.length() - 1)?;
        last_char_in(&child)
    }
}

fn first_char_in(doc: &DocData, n: &Node) -> Option<usize> {
    if n.node_type() == Node::TEXT_NODE {
        return point_to_char(doc, n, 0);
    }
    let el: &Element = n.dyn_ref()?;
    attr_usize(el, "data-s")
        .or_else(|| attr_usize(el, "data-b"))
        .or_else(|| el.query_selector("[data-s]").ok().flatten().and_then(|e| attr_usize(&e, "data-s")))
}

fn last_char_in(n: &Node) -> Option<usize> {
    let el: Element = if n.node_type() == Node::TEXT_NODE { n.parent_element()? } else { n.clone().dyn_into().ok()? };
    attr_usize(&el, "data-e").or_else(|| attr_usize(&el, "data-be")).or_else(|| {
        let all = el.query_selector_all("[data-e]").ok()?;
        let last = all.get(all.length().checked_sub(1)?)?;
        attr_usize(last.dyn_ref::<Element>()?, "data-e")
    })
}

/// The current selection in the text view, in code points (start < end), if there is one.
pub fn selection(doc: &DocData) -> Option<(usize, usize)> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let r = sel.get_range_at(0).ok()?;
    let view = document().get_element_by_id("text-view")?;
    let anc = r.common_ancestor_container().ok()?;
    if !view.contains(Some(&anc)) {
        return None;
    }
    let a = point_to_char(doc, &r.start_container().ok()?, r.start_offset().ok()?)?;
    let b = point_to_char(doc, &r.end_container().ok()?, r.end_offset().ok()?)?;
    (a != b).then(|| (a.min(b), a.max(b)))
}

/// Clears the page selection.
pub fn clear_selection() {
    if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = sel.remove_all_ranges();
    }
}

/// The DOM position of code point `c` (a text node and UTF-16 offset), if its block is rendered: in the
/// segment that ends there when one does, or with `after`, in the one that starts there (where a caret is drawn).
pub fn char_to_point(doc: &DocData, c: usize, after: bool) -> Option<(Node, u32)> {
    let view = document().get_element_by_id("text-view")?;
    let segs = view.query_selector_all(".seg").ok()?;
    let mut found = None;
    for i in 0..segs.length() {
        let el: Element = segs.get(i)?.dyn_into().ok()?;
        let (s, e) = (attr_usize(&el, "data-s")?, attr_usize(&el, "data-e")?);
        if s <= c && c <= e {
            let text = el.first_child()?;
            let off = doc.map.char_to_utf16(c) - doc.map.char_to_utf16(s);
            found = Some((text, off as u32));
            if !after || c < e {
                break;
            }
        } else if s > c {
            break;
        }
    }
    found
}

/// The selection's anchor and focus in the text view, in code points (equal when it is a collapsed caret), if
/// both are in it.
pub fn selection_ends(doc: &DocData) -> Option<(usize, usize)> {
    let sel = web_sys::window()?.get_selection().ok()??;
    let view = document().get_element_by_id("text-view")?;
    let (a, f) = (sel.anchor_node()?, sel.focus_node()?);
    if !view.contains(Some(&a)) || !view.contains(Some(&f)) {
        return None;
    }
    Some((point_to_char(doc, &a, sel.anchor_offset())?, point_to_char(doc, &f, sel.focus_offset())?))
}

/// Makes the page selection run from code point `anchor` to `head` (a collapsed caret when they are equal),
/// without scrolling; whether both ends were rendered. Each end is put in a segment the selection covers text
/// of (its start in the segment that starts there), so that a selection never reaches back into the block
/// before and reads as a line break.
pub fn set_selection(doc: &DocData, anchor: usize, head: usize) -> bool {
    let (a, h) = (char_to_point(doc, anchor, anchor <= head), char_to_point(doc, head, head < anchor));
    let (Some((n0, o0)), Some((n1, o1))) = (a, h) else {
        return false;
    };
    let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else { return false };
    sel.set_base_and_extent(&n0, o0, &n1, o1).is_ok()
}

/// The code point under the client point (`x`, `y`), if it is in the rendered text.
pub fn char_at_point(doc: &DocData, x: f64, y: f64) -> Option<usize> {
    let pos = document().caret_position_from_point(x as f32, y as f32)?;
    let node = pos.offset_node()?;
    let view = document().get_element_by_id("text-view")?;
    if !view.contains(Some(&node)) {
        return None;
    }
    point_to_char(doc, &node, pos.offset())
}

/// Selects code points `start..end` on the page (both ends must be in rendered blocks).
pub fn select_chars(doc: &DocData, start: usize, end: usize) -> bool {
    let (Some((n0, o0)), Some((n1, o1))) = (char_to_point(doc, start, false), char_to_point(doc, end, false)) else {
        return false;
    };
    let Ok(range) = document().create_range() else { return false };
    if range.set_start(&n0, o0).is_err() || range.set_end(&n1, o1).is_err() {
        return false;
    }
    if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = sel.remove_all_ranges();
        let _ = sel.add_range(&range);
        if let Some(el) = n0.parent_element() {
            scroll_into_view(&el);
        }
        return true;
    }
    false
}

/// Scrolls an element to the middle of the view, if it is not visible.
pub fn scroll_into_view(el: &Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Offers `content` as a file download (no network: a blob URL).
pub fn download(name: &str, mime: &str, content: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(content));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let doc = document();
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.set_hidden(true);
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    // Revoke later: the download has started by the next tick.
    after(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
}

/// Runs `f` once, `ms` milliseconds from now (on a later turn of the event loop, after the page has drawn).
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms);
    }
}

/// Whether `e` is a field that keys and pastes belong to (where they type instead of acting).
pub fn is_field(e: &Element) -> bool {
    let tag = e.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select") || e.get_attribute("contenteditable").is_some()
}

/// Whether keyboard focus is in a field.
pub fn typing_in_field() -> bool {
    document().active_element().is_some_and(|e| is_field(&e))
}

/// Runs `f` inside a `performance.measure` named `name`, so benchmarks and the browser's profiler can see
/// where time goes.
pub fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let perf = web_sys::window().and_then(|w| w.performance());
    let (a, b) = (format!("{name}:start"), format!("{name}:end"));
    if let Some(p) = &perf {
        let _ = p.mark(&a);
    }
    let out = f();
    if let Some(p) = &perf {
        let _ = p.mark(&b);
        let _ = p.measure_with_start_mark_and_end_mark(name, &a, &b);
        p.clear_marks_with_mark_name(&a);
        p.clear_marks_with_mark_name(&b);
    }
    out
}

/// Selects `start..end` once its blocks are rendered (after a scroll the view renders them on its next turn),
/// trying for up to about two seconds.
pub fn select_when_rendered(doc: std::rc::Rc<DocData>, start: usize, end: usize, attempts: u32) {
    after(40, move || {
        if !select_chars(&doc, start, end) && attempts > 0 {
            select_when_rendered(doc, start, end, attempts - 1);
        }
    });
}
