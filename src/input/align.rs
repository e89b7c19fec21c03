//! A browser paste carries two flavours of the same selection: plain text (what the user sees, which becomes the
//! document) and HTML (which knows navigation, links and headings). [`paste_facts`] keeps the plain text as it is
//! and lends each of its lines the facts of the HTML line it came from, found by aligning the two texts.
//!
//! Both texts are reduced to their letters and digits, lower-cased (whitespace, punctuation and line breaks differ
//! between a browser's copy and [`super::html_to_text`]), and walked in step; where they disagree the walk jumps
//! ahead in the HTML side, within a bounded window, to the next place the following [`ANCHOR`] characters of the
//! plain side occur (looked up in an index of the HTML side's runs), and skips the plain character when there is
//! none. Work and memory are linear in the inputs. A
//! plain line takes the facts of the HTML line that most of its characters aligned with, when at least half of
//! them aligned; other lines get none (default facts), so text the HTML does not hold is judged as plain text.

use super::{html_to_text, LineFacts, Visible};
use crate::text::lines;
use std::collections::HashMap;

/// Characters that must agree for the walk to resynchronise after a difference.
const ANCHOR: usize = 8;
/// How far ahead (in reduced characters) the walk looks for the resynchronising run.
const WINDOW: usize = 4096;

/// Facts for each line of `plain` (as [`crate::text::lines`] splits it) from the `html` copied with it. Lines
/// that do not align with the HTML get default facts. Never fails; unrelated inputs give all-default facts.
pub fn paste_facts(plain: &str, html: &str) -> Vec<LineFacts> {
    align_facts(plain, &html_to_text(html))
}

/// Like [`paste_facts`], for HTML already rendered.
pub fn align_facts(plain: &str, visible: &Visible) -> Vec<LineFacts> {
    let plain_lines = lines(plain);
    let (p, p_line) = reduce(plain, plain_lines.iter().map(|l| l.trimmed.clone()));
    let vis_lines = lines(&visible.text);
    let (v, v_line) = reduce(&visible.text, vis_lines.iter().map(|l| l.trimmed.clone()));
    // For each plain line: (reduced characters, votes for the HTML line most of them matched).
    let mut votes: Vec<Vec<(usize, usize)>> = vec![Vec::new(); plain_lines.len()];
    let mut total = vec![0usize; plain_lines.len()];
    for &l in &p_line {
        total[l] += 1;
    }
    let index = anchors(&v);
    let (mut i, mut j) = (0, 0);
    while i < p.len() && j < v.len() {
        if p[i] == v[j] {
            vote(&mut votes[p_line[i]], v_line[j]);
            i += 1;
            j += 1;
            continue;
        }
        match resync(&index, &p, i, &v, j) {
            Some(k) => j = k,
            None => i += 1,
        }
    }
    votes
        .iter()
        .zip(&total)
        .map(|(vs, &n)| {
            vs.iter()
                .max_by_key(|(_, c)| *c)
                .filter(|(_, c)| n > 0 && 2 * c >= n)
                .and_then(|&(line, _)| visible.lines.get(line).cloned())
                .unwrap_or_default()
        })
        .collect()
}

/// Counts one aligned character for HTML line `line` (votes arrive in runs, so the last entry is checked first).
fn vote(votes: &mut Vec<(usize, usize)>, line: usize) {
    match votes.iter_mut().rev().find(|(l, _)| *l == line) {
        Some(v) => v.1 += 1,
        None => votes.push((line, 1)),
    }
}

/// Where each run of [`ANCHOR`] characters starts in `v`, by the run's hash, positions ascending.
fn anchors(v: &[char]) -> HashMap<u64, Vec<usize>> {
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for k in 0..v.len().saturating_sub(ANCHOR - 1) {
        index.entry(run_hash(&v[k..k + ANCHOR])).or_default().push(k);
    }
    index
}

fn run_hash(run: &[char]) -> u64 {
    run.iter().fold(0xcbf2_9ce4_8422_2325, |h, &c| (h ^ c as u64).wrapping_mul(0x0100_0000_01b3))
}

/// The first position in `v` after `j` (within [`WINDOW`]) where the [`ANCHOR`] characters of `p` from `i` occur.
fn resync(index: &HashMap<u64, Vec<usize>>, p: &[char], i: usize, v: &[char], j: usize) -> Option<usize> {
    let want = p.get(i..i + ANCHOR)?;
    let at = index.get(&run_hash(want))?;
    let first = at.partition_point(|&k| k <= j);
    at[first..].iter().copied().take_while(|&k| k <= j + WINDOW).find(|&k| v[k..].starts_with(want))
}

/// The letters and digits of `text`'s lines, lower-cased, with the index of the line each came from.
fn reduce(text: &str, lines: impl Iterator<Item = std::ops::Range<usize>>) -> (Vec<char>, Vec<usize>) {
    let (mut chars, mut line_of) = (Vec::new(), Vec::new());
    for (n, range) in lines.enumerate() {
        for c in text.get(range).unwrap_or_default().chars().filter(|c| c.is_alphanumeric()) {
            for l in c.to_lowercase() {
                chars.push(l);
                line_of.push(n);
            }
        }
    }
    (chars, line_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<body><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>\
        <article><h1>US confirms ISIS behind deadly Moscow concert attack</h1>\
        <p>The Islamic State group has claimed responsibility for an attack on a suburban Moscow concert hall that \
        killed more than 130 people, officials said.</p>\
        <p>Russia continues to investigate after detaining 11 suspects, but it was not possible to confirm the claim.</p>\
        </article><aside><ul><li><a href='/a'>Markets slide as oil jumps after the attack</a></li></ul></aside>\
        <footer>© 2024 Example News. All rights reserved.</footer></body>";

    /// Facts of the plain line holding `needle`.
    fn fact<'f>(plain: &str, facts: &'f [LineFacts], needle: &str) -> &'f LineFacts {
        let i = lines(plain)
            .iter()
            .position(|l| plain.get(l.range.clone()).is_some_and(|t| t.contains(needle)))
            .expect("line present");
        &facts[i]
    }

    #[test]
    fn a_browser_paste_gets_the_html_facts_line_by_line() {
        let vis = html_to_text(PAGE);
        // What a browser puts on the clipboard as plain text: other whitespace (tabs, NBSP, CRLF, no blank
        // lines), the menu's links one per line, a line the HTML does not hold, a paragraph hard-wrapped.
        let plain = "Home\r\nWorld\tSport\r\nUS confirms ISIS behind deadly Moscow\u{a0}concert attack\r\n\
            The Islamic State group has claimed responsibility for an attack on a suburban Moscow concert hall\r\n\
            that killed more than 130 people, officials said.\r\n\
            Pasted from the reader's notes, not on the page at all\r\n\
            Russia continues to investigate after detaining 11 suspects,   but it was not possible to confirm the claim.\r\n\
            Markets slide as oil jumps after the attack\r\n© 2024 Example News. All rights reserved.";
        let facts = align_facts(plain, &vis);
        assert_eq!(facts.len(), lines(plain).len());
        let table: &[(&str, Option<&str>, bool, Option<u8>)] = &[
            ("Home", Some("nav"), false, None),
            ("World\tSport", Some("nav"), false, None),
            ("US confirms", None, true, Some(1)),
            ("claimed responsibility", None, true, None),
            ("that killed", None, true, None),
            ("Russia continues", None, true, None),
            ("Markets slide", Some("aside"), false, None),
            ("© 2024", Some("footer"), false, None),
        ];
        for &(needle, chrome, article, heading) in table {
            let f = fact(plain, &facts, needle);
            assert_eq!((f.chrome, f.in_article, f.heading), (chrome, article, heading), "{needle:?}: {f:?}");
        }
        assert!(fact(plain, &facts, "Home").link_density > 0.9);
        assert_eq!(*fact(plain, &facts, "reader's notes"), LineFacts::default(), "a line not in the HTML");
    }

    #[test]
    fn unrelated_or_empty_html_lends_nothing() {
        let plain = "Putin denounced the U.S. warning as an attempt to scare Russians.\nSecond line of the paste.";
        for html in ["", "<p>An entirely different page about football results and league tables.</p>"] {
            assert!(paste_facts(plain, html).iter().all(|f| *f == LineFacts::default()), "{html:?}");
        }
        assert!(paste_facts("", PAGE).is_empty());
    }

    #[test]
    fn the_boilerplate_layer_uses_the_aligned_facts() {
        let plain = "Home\nWorld\nUS confirms ISIS behind deadly Moscow concert attack\n\
            The Islamic State group has claimed responsibility for an attack on a suburban Moscow concert hall that killed more than 130 people, officials said.\n\
            Russia continues to investigate after detaining 11 suspects, but it was not possible to confirm the claim.\n\
            Markets slide as oil jumps after the attack";
        let model = crate::text::TextModel::new(plain);
        let facts = paste_facts(plain, PAGE);
        let with = crate::detect::boilerplate::classify_with(&model, Some(&facts));
        let alone = crate::detect::boilerplate::classify(&model);
        // The menu line "World" and the teaser are chrome only because the HTML says so.
        assert!(with[1].boilerplate && with[1].why.contains("<nav>"), "{:?}", with[1]);
        assert!(with[5].boilerplate, "{:?}", with[5]);
        assert!(!with[3].boilerplate && !with[4].boilerplate);
        assert_ne!(with, alone);
    }
}
