#!/usr/bin/env python3
"""Fit the claim layer's check-worthiness weights on CT24 and write src/detect/claims/weights.rs.

Python 3.8+ standard library only. Run from the project checkout, with the bench folder at ../shared/bench:

    python3 scripts/train_claims.py [--bench ../shared/bench] [--out src/detect/claims/weights.rs]

The features are computed by the Rust code itself (`cargo run --example ct24 -- --features`), so training and
inference cannot drift apart. Only sentences the rules leave undecided ("scored": not excluded, not attributed,
not hedged) are fitted; the others keep their rule verdict. The model is an L2-regularised logistic regression
fitted with AdaGrad. The threshold maximises the F2 score (recall weighted twice) of the whole pipeline on a
held-out fifth of the sentences (ids divisible by 5): sift's `claim` is any checkable sentence (GUIDELINES.md), a
wider class than CT24's "check-worthy", so the model should rank and prune, not decide narrowly. The final weights
are refitted on all sentences. Prints the held-out precision, recall and F1 at that threshold.
"""
import argparse
import importlib.util
import math
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_labels(bench):
    spec = importlib.util.spec_from_file_location("score", os.path.join(bench, "score.py"))
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    rows = score.load_ct24(os.path.join(bench, "ct24_train.tsv"))
    return rows, score


def rust_features(rows):
    import json
    inp = "".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in rows)
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--example", "ct24", "--", "--features"],
        input=inp.encode("utf-8"), stdout=subprocess.PIPE, cwd=ROOT, check=True,
    ).stdout.decode("utf-8").splitlines()
    names = out[0].split("\t")[2].split(",")
    feats = {}
    for line in out[1:]:
        sid, gate, f = line.split("\t")
        feats[sid] = (gate, [float(x) for x in f.split(",")])
    return names, feats


def fit(xs, ys, epochs=30, lr=0.2, l2=1e-4, seed=7):
    """Logistic regression by AdaGrad; returns the weights (the first feature is the bias, not regularised)."""
    n = len(xs[0])
    w = [0.0] * n
    g2 = [1e-8] * n
    order = list(range(len(xs)))
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(order)
        for i in order:
            x, y = xs[i], ys[i]
            z = sum(a * b for a, b in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = p - y
            for k in range(n):
                if x[k] == 0.0 and k:
                    continue
                g = err * x[k] + (l2 * w[k] if k else 0.0)
                g2[k] += g * g
                w[k] -= lr * g / math.sqrt(g2[k])
    return w


def prob(w, x):
    z = sum(a * b for a, b in zip(w, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def f1(pairs):
    tp = sum(1 for y, p in pairs if y and p)
    fp = sum(1 for y, p in pairs if not y and p)
    fn = sum(1 for y, p in pairs if y and not p)
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return (2 * pr * rc / (pr + rc) if pr + rc else 0.0), pr, rc


def fbeta(pairs, beta):
    _, pr, rc = f1(pairs)
    b2 = beta * beta
    return (1 + b2) * pr * rc / (b2 * pr + rc) if pr + rc else 0.0


def pipeline(rows, feats, w, t):
    """(gold, predicted) per row: rule verdicts, and the model for the rows the rules leave open."""
    out = []
    for r in rows:
        gate, x = feats[r["id"]]
        pred = gate == "attributed" or gate == "scored" and prob(w, x) >= t
        out.append((r["label"], pred))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    ap.add_argument("--out", default=os.path.join(ROOT, "src", "detect", "claims", "weights.rs"))
    a = ap.parse_args()
    rows, _ = load_labels(a.bench)
    names, feats = rust_features(rows)
    dev = [r for r in rows if int(r["id"]) % 5 == 0]
    train = [r for r in rows if int(r["id"]) % 5 != 0]
    scored = lambda rs: [(feats[r["id"]][1], 1.0 if r["label"] else 0.0) for r in rs if feats[r["id"]][0] == "scored"]
    tr = scored(train)
    w = fit([x for x, _ in tr], [y for _, y in tr])
    grid = [i / 100 for i in range(5, 95)]
    best = max(grid, key=lambda t: fbeta(pipeline(dev, feats, w, t), 2.0))
    f, p, r = f1(pipeline(dev, feats, w, best))
    print(f"held-out fifth ({len(dev)} sentences): threshold {best:.2f}  P {p:.3f} R {r:.3f} F1 {f:.3f}", file=sys.stderr)
    allx = scored(rows)
    w = fit([x for x, _ in allx], [y for _, y in allx])
    f_all, p_all, r_all = f1(pipeline(rows, feats, w, best))
    print(f"refit on all ({len(rows)} sentences), same threshold: P {p_all:.3f} R {r_all:.3f} F1 {f_all:.3f}", file=sys.stderr)
    for n, x in sorted(zip(names, w), key=lambda t: -abs(t[1])):
        print(f"  {n:24s} {x:+.3f}", file=sys.stderr)
    lines = "\n".join(f"    {x:.6f}, // {n}" for n, x in zip(names, w))
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(
            "//! Generated by `scripts/train_claims.py` from CT24 (CLEF-2024 CheckThat! task 1 English train); do not\n"
            "//! edit by hand. Logistic-regression weights over `score::FEATURE_NAMES`, and the decision threshold.\n"
            f"//! Held-out fifth: P {p:.3f} R {r:.3f} F1 {f:.3f} (threshold {best:.2f}, chosen for F2).\n\n"
            "/// One weight per entry of `score::FEATURE_NAMES`.\n"
            "#[rustfmt::skip]\n"
            f"pub(crate) const WEIGHTS: &[f64] = &[\n{lines}\n];\n"
            "/// Sentences scoring below this are not claims.\n"
            f"pub(crate) const THRESHOLD: f64 = {best:.2f};\n"
        )
    os.replace(tmp, a.out)
    print(f"wrote {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
