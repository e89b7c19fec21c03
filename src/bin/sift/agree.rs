//! `sift agree` and `sift eval`: read the annotators' files (any format sift reads), hand them to
//! [`sift::agree`], print tables or `--json`. Arguments and I/O only.

use super::{read_input, warn, write_out, Failure};
use clap::Args;
use sift::agree::{self, Agreement, Annotator, Evaluation, Options, Prf, SpanScores};
use sift::formats::{self, Format};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct AgreeArgs {
    /// Two or more annotators' files (or directories: brat, W3C, or several files of one format), the same
    /// documents in each.
    #[arg(required = true, num_args = 2..)]
    files: Vec<PathBuf>,
    /// Input format of every file; guessed from each file's name and content when absent.
    #[arg(long)]
    from: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Count unreviewed suggestions too (rejected spans never count).
    #[arg(long)]
    suggested: bool,
    /// How many disagreements the table lists (`--json` lists them all).
    #[arg(long, default_value_t = 50)]
    show: usize,
}

#[derive(Args)]
pub struct EvalArgs {
    /// The gold file, or a directory (brat, W3C, or several files of one format).
    #[arg(long)]
    gold: PathBuf,
    /// The prediction to score.
    prediction: PathBuf,
    /// Input format of both files; guessed from each file's name and content when absent.
    #[arg(long)]
    from: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Count unreviewed suggestions too (on by default for the prediction: a detector's output is suggestions).
    #[arg(long)]
    suggested: bool,
}

pub fn agree_cmd(a: AgreeArgs) -> Result<ExitCode, Failure> {
    let from = a.from.as_deref().map(Format::from_name).transpose().map_err(|e| e.to_string())?;
    let names = names(&a.files);
    let sets = a.files.iter().zip(names).map(|(p, n)| read_set(p, n, from)).collect::<Result<Vec<_>, _>>()?;
    let report = agree::agree(&sets, &Options { suggested: a.suggested });
    if report.documents == 0 {
        return Err(format!(
            "no document is in every file (documents are matched by their text): {}",
            unmatched(&report.unmatched)
        )
        .into());
    }
    let out = if a.json { json(&report)? } else { agree_table(&report, a.show) };
    write_out(None, &out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn eval_cmd(e: EvalArgs) -> Result<ExitCode, Failure> {
    let from = e.from.as_deref().map(Format::from_name).transpose().map_err(|e| e.to_string())?;
    let gold = read_set(&e.gold, "gold".into(), from)?;
    let pred = read_set(&e.prediction, "prediction".into(), from)?;
    // The gold file's own suggestions count only on request; the prediction's always do (see `--suggested`).
    let gold = Annotator::new(gold.name, keep(gold.documents, &Options { suggested: e.suggested }));
    let pred = Annotator::new(pred.name, keep(pred.documents, &Options { suggested: true }));
    let report = agree::evaluate(&gold, &pred, &Options { suggested: true });
    let out = if e.json { json(&report)? } else { eval_table(&report) };
    write_out(None, &out)?;
    Ok(ExitCode::SUCCESS)
}

/// The documents with only the spans that count under `opts`.
fn keep(mut docs: Vec<sift::Document>, opts: &Options) -> Vec<sift::Document> {
    for d in &mut docs {
        d.spans.retain(|s| opts.counts(s));
    }
    docs
}

/// Annotator names: the file names, made unique with their position when two are the same.
fn names(files: &[PathBuf]) -> Vec<String> {
    let base: Vec<String> = files
        .iter()
        .map(|p| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()))
        .collect();
    base.iter()
        .enumerate()
        .map(|(i, n)| if base.iter().filter(|m| *m == n).count() > 1 { format!("{n}#{}", i + 1) } else { n.clone() })
        .collect()
}

/// Reads one annotator's documents: a file, or every file of a directory (brat, W3C).
fn read_set(path: &Path, name: String, from: Option<Format>) -> Result<Annotator, Failure> {
    let paths: Vec<PathBuf> = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    let mut files = Vec::new();
    for p in &paths {
        files.push(read_input(Some(p))?);
    }
    let texts = files
        .iter()
        .map(|(n, b)| Ok((n.as_str(), sift::input::decode(n, b).map_err(|e| format!("{}: {e}", path.display()))?)))
        .collect::<Result<Vec<(&str, &str)>, String>>()?;
    let format = match from {
        Some(f) => f,
        None => {
            let guesses: Vec<Format> = texts.iter().filter_map(|(n, c)| Format::detect(n, c)).collect();
            guesses
                .iter()
                .copied()
                .find(|f| *f != Format::Text)
                .or(guesses.first().copied())
                .ok_or_else(|| format!("{}: cannot tell the format (empty?): give --from", path.display()))?
        }
    };
    // A directory of single-file documents (say, the corpus: `.gold.json` beside `.txt`) gives the files in
    // that format; brat and W3C need every file.
    let texts: Vec<(&str, &str)> = if path.is_dir() && !format.needs_several_files() {
        texts.into_iter().filter(|(n, c)| Format::detect(n, c) == Some(format)).collect()
    } else {
        texts
    };
    // Most readers already name the file in their messages; brat and W3C (several files) do not.
    let named =
        |m: String| if texts.iter().any(|(n, _)| m.starts_with(n)) { m } else { format!("{}: {m}", path.display()) };
    let import = formats::read_files(format, &texts).map_err(|e| named(e.to_string()))?;
    for r in &import.repairs {
        warn(format_args!("repaired: {}", named(r.clone())));
    }
    for l in &import.losses {
        warn(format_args!("not kept on import: {}", named(l.clone())));
    }
    Ok(Annotator::new(name, import.documents))
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, Failure> {
    let mut s = serde_json::to_string_pretty(v).map_err(|e| format!("writing JSON: {e}"))?;
    s.push('\n');
    Ok(s)
}

fn unmatched(list: &[agree::Unmatched]) -> String {
    let v: Vec<String> = list.iter().map(|u| format!("{}: {} ({})", u.annotator, u.document, u.reason)).collect();
    if v.is_empty() {
        "no document at all".into()
    } else {
        v.join("; ")
    }
}

fn num(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".into(), |x| format!("{x:.4}"))
}

fn prf(p: &Prf) -> String {
    format!("{:.3} {:.3} {:.3} ({} {} {})", p.precision, p.recall, p.f1, p.tp, p.fp, p.fn_)
}

fn span_rows(out: &mut String, who: &str, s: &SpanScores) {
    for row in std::iter::once(&s.overall).chain(&s.labels) {
        let label = if row.label == "*" { "all labels" } else { &row.label };
        let _ = writeln!(out, "  {who:<24} {label:<14} {:<32} {}", prf(&row.exact), prf(&row.overlap));
    }
}

fn agree_table(r: &Agreement, show: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} annotators ({}), {} documents matched by text",
        r.annotators.len(),
        r.annotators.join(", "),
        r.documents
    );
    for u in &r.unmatched {
        let _ = writeln!(out, "left out: {}: {} ({})", u.annotator, u.document, u.reason);
    }
    let _ = writeln!(out, "\nspans: precision recall F1 (tp fp fn) of the second against the first");
    let _ = writeln!(out, "  {:<24} {:<14} {:<32} overlap", "pair", "label", "exact");
    for p in &r.pairs {
        span_rows(&mut out, &format!("{} / {}", p.a, p.b), &p.scores);
    }
    if let Some(k) = r.cohen.as_ref().or(r.fleiss.as_ref()) {
        let _ = writeln!(out, "\ntoken kappa ({}): kappa (observed, expected; tokens, raters)", k.statistic);
        let row = |label: &str, k: &agree::Kappa| {
            format!(
                "  {label:<14} {} ({:.3}, {:.3}; {} tokens, {} raters)\n",
                num(k.value),
                k.observed,
                k.expected,
                k.items,
                k.raters
            )
        };
        out.push_str(&row("all labels", &k.overall));
        for l in &k.labels {
            out.push_str(&row(&l.label, &l.kappa));
        }
    }
    let _ = writeln!(out, "\nunitizing alpha (Krippendorff 1995): alpha (D_o, D_e; code points, units, coders)");
    let row = |label: &str, a: &agree::Alpha| {
        format!(
            "  {label:<14} {} ({:.3e}, {:.3e}; {}, {}, {})\n",
            num(a.value),
            a.observed,
            a.expected,
            a.length,
            a.units,
            a.coders
        )
    };
    out.push_str(&row("all labels", &r.alpha.overall));
    for l in &r.alpha.labels {
        out.push_str(&row(&l.label, &l.alpha));
    }
    let _ = writeln!(out, "\ndisagreements: {}", r.disagreements.len());
    for d in r.disagreements.iter().take(show) {
        let _ = writeln!(
            out,
            "  {} {} in {} at {}-{} [{}]",
            d.id,
            d.kind.name(),
            d.document,
            d.start,
            d.end,
            d.labels.join(", ")
        );
        if !d.attributes.is_empty() {
            let _ = writeln!(out, "    attributes that differ: {}", d.attributes.join(", "));
        }
        for side in &d.sides {
            let spans: Vec<String> = side
                .spans
                .iter()
                .map(|s| {
                    let attrs = if s.attrs.is_empty() {
                        String::new()
                    } else {
                        format!(" {}", serde_json::Value::Object(s.attrs.clone()))
                    };
                    format!("{}-{} {} {:?}{attrs}", s.start, s.end, s.label, clip(&s.text))
                })
                .collect();
            let shown = if spans.is_empty() { "-".to_string() } else { spans.join("; ") };
            let _ = writeln!(out, "    {}: {shown}", side.annotator);
        }
    }
    if r.disagreements.len() > show {
        let _ = writeln!(out, "  … and {} more (--show N, or --json for all)", r.disagreements.len() - show);
    }
    out
}

/// A span's text for a table line: at most 60 characters.
fn clip(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((b, _)) => format!("{}…", s.get(..b).unwrap_or_default()),
        None => s.to_string(),
    }
}

fn eval_table(r: &Evaluation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} gold documents", r.documents);
    for u in &r.unmatched {
        let _ = writeln!(out, "unmatched: {}: {} ({})", u.annotator, u.document, u.reason);
    }
    let _ = writeln!(out, "\nspans: precision recall F1 (tp fp fn)");
    let _ = writeln!(out, "  {:<24} {:<14} {:<32} overlap", "", "label", "exact");
    span_rows(&mut out, "prediction / gold", &r.spans);
    let l = &r.lines;
    let _ = writeln!(
        out,
        "\nboilerplate lines (score.py's line metric): {} lines, {} gold boilerplate, {} predicted",
        l.lines, l.gold_boilerplate, l.predicted_boilerplate
    );
    let _ = writeln!(out, "  boilerplate class  {}", prf(&l.boilerplate));
    let _ = writeln!(out, "  body class         {}", prf(&l.body));
    out
}
