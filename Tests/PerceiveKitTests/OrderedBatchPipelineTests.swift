import Testing
@testable import PerceiveKit

/// The streaming stage hands every row to the consumer once, in input order, for any thread
/// count and batch size; a failing reader or consumer stops it the documented way.
@Suite struct OrderedBatchPipelineTests {
    struct Failure: Error, Equatable { let at: Int }

    static let comments = (0..<1000).map { i in ["good", "bad", "not good", "", "good. bad!"][i % 5] + " \(i)" }

    static func pool(threads: Int) throws -> ScorerPool { try ScorerPool(threads: threads) { try Scorer(lexicon: Fixture.lexicon) } }

    /// Runs the pipeline over `comments` and returns what the consumer saw: index and emotion.
    static func run(threads: Int, batchSize: Int) throws -> [String] {
        let pipeline = OrderedBatchPipeline<Int, String>(pool: try pool(threads: threads), batchSize: batchSize) { scorer, i in
            "\(i) \((try? scorer.score(comments[i]))?.scores.emotion ?? 0)"
        }
        var next = 0
        var seen: [String] = []
        try pipeline.run(next: {
            guard next < comments.count else { return nil }
            defer { next += 1 }
            return next
        }) { i, output in
            #expect(output.hasPrefix("\(i) "))
            seen.append(output)
        }
        return seen
    }

    @Test func rowsArriveOnceInInputOrder() throws {
        let seen = try Self.run(threads: 2, batchSize: 64)
        #expect(seen.count == Self.comments.count)
        #expect(seen.map { Int($0.prefix(while: { $0 != " " }))! } == Array(Self.comments.indices))
    }

    @Test func oneAndTwoThreadsAndAnyBatchSizeGiveTheSameOutputs() throws {
        let one = try Self.run(threads: 1, batchSize: OrderedBatchPipeline<Int, String>.batchSize)
        for (threads, size) in [(2, 1), (2, 64), (2, 999), (2, 2048), (1, 7)] {
            #expect(try Self.run(threads: threads, batchSize: size) == one, "threads \(threads), batch \(size)")
        }
        let serial = OrderedBatchPipeline<Int, String>(batchSize: 100) { i in "\(i)" }
        var next = 0
        var seen: [String] = []
        try serial.run(next: { next < 250 ? { next += 1; return next - 1 }() : nil }) { _, output in seen.append(output) }
        #expect(seen == (0..<250).map(String.init))
    }

    /// A reader that fails mid-stream (a row the CSV reader cannot read past): the rows before
    /// it are consumed, every one of them, then the error comes out.
    @Test func aReaderErrorMidStreamDeliversTheRowsBeforeIt() throws {
        for threads in [1, 2] {
            var delivered: [Int] = []
            let pipeline = OrderedBatchPipeline<Int, Int>(pool: try Self.pool(threads: threads), batchSize: 64) { _, i in i * 2 }
            var next = 0
            #expect(throws: Failure(at: 333)) {
                try pipeline.run(next: {
                    if next == 333 { throw Failure(at: next) }
                    defer { next += 1 }
                    return next
                }) { i, output in
                    #expect(output == i * 2)
                    delivered.append(i)
                }
            }
            #expect(delivered == Array(0..<333))
        }
    }

    /// A consumer that refuses after several batches (a closed pipe, a full disk): the run
    /// stops there, with nothing consumed after the refusal.
    @Test func aRefusalAfterSeveralBatchesStopsTheRun() throws {
        for threads in [1, 2] {
            var consumed = 0
            let pipeline = OrderedBatchPipeline<Int, Int>(pool: try Self.pool(threads: threads), batchSize: 64) { _, i in i }
            var next = 0
            #expect(throws: Failure(at: 500)) {
                try pipeline.run(next: { next < 1000 ? { next += 1; return next - 1 }() : nil }) { i, output in
                    if i == 500 { throw Failure(at: i) }
                    #expect(output == consumed)
                    consumed += 1
                }
            }
            #expect(consumed == 500)
            #expect(next <= 64 * 10)  // reading stopped within a batch or two of the refusal
        }
    }

    /// Issue 15, item 5: twenty 2 MiB comments went through as one batch, every one's analysis
    /// and record held at once (1.4 GB). Expected: rows that weigh themselves end a batch at
    /// `batchTextBytes`, so long comments are transformed and consumed a few at a time; short
    /// ones still make batches of `batchSize`.
    @Test func longCommentsEndABatchEarly() throws {
        let long = String(repeating: "x", count: 3 << 20)  // two of them pass batchTextBytes
        var events: [String] = []
        let pipeline = OrderedBatchPipeline<PlainTextLine, Int>(serial: { row in events.append("t\(row.line)"); return row.line })
        var lines = (1...5).map { PlainTextLine(text: long, line: $0) }.makeIterator()
        try pipeline.run(next: { lines.next() }) { row, _ in events.append("c\(row.line)") }
        #expect(events == ["t1", "t2", "c1", "c2", "t3", "t4", "c3", "c4", "t5", "c5"])
        events = []
        var short = (1...5).map { PlainTextLine(text: "fine", line: $0) }.makeIterator()
        try pipeline.run(next: { short.next() }) { row, _ in events.append("c\(row.line)") }
        #expect(events == ["t1", "t2", "t3", "t4", "t5", "c1", "c2", "c3", "c4", "c5"])
    }
}
