import Foundation
import Testing
@testable import PerceiveKit

/// `lexicon stats`: the counts, as a table for people and as JSON.
@Suite struct LexiconStatisticsTests {
    static func tiny() throws -> LexiconReference.Loaded {
        let dir = try LexiconImportTests.folder(text: ["afinn.txt": LexiconConversionTests.afinn])
        return try LexiconImportTests.load("tiny=afinn:\(dir)/afinn.txt")
    }

    @Test func tableLinesUpTheValuesAfterTheLongestLabel() throws {
        let stats = LexiconStatistics(try Self.tiny().lexicon)
        let lines = stats.table().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The longest label is "  duration-unit" (15 characters): values start at column 17.
        #expect(lines.prefix(3) == ["lexicon          tiny imported", "scored terms     3 (2 single words, 1 phrases)",
                                    "valence          3 (1 positive, 2 negative)"])
        #expect(lines.contains("shifters         3"))
        #expect(lines.suffix(3) == ["cues             1", "  duration-unit  1", ""])
        #expect(lines.count == stats.lines.count + 1)
    }

    @Test func jsonHasEveryCountAndTheFormat() throws {
        let loaded = try Self.tiny()
        let stats = LexiconStatistics(loaded.lexicon)
        #expect(stats.shifterCount == 3)
        #expect(stats.cueCount == 1)
        let json = stats.json(format: loaded.format)
        #expect(json.hasPrefix("{\"name\":\"tiny\",\"version\":\"imported\",\"format\":\"afinn\",\"scoredTerms\":3,\"singleWords\":2,\"phrases\":1,"
                               + "\"valence\":{\"positive\":1,\"negative\":2},\"effort\":{\"positive\":0,\"negative\":0}"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["shifters"] as? [String: Int] == ["negator": 1, "intensifier": 1, "diminisher": 0, "contrast": 1, "concessive": 0])
        #expect((object["cues"] as? [String: Int])?["duration-unit"] == 1)
        #expect((object["emotions"] as? [String: Int])?.count == 7)
    }
}
