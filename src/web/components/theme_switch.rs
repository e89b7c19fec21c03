//! The colour theme toggle in the top bar: the system's, light or dark ([`crate::web::theme`] keeps the choice).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::session::Theme;
use crate::web::theme;

/// The theme toggle. It has no props: the choice lives in the page's storage, not in the session.
#[function_component(ThemeSwitch)]
pub fn theme_switch() -> Html {
    let chosen = use_state(theme::load);
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let t = Theme::from_name(&e.target_unchecked_into::<HtmlSelectElement>().value());
            theme::choose(t);
            chosen.set(t);
        })
    };
    html! {
        <select class="theme" id="theme" aria-label="Colour theme" title="Colour theme: the system's, light or dark" {onchange}>
            { for Theme::ALL.iter().map(|t| html! {
                <option value={t.name()} selected={*t == *chosen}>{ t.title() }</option>
            }) }
        </select>
    }
}
