#!/usr/bin/env bash
# Reproduces the accuracy tables of docs/accuracy.md (summarized in the README's Accuracy section).
#
#   bash bench/accuracy.sh            # from the package root
#
# Every corpus and third-party lexicon is read at run time from ../shared (or
# $PERCEIVE_SHARED); absent ones are skipped with a message. Python VADER 3.3.2 runs on the
# same rows from a cached virtualenv ($PERCEIVE_VADER_VENV, default ~/.cache/perceive/vader-venv).
# Results: bench/results/*.json (metrics only: full tables with the exact commands) and
# bench/results/accuracy.md (the summary table). Texts never leave a temporary folder.
# Set PERCEIVE_ENCX to a lexicon folder to measure it in place of the embedded en-cx. Set PERCEIVE_BIN to use a built binary.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=${PERCEIVE_SHARED:-../shared}
OUT=${PERCEIVE_RESULTS:-bench/results}
SEED=${PERCEIVE_SEED:-42}
BOOTSTRAP=${PERCEIVE_BOOTSTRAP:-1000}
VENV=${PERCEIVE_VADER_VENV:-$HOME/.cache/perceive/vader-venv}

if [ -z "${PERCEIVE_BIN:-}" ]; then
    swift build -c release --product perceive >&2
    PERCEIVE_BIN="$(swift build -c release --show-bin-path)/perceive"
fi
mkdir -p "$OUT"
rm -f "$OUT"/*.json
# Texts and Python VADER's scores are derived from the corpora: kept out of the tree.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Python VADER, once, in a cached virtualenv.
PYVADER=""
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import vaderSentiment" 2>/dev/null; then
    PYVADER="$VENV/bin/python"
elif python3 -m venv "$VENV" >&2 && "$VENV/bin/pip" install -q vadersentiment==3.3.2 >&2; then
    PYVADER="$VENV/bin/python"
else
    echo "accuracy.sh: Python VADER could not be installed; its column is left out" >&2
fi

# en-cx: the embedded one, or a lexicon folder given as PERCEIVE_ENCX (measures a working copy
# without rebuilding, e.g. PERCEIVE_ENCX=lexicons/en-cx).
ENCX=(--lexicon "${PERCEIVE_ENCX:+en-cx=}${PERCEIVE_ENCX:-en-cx}")
# Third-party lexicons, when present: name=path for --lexicon.
LEX=("${ENCX[@]}")
add_lexicon() { # name path...
    local name=$1; shift
    for path in "$@"; do
        if [ ! -e "$path" ]; then echo "accuracy.sh: $path absent: lexicon $name skipped" >&2; return; fi
    done
    local joined; joined=$(IFS=,; echo "$*")
    LEX+=(--lexicon "$name=$joined")
}
add_lexicon vader "$SHARED/lexicons/vader/vader_lexicon.txt"
add_lexicon afinn "$SHARED/lexicons/afinn/AFINN-en-165.txt"
add_lexicon huliu "$SHARED/lexicons/hu_liu_opinion_lexicon/positive-words.txt" "$SHARED/lexicons/hu_liu_opinion_lexicon/negative-words.txt"
add_lexicon jockers-rinker "$SHARED/lexicons/trinker_lexicon/csv/hash_sentiment_jockers_rinker.csv" "$SHARED/lexicons/trinker_lexicon/csv/hash_valence_shifters.csv"
add_lexicon nrc-emolex "$SHARED/lexicons/nrc_emolex/NRC-Emotion-Lexicon-Wordlevel-v0.92.txt"
# The emotion corpora: the lexicons with named emotions.
EMO_LEX=("${ENCX[@]}")
if [ -e "$SHARED/lexicons/nrc_emolex/NRC-Emotion-Lexicon-Wordlevel-v0.92.txt" ]; then
    EMO_LEX+=(--lexicon "nrc-emolex=$SHARED/lexicons/nrc_emolex/NRC-Emotion-Lexicon-Wordlevel-v0.92.txt")
fi

# run NAME FILE SPEC [lexicon options…]: one corpus, with Python VADER on valence corpora and,
# on effort/success corpora whose empty labels mean "no cue" (kind=…:nocue:…), Python VADER's
# compound and en-cx's emotion score, each read as an effort or success score.
run() {
    local name=$1 file=$2 spec=$3; shift 3
    if [ ! -e "$file" ]; then echo "accuracy.sh: $file absent: $name skipped" >&2; return; fi
    local extra=()
    if [[ "$spec" == *:nocue:* ]] || { [[ "$spec" != *kind=emotion* ]] && [[ "$spec" == *kind=valence* ]]; }; then
        "$PERCEIVE_BIN" bench --corpus "$file,$spec,name=$name" --export-texts "$WORK/$name.texts.jsonl"
    fi
    if [ -n "$PYVADER" ] && [ -e "$WORK/$name.texts.jsonl" ]; then
        "$PYVADER" bench/vader_scores.py "$WORK/$name.texts.jsonl" "$WORK/$name.scores"
        extra=(--predictions "vader-python=$WORK/$name.scores")
    fi
    if [[ "$spec" == *:nocue:* ]]; then
        # en-cx's emotion (valence) score, one a line, to measure against effort or success gold.
        "$PERCEIVE_BIN" score "${ENCX[@]}" --input "$WORK/$name.texts.jsonl" --text-column text --format ndjson --no-evidence \
            | python3 -c 'import json, sys
for line in sys.stdin: print(json.loads(line)["emotion"])' > "$WORK/$name.emotion"
        extra+=(--predictions "en-cx-emotion=$WORK/$name.emotion")
    fi
    echo "accuracy.sh: $name" >&2
    "$PERCEIVE_BIN" bench "$@" "${extra[@]}" --corpus "$file,$spec,name=$name" \
        --seed "$SEED" --bootstrap "$BOOTSTRAP" --format json -o "$OUT/$name.json"
}

UCI="$SHARED/corpora/uci_sentiment_labelled_sentences"
for part in amazon_cells imdb yelp; do
    run "uci-$part" "$UCI/${part}_labelled.txt" "text=1,label=2,header=no,kind=valence:binary" "${LEX[@]}"
done
GO="$SHARED/corpora/goemotions"
run goemotions-dev-ekman "$GO/dev.tsv" \
    "text=1,label=2,header=no,kind=emotions,label-names=$GO/emotions.txt,label-map=$GO/ekman_mapping.json,space=ekman" "${EMO_LEX[@]}"
run emobank-valence "$SHARED/corpora/emobank/corpus/emobank.csv" "text=text,label=V,kind=valence:1..5" "${LEX[@]}"
run skytrax-airport-queuing "$SHARED/corpora/skytrax_reviews/subset_ashaloganova/airport.csv" \
    "text=content,label=queuing_rating,kind=effort:ordinal:1..5,outside=skip" "${LEX[@]}"
CX=corpora/cx-feedback/test.tsv
run cx-test-valence "$CX" "text=text,label=valence,kind=valence:-1..1" "${LEX[@]}"
run cx-test-effort "$CX" "text=text,label=effort,kind=effort:-1..1" "${LEX[@]}"
run cx-test-success "$CX" "text=text,label=success,kind=success:-1..1" "${LEX[@]}"
run cx-test-emotions "$CX" "text=text,label=emotions,kind=emotions" "${EMO_LEX[@]}"
# Effort and success where an empty label means "the text says nothing about this" (no cue):
# r, r0 and detection F1 (accuracy_summary.py's tables per set).
run cx-test-effort-nocue "$CX" "text=text,label=effort,kind=effort:nocue:-1..1" "${LEX[@]}"
run cx-test-success-nocue "$CX" "text=text,label=success,kind=success:nocue:-1..1" "${LEX[@]}"
# cx-real-dev (../shared, real feedback, two annotators): the odd ids (d0001, d0003, …; odd data
# rows) are for tuning, the even ones for reporting; each half measured on its own.
REAL="$SHARED/corpora/cx-real-dev/comments.tsv"
for half in odd even; do
    run "cx-real-dev-$half-valence" "$REAL" "text=text,label=valence,kind=valence:-1..1,quote=no,rows=$half" "${LEX[@]}"
    run "cx-real-dev-$half-effort" "$REAL" "text=text,label=effort,kind=effort:nocue:-1..1,quote=no,rows=$half" "${LEX[@]}"
    run "cx-real-dev-$half-success" "$REAL" "text=text,label=success,kind=success:nocue:-1..1,quote=no,rows=$half" "${LEX[@]}"
done
# Topics: SemEval-2014 restaurants (train), aspect categories against lexicons/topics/restaurants.tsv;
# the even sentences are for tuning the taxonomy, the odd ones for reporting.
run semeval2014-restaurants-odd-topics "$SHARED/corpora/semeval2014_absa/Restaurants_Train_v2.xml" "rows=odd" \
    "${ENCX[@]}" --topics lexicons/topics/restaurants.tsv

python3 bench/accuracy_summary.py "$OUT" | tee "$OUT/accuracy.md"
