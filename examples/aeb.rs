//! Development driver for the boilerplate benchmark until the CLI reads JSONL: reads `{"id","text"}` or
//! `{"id","html"}` lines (from `score.py input aeb` / `score.py input aebhtml`) on stdin and writes
//! `{"id","text","spans"}` lines holding only boilerplate spans.
//!
//! ```sh
//! cargo build --release --example aeb
//! python3 ../shared/bench/score.py input aeb | target/release/examples/aeb > /tmp/aeb.preds.jsonl
//! python3 ../shared/bench/score.py aeb /tmp/aeb.preds.jsonl
//! python3 ../shared/bench/score.py input aebhtml | target/release/examples/aeb > /tmp/aebhtml.preds.jsonl
//! python3 ../shared/bench/score.py aebhtml /tmp/aebhtml.preds.jsonl
//! ```
//!
//! `SIFT_DEBUG=1` prints each line's verdict and rule to stderr; `SIFT_KEPT=1` adds the kept lines as `kept`
//! spans with their rule, for error analysis.

use serde_json::{json, Value};
use sift::detect::boilerplate;
use sift::{html_to_text, TextModel};
use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("line {}: not JSON ({e}); skipped", n + 1);
                continue;
            }
        };
        let id = v["id"].clone();
        let (text, facts) = match (v["text"].as_str(), v["html"].as_str()) {
            (Some(t), _) => (t.to_string(), None),
            (None, Some(h)) => {
                let vis = html_to_text(h);
                (vis.text, Some(vis.lines))
            }
            _ => {
                eprintln!("line {}: neither \"text\" nor \"html\"; skipped", n + 1);
                continue;
            }
        };
        let model = TextModel::new(&text);
        let verdicts = boilerplate::classify_with(&model, facts.as_deref());
        if std::env::var_os("SIFT_DEBUG").is_some() {
            for (l, v) in model.lines.iter().zip(&verdicts) {
                let s: String = text[l.trimmed.clone()].chars().take(100).collect();
                eprintln!("{} {:<22} {s}", if v.boilerplate { 'B' } else { '.' }, v.rule);
            }
        }
        let mut spans = boilerplate::spans(&model, &verdicts);
        if std::env::var_os("SIFT_KEPT").is_some() {
            // For error analysis: kept lines too, labelled `kept`, with the rule that kept them.
            for (l, v) in model.lines.iter().zip(&verdicts).filter(|(l, v)| !v.boilerplate && !l.is_blank()) {
                spans.push(sift::Span::auto(model.to_chars(l.trimmed.clone()), "kept", v.rule, v.why.clone()));
            }
        }
        serde_json::to_writer(&mut out, &json!({ "id": id, "text": text, "spans": spans }))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
