//! The `sift` command line: argument parsing and I/O only; every decision lives in the library.

// Byte-index slicing of user text panics off a char boundary: every slice says why it is on one, or uses `get`.
#![warn(clippy::string_slice)]

// The `compare` command (`src/bin/sift/compare.rs`; a crate root resolves modules beside itself, and a file in
// `src/bin/` would be a binary of its own).
#[path = "sift/compare.rs"]
mod compare;

use clap::{Args, Parser, Subcommand};
use sift::batch::StreamOptions;
use sift::formats::sift::Fields;
use sift::formats::{self, Format};
use sift::{Document, Label, Layers};
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "sift/agree.rs"]
mod agree;
#[path = "sift/claims_model.rs"]
mod claims_model;

/// Pre-annotate news text: boilerplate, claims and numbers; convert annotations between tools.
#[derive(Parser)]
#[command(name = "sift", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate text or HTML files (or stdin) and write annotations.
    Annotate(AnnotateArgs),
    /// Print the article with its boilerplate lines removed.
    Clean {
        /// Text or HTML file; `-` or nothing reads stdin.
        file: Option<PathBuf>,
    },
    /// Convert annotations from one format to another.
    Convert(ConvertArgs),
    /// Compare articles about one story: figures, shared passages and sources, side by side.
    Compare(compare::CompareArgs),
    /// Measure how far annotators agree on the same documents (matched by text), and list where they differ.
    Agree(agree::AgreeArgs),
    /// Score a prediction against gold: spans per label, and boilerplate per line.
    Eval(agree::EvalArgs),
}

#[derive(Args)]
struct AnnotateArgs {
    /// Files to annotate (`.txt`, `.md`, `.html`); `-` or nothing reads stdin.
    files: Vec<PathBuf>,
    /// Stream filter: each input line `{"id", "text"}` (or `{"id", "html"}`) gives one output line
    /// `{"id", "text", "spans"}`, on every core, in input order.
    #[arg(long)]
    jsonl: bool,
    /// With --jsonl: leave out each span's `rule` and `why` and the document's `text` (a preset of --fields).
    #[arg(long, requires = "jsonl", conflicts_with = "fields")]
    compact: bool,
    /// With --jsonl: the fields to write, comma-separated, e.g. `start,end,label,attrs`. Span fields: id, start,
    /// end, start_utf16, end_utf16, label, text, origin, status, rule, why, note, attrs; document fields: doc.text,
    /// doc.relations, doc.categories. The document's `id`, `spans` and any `warning` are always written.
    #[arg(long, requires = "jsonl", value_name = "LIST")]
    fields: Option<String>,
    /// With --jsonl: threads that annotate (default: every available core).
    #[arg(long, requires = "jsonl", value_name = "N", value_parser = thread_count)]
    threads: Option<usize>,
    /// Layers to run, comma-separated: boilerplate, claim, number.
    #[arg(long, default_value = "boilerplate,claim,number")]
    layers: String,
    /// Output format (see `sift convert --help` for the list).
    #[arg(long, default_value = "sift")]
    format: String,
    /// CoNLL: the one label to write as BIO tags (e.g. `number`); every label when absent.
    #[arg(long)]
    layer: Option<String>,
    /// Output file, or a directory for multi-file formats (brat); stdout when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Score check-worthiness with this precise model (scripts/train_precise.sh writes one) instead of the
    /// built-in one; default: claims.sift-model beside the sift binary, when there is one.
    #[arg(long, value_name = "FILE")]
    claims_model: Option<PathBuf>,
}

#[derive(Args)]
struct ConvertArgs {
    /// Input format: sift, sift-jsonl, doccano, label-studio, spacy, brat, w3c, conll, text.
    #[arg(long)]
    from: String,
    /// Output format: any input format, or claimreview (schema.org ClaimReview JSON-LD of the claims with a
    /// verdict; sift does not read it back).
    #[arg(long)]
    to: String,
    /// Input files (brat: the `.ann` and `.txt` files); `-` or nothing reads stdin.
    files: Vec<PathBuf>,
    /// CoNLL: the one label to write as BIO tags (e.g. `number`); every label when absent.
    #[arg(long)]
    layer: Option<String>,
    /// Write only accepted spans, relations and document labels (training data): unreviewed suggestions and
    /// rejected marks are left out.
    #[arg(long)]
    accepted_only: bool,
    /// Output file, or a directory for multi-file formats (brat); stdout when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(Failure::Message(msg)) => {
            warn(format_args!("{msg}"));
            ExitCode::FAILURE
        }
        // The reader went away (`sift … | head`): end quietly with the status a shell gives a process killed by
        // SIGPIPE (128 + 13), as `cat` or `grep` would.
        Err(Failure::BrokenPipe) => ExitCode::from(141),
    }
}

/// Why a command failed: a message for stderr, or stdout's reader gone (nothing to say, nobody to say it to).
enum Failure {
    Message(String),
    BrokenPipe,
}

impl From<String> for Failure {
    fn from(msg: String) -> Failure {
        Failure::Message(msg)
    }
}

/// Writes a diagnostic line to stderr. A closed or broken stderr is ignored: `eprintln!` would panic there and
/// lose the command's real output.
fn warn(msg: std::fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "sift: {msg}");
}

/// An error writing the output: a broken pipe on stdout ends quietly, anything else says what happened.
fn write_failure(e: &io::Error, to_stdout: bool) -> Failure {
    match e.kind() {
        io::ErrorKind::BrokenPipe if to_stdout => Failure::BrokenPipe,
        _ => Failure::Message(format!("writing output: {e}")),
    }
}

/// Fails when sift was started with stdout closed (`>&-`), where the output would be lost with a success status.
/// Rust's runtime reopens a closed stdout on `/dev/null` before `main`, read-write; a shell's `>/dev/null` opens
/// it write-only, so that is what tells the two apart (Linux; elsewhere nothing is checked).
fn check_stdout() -> Result<(), Failure> {
    #[cfg(target_os = "linux")]
    {
        let null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
        let read_write = || {
            let info = std::fs::read_to_string("/proc/self/fdinfo/1").unwrap_or_default();
            let flags = info.lines().find_map(|l| l.strip_prefix("flags:")).map(str::trim);
            flags.and_then(|f| u32::from_str_radix(f, 8).ok()).is_some_and(|f| f & 0o3 == 0o2)
        };
        if null && read_write() {
            return Err(Failure::Message("stdout is closed: nowhere to write the output (use -o FILE)".into()));
        }
    }
    Ok(())
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Annotate(a) => annotate_cmd(a),
        Command::Clean { file } => {
            let (name, bytes) = read_input(file.as_deref())?;
            let source = sift::input::read_bytes(&name, None, &bytes).map_err(|e| e.to_string())?;
            let doc = source.annotate(&stem(&name), &name, Layers::parse("boilerplate").unwrap());
            write_out(None, &formats::clean_text(&doc))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Convert(c) => convert_cmd(c),
        Command::Compare(c) => compare::run(c),
        Command::Agree(a) => agree::agree_cmd(a),
        Command::Eval(e) => agree::eval_cmd(e),
    }
}

fn annotate_cmd(a: AnnotateArgs) -> Result<ExitCode, Failure> {
    let layers = Layers::parse(&a.layers).map_err(|e| e.to_string())?;
    let scorer = if layers.claim { claims_model::find(a.claims_model.as_deref(), warn)? } else { None };
    let opts = sift::detect::Options { layers, claims_scorer: scorer, ..Default::default() };
    if a.jsonl {
        let fields = match (&a.fields, a.compact) {
            (Some(list), _) => Fields::parse(list).map_err(|e| format!("--fields: {e}"))?,
            (None, true) => Fields::COMPACT,
            (None, false) => Fields::ALL,
        };
        let opts = StreamOptions {
            max_spans: max_spans(),
            fields,
            threads: a.threads.unwrap_or(0),
            claims_scorer: opts.claims_scorer,
            ..StreamOptions::new(layers)
        };
        let mut out = open_out(a.output.as_deref())?;
        let mut summary = sift::batch::StreamSummary::default();
        for p in inputs(&a.files) {
            let (name, reader): (String, Box<dyn io::BufRead>) = match p {
                None => ("stdin".into(), Box::new(io::stdin().lock())),
                Some(f) => {
                    let file = std::fs::File::open(f).map_err(|e| format!("{}: {e}", f.display()))?;
                    (f.display().to_string(), Box::new(BufReader::new(file)))
                }
            };
            let s = sift::batch::annotate_jsonl_with(reader, &mut out, opts.clone()).map_err(|e| match e.kind() {
                io::ErrorKind::BrokenPipe if a.output.is_none() => Failure::BrokenPipe,
                _ => Failure::Message(format!("{name}: {e}")),
            })?;
            summary.documents += s.documents;
            summary.errors += s.errors;
            summary.cut += s.cut;
        }
        if summary.cut > 0 {
            warn(format_args!(
                "{} reached the limit of {} spans and {} cut (see the \"warning\" field)",
                if summary.cut == 1 { "1 document".to_string() } else { format!("{} documents", summary.cut) },
                max_spans(),
                if summary.cut == 1 { "was" } else { "were" }
            ));
        }
        if summary.errors > 0 {
            warn(format_args!(
                "{} of {} lines were not annotated (see their \"error\" lines)",
                summary.errors,
                summary.errors + summary.documents
            ));
            return Ok(ExitCode::FAILURE);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let format = Format::from_name(&a.format).map_err(|e| e.to_string())?;
    let mut docs: Vec<Document> = Vec::new();
    for p in inputs(&a.files) {
        let (name, bytes) = read_input(p)?;
        let source = sift::input::read_bytes(&name, None, &bytes).map_err(|e| e.to_string())?;
        let mut id = stem(&name);
        if docs.iter().any(|d| d.id == id) {
            id = format!("{id}-{}", docs.len() + 1);
        }
        docs.push(annotate_doc(&source, &id, &name, &opts));
    }
    if let (Format::Sift | Format::SiftJsonl, false) = (format, a.output.as_deref().is_some_and(Path::is_dir)) {
        // Streamed as it is serialised: a large output is never held whole in memory.
        let jsonl = format == Format::SiftJsonl;
        let out = open_out(a.output.as_deref())?;
        formats::sift::write_to(&docs, &Label::builtin(), jsonl, out)
            .map_err(|e| write_failure(&e, a.output.is_none()))?;
        return Ok(ExitCode::SUCCESS);
    }
    emit(formats::write_with(format, &docs, &Label::builtin(), &write_options(a.layer)), a.output.as_deref())
}

/// `--threads`: a count of at least one.
fn thread_count(s: &str) -> Result<usize, String> {
    s.parse().ok().filter(|&n| n > 0).ok_or_else(|| format!("expected a number of threads, 1 or more, found {s:?}"))
}

/// The span limit of one document. SIFT_MAX_SPANS lowers it (tests use it to reach it on small inputs); it cannot
/// raise it.
fn max_spans() -> usize {
    std::env::var("SIFT_MAX_SPANS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(sift::detect::MAX_SPANS, |n: usize| n.min(sift::detect::MAX_SPANS))
}

/// Annotates one input, saying so when the document reached the span limit.
fn annotate_doc(source: &sift::Source, id: &str, name: &str, opts: &sift::detect::Options) -> Document {
    if let Some(notice) = source.notice(name) {
        warn(format_args!("{notice}"));
    }
    let max = max_spans();
    let (doc, cut) = source.annotate_bounded(id, name, opts, max);
    if let Some(at) = cut {
        warn(format_args!(
            "{name}: more than {max} spans, the limit for one document: only spans starting before code point {at} \
             are given"
        ));
    }
    doc
}

fn convert_cmd(c: ConvertArgs) -> Result<ExitCode, Failure> {
    let from = Format::from_name(&c.from).map_err(|e| e.to_string())?;
    let to = Format::from_name(&c.to).map_err(|e| e.to_string())?;
    if !from.is_readable() {
        // Refused before any input is read: stdin would otherwise wait for a file that cannot be used.
        formats::read_files(from, &[]).map_err(|e| e.to_string())?;
    }
    let mut files = Vec::new();
    for p in inputs(&c.files) {
        files.push(read_input(p)?);
    }
    // Files to convert keep their byte-order mark: brat counts it in its offsets.
    let refs = files
        .iter()
        .map(|(n, b)| Ok((n.as_str(), sift::input::decode(n, b).map_err(|e| e.to_string())?)))
        .collect::<Result<Vec<(&str, &str)>, String>>()?;
    let import = formats::read_files(from, &refs).map_err(|e| e.to_string())?;
    for r in &import.repairs {
        warn(format_args!("repaired: {r}"));
    }
    for l in &import.losses {
        warn(format_args!("not kept on import: {l}"));
    }
    let mut options = write_options(c.layer);
    options.accepted_only = c.accepted_only;
    emit(formats::write_with(to, &import.documents, &import.labels, &options), c.output.as_deref())
}

fn write_options(layer: Option<String>) -> formats::WriteOptions {
    layer.map(|l| formats::WriteOptions::layer(l.split(',').map(str::trim))).unwrap_or_default()
}

/// Writes an export to stdout, a file, or (several files) a directory; reports what the format dropped.
fn emit(export: formats::Export, output: Option<&Path>) -> Result<ExitCode, Failure> {
    for l in &export.losses {
        warn(format_args!("not kept in this format: {l}"));
    }
    match (export.single(), output) {
        (Some(content), out) => write_out(out, content)?,
        (None, Some(dir)) => {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            for (name, content) in &export.files {
                let path = dir.join(name);
                std::fs::write(&path, content).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        (None, None) => {
            return Err(format!("this format writes {} files: give a directory with -o", export.files.len()).into())
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The inputs a command reads: the files named, `None` standing for stdin (no file, or `-`).
fn inputs(files: &[PathBuf]) -> Vec<Option<&Path>> {
    if files.is_empty() {
        return vec![None];
    }
    files.iter().map(|p| if is_stdin(p) { None } else { Some(p.as_path()) }).collect()
}

fn is_stdin(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// Reads a file (or stdin for `None` / `-`); returns its display name and bytes ([`sift::input`] decides what
/// they are).
fn read_input(path: Option<&Path>) -> Result<(String, Vec<u8>), String> {
    Ok(match path {
        None => ("stdin".to_string(), read_stdin()?),
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            (p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()), bytes)
        }
    })
}

fn read_stdin() -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    io::stdin().lock().read_to_end(&mut buf).map_err(|e| format!("stdin: {e}"))?;
    Ok(buf)
}

fn stem(name: &str) -> String {
    Path::new(name).file_stem().map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned())
}

fn open_out(path: Option<&Path>) -> Result<Box<dyn Write>, Failure> {
    Ok(match path {
        None => {
            check_stdout()?;
            Box::new(io::BufWriter::new(io::stdout().lock()))
        }
        Some(p) => Box::new(io::BufWriter::new(std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?)),
    })
}

fn write_out(path: Option<&Path>, content: &str) -> Result<(), Failure> {
    let mut out = open_out(path)?;
    out.write_all(content.as_bytes()).and_then(|_| out.flush()).map_err(|e| write_failure(&e, path.is_none()))
}
