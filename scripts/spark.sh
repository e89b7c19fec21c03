#!/usr/bin/env bash
# Runs `sift annotate --jsonl` unchanged under Apache Spark's RDD.pipe (pyspark from PyPI, local mode) on the aeb
# input, one partition per input file, the release binary shipped to the executors with SparkContext.addFile, and
# checks that the collected output is byte for byte what a single `sift annotate --jsonl` run writes: the JSONL
# filter is the unit of scale, and no scheduler of our own is needed. Not part of scripts/test.sh (it downloads
# pyspark, about 300 MB, once into target/spark-venv). Usage: bash scripts/spark.sh [PARTS]  (input files, default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

PYSPARK_VERSION=3.5.7 # runs on Java 8, 11 and 17 (Debian's default-jre-headless is 17)
parts=${1:-4}
bench=../shared/bench
venv=target/spark-venv
[ -d "$bench" ] || { echo "no $bench beside the project" >&2; exit 1; }

if ! command -v java >/dev/null; then
  log "apt-get install default-jre-headless"
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq default-jre-headless
fi
if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  log "pip install pyspark==$PYSPARK_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "pyspark==$PYSPARK_VERSION"
fi

cargo build --quiet --release --bin sift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$bench/score.py" input aeb > "$tmp/aeb.in.jsonl"
log "one run: sift annotate --jsonl < aeb.in.jsonl"
target/release/sift annotate --jsonl < "$tmp/aeb.in.jsonl" > "$tmp/single.jsonl"
# The input as several files, in order, so that the check covers the order across partitions too.
mkdir "$tmp/in"
split -n "l/$parts" -d -a 3 --additional-suffix=.jsonl "$tmp/aeb.in.jsonl" "$tmp/in/part-"

export SPARK_LOCAL_IP=127.0.0.1 # one machine: no warning about the host name resolving to loopback
log "Spark $PYSPARK_VERSION, local[2]: $parts files, one partition each, piped through sift annotate --jsonl"
"$venv/bin/python" - "$tmp/in" "$PWD/target/release/sift" "$tmp/spark.jsonl" <<'PY'
import os, sys, time
from pyspark import SparkConf, SparkContext, SparkFiles

inputs, binary, out = sys.argv[1:]
files = sorted(os.path.join(inputs, f) for f in os.listdir(inputs))
sc = SparkContext(conf=SparkConf().setMaster("local[2]").setAppName("sift-pipe").set("spark.ui.enabled", "false")
                  .set("spark.ui.showConsoleProgress", "false"))
sc.setLogLevel("ERROR")
sc.addFile(binary)  # copied to every executor (on a cluster: into its working directory, as ./sift)
shipped = SparkFiles.get(os.path.basename(binary))  # local mode: the driver is the executor
started = time.time()
# textFile gives a small file one partition; coalesce(1) makes that certain, and union keeps the files' order.
rdd = sc.union([sc.textFile("file://" + f, 1).coalesce(1) for f in files])
assert rdd.getNumPartitions() == len(files), rdd.getNumPartitions()
# Spark runs one task per core: each sift annotates on one thread. checkCode fails the job on a non-zero exit.
lines = rdd.pipe(shipped + " annotate --jsonl --threads 1", checkCode=True).collect()
print(f"{len(files)} partitions, {len(lines)} lines out in {time.time() - started:.1f} s, binary {shipped}")
with open(out, "w", encoding="utf-8") as f:
    f.writelines(line + "\n" for line in lines)
sc.stop()
PY

if cmp -s "$tmp/single.jsonl" "$tmp/spark.jsonl"; then
  echo "identical: Spark's output is the single run's, $(wc -l < "$tmp/single.jsonl") lines, $(wc -c < "$tmp/single.jsonl") bytes"
else
  echo "DIFFERENT: Spark's output is not the single run's" >&2
  cmp "$tmp/single.jsonl" "$tmp/spark.jsonl" >&2 || true
  exit 1
fi
