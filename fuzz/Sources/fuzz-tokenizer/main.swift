import FuzzTargets

FuzzDriver.run("fuzz-tokenizer", TokenizerFuzzTarget.run)
