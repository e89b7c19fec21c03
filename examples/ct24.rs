//! Runs the claim layer over `score.py input ct24` lines (`{"id","text"}` per line on stdin) and writes
//! `{"id","text","spans"}` lines for `score.py ct24` (the same spans as `sift annotate --jsonl --layers claim`).
//!
//! ```sh
//! python3 ../shared/bench/score.py input ct24 > /tmp/ct24.in.jsonl
//! cargo run --release --example ct24 < /tmp/ct24.in.jsonl > /tmp/ct24.preds.jsonl
//! python3 ../shared/bench/score.py ct24 /tmp/ct24.preds.jsonl
//! ```
//!
//! With `--features`, writes instead one `id<TAB>gate<TAB>f1,f2,…<TAB>b b …<TAB>b b …` line per sentence (the
//! claim rules' gate, the check-worthiness features, and the word and character n-gram buckets), which
//! `scripts/train_claims.py` fits the weights on.

use serde_json::{json, Value};
use sift::{analyze, Layers};
use std::io::{BufRead, BufWriter, Write};

fn main() {
    // Boilerplate verdicts still gate claims (`analyze` computes them for the claim layer); only claims are written.
    let layers = Layers { boilerplate: false, claim: true, number: false };
    let features = std::env::args().any(|a| a == "--features");
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout());
    if features && writeln!(out, "id\tgate\t{}\twords\tchars", sift::detect::claims::FEATURE_NAMES.join(",")).is_err() {
        std::process::exit(1);
    }
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("ct24: line {}: cannot read: {e}", n + 1);
                std::process::exit(1);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("ct24: line {}: not JSON: {e}", n + 1);
                std::process::exit(1);
            }
        };
        let (Some(id), Some(text)) = (doc.get("id"), doc.get("text").and_then(Value::as_str)) else {
            eprintln!("ct24: line {}: expected {{\"id\", \"text\"}}", n + 1);
            std::process::exit(1);
        };
        if features {
            let (gate, f, words, chars) = sift::detect::claims::sentence_features(text);
            let f: Vec<String> = f.iter().map(|x| format!("{x}")).collect();
            let join = |v: Vec<u32>| v.iter().map(u32::to_string).collect::<Vec<_>>().join(" ");
            let id = id.as_str().map_or_else(|| id.to_string(), str::to_string);
            if writeln!(out, "{id}\t{gate}\t{}\t{}\t{}", f.join(","), join(words), join(chars)).is_err() {
                std::process::exit(1);
            }
            continue;
        }
        let spans = analyze(text, layers);
        let rec = json!({ "id": id, "text": text, "spans": spans });
        if writeln!(out, "{rec}").is_err() {
            std::process::exit(1);
        }
    }
}
