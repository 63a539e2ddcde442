#!/usr/bin/env bash
# Memory of `perceive segments` with very many segments (issue 15, item 6): a generated export
# of 200,000 rows (perceive-generate) with two more columns, Customer (86,000 distinct values,
# each in 2 or 3 rows) and Store (86,011), segmented by Customer alone and by both (then
# 86,000 + 86,011 + 200,000 combined segments). Prints peak RSS (/usr/bin/time -v) and wall
# time per output format; every format still carries every segment.
# Usage: bash bench/segments-memory.sh [rows [flags…]]   (default 200000; flags are added to
# every segments command, e.g. --by-topic)
# Environment: PERCEIVE=path/to/perceive (default: release build in .build);
# PERCEIVE_BENCH_DIR (default /tmp/perceive-bench) caches the export.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
shift $(( $# > 0 ? 1 : 0 ))
extra=("$@")
PERCEIVE=${PERCEIVE:-}
if [ -z "$PERCEIVE" ]; then
    swift build -c release --product perceive >/dev/null
    PERCEIVE=.build/release/perceive
fi
work=${PERCEIVE_BENCH_DIR:-/tmp/perceive-bench}
mkdir -p "$work"
export_file="$work/segments-$rows.csv"
if [ ! -s "$export_file" ]; then
    swift build -c release --package-path bench --product perceive-generate >/dev/null
    bench/.build/release/perceive-generate --count "$rows" --format csv >"$work/base-$rows.csv"
    python3 - "$work/base-$rows.csv" "$export_file.tmp" <<'PY'
import csv, sys
with open(sys.argv[1], newline='') as source, open(sys.argv[2], 'w', newline='') as target:
    rows = csv.reader(source)
    out = csv.writer(target, lineterminator='\n')
    out.writerow(next(rows) + ['Customer', 'Store'])
    for i, row in enumerate(rows):
        out.writerow(row + ['C%05d' % ((i * 7919) % 86000), 'S%05d' % ((i * 104729) % 86011)])
PY
    mv "$export_file.tmp" "$export_file"
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $PERCEIVE (worktree at $(git rev-parse --short HEAD 2>/dev/null || echo '?')); input: $export_file ($rows rows)"
printf "%-26s %-9s %10s %9s %12s\n" by format "peak MiB" seconds "output MB"
for by in "--by Customer" "--by Customer --by Store"; do
    for format in table csv json markdown; do
        status=0
        /usr/bin/time -v "$PERCEIVE" segments --input "$export_file" --text-column Comment $by ${extra[@]+"${extra[@]}"} --format "$format" --quiet \
            >"$work/segments.out" 2>"$work/time.txt" || status=$?
        if [ $status -gt 1 ]; then cat "$work/time.txt" >&2; exit 1; fi
        rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/time.txt")
        seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time.txt")
        printf "%-26s %-9s %10s %9s %12.1f\n" "$by" "$format" "$rss" "$seconds" "$(echo "$(wc -c <"$work/segments.out") / 1000000" | bc -l)"
    done
done
echo "command: perceive segments --input $export_file --text-column Comment --by Customer [--by Store]${extra[@]+ ${extra[*]}} --format FORMAT --quiet"
