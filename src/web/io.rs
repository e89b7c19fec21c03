//! What goes in and out of the app: opened files, exports. Each format is one function here so that the
//! `sift::input` module can replace the HTML stopgap below without touching the components.

use crate::annotation::BOILERPLATE;
use crate::formats::{self, Format};
use crate::{Document, Label, Status};

/// What an opened file holds.
pub struct Opened {
    /// Documents to add.
    pub docs: Vec<Document>,
    /// Labels the file defines.
    pub labels: Vec<Label>,
    /// What was repaired or could not be kept, for the user to read.
    pub remarks: Vec<String>,
}

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

    /// Renders documents as `(file name, MIME type, content)`; `stem` names single-file exports.
    pub fn render(self, stem: &str, docs: &[Document], labels: &[Label]) -> (Vec<(String, &'static str, String)>, Vec<String>) {
        match self {
            Export::CleanText => {
                let text = docs.iter().map(clean_text).collect::<Vec<_>>().join("\n\n");
                (vec![(format!("{stem}.txt"), "text/plain;charset=utf-8", text)], Vec::new())
            }
            Export::Format(f) => {
                let out = formats::write(f, docs, labels);
                let mime = if f.extension().starts_with("json") { "application/json" } else { "text/plain;charset=utf-8" };
                let files = if out.files.len() == 1 {
                    out.files.into_iter().map(|(_, c)| (format!("{stem}.{}", f.extension()), mime, c)).collect()
                } else {
                    out.files.into_iter().map(|(n, c)| (n, mime, c)).collect()
                };
                (files, out.losses)
            }
        }
    }
}

/// The text with boilerplate lines (non-rejected boilerplate spans) removed and runs of blank lines collapsed.
pub fn clean_text(doc: &Document) -> String {
    let mut cut: Vec<(usize, usize)> = doc
        .spans
        .iter()
        .filter(|s| s.label == BOILERPLATE && s.status != Status::Rejected)
        .map(|s| (s.start, s.end))
        .collect();
    cut.sort();
    let mut out = String::with_capacity(doc.text.len());
    let mut k = 0;
    for (c, ch) in doc.text.chars().enumerate() {
        while k < cut.len() && cut[k].1 <= c {
            k += 1;
        }
        let inside = k < cut.len() && cut[k].0 <= c && c < cut[k].1;
        if !inside {
            out.push(ch);
        }
    }
    let mut lines: Vec<&str> = Vec::new();
    for line in out.lines() {
        let blank = line.trim().is_empty();
        if blank && lines.last().is_none_or(|l| l.trim().is_empty()) {
            continue;
        }
        lines.push(if blank { "" } else { line.trim_end() });
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

/// Reads an opened or dropped file by its name. Text files become one document each, annotated at once;
/// `.json` / `.jsonl` are read as `sift-annotations`.
pub fn open_file(name: &str, content: &str) -> Result<Opened, String> {
    let lower = name.to_lowercase();
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s).to_string();
    let format = if lower.ends_with(".jsonl") {
        Some(Format::SiftJsonl)
    } else if lower.ends_with(".json") {
        Some(Format::Sift)
    } else {
        None
    };
    if let Some(f) = format {
        let imp = formats::read(f, content).map_err(|e| format!("{name}: {e}"))?;
        if imp.documents.is_empty() {
            return Err(format!("{name}: no documents in this file."));
        }
        let remarks = imp.repairs.into_iter().chain(imp.losses).map(|r| format!("{name}: {r}")).collect();
        return Ok(Opened { docs: imp.documents, labels: imp.labels, remarks });
    }
    if content.contains('\0') {
        return Err(format!("{name}: this looks like a binary file, not text."));
    }
    let text = if lower.ends_with(".html") || lower.ends_with(".htm") { html_to_text(content) } else { content.to_string() };
    if text.trim().is_empty() {
        return Err(format!("{name}: no text in this file."));
    }
    let doc = super::state::document_from_text(&stem, Some(name.to_string()), text);
    Ok(Opened { docs: vec![doc], labels: Vec::new(), remarks: Vec::new() })
}

/// The visible text of an HTML page: no markup, no scripts or styles, block elements on their own lines,
/// entities decoded. A stopgap until `sift::input` lands; it never builds DOM from the input.
pub fn html_to_text(html: &str) -> String {
    const SKIP: [&str; 7] = ["script", "style", "noscript", "template", "head", "svg", "iframe"];
    const BLOCK: [&str; 24] = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "header", "footer", "nav", "aside", "blockquote", "pre", "figure", "figcaption",
    ];
    let mut out = String::new();
    let mut rest = html;
    let mut skip_until: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        if skip_until.is_none() {
            out.push_str(&decode_entities(&rest[..lt]));
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(until) = &skip_until {
            if closing && *until == name {
                skip_until = None;
            }
            continue;
        }
        if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
            skip_until = Some(name);
            continue;
        }
        if BLOCK.contains(&name.as_str()) {
            out.push('\n');
            if matches!(name.as_str(), "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote") {
                out.push('\n');
            }
        }
    }
    if skip_until.is_none() {
        out.push_str(&decode_entities(rest));
    }
    // Collapse spaces within lines and runs of blank lines.
    let mut lines: Vec<String> = Vec::new();
    for line in out.lines() {
        let l = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if l.is_empty() && lines.last().is_none_or(|p| p.is_empty()) {
            continue;
        }
        lines.push(l);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "rdquo" => Some('”'),
                "ldquo" => Some('“'),
                "hellip" => Some('…'),
                _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                    u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32)
                }
                _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
