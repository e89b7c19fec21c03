//! The label palette shown next to a fresh mouse selection.

use std::rc::Rc;

use yew::prelude::*;

use super::text_view::{is_hex_color, label_class};
use crate::Label;

/// Props of [`Palette`].
#[derive(Properties, PartialEq)]
pub struct PaletteProps {
    /// Where the mouse was released (viewport pixels).
    pub x: f64,
    /// Where the mouse was released (viewport pixels).
    pub y: f64,
    /// Labels to offer.
    pub labels: Rc<Vec<Label>>,
    /// Called with the chosen label.
    pub on_pick: Callback<String>,
}

/// The palette.
#[function_component(Palette)]
pub fn palette(p: &PaletteProps) -> Html {
    let style = format!("left:{}px;top:{}px", p.x.max(8.0), p.y + 14.0);
    html! {
        <div class="palette" role="toolbar" aria-label="Tag the selection" {style}
            onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}>
            { for p.labels.iter().map(|l| {
                let name = l.name.clone();
                let color = if is_hex_color(&l.color) { l.color.clone() } else { "#888".into() };
                html! {
                    <button class={classes!("chip", label_class(&l.name))} style={format!("--c:{color}")}
                        aria-label={format!("Tag as {}", l.name)} title={l.name.clone()} onclick={p.on_pick.reform(move |_| name.clone())}>
                        if let Some(k) = &l.key { <kbd>{ k.clone() }</kbd> }
                        { l.name.clone() }
                    </button>
                }
            }) }
        </div>
    }
}
