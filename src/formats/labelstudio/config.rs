//! The labelling config (`config.xml`) beside Label Studio tasks: which labels exist, with their colours and keys.
//!
//! Span labels are `<Label>`s of a `<Labels>` tag (`background`, `hotkey`), relation types `<Relation>`s of the
//! `<Relations>` tag (`background`), and document labels the `<Choice>`s of a `<Choices>` tag that is not
//! `perRegion` (`hotkey`; an `alias` is what results carry, so it is the name). Per-region `<Choices>`,
//! `<Number>` and `<TextArea>` tags are span attributes and sift's own span fields.

use super::{Tags, CATEGORY_TAG, LABELS_TAG};
use crate::annotation::{Document, Label, Scope};
use crate::formats::common::Labels;

/// Labels with colours and keys from a labelling config, in the config's order.
pub(crate) fn read(xml: &str) -> Vec<Label> {
    let tag = regex::Regex::new(r"<(/?)(Labels|Label|Relation|Choices|Choice)\b([^>]*)>").expect("valid regex");
    let attr = regex::Regex::new(r#"([A-Za-z_]+)\s*=\s*"([^"]*)""#).expect("valid regex");
    let mut labels = Labels::empty();
    // Whether the `<Choices>` being read holds document labels (it is not per region).
    let mut document_choices = false;
    // Whether that `<Choices>` is single-choice (`choice="single"`, or a radio layout).
    let mut single = false;
    for t in tag.captures_iter(xml) {
        let (closing, name) = (!t[1].is_empty(), &t[2]);
        if name == "Choices" {
            let per_region = attr.captures_iter(&t[3]).any(|a| &a[1] == "perRegion" && &a[2] == "true");
            document_choices = !closing && !per_region && !t[3].trim_end().ends_with('/');
            single = attr.captures_iter(&t[3]).any(|a| &a[1] == "choice" && matches!(&a[2], "single" | "single-radio"));
            continue;
        }
        if closing || name == "Labels" {
            continue;
        }
        let scope = match name {
            "Label" => Scope::Span,
            "Relation" => Scope::Relation,
            _ if document_choices => Scope::Document,
            _ => continue,
        };
        let (mut value, mut alias, mut color, mut key) = (None, None, None, None);
        for a in attr.captures_iter(&t[3]) {
            let v = unescape(&a[2]);
            match &a[1] {
                "value" => value = Some(v),
                "alias" => alias = Some(v),
                "background" => color = Some(v),
                "hotkey" => key = Some(v),
                _ => {}
            }
        }
        // A choice's alias replaces its value in results; a label's alias is only shown.
        let value = if scope == Scope::Document { alias.or(value) } else { value };
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            labels.style(scope, &v, color.as_deref(), key.as_deref());
            if scope == Scope::Document && single {
                labels.list.iter_mut().filter(|l| l.name == v && l.scope == scope).for_each(|l| l.single = true);
            }
        }
    }
    labels.list
}

/// A labelling config for the written tasks: every label the tasks can carry, with colours and keys (labels used
/// but not declared get grey), and the per-region tags in `tags`.
pub(crate) fn write(labels: &[Label], docs: &[Document], tags: &Tags) -> String {
    let mut all: Vec<Label> = labels.to_vec();
    let mut add = |scope: Scope, name: &str| {
        if !all.iter().any(|l| l.scope == scope && l.name == name) {
            all.push(Label::scoped(scope, name, "#666666"));
        }
    };
    for d in docs {
        d.spans.iter().for_each(|s| add(Scope::Span, &s.label));
        d.relations.iter().for_each(|r| add(Scope::Relation, &r.label));
        d.categories.iter().for_each(|c| add(Scope::Document, &c.label));
    }
    let of = |scope: Scope| all.iter().filter(move |l| l.scope == scope);
    let mut x = format!("<View>\n  <Labels name=\"{LABELS_TAG}\" toName=\"text\">\n");
    for l in of(Scope::Span) {
        x.push_str(&format!(
            "    <Label value=\"{}\" background=\"{}\"{}/>\n",
            escape(&l.name),
            escape(&l.color),
            hotkey(l)
        ));
    }
    x.push_str("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n");
    if of(Scope::Relation).next().is_some() {
        x.push_str("  <Relations>\n");
        for l in of(Scope::Relation) {
            x.push_str(&format!("    <Relation value=\"{}\" background=\"{}\"/>\n", escape(&l.name), escape(&l.color)));
        }
        x.push_str("  </Relations>\n");
    }
    if of(Scope::Document).next().is_some() {
        // Label Studio has one mode a <Choices>: single when the whole set is single-choice.
        let mode = if of(Scope::Document).all(|l| l.single) { "single" } else { "multiple" };
        x.push_str(&format!("  <Choices name=\"{CATEGORY_TAG}\" toName=\"text\" choice=\"{mode}\">\n"));
        for l in of(Scope::Document) {
            x.push_str(&format!("    <Choice value=\"{}\"{}/>\n", escape(&l.name), hotkey(l)));
        }
        x.push_str("  </Choices>\n");
    }
    x.push_str("  <TextArea name=\"why\" toName=\"text\" perRegion=\"true\" editable=\"true\"/>\n");
    for (k, (ty, values)) in tags {
        if *ty == "number" {
            x.push_str(&format!("  <Number name=\"{}\" toName=\"text\" perRegion=\"true\"/>\n", escape(k)));
            continue;
        }
        x.push_str(&format!("  <Choices name=\"{}\" toName=\"text\" perRegion=\"true\">\n", escape(k)));
        for v in values {
            x.push_str(&format!("    <Choice value=\"{}\"/>\n", escape(v)));
        }
        x.push_str("  </Choices>\n");
    }
    x.push_str("</View>\n");
    x
}

fn hotkey(l: &Label) -> String {
    l.key.as_ref().map(|k| format!(" hotkey=\"{}\"", escape(k))).unwrap_or_default()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&amp;", "&")
}
