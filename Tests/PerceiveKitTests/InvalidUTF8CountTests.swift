import Foundation
import Testing
@testable import PerceiveKit

/// Invalid UTF-8 is replaced by U+FFFD and the row kept (issue 7); each reader counts the rows
/// and sequences it replaced, and the line of the first, for the summary line.
@Suite struct InvalidUTF8CountTests {
    static func count(_ bytes: [UInt8]) -> (String, Int) {
        var replaced = 0
        let text = bytes.withUnsafeBufferPointer { InvalidUTF8Count.decode($0, replaced: &replaced) }
        return (text, replaced)
    }

    /// Each maximal invalid subpart is one U+FFFD, as `String(decoding:as:)` puts in: a lone FF,
    /// a truncated 4-byte sequence, a lead byte before a non-continuation, a surrogate (ED A0 80:
    /// three), a truncated 3-byte sequence at the end.
    @Test func eachInvalidSequenceIsOneReplacement() {
        let bytes: [UInt8] = [0x61, 0xFF, 0xF0, 0x9F, 0x98, 0x62, 0xC3, 0xED, 0xA0, 0x80, 0xE2, 0x82]
        let (text, replaced) = Self.count(bytes)
        #expect(replaced == 7)
        #expect(text == "a\u{FFFD}\u{FFFD}b" + String(repeating: "\u{FFFD}", count: 5))
        #expect(text == String(decoding: bytes, as: UTF8.self))
    }

    /// A U+FFFD that was in the input as valid UTF-8 is not a replacement.
    @Test func validTextIsNotCountedEvenWithAReplacementCharacter() {
        let (text, replaced) = Self.count(Array("caf\u{E9} \u{FFFD} 👍🏽".utf8))
        #expect(replaced == 0)
        #expect(text == "caf\u{E9} \u{FFFD} 👍🏽")
    }

    @Test func plainTextLinesAreCountedWithTheFirstLine() throws {
        let bytes = Array("good\n".utf8) + [0x62, 0x61, 0xFF, 0x64, 0x0D] + [0xC3, 0x28, 0x0D, 0x0A] + Array("ok\n".utf8) + [0xE2, 0x82]
        let reader = try PlainTextLineReader(path: try CSVCommentReaderTests.file(bytes, "t.txt"))
        var lines: [String] = []
        while let line = try reader.next() { lines.append(line) }
        #expect(lines == ["good", "ba\u{FFFD}d", "\u{FFFD}(", "ok", "\u{FFFD}"])
        #expect(reader.invalidUTF8.rows == 3)
        #expect(reader.invalidUTF8.sequences == 3)
        #expect(reader.invalidUTF8.firstLine == 2)
    }

    @Test func nothingCountedInValidInput() throws {
        let reader = try PlainTextLineReader(path: try CSVCommentReaderTests.file(Array("good\nbad\n".utf8), "t.txt"))
        while try reader.next() != nil {}
        #expect(reader.invalidUTF8 == InvalidUTF8Count())
        #expect(reader.invalidUTF8.firstLine == nil)
    }

    /// Per record, across quoted fields with doubled quotes and line breaks.
    @Test func csvRecordsCountTheirInvalidSequences() throws {
        let bytes = Array("id,text\n1,\"a".utf8) + [0xFF] + Array("\"\"b\nc".utf8) + [0xFE] + Array("\"\n2,ok\n3,x".utf8) + [0xC3]
            + Array(",".utf8) + [0xFF, 0x0A]
        let reader = try CSVCommentReader(path: try CSVCommentReaderTests.file(bytes))
        var records: [CSVRecord] = []
        while let r = try reader.next() { records.append(r) }
        #expect(records.map(\.fields) == [["id", "text"], ["1", "a\u{FFFD}\"b\nc\u{FFFD}"], ["2", "ok"], ["3", "x\u{FFFD}", "\u{FFFD}"]])
        #expect(records.map(\.invalidUTF8Sequences) == [0, 2, 0, 2])
    }

    /// A record read in pieces (it crosses the 64 KiB chunk boundary, so it is parsed again
    /// when more bytes arrive) is counted once.
    @Test func recordAcrossChunksIsCountedOnce() throws {
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 65_530) + [0xFF] + [UInt8](repeating: UInt8(ascii: "b"), count: 20)
        let bytes = Array("id,text\n1,".utf8) + long + Array("\n2,\"".utf8) + long + Array("\"\n".utf8)
        let reader = try CSVCommentReader(path: try CSVCommentReaderTests.file(bytes))
        var counts: [Int] = []
        while let r = try reader.next() { counts.append(r.invalidUTF8Sequences) }
        #expect(counts == [0, 1, 1])
        let lines = try PlainTextLineReader(path: try CSVCommentReaderTests.file(long + [0x0A] + long, "t.txt"))
        while try lines.next() != nil {}
        #expect(lines.invalidUTF8.rows == 2 && lines.invalidUTF8.sequences == 2 && lines.invalidUTF8.firstLine == 1)
    }

    /// TabularInput counts data rows only (with their lines); the header is counted apart.
    @Test func tabularInputCountsDataRowsAndTheHeaderApart() throws {
        let bytes = Array("id,te".utf8) + [0xFF] + Array("xt,region\n1,good,EU\n\n2,ba".utf8) + [0xFF, 0xFE]
            + Array("d,US\n3,ok,EU\n4,".utf8) + [0xC3] + Array(",EU\n".utf8)
        let path = try CSVCommentReaderTests.file(bytes)
        let input = try TabularInput(path: path, options: TabularInputOptions(format: .csv, textColumns: [ColumnSelector("2")]))
        var rows: [InputRow] = []
        while let row = try input.next() { rows.append(row) }
        #expect(rows.map(\.texts) == [["good"], ["ba\u{FFFD}\u{FFFD}d"], ["ok"], ["\u{FFFD}"]])
        #expect(rows.allSatisfy { $0.error == nil })
        #expect(input.header == ["id", "te\u{FFFD}xt", "region"])
        #expect(input.headerInvalidUTF8Sequences == 1)
        #expect(input.invalidUTF8.rows == 2)
        #expect(input.invalidUTF8.sequences == 3)
        #expect(input.invalidUTF8.firstLine == 4)
    }

    /// JSON Lines: the line is decoded (U+FFFD) before parsing, so a bad byte inside a string
    /// keeps the row; the count is the reader's lines.
    @Test func jsonLinesRowsAreKeptAndCounted() throws {
        let bytes = Array("{\"text\":\"good\"}\n{\"text\":\"ba".utf8) + [0xFF] + Array("d\"}\n{\"text\":\"".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8)
        let path = try CSVCommentReaderTests.file(bytes, "c.jsonl")
        let input = try TabularInput(path: path, options: TabularInputOptions(format: .jsonl))
        var rows: [InputRow] = []
        while let row = try input.next() { rows.append(row) }
        #expect(rows.map(\.texts) == [["good"], ["ba\u{FFFD}d"], ["\u{FFFD}("]])
        #expect(rows.allSatisfy { $0.error == nil })
        #expect(input.invalidUTF8.rows == 2)
        #expect(input.invalidUTF8.sequences == 2)
        #expect(input.invalidUTF8.firstLine == 2)
    }
}
