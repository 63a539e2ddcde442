import Foundation
import Testing
@testable import PerceiveKit

/// The record writer frames records the same way in every format: the JSON array's brackets
/// and commas, one line per record elsewhere, and the optional parts of a record.
@Suite struct ScoreRecordWriterTests {
    let scorer = try! Scorer(lexicon: Fixture.lexicon)
    static let formatter = ScoreFormatter(lexicon: Fixture.lexicon, parameters: .standard)

    static func write(_ format: ScoreRecordFormat, sentences: Bool = false, _ body: (ScoreRecordWriter) throws -> Void) throws -> String {
        let out = ByteBuffer()
        let writer = ScoreRecordWriter(renderer: ScoreRecordRenderer(format: format, formatter: formatter, sentences: sentences), output: out)
        try writer.begin()
        try body(writer)
        try writer.end()
        return out.text
    }

    @Test func anEmptyJSONArrayIsTwoBrackets() throws {
        #expect(try Self.write(.json) { _ in } == "[]\n")
        #expect(try Self.write(.ndjson) { _ in } == "")
    }

    @Test func jsonArrayRecordsAreSeparatedByCommaLines() throws {
        let a = try scorer.score("good"), b = try scorer.score("bad")
        let text = try Self.write(.json) { writer in
            try writer.record(a, id: "1")
            try writer.error(id: "2", text: "x", message: "too long")
            try writer.record(b, id: "3")
        }
        let expected = "[\n" + Self.formatter.json(a, id: "1") + ",\n{\"id\":\"2\",\"error\":\"too long\"},\n"
            + Self.formatter.json(b, id: "3") + "\n]\n"
        #expect(text == expected)
    }

    @Test func ndjsonIsOneRecordPerLine() throws {
        let a = try scorer.score("good")
        let text = try Self.write(.ndjson) { try $0.record(a, id: "7") }
        #expect(text == Self.formatter.json(a, id: "7") + "\n")
    }

    @Test func csvHasTheHeaderAndTheErrorInTheLastColumn() throws {
        let a = try scorer.score("good")
        let text = try Self.write(.csv) { writer in
            try writer.record(a, id: "1")
            try writer.error(id: "2", text: "=x", message: "too long")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3] == "")
        #expect(lines[0] == "id,text,emotion,emotion_band,effort,effort_band,success,success_band,cx,cx_band,emotions,evidence")
        #expect(lines[1] == Self.formatter.csvRow(a, id: "1"))
        #expect(lines[2] == "2,'=x,,,,,,,,,,error: too long")  // id, text, 9 empty score cells, the message
    }

    @Test func sentencesAreNumberedFromOneAndAnEmptyCommentIsSentenceZero() throws {
        let two = try scorer.score("good. bad.")
        let empty = try scorer.score("")
        let text = try Self.write(.ndjson, sentences: true) { writer in
            try writer.record(two, id: "a")
            try writer.record(empty, id: "b")
        }
        let ids = text.split(separator: "\n").map { String($0.prefix(while: { $0 != "," })) }
        let sentences = two.sentenceComments().count
        #expect(sentences >= 1)
        #expect(ids == (1...sentences).map { "{\"sentence\":\($0)" } + ["{\"sentence\":0"])
        #expect(try Self.write(.csv, sentences: true) { _ in }.hasPrefix("id,sentence,text,"))
    }

    @Test func vaderRecordsAddTheirFourValuesBeforeTheScores() throws {
        let a = try scorer.score("good")
        let polarity = VADERPolarity(neg: 0, neu: 0.5, pos: 0.5, compound: 0.4404)
        let out = ByteBuffer()
        let writer = ScoreRecordWriter(renderer: ScoreRecordRenderer(format: .ndjson, formatter: Self.formatter, vader: true), output: out)
        try writer.record(a, id: "1", polarity: polarity)
        var fields: [UInt8] = []
        Self.formatter.appendJSONFields(a, to: &fields) { VADERScoreFormatter.appendJSONFields(polarity, to: &$0) }
        #expect(out.text == "{\"id\":\"1\"," + String(decoding: fields, as: UTF8.self) + "}\n")
        #expect(out.text.contains("\"neg\":0,\"neu\":0.5,\"pos\":0.5,\"compound\":0.4404,\"emotion\""))
    }

    @Test func exportRowsCarryTheirContextAndOriginalFields() throws {
        let path = NSTemporaryDirectory() + "score-record-writer-\(getpid()).csv"
        try "id,comment,comment\n7,good,x\n8,\"bad\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try TabularInput(path: path, options: TabularInputOptions(format: .csv, textColumns: [ColumnSelector("2")],
                                                                              idColumn: ColumnSelector("id")))
        let out = ByteBuffer()
        let renderer = ScoreRecordRenderer(format: .ndjson, formatter: Self.formatter, export: input)
        let writer = ScoreRecordWriter(renderer: renderer, output: out)
        while let row = try input.next() { try writer.write(renderer.render(row, scorer: scorer)) }
        let lines = out.text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("{\"row\":1,\"line\":2,\"id\":\"7\",\"column\":\"comment\",\"fields\":{\"id\":\"7\",\"comment\":\"good\",\"comment#3\":\"x\"},\"text\":\"good\","))
        #expect(lines[1].hasPrefix("{\"row\":2,\"line\":3,\"id\":\"8\",\"column\":\"comment\",\"fields\":{"))
        #expect(lines[1].contains("\"error\":"))
    }

    /// Issue 15: an export row's records were copied out of their buffer into an array, so a
    /// long comment's record (hundreds of MB with evidence) was held twice. Expected: a record
    /// past `largeRecord` bytes stays in its buffer, and is written the same as a short one.
    @Test func longExportRecordIsWrittenWithoutACopy() throws {
        let path = NSTemporaryDirectory() + "score-record-writer-long-\(getpid()).csv"
        let long = String(repeating: "good but bad. ", count: 10_000)
        try "id,comment\n1,\(long)\n2,fine\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try TabularInput(path: path, options: TabularInputOptions(format: .csv, textColumns: [ColumnSelector("comment")]))
        let out = ByteBuffer()
        let renderer = ScoreRecordRenderer(format: .ndjson, formatter: Self.formatter, export: input)
        let writer = ScoreRecordWriter(renderer: renderer, output: out)
        var rendered: [ScoreRecordRenderer.RenderedRow] = []
        while let row = try input.next() { rendered.append(renderer.render(row, scorer: scorer)) }
        #expect(rendered.map { $0.large != nil } == [true, false])
        #expect(rendered[0].bytes.count > ScoreRecordRenderer.RenderedRow.largeRecord)
        for row in rendered { try writer.write(row) }
        #expect(out.bytes == rendered[0].bytes + rendered[1].bytes)
        let lines = out.text.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("{\"row\":1,") && lines[1].hasPrefix("{\"row\":2,"))
    }
}

extension ScoreRecordWriterTests {
    @Test func aScoredOrFailedCommentIsItsRecordOrItsError() throws {
        struct Refused: Error, CustomStringConvertible { var description: String { "too long" } }
        let a = try scorer.score("good")
        var outcomes: [Bool] = []
        let text = try Self.write(.ndjson) { writer in
            outcomes.append(try writer.write(.success((a, nil)), id: "1", text: "good"))
            outcomes.append(try writer.write(.failure(Refused()), id: "2", text: "x"))
        }
        #expect(outcomes == [true, false])
        #expect(text == Self.formatter.json(a, id: "1") + "\n{\"id\":\"2\",\"error\":\"too long\"}\n")
    }
}
