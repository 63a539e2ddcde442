import Foundation
import Testing
@testable import PerceiveKit

/// `maxRecordBytes` (issue 15, item 5): a record over the limit is an error row naming the
/// limit, and reading resumes after it, in every reader. The limit is a parameter, so these
/// tests use a few bytes or KB instead of 16 MiB, and small reads so that records cross them.
@Suite struct RecordLimitTests {
    static func file(_ bytes: [UInt8], _ name: String = "t.txt") throws -> String {
        try CSVCommentReaderTests.file(bytes, name)
    }

    static func limits(_ maxRecordBytes: Int, readSize: Int = 1 << 16, maxRecordLines: Int = 1_000) -> InputParameters {
        var parameters = InputParameters()
        parameters.maxRecordBytes = maxRecordBytes
        parameters.readSize = readSize
        parameters.maxRecordLines = maxRecordLines
        return parameters
    }

    static func lines(_ bytes: [UInt8], _ parameters: InputParameters) throws -> [PlainTextLine] {
        let reader = try PlainTextLineReader(path: try file(bytes), parameters: parameters)
        var out: [PlainTextLine] = []
        while let line = try reader.nextLine() { out.append(line) }
        return out
    }

    static func records(_ bytes: [UInt8], _ parameters: InputParameters) throws -> [CSVRecord] {
        let reader = try CSVCommentReader(path: try file(bytes, "t.csv"), delimiter: UInt8(ascii: ","), parameters: parameters)
        var out: [CSVRecord] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    static let readSizes = [1, 2, 3, 7, 64, 4096, 1 << 16]
    static let overLimit = "expected a record of at most 4096 bytes (maxRecordBytes), found a longer one"

    @Test func maxRecordBytesIsAParameterOf16MiB() {
        #expect(InputParameters.standard.maxRecordBytes == 16_777_216)
        let printed = ParameterGroup.input.standardDescriptors
        #expect(printed.first { $0.name == "maxRecordBytes" }?.value == "16777216")
        #expect(printed.map(\.name) == ["maxRecordBytes", "maxRecordLines", "readSize"])
        #expect(CSVCommentReader.defaultMaxRecordLines == 1_000)
    }

    // MARK: - Plain text

    /// A line over the limit stopped the whole input (exit 2); now it is an error row and the
    /// lines after it are read, numbered as in the file.
    @Test func lineOverTheLimitIsAnErrorRowAndReadingResumes() throws {
        let bytes = Array("good\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 5000) + Array("\nbad\r\nfine".utf8)
        for readSize in Self.readSizes {
            let r = try Self.lines(bytes, Self.limits(4096, readSize: readSize))
            #expect(r.map(\.text) == ["good", "", "bad", "fine"], "read size \(readSize)")
            #expect(r.map(\.line) == [1, 2, 3, 4])
            #expect(r.map { $0.error != nil } == [false, true, false, false])
            #expect(r[1].error?.description.hasPrefix("\(r[1].error!.file):2:1: " + Self.overLimit) == true)
            #expect(r[1].error?.message.hasSuffix("it is skipped and reading resumes at the next line") == true)
        }
    }

    @Test func lineOfExactlyTheLimitIsKept() throws {
        for end in ["\n", "\r\n", "\r"] {
            let exact = String(repeating: "x", count: 4096)
            for readSize in Self.readSizes {
                let r = try Self.lines(Array("\(exact)\(end)\(exact)x\(end)ok\(end)".utf8), Self.limits(4096, readSize: readSize))
                #expect(r.map(\.text) == [exact, "", "ok"], "line end \(String(reflecting: end)), read size \(readSize)")
                #expect(r.map { $0.error == nil } == [true, false, true])
            }
        }
    }

    /// The last line, without a line end, is the input's last record: an error row too.
    @Test func lastLineOverTheLimitWithoutLineEndIsAnErrorRow() throws {
        let bytes = Array("one\n".utf8) + Array(repeating: UInt8(ascii: "z"), count: 10_000)
        for readSize in Self.readSizes {
            let r = try Self.lines(bytes, Self.limits(4096, readSize: readSize))
            #expect(r.map(\.line) == [1, 2])
            #expect(r[1].error?.message == Self.overLimit + "; it is skipped (it ran to the end of the input)")
        }
    }

    /// `next()`, for inputs that are not rows (partials), refuses the line instead.
    @Test func nextRefusesALineOverTheLimit() throws {
        let reader = try PlainTextLineReader(path: try Self.file(Array("a\n\(String(repeating: "b", count: 5000))\n".utf8)),
                                             parameters: Self.limits(4096))
        #expect(try reader.next() == "a")
        #expect(throws: InputError(file: reader.name, line: 2, column: 1, Self.overLimit)) { try reader.next() }
    }

    /// A skipped line's bytes are never kept: the buffer stays near one read while a line of
    /// any length goes by.
    @Test func skippedLineIsNotBuffered() throws {
        let bytes = Array(repeating: UInt8(ascii: "q"), count: 3 << 20) + Array("\nafter\n".utf8)
        let r = try Self.lines(bytes, Self.limits(4096, readSize: 4096))
        #expect(r.map(\.text) == ["", "after"])
        #expect(r.first?.error != nil)
    }

    // MARK: - JSON Lines

    @Test func jsonLineOverTheLimitIsAnErrorRecord() throws {
        let long = "{\"t\":\"" + String(repeating: "n", count: 5000) + "\"}"
        let text = "{\"t\":\"good\"}\n\(long)\n{\"t\":\"bad\"}\n"
        for readSize in [3, 64, 1 << 16] {
            let reader = try JSONLinesReader(path: try Self.file(Array(text.utf8), "t.jsonl"), parameters: Self.limits(4096, readSize: readSize))
            var r: [JSONLinesRecord] = []
            while let record = try reader.next() { r.append(record) }
            #expect(r.map(\.line) == [1, 2, 3])
            #expect(r.map { $0.value(at: ["t"]) } == ["good", nil, "bad"])
            #expect(r[1].error?.line == 2 && r[1].error?.message.hasPrefix(Self.overLimit) == true)
        }
    }

    // MARK: - CSV

    /// A one-line record over the limit is skipped whole: no fields, the rows after it read.
    @Test func csvRecordOverTheLimitOnOneLineIsAnErrorRow() throws {
        let long = String(repeating: "w", count: 5000)
        let text = "id,text\n1,\"\(long), still quoted\"\n2,fine\n3,\(long)\n4,end"
        for readSize in Self.readSizes {
            let r = try Self.records(Array(text.utf8), Self.limits(4096, readSize: readSize))
            #expect(r.map(\.fields) == [["id", "text"], [], ["2", "fine"], [], ["4", "end"]], "read size \(readSize)")
            #expect(r.map(\.line) == [1, 2, 3, 4, 5])
            #expect(r[1].error?.line == 2 && r[1].error?.message.hasPrefix(Self.overLimit) == true)
            #expect(r[1].error?.message.hasSuffix("it is skipped up to its first line end and reading resumes at the next line") == true)
        }
    }

    /// A quoted field that runs over line ends past the limit is read as its first line alone,
    /// as after a stray quote, before `maxRecordLines` is reached.
    @Test func csvQuotedFieldRunningPastTheLimitIsReadAsItsFirstLine() throws {
        var text = "id,text\n1,\"opened, never closed\n"
        for k in 2...200 { text += "\(k),row \(k) \(String(repeating: "p", count: 40))\n" }
        for readSize in Self.readSizes {
            let r = try Self.records(Array(text.utf8), Self.limits(4096, readSize: readSize))
            #expect(r.count == 201, "read size \(readSize)")
            #expect(r[1].fields == ["1", "\"opened", " never closed"])
            #expect(r[1].error?.message.hasSuffix("this row is read as its first line alone and reading resumes at the next line") == true)
            #expect(r.dropFirst(2).allSatisfy { $0.error == nil })
            #expect(r.last?.line == 201)
        }
    }

    /// A well-formed record over the limit whose first line fits: the same rule, whether the
    /// reader saw the record's end or not.
    @Test func csvWellFormedMultilineRecordOverTheLimit() throws {
        let body = (1...120).map { "line \($0) of a long answer" }.joined(separator: "\n")
        let text = "id,text\n1,\"\(body)\"\n2,after\n"
        for readSize in Self.readSizes {
            let r = try Self.records(Array(text.utf8), Self.limits(1024, readSize: readSize))
            #expect(r[1].fields == ["1", "\"line 1 of a long answer"], "read size \(readSize)")
            #expect(r[1].error != nil)
            #expect(r.last?.fields == ["2", "after"] && r.last?.line == 122)
            #expect(r.count == 1 + 120 + 1)  // the header, the field's 120 lines, the row after
        }
        // Within the limit it is one record.
        #expect(try Self.records(Array(text.utf8), Self.limits(1 << 20)).map(\.fields.count) == [2, 2, 2])
    }

    /// Whatever the reads, the same records: the outcome depends on the bytes only.
    @Test func csvRecordsDoNotDependOnReadSize() throws {
        var generator = SeededGenerator(seed: 15)
        let alphabet = Array("ab,\"\n\r x".utf8)
        for round in 0..<150 {
            let seed = generator.next()
            var rng = SeededGenerator(seed: seed)
            let count = rng.index(below: 300)
            let bytes = (0..<count).map { _ in alphabet[rng.index(below: alphabet.count)] }
            let limit = 1 + rng.index(below: 40)
            // Each file has its own name: compare what the records say, not where.
            func csv(_ readSize: Int) throws -> [String] {
                try Self.records(bytes, Self.limits(limit, readSize: readSize, maxRecordLines: 3)).map {
                    "\($0.line) \($0.fields) \($0.invalidUTF8Sequences) \($0.error.map { "\($0.line):\($0.column) \($0.message)" } ?? "-")"
                }
            }
            func text(_ readSize: Int) throws -> [String] {
                try Self.lines(bytes, Self.limits(limit, readSize: readSize)).map { "\($0.line) \($0.text) \($0.error?.message ?? "-")" }
            }
            let reference = try csv(1 << 16), lines = try text(1 << 16)
            for readSize in [1, 2, 5, 16] {
                let r = try csv(readSize)
                #expect(r == reference, "round \(round), seed \(seed), limit \(limit), read size \(readSize), input \(String(reflecting: String(decoding: bytes, as: UTF8.self)))")
                #expect(try text(readSize) == lines, "seed \(seed), read size \(readSize)")
            }
        }
    }

    /// Rows in = rows out through `TabularInput`; a header over the limit is refused.
    @Test func tabularInputKeepsARowOverTheLimit() throws {
        let path = try Self.file(Array("id,text\n1,ok\n2,\(String(repeating: "v", count: 100))\n3,ok\n".utf8), "t.csv")
        let input = try TabularInput(path: path, options: TabularInputOptions(format: .csv, textColumns: [ColumnSelector("text")],
                                                                              idColumn: ColumnSelector("id"), parameters: Self.limits(64)))
        var rows: [InputRow] = []
        while let row = try input.next() { rows.append(row) }
        #expect(rows.map(\.line) == [2, 3, 4])
        #expect(rows.map { $0.error != nil } == [false, true, false])
        #expect(rows[1].texts == [""] && rows[2].texts == ["ok"])
        let wide = try Self.file(Array("id,\(String(repeating: "h", count: 100))\n1,ok\n".utf8), "wide.csv")
        #expect(throws: InputError.self) {
            try TabularInput(path: wide, options: TabularInputOptions(format: .csv, textColumns: [ColumnSelector("2")], parameters: Self.limits(64)))
        }
        let text = try Self.file(Array("a\n\(String(repeating: "t", count: 100))\nb\n".utf8))
        let lines = try TabularInput(path: text, options: TabularInputOptions(format: .text, parameters: Self.limits(64)))
        var texts: [InputRow] = []
        while let row = try lines.next() { texts.append(row) }
        #expect(texts.map(\.texts) == [["a"], [""], ["b"]] && texts[1].error?.line == 2)
    }
}
