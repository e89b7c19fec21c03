//! The keyboard caret in a document's text and the selection it drags, free of the DOM: a [`Caret`] is two code
//! points (the `anchor` that stays, the `head` that moves), and a [`Motion`] moves the head by a grapheme
//! cluster, a word, to a line's or the text's edge; with `extend` (Shift) the anchor stays and the two make a
//! selection. Moves by visual lines and screenfuls need the layout: the view finds the code point under the
//! new position and [`Caret::to_point`] settles the caret there. A caret never splits a grapheme cluster.

use super::doc::is_word;
use super::DocData;

/// Where a caret key moves the caret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// One grapheme cluster left.
    Left,
    /// One grapheme cluster right.
    Right,
    /// To the start of the word (this one or the one before).
    WordLeft,
    /// To the end of the word (this one or the next).
    WordRight,
    /// To the start of the line (the text's line, up to a line break).
    LineStart,
    /// To the end of the line, before its line break.
    LineEnd,
    /// To the start of the text.
    TextStart,
    /// To the end of the text.
    TextEnd,
    /// One line up on screen (the view finds the point).
    Up,
    /// One line down on screen.
    Down,
    /// A screenful up.
    PageUp,
    /// A screenful down.
    PageDown,
}

impl Motion {
    /// Whether the view must find where the motion lands (by visual lines or screenfuls).
    pub fn on_screen(self) -> bool {
        matches!(self, Motion::Up | Motion::Down | Motion::PageUp | Motion::PageDown)
    }

    /// Whether the motion goes towards the end of the text.
    pub fn forward(self) -> bool {
        matches!(
            self,
            Motion::Right | Motion::WordRight | Motion::LineEnd | Motion::TextEnd | Motion::Down | Motion::PageDown
        )
    }
}

/// A caret and the selection it makes: `anchor..head` in either order (code points, grapheme boundaries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Caret {
    /// Where the selection started; stays while Shift+keys move the head.
    pub anchor: usize,
    /// Where the caret is drawn.
    pub head: usize,
}

impl Caret {
    /// A caret at `c`, selecting nothing.
    pub fn at(c: usize) -> Caret {
        Caret { anchor: c, head: c }
    }

    /// The caret with both ends snapped to grapheme clusters and clamped to `doc`'s text (a click or a selection
    /// read back from the page may fall inside a cluster).
    pub fn snapped(self, doc: &DocData) -> Caret {
        let (a, h) = (self.anchor, self.head);
        if a == h {
            return Caret::at(doc.map.snap_back(a));
        }
        let (a, h) = if a < h { doc.map.snap_outward(a, h) } else { swap(doc.map.snap_outward(h, a)) };
        Caret { anchor: a, head: h }
    }

    /// The selected range, ordered, when it is not empty.
    pub fn selection(self) -> Option<(usize, usize)> {
        (self.anchor != self.head).then(|| (self.anchor.min(self.head), self.anchor.max(self.head)))
    }

    /// Where a caret starts when there is none yet and the first code point on screen is `c`: the start of the
    /// word there or after it.
    pub fn start(doc: &DocData, c: usize) -> Caret {
        Caret::at(doc.map.snap_back(doc.word_edge(doc.word_edge(c, true), false)))
    }

    /// The caret after `m`, one of the moves that need no layout ([`Motion::on_screen`] is false; for the
    /// others see [`Caret::to_point`]). With `extend` the anchor stays; without it the caret collapses, and a
    /// character move with a selection goes to the selection's edge on that side, as in a text field.
    pub fn moved(self, doc: &DocData, m: Motion, extend: bool) -> Caret {
        let n = doc.map.len_chars();
        let head = self.head.min(n);
        if !extend {
            if let (Some((s, e)), Motion::Left | Motion::Right) = (self.selection(), m) {
                return Caret::at(if m == Motion::Left { s } else { e });
            }
        }
        let to = match m {
            Motion::Left => doc.map.snap_back(head.saturating_sub(1)),
            Motion::Right => doc.map.snap_forward((head + 1).min(n)),
            Motion::WordLeft => doc.map.snap_back(doc.word_edge(head, false)),
            Motion::WordRight => doc.map.snap_forward(doc.word_edge(head, true)),
            Motion::LineStart => line_start(doc, head),
            Motion::LineEnd => line_end(doc, head),
            Motion::TextStart => 0,
            Motion::TextEnd => n,
            // Without the layout, a line up or down is the text's line.
            Motion::Up | Motion::PageUp => doc.line_edge(head, false),
            Motion::Down | Motion::PageDown => doc.line_edge(head, true),
        };
        self.with_head(to, extend)
    }

    /// The caret after an on-screen move `m` that the view resolved to code point `c` (`None`: nothing there,
    /// e.g. past the first or last line, where the move goes to the text's edge). A screenful lands where a
    /// selection can start: never on a line break (it goes on to the next line's first character).
    pub fn to_point(self, doc: &DocData, m: Motion, c: Option<usize>, extend: bool) -> Caret {
        let n = doc.map.len_chars();
        let to = match c {
            Some(c) if matches!(m, Motion::PageUp | Motion::PageDown) => landing(doc, c),
            Some(c) => doc.map.snap_back(c.min(n)),
            None if m.forward() => n,
            None => 0,
        };
        self.with_head(to, extend)
    }

    fn with_head(self, head: usize, extend: bool) -> Caret {
        if extend {
            Caret { anchor: self.anchor, head }
        } else {
            Caret::at(head)
        }
    }
}

fn swap((a, b): (usize, usize)) -> (usize, usize) {
    (b, a)
}

fn is_break(doc: &DocData, i: usize) -> bool {
    matches!(doc.char_at(i), Some('\n' | '\r'))
}

/// The start of the text line `c` is on.
pub fn line_start(doc: &DocData, c: usize) -> usize {
    let mut i = c.min(doc.map.len_chars());
    while i > 0 && !is_break(doc, i - 1) {
        i -= 1;
    }
    i
}

/// The end of the text line `c` is on, before its line break.
pub fn line_end(doc: &DocData, c: usize) -> usize {
    let n = doc.map.len_chars();
    let mut i = c.min(n);
    while i < n && !is_break(doc, i) {
        i += 1;
    }
    i
}

/// Where a caret put at `c` by a screenful move settles: on a grapheme boundary, and past any line breaks and
/// the blank space between paragraphs, so that Shift+→ from there selects text, not "\n".
pub fn landing(doc: &DocData, c: usize) -> usize {
    let n = doc.map.len_chars();
    let mut i = doc.map.snap_back(c.min(n));
    let space = |i: usize| doc.char_at(i).is_some_and(|ch| ch.is_whitespace() && !is_word(ch));
    // On a line break, or in the white space that starts a line.
    let in_blank = space(i) && (line_start(doc, i)..i).all(space);
    if !is_break(doc, i) && !in_blank {
        return i;
    }
    while i < n && space(i) {
        i += 1;
    }
    doc.map.snap_forward(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    fn doc(text: &str) -> DocData {
        DocData::new(Document::new("t", "t", text, vec![]).into())
    }

    /// Code-point offset of the first occurrence of `needle`.
    fn at(text: &str, needle: &str) -> usize {
        text.get(..text.find(needle).unwrap()).unwrap_or_default().chars().count()
    }

    fn selected(d: &DocData, c: Caret) -> &str {
        let (s, e) = c.selection().unwrap_or((c.head, c.head));
        d.slice(s, e)
    }

    #[test]
    fn characters_move_by_grapheme_cluster() {
        let text = "Flag 🇺🇦 e\u{301}te 👨‍👩‍👧 ok\r\nend";
        let d = doc(text);
        let mut c = Caret::at(at(text, "🇺🇦"));
        c = c.moved(&d, Motion::Right, true);
        assert_eq!(selected(&d, c), "🇺🇦", "a flag is one step");
        c = Caret::at(at(text, "e\u{301}")).moved(&d, Motion::Right, true);
        assert_eq!(selected(&d, c), "e\u{301}", "a letter with its combining mark is one step");
        c = Caret::at(at(text, "👨")).moved(&d, Motion::Right, true);
        assert_eq!(selected(&d, c), "👨‍👩‍👧");
        c = c.moved(&d, Motion::Left, true);
        assert_eq!(c.selection(), None, "back to where it started");
        c = Caret::at(at(text, "\r\n")).moved(&d, Motion::Right, true);
        assert_eq!(selected(&d, c), "\r\n", "CRLF is one step");
        let end = Caret::at(d.map.len_chars()).moved(&d, Motion::Right, false);
        assert_eq!(end.head, d.map.len_chars(), "stays at the end");
        assert_eq!(Caret::at(0).moved(&d, Motion::Left, false).head, 0, "stays at the start");
        // A caret read back from the page inside a cluster is snapped outwards.
        let inside = at(text, "🇺🇦") + 1;
        assert_eq!(Caret::at(inside).snapped(&d).head, at(text, "🇺🇦"));
        let back = Caret { anchor: inside + 1, head: at(text, "🇺🇦") + 1 }.snapped(&d);
        assert!(
            back.anchor > back.head && d.map.is_grapheme_boundary(back.anchor) && d.map.is_grapheme_boundary(back.head)
        );
    }

    #[test]
    fn words_lines_and_the_text_edges() {
        let text = "What is known\nabout the attack so far.";
        let d = doc(text);
        let mut c = Caret::start(&d, 0);
        c = c.moved(&d, Motion::WordRight, true).moved(&d, Motion::WordRight, true);
        assert_eq!(selected(&d, c), "What is");
        c = c.moved(&d, Motion::WordLeft, true);
        assert_eq!(selected(&d, c), "What ");
        let mid = Caret::at(at(text, "the"));
        assert_eq!(selected(&d, mid.moved(&d, Motion::LineStart, true)), "about ");
        assert_eq!(selected(&d, mid.moved(&d, Motion::LineEnd, true)), "the attack so far.");
        assert_eq!(
            selected(&d, Caret::at(at(text, "known")).moved(&d, Motion::LineEnd, true)),
            "known",
            "not past \\n"
        );
        assert_eq!(mid.moved(&d, Motion::TextStart, false), Caret::at(0));
        assert_eq!(mid.moved(&d, Motion::TextEnd, false), Caret::at(d.map.len_chars()));
        // Home at a line start stays there.
        let start = at(text, "about");
        assert_eq!(Caret::at(start).moved(&d, Motion::LineStart, false).head, start);
        // The first caret, from a point in white space or mid-word: the start of that word or the next.
        assert_eq!(Caret::start(&d, at(text, " is")).head, at(text, "is"));
        assert_eq!(Caret::start(&d, at(text, "nown")).head, at(text, "known"));
    }

    #[test]
    fn shift_extends_from_the_caret_and_plain_keys_collapse() {
        let text = "Officials said the toll rose to 133 on Saturday.";
        let d = doc(text);
        // The user clicked before "toll": Shift+→ selects from there, not from the top.
        let click = Caret::at(at(text, "toll"));
        let c = click.moved(&d, Motion::Right, true).moved(&d, Motion::Right, true);
        assert_eq!(selected(&d, c), "to");
        assert_eq!(c.anchor, at(text, "toll"));
        let c = c.moved(&d, Motion::WordRight, true);
        assert_eq!(selected(&d, c), "toll");
        // Without Shift, ← and → collapse a selection to its edge; other moves go from the head.
        assert_eq!(c.moved(&d, Motion::Left, false), Caret::at(at(text, "toll")));
        assert_eq!(c.moved(&d, Motion::Right, false), Caret::at(at(text, " rose")));
        assert_eq!(c.moved(&d, Motion::WordRight, false), Caret::at(at(text, " to 133")));
        // A backwards selection keeps its anchor on the right.
        let back = Caret::at(at(text, " rose")).moved(&d, Motion::WordLeft, true);
        assert_eq!((selected(&d, back), back.anchor > back.head), ("toll", true));
    }

    #[test]
    fn a_screenful_never_lands_on_a_line_break() {
        let text = "First paragraph ends.\n\n  Second one starts here.\nThird.";
        let d = doc(text);
        let nl = at(text, "\n\n");
        for c in [nl, nl + 1, nl + 2] {
            let to = Caret::at(0).to_point(&d, Motion::PageDown, Some(c), false);
            assert_eq!(to.head, at(text, "Second"), "from {c}");
            let sel = to.moved(&d, Motion::Right, true);
            assert_eq!(selected(&d, sel), "S", "Shift+→ after PageDown selects text");
        }
        // Shift+PageDown extends from the anchor; text stays where it is.
        let from = Caret::at(3).to_point(&d, Motion::PageDown, Some(at(text, "one")), true);
        assert_eq!((from.anchor, from.head), (3, at(text, "one")));
        // Up and Down keep an empty line; past the first or last line they go to the text's edge.
        assert_eq!(Caret::at(5).to_point(&d, Motion::Down, Some(nl + 1), false).head, nl + 1);
        assert_eq!(Caret::at(5).to_point(&d, Motion::Up, None, false).head, 0);
        assert_eq!(Caret::at(5).to_point(&d, Motion::PageDown, None, false).head, d.map.len_chars());
        // Without the layout, Up and Down fall back to the text's lines.
        assert_eq!(Caret::at(5).moved(&d, Motion::Down, false).head, nl);
        // A text that ends in line breaks: the landing stops at the end.
        let d2 = doc("Last line.\n\n");
        assert_eq!(landing(&d2, 10), 12);
        assert!(Motion::PageUp.on_screen() && !Motion::WordLeft.on_screen() && Motion::PageDown.forward());
    }
}
