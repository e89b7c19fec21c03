//! `sift annotate` with and without the precise model (`--claims-model`, or `claims.sift-model` beside the
//! binary), on the random test model of tests/data/precise.
#![cfg(feature = "precise")]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ARTICLE: &str = "tests/data/corpus/002_601354975c3094f5.txt";
const MODEL: &str = "tests/data/precise/tiny.sift-model";

fn run(bin: &Path, args: &[&str]) -> Output {
    Command::new(bin).args(args).output().unwrap()
}

fn sift(args: &[&str]) -> Output {
    run(Path::new(env!("CARGO_BIN_EXE_sift")), args)
}

fn claim_rules(o: &Output) -> Vec<String> {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let spans = v["documents"][0]["spans"].as_array().unwrap().clone();
    spans.iter().filter(|s| s["label"] == "claim").map(|s| s["rule"].as_str().unwrap().to_string()).collect()
}

/// A folder of its own for one test, emptied first and removed by the test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sift-cli-precise-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_claims_model_scores_every_claim_and_says_so() {
    let builtin = claim_rules(&sift(&["annotate", ARTICLE]));
    let o = sift(&["annotate", "--claims-model", MODEL, ARTICLE]);
    let precise = claim_rules(&o);
    assert!(builtin.len() > 5 && builtin.iter().all(|r| !r.contains('+')), "{builtin:?}");
    assert!(!precise.is_empty() && precise.iter().all(|r| r.ends_with("+minilm")), "{precise:?}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("claims scored by tiny random test model (sha256 "), "{err}");
    // The JSONL stream takes it too, on every line.
    let line = format!("{}\n", serde_json::json!({"id": "a", "text": std::fs::read_to_string(ARTICLE).unwrap()}));
    let input = scratch("jsonl").join("in.jsonl");
    std::fs::write(&input, line.repeat(3)).unwrap();
    let o = sift(&["annotate", "--jsonl", "--claims-model", MODEL, input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<Value> =
        o.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    for v in &lines {
        let rules: Vec<&str> = v["spans"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["label"] == "claim")
            .map(|s| s["rule"].as_str().unwrap())
            .collect();
        assert_eq!(rules, precise, "the stream scores as the single document does");
    }
    let _ = std::fs::remove_dir_all(input.parent().unwrap());
}

#[test]
fn a_bad_model_file_is_refused_before_anything_is_written() {
    let dir = scratch("bad");
    let bad = dir.join("bad.sift-model");
    let mut bytes = std::fs::read(MODEL).unwrap();
    bytes.truncate(bytes.len() - 10);
    std::fs::write(&bad, bytes).unwrap();
    for (file, says) in
        [(bad.to_str().unwrap(), "damaged"), (ARTICLE, "not a sift model file"), ("nope", "No such file")]
    {
        let o = sift(&["annotate", "--claims-model", file, ARTICLE]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success() && o.stdout.is_empty(), "{file}");
        assert!(err.contains("--claims-model") && err.contains(says) && err.lines().count() == 1, "{file}: {err}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_model_beside_the_binary_is_used_and_a_broken_one_skipped() {
    let dir = scratch("beside");
    let bin = dir.join("sift");
    std::fs::copy(env!("CARGO_BIN_EXE_sift"), &bin).unwrap();
    let article = std::fs::canonicalize(ARTICLE).unwrap();
    let article = article.to_str().unwrap();
    let builtin = claim_rules(&run(&bin, &["annotate", article]));
    std::fs::copy(MODEL, dir.join("claims.sift-model")).unwrap();
    assert!(claim_rules(&run(&bin, &["annotate", article])).iter().all(|r| r.ends_with("+minilm")));
    std::fs::write(dir.join("claims.sift-model"), b"not a model").unwrap();
    let o = run(&bin, &["annotate", article]);
    assert_eq!(claim_rules(&o), builtin, "the built-in scorer keeps working");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("claims.sift-model: not a sift model file") && err.contains("built-in"), "{err}");
    // Without the claim layer no model is read.
    let o = run(&bin, &["annotate", "--layers", "number", article]);
    assert!(o.status.success() && o.stderr.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
    let _ = std::fs::remove_dir_all(dir);
}
