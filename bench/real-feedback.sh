#!/usr/bin/env bash
# Effort, success and topics on real feedback, by source of ../shared/corpora/cx-real-dev
# (airline and airport reviews, hotel reviews, smart-speaker reviews, SemEval and UCI sentences):
#
#   bash bench/real-feedback.sh            # from the package root
#
# Prints, for the odd ids (tuned on) and the even ids (reported on):
# - per source (docs/accuracy.md, "By source"): rows, then for success and effort the labelled
#   rows, r with a missing score counted as 0 (r0) and detection F1 (a score present vs a label
#   present), as `perceive bench` defines them, and the emotion score read as a success score
#   (r0 over success-labelled rows);
# - topic coverage (docs/topics.md, "Coverage on real feedback"): of the comments with an effort
#   or success label, those with effort or success evidence, those with such evidence on a
#   topic, and the same counting only evidence of a labelled dimension.
# Aggregates only: no text is printed. The corpus is read from ../shared (or $PERCEIVE_SHARED);
# its texts stay in a temporary folder. Set PERCEIVE_BIN to use a built binary.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=${PERCEIVE_SHARED:-../shared}
CORPUS="$SHARED/corpora/cx-real-dev/comments.tsv"
if [ ! -f "$CORPUS" ]; then
    echo "real-feedback.sh: $CORPUS not found (set PERCEIVE_SHARED)" >&2
    exit 2
fi
if [ -z "${PERCEIVE_BIN:-}" ]; then
    swift build -c release --product perceive >&2
    PERCEIVE_BIN="$(swift build -c release --show-bin-path)/perceive"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$CORPUS" "$WORK" "$PERCEIVE_BIN" <<'PY'
import csv, json, math, subprocess, sys

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

def pearson(a, b):
    n = len(a)
    if n < 3:
        return None
    ma, mb = sum(a) / n, sum(b) / n
    sa = math.sqrt(sum((x - ma) ** 2 for x in a))
    sb = math.sqrt(sum((y - mb) ** 2 for y in b))
    if sa == 0 or sb == 0:
        return None
    return sum((x - ma) * (y - mb) for x, y in zip(a, b)) / (sa * sb)

def dimension(pairs, name):
    """(labelled rows, r0, F1) for effort or success over (row, record) pairs."""
    gold, predicted = [], []
    tp = fp = fn = 0
    for row, record in pairs:
        label, score = row[name].strip(), record[name]
        if label and score is not None: tp += 1
        elif score is not None: fp += 1
        elif label: fn += 1
        if label:
            gold.append(float(label))
            predicted.append(score if score is not None else 0.0)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return len(gold), pearson(gold, predicted), f1

def fmt(value):
    return "–" if value is None else f"{value:.2f}"

def percent(part, whole):
    return f"{part} ({100 * part / whole:.1f}%)" if whole else "0"

print(f"perceive {subprocess.run([binary, '--version'], capture_output=True, text=True).stdout.strip()}, {corpus}")
for half, parity in (("odd ids (tuned on)", 1), ("even ids (reported on)", 0)):
    pairs = [(row, record) for row, record in zip(rows, records) if int(row["id"][1:]) % 2 == parity]
    print(f"\n{half}\n")
    print("| source | rows | success n | success r0 | success F1 | effort n | effort r0 | effort F1 | emotion as success r0 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for source in sorted({row["source"] for row, _ in pairs}) + ["all"]:
        group = [(r, s) for r, s in pairs if source == "all" or r["source"] == source]
        sn, sr0, sf1 = dimension(group, "success")
        en, er0, ef1 = dimension(group, "effort")
        labelled = [(r, s) for r, s in group if r["success"].strip()]
        emotion = pearson([float(r["success"]) for r, _ in labelled], [s["emotion"] for _, s in labelled])
        print(f"| {source} | {len(group)} | {sn} | {fmt(sr0)} | {fmt(sf1)} | {en} | {fmt(er0)} | {fmt(ef1)} | {fmt(emotion)} |")
    labelled = evidence = topical = topical_own = 0
    for row, record in pairs:
        dims = [d for d in ("effort", "success") if row[d].strip()]
        if not dims:
            continue
        labelled += 1
        items = [e for e in record["evidence"] if e["dimension"] in ("effort", "success")]
        evidence += bool(items)
        topical += any(e.get("topic") for e in items)
        topical_own += any(e.get("topic") for e in items if e["dimension"] in dims)
    print(f"\ntopic coverage: {labelled} comments with an effort or success label; with effort or success evidence "
          f"{percent(evidence, labelled)}; on a topic {percent(topical, labelled)}; on a topic, labelled dimension "
          f"only {percent(topical_own, labelled)}")
PY
