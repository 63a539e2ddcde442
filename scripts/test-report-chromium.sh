#!/usr/bin/env bash
# Opens `perceive report` of the bundled sample survey in headless Chromium (Debian's
# `chromium`, installed if missing) and checks, as a person would see it, that:
#   - the page loads without console errors (CSP violations included), and its inline
#     script ran under the Content-Security-Policy (it marks <html data-sortable="ready">);
#   - the charts are there (inline SVG);
#   - the comment containing <script>alert(1)</script> and the one starting =HYPERLINK( are
#     shown as text (escaped), not run or linked;
#   - with --by-topic (report-topics.html): the topic section, its impact chart, topic ×
#     dimension and topic × segment tables, and example comments with the topic's mentions
#     marked; a comment with markup in it escaped there too.
# It saves screenshots for a person to look at: $OUT/report.png, and $OUT/report-topics.png of
# the topic section (default out: .build-report/).
# Usage: bash scripts/test-report-chromium.sh [path/to/perceive]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${REPORT_TEST_OUT:-.build-report}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
    echo "== installing chromium (Debian package)"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

PERCEIVE="${1:-}"
if [ -z "$PERCEIVE" ]; then
    swift build -c release >/dev/null
    PERCEIVE=.build/release/perceive
fi

echo "== rendering reports of corpora/sample/survey.csv"
"$PERCEIVE" report --quiet --input corpora/sample/survey.csv --text-column Comment --id-column ResponseId --by Region --by Channel -o "$OUT/report.html"
# Every comment shown (as most negative or most positive), to check the escaping of all of them.
"$PERCEIVE" report --quiet --input corpora/sample/survey.csv --text-column Comment --id-column ResponseId --by Region --examples 1000 -o "$OUT/report-all.html"
# Topics: the sample, and a comment with markup that is a topic's only (so its example) comment.
{ cat corpora/sample/survey.csv
  printf '%s\n' 'R_9001,North,web,Basic,3,"<img src=x onerror=alert(2)> The <b>voucher</b> code was rejected & nobody helped."'
} >"$OUT/survey-topics.csv"
"$PERCEIVE" report --quiet --input "$OUT/survey-topics.csv" --text-column Comment --id-column ResponseId --by Region --by-topic -o "$OUT/report-topics.html"

CHROME=(chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --hide-scrollbars
        --user-data-dir="$OUT/chromium-profile" --enable-logging=stderr --v=0 --virtual-time-budget=3000)

passed=0
failed=0
check() {  # check NAME COMMAND...
    local name="$1"; shift
    if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}

for page in report report-all report-topics; do
    "${CHROME[@]}" --dump-dom "file://$OUT/$page.html" >"$OUT/$page.dom.html" 2>"$OUT/$page.console.log" || true
    check "$page: page loaded" test -s "$OUT/$page.dom.html"
    check "$page: no console errors or CSP violations" \
        bash -c "! grep -E 'CONSOLE|Refused to|Uncaught' '$OUT/$page.console.log'"
    check "$page: inline script ran under the CSP" grep -q 'data-sortable="ready"' "$OUT/$page.dom.html"
    check "$page: Content-Security-Policy without unsafe-inline" \
        bash -c "grep -q 'http-equiv=\"Content-Security-Policy\" content=\"default-src .none.; script-src .sha256-' '$OUT/$page.html' && ! grep -q 'unsafe-inline' '$OUT/$page.html'"
    check "$page: charts present" bash -c "[ \"\$(grep -o '<svg class=\"chart' '$OUT/$page.dom.html' | wc -l)\" -ge 5 ]"
    check "$page: one <script> element only" bash -c "[ \"\$(grep -o '<script' '$OUT/$page.dom.html' | wc -l)\" -eq 1 ]"
    check "$page: no links" bash -c "! grep -q '<a ' '$OUT/$page.dom.html'"
done
check "the <script>alert(1)</script> comment is shown as text" \
    grep -q 'I typed &lt;script&gt;alert(1)&lt;/script&gt; as my nickname' "$OUT/report-all.dom.html"
check "the =HYPERLINK( comment is shown as text" \
    grep -q '>=HYPERLINK(\|=HYPERLINK(&quot;http://example.com&quot;\|=HYPERLINK("http://example.com"' "$OUT/report-all.dom.html"

check "report-topics: topic section, impact chart and tables" \
    bash -c "grep -q '<section id=\"topics\">' '$OUT/report-topics.dom.html' && grep -q '<svg class=\"chart impact\"' '$OUT/report-topics.dom.html' && grep -q 'table class=\"sortable topics\"' '$OUT/report-topics.dom.html' && grep -q 'table class=\"sortable topic-segments\"' '$OUT/report-topics.dom.html'"
check "report-topics: examples with the topic's mentions marked" grep -q '<mark class="[a-z ]*topic' "$OUT/report-topics.dom.html"
check "report-topics: the <img onerror> comment is shown as text" \
    grep -q '&lt;img src=x onerror=alert(2)&gt; The &lt;b&gt;voucher&lt;/b&gt;\|&lt;img src=x onerror=alert(2)&gt; The &lt;b&gt;<mark' "$OUT/report-topics.dom.html"
check "report-topics: no <img> or <b> from a comment" bash -c "! grep -q '<img\|<b>' '$OUT/report-topics.dom.html'"

echo "== screenshot"
"${CHROME[@]}" --window-size=1280,2600 --screenshot="$OUT/report.png" "file://$OUT/report.html" >/dev/null 2>&1 || true
check "screenshot written" bash -c "head -c 8 '$OUT/report.png' | od -An -c | grep -q 'P   N   G'"
# The topic section alone: the page cut to its head, the section and the footer (same style and script).
python3 - "$OUT/report-topics.html" "$OUT/report-topics-top.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
start, end = page.index('<section id="topics">'), page.index('<section id="comments">')
body = page.index('<body>') + len('<body>')
open(sys.argv[2], 'w', encoding='utf-8').write(page[:body] + '\n' + page[start:end] + page[page.index('<footer>'):])
PY
"${CHROME[@]}" --window-size=1280,1700 --screenshot="$OUT/report-topics.png" "file://$OUT/report-topics-top.html" >/dev/null 2>&1 || true
check "topic screenshot written" bash -c "head -c 8 '$OUT/report-topics.png' | od -An -c | grep -q 'P   N   G'"
echo "screenshots: $OUT/report.png $OUT/report-topics.png"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
