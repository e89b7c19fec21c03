#!/usr/bin/env python3
"""Trains the boilerplate line model (src/detect/boilerplate/line_model.rs) and writes its weights to
src/detect/boilerplate/line_weights.rs.

Data: ../shared/bench/aeb.jsonl (line gold) in two modes, plain text and browser paste (the same text with the
page's HTML from ../shared/bench/aeb-html aligned onto it), so the model learns the plain features and the HTML
ones together. Features come from the crate itself (`cargo run --release --example boiler_features`), so training
and inference cannot drift apart.

Evaluation: 5-fold cross-validation grouped by page (a page's lines, in both modes, are all in one fold); the
figures printed are from the held-out folds only, scored by ../shared/bench/score.py exactly as the benchmark is.
The weights written are then fitted on every page.

    python3 scripts/train_boilerplate.py            # needs numpy and scikit-learn, and ../shared/bench
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "..", "shared", "bench")
# Must agree with line_model.rs: feature positions and the override thresholds.
RULE_CHROME, HARD, H1, HEADLINE = 16, 9, 26, 34
DROP_ABOVE, KEEP_BELOW = 0.9, 0.3
FOLDS = 5
C = 1.0


def features(docs):
    """Runs the crate's feature dump on `docs` ({"id","text"[,"html"]}) and returns its rows."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    try:
        out = subprocess.run(
            ["cargo", "run", "--quiet", "--release", "--example", "boiler_features"],
            stdin=open(f.name), capture_output=True, text=True, check=True, cwd=ROOT,
        ).stdout
    finally:
        os.unlink(f.name)
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def decide(rows_x, p):
    """The Rust override rule: the rules' verdict unless the model is confident (never over a decisive rule or
    the kept headline)."""
    rule = rows_x[:, RULE_CHROME] > 0.5
    fixed = (rows_x[:, HARD] > 0.5) | (rows_x[:, HEADLINE] > 0.5)
    out = rule.copy()
    out[(~fixed) & rule & (p < KEEP_BELOW)] = False
    out[(~fixed) & (~rule) & (rows_x[:, H1] < 0.5) & (p > DROP_ABOVE)] = True
    return out


def score(docs, chrome_of, label):
    """Writes predictions (one boilerplate span per chrome line) and scores them with score.py aeb."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for d in docs:
            spans = [{"start": a, "end": b, "label": "boilerplate", "text": d["text"][a:b]}
                     for (a, b), chrome in zip(d["lines"], chrome_of[d["id"]]) if chrome]
            f.write(json.dumps({"id": d["id"], "text": d["text"], "spans": spans}) + "\n")
    try:
        out = subprocess.run([sys.executable, os.path.join(BENCH, "score.py"), "aeb", f.name],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    print(f"{label}:\n" + "\n".join("  " + l.strip() for l in out.splitlines()[1:4]))


def main():
    if not os.path.isdir(BENCH):
        sys.exit(f"no {BENCH}: the development set is needed to train")
    gold = [json.loads(l) for l in open(os.path.join(BENCH, "aeb.jsonl"))]
    plain = [{"id": g["id"], "text": g["text"]} for g in gold]
    paste = []
    for g in gold:
        with gzip.open(os.path.join(BENCH, "aeb-html", g["id"] + ".html.gz")) as h:
            paste.append({"id": g["id"], "text": g["text"], "html": h.read().decode("utf-8", "replace")})
    modes = {"plain": features(plain), "paste": features(paste)}
    chrome_gold = {g["id"]: {(s["start"], s["end"]) for s in g["spans"]} for g in gold}
    ids = sorted(g["id"] for g in gold)
    fold_of = {pid: i % FOLDS for i, pid in enumerate(ids)}

    def matrix(docs):
        xs, ys, groups = [], [], []
        for d in docs:
            for (a, b), x in zip(d["lines"], d["x"]):
                xs.append(x)
                ys.append((a, b) in chrome_gold[d["id"]])
                groups.append(fold_of[d["id"]])
        return np.array(xs, dtype=float), np.array(ys), np.array(groups)

    data = {m: matrix(docs) for m, docs in modes.items()}
    X = np.vstack([data[m][0] for m in modes])
    y = np.concatenate([data[m][1] for m in modes])
    g = np.concatenate([data[m][2] for m in modes])
    held = {m: np.zeros(len(data[m][1]), dtype=bool) for m in modes}
    for fold in range(FOLDS):
        model = LogisticRegression(C=C, max_iter=5000).fit(X[g != fold], y[g != fold])
        for m in modes:
            xm, _, gm = data[m]
            sel = gm == fold
            held[m][sel] = decide(xm[sel], model.predict_proba(xm[sel])[:, 1])
    for m, docs in modes.items():
        rules, model_out, at = {}, {}, 0
        for d in docs:
            n = len(d["lines"])
            rules[d["id"]] = [x[RULE_CHROME] > 0.5 for x in d["x"]]
            model_out[d["id"]] = list(held[m][at:at + n])
            at += n
        score(docs, rules, f"{m}, rules alone")
        score(docs, model_out, f"{m}, rules + line model (held-out folds)")
    model = LogisticRegression(C=C, max_iter=5000).fit(X, y)
    weights = ", ".join(f"{w:.6f}" for w in model.coef_[0])
    path = os.path.join(ROOT, "src", "detect", "boilerplate", "line_weights.rs")
    with open(path, "w") as f:
        f.write("//! Weights of the line model ([`super::line_model`]), written by `scripts/train_boilerplate.py`; "
                "do not edit.\n\n/// Intercept.\n"
                f"pub const BIAS: f64 = {model.intercept_[0]:.6f};\n"
                "/// One weight per feature, in [`super::line_model::features`] order.\n"
                f"pub const WEIGHTS: [f64; super::line_model::FEATURES] = [{weights}];\n")
    print(f"wrote {path} ({len(y)} lines, {len(ids)} pages)")


if __name__ == "__main__":
    main()
