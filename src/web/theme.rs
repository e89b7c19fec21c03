//! The colour theme chosen in the toolbar: kept in `localStorage` (`sift:theme`, outside the `sift:v1:` keys the
//! work is saved under, so moving the work into IndexedDB leaves it alone) and shown as `data-theme` on `<html>`,
//! which the stylesheet reads. With no choice the page follows `prefers-color-scheme`.

use crate::session::Theme;

const KEY: &str = "sift:theme";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The theme chosen before, or the system's.
pub fn load() -> Theme {
    storage().and_then(|s| s.get_item(KEY).ok().flatten()).map_or(Theme::System, |n| Theme::from_name(&n))
}

/// Shows `theme` on the page.
pub fn apply(theme: Theme) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let _ = match theme.attr() {
        Some(v) => root.set_attribute("data-theme", v),
        None => root.remove_attribute("data-theme"),
    };
}

/// Shows `theme` and remembers it (the system's choice is remembered by forgetting any other).
pub fn choose(theme: Theme) {
    apply(theme);
    if let Some(s) = storage() {
        let _ = match theme {
            Theme::System => s.remove_item(KEY),
            t => s.set_item(KEY, t.name()),
        };
    }
}
