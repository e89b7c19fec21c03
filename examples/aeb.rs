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
//! Lines with both `"text"` and `"html"` are read as a browser paste: the text is the document and
//! [`sift::input::paste_facts`] lends it the HTML's line facts.
//!
//! At the end it prints the throughput to stderr: the boilerplate layer alone (classification and spans, over the
//! text's bytes) and, for HTML input, with the rendering included (over the HTML's bytes).
//!
//! `SIFT_DEBUG=1` prints each line's verdict and rule to stderr; `SIFT_KEPT=1` adds the kept lines as `kept`
//! spans with their rule, for error analysis.

use serde_json::{json, Value};
use sift::detect::boilerplate;
use sift::{html_to_text, TextModel};
use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    // Compiles the phrase patterns (once per process) before the clock runs.
    boilerplate::classify(&TextModel::new("Read also: warm-up"));
    // (bytes, time) of the layer on the text, and of rendering plus the layer on the HTML.
    let (mut text_bytes, mut layer_time) = (0usize, Duration::ZERO);
    let (mut html_bytes, mut html_time) = (0usize, Duration::ZERO);
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
        let started = Instant::now();
        let (text, facts) = match (v["text"].as_str(), v["html"].as_str()) {
            // Both, as a browser paste carries them: the text is the document, the HTML lends its line facts.
            (Some(t), Some(h)) => {
                html_bytes += h.len();
                (t.to_string(), Some(sift::input::paste_facts(t, h)))
            }
            (Some(t), None) => (t.to_string(), None),
            (None, Some(h)) => {
                let vis = html_to_text(h);
                html_bytes += h.len();
                (vis.text, Some(vis.lines))
            }
            _ => {
                eprintln!("line {}: neither \"text\" nor \"html\"; skipped", n + 1);
                continue;
            }
        };
        let model = TextModel::new(&text);
        let t = Instant::now();
        let verdicts = boilerplate::classify_with(&model, facts.as_deref());
        let mut spans = boilerplate::spans(&model, &verdicts);
        layer_time += t.elapsed();
        text_bytes += text.len();
        if facts.is_some() {
            html_time += started.elapsed();
        }
        if std::env::var_os("SIFT_DEBUG").is_some() {
            for (l, v) in model.lines.iter().zip(&verdicts) {
                let s: String = text[l.trimmed.clone()].chars().take(100).collect();
                eprintln!("{} {:<22} {s}", if v.boilerplate { 'B' } else { '.' }, v.rule);
            }
        }
        if let (Some(f), Some(_)) = (facts.as_deref(), std::env::var_os("SIFT_MAIN_ONLY")) {
            // For error analysis: the HTML scorer's main block alone decides.
            spans = model
                .lines
                .iter()
                .zip(f)
                .filter(|(l, x)| !x.in_main && !l.is_blank())
                .map(|(l, _)| sift::Span::auto(model.to_chars(l.trimmed.clone()), "boilerplate", "main", ""))
                .collect();
        }
        if std::env::var_os("SIFT_KEPT").is_some() {
            // For error analysis: kept lines too, labelled `kept`, with the rule that kept them.
            for (l, v) in model.lines.iter().zip(&verdicts).filter(|(l, v)| !v.boilerplate && !l.is_blank()) {
                spans.push(sift::Span::auto(model.to_chars(l.trimmed.clone()), "kept", v.rule, v.why.clone()));
            }
        }
        serde_json::to_writer(&mut out, &json!({ "id": id, "text": text, "spans": spans }))?;
        out.write_all(b"\n")?;
    }
    let mbs = |b: usize, t: Duration| b as f64 / 1e6 / t.as_secs_f64().max(1e-9);
    eprintln!(
        "boilerplate layer: {:.2} MB of text in {:.3} s = {:.1} MB/s",
        text_bytes as f64 / 1e6,
        layer_time.as_secs_f64(),
        mbs(text_bytes, layer_time)
    );
    if html_bytes > 0 {
        eprintln!(
            "HTML mode (rendering, segmentation and the layer): {:.2} MB of HTML in {:.3} s = {:.1} MB/s",
            html_bytes as f64 / 1e6,
            html_time.as_secs_f64(),
            mbs(html_bytes, html_time)
        );
    }
    Ok(())
}
