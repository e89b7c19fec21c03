//! The "Compare" view: the chosen documents (all open ones unless the user unticks some) side by side in three
//! tables (figures, shared passages, sources), from [`crate::session::compared`]. A flagged figure row stands out;
//! clicking a figure or an excerpt opens its document there; rows can be marked reviewed, merged or split, as
//! undoable [`Action::Decide`]s. The tables number the compared documents; [`Compared`] turns those numbers back
//! into list indices for opening and deciding.

use std::collections::HashSet;
use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::ByPtr;
use crate::compare::{Comparison, Decision, FigureGroup, Verdict};
use crate::session::{compared, Action, Compared, DocData};

/// Where a click in the tables leads: a document (by its index in the list) and a code-point range in it.
pub type Target = (usize, usize, usize);

/// Props of [`CompareView`].
#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    /// The documents compared, in list order.
    pub docs: ByPtr<Vec<Rc<DocData>>>,
    /// The user's decisions on the comparison.
    pub decisions: ByPtr<Vec<Decision>>,
    /// Documents (by id) taken out of the comparison.
    pub out: ByPtr<HashSet<String>>,
    /// Where decisions go.
    pub dispatch: Callback<Action>,
    /// Opens a document at a range.
    pub on_open: Callback<Target>,
}

/// The comparison of the chosen documents.
#[function_component(CompareView)]
pub fn compare_view(p: &CompareViewProps) -> Html {
    let result = {
        let (docs, decisions, out) = (p.docs.clone(), p.decisions.clone(), p.out.clone());
        use_memo((docs, decisions, out), |(d, k, o)| compared(&d.0, &k.0, &o.0))
    };
    let r = &*result;
    let c = &r.comparison;
    // What the tables emit is in the comparison's numbering; the session works in list numbering.
    let t = Tables {
        r,
        c,
        dispatch: {
            let r = result.clone();
            p.dispatch.reform(move |d: Decision| Action::Decide(r.to_list(&d)))
        },
        on_open: {
            let r = result.clone();
            p.on_open.reform(move |(d, s, e): Target| (r.list_index(d), s, e))
        },
    };
    let flagged = c.figures.iter().filter(|g| g.disagree).count();
    html! {
        <section class="compare" aria-labelledby="compare-h">
            <h2 id="compare-h">{ format!("{} of {} documents compared", c.documents.len(), p.docs.0.len()) }</h2>
            { chooser(p) }
            <p class="compare-summary" aria-live="polite">
                { format!("{} figure rows ({flagged} flagged), {} shared passages, {} sources.",
                    c.figures.len(), c.passages.len(), c.sources.len()) }
                if !r.skipped.is_empty() {
                    <span class="stale">{ format!(" {} earlier decisions no longer apply (the documents changed).", r.skipped.len()) }</span>
                }
            </p>
            { figures(&t) }
            { passages(&t) }
            { sources(&t) }
        </section>
    }
}

/// What the three tables draw from, with callbacks in the comparison's numbering.
struct Tables<'a> {
    r: &'a Compared,
    c: &'a Comparison,
    dispatch: Callback<Decision>,
    on_open: Callback<Target>,
}

/// A tick box per open document: which ones the tables compare.
fn chooser(p: &CompareViewProps) -> Html {
    html! {
        <fieldset class="compare-set">
            <legend>{"Compare"}</legend>
            { for p.docs.0.iter().map(|d| {
                let id = d.id.clone();
                let toggle = p.dispatch.reform(move |_| Action::ToggleCompared(id.clone()));
                html! {
                    <label class="compare-doc">
                        <input type="checkbox" checked={!p.out.0.contains(&d.id)} onchange={toggle} />
                        { d.name.clone() }
                    </label>
                }
            }) }
        </fieldset>
    }
}

fn doc_name(c: &Comparison, i: usize) -> String {
    c.documents.get(i).map_or_else(|| format!("#{i}"), |d| d.name.clone())
}

fn figures(t: &Tables) -> Html {
    let c = t.c;
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
                        <tbody>{ for c.figures.iter().map(|g| figure_row(t, g)) }</tbody>
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

fn figure_row(t: &Tables, g: &FigureGroup) -> Html {
    let c = t.c;
    let key = g.key.clone();
    let reviewed = {
        let key = key.clone();
        t.dispatch.reform(move |_| Decision::Reviewed { group: key.clone() })
    };
    let merge = {
        let from = key.clone();
        t.dispatch.reform(move |e: Event| {
            let into = e.target_unchecked_into::<HtmlSelectElement>().value();
            Decision::Merge { into, from: from.clone() }
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
                    let open = { let (s, e) = (x.start, x.end); t.on_open.reform(move |_| (d, s, e)) };
                    let split = {
                        let (group, start, end) = (g.key.clone(), x.start, x.end);
                        t.dispatch.reform(move |_| Decision::Split { group: group.clone(), doc: d, start, end })
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

fn passages(t: &Tables) -> Html {
    let c = t.c;
    let side = |s: &crate::compare::PassageSide| {
        let (d, st, en) = (s.doc, s.excerpt.start, s.excerpt.end);
        html! {
            <button class="excerpt" onclick={t.on_open.reform(move |_| (d, st, en))}
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
                        <li class="passage" data-docs={format!("{} {}", t.r.list_index(x.a.doc), t.r.list_index(x.b.doc))}>
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

fn sources(t: &Tables) -> Html {
    let c = t.c;
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
                                        <button class="cited" title={quote} onclick={t.on_open.reform(move |_| (doc, first.0, first.1))}>
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
