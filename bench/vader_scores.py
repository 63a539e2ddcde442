"""Scores texts with Python VADER (vaderSentiment 3.3.2) for `perceive bench --predictions`.

Reads JSON lines {"text": ...} (written by `perceive bench --export-texts`) and writes one
compound score per line, in the same order, so both tools measure exactly the same rows.

    python vader_scores.py texts.jsonl scores.txt
"""
import json
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def main(source: str, target: str) -> None:
    analyzer = SentimentIntensityAnalyzer()
    with open(source, encoding="utf-8") as lines, open(target, "w", encoding="utf-8") as out:
        for line in lines:
            text = json.loads(line)["text"]
            out.write(f"{analyzer.polarity_scores(text)['compound']:.4f}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
