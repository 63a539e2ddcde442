"""Builds the accuracy table of docs/accuracy.md from `perceive bench --format json` results.

    python accuracy_summary.py RESULTS_DIR > accuracy.md

Each row names a corpus and its headline metric; each column a system (value and 95%
bootstrap interval). Standard library only.
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
]


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
            for system in corpus["systems"]:
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


if __name__ == "__main__":
    main(sys.argv[1])
