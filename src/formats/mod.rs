//! Interchange formats, one module per format; each module's doc says which offset unit the format uses and
//! what it cannot carry.
//!
//! One entry point serves the CLI and the app: [`Format`] names a format, [`read`] / [`read_files`] turn files
//! into an [`Import`] (documents, labels, and what was lost or repaired on the way), [`write()`] /
//! [`write_with`] turn documents into an [`Export`] (files, and what the format dropped). Nothing is lost
//! silently: every field a format cannot carry is counted in `losses`, and every offset that had to be fixed is
//! listed in `repairs`.
//!
//! | format | offsets in the file | keeps of spans | relations; document labels |
//! |---|---|---|---|
//! | `sift`, `sift-jsonl` | code points (+ UTF-16 copies) | everything | everything |
//! | `doccano` | UTF-16 units | label, extent | typed and directed; `cats` (no review state) |
//! | `label-studio` | code points | label, extent, id, origin, status (not rejected), rule, why, note, scalar attrs | `relation` results; `choices` (review by result list) |
//! | `spacy` | code points | every span field (rejected spans as `reject` tasks); not the label list | Prodigy `relations`; spaCy `cats` (with review state) |
//! | `brat` | code points | label, extent, note, simple attrs | `R` lines; lost |
//! | `w3c` | code points (reads UTF-16 too) | label, extent, id, note, why, auto/manual | `linking` annotations; `classifying` ones (auto/manual) |
//! | `conll` | none (tokens) | label, extent of one non-overlapping layer | lost |
//! | `text` | none | the clean article only | lost |
//! | `claimreview` (write-only) | none (the claim's text) | claims with a verdict: text, verdict, evidence, source | lost |
//!
//! Foreign readers keep a relation only when both its ends are spans of its document, and count the rest.

mod archive;
pub use archive::zip;
mod brat;
mod claimreview;
pub(crate) mod common;
mod conll;
mod doccano;
mod labelstudio;
mod links;
pub(crate) mod published;
pub mod sift;
mod sift_write;
mod spacy;
mod text;
mod w3c;

pub(crate) use common::{clip, json_type, tokenize};
pub use text::clean_text;

use crate::annotation::{Document, Label};
use crate::{Error, ErrorKind};
use std::collections::HashSet;

/// A file format sift reads and writes (one it only writes: [`Format::is_readable`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// `sift-annotations` v2 JSON (reads v1): lossless.
    Sift,
    /// `sift-annotations` v2 JSONL, one document per line (also reads the CLI stream lines): lossless.
    SiftJsonl,
    /// doccano JSONL (`text` + `label: [[start, end, "LABEL"]]`, or `entities`/`relations`); UTF-16 offsets.
    Doccano,
    /// Label Studio JSON tasks (`data.text`, `annotations` / `predictions` results); code points.
    LabelStudio,
    /// spaCy / Prodigy JSONL (`text`, `tokens`, `spans` with `token_start`/`token_end`); code points.
    Spacy,
    /// brat standoff, a `.txt` and an `.ann` per document; code points.
    Brat,
    /// W3C Web Annotation JSON-LD with `TextQuoteSelector` and `TextPositionSelector`, plus the text files.
    W3c,
    /// CoNLL-style BIO token tags, one layer at a time; no offsets.
    Conll,
    /// Plain text: reads a bare document, writes the clean article (boilerplate removed).
    Text,
    /// schema.org `ClaimReview` JSON-LD, one review per claim with a verdict (`attrs.verdict`). Write-only: see
    /// [`Format::is_readable`].
    ClaimReview,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: &'static [Format] = &[
        Format::Sift,
        Format::SiftJsonl,
        Format::Doccano,
        Format::LabelStudio,
        Format::Spacy,
        Format::Brat,
        Format::W3c,
        Format::Conll,
        Format::Text,
        Format::ClaimReview,
    ];

    /// Parses a format name as typed on the command line (`sift`, `doccano`, `label-studio`, …;
    /// case-insensitive, common aliases accepted).
    pub fn from_name(name: &str) -> Result<Format, Error> {
        let n = name.trim().to_ascii_lowercase().replace('_', "-");
        Format::ALL.iter().copied().find(|f| f.name() == n || f.aliases().contains(&n.as_str())).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            Error::new(
                ErrorKind::UnknownFormat,
                format!("unknown format {name:?}: expected one of {}", names.join(", ")),
            )
        })
    }

    /// The canonical name, as accepted by [`Format::from_name`].
    pub fn name(self) -> &'static str {
        match self {
            Format::Sift => "sift",
            Format::SiftJsonl => "sift-jsonl",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::Spacy => "spacy",
            Format::Brat => "brat",
            Format::W3c => "w3c",
            Format::Conll => "conll",
            Format::Text => "text",
            Format::ClaimReview => "claimreview",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Format::Sift => &["sift-annotations", "json"],
            Format::SiftJsonl => &["jsonl", "stream"],
            Format::Doccano => &["doccano-jsonl"],
            Format::LabelStudio => &["labelstudio", "ls"],
            Format::Spacy => &["prodigy", "spacy-jsonl"],
            Format::Brat => &["standoff", "ann"],
            Format::W3c => &["web-annotation", "jsonld", "w3c-web-annotation", "recogito", "hypothesis"],
            Format::Conll => &["bio", "iob", "conll2003"],
            Format::Text => &["txt", "plain", "clean"],
            Format::ClaimReview => &["claim-review", "schema.org"],
        }
    }

    /// The usual extension of the main file, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            // ClaimReview is JSON-LD, but `.jsonld` is W3C's to `detect`.
            Format::Sift | Format::LabelStudio | Format::ClaimReview => "json",
            Format::SiftJsonl | Format::Doccano | Format::Spacy => "jsonl",
            Format::Brat => "ann",
            Format::W3c => "jsonld",
            Format::Conll => "conll",
            Format::Text => "txt",
        }
    }

    /// Whether export → import gives back the same documents and labels, every field included.
    pub fn is_lossless(self) -> bool {
        matches!(self, Format::Sift | Format::SiftJsonl)
    }

    /// Whether sift reads this format back. ClaimReview is an export only: a review quotes its claim but not
    /// where it stands, and leaves the rest of the document out, so there are no spans to read back.
    pub fn is_readable(self) -> bool {
        !matches!(self, Format::ClaimReview)
    }

    /// Whether reading needs several files together: brat (`.txt` + `.ann`) and W3C (annotations + text).
    pub fn needs_several_files(self) -> bool {
        matches!(self, Format::Brat | Format::W3c)
    }

    /// Guesses the format of a file from its name and first bytes; `None` when nothing fits. Meant for a file
    /// dropped on the app or given to the CLI without `--format`.
    pub fn detect(name: &str, content: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
        match ext {
            "ann" | "conf" => return Some(Format::Brat),
            "jsonld" => return Some(Format::W3c),
            "conll" | "conll2003" | "bio" | "iob" => return Some(Format::Conll),
            _ => {}
        }
        let body = crate::input::strip_bom(content).trim_start();
        if body.starts_with('{') || body.starts_with('[') {
            return detect_json(body);
        }
        let mut rows = body.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).take(20).peekable();
        rows.peek()?;
        // Token-per-line files: every line ends in a tag (`O`, `B-X`, …).
        let tagged = rows.all(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            cols.len() >= 2 && cols.last().is_some_and(|t| *t == "O" || t.get(1..2) == Some("-"))
        });
        Some(if tagged { Format::Conll } else { Format::Text })
    }
}

fn detect_json(body: &str) -> Option<Format> {
    let whole: Option<serde_json::Value> = serde_json::from_str(body).ok();
    let first: Option<serde_json::Value> = body.lines().next().and_then(|l| serde_json::from_str(l).ok());
    let probe = |v: &serde_json::Value| -> Option<Format> {
        let o = v.as_object()?;
        let has = |k: &str| o.contains_key(k);
        // Before `@context`: a ClaimReview export is JSON-LD too, and must get its own refusal, not W3C's.
        if o.get("@type").and_then(|t| t.as_str()) == Some("ClaimReview") {
            return Some(Format::ClaimReview);
        }
        if o.get("format").and_then(|f| f.as_str()) == Some(sift::FORMAT_NAME) {
            return Some(if has("documents") { Format::Sift } else { Format::SiftJsonl });
        }
        if has("data") {
            return Some(Format::LabelStudio);
        }
        if has("@context") || has("target") || has("rows") || has("items") {
            return Some(Format::W3c);
        }
        if has("tokens") || has("_input_hash") || has("answer") {
            return Some(Format::Spacy);
        }
        if has("entities") || has("label") || has("labels") || has("annotations") {
            return Some(Format::Doccano);
        }
        if has("spans") && has("text") {
            let sift_like = o
                .get("spans")
                .and_then(|s| s.as_array())
                .is_some_and(|s| s.first().is_none_or(|x| x.get("origin").is_some() || x.get("status").is_some()));
            return Some(if has("id") && sift_like { Format::SiftJsonl } else { Format::Spacy });
        }
        None
    };
    match (whole, first) {
        (Some(serde_json::Value::Array(a)), _) => a.first().and_then(probe),
        (Some(v), _) => probe(&v),
        (None, Some(v)) => probe(&v),
        (None, None) => None,
    }
}

/// What reading gave.
#[derive(Debug, Clone, PartialEq, Default)]
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
    /// `(file name, content)` pairs; most formats give one file, brat gives a `.txt` and an `.ann` per document
    /// plus `annotation.conf` and `visual.conf`, W3C gives the annotations and the texts.
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

/// Choices for [`write_with`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WriteOptions {
    /// CoNLL: the labels of the one layer to write (e.g. `["number"]`); every label when empty.
    pub layer: Vec<String>,
    /// Only the reviewed work ([`Document::accepted`]): what training data wants, and what the app exports
    /// unless asked for everything. Off, every span goes out with whatever review status the format can carry.
    pub accepted_only: bool,
}

impl WriteOptions {
    /// Options writing only the spans of `labels` (CoNLL's one layer).
    pub fn layer<I: IntoIterator<Item = S>, S: Into<String>>(labels: I) -> WriteOptions {
        WriteOptions { layer: labels.into_iter().map(Into::into).collect(), ..WriteOptions::default() }
    }

    /// These options, writing only accepted spans, relations and document labels.
    pub fn accepted(self) -> WriteOptions {
        WriteOptions { accepted_only: true, ..self }
    }
}

/// Reads one file in `format`. brat and W3C need several files: use [`read_files`]. When the file does not
/// read, the message also names the format it looks like, if another.
pub fn read(format: Format, input: &str) -> Result<Import, Error> {
    if !format.is_readable() {
        return Err(write_only(format));
    }
    read_one(format, input).map_err(|e| match Format::detect("", input) {
        Some(other) if !other.is_readable() => {
            Error::new(e.kind(), format!("{e}\n(this looks like a {} export, which sift cannot read)", other.name()))
        }
        Some(other) if other != format && !(format == Format::Sift && other == Format::SiftJsonl) => {
            Error::new(e.kind(), format!("{e}\n(this looks like a {} file: try that format)", other.name()))
        }
        _ => e,
    })
}

/// The refusal to read a format sift only writes.
fn write_only(format: Format) -> Error {
    let name = match format {
        Format::ClaimReview => "ClaimReview",
        f => f.name(),
    };
    Error::new(ErrorKind::Unsupported, format!("{name} is an export format: sift cannot read it back"))
}

fn read_one(format: Format, input: &str) -> Result<Import, Error> {
    match format {
        Format::Sift => sift::read_json(input),
        Format::SiftJsonl => sift::read_jsonl(input),
        Format::Doccano => doccano::read(input),
        Format::LabelStudio => labelstudio::read(input),
        Format::Spacy => spacy::read(input),
        Format::Conll => conll::read(input),
        Format::Text => Ok(text::read_named("doc-1.txt", input)),
        Format::Brat => Err(Error::new(ErrorKind::Files, "brat: give the .txt and .ann files together (read_files)")),
        Format::W3c => Err(Error::new(
            ErrorKind::Files,
            "W3C Web Annotation: give the annotations and the text files together (read_files)",
        )),
        Format::ClaimReview => Err(write_only(format)),
    }
}

/// Reads `(file name, content)` pairs in `format`. brat pairs `<stem>.txt` with `<stem>.ann` (and reads
/// `annotation.conf` / `visual.conf` for labels and colours); W3C takes `.json`/`.jsonld` annotation files and
/// the text files they point into; Label Studio takes a `.xml` labelling config for label colours and keys; the
/// other formats read each file and concatenate the documents (ids made unique with the file name when two
/// files use the same one).
pub fn read_files(format: Format, files: &[(&str, &str)]) -> Result<Import, Error> {
    match format {
        Format::Brat => return brat::read(files),
        Format::W3c => return w3c::read(files),
        f if !f.is_readable() => return Err(write_only(f)),
        _ => {}
    }
    let mut all = Import::default();
    let mut ids: HashSet<String> = HashSet::new();
    let mut styled: Vec<Label> = Vec::new();
    for (name, content) in files {
        if format == Format::LabelStudio && name.ends_with(".xml") {
            styled.extend(labelstudio::read_config(content));
            continue;
        }
        let one = match format {
            Format::Text => text::read_named(name, content),
            _ => read(format, content).map_err(|e| Error::new(e.kind(), format!("{name}: {e}")))?,
        };
        for l in one.labels {
            if !all.labels.iter().any(|k| k.name == l.name && k.scope == l.scope) {
                all.labels.push(l);
            }
        }
        for mut d in one.documents {
            if !ids.insert(d.id.clone()) {
                let new = format!("{name}/{}", d.id);
                all.repairs.push(format!(
                    "{name}: document id {} already used by an earlier file; renamed {}",
                    common::quote(&d.id),
                    common::quote(&new)
                ));
                d.id = new;
                ids.insert(d.id.clone());
            }
            all.documents.push(d);
        }
        all.losses.extend(one.losses.into_iter().map(|l| format!("{name}: {l}")));
        all.repairs.extend(one.repairs.into_iter().map(|r| format!("{name}: {r}")));
    }
    // A Label Studio config declares the labels: its order, colours and keys win.
    if !styled.is_empty() {
        for l in std::mem::take(&mut all.labels) {
            if !styled.iter().any(|s| s.name == l.name && s.scope == l.scope) {
                styled.push(l);
            }
        }
        all.labels = styled;
    }
    Ok(all)
}

/// Writes `docs` with their `labels` in `format`, with default options.
pub fn write(format: Format, docs: &[Document], labels: &[Label]) -> Export {
    write_with(format, docs, labels, &WriteOptions::default())
}

/// Writes `docs` with their `labels` in `format`.
pub fn write_with(format: Format, docs: &[Document], labels: &[Label], options: &WriteOptions) -> Export {
    let reviewed: Vec<Document>;
    let docs = if options.accepted_only {
        reviewed = docs.iter().map(Document::accepted).collect();
        &reviewed
    } else {
        docs
    };
    let mut export = match format {
        Format::Sift => {
            Export { files: vec![("annotations.json".into(), sift::write_json(docs, labels))], losses: vec![] }
        }
        Format::SiftJsonl => {
            Export { files: vec![("annotations.jsonl".into(), sift::write_jsonl(docs, labels))], losses: vec![] }
        }
        Format::Doccano => doccano::write(docs, labels),
        Format::LabelStudio => labelstudio::write(docs, labels),
        Format::Spacy => spacy::write(docs, labels),
        Format::Brat => brat::write(docs, labels),
        Format::W3c => w3c::write(docs, labels),
        Format::Conll => {
            let layer = (!options.layer.is_empty()).then_some(options.layer.as_slice());
            conll::write(docs, labels, layer)
        }
        Format::Text => text::write(docs),
        Format::ClaimReview => claimreview::write(docs, labels),
    };
    // CoNLL and plain text have no place for relations and document labels: say what they leave out.
    if matches!(format, Format::Conll | Format::Text) {
        export.losses.extend(links::unsupported(format.name(), docs));
    }
    // Only sift's own formats and Label Studio (in `data`) keep where and when a document was published;
    // ClaimReview writes them per review.
    if !matches!(format, Format::Sift | Format::SiftJsonl | Format::LabelStudio | Format::ClaimReview) {
        export.losses.extend(published::unsupported(format.name(), docs));
    }
    export
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_say_what_is_expected() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()).unwrap(), *f);
            assert_eq!(Format::from_name(&f.name().to_uppercase()).unwrap(), *f);
        }
        assert_eq!(Format::from_name("Label_Studio").unwrap(), Format::LabelStudio);
        assert_eq!(Format::from_name("prodigy").unwrap(), Format::Spacy);
        assert_eq!(Format::from_name("Claim_Review").unwrap(), Format::ClaimReview);
        assert_eq!(Format::from_name("schema.org").unwrap(), Format::ClaimReview);
        let e = Format::from_name("docx").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnknownFormat);
        let e = e.to_string();
        assert!(e.contains("unknown format \"docx\"") && e.contains("label-studio"), "{e}");
    }

    #[test]
    fn detection_table() {
        let table: &[(&str, &str, Option<Format>)] = &[
            ("a.json", r#"{"format": "sift-annotations", "version": 1, "documents": []}"#, Some(Format::Sift)),
            ("a.jsonl", "{\"format\":\"sift-annotations\",\"version\":1,\"labels\":[]}\n{\"id\":\"a\",\"text\":\"x\",\"spans\":[]}", Some(Format::SiftJsonl)),
            ("a.jsonl", "{\"id\":\"a\",\"text\":\"x y\",\"spans\":[{\"start\":0,\"end\":1,\"label\":\"n\",\"origin\":\"auto\"}]}", Some(Format::SiftJsonl)),
            ("a.jsonl", "{\"text\": \"EU rejects\", \"label\": [[0, 2, \"ORG\"]]}", Some(Format::Doccano)),
            ("a.json", r#"[{"data": {"text": "x"}, "annotations": []}]"#, Some(Format::LabelStudio)),
            ("a.jsonl", "{\"text\":\"x\",\"spans\":[{\"start\":0,\"end\":1,\"label\":\"GGP\"}],\"meta\":{}}", Some(Format::Spacy)),
            ("a.json", r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": "x"}"#, Some(Format::W3c)),
            ("x.ann", "T1\tPerson 0 3\tAbe", Some(Format::Brat)),
            ("x.txt", "EU\tB-ORG\nrejects\tO\n", Some(Format::Conll)),
            ("x.txt", "Moscow, 22 March.\nMore text.", Some(Format::Text)),
            ("x.txt", "", None),
            ("r.json", r#"[{"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "x"}]"#, Some(Format::ClaimReview)),
            ("r.json", "[]", None),
        ];
        for (name, content, want) in table {
            assert_eq!(Format::detect(name, content), *want, "{name}: {content}");
        }
    }
}
