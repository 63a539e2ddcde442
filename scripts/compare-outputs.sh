#!/usr/bin/env bash
# Runs every subcommand and output format of two perceive binaries on the same inputs and
# compares their outputs byte for byte (stdout, stderr and exit status of each run).
#
#   scripts/compare-outputs.sh OLD_BIN NEW_BIN [WORK_DIR]
#
# The input is a 20,000-row generated survey export (bench/'s perceive-generate, seed 42),
# made once in WORK_DIR (default: a new temporary folder), plus a plain-text file, a JSON Lines
# copy, a few rows with errors, a labeled corpus for `bench` and a lexicon folder with
# problems. Prints "N outputs identical", or the first difference and exits 1. Used for
# refactors that must not change output (issue 14; docs/performance.md), and in CI by
# scripts/compare-refactor.sh.
set -uo pipefail
if [ $# -lt 2 ]; then
    echo "usage: scripts/compare-outputs.sh OLD_BIN NEW_BIN [WORK_DIR]" >&2
    exit 2
fi
old=$(realpath "$1")
new=$(realpath "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
work=${3:-$(mktemp -d)}
mkdir -p "$work"
work=$(realpath "$work")
vader=$(realpath "$root/../shared/lexicons/vader/vader_lexicon.txt")

export_csv=$work/export-20k.csv
if [ ! -s "$export_csv" ]; then
    swift run -c release --package-path "$root/bench" perceive-generate --count 20000 --format csv > "$export_csv" || exit 2
fi
lines=$work/comments.txt
[ -s "$lines" ] || tail -n +2 "$export_csv" | cut -d, -f5- | head -3000 > "$lines"
jsonl=$work/export.jsonl
[ -s "$jsonl" ] || python3 - "$export_csv" "$jsonl" <<'EOF'
import csv, json, sys
with open(sys.argv[1], newline="") as f, open(sys.argv[2], "w") as out:
    for i, row in enumerate(csv.DictReader(f)):
        if i == 2000: break
        out.write(json.dumps({"id": row["ResponseId"], "meta": {"region": row["Region"]}, "response": {"comment": row["Comment"]}}) + "\n")
EOF
errors=$work/errors.csv
[ -s "$errors" ] || {
    head -200 "$export_csv"
    printf 'R9001,North,Email,Basic,"a row with a quote "inside it\n'
    printf 'R9002,South\n'
    printf 'R9003,East,Chat,Pro,fine thanks,extra,cells\n'
    printf 'R9004,West,Phone,Basic,=HYPERLINK("x") still waiting\n'
} > "$errors"
# A labeled corpus for `bench` (labels made up, but fixed) and scores computed "elsewhere".
labeled=$work/labeled.csv
[ -s "$labeled" ] || python3 - "$export_csv" "$labeled" "$work/predictions.txt" <<'EOF'
import csv, sys
with open(sys.argv[1], newline="") as f, open(sys.argv[2], "w", newline="") as out, open(sys.argv[3], "w") as scores:
    writer = csv.writer(out)
    writer.writerow(["text", "label"])
    for i, row in enumerate(csv.DictReader(f)):
        if i == 400: break
        writer.writerow([row["Comment"], (i * 7) % 9 - 4])
        scores.write(("" if i % 5 == 0 else str(((i * 3) % 11 - 5) / 5)) + "\n")
EOF
badlex=$work/bad-lexicon
[ -s "$badlex/terms.tsv" ] || {
    mkdir -p "$badlex"
    printf '{"format": "perceive-lexicon/1", "name": "bad", "version": "1", "language": "en", "license": "CC0-1.0", "source": "test", "terms": ["terms.tsv", "missing.tsv"], "shifters": [], "cues": [], "emotions": []}\n' > "$badlex/manifest.json"
    printf '# lexicon: bad\n# version: 1\n# source: test\n# license: CC0-1.0\nterm\tvalence\teffort\tsuccess\temotions\ngood\t0.5\nnice\tlots\ngood\t0.3\n' > "$badlex/terms.tsv"
}

# Each case: arguments to perceive (with $EXPORT, $LINES, $JSONL, $ERRORS, $VADER, $PARTS,
# $LABELED, $PREDICTIONS, $BADLEX).
cases=()
for format in json ndjson csv table; do
    for extra in "" "--sentences" "--no-evidence" "--sentences --no-evidence"; do
        cases+=("score --input \$EXPORT --text-column Comment --format $format $extra")
        cases+=("score --input \$LINES --format $format $extra")
    done
    cases+=("score --input \$EXPORT --text-column Comment --text-column Plan --id-column ResponseId --format $format")
    cases+=("score --input \$EXPORT --text-column Comment --threads 1 --format $format")
    cases+=("score --input \$JSONL --text-field response.comment --id-column id --format $format")
    cases+=("score --input \$ERRORS --text-column Comment --format $format")
    cases+=("score --input \$ERRORS --text-column Comment --no-csv-formula-guard --format $format")
    cases+=("score --format $format 'The agent was great!' 'Still waiting after 3 calls, nobody called back.' ''")
    cases+=("score --ruleset vader --lexicon vader=\$VADER --input \$EXPORT --text-column Comment --format $format")
    cases+=("score --ruleset vader --lexicon vader=\$VADER --input \$LINES --format $format")
    cases+=("score --ruleset vader --lexicon vader=\$VADER --input \$ERRORS --text-column Comment --format $format")
    cases+=("score --ruleset vader --lexicon vader=\$VADER --format $format 'GREAT service :) but the app is not good!!'")
done
for format in text json; do
    cases+=("explain --format $format 'The agent was not very helpful, but the refund came quickly.'")
    cases+=("explain --format $format 'I called 3 times and waited 2 hours. Still not fixed!!!' 'Love it :)'")
    cases+=("explain --format $format 'Cancelled my order, could not log in, the \"support\" never answered.'")
done
for format in table csv json markdown; do
    cases+=("segments --input \$EXPORT --text-column Comment --by Region --by Channel --format $format")
    cases+=("segments --input \$EXPORT --text-column Comment --by Plan --format $format")
    cases+=("segments --input \$ERRORS --text-column Comment --by Region --format $format")
    cases+=("merge --format $format \$PARTS/a.ndjson \$PARTS/b.ndjson")
done
cases+=("segments --input \$EXPORT --text-column Comment --by Region --by Channel --emit-partials")
cases+=("segments --input \$EXPORT --text-column Comment --by Region --threads 1 --emit-partials")
cases+=("merge --emit-partials \$PARTS/a.ndjson \$PARTS/b.ndjson")
cases+=("report --input \$EXPORT --text-column Comment --by Region --by Channel --title Comparison")
cases+=("report --input \$ERRORS --text-column Comment --by Region --examples 3")
cases+=("params")
cases+=("params --format json")
cases+=("params --ruleset vader")
cases+=("params --ruleset vader --format json")
cases+=("params --locales")
cases+=("segments --params")
cases+=("bench --print-parameters")
cases+=("bench --print-parameters --seed 7 --bootstrap 50 --emotion-threshold 0.3")
for format in table markdown csv json; do
    cases+=("bench --corpus \$LABELED,kind=valence:-4..4 --bootstrap 20 --lexicon en-cx --lexicon vader=\$VADER --format $format")
done
cases+=("bench --corpus \$LABELED,kind=valence:-4..4 --bootstrap 20 --predictions mine=\$PREDICTIONS --format json")
cases+=("bench --corpus \$LABELED,kind=valence:-4..4,rows=odd --bootstrap 20 --format csv")
cases+=("bench --corpus \$LABELED --label-kind valence:-4..4 --on-duplicate keep")
cases+=("lexicon formats")
for format in table json; do
    cases+=("lexicon stats --format $format en-cx")
    cases+=("lexicon stats --format $format vader=\$VADER")
done
cases+=("lexicon validate en-cx")
cases+=("lexicon validate vader=\$VADER")
cases+=("lexicon validate --verbose vader=\$VADER")
cases+=("lexicon validate \$BADLEX")
cases+=("lexicon lookup en-cx 'on hold' waited 'not a term here'")
cases+=("lexicon lookup --on-duplicate first vader=\$VADER good ':)'")
cases+=("lexicon convert --from native \$VADER -o converted")

# Partials for `merge` (two halves of the export) and a converted lexicon, made by each binary itself.
run() {  # run BIN OUT_PREFIX CASE
    local bin=$1 out=$2 case=$3
    local parts=$out.parts
    mkdir -p "$parts"
    EXPORT=$export_csv LINES=$lines JSONL=$jsonl ERRORS=$errors VADER=$vader PARTS=$parts
    LABELED=$labeled PREDICTIONS=$work/predictions.txt BADLEX=$badlex
    if [ ! -s "$parts/a.ndjson" ]; then
        head -10001 "$export_csv" > "$parts/a.csv"
        { head -1 "$export_csv"; tail -n +10002 "$export_csv"; } > "$parts/b.csv"
        "$bin" segments --quiet --input "$parts/a.csv" --text-column Comment --by Region --emit-partials > "$parts/a.ndjson"
        "$bin" segments --quiet --input "$parts/b.csv" --text-column Comment --by Region --emit-partials > "$parts/b.ndjson"
        # VADER's file converted into a lexicon folder, by each binary into its own folder.
        (cd "$parts" && "$bin" lexicon convert --name vader "$vader" -o converted --force > convert.out 2>&1; echo "exit $?" >> convert.out)
    fi
    (cd "$work" && eval "\"$bin\" $case") > "$out.stdout" 2> "$out.stderr"
    echo "exit $?" >> "$out.stdout"
    # bench measures its speed (comments/s), the one figure that differs from run to run.
    if [[ $case == bench* ]]; then
        sed -i -E -e 's/"commentsPerSecond":[^,}]*/"commentsPerSecond":R/g' -e 's/,commentsPerSecond,[^,]*/,commentsPerSecond,R/' \
            -e 's/  [0-9]+ *$/  R/' -e 's/\| [0-9]+ \|$/| R |/' "$out.stdout"
    fi
}

n=0
for i in "${!cases[@]}"; do
    run "$old" "$work/old" "${cases[$i]}"
    run "$new" "$work/new" "${cases[$i]}"
    # The partials differ in nothing but must be compared too: they were made by each binary.
    for stream in stdout stderr; do
        if ! cmp -s "$work/old.$stream" "$work/new.$stream"; then
            echo "DIFFERENT ($stream): perceive ${cases[$i]}"
            cmp "$work/old.$stream" "$work/new.$stream" | head -1
            diff <(head -c 200000 "$work/old.$stream") <(head -c 200000 "$work/new.$stream") | head -20
            exit 1
        fi
        n=$((n + 1))
    done
done
for part in a.ndjson b.ndjson convert.out converted/manifest.json converted/terms.tsv converted/shifters.tsv converted/cues.tsv; do
    cmp "$work/old.parts/$part" "$work/new.parts/$part" || { echo "DIFFERENT: $part (made by each binary)"; exit 1; }
    n=$((n + 1))
done
echo "$n outputs identical (${#cases[@]} commands, stdout and stderr each, 2 partials files and a converted lexicon)"
