//! The "Compare" view: the open documents side by side in three tables (figures, shared passages, sources), from
//! [`crate::session::compared`]. A flagged figure row stands out; clicking a figure or an excerpt opens its
//! document there; rows can be marked reviewed, merged or split, as undoable [`Action::Decide`]s.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::ByPtr;
use crate::compare::{Comparison, Decision, FigureGroup, Verdict};
use crate::session::{compared, Action, DocData};

/// Where a click in the tables leads: a document (by its index in the list) and a code-point range in it.
pub type Target = (usize, usize, usize);

/// Props of [`CompareView`].
#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    /// The documents compared, in list order.
    pub docs: ByPtr<Vec<Rc<DocData>>>,
    /// The user's decisions on the comparison.
    pub decisions: ByPtr<Vec<Decision>>,
    /// Where decisions go.
    pub dispatch: Callback<Action>,
    /// Opens a document at a range.
    pub on_open: Callback<Target>,
}

/// The comparison of every open document.
#[function_component(CompareView)]
pub fn compare_view(p: &CompareViewProps) -> Html {
    let result = {
        let (docs, decisions) = (p.docs.clone(), p.decisions.clone());
        use_memo((docs, decisions), |(d, k)| compared(&d.0, &k.0))
    };
    let (c, skipped) = &*result;
    let flagged = c.figures.iter().filter(|g| g.disagree).count();
    html! {
        <section class="compare" aria-labelledby="compare-h">
            <h2 id="compare-h">{ format!("{} documents compared", c.documents.len()) }</h2>
            <p class="compare-summary" aria-live="polite">
                { format!("{} figure rows ({flagged} flagged), {} shared passages, {} sources.",
                    c.figures.len(), c.passages.len(), c.sources.len()) }
                if !skipped.is_empty() {
                    <span class="stale">{ format!(" {} earlier decisions no longer apply (the documents changed).", skipped.len()) }</span>
                }
            </p>
            { figures(c, p) }
            { passages(c, p) }
            { sources(c, p) }
        </section>
    }
}

fn doc_name(c: &Comparison, i: usize) -> String {
    c.documents.get(i).map_or_else(|| format!("#{i}"), |d| d.name.clone())
}

fn figures(c: &Comparison, p: &CompareViewProps) -> Html {
    html! {
        <>
            <h3 id="figures-h">{"Figures"}</h3>
            if c.figures.is_empty() { <p class="empty">{"No figure found in more than one role."}</p> }
            else {
                <div class="table-scroll">
                    <table class="figures" aria-labelledby="figures-h">
                        <thead><tr>
                            <th scope="col">{"What is counted"}</th>
                            { for c.documents.iter().map(|d| html! {
                                <th scope="col" title={d.date.clone().unwrap_or_default()}>{ d.name.clone() }</th>
                            }) }
                        </tr></thead>
                        <tbody>{ for c.figures.iter().map(|g| figure_row(c, g, p)) }</tbody>
                    </table>
                </div>
            }
        </>
    }
}

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Single => "single",
        Verdict::Consistent => "consistent",
        Verdict::Update => "update",
        Verdict::Contradiction => "contradiction",
    }
}

fn figure_row(c: &Comparison, g: &FigureGroup, p: &CompareViewProps) -> Html {
    let key = g.key.clone();
    let reviewed = {
        let key = key.clone();
        p.dispatch.reform(move |_| Action::Decide(Decision::Reviewed { group: key.clone() }))
    };
    let merge = {
        let from = key.clone();
        p.dispatch.reform(move |e: Event| {
            let into = e.target_unchecked_into::<HtmlSelectElement>().value();
            Action::Decide(Decision::Merge { into, from: from.clone() })
        })
    };
    let others: Vec<&FigureGroup> = c.figures.iter().filter(|o| o.key != g.key).collect();
    let can_split = g.cells.len() > 1;
    html! {
        <tr class={classes!("figure-row", g.disagree.then_some("flagged"), g.reviewed.then_some("reviewed"))}
            data-key={g.key.clone()}>
            <th scope="row">
                <span class="row-title">{ g.title.clone() }</span>
                <span class={classes!("verdict", verdict_word(g.verdict))}>
                    { if g.disagree { "⚠ " } else { "" } }{ verdict_word(g.verdict) }
                </span>
                <span class="explain">{ g.explanation.clone() }</span>
                <span class="row-actions">
                    if g.reviewed { <span class="done">{"✓ reviewed"}</span> }
                    else { <button class="btn small" onclick={reviewed}
                        aria-label={format!("Mark reviewed: {}", g.title)}>{"Mark reviewed"}</button> }
                    if !others.is_empty() {
                        <select class="merge" aria-label={format!("Merge the row {} into another row", g.title)} onchange={merge}>
                            <option value="" selected=true disabled=true>{"Merge into…"}</option>
                            { for others.iter().map(|o| html! { <option value={o.key.clone()}>{ o.title.clone() }</option> }) }
                        </select>
                    }
                </span>
            </th>
            { for (0..c.documents.len()).map(|d| html! {
                <td>{ for g.cells.iter().filter(|x| x.doc == d).map(|x| {
                    let open = { let (s, e) = (x.start, x.end); p.on_open.reform(move |_| (d, s, e)) };
                    let split = {
                        let (group, start, end) = (g.key.clone(), x.start, x.end);
                        p.dispatch.reform(move |_| Action::Decide(Decision::Split { group: group.clone(), doc: d, start, end }))
                    };
                    let who = x.source.as_ref().map(|s| format!(" ({s})")).unwrap_or_default();
                    html! {
                        <span class="cell">
                            <button class="figure" title={x.sentence.text.clone()} onclick={open}
                                aria-label={format!("{}: {} in {}{who}; open it", x.reading, x.text, doc_name(c, d))}>
                                { x.reading.clone() }
                            </button>
                            if can_split {
                                <button class="btn tiny split" onclick={split} title="This figure counts something else: split it off"
                                    aria-label={format!("Split {} of {} off this row", x.text, doc_name(c, d))}>{"⤴"}</button>
                            }
                        </span>
                    }
                }) }</td>
            }) }
        </tr>
    }
}

fn passages(c: &Comparison, p: &CompareViewProps) -> Html {
    let side = |s: &crate::compare::PassageSide| {
        let (d, st, en) = (s.doc, s.excerpt.start, s.excerpt.end);
        html! {
            <button class="excerpt" onclick={p.on_open.reform(move |_| (d, st, en))}
                title={format!("Open {} at this passage", doc_name(c, d))}>
                <span class="doc-name">{ doc_name(c, d) }</span>{ s.excerpt.text.clone() }
            </button>
        }
    };
    html! {
        <>
            <h3 id="passages-h">{"Shared passages"}</h3>
            if c.passages.is_empty() { <p class="empty">{"No passage is shared between these documents."}</p> }
            else {
                <ul class="passages" aria-labelledby="passages-h">
                    { for c.passages.iter().map(|x| html! {
                        <li class="passage" data-docs={format!("{} {}", x.a.doc, x.b.doc)}>
                            <div class="passage-head">
                                <span class={classes!("kind", if x.verbatim { "verbatim" } else { "reworded" })}>
                                    { if x.verbatim { "verbatim" } else { "reworded" } }
                                </span>
                                { format!(" {:.0}% alike", x.similarity * 100.0) }
                                if let Some(d) = &x.direction {
                                    <span class="direction">{ format!(" · {} → {}: {}", doc_name(c, d.from), doc_name(c, d.to), d.reason) }</span>
                                }
                                if let Some(s) = &x.common_source {
                                    <span class="direction">{ format!(" · both cite {s}") }</span>
                                }
                            </div>
                            <div class="pair">{ side(&x.a) }{ side(&x.b) }</div>
                        </li>
                    }) }
                </ul>
            }
        </>
    }
}

fn sources(c: &Comparison, p: &CompareViewProps) -> Html {
    html! {
        <>
            <h3 id="sources-h">{"Sources"}</h3>
            if c.sources.is_empty() { <p class="empty">{"No attributed claim in these documents."}</p> }
            else {
                <div class="table-scroll">
                    <table class="sources" aria-labelledby="sources-h">
                        <thead><tr><th scope="col">{"Who"}</th><th scope="col">{"Cited in"}</th></tr></thead>
                        <tbody>{ for c.sources.iter().map(|r| html! {
                            <tr class="source-row">
                                <th scope="row">{ r.name.clone() }
                                    if r.variants.len() > 1 { <span class="variants">{ r.variants.join(" · ") }</span> }
                                </th>
                                <td>{ for r.docs.iter().map(|d| {
                                    let doc = d.doc;
                                    let first = d.claims.first().map(|k| (k.claim.start, k.claim.end)).unwrap_or((0, 0));
                                    let quote = d.claims.first().map(|k| k.claim.text.clone()).unwrap_or_default();
                                    html! {
                                        <button class="cited" title={quote} onclick={p.on_open.reform(move |_| (doc, first.0, first.1))}>
                                            { format!("{} ({})", doc_name(c, doc), d.claims.len()) }
                                        </button>
                                    }
                                }) }</td>
                            </tr>
                        }) }</tbody>
                    </table>
                </div>
            }
        </>
    }
}
