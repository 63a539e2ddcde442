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
}
