import Foundation
import Testing
@testable import PerceiveKit

/// The explanation must add up: on every comment of the bundled corpora, each score equals
/// the aggregation of its evidence, and each contribution equals its base times its factors.
@Suite struct SampleCorpusEvidenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func comments() throws -> [String] {
        var comments = try String(contentsOf: root.appendingPathComponent("corpora/sample/comments.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for split in ["dev", "test"] {
            let text = try String(contentsOf: root.appendingPathComponent("corpora/cx-feedback/\(split).tsv"), encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                comments.append(String(fields[3]))
            }
        }
        return comments
    }

    @Test func evidenceAddsUpToTheScoresOnEveryComment() throws {
        let scorer = try Scorer()
        let comments = try Self.comments()
        #expect(comments.count > 900)
        for comment in comments {
            let result = try scorer.score(comment)
            for e in result.evidence {
                let product = e.adjustments.reduce(e.base) { $0 * $1.factor }
                #expect(abs(product - e.contribution) < 1e-12, "\(comment)")
            }
            let recomputed = Scores.aggregate(result.evidence, lexicon: scorer.lexicon, parameters: scorer.parameters)
            #expect(recomputed == result.scores, "\(comment)")
            for dimension in [Dimension.emotion, .effort, .success] {
                let items = result.evidence.filter { $0.dimension == dimension }
                let total = items.compactMap { result.share(of: $0) }.reduce(0, +)
                if let score = result.scores.score(dimension), !items.isEmpty {
                    #expect(abs(min(1, max(-1, total)) - score) < 1e-9, "\(dimension) of \(comment)")
                } else {
                    #expect(items.isEmpty || dimension == .emotion)
                }
            }
            for value in [result.scores.emotion, result.scores.effort ?? 0, result.scores.success ?? 0, result.scores.cx] {
                #expect(value >= -1 && value <= 1)
            }
            for sentence in result.sentences {
                let own = result.evidence.filter { $0.sentence == Int32(sentence.index) }
                #expect(Scores.aggregate(own, lexicon: scorer.lexicon, parameters: scorer.parameters) == sentence.scores)
            }
        }
    }

    @Test func embeddedLexiconLoadsAndMeetsItsSizeTargets() throws {
        let lexicon = try BundledLexicons.english()
        let scored = lexicon.entries.filter(\.isScored)
        #expect(scored.filter { $0.tokenCount == 1 }.count >= 2500)
        #expect(scored.filter { $0.tokenCount > 1 }.count >= 400)
        #expect(scored.filter { $0.effort != nil }.count >= 300)
        #expect(scored.filter { $0.success != nil }.count >= 300)
        #expect(scored.filter { !$0.emotions.isEmpty }.count >= 1000)
        #expect(lexicon.categories.count >= 12)
        #expect(lexicon.manifest.license == "Apache-2.0")
    }

    @Test func embeddedLexiconMatchesTheFilesInTheRepository() throws {
        let embedded = try BundledLexicons.english()
        let onDisk = try LexiconLoader.load(directory: Self.root.appendingPathComponent("lexicons/en-cx").path)
        #expect(embedded.entries.count == onDisk.entries.count)
        #expect(embedded.manifest == onDisk.manifest)
    }
}
