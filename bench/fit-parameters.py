#!/usr/bin/env python3
"""Coordinate search over the outcome and effort models' parameters (Parameters, set with `--set`).

    python3 bench/fit-parameters.py [PERCEIVE_BIN] [--rounds 2]

Fits on the tuning data only: the dev half of corpora/cx-feedback (dev.tsv) and the odd ids
of ../shared/corpora/cx-real-dev (or $PERCEIVE_SHARED). Never reads cx-feedback/test.tsv and
uses no even id of cx-real-dev. The objective is the mean over both sets of success r0,
effort r0, success detection F1 and effort detection F1 (docs/accuracy.md defines them).
The search is deterministic (a fixed grid per parameter, parameters in a fixed order, ties
keep the current value), so it needs no seed. It prints each improvement and the final
`--set` line; the fitted values are then written by hand into Parameters.swift with a note.
"""
import csv, json, math, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get('PERCEIVE_SHARED', os.path.join(ROOT, '..', 'shared'))
args = [a for a in sys.argv[1:] if not a.startswith('--')]
BIN = args[0] if args else os.path.join(ROOT, '.build', 'release', 'perceive')
ROUNDS = int(sys.argv[sys.argv.index('--rounds') + 1]) if '--rounds' in sys.argv else 2
LEXICON = os.environ.get('PERCEIVE_ENCX')  # a lexicon folder to fit against, else the embedded one

GRID = {
    'productVerdictWeight': [0, 0.4, 0.6, 0.8, 1.0, 1.2],
    'goalObtainedSuccess': [0, 0.3, 0.45, 0.6, 0.8],
    'goalMissingSuccess': [-1, -0.85, -0.7, -0.5, -0.3],
    'delaySuccessWeight': [0.5, 0.7, 0.9, 1.0],
    'processDurationWeight': [0, 0.25, 0.5, 0.75, 1.0],
    'unattributedDurationWeight': [0, 0.25, 0.5, 0.75],
    'blockedActionEffort': [-1, -0.8, -0.6, -0.4, -0.2],
    'burdenEffort': [-0.8, -0.6, -0.4, -0.2, 0],
    'sarcasmFactor': [-1, -0.6, -0.3, 0],
    'negationWindow': [2, 3, 4, 5],
    'outcomeToneWeight': [0.5, 1.0, 1.5, 2.0, 2.5, 3.0],
    'serviceActionSuccess': [0, 0.3, 0.5, 0.7, 0.9],
}

def load(path, keep):
    with open(path, encoding='utf-8') as f:
        return [r for r in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE) if keep(r)]

def pearson(a, b):
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    sa = math.sqrt(sum((x - ma) ** 2 for x in a)); sb = math.sqrt(sum((y - mb) ** 2 for y in b))
    return 0.0 if sa == 0 or sb == 0 else sum((x - ma) * (y - mb) for x, y in zip(a, b)) / (sa * sb)

def metrics(rows, records, dim):
    gold0, pred0 = [], []
    tp = fp = fn = 0
    for row, rec in zip(rows, records):
        g, p = row[dim].strip(), rec.get(dim)
        if g and p is not None: tp += 1
        elif p is not None: fp += 1
        elif g: fn += 1
        if g: gold0.append(float(g)); pred0.append(0.0 if p is None else p)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return pearson(gold0, pred0), f1

sets = {
    'cx-feedback dev': load(os.path.join(ROOT, 'corpora', 'cx-feedback', 'dev.tsv'), lambda r: True),
    'cx-real-dev odd': load(os.path.join(SHARED, 'corpora', 'cx-real-dev', 'comments.tsv'), lambda r: int(r['id'][1:]) % 2 == 1),
}
work = tempfile.mkdtemp()
files = {}
for name, rows in sets.items():
    path = os.path.join(work, name.replace(' ', '-') + '.txt')
    with open(path, 'w', encoding='utf-8') as f:
        for r in rows: f.write(r['text'].replace('\n', ' ') + '\n')
    files[name] = path

def objective(settings):
    total, parts = 0.0, []
    for name, rows in sets.items():
        cmd = [BIN, 'score', '--input', files[name], '--format', 'ndjson', '--no-evidence']
        if LEXICON: cmd += ['--lexicon', LEXICON]
        for k, v in settings.items(): cmd += ['--set', f'{k}={v}']
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        records = [json.loads(line) for line in out.splitlines()]
        for dim in ('success', 'effort'):
            r0, f1 = metrics(rows, records, dim)
            total += r0 + f1; parts.append(f'{name} {dim} r0 {r0:.3f} F1 {f1:.3f}')
    return total / (len(sets) * 4), parts

current = dict(a.split('=', 1) for a in os.environ.get('PERCEIVE_FIT_START', '').split() if a)
best, parts = objective(current)
print(f'start: {best:.4f}'); print('  ' + '\n  '.join(parts))
for round in range(ROUNDS):
    for name, grid in GRID.items():
        for value in grid:
            trial = dict(current, **{name: value})
            score, trial_parts = objective(trial)
            if score > best + 1e-4:
                best, current, parts = score, trial, trial_parts
                print(f'round {round + 1}: {name}={value} -> {best:.4f}')
print(f'best: {best:.4f}'); print('  ' + '\n  '.join(parts))
print('--set ' + ' --set '.join(f'{k}={v}' for k, v in current.items()) if current else '(the defaults are best)')
