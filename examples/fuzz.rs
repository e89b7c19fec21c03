//! A bounded random-mutation fuzzer over every reader, HTML input and the analysis (not part of `cargo test`;
//! `bash scripts/fuzz.sh` runs it). Seeds are the files under tests/data and every format's export of the corpus
//! articles; each round mutates one seed (byte flips, inserted tokens each syntax cares about, deleted, repeated
//! or spliced ranges) and runs every target on it.
//!
//! A target fails when it panics, when it takes longer than `--slow` seconds on one input (a hang candidate), or
//! when what it returns is malformed (offsets out of range or inside a grapheme cluster, unsorted spans, a line
//! count that does not match the line facts). Each failing input is written to `target/fuzz-failures/` and the run
//! exits non-zero; turn each into a regression file under tests/data/regress/.
//!
//! Stable Rust has no coverage-guided fuzzing here: `cargo fuzz` needs a nightly toolchain, and `cargo afl` builds
//! LLVM plugins that must match rustc's own LLVM (Debian's afl++ 4.04c does not), so this harness is random, not
//! guided; it is cheap to run for as long as one likes.
//!
//! ```sh
//! cargo run --release --example fuzz -- --seconds 60 [--seed 1] [--slow 2]
//! ```

use sift::formats::{read, read_files, write, Format};
use sift::{Label, Layers, OffsetMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Tokens that matter to some syntax: JSON, brat, CoNLL, HTML, offsets, and the Unicode hard cases.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "\\",
    "\\u",
    "\\ud800",
    "null",
    "true",
    "-1",
    "0",
    "99999999999999999999",
    "1e308",
    "\t",
    "\n",
    "\r\n",
    "\r",
    " ",
    "T1\t",
    "#1\tAnnotatorNotes T1\t",
    "A1\t",
    ";",
    "B-",
    "I-",
    "E-",
    "-DOCSTART-",
    "O",
    "<div/>",
    "<center>",
    "<svg>",
    "<script>",
    "</",
    "<!--",
    "<td>",
    "&#x",
    "&amp;",
    "€",
    "\u{301}",
    "\u{200D}",
    "\u{1F1FA}\u{1F1E6}",
    "\u{FEFF}",
    "\u{FFFD}",
    "\u{0}",
    "😀",
    "start",
    "end",
    "label",
    "text",
    "spans",
    "documents",
    "\"start\":",
    "\"end\":",
    "start_offset",
    "TextQuoteSelector",
    "annotations",
];

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> String {
    let mut b = seed.to_vec();
    for _ in 0..1 + rng.below(8) {
        let n = b.len();
        match rng.below(7) {
            0 if n > 0 => {
                let i = rng.below(n);
                b[i] ^= 1 << rng.below(8);
            }
            1 | 2 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let i = rng.below(n + 1);
                b.splice(i..i, t.iter().copied());
            }
            3 if n > 0 => {
                let i = rng.below(n);
                let j = (i + 1 + rng.below(64)).min(n);
                b.drain(i..j);
            }
            4 if n > 0 => {
                // Repeat a range: deep nesting, long lines, many spans.
                let i = rng.below(n);
                let j = (i + 1 + rng.below(32)).min(n);
                let piece = b[i..j].to_vec();
                let most = if rng.below(8) == 0 { 2000 } else { 8 };
                let times = 1 + rng.below(most);
                for _ in 0..times {
                    b.splice(j..j, piece.iter().copied());
                }
            }
            5 if !other.is_empty() => {
                // Splice in a piece of another seed.
                let i = rng.below(other.len());
                let j = (i + 1 + rng.below(256)).min(other.len());
                let at = rng.below(n + 1);
                b.splice(at..at, other[i..j].iter().copied());
            }
            _ if n > 0 => b.truncate(rng.below(n)),
            _ => {}
        }
    }
    b.truncate(1 << 18);
    String::from_utf8_lossy(&b).into_owned()
}

/// Checks a reader's result: every span of every document in range and on grapheme boundaries.
fn check_import(imp: &sift::Import) -> Result<(), String> {
    for d in &imp.documents {
        let map = OffsetMap::new(&d.text);
        for s in &d.spans {
            if s.start > s.end || s.end > map.len_chars() {
                return Err(format!("span {}..{} outside a text of {} code points", s.start, s.end, map.len_chars()));
            }
            if !map.is_grapheme_boundary(s.start) || !map.is_grapheme_boundary(s.end) {
                return Err(format!("span {}..{} splits a grapheme cluster", s.start, s.end));
            }
        }
    }
    Ok(())
}

fn check_spans(text: &str, spans: &[sift::Span]) -> Result<(), String> {
    for w in spans.windows(2) {
        if (w[0].start, w[0].end) > (w[1].start, w[1].end) {
            return Err("spans out of order".into());
        }
    }
    check_import(&sift::Import {
        labels: Vec::new(),
        documents: vec![sift::Document::new("x", "x", text, spans.to_vec())],
        losses: Vec::new(),
        repairs: Vec::new(),
    })
}

/// Runs one target on one input; `Err` says how it failed.
fn run_target(name: &str, input: &str) -> Result<(), String> {
    let result = catch_unwind(AssertUnwindSafe(|| -> Result<(), String> {
        match name {
            "html" => {
                let v = sift::html_to_text(input);
                if v.text.split('\n').count() != v.lines.len().max(1) {
                    return Err(format!("{} lines but {} line facts", v.text.split('\n').count(), v.lines.len()));
                }
                let doc = sift::annotate_html("h", "h.html", input, Layers::ALL);
                check_spans(&doc.text, &doc.spans)
            }
            "analysis" => check_spans(input, &sift::analyze(input, Layers::ALL)),
            "jsonl" => {
                let mut out = Vec::new();
                let s =
                    sift::batch::annotate_jsonl(input.as_bytes(), &mut out, Layers::ALL).map_err(|e| e.to_string())?;
                let lines = String::from_utf8_lossy(&out).lines().count();
                // Blank as the stream reads it: ASCII whitespace only (a line of NBSP is a malformed record).
                let want = input.split('\n').filter(|l| !l.bytes().all(|b| b.is_ascii_whitespace())).count();
                if lines != want || s.documents + s.errors != want {
                    return Err(format!("{want} input lines gave {lines} output lines"));
                }
                Ok(())
            }
            "brat" => match read_files(Format::Brat, &[("a.txt", input), ("a.ann", input)]) {
                Ok(imp) => check_import(&imp),
                Err(_) => Ok(()),
            },
            other => {
                let f = Format::from_name(other).expect("a format name");
                match read(f, input) {
                    Ok(imp) => check_import(&imp),
                    Err(_) => Ok(()),
                }
            }
        }
    }));
    match result {
        Ok(r) => r,
        Err(p) => Err(format!(
            "panic: {}",
            p.downcast_ref::<String>().map(String::as_str).or(p.downcast_ref::<&str>().copied()).unwrap_or("?")
        )),
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::from("tests/data")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if std::fs::metadata(&p).is_ok_and(|m| m.len() < 1 << 20) {
                out.extend(std::fs::read(&p).ok());
            }
        }
    }
    // Every format's export of the corpus articles, so each reader starts from its own syntax.
    for entry in std::fs::read_dir("tests/data/corpus").into_iter().flatten().flatten() {
        let p = entry.path();
        if p.extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            let doc = sift::annotate("a", "a.txt", &text, Layers::ALL);
            for f in Format::ALL {
                for (_, content) in write(*f, std::slice::from_ref(&doc), &Label::builtin()).files {
                    out.push(content.into_bytes());
                }
            }
        }
    }
    out
}

fn arg(args: &[String], name: &str, default: u64) -> u64 {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seconds = arg(&args, "--seconds", 60);
    let seed = arg(&args, "--seed", 1);
    let slow = Duration::from_secs(arg(&args, "--slow", 2));
    let corpus = seeds();
    assert!(!corpus.is_empty(), "no seeds: run from the repository root (tests/data)");
    let targets = ["sift", "jsonl-sift", "doccano", "labelstudio", "spacy", "w3c", "conll", "brat", "html", "analysis"];
    let targets: Vec<String> = targets
        .iter()
        .map(|t| if *t == "jsonl-sift" { Format::SiftJsonl.name().to_string() } else { t.to_string() })
        .chain(["jsonl".to_string()])
        .collect();
    std::panic::set_hook(Box::new(|_| {})); // failures are reported below, with their input
    let out_dir = Path::new("target/fuzz-failures");
    let mut rng = Rng(seed.max(1));
    let (start, mut rounds, mut failures) = (Instant::now(), 0u64, 0u64);
    while start.elapsed() < Duration::from_secs(seconds) {
        let a = &corpus[rng.below(corpus.len())];
        let b = &corpus[rng.below(corpus.len())];
        let input = mutate(&mut rng, a, b);
        for t in &targets {
            let t0 = Instant::now();
            let r = run_target(t, &input);
            let took = t0.elapsed();
            let why = match r {
                Err(e) => Some(e),
                Ok(()) if took > slow => Some(format!("slow: {:.1} s on {} bytes", took.as_secs_f64(), input.len())),
                Ok(()) => None,
            };
            if let Some(why) = why {
                failures += 1;
                std::fs::create_dir_all(out_dir).expect("target/ is writable");
                let file = out_dir.join(format!("{t}-{seed}-{rounds}.txt"));
                std::fs::write(&file, &input).expect("target/ is writable");
                println!("FAIL {t}: {why} ({} bytes) -> {}", input.len(), file.display());
            }
        }
        rounds += 1;
    }
    println!("{rounds} inputs x {} targets in {seconds} s (seed {seed}): {failures} failures", targets.len());
    if failures > 0 {
        std::process::exit(1);
    }
}
