//! Dumps the boilerplate line model's features for training (`scripts/train_boilerplate.py` runs it): reads
//! `{"id","text"}` lines (plain text), `{"id","text","html"}` (a browser paste: the text with the HTML's facts
//! aligned onto it) or `{"id","html"}` on stdin, and writes one `{"id","text","lines","x"}` line per document:
//! `lines` holds each non-blank line's trimmed `[start, end)` in code points, `x` its feature vector.

use serde_json::{json, Value};
use sift::detect::boilerplate;
use sift::{html_to_text, TextModel};
use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let line = line?;
        let Ok(v) = serde_json::from_str::<Value>(&line) else { continue };
        let (text, facts) = match (v["text"].as_str(), v["html"].as_str()) {
            (Some(t), Some(h)) => (t.to_string(), Some(sift::input::paste_facts(t, h))),
            (Some(t), None) => (t.to_string(), None),
            (None, Some(h)) => {
                let vis = html_to_text(h);
                (vis.text, Some(vis.lines))
            }
            (None, None) => continue,
        };
        let model = TextModel::new(&text);
        let rows = boilerplate::line_features(&model, facts.as_deref());
        let lines: Vec<[usize; 2]> = rows
            .iter()
            .map(|(i, _)| {
                let r = model.to_chars(model.lines[*i].trimmed.clone());
                [r.start, r.end]
            })
            .collect();
        let x: Vec<&Vec<f32>> = rows.iter().map(|(_, x)| x).collect();
        serde_json::to_writer(&mut out, &json!({"id": v["id"], "text": text, "lines": lines, "x": x}))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
