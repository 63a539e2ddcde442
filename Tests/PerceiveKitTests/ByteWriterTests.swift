import Testing
import Foundation
@testable import PerceiveKit

/// ByteWriter holds exactly the bytes appended, across growth, and the JSON/CSV writers give
/// the same bytes into it as into a `[UInt8]`.
@Suite struct ByteWriterTests {
    @Test func holdsWhatWasAppendedAcrossGrowth() {
        var writer = ByteWriter(capacity: 16)  // the smallest: grows several times below
        var array: [UInt8] = []
        var rng = SeededGenerator(seed: 7)
        for step in 0..<2_000 {
            switch step % 4 {
            case 0:
                writer.append(UInt8(step & 0x7F))
                array.append(UInt8(step & 0x7F))
            case 1:
                writer.appendUTF8("{\"key\":")
                array.appendUTF8("{\"key\":")
            case 2:
                let piece = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                piece.withUnsafeBufferPointer { writer.append(bytes: $0) }
                array.append(bytes: UnsafeBufferPointer(start: nil, count: 0))  // empty: no-op on both
                writer.append(bytes: UnsafeBufferPointer(start: nil, count: 0))
                array.append(contentsOf: piece)
            default:
                writer.append(utf8: "é–\u{2028}")
                array.append(utf8: "é–\u{2028}")
            }
        }
        #expect(writer.count == array.count)
        #expect(writer.array == array)
        writer.withUnsafeBytes { #expect(Array($0) == array) }
        writer.removeAll()
        #expect(writer.count == 0)
        writer.appendUTF8("ok")
        #expect(writer.array == Array("ok".utf8))
    }

    @Test func formattersWriteTheSameBytesIntoEitherSink() throws {
        let scorer = try Scorer()
        var formatter = ScoreFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters)
        let comments = ["I was on hold for 45 minutes but they fixed it!", "NOT happy. Called 3 times, still not fixed.",
                        "=cmd\"quoted\"\u{2028}line\ttab", "", "great 😀, thanks"]
        for guardFormulas in [true, false] {
            formatter.guardFormulas = guardFormulas
            for text in comments {
                let result = try scorer.score(text)
                var array: [UInt8] = []
                var writer = ByteWriter(capacity: 16)
                formatter.appendJSON(result, id: "r\"1", to: &array)
                formatter.appendJSON(result, id: "r\"1", to: &writer)
                formatter.appendCSVRow(result, id: "-1", sentence: 2, to: &array)
                formatter.appendCSVRow(result, id: "-1", sentence: 2, to: &writer)
                formatter.appendJSONFields(result, to: &array) { VADERScoreFormatter.appendJSONFields(VADERPolarity(neg: 0.1, neu: 0.2, pos: 0.7, compound: -0.33335), to: &$0) }
                formatter.appendJSONFields(result, to: &writer) { VADERScoreFormatter.appendJSONFields(VADERPolarity(neg: 0.1, neu: 0.2, pos: 0.7, compound: -0.33335), to: &$0) }
                #expect(writer.array == array, "\(text)")
                #expect(String(decoding: array, as: UTF8.self).hasPrefix(formatter.json(result, id: "r\"1")))
            }
        }
    }

    @Test func numbersRoundHalfAwayFromZeroLikeRounded() {
        #expect(JSONText.number(0.125, decimals: 2) == "0.13")
        #expect(JSONText.number(-0.125, decimals: 2) == "-0.13")
        #expect(JSONText.number(0.49999999999999994, decimals: 0) == "0")
        #expect(JSONText.number(-2.5, decimals: 0) == "-3")
        #expect(JSONText.number(999.99995, decimals: 4) == "1000")
        #expect(JSONText.number(-0.0001) == "-0.0001")
        #expect(JSONText.number(12.30405, decimals: 3) == "12.304")
    }

    @Test func notesReadTheSameInJSONAndInText() throws {
        let scorer = try Scorer()
        let formatter = ScoreFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters)
        var seen = Set<RuleID>()
        for text in ["not good at all", "very helpful but SLOW!!!", "Although \"polite\", they never fixed it?",
                     "I was transferred 3 times and it is still not fixed", "somewhat slow, extremely rude"] {
            let result = try scorer.score(text)
            for e in result.evidence {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(formatter.json(e, in: result).utf8)) as? [String: Any])
                let notes = (object["rules"] as? [[String: Any]] ?? []).compactMap { $0["note"] as? String }
                #expect(notes == e.adjustments.map { EvidenceText.note($0, in: result) }, "\(text)")
                seen.formUnion(e.adjustments.map(\.rule))
            }
        }
        #expect(seen.isSuperset(of: [.negation, .intensifier, .contrast]))
        let negated = try scorer.score("the staff were not helpful")
        let adjustment = try #require(negated.evidence.flatMap(\.adjustments).first { $0.rule == .negation })
        #expect(EvidenceText.note(adjustment, in: negated) == "negated by \"not\"")
    }
}
