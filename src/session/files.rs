//! What goes in and out of the app: opened files (read together, so a brat `.ann` meets its `.txt`) and the
//! export menu's files, through `sift::formats` and `sift::input`.

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

    /// Whether this export is the app's own complete record, which always keeps every span with its review
    /// status (an "accepted only" choice is for the other formats' training data, never for the backup).
    pub fn keeps_everything(self) -> bool {
        matches!(self, Export::Format(Format::Sift | Format::SiftJsonl))
    }

    /// Whether the "accepted only" choice shapes this export: the formats that carry spans, but not the app's
    /// own record ([`Export::keeps_everything`]) nor the clean text, which has none.
    pub fn takes_review_choice(self) -> bool {
        matches!(self, Export::Format(_)) && !self.keeps_everything()
    }

    /// Renders documents as one file `(name, MIME type, content)` and what to tell the user (what an
    /// accepted-only export left out, what the format could not carry); `stem` names it. Formats that write
    /// several files (brat, W3C) come as one zip archive of them. `decisions` (on the comparison of `docs`) go
    /// into the sift JSON export.
    pub fn render(
        self,
        stem: &str,
        docs: &[Document],
        labels: &[Label],
        decisions: &[crate::compare::Decision],
        options: &formats::WriteOptions,
    ) -> Result<(File, Option<String>), crate::Error> {
        let mut options = options.clone();
        options.accepted_only &= self.takes_review_choice();
        let (file, losses) = self.file(stem, docs, labels, decisions, &options)?;
        let mut notes: Vec<String> = Vec::new();
        if options.accepted_only {
            notes.extend(left_out(docs));
        }
        if !losses.is_empty() {
            notes.push(format!("{} cannot carry everything: {}", self.title(), losses.join("; ")));
        }
        Ok((file, (!notes.is_empty()).then(|| notes.join(" "))))
    }

    /// The file of [`Export::render`] and what the format could not carry.
    fn file(
        self,
        stem: &str,
        docs: &[Document],
        labels: &[Label],
        decisions: &[crate::compare::Decision],
        options: &formats::WriteOptions,
    ) -> Result<(File, Vec<String>), crate::Error> {
        match self {
            Export::Format(Format::Sift) if !decisions.is_empty() => {
                let c = crate::compare::Comparisons::new(decisions.to_vec());
                let body = formats::sift::write_json_with(docs, labels, Some(&c));
                Ok(((format!("{stem}.json"), "application/json", body.into_bytes()), Vec::new()))
            }
            Export::CleanText => {
                let text = docs.iter().map(formats::clean_text).collect::<Vec<_>>().join("\n\n");
                Ok(((format!("{stem}-clean.txt"), "text/plain;charset=utf-8", text.into_bytes()), Vec::new()))
            }
            Export::Format(f) => {
                let mut out = formats::write_with(f, docs, labels, options);
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

/// A document name without its extension, safe to download as: what an export of it is called.
pub fn download_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let clean: String =
        stem.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    let clean = clean.trim_matches('_').chars().take(60).collect::<String>();
    if clean.is_empty() {
        "document".into()
    } else {
        clean
    }
}

/// What an accepted-only export of `docs` leaves out, for the user to read: `None` when every span is accepted.
fn left_out(docs: &[Document]) -> Option<String> {
    let count = |st: crate::Status| docs.iter().flat_map(|d| &d.spans).filter(|s| s.status == st).count();
    let (open, rejected) = (count(crate::Status::Suggested), count(crate::Status::Rejected));
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (open, rejected) {
        (0, 0) => None,
        (o, 0) => {
            Some(format!("Accepted only: {} left out.", plural(o, "unreviewed suggestion", "unreviewed suggestions")))
        }
        (0, r) => Some(format!("Accepted only: {} left out.", plural(r, "rejected span", "rejected spans"))),
        (o, r) => Some(format!(
            "Accepted only: {} and {} left out.",
            plural(o, "unreviewed suggestion", "unreviewed suggestions"),
            plural(r, "rejected span", "rejected spans")
        )),
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
/// each, annotated at once by the `detectors` that are on; annotation files are read in the format [`Format::detect`] finds, files of one format
/// together (so a brat `.ann` meets its `.txt`). Returns what was read and one message per file that was not.
pub fn open_files(files: &[(String, String)], detectors: super::Detectors) -> (Opened, Vec<String>) {
    let mut out = Opened { docs: Vec::new(), labels: Vec::new(), remarks: Vec::new(), decisions: Vec::new() };
    let mut errors = Vec::new();
    let ext = |n: &str| n.rsplit_once('.').map_or(String::new(), |(_, e)| e.to_ascii_lowercase());
    let stem = |n: &str| n.rsplit_once('.').map_or(n.to_string(), |(s, _)| s.to_string());
    let ann_stems: Vec<String> = files.iter().filter(|(n, _)| ext(n) == "ann").map(|(n, _)| stem(n)).collect();
    let text_like = |n: &str| matches!(ext(n).as_str(), "txt" | "md" | "markdown" | "html" | "htm" | "");
    // What each annotation file looks like, found once: the W3C ones are needed before the loop.
    let detected: Vec<Option<Format>> =
        files.iter().map(|(n, c)| if text_like(n) { None } else { Format::detect(n, c) }).collect();
    // W3C annotations name the text files they point into (`target.source`): those texts are read with them,
    // not annotated afresh, in whatever order the files come.
    let w3c: Vec<&str> =
        files.iter().zip(&detected).filter(|(_, f)| **f == Some(Format::W3c)).map(|((_, c), _)| c.as_str()).collect();
    let named_by_w3c = |name: &str| w3c.iter().any(|c| c.contains(&format!("{name}\"")));
    let mut groups: Vec<(Format, Vec<(&str, &str)>)> = Vec::new();
    for ((name, content), detected) in files.iter().zip(detected) {
        if content.contains('\0') {
            errors.push(format!("{name}: this looks like a binary file, not text."));
            continue;
        }
        let e = ext(name);
        let format = if e == "txt" && ann_stems.contains(&stem(name)) {
            Some(Format::Brat)
        } else if e == "txt" && named_by_w3c(name) {
            Some(Format::W3c)
        } else if text_like(name) {
            None
        } else {
            match detected {
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
                    let (doc, cut) = NewDoc::annotated_bounded(&stem(name), name, source, detectors);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Layers, Status};

    /// Two corpus articles, annotated, with their first spans reviewed: one accepted, one rejected.
    fn reviewed() -> Vec<Document> {
        ["000_266354f2ac06ead1.txt", "003_a7fab11564c02453.txt"]
            .iter()
            .map(|n| {
                let text = std::fs::read_to_string(format!("tests/data/corpus/{n}")).unwrap();
                let mut d = crate::annotate(n.trim_end_matches(".txt"), n, &text, Layers::ALL);
                d.spans[0].status = Status::Accepted;
                d.spans[1].status = Status::Rejected;
                d
            })
            .collect()
    }

    fn zip_files(bytes: &[u8]) -> Vec<(String, String)> {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..z.len())
            .map(|i| {
                let mut f = z.by_index(i).unwrap();
                let mut s = String::new();
                f.read_to_string(&mut s).unwrap();
                (f.name().to_string(), s)
            })
            .collect()
    }

    #[test]
    fn a_w3c_export_opens_again_with_its_texts_in_any_order_and_keeps_every_decision() {
        let docs = reviewed();
        let options = formats::WriteOptions::default();
        let ((name, _, bytes), _) =
            Export::Format(Format::W3c).render("sift-all", &docs, &Label::builtin(), &[], &options).unwrap();
        assert!(name.ends_with(".zip"), "{name}");
        let mut files = zip_files(&bytes);
        assert_eq!(files.len(), 3, "the annotations and two texts");
        for _ in 0..files.len() {
            files.rotate_left(1);
            let (opened, errors) = open_files(&files, crate::session::Detectors::ALL);
            assert_eq!(errors, Vec::<String>::new());
            assert_eq!(opened.docs.len(), 2, "two documents, not the texts annotated afresh");
            for d in &opened.docs {
                let want = docs.iter().find(|w| w.text == d.doc.text).expect("the same texts");
                let kept =
                    |st: Status| want.spans.iter().filter(|s| s.status != Status::Rejected && s.status == st).count();
                let got = |st: Status| d.doc.spans.iter().filter(|s| s.status == st).count();
                // W3C reads automatic marks back as suggested; the accepted one was written as the user's.
                assert_eq!(d.doc.spans.len(), want.spans.len() - 1, "every span but the rejected one");
                assert_eq!(
                    got(Status::Suggested) + got(Status::Accepted),
                    kept(Status::Suggested) + kept(Status::Accepted)
                );
            }
        }
        // A text the annotations do not name is still a new document.
        files.push(("notes.txt".into(), "At least 40 people were hurt, officials said.".into()));
        let (opened, _) = open_files(&files, crate::session::Detectors::ALL);
        assert_eq!(opened.docs.len(), 3);
        assert!(opened.docs[2].doc.spans.iter().any(|s| s.label == "number"), "annotated on open");
    }

    #[test]
    fn accepted_only_applies_to_training_formats_never_to_the_apps_own_record() {
        let docs = reviewed();
        let options = formats::WriteOptions::default().accepted();
        let total: usize = docs.iter().map(|d| d.spans.len()).sum();
        // (export, spans read back)
        let table: &[(Export, usize)] = &[(Export::Format(Format::Doccano), 2), (Export::Format(Format::Sift), total)];
        for (export, want) in table {
            let ((_, _, bytes), notice) = export.render("x", &docs, &Label::builtin(), &[], &options).unwrap();
            let Export::Format(f) = export else { unreachable!() };
            let told = notice.is_some_and(|n| n.starts_with("Accepted only:"));
            assert_eq!(told, *f == Format::Doccano, "{export:?}: the user hears what was left out");
            let back = formats::read(*f, std::str::from_utf8(&bytes).unwrap()).unwrap();
            let spans: usize = back.documents.iter().map(|d| d.spans.len()).sum();
            assert_eq!(spans, *want, "{export:?}");
        }
        let msg = left_out(&docs).unwrap();
        let open = total - 4;
        assert_eq!(msg, format!("Accepted only: {open} unreviewed suggestions and 2 rejected spans left out."));
        let accepted: Vec<Document> = docs.iter().map(Document::accepted).collect();
        assert_eq!(left_out(&accepted), None);
    }

    #[test]
    fn download_names_are_safe_and_readable() {
        let table = [
            ("Moscow attack.txt", "Moscow_attack"),
            ("../../etc/passwd", "passwd"),
            ("<script>.html", "script"),
            ("...", "document"),
            ("Крокус Сити Холл.md", "Крокус_Сити_Холл"),
        ];
        for (name, want) in table {
            assert_eq!(download_stem(name), want, "{name}");
        }
        assert_eq!(download_stem(&"a".repeat(500)).chars().count(), 60);
    }
}
