import FuzzTargets

FuzzDriver.run("fuzz-import", ImportFuzzTarget.run)
