"""Scores the Comment column of a survey CSV with vaderSentiment and writes NDJSON: the
Python side of bench/compare-vader, with the same input and the same record shape as
`perceive score --text-column Comment --id-column ResponseId --format ndjson` (row, line,
id, column, the original fields, then the scores; VADER's neg/neu/pos/compound here).

    python vader_score.py EXPORT.csv OUT.ndjson
"""
import csv
import json
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def main(source: str, target: str) -> None:
    analyzer = SentimentIntensityAnalyzer()
    with open(source, newline="", encoding="utf-8") as f, open(target, "w", encoding="utf-8") as out:
        reader = csv.DictReader(f)
        _ = reader.fieldnames  # reads the header row
        line = reader.line_num + 1  # where the next record starts
        for number, row in enumerate(reader, start=1):
            record = {"row": number, "line": line, "id": row["ResponseId"], "column": "Comment", "fields": row}
            record.update(analyzer.polarity_scores(row["Comment"]))
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            line = reader.line_num + 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
