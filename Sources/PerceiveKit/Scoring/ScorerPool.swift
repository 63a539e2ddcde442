import Dispatch

/// Scores batches of comments on several threads, one ``Scorer`` per thread (all sharing one
/// immutable ``Lexicon``), and returns results in input order, so output is byte-identical
/// whatever the thread count.
///
/// ```swift
/// let pool = try ScorerPool(threads: 2) { try Scorer() }
/// let lines = pool.map(comments) { scorer, text in (try? scorer.score(text))?.scores.emotion }
/// ```
///
/// - Complexity: O(n) work split into `threads` contiguous chunks of the batch.
public final class ScorerPool: @unchecked Sendable {
    /// Number of worker threads (at least 1).
    public let threads: Int
    // Each scorer is used by exactly one worker at a time: worker `w` uses `scorers[w]`.
    private let scorers: [Scorer]

    /// Makes `threads` scorers with `makeScorer` (default thread count: all cores).
    public init(threads: Int? = nil, makeScorer: () throws -> Scorer) throws {
        let count = max(1, threads ?? ProcessInfoCores.active)
        self.threads = count
        scorers = try (0..<count).map { _ in try makeScorer() }
    }

    /// The first scorer, for work that needs one outside a batch.
    public var primary: Scorer { scorers[0] }

    /// Applies `transform` to every input with a scorer, in parallel, and returns the
    /// outputs in input order.
    public func map<Input, Output>(_ inputs: [Input], _ transform: (Scorer, Input) -> Output) -> [Output] {
        let n = inputs.count
        if threads == 1 || n < 2 * threads {
            return inputs.map { transform(scorers[0], $0) }
        }
        var outputs = [Output?](repeating: nil, count: n)
        outputs.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            let scorers = UnsafeSendable(self.scorers)
            let inputs = UnsafeSendable(inputs)
            let chunk = (n + threads - 1) / threads
            withoutActuallyEscaping(transform) { transform in
                let work = UnsafeSendable(transform)
                DispatchQueue.concurrentPerform(iterations: threads) { worker in
                    let start = worker * chunk
                    let end = min(n, start + chunk)
                    guard start < end else { return }
                    let scorer = scorers.value[worker]
                    for i in start..<end { out.value[i] = work.value(scorer, inputs.value[i]) }
                }
            }
        }
        return outputs.map { $0! }
    }

    /// Starts ``map(_:_:)`` on background threads and returns at once, so the caller can read
    /// the next batch and write the previous one while this one is scored (`score` overlaps
    /// its reading and writing with scoring this way when it has more than one thread).
    /// Call ``PendingBatch/wait()`` for the outputs, in input order; submit the next batch
    /// only after that (the scorers serve one batch at a time).
    public func submit<Input, Output>(_ inputs: [Input], _ transform: @escaping (Scorer, Input) -> Output) -> PendingBatch<Output> {
        let pending = PendingBatch<Output>()
        let run = UnsafeSendable { [self] in pending.outputs = self.map(inputs, transform) }
        DispatchQueue.global().async(group: pending.group) { run.value() }
        return pending
    }
}

/// The outputs of ``ScorerPool/submit(_:_:)``, once they are ready.
public final class PendingBatch<Output>: @unchecked Sendable {
    fileprivate let group = DispatchGroup()
    fileprivate var outputs: [Output] = []

    /// Blocks until the batch is scored, then returns its outputs in input order.
    public func wait() -> [Output] {
        group.wait()
        return outputs
    }
}

/// A value handed to worker threads whose safety the caller guarantees (each worker touches
/// only its own part).
struct UnsafeSendable<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

enum ProcessInfoCores {
    /// Cores available to this process.
    static var active: Int {
        #if canImport(Glibc)
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 1
        #else
        return 1
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
