// Scores a file of sentences with PerceiveKit's VADER-compatible ruleset, for
// bench/vader-parity: writes VADER's four values per sentence and times the scoring loop.
//
//   perceive-vader-score --lexicon vader_lexicon.txt [--emoji emoji_utf8_lexicon.txt]
//                        --input sentences.txt --output scores.tsv [--rounds 3]
//
// Input: one sentence per line (\n). Output: `neg<TAB>neu<TAB>pos<TAB>compound` per line, as
// vaderSentiment rounds them. On stderr: one line `seconds <best> sentences <n>` — the best of
// --rounds timings of the in-process loop over all sentences, in CPU time of the thread
// (reading and writing excluded; time spent waiting for a core on a busy machine too).
import Foundation
import PerceiveKit

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("perceive-vader-score: \(message)\n".utf8))
    exit(2)
}

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard flag.hasPrefix("--"), let value = arguments.popFirst() else { fail("usage: --lexicon PATH [--emoji PATH] --input PATH --output PATH [--rounds N]") }
    options[String(flag.dropFirst(2))] = value
}
guard let lexiconPath = options["lexicon"], let inputPath = options["input"], let outputPath = options["output"] else {
    fail("usage: --lexicon PATH [--emoji PATH] --input PATH --output PATH [--rounds N]")
}
let rounds = max(1, Int(options["rounds"] ?? "3") ?? 3)

let lexicon: VADERLexicon
do { lexicon = try VADERLexicon.load(lexiconPath: lexiconPath, emojiPath: options["emoji"]) } catch { fail("\(error)") }
guard let data = FileManager.default.contents(atPath: inputPath) else { fail("\(inputPath): cannot read") }
var sentences = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
if data.last == 0x0A { sentences.removeLast() }

/// CPU time of this thread, in seconds.
func threadTime() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The timed loop, in a function: top-level variables are globals, and each access to one pays
/// an exclusivity check and reference counting that would be timed along with the scoring.
func scoreAll(_ sentences: [String], _ lexicon: VADERLexicon, rounds: Int) -> (best: Double, results: [VADERPolarity]) {
    let scorer = VADERScorer(lexicon: lexicon)
    var results = [VADERPolarity](repeating: VADERPolarity(neg: 0, neu: 0, pos: 0, compound: 0), count: sentences.count)
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = threadTime()
        results.withUnsafeMutableBufferPointer { results in
            for i in sentences.indices { results[i] = scorer.polarity(sentences[i]) }
        }
        best = min(best, threadTime() - start)
    }
    return (best, results)
}
let (best, results) = scoreAll(sentences, lexicon, rounds: rounds)
var out = ""
out.reserveCapacity(sentences.count * 32)
for r in results { out += "\(r.neg + 0)\t\(r.neu + 0)\t\(r.pos + 0)\t\(r.compound + 0)\n" }
do { try out.write(toFile: outputPath, atomically: true, encoding: .utf8) } catch { fail("\(outputPath): \(error)") }
FileHandle.standardError.write(Data("seconds \(best) sentences \(sentences.count)\n".utf8))
