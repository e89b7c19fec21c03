//! Keyboard focus after an action that can take the focused control away (a button that becomes disabled, a
//! row that goes): once the page has drawn, focus goes back where it was if that can still hold it, else to the
//! first fallback that can, so it never drops to `<body>`.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::dom;

/// Whether `e` can take the focus now: on the page, enabled, not inside an inert part.
fn usable(e: &Element) -> bool {
    e.is_connected() && !e.has_attribute("disabled") && e.closest("[inert], [hidden]").ok().flatten().is_none()
}

/// Whether the focus is lost: on the body, nowhere, or on a control that can no longer hold it.
fn lost() -> bool {
    let doc = dom::document();
    match doc.active_element() {
        None => true,
        Some(a) => doc.body().is_some_and(|b| *b == a) || !usable(&a),
    }
}

/// After the next drawing of the page, if the focus was lost, moves it to the first of `keep` (elements, e.g.
/// the control that had it) and then of `then` (CSS selectors) that can take it.
pub fn settle(keep: Vec<Option<Element>>, then: &'static [&'static str]) {
    // The app draws in a microtask after the event; a timer runs after it.
    dom::after(0, move || {
        if !lost() {
            return;
        }
        let doc = dom::document();
        let body = doc.body().map(Element::from);
        let found = then.iter().filter_map(|s| doc.query_selector(s).ok().flatten());
        for el in keep.into_iter().flatten().filter(|e| Some(e) != body.as_ref()).chain(found) {
            if !usable(&el) {
                continue;
            }
            if let Ok(h) = el.dyn_into::<HtmlElement>() {
                let _ = h.focus();
                if !lost() {
                    return;
                }
            }
        }
    });
}

/// The element that has the focus now (not the body).
pub fn current() -> Option<Element> {
    let doc = dom::document();
    doc.active_element().filter(|a| doc.body().is_none_or(|b| *b != *a))
}
