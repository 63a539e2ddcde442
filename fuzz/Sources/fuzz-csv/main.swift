import FuzzTargets

FuzzDriver.run("fuzz-csv", CSVFuzzTarget.run)
