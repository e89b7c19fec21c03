//! The precise tier's speed and fidelity: sentences per second through `sift::precise::Model` (batched as the
//! claim layer batches them), the model file's size and the figures its training printed, and how far the Rust
//! scores are from torch's on the probe sentences the training script wrote beside the model. The model is
//! `SIFT_CLAIMS_MODEL` or target/precise/claims.sift-model (scripts/train_precise.sh writes it); without one the
//! bench says so and stops. Threads: candle's, `RAYON_NUM_THREADS` (scripts/bench.sh runs 1, then every core).
//! Run with `cargo bench --bench precise`.

use sift::detect::claims::Scorer;
use sift::precise::Model;
use std::time::Instant;

mod common;

fn main() {
    let path = std::env::var("SIFT_CLAIMS_MODEL").unwrap_or_else(|_| "target/precise/claims.sift-model".into());
    let Ok(bytes) = std::fs::read(&path) else {
        println!("precise: no model at {path} (bash scripts/train_precise.sh writes one); skipped");
        return;
    };
    let t = Instant::now();
    let model = Model::from_bytes(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    sift::precise::keep_freed_memory(); // as the CLI does
    let info = model.info();
    println!("precise: {path}: {:.1} MB, loaded in {:.2} s", bytes.len() as f64 / 1e6, t.elapsed().as_secs_f64());
    println!("  {}", info.name);
    println!("  {}", info.figures);
    let probes = path.trim_end_matches(".sift-model").to_string() + "-probes.tsv";
    if let Ok(tsv) = std::fs::read_to_string(&probes) {
        let rows: Vec<(&str, f64)> = tsv
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                Some((c[0], c.get(2)?.parse().ok()?))
            })
            .collect();
        let sentences: Vec<&str> = rows.iter().map(|r| r.0).collect();
        let got = model.score(&sentences).expect("the probes score");
        let worst = rows.iter().zip(&got).map(|(r, g)| (r.1 - g).abs()).fold(0.0, f64::max);
        println!("  against torch on {} probe sentences: largest difference {worst:.2e}", rows.len());
    }
    let sentences = sentences();
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let threads = std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "every core".into());
    model.score(&refs[..64.min(refs.len())]).unwrap(); // warm up
    let t = Instant::now();
    model.score(&refs).unwrap();
    let s = t.elapsed().as_secs_f64();
    println!("  {} sentences in {s:.2} s: {:.0} sentences/s ({threads} threads)", refs.len(), refs.len() as f64 / s);
}

/// The sentences of the seed articles (tests/data/corpus), as the claim layer splits them: news text, every
/// length.
fn sentences() -> Vec<String> {
    let mut out = Vec::new();
    for text in common::seed_articles() {
        let model = sift::TextModel::new(&text);
        for r in &model.sentences {
            out.push(text.get(r.clone()).unwrap_or_default().trim().to_string());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}
