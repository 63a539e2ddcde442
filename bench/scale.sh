#!/usr/bin/env bash
# Speed and scale of the CLI on generated survey exports (issue 5):
#   1. tokenization-only and scoring-only throughput (perceive-bench-throughput, in memory);
#   2. `perceive score` CSV -> NDJSON end to end at 100k, 1M and 10M rows, --threads 1 and 2:
#      comments/s, speed-up, and peak RSS from /usr/bin/time -v; `perceive segments` likewise;
#   3. that --threads 1 and 2 write identical bytes (on the smallest export).
# Usage: bash bench/scale.sh [--quick]     (--quick: 100k and 1M rows, fewer rounds)
# Environment: PERCEIVE=path/to/perceive (default: release build with --scratch-path
# ${SCRATCH_PATH:-.build}); PERCEIVE_BENCH_DIR (default /tmp/perceive-bench) caches exports.
# Figures are only meaningful on a quiet machine: the script prints the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
if [ $quick -eq 1 ]; then sizes="100000 1000000"; bench_count=100000; rounds=3; else sizes="100000 1000000 10000000"; bench_count=500000; rounds=5; fi
work=${PERCEIVE_BENCH_DIR:-/tmp/perceive-bench}
mkdir -p "$work"
if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null
fi
PERCEIVE=${PERCEIVE:-}
if [ -z "$PERCEIVE" ]; then
    scratch=${SCRATCH_PATH:-.build}
    swift build -c release --scratch-path "$scratch" --product perceive >/dev/null
    PERCEIVE="$scratch/release/perceive"
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== 1. in-memory throughput, one thread (tokenization = the ICU floor; scoring = everything but I/O)"
swift run -c release --package-path bench perceive-bench-throughput --count "$bench_count" --rounds "$rounds" 2>/dev/null

export_for() {  # cached generated export of $1 rows
    local file="$work/export-$1.csv"
    if [ ! -s "$file" ]; then
        swift run -c release --package-path bench perceive-generate --count "$1" --format csv >"$file.tmp" 2>/dev/null
        mv "$file.tmp" "$file"
    fi
    echo "$file"
}

# Runs a command under /usr/bin/time -v with stdout to /dev/null; sets seconds and rss_mib.
measure() {
    local status=0
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || status=$?
    if [ $status -gt 1 ]; then cat "$work/time.txt" >&2; echo "failed ($status): $*" >&2; exit 1; fi
    rss_mib=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/time.txt")
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time.txt")
}

echo "== 2. end to end: perceive score (CSV in, NDJSON out to /dev/null) and perceive segments"
printf "%-9s %-9s %-8s %12s %9s %13s\n" rows command threads comments/s seconds "peak RSS MiB"
for rows in $sizes; do
    csv=$(export_for "$rows")
    declare -A rate=()
    for threads in 1 2; do
        measure "$PERCEIVE" score --input "$csv" --text-column Comment --id-column ResponseId --format ndjson --quiet --threads "$threads"
        rate[$threads]=$(awk -v n="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
        printf "%-9s %-9s %-8s %12s %9s %13s\n" "$rows" score "$threads" "${rate[$threads]}" "$seconds" "$rss_mib"
    done
    awk -v a="${rate[1]}" -v b="${rate[2]}" 'BEGIN { printf "          score speed-up, 2 threads over 1: %.2fx (target 1.8x)\n", b / a }'
    measure "$PERCEIVE" segments --input "$csv" --text-column Comment --by Region --by Channel --by Plan --quiet --threads 2
    printf "%-9s %-9s %-8s %12s %9s %13s\n" "$rows" segments 2 "$(awk -v n="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')" "$seconds" "$rss_mib"
    unset rate
done
echo "commands: /usr/bin/time -v $PERCEIVE score --input EXPORT --text-column Comment --id-column ResponseId --format ndjson --quiet --threads T >/dev/null"
echo "          /usr/bin/time -v $PERCEIVE segments --input EXPORT --text-column Comment --by Region --by Channel --by Plan --quiet --threads 2"
echo "          (EXPORT: swift run -c release --package-path bench perceive-generate --count ROWS --format csv, cached in $work)"

echo "== 3. identical bytes for --threads 1 and 2"
csv=$(export_for "${sizes%% *}")
one=$("$PERCEIVE" score --input "$csv" --text-column Comment --id-column ResponseId --format ndjson --quiet --threads 1 | sha256sum | cut -c1-16) || true
two=$("$PERCEIVE" score --input "$csv" --text-column Comment --id-column ResponseId --format ndjson --quiet --threads 2 | sha256sum | cut -c1-16) || true
if [ "$one" = "$two" ]; then echo "score NDJSON sha256 $one for both ($csv)"; else echo "DIFFERENT: $one vs $two" >&2; exit 1; fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
