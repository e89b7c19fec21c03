//! The selected span's relations as the text view draws them: which relations ([`drawn_relations`]), and the
//! thin curve from the box of the `from` span to the box of the `to` span ([`curve`]), computed from the line
//! boxes the page measured ([`Piece`]s). Pure geometry, in the pixels of the text view's scrolled content; the
//! inspector's list stays the accessible form of the same relations.

use crate::annotation::Relation;
use crate::{Span, Status};

use super::DocData;

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Rect {
    fn center(&self) -> (f64, f64) {
        ((self.left + self.right) / 2.0, (self.top + self.bottom) / 2.0)
    }

    /// Whether the point is inside (edges included).
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        self.left <= x && x <= self.right && self.top <= y && y <= self.bottom
    }
}

/// One line box of a drawn text segment: the code points it shows and where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Piece {
    /// First code point of the segment.
    pub start: usize,
    /// End of the segment.
    pub end: usize,
    /// The box.
    pub rect: Rect,
}

/// A relation to draw: its two ends as code-point ranges, its type and its state.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    /// The relation's id.
    pub id: String,
    /// The span it starts at.
    pub from: (usize, usize),
    /// The span it points to.
    pub to: (usize, usize),
    /// Its type (`said-by`, `about`, a custom one).
    pub label: String,
    /// Suggested (drawn dashed) or accepted.
    pub status: Status,
}

/// The relations of span `id` to draw: not rejected, with both ends drawn (`shown`).
pub fn drawn_relations(doc: &DocData, id: &str, shown: impl Fn(&Span) -> bool) -> Vec<Drawn> {
    let span = |sid: &str| doc.spans.iter().find(|s| s.id == sid).filter(|s| shown(s));
    doc.relations_of(id)
        .filter(|(r, _)| r.status != Status::Rejected)
        .filter_map(|(r, _): (&Relation, &Span)| {
            let (from, to) = (span(&r.from)?, span(&r.to)?);
            Some(Drawn {
                id: r.id.clone(),
                from: (from.start, from.end),
                to: (to.start, to.end),
                label: r.label.clone(),
                status: r.status,
            })
        })
        .collect()
}

/// A cubic Bézier curve from `start` to `end`, with where its label and arrowhead go.
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    /// Where it starts, inside a box of the `from` span.
    pub start: (f64, f64),
    /// The first control point.
    pub c1: (f64, f64),
    /// The second control point.
    pub c2: (f64, f64),
    /// Where it ends, inside a box of the `to` span (the arrow's tip).
    pub end: (f64, f64),
    /// The middle of the curve, above which the label is written.
    pub middle: (f64, f64),
}

/// Most characters of a relation type written over the text (the inspector has it whole).
const LABEL_CHARS: usize = 24;

/// A relation type as the curve's label writes it: cut short with an ellipsis past [`LABEL_CHARS`], so that a
/// long custom type does not run across the text.
pub fn short_label(label: &str) -> String {
    let mut out: String = label.chars().take(LABEL_CHARS).collect();
    if label.chars().nth(LABEL_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// How far inside a box's top edge the curve starts and ends.
const INSET: f64 = 3.0;
/// The arrowhead's length and half width.
const ARROW: (f64, f64) = (6.0, 3.5);

fn within(p: &Piece, (s, e): (usize, usize)) -> bool {
    s <= p.start && p.end <= e
}

/// How far apart two points look for a connector: a line apart counts more than the same distance along a
/// line, so the curve joins boxes on one line when it can.
fn dist2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (4.0 * (a.1 - b.1)).powi(2)
}

/// How far box `b` is from point `p` (from its nearest point).
fn gap(b: &Rect, p: (f64, f64)) -> f64 {
    dist2((p.0.clamp(b.left, b.right), p.1.clamp(b.top, b.bottom)), p)
}

/// The boxes of span `r`, leaving out those of span `other` when some remain (a claim holds its source: the
/// curve starts outside it).
fn boxes(pieces: &[Piece], r: (usize, usize), other: (usize, usize)) -> Vec<Rect> {
    let own: Vec<Rect> = pieces.iter().filter(|p| within(p, r) && !within(p, other)).map(|p| p.rect).collect();
    if own.is_empty() {
        pieces.iter().filter(|p| within(p, r)).map(|p| p.rect).collect()
    } else {
        own
    }
}

/// Where a curve touches box `b`: on its top edge, just inside, as near `x` as the box allows.
fn anchor(b: &Rect, x: f64) -> (f64, f64) {
    let margin = INSET.min((b.right - b.left) / 2.0);
    (x.clamp(b.left + margin, b.right - margin), b.top + INSET.min((b.bottom - b.top) / 2.0))
}

fn nearest(boxes: &[Rect], to: (f64, f64)) -> Option<Rect> {
    boxes.iter().copied().min_by(|a, b| gap(a, to).total_cmp(&gap(b, to)))
}

/// The curve of a relation from span `from` to span `to` over the measured `pieces`: from the point of the
/// `from` boxes nearest the middle of the `to` box nearest them, arching above the text; `None` when either end
/// is not measured.
pub fn curve(pieces: &[Piece], from: (usize, usize), to: (usize, usize)) -> Option<Curve> {
    let (a, b) = (boxes(pieces, from, to), boxes(pieces, to, from));
    let mean = |bs: &[Rect]| {
        let n = bs.len().max(1) as f64;
        bs.iter().fold((0.0, 0.0), |(x, y), r| (x + r.center().0 / n, y + r.center().1 / n))
    };
    // The arrow points at the middle of the `to` box; the curve leaves the `from` box as near it as it can.
    let end_box = nearest(&b, mean(&a))?;
    let end = anchor(&end_box, end_box.center().0);
    let start_box = nearest(&a, end)?;
    let start = anchor(&start_box, end.0);
    // Higher arches for farther ends, never so high that the curve leaves the line above far behind.
    let lift = 12.0 + ((end.0 - start.0).abs() / 10.0).min(22.0);
    let top = start.1.min(end.1) - lift;
    let (c1, c2) = ((start.0, top), (end.0, top));
    let at = |t: f64, p: [f64; 4]| {
        let u = 1.0 - t;
        u * u * u * p[0] + 3.0 * u * u * t * p[1] + 3.0 * u * t * t * p[2] + t * t * t * p[3]
    };
    let middle = (at(0.5, [start.0, c1.0, c2.0, end.0]), at(0.5, [start.1, c1.1, c2.1, end.1]));
    Some(Curve { start, c1, c2, end, middle })
}

impl Curve {
    /// The curve as an SVG path.
    pub fn path(&self) -> String {
        let f = |p: (f64, f64)| format!("{:.1} {:.1}", p.0, p.1);
        format!("M {} C {}, {}, {}", f(self.start), f(self.c1), f(self.c2), f(self.end))
    }

    /// The arrowhead at the end, as a closed SVG path pointing along the curve's last tangent.
    pub fn arrow(&self) -> String {
        let (dx, dy) = (self.end.0 - self.c2.0, self.end.1 - self.c2.1);
        let len = (dx * dx + dy * dy).sqrt().max(f64::EPSILON);
        let (ux, uy) = (dx / len, dy / len);
        let base = (self.end.0 - ux * ARROW.0, self.end.1 - uy * ARROW.0);
        let (l, r) = ((base.0 - uy * ARROW.1, base.1 + ux * ARROW.1), (base.0 + uy * ARROW.1, base.1 - ux * ARROW.1));
        format!("M {:.1} {:.1} L {:.1} {:.1} L {:.1} {:.1} Z", self.end.0, self.end.1, l.0, l.1, r.0, r.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Relation};

    fn rect(left: f64, top: f64, right: f64) -> Rect {
        Rect { left, top, right, bottom: top + 20.0 }
    }

    #[test]
    fn the_relations_of_a_span_that_are_drawn() {
        let text = "Police said 11 people were detained.";
        let spans = vec![
            crate::Span::manual("claim-1", 0..36, "claim"),
            crate::Span::manual("who", 0..6, "source"),
            crate::Span::manual("n", 12..14, "number"),
        ];
        let mut d = Document::new("t", "t", text, spans);
        let mut rejected = Relation::manual("n", "who", "custom");
        rejected.status = Status::Rejected;
        d.relations =
            vec![Relation::manual("claim-1", "who", "said-by"), Relation::manual("n", "claim-1", "about"), rejected];
        let doc = DocData::new(d.into());
        let all = drawn_relations(&doc, "claim-1", |_| true);
        let labels: Vec<_> = all.iter().map(|r| (r.label.as_str(), r.from, r.to)).collect();
        assert_eq!(labels, vec![("said-by", (0, 36), (0, 6)), ("about", (12, 14), (0, 36))]);
        assert!(drawn_relations(&doc, "n", |_| true).iter().all(|r| r.label == "about"), "a rejected one is not drawn");
        assert!(drawn_relations(&doc, "claim-1", |s| s.label != "source").iter().all(|r| r.label == "about"));
        assert!(drawn_relations(&doc, "nothing", |_| true).is_empty());
    }

    #[test]
    fn a_curve_joins_the_two_spans_and_starts_outside_the_inner_one() {
        // "Police said 11 people were detained." on two lines: the claim holds its source "Police" and "11".
        let pieces = [
            Piece { start: 0, end: 6, rect: rect(100.0, 50.0, 150.0) },
            Piece { start: 6, end: 12, rect: rect(150.0, 50.0, 200.0) },
            Piece { start: 12, end: 14, rect: rect(200.0, 50.0, 220.0) },
            Piece { start: 14, end: 36, rect: rect(100.0, 77.0, 300.0) },
        ];
        let c = curve(&pieces, (0, 36), (0, 6)).unwrap();
        assert!(pieces[0].rect.contains(c.end), "ends in the source");
        assert!(pieces[1].rect.contains(c.start), "starts in the claim, outside its source: {c:?}");
        assert!(c.c1.1 < c.start.1 && c.c2.1 < c.end.1, "arches above the line");
        assert!(c.middle.1 < c.start.1 && c.middle.0 > c.end.0 && c.middle.0 < c.start.0);
        // A number inside its claim: from the number to the nearest part of the claim that is not the number.
        let about = curve(&pieces, (12, 14), (0, 36)).unwrap();
        assert!(pieces[2].rect.contains(about.start));
        assert!(pieces[1].rect.contains(about.end), "{about:?}");
        assert!(
            about.path().starts_with("M 203.0 53.0 C ") && about.path().ends_with("175.0 53.0"),
            "{}",
            about.path()
        );
        // The curve leaves the claim at its edge nearest the source, not at its middle.
        assert_eq!(c.start, (153.0, 53.0));
        // The arrow's tip is the curve's end; it points down into the box.
        let arrow = c.arrow();
        assert!(arrow.starts_with(&format!("M {:.1} {:.1} L", c.end.0, c.end.1)) && arrow.ends_with('Z'), "{arrow}");
        assert!(curve(&pieces, (0, 36), (40, 50)).is_none(), "an end not measured is not drawn");
        assert_eq!(short_label("said-by"), "said-by");
        assert_eq!(short_label(&"é".repeat(5000)), format!("{}…", "é".repeat(24)));
    }
}
