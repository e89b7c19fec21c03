//! Time of the cross-document comparison (`sift::compare`) on sets of 10, 100 and 1,000 articles: the web pages
//! of `../shared/bench/aeb.jsonl` when that file is there (the five seed articles otherwise), each copy after the
//! first reworded a little (one word in seven replaced), so a set holds many rewrites, as a story's coverage does.
//! The articles are annotated before the clock starts: only `compare` is timed. Run with
//! `cargo bench --bench compare`.

use rayon::prelude::*;
use sift::compare::{compare, Article, Options};
use sift::{analyze, Layers, Span};
use std::time::{Duration, Instant};

mod common;

/// The base texts: aeb's pages, or the seed articles.
fn bases() -> (Vec<String>, &'static str) {
    if let Ok(jsonl) = std::fs::read_to_string("../shared/bench/aeb.jsonl") {
        let texts: Vec<String> = jsonl
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect();
        if !texts.is_empty() {
            return (texts, "aeb pages");
        }
    }
    (common::seed_articles(), "seed articles")
}

/// Article `i` of a set: base `i mod n`, and from its second copy on, one word in seven replaced by a word of
/// its own.
fn article(bases: &[String], i: usize) -> String {
    let base = &bases[i % bases.len()];
    let copy = i / bases.len();
    if copy == 0 {
        return base.clone();
    }
    let mut out = String::with_capacity(base.len() + 64);
    for (k, piece) in base.split_inclusive(' ').enumerate() {
        if (k + copy) % 7 == 0 && piece.trim().chars().all(char::is_alphabetic) && !piece.trim().is_empty() {
            out.push_str(&format!("w{copy}x{k}"));
            out.push_str(&piece[piece.trim_end().len()..]);
        } else {
            out.push_str(piece);
        }
    }
    out
}

/// Best of a few runs (at least one, about two seconds in all).
fn time(mut f: impl FnMut()) -> Duration {
    let mut best = Duration::MAX;
    let start = Instant::now();
    let mut runs = 0;
    while runs < 1 || (start.elapsed() < Duration::from_secs(2) && runs < 5) {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        runs += 1;
    }
    best
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this too, and then the smallest set is enough
    // to show the harness works.
    let sizes: &[usize] = if std::env::args().any(|a| a == "--bench") { &[10, 100, 1000] } else { &[10] };
    let (bases, what) = bases();
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let texts: Vec<String> = (0..largest).map(|i| article(&bases, i)).collect();
    let spans: Vec<Vec<Span>> = texts.par_iter().map(|t| analyze(t, Layers::ALL)).collect();
    println!("compare, {what} ({} bases)", bases.len());
    println!("{:>9} {:>8} {:>10} {:>8} {:>9} {:>8}", "articles", "MB", "time", "figures", "passages", "sources");
    for &n in sizes {
        let names: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
        let arts: Vec<Article> =
            (0..n).map(|i| Article { name: &names[i], text: &texts[i], spans: &spans[i], date: None }).collect();
        let mut out = None;
        let t = time(|| out = Some(compare(&arts, &Options::default())));
        let c = out.expect("ran once");
        let mb = texts[..n].iter().map(String::len).sum::<usize>() as f64 / 1e6;
        println!("{n:>9} {mb:>8.1} {:>9.2?} {:>8} {:>9} {:>8}", t, c.figures.len(), c.passages.len(), c.sources.len());
    }
}
