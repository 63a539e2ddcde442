import Foundation
import Testing
@testable import PerceiveKit

/// `bench --predictions NAME=FILE`: scores computed elsewhere, one a line.
@Suite struct ExternalScoresTests {
    @Test func oneScoreALineWithEmptyAndNullAsNoValue() throws {
        #expect(try ExternalScores.scores(in: "0.5\n\n null \n-1\n1", path: "p.txt") == [0.5, nil, nil, -1, 1])
        #expect(try ExternalScores.scores(in: "0.25\n-0.75\n", path: "p.txt") == [0.25, -0.75])
        #expect(try ExternalScores.scores(in: "\n", path: "p.txt") == [nil])
        #expect(try ExternalScores.scores(in: "", path: "p.txt") == [])
    }

    @Test func aScoreOutsideMinusOneToOneNamesFileAndLine() {
        #expect(throws: BenchError(file: "p.txt", line: 2, "expected a score in -1…1, an empty line or null, found \"1.5\"")) {
            try ExternalScores.scores(in: "0\n1.5\n", path: "p.txt")
        }
        #expect(throws: BenchError(file: "p.txt", line: 1, "expected a score in -1…1, an empty line or null, found \"good\"")) {
            try ExternalScores.scores(in: "good", path: "p.txt")
        }
    }

    @Test func argumentIsNameEqualsFile() throws {
        #expect(try ExternalScores(parsing: "gpt=out/a=b.txt") == ExternalScores(name: "gpt", path: "out/a=b.txt"))
        #expect(throws: BenchError(file: nil, "--predictions scores.txt: expected NAME=FILE")) { try ExternalScores(parsing: "scores.txt") }
    }

    @Test func loadReadsTheFileUnderItsName() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-scores-\(UUID().uuidString).txt").path
        try "0.5\nnull\n".write(toFile: path, atomically: true, encoding: .utf8)
        guard case .external(let name, let source, let scores) = try ExternalScores(name: "m", path: path).load() else {
            Issue.record("expected an external system"); return
        }
        #expect(name == "m")
        #expect(source == (path as NSString).lastPathComponent)
        #expect(scores == [0.5, nil])
        #expect(throws: BenchError(file: nil, "/nonexistent/s.txt: cannot read the scores")) { try ExternalScores(name: "m", path: "/nonexistent/s.txt").load() }
    }

    @Test func commandLineQuotesWhatAShellWouldSplit() {
        #expect(BenchReport.commandLine(["perceive", "bench", "--corpus", "my file.csv,kind=valence:-4..4", "--lexicon", "it's", ""])
                == "perceive bench --corpus 'my file.csv,kind=valence:-4..4' --lexicon 'it'\\''s' ''")
        #expect(BenchReport.shellQuoted("a=b/c.txt") == "a=b/c.txt")
    }
}
