import Testing
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
@testable import PerceiveKit

/// The parallel path gives the same results, in the same order, as one scorer.
@Suite struct ScorerPoolTests {
    static let comments: [String] = {
        let parts = ["I was on hold for 45 minutes", "great service!", "not bad", "still not fixed",
                     "called 3 times", "easy and quick", "", "😡😡", "The app was easy, but delivery took three weeks!!"]
        return (0..<2000).map { i in parts[i % parts.count] + (i % 7 == 0 ? " Thanks." : "") }
    }()

    @Test func twoThreadsGiveTheSameScoresInTheSameOrderAsOne() throws {
        let lexicon = try BundledLexicons.english()
        let single = try ScorerPool(threads: 1) { try Scorer(lexicon: lexicon) }
        let double = try ScorerPool(threads: 2) { try Scorer(lexicon: lexicon) }
        #expect(double.threads == 2)
        let format: (Scorer, String) -> String = { scorer, text in
            let result = try! scorer.score(text)
            return ScoreFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters).json(result, id: nil)
        }
        let one = single.map(Self.comments, format)
        let two = double.map(Self.comments, format)
        #expect(one.count == Self.comments.count)
        #expect(one == two)
    }

    /// Issue 15: `--threads 100000` made 100,000 scorers, each with its lexicon (12.8 GB on a
    /// 240-row file). Expected: no more threads than cores, and no more workers than a batch
    /// has chunks of ``ScorerPool/chunkSize`` inputs.
    @Test func threadsBeyondTheCoresAreClampedAndWorkersToTheChunks() throws {
        let lexicon = try BundledLexicons.english()
        var made = 0
        let pool = try ScorerPool(threads: 100_000) { made += 1; return try Scorer(lexicon: lexicon) }
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #expect(ScorerPool.maximumThreads == cores)
        #expect(pool.threads == cores && made == cores)
        #expect(pool.map(Array(repeating: "good", count: 240)) { scorer, text in try! scorer.score(text).scores.emotion > 0 }
                    == Array(repeating: true, count: 240))
        #expect([0, 1, 16, 17, 32, 33, 240, 2048].map { ScorerPool.backgroundWorkers(threads: 64, inputs: $0) }
                    == [0, 0, 0, 1, 1, 2, 14, 63])
        #expect(ScorerPool.backgroundWorkers(threads: 1, inputs: 2048) == 0)
    }

    @Test func smallBatchesRunOnOneThread() throws {
        let pool = try ScorerPool(threads: 4) { try Scorer() }
        #expect(pool.map(["good", "bad"]) { scorer, text in try! scorer.score(text).scores.emotion > 0 } == [true, false])
    }

    @Test func submittedBatchesOfAnySizeComeBackWholeAndInOrder() throws {
        let lexicon = try BundledLexicons.english()
        let emotion: (Scorer, String) -> Double = { scorer, text in try! scorer.score(text).scores.emotion }
        let reference = try Scorer(lexicon: lexicon)
        for threads in [1, 2, 3] {
            let pool = try ScorerPool(threads: threads) { try Scorer(lexicon: lexicon) }
            // Empty, below one chunk, around chunk and worker boundaries, and many chunks.
            for size in [0, 1, ScorerPool.chunkSize - 1, 2 * ScorerPool.chunkSize + 1, 1000] {
                let inputs = Array(Self.comments.prefix(size))
                let expected = inputs.map { emotion(reference, $0) }
                let pending = pool.submit(inputs, emotion)
                #expect(pending.wait() == expected, "threads \(threads), \(size) inputs")
                #expect(pending.wait() == expected)  // a second wait returns the same outputs
                #expect(pool.map(inputs, emotion) == expected)
            }
        }
    }

    @Test func mapDoesNotKeepItsNonEscapingClosure() throws {
        // `map` hands a non-escaping closure to the workers; if any worker kept it past the
        // call, the runtime would stop the process here. Many short batches make the race likely.
        let pool = try ScorerPool(threads: 4) { try Scorer() }
        let inputs = Array(Self.comments.prefix(4 * ScorerPool.chunkSize))
        var total = 0
        for _ in 0..<300 {
            let lengths = pool.map(inputs) { _, text in text.utf8.count }
            total += lengths.reduce(0, +)
        }
        #expect(total == 300 * inputs.reduce(0) { $0 + $1.utf8.count })
    }

    @Test func aBatchDroppedWithoutWaitingReleasesWhatWasScored() throws {
        // `score` drops its pending batch when writing fails; what the workers made must still
        // be released, once each.
        let pool = try ScorerPool(threads: 2) { try Scorer() }
        final class Live: Sendable { let count = Mutex(0) }
        final class Counted: Sendable {
            let live: Live
            init(_ live: Live) { self.live = live; live.count.withLock { $0 += 1 } }
            deinit { live.count.withLock { $0 -= 1 } }
        }
        let live = Live()
        do {
            let pending = pool.submit(Self.comments) { _, _ in Counted(live) }
            _ = pending
        }
        // The worker may still be scoring; wait (boundedly) until it has let go of the batch.
        for _ in 0..<500 where live.count.withLock({ $0 }) != 0 { usleep(10_000) }
        #expect(live.count.withLock { $0 } == 0)
        // And the pool still works.
        #expect(pool.map(["good", "bad"]) { scorer, text in try! scorer.score(text).scores.emotion > 0 } == [true, false])
    }

    @Test func aDetachedLexiconScoresTheSameAndSharesNoArray() throws {
        let lexicon = try BundledLexicons.english()
        let copy = lexicon.detachedCopy()
        func address<T>(_ array: [T]) -> UnsafeRawPointer? { array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        #expect(address(copy.entries) != address(lexicon.entries))
        #expect(address(copy.info) != address(lexicon.info))
        #expect(address(copy.emotionWeights) != address(lexicon.emotionWeights))
        #expect(address(copy.categories) != address(lexicon.categories))
        #expect(copy.entries.count == lexicon.entries.count && copy.vocabularySize == lexicon.vocabularySize)
        let original = try Scorer(lexicon: lexicon), detached = try Scorer(lexicon: copy)
        let format = ScoreFormatter(lexicon: lexicon, parameters: original.parameters)
        for text in Self.comments.prefix(50) {
            #expect(format.json(try detached.score(text), id: nil) == format.json(try original.score(text), id: nil))
        }
    }
}

extension ScorerPoolTests {
    @Test func aPoolFromAFirstScorerUsesItAndScoresLikeIt() throws {
        let first = try Scorer(lexicon: try BundledLexicons.english(), ruleset: .standard(parameters: try Parameters.standard.overriding(["negationWindow=1"])))
        let pool = try ScorerPool(threads: 2, first: first)
        #expect(pool.primary === first)
        let expected = try Self.comments.prefix(200).map { try first.score($0).scores }
        let scored = pool.map(Array(Self.comments.prefix(200))) { scorer, text in (try! scorer.score(text).scores, scorer.parameters.negationWindow) }
        #expect(scored.map(\.0) == expected)
        #expect(scored.allSatisfy { $0.1 == 1 })
    }
}
