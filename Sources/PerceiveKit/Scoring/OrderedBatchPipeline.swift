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
/// - Complexity: O(n) transforms; at most two batches of ``batchSize`` rows in memory.
public struct OrderedBatchPipeline<Row, Output> {
    /// Rows per batch: large enough that the threads rarely wait on each other (a batch is
    /// about 30 ms of work, split into 16-row chunks), small enough that the two batches in
    /// flight stay a few megabytes (a full JSON record is about 2.3 kB: 4,096-row batches
    /// took `score --threads 2` to 65 MiB at 10M rows).
    public static var batchSize: Int { 2048 }

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
        while true {
            let row: Row?
            do { row = try next() } catch {
                try send(batch)  // the rows before the failure
                try send([])
                throw error
            }
            guard let row else { break }
            batch.append(row)
            if batch.count == batchSize {
                try send(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try send(batch)
        try send([])
    }
}
