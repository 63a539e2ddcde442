import Foundation
import PerceiveKit

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
