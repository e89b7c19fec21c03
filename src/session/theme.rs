//! The colour theme the user chose: light, dark, or whatever the system prefers (`prefers-color-scheme`).

/// A colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    /// The system's choice (the default).
    #[default]
    System,
    /// Light, whatever the system prefers.
    Light,
    /// Dark, whatever the system prefers.
    Dark,
}

impl Theme {
    /// Every theme, in the order the toggle offers them.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The name kept in storage and used as the toggle's value.
    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme of a stored name; anything else is the system's choice.
    pub fn from_name(name: &str) -> Theme {
        Theme::ALL.into_iter().find(|t| t.name() == name.trim()).unwrap_or_default()
    }

    /// The value of `data-theme` on the page's root element: none for the system's choice, so that the
    /// stylesheet's `prefers-color-scheme` rule decides.
    pub fn attr(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            t => Some(t.name()),
        }
    }

    /// The theme for people, as the toggle shows it.
    pub fn title(self) -> &'static str {
        match self {
            Theme::System => "System theme",
            Theme::Light => "Light theme",
            Theme::Dark => "Dark theme",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_anything_else_is_the_system() {
        for t in Theme::ALL {
            assert_eq!(Theme::from_name(t.name()), t);
        }
        assert_eq!(Theme::from_name(""), Theme::System);
        assert_eq!(Theme::from_name("sepia"), Theme::System);
        assert_eq!(Theme::from_name(" dark\n"), Theme::Dark);
    }

    #[test]
    fn only_a_chosen_theme_overrides_the_system() {
        assert_eq!(Theme::System.attr(), None);
        assert_eq!(Theme::Light.attr(), Some("light"));
        assert_eq!(Theme::Dark.attr(), Some("dark"));
    }
}
