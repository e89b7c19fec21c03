//! Properties on generated input: every reader on arbitrary and mutated files of its own syntax, HTML input, the
//! JSONL stream, the analysis and the comparison never panic, and what they give is well formed (offsets in range
//! and on grapheme boundaries, spans sorted, one output line per input line, quotes that are the text at their
//! offsets). Export -> import losslessness is in tests/formats_roundtrip.rs. Case counts are kept small so the
//! suite stays fast on two cores.

use proptest::prelude::*;
use sift::formats::{read, read_files, write, Format};
use sift::{Document, Import, Label, Layers, OffsetMap};

/// Pieces news text is made of, with the hard cases: emoji sequences, flags, combining marks, CJK, CR, CRLF,
/// NBSP, quotes, numbers and markup-like characters.
const PIECES: &[&str] = &[
    "At least ",
    "115",
    " people",
    " were killed",
    ", officials said",
    ". ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "on 22 March",
    " $1.2 billion",
    " 40%",
    "the 3rd",
    " “We will win,” he said.",
    " Read also: ",
    "\u{1F468}\u{200D}\u{1F469}",
    "\u{1F1FA}\u{1F1E6}",
    "e\u{301}",
    "\u{301}",
    "\u{83AB}\u{65AF}\u{79D1}",
    "\u{a0}",
    "\t",
    "<b>",
    "\"",
    "\\",
    "1️⃣",
    "\u{feff}",
    "x",
    " ",
];

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

/// Offsets in range and on grapheme boundaries, for every document of an import.
fn well_formed(imp: &Import) -> Result<(), TestCaseError> {
    for d in &imp.documents {
        let map = OffsetMap::new(&d.text);
        for s in &d.spans {
            prop_assert!(s.start <= s.end && s.end <= map.len_chars(), "{s:?} in {:?}", d.text);
            prop_assert!(map.is_grapheme_boundary(s.start) && map.is_grapheme_boundary(s.end), "{s:?} in {:?}", d.text);
        }
    }
    Ok(())
}

fn read_any(f: Format, files: &[(String, String)]) -> Result<Import, sift::Error> {
    if f.needs_several_files() {
        let refs: Vec<(&str, &str)> = files.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
        read_files(f, &refs)
    } else {
        read(f, &files[0].1)
    }
}

/// The formats that read their own output.
fn readers() -> Vec<Format> {
    Format::ALL.iter().copied().filter(|f| f.is_readable() && *f != Format::Text).collect()
}

/// A byte-level edit of a file, kept valid UTF-8 (the readers take text): delete, insert or replace a char.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Insert(usize, char),
    Replace(usize, char),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let ch = prop_oneof![
        prop::sample::select(vec![
            '"', '{', '}', '[', ']', ',', ':', '\t', '\n', ' ', '-', '0', '9', 'T', 'B', '#', '€'
        ]),
        any::<char>(),
    ];
    let edit = prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), ch.clone()).prop_map(|(i, c)| Edit::Insert(i, c)),
        (any::<usize>(), ch).prop_map(|(i, c)| Edit::Replace(i, c)),
    ];
    prop::collection::vec(edit, 1..6)
}

fn mutate(s: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for e in edits {
        let n = chars.len().max(1);
        match *e {
            Edit::Delete(i) if !chars.is_empty() => {
                chars.remove(i % n);
            }
            Edit::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
            Edit::Replace(i, c) if !chars.is_empty() => chars[i % n] = c,
            _ => {}
        }
    }
    chars.into_iter().collect()
}

fn annotated(text: &str) -> Document {
    sift::annotate("d1", "d1.txt", text, Layers::ALL)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_comparison_never_panics_and_points_at_what_it_quotes(texts in prop::collection::vec(news_text(), 0..4)) {
        let docs: Vec<Document> = texts.iter().map(|t| sift::annotate("d", "d", t, Layers::ALL)).collect();
        let arts: Vec<sift::compare::Article> = docs
            .iter()
            .map(|d| sift::compare::Article { name: &d.name, text: &d.text, spans: &d.spans, date: None })
            .collect();
        let c = sift::compare::compare(&arts, &sift::compare::Options::default());
        let quotes = |doc: usize, start: usize, end: usize, text: &str| {
            sift::text::slice_chars(&docs[doc].text, start, end) == Some(text)
        };
        for g in &c.figures {
            prop_assert!(!g.cells.is_empty() && g.docs.iter().all(|&d| d < docs.len()));
            for x in &g.cells {
                prop_assert!(quotes(x.doc, x.start, x.end, &x.text), "{:?}", x.text);
                prop_assert!(quotes(x.doc, x.sentence.start, x.sentence.end, &x.sentence.text));
            }
        }
        for p in &c.passages {
            prop_assert!(p.a.doc < p.b.doc && (0.0..=1.0).contains(&p.similarity));
            for side in [&p.a, &p.b] {
                prop_assert!(quotes(side.doc, side.excerpt.start, side.excerpt.end, &side.excerpt.text));
            }
        }
        for r in &c.sources {
            for d in &r.docs {
                prop_assert!(d.claims.iter().all(|x| quotes(d.doc, x.claim.start, x.claim.end, &x.claim.text)));
            }
        }
    }

    #[test]
    fn the_analysis_gives_sorted_spans_in_range_on_grapheme_boundaries(text in news_text()) {
        let spans = sift::analyze(&text, Layers::ALL);
        let map = OffsetMap::new(&text);
        for w in spans.windows(2) {
            prop_assert!((w[0].start, w[0].end) <= (w[1].start, w[1].end), "sorted: {w:?}");
        }
        for s in &spans {
            prop_assert!(s.start < s.end && s.end <= map.len_chars(), "{s:?}");
            prop_assert!(map.is_grapheme_boundary(s.start) && map.is_grapheme_boundary(s.end), "{s:?} in {text:?}");
            prop_assert!(s.rule.is_some() && s.why.as_deref().is_some_and(|w| !w.is_empty()));
        }
    }

    #[test]
    fn every_reader_reads_its_own_export_well_formed(text in news_text()) {
        let doc = annotated(&text);
        for f in readers() {
            let out = write(f, std::slice::from_ref(&doc), &Label::builtin());
            let back = read_any(f, &out.files).map_err(|e| TestCaseError::fail(format!("{f:?}: {e}")))?;
            well_formed(&back)?;
        }
    }

    #[test]
    fn mutated_files_never_panic_a_reader(text in news_text(), edits in edits()) {
        let doc = annotated(&text);
        for f in readers() {
            let mut files = write(f, std::slice::from_ref(&doc), &Label::builtin()).files;
            // Mutate one file of the export (brat: the .ann; W3C: the annotations), keep the others.
            let k = files.iter().position(|(n, _)| n.ends_with(".ann")).unwrap_or(0);
            files[k].1 = mutate(&files[k].1, &edits);
            if let Ok(imp) = read_any(f, &files) {
                well_formed(&imp)?;
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics_a_reader(junk in "\\PC{0,200}") {
        for f in readers() {
            let files = vec![("a.ann".to_string(), junk.clone()), ("a.txt".to_string(), junk.clone())];
            if let Ok(imp) = read_any(f, &files) {
                well_formed(&imp)?;
            }
        }
    }

    #[test]
    fn html_input_never_panics_and_gives_one_fact_per_line(
        parts in prop::collection::vec(prop_oneof![
            prop::sample::select(vec![
                "<div>", "</div>", "<div/>", "<p>", "</p>", "<br>", "<li>", "<table><td>", "<svg>", "</svg>", "<script>",
                "</script>", "<!--", "-->", "<a href='>'>", "</a>", "<center>", "<pre>", "</pre>", "&amp;", "&#xD800;",
                "<h1>", "</h1>", "<nav>", "</nav>", "<", ">", "/", "\"",
            ]).prop_map(str::to_string),
            news_text(),
        ], 0..30)
    ) {
        let html = parts.concat();
        let v = sift::html_to_text(&html);
        prop_assert_eq!(v.text.split('\n').count(), v.lines.len().max(1), "{:?}", html);
        let doc = sift::annotate_html("h", "h.html", &html, Layers::ALL);
        let map = OffsetMap::new(&doc.text);
        prop_assert!(doc.spans.iter().all(|s| s.end <= map.len_chars() && map.is_grapheme_boundary(s.start)));
    }

    #[test]
    fn the_jsonl_stream_gives_one_line_per_input_line_in_order(
        lines in prop::collection::vec(prop_oneof![
            news_text().prop_map(|t| serde_json::json!({"text": t}).to_string()),
            news_text().prop_map(|t| serde_json::json!({"html": format!("<p>{t}</p>")}).to_string()),
            "\\PC{0,30}".prop_filter("not blank", |s| !s.trim().is_empty() && !s.contains(['\n', '\r'])),
        ], 0..12)
    ) {
        let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
        let mut out = Vec::new();
        let summary = sift::batch::annotate_jsonl(input.as_bytes(), &mut out, Layers::ALL).unwrap();
        let out = String::from_utf8(out).unwrap();
        let got: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        prop_assert_eq!(got.len(), lines.len());
        prop_assert_eq!(summary.documents + summary.errors, lines.len());
        for (i, g) in got.iter().enumerate() {
            // A record line's id defaults to its line number; an error line names it.
            let n = (i + 1).to_string();
            prop_assert!(g["id"] == n.as_str() || g["line"] == i + 1, "line {}: {}", i + 1, g);
        }
    }
}
