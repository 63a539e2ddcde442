import FuzzTargets

FuzzDriver.run("fuzz-jsonl", JSONLinesFuzzTarget.run)
