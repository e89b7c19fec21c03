//! The page-wide key handler: each key press is looked up in the one shortcut table
//! ([`crate::session::shortcuts`]) that the `?` overlay lists, then run here.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::session::shortcuts::{command, Command, Press, Where};
use crate::session::{choice_for_key, next_undecided, next_worthy, visible, Action, Caret, DocData, Session, View};
use crate::web::{caret, dom, focus};
use crate::Status;

/// What the page-wide key handler needs to see at the time of the key press.
pub struct Live {
    /// The session as last drawn.
    pub state: Rc<Session>,
    /// Actions the keys sent since then: keys can come faster than yew draws ("n" then "a" within a frame), and
    /// the second must see what the first did.
    pub pending: Vec<Action>,
}

impl Live {
    /// The session as drawn, with the keys' actions not drawn yet applied by the same pure reducer yew runs, so
    /// it is the session yew will draw. Costs nothing when every key press was drawn before the next.
    pub fn current(&mut self) -> Rc<Session> {
        for a in self.pending.drain(..) {
            if let Some(next) = self.state.next(a) {
                self.state = Rc::new(next);
            }
        }
        self.state.clone()
    }

    /// A newly drawn session: it holds every action sent so far.
    pub fn drawn(&mut self, state: Session) {
        self.state = Rc::new(state);
        self.pending.clear();
    }
}

/// Where the key handler's effects go.
pub struct KeyTargets {
    /// Actions.
    pub dispatch: Callback<Action>,
    /// The label palette's position (closed with `None`).
    pub palette: UseStateHandle<Option<(f64, f64)>>,
    /// Brings a code point into view.
    pub reveal: Callback<usize>,
    /// Opens the shortcut overlay.
    pub help: Callback<()>,
}

/// Runs `f` on the key press as the shortcut table reads it (Cmd counts as Ctrl).
pub fn with_press<T>(e: &KeyboardEvent, f: impl FnOnce(&Press) -> T) -> T {
    let (key, code) = (e.key(), e.code());
    f(&Press { key: &key, code: &code, ctrl: e.ctrl_key() || e.meta_key(), shift: e.shift_key(), alt: e.alt_key() })
}

/// Page-wide keys: undo/redo, label keys, review keys, and the caret and keyboard selection in the text.
pub fn on_key(e: &KeyboardEvent, live: &Rc<RefCell<Live>>, to: &KeyTargets) {
    // An open dialog keeps its keys.
    if dom::document().query_selector("[aria-modal=true]").ok().flatten().is_some() {
        return;
    }
    with_press(e, |press| key_press(e, press, live, to));
}

/// [`on_key`] for one press.
fn key_press(e: &KeyboardEvent, press: &Press, live: &Rc<RefCell<Live>>, to: &KeyTargets) {
    // Keys typed into a field belong to it (judged by the event's target: a field may have moved focus away).
    let typing = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|t| dom::is_field(&t))
        || dom::typing_in_field();
    if typing {
        return;
    }
    let state = live.borrow_mut().current();
    // Every action of this key press goes to yew and to the live copy's queue.
    let dispatch = &{
        let (live, d) = (live.clone(), to.dispatch.clone());
        Callback::from(move |a: Action| {
            live.borrow_mut().pending.push(a.clone());
            d.emit(a);
        })
    };
    if state.view == View::Agree {
        match command(press, &[Where::Anywhere, Where::Agreement]) {
            Some(c) if anywhere(c, dispatch, &to.help) || review_key(c, press, &state, dispatch) => e.prevent_default(),
            _ => {}
        }
        return;
    }
    let Some(doc) = state.doc().cloned() else {
        if command(press, &[Where::Anywhere]).is_some_and(|c| anywhere(c, dispatch, &to.help)) {
            e.prevent_default();
        }
        return;
    };
    let in_text = dom::document().active_element().is_some_and(|a| a.id() == "text-view");
    let places: &[Where] =
        if in_text { &[Where::Anywhere, Where::Document, Where::Text] } else { &[Where::Anywhere, Where::Document] };
    let Some(cmd) = command(press, places) else { return };
    if anywhere(cmd, dispatch, &to.help) {
        e.prevent_default();
        return;
    }
    let selected = state.selected.as_ref().and_then(|id| doc.spans.iter().find(|s| s.id == *id)).cloned();
    match cmd {
        Command::Tag | Command::TagExact => {
            let d = press.digit().map(|d| d.to_string());
            let Some(label) = state.labels.iter().find(|l| l.key.is_some() && l.key == d).cloned() else { return };
            if let Some((s, t)) = dom::selection(&doc) {
                let (s, t) = if cmd == Command::TagExact { doc.map.snap_outward(s, t) } else { doc.snap_words(s, t) };
                dispatch.emit(Action::Tag(s, t, label.name));
                dom::clear_selection();
                to.palette.set(None);
                caret::store(&doc, Caret::at(t));
            } else if let Some(sel) = selected {
                dispatch.emit(Action::Fix {
                    id: sel.id,
                    start: sel.start,
                    end: sel.end,
                    label: label.name,
                    note: sel.note,
                });
            }
        }
        Command::Move(m, extend) => {
            let from = caret::current(&doc, caret::first_on_screen);
            if m.on_screen() {
                caret::move_on_screen(doc.clone(), from, m, extend);
            } else {
                let reveal = to.reveal.clone();
                caret::set_revealed(doc.clone(), from.moved(&doc, m, extend), move |c| reveal.emit(c));
            }
        }
        Command::Accept | Command::Reject => {
            if let Some(s) = selected {
                let st = if cmd == Command::Accept { Status::Accepted } else { Status::Rejected };
                review(&state, &doc, &s, st, dispatch, &to.reveal);
            }
        }
        Command::Next | Command::Previous => {
            let forward = cmd == Command::Next;
            let from = selected.as_ref().map_or(if forward { 0 } else { usize::MAX }, |s| s.start);
            if !jump(&state, &doc, from, forward, dispatch, &to.reveal) {
                dispatch.emit(Action::Notice("No unreviewed suggestion left in this direction.".into()));
            }
        }
        Command::NextWorthy => match next_worthy(&doc.spans, state.selected.as_deref(), &state.hidden, state.min_worth)
        {
            Some(s) => {
                dispatch.emit(Action::SelectSpan(Some(s.id.clone())));
                to.reveal.emit(s.start);
            }
            None => dispatch.emit(Action::Notice("No unreviewed claim left to check.".into())),
        },
        Command::DocLabels => {
            // Document labels: the first checkbox, or the field to add one when the set is empty.
            let group = dom::document().query_selector(".doc-labels input").ok().flatten();
            if let Some(t) = group.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = t.focus();
            }
        }
        Command::Link => {
            // Link: the target list of the selected span's relations, to pick with the arrows.
            let target = dom::document().get_element_by_id("link-target");
            match target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                Some(t) if selected.is_some() => {
                    let _ = t.focus();
                }
                _ => dispatch.emit(Action::Notice("Select a span first, then press L to link it to another.".into())),
            }
        }
        Command::LabelAll | Command::LabelAllEverywhere => {
            dispatch.emit(super::inspector::label_all_key(cmd == Command::LabelAllEverywhere, selected.as_ref()))
        }
        Command::Delete => {
            if let Some(s) = selected {
                let was = focus::current();
                dispatch.emit(Action::DeleteSpan(s.id));
                focus::settle(vec![was], AFTER_REVIEW);
            }
        }
        Command::Clear => {
            // The selection goes; the caret stays where it was.
            if let Some(c) = caret::get(&doc) {
                caret::store(&doc, Caret::at(c.head));
            }
            dom::clear_selection();
            to.palette.set(None);
            dispatch.emit(Action::SelectSpan(None));
        }
        _ => return,
    }
    e.prevent_default();
}

/// Runs the commands that work everywhere; whether `c` was one.
fn anywhere(c: Command, dispatch: &Callback<Action>, help: &Callback<()>) -> bool {
    match c {
        Command::Undo => dispatch.emit(Action::Undo),
        Command::Redo => dispatch.emit(Action::Redo),
        Command::Help => help.emit(()),
        _ => return false,
    }
    true
}

/// Where the focus goes when a review decision took it away: the span now selected (its row in the span list),
/// else the text.
pub const AFTER_REVIEW: &[&str] = &[".span-row.current", "#text-view"];

/// Accepts or rejects `span`, goes on to the next unreviewed suggestion, and keeps the keyboard focus on the
/// page: where it was if that can still hold it, else on the span now selected (its row in the span list), else
/// the text.
pub fn review(
    state: &Session,
    doc: &DocData,
    span: &crate::Span,
    status: Status,
    dispatch: &Callback<Action>,
    reveal: &Callback<usize>,
) {
    let was = focus::current();
    dispatch.emit(Action::SetStatus(vec![span.id.clone()], status));
    jump(state, doc, span.start, true, dispatch, reveal);
    focus::settle(vec![was], AFTER_REVIEW);
}

/// Adjudication commands: 1–9 keep that annotator's side, B keep all, X drop (each then moves on to the next
/// undecided disagreement), N/J and P/K walk, E goes to the edit form. Whether `c` did anything.
fn review_key(c: Command, press: &Press, state: &Session, dispatch: &Callback<Action>) -> bool {
    let adj = state.review.adjudication(&state.docs);
    let n = adj.disagreements.len();
    if n == 0 {
        return false;
    }
    let at = state.review_at.min(n - 1);
    let choice = match c {
        Command::KeepSide => press.digit().and_then(|d| choice_for_key(&d.to_string(), adj.annotators.len())),
        Command::KeepAll => choice_for_key("b", adj.annotators.len()),
        Command::Drop => choice_for_key("x", adj.annotators.len()),
        _ => None,
    };
    if let Some(choice) = choice {
        let id = adj.disagreements[at].id.clone();
        dispatch.emit(Action::Adjudicate(id, choice));
        dispatch.emit(Action::ReviewAt(next_undecided(&adj, &state.review.choices, at)));
        return true;
    }
    match c {
        Command::Next => dispatch.emit(Action::ReviewAt((at + 1).min(n - 1))),
        Command::Previous => dispatch.emit(Action::ReviewAt(at.saturating_sub(1))),
        Command::EditChoice => {
            if let Some(f) = dom::document().get_element_by_id("edit-start") {
                let _ = f.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
        _ => return false,
    }
    true
}

/// Selects the next (or previous) unreviewed visible suggestion after (before) code point `from`.
pub fn jump(
    state: &Session,
    doc: &DocData,
    from: usize,
    forward: bool,
    dispatch: &Callback<Action>,
    reveal: &Callback<usize>,
) -> bool {
    let cur = state.selected.clone();
    let todo = |s: &&crate::Span| {
        s.status == Status::Suggested && visible(s, &state.hidden, state.min_worth) && Some(&s.id) != cur.as_ref()
    };
    let next = if forward {
        doc.spans.iter().filter(todo).find(|s| s.start >= from).or_else(|| doc.spans.iter().find(todo))
    } else {
        doc.spans.iter().rev().filter(todo).find(|s| s.start <= from).or_else(|| doc.spans.iter().rev().find(todo))
    };
    match next {
        Some(s) => {
            dispatch.emit(Action::SelectSpan(Some(s.id.clone())));
            reveal.emit(s.start);
            true
        }
        None => false,
    }
}
