import Foundation
import Testing
@testable import PerceiveKit

/// RFC 4180 edge cases, read from files written by the tests.
@Suite struct CSVCommentReaderTests {
    static func file(_ bytes: [UInt8], _ name: String = "t.csv") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func records(_ text: String, delimiter: UInt8? = nil,
                        maxRecordLines: Int = CSVCommentReader.defaultMaxRecordLines) throws -> [CSVRecord] {
        var parameters = InputParameters()
        parameters.maxRecordLines = maxRecordLines
        let reader = try CSVCommentReader(path: try file(Array(text.utf8)), delimiter: delimiter, parameters: parameters)
        var out: [CSVRecord] = []
        while let r = try reader.next() { out.append(r) }
        return out
    }

    @Test func quotedNewlinesDoubledQuotesAndDelimiters() throws {
        let r = try Self.records("id,text\n1,\"line one\nline two\"\n2,\"say \"\"hi\"\", ok\"\n3,plain\n")
        #expect(r.map(\.fields) == [["id", "text"], ["1", "line one\nline two"], ["2", "say \"hi\", ok"], ["3", "plain"]])
        #expect(r.map(\.line) == [1, 2, 4, 5])
        #expect(r.allSatisfy { $0.error == nil })
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,text\r\n1,\"a\r\nb\"\r\n2,c\r\n".utf8)
        let reader = try CSVCommentReader(path: try Self.file(bytes))
        var fields: [[String]] = []
        while let r = try reader.next() { fields.append(r.fields) }
        #expect(fields == [["id", "text"], ["1", "a\r\nb"], ["2", "c"]])
    }

    @Test func raggedRowsAreReturnedAndReportedByTabularInput() throws {
        let path = try Self.file(Array("id,text\n1,a,extra\n2\n3,b\n".utf8))
        let input = try TabularInput(path: path, options: TabularInputOptions(format: .csv, textColumns: [ColumnSelector("text")]))
        var rows: [InputRow] = []
        while let row = try input.next() { rows.append(row) }
        #expect(rows.count == 3)
        #expect(rows[0].error?.description == "\(path):2:1: expected 2 fields as in the header, found 3")
        #expect(rows[1].error?.description == "\(path):3:1: expected 2 fields as in the header, found 1")
        #expect(rows[1].texts == [""])
        #expect(rows[2].error == nil && rows[2].texts == ["b"])
    }

    @Test func unterminatedQuoteIsReportedWhereItOpens() throws {
        // On its last line, without a line end: the field runs to the end of the input.
        let r = try Self.records("id,text\n1,ok\n2,\"never closed")
        #expect(r.count == 3)
        #expect(r[2].fields == ["2", "never closed"])
        #expect(r[2].error?.line == 3 && r[2].error?.column == 3)
        #expect(r[2].error?.message == "expected a closing quote for the field opened here")
    }

    static let resynchronized = "expected the quoted field opened here to close before a delimiter or a line end"

    @Test func strayQuoteDoesNotSwallowTheRowsAfterIt() throws {
        // Issue 15, item 2: row 3 disappeared into row 2's error cell.
        let r = try Self.records("id,text\n2,\"Stray quote, awful\n3,\"Fine, thanks\"\n4,Good\n")
        #expect(r.map(\.fields) == [["id", "text"], ["2", "\"Stray quote", " awful"], ["3", "Fine, thanks"], ["4", "Good"]])
        #expect(r.map(\.line) == [1, 2, 3, 4])
        #expect(r[1].error?.line == 2 && r[1].error?.column == 3)
        #expect(r[1].error?.message.hasPrefix(Self.resynchronized + " (text follows its closing quote on line 3)") == true)
        #expect(r[2].error == nil && r[3].error == nil)
    }

    @Test func quoteNeverClosedGivesOneRowPerLine() throws {
        // Ten rows in, ten rows out (was: 3).
        var text = "id,text\n1,\"opened and never closed\n"
        for k in 2...9 { text += "\(k),fine \(k)\n" }
        let r = try Self.records(text)
        #expect(r.count == 10)
        #expect(r[1].error?.message.hasPrefix(Self.resynchronized + " (it was never closed)") == true)
        #expect(r[1].fields == ["1", "\"opened and never closed"])
        #expect(r.dropFirst(2).allSatisfy { $0.error == nil })
        #expect(r.last?.fields == ["9", "fine 9"] && r.last?.line == 10)
    }

    @Test func quoteOpenedInTheLastRowWithALineEnd() throws {
        let r = try Self.records("id,text\n1,ok\n2,\"never closed\n")
        #expect(r.count == 3)
        #expect(r[2].fields == ["2", "\"never closed"] && r[2].line == 3)
        #expect(r[2].error?.line == 3 && r[2].error?.column == 3)
    }

    @Test func quotedFieldOverMaxRecordLinesIsResynchronized() throws {
        let path = try Self.file(Array("a,\"x\ny\nz\"\nb,c\n".utf8))
        var parameters = InputParameters()
        parameters.maxRecordLines = 1
        let reader = try CSVCommentReader(path: path, delimiter: UInt8(ascii: ","), parameters: parameters)
        var r: [CSVRecord] = []
        while let record = try reader.next() { r.append(record) }
        #expect(r.map(\.fields) == [["a", "\"x"], ["y"], ["z\""], ["b", "c"]])
        #expect(r[0].error?.message.hasPrefix(Self.resynchronized + " (it ran over more than 1 line ends)") == true)
        // Within the limit the same field is one record.
        #expect(try Self.records("a,\"x\ny\nz\"\nb,c\n").map(\.fields) == [["a", "x\ny\nz"], ["b", "c"]])
    }

    @Test func textAfterClosingQuoteIsKeptAndReported() throws {
        let r = try Self.records("a,b\n\"x\"y,z\n")
        #expect(r[1].fields == ["xy", "z"])
        #expect(r[1].error?.column == 4)
    }

    @Test func delimiterIsSniffedFromTheHeader() throws {
        #expect(try Self.records("a;b;c\n1;\"x;y\";3\n").map(\.fields) == [["a", "b", "c"], ["1", "x;y", "3"]])
        #expect(try Self.records("a\tb\n1\t2\n").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(try Self.records("\"a,b\";c\n").first?.fields == ["a,b", "c"])
        #expect(try Self.records("a|b\n", delimiter: UInt8(ascii: ",")).first?.fields == ["a|b"])
    }

    @Test func recordsLongerThanAChunkStream() throws {
        let long = String(repeating: "x\"\"y,\n", count: 40_000)  // 240 kB with doubled quotes
        // 40,000 line ends in one field: more than maxRecordLines allows by default.
        let r = try Self.records("id,text\n1,\"\(long)\"\n2,short\n", maxRecordLines: 50_000)
        #expect(r.count == 3)
        #expect(r[1].fields[1] == String(repeating: "x\"y,\n", count: 40_000))
        #expect(r[2].line == 40_003)
        #expect(r[2].fields == ["2", "short"])
    }

    @Test func lastRecordWithoutLineEndAndEmptyTrailingField() throws {
        #expect(try Self.records("a,b\n1,").map(\.fields) == [["a", "b"], ["1", ""]])
        #expect(try Self.records("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func missingFileIsAnInputError() throws {
        #expect(throws: InputError.self) { try CSVCommentReader(path: "/nonexistent/perceive.csv") }
    }
}
