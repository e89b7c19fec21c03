//! `sift compare FILE…`: the figures, shared passages and sources of a set of articles, as readable tables or as
//! the library's [`sift::compare::Comparison`] in JSON.

use super::{annotate_doc, read_input, stem, write_out, Failure};
use clap::Args;
use sift::compare::{self, Article, Comparison, Options};
use sift::Document;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub(crate) struct CompareArgs {
    /// Articles to compare (`.txt`, `.md`, `.html`), or `sift-annotations` files (`.json`), whose documents are
    /// compared with their own spans and saved decisions; `-` reads stdin.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print the comparison as JSON (documents, figures, passages, sources).
    #[arg(long)]
    json: bool,
    /// How alike two sentences must be to count as a shared passage, 0–1.
    #[arg(long, default_value_t = compare::passages::DEFAULT_THRESHOLD)]
    threshold: f64,
}

/// Widest excerpt of a sentence in the tables, in characters.
const EXCERPT: usize = 90;

pub(crate) fn run(a: CompareArgs) -> Result<ExitCode, Failure> {
    if !(0.0..=1.0).contains(&a.threshold) {
        return Err(format!("--threshold must be between 0 and 1, not {}", a.threshold).into());
    }
    let mut docs: Vec<Document> = Vec::new();
    let mut decisions = Vec::new();
    for p in super::inputs(&a.files) {
        let (name, bytes) = read_input(p)?;
        if name.to_ascii_lowercase().ends_with(".json") {
            let text = sift::input::decode(&name, &bytes).map_err(|e| e.to_string())?;
            let import = sift::formats::sift::read_json(text).map_err(|e| format!("{name}: {e}"))?;
            if let Some(c) = sift::formats::sift::read_comparisons(text).map_err(|e| format!("{name}: {e}"))? {
                decisions.extend(c.decisions);
            }
            docs.extend(import.documents);
            continue;
        }
        let source = sift::input::read_bytes(&name, None, &bytes).map_err(|e| e.to_string())?;
        docs.push(annotate_doc(&source, &stem(&name), &name, &Default::default()));
    }
    if docs.len() < 2 {
        return Err("compare needs at least two documents".to_string().into());
    }
    let articles: Vec<Article> =
        docs.iter().map(|d| Article { name: &d.name, text: &d.text, spans: &d.spans, date: None }).collect();
    let options = Options { passage_threshold: a.threshold, ..Options::default() };
    let mut comparison = compare::compare(&articles, &options);
    for s in comparison.apply(&decisions) {
        super::warn(format_args!("saved decision {} not applied: {}", s.index + 1, s.reason));
    }
    let out = if a.json {
        let mut s = serde_json::to_string_pretty(&comparison).map_err(|e| e.to_string())?;
        s.push('\n');
        s
    } else {
        tables(&comparison)
    };
    write_out(None, &out)?;
    Ok(ExitCode::SUCCESS)
}

/// `s` on one line, at most `n` characters.
fn clip(s: &str, n: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one.char_indices().nth(n) {
        Some((b, _)) => format!("{}…", one.get(..b).unwrap_or_default()),
        None => one,
    }
}

/// The three tables as text.
fn tables(c: &Comparison) -> String {
    let name = |d: usize| c.documents.get(d).map_or("?", |x| x.name.as_str());
    let width = c.documents.iter().map(|d| d.name.chars().count()).max().unwrap_or(0).min(40);
    let mut o = String::new();
    let _ = writeln!(o, "Documents");
    for (i, d) in c.documents.iter().enumerate() {
        let _ = writeln!(o, "  {i:>3}  {:<width$}  {}", d.name, d.date.as_deref().unwrap_or("date unknown"));
    }
    let _ = writeln!(
        o,
        "\nFigures ({} rows, {} flagged)",
        c.figures.len(),
        c.figures.iter().filter(|g| g.disagree).count()
    );
    for g in &c.figures {
        let flag = match (g.disagree, g.verdict) {
            (true, _) => "DISAGREE",
            (_, compare::Verdict::Update) => "update",
            (_, compare::Verdict::Single) => "single",
            _ => "agree",
        };
        let reviewed = if g.reviewed { ", reviewed" } else { "" };
        let _ = writeln!(o, "\n  [{flag}{reviewed}] {} ({})", g.title, g.key);
        let _ = writeln!(o, "    {}", g.explanation);
        for cell in &g.cells {
            let source = cell.source.as_deref().map(|s| format!("  [{s}]")).unwrap_or_default();
            let _ = writeln!(
                o,
                "    {:<width$}  {:>10}  {}..{}  “{}”{source}",
                name(cell.doc),
                cell.reading,
                cell.start,
                cell.end,
                clip(&cell.sentence.text, EXCERPT)
            );
        }
    }
    let _ = writeln!(o, "\nShared passages ({})", c.passages.len());
    for p in &c.passages {
        let kind = if p.verbatim { "verbatim" } else { "reworded" };
        let _ = writeln!(o, "\n  {} ↔ {}  {kind}, similarity {:.2}", name(p.a.doc), name(p.b.doc), p.similarity);
        for side in [&p.a, &p.b] {
            let _ = writeln!(
                o,
                "    {:<width$}  {}..{}  “{}”",
                name(side.doc),
                side.excerpt.start,
                side.excerpt.end,
                clip(&side.excerpt.text, EXCERPT)
            );
        }
        if let Some(d) = &p.direction {
            let _ = writeln!(o, "    copied from {} by {}: {}", name(d.from), name(d.to), d.reason);
        }
        if let Some(s) = &p.common_source {
            let _ = writeln!(o, "    both attribute it to {s}: a common source");
        }
    }
    let _ = writeln!(o, "\nSources ({})", c.sources.len());
    for s in &c.sources {
        let docs: Vec<String> = s.docs.iter().map(|d| format!("{} ({})", name(d.doc), d.claims.len())).collect();
        let others: Vec<&str> = s.variants.iter().map(String::as_str).filter(|v| !v.ends_with(&s.name)).collect();
        let aka = if others.is_empty() { String::new() } else { format!(" (also “{}”)", others.join("”, “")) };
        let _ = writeln!(o, "  {}{aka}: {}", s.name, docs.join(", "));
    }
    o
}
