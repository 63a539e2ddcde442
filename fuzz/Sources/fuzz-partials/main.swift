import FuzzTargets

FuzzDriver.run("fuzz-partials", PartialsFuzzTarget.run)
