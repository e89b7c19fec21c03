//! `sift agree` and `sift eval` end to end on the corpus gold (`tests/data/corpus/`): perturbed copies list the
//! right disagreements and move the right figures; the built-in detectors' output scores the line metric of
//! `../shared/bench/score.py`, recomputed here from its definition.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CORPUS: &str = "tests/data/corpus";

fn sift(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sift")).args(args).output().unwrap()
}

fn ok_json(o: &Output) -> Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status, String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sift-agree-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn corpus_files(ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(ext))
        .collect();
    v.sort();
    v
}

/// The five gold documents as one sift-annotations value.
fn gold() -> Value {
    let docs: Vec<Value> = corpus_files(".gold.json")
        .iter()
        .flat_map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            v["documents"].as_array().unwrap().clone()
        })
        .collect();
    json!({"format": "sift-annotations", "version": 1, "documents": docs})
}

fn write(dir: &Path, name: &str, v: &Value) -> String {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_string(v).unwrap()).unwrap();
    p.to_string_lossy().into_owned()
}

/// The spans of document `d` of a sift value.
fn spans(v: &mut Value, d: usize) -> &mut Vec<Value> {
    v["documents"][d]["spans"].as_array_mut().unwrap()
}

/// Index of the first span of document 2 with `label` (and attrs, when `attrs`).
fn first(v: &Value, label: &str, attrs: bool) -> usize {
    let spans = v["documents"][2]["spans"].as_array().unwrap();
    spans
        .iter()
        .position(|s| s["label"] == label && (!attrs || s.get("attrs").is_some_and(|a| a["kind"].is_string())))
        .unwrap()
}

fn extent(s: &Value) -> (u64, u64) {
    (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap())
}

type Perturb = fn(&mut Value) -> Vec<(&'static str, u64, u64)>;

#[test]
fn perturbed_copies_give_the_right_disagreements_and_move_the_figures() {
    let dir = scratch("perturb");
    let g = gold();
    let a = write(&dir, "gold.json", &g);
    // (name, perturbation of document 2 giving the disagreements expected, and whether each figure stays at 1:
    // exact precision, exact recall, overlap F1, token kappa, unitizing alpha).
    let table: Vec<(&str, Perturb, [bool; 5])> = vec![
        ("identical", |_| vec![], [true; 5]),
        (
            "drop a number",
            |v| {
                let i = first(v, "number", false);
                let (s, e) = extent(&spans(v, 2).remove(i));
                vec![("missing", s, e)]
            },
            [true, false, false, false, false],
        ),
        (
            "add a boilerplate span",
            |v| {
                let i = first(v, "claim", false);
                let (s, _) = extent(&spans(v, 2)[i]);
                spans(v, 2).push(json!({"start": s, "end": s + 3, "label": "boilerplate", "origin": "manual"}));
                vec![("extra", s, s + 3)]
            },
            [false, true, false, false, false],
        ),
        (
            "shift a claim's end",
            |v| {
                let i = first(v, "claim", false);
                let sp = &mut spans(v, 2)[i];
                let (s, e) = extent(sp);
                sp["end"] = json!(e - 1);
                sp.as_object_mut().unwrap().remove("text");
                vec![("boundaries", s, e)]
            },
            [false, false, true, false, false],
        ),
        (
            "relabel a number",
            |v| {
                let i = first(v, "number", false);
                let sp = &mut spans(v, 2)[i];
                sp["label"] = json!("quantity");
                let (s, e) = extent(sp);
                vec![("label", s, e)]
            },
            [false, false, false, false, false],
        ),
        (
            "change an attribute",
            |v| {
                let i = first(v, "number", true);
                let sp = &mut spans(v, 2)[i];
                sp["attrs"]["kind"] = json!("zzz");
                let (s, e) = extent(sp);
                vec![("attributes", s, e)]
            },
            [true; 5],
        ),
    ];
    for (name, perturb, stays) in table {
        let mut b = g.clone();
        let want = perturb(&mut b);
        // Another name, id and order: documents still meet by their text.
        b["documents"][2]["name"] = json!("renamed.txt");
        b["documents"][2]["id"] = json!("other-id");
        b["documents"].as_array_mut().unwrap().reverse();
        let bp = write(&dir, "b.json", &b);
        let r = ok_json(&sift(&["agree", &a, &bp, "--json"]));
        assert_eq!(r["documents"], 5, "{name}");
        assert_eq!(r["unmatched"], json!([]), "{name}");
        let got: Vec<(&str, u64, u64)> = r["disagreements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["kind"].as_str().unwrap(), d["start"].as_u64().unwrap(), d["end"].as_u64().unwrap()))
            .collect();
        assert_eq!(got, want, "{name}");
        let all = &r["pairs"][0]["scores"]["overall"];
        let figures = [
            all["exact"]["precision"].as_f64().unwrap(),
            all["exact"]["recall"].as_f64().unwrap(),
            all["overlap"]["f1"].as_f64().unwrap(),
            r["cohen"]["overall"]["value"].as_f64().unwrap(),
            r["alpha"]["overall"]["value"].as_f64().unwrap(),
        ];
        for (k, (f, one)) in figures.iter().zip(stays).enumerate() {
            assert_eq!(*f == 1.0, one, "{name}: figure {k} is {f}");
            assert!(*f > 0.9, "{name}: figure {k} is {f}");
        }
        assert_eq!(r["fleiss"], Value::Null);
        assert_eq!(all["exact"]["tp"].as_u64().unwrap() + all["exact"]["fn"].as_u64().unwrap(), 225, "{name}");
        if let Some(d) = r["disagreements"].as_array().unwrap().first() {
            assert_eq!(d["document"], "002_601354975c3094f5.txt", "{name}");
            assert_eq!(d["sides"][0]["annotator"], "gold.json", "{name}");
            let text = g["documents"][2]["text"].as_str().unwrap();
            let (s, e) = (want[0].1 as usize, want[0].2 as usize);
            let side =
                d["sides"].as_array().unwrap().iter().find(|x| !x["spans"].as_array().unwrap().is_empty()).unwrap();
            let shown: String = text.chars().skip(s).take(e - s).collect();
            assert!(shown.starts_with(side["spans"][0]["text"].as_str().unwrap()), "{name}");
        }
    }
}

#[test]
fn three_annotators_get_fleiss_and_every_side_and_the_table_lists_the_disagreement() {
    let dir = scratch("three");
    let g = gold();
    let mut c = g.clone();
    let i = first(&c, "number", false);
    let (s, e) = extent(&spans(&mut c, 2).remove(i));
    let (a, b, cp) = (write(&dir, "a.json", &g), write(&dir, "b.json", &g), write(&dir, "c.json", &c));
    let r = ok_json(&sift(&["agree", &a, &b, &cp, "--json"]));
    assert_eq!(r["cohen"], Value::Null);
    let k = r["fleiss"]["overall"]["value"].as_f64().unwrap();
    assert!(k < 1.0 && k > 0.9, "{k}");
    assert_eq!(r["fleiss"]["overall"]["raters"], 3);
    assert_eq!(r["pairs"].as_array().unwrap().len(), 3);
    let d = &r["disagreements"][0];
    assert_eq!((d["kind"].as_str(), d["start"].as_u64(), d["end"].as_u64()), (Some("missing"), Some(s), Some(e)));
    let sizes: Vec<usize> =
        d["sides"].as_array().unwrap().iter().map(|x| x["spans"].as_array().unwrap().len()).collect();
    assert_eq!(sizes, [1, 1, 0]);
    let out = sift(&["agree", &a, &b, &cp]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    for want in [
        "3 annotators (a.json, b.json, c.json), 5 documents",
        "token kappa (fleiss)",
        "disagreements: 1",
        "missing in 002",
    ] {
        assert!(table.contains(want), "{want} not in:\n{table}");
    }
}

#[test]
fn any_format_sift_reads_compares_and_an_unmatched_document_is_reported() {
    let dir = scratch("formats");
    let mut g = gold();
    let a = write(&dir, "gold.json", &g);
    let conv = sift(&["convert", "--from", "sift", "--to", "spacy", &a]);
    assert!(conv.status.success());
    let spacy = dir.join("gold.spacy.jsonl");
    std::fs::write(&spacy, &conv.stdout).unwrap();
    let r = ok_json(&sift(&["agree", &a, spacy.to_str().unwrap(), "--json"]));
    assert_eq!((r["documents"].as_u64(), r["disagreements"].as_array().unwrap().len()), (Some(5), 0));
    // A brat directory: one annotator, several files.
    let brat = dir.join("brat");
    assert!(sift(&["convert", "--from", "sift", "--to", "brat", "-o", brat.to_str().unwrap(), &a]).status.success());
    let r = ok_json(&sift(&["agree", &a, brat.to_str().unwrap(), "--json"]));
    assert_eq!(r["documents"], 5);
    // One text changed by a character: that document is left out and said so.
    let text = g["documents"][4]["text"].as_str().unwrap().to_string();
    g["documents"][4]["text"] = json!(format!("{text} "));
    let b = write(&dir, "b.json", &g);
    let r = ok_json(&sift(&["agree", &a, &b, "--json"]));
    assert_eq!(r["documents"], 4);
    let reasons: Vec<&str> = r["unmatched"].as_array().unwrap().iter().map(|u| u["reason"].as_str().unwrap()).collect();
    assert_eq!(reasons, ["not in every set (missing from b.json)", "not in every set (missing from gold.json)"]);
}

/// `score.py`'s aeb line counts, from its definition: lines split on "\n", a line boilerplate on a side when
/// that side's boilerplate spans cover at least half of its code points. Returns [[tn, fp], [fn, tp]].
fn score_py_lines(gold: &Value, pred: &Value) -> [[u64; 2]; 2] {
    let mut n = [[0u64; 2]; 2];
    for g in gold["documents"].as_array().unwrap() {
        let text = g["text"].as_str().unwrap();
        let p = pred["documents"].as_array().unwrap().iter().find(|p| p["text"] == text).unwrap();
        let len = text.chars().count();
        let mask = |d: &Value| {
            let mut m = vec![false; len];
            for s in d["spans"].as_array().unwrap().iter().filter(|s| s["label"] == "boilerplate") {
                let (a, b) = extent(s);
                m[a as usize..b as usize].iter_mut().for_each(|x| *x = true);
            }
            m
        };
        let (gm, pm) = (mask(g), mask(p));
        let mut pos = 0;
        for line in text.split('\n') {
            let (a, b) = (pos, pos + line.chars().count());
            pos = b + 1;
            let on = |m: &[bool]| b > a && 2 * m[a..b].iter().filter(|x| **x).count() >= b - a;
            n[usize::from(on(&gm))][usize::from(on(&pm))] += 1;
        }
    }
    n
}

#[test]
fn eval_of_the_detectors_gives_score_pys_line_metric() {
    let dir = scratch("eval");
    let g = gold();
    let gp = write(&dir, "gold.json", &g);
    let txts: Vec<String> = corpus_files(".txt").iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let mut args = vec!["annotate"];
    args.extend(txts.iter().map(String::as_str));
    let pred = ok_json(&sift(&args));
    // The detectors' output, then a worse copy: every other boilerplate span cut to a third of its length (rounded up).
    let mut worse = pred.clone();
    for d in worse["documents"].as_array_mut().unwrap() {
        let spans = d["spans"].as_array_mut().unwrap();
        for s in spans.iter_mut().filter(|s| s["label"] == "boilerplate").step_by(2) {
            let (a, b) = extent(s);
            s["end"] = json!(a + (b - a).div_ceil(3));
            s.as_object_mut().unwrap().remove("text");
            s.as_object_mut().unwrap().remove("end_utf16");
        }
        spans.retain(|s| s["start"] != s["end"]);
    }
    for (name, p) in [("detectors", &pred), ("worse", &worse)] {
        let pp = write(&dir, "pred.json", p);
        let r = ok_json(&sift(&["eval", "--gold", &gp, &pp, "--json"]));
        let n = score_py_lines(&g, p);
        let l = &r["lines"];
        let prf = |x: &Value| [x["tp"].as_u64().unwrap(), x["fp"].as_u64().unwrap(), x["fn"].as_u64().unwrap()];
        assert_eq!(prf(&l["boilerplate"]), [n[1][1], n[0][1], n[1][0]], "{name}");
        assert_eq!(prf(&l["body"]), [n[0][0], n[1][0], n[0][1]], "{name}");
        assert_eq!(l["lines"].as_u64().unwrap(), n.iter().flatten().sum::<u64>(), "{name}");
        let (tp, fp, fn_) = (n[1][1] as f64, n[0][1] as f64, n[1][0] as f64);
        let (pr, rc) = (tp / (tp + fp), tp / (tp + fn_));
        assert!((l["boilerplate"]["f1"].as_f64().unwrap() - 2.0 * pr * rc / (pr + rc)).abs() < 1e-12, "{name}");
        assert_eq!(r["documents"], 5);
        let bp = r["spans"]["labels"].as_array().unwrap().iter().find(|x| x["label"] == "boilerplate").unwrap().clone();
        if name == "detectors" {
            // The boilerplate layer matches the corpus gold exactly (the claim layer's threshold drops a few claims,
            // and its source spans are not in this gold).
            assert_eq!(bp["exact"]["f1"], 1.0);
            assert_eq!(l["boilerplate"]["f1"], 1.0);
            let claim = r["spans"]["labels"].as_array().unwrap().iter().find(|x| x["label"] == "claim").unwrap();
            assert!(claim["exact"]["f1"].as_f64().unwrap() > 0.95);
        } else {
            assert!(l["boilerplate"]["recall"].as_f64().unwrap() < 1.0);
            assert!(bp["exact"]["recall"].as_f64().unwrap() < 1.0 && bp["overlap"]["recall"] == 1.0);
        }
    }
    let pp = write(&dir, "p.json", &pred);
    // The corpus folder itself as gold: its `.gold.json` files, the `.txt` files beside them skipped.
    assert_eq!(
        ok_json(&sift(&["eval", "--gold", CORPUS, &pp, "--json"])),
        ok_json(&sift(&["eval", "--gold", &gp, &pp, "--json"]))
    );
    let table = String::from_utf8(sift(&["eval", "--gold", &gp, &pp]).stdout).unwrap();
    assert!(table.contains("boilerplate class  1.000 1.000 1.000 (37 0 0)"), "{table}");
}

#[test]
fn bad_arguments_get_one_short_message_and_a_failure_exit() {
    let dir = scratch("bad");
    let a = write(&dir, "a.json", &gold());
    let other = dir.join("other.txt");
    std::fs::write(&other, "Some other text.").unwrap();
    let missing = dir.join("missing.json");
    let table: Vec<(Vec<&str>, &str)> = vec![
        (vec!["agree", &a], "2 values"),
        (vec!["agree", &a, missing.to_str().unwrap()], "missing.json"),
        (vec!["agree", &a, other.to_str().unwrap()], "no document is in every file"),
        (vec!["agree", &a, &a, "--from", "docx"], "unknown format \"docx\""),
        (vec!["eval", "--gold", &a, other.to_str().unwrap(), "--from", "doccano"], "a.json: doccano"),
    ];
    for (args, want) in table {
        let o = sift(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{args:?}");
        assert!(err.contains(want) && !err.contains("panicked") && err.len() < 600, "{args:?}: {err}");
    }
}
