//! The app shell: layout, page-wide keys, paste, drop, and news from other tabs.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::keys::{on_key, KeyTargets, Live};
use super::shortcuts_help::use_help;
use super::text_view::Revealer;
use super::{
    AgreeView, ByPtr, CompareView, DocLabels, DocList, Inspector, Intake, LabelPanel, Palette, PublishedEditor,
    ReviewBar, ShortcutsHelp, SpanList, TextView, Toolbar,
};
use crate::input::Source;
use crate::session::files as io;
use crate::session::{doc_name, too_long, Action, Detectors, DocData, NewDoc, Saved, Saver, Session, View, AT_ONCE};
use crate::web::storage::Store;
use crate::web::{annotate, dom};
use crate::{Document, Scope, Status};

/// A fresh document id: time-based, so two tabs pasting at once do not collide.
pub fn fresh_id() -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1296.0) as u64;
    format!("d{}{}", radix36(t), radix36(r))
}

fn radix36(mut n: u64) -> String {
    const D: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut s = Vec::new();
    loop {
        s.push(D[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The files of a file list, taken at once: the input is cleared right after, which empties its list.
pub fn files_of(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Reads files as text, `(name, content)`, with one message per file that could not be read.
pub async fn read_list(list: Vec<web_sys::File>) -> (Vec<(String, String)>, Vec<String>) {
    let mut read: Vec<(String, String)> = Vec::new();
    let mut errors = Vec::new();
    for f in list {
        let name = f.name();
        if f.size() > 64.0 * 1024.0 * 1024.0 {
            errors.push(format!("{name}: larger than 64 MB, not opened."));
            continue;
        }
        match wasm_bindgen_futures::JsFuture::from(f.text()).await {
            Ok(t) => read.push((name, t.as_string().unwrap_or_default())),
            Err(_) => errors.push(format!("{name}: could not be read.")),
        }
    }
    (read, errors)
}

/// Reads dropped or opened files and adds what they hold (text files annotated by the `detectors` that are on).
pub fn open_files(files: web_sys::FileList, detectors: Detectors, dispatch: Callback<Action>) {
    let files = files_of(&files);
    wasm_bindgen_futures::spawn_local(async move {
        let (read, mut errors) = read_list(files).await;
        let (opened, errs) = io::open_files(&read, detectors);
        errors.extend(errs);
        errors.extend(opened.remarks);
        if !opened.docs.is_empty() {
            let of_last = opened.docs.len();
            dispatch.emit(Action::AddDocs(opened.docs, opened.labels));
            if !opened.decisions.is_empty() {
                dispatch.emit(Action::AddDecisions { decisions: opened.decisions, of_last });
            }
        }
        if !errors.is_empty() {
            dispatch.emit(Action::Notice(errors.join("\n")));
        }
    });
}

/// Adds a pasted, typed or dropped text (read through [`crate::input`]) as a new document, annotated by the
/// `detectors` that are on: at once, or, for a long text, shown at once and annotated slice by slice.
pub fn add_source(source: Source, detectors: Detectors, dispatch: &Callback<Action>) {
    if source.text.trim().is_empty() {
        return;
    }
    if let Some(msg) = too_long("This text", source.text.len()) {
        dispatch.emit(Action::Notice(msg));
        return;
    }
    let (id, name) = (fresh_id(), doc_name(&source.text));
    if source.text.len() <= AT_ONCE {
        let (doc, cut) = dom::measure("sift:analyze", || NewDoc::annotated_bounded(&id, &name, source, detectors));
        dispatch.emit(Action::AddDocs(vec![doc], Vec::new()));
        if let Some(msg) = cut {
            dispatch.emit(Action::Notice(msg));
        }
        return;
    }
    let Source { text, lines, markup } = source;
    let (shared_text, shared_facts) = (Rc::<str>::from(text.as_str()), lines.clone().map(Rc::new));
    let doc = Document::new(id.clone(), name, text, Vec::new());
    dispatch.emit(Action::AddDocs(vec![NewDoc { doc, facts: lines, markup }], Vec::new()));
    annotate::in_slices(id, shared_text, shared_facts, None, detectors, dispatch.clone());
}

/// Re-annotates the open document by the `detectors` that are on: a long one slice by slice, like a long paste,
/// so the page stays responsive.
pub fn reannotate(doc: &Rc<DocData>, detectors: Detectors, dispatch: &Callback<Action>) {
    if doc.text.len() > AT_ONCE {
        dispatch.emit(Action::ClearSuggestions);
        let (text, facts, date) = (doc.text.clone(), doc.facts.clone(), doc.date.clone());
        annotate::in_slices(doc.id.clone(), text, facts, date, detectors, dispatch.clone());
    } else {
        dispatch.emit(Action::Reannotate);
    }
}

/// Props of [`App`]: the browser's storage and what it held at start.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Where the work is saved.
    pub store: Store,
    /// The work saved before, read before the first render.
    pub saved: ByPtr<Saved>,
}

/// The app.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let saved = props.saved.0.clone();
        use_reducer(move || Session::from_saved(saved.as_ref().clone()))
    };
    let dispatch = {
        let d = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: Action| d.dispatch(a)))).clone()
    };
    // Saving is an effect after each render: the saver diffs the new session against what storage holds.
    let saver = {
        let s = (*state).clone();
        use_mut_ref(move || Saver::new(&s))
    };
    {
        let saver = saver.clone();
        let (store, dispatch) = (props.store.clone(), dispatch.clone());
        use_effect_with(state.clone(), move |s| {
            let effects = dom::measure("sift:save", || saver.borrow_mut().plan(s));
            store.run(effects, &dispatch);
        });
    }
    let live: Rc<RefCell<Live>> = {
        let s = (*state).clone();
        use_mut_ref(move || Live { state: Rc::new(s), pending: Vec::new() })
    };
    live.borrow_mut().drawn((*state).clone());
    let palette = use_state(|| None::<(f64, f64)>);
    let revealer: Rc<Revealer> = use_mut_ref(|| None);
    let new_doc = use_state(|| false);
    let help = use_help();

    let do_reveal = {
        let revealer = revealer.clone();
        (*use_memo((), move |_| {
            Callback::from(move |c: usize| {
                let f = revealer.borrow().clone();
                if let Some(f) = f {
                    f(c);
                }
            })
        }))
        .clone()
    };

    // Page-wide listeners, registered once.
    {
        let dispatch = dispatch.clone();
        let live = live.clone();
        let palette = palette.clone();
        let do_reveal = do_reveal.clone();
        let new_doc = new_doc.clone();
        let store = props.store.clone();
        let (live2, saver) = (live.clone(), saver.clone());
        let show_help = help.show.clone();
        use_effect_with((), move |_| {
            let doc = dom::document();
            let d = dispatch.clone();
            let (live_paste, live_drop) = (live.clone(), live.clone());
            let paste = EventListener::new_with_options(
                &doc,
                "paste",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
                    // A paste into a field is the field's, except the new-document box.
                    if dom::typing_in_field()
                        && dom::document().active_element().is_none_or(|a| a.id() != "intake-text")
                    {
                        return;
                    }
                    let Some(data) = e.clipboard_data() else { return };
                    let plain = data.get_data("text/plain").unwrap_or_default();
                    let html = data.get_data("text/html").ok().filter(|h| !h.is_empty());
                    let source = crate::input::paste(&plain, html.as_deref());
                    if !source.text.trim().is_empty() {
                        e.prevent_default();
                        add_source(source, live_paste.borrow().state.detectors, &d);
                        new_doc.set(false);
                    }
                },
            );
            let dragover = EventListener::new_with_options(
                &doc,
                "dragover",
                EventListenerOptions::enable_prevent_default(),
                |e| e.prevent_default(),
            );
            let d = dispatch.clone();
            let dropped = EventListener::new_with_options(
                &doc,
                "drop",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else { return };
                    e.prevent_default();
                    if let Some(files) = e.data_transfer().and_then(|t| t.files()) {
                        if files.length() > 0 {
                            open_files(files, live_drop.borrow().state.detectors, d.clone());
                        }
                    }
                },
            );
            // Other tabs' saves.
            let storage_l = store.listen(dispatch.clone());
            let to = KeyTargets { dispatch: dispatch.clone(), palette, reveal: do_reveal, help: show_help };
            let keys = EventListener::new_with_options(
                &doc,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    on_key(e, &live, &to);
                },
            );
            // Leaving the page (closing the tab, reloading, switching away on a phone): start any write not yet
            // made, and copy the writes still under way to a synchronous write-ahead record.
            let flush = {
                let (live, saver, store, d) = (live2.clone(), saver.clone(), store.clone(), dispatch.clone());
                move |_: &web_sys::Event| {
                    let s = live.borrow_mut().current();
                    let effects = saver.borrow_mut().plan(&s);
                    store.run(effects, &d);
                    store.flush();
                }
            };
            let win = web_sys::window().expect("a window");
            let hide = EventListener::new(&win, "pagehide", flush.clone());
            let hidden = EventListener::new(&doc, "visibilitychange", move |e| {
                if dom::document().visibility_state() == web_sys::VisibilityState::Hidden {
                    flush(e);
                }
            });
            // A test hook: the browser tests check that a panic is shown and loses nothing saved. Only this page's
            // own script can send it (the CSP runs no other).
            let test_panic = EventListener::new(&doc, "sift:test-panic", |_| panic!("test panic requested"));
            move || drop((paste, dragover, dropped, storage_l, keys, hide, hidden, test_panic))
        });
    }

    let doc = state.doc().cloned();
    let on_click_spans = {
        let dispatch = dispatch.clone();
        let selected = state.selected.clone();
        Callback::from(move |ids: Vec<String>| {
            if ids.is_empty() {
                dispatch.emit(Action::SelectSpan(None));
                return;
            }
            // Clicking again on the same place walks outwards through nested spans.
            let next = match selected.as_ref().and_then(|s| ids.iter().position(|i| i == s)) {
                Some(k) => ids[(k + 1) % ids.len()].clone(),
                None => ids[0].clone(),
            };
            dispatch.emit(Action::SelectSpan(Some(next)));
        })
    };
    let on_mouse_up = {
        let palette = palette.clone();
        let state = state.clone();
        Callback::from(move |e: MouseEvent| {
            let has = state.doc().and_then(|d| dom::selection(d)).is_some();
            palette.set(has.then(|| (e.client_x() as f64, e.client_y() as f64)));
        })
    };
    let on_key_text = Callback::from(|_e: KeyboardEvent| {});
    let on_review = {
        let (live, dispatch, reveal) = (live.clone(), dispatch.clone(), do_reveal.clone());
        Callback::from(move |status: Status| {
            let s = live.borrow_mut().current();
            if let (Some(doc), Some(span)) = (s.doc(), s.selected_span()) {
                super::keys::review(&s, doc, span, status, &dispatch, &reveal);
            }
        })
    };
    let on_tag = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        let palette = palette.clone();
        Callback::from(move |label: String| {
            if let Some(d) = state.doc() {
                if let Some((s, e)) = dom::selection(d) {
                    let (s, e) = d.snap_words(s, e);
                    dispatch.emit(Action::Tag(s, e, label));
                    dom::clear_selection();
                }
            }
            palette.set(None);
        })
    };
    let on_new = {
        let new_doc = new_doc.clone();
        Callback::from(move |_| new_doc.set(true))
    };
    let on_added = {
        let new_doc = new_doc.clone();
        Callback::from(move |_| new_doc.set(false))
    };

    // A click in the comparison opens the document at the figure; the text view draws first, then scrolls.
    let pending_reveal = use_mut_ref(|| None::<usize>);
    {
        let (pending, do_reveal) = (pending_reveal.clone(), do_reveal.clone());
        use_effect_with(state.clone(), move |_| {
            if let Some(at) = pending.borrow_mut().take() {
                do_reveal.emit(at);
            }
        });
    }
    let on_open = {
        let (dispatch, docs, pending) = (dispatch.clone(), state.docs.clone(), pending_reveal.clone());
        Callback::from(move |(i, start, end): (usize, usize, usize)| {
            let Some(d) = docs.get(i) else { return };
            dispatch.emit(Action::Open(d.id.clone()));
            dispatch.emit(Action::ShowView(View::Annotate));
            if let Some(s) = d.spans.iter().find(|s| s.start == start && s.end == end) {
                dispatch.emit(Action::SelectSpan(Some(s.id.clone())));
            }
            *pending.borrow_mut() = Some(start);
        })
    };
    let main = match (&doc, *new_doc) {
        (_, false) if state.view == View::Agree => html! {
            <AgreeView docs={ByPtr(state.docs.clone())} review={ByPtr(state.review.clone())} at={state.review_at}
                detectors={state.detectors} dispatch={dispatch.clone()} />
        },
        (Some(_), false) if state.view == View::Compare => html! {
            <CompareView docs={ByPtr(state.docs.clone())} decisions={ByPtr(state.decisions.clone())}
                out={ByPtr(state.compare_out.clone())} dispatch={dispatch.clone()} {on_open} />
        },
        (Some(d), false) => html! {
            <>
                <ReviewBar doc={d.clone()} labels={state.labels.clone()} progress={state.annotating.get(&d.id).copied()}
                    min_worth={state.min_worth}
                    dispatch={dispatch.clone()} />
                <DocLabels doc={d.clone()} labels={Rc::new(state.link_labels_of(Scope::Document).cloned().collect::<Vec<_>>())}
                    dispatch={dispatch.clone()} />
                <PublishedEditor id={AttrValue::from(d.id.clone())} url={d.url.clone().map(AttrValue::from)}
                    date={d.date.clone().map(AttrValue::from)} dispatch={dispatch.clone()} />
                <TextView doc={d.clone()} labels={ByPtr(state.labels.clone())} hidden={ByPtr(state.hidden.clone())}
                    min_worth={state.min_worth} selected={state.selected.clone()} {on_click_spans} {on_mouse_up} on_key={on_key_text}
                    revealer={ByPtr(revealer.clone())} />
            </>
        },
        _ => {
            html! { <Intake dispatch={dispatch.clone()} on_added={on_added} can_cancel={doc.is_some()} detectors={state.detectors} /> }
        }
    };
    html! {
        <>
        <div class="app" inert={help.open}>
            <Toolbar doc={doc.clone()} docs={state.docs.clone()} labels={Rc::new(state.all_labels())}
                decisions={state.decisions.clone()} view={state.view}
                can_undo={state.can_undo()} can_redo={state.can_redo()} dispatch={dispatch.clone()}
                on_reveal={do_reveal.clone()} on_help={help.show.clone()} detectors={state.detectors}>
                {precise_control(&state, &props.store, &dispatch)}
            </Toolbar>
            <aside class="sidebar" aria-label="Documents and labels">
                <DocList docs={state.docs.clone()} current={state.current.clone()} dispatch={dispatch.clone()} on_new={on_new}
                    detectors={state.detectors} />
                <LabelPanel labels={state.labels.clone()} hidden={state.hidden.clone()} doc={doc.clone()}
                    docs={state.docs.clone()} detectors={state.detectors} dispatch={dispatch.clone()} />
            </aside>
            <main class="main" id="main">
                if let Some(n) = &state.notice {
                    <div class="notice" role="alert">
                        <span>{ n.clone() }</span>
                        <button class="btn small" aria-label="Dismiss message"
                            onclick={dispatch.reform(|_| Action::DismissNotice)}>{"Dismiss"}</button>
                    </div>
                }
                { main }
            </main>
            <aside class="inspector" aria-label="Span details and list">
                <Inspector doc={doc.clone()} span={state.selected_span().cloned()} labels={state.labels.clone()}
                    relation_types={Rc::new(state.link_labels_of(Scope::Relation).cloned().collect::<Vec<_>>())}
                    dispatch={dispatch.clone()} {on_review} />
                <SpanList doc={doc.clone()} labels={state.labels.clone()} filter={state.filter.clone()}
                    selected={state.selected.clone()} dispatch={dispatch.clone()} on_reveal={do_reveal} />
            </aside>
            if let Some((x, y)) = *palette {
                <Palette x={x} y={y} labels={state.labels.clone()} on_pick={on_tag} />
            }
        </div>
        if help.open { <ShortcutsHelp on_close={help.close.clone()} /> }
        </>
    }
}

/// The precise model's control, in the bundle built with it.
#[cfg(feature = "precise")]
fn precise_control(state: &Session, store: &Store, dispatch: &Callback<Action>) -> Html {
    let doc = state.precise_doc();
    html! {
        <super::PreciseControl precise={state.precise.clone().map(ByPtr)} doc={doc.cloned().map(ByPtr)}
            store={store.clone()} dispatch={dispatch.clone()} />
    }
}

#[cfg(not(feature = "precise"))]
fn precise_control(_: &Session, _: &Store, _: &Callback<Action>) -> Html {
    Html::default()
}
