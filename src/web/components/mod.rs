//! One component per file. Each takes narrow props (what it draws, and callbacks), so yew skips the ones whose
//! inputs did not change; they emit [`Action`](crate::session::Action)s and never touch storage.

mod agree_view;
mod app;
mod attr_editor;
mod compare_view;
mod doc_labels;
mod doc_list;
mod export_menu;
mod inspector;
mod intake;
mod keys;
mod label_panel;
mod links_panel;
mod palette;
#[cfg(feature = "precise")]
mod precise_control;
mod published_editor;
mod review_bar;
mod shortcuts_help;
mod span_list;
pub mod text_view;
mod theme_switch;
mod toolbar;

pub use agree_view::AgreeView;
pub use app::{App, AppProps};
pub use attr_editor::AttrEditor;
pub use compare_view::CompareView;
pub use doc_labels::DocLabels;
pub use doc_list::DocList;
pub use export_menu::ExportMenu;
pub use inspector::Inspector;
pub use intake::Intake;
pub use label_panel::LabelPanel;
pub use links_panel::LinksPanel;
pub use palette::Palette;
#[cfg(feature = "precise")]
pub use precise_control::PreciseControl;
pub use published_editor::PublishedEditor;
pub use review_bar::ReviewBar;
pub use shortcuts_help::ShortcutsHelp;
pub use span_list::SpanList;
pub use text_view::TextView;
pub use theme_switch::ThemeSwitch;
pub use toolbar::Toolbar;

use std::rc::Rc;

/// Compares an `Rc` by address: cheap equality for props that are replaced, never mutated.
#[derive(Debug)]
pub struct ByPtr<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
