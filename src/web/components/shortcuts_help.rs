//! The `?` overlay: a modal dialog listing every keyboard shortcut, drawn from the one table the key handler
//! reads ([`crate::session::shortcuts::SHORTCUTS`]). Focus stays inside it (Tab wraps round), Escape or Close
//! shuts it, and the focus goes back where it was ([`use_help`]).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::session::shortcuts::{by_place, chord_label};
use crate::web::{dom, focus};

/// Props of [`ShortcutsHelp`].
#[derive(Properties, PartialEq)]
pub struct ShortcutsHelpProps {
    /// Closes the overlay.
    pub on_close: Callback<()>,
}

/// What can take the focus inside the dialog, in order.
fn focusables(dialog: &Element) -> Vec<HtmlElement> {
    let Ok(list) = dialog.query_selector_all("button, [tabindex='0']") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)?.dyn_into::<HtmlElement>().ok()).collect()
}

/// The shortcut overlay.
#[function_component(ShortcutsHelp)]
pub fn shortcuts_help(p: &ShortcutsHelpProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(first) = dialog.cast::<Element>().and_then(|d| focusables(&d).into_iter().next()) {
                let _ = first.focus();
            }
        });
    }
    let onkeydown = {
        let (on_close, dialog) = (p.on_close.clone(), dialog.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                e.stop_propagation();
                on_close.emit(());
            }
            "Tab" => {
                // Focus wraps round inside the dialog.
                let Some(d) = dialog.cast::<Element>() else { return };
                let all = focusables(&d);
                let (Some(first), Some(last)) = (all.first(), all.last()) else { return };
                let active = dom::document().active_element();
                let at = |h: &HtmlElement| active.as_ref().is_some_and(|a| a == h.unchecked_ref::<Element>());
                let inside = active.as_ref().is_some_and(|a| d.contains(Some(a)));
                if e.shift_key() && (at(first) || !inside) {
                    e.prevent_default();
                    let _ = last.focus();
                } else if !e.shift_key() && (at(last) || !inside) {
                    e.prevent_default();
                    let _ = first.focus();
                }
            }
            _ => {}
        })
    };
    let on_backdrop = {
        let on_close = p.on_close.clone();
        Callback::from(move |e: MouseEvent| {
            let own = e.target().zip(e.current_target()).is_some_and(|(t, c)| t == c);
            if own {
                on_close.emit(());
            }
        })
    };
    let groups = by_place().into_iter().enumerate().map(|(i, (place, rows))| {
        let id = format!("keys-{i}");
        html! {
            <section class="keys-group" aria-labelledby={id.clone()}>
                <h3 {id}>{ place.title() }</h3>
                <dl class="keys">
                    { for rows.into_iter().map(|s| html! {
                        <div class="key-row">
                            <dt>
                                { for s.chords.iter().enumerate().map(|(k, c)| html! {
                                    <>
                                        if k > 0 { <span class="or">{" or "}</span> }
                                        <kbd>{ chord_label(c) }</kbd>
                                    </>
                                }) }
                            </dt>
                            <dd>{ s.what }</dd>
                        </div>
                    }) }
                </dl>
            </section>
        }
    });
    html! {
        <div class="overlay" onclick={on_backdrop}>
            <div class="shortcuts" id="shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-h"
                ref={dialog} {onkeydown}>
                <div class="shortcuts-head">
                    <h2 id="shortcuts-h">{"Keyboard shortcuts"}</h2>
                    <button class="btn small" onclick={p.on_close.reform(|_| ())}>{"Close"}<kbd>{"Esc"}</kbd></button>
                </div>
                <div class="shortcuts-body" tabindex="0" role="region" aria-label="Every shortcut">{ for groups }</div>
            </div>
        </div>
    }
}

/// The overlay's state: whether it is open, and the callbacks that open and close it. Opening remembers the
/// focused element; closing gives the focus back to it once the page is no longer inert.
pub struct Help {
    /// Whether the overlay is open.
    pub open: bool,
    /// Opens it.
    pub show: Callback<()>,
    /// Closes it.
    pub close: Callback<()>,
}

/// The overlay's state, for the app shell.
#[hook]
pub fn use_help() -> Help {
    let open = use_state(|| false);
    let from: Rc<RefCell<Option<Option<Element>>>> = use_mut_ref(|| None);
    let show = {
        let (open, from) = (open.setter(), from.clone());
        (*use_memo((), move |_| {
            Callback::from(move |_: ()| {
                let mut f = from.borrow_mut();
                if f.is_none() {
                    *f = Some(focus::current());
                }
                open.set(true);
            })
        }))
        .clone()
    };
    let close = {
        let open = open.setter();
        (*use_memo((), move |_| Callback::from(move |_: ()| open.set(false)))).clone()
    };
    {
        let from = from.clone();
        use_effect_with(*open, move |&is_open| {
            if !is_open {
                if let Some(was) = from.borrow_mut().take() {
                    focus::settle(vec![was], &["#text-view", "#shortcuts-open"]);
                }
            }
        });
    }
    Help { open: *open, show, close }
}
