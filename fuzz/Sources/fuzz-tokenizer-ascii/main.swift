import FuzzTargets

FuzzDriver.run("fuzz-tokenizer-ascii", TokenizerASCIIFuzzTarget.run)
