//! What goes in and out of the app: opened files and exports, through `sift::formats` and `sift::input`.

use crate::formats::{self, Format};
use crate::session::NewDoc;
use crate::{Document, Label};

/// What an opened file holds.
pub struct Opened {
    /// Documents to add.
    pub docs: Vec<NewDoc>,
    /// Labels the file defines.
    pub labels: Vec<Label>,
    /// What was repaired or could not be kept, for the user to read.
    pub remarks: Vec<String>,
    /// Comparison decisions from `sift-annotations` files, their document indices counting from `docs[0]`.
    pub decisions: Vec<crate::compare::Decision>,
}

/// A file to download: its name, MIME type and bytes.
pub type File = (String, &'static str, Vec<u8>);

/// One export the menu offers: every interchange format of [`crate::formats`], and the clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// A format from `sift::formats`.
    Format(Format),
    /// The text without boilerplate lines.
    CleanText,
}

impl Export {
    /// Every export, in menu order (new formats in `sift::formats` show up here by themselves).
    pub fn all() -> Vec<Export> {
        Format::ALL.iter().map(|&f| Export::Format(f)).chain([Export::CleanText]).collect()
    }

    /// Menu text.
    pub fn title(self) -> String {
        match self {
            Export::Format(Format::Sift) => "sift-annotations JSON".into(),
            Export::Format(Format::SiftJsonl) => "sift-annotations JSONL".into(),
            #[allow(unreachable_patterns)]
            Export::Format(f) => format!("{} (.{})", f.name(), f.extension()),
            Export::CleanText => "Clean text (boilerplate removed)".into(),
        }
    }

    /// Renders documents as one file `(name, MIME type, content)` and what the format could not carry; `stem`
    /// names it. Formats that write several files (brat, W3C) come as one zip archive of them.
    /// `decisions` (on the comparison of `docs`) go into the sift JSON export.
    pub fn render(
        self,
        stem: &str,
        docs: &[Document],
        labels: &[Label],
        decisions: &[crate::compare::Decision],
    ) -> Result<(File, Vec<String>), crate::Error> {
        match self {
            Export::Format(Format::Sift) if !decisions.is_empty() => {
                let c = crate::compare::Comparisons::new(decisions.to_vec());
                let body = formats::sift::write_json_with(docs, labels, Some(&c));
                Ok(((format!("{stem}.json"), "application/json", body.into_bytes()), Vec::new()))
            }
            Export::CleanText => {
                let text = docs.iter().map(formats::clean_text).collect::<Vec<_>>().join("\n\n");
                Ok(((format!("{stem}.txt"), "text/plain;charset=utf-8", text.into_bytes()), Vec::new()))
            }
            Export::Format(f) => {
                let mut out = formats::write(f, docs, labels);
                let mime =
                    if f.extension().starts_with("json") { "application/json" } else { "text/plain;charset=utf-8" };
                let file = match out.files.len() {
                    1 => (format!("{stem}.{}", f.extension()), mime, out.files.remove(0).1.into_bytes()),
                    _ => (format!("{stem}-{}.zip", f.name()), "application/zip", formats::zip(&out.files)?),
                };
                Ok((file, out.losses))
            }
        }
    }
}

/// The comparison decisions of `sift-annotations` files read together (their documents in file order), moved
/// to count from the `before` documents opened ahead of them.
fn sift_decisions(files: &[(&str, &str)], mut before: usize) -> Vec<crate::compare::Decision> {
    let mut out = Vec::new();
    for (_, content) in files {
        let Ok(imp) = formats::sift::read_json(content) else { continue };
        if let Ok(Some(c)) = formats::sift::read_comparisons(content) {
            out.extend(c.decisions.iter().map(|d| d.shifted(before)));
        }
        before += imp.documents.len();
    }
    out
}

/// Reads opened or dropped files, `(name, content)`. Text files (`.txt`, `.md`, `.html`) become one document
/// each, annotated at once; annotation files are read in the format [`Format::detect`] finds, files of one format
/// together (so a brat `.ann` meets its `.txt`). Returns what was read and one message per file that was not.
pub fn open_files(files: &[(String, String)]) -> (Opened, Vec<String>) {
    let mut out = Opened { docs: Vec::new(), labels: Vec::new(), remarks: Vec::new(), decisions: Vec::new() };
    let mut errors = Vec::new();
    let ext = |n: &str| n.rsplit_once('.').map_or(String::new(), |(_, e)| e.to_ascii_lowercase());
    let stem = |n: &str| n.rsplit_once('.').map_or(n.to_string(), |(s, _)| s.to_string());
    let ann_stems: Vec<String> = files.iter().filter(|(n, _)| ext(n) == "ann").map(|(n, _)| stem(n)).collect();
    let mut groups: Vec<(Format, Vec<(&str, &str)>)> = Vec::new();
    for (name, content) in files {
        if content.contains('\0') {
            errors.push(format!("{name}: this looks like a binary file, not text."));
            continue;
        }
        let e = ext(name);
        let text_like = matches!(e.as_str(), "txt" | "md" | "markdown" | "html" | "htm" | "");
        let format = if e == "txt" && ann_stems.contains(&stem(name)) {
            Some(Format::Brat)
        } else if text_like {
            None
        } else {
            match Format::detect(name, content) {
                Some(Format::Text) | None if !e.starts_with("json") => None,
                None => {
                    errors.push(format!("{name}: not a format sift reads (sift, doccano, Label Studio, spaCy, W3C)."));
                    continue;
                }
                f => f,
            }
        };
        match format {
            Some(f) => match groups.iter_mut().find(|(g, _)| *g == f) {
                Some((_, v)) => v.push((name.as_str(), content.as_str())),
                None => groups.push((f, vec![(name.as_str(), content.as_str())])),
            },
            None => {
                // HTML keeps its markup's line facts: which lines are navigation, captions or links.
                let source = crate::input::read(name, None, content);
                if source.text.trim().is_empty() {
                    errors.push(format!("{name}: no text in this file."));
                } else if let Some(msg) = crate::session::too_long(name, source.text.len()) {
                    errors.push(msg);
                } else {
                    let (doc, cut) = NewDoc::annotated_bounded(&stem(name), name, source);
                    out.docs.push(doc);
                    errors.extend(cut);
                }
            }
        }
    }
    for (f, group) in groups {
        match formats::read_files(f, &group) {
            Ok(imp) if imp.documents.is_empty() => errors.push(format!("{}: no documents in this file.", group[0].0)),
            Ok(imp) => {
                if f == Format::Sift {
                    out.decisions.extend(sift_decisions(&group, out.docs.len()));
                }
                out.docs.extend(imp.documents.into_iter().map(NewDoc::from));
                for l in imp.labels {
                    if !out.labels.iter().any(|k| k.name == l.name && k.scope == l.scope) {
                        out.labels.push(l);
                    }
                }
                out.remarks.extend(imp.repairs.into_iter().chain(imp.losses));
            }
            Err(e) => errors.push(if group.len() == 1 { format!("{}: {e}", group[0].0) } else { e.to_string() }),
        }
    }
    (out, errors)
}
