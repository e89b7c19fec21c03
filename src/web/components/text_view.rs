//! The document text with its spans drawn over it. Long texts are cut into paragraph blocks and only the blocks
//! near the viewport are rendered (the others are empty boxes of their measured or estimated height), so a 1 MB
//! paste keeps a small DOM.

use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::ByPtr;
use crate::session::{blocks, drawn_relations, spans_per_block, visible, worth, Caret, DocData};
use crate::web::{caret, links};
use crate::{Label, Span, Status};

/// Texts with at most this many blocks are rendered whole.
const RENDER_ALL: usize = 120;
/// Blocks rendered above and below the visible ones.
const OVERSCAN: usize = 8;

/// The blocks of a text, compared by address.
type Blocks = ByPtr<Vec<Range<usize>>>;

/// A slot for the function that scrolls the text view to a code point.
pub type Revealer = RefCell<Option<Rc<dyn Fn(usize)>>>;

/// CSS class of a label: the three built-in layers have their own styles, every other label is drawn in its colour.
pub fn label_class(name: &str) -> &'static str {
    match name {
        crate::annotation::BOILERPLATE => "bp",
        crate::annotation::CLAIM => "cl",
        crate::annotation::NUMBER => "nu",
        _ => "cu",
    }
}

/// Props of [`TextView`].
#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    /// The document.
    pub doc: Rc<DocData>,
    /// Labels (for colours).
    pub labels: ByPtr<Vec<Label>>,
    /// Hidden labels.
    pub hidden: ByPtr<HashSet<String>>,
    /// Claims scoring below this check-worthiness are not drawn.
    pub min_worth: f64,
    /// The selected span id.
    pub selected: Option<String>,
    /// Called with the spans under a click, innermost first.
    pub on_click_spans: Callback<Vec<String>>,
    /// Called when the mouse button is released (a selection may have been made).
    pub on_mouse_up: Callback<MouseEvent>,
    /// Called on keys pressed while the text has focus.
    pub on_key: Callback<KeyboardEvent>,
    /// Where the view registers the function that brings a code point into view.
    pub revealer: ByPtr<Revealer>,
}

/// The text view.
#[function_component(TextView)]
pub fn text_view(p: &TextViewProps) -> Html {
    let text = ByPtr(p.doc.text.clone());
    let blocks = use_memo(text, |t| blocks(&t.0));
    let per_block = use_memo((ByPtr(p.doc.spans.clone()), ByPtr(blocks.clone())), |(s, b)| spans_per_block(&b.0, &s.0));
    let scroller = use_node_ref();
    let window = use_state(|| 0..RENDER_ALL.min(blocks.len()));
    let heights: Rc<RefCell<Vec<f64>>> = use_mut_ref(Vec::new);
    // The text column's width, read after each render (reading it during render would force a layout).
    let width_ref: Rc<RefCell<f64>> = use_mut_ref(|| 800.0);
    let virtual_ = blocks.len() > RENDER_ALL;

    // Reset the window and height cache when the text changes. (Done in an effect that runs after every render
    // and compares with what it handled last: an effect keyed on deps can be skipped when renders come quickly.)
    let seen_blocks: Rc<RefCell<Option<Blocks>>> = use_mut_ref(|| None);
    {
        let window = window.clone();
        let heights = heights.clone();
        let scroller = scroller.clone();
        let b = ByPtr(blocks.clone());
        use_effect(move || {
            if seen_blocks.borrow().as_ref() != Some(&b) {
                *seen_blocks.borrow_mut() = Some(b.clone());
                heights.borrow_mut().clear();
                heights.borrow_mut().resize(b.0.len(), 0.0);
                window.set(0..(if b.0.len() > RENDER_ALL { 40 } else { b.0.len() }).min(b.0.len()));
                if let Some(el) = scroller.cast::<Element>() {
                    el.set_scroll_top(0);
                }
            }
        });
    }
    // Measure rendered blocks after every render.
    {
        let heights = heights.clone();
        let scroller = scroller.clone();
        let width_ref = width_ref.clone();
        use_effect(move || {
            if !virtual_ {
                return;
            }
            if let Some(el) = scroller.cast::<Element>() {
                *width_ref.borrow_mut() = el.client_width() as f64;
                if let Ok(list) = el.query_selector_all(".block.live") {
                    let mut h = heights.borrow_mut();
                    for k in 0..list.length() {
                        if let Some(b) = list.get(k).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
                            if let Some(i) = b.get_attribute("data-i").and_then(|v| v.parse::<usize>().ok()) {
                                if i < h.len() {
                                    h[i] = b.offset_height() as f64;
                                }
                            }
                        }
                    }
                }
            }
        });
    }
    // Search hits are painted over the text nodes just rendered (CSS highlights, no DOM change); the caret and
    // the selected span's relations are drawn over them.
    {
        let doc = p.doc.clone();
        let (hidden, min_worth, selected) = (p.hidden.clone(), p.min_worth, p.selected.clone());
        use_effect(move || {
            crate::web::highlight::repaint(&doc);
            let shown = |s: &Span| visible(s, &hidden.0, min_worth);
            links::show(&doc, selected.map(|id| drawn_relations(&doc, &id, shown)).unwrap_or_default());
        });
    }
    // A new width moves the text under the overlays.
    use_effect_with((), |_| {
        let win = web_sys::window().expect("a window");
        let resize = gloo_events::EventListener::new(&win, "resize", |_| links::repaint());
        move || drop(resize)
    });
    let estimate = {
        let blocks = blocks.clone();
        let heights = heights.clone();
        move |i: usize, width: f64| -> f64 {
            let h = heights.borrow().get(i).copied().unwrap_or(0.0);
            if h > 0.0 {
                return h;
            }
            let per_line = (width / 8.6).max(20.0);
            let len = blocks[i].len() as f64;
            (len / per_line).ceil().max(1.0) * 27.0 + 16.0
        }
    };
    let onscroll = {
        let window = window.clone();
        let blocks = blocks.clone();
        let estimate = estimate.clone();
        Callback::from(move |e: Event| {
            links::repaint();
            if !virtual_ {
                return;
            }
            let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
            let (top, view, width) = (el.scroll_top() as f64, el.client_height() as f64, el.client_width() as f64);
            let mut y = 0.0;
            let mut first = blocks.len();
            let mut last = blocks.len();
            for i in 0..blocks.len() {
                let h = estimate(i, width);
                if first == blocks.len() && y + h >= top {
                    first = i;
                }
                if y > top + view {
                    last = i;
                    break;
                }
                y += h;
            }
            let range = first.saturating_sub(OVERSCAN)..(last + OVERSCAN).min(blocks.len());
            if *window != range {
                window.set(range);
            }
        })
    };
    // Bring a code point into view: registered for the app to call directly (a request through props and an
    // effect can be lost when renders come quickly).
    {
        let window = window.clone();
        let scroller = scroller.clone();
        let blocks = blocks.clone();
        let estimate = estimate.clone();
        *p.revealer.0.borrow_mut() = Some(Rc::new(move |cp: usize| {
            let Some(el) = scroller.cast::<Element>() else { return };
            let i = blocks.partition_point(|b| b.end <= cp).min(blocks.len().saturating_sub(1));
            if let Ok(Some(b)) = el.query_selector(&format!(".block[data-i=\"{i}\"].live")) {
                crate::web::dom::scroll_into_view(&b);
            } else if virtual_ {
                let width = el.client_width() as f64;
                let y: f64 = (0..i).map(|k| estimate(k, width)).sum();
                window.set(i.saturating_sub(OVERSCAN)..(i + 30).min(blocks.len()));
                el.set_scroll_top((y - 80.0).max(0.0) as i32);
            }
        }));
    }

    let width = *width_ref.borrow();
    let onclick = {
        let doc = p.doc.clone();
        let cb = p.on_click_spans.clone();
        let (hidden, min_worth) = (p.hidden.clone(), p.min_worth);
        Callback::from(move |e: MouseEvent| {
            if crate::web::dom::selection(&doc).is_some() {
                return;
            }
            let Some(seg) =
                e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest(".seg").ok().flatten())
            else {
                return;
            };
            let Some(s) = seg.get_attribute("data-s").and_then(|v| v.parse::<usize>().ok()) else { return };
            let mut under: Vec<&Span> =
                doc.spans.iter().filter(|x| x.start <= s && s < x.end && visible(x, &hidden.0, min_worth)).collect();
            under.sort_by_key(|x| x.end - x.start);
            cb.emit(under.into_iter().map(|x| x.id.clone()).collect());
        })
    };
    let onkeydown = p.on_key.reform(|e: KeyboardEvent| e);
    // A click puts the caret where it was, a drag makes the selection the keys then extend.
    let onmouseup = {
        let (doc, cb) = (p.doc.clone(), p.on_mouse_up.clone());
        Callback::from(move |e: MouseEvent| {
            caret::from_page(&doc);
            cb.emit(e);
        })
    };
    // Tabbing in shows a caret at the first word on screen, when there is none yet.
    let onfocus = {
        let doc = p.doc.clone();
        Callback::from(move |_: FocusEvent| {
            if caret::get(&doc).is_none() {
                caret::store(&doc, Caret::start(&doc, caret::first_on_screen()));
            }
        })
    };

    // Blocks outside the window are stood in for by two spacers of their (measured or estimated) height.
    let shown = if virtual_ { window.start.min(blocks.len())..window.end.min(blocks.len()) } else { 0..blocks.len() };
    let (above, below) = if virtual_ {
        (
            (0..shown.start).map(|k| estimate(k, width)).sum::<f64>(),
            (shown.end..blocks.len()).map(|k| estimate(k, width)).sum::<f64>(),
        )
    } else {
        (0.0, 0.0)
    };
    let items = blocks[shown.clone()].iter().enumerate().map(|(k, b)| {
        let i = shown.start + k;
        let sel = p.selected.as_ref().filter(|id| per_block[i].iter().any(|&k| p.doc.spans[k].id == **id)).cloned();
        html! {
            <Block key={i} index={i} range={b.clone()} doc={p.doc.clone()} spans={per_block[i].clone()}
                labels={p.labels.clone()} hidden={p.hidden.clone()} min_worth={p.min_worth} selected={sel} />
        }
    });
    html! {
        <div id="text-scroll" class="text-scroll" ref={scroller} {onscroll}>
            <article id="text-view" class="text-view" tabindex="0" role="document"
                aria-label={format!("Text of {}", p.doc.name)} {onclick} {onmouseup} {onkeydown} {onfocus}
                data-blocks={blocks.len().to_string()}>
                if above > 0.0 { <div class="spacer" key="above" aria-hidden="true" style={format!("height:{above}px")} /> }
                { for items }
                if below > 0.0 { <div class="spacer" key="below" aria-hidden="true" style={format!("height:{below}px")} /> }
            </article>
            // Drawn by `caret` and `links` after each render: yew leaves their insides alone.
            <svg id="connectors" class="connectors" aria-hidden="true" focusable="false" data-own="connectors"></svg>
            <div id="caret" class="caret" aria-hidden="true"></div>
        </div>
    }
}

/// Props of [`Block`].
#[derive(Properties, PartialEq)]
pub struct BlockProps {
    /// Block index.
    pub index: usize,
    /// Code-point range.
    pub range: Range<usize>,
    /// The document.
    pub doc: Rc<DocData>,
    /// Indices of the spans overlapping the block.
    pub spans: Vec<usize>,
    /// Labels.
    pub labels: ByPtr<Vec<Label>>,
    /// Hidden labels.
    pub hidden: ByPtr<HashSet<String>>,
    /// Claims scoring below this check-worthiness are not drawn.
    pub min_worth: f64,
    /// The selected span, when it is in this block.
    pub selected: Option<String>,
}

/// One paragraph block: flat segments, each carrying the styles of every span over it.
#[function_component(Block)]
pub fn block(p: &BlockProps) -> Html {
    let doc = &p.doc;
    let r = &p.range;
    let shown: Vec<&Span> =
        p.spans.iter().map(|&k| &doc.spans[k]).filter(|s| visible(s, &p.hidden.0, p.min_worth)).collect();
    let mut cuts: Vec<usize> = vec![r.start, r.end];
    for s in &shown {
        cuts.push(s.start.clamp(r.start, r.end));
        cuts.push(s.end.clamp(r.start, r.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let segs = cuts.windows(2).filter(|w| w[0] < w[1]).map(|w| {
        let (a, b) = (w[0], w[1]);
        let text = doc.slice(a, b).to_string();
        let over: Vec<&&Span> = shown.iter().filter(|s| s.start < b && a < s.end).collect();
        if over.is_empty() {
            return html! { <span class="seg" data-s={a.to_string()} data-e={b.to_string()}>{ text }</span> };
        }
        let mut class = vec!["seg".to_string(), "sp".to_string()];
        let mut shadows = Vec::new();
        let mut vars: Vec<String> = Vec::new();
        let mut bg = None;
        let mut title = Vec::new();
        let claims = over.iter().filter(|s| label_class(&s.label) == "cl").count();
        let claim_starts = over.iter().any(|s| label_class(&s.label) == "cl" && s.start >= a);
        if claims > 1 {
            // A claim inside a claim: a second line under the first, so the inner one stands out.
            class.push("cl2".into());
        }
        for s in &over {
            let lc = label_class(&s.label);
            let st = if s.status == Status::Suggested { "sug" } else { "acc" };
            class.push(lc.to_string());
            class.push(format!("{lc}-{st}"));
            if s.start >= a {
                class.push(format!("{lc}-s"));
            }
            if s.end <= b {
                class.push(format!("{lc}-e"));
            }
            if p.selected.as_ref() == Some(&s.id) {
                class.push("sel".into());
            }
            if lc == "cl" {
                // The underline's strength follows the check-worthiness: where to look first shows at a glance.
                if let Some(w) = worth(s) {
                    vars.push(format!("--cw:{w:.2}"));
                }
            }
            if lc == "cu" {
                let color = p.labels.0.iter().find(|l| l.name == s.label).map_or("#009e73", |l| l.color.as_str());
                let color = if is_hex_color(color) { color } else { "#009e73" };
                shadows.push(format!("inset 0 -{}px 0 {color}", 3 * (shadows.len() + 1)));
                bg.get_or_insert(format!("{color}22"));
            }
            let mut t = format!(
                "{} ({}{})",
                s.label,
                status_word(s.status),
                if s.origin == crate::Origin::Manual { ", manual" } else { "" }
            );
            if let Some(w) = &s.why {
                t.push_str(": ");
                t.push_str(w);
            }
            if let Some(n) = &s.note {
                t.push_str(" — note: ");
                t.push_str(n);
            }
            title.push(t);
        }
        let mut style = vars.iter().map(|v| format!("{v};")).collect::<String>();
        if !shadows.is_empty() {
            shadows.reverse();
            // The inline shadows replace the claim's start mark (a class's box-shadow): it goes with them.
            if claim_starts {
                shadows.push("-3px 0 0 var(--cl)".into());
            }
            style.push_str(&format!("box-shadow:{};background-color:{};", shadows.join(","), bg.unwrap_or_default()));
        }
        let labels: Vec<&str> = over.iter().map(|s| s.label.as_str()).collect();
        html! {
            <span class={classes!(class)} style={(!style.is_empty()).then_some(style)} data-s={a.to_string()}
                data-e={b.to_string()} data-labels={labels.join(" ")} title={title.join("\n")}>{ text }</span>
        }
    });
    html! {
        <div class="block live" data-i={p.index.to_string()} data-b={r.start.to_string()} data-be={r.end.to_string()}>
            { for segs }
        </div>
    }
}

/// A status as a word for people.
pub fn status_word(s: Status) -> &'static str {
    match s {
        Status::Suggested => "suggested",
        Status::Accepted => "accepted",
        Status::Rejected => "rejected",
    }
}

/// Whether `c` is `#rgb` or `#rrggbb` (label colours go into inline styles, so nothing else is let through).
pub fn is_hex_color(c: &str) -> bool {
    let h = c.strip_prefix('#').unwrap_or("");
    (h.len() == 6 || h.len() == 3) && h.chars().all(|c| c.is_ascii_hexdigit())
}
