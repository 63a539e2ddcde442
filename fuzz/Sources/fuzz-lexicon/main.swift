import FuzzTargets

FuzzDriver.run("fuzz-lexicon", LexiconFuzzTarget.run)
