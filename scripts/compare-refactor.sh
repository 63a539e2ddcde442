#!/usr/bin/env bash
# Proves, in CI, that issue 14's architecture refactor changed no output: builds two pinned
# commits whose scoring is the same, each in a detached worktree with its own scratch path,
# and runs scripts/compare-outputs.sh on their binaries (every subcommand and format, byte for
# byte). Exits 1 on a difference, 2 when a commit is not in the clone or does not build.
#
#   scripts/compare-refactor.sh [WORK_DIR]
#
# The commits are pinned, not "main before and after", because scoring changes on purpose
# after the refactor: HEAD's binary would differ from the baseline for reasons that are not
# the refactor's. BEFORE is main just before the refactor series landed; AFTER is the series'
# end. Between them: the merges of 'arch' and 'slim' and the command-line slimming of
# 'cli-slim' (docs/performance.md, "Library refactor of issue 14").
set -uo pipefail
BEFORE=76db755f7f088dd1398fb9e352cd8024b73f11d3  # JSONLinesRecord: one walk of a dotted path (main before "Merge branch 'arch'")
AFTER=46c1f68799d6150a30d6be7f80dc83f1270fc749   # cli-slim's last code commit (params --group: ParameterTable.text(groups:)…)
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
work=$(realpath "$work")
cd "$root"

have() { git cat-file -e "$1^{commit}" 2>/dev/null; }
if ! have "$BEFORE" || ! have "$AFTER"; then
    if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
        echo "compare-refactor: this clone is shallow; fetching the full history (git fetch --unshallow)"
        git fetch --quiet --unshallow || echo "compare-refactor: git fetch --unshallow failed" >&2
    fi
fi
for commit in "$BEFORE" "$AFTER"; do
    if ! have "$commit"; then
        echo "compare-refactor: commit $commit is not in this clone's history: cannot compare the refactor's outputs" >&2
        echo "compare-refactor: clone with the full history (not --depth), or run 'git fetch --unshallow'" >&2
        exit 2
    fi
done

worktrees=()
cleanup() {
    for tree in "${worktrees[@]}"; do git worktree remove --force "$tree" >/dev/null 2>&1; done
    git worktree prune
}
trap cleanup EXIT
for commit in "$BEFORE" "$AFTER"; do
    tree=$work/src-${commit:0:7}
    [ -d "$tree" ] || git worktree add --quiet --detach "$tree" "$commit" || exit 2
    worktrees+=("$tree")
    echo "compare-refactor: building ${commit:0:7} (release)"
    log=$work/build-${commit:0:7}.log
    if ! swift build -c release --package-path "$tree" --scratch-path "$work/build-${commit:0:7}" > "$log" 2>&1; then
        tail -30 "$log"
        echo "compare-refactor: ${commit:0:7} did not build" >&2
        exit 2
    fi
    tail -1 "$log"
done
bash scripts/compare-outputs.sh "$work/build-${BEFORE:0:7}/release/perceive" "$work/build-${AFTER:0:7}/release/perceive" "$work/compare"
