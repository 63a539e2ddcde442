import Foundation
import PerceiveKit

extension LexiconOptions {
    /// A pool of `threads` scorers (default: all cores) with `first`'s lexicon, rules and
    /// `--lang` (see ``ScorerPool/init(threads:first:locale:)``); `first` is one of them.
    ///
    /// `threads` above the number of cores is lowered to it, with a note on stderr.
    func makeScorerPool(_ first: Scorer, threads: Int?) throws -> ScorerPool {
        if let threads, case let cores = ScorerPool.maximumThreads, threads > cores {
            Stderr.write("perceive: --threads \(threads): this machine has \(cores) core\(cores == 1 ? "" : "s"); using \(cores)\n")
        }
        return try ScorerPool(threads: threads, first: first, locale: validatedLang())
    }
}
