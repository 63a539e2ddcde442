#!/usr/bin/env bash
# Evidence output on one very long comment (issue 15, item 3): `perceive score` NDJSON of a
# generated 1 MB comment (170k contributions, a "but" in every sentence), with and without
# --no-evidence. Before the fix the evidence cost grew with the square of the contributions
# (CommentScore.share(of:) summed every item for each item; ContrastRule scanned every
# contrast word for each contribution); now both runs are linear and their ratio small.
# Usage: bash bench/long-comment.sh [bytes]       (default 1000000)
# Environment: PERCEIVE=path/to/perceive (default: release build in .build).
set -euo pipefail
cd "$(dirname "$0")/.."
bytes=${1:-1000000}
PERCEIVE=${PERCEIVE:-}
if [ -z "$PERCEIVE" ]; then
    swift build -c release --product perceive >/dev/null
    PERCEIVE=.build/release/perceive
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$bytes" "$work/comment.txt" <<'PY'
import sys
unit = "The agent was great but the wait was terrible and I am very happy it got fixed quickly. "
n = int(sys.argv[1])
open(sys.argv[2], "w").write((unit * (n // len(unit) + 1))[:n].rstrip() + "\n")
PY
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); binary: $PERCEIVE"
seconds() {  # best of 3 wall-clock seconds of: perceive score --input comment.txt --format ndjson --quiet "$@"
    local best=
    for _ in 1 2 3; do
        local start end
        start=$(date +%s.%N)
        "$PERCEIVE" score --input "$work/comment.txt" --format ndjson --quiet "$@" >"$work/out.ndjson"
        end=$(date +%s.%N)
        best=$(python3 -c "a='$best'; t=$end-$start; print(f'{min(float(a), t) if a else t:.3f}')")
    done
    echo "$best"
}
with=$(seconds)
contributions=$(python3 -c "import json,sys; print(len(json.loads(open(sys.argv[1]).readline())['evidence']))" "$work/out.ndjson")
without=$(seconds --no-evidence)
echo "perceive score --input <$bytes-byte comment> --format ndjson: $with s ($contributions evidence items)"
echo "  ... --no-evidence: $without s; ratio $(python3 -c "print(f'{$with/$without:.2f}')")"
