//! Shared passages: sentences (and runs of them) that one document shares with another, verbatim or reworded.
//!
//! **Similarity.** Each sentence becomes a set of content words (function words and reporting verbs dropped,
//! light suffix stemming so "suburban" meets "suburbs", digits kept: a shared "133" is strong evidence). Words
//! are weighted by how few documents of the set use them (`ln((N + 1) / df)`, a word two sentences share counted
//! one document rarer, since the pair's own use of it says nothing about its being common): the topic's names ("Islamic
//! State", "Moscow", "concert hall"), which every report uses, weigh little, and a name that recurs in the set
//! weighs half again (so it weighs little even in a set of two), and two sentences that merely name the same
//! event do not pair. Similarity is the weighted Dice coefficient of the two sets, and a pair counts from
//! [`super::Options::passage_threshold`] on, when the two also share at least two words that are not names. A
//! pair is verbatim when its word bigrams (all words, in order) mostly agree.
//!
//! **Scale.** Never all sentence pairs: each sentence is indexed under its rarest words only (the prefix of its
//! words sorted by how many sentences use them, long enough that two sentences overlapping by more than a third
//! must share one of them: prefix filtering), and only sentences that share an indexed word (two, for long
//! sentences) are compared. A word's posting list is capped, so a word that thousands of sentences use costs a
//! bounded amount of work.
//!
//! **Passages and direction.** Each sentence pairs with at most its best match in the other document; runs of
//! consecutive matched sentences, all verbatim or all reworded, become one passage. The direction of copying is
//! given when the publication dates differ (the later copies the earlier); when both sides attribute the passage
//! to one source, that source is named as common to both, which is no direction.

use super::sources::SourceRow;
use super::{words, Doc, Excerpt, Options};
use crate::annotation::CLAIM;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// The default [`Options::passage_threshold`].
pub const DEFAULT_THRESHOLD: f64 = 0.4;
/// The default [`Options::verbatim_threshold`].
pub const VERBATIM_THRESHOLD: f64 = 0.6;

/// A passage two documents share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// The side in the document that comes first in the set.
    pub a: PassageSide,
    /// The side in the other document.
    pub b: PassageSide,
    /// Weighted word overlap, 0–1 (the mean over the passage's sentence pairs).
    pub similarity: f64,
    /// Whether the wording is the same (word bigrams mostly shared) rather than reworded.
    pub verbatim: bool,
    /// How many sentence pairs the passage joins.
    pub sentences: usize,
    /// Who copied from whom, when the dates say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The source both sides attribute the passage to, when they do: a common origin, not one copying the other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_source: Option<String>,
}

/// One side of a shared passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageSide {
    /// The document (index into [`super::Comparison::documents`]).
    pub doc: usize,
    /// Offsets (code points) and text.
    #[serde(flatten)]
    pub excerpt: Excerpt,
}

/// The direction of copying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Direction {
    /// The document copied from.
    pub from: usize,
    /// The document that copies.
    pub to: usize,
    /// Why: "a.txt is dated 2024-03-22, b.txt 2024-03-23".
    pub reason: String,
}

/// Words that say nothing about content: function words, reporting verbs, common adverbs.
const STOP: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "it's",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "according",
    "least",
    "since",
    "while",
    "whether",
    "yet",
];

/// How many sentences one indexed word lists at most.
const MAX_POSTING: usize = 64;
/// From this many indexed words on, a candidate must share two of them (a sentence that shares a passage with
/// another shares more than one of its rarest words): far fewer pairs to score, on long sentences.
const LONG_PREFIX: usize = 5;
/// The overlap (share of a sentence's words) prefix filtering guarantees to find.
const PREFIX_OVERLAP: f64 = 0.35;
/// A sentence needs this many content words to be compared.
const MIN_WORDS: usize = 4;
/// A word in more sentences than this (besides the pair compared) weighs less in proportion: the topic's words
/// recur all through a set ("attack", "Moscow"), a shared passage's own words do not.
const TOPIC_SENTENCES: f32 = 4.0;
/// Two sentences must share this many words that are not names: sharing "Crocus City Hall", "Moscow" and one
/// more word is naming the same event, not sharing a passage.
const MIN_SHARED_WORDS: usize = 2;
/// Weight of a recurring name (a capitalised word in [`TOPIC_NAME`] sentences or more), relative to others.
const NAME_WEIGHT: f32 = 0.5;
/// From how many sentences of the set on a name is the topic's ("Moscow", "Islamic State") rather than a
/// detail two reports share ("Syed Muhammad Ali").
const TOPIC_NAME: u32 = 3;

/// A sentence prepared for comparison.
struct Sent {
    doc: usize,
    index: usize,
    /// (token, weight when the other sentence lacks it, weight when both have it), sorted by token.
    tokens: Vec<(u32, f32, f32)>,
    total: f32,
}

/// The stem of a lowercase word: "'s" and one common suffix dropped, the first six letters kept; digits whole.
fn stem(w: &str) -> String {
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return w.replace(',', "");
    }
    let w = w.strip_suffix("'s").unwrap_or(w).trim_end_matches('.');
    let mut s = w;
    for suf in ["ing", "ed", "es", "s", "ly"] {
        if let Some(t) = s.strip_suffix(suf) {
            if t.chars().count() >= 3 {
                s = t;
                break;
            }
        }
    }
    s.chars().take(6).collect()
}

/// Finds the passages the documents share.
pub(crate) fn find(docs: &[Doc<'_>], sources: &[SourceRow], options: &Options) -> Vec<Passage> {
    if docs.len() < 2 {
        return Vec::new();
    }
    let stop: FxHashSet<&str> = STOP.iter().copied().collect();
    let mut intern: FxHashMap<String, u32> = FxHashMap::default();
    // Token lists per sentence; document frequencies; which tokens are names (capitalised inside a sentence that
    // is not in title case).
    let mut raw: Vec<(usize, usize, Vec<u32>)> = Vec::new();
    let mut df: Vec<u32> = Vec::new();
    let mut name: Vec<bool> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let mut in_doc: FxHashSet<u32> = FxHashSet::default();
        for (si, r) in d.sentences.iter().enumerate() {
            if d.chrome[si] {
                continue;
            }
            let ws = words(d.slice(r.clone()), r.start);
            let title_case = ws.iter().filter(|w| w.capital).count() * 10 > ws.len() * 6;
            let mut toks: Vec<u32> = Vec::new();
            for (k, w) in ws.iter().enumerate() {
                let short = w.lower.chars().count() < 2 && !w.lower.starts_with(char::is_numeric);
                if short || stop.contains(w.lower.as_str()) {
                    continue;
                }
                let s = stem(&w.lower);
                let next = intern.len() as u32;
                let id = *intern.entry(s).or_insert(next);
                if id as usize == df.len() {
                    df.push(0);
                    name.push(false);
                }
                if in_doc.insert(id) {
                    df[id as usize] += 1;
                }
                name[id as usize] |= w.capital && k > 0 && !title_case;
                toks.push(id);
            }
            toks.sort_unstable();
            toks.dedup();
            if toks.len() >= MIN_WORDS {
                raw.push((di, si, toks));
            }
        }
    }
    // Sentence frequency of each token: for the prefixes, and to tell the topic's recurring names.
    let mut sf = vec![0u32; df.len()];
    for (_, _, toks) in &raw {
        for &t in toks {
            sf[t as usize] += 1;
        }
    }
    let n = docs.len() as f32;
    let mut sents: Vec<Sent> = raw
        .into_iter()
        .map(|(doc, index, toks)| {
            let tokens: Vec<(u32, f32, f32)> = toks
                .into_iter()
                .map(|t| {
                    let (d, f) = (df[t as usize] as f32, sf[t as usize] as f32);
                    let name_f = if name[t as usize] && f >= TOPIC_NAME as f32 { NAME_WEIGHT } else { 1.0 };
                    // A word both sentences have is rarer by one document and two sentences than its counts say:
                    // the pair's own use of it is no evidence that it is common.
                    let weight = |docs: f32, sentences: f32| {
                        ((n + 1.0) / docs.max(1.0)).ln() * (TOPIC_SENTENCES / sentences.max(1.0)).min(1.0) * name_f
                    };
                    (t, weight(d, f - 1.0), weight(d - 1.0, f - 2.0))
                })
                .collect();
            let total = tokens.iter().map(|t| t.1).sum();
            Sent { doc, index, tokens, total }
        })
        .collect();
    sents.sort_by_key(|s| (s.doc, s.index));
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); df.len()];
    let mut matches: Vec<(u32, u32, f64)> = Vec::new();
    let mut cands: Vec<u32> = Vec::new();
    for (i, s) in sents.iter().enumerate() {
        let mut order: Vec<u32> = s.tokens.iter().map(|t| t.0).collect();
        order.sort_by_key(|&t| (sf[t as usize], t));
        let len = order.len();
        let prefix = len - (PREFIX_OVERLAP * len as f64).ceil() as usize + 1;
        cands.clear();
        for &t in &order[..prefix.min(len)] {
            let list = &mut postings[t as usize];
            cands.extend(list.iter().copied().filter(|&j| sents[j as usize].doc != s.doc));
            if list.len() < MAX_POSTING {
                list.push(i as u32);
            }
        }
        cands.sort_unstable();
        // A candidate listed under several of the prefix's words shares that many of the rarest ones.
        let need = if prefix >= LONG_PREFIX { 2 } else { 1 };
        for run in cands.chunk_by(|x, y| x == y) {
            if run.len() < need {
                continue;
            }
            let j = run[0];
            let (score, plain) = dice(&sents[j as usize], s, &name);
            if score >= options.passage_threshold && plain >= MIN_SHARED_WORDS {
                matches.push((j, i as u32, score));
            }
        }
    }
    assemble(docs, &sents, matches, sources, options)
}

/// Weighted Dice coefficient of two sentences' token sets, and how many shared tokens are not names.
fn dice(a: &Sent, b: &Sent, name: &[bool]) -> (f64, usize) {
    let (mut i, mut j, mut shared, mut plain) = (0, 0, 0.0f32, 0);
    // What the shared words add to the totals over their weight as unshared words.
    let mut extra = 0.0f32;
    while i < a.tokens.len() && j < b.tokens.len() {
        match a.tokens[i].0.cmp(&b.tokens[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a.tokens[i].2;
                extra += 2.0 * a.tokens[i].2 - a.tokens[i].1 - b.tokens[j].1;
                plain += usize::from(!name[a.tokens[i].0 as usize]);
                i += 1;
                j += 1;
            }
        }
    }
    let total = a.total + b.total + extra;
    (if total <= 0.0 { 0.0 } else { f64::from(2.0 * shared / total) }, plain)
}

/// How much of their wording two texts share: the Dice coefficient of their word bigrams (all words, in order,
/// case and punctuation ignored), so a changed word costs the two pairs it sits in and reordered clauses cost
/// little more.
fn wording_overlap(a: &str, b: &str) -> f64 {
    let (x, y) = (bigrams(a), bigrams(b));
    let total = x.len() + y.len();
    if total == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / total as f64
}

/// The distinct word bigrams of `t` as hashes, sorted.
fn bigrams(t: &str) -> Vec<u64> {
    use std::hash::Hasher;
    let mut out = Vec::new();
    let mut prev: Option<u64> = None;
    for w in t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let mut h = rustc_hash::FxHasher::default();
        for c in w.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
        let h = h.finish();
        if let Some(p) = prev {
            out.push(p.rotate_left(29) ^ h.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        }
        prev = Some(h);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A matched pair of sentences: documents, sentence indices, similarity, and whether the wording is the same.
struct Pair {
    da: usize,
    sa: usize,
    db: usize,
    sb: usize,
    score: f64,
    verbatim: bool,
}

/// Turns sentence matches into passages: one match per sentence and document pair, consecutive ones joined.
fn assemble(
    docs: &[Doc<'_>],
    sents: &[Sent],
    mut matches: Vec<(u32, u32, f64)>,
    sources: &[SourceRow],
    options: &Options,
) -> Vec<Passage> {
    // Best first; a sentence pairs once per other document.
    matches.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut used: FxHashSet<(u32, usize)> = FxHashSet::default();
    let mut kept: Vec<Pair> = Vec::new();
    for (x, y, score) in matches {
        let (a, b) = (&sents[x as usize], &sents[y as usize]);
        if used.contains(&(x, b.doc)) || used.contains(&(y, a.doc)) {
            continue;
        }
        used.insert((x, b.doc));
        used.insert((y, a.doc));
        let text = |s: &Sent| docs[s.doc].slice(docs[s.doc].sentences[s.index].clone());
        let verbatim = wording_overlap(text(a), text(b)) >= options.verbatim_threshold;
        kept.push(Pair { da: a.doc, sa: a.index, db: b.doc, sb: b.index, score, verbatim });
    }
    kept.sort_by_key(|k| (k.da, k.db, k.sa, k.sb));
    // Consecutive pairs of the same kind (verbatim or reworded) make one passage.
    let mut runs: Vec<Vec<Pair>> = Vec::new();
    for k in kept {
        match runs.last_mut() {
            Some(run)
                if run.last().is_some_and(|l| {
                    (l.da, l.db, l.verbatim) == (k.da, k.db, k.verbatim) && l.sa + 1 == k.sa && l.sb + 1 == k.sb
                }) =>
            {
                run.push(k)
            }
            _ => runs.push(vec![k]),
        }
    }
    let attributed = attribution(docs, sources);
    runs.into_iter()
        .map(|run| {
            let (first, last) = (&run[0], &run[run.len() - 1]);
            let side = |d: usize, s0: usize, s1: usize| {
                let doc = &docs[d];
                PassageSide { doc: d, excerpt: doc.excerpt(doc.sentences[s0].start..doc.sentences[s1].end) }
            };
            let a = side(first.da, first.sa, last.sa);
            let b = side(first.db, first.sb, last.sb);
            let similarity = run.iter().map(|k| k.score).sum::<f64>() / run.len() as f64;
            let verbatim = first.verbatim;
            let common_source = attributed(a.doc, &a.excerpt).and_then(|x| {
                let y = attributed(b.doc, &b.excerpt)?;
                (x == y).then_some(x)
            });
            Passage {
                direction: direction(docs, a.doc, b.doc),
                a,
                b,
                similarity: (similarity * 1000.0).round() / 1000.0,
                verbatim,
                sentences: run.len(),
                common_source,
            }
        })
        .collect()
}

/// Who copied from whom, from the publication dates.
fn direction(docs: &[Doc<'_>], a: usize, b: usize) -> Option<Direction> {
    let (da, db) = (docs[a].date.as_deref()?, docs[b].date.as_deref()?);
    if da == db {
        return None;
    }
    let (from, to, df, dt) = if da < db { (a, b, da, db) } else { (b, a, db, da) };
    let name = |i: usize| docs[i].article.name;
    Some(Direction { from, to, reason: format!("{} is dated {df}, {} {dt}", name(from), name(to)) })
}

/// The source (its row's name) a document attributes the claims of an excerpt to, when it is one source. The
/// claims are indexed once (by document, in text order) and the names looked up in a map of the table's forms.
fn attribution<'s>(docs: &'s [Doc<'_>], sources: &'s [SourceRow]) -> impl Fn(usize, &Excerpt) -> Option<String> + 's {
    let names: FxHashMap<&str, &str> =
        sources.iter().flat_map(|r| r.variants.iter().map(move |v| (v.as_str(), r.name.as_str()))).collect();
    let claims: Vec<Vec<(usize, usize, &str)>> = docs
        .iter()
        .map(|d| {
            let mut v: Vec<(usize, usize, &str)> = d
                .spans_labelled(CLAIM)
                .filter_map(|c| Some((c.start, c.end, c.attrs.get("source")?.as_str()?)))
                .collect();
            v.sort_unstable();
            v
        })
        .collect();
    move |d: usize, e: &Excerpt| {
        let list = &claims[d];
        // The claims starting in the excerpt, and those just before it that reach into it.
        let mut from = list.partition_point(|c| c.0 < e.start);
        while from > 0 && list[from - 1].1 > e.start {
            from -= 1;
        }
        let mut found = list[from..]
            .iter()
            .take_while(|c| c.0 < e.end)
            .filter(|c| e.start < c.1)
            .map(|c| names.get(c.2).copied().unwrap_or(c.2));
        let first = found.next()?;
        found.all(|n| n == first).then(|| first.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_inflections_and_keep_digits_whole() {
        assert_eq!(stem("suburban"), stem("suburbs"));
        assert_eq!(stem("attacks"), stem("attack"));
        assert_eq!(stem("1,000"), "1000");
        assert_eq!(stem("putin's"), "putin");
    }

    #[test]
    fn wording_overlap_tells_verbatim_from_reworded() {
        let a = "ISIS-K accuses the Kremlin of having Muslim blood on its hands, referring to Moscow's interventions.";
        let b = "ISIS-K accuses the Kremlin of having Muslim blood in its hands, referencing Moscow's interventions.";
        let c = "The group frequently denounces the Kremlin, alleging harm to Muslim populations.";
        assert!(wording_overlap(a, b) >= VERBATIM_THRESHOLD, "{}", wording_overlap(a, b));
        assert!(wording_overlap(a, c) < 0.1);
    }
}
