"""Builds the accuracy table of docs/accuracy.md from `perceive bench --format json` results.

    python accuracy_summary.py RESULTS_DIR > accuracy.md

Each row names a corpus and its headline metric; each column a system (value and 95%
bootstrap interval). Then a table per set of effort/success labels where an empty label means
"no cue" (SETS): success and effort r0 and detection F1, valence r, and the valence score
(en-cx's emotion, VADER's compound) read as a success score. Standard library only.
"""
import json
import os
import sys

# corpus name → (metric, label, target) shown in the summary; the full tables are in the JSON
# files. A target is a number the first system (en-cx) must reach, the name of a system it must
# reach on the same rows, or None.
HEADLINES = [
    ("uci-amazon_cells", "signAccuracy", "UCI amazon_cells, sign accuracy (sentimentr protocol)", 0.78),
    ("uci-imdb", "signAccuracy", "UCI imdb, sign accuracy", 0.77),
    ("uci-yelp", "signAccuracy", "UCI yelp, sign accuracy", 0.72),
    ("goemotions-dev-ekman", "macroF1", "GoEmotions dev, Ekman + neutral macro-F1", 0.38),
    ("emobank-valence", "pearson", "EmoBank valence, Pearson r", "vader-python"),
    ("skytrax-airport-queuing", "pearson", "Skytrax airport queuing rating vs effort, Pearson r", 0.0),
    ("skytrax-airport-queuing", "auc", "Skytrax airport queuing rating vs effort, AUC low (1–2) vs high (4–5)", 0.5),
    ("cx-test-valence", "pearson", "cx-feedback test, valence Pearson r", None),
    ("cx-test-valence", "signAccuracy", "cx-feedback test, valence sign accuracy", None),
    ("cx-test-effort", "pearson", "cx-feedback test, effort Pearson r", None),
    ("cx-test-effort", "auc", "cx-feedback test, effort AUC (hard vs easy)", None),
    ("cx-test-success", "pearson", "cx-feedback test, success Pearson r", None),
    ("cx-test-success", "auc", "cx-feedback test, success AUC (failed vs achieved)", None),
    ("cx-test-emotions", "macroF1", "cx-feedback test, named emotions macro-F1", None),
    ("semeval2014-restaurants-odd-topics", "detectionF1", "SemEval-2014 restaurants train, odd sentences, topic detection micro-F1", 0.80),
    ("semeval2014-restaurants-odd-topics", "polarityAccuracy", "SemEval-2014 restaurants train, odd sentences, topic polarity accuracy", 0.80),
]

# Sets measured on effort and success with "no cue" labels: (title, success corpus, effort
# corpus, valence corpus).
SETS = [
    ("cx-real-dev, odd ids (the tuning half)", "cx-real-dev-odd-success", "cx-real-dev-odd-effort", "cx-real-dev-odd-valence"),
    ("cx-real-dev, even ids (the reporting half)", "cx-real-dev-even-success", "cx-real-dev-even-effort", "cx-real-dev-even-valence"),
    ("cx-feedback test", "cx-test-success-nocue", "cx-test-effort-nocue", "cx-test-valence"),
]
# The external score that is en-cx's emotion (valence) score, read as an effort/success score.
EMOTION_AS_SCORE = "en-cx-emotion"


def cell(metric):
    if metric is None or metric.get("value") is None:
        return "–"
    lo, hi = metric["ci"]
    return f"{metric['value']:.3f} [{lo:.3f}, {hi:.3f}]"


def main(directory):
    corpora = {}
    systems = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            report = json.load(f)
        for corpus in report["corpora"]:
            corpora[corpus["name"]] = corpus
    headline_corpora = {name for name, _, _, _ in HEADLINES}
    for name in sorted(corpora):
        if name in headline_corpora:
            for system in corpora[name]["systems"]:
                if system["name"] not in systems:
                    systems.append(system["name"])
    print("| corpus, metric | n | " + " | ".join(systems) + " | target | " + systems[0] + " vs target |")
    print("|---|---|" + "---|" * (len(systems) + 2))
    for corpus_name, metric, label, target in HEADLINES:
        corpus = corpora.get(corpus_name)
        if corpus is None:
            continue
        by_system = {s["name"]: s["metrics"].get(metric) for s in corpus["systems"]}
        first = (by_system.get(systems[0]) or {}).get("value")
        if isinstance(target, str):
            goal = (by_system.get(target) or {}).get("value")
            target_text = f"≥ {target}" + (f" ({goal:.3f})" if goal is not None else "")
        else:
            goal = target
            target_text = "–" if target is None else (f"> {target:g}" if target in (0.0, 0.5) else f"≥ {target:g}")
        if goal is None or first is None:
            verdict = "–"
        else:
            margin = first - goal
            met = margin > 0 if target in (0.0, 0.5) else margin >= 0
            verdict = f"{margin:+.3f} " + ("met" if met else "missed")
        print(f"| {label} | {corpus['items']} | " + " | ".join(cell(by_system.get(s)) for s in systems)
              + f" | {target_text} | {verdict} |")
    for title, success, effort, valence in SETS:
        print_set(title, corpora.get(success), corpora.get(effort), corpora.get(valence))


def metric_of(corpus, system, metric):
    """A system's metric on a corpus (None when either is absent)."""
    if corpus is None:
        return None
    for s in corpus["systems"]:
        if s["name"] == system:
            return s["metrics"].get(metric)
    return None


def print_set(title, success, effort, valence):
    """One set's table: a row per system, en-cx's emotion score as a success score beside it."""
    present = [c for c in (success, effort, valence) if c is not None]
    if not present:
        return
    names = []
    for corpus in present:
        for s in corpus["systems"]:
            if s["name"] not in names and s["name"] != EMOTION_AS_SCORE:
                names.append(s["name"])
    counts = []
    for label, corpus in (("success", success), ("effort", effort)):
        if corpus is not None and corpus.get("labelled") is not None:
            counts.append(f"{label} gold {corpus['labelled']} of {corpus['items']}")
    if valence is not None:
        counts.append(f"valence gold {valence['items']}")
    print()
    print(f"**{title}** ({', '.join(counts)}; r0: Pearson over gold's rows, no value = 0; "
          f"F1: detection of having a value; last column: the valence score read as a success score, r0)")
    print()
    print("| system | success r0 | success F1 | effort r0 | effort F1 | valence r | valence score as success, r0 |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        # en-cx's valence score is its emotion score (an external column); VADER's compound is
        # its only score, so its success r0 is already the compound read as success.
        if name == "en-cx":
            as_success = metric_of(success, EMOTION_AS_SCORE, "r0")
        elif name == "vader-python":
            as_success = metric_of(success, name, "r0")
        else:
            as_success = None
        print(f"| {name} | {cell(metric_of(success, name, 'r0'))} | {cell(metric_of(success, name, 'detectionF1'))} | "
              f"{cell(metric_of(effort, name, 'r0'))} | {cell(metric_of(effort, name, 'detectionF1'))} | "
              f"{cell(metric_of(valence, name, 'pearson'))} | {cell(as_success)} |")
    for comparison in (success or {}).get("comparisons", []):
        if comparison["metric"] == "r0" and comparison["a"] == "en-cx" and comparison["b"] == EMOTION_AS_SCORE:
            difference, p = comparison["difference"], comparison["p"]
            if difference is not None:
                print(f"\nen-cx success r0 − en-cx emotion score read as success (r0): {difference:+.3f} "
                      f"(paired bootstrap p {p:.3f})")


if __name__ == "__main__":
    main(sys.argv[1])
