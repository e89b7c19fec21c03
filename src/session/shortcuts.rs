//! Every keyboard shortcut of the app, in one table ([`SHORTCUTS`]): the page's key handler asks [`command`]
//! what a key press means, and the `?` overlay lists the same table, so the keys shown are the keys that work.

/// Where a shortcut applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// Anywhere on the page, outside a text field.
    Anywhere,
    /// With a document open for annotation.
    Document,
    /// With the keyboard focus in the document's text.
    Text,
    /// In the agreement view, walking the disagreements.
    Agreement,
    /// In the search field.
    Search,
    /// In the new-document box.
    NewText,
}

impl Where {
    /// Every context, in the order the overlay lists them.
    pub const ALL: [Where; 6] =
        [Where::Anywhere, Where::Document, Where::Text, Where::Agreement, Where::Search, Where::NewText];

    /// The heading of the context in the overlay.
    pub fn title(self) -> &'static str {
        match self {
            Where::Anywhere => "Anywhere",
            Where::Document => "In a document",
            Where::Text => "In the text (click it or Tab to it)",
            Where::Agreement => "Agreement view",
            Where::Search => "In the search field",
            Where::NewText => "In the new-document box",
        }
    }
}

/// A key, as a press is matched against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character (`KeyboardEvent.key`); letters match in either case, Shift being part of the chord.
    Char(char),
    /// A named key (`KeyboardEvent.key`: `Escape`, `ArrowRight`, `Enter`, `Delete`…).
    Named(&'static str),
    /// Digits 1 to 9, by physical key (`KeyboardEvent.code` `Digit1`… or `Numpad1`…), so Shift keeps them.
    Digit,
}

/// A key with the modifiers it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    /// The key.
    pub key: Key,
    /// Ctrl (Cmd on a Mac).
    pub ctrl: bool,
    /// Shift (ignored for punctuation such as `?`, which layouts reach differently).
    pub shift: bool,
    /// Alt (Option on a Mac): only the word moves of the caret use it, as Mac text fields do.
    pub alt: bool,
}

const fn plain(key: Key) -> Chord {
    Chord { key, ctrl: false, shift: false, alt: false }
}

const fn shift(key: Key) -> Chord {
    Chord { key, ctrl: false, shift: true, alt: false }
}

const fn ctrl(key: Key) -> Chord {
    Chord { key, ctrl: true, shift: false, alt: false }
}

const fn ctrl_shift(key: Key) -> Chord {
    Chord { key, ctrl: true, shift: true, alt: false }
}

const fn alt(key: Key) -> Chord {
    Chord { key, ctrl: false, shift: false, alt: true }
}

const fn alt_shift(key: Key) -> Chord {
    Chord { key, ctrl: false, shift: true, alt: true }
}

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Undo the last edit.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Show the keyboard shortcuts.
    Help,
    /// Tag the selection with the label of that key, or give the selected span that label.
    Tag,
    /// Like [`Command::Tag`], keeping the exact characters selected.
    TagExact,
    /// Select the next unreviewed suggestion.
    Next,
    /// Select the previous unreviewed suggestion.
    Previous,
    /// Select the next most check-worthy claim.
    NextWorthy,
    /// Accept the selected span and go on to the next suggestion.
    Accept,
    /// Reject the selected span and go on to the next suggestion.
    Reject,
    /// Label every occurrence of the selected span's text in this document.
    LabelAll,
    /// Label every occurrence of the selected span's text in every document.
    LabelAllEverywhere,
    /// Link the selected span to another.
    Link,
    /// Go to the document labels.
    DocLabels,
    /// Delete the selected span.
    Delete,
    /// Clear the selection.
    Clear,
    /// Move the caret in the text (`true`: extend the selection from it, as with Shift).
    Move(Motion, bool),
    /// Keep that annotator's side of the disagreement.
    KeepSide,
    /// Keep every side.
    KeepAll,
    /// Drop the disagreement.
    Drop,
    /// Edit the disagreement's span by hand.
    EditChoice,
    /// Go to the next search hit.
    NextHit,
    /// Go to the previous search hit.
    PreviousHit,
    /// Leave the search field for the text.
    BackToText,
    /// Annotate the typed text.
    AddText,
}

/// One row of the table: where, which keys, what it does.
#[derive(Debug, Clone, Copy)]
pub struct Shortcut {
    /// Where it applies.
    pub place: Where,
    /// The keys (any of them).
    pub chords: &'static [Chord],
    /// What it does.
    pub command: Command,
    /// What it does, for people.
    pub what: &'static str,
}

const fn row(place: Where, chords: &'static [Chord], command: Command, what: &'static str) -> Shortcut {
    Shortcut { place, chords, command, what }
}

use super::caret::Motion;
use Command as C;
use Key::{Char, Digit, Named};
use Motion as M;
use Where as W;

const LEFT: Key = Named("ArrowLeft");
const RIGHT: Key = Named("ArrowRight");

/// Every shortcut. A press means the first row, in this order, that matches it where the user is.
pub const SHORTCUTS: &[Shortcut] = &[
    row(W::Anywhere, &[ctrl(Char('z'))], C::Undo, "Undo"),
    row(W::Anywhere, &[ctrl_shift(Char('z')), ctrl(Char('y'))], C::Redo, "Redo"),
    row(W::Anywhere, &[plain(Char('?'))], C::Help, "Show these keyboard shortcuts"),
    row(W::Document, &[plain(Char('n')), plain(Char('j'))], C::Next, "Next unreviewed suggestion"),
    row(W::Document, &[plain(Char('p')), plain(Char('k'))], C::Previous, "Previous unreviewed suggestion"),
    row(W::Document, &[plain(Char('w'))], C::NextWorthy, "Next most check-worthy claim"),
    row(W::Document, &[plain(Char('a'))], C::Accept, "Accept the selected span, go to the next suggestion"),
    row(W::Document, &[plain(Char('r'))], C::Reject, "Reject the selected span, go to the next suggestion"),
    row(W::Document, &[plain(Digit)], C::Tag, "Tag the selection with that label, or relabel the selected span"),
    row(W::Document, &[shift(Digit)], C::TagExact, "Tag the selection keeping its exact characters"),
    row(W::Document, &[plain(Char('e'))], C::LabelAll, "Label every occurrence of the span's text in this document"),
    row(W::Document, &[shift(Char('e'))], C::LabelAllEverywhere, "Label every occurrence in all documents"),
    row(W::Document, &[plain(Char('l'))], C::Link, "Link the selected span to another (pick with the arrows)"),
    row(W::Document, &[plain(Char('d'))], C::DocLabels, "Go to the document labels"),
    row(W::Document, &[plain(Named("Delete")), plain(Named("Backspace"))], C::Delete, "Delete the selected span"),
    row(W::Document, &[plain(Named("Escape"))], C::Clear, "Clear the selection"),
    row(W::Text, &[plain(Named("ArrowLeft"))], C::Move(M::Left, false), "Move the caret one character left"),
    row(W::Text, &[plain(Named("ArrowRight"))], C::Move(M::Right, false), "Move the caret one character right"),
    row(W::Text, &[shift(Named("ArrowLeft"))], C::Move(M::Left, true), "Extend the selection one character left"),
    row(W::Text, &[shift(Named("ArrowRight"))], C::Move(M::Right, true), "Extend the selection one character right"),
    row(W::Text, &[ctrl(LEFT), alt(LEFT)], C::Move(M::WordLeft, false), "Move the caret to the start of the word"),
    row(W::Text, &[ctrl(RIGHT), alt(RIGHT)], C::Move(M::WordRight, false), "Move the caret to the end of the word"),
    row(
        W::Text,
        &[ctrl_shift(LEFT), alt_shift(LEFT)],
        C::Move(M::WordLeft, true),
        "Extend the selection one word left",
    ),
    row(
        W::Text,
        &[ctrl_shift(RIGHT), alt_shift(RIGHT)],
        C::Move(M::WordRight, true),
        "Extend the selection one word right",
    ),
    row(W::Text, &[plain(Named("ArrowUp"))], C::Move(M::Up, false), "Move the caret one line up"),
    row(W::Text, &[plain(Named("ArrowDown"))], C::Move(M::Down, false), "Move the caret one line down"),
    row(W::Text, &[shift(Named("ArrowUp"))], C::Move(M::Up, true), "Extend the selection one line up"),
    row(W::Text, &[shift(Named("ArrowDown"))], C::Move(M::Down, true), "Extend the selection one line down"),
    row(W::Text, &[plain(Named("Home"))], C::Move(M::LineStart, false), "Move the caret to the start of the line"),
    row(W::Text, &[plain(Named("End"))], C::Move(M::LineEnd, false), "Move the caret to the end of the line"),
    row(W::Text, &[shift(Named("Home"))], C::Move(M::LineStart, true), "Extend the selection to the start of the line"),
    row(W::Text, &[shift(Named("End"))], C::Move(M::LineEnd, true), "Extend the selection to the end of the line"),
    row(W::Text, &[ctrl(Named("Home"))], C::Move(M::TextStart, false), "Move the caret to the start of the text"),
    row(W::Text, &[ctrl(Named("End"))], C::Move(M::TextEnd, false), "Move the caret to the end of the text"),
    row(
        W::Text,
        &[ctrl_shift(Named("Home"))],
        C::Move(M::TextStart, true),
        "Extend the selection to the start of the text",
    ),
    row(W::Text, &[ctrl_shift(Named("End"))], C::Move(M::TextEnd, true), "Extend the selection to the end of the text"),
    row(W::Text, &[plain(Named("PageUp"))], C::Move(M::PageUp, false), "Move the caret a screenful up"),
    row(W::Text, &[plain(Named("PageDown"))], C::Move(M::PageDown, false), "Move the caret a screenful down"),
    row(W::Text, &[shift(Named("PageUp"))], C::Move(M::PageUp, true), "Extend the selection a screenful up"),
    row(W::Text, &[shift(Named("PageDown"))], C::Move(M::PageDown, true), "Extend the selection a screenful down"),
    row(W::Agreement, &[plain(Digit)], C::KeepSide, "Keep that annotator's side, go to the next undecided"),
    row(W::Agreement, &[plain(Char('b'))], C::KeepAll, "Keep every side"),
    row(W::Agreement, &[plain(Char('x'))], C::Drop, "Drop the span"),
    row(W::Agreement, &[plain(Char('n')), plain(Char('j'))], C::Next, "Next disagreement"),
    row(W::Agreement, &[plain(Char('p')), plain(Char('k'))], C::Previous, "Previous disagreement"),
    row(W::Agreement, &[plain(Char('e'))], C::EditChoice, "Edit the span by hand"),
    row(W::Search, &[plain(Named("Enter"))], C::NextHit, "Next hit (in every document)"),
    row(W::Search, &[shift(Named("Enter"))], C::PreviousHit, "Previous hit"),
    row(W::Search, &[plain(Named("Escape"))], C::BackToText, "Back to the text, with the hit selected"),
    row(W::NewText, &[ctrl(Named("Enter"))], C::AddText, "Annotate the text"),
];

/// A key press, as the browser reports it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Press<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    /// `KeyboardEvent.code`.
    pub code: &'a str,
    /// Ctrl or Cmd.
    pub ctrl: bool,
    /// Shift.
    pub shift: bool,
    /// Alt (only the caret's word moves use it: Alt+digit switches browser tabs on Linux).
    pub alt: bool,
}

impl Press<'_> {
    /// The digit 1 to 9 of the physical key pressed, if it is one.
    pub fn digit(&self) -> Option<usize> {
        let d = self.code.strip_prefix("Digit").or_else(|| self.code.strip_prefix("Numpad"))?;
        d.parse().ok().filter(|d| (1..=9).contains(d))
    }

    fn matches(&self, c: &Chord) -> bool {
        if self.ctrl != c.ctrl || self.alt != c.alt {
            return false;
        }
        match c.key {
            Digit => self.shift == c.shift && self.digit().is_some(),
            Named(n) => self.shift == c.shift && self.key == n,
            Char(ch) if ch.is_alphabetic() => {
                let mut k = self.key.chars();
                let one = k.next().filter(|_| k.next().is_none());
                self.shift == c.shift && one.is_some_and(|k| k.to_lowercase().eq(ch.to_lowercase()))
            }
            Char(ch) => self.key.chars().eq(std::iter::once(ch)),
        }
    }
}

/// What `press` means where the user is (`places`: every context that applies now), if anything.
pub fn command(press: &Press, places: &[Where]) -> Option<Command> {
    SHORTCUTS.iter().find(|s| places.contains(&s.place) && s.chords.iter().any(|c| press.matches(c))).map(|s| s.command)
}

/// A chord for people: `Ctrl+Shift+Z`, `1–9`, `Shift+→`, `?`.
pub fn chord_label(c: &Chord) -> String {
    let key = match c.key {
        Char(ch) => ch.to_uppercase().to_string(),
        Digit => "1–9".to_string(),
        Named(n) => match n {
            "ArrowRight" => "→",
            "ArrowLeft" => "←",
            "ArrowDown" => "↓",
            "ArrowUp" => "↑",
            "Escape" => "Esc",
            other => other,
        }
        .to_string(),
    };
    let shift = c.shift && !matches!(c.key, Char(ch) if !ch.is_alphabetic());
    let (ctrl, alt) = (if c.ctrl { "Ctrl+" } else { "" }, if c.alt { "Alt+" } else { "" });
    format!("{ctrl}{alt}{}{key}", if shift { "Shift+" } else { "" })
}

/// The table by context, in overlay order, leaving out contexts with no row.
pub fn by_place() -> Vec<(Where, Vec<&'static Shortcut>)> {
    Where::ALL
        .iter()
        .map(|&w| (w, SHORTCUTS.iter().filter(|s| s.place == w).collect::<Vec<_>>()))
        .filter(|(_, rows)| !rows.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Press<'_> {
        Press { key: k, ..Press::default() }
    }

    const DOC: &[Where] = &[Where::Anywhere, Where::Document];

    #[test]
    fn letters_need_their_case_and_modifiers() {
        assert_eq!(command(&key("a"), DOC), Some(Command::Accept));
        assert_eq!(command(&key("A"), DOC), Some(Command::Accept), "caps lock");
        assert_eq!(command(&Press { shift: true, ..key("A") }, DOC), None);
        assert_eq!(command(&Press { shift: true, ..key("E") }, DOC), Some(Command::LabelAllEverywhere));
        assert_eq!(command(&key("e"), DOC), Some(Command::LabelAll));
        assert_eq!(command(&Press { ctrl: true, ..key("a") }, DOC), None);
        assert_eq!(command(&Press { alt: true, ..key("a") }, DOC), None);
        assert_eq!(command(&key("q"), DOC), None);
    }

    #[test]
    fn ctrl_chords_undo_and_redo() {
        assert_eq!(command(&Press { ctrl: true, ..key("z") }, &[Where::Anywhere]), Some(Command::Undo));
        assert_eq!(command(&Press { ctrl: true, shift: true, ..key("Z") }, &[Where::Anywhere]), Some(Command::Redo));
        assert_eq!(command(&Press { ctrl: true, ..key("y") }, &[Where::Anywhere]), Some(Command::Redo));
        assert_eq!(command(&key("z"), &[Where::Anywhere]), None);
    }

    #[test]
    fn question_mark_with_or_without_shift() {
        assert_eq!(command(&Press { shift: true, ..key("?") }, &[Where::Anywhere]), Some(Command::Help));
        assert_eq!(command(&key("?"), &[Where::Anywhere]), Some(Command::Help));
        assert_eq!(command(&key("/"), &[Where::Anywhere]), None);
    }

    #[test]
    fn digits_by_physical_key_and_context() {
        let three = Press { key: "3", code: "Digit3", ..Press::default() };
        assert_eq!(three.digit(), Some(3));
        assert_eq!(command(&three, DOC), Some(Command::Tag));
        let shifted = Press { key: "#", code: "Digit3", shift: true, ..Press::default() };
        assert_eq!(command(&shifted, DOC), Some(Command::TagExact));
        assert_eq!(command(&Press { code: "Numpad7", key: "7", ..Press::default() }, DOC), Some(Command::Tag));
        assert_eq!(command(&Press { code: "Digit0", key: "0", ..Press::default() }, DOC), None);
        assert_eq!(command(&three, &[Where::Anywhere, Where::Agreement]), Some(Command::KeepSide));
        assert_eq!(command(&key("n"), &[Where::Agreement]), Some(Command::Next));
    }

    #[test]
    fn caret_keys_only_in_the_text() {
        let right = Press { key: "ArrowRight", shift: true, ..Press::default() };
        let text = &[Where::Document, Where::Text];
        assert_eq!(command(&right, DOC), None);
        assert_eq!(command(&right, text), Some(Command::Move(Motion::Right, true)));
        assert_eq!(
            command(&Press { key: "ArrowRight", ..Press::default() }, text),
            Some(Command::Move(Motion::Right, false))
        );
        // Ctrl and Alt both move by word (Alt as on a Mac); with Shift they extend.
        let word = Some(Command::Move(Motion::WordLeft, true));
        assert_eq!(command(&Press { key: "ArrowLeft", ctrl: true, shift: true, ..Press::default() }, text), word);
        assert_eq!(command(&Press { key: "ArrowLeft", alt: true, shift: true, ..Press::default() }, text), word);
        assert_eq!(command(&Press { key: "ArrowLeft", alt: true, ctrl: true, ..Press::default() }, text), None);
        let page = Press { key: "PageDown", shift: true, ..Press::default() };
        assert_eq!(command(&page, text), Some(Command::Move(Motion::PageDown, true)));
        assert_eq!(
            command(&Press { key: "End", ctrl: true, ..Press::default() }, text),
            Some(Command::Move(Motion::TextEnd, false))
        );
        assert_eq!(command(&Press { key: "Home", ..Press::default() }, DOC), None, "Home scrolls the page elsewhere");
    }

    #[test]
    fn labels_for_people() {
        assert_eq!(chord_label(&ctrl_shift(Char('z'))), "Ctrl+Shift+Z");
        assert_eq!(chord_label(&shift(Digit)), "Shift+1–9");
        assert_eq!(chord_label(&plain(Char('?'))), "?");
        assert_eq!(chord_label(&shift(Named("ArrowLeft"))), "Shift+←");
        assert_eq!(chord_label(&plain(Named("Escape"))), "Esc");
        assert_eq!(chord_label(&alt_shift(RIGHT)), "Alt+Shift+→");
        assert_eq!(chord_label(&ctrl(Named("Home"))), "Ctrl+Home");
    }

    #[test]
    fn every_chord_means_its_own_row_where_it_applies() {
        // No row is shadowed by an earlier one in the same context: the overlay never lists a dead key.
        for s in SHORTCUTS {
            for c in s.chords {
                let (k, code) = match c.key {
                    Char(ch) => (ch.to_string(), String::new()),
                    Named(n) => (n.to_string(), String::new()),
                    Digit => ("5".to_string(), "Digit5".to_string()),
                };
                let p = Press { key: &k, code: &code, ctrl: c.ctrl, shift: c.shift, alt: c.alt };
                assert_eq!(command(&p, &[s.place]), Some(s.command), "{} in {:?}", chord_label(c), s.place);
            }
        }
        assert_eq!(by_place().len(), Where::ALL.len());
    }
}
