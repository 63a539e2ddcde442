#!/usr/bin/env bash
# Topic coverage on real feedback (docs/topics.md, "Coverage on real feedback"): of the
# comments of ../shared/corpora/cx-real-dev that annotators gave an effort or success label,
# how many get effort or success evidence attributed to at least one topic.
#
#   bash bench/topic-coverage.sh            # from the package root
#
# Prints, for the odd ids (d0001, d0003…: the half rules are tuned on) and the even ids (the
# half figures are reported on): the labelled comments; those with effort or success evidence;
# those with such evidence on a topic; the same counting only evidence of a labelled dimension.
# The corpus is read from ../shared (or $PERCEIVE_SHARED); its texts stay in a temporary folder.
# Set PERCEIVE_BIN to use a built binary.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=${PERCEIVE_SHARED:-../shared}
CORPUS="$SHARED/corpora/cx-real-dev/comments.tsv"
if [ ! -f "$CORPUS" ]; then
    echo "topic-coverage.sh: $CORPUS not found (set PERCEIVE_SHARED)" >&2
    exit 2
fi
if [ -z "${PERCEIVE_BIN:-}" ]; then
    swift build -c release --product perceive >&2
    PERCEIVE_BIN="$(swift build -c release --show-bin-path)/perceive"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$CORPUS" "$WORK" "$PERCEIVE_BIN" <<'PY'
import csv, json, subprocess, sys

corpus, work, binary = sys.argv[1:4]
with open(corpus, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
texts = f"{work}/texts.txt"
with open(texts, "w", encoding="utf-8") as f:
    for row in rows:
        f.write(row["text"].replace("\r", " ").replace("\n", " ") + "\n")
out = subprocess.run([binary, "score", "--input", texts, "--format", "ndjson", "--quiet", "--threads", "1"],
                     check=True, capture_output=True, text=True).stdout
records = [json.loads(line) for line in out.splitlines() if line.strip()]
assert len(records) == len(rows), (len(records), len(rows))

def percent(part, whole):
    return f"{part} ({100 * part / whole:.1f}%)" if whole else "0"

print(f"perceive: {subprocess.run([binary, '--version'], capture_output=True, text=True).stdout.strip()}")
print("half  labelled  with effort/success evidence  on a topic  on a topic, labelled dimension only")
for name, parity in (("odd", 1), ("even", 0)):
    labelled = evidence = topical = topical_own = 0
    for row, record in zip(rows, records):
        if int(row["id"][1:]) % 2 != parity:
            continue
        dims = [d for d in ("effort", "success") if row[d].strip()]
        if not dims:
            continue
        labelled += 1
        items = [e for e in record["evidence"] if e["dimension"] in ("effort", "success")]
        evidence += bool(items)
        topical += any(e.get("topic") for e in items)
        topical_own += any(e.get("topic") for e in items if e["dimension"] in dims)
    print(f"{name:5} {labelled:9} {percent(evidence, labelled):>29} {percent(topical, labelled):>11} "
          f"{percent(topical_own, labelled):>36}")
PY
