//! Throughput of the analysis core: each layer alone and all together, on news text of 10 KB, 100 KB and 1 MB
//! (the five corpus articles repeated). Prints figures; run with `cargo bench --bench detect`.

use sift::{analyze, Layers, TextModel};
use std::time::{Duration, Instant};

mod common;

fn corpus() -> String {
    common::seed_articles().join("\n\n")
}

fn sized(base: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + base.len());
    while s.len() < bytes {
        s.push_str(base);
        s.push_str("\n\n");
    }
    let mut cut = bytes;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// Best of several runs, at least `min_runs` and about half a second in all.
fn time(mut f: impl FnMut()) -> Duration {
    let mut best = Duration::MAX;
    let start = Instant::now();
    let mut runs = 0;
    while runs < 3 || (start.elapsed() < Duration::from_millis(500) && runs < 50) {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        runs += 1;
    }
    best
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this too, and then one small size is enough
    // to show the harness works.
    let sizes: &[usize] =
        if std::env::args().any(|a| a == "--bench") { &[10_000, 100_000, 1_000_000] } else { &[10_000] };
    let base = corpus();
    let layers = [
        ("segment", None),
        ("boilerplate", Some(Layers { boilerplate: true, claim: false, number: false })),
        ("claim", Some(Layers { boilerplate: false, claim: true, number: false })),
        ("number", Some(Layers { boilerplate: false, claim: false, number: true })),
        ("all", Some(Layers::ALL)),
    ];
    println!("{:<12} {:>8} {:>10} {:>10} {:>8}", "layer", "size", "time", "MB/s", "spans");
    for &size in sizes {
        let text = sized(&base, size);
        for (name, l) in layers {
            let mut spans = 0;
            let t = time(|| match l {
                None => spans = TextModel::new(&text).sentences.len(),
                Some(l) => spans = analyze(&text, l).len(),
            });
            let mbs = text.len() as f64 / 1e6 / t.as_secs_f64();
            println!("{name:<12} {:>7}K {:>9.2?} {mbs:>10.1} {spans:>8}", size / 1000, t);
        }
    }
}
