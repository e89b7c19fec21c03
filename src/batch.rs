//! Batch pre-annotation of a JSONL stream, the engine of `sift annotate --jsonl` (native only).
//!
//! Each input line `{"id": "…", "text": "…"}` (or `{"id", "html"}`) gives one output line `{"id", "text", "spans"}`.
//! An optional `"date": "2024-03-22"` is the document's date: relative dates ("Thursday", "last November") are
//! resolved against it.
//! Lines are read in bounded chunks, annotated on every core, and written in input order, so memory stays flat on
//! an endless stream. A malformed line gives an error line `{"line": N, "error": "…"}` and the stream goes on.
//! A document past the span limit ([`crate::detect::MAX_SPANS`]) keeps the spans before a text position and says
//! so in a `"warning"` field of its line.

use crate::detect::numbers::DocDate;
use crate::detect::{Layers, Options, MAX_SPANS};
use crate::formats::json_type;
use crate::formats::sift::stream_line_warned;
use crate::input;
use rayon::prelude::*;
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};

/// Lines per chunk: enough to keep every core busy, few enough that memory stays small.
const CHUNK_LINES: usize = 256;
/// Bytes per chunk, so that a few huge documents do not pile up in memory.
const CHUNK_BYTES: usize = 16 << 20;
/// Lines annotated per core before their output is written.
const LINES_PER_CORE: usize = 4;

/// What a stream run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StreamSummary {
    /// Documents annotated and written.
    pub documents: usize,
    /// Input lines that gave an error line instead.
    pub errors: usize,
    /// Documents cut at the span limit (each line says where).
    pub cut: usize,
}

/// Annotates every JSONL line of `input` and writes one line per input line to `output`, in order.
/// Blank lines are skipped. Only I/O errors stop the stream.
pub fn annotate_jsonl<R: BufRead, W: Write>(input: R, output: W, layers: Layers) -> io::Result<StreamSummary> {
    annotate_jsonl_bounded(input, output, layers, MAX_SPANS)
}

/// Like [`annotate_jsonl`], with at most `max_spans` spans a document (never more than [`MAX_SPANS`]).
pub fn annotate_jsonl_bounded<R: BufRead, W: Write>(
    mut input: R,
    mut output: W,
    layers: Layers,
    max_spans: usize,
) -> io::Result<StreamSummary> {
    let max_spans = max_spans.min(MAX_SPANS);
    let mut summary = StreamSummary::default();
    let mut line_no = 0usize;
    let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(CHUNK_LINES);
    loop {
        chunk.clear();
        let mut bytes = 0;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            let mut buf = Vec::new();
            if input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            line_no += 1;
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            bytes += buf.len();
            chunk.push((line_no, buf));
        }
        if chunk.is_empty() {
            break;
        }
        // Annotated a few lines per core at a time and written before the next few: an output line can be far
        // larger than its input (a number-dense line gives hundreds of bytes per number), so holding a whole
        // chunk's output would grow memory with the chunk, not with the cores.
        let window = rayon::current_num_threads().max(1) * LINES_PER_CORE;
        for lines in chunk.chunks(window) {
            let results: Vec<Result<(String, bool), String>> =
                lines.par_iter().map(|(n, raw)| annotate_line(*n, raw, layers, max_spans)).collect();
            for r in results {
                match r {
                    Ok((line, cut)) => {
                        summary.documents += 1;
                        summary.cut += usize::from(cut);
                        writeln!(output, "{line}")?;
                    }
                    Err(line) => {
                        summary.errors += 1;
                        writeln!(output, "{line}")?;
                    }
                }
            }
        }
        output.flush()?;
    }
    Ok(summary)
}

/// One input line to one output line, and whether the document was cut at the span limit; `Err` holds the error
/// line.
fn annotate_line(n: usize, raw: &[u8], layers: Layers, max_spans: usize) -> Result<(String, bool), String> {
    let fail = |id: Option<&Value>, msg: String| {
        let mut v = json!({"line": n, "error": msg});
        if let Some(id) = id {
            v["id"] = id.clone();
        }
        v.to_string()
    };
    let text = std::str::from_utf8(raw)
        .map_err(|e| fail(None, format!("not UTF-8: invalid byte at column {}", e.valid_up_to() + 1)))?;
    let v: Value = serde_json::from_str(text).map_err(|e| fail(None, format!("not JSON: {e}")))?;
    let Value::Object(obj) = &v else {
        return Err(fail(None, format!("expected an object {{\"id\", \"text\"}}, found {}", json_type(&v))));
    };
    let (id, source) = input::record(obj, n).map_err(|e| fail(obj.get("id"), e.to_string()))?;
    let doc_date = match obj.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(d)) => Some(DocDate::parse(d).ok_or_else(|| {
            fail(obj.get("id"), format!("\"date\" must be a calendar date like \"2024-03-22\", found {d:?}"))
        })?),
        Some(other) => {
            return Err(fail(obj.get("id"), format!("\"date\" must be a string, found {}", json_type(other))))
        }
    };
    let (doc, cut) = source.annotate_bounded(&id, &id, &Options { layers, doc_date }, max_spans);
    let warning = cut.map(|at| {
        format!(
            "more than {max_spans} spans, the limit for one document: only spans starting before code point {at} \
             are given"
        )
    });
    Ok((stream_line_warned(&doc, warning.as_deref()), cut.is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> (Vec<Value>, StreamSummary) {
        let mut out = Vec::new();
        let s = annotate_jsonl(input.as_bytes(), &mut out, Layers::ALL).unwrap();
        let lines = String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        (lines, s)
    }

    #[test]
    fn keeps_order_and_reports_bad_lines_by_number() {
        let mut input = String::new();
        for i in 0..600 {
            match i % 100 {
                7 => input.push_str("{not json\n"),
                8 => input.push_str("[1, 2]\n"),
                9 => input.push_str("{\"id\": \"x\", \"text\": 5}\n"),
                10 => input.push('\n'),
                _ => input.push_str(&format!("{{\"id\": \"d{i}\", \"text\": \"At least {i} people died.\"}}\n")),
            }
        }
        let (lines, s) = run(&input);
        assert_eq!(s.errors, 18);
        assert_eq!(s.documents, 600 - 24);
        assert_eq!(lines.len(), 600 - 6, "blank lines give no output");
        let mut want = 0;
        for l in &lines {
            while want % 100 == 10 {
                want += 1;
            }
            match want % 100 {
                7 => assert!(l["error"].as_str().unwrap().starts_with("not JSON"), "{l}"),
                8 => assert!(l["error"].as_str().unwrap().contains("found an array"), "{l}"),
                9 => assert_eq!(l["id"], "x"),
                _ => assert_eq!(l["id"], format!("d{want}"), "input order kept"),
            }
            if [7, 8, 9].contains(&(want % 100)) {
                assert_eq!(l["line"], want + 1, "the line number is 1-based");
            }
            want += 1;
        }
    }

    #[test]
    fn a_date_field_resolves_relative_dates() {
        let text = "The minister resigned Thursday, four years after she took office in March.";
        let value_of = |line: &Value, word: &str| {
            line["spans"].as_array().unwrap().iter().find(|s| s["text"] == word).map(|s| s["attrs"]["value"].clone())
        };
        let input = format!(
            "{}\n{}\n{}\n",
            json!({"id": "a", "text": text, "date": "2024-03-22"}),
            json!({"id": "b", "text": text}),
            json!({"id": "c", "text": text, "date": "22/03/2024"})
        );
        let (lines, s) = run(&input);
        assert_eq!(value_of(&lines[0], "Thursday"), Some(json!("2024-03-21")));
        assert_eq!(value_of(&lines[0], "March"), Some(json!("2024-03")));
        assert_eq!(value_of(&lines[1], "Thursday"), Some(Value::Null), "no date, no value");
        assert!(lines[2]["error"].as_str().unwrap().contains("calendar date"), "{}", lines[2]);
        assert_eq!(s.errors, 1);
    }

    #[test]
    fn html_lines_use_the_markup_for_boilerplate() {
        // The menu line reads like prose; only the <nav> around it says it is chrome.
        let html = "<nav><p>World news, analysis and opinion from our reporters across the globe, updated every hour.</p></nav>\
            <h1>Islamic State claims Moscow concert hall attack</h1>\
            <p>The Islamic State group has claimed responsibility for an attack on a suburban Moscow concert hall that killed more than 130 people.</p>";
        let (lines, _) = run(&format!("{}\n", json!({"id": "h", "html": html})));
        let text = lines[0]["text"].as_str().unwrap();
        assert!(text.starts_with("World news") && !text.contains('<'), "{text}");
        let bp: Vec<&Value> =
            lines[0]["spans"].as_array().unwrap().iter().filter(|s| s["label"] == "boilerplate").collect();
        assert_eq!(bp.len(), 1, "{bp:?}");
        assert_eq!((bp[0]["start"].as_u64(), bp[0]["rule"].as_str()), (Some(0), Some("boilerplate.chrome")));
    }

    #[test]
    fn invalid_utf8_is_an_error_line_not_a_panic() {
        let mut out = Vec::new();
        let input: &[u8] = b"{\"text\": \"ok\"}\n{\"text\": \"\xff\xfe\"}\n";
        let s = annotate_jsonl(input, &mut out, Layers::ALL).unwrap();
        assert_eq!(s, StreamSummary { documents: 1, errors: 1, cut: 0 });
        let out = String::from_utf8(out).unwrap();
        assert!(out.lines().nth(1).unwrap().contains("not UTF-8"), "{out}");
        assert!(out.lines().next().unwrap().contains("\"id\":\"1\""), "missing id defaults to the line number");
    }
}
