//! The cross-document comparison (issue #12): the five seed articles, and made-up pairs for each edge case
//! (updates over time, bounds, units, near-miss passages), the `comparisons` section of `sift-annotations`, and
//! `sift compare` end to end.

use sift::compare::{compare, Article, Comparison, Comparisons, Decision, FigureGroup, Options, Verdict};
use sift::{analyze, Document, Label, Layers, Span};
use std::process::Command;

const SEEDS: [&str; 5] = [
    "tests/data/corpus/000_266354f2ac06ead1.txt",
    "tests/data/corpus/001_864a9569695b4111.txt",
    "tests/data/corpus/002_601354975c3094f5.txt",
    "tests/data/corpus/003_a7fab11564c02453.txt",
    "tests/data/corpus/004_88583a0961250598.txt",
];

/// Annotates `texts` (with their dates) and compares them.
fn run(texts: &[(&str, Option<&str>)]) -> Comparison {
    let spans: Vec<Vec<Span>> = texts.iter().map(|(t, _)| analyze(t, Layers::ALL)).collect();
    let names: Vec<String> = (0..texts.len()).map(|i| format!("d{i}")).collect();
    let arts: Vec<Article> = texts
        .iter()
        .zip(&spans)
        .zip(&names)
        .map(|(((text, date), spans), name)| Article { name, text, spans, date: *date })
        .collect();
    compare(&arts, &Options::default())
}

fn seeds() -> Comparison {
    let texts: Vec<String> = SEEDS.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    run(&texts.iter().map(|t| (t.as_str(), None)).collect::<Vec<_>>())
}

fn row<'c>(c: &'c Comparison, key: &str) -> &'c FigureGroup {
    c.figures.iter().find(|g| g.key == key).unwrap_or_else(|| {
        panic!("no row {key:?}; rows: {:?}", c.figures.iter().map(|g| g.key.as_str()).collect::<Vec<_>>())
    })
}

/// The values of a row, per document: (doc, reading).
fn readings(g: &FigureGroup) -> Vec<(usize, String)> {
    g.cells.iter().map(|c| (c.doc, c.reading.clone())).collect()
}

#[test]
fn seeds_the_death_toll_row_holds_115_133_and_90_and_is_flagged() {
    let c = seeds();
    let killed = row(&c, "killed");
    let values: Vec<(usize, f64)> = killed.cells.iter().filter_map(|x| Some((x.doc, x.value?))).collect();
    for (doc, v) in [(0, 115.0), (1, 133.0), (2, 133.0), (4, 90.0)] {
        assert!(values.contains(&(doc, v)), "killed lacks {v} in {doc}: {values:?}");
    }
    assert!(killed.disagree && killed.verdict == Verdict::Contradiction, "{}", killed.explanation);
    assert!(killed.explanation.contains("cannot both be true"), "{}", killed.explanation);
    // "at least 115" keeps its bound; "more 90" (sic) reads as more than 90.
    let b = killed.cells.iter().find(|x| x.text == "at least 115").expect("at least 115").bounds;
    assert_eq!((b.min, b.max, b.min_exclusive), (Some(115.0), None, false));
    let ninety = killed.cells.iter().find(|x| x.doc == 4).expect("004's toll");
    assert_eq!((ninety.reading.as_str(), ninety.bounds.min_exclusive), ("> 90", true));
    assert!(c.figures[0].disagree, "flagged rows come first");
}

#[test]
fn seeds_injured_detained_and_attackers_rows_exist_and_other_events_stay_apart() {
    let c = seeds();
    let injured = row(&c, "injured");
    assert_eq!(injured.docs, [0, 4], "{:?}", readings(injured));
    let detained = row(&c, "detained");
    assert_eq!(detained.docs, [0, 1, 2]);
    assert!(detained.cells.iter().all(|x| x.value == Some(11.0)), "{:?}", readings(detained));
    assert!(!detained.disagree);
    assert!(detained.cells.iter().any(|x| x.counted_by == "detention"), "{:?}", detained.cells.len());
    let attackers = row(&c, "attackers");
    assert!(attackers.cells.iter().all(|x| x.value == Some(4.0)) && attackers.docs == [0, 1, 2]);
    // The Kabul airport bombing of August 2021 has its own row, not the Moscow toll's.
    let kabul = row(&c, "killed@2021-08");
    assert_eq!(kabul.docs, [1, 2]);
    assert!(row(&c, "killed").cells.iter().all(|x| x.value != Some(13.0) && x.value != Some(95.0)));
    // A cell says where it is, its sentence and the claim's source.
    let nyt = row(&c, "killed").cells.iter().find(|x| x.doc == 0 && x.text == "at least 115").unwrap();
    assert_eq!(nyt.source.as_deref(), Some("the New York Times"));
    assert!(nyt.sentence.start <= nyt.start && nyt.end <= nyt.sentence.end);
    assert!(nyt.sentence.text.contains("at least 115 people dead"));
}

#[test]
fn seeds_the_rewrites_are_found_and_no_unrelated_pair_is() {
    let c = seeds();
    // 001 rewrites 002 (AP); 000, 003 and 004 rewrite the New York Times report.
    let family = |d: usize| if d == 1 || d == 2 { 0 } else { 1 };
    for p in &c.passages {
        assert_eq!(
            family(p.a.doc),
            family(p.b.doc),
            "unrelated pair: {:.60} | {:.60}",
            p.a.excerpt.text,
            p.b.excerpt.text
        );
    }
    let shared = |a: usize, b: usize, in_a: &str, in_b: &str| {
        c.passages
            .iter()
            .any(|p| (p.a.doc, p.b.doc) == (a, b) && p.a.excerpt.text.contains(in_a) && p.b.excerpt.text.contains(in_b))
    };
    let table: &[(usize, usize, &str, &str)] = &[
        (1, 2, "Syed Muhammad Ali", "Syed Muhammad Ali"),
        (1, 2, "issued a security alert on March 7", "issued a security alert to U.S. citizens"),
        (1, 2, "Russia has detained 11 individuals", "detaining 11 suspects"),
        (3, 4, "gathered intelligence in March", "had gathered intelligence in March"),
        (3, 4, "privately briefed Russian officials", "informed Russian counterparts privately"),
        (0, 3, "Muslim blood in its hands", "Muslim blood on its hands"),
    ];
    for (a, b, in_a, in_b) in table {
        assert!(shared(*a, *b, in_a, in_b), "no passage {a}/{b}: {in_a:?} | {in_b:?}");
    }
    let quote = c.passages.iter().find(|p| p.a.excerpt.text.contains("Muslim blood in its hands")).unwrap();
    assert!(quote.verbatim, "two words changed is verbatim ({})", quote.similarity);
    assert_eq!(quote.common_source.as_deref(), Some("Colin P. Clarke"));
    let alert = c.passages.iter().find(|p| p.a.excerpt.text.contains("security alert on March 7")).unwrap();
    assert!(!alert.verbatim, "reworded");
    // The passage offsets are code points into each document.
    let text = std::fs::read_to_string(SEEDS[quote.a.doc]).unwrap();
    let slice: String =
        text.chars().skip(quote.a.excerpt.start).take(quote.a.excerpt.end - quote.a.excerpt.start).collect();
    assert_eq!(slice, quote.a.excerpt.text);
}

#[test]
fn seeds_the_sources_table_lists_who_is_cited_with_their_documents() {
    let c = seeds();
    let docs_of = |name: &str| -> Vec<usize> {
        let r = c.sources.iter().find(|s| s.name.contains(name)).unwrap_or_else(|| {
            panic!("no source {name:?}; have {:?}", c.sources.iter().map(|s| s.name.as_str()).collect::<Vec<_>>())
        });
        r.docs.iter().map(|d| d.doc).collect()
    };
    let table: &[(&str, &[usize])] = &[
        ("New York Times", &[0]),
        ("White House", &[0]),
        ("Islamic State", &[0, 1, 2, 4]),
        ("Colin P. Clarke", &[0, 3, 4]),
        ("Syed Muhammad Ali", &[1, 2]),
        ("Olivier Guitta", &[1, 2]),
    ];
    for (name, docs) in table {
        assert_eq!(docs_of(name), *docs, "{name}");
    }
    let us = c.sources.iter().find(|s| s.name == "United States").expect("the United States");
    assert!(us.variants.iter().any(|v| v == "US") && us.variants.iter().any(|v| v == "The US"), "{:?}", us.variants);
    let clarke = c.sources.iter().find(|s| s.name == "Colin P. Clarke").unwrap();
    assert!(clarke.docs[0].claims.iter().any(|x| x.quote && x.claim.text.contains("fixated on Russia")));
}

/// One made-up case: two or three reports, the row key and what it must say.
struct Case {
    what: &'static str,
    texts: &'static [(&'static str, Option<&'static str>)],
    key: &'static str,
    verdict: Verdict,
}

#[test]
fn made_up_figures_updates_bounds_and_units() {
    let cases = [
        Case {
            what: "a later date with a higher toll is an update",
            texts: &[
                ("Police said 40 people were killed in the blast.", Some("2024-03-22")),
                ("The death toll from the blast rose to 52, police said.", Some("2024-03-23")),
            ],
            key: "killed",
            verdict: Verdict::Update,
        },
        Case {
            what: "dates found in the dateline count too",
            texts: &[
                ("LIMA, March 22, 2024 (AP) — Officials said 40 people died in the fire.", None),
                ("LIMA, March 24, 2024 (AP) — The death toll from the fire rose to 52.", None),
            ],
            key: "killed",
            verdict: Verdict::Update,
        },
        Case {
            what: "a later date with a lower toll is a contradiction",
            texts: &[
                ("Officials said 52 people died in the fire.", Some("2024-03-22")),
                ("Officials said 40 people died in the fire.", Some("2024-03-23")),
            ],
            key: "killed",
            verdict: Verdict::Contradiction,
        },
        Case {
            what: "undated reports that differ contradict each other",
            texts: &[("Officials said 52 people died in the fire.", None), ("The fire killed 40 people.", None)],
            key: "killed",
            verdict: Verdict::Contradiction,
        },
        Case {
            what: "“at least 115” agrees with 133",
            texts: &[("At least 115 people were killed.", None), ("The attack killed 133 people.", None)],
            key: "killed",
            verdict: Verdict::Consistent,
        },
        Case {
            what: "“more than 90” does not agree with 90",
            texts: &[("More than 90 people were injured.", None), ("Doctors said 90 people were injured.", None)],
            key: "injured",
            verdict: Verdict::Contradiction,
        },
        Case {
            what: "“nearly 100” agrees with 95",
            texts: &[("Nearly 100 people were wounded.", None), ("Some 95 people were wounded, doctors said.", None)],
            key: "injured",
            verdict: Verdict::Consistent,
        },
        Case {
            what: "a range holds a figure inside it",
            texts: &[("Between 20 and 35 people were arrested.", None), ("Police arrested 30 people.", None)],
            key: "detained",
            verdict: Verdict::Consistent,
        },
        Case {
            what: "the same duration in other units agrees",
            texts: &[("The siege lasted two hours.", None), ("The siege lasted 120 minutes.", None)],
            key: "duration",
            verdict: Verdict::Consistent,
        },
        Case {
            what: "a different duration does not",
            texts: &[("The siege lasted two hours.", None), ("The siege lasted 300 minutes.", None)],
            key: "duration",
            verdict: Verdict::Contradiction,
        },
        Case {
            what: "gunmen counted alike",
            texts: &[("Police said four gunmen opened fire.", None), ("The four attackers fled by car.", None)],
            key: "attackers",
            verdict: Verdict::Consistent,
        },
    ];
    for case in &cases {
        let c = run(case.texts);
        let g = row(&c, case.key);
        assert_eq!(g.docs.len(), case.texts.len(), "{}: {:?}", case.what, readings(g));
        assert_eq!(g.verdict, case.verdict, "{}: {}", case.what, g.explanation);
        assert_eq!(g.disagree, case.verdict == Verdict::Contradiction, "{}", case.what);
    }
    let update = run(cases[0].texts);
    assert!(
        row(&update, "killed").explanation.contains("an update over time"),
        "{}",
        row(&update, "killed").explanation
    );
    let dated = run(cases[1].texts);
    assert_eq!(dated.documents[0].date.as_deref(), Some("2024-03-22"));
    assert_eq!(dated.documents[0].date_from.as_deref(), Some("text"));
}

#[test]
fn made_up_near_misses_share_names_but_do_not_pair() {
    let a = "The Crocus City Hall in Moscow was attacked on Friday evening. Gunmen opened fire on concertgoers before \
             setting the building ablaze. The Kremlin said the attackers had tried to flee towards the border with \
             Ukraine. Moscow's mayor cancelled all public events for the weekend.";
    let b = "Moscow mourned the victims of the Crocus City Hall attack on Sunday. Armed men opened fire on people at \
             the concert and then set the building on fire. Officials in Moscow said the Crocus City Hall would stay \
             closed until April. The Kremlin blamed Ukraine without evidence.";
    let c = run(&[(a, None), (b, None)]);
    assert_eq!(c.passages.len(), 1, "{:?}", c.passages.iter().map(|p| &p.a.excerpt.text).collect::<Vec<_>>());
    let p = &c.passages[0];
    assert!(p.a.excerpt.text.starts_with("Gunmen opened fire") && p.b.excerpt.text.starts_with("Armed men opened"));
    assert!(!p.verbatim);
    let lone = run(&[
        ("Islamic State fighters attacked the Crocus City Hall near Moscow on Friday.", None),
        ("Vladimir Putin visited the Crocus City Hall near Moscow on Friday.", None),
    ]);
    assert!(lone.passages.is_empty(), "only names in common: {:.80}", lone.passages[0].a.excerpt.text);
}

#[test]
fn made_up_copies_are_verbatim_and_dates_give_their_direction() {
    let s = "The ministry said rescue teams worked through the night to clear the rubble near the station.";
    let t = "Emergency teams spent the whole night clearing rubble close to the station, according to the ministry.";
    let c = run(&[
        (&*format!("Floods hit the city. {s}"), Some("2024-05-02")),
        (&*format!("Rain fell all week. {s}"), Some("2024-05-01")),
        (t, None),
    ]);
    let p01 = c.passages.iter().find(|p| (p.a.doc, p.b.doc) == (0, 1)).expect("the copied sentence");
    assert!(p01.verbatim && p01.similarity > 0.99, "{}", p01.similarity);
    let d = p01.direction.as_ref().expect("dated");
    assert_eq!((d.from, d.to), (1, 0));
    assert!(d.reason.contains("2024-05-01"), "{}", d.reason);
    assert_eq!(p01.common_source.as_deref(), Some("ministry"));
    let p02 = c.passages.iter().find(|p| (p.a.doc, p.b.doc) == (0, 2)).expect("the reworded one");
    assert!(!p02.verbatim && p02.direction.is_none());
}

#[test]
fn decisions_are_saved_in_sift_annotations_and_read_back() {
    let doc = Document::new("a", "a.txt", "Two died.", Vec::new());
    let saved = Comparisons::new(vec![
        Decision::Reviewed { group: "killed".into() },
        Decision::Merge { into: "killed".into(), from: "killed@2021-08".into() },
        Decision::Split { group: "killed".into(), doc: 0, start: 0, end: 3 },
    ]);
    let file = sift::formats::sift::write_json_with(std::slice::from_ref(&doc), &Label::builtin(), Some(&saved));
    let import = sift::formats::sift::read_json(&file).expect("reads");
    assert!(import.losses.is_empty(), "{:?}", import.losses);
    assert_eq!(import.documents, std::slice::from_ref(&doc));
    assert_eq!(sift::formats::sift::read_comparisons(&file).unwrap(), Some(saved));
    // Without the section the file is what it always was.
    let plain = sift::formats::sift::write_json(std::slice::from_ref(&doc), &Label::builtin());
    assert!(!plain.contains("comparisons"));
    assert_eq!(sift::formats::sift::read_comparisons(&plain).unwrap(), None);
    // A malformed section is refused with its place.
    for (bad, want) in [
        (r#""comparisons": {"version": 2, "decisions": []}"#, "unsupported version 2"),
        (r#""comparisons": {"version": 1, "decisions": [{"type": "paint"}]}"#, "`comparisons`"),
    ] {
        let f = plain.replacen("\"labels\"", &format!("{bad}, \"labels\""), 1);
        let err = sift::formats::sift::read_json(&f).expect_err(bad).to_string();
        assert!(err.contains(want), "{err}");
    }
}

#[test]
fn cli_compare_prints_json_and_tables_and_refuses_bad_input_clearly() {
    let bin = env!("CARGO_BIN_EXE_sift");
    let o = Command::new(bin).arg("compare").arg("--json").args(SEEDS).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let killed = v["figures"].as_array().unwrap().iter().find(|g| g["key"] == "killed").expect("a killed row");
    assert_eq!(killed["disagree"], true);
    let cell = &killed["cells"][0];
    for k in ["doc", "start", "end", "text", "value", "bounds", "reading", "sentence"] {
        assert!(!cell[k].is_null(), "cell without {k}");
    }
    assert!(v["passages"].as_array().is_some_and(|p| !p.is_empty()));
    assert!(v["sources"].as_array().unwrap().iter().any(|s| s["name"] == "New York Times"));
    assert_eq!(v["documents"][0]["name"], "000_266354f2ac06ead1.txt");

    let o = Command::new(bin).arg("compare").args(SEEDS).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success() && out.contains("[DISAGREE] killed"), "{:.300}", out);
    assert!(out.contains("Shared passages") && out.contains("Sources"), "{:.300}", out);

    for (args, want) in [
        (vec!["compare", SEEDS[0]], "at least two documents"),
        (vec!["compare", "--threshold", "2", SEEDS[0], SEEDS[1]], "--threshold must be between 0 and 1"),
        (vec!["compare", SEEDS[0], "tests/data/no-such-file.txt"], "no-such-file.txt"),
    ] {
        let o = Command::new(bin).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success() && err.contains(want) && err.lines().count() == 1, "{args:?}: {err}");
    }
}

#[test]
fn cli_compare_reads_sift_annotations_with_their_spans_and_decisions() {
    let dir = std::env::temp_dir().join(format!("sift-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let docs: Vec<Document> = SEEDS
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            sift::annotate(p, p.rsplit('/').next().unwrap(), &text, Layers::ALL)
        })
        .collect();
    let saved = Comparisons::new(vec![Decision::Reviewed { group: "killed".into() }]);
    let file = dir.join("set.json");
    std::fs::write(&file, sift::formats::sift::write_json_with(&docs, &Label::builtin(), Some(&saved))).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_sift")).args(["compare", "--json"]).arg(&file).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(5));
    let killed = v["figures"].as_array().unwrap().iter().find(|g| g["key"] == "killed").unwrap();
    assert_eq!(killed["reviewed"], true, "the saved decision applies");
    std::fs::remove_dir_all(&dir).unwrap();
}
