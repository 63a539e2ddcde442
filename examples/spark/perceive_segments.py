"""Per-segment statistics of a survey export on Apache Spark, with `perceive` doing the work.

Spark reads the export (CSV with multi-line quoted fields, or JSON Lines), every partition is
piped as JSON Lines through `perceive segments --emit-partials` (RDD.pipe), and the partials
are merged on the driver with `perceive merge`. The summary is the same as one
`perceive segments` run over the whole file: counts identical, means and intervals exact
(partials hold exact sums; see docs/segment-partials.md).

    spark-submit examples/spark/perceive_segments.py --perceive /abs/path/perceive \
        --input export.csv --text-column Comment --by Region --by Channel --format json -o summary.json

Needs PySpark (pip install pyspark==4.3.0) and Java 17 (Debian: openjdk-17-jre-headless).
The `perceive` binary must exist at the same absolute path on every executor.
"""
import argparse
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile

from pyspark.sql import SparkSession


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--perceive", required=True, help="absolute path of the perceive binary (on every executor)")
    parser.add_argument("--input", required=True, help="survey export: .csv (header row) or .jsonl")
    parser.add_argument("--text-column", required=True, help="column (CSV header name or JSON field) with the comments")
    parser.add_argument("--by", action="append", default=[], help="column to segment by (repeat for several)")
    parser.add_argument("--lexicon", default="en-cx", help="perceive --lexicon (an embedded name or a path on every executor)")
    parser.add_argument("--partitions", type=int, default=0, help="number of partitions (default: Spark's)")
    parser.add_argument("--format", default="table", choices=["table", "csv", "json", "markdown"], help="summary format")
    parser.add_argument("-o", "--output", default="-", help="summary file (default: stdout)")
    parser.add_argument("--partials-dir", help="keep the per-partition partials here (default: a temporary folder)")
    parser.add_argument("--master", help="Spark master (default: from spark-submit, else local[*])")
    # Only for testing failure handling: what each child is told its input is.
    parser.add_argument("--child-input-format", default="jsonl", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def read_rows(spark, path, columns):
    """The export's `columns` as a DataFrame of strings (missing values as "")."""
    if path.endswith((".jsonl", ".ndjson", ".json")):
        frame = spark.read.json(path)
    else:
        # RFC 4180: quoted fields may hold delimiters, line breaks and doubled quotes.
        frame = (spark.read.option("header", True).option("multiLine", True).option("escape", '"')
                 .option("mode", "FAILFAST").csv(path))
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        sys.exit(f"{path}: no column named {', '.join(missing)}; the columns are {', '.join(frame.columns)}")
    return frame.select(*columns).na.fill("")


def main(argv):
    args = parse_arguments(argv)
    perceive = os.path.abspath(args.perceive)
    if not os.access(perceive, os.X_OK):
        sys.exit(f"--perceive {args.perceive}: not an executable file")
    columns = list(dict.fromkeys([args.text_column] + args.by))

    builder = SparkSession.builder.appName("perceive-segments").config("spark.ui.enabled", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        frame = read_rows(spark, args.input, columns)
        rows = frame.rdd.map(lambda row: json.dumps({c: row[c] for c in columns}, ensure_ascii=False))
        if args.partitions > 0:
            rows = rows.repartition(args.partitions)
        command = [perceive, "segments", "--input", "-", "--input-format", args.child_input_format,
                   "--text-field", args.text_column, "--lexicon", args.lexicon, "--threads", "1", "--quiet", "--emit-partials"]
        for column in args.by:
            command += ["--by", column]
        # An explicit environment (no inherited variables) and checkCode=True: without it a
        # failing child silently yields a partial result.
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        piped = rows.pipe(" ".join(shlex.quote(part) for part in command), env=env, checkCode=True)
        partitions = piped.glom().collect()  # one list of partial lines per partition
    finally:
        spark.stop()

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.partials_dir or scratch
        os.makedirs(folder, exist_ok=True)
        files = []
        for k, lines in enumerate(partitions):
            if not lines:
                continue
            path = os.path.join(folder, f"part-{k:05d}.ndjson")
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            files.append(path)
        if not files:
            sys.exit(f"{args.input}: no partials (no rows?)")
        merge = [perceive, "merge", "--format", args.format] + (["-o", args.output] if args.output != "-" else []) + files
        return subprocess.run(merge).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
