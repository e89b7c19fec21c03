//! "Load precise model…" and the precise model's progress, in the second bundle (`dist/sift-precise.html`):
//! starts the worker ([`crate::web::precise`]), loads the model kept from an earlier visit, and asks the worker
//! about the open document's sentences that have no score yet.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::ByPtr;
use crate::session::{unscored, Action, DocData, Precise};
use crate::web::precise::PreciseWorker;
use crate::web::storage::Store;

/// Props of [`PreciseControl`].
#[derive(Properties, PartialEq)]
pub struct PreciseControlProps {
    /// The loaded model and its scores, when there is one.
    pub precise: Option<ByPtr<Precise>>,
    /// The open document, when its sentences may be scored (not while it is annotated, not with claims off).
    pub doc: Option<ByPtr<DocData>>,
    /// Where the model file is kept.
    pub store: Store,
    /// Where the worker's answers go.
    pub dispatch: Callback<Action>,
}

/// The control.
#[function_component(PreciseControl)]
pub fn precise_control(p: &PreciseControlProps) -> Html {
    let worker: Rc<RefCell<Option<Rc<PreciseWorker>>>> = use_mut_ref(|| None);
    let input = use_node_ref();
    {
        let (worker, store, dispatch) = (worker.clone(), p.store.clone(), p.dispatch.clone());
        use_effect_with((), move |_| {
            if let Some(w) = PreciseWorker::start(store.clone(), dispatch) {
                let w = Rc::new(w);
                *worker.borrow_mut() = Some(w.clone());
                wasm_bindgen_futures::spawn_local(async move { w.load_kept(&store).await });
            }
            move || drop(worker.borrow_mut().take())
        });
    }
    {
        let (worker, dispatch) = (worker.clone(), p.dispatch.clone());
        use_effect_with((p.precise.clone(), p.doc.clone()), move |(precise, doc)| {
            let w = worker.borrow().clone();
            if let (Some(precise), Some(doc), Some(w)) = (precise, doc, w) {
                if let Some(todo) = unscored(&precise.0, &doc.0) {
                    w.score(&doc.0.id, &todo);
                    dispatch.emit(Action::PreciseProgress(0, todo.len()));
                }
            }
        });
    }
    let open = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                i.click();
            }
        })
    };
    let chosen = {
        let (worker, dispatch) = (worker.clone(), p.dispatch.clone());
        Callback::from(move |e: Event| {
            let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let file = i.files().and_then(|f| f.get(0));
            i.set_value("");
            let (Some(file), Some(w)) = (file, worker.borrow().clone()) else { return };
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buf) => w.load(js_sys::Uint8Array::new(&buf).to_vec()),
                    Err(_) => dispatch.emit(Action::PreciseFailed(format!("{} could not be read.", file.name()))),
                }
            });
        })
    };
    let status = match p.precise.as_ref().map(|x| (&x.0.name, x.0.progress)) {
        Some((_, Some((done, total)))) => html! {
            <span class="precise-progress" role="status">
                <progress max={total.to_string()} value={done.to_string()}
                    aria-label="Scoring claims with the precise model"></progress>
                {format!("{done}/{total}")}
            </span>
        },
        Some((name, None)) => html! { <span class="precise-on" title={name.clone()}>{"precise"}</span> },
        None => html! {},
    };
    html! {
        <span class="precise">
            <button type="button" class="btn" onclick={open}
                title="Score claims with a precise model file (claims.sift-model), kept in this browser">
                {"Load precise model…"}
            </button>
            <input type="file" accept=".sift-model" hidden=true ref={input} onchange={chosen}
                aria-label="Precise model file" />
            {status}
        </span>
    }
}
