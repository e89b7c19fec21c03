//! Batch pre-annotation of a JSONL stream, the engine of `sift annotate --jsonl` (native only).
//!
//! Each input line `{"id": "…", "text": "…"}` (or `{"id", "html"}`) gives one output line `{"id", "text", "spans"}`.
//! An optional `"date": "2024-03-22"` is the document's date: relative dates ("Thursday", "last November") are
//! resolved against it.
//! Lines go to a pool of threads in small runs (a few long lines, or dozens of short ones) and are written in input
//! order as soon as every run before them is, with a bounded number of runs in flight: memory stays flat on an
//! endless stream, and while a long document holds up the writing, the other threads go on with the next runs.
//! A malformed line gives an error line `{"line": N, "error": "…"}` and the stream goes on. A document past the
//! span limit ([`crate::detect::MAX_SPANS`]) keeps the spans before a text position and says so in a `"warning"`
//! field of its line.

use crate::detect::numbers::DocDate;
use crate::detect::{Layers, Options, MAX_SPANS};
use crate::formats::json_type;
use crate::formats::sift::{write_stream_line, Fields};
use crate::input;
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{self, BufRead, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;

/// Output lines written at most between flushes, so that a reader downstream sees progress on a long stream.
const FLUSH_LINES: usize = 256;
/// A thread takes consecutive lines up to this many bytes (or [`BATCH_LINES`]) at a time: short lines (one
/// sentence each) would otherwise cost more in hand-offs between threads than in annotation.
const BATCH_BYTES: usize = 16 << 10;
const BATCH_LINES: usize = 64;
/// Input bytes in flight at most (one batch always goes, however large), so that a few huge documents do not pile
/// up in memory.
const MAX_BYTES_IN_FLIGHT: usize = 16 << 20;
/// Batches in flight per thread: enough that a long document does not leave the other threads idle.
const BATCHES_PER_THREAD: usize = 4;
/// Buffers above this capacity are dropped rather than reused, so one huge line does not stay resident.
const MAX_REUSED_CAPACITY: usize = 256 << 10;

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

/// How a stream is annotated and written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamOptions {
    /// Layers to run.
    pub layers: Layers,
    /// Spans a document at most (never more than [`MAX_SPANS`]).
    pub max_spans: usize,
    /// Fields of each output line ([`Fields::ALL`] by default).
    pub fields: Fields,
    /// Threads that annotate; 0 uses rayon's global pool (every core, or `RAYON_NUM_THREADS`).
    pub threads: usize,
    /// A check-worthiness model for the claim layer in place of the built-in one (the precise tier).
    pub claims_scorer: Option<crate::detect::claims::SharedScorer>,
}

impl StreamOptions {
    /// Every field, the full span limit, every core.
    pub fn new(layers: Layers) -> StreamOptions {
        StreamOptions { layers, max_spans: MAX_SPANS, fields: Fields::ALL, threads: 0, claims_scorer: None }
    }
}

/// Annotates every JSONL line of `input` and writes one line per input line to `output`, in order.
/// Blank lines are skipped. Only I/O errors stop the stream.
pub fn annotate_jsonl<R: BufRead, W: Write>(input: R, output: W, layers: Layers) -> io::Result<StreamSummary> {
    annotate_jsonl_with(input, output, StreamOptions::new(layers))
}

/// Consecutive input lines annotated by one thread, and what came of them.
#[derive(Default)]
struct Batch {
    /// Place in the stream.
    seq: usize,
    /// The lines, each with its newline (the last one of the input may lack it).
    raw: Vec<u8>,
    /// Line number and end in `raw` of each line.
    lines: Vec<(usize, usize)>,
    /// One output line per input line, newlines included.
    out: Vec<u8>,
    /// What the lines gave, or the thread's panic, raised again by the writer.
    tally: Option<std::thread::Result<StreamSummary>>,
}

impl Batch {
    fn run(&mut self, opts: &StreamOptions) {
        let Batch { raw, lines, out, .. } = self;
        self.tally = Some(panic::catch_unwind(AssertUnwindSafe(|| {
            let (mut tally, mut start) = (StreamSummary::default(), 0);
            for &(n, end) in lines.iter() {
                match annotate_line(n, &raw[start..end], opts, out) {
                    Line::Document { cut } => {
                        tally.documents += 1;
                        tally.cut += usize::from(cut);
                    }
                    Line::Error => tally.errors += 1,
                }
                start = end;
            }
            tally
        })));
    }

    /// Empties the batch for the next lines, keeping its buffers unless one grew past [`MAX_REUSED_CAPACITY`].
    fn recycle(mut self) -> Batch {
        for buf in [&mut self.raw, &mut self.out] {
            if buf.capacity() > MAX_REUSED_CAPACITY {
                *buf = Vec::new();
            }
            buf.clear();
        }
        self.lines.clear();
        self.tally = None;
        self
    }
}

/// What an output line is.
enum Line {
    Document { cut: bool },
    Error,
}

/// Like [`annotate_jsonl`], with the options given.
pub fn annotate_jsonl_with<R: BufRead, W: Write>(
    mut input: R,
    mut output: W,
    opts: StreamOptions,
) -> io::Result<StreamSummary> {
    let opts = StreamOptions { max_spans: opts.max_spans.min(MAX_SPANS), ..opts };
    let pool = match opts.threads {
        0 => None,
        n => Some(rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(io::Error::other)?),
    };
    let threads = pool.as_ref().map_or_else(rayon::current_num_threads, rayon::ThreadPool::current_num_threads);
    let max_in_flight = threads.max(1) * BATCHES_PER_THREAD;
    let (tx, rx) = mpsc::channel::<Batch>();
    // Slot i holds batch `written + i` once its thread is done with it.
    let mut slots: VecDeque<Option<Batch>> = VecDeque::with_capacity(max_in_flight);
    // Written batches, reused for the next lines: no allocation per line once the stream runs.
    let mut free: Vec<Batch> = Vec::new();
    let (mut summary, mut line_no, mut seq, mut written, mut bytes, mut unflushed, mut eof) =
        (StreamSummary::default(), 0, 0, 0, 0, 0, false);
    loop {
        while !eof && slots.len() < max_in_flight && bytes < MAX_BYTES_IN_FLIGHT {
            let mut batch = free.pop().unwrap_or_default();
            while batch.raw.len() < BATCH_BYTES && batch.lines.len() < BATCH_LINES {
                let start = batch.raw.len();
                if input.read_until(b'\n', &mut batch.raw)? == 0 {
                    eof = true;
                    break;
                }
                line_no += 1;
                if batch.raw[start..].iter().all(u8::is_ascii_whitespace) {
                    batch.raw.truncate(start);
                } else {
                    batch.lines.push((line_no, batch.raw.len()));
                }
            }
            if batch.lines.is_empty() {
                free.push(batch);
                continue;
            }
            bytes += batch.raw.len();
            batch.seq = seq;
            let (tx, opts) = (tx.clone(), opts.clone());
            let job = move || {
                batch.run(&opts);
                // The receiver is gone only when writing failed and the stream stopped.
                let _ = tx.send(batch);
            };
            match &pool {
                Some(p) => p.spawn(job),
                None => rayon::spawn(job),
            }
            slots.push_back(None);
            seq += 1;
        }
        if slots.is_empty() {
            break;
        }
        let done = rx.recv().expect("a sender is held here");
        let at = done.seq - written;
        slots[at] = Some(done);
        while let Some(Some(_)) = slots.front() {
            let mut batch = slots.pop_front().flatten().expect("checked above");
            match batch.tally.take().expect("a batch comes back run") {
                Ok(t) => {
                    summary.documents += t.documents;
                    summary.errors += t.errors;
                    summary.cut += t.cut;
                }
                Err(payload) => panic::resume_unwind(payload),
            }
            output.write_all(&batch.out)?;
            written += 1;
            unflushed += batch.lines.len();
            if unflushed >= FLUSH_LINES {
                output.flush()?;
                unflushed = 0;
            }
            bytes -= batch.raw.len();
            free.push(batch.recycle());
        }
    }
    output.flush()?;
    Ok(summary)
}

/// Annotates one input line into `out` as one output line, newline included: the document, or an error line.
fn annotate_line(n: usize, raw: &[u8], opts: &StreamOptions, out: &mut Vec<u8>) -> Line {
    let mark = out.len();
    let line = match document_line(n, raw, opts, out) {
        Ok(cut) => Line::Document { cut },
        Err(error) => {
            out.truncate(mark);
            serde_json::to_writer(&mut *out, &error).expect("a JSON value serializes");
            Line::Error
        }
    };
    out.push(b'\n');
    line
}

/// Writes the document of one input line to `out`, and says whether it was cut at the span limit; `Err` holds the
/// error line instead.
fn document_line(n: usize, raw: &[u8], opts: &StreamOptions, out: &mut Vec<u8>) -> Result<bool, Value> {
    let fail = |id: Option<&Value>, msg: String| {
        let mut v = json!({"line": n, "error": msg});
        if let Some(id) = id {
            v["id"] = id.clone();
        }
        v
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
    let max_spans = opts.max_spans;
    let (doc, cut) = source.annotate_bounded(
        &id,
        &id,
        &Options { layers: opts.layers, doc_date, claims_scorer: opts.claims_scorer.clone() },
        max_spans,
    );
    let warning = cut.map(|at| {
        format!(
            "more than {max_spans} spans, the limit for one document: only spans starting before code point {at} \
             are given"
        )
    });
    write_stream_line(&mut *out, &doc, warning.as_deref(), opts.fields).expect("writing to memory cannot fail");
    Ok(cut.is_some())
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
    fn any_number_of_threads_writes_the_same_bytes_in_the_same_order() {
        let mut input = String::new();
        for i in 0..300 {
            // Lengths that vary a lot, so that lines finish out of order.
            let text = "At least 133 people died, police said. ".repeat(1 + (i * 7919) % 40);
            input.push_str(&format!("{}\n", json!({"id": format!("d{i}"), "text": text})));
            if i % 50 == 3 {
                input.push_str("{broken\n\n");
            }
        }
        let run = |threads| {
            let mut out = Vec::new();
            let opts = StreamOptions { threads, ..StreamOptions::new(Layers::ALL) };
            let s = annotate_jsonl_with(input.as_bytes(), &mut out, opts).unwrap();
            (out, s)
        };
        let (one, s) = run(1);
        assert_eq!(s, StreamSummary { documents: 300, errors: 6, cut: 0 });
        for threads in [0, 2, 3, 8] {
            assert!(run(threads) == (one.clone(), s), "{threads} threads");
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
