//! Boilerplate: whole lines of site chrome around the article (GUIDELINES.md, `boilerplate`).
//!
//! The classifier works on plain text, so it serves pasted text as well as HTML turned into text by
//! [`crate::input`]; structural facts from the HTML sharpen it when they are there ([`classify_with`]).
//! It runs in passes over the non-blank lines:
//! 1. decisive rules, each line by itself: a phrase of site chrome, a credit or caption, URLs and handles, `©`,
//!    a line without words, a stray function word, a date line; from HTML also navigation landmarks, chrome
//!    class names, `<figcaption>` and link-heavy lines;
//! 2. jusText's classes (good, near-good, short, bad) from length and English stopword density; when the
//!    stoplist does not fit the text (another language, CJK) from length, clauses and sentence punctuation;
//! 3. the article's region: the run of lines with the most prose in it (maximum-sum), cut where a comment
//!    section opens; lines outside it are chrome, inside it short and near-good lines take the class of their
//!    neighbours as in jusText;
//! 4. verbatim repeats of chrome, or of anything outside the article, are chrome; the first headline and the
//!    headline-like lines between it and the text are kept, and copies of the headline are marked; the teaser
//!    inside a "Read also" box closed by a rule is part of the box.
//!
//! Rule ids on the verdicts (and on the spans): `boilerplate.phrase`, `.credit`, `.url`, `.counter`,
//! `.separator`, `.short`, `.date`, `.repeat`, `.context`, `.chrome`, `.links` for chrome; `boilerplate.prose`,
//! `.context`, `.headline`, `.none`, `.blank` for kept lines.

mod features;
mod line_model;
mod line_weights;
mod phrases;

use crate::annotation::{Span, BOILERPLATE};
use crate::input::LineFacts;
use crate::text::calendar::{MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS};
use crate::text::TextModel;
use features::{normalize, normalized, Features};
use phrases::{Entry, Kind};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::Hasher;

/// The classifier's decision for one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Whether the line is boilerplate.
    pub boilerplate: bool,
    /// Stable id of the deciding rule, e.g. `boilerplate.phrase`.
    pub rule: &'static str,
    /// One readable sentence saying why; mostly a fixed one, so a million-line page allocates none per line.
    pub why: Cow<'static, str>,
}

impl Verdict {
    fn chrome(rule: &'static str, why: impl Into<Cow<'static, str>>) -> Verdict {
        Verdict { boilerplate: true, rule, why: why.into() }
    }

    fn content(rule: &'static str, why: impl Into<Cow<'static, str>>) -> Verdict {
        Verdict { boilerplate: false, rule, why: why.into() }
    }
}

/// Classifies every line of the model (blank lines included, never boilerplate); one verdict per line.
pub fn classify(model: &TextModel) -> Vec<Verdict> {
    classify_with(model, None)
}

/// Like [`classify`], with per-line facts from the HTML the text came from ([`crate::input::html_to_text`]).
/// `facts` holds one entry per line of `model`; facts of the wrong length are ignored rather than misapplied.
pub fn classify_with(model: &TextModel, facts: Option<&[LineFacts]>) -> Vec<Verdict> {
    let facts = facts.filter(|f| f.len() == model.lines.len());
    Classifier::new(model, facts).run(true).0
}

/// The line model's features ([`line_model::FEATURES`] of them) for every non-blank line, with the line's index,
/// as the rules see it before the model speaks: what `scripts/train_boilerplate.py` learns from.
pub fn line_features(model: &TextModel, facts: Option<&[LineFacts]>) -> Vec<(usize, Vec<f32>)> {
    let facts = facts.filter(|f| f.len() == model.lines.len());
    let c = Classifier::new(model, facts);
    let idx = c.idx.clone();
    idx.into_iter().zip(c.run(false).1).map(|(i, x)| (i, x.to_vec())).collect()
}

/// One span per boilerplate line, covering the whole line trimmed of surrounding whitespace (as the corpus gold
/// marks lines): never part of a line, never two.
pub fn spans(model: &TextModel, verdicts: &[Verdict]) -> Vec<Span> {
    model
        .lines
        .iter()
        .zip(verdicts)
        .filter(|(l, v)| v.boilerplate && !l.is_blank())
        .map(|(l, v)| Span::auto(model.to_chars(l.trimmed.clone()), BOILERPLATE, v.rule, v.why.clone()))
        .take(super::MAX_SPANS + 1) // the document's span limit: bounded memory on machine-made text
        .collect()
}

/// jusText's context-free classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Bad,
    Short,
    NearGood,
    Good,
}

/// Below this many code points a line is too short to judge by itself (jusText's `length_low`).
const LENGTH_LOW: usize = 70;
/// Above this many code points a dense line is prose on its own (jusText's `length_high`).
const LENGTH_HIGH: usize = 200;
/// Stopword densities of prose (jusText's `stopwords_low` / `stopwords_high` for English).
const STOPWORDS_LOW: f64 = 0.30;
const STOPWORDS_HIGH: f64 = 0.32;
/// Link density above which an HTML line is navigation (jusText's `max_link_density`).
const MAX_LINK_DENSITY: f64 = 0.2;
/// How many non-blank lines before the text the headline may stand.
const HEADLINE_REACH: usize = 8;
/// How many non-blank lines after a "Read also" line its box may run before a closing rule.
const TEASER_REACH: usize = 6;

struct Classifier<'m, 'a> {
    model: &'m TextModel<'a>,
    facts: Option<&'m [LineFacts]>,
    /// Indices of the non-blank lines, in order; every pass below works on positions in this list.
    idx: Vec<usize>,
    feats: Vec<Features>,
    /// The chrome phrase each line matches ([`phrases::find`]), looked up once: several passes ask.
    phrase: Vec<Option<&'static Entry>>,
    /// Whether a decisive rule of pass 1 spoke (its verdict is the line's, whatever the later passes say).
    hard: Vec<bool>,
    class: Vec<Class>,
    /// Position of the first line with the same normalized text, for repeats.
    first_seen: Vec<Option<u32>>,
    /// The HTML marks an article container that holds most of the prose: lines outside it weigh against the
    /// article's region.
    container: bool,
    /// The HTML scorer picked a main content block ([`LineFacts::in_main`]).
    main_block: bool,
    /// The English stoplist does not fit the text (another language): classes come from length and sentence
    /// punctuation alone.
    neutral: bool,
}

impl<'m, 'a> Classifier<'m, 'a> {
    fn new(model: &'m TextModel<'a>, facts: Option<&'m [LineFacts]>) -> Self {
        let mut idx = Vec::with_capacity(model.lines.iter().filter(|l| !l.is_blank()).count());
        idx.extend((0..model.lines.len()).filter(|&i| !model.lines[i].is_blank()));
        let feats: Vec<Features> = idx
            .iter()
            .map(|&i| Features::of(model.text.get(model.lines[i].trimmed.clone()).unwrap_or_default()))
            .collect();
        let phrase = idx
            .iter()
            .zip(&feats)
            .map(|(&i, f)| phrases::find(model.text.get(model.lines[i].trimmed.clone()).unwrap_or_default(), f.chars()))
            .collect();
        let n = idx.len();
        let neutral = !fits_stoplist(&feats);
        // A page that puts everything in one landmark (a <header> around the whole page) says nothing with it.
        // Judged on the main block when the scorer picked one: a page whose menus outweigh its article (a mega
        // menu of teasers) still marks them, as long as the article itself is not inside them.
        let facts = facts.filter(|f| {
            let main = idx.iter().any(|&i| f[i].in_main);
            let (chrome, all) =
                idx.iter().zip(&feats).filter(|(&i, _)| !main || f[i].in_main).fold((0, 0), |(c, a), (&i, ft)| {
                    (c + if f[i].chrome.is_some() || f[i].hint.is_some() { ft.chars() } else { 0 }, a + ft.chars())
                });
            chrome * 10 <= all * 7
        });
        Classifier {
            model,
            facts,
            idx,
            feats,
            phrase,
            hard: vec![false; n],
            class: vec![Class::Bad; n],
            first_seen: vec![None; n],
            neutral,
            container: false,
            main_block: facts.is_some_and(|f| f.iter().any(|x| x.in_main)),
        }
    }

    fn line(&self, k: usize) -> &'a str {
        self.model.text.get(self.model.lines[self.idx[k]].trimmed.clone()).unwrap_or_default()
    }

    fn fact(&self, k: usize) -> Option<&'m LineFacts> {
        self.facts.map(|f| &f[self.idx[k]])
    }

    /// Whether the HTML holds line `k` (a pasted line may not align with it; then only its text speaks).
    fn known(&self, k: usize) -> bool {
        self.fact(k).is_some_and(|x| x.from_html)
    }

    /// Whether line `k` lies in the page's content: the main block the HTML scorer picked when it picked one,
    /// else the article container the markup names.
    fn inside(&self, k: usize) -> bool {
        // A pasted line the HTML does not hold is not known to lie outside.
        self.fact(k).is_some_and(|x| if self.main_block { x.in_main || !x.from_html } else { x.in_article })
    }

    /// The verdicts, and when `learned` is false the line model's features of each non-blank line (for training);
    /// when it is true the model overrules the rules, one line at a time, keeping no features.
    fn run(mut self, learned: bool) -> (Vec<Verdict>, Vec<[f32; line_model::FEATURES]>) {
        let n = self.idx.len();
        // Lines are keyed by a hash of their normalized form, checked against the first line on a hit, so no
        // copy of each line is kept (a colliding line is taken as new, which only misses a repeat, so a fast
        // unkeyed hash is safe here).
        let mut seen: HashMap<u64, usize> = HashMap::new();
        for k in 0..n {
            let line = self.line(k);
            let mut h = rustc_hash::FxHasher::default();
            normalized(line).for_each(|c| h.write_u32(u32::from(c)));
            let key = h.finish();
            match seen.get(&key) {
                Some(&first) if normalized(self.line(first)).eq(normalized(line)) => {
                    self.first_seen[k] = u32::try_from(first).ok();
                }
                Some(_) => {}
                None => {
                    seen.insert(key, k);
                }
            }
        }
        // The decisive verdicts are the first draft of the output: the later passes fill the lines they left.
        let mut out: Vec<Option<Verdict>> = (0..n).map(|k| self.decisive(k)).collect();
        for (k, v) in out.iter().enumerate() {
            self.hard[k] = v.is_some();
            self.class[k] = if self.hard[k] { Class::Bad } else { self.context_free(k) };
        }
        self.container = self.facts.is_some() && {
            let (mut inside, mut all) = (0, 0);
            for k in (0..n).filter(|&k| self.class[k] == Class::Good) {
                all += self.feats[k].chars();
                inside += if self.inside(k) { self.feats[k].chars() } else { 0 };
            }
            all > 0 && inside * 3 >= all * 2
        };
        let region = self.main_region().map(|r| self.close_at_comments(r));
        let mut kept_smoothed = None;
        if let Some(region) = region.clone() {
            let smoothed = smooth(&self.class);
            let after_comments = self.after_comments(&region);
            for (k, slot) in out.iter_mut().enumerate().filter(|(_, v)| v.is_none()) {
                *slot = Some(match () {
                    () if self.main_block && self.known(k) && !self.inside(k) => Verdict::chrome(
                        "boilerplate.context",
                        "Outside the page's main content block (the container richest in paragraphs and commas, \
                         poorest in links).",
                    ),
                    () if self.main_block && self.known(k) => self.content_verdict(k),
                    () if k >= region.end && after_comments => Verdict::chrome(
                        "boilerplate.context",
                        format!("Follows the comment section that opens on line {}.", self.idx[region.end] + 1),
                    ),
                    () if !region.contains(&k) => Verdict::chrome(
                        "boilerplate.context",
                        "Lies outside the article's main text, among site chrome.",
                    ),
                    () if smoothed[k] == Class::Good => self.content_verdict(k),
                    () => Verdict::chrome("boilerplate.short", self.short_why(k)),
                });
            }
            self.mark_repeats(&region, &mut out);
            self.keep_headline(region.start, &mut out);
            kept_smoothed = Some(smoothed);
        } else {
            // No line reads as prose: too little to place the article, so only the decisive rules speak.
            for slot in out.iter_mut().filter(|v| v.is_none()) {
                *slot = Some(Verdict::content(
                    "boilerplate.none",
                    "Not enough text to place the article; no chrome phrase found.",
                ));
            }
        }
        self.mark_teasers(&mut out);
        let rows = line_model::Rows::new(&self, region.as_ref(), kept_smoothed.as_deref());
        let feats = if learned {
            rows.refine(&mut out);
            Vec::new()
        } else {
            (0..n).map(|k| rows.row(k, out[k].as_ref())).collect()
        };
        // Spread the verdicts to their lines in place, from the end (line `idx[k]` is never before `k`), so no
        // second vector of a verdict per line is made; the slots left empty are the blank lines.
        out.resize(self.model.lines.len(), None);
        for k in (0..n).rev() {
            out.swap(k, self.idx[k]);
        }
        let verdicts =
            out.into_iter().map(|v| v.unwrap_or(Verdict::content("boilerplate.blank", "Blank line."))).collect();
        (verdicts, feats)
    }

    /// Pass 1: rules that decide a line by itself.
    fn decisive(&self, k: usize) -> Option<Verdict> {
        let f = &self.feats[k];
        let s = self.line(k);
        if let Some(fact) = self.fact(k) {
            if let Some(el) = fact.chrome {
                return Some(Verdict::chrome(
                    "boilerplate.chrome",
                    format!("Sits in the page's <{el}>, which holds site chrome."),
                ));
            }
            if fact.caption {
                return Some(Verdict::chrome("boilerplate.credit", "A photo caption (<figcaption>)."));
            }
            if let Some(word) = fact.hint {
                return Some(Verdict::chrome(
                    "boilerplate.chrome",
                    format!("Sits in a page block named \"{word}\", which holds site chrome."),
                ));
            }
        }
        if let Some(p) = self.phrase[k] {
            let rule = if p.kind == Kind::Credit { "boilerplate.credit" } else { "boilerplate.phrase" };
            return Some(Verdict::chrome(rule, p.why));
        }
        if f.copyright {
            return Some(Verdict::chrome("boilerplate.credit", "Copyright or photo credit (©)."));
        }
        if f.urls() > 0 && (f.url_share() >= 0.4 || f.words() <= 3) {
            return Some(Verdict::chrome("boilerplate.url", "Holds mostly URLs or social handles."));
        }
        if f.letter_share() == 0.0 {
            return Some(if s.chars().any(|c| c.is_ascii_digit()) {
                Verdict::chrome("boilerplate.counter", "A bare number, like a view or comment counter.")
            } else {
                Verdict::chrome("boilerplate.separator", "Holds no words: a separator rule or bullet.")
            });
        }
        if f.words() <= 2 && !f.final_punct && all_stopwords(s) {
            return Some(Verdict::chrome("boilerplate.short", "A stray function word left by the page layout."));
        }
        if is_date_line(s, f) {
            return Some(Verdict::chrome("boilerplate.date", "A date or timestamp line, not article text."));
        }
        if let Some(fact) = self.fact(k) {
            // A sentence of prose whose words are a link is still prose (news round-ups link whole sentences).
            if fact.link_density > 0.5 && !(f.final_punct && f.words() >= 8) {
                return Some(Verdict::chrome(
                    "boilerplate.links",
                    "Mostly link text, like a menu or a list of other articles.",
                ));
            }
        }
        None
    }

    /// Pass 2: jusText's classes from length and stopword density, with link density when the HTML gave it.
    fn context_free(&self, k: usize) -> Class {
        let f = &self.feats[k];
        if self.fact(k).is_some_and(|x| x.link_density > MAX_LINK_DENSITY) {
            return if f.final_punct && f.words() >= 8 { Class::NearGood } else { Class::Bad };
        }
        // A subheading (<h2>–<h6>) belongs to the prose next to it.
        if self.fact(k).is_some_and(|x| x.heading.is_some_and(|h| h > 1)) && f.chars() < LENGTH_LOW {
            return Class::NearGood;
        }
        if self.neutral {
            return neutral_class(f);
        }
        if f.chars() < LENGTH_LOW {
            // A short line can still be a full sentence of prose ("The US confirmed this shortly afterward.").
            if f.final_punct && f.words() >= 5 && f.stopword_density() >= STOPWORDS_HIGH {
                return Class::NearGood;
            }
            return Class::Short;
        }
        if f.stopword_density() >= STOPWORDS_HIGH {
            if f.chars() > LENGTH_HIGH || f.final_punct {
                Class::Good
            } else {
                Class::NearGood
            }
        } else if f.stopword_density() >= STOPWORDS_LOW
            || (f.final_punct && f.stopword_density() >= 0.2 && f.title_case() < 0.5)
        {
            Class::NearGood
        } else {
            Class::Bad
        }
    }

    /// Pass 3: the run of lines with the most prose, where good lines count for their length and chrome against
    /// it. `None` when no line is good.
    fn main_region(&self) -> Option<std::ops::Range<usize>> {
        let weight = |k: usize| -> f64 {
            if self.container && !self.inside(k) {
                return -1.0;
            }
            // Repeated lines are mostly menus and teaser lists: they weigh against the region like chrome.
            match (self.class[k], self.hard[k] || self.first_seen[k].is_some()) {
                (_, true) => -1.0,
                (Class::Good, _) => (self.feats[k].weight() as f64 / 50.0).clamp(1.5, 8.0),
                (Class::NearGood, _) => 0.5,
                (Class::Short, _) => -0.25,
                (Class::Bad, _) => -0.75,
            }
        };
        let (mut best, mut best_range) = (0.0, None);
        let (mut sum, mut start) = (0.0, 0);
        for k in 0..self.idx.len() {
            if sum <= 0.0 {
                sum = 0.0;
                start = k;
            }
            sum += weight(k);
            if sum > best {
                best = sum;
                best_range = Some(start..k + 1);
            }
        }
        best_range.filter(|r| r.clone().any(|k| self.class[k] == Class::Good))
    }

    /// The article ends where its comment section opens: user comments read as prose but are not the article's.
    /// An opener counts only after some of the article's prose (a counter above the text does not end it).
    fn close_at_comments(&self, region: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let mut good = 0;
        for k in region.clone() {
            good += usize::from(self.class[k] == Class::Good);
            let opener = self.phrase[k].is_some_and(|p| p.kind == Kind::Comments);
            if opener && good >= 1 {
                return region.start..k;
            }
        }
        region
    }

    fn after_comments(&self, region: &std::ops::Range<usize>) -> bool {
        region.end < self.idx.len() && self.phrase[region.end].is_some_and(|p| p.kind == Kind::Comments)
    }

    fn content_verdict(&self, k: usize) -> Verdict {
        let f = &self.feats[k];
        if self.class[k] == Class::Good {
            Verdict::content("boilerplate.prose", "Reads as article prose (long, dense in function words).")
        } else if f.chars() < LENGTH_LOW {
            Verdict::content("boilerplate.context", "Short, but between paragraphs of the article.")
        } else {
            Verdict::content("boilerplate.context", "Near prose, and next to paragraphs of the article.")
        }
    }

    fn short_why(&self, k: usize) -> &'static str {
        match self.class[k] {
            Class::Short => "Short line among site chrome, not part of the article's prose.",
            Class::NearGood => "Almost prose, but surrounded by site chrome.",
            _ => "Few function words and no sentence shape: a title, name or menu entry.",
        }
    }

    /// A line repeated verbatim is chrome when its first appearance is, or when either copy lies outside the
    /// article (menus and teasers shown twice). Inside the article a repeat of kept text stays: listicles and
    /// interviews repeat their own subheadings and questions.
    fn mark_repeats(&self, region: &std::ops::Range<usize>, out: &mut [Option<Verdict>]) {
        for k in 0..self.idx.len() {
            let Some(first) = self.first_seen[k].map(|f| f as usize) else { continue };
            let first_chrome = out[first].as_ref().is_some_and(|v| v.boilerplate);
            let content = |k: usize| if self.main_block { self.inside(k) } else { region.contains(&k) };
            if (first_chrome || !content(k) || !content(first)) && !self.hard[k] {
                let line = self.idx[first] + 1;
                out[k] = Some(Verdict::chrome("boilerplate.repeat", format!("Repeats line {line}.")));
            }
        }
    }

    /// Whether line `k` looks like a headline: several words, no sentence-final period, not a bullet.
    fn headline_like(&self, k: usize) -> bool {
        let f = &self.feats[k];
        let s = self.line(k);
        !self.hard[k]
            && self.first_seen[k].is_none()
            && f.words() >= 4
            && f.chars() >= 20
            && f.chars() <= 250
            && !f.bullet
            && !s.ends_with('.')
            && !s.ends_with(':')
            && self.fact(k).is_none_or(|x| x.link_density <= 0.5)
    }

    /// Pass 4: keeps the first headline (the last title-like line standing before the text, reaching back over
    /// bylines and captions) and headline-like lines between it and the text, then marks verbatim copies of it.
    fn keep_headline(&self, body: usize, out: &mut [Option<Verdict>]) {
        let stop = body.saturating_sub(HEADLINE_REACH);
        let mut zone = Vec::new();
        for k in (stop..body).rev() {
            if self.feats[k].bullet || self.class[k] == Class::Good {
                break;
            }
            if self.headline_like(k) {
                zone.push(k);
            }
        }
        // The last <h1> before the text is the headline whatever its shape and distance; otherwise the earliest
        // title-like line of the zone is.
        let h1 = (0..body).rev().find(|&k| !self.hard[k] && self.fact(k).is_some_and(|x| x.heading == Some(1)));
        let mut head = match h1.or_else(|| zone.last().copied()) {
            Some(h) => h,
            None => return,
        };
        // A breadcrumb or credit wrapped around a later title ("Home SECURITY & DEFENCE <title>") is not the
        // headline; the title inside it is.
        if let Some(&inner) = zone.iter().rev().find(|&&c| {
            c > head && {
                let (outer, inner) = (normalize(self.line(head)), normalize(self.line(c)));
                outer.len() > inner.len() && (outer.starts_with(inner.as_str()) || outer.ends_with(inner.as_str()))
            }
        }) {
            head = inner;
        }
        out[head] = Some(Verdict::content("boilerplate.headline", "The article's first headline."));
        for &k in &zone {
            if k > head {
                out[k] =
                    Some(Verdict::content("boilerplate.headline", "A second headline or standfirst above the text."));
            }
        }
        let head_norm = normalize(self.line(head));
        let head_line = self.idx[head] + 1;
        for (k, slot) in out.iter_mut().enumerate() {
            if k == head {
                continue;
            }
            let norm = normalize(self.line(k));
            if norm == head_norm {
                *slot =
                    Some(Verdict::chrome("boilerplate.repeat", format!("Repeats the headline from line {head_line}.")));
            } else if norm.len() > head_norm.len() && (norm.starts_with(&head_norm) || norm.ends_with(&head_norm)) {
                *slot = Some(Verdict::chrome(
                    "boilerplate.repeat",
                    format!("Repeats the headline from line {head_line}, with a breadcrumb or credit around it."),
                ));
            }
        }
    }

    /// A "Read also" line opens a box; when a separator rule closes it within reach, the lines in between
    /// (the linked article's title and teaser) are part of the box.
    fn mark_teasers(&self, out: &mut [Option<Verdict>]) {
        for k in 0..self.idx.len() {
            if self.phrase[k].map(|p| p.kind) != Some(Kind::Teaser) {
                continue;
            }
            let end = (k + 1..self.idx.len().min(k + 1 + TEASER_REACH)).find(|&j| self.feats[j].letter_share() == 0.0);
            if let Some(end) = end {
                let open = self.idx[k] + 1;
                for slot in out.iter_mut().take(end).skip(k + 1) {
                    *slot = Some(Verdict::chrome(
                        "boilerplate.context",
                        format!("Part of the \"Read also\" box that opens on line {open}."),
                    ));
                }
            }
        }
    }
}

/// jusText's context-sensitive pass: short lines, then near-good ones, take the class of their neighbours.
/// The edges of the text count as bad neighbours. Linear: the nearest qualifying neighbours are tabulated
/// in one sweep each way ([`smooth_naive`] in the tests is the direct transcription it is checked against).
fn smooth(class: &[Class]) -> Vec<Class> {
    let mut out = class.to_vec();
    let strict = |x: Class| x == Class::Good || x == Class::Bad;
    let loose = |x: Class| x != Class::Short;
    let (prev_s, next_s) = neighbours(class, strict);
    let (prev_l, next_l) = neighbours(class, loose);
    for k in 0..class.len() {
        if class[k] != Class::Short {
            continue;
        }
        let (p, q) = (prev_s[k], next_s[k]);
        out[k] = match (p, q) {
            (Class::Good, Class::Good) => Class::Good,
            (Class::Bad, Class::Bad) => Class::Bad,
            _ if (p == Class::Bad && prev_l[k] == Class::NearGood)
                || (q == Class::Bad && next_l[k] == Class::NearGood) =>
            {
                Class::Good
            }
            _ => Class::Bad,
        };
    }
    let fixed = out.clone();
    let (prev_s, next_s) = neighbours(&fixed, strict);
    for k in 0..fixed.len() {
        if fixed[k] == Class::NearGood {
            out[k] = if prev_s[k] == Class::Bad && next_s[k] == Class::Bad { Class::Bad } else { Class::Good };
        }
    }
    out
}

/// For each position, the class of the nearest line before and after it that `counts` (edges count as bad).
fn neighbours(class: &[Class], counts: impl Fn(Class) -> bool) -> (Vec<Class>, Vec<Class>) {
    let n = class.len();
    let (mut prev, mut next) = (vec![Class::Bad; n], vec![Class::Bad; n]);
    let mut last = Class::Bad;
    for k in 0..n {
        prev[k] = last;
        if counts(class[k]) {
            last = class[k];
        }
    }
    last = Class::Bad;
    for k in (0..n).rev() {
        next[k] = last;
        if counts(class[k]) {
            last = class[k];
        }
    }
    (prev, next)
}

/// Whether the text's longer lines have the function-word density of English prose. Texts in other languages
/// (or scripts without spaces) have almost none of the English function words.
fn fits_stoplist(feats: &[Features]) -> bool {
    let (mut words, mut stop) = (0.0, 0.0);
    let (mut wide, mut all) = (0, 0);
    for f in feats {
        all += f.chars();
        wide += f.weight() - f.chars();
        if f.words() >= 8 {
            words += f.words() as f64;
            stop += f.stopword_density() * f.words() as f64;
        }
    }
    if wide * 5 > all {
        return false;
    }
    words < 40.0 || stop / words >= 0.12
}

/// Classes without a stoplist: long lines that end like sentences are prose.
fn neutral_class(f: &Features) -> Class {
    match (f.weight(), f.final_punct) {
        (w, _) if w < LENGTH_LOW => Class::Short,
        (w, true) if w >= 100 => Class::Good,
        (w, false) if w > LENGTH_HIGH + 50 && f.title_case() < 0.6 && f.clauses() >= 2 => Class::Good,
        (_, true) => Class::NearGood,
        _ if f.title_case() < 0.6 && f.clauses() >= 1 => Class::NearGood,
        _ => Class::Bad,
    }
}

fn all_stopwords(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .all(|w| features::is_stopword(&w.to_lowercase()))
}

const DATE_WORDS: &[&str] = &[
    "am",
    "pm",
    "a.m",
    "p.m",
    "et",
    "est",
    "edt",
    "pt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "ist",
    "at",
    "on",
    "updated",
    "published",
    "posted",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "ago",
    "hours",
    "hour",
    "minutes",
    "mins",
    "days",
    "day",
    "hrs",
    "today",
    "yesterday",
    "last",
    "modified",
    "by",
];

/// A short line made of a date or time, perhaps with a source or author name before it
/// ("Reuters November 18, 2019 11:03 PM", "Updated 3:14 PM ET").
fn is_date_line(s: &str, f: &Features) -> bool {
    if f.chars() > 80 || f.words() > 12 || f.final_punct || f.urls() > 0 {
        return false;
    }
    // A calendar anchor (month name, clock time or year) and at least one more date part ("November 18").
    let (mut anchor, mut parts, mut other) = (false, 0, 0);
    let seps = |c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '-' | '–' | '—' | '(' | ')' | '·' | '•');
    for w in s.split(seps).filter(|w| !w.is_empty()) {
        let lower = w.trim_end_matches('.').to_lowercase();
        let numeric = w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | 'h'));
        let ordinal =
            ["st", "nd", "rd", "th"].iter().any(|x| lower.strip_suffix(x).is_some_and(|d| d.parse::<u32>().is_ok()));
        if numeric || ordinal {
            anchor |= w.contains(':') || (w.len() == 4 && (w.starts_with("19") || w.starts_with("20")));
            parts += 1;
        } else if MONTHS.contains(&lower.as_str()) || MONTH_ABBREVIATIONS.contains(&lower.as_str()) {
            anchor = true;
            parts += 1;
        } else if !DATE_WORDS.contains(&lower.as_str()) && !WEEKDAYS.contains(&lower.as_str()) {
            other += 1;
        }
    }
    anchor && parts >= 2 && other <= 4
}

#[cfg(test)]
mod tests;
