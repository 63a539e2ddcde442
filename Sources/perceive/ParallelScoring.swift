import Foundation
import PerceiveKit

/// How the commands that read survey exports spread scoring over threads: rows are read in
/// batches, each batch is scored (and, for `score`, formatted) on a ``ScorerPool``, and the
/// results are written or accumulated in input order, so output is byte-identical for any
/// `--threads` and memory holds one batch, not the file.
enum ParallelScoring {
    /// Rows per batch: large enough that the threads rarely wait on each other (a batch is
    /// about 30 ms of work, split into 16-row chunks), small enough that the two batches in
    /// flight stay a few megabytes (a full JSON record is about 2.3 kB: 4,096-row batches
    /// took `score --threads 2` to 65 MiB at 10M rows).
    static let batchSize = 2048
}

extension LexiconOptions {
    /// A pool of `threads` scorers (default: all cores) with `first`'s lexicon and rules;
    /// `first` is one of them. Each further scorer gets a detached copy of `first`'s lexicon
    /// rather than the same arrays: threads sharing one lexicon's arrays contend on their
    /// reference counts (two threads ran slower than one).
    ///
    /// `threads` above the number of cores is lowered to it, with a note on stderr.
    func makeScorerPool(_ first: Scorer, threads: Int?) throws -> ScorerPool {
        if let threads, threads > ScorerPool.maximumThreads {
            let cores = ScorerPool.maximumThreads
            Stderr.write("perceive: --threads \(threads): this machine has \(cores) core\(cores == 1 ? "" : "s"); using \(cores)\n")
        }
        var unused: Scorer? = first
        return try ScorerPool(threads: threads) {
            if let scorer = unused {
                unused = nil
                return scorer
            }
            return try Scorer(lexicon: first.lexicon.detachedCopy(), ruleset: first.ruleset, locale: validatedLang())
        }
    }
}
