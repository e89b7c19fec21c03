//! One component per file. Components read the state they are given and emit [`Action`](super::state::Action)s.

mod app;
mod doc_list;
mod inspector;
mod intake;
mod label_panel;
mod palette;
mod review_bar;
mod span_list;
pub mod text_view;
mod toolbar;

pub use app::App;
pub use doc_list::DocList;
pub use inspector::Inspector;
pub use intake::Intake;
pub use label_panel::LabelPanel;
pub use palette::Palette;
pub use review_bar::ReviewBar;
pub use span_list::SpanList;
pub use text_view::TextView;
pub use toolbar::Toolbar;

use std::rc::Rc;
use yew::prelude::*;

use super::state::{Action, AppState};

/// Props of the panels that read the whole state.
#[derive(Properties, PartialEq)]
pub struct StateProps {
    /// The state.
    pub state: Rc<AppState>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// Asks the text view to show a code point.
    #[prop_or_default]
    pub on_reveal: Callback<usize>,
}
