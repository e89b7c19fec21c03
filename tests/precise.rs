//! The precise tier (src/precise) on the test model `tests/data/precise/tiny.sift-model`: random weights over the
//! real tokenizer, written by `scripts/train_precise.py --tiny` with the scores torch computes for it, so the
//! whole path (file, dequantization, tokenizer, encoder, pooling, calibration) is checked against the training
//! framework without the 18 MB trained model.
#![cfg(feature = "precise")]

mod cases;

use sift::detect::claims::{Scorer, SharedScorer};
use sift::detect::{analyze_with, Layers, Options};
use sift::precise::Model;
use sift::ErrorKind;
use std::sync::{Arc, OnceLock};

const FILE: &str = "tests/data/precise/tiny.sift-model";

fn bytes() -> &'static [u8] {
    static B: OnceLock<Vec<u8>> = OnceLock::new();
    B.get_or_init(|| std::fs::read(FILE).expect("the test model"))
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(bytes()).expect("the test model loads"))
}

#[test]
fn scores_are_the_training_frameworks_to_1e4() {
    let cases = cases::read("tests/data/precise");
    assert!(cases.len() >= 50, "{} probe sentences", cases.len());
    let sentences: Vec<&str> = cases.iter().map(|c| c.cols[0].as_str()).collect();
    // All at once (sorted into padded batches) and one by one (no padding) must agree with torch alike.
    let (logits, scores) = (model().logits(&sentences).unwrap(), model().score(&sentences).unwrap());
    for (i, c) in cases.iter().enumerate() {
        let (z, p): (f64, f64) = (c.cols[1].parse().unwrap(), c.cols[2].parse().unwrap());
        assert!((logits[i] - z).abs() < 1e-4, "{}: logit {} vs torch {z}", c.at, logits[i]);
        assert!((scores[i] - p).abs() < 1e-4, "{}: score {} vs torch {p}", c.at, scores[i]);
        let alone = model().logits(&sentences[i..=i]).unwrap()[0];
        assert!((alone - z).abs() < 1e-4, "{}: alone {alone} vs torch {z}", c.at);
    }
    let spread = scores.iter().fold(f64::NAN, |a, &b| a.max(b)) - scores.iter().fold(f64::NAN, |a, &b| a.min(b));
    assert!(spread > 0.05, "the probes tell sentences apart: spread {spread}");
}

#[test]
fn the_file_says_what_it_is() {
    let info = model().info();
    assert_eq!(info.name, "tiny random test model");
    assert_eq!(info.threshold, 0.5);
    assert_eq!(info.sha256.len(), 64);
    assert_eq!(model().threshold(), 0.5);
}

#[test]
fn a_damaged_or_foreign_file_is_refused_with_a_clear_message() {
    let good = bytes();
    let n = u64::from_le_bytes(good[..8].try_into().unwrap()) as usize;
    let mut flipped = good.to_vec();
    flipped[8 + n + 1000] ^= 0x40; // one weight's bit
    let mut header = good.to_vec();
    let at = 8 + good[8..8 + n].windows(19).position(|w| w == b"sift-claims-model 1").unwrap();
    header[at + 18] = b'9'; // another format version
    let cases: [(&str, &[u8], &str); 6] = [
        ("empty", b"", "not a sift model file"),
        ("text", b"hello, this is not a model", "not a sift model file"),
        ("truncated", &good[..good.len() / 2], "damaged"),
        ("a flipped bit", &flipped, "damaged"),
        ("another version", &header, "sift-claims-model 9"),
        ("random bytes", &[0xff; 4096], "not a sift model file"),
    ];
    for (what, bytes, says) in cases {
        let e = Model::from_bytes(bytes).err().unwrap_or_else(|| panic!("{what}: loaded"));
        assert_eq!(e.kind(), ErrorKind::Model, "{what}");
        let msg = e.to_string();
        assert!(msg.contains(says) && msg.len() < 200, "{what}: {msg}");
    }
}

#[test]
fn with_a_model_the_claim_layer_takes_its_scores_and_threshold() {
    let text = "The unemployment rate fell to 4.1 percent last year, the lowest in 17 years. Officials said 115 \
                people died. Is this the end? Prices rose 3 percent in March.";
    let opts = Options { layers: Layers::ALL, claims_scorer: Some(SharedScorer(Arc::new(Tiny))), ..Default::default() };
    let claims: Vec<_> = analyze_with(text, &opts).into_iter().filter(|s| s.label == "claim").collect();
    let builtin: Vec<_> = analyze_with(text, &Options::default()).into_iter().filter(|s| s.label == "claim").collect();
    assert!(!builtin.is_empty());
    // The stand-in scores a sentence by whether it says "percent": the second figure sentence, a claim for the
    // built-in scorer too, goes; the attributed one stays (attribution decides, not the score); the question
    // never is one.
    let said: Vec<&str> = claims.iter().map(|s| s.rule.as_deref().unwrap()).collect();
    assert_eq!(said, ["claim.figure+tiny", "claim.attributed+tiny", "claim.figure+tiny"], "{claims:?}");
    assert_eq!(claims[0].attrs["checkworthiness"], 0.9);
    assert_eq!(claims[1].attrs["checkworthiness"], 0.1);
    // Without the model, nothing changes.
    assert!(builtin.iter().all(|s| !s.rule.as_deref().unwrap().contains('+')));
    // The real model file runs the same way.
    let opts = Options { claims_scorer: Some(SharedScorer(Arc::new(Model::from_bytes(bytes()).unwrap()))), ..opts };
    let claims: Vec<_> = analyze_with(text, &opts).into_iter().filter(|s| s.label == "claim").collect();
    assert!(claims.iter().all(|s| s.rule.as_deref().unwrap().ends_with("+minilm")), "{claims:?}");
}

#[test]
fn a_failing_model_leaves_the_built_in_scores() {
    struct Broken;
    impl Scorer for Broken {
        fn score(&self, _: &[&str]) -> Result<Vec<f64>, sift::Error> {
            Model::from_bytes(b"").map(|_| Vec::new())
        }
        fn threshold(&self) -> f64 {
            0.0
        }
        fn id(&self) -> &str {
            "broken"
        }
    }
    let text = "Prices rose 3 percent in March, the statistics office said. Unemployment fell to 4.1 percent.";
    let with = Options { claims_scorer: Some(SharedScorer(Arc::new(Broken))), ..Default::default() };
    assert_eq!(analyze_with(text, &with), analyze_with(text, &Options::default()));
}

/// A stand-in scorer whose answers are known: 0.9 for a sentence that says "percent", else 0.1.
struct Tiny;

impl Scorer for Tiny {
    fn score(&self, sentences: &[&str]) -> Result<Vec<f64>, sift::Error> {
        Ok(sentences.iter().map(|s| if s.contains("percent") { 0.9 } else { 0.1 }).collect())
    }
    fn threshold(&self) -> f64 {
        0.5
    }
    fn id(&self) -> &str {
        "tiny"
    }
}
