#!/usr/bin/env bash
# Checks examples/spark/perceive_segments.py in Spark local[2] mode, bound to loopback,
# against one `perceive segments` run over the same export: counts identical, means and
# intervals within 1e-9; and a failing child (a bad input format) must fail the job.
# Usage: bash examples/spark/test.sh [path/to/perceive]   (default: .build/release/perceive)
# Installs PySpark 4.3.0 into ~/.cache/perceive-spark-venv (reused by later runs) and Java 17
# (Debian's openjdk-17-jre-headless) when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
perceive=$(realpath "${1:-.build/release/perceive}")
[ -x "$perceive" ] || { echo "no perceive binary at $perceive (build it first: swift build -c release)" >&2; exit 2; }

venv="$HOME/.cache/perceive-spark-venv"
if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '4.3.0')" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q pyspark==4.3.0
fi
java17=$(ls -d /usr/lib/jvm/java-17-openjdk-*/bin/java 2>/dev/null | head -1 || true)
if [ -z "$java17" ]; then
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    java17=$(ls -d /usr/lib/jvm/java-17-openjdk-*/bin/java | head -1)
fi
export JAVA_HOME=$(dirname "$(dirname "$java17")")
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=localhost

work=$(mktemp -d /tmp/perceive-spark.XXXXXX)
trap 'rm -rf "$work"' EXIT
# A survey export with what Spark's CSV reader must get right: quoted fields with commas,
# line breaks and doubled quotes, emoji and non-ASCII text, empty comments and segments.
python3 - "$work/export.csv" <<'PY'
import csv, random, sys
rng = random.Random(5)
parts = ["On hold for 45 minutes.\nStill not fixed.", "Quick and easy, thanks!", "not bad", "😡😡 awful",
         "The app is great, but delivery took three weeks!!", 'They said "fixed" and it was not', "", "Très bien, merci",
         "called 3 times and it's still broken", "Friendly team,\nquick answer 🙂", "I had to repeat myself twice"]
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["ResponseId", "Region", "Channel", "Comment"])
    for i in range(1, 3001):
        comment = " ".join(rng.choice(parts) for _ in range(rng.randint(1, 3))).strip()
        out.writerow([f"R_{i}", rng.choice(["North", "South", "West", ""]), rng.choice(["web", "phone", "store"]), comment])
PY

echo "== single process"
"$perceive" segments --input "$work/export.csv" --text-column Comment --by Region --by Channel --format json --quiet -o "$work/single.json"

echo "== Spark local[2] (PySpark $("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)'), $("$java17" -version 2>&1 | head -1))"
start=$(date +%s.%N)
"$venv/bin/python" examples/spark/perceive_segments.py --master 'local[2]' --partitions 4 --perceive "$perceive" \
    --input "$work/export.csv" --text-column Comment --by Region --by Channel --format json -o "$work/spark.json" 2>"$work/spark.log" \
    || { tail -40 "$work/spark.log" >&2; echo "FAIL: the Spark job failed" >&2; exit 1; }
echo "Spark job: $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s including start-up"

"$venv/bin/python" - "$work/single.json" "$work/spark.json" <<'PY'
import json, math, sys
single, spark = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
problems = []
def compare(a, b, path):
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            problems.append(f"{path}: keys {sorted(a)} vs {sorted(b)}")
        for k in a.keys() & b.keys():
            compare(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            problems.append(f"{path}: {len(a)} vs {len(b)} items")
        for k, (x, y) in enumerate(zip(a, b)):
            compare(x, y, f"{path}[{k}]")
    elif isinstance(a, bool) or isinstance(a, int) and isinstance(b, int) or not isinstance(a, (int, float)):
        if a != b:  # counts, names, flags: identical
            problems.append(f"{path}: {a!r} vs {b!r}")
    elif not (isinstance(b, (int, float)) and math.isclose(a, b, rel_tol=0, abs_tol=1e-9)):
        problems.append(f"{path}: {a!r} vs {b!r}")  # means, intervals, shares: within 1e-9
compare(single, spark, "$")
if problems:
    sys.exit("FAIL: Spark and single-process summaries differ:\n  " + "\n  ".join(problems[:20]))
print(f"same summary: {single['rows']} rows, {len(single['segments'])} segments; counts identical, numbers within 1e-9")
PY

echo "== a failing child fails the job"
if "$venv/bin/python" examples/spark/perceive_segments.py --master 'local[2]' --perceive "$perceive" \
    --input "$work/export.csv" --text-column Comment --by Region --child-input-format csv --format json \
    -o "$work/failed.json" >"$work/failed.log" 2>&1; then
    echo "FAIL: the job succeeded although every child exited with an error" >&2; exit 1
fi
[ ! -e "$work/failed.json" ] || { echo "FAIL: a summary was written from partial results" >&2; exit 1; }
grep -q "PIPE_FUNCTION_EXITED" "$work/failed.log" || { tail -20 "$work/failed.log" >&2; echo "FAIL: expected PIPE_FUNCTION_EXITED" >&2; exit 1; }
echo "the job failed (PIPE_FUNCTION_EXITED) and wrote no summary"
echo "spark example: ok"
