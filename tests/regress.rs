//! Inputs that once broke sift (found by the property tests, the fuzzer in examples/fuzz.rs, or by hand), one
//! file each under tests/data/regress/, named for what they broke. Every file goes through every reader, HTML
//! input and the analysis: none may panic, and what they give must be well formed.

use sift::formats::{read, read_files, Format};
use sift::{Layers, OffsetMap};

fn well_formed(what: &str, docs: &[sift::Document]) {
    for d in docs {
        let map = OffsetMap::new(&d.text);
        for w in d.spans.windows(2) {
            assert!((w[0].start, w[0].end) <= (w[1].start, w[1].end), "{what}: spans out of order");
        }
        for s in &d.spans {
            assert!(s.start <= s.end && s.end <= map.len_chars(), "{what}: {s:?} out of range");
            assert!(
                map.is_grapheme_boundary(s.start) && map.is_grapheme_boundary(s.end),
                "{what}: {s:?} splits a cluster"
            );
        }
    }
}

#[test]
fn every_regression_input_is_handled() {
    let mut files: Vec<_> = std::fs::read_dir("tests/data/regress").unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    assert!(files.len() >= 2, "the regression inputs are there");
    for p in files {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
        for f in Format::ALL.iter().copied().filter(|f| f.is_readable() && *f != Format::Text) {
            let got = if f.needs_several_files() {
                read_files(f, &[("a.txt", text.as_str()), ("a.ann", text.as_str())])
            } else {
                read(f, &text)
            };
            if let Ok(imp) = got {
                well_formed(&format!("{name} as {f:?}"), &imp.documents);
            }
        }
        let v = sift::html_to_text(&text);
        assert_eq!(v.text.split('\n').count(), v.lines.len().max(1), "{name} as HTML");
        let html = sift::annotate_html("h", "h.html", &text, Layers::ALL);
        let plain = sift::annotate("t", "t.txt", &text, Layers::ALL);
        well_formed(&name, &[html, plain]);
    }
}
