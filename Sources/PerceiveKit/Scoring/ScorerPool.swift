import Dispatch
import Synchronization

/// Scores batches of comments on several threads, one ``Scorer`` per thread, and returns
/// results in input order, so output is byte-identical whatever the thread count.
///
/// ```swift
/// let pool = try ScorerPool(threads: 2) { try Scorer() }
/// let lines = pool.map(comments) { scorer, text in (try? scorer.score(text))?.scores.emotion }
/// ```
///
/// The calling thread is one of the `threads`: ``map(_:_:)`` scores with it and
/// `threads - 1` background workers; ``submit(_:_:)`` starts the background workers at once and
/// the caller joins them in ``PendingBatch/wait()``, after its own reading and writing. Work is
/// handed out in small chunks of consecutive inputs, taken in turn by whichever thread is free,
/// so a thread that also reads and writes simply scores fewer chunks: no core waits on another,
/// and no more threads run than there are cores.
///
/// - Complexity: O(n) work; each worker takes chunks of ``chunkSize`` inputs.
public final class ScorerPool: @unchecked Sendable {
    /// Number of threads that score a batch, the caller's included (at least 1).
    public let threads: Int
    /// Inputs a thread takes at a time: small enough that threads finish a batch together,
    /// large enough that taking one (an atomic add) costs nothing next to scoring it.
    public static let chunkSize = 16
    // Scorer 0 is the caller's; background worker `w` uses `scorers[w]`. Each is used by one
    // thread at a time.
    private let scorers: [Scorer]

    /// The most threads a pool runs: the cores available to this process. More would only
    /// wait for a core, and each holds a scorer with its own copy of the lexicon (`--threads
    /// 100000` took 12.8 GB before this bound: issue 15).
    public static var maximumThreads: Int { ProcessInfoCores.active }

    /// Makes `threads` scorers with `makeScorer` (default thread count: all cores; at most
    /// ``maximumThreads``).
    public init(threads: Int? = nil, makeScorer: () throws -> Scorer) throws {
        let count = min(max(1, threads ?? ProcessInfoCores.active), Self.maximumThreads)
        self.threads = count
        scorers = try (0..<count).map { _ in try makeScorer() }
    }

    /// Makes `threads` scorers with `first`'s lexicon and rules, `first` being one of them
    /// (default thread count: all cores; at most ``maximumThreads``). Each further scorer gets a
    /// detached copy of the lexicon (``Lexicon/detachedCopy()``) rather than the same arrays:
    /// threads sharing one lexicon's arrays contend on their reference counts (two threads ran
    /// slower than one).
    ///
    /// ```swift
    /// let pool = try ScorerPool(threads: 2, first: try Scorer(lexicon: lexicon), locale: "en")
    /// ```
    ///
    /// - Parameter locale: the ICU locale the further scorers segment with (`first`'s).
    public convenience init(threads: Int? = nil, first: Scorer, locale: String? = nil) throws {
        var unused: Scorer? = first
        try self.init(threads: threads) {
            if let scorer = unused {
                unused = nil
                return scorer
            }
            return try Scorer(lexicon: first.lexicon.detachedCopy(), ruleset: first.ruleset, locale: locale,
                              topicIndex: first.topicIndexCopy())
        }
    }

    /// The caller's scorer, for work that needs one outside a batch (not while a batch submitted
    /// with ``submit(_:_:)`` is pending: ``PendingBatch/wait()`` scores with it).
    public var primary: Scorer { scorers[0] }

    /// Applies `transform` to every input with a scorer, in parallel (the calling thread
    /// included), and returns the outputs in input order.
    public func map<Input, Output>(_ inputs: [Input], _ transform: (Scorer, Input) -> Output) -> [Output] {
        if threads == 1 || inputs.count < 2 * Self.chunkSize {
            return inputs.map { transform(scorers[0], $0) }
        }
        return withoutActuallyEscaping(transform) { transform in
            let batch = SharedBatch(inputs, transform)
            start(batch)
            return batch.finish(with: scorers[0])
        }
    }

    /// Starts scoring `inputs` on the background workers and returns at once, so the caller can
    /// read the next batch and write the previous one meanwhile (`score` and `segments` overlap
    /// their reading and writing with scoring this way when they have more than one thread).
    /// Call ``PendingBatch/wait()`` for the outputs, in input order: the caller scores what is
    /// left of the batch there. Submit the next batch only after that (the scorers serve one
    /// batch at a time). With one thread, everything is scored in `wait()`.
    public func submit<Input, Output>(_ inputs: [Input], _ transform: @escaping (Scorer, Input) -> Output) -> PendingBatch<Output> {
        let batch = SharedBatch(inputs, transform)
        start(batch)
        return PendingBatch { batch.finish(with: self.scorers[0]) }
    }

    /// Background workers that a batch of `inputs` inputs needs beside the caller: one per
    /// chunk after the caller's first, at most `threads - 1`.
    static func backgroundWorkers(threads: Int, inputs: Int) -> Int {
        let chunks = (inputs + chunkSize - 1) / chunkSize
        return max(0, min(threads, chunks) - 1)
    }

    /// Starts the background workers (scorers 1...) on `batch`, no more than it has chunks for.
    private func start<Input, Output>(_ batch: SharedBatch<Input, Output>) {
        let workers = Self.backgroundWorkers(threads: threads, inputs: batch.count)
        guard workers > 0 else { return }
        for worker in 1...workers {
            let scorer = UnsafeSendable(scorers[worker])
            DispatchQueue.global().async(group: batch.group) { batch.work(with: scorer.value) }
        }
    }
}

/// The outputs of ``ScorerPool/submit(_:_:)``, once they are ready.
public final class PendingBatch<Output>: @unchecked Sendable {
    private var finish: (() -> [Output])?
    private var outputs: [Output] = []

    fileprivate init(_ finish: @escaping () -> [Output]) { self.finish = finish }

    /// Scores what the background workers have not yet taken (on the calling thread), waits
    /// for them, and returns the outputs in input order. Call it from the thread that submitted
    /// the batch.
    public func wait() -> [Output] {
        if let finish {
            outputs = finish()
            self.finish = nil
        }
        return outputs
    }
}

/// One batch being scored: its inputs, the transform, the next chunk to take, and the outputs,
/// written once each, by whichever thread took their chunk.
private final class SharedBatch<Input, Output>: @unchecked Sendable {
    let inputs: [Input]
    // Dropped once the batch is done: `map` hands in a non-escaping closure, which must not
    // outlive the call, whichever thread releases this batch last.
    private var transform: ((Scorer, Input) -> Output)?
    let count: Int
    let outputs: UnsafeMutablePointer<Output>
    let next = Atomic<Int>(0)
    let group = DispatchGroup()

    init(_ inputs: [Input], _ transform: @escaping (Scorer, Input) -> Output) {
        self.inputs = inputs
        self.transform = transform
        count = inputs.count
        outputs = .allocate(capacity: max(1, count))
    }

    deinit {
        // A batch dropped without `finish` (its caller failed while writing): every chunk taken
        // was scored whole, so the outputs below the next chunk are the initialized ones.
        if transform != nil { outputs.deinitialize(count: min(count, next.load(ordering: .relaxed))) }
        outputs.deallocate()
    }

    /// Takes chunks until none is left, scoring them with `scorer`.
    func work(with scorer: Scorer) {
        let size = ScorerPool.chunkSize
        guard let transform else { return }
        inputs.withUnsafeBufferPointer { inputs in
            while true {
                let start = next.wrappingAdd(size, ordering: .relaxed).oldValue
                if start >= count { return }
                for i in start..<min(count, start + size) {
                    (outputs + i).initialize(to: transform(scorer, inputs[i]))
                }
            }
        }
    }

    /// Scores with `scorer` until no chunk is left, waits for the other workers, and moves the
    /// outputs into an array in input order.
    func finish(with scorer: Scorer) -> [Output] {
        work(with: scorer)
        group.wait()
        transform = nil
        // An empty batch returns the empty array: `Array(unsafeUninitializedCapacity: 0)` sets
        // the count in the shared empty-array storage, which ThreadSanitizer reports as a race
        // with any other thread reading an empty array (the CI's TSan run caught it once).
        guard count > 0 else { return [] }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress?.moveInitialize(from: outputs, count: count)
            initialized = count
        }
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
