// Scoring throughput on one core: generates a deterministic synthetic corpus in memory, then
// times the tokenizer alone (the ICU floor) and the full scorer over it, excluding file I/O.
//   swift run -c release --package-path bench perceive-bench-throughput [--count 500000] [--seed 42]
import Foundation
import PerceiveKit
import SyntheticFeedback

func parseArguments() -> (count: Int, seed: UInt64, rounds: Int) {
    var count = 500_000
    var seed: UInt64 = 42
    var rounds = 5
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--count": count = Int(arguments.popFirst() ?? "") ?? count
        case "--seed": seed = UInt64(arguments.popFirst() ?? "") ?? seed
        case "--rounds": rounds = max(1, Int(arguments.popFirst() ?? "") ?? rounds)
        default:
            FileHandle.standardError.write(Data("usage: perceive-bench-throughput [--count N] [--seed S] [--rounds R]\n".utf8))
            exit(2)
        }
    }
    return (count, seed, rounds)
}
let (count, seed, rounds) = parseArguments()

var generator = SyntheticFeedback(seed: seed)
let comments = (0..<count).map { _ in generator.comment() }
let bytes = comments.reduce(0) { $0 + $1.utf8.count }

/// Runs `body` `rounds` times over the corpus and prints the median and best rates (this
/// machine is a shared VM: single runs vary by ±20%, the median is the figure to quote).
func measure(_ label: String, count: Int, bytes: Int, rounds: Int, _ body: () throws -> Int) rethrows {
    let clock = ContinuousClock()
    var seconds: [Double] = []
    var checksum = 0
    for _ in 0..<rounds {
        let start = clock.now
        checksum = try body()
        let elapsed = clock.now - start
        seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    seconds.sort()
    let median = seconds[seconds.count / 2], best = seconds[0]
    func rate(_ s: Double) -> String { String(format: "%8.0f comments/s %6.1f MB/s", Double(count) / s, Double(bytes) / 1_048_576 / s) }
    print("\(label.padding(toLength: 28, withPad: " ", startingAt: 0)) median \(rate(median))   best \(rate(best))   (\(rounds) rounds, checksum \(checksum))")
}

print("perceive-bench-throughput: \(count) synthetic comments, seed \(seed), \(bytes) bytes (mean \(bytes / max(count, 1)) bytes/comment), one thread")
print("ICU \(Tokenizer.icuVersion), \(ProcessInfo.processInfo.activeProcessorCount) cores available, lexicon en-cx")
let tokenizer = try Tokenizer()
let scorer = try Scorer()
// Warm up (first use loads ICU data and the embedded lexicon).
for comment in comments.prefix(1000) { _ = try scorer.score(comment) }

try measure("tokenize, ICU only", count: count, bytes: bytes, rounds: rounds) {
    var tokens = 0
    var result = TokenizedText()
    for var comment in comments {
        try comment.withUTF8 { buffer in try tokenizer.tokenize(buffer, into: &result, useICUForASCII: true) }
        tokens += result.tokens.count
    }
    return tokens
}
try measure("tokenize (ASCII fast path)", count: count, bytes: bytes, rounds: rounds) {
    var tokens = 0
    var result = TokenizedText()
    for var comment in comments {
        try comment.withUTF8 { buffer in try tokenizer.tokenize(buffer, into: &result) }
        tokens += result.tokens.count
    }
    return tokens
}
try measure("score", count: count, bytes: bytes, rounds: rounds) {
    var evidence = 0
    for comment in comments { evidence += try scorer.score(comment).evidence.count }
    return evidence
}
// The parallel path: batches of 4,096 comments over a pool of scorers, results in order; as in
// the CLI, each further scorer has a detached copy of the lexicon (no shared reference counts).
let lexicon = scorer.lexicon
for threads in [1, 2] {
    var made = 0
    let pool = try ScorerPool(threads: threads) {
        made += 1
        return try Scorer(lexicon: made == 1 ? lexicon : lexicon.detachedCopy())
    }
    try measure("score, pool of \(threads) thread\(threads == 1 ? "" : "s")", count: count, bytes: bytes, rounds: rounds) {
        var evidence = 0
        var start = 0
        while start < comments.count {
            let batch = Array(comments[start..<min(comments.count, start + 4096)])
            evidence += pool.map(batch) { scorer, text in (try? scorer.score(text))?.evidence.count ?? 0 }.reduce(0, +)
            start += 4096
        }
        return evidence
    }
}
print("command: swift run -c release --package-path bench perceive-bench-throughput --count \(count) --seed \(seed) --rounds \(rounds)")
