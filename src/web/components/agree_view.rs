//! The "Agreement" view: other annotators' exports of the same documents beside this browser's work, the
//! agreement figures ([`crate::agree::agree`]), and a walk through every disagreement, side by side, to
//! adjudicate it with the keyboard (keep A, keep B, keep all, drop, edit, next). Choices are undoable actions;
//! "Apply" writes the merged spans, with who agreed, into the documents.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::ByPtr;
use crate::agree::{agree, Adjudication, Agreement, Choice, Disagreement, Options};
use crate::session::files as io;
use crate::session::{annotator_from, Action, Detectors, DocData, Review};

/// Props of [`AgreeView`].
#[derive(Properties, PartialEq)]
pub struct AgreeViewProps {
    /// This browser's documents (annotator A).
    pub docs: ByPtr<Vec<Rc<DocData>>>,
    /// The other annotators and the choices made.
    pub review: ByPtr<Review>,
    /// The disagreement the walk is on.
    pub at: usize,
    /// Which detectors run on a bare text among an annotator's files (the session's setting).
    pub detectors: Detectors,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The figures and the disagreements of `review` against `docs`.
pub fn figures_of(docs: &[Rc<DocData>], review: &Review) -> (Agreement, Adjudication) {
    let all = review.annotators(docs);
    (agree(&all, &Options::default()), review.adjudication(docs))
}

/// Reads an annotator's export (any format sift reads; several files are one annotator's) and adds it.
fn add_annotator(files: web_sys::FileList, detectors: Detectors, dispatch: Callback<Action>) {
    let files = super::app::files_of(&files);
    wasm_bindgen_futures::spawn_local(async move {
        let (read, mut errors) = super::app::read_list(files).await;
        let (opened, errs) = io::open_files(&read, detectors);
        errors.extend(errs);
        let docs: Vec<crate::Document> = opened.docs.into_iter().map(|d| d.doc).collect();
        match read.first() {
            Some((name, _)) if !docs.is_empty() => dispatch.emit(Action::AddAnnotator(annotator_from(name, docs))),
            _ => errors.push("No documents in what was opened: nothing to compare with.".into()),
        }
        if !errors.is_empty() {
            dispatch.emit(Action::Notice(errors.join("\n")));
        }
    });
}

/// The agreement view.
#[function_component(AgreeView)]
pub fn agree_view(p: &AgreeViewProps) -> Html {
    let result = {
        let (docs, review) = (p.docs.clone(), p.review.clone());
        use_memo((docs, review), |(d, r)| figures_of(&d.0, &r.0))
    };
    let (report, adj) = &*result;
    let on_files = {
        let (dispatch, detectors) = (p.dispatch.clone(), p.detectors);
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                add_annotator(files, detectors, dispatch.clone());
            }
            input.set_value("");
        })
    };
    let review = &p.review.0;
    html! {
        <section class="agree" aria-labelledby="agree-h">
            <h2 id="agree-h">{"Agreement and adjudication"}</h2>
            <div class="annotators">
                <span>{ format!("A: this browser ({} documents)", p.docs.0.len()) }</span>
                { for review.others.iter().enumerate().map(|(i, a)| html! {
                    <span class="annotator">
                        { format!("{}: {} ({} documents)", letter(i + 1), a.name, a.documents.len()) }
                        <button class="btn tiny" aria-label={format!("Remove annotator {}", a.name)}
                            onclick={p.dispatch.reform(move |_| Action::RemoveAnnotator(i))}>{"×"}</button>
                    </span>
                }) }
                <label class="btn small">{"Add an annotator's export…"}
                    <input id="annotator-input" type="file" multiple=true hidden=true aria-label="Another annotator's export" onchange={on_files}
                        accept=".json,.jsonl,.ann,.txt,.conll,.tsv,.jsonld" />
                </label>
            </div>
            if review.is_empty() {
                <p class="empty">{"Open another annotator's export of the same documents (any format sift reads) to see \
                    how far you agree and to adjudicate where you differ. Documents are matched by their text."}</p>
            } else {
                { scores(report) }
                { walk(adj, review, p) }
            }
        </section>
    }
}

/// "A", "B", … for annotator indices (after Z: numbers).
fn letter(i: usize) -> String {
    u8::try_from(i).ok().filter(|&i| i < 26).map_or_else(|| format!("#{}", i + 1), |i| char::from(b'A' + i).to_string())
}

fn fmt(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{v:.3}"))
}

fn scores(r: &Agreement) -> Html {
    let kappa = r.cohen.as_ref().or(r.fleiss.as_ref());
    html! {
        <>
            <p class="agree-summary" aria-live="polite">
                { format!("{} documents matched by text", r.documents) }
                if !r.unmatched.is_empty() { { format!(", {} not matched (not in every set)", r.unmatched.len()) } }
                { format!(". {} disagreements.", r.disagreements.len()) }
            </p>
            <div class="table-scroll">
                <table class="agree-scores">
                    <caption>{"Span agreement (F1, the first of each pair as reference) and chance-corrected figures"}</caption>
                    <thead><tr><th scope="col">{"Pair / label"}</th><th scope="col">{"F1 exact"}</th>
                        <th scope="col">{"F1 overlap"}</th><th scope="col">{"spans"}</th></tr></thead>
                    <tbody>
                        { for r.pairs.iter().flat_map(|pair| {
                            std::iter::once((format!("{} – {}", pair.a, pair.b), &pair.scores.overall, true))
                                .chain(pair.scores.labels.iter().map(|l| (format!("  {}", l.label), l, false)))
                                .collect::<Vec<_>>()
                        }).map(|(name, l, head)| html! {
                            <tr class={classes!(head.then_some("pair"))}>
                                <th scope="row">{ name }</th>
                                <td class="f1-exact">{ format!("{:.3}", l.exact.f1) }</td>
                                <td>{ format!("{:.3}", l.overlap.f1) }</td>
                                <td>{ l.exact.tp + l.exact.fn_ + l.exact.fp }</td>
                            </tr>
                        }) }
                        if let Some(k) = kappa {
                            <tr><th scope="row">{ format!("{} on tokens", k.statistic) }</th>
                                <td class="kappa" colspan="2">{ fmt(k.overall.value) }</td><td>{ k.overall.items }</td></tr>
                        }
                        <tr><th scope="row">{"Krippendorff's unitized α"}</th>
                            <td class="alpha" colspan="2">{ fmt(r.alpha.overall.value) }</td><td>{ r.alpha.overall.length }</td></tr>
                    </tbody>
                </table>
            </div>
        </>
    }
}

fn choice_words(c: &Choice, names: &[String]) -> String {
    match c {
        Choice::Keep { annotator } => format!("keep {}", names.get(*annotator).cloned().unwrap_or_default()),
        Choice::KeepAll => "keep all".into(),
        Choice::Drop => "drop".into(),
        Choice::Edit { start, end, label } => format!("edited: {label} {start}–{end}"),
    }
}

fn walk(adj: &Adjudication, review: &Review, p: &AgreeViewProps) -> Html {
    let n = adj.disagreements.len();
    let decided = adj.disagreements.iter().filter(|x| review.choices.contains_key(&x.id)).count();
    let apply = html! {
        <button class="btn primary" id="apply-review" onclick={p.dispatch.reform(|_| Action::ApplyReview)}
            title="Write the agreed spans and your choices into the documents (undoable)">
            { format!("Apply {decided} choices to the documents") }</button>
    };
    let Some(x) = adj.disagreements.get(p.at.min(n.saturating_sub(1))) else {
        return html! { <div class="walk"><p>{"No disagreement: every annotator made the same spans."}</p>{ apply }</div> };
    };
    let at = p.at.min(n - 1);
    let choose = |c: Choice| {
        let id = x.id.clone();
        p.dispatch.reform(move |_| Action::Adjudicate(id.clone(), c.clone()))
    };
    let chosen = review.choices.get(&x.id);
    let on_edit = {
        let (id, dispatch) = (x.id.clone(), p.dispatch.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let field = |name: &str| {
                crate::web::dom::document()
                    .get_element_by_id(name)
                    .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                    .map(|e| e.value())
                    .unwrap_or_default()
            };
            let (start, end, label) = (field("edit-start").parse(), field("edit-end").parse(), field("edit-label"));
            match (start, end) {
                (Ok(start), Ok(end)) if start < end && !label.trim().is_empty() => {
                    let label = label.trim().to_string();
                    dispatch.emit(Action::Adjudicate(id.clone(), Choice::Edit { start, end, label }))
                }
                _ => dispatch.emit(Action::Notice("An edit needs a start before its end and a label.".into())),
            }
        })
    };
    html! {
        <div class="walk" aria-labelledby="walk-h">
            <h3 id="walk-h">{ format!("Disagreement {} of {n} ({decided} decided)", at + 1) }</h3>
            <p class="dis-kind" data-kind={x.kind.name()}>
                { format!("{} · {} · {}", x.kind.name(), x.labels.join(", "), x.document) }
                if !x.attributes.is_empty() { { format!(" · attributes: {}", x.attributes.join(", ")) } }
            </p>
            <p class="context">{ context(adj, x) }</p>
            <div class="sides">
                { for x.sides.iter().enumerate().map(|(i, s)| html! {
                    <div class={classes!("side", chosen.is_some_and(|c| *c == Choice::Keep { annotator: i }).then_some("kept"))}>
                        <div class="side-name">{ format!("{} ({})", s.annotator, i + 1) }</div>
                        if s.spans.is_empty() { <div class="nothing">{"nothing here"}</div> }
                        { for s.spans.iter().map(|r| html! {
                            <div class="side-span"><span class="badge">{ r.label.clone() }</span>
                                <q>{ r.text.clone() }</q><span class="pos">{ format!(" {}–{}", r.start, r.end) }</span></div>
                        }) }
                    </div>
                }) }
            </div>
            <p class="chosen" aria-live="polite">{ chosen.map_or_else(|| "Not decided yet.".to_string(),
                |c| format!("Chosen: {}.", choice_words(c, &adj.annotators))) }</p>
            <div class="walk-actions">
                { for (0..x.sides.len()).map(|i| html! {
                    <button class="btn small keep" onclick={choose(Choice::Keep { annotator: i })}>
                        { format!("Keep {} ({})", adj.annotators[i], i + 1) }</button>
                }) }
                <button class="btn small" onclick={choose(Choice::KeepAll)}>{"Keep all (B)"}</button>
                <button class="btn small" onclick={choose(Choice::Drop)}>{"Drop (X)"}</button>
                <button class="btn small" disabled={at == 0} onclick={p.dispatch.reform(move |_| Action::ReviewAt(at - 1))}>{"Previous (P)"}</button>
                <button class="btn small" disabled={at + 1 >= n} onclick={p.dispatch.reform(move |_| Action::ReviewAt(at + 1))}>{"Next (N)"}</button>
                { apply }
            </div>
            <form class="edit-choice" key={x.id.clone()} onsubmit={on_edit} aria-label="Edit: one span of your own instead">
                <label>{"Start "}<input id="edit-start" type="number" min="0" value={x.start.to_string()} /></label>
                <label>{"End "}<input id="edit-end" type="number" min="0" value={x.end.to_string()} /></label>
                <label>{"Label "}<input id="edit-label" type="text" value={x.labels.first().cloned().unwrap_or_default()} /></label>
                <button class="btn small" type="submit">{"Use this span (edit)"}</button>
            </form>
            <p class="hint">{"Keys: 1–9 keep that annotator's side, B keep all, X drop, E edit, N / P next and previous; Ctrl+Z undoes."}</p>
        </div>
    }
}

/// The disagreement's text with a little on each side, for reading it in place.
fn context(adj: &Adjudication, x: &Disagreement) -> String {
    let Some(d) = adj.documents.iter().find(|d| d.hash == x.hash) else { return String::new() };
    let chars: Vec<char> = d.text.chars().collect();
    let (s, e) = (x.start.min(chars.len()), x.end.min(chars.len()));
    let from = s.saturating_sub(60);
    let to = (e + 60).min(chars.len());
    let part = |a: usize, b: usize| chars[a..b].iter().collect::<String>().replace('\n', " ");
    format!("…{}[{}]{}…", part(from, s), part(s, e), part(e, to))
}
