#!/usr/bin/env bash
# Builds the libFuzzer targets (with AddressSanitizer) and runs one for a given time.
#
#   fuzz/run.sh TARGET SECONDS [libFuzzer flags…]     e.g. fuzz/run.sh tokenizer 1800
#   fuzz/run.sh list                                   the targets
#   fuzz/run.sh all SECONDS                            each target in turn
#
# TARGET is a name from fuzz/Package.swift without its "fuzz-" prefix. The seed corpus is
# fuzz/corpus/TARGET (committed); inputs the fuzzer finds go to fuzz/artifacts/corpus/TARGET
# and failing inputs to fuzz/artifacts/TARGET/ (both ignored by git). Environment:
# FUZZ_SCRATCH (build folder, default .build-fuzz-libfuzzer), FUZZ_NO_BUILD=1 (use the last
# build), FUZZ_SANITIZERS (default fuzzer,address). Prints runs/s and the result; exits 1
# when the target found a failing input.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scratch="${FUZZ_SCRATCH:-$root/.build-fuzz-libfuzzer}"
sanitizers="${FUZZ_SANITIZERS:-fuzzer,address}"
targets=$(sed -n "/^let fuzzTargets/,/^]/p" fuzz/Package.swift | grep -o "\"fuzz-[a-z-]*\"" | tr -d "\"" | sed "s/^fuzz-//")

if [[ "${1:-}" == "list" ]]; then echo $targets; exit 0; fi
if [[ $# -lt 2 ]]; then sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; fi
target="$1"; seconds="$2"; shift 2

if [[ "${FUZZ_NO_BUILD:-0}" != 1 ]]; then
    # A nested package can keep a stale file list of the root package: drop its build database.
    rm -f "$scratch"/*.db
    swift build --package-path fuzz --scratch-path "$scratch" -c release \
        -Xswiftc -sanitize="$sanitizers" -Xswiftc -use-ld=lld 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' >&2
fi
bin="$(swift build --package-path fuzz --scratch-path "$scratch" -c release --show-bin-path)"

if [[ "$target" == all ]]; then
    status=0
    for t in $targets; do FUZZ_NO_BUILD=1 "$0" "$t" "$seconds" "$@" || status=1; done
    exit $status
fi

[[ -x "$bin/fuzz-$target" ]] || { echo "run.sh: no target '$target' (targets: $(echo $targets))" >&2; exit 2; }
work="fuzz/artifacts/corpus/$target"
crashes="fuzz/artifacts/$target"
mkdir -p "$work" "$crashes"
log="fuzz/artifacts/$target.log"
# The Swift runtime's backtracer would slow every failing run down; libFuzzer prints its own.
export SWIFT_BACKTRACE=enable=no
started=$SECONDS
set +e
"$bin/fuzz-$target" "$work" "fuzz/corpus/$target" -max_total_time="$seconds" -print_final_stats=1 \
    -timeout=10 -rss_limit_mb=4096 -max_len=4096 -artifact_prefix="$crashes/" "$@" >"$log" 2>&1
status=$?
set -e
elapsed=$((SECONDS - started))
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
if [[ $status == 0 ]]; then
    result="no failure"
else
    result="FAILED (exit $status): $(ls -t "$crashes" | head -1 | sed "s|^|$crashes/|"); see $log"
    grep -m1 -E 'PROPERTY FAILED|ERROR: AddressSanitizer|ERROR: libFuzzer|Fatal error' "$log" >&2 || true
fi
printf 'fuzz-%s: %s s (of %s asked), %s runs, %s runs/s, %s, peak RSS %s MB, corpus %s files: %s\n' \
    "$target" "$elapsed" "$seconds" "${runs:-?}" "${rate:-?}" "${cov:-cov ?}" "${rss:-?}" "$(ls "$work" | wc -l)" "$result"
exit $(( status == 0 ? 0 : 1 ))
