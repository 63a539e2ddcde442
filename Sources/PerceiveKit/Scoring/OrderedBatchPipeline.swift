/// The streaming stage of the commands that read many comments (`score`, `segments`,
/// `report`): rows are read in batches, each batch is transformed (scored, and for `score`
/// rendered) on a ``ScorerPool``, and every row and its output are handed to a consumer in
/// input order, so what the consumer sees is the same for any thread count, and memory holds
/// two batches, not the file.
///
/// ```swift
/// let pipeline = OrderedBatchPipeline<String, Double?>(pool: pool) { scorer, text in
///     (try? scorer.score(text))?.scores.cx
/// }
/// try pipeline.run(next: { try reader.next() }) { text, cx in print(text, cx ?? "-") }
/// ```
///
/// With more than one thread, reading the next batch and consuming the last one (on the
/// calling thread) overlap with scoring (on the pool's threads): the serial part no longer
/// caps the speed-up. With one thread, or with a serial transform (VADER's scorer, which is
/// not a ``Scorer``), every batch is transformed in line, on the calling thread only.
///
/// Rows that say how much text they hold (``BatchWeighed``) also end a batch at
/// ``batchTextBytes`` bytes of text: long comments go through a few at a time, not a batch of
/// 2,048 of them.
///
/// - Complexity: O(n) transforms; at most two batches of ``batchSize`` rows (and, for rows
///   that weigh themselves, of about ``batchTextBytes`` bytes of text each) in memory.
public struct OrderedBatchPipeline<Row, Output> {
    /// Rows per batch: large enough that the threads rarely wait on each other (a batch is
    /// about 30 ms of work, split into 16-row chunks), small enough that the two batches in
    /// flight stay a few megabytes (a full JSON record is about 2.3 kB: 4,096-row batches
    /// took `score --threads 2` to 65 MiB at 10M rows).
    public static var batchSize: Int { 2048 }

    /// Bytes of text after which a batch of ``BatchWeighed`` rows ends, however few rows it
    /// has: 4 MiB, far above what 2,048 ordinary comments hold (about 400 KB), so only long
    /// comments make smaller batches. Twenty 2 MiB comments scored as one batch took 1.4 GB,
    /// every comment's analysis and record held at once (issue 15, item 5).
    public static var batchTextBytes: Int { 4 << 20 }

    @usableFromInline
    enum Transform {
        case pool(ScorerPool, (Scorer, Row) -> Output)
        case serial((Row) -> Output)
    }

    @usableFromInline let transform: Transform
    @usableFromInline let batchSize: Int

    /// Transforms rows on `pool`'s threads, each with that thread's scorer.
    public init(pool: ScorerPool, batchSize: Int = Self.batchSize, transform: @escaping (Scorer, Row) -> Output) {
        self.transform = .pool(pool, transform)
        self.batchSize = max(1, batchSize)
    }

    /// Transforms rows on the calling thread, in batches all the same (for a scorer that is not
    /// a ``Scorer``).
    public init(batchSize: Int = Self.batchSize, serial transform: @escaping (Row) -> Output) {
        self.transform = .serial(transform)
        self.batchSize = max(1, batchSize)
    }

    /// Reads rows with `next` until it returns nil, transforms them in batches and hands each
    /// row and its output to `consume`, in input order.
    ///
    /// When `next` throws, the rows read before are transformed and consumed first (a reader
    /// of the output must not lose them), then the error is rethrown. When `consume` throws,
    /// the run stops at once and the error is rethrown; the batch in flight is dropped.
    ///
    /// Inlinable, so that it is specialized for the caller's row and output types: generic, it
    /// copied every row and output through their value witnesses (+1% instructions per row
    /// for `segments`, callgrind).
    @inlinable
    public func run(next: () throws -> Row?, consume: (Row, Output) throws -> Void) throws {
        try run(next: next, consume: consume, weigh: nil)
    }

    /// The rows, transformed in input order, in batches that also end at ``batchTextBytes``
    /// bytes of the rows' text (``BatchWeighed``).
    @inlinable
    public func run(next: () throws -> Row?, consume: (Row, Output) throws -> Void) throws where Row: BatchWeighed {
        try run(next: next, consume: consume, weigh: { $0.batchTextBytes })
    }

    @inlinable
    func run(next: () throws -> Row?, consume: (Row, Output) throws -> Void, weigh: ((Row) -> Int)?) throws {
        var pending: (rows: [Row], outputs: PendingBatch<Output>)?
        func deliver(_ rows: [Row], _ outputs: [Output]) throws {
            for i in rows.indices { try consume(rows[i], outputs[i]) }
        }
        func send(_ rows: [Row]) throws {
            switch transform {
            case .serial(let transform):
                try deliver(rows, rows.map(transform))
            case .pool(let pool, let transform) where pool.threads == 1:
                try deliver(rows, pool.map(rows, transform))
            case .pool(let pool, let transform):
                let previous = pending.map { ($0.rows, $0.outputs.wait()) }
                pending = rows.isEmpty ? nil : (rows, pool.submit(rows, transform))
                if let previous { try deliver(previous.0, previous.1) }
            }
        }
        var batch: [Row] = []
        batch.reserveCapacity(batchSize)
        var batchBytes = 0
        while true {
            let row: Row?
            do { row = try next() } catch {
                try send(batch)  // the rows before the failure
                try send([])
                throw error
            }
            guard let row else { break }
            if let weigh { batchBytes += weigh(row) }
            batch.append(row)
            if batch.count == batchSize || batchBytes >= Self.batchTextBytes {
                try send(batch)
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
        }
        try send(batch)
        try send([])
    }
}

/// A row that says how many bytes of text it holds, so that an ``OrderedBatchPipeline`` can end
/// a batch of long comments early.
public protocol BatchWeighed {
    /// Bytes of text (UTF-8) the row holds.
    var batchTextBytes: Int { get }
}

extension PlainTextLine: BatchWeighed {
    @inlinable public var batchTextBytes: Int { text.utf8.count }
}

extension InputRow: BatchWeighed {
    @inlinable public var batchTextBytes: Int {
        var bytes = json?.utf8.count ?? 0
        for text in texts { bytes += text.utf8.count }
        return bytes
    }
}
