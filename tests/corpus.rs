//! Annotates the five gold articles in `tests/data/corpus/` and checks each layer against the gold spans.
//! A predicted span counts as correct only when label, start and end all match the gold span exactly.

use serde_json::Value;
use sift::{analyze, Layers, Span};
use std::path::Path;

const CORPUS: &str = "tests/data/corpus";

/// Floors per layer (exact-match, micro-averaged over the five articles).
const NUMBER_RECALL_FLOOR: f64 = 0.98;
const BOILERPLATE_F1_FLOOR: f64 = 0.97;
/// Claims: the threshold is CT24's best cross-validated F1, and CT24's "check-worthy" is narrower than the gold's
/// "checkable": background sentences ("He is the managing director of GlobalStrat, …") score under it.
const CLAIM_F1_FLOOR: f64 = 0.96;

struct Gold {
    name: String,
    text: String,
    spans: Vec<(usize, usize, String)>,
    /// The `attrs` of each span, in the order of `spans`.
    attrs: Vec<Value>,
}

fn load() -> Vec<Gold> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(Path::new(CORPUS))
        .expect("tests/data/corpus beside the project")
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    for p in paths {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let d = &v["documents"][0];
        let txt = std::fs::read_to_string(p.to_string_lossy().replace(".gold.json", ".txt")).unwrap();
        assert_eq!(d["text"].as_str().unwrap(), txt, "gold text equals the pasted file");
        let spans = d["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                    s["label"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let attrs =
            d["spans"].as_array().unwrap().iter().map(|s| s.get("attrs").cloned().unwrap_or(Value::Null)).collect();
        out.push(Gold { name: d["id"].as_str().unwrap().to_string(), text: txt, spans, attrs });
    }
    assert_eq!(out.len(), 5);
    out
}

#[derive(Default, Debug)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn p(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn r(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn score(label: &str) -> Counts {
    let mut c = Counts::default();
    for g in load() {
        let pred: Vec<Span> = analyze(&g.text, Layers::ALL).into_iter().filter(|s| s.label == label).collect();
        let gold: Vec<_> = g.spans.iter().filter(|s| s.2 == label).collect();
        for s in &pred {
            if gold.iter().any(|(a, b, _)| *a == s.start && *b == s.end) {
                c.tp += 1;
            } else {
                c.fp += 1;
                eprintln!("{} {label} FP {:?}", g.name, sift::text::slice_chars(&g.text, s.start, s.end).unwrap());
            }
        }
        for (a, b, _) in gold {
            if !pred.iter().any(|s| s.start == *a && s.end == *b) {
                c.fn_ += 1;
                eprintln!("{} {label} FN {:?}", g.name, sift::text::slice_chars(&g.text, *a, *b).unwrap());
            }
        }
    }
    eprintln!("{label}: P {:.3} R {:.3} F1 {:.3} ({:?})", c.p(), c.r(), c.f1(), c);
    c
}

#[test]
fn numbers_meet_the_recall_floor() {
    let c = score("number");
    assert!(c.r() >= NUMBER_RECALL_FLOOR, "number recall {:.3} < {NUMBER_RECALL_FLOOR}", c.r());
}

#[test]
fn boilerplate_meets_the_f1_floor() {
    let c = score("boilerplate");
    assert!(c.f1() >= BOILERPLATE_F1_FLOOR, "boilerplate F1 {:.3} < {BOILERPLATE_F1_FLOOR}", c.f1());
}

#[test]
fn claims_meet_the_f1_floor() {
    let c = score("claim");
    assert!(c.f1() >= CLAIM_F1_FLOOR, "claim F1 {:.3} < {CLAIM_F1_FLOOR}", c.f1());
}

/// Share of the gold claims found with exactly the right span whose `source`, `cue` and `quote` attributes all
/// equal the gold ones (absent = absent): attribution on its own, apart from which claims are found.
const ATTRIBUTION_ACCURACY_FLOOR: f64 = 0.97;

#[test]
fn claim_attribution_meets_the_floor() {
    let (mut right, mut total, mut matched) = (0, 0, 0);
    for g in load() {
        let pred: Vec<Span> = analyze(&g.text, Layers::ALL).into_iter().filter(|s| s.label == "claim").collect();
        for s in &pred {
            // A source is always text of the document (pronouns and surnames resolved to a written name).
            if let Some(src) = s.attrs.get("source").and_then(Value::as_str) {
                assert!(g.text.contains(src), "{}: source {src:?} is not in the text", g.name);
            }
            let worth = s.attrs.get("checkworthiness").and_then(Value::as_f64);
            assert!(worth.is_some_and(|w| (0.0..=1.0).contains(&w)), "{}: checkworthiness {worth:?}", g.name);
        }
        for ((a, b, label), attrs) in g.spans.iter().zip(&g.attrs) {
            if label != "claim" {
                continue;
            }
            total += 1;
            let Some(p) = pred.iter().find(|s| s.start == *a && s.end == *b) else { continue };
            matched += 1;
            let want = |k: &str| attrs.get(k).cloned().filter(|v| !v.is_null() && *v != Value::Bool(false));
            let got = |k: &str| p.attrs.get(k).cloned().filter(|v| *v != Value::Bool(false));
            let keys = ["source", "cue", "quote"];
            if keys.iter().all(|k| want(k) == got(k)) {
                right += 1;
            } else {
                let show = |f: &dyn Fn(&str) -> Option<Value>| {
                    keys.map(|k| f(k).map_or("-".to_string(), |v| v.to_string())).join(" | ")
                };
                eprintln!(
                    "{} attrs {:?}\n    gold {}\n    got  {}",
                    g.name,
                    sift::text::slice_chars(&g.text, *a, *b).unwrap(),
                    show(&want),
                    show(&got)
                );
            }
        }
    }
    let acc = right as f64 / matched.max(1) as f64;
    eprintln!(
        "claim attribution: {right}/{matched} found gold claims exactly right ({total} in the gold), accuracy {acc:.3}"
    );
    assert!(acc >= ATTRIBUTION_ACCURACY_FLOOR, "attribution accuracy {acc:.3} < {ATTRIBUTION_ACCURACY_FLOOR}");
}
