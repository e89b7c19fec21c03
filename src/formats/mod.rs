//! Interchange formats, one module per format; each module's doc says which offset unit the format uses and
//! what it cannot carry.
//!
//! One entry point serves the CLI and the app: [`Format`] names a format, [`read`] / [`read_files`] turn files
//! into an [`Import`] (documents, labels, and what was lost or repaired on the way), [`write`] turns documents
//! into an [`Export`] (files, and what the format dropped). Nothing is lost silently: every field a format cannot
//! carry is counted in `losses`, and every offset that had to be fixed is listed in `repairs`.

mod common;
pub mod sift;

use crate::annotation::{Document, Label};
use crate::Error;

/// A file format sift reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// `sift-annotations` v1 JSON: lossless.
    Sift,
    /// `sift-annotations` v1 JSONL, one document per line (also reads the CLI stream lines): lossless.
    SiftJsonl,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: &'static [Format] = &[Format::Sift, Format::SiftJsonl];

    /// Parses a format name as typed on the command line (`sift`, `sift-jsonl`, …; case-insensitive).
    pub fn from_name(name: &str) -> Result<Format, Error> {
        let n = name.trim().to_ascii_lowercase();
        Format::ALL.iter().copied().find(|f| f.name() == n || f.aliases().contains(&n.as_str())).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            Error::new(format!("unknown format {name:?}: expected one of {}", names.join(", ")))
        })
    }

    /// The canonical name, as accepted by [`Format::from_name`].
    pub fn name(self) -> &'static str {
        match self {
            Format::Sift => "sift",
            Format::SiftJsonl => "sift-jsonl",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Format::Sift => &["sift-annotations", "json"],
            Format::SiftJsonl => &["jsonl", "stream"],
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Sift => "json",
            Format::SiftJsonl => "jsonl",
        }
    }

    /// Whether export → import gives back the same documents and labels, every field included.
    pub fn is_lossless(self) -> bool {
        matches!(self, Format::Sift | Format::SiftJsonl)
    }
}

/// What reading a file gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The label set: declared labels first, then labels met on spans.
    pub labels: Vec<Label>,
    /// The documents, spans sorted by (start, end, label), offsets in code points.
    pub documents: Vec<Document>,
    /// What the file held that sift could not keep, one readable line per kind (never silently dropped).
    pub losses: Vec<String>,
    /// What was fixed on the way in (offsets moved to the quoted text, edges widened to whole graphemes, …).
    pub repairs: Vec<String>,
}

/// What writing gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// `(file name, content)` pairs; most formats give one file, brat gives a `.txt` and an `.ann` per document.
    pub files: Vec<(String, String)>,
    /// What the format could not carry, one readable line per kind with counts.
    pub losses: Vec<String>,
}

impl Export {
    /// The content when the export is a single file (for writing to stdout or a download).
    pub fn single(&self) -> Option<&str> {
        match self.files.as_slice() {
            [(_, c)] => Some(c),
            _ => None,
        }
    }
}

/// Reads one file in `format`. Formats that need several files (brat, W3C with its text) ask for [`read_files`].
pub fn read(format: Format, input: &str) -> Result<Import, Error> {
    match format {
        Format::Sift => sift::read_json(input),
        Format::SiftJsonl => sift::read_jsonl(input),
    }
}

/// Reads `(file name, content)` pairs in `format`; single-file formats read each file and concatenate the
/// documents.
pub fn read_files(format: Format, files: &[(&str, &str)]) -> Result<Import, Error> {
    let mut all = Import { labels: Vec::new(), documents: Vec::new(), losses: Vec::new(), repairs: Vec::new() };
    for (name, content) in files {
        let one = read(format, content).map_err(|e| Error::new(format!("{name}: {e}")))?;
        merge(&mut all, one, name);
    }
    Ok(all)
}

/// Appends `one` to `all`, merging labels by name and prefixing messages with the file name.
fn merge(all: &mut Import, one: Import, name: &str) {
    for l in one.labels {
        if !all.labels.iter().any(|k| k.name == l.name) {
            all.labels.push(l);
        }
    }
    all.documents.extend(one.documents);
    all.losses.extend(one.losses.into_iter().map(|l| format!("{name}: {l}")));
    all.repairs.extend(one.repairs.into_iter().map(|r| format!("{name}: {r}")));
}

/// Writes `docs` with their `labels` in `format`.
pub fn write(format: Format, docs: &[Document], labels: &[Label]) -> Export {
    match format {
        Format::Sift => Export { files: vec![("annotations.json".into(), sift::write_json(docs, labels))], losses: vec![] },
        Format::SiftJsonl => {
            Export { files: vec![("annotations.jsonl".into(), sift::write_jsonl(docs, labels))], losses: vec![] }
        }
    }
}
