//! Relations and document labels through every foreign format: what each carries comes back on import (by
//! type and end extents), and what it cannot carry is said in the export's losses.

use sift::formats::{self, read, read_files, Format};
use sift::{Document, Import, Origin, Scope, Status};

mod common;
use common::linked;

/// Writes `docs` in `f` and reads the files back.
fn round_trip(f: Format, docs: &[Document], labels: &[sift::Label]) -> (Import, formats::Export) {
    let out = formats::write(f, docs, labels);
    let files: Vec<(&str, &str)> = out.files.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
    let back =
        if f.needs_several_files() || f == Format::LabelStudio { read_files(f, &files) } else { read(f, files[0].1) }
            .unwrap_or_else(|e| panic!("{f:?}: {e}"));
    (back, out)
}

/// A relation by type, from extent, to extent, origin and status.
type Link = (String, (usize, usize), (usize, usize), Origin, Status);

/// The relations of `d`, sorted.
fn relations(d: &Document) -> Vec<Link> {
    let at = |id: &str| d.spans.iter().find(|s| s.id == id).map(|s| (s.start, s.end)).expect("end is a span");
    let mut v: Vec<_> =
        d.relations.iter().map(|r| (r.label.clone(), at(&r.from), at(&r.to), r.origin, r.status)).collect();
    v.sort_by_key(|r| (r.0.clone(), r.1, r.2, r.3.name(), r.4.name()));
    v
}

fn categories(d: &Document) -> Vec<(String, Origin, Status)> {
    let mut v: Vec<_> = d.categories.iter().map(|c| (c.label.clone(), c.origin, c.status)).collect();
    v.sort_by_key(|c| (c.0.clone(), c.1.name(), c.2.name()));
    v
}

#[test]
fn each_format_keeps_what_it_can_and_says_what_it_drops() {
    let (docs, labels) = linked();
    let want_rel = relations(&docs[0]);
    let said = want_rel.iter().find(|r| r.0 == "said-by").unwrap().clone();
    let about = want_rel.iter().find(|r| r.0 == "about").unwrap().clone();
    let (manual, auto) = ((Origin::Manual, Status::Accepted), (Origin::Auto, Status::Suggested));
    let with = |r: &Link, (o, s): (Origin, Status)| (r.0.clone(), r.1, r.2, o, s);
    let security = ("security".to_string(), Origin::Manual, Status::Accepted);
    let sport_rejected = ("sport".to_string(), Origin::Manual, Status::Rejected);
    // The gold spans go to Label Studio's gold annotation, and a relation to its regions' list.
    let gold = (Origin::Gold, Status::Accepted);
    let table: Vec<(Format, Vec<Link>, Vec<_>, &[&str])> = vec![
        (
            Format::Doccano,
            vec![with(&about, manual), with(&said, manual)],
            vec![security.clone()],
            &[
                "relation origin `auto` dropped",
                "relation status `suggested` dropped",
                "rejected document labels not exported",
            ],
        ),
        (
            Format::Brat,
            vec![with(&about, manual), with(&said, manual)],
            vec![],
            &["relation origin `auto` dropped", "document label `security` dropped", "document label `sport` dropped"],
        ),
        (
            Format::LabelStudio,
            // said-by links a gold claim to a manual source: two annotations in Label Studio, so it cannot stay.
            vec![with(&about, gold)],
            vec![security.clone()],
            &[
                "relation auto and suggested written as gold and accepted",
                "relation between spans of different result lists dropped",
                "rejected document labels not exported",
            ],
        ),
        (Format::Spacy, vec![about.clone(), said.clone()], vec![security.clone(), sport_rejected], &[]),
        (
            Format::W3c,
            vec![with(&about, auto), with(&said, manual)],
            vec![security.clone()],
            &["rejected document labels not exported"],
        ),
    ];
    for (f, rel, cats, losses) in table {
        let (back, out) = round_trip(f, &docs, &labels);
        let d = &back.documents[0];
        assert_eq!(relations(d), rel, "{f:?}");
        assert_eq!(categories(d), cats, "{f:?}");
        let lost = out.losses.join("\n");
        for l in losses {
            assert!(lost.contains(l), "{f:?} should say {l:?}:\n{lost}");
        }
        for (r, _, _, _, _) in &rel {
            assert!(back.labels.iter().any(|l| &l.name == r && l.scope == Scope::Relation), "{f:?}: type {r}");
        }
    }
}

#[test]
fn conll_and_text_say_they_drop_relations_and_document_labels() {
    let (docs, labels) = linked();
    for f in [Format::Conll, Format::Text] {
        let lost = formats::write(f, &docs, &labels).losses.join("\n");
        assert!(lost.contains("1 × relation `said-by` dropped (the format has no relations)"), "{f:?}: {lost}");
        assert!(lost.contains("document label `security` dropped"), "{f:?}: {lost}");
    }
}

#[test]
fn label_files_declare_relation_types_and_document_labels_in_their_place() {
    let (docs, labels) = linked();
    let out = formats::write(Format::LabelStudio, &docs, &labels);
    let config = &out.files.iter().find(|(n, _)| n == "config.xml").unwrap().1;
    let labels_block = &config[..config.find("</Labels>").unwrap()];
    assert!(!labels_block.contains("said-by") && !labels_block.contains("security"), "{config}");
    assert!(config.contains("<Relation value=\"said-by\" background=\"#56b4e9\"/>"), "{config}");
    assert!(config.contains("<Choice value=\"security\" hotkey=\"s\"/>"), "{config}");
    // Read back with the config, the colours and keys are the written ones, each in its scope.
    let (back, _) = round_trip(Format::LabelStudio, &docs, &labels);
    let find = |name: &str| back.labels.iter().find(|l| l.name == name).unwrap();
    assert_eq!((find("said-by").scope, find("said-by").color.as_str()), (Scope::Relation, "#56b4e9"));
    assert_eq!((find("security").scope, find("security").key.as_deref()), (Scope::Document, Some("s")));
    assert_eq!(find("sport").scope, Scope::Document);
    let brat = formats::write(Format::Brat, &docs, &labels);
    let conf = &brat.files.iter().find(|(n, _)| n == "annotation.conf").unwrap().1;
    let relations = &conf[conf.find("[relations]").unwrap()..];
    assert!(relations.contains("said-by") && relations.contains("about"), "{conf}");
    let visual = &brat.files.iter().find(|(n, _)| n == "visual.conf").unwrap().1;
    assert!(!visual.contains("security"), "{visual}");
}

#[test]
fn prodigy_relations_are_found_by_offsets_or_tokens_when_ids_are_missing() {
    // As Prodigy's rel.manual writes them: no span ids; one end by its span, one by its token only.
    let task = r#"{"text":"Kim said rates rose.","tokens":[{"text":"Kim","start":0,"end":3,"id":0},{"text":"said","start":4,"end":8,"id":1},{"text":"rates","start":9,"end":14,"id":2},{"text":"rose","start":15,"end":19,"id":3},{"text":".","start":19,"end":20,"id":4}],
      "spans":[{"start":0,"end":3,"token_start":0,"token_end":0,"label":"source"},{"start":9,"end":19,"token_start":2,"token_end":3,"label":"claim"}],
      "relations":[{"head":3,"child":0,"head_span":{"start":9,"end":19,"token_start":2,"token_end":3,"label":"claim"},"label":"said-by"},
                   {"head":1,"child":0,"label":"verb-of"}],
      "cats":{"economy":0.9,"sport":0.1},"answer":"accept"}"#;
    let imp = read(Format::Spacy, &task.replace('\n', " ")).unwrap();
    let d = &imp.documents[0];
    let got: Vec<_> = relations(d).into_iter().map(|r| (r.0, r.1, r.2)).collect();
    assert_eq!(got, [("said-by".to_string(), (9, 19), (0, 3))]);
    assert!(
        imp.losses.iter().any(|l| l.contains("1 × relation to something that is not a span dropped")),
        "{:?}",
        imp.losses
    );
    let cats = categories(d);
    assert_eq!(
        cats,
        [("economy".into(), Origin::Manual, Status::Accepted), ("sport".into(), Origin::Manual, Status::Rejected)]
    );
}

#[test]
fn w3c_links_and_whole_document_tags_read_from_other_writers() {
    let text = "Kim said rates rose.";
    let annos = r##"[
      {"id": "#a", "type": "Annotation", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "source"}],
       "target": {"selector": [{"type": "TextQuoteSelector", "exact": "Kim"}, {"type": "TextPositionSelector", "start": 0, "end": 3}]}},
      {"id": "#b", "type": "Annotation", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
       "target": {"selector": [{"type": "TextPositionSelector", "start": 9, "end": 19}]}},
      {"id": "#l", "type": "Annotation", "motivation": "linking", "target": ["#b", {"id": "#a"}]},
      {"id": "#m", "type": "Annotation", "motivation": "linking", "target": ["#b", "#nowhere"]},
      {"type": "Annotation", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "economy"}], "target": "doc.txt"},
      {"type": "Annotation", "bodyValue": "a page note", "target": {"source": "doc.txt"}}
    ]"##;
    let imp = read_files(Format::W3c, &[("doc.txt", text), ("a.json", annos)]).unwrap();
    let d = &imp.documents[0];
    let got: Vec<_> = relations(d).into_iter().map(|r| (r.0, r.1, r.2)).collect();
    assert_eq!(got, [("related".to_string(), (9, 19), (0, 3))]);
    assert_eq!(categories(d), [("economy".into(), Origin::Manual, Status::Accepted)]);
    let lost = imp.losses.join("\n");
    assert!(lost.contains("linking annotation to something that is not a span dropped"), "{lost}");
    assert!(lost.contains("note on a whole document (no selector) dropped"), "{lost}");
}

#[test]
fn a_single_choice_document_label_set_survives_sift_and_label_studio() {
    let (docs, mut labels) = linked();
    for l in labels.iter_mut().filter(|l| l.scope == Scope::Document) {
        l.single = true;
    }
    let doc_labels = |ls: &[sift::Label]| -> Vec<(String, bool)> {
        let mut v: Vec<_> =
            ls.iter().filter(|l| l.scope == Scope::Document).map(|l| (l.name.clone(), l.single)).collect();
        v.sort();
        v
    };
    let want = doc_labels(&labels);
    assert!(want.len() >= 2 && want.iter().all(|(_, s)| *s));
    for f in [Format::Sift, Format::LabelStudio] {
        let (back, out) = round_trip(f, &docs, &labels);
        assert_eq!(doc_labels(&back.labels), want, "{f:?}");
        if f == Format::LabelStudio {
            let config = &out.files.iter().find(|(n, _)| n.ends_with(".xml")).unwrap().1;
            assert!(config.contains("choice=\"single\""), "{config}");
        }
    }
    // A mixed set is multiple choice in Label Studio, and sift keeps each label's own mark.
    labels.iter_mut().filter(|l| l.scope == Scope::Document).take(1).for_each(|l| l.single = false);
    let (back, out) = round_trip(Format::LabelStudio, &docs, &labels);
    assert!(out.files.iter().any(|(_, c)| c.contains("choice=\"multiple\"")));
    assert!(doc_labels(&back.labels).iter().all(|(_, s)| !*s));
    let (back, _) = round_trip(Format::Sift, &docs, &labels);
    assert_eq!(doc_labels(&back.labels), doc_labels(&labels));
}
