#!/usr/bin/env bash
# Peak memory (RSS) of `perceive score` on generated survey exports of 100k and 1M rows:
# streaming input and output keep it flat. Prints the figures and the commands.
# Usage: bash bench/memory-rss.sh [PERCEIVE=path/to/perceive]   (writes the exports to bench/out/, git-ignored)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null
fi
mkdir -p bench/out
PERCEIVE="${PERCEIVE:-}"
if [ -z "$PERCEIVE" ]; then
    swift build -c release >/dev/null
    PERCEIVE=.build/release/perceive
fi
for count in 100000 1000000; do
    export_file="bench/out/survey-$count.csv"
    if [ ! -s "$export_file" ]; then
        swift run -c release --package-path bench perceive-generate --count "$count" --format csv >"$export_file"
    fi
    size=$(du -h "$export_file" | cut -f1)
    command=("$PERCEIVE" score --quiet --input "$export_file" --text-column Comment --id-column ResponseId --format csv -o bench/out/scored.csv)
    /usr/bin/time -v "${command[@]}" 2>bench/out/time.txt
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' bench/out/time.txt)
    elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' bench/out/time.txt)
    rows=$(($(wc -l <bench/out/scored.csv) - 1))
    echo "$count rows ($size): peak RSS $((rss / 1024)) MiB, $elapsed wall, $rows output lines  <- /usr/bin/time -v ${command[*]}"
done
rm -f bench/out/scored.csv
