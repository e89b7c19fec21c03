//! Looks at the number layer on other news text than the gold corpus, and measures its speed.
//!
//! ```text
//! cargo run --example numbers -- dump ../shared/bench/aeb.jsonl [skip] [take]   # spans in context, one a line
//! cargo run --release --example numbers -- bench ../shared/bench/aeb.jsonl     # one ≥1 MB text, best of 3
//! ```
//! Input: JSON lines with a `text` field (the AEB pages in `shared/bench/aeb.jsonl`).

use std::io::BufRead;
use std::time::{Duration, Instant};

fn texts(path: &str) -> Result<Vec<String>, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let text = v["text"].as_str().ok_or_else(|| format!("{path}:{}: no \"text\" string", n + 1))?;
        out.push(text.to_string());
    }
    Ok(out)
}

fn dump(texts: &[String], skip: usize, take: usize) {
    for text in texts.iter().skip(skip).take(take) {
        let model = sift::TextModel::new(text);
        let chars: Vec<char> = text.chars().collect();
        let flat = |a: usize, b: usize| chars[a..b].iter().collect::<String>().replace(['\n', '\r'], "⏎");
        for s in sift::detect::numbers::detect(&model) {
            let kind = s.attrs.get("kind").and_then(|k| k.as_str()).unwrap_or("");
            let value = s.attrs.get("value").map_or(String::new(), |v| v.to_string());
            let rule = s.rule.as_deref().unwrap_or("").trim_start_matches("number.");
            let before = flat(s.start.saturating_sub(25), s.start);
            let after = flat(s.end, (s.end + 20).min(chars.len()));
            println!("{kind:>9} {rule:<9} {before:>25}[{}]{after}   {value}", flat(s.start, s.end));
        }
    }
}

fn bench(texts: &[String]) {
    let mut big = String::new();
    for t in texts {
        big.push_str(t);
        big.push('\n');
        if big.len() >= 1_000_000 {
            break;
        }
    }
    let (mut model_t, mut numbers_t, mut n) = (Duration::MAX, Duration::MAX, 0);
    for _ in 0..3 {
        let t0 = Instant::now();
        let model = sift::TextModel::new(&big);
        let t1 = Instant::now();
        n = sift::detect::numbers::detect(&model).len();
        model_t = model_t.min(t1 - t0);
        numbers_t = numbers_t.min(t1.elapsed());
    }
    println!(
        "{} bytes, {} chars: text model {model_t:?}, number layer {numbers_t:?}, {n} spans",
        big.len(),
        big.chars().count()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: numbers (dump FILE.jsonl [skip] [take] | bench FILE.jsonl)";
    let (Some(cmd), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let texts = match texts(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let num = |i: usize, default: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(default);
    match cmd.as_str() {
        "dump" => dump(&texts, num(2, 0), num(3, 5)),
        "bench" => bench(&texts),
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}
