#!/usr/bin/env python3
"""Fit the claim layer's check-worthiness model on CT24 and write src/detect/claims/weights.rs and
ngram_weights.bin; with --cv only, print the cross-validated figures and write nothing.

Needs scikit-learn (`pip install scikit-learn`). Run from the project checkout, with the bench folder at
../shared/bench:

    python3 scripts/train_claims.py [--bench ../shared/bench] [--cv]

The model is a logistic regression over what the Rust code itself computes for each sentence (`cargo run
--example ct24 -- --features`), so training and inference cannot drift apart: the general features of
`score::FEATURE_NAMES` (figures, names, tense, person, hedges, …) and the hashed word and character n-grams of
`ngrams.rs` (one weight per bucket, quantized to i8). No class weighting, so the score stays a probability; the
script prints its Brier score and a reliability table.

Figures are 5-fold cross-validated (stratified, fixed seed). The threshold is chosen inside each training part
(3-fold out-of-fold predictions, best F1 of the Yes class for the whole claim pipeline: excluded and hedged
sentences are never claims, attributed ones always are), then applied to the held-out fold. The TF-IDF + logistic
regression baseline is trained and scored the same way beside it. The weights written are refitted on all
sentences, with the threshold chosen on the 5-fold out-of-fold predictions.
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "src", "detect", "claims")

BITS = 17  # ngrams::BITS
C = 2.0  # inverse L2 strength, from a sweep over 0.5..8 (flat between 1 and 4)
DENSE_SCALE = 0.3  # the general features against the L2-normalised n-gram blocks
FOLDS, SEED = 5, 0
# Sentences whose score the Rust test checks against this script's quantized model.
PROBES = [
    "The unemployment rate fell to 4.1 percent last year, the lowest in 17 years.",
    "At least 115 people died and 212 were injured, the ministry said.",
    "Thank you very much, it is wonderful to be here tonight.",
    "I think we should all work together.",
    "He voted against the bill three times.",
    "Questions linger about what happens next.",
]

try:
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
except ImportError:
    sys.exit("train_claims.py needs scikit-learn: pip install scikit-learn")


def load_rows(bench):
    spec = importlib.util.spec_from_file_location("score", os.path.join(bench, "score.py"))
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score.load_ct24(os.path.join(bench, "ct24_train.tsv"))


def rust_features(texts):
    """(feature names, [(gate, dense features without the bias, word buckets, char buckets)]) from the crate."""
    inp = "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    out = subprocess.run(
        ["cargo", "run", "--release", "--quiet", "--example", "ct24", "--", "--features"],
        input=inp.encode("utf-8"), stdout=subprocess.PIPE, cwd=ROOT, check=True,
    ).stdout.decode("utf-8").splitlines()
    names = out[0].split("\t")[2].split(",")
    assert names[0] == "bias"
    feats = [None] * len(texts)
    for line in out[1:]:
        sid, gate, f, w, c = line.split("\t")
        feats[int(sid)] = (gate, [float(x) for x in f.split(",")[1:]], [int(x) for x in w.split()],
                           [int(x) for x in c.split()])
    return names, feats


def matrix(feats):
    """Rows: each n-gram block as a binary, L2-normalised bag over one shared bucket space, then the general
    features × DENSE_SCALE (the bias is the intercept)."""
    buckets = 1 << BITS
    ri, ci, vs = [], [], []
    for i, (_, dense, words, chars) in enumerate(feats):
        for block in (words, chars):
            for b in block:
                ri.append(i), ci.append(b), vs.append(1.0 / np.sqrt(len(block)))
        for k, x in enumerate(dense):
            if x:
                ri.append(i), ci.append(buckets + k), vs.append(x * DENSE_SCALE)
    return sp.csr_matrix((vs, (ri, ci)), shape=(len(feats), buckets + len(feats[0][1])))


def fit(m, y):
    return LogisticRegression(C=C, max_iter=5000).fit(m, y)


def prf(pred, y):
    tp = int(np.sum(pred & y))
    fp, fn = int(np.sum(pred & ~y)), int(np.sum(~pred & y))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def claims(prob, gates, t):
    """The claim pipeline's Yes: attributed sentences always, scored ones at or above t, never the others."""
    return (gates == "attributed") | ((gates == "scored") & (prob >= t))


def best_threshold(prob, y, gates):
    return max((prf(claims(prob, gates, t), y)[2], t) for t in np.arange(0.05, 0.8, 0.01))[1]


def oof(make_fit, predict, idx, y, folds, seed):
    """Out-of-fold probabilities over idx."""
    out = np.zeros(len(idx))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(idx, y[idx]):
        model = make_fit(idx[tr])
        out[te] = predict(model, idx[te])
    return out


def cross_validate(name, make_fit, predict, y, gates):
    """Nested CV: the threshold comes from the training part only. Returns the out-of-fold probabilities."""
    n = len(y)
    prob, pred = np.zeros(n), np.zeros(n, dtype=bool)
    thresholds = []
    for tr, te in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(np.zeros(n), y):
        inner = oof(make_fit, predict, tr, y, 3, SEED + 1)
        t = best_threshold(inner, y[tr], gates[tr])
        thresholds.append(t)
        prob[te] = predict(make_fit(tr), te)
        pred[te] = claims(prob[te], gates[te], t)
    p, r, f = prf(pred, y)
    ts = ", ".join(f"{t:.2f}" for t in thresholds)
    print(f"  {name:<34} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (thresholds {ts})", flush=True)
    return prob, (p, r, f)


def reliability(prob, y, bins=10):
    print("  reliability (out-of-fold, all sentences): predicted → observed Yes rate, sentences")
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = (prob >= lo) & ((prob < hi) if b < bins - 1 else (prob <= hi))
        if sel.any():
            print(f"    {lo:.1f}–{hi:.1f}: {prob[sel].mean():.3f} → {y[sel].mean():.3f}  ({int(sel.sum())})")


def quantize(w):
    scale = float(np.abs(w).max()) / 127.0 or 1.0
    return np.clip(np.round(w / scale), -127, 127).astype(np.int8), scale


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    ap.add_argument("--cv", action="store_true", help="print the cross-validated figures only; write nothing")
    args = ap.parse_args()

    rows = load_rows(args.bench)
    texts = [r["text"] for r in rows]
    y = np.array([r["label"] for r in rows])
    names, feats = rust_features(texts + PROBES)
    probe_feats, feats = feats[len(texts):], feats[:len(texts)]
    gates = np.array([f[0] for f in feats])
    m = matrix(feats)
    print(f"ct24: {len(y)} sentences, {int(y.sum())} Yes; {FOLDS}-fold CV, stratified, seed {SEED}; "
          f"threshold chosen inside each training part")

    prob, (p, r, f) = cross_validate(
        "sift (features + hashed n-grams)", lambda idx: fit(m[idx], y[idx]),
        lambda model, idx: model.predict_proba(m[idx])[:, 1], y, gates)

    def tfidf_fit(idx):
        vec = TfidfVectorizer()
        return vec, LogisticRegression(max_iter=5000).fit(vec.fit_transform([texts[i] for i in idx]), y[idx])

    everything = np.array(["scored"] * len(y))
    _, (bp, br, bf) = cross_validate(
        "baseline TF-IDF + LR (text only)", tfidf_fit,
        lambda vm, idx: vm[1].predict_proba(vm[0].transform([texts[i] for i in idx]))[:, 1], y, everything)
    brier = float(np.mean((prob - y) ** 2))
    print(f"  Brier score {brier:.4f} (always the base rate: {float(np.mean((y.mean() - y) ** 2)):.4f})")
    reliability(prob, y)
    print(f"ct24 cv: F1={f:.3f} baseline F1={bf:.3f} brier={brier:.4f}")
    if args.cv:
        return

    model = fit(m, y)
    t = best_threshold(prob, y, gates)
    w = model.coef_[0]
    buckets = 1 << BITS
    q, scale = quantize(w[:buckets])
    dense = [float(model.intercept_[0])] + [float(x) * DENSE_SCALE for x in w[buckets:]]
    # The probes, scored as the Rust code will: quantized bucket weights, the scaled dense weights.
    expected = []
    for gate, d, words, chars in probe_feats:
        z = dense[0] + sum(a * b for a, b in zip(d, dense[1:]))
        for block in (words, chars):
            if block:
                z += float(sum(int(q[b]) for b in block)) * scale / np.sqrt(len(block))
        expected.append(1.0 / (1.0 + np.exp(-z)))
    with open(os.path.join(OUT, "ngram_weights.bin"), "wb") as fh:
        fh.write(q.tobytes())
    lines = [
        "//! Generated by `scripts/train_claims.py` from CT24 (CLEF-2024 CheckThat! task 1 English train); do not",
        "//! edit by hand. Logistic regression over `score::FEATURE_NAMES` and the hashed n-grams of `ngrams.rs`",
        "//! (their i8 weights are in `ngram_weights.bin`), and the claim threshold.",
        f"//! {FOLDS}-fold CV, threshold chosen inside each training part: P {p:.3f} R {r:.3f} F1 {f:.3f}, Brier {brier:.4f};",
        f"//! TF-IDF + LR the same way: P {bp:.3f} R {br:.3f} F1 {bf:.3f}.",
        "",
        "/// One weight per entry of `score::FEATURE_NAMES` (the first is the bias).",
        "#[rustfmt::skip]",
        "pub(crate) const WEIGHTS: &[f64] = &[",
    ]
    lines += [f"    {x:.6f}, // {n}" for x, n in zip(dense, names)]
    lines += [
        "];",
        "/// Sentences scoring below this are not claims (best CV F1 of the whole claim pipeline).",
        f"pub(crate) const THRESHOLD: f64 = {t:.2f};",
        "/// Scale of the n-gram weights: a bucket's weight is `NGRAMS[b] as i8` × `NGRAM_SCALE`.",
        f"pub(crate) const NGRAM_SCALE: f64 = {scale!r};",
        "/// One `i8` weight per n-gram bucket (`ngrams::BUCKETS`).",
        f'pub(crate) static NGRAMS: &[u8; 1 << {BITS}] = include_bytes!("ngram_weights.bin");',
        "/// Sentences and the score this script computed for them with the weights above, checked by a test.",
        "#[cfg(test)]",
        "#[rustfmt::skip]",
        "pub(crate) const PROBES: &[(&str, f64)] = &[",
    ]
    lines += [f"    ({json.dumps(s, ensure_ascii=False)}, {e!r})," for s, e in zip(PROBES, map(float, expected))]
    lines += ["];", ""]
    with open(os.path.join(OUT, "weights.rs"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    print(f"wrote weights.rs and ngram_weights.bin (threshold {t:.2f}, n-gram scale {scale:.6f})")


if __name__ == "__main__":
    main()
