//! What goes in and out of the app: opened files, exports. Each format is one function here so that the
//! `sift::formats` and `sift::input` modules can replace the stopgaps below without touching the components.

use serde_json::{json, Value};

use crate::annotation::BOILERPLATE;
use crate::{Document, Label, Status};

/// What an opened file holds.
pub struct Opened {
    /// Documents to add.
    pub docs: Vec<Document>,
    /// Labels the file defines.
    pub labels: Vec<Label>,
}

/// One export the menu offers. Issue 4 adds more (doccano, Label Studio, spaCy, brat, W3C, CoNLL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// `sift-annotations` JSON, every span with its review state.
    SiftJson,
    /// The text without boilerplate lines.
    CleanText,
}

impl Export {
    /// Every export, in menu order.
    pub const ALL: [Export; 2] = [Export::SiftJson, Export::CleanText];

    /// Menu text.
    pub fn title(self) -> &'static str {
        match self {
            Export::SiftJson => "sift-annotations JSON",
            Export::CleanText => "Clean text (boilerplate removed)",
        }
    }

    /// File extension and MIME type.
    pub fn file_type(self) -> (&'static str, &'static str) {
        match self {
            Export::SiftJson => ("json", "application/json"),
            Export::CleanText => ("txt", "text/plain;charset=utf-8"),
        }
    }

    /// Renders documents (all of them together when there are several).
    pub fn render(self, docs: &[Document], labels: &[Label]) -> String {
        match self {
            Export::SiftJson => sift_json(docs, labels),
            Export::CleanText => docs.iter().map(clean_text).collect::<Vec<_>>().join("\n\n"),
        }
    }
}

/// Writes `sift-annotations` v1. Spans carry their covered `text` for readers; the reader ignores it.
pub fn sift_json(docs: &[Document], labels: &[Label]) -> String {
    let documents: Vec<Value> = docs
        .iter()
        .map(|d| {
            let chars: Vec<(usize, char)> = d.text.char_indices().collect();
            let byte = |c: usize| chars.get(c).map_or(d.text.len(), |x| x.0);
            let spans: Vec<Value> = d
                .spans
                .iter()
                .map(|s| {
                    let mut v = serde_json::to_value(s).unwrap_or(Value::Null);
                    if let Value::Object(m) = &mut v {
                        m.insert("text".into(), Value::String(d.text[byte(s.start)..byte(s.end)].to_string()));
                    }
                    v
                })
                .collect();
            json!({ "id": d.id, "name": d.name, "text": d.text, "spans": spans })
        })
        .collect();
    let v = json!({ "format": "sift-annotations", "version": 1, "labels": labels, "documents": documents });
    serde_json::to_string_pretty(&v).unwrap_or_default()
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

/// Reads an opened or dropped file by its name. Text files become one document each, annotated at once.
pub fn open_file(name: &str, content: &str) -> Result<Opened, String> {
    let lower = name.to_lowercase();
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s).to_string();
    if lower.ends_with(".json") || lower.ends_with(".jsonl") {
        return import_json(content).map_err(|e| format!("{name}: {e}"));
    }
    let text = if lower.ends_with(".html") || lower.ends_with(".htm") { html_to_text(content) } else { content.to_string() };
    if text.trim().is_empty() {
        return Err(format!("{name}: no text in this file."));
    }
    let doc = super::state::document_from_text(&stem, Some(name.to_string()), text);
    Ok(Opened { docs: vec![doc], labels: Vec::new() })
}

/// Reads `sift-annotations` JSON (a whole file, one document, or JSON Lines of documents) and checks every span.
pub fn import_json(content: &str) -> Result<Opened, String> {
    let content = content.trim_start_matches('\u{feff}');
    let parsed: Result<Value, _> = serde_json::from_str(content);
    let values: Vec<Value> = match parsed {
        Ok(v) => vec![v],
        Err(whole) => {
            let mut vs = Vec::new();
            for (i, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                vs.push(serde_json::from_str(line).map_err(|e| {
                    if i == 0 {
                        format!("not JSON ({whole})")
                    } else {
                        format!("line {}: not JSON ({e})", i + 1)
                    }
                })?);
            }
            vs
        }
    };
    let mut out = Opened { docs: Vec::new(), labels: Vec::new() };
    for v in values {
        if let Some(fmt) = v.get("format").and_then(Value::as_str) {
            if fmt != "sift-annotations" {
                return Err(format!("format {fmt:?} is not sift-annotations"));
            }
            if let Some(l) = v.get("labels") {
                out.labels = serde_json::from_value(l.clone()).map_err(|e| format!("labels: {e}"))?;
            }
            let docs = v.get("documents").and_then(Value::as_array).ok_or("no \"documents\" list")?;
            for (i, d) in docs.iter().enumerate() {
                out.docs.push(document(d).map_err(|e| format!("document {}: {e}", i + 1))?);
            }
        } else if v.get("text").is_some() {
            out.docs.push(document(&v)?);
        } else {
            return Err("neither a sift-annotations file nor a document (no \"format\", no \"text\")".into());
        }
    }
    if out.docs.is_empty() {
        return Err("no documents in this file".into());
    }
    Ok(out)
}

fn document(v: &Value) -> Result<Document, String> {
    let mut v = v.clone();
    if let Value::Object(m) = &mut v {
        m.entry("id").or_insert_with(|| json!("doc"));
        if !m.contains_key("name") {
            let id = m.get("id").cloned().unwrap_or(json!("doc"));
            m.insert("name".into(), id);
        }
        m.entry("spans").or_insert_with(|| json!([]));
        if let Some(Value::Array(spans)) = m.get_mut("spans") {
            for (i, s) in spans.iter_mut().enumerate() {
                if let Value::Object(sm) = s {
                    if !sm.contains_key("id") {
                        let id = format!(
                            "{}:{}-{}#{i}",
                            sm.get("label").and_then(Value::as_str).unwrap_or("span"),
                            sm.get("start").and_then(Value::as_u64).unwrap_or(0),
                            sm.get("end").and_then(Value::as_u64).unwrap_or(0)
                        );
                        sm.insert("id".into(), json!(id));
                    }
                }
            }
        }
    }
    let d: Document = serde_json::from_value(v).map_err(|e| e.to_string())?;
    let n = d.text.chars().count();
    for s in &d.spans {
        if s.start >= s.end || s.end > n {
            return Err(format!("span {:?} has offsets {}..{} outside the text ({n} code points)", s.id, s.start, s.end));
        }
        if s.label.trim().is_empty() {
            return Err(format!("span {:?} has no label", s.id));
        }
    }
    let mut ids = std::collections::HashSet::new();
    for s in &d.spans {
        if !ids.insert(&s.id) {
            return Err(format!("two spans share the id {:?}", s.id));
        }
    }
    Ok(d)
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
