import FuzzTargets

FuzzDriver.run("fuzz-scorer", ScorerFuzzTarget.run)
