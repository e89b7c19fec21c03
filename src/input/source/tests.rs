use super::*;
use crate::annotation::{BOILERPLATE, NUMBER};

const PAGE: &str =
    "<nav><p>World news, analysis and opinion from our reporters across the globe, updated every hour.</p></nav>\
    <h1>Islamic State claims Moscow concert hall attack</h1>\
    <p>The Islamic State group has claimed responsibility for an attack on a suburban Moscow concert hall that killed \
    more than 130 people.</p>";
const SENTENCE: &str = "The attack on a suburban Moscow concert hall killed more than 130 people.";

#[test]
fn kind_media_first_then_extension_then_sniffing() {
    let table: &[(&str, Option<&str>, &str, Kind)] = &[
        ("story.txt", Some("text/html"), SENTENCE, Kind::Html),
        ("story.txt", Some("Text/HTML; charset=utf-8"), SENTENCE, Kind::Html),
        ("story", Some("application/xhtml+xml"), SENTENCE, Kind::Html),
        ("story.html", Some("text/plain"), PAGE, Kind::Text),
        ("story.htm", Some("text/markdown"), PAGE, Kind::Text),
        ("story.HTML", None, SENTENCE, Kind::Html),
        ("dir.v2/story.htm", None, SENTENCE, Kind::Html),
        ("story.xhtml", Some("application/octet-stream"), SENTENCE, Kind::Html),
        ("story.txt", None, PAGE, Kind::Html),
        ("stdin", Some(""), PAGE, Kind::Html),
        ("story.txt", None, SENTENCE, Kind::Text),
        ("html", None, SENTENCE, Kind::Text),
        ("notes.md", None, "Prices rose 3.2% in <b>March</b>, the agency said.", Kind::Text),
    ];
    for (name, media, content, want) in table {
        assert_eq!(kind_of(name, *media, content), *want, "{name:?} {media:?}");
    }
}

#[test]
fn read_gives_the_text_and_keeps_facts_only_for_html() {
    let bom = format!("\u{feff}{SENTENCE}");
    let bom_page = format!("\u{feff}{PAGE}");
    // (name, media, content, text starts with, has facts)
    let table: &[(&str, Option<&str>, &str, &str, bool)] = &[
        ("a.txt", None, SENTENCE, SENTENCE, false),
        ("a.txt", None, &bom, SENTENCE, false),
        ("a.html", None, PAGE, "World news, analysis", true),
        ("a", None, &bom_page, "World news, analysis", true),
        ("a.html", Some("text/plain"), PAGE, "<nav>", false),
    ];
    for (name, media, content, start, facts) in table {
        let s = read(name, *media, content);
        assert!(s.text.starts_with(start), "{name:?}: {:?}", s.text);
        assert!(!s.text.starts_with('\u{feff}'), "the byte-order mark is dropped");
        assert_eq!(s.lines.is_some(), *facts, "{name:?}");
        assert_eq!(s.markup.is_some(), *facts, "markup kept exactly when facts are: {name:?}");
        if let Some(lines) = &s.lines {
            assert_eq!(lines.len(), crate::text::lines(&s.text).len(), "one fact per line");
        }
    }
}

#[test]
fn html_facts_reach_the_boilerplate_layer() {
    // The menu line reads like prose; only the <nav> around it says it is chrome.
    let from_html = read("page.html", None, PAGE);
    let as_text = Source::plain(from_html.text.clone());
    let chrome = |s: &Source| s.analyze(Layers::ALL).into_iter().filter(|x| x.label == BOILERPLATE).count();
    assert_eq!(chrome(&from_html), 1);
    assert_eq!(chrome(&as_text), 0, "without the markup the menu line is prose");
    let doc = from_html.annotate("p1", "page.html", Layers::ALL);
    assert_eq!((doc.id.as_str(), doc.name.as_str(), doc.text.as_str()), ("p1", "page.html", from_html.text.as_str()));
    let n = doc.spans.iter().find(|x| x.label == NUMBER).expect("a number span");
    assert_eq!(crate::text::slice_chars(&doc.text, n.start, n.end), Some("more than 130"));
}

#[test]
fn rebuild_gives_the_same_facts_as_read() {
    let first = read("page.html", None, PAGE);
    let again = Source::rebuild(first.text.clone(), first.markup.clone());
    assert_eq!(again, first);
    assert_eq!(again.analyze(Layers::ALL), first.analyze(Layers::ALL), "the same suggestions after a reload");
    // An edited text no longer renders from its markup: its lines take the facts of the markup's lines they
    // align with; facts for a text the markup does not describe at all are none.
    let edited = Source::rebuild(first.text.replace("World news", "World  news"), first.markup.clone());
    assert_eq!(edited.lines.as_ref().map(|l| l[0].chrome), Some(Some("nav")), "the menu line still aligns");
    let other = Source::rebuild("Nothing like the page at all, officials said.".into(), first.markup.clone());
    assert_eq!((other.lines, other.markup), (None, None));
    assert_eq!(Source::rebuild(SENTENCE.into(), None), Source::plain(SENTENCE));
}

#[test]
fn bytes_that_are_not_text_are_refused_with_a_kind() {
    let table: &[(&[u8], ErrorKind, &str)] = &[
        (b"Prices rose \xff3.2%", ErrorKind::Encoding, "offset 12"),
        (b"\xff\xfeP\0r\0", ErrorKind::Encoding, "UTF-16"),
        (b"PK\x03\x04\0\0\x08\0", ErrorKind::Binary, "binary"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", ErrorKind::Binary, "offset 8"),
    ];
    for (bytes, kind, says) in table {
        let e = read_bytes("upload.txt", None, bytes).unwrap_err();
        assert_eq!(e.kind(), *kind, "{e}");
        assert!(e.to_string().starts_with("upload.txt: ") && e.to_string().contains(says), "{e}");
    }
    let ok = read_bytes("a.txt", None, format!("\u{feff}{SENTENCE}").as_bytes()).unwrap();
    assert_eq!(ok.text, SENTENCE);
    assert_eq!(decode("a.ann", "\u{feff}T1".as_bytes()).unwrap(), "\u{feff}T1", "decode keeps the BOM");
}

#[test]
fn paste_prefers_the_plain_text_as_copied() {
    let plain = "Islamic State claims Moscow concert hall attack\r\n\r\nMore than 130 people died.";
    let html = "<h1>Islamic State claims Moscow concert hall attack</h1><p>More than 130 people died.</p>";
    // (plain, html, text, has facts)
    let table: &[(&str, Option<&str>, &str, bool)] = &[
        (plain, Some(html), plain, true),
        (plain, None, plain, false),
        ("  \n", Some(html), "Islamic State claims Moscow concert hall attack\n\nMore than 130 people died.", true),
        ("", None, "", false),
    ];
    for (p, h, text, facts) in table {
        let s = paste(p, *h);
        assert_eq!(s.text, *text, "{p:?}");
        assert_eq!(s.lines.is_some(), *facts, "{p:?}");
    }
    // The plain text as copied stays the document; the HTML's facts are mapped onto its lines.
    let s = paste(plain, Some(html));
    assert_eq!(s.lines.as_ref().unwrap()[0].heading, Some(1), "the headline line knows it is a heading");
    assert!(paste("Unrelated words only.", Some(html)).lines.is_none(), "nothing aligns: plain text");
}

#[test]
fn records_take_text_or_html_and_an_id() {
    let obj = |v: Value| v.as_object().unwrap().clone();
    let ok: &[(Value, &str, &str, bool)] = &[
        (serde_json::json!({"id": "a1", "text": SENTENCE}), "a1", SENTENCE, false),
        (serde_json::json!({"id": 42, "text": SENTENCE}), "42", SENTENCE, false),
        (serde_json::json!({"text": SENTENCE}), "7", SENTENCE, false),
        (serde_json::json!({"id": null, "html": PAGE}), "7", "World news", true),
        (serde_json::json!({"text": SENTENCE, "html": PAGE}), "7", SENTENCE, false),
    ];
    for (v, id, start, facts) in ok {
        let (got, s) = record(&obj(v.clone()), 7).unwrap();
        assert_eq!(got, *id, "{v}");
        assert!(s.text.starts_with(start), "{v}");
        assert_eq!(s.lines.is_some(), *facts, "{v}");
    }
    let bad: &[(Value, &str)] = &[
        (serde_json::json!({"id": [1], "text": SENTENCE}), "\"id\" must be a string or number, found an array"),
        (serde_json::json!({"text": 5}), "\"text\" must be a string, found a number"),
        (serde_json::json!({"html": {"p": 1}}), "\"html\" must be a string, found an object"),
        (serde_json::json!({"id": "x"}), "missing \"text\""),
    ];
    for (v, says) in bad {
        let e = record(&obj(v.clone()), 1).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Invalid, "{v}");
        assert!(e.to_string().contains(says), "{v}: {e}");
    }
}
