#!/usr/bin/env bash
# Peak memory and wall time of the release CLI on the hostile inputs of issue #8 (a benchmark, not a test).
# Usage: bash scripts/hostile.sh [path/to/sift]   (default: target/release/sift; build it with cargo build --release)
# Exit 124 is the time cap, 134 the memory cap. Needs GNU time (/usr/bin/time; Debian package `time`) and python3 to generate the inputs.
set -euo pipefail
SIFT=${1:-target/release/sift}
[ -x "$SIFT" ] || { echo "no binary at $SIFT: cargo build --release first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
python3 - "$D" <<'PY'
import json, sys
d = sys.argv[1]
open(f"{d}/ones.txt", "w").write("1 " * 320_000)                      # 640 KB of "1 "
ords = " ".join(f"{i}th" for i in range(1, 600_000))
open(f"{d}/ordinals.txt", "w").write(ords[:3_600_000])                  # 3.6 MB of ordinals
open(f"{d}/lines.txt", "w").write("a\n" * 1_000_000)                    # 1M short lines
open(f"{d}/lines5.txt", "w").write("a\n" * 2_500_000)                   # 5 MB of short lines
open(f"{d}/breaks5.txt", "w").write("\n" * 5_000_000)                   # 5 MB of line breaks
para = "The minister said on Tuesday that 1,200 people had left.\r\n"
open(f"{d}/crlf.txt", "w", newline="").write(para * (2_700_000 // len(para)))  # 2.7 MB CRLF
open(f"{d}/crlf5.txt", "w", newline="").write(para * (5_000_000 // len(para)))  # 5 MB CRLF
with open(f"{d}/dense.jsonl", "w") as f:                                 # 128 lines of 40 KB of numbers
    for i in range(128):
        f.write(json.dumps({"id": f"d{i}", "text": "5 " * 20_000}) + "\n")
open(f"{d}/ones5.txt", "w").write("1 " * 2_500_000)                     # 5 MB of "1 "
open(f"{d}/divs.html", "w").write("<div/>x" * 200_000)
open(f"{d}/center.html", "w").write("<center>x" * 200_000)
PY
run() { # name, then the command
  local name=$1; shift
  # Capped so a regression cannot take the shared machine down: address space (MEM_CAP_KB) and time (TIME_CAP).
  ( ulimit -v "${MEM_CAP_KB:-6000000}"; /usr/bin/time -f '%M %e %x' timeout "${TIME_CAP:-60}" "$@" >/dev/null 2>"$D/err" ) || true
  read -r kb secs code < <(tail -1 "$D/err")
  printf '%-34s %8d MB %7.2f s  exit %s\n' "$name" $((kb / 1024)) "$secs" "$code"
}
run "640 KB of '1 ' (annotate)" "$SIFT" annotate "$D/ones.txt"
run "5 MB of '1 ' (annotate)" "$SIFT" annotate "$D/ones5.txt"
run "3.6 MB of ordinals (annotate)" "$SIFT" annotate "$D/ordinals.txt"
run "1M short lines (annotate)" "$SIFT" annotate "$D/lines.txt"
run "5 MB of short lines (annotate)" "$SIFT" annotate "$D/lines5.txt"
run "5 MB of line breaks (annotate)" "$SIFT" annotate "$D/breaks5.txt"
run "2.7 MB CRLF -> labelstudio" "$SIFT" annotate --format labelstudio -o "$D/ls" "$D/crlf.txt"
run "5 MB CRLF -> labelstudio" "$SIFT" annotate --format labelstudio -o "$D/ls5" "$D/crlf5.txt"
run "128 x 40 KB numbers (--jsonl)" "$SIFT" annotate --jsonl "$D/dense.jsonl"
run "200k <div/> (clean)" "$SIFT" clean "$D/divs.html"
run "200k <center> (clean)" "$SIFT" clean "$D/center.html"
