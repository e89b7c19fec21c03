#!/usr/bin/env python3
"""Fit the claim layer's check-worthiness weights on CT24 and write src/detect/claims/weights.rs.

Python 3.8+ standard library only. Run from the project checkout, with the bench folder at ../shared/bench:

    python3 scripts/train_claims.py [--bench ../shared/bench] [--out src/detect/claims/weights.rs]

The features and words are computed by the Rust code itself (`cargo run --example ct24 -- --features`), so
training and inference cannot drift apart. Only sentences the rules leave undecided ("scored": not excluded, not
attributed, not hedged) are fitted; the others keep their rule verdict. The model is an L2-regularised logistic
regression fitted with AdaGrad over the general features (figures, names, tense, person, hedges, …) plus one weight
per word seen in at least MIN_DF training sentences (stronger L2, small weights dropped); `--no-words` fits the
general features alone. The threshold maximises the F2 score (recall weighted twice) of the whole pipeline on a
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


MIN_DF = 30
WORD_L2 = 0.2
MIN_WORD_WEIGHT = 0.05


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
        sid, gate, f, words = line.split("\t")
        feats[sid] = (gate, [float(x) for x in f.split(",")], words.split())
    return names, feats


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(examples, vocab, epochs=20, lr=0.2, l2=1e-4, seed=7):
    """Logistic regression by AdaGrad over (features, words, label) examples; returns (weights, word weights).
    The first feature is the bias, not regularised."""
    n = len(examples[0][0])
    w, g2 = [0.0] * n, [1e-8] * n
    ww, wg2 = {v: 0.0 for v in vocab}, {v: 1e-8 for v in vocab}
    order = list(range(len(examples)))
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(order)
        for i in order:
            x, words, y = examples[i]
            present = [v for v in words if v in ww]
            err = sigmoid(sum(a * b for a, b in zip(w, x)) + sum(ww[v] for v in present)) - y
            for k in range(n):
                if x[k] == 0.0 and k:
                    continue
                g = err * x[k] + (l2 * w[k] if k else 0.0)
                g2[k] += g * g
                w[k] -= lr * g / math.sqrt(g2[k])
            for v in present:
                g = err + WORD_L2 * ww[v]
                wg2[v] += g * g
                ww[v] -= lr * g / math.sqrt(wg2[v])
    return w, {v: x for v, x in ww.items() if abs(x) >= MIN_WORD_WEIGHT}


def prob(model, x, words):
    w, ww = model
    return sigmoid(sum(a * b for a, b in zip(w, x)) + sum(ww.get(v, 0.0) for v in words))


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


def pipeline(rows, feats, model, t):
    """(gold, predicted) per row: rule verdicts, and the model for the rows the rules leave open."""
    out = []
    for r in rows:
        gate, x, words = feats[r["id"]]
        pred = gate == "attributed" or gate == "scored" and prob(model, x, words) >= t
        out.append((r["label"], pred))
    return out


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    ap.add_argument("--out", default=os.path.join(ROOT, "src", "detect", "claims", "weights.rs"))
    ap.add_argument("--no-words", action="store_true", help="fit the general features only, no word weights")
    a = ap.parse_args()
    rows, _ = load_labels(a.bench)
    names, feats = rust_features(rows)
    dev = [r for r in rows if int(r["id"]) % 5 == 0]
    train = [r for r in rows if int(r["id"]) % 5 != 0]

    def examples(rs):
        return [(feats[r["id"]][1], feats[r["id"]][2], 1.0 if r["label"] else 0.0) for r in rs if feats[r["id"]][0] == "scored"]

    def vocabulary(exs):
        df = {}
        for _, words, _ in exs:
            for v in words:
                df[v] = df.get(v, 0) + 1
        return set() if a.no_words else {v for v, c in df.items() if c >= MIN_DF}

    tr = examples(train)
    model = fit(tr, vocabulary(tr))
    grid = [i / 100 for i in range(5, 95)]
    best = max(grid, key=lambda t: fbeta(pipeline(dev, feats, model, t), 2.0))
    f, p, r = f1(pipeline(dev, feats, model, best))
    fbest = max(f1(pipeline(dev, feats, model, t))[0] for t in grid)
    print(f"held-out fifth ({len(dev)} sentences): threshold {best:.2f}  P {p:.3f} R {r:.3f} F1 {f:.3f}"
          f"  (best F1 at any threshold {fbest:.3f})", file=sys.stderr)
    alle = examples(rows)
    model = fit(alle, vocabulary(alle))
    w, ww = model
    f_all, p_all, r_all = f1(pipeline(rows, feats, model, best))
    print(f"refit on all ({len(rows)} sentences), same threshold: P {p_all:.3f} R {r_all:.3f} F1 {f_all:.3f};"
          f" {len(ww)} word weights", file=sys.stderr)
    for n, x in sorted(zip(names, w), key=lambda t: -abs(t[1])):
        print(f"  {n:24s} {x:+.3f}", file=sys.stderr)
    top = sorted(ww.items(), key=lambda t: -abs(t[1]))[:20]
    print("  strongest words: " + ", ".join(f"{v} {x:+.2f}" for v, x in top), file=sys.stderr)
    lines = "\n".join(f"    {x:.6f}, // {n}" for n, x in zip(names, w))
    word_lines = "\n".join(f"    ({rust_str(v)}, {x:.4f})," for v, x in sorted(ww.items()))
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(
            "//! Generated by `scripts/train_claims.py` from CT24 (CLEF-2024 CheckThat! task 1 English train); do not\n"
            "//! edit by hand. Logistic-regression weights over `score::FEATURE_NAMES` and single words, and the threshold.\n"
            f"//! Held-out fifth: P {p:.3f} R {r:.3f} F1 {f:.3f} (threshold {best:.2f}, chosen for F2).\n\n"
            "/// One weight per entry of `score::FEATURE_NAMES`.\n"
            "#[rustfmt::skip]\n"
            f"pub(crate) const WEIGHTS: &[f64] = &[\n{lines}\n];\n"
            "/// Sentences scoring below this are not claims.\n"
            f"pub(crate) const THRESHOLD: f64 = {best:.2f};\n"
            "/// Weights of single words (sorted by word, for binary search).\n"
            "#[rustfmt::skip]\n"
            f"pub(crate) const WORDS: &[(&str, f64)] = &[\n{word_lines}\n];\n"
        )
    os.replace(tmp, a.out)
    print(f"wrote {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
