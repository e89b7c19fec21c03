#!/usr/bin/env python3
"""Surface recall of sift's `number` layer on quantulum3's English test file.

quantulum3 (`pip install quantulum3==0.10.0`) ships `quantulum3/_lang/en_US/tests/quantities.json`: sentences
(`req`) with the quantities a reader should find (`res`: `surface`, `value`, `unit`). Each expected surface is
located in its sentence (left to right, in order); it is found when a `number` span has exactly its bounds, or
the same bounds plus a bound phrase the guidelines keep ("about 5 km", "at least 115"). Printed: surface recall
(exact, and overlap: some `number` span overlaps the surface), value accuracy on the exactly found ones (a year's
ISO string counts as its number, a range's midpoint as quantulum3's value), and every miss.

    python3 scripts/quantulum_bench.py [--sift target/release/sift] [--file quantities.json]

Reads quantulum3's installed data (never bundled here); says so and exits 0 when it is absent.
"""
import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys

BOUNDS = re.compile(
    r"^(at least|at most|more than|less than|fewer than|over|under|about|around|approximately|roughly|nearly|"
    r"almost|up to|some|just over|just under|an estimated|estimated|close to|as many as|as much as|between|from)\s+",
    re.I,
)


def locate():
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.origin:
        return None
    p = os.path.join(os.path.dirname(spec.origin), "_lang", "en_US", "tests", "quantities.json")
    return p if os.path.exists(p) else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sift", default="target/release/sift")
    ap.add_argument("--file")
    a = ap.parse_args()
    path = a.file or locate()
    if not path:
        print("quantulum: quantulum3 is not installed (pip install quantulum3==0.10.0); skipped")
        return
    cases = json.load(open(path, encoding="utf-8"))
    lines = "".join(json.dumps({"id": str(i), "text": c["req"]}) + "\n" for i, c in enumerate(cases))
    out = subprocess.run([a.sift, "annotate", "--jsonl", "--layers", "number"], input=lines, capture_output=True,
                         text=True, check=True).stdout
    preds = {}
    for line in out.splitlines():
        o = json.loads(line)
        preds[o["id"]] = [s for s in o.get("spans", []) if s["label"] == "number"]
    n = exact = overlap = vn = vok = 0
    misses = []
    for i, c in enumerate(cases):
        text, spans, pos = c["req"], preds.get(str(i), []), 0
        for r in c["res"]:
            surf = r["surface"]
            s = text.find(surf, pos)
            if s < 0:
                s = text.find(surf)
            if s < 0:
                continue
            e = s + len(surf)
            pos = e
            n += 1
            hit = None
            for p in spans:
                t = text[p["start"]:p["end"]]
                if p["end"] == e and (p["start"] == s or BOUNDS.sub("", t) == surf):
                    hit = p
            over = any(p["start"] < e and p["end"] > s for p in spans)
            exact += hit is not None
            overlap += over
            if hit is not None:
                at = hit.get("attrs") or {}
                v = at.get("value")
                # A year is an ISO string here; a range has min and max where quantulum3 gives the midpoint.
                if isinstance(v, str) and re.fullmatch(r"-?\d+(\.\d+)?", v):
                    v = float(v)
                if v is None and isinstance(at.get("min"), (int, float)) and isinstance(at.get("max"), (int, float)):
                    v = (at["min"] + at["max"]) / 2
                want = r.get("value")
                if isinstance(want, (int, float)):
                    vn += 1
                    good = isinstance(v, (int, float)) and abs(v - want) <= 1e-6 * max(1, abs(want))
                    vok += good
                    if not good:
                        misses.append(f"    value   {surf!r}: {v} (want {want})")
            else:
                got = [text[p["start"]:p["end"]] for p in spans if p["start"] < e and p["end"] > s]
                misses.append(f"    {'inexact' if over else 'missed '} {surf!r} ({r.get('unit')}) got {got}  | {text}")
    f = lambda x, y: x / y if y else float("nan")
    print(f"quantulum: {len(cases)} sentences, {n} quantities")
    print("\n".join(misses))
    print(f"quantulum: surface recall exact={f(exact, n):.3f} overlap={f(overlap, n):.3f} "
          f"value={f(vok, vn):.3f} (on {vn} found with a number value)")


if __name__ == "__main__":
    sys.exit(main())
