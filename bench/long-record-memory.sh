#!/usr/bin/env bash
# Memory for the largest record (issue 15, item 5), on a file holding one record just under
# the record limit (`maxRecordBytes`, `perceive params --group input`), as plain text, CSV and
# JSON Lines:
#   1. the readers alone: perceive-read-memory (bench/Sources) reads the file as `score` does,
#      without scoring, and prints its peak RSS above its start;
#   2. `perceive score`, NDJSON out, with and without --no-evidence: peak RSS, the same command
#      on a one-line file (the binary's own footprint), and (peak − footprint) ÷ record size.
# Each figure is also given as a multiple of the record's size.
# Usage: bash bench/long-record-memory.sh [bytes]     (default: 16 MiB − 1 KiB)
# Environment: PERCEIVE=path/to/perceive (default: release build in .build);
# READ_MEMORY=path/to/perceive-read-memory (default: release build of bench/).
set -euo pipefail
cd "$(dirname "$0")/.."
bytes=${1:-$(( (16 << 20) - 1024 ))}
PERCEIVE=${PERCEIVE:-}
if [ -z "$PERCEIVE" ]; then
    swift build -c release --product perceive >/dev/null
    PERCEIVE=.build/release/perceive
fi
READ_MEMORY=${READ_MEMORY:-}
if [ -z "$READ_MEMORY" ]; then
    swift build -c release --package-path bench --product perceive-read-memory >/dev/null
    READ_MEMORY=bench/.build/release/perceive-read-memory
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The record's text: a customer-comment sentence repeated, cut so that the whole record (with
# the CSV or JSON around it, without its line end) is `bytes` long.
python3 - "$bytes" "$work" <<'PY'
import sys, os
n, work = int(sys.argv[1]), sys.argv[2]
unit = "The agent was great but the wait was terrible and I am very happy it got fixed quickly. "
def text(length):
    return (unit * (length // len(unit) + 1))[:length]
def write(name, before, after, tail=""):
    body = text(n - len(before) - len(after))
    open(os.path.join(work, name), "w").write(before + body + after + "\n" + tail)
write("long.txt", "", "")
write("long.csv", '1,"', '"', "")
with open(os.path.join(work, "long.csv")) as f: data = f.read()
open(os.path.join(work, "long.csv"), "w").write("id,comment\n" + data)
write("long.jsonl", '{"id":"1","text":"', '"}')
open(os.path.join(work, "short.txt"), "w").write(unit + "\n")
open(os.path.join(work, "short.csv"), "w").write('id,comment\n1,"' + unit + '"\n')
open(os.path.join(work, "short.jsonl"), "w").write('{"id":"1","text":"' + unit + '"}\n')
PY
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); binary: $PERCEIVE (worktree at $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "record: $bytes bytes ($(python3 -c "print(f'{$bytes / 1048576:.3f}')") MiB)"
rss_kib() {  # peak RSS in KiB of: perceive "$@" >/dev/null (exit 0 or 1 accepted)
    local status=0
    /usr/bin/time -v "$PERCEIVE" "$@" >/dev/null 2>"$work/time.txt" || status=$?
    if [ $status -gt 1 ]; then cat "$work/time.txt" >&2; echo "failed ($status): perceive $*" >&2; exit 1; fi
    awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt"
}
echo "== 1. the readers alone: $READ_MEMORY FILE [--text-column comment]"
printf "%-6s %22s %9s\n" input "peak above start MiB" "× record"
for kind in txt csv jsonl; do
    extra=()
    [ $kind = csv ] && extra=(--text-column comment)
    line=$("$READ_MEMORY" "$work/long.$kind" "${extra[@]}")
    mib=$(echo "$line" | sed -n 's/.*peak RSS above the start \([0-9.]*\) MiB.*/\1/p')
    printf "%-6s %22s %9.2f\n" "$kind" "$mib" "$(echo "$mib * 1048576 / $bytes" | bc -l)"
done
echo "== 2. perceive score"
printf "%-6s %-14s %12s %14s %9s\n" input evidence "peak MiB" "one-line MiB" "× record"
for kind in txt csv jsonl; do
    case $kind in
        txt) columns=() ;;
        csv) columns=(--text-column comment) ;;
        jsonl) columns=(--text-field text) ;;
    esac
    for evidence in "" --no-evidence; do
        args=(score "${columns[@]}" --format ndjson --quiet $evidence)
        peak=$(rss_kib "${args[@]}" --input "$work/long.$kind")
        base=$(rss_kib "${args[@]}" --input "$work/short.$kind")
        printf "%-6s %-14s %12.1f %14.1f %9.1f\n" "$kind" "${evidence:-evidence}" "$(echo "$peak / 1024" | bc -l)" \
            "$(echo "$base / 1024" | bc -l)" "$(echo "($peak - $base) * 1024 / $bytes" | bc -l)"
    done
done
echo "command: perceive score --input FILE [--text-column comment | --text-field text] --format ndjson --quiet [--no-evidence] >/dev/null"
