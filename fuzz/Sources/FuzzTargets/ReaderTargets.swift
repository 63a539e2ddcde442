import Foundation
import PerceiveKit

/// Writes each fuzz input to one temporary file (the readers take paths), in /dev/shm when
/// it exists so no disk is touched.
enum FuzzFile {
    static let path: String = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(folder)/perceive-fuzz-\(getpid())"
    }()

    static func write(_ bytes: UnsafeRawBufferPointer, suffix: String) -> String {
        let file = path + suffix
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { FuzzCheck.fail("cannot write \(file)") }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            guard n > 0 else { FuzzCheck.fail("cannot write \(file)") }
            offset += n
        }
        close(fd)
        return file
    }
}

/// A reference RFC 4180 parser, written for the fuzzer in the simplest way: the records the
/// CSV reader must find in the same bytes (its documented choices: a leading UTF-8 BOM is
/// skipped; LF, CRLF and a lone CR end a record; text after a closing quote is kept; an
/// unterminated quote runs to the end of the input). Resynchronization: when a record whose
/// quoted fields ran over a line end (LF) goes wrong — a quote never closed, text after a
/// closing quote, more than `maxRecordLines` LFs inside quotes — the record is its first
/// physical line split at the delimiter instead, and parsing resumes at the next line. Long
/// records: when the parser must read more than `maxRecordBytes` of a record to decide on it
/// (to its end before the line end; for a resynchronized one, to where the problem is found),
/// the record is its first physical line alone too, split when that line is within the limit,
/// no fields when it is longer.
func referenceCSV(_ input: [UInt8], delimiter: UInt8, maxRecordLines: Int = CSVCommentReader.defaultMaxRecordLines,
                  maxRecordBytes: Int = InputParameters.standard.maxRecordBytes) -> [[String]] {
    var invalid: [Int] = []
    return referenceCSV(input, delimiter: delimiter, invalidUTF8: &invalid, maxRecordLines: maxRecordLines, maxRecordBytes: maxRecordBytes)
}

/// ``referenceCSV(_:delimiter:)`` that also gives, per record, the invalid UTF-8 sequences
/// replaced by U+FFFD, counted apart from the reader's way: the U+FFFD in the decoded field
/// less the valid EF BF BD already in its bytes (EF is always a lead byte, so each such triple
/// decodes to one U+FFFD of its own).
func referenceCSV(_ input: [UInt8], delimiter: UInt8, invalidUTF8: inout [Int],
                  maxRecordLines: Int = CSVCommentReader.defaultMaxRecordLines,
                  maxRecordBytes: Int = InputParameters.standard.maxRecordBytes) -> [[String]] {
    var bytes = input[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    var records: [[String]] = []
    func count(_ field: [UInt8]) -> (String, Int) {
        let text = String(decoding: field, as: UTF8.self)
        var literal = 0
        if field.count >= 3 { for k in 0..<(field.count - 2) where field[k] == 0xEF && field[k + 1] == 0xBF && field[k + 2] == 0xBD { literal += 1 } }
        return (text, text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) } - literal)
    }
    var i = bytes.startIndex
    while i < bytes.endIndex {
        // One record from i.
        let recordStart = i
        var fields: [String] = []
        var field: [UInt8] = []
        var invalid = 0
        var atFieldStart = true
        var inQuotes = false
        var quotedLineEnds = 0
        var broken = false
        var next = bytes.endIndex
        var extent = bytes.endIndex  // how far the record had to be read to decide on it
        func endField() { let (text, n) = count(field); fields.append(text); invalid += n; field = []; atFieldStart = true }
        while i < bytes.endIndex {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < bytes.endIndex && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    inQuotes = false
                    let after = i + 1
                    if after < bytes.endIndex && bytes[after] != delimiter && bytes[after] != 0x0A && bytes[after] != 0x0D
                        && quotedLineEnds > 0 {
                        broken = true
                        extent = after
                        while extent < bytes.endIndex && bytes[extent] != delimiter && bytes[extent] != 0x0A && bytes[extent] != 0x0D { extent += 1 }
                        break
                    }
                } else {
                    if b == 0x0A { quotedLineEnds += 1; if quotedLineEnds > maxRecordLines { broken = true; extent = i; break } }
                    field.append(b)
                }
                i += 1
                continue
            }
            if b == 0x22 && atFieldStart { inQuotes = true; atFieldStart = false; i += 1; continue }
            atFieldStart = false
            if b == delimiter { endField(); i += 1; continue }
            if b == 0x0A || b == 0x0D {
                next = i + ((b == 0x0D && i + 1 < bytes.endIndex && bytes[i + 1] == 0x0A) ? 2 : 1)
                extent = i
                break
            }
            field.append(b)
            i += 1
        }
        if inQuotes && i >= bytes.endIndex && quotedLineEnds > 0 { broken = true }
        if extent - recordStart > maxRecordBytes {
            // Too long: the first physical line alone, its fields when it is within the limit.
            var k = recordStart
            while k < bytes.endIndex && bytes[k] != 0x0A && bytes[k] != 0x0D { k += 1 }
            if k - recordStart <= maxRecordBytes && k < bytes.endIndex {
                var lineInvalid = 0
                let parts = Array(bytes[recordStart..<k]).split(separator: delimiter, omittingEmptySubsequences: false)
                records.append(parts.map { let (text, n) = count(Array($0)); lineInvalid += n; return text })
                invalidUTF8.append(lineInvalid)
            } else {
                records.append([])
                invalidUTF8.append(0)
            }
            i = k < bytes.endIndex ? k + ((bytes[k] == 0x0D && k + 1 < bytes.endIndex && bytes[k + 1] == 0x0A) ? 2 : 1) : k
            continue
        }
        if broken {
            // The first physical line alone, split at the delimiter.
            var k = recordStart
            while k < bytes.endIndex && bytes[k] != 0x0A && bytes[k] != 0x0D { k += 1 }
            var lineInvalid = 0
            let line = Array(bytes[recordStart..<k])
            let parts = line.split(separator: delimiter, omittingEmptySubsequences: false)
            records.append(parts.map { let (text, n) = count(Array($0)); lineInvalid += n; return text })
            invalidUTF8.append(lineInvalid)
            i = k < bytes.endIndex ? k + ((bytes[k] == 0x0D && k + 1 < bytes.endIndex && bytes[k + 1] == 0x0A) ? 2 : 1) : k
            continue
        }
        endField()
        records.append(fields)
        invalidUTF8.append(invalid)
        i = next
    }
    return records
}

/// A UTF-16 or UTF-32 byte-order mark is refused on purpose (exit 2, "expected UTF-8"): when
/// `bytes` start with one, checks that `read` (which reads the whole file) throws that
/// refusal, and returns true (nothing more to check).
func refusedForeignByteOrderMark(_ bytes: [UInt8], _ read: () throws -> Void) -> Bool {
    guard bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) else { return false }
    var refused = false
    do { try read() } catch { refused = "\(error)".contains("byte-order mark") }
    FuzzCheck.require(refused, "a UTF-16/UTF-32 byte-order mark was not refused")
    return true
}

/// Fields compared byte for byte: `String ==` compares canonical equivalence, so it would let
/// a reader or writer that normalizes (or drops a combining mark) pass.
func utf8Fields(_ records: [[String]]) -> [[[UInt8]]] {
    records.map { $0.map { Array($0.utf8) } }
}

/// `fuzz-csv`: the CSV/TSV reader on any bytes, with the delimiter given (`,`) and sniffed.
/// Rows in = rows out: the reader returns exactly the records of ``referenceCSV`` (the same
/// bytes), each with a line number that does not go back and a count of invalid UTF-8 equal
/// to the U+FFFD the reference decoding put in; and records written with ``CSVText/row(_:)``
/// read back unchanged, byte for byte. Then again with a small `maxRecordBytes` and small
/// reads (both picked from the input's last bytes), so that long records cross reads.
public enum CSVFuzzTarget {
    public static func run(_ data: UnsafeRawBufferPointer) {
        let bytes = Array(data)
        let file = FuzzFile.write(data, suffix: ".csv")
        if refusedForeignByteOrderMark(bytes, {
            let reader = try CSVCommentReader(path: file)
            while try reader.next() != nil {}
        }) { return }
        var expectedInvalidUTF8: [Int] = []
        let expected = referenceCSV(bytes, delimiter: 0x2C, invalidUTF8: &expectedInvalidUTF8)
        let records = read(file, delimiter: 0x2C)
        FuzzCheck.require(utf8Fields(records.map(\.fields)) == utf8Fields(expected),
                          "records differ from the reference parse: \(records.map(\.fields).prefix(5)) vs \(expected.prefix(5))")
        var line = 0
        for r in records {
            FuzzCheck.require(r.line > line, "record at line \(r.line) after line \(line)")
            line = r.line
            if let e = r.error { FuzzCheck.require(e.line >= r.line && e.column >= 1, "error \(e) outside its record at line \(r.line)") }
        }
        FuzzCheck.require(records.map(\.invalidUTF8Sequences) == expectedInvalidUTF8,
                          "invalid UTF-8 counted per record \(records.map(\.invalidUTF8Sequences).prefix(5)), expected \(expectedInvalidUTF8.prefix(5))")
        // Sniffing must not lose or invent records either, with whatever delimiter it picks.
        let (sniffed, delimiter) = readSniffing(file)
        let expectedSniffed = referenceCSV(bytes, delimiter: delimiter)
        FuzzCheck.require(utf8Fields(sniffed.map(\.fields)) == utf8Fields(expectedSniffed),
                          "sniffed reading (delimiter \(delimiter)) found \(sniffed.count) records, expected \(expectedSniffed.count)")
        // The record limit: long records are their first line alone, whatever the reads.
        let limits = smallLimits(bytes)
        var expectedLimitedInvalidUTF8: [Int] = []
        let expectedLimited = referenceCSV(bytes, delimiter: 0x2C, invalidUTF8: &expectedLimitedInvalidUTF8,
                                           maxRecordBytes: limits.maxRecordBytes)
        let limited = read(file, delimiter: 0x2C, parameters: limits)
        FuzzCheck.require(utf8Fields(limited.map(\.fields)) == utf8Fields(expectedLimited),
                          "with maxRecordBytes \(limits.maxRecordBytes), read size \(limits.readSize): records differ from the reference parse: \(limited.map(\.fields).prefix(5)) vs \(expectedLimited.prefix(5))")
        FuzzCheck.require(limited.map(\.invalidUTF8Sequences) == expectedLimitedInvalidUTF8,
                          "with maxRecordBytes \(limits.maxRecordBytes): invalid UTF-8 counted per record \(limited.map(\.invalidUTF8Sequences).prefix(5)), expected \(expectedLimitedInvalidUTF8.prefix(5))")
        var previous = 0
        for r in limited {
            FuzzCheck.require(r.line > previous, "with maxRecordBytes \(limits.maxRecordBytes): record at line \(r.line) after line \(previous)")
            previous = r.line
        }
        // Round trip: what Perceive writes, it reads back, byte for byte.
        let fields = expected.filter { !$0.isEmpty }
        guard !fields.isEmpty else { return }
        let written = fields.map { CSVText.row($0) }.joined(separator: "\n") + "\n"
        let again = Array(written.utf8).withUnsafeBytes { FuzzFile.write($0, suffix: ".out.csv") }
        let back = read(again, delimiter: 0x2C)
        FuzzCheck.require(utf8Fields(back.map(\.fields)) == utf8Fields(fields) && back.allSatisfy { $0.error == nil },
                          "CSVText.row output reads back differently: \(back.map(\.fields).prefix(3)) vs \(fields.prefix(3))")
    }

    static func readSniffing(_ file: String) -> ([CSVRecord], UInt8) {
        do {
            let reader = try CSVCommentReader(path: file)
            var records: [CSVRecord] = []
            while let r = try reader.next() { records.append(r) }
            return (records, reader.delimiter)
        } catch {
            FuzzCheck.fail("the CSV reader threw on a readable file: \(error)")
        }
    }

    static func read(_ file: String, delimiter: UInt8?, parameters: InputParameters = .standard) -> [CSVRecord] {
        do {
            let reader = try CSVCommentReader(path: file, delimiter: delimiter, parameters: parameters)
            var records: [CSVRecord] = []
            while let r = try reader.next() {
                records.append(r)
                FuzzCheck.require(records.count <= 1 + 2 * 4096, "more records than bytes")
            }
            return records
        } catch {
            FuzzCheck.fail("the CSV reader threw on a readable file: \(error)")
        }
    }
}

/// A small `maxRecordBytes` (1…128) and read size (1…32) picked from the input's last two bytes.
func smallLimits(_ bytes: [UInt8]) -> InputParameters {
    var parameters = InputParameters()
    parameters.maxRecordBytes = 1 + Int(bytes.last ?? 63) % 128
    parameters.readSize = 1 + Int(bytes.dropLast().last ?? 15) % 32
    return parameters
}

/// `fuzz-jsonl`: the JSON Lines reader on any bytes. Rows in = rows out: one record per
/// line (a final empty line excepted), numbered 1, 2, 3…; a record has an object or an error
/// with a column on its line; the lines with invalid UTF-8 are counted (the first one's
/// number too); and a comment written with ``JSONText/string(_:)`` reads back. A UTF-16 or
/// UTF-32 byte-order mark is refused, as by the CSV reader. Then again with a small
/// `maxRecordBytes` and small reads: a line longer than the limit is an error record (its
/// invalid UTF-8 not counted: it is never decoded), and the lines after it are read.
public enum JSONLinesFuzzTarget {
    public static func run(_ data: UnsafeRawBufferPointer) {
        let bytes = Array(data)
        check(bytes, data, InputParameters.standard)
        check(bytes, data, smallLimits(bytes))
    }

    static func check(_ bytes: [UInt8], _ data: UnsafeRawBufferPointer, _ parameters: InputParameters) {
        // Lines end at LF, CRLF or a lone CR, as the readers define them; a final empty line
        // does not count.
        var lines = 0, i = 0, lineStart = 0
        var invalidLines: [Int] = []
        var longLines: [Int] = []
        func endLine(_ end: Int) {
            lines += 1
            if end - lineStart > parameters.maxRecordBytes {
                longLines.append(lines)
            } else if String(validating: bytes[lineStart..<end], as: UTF8.self) == nil {
                invalidLines.append(lines)
            }
        }
        while i < bytes.count {
            if bytes[i] == 0x0A {
                endLine(i); i += 1; lineStart = i
            } else if bytes[i] == 0x0D {
                endLine(i); i += 1
                if i < bytes.count && bytes[i] == 0x0A { i += 1 }
                lineStart = i
            } else {
                i += 1
            }
        }
        if lineStart < bytes.count { endLine(bytes.count) }
        let file = FuzzFile.write(data, suffix: ".jsonl")
        if refusedForeignByteOrderMark(bytes, {
            let reader = try JSONLinesReader(path: file)
            while try reader.next() != nil {}
        }) { return }
        var count = 0
        var invalidUTF8 = InvalidUTF8Count()
        do {
            let reader = try JSONLinesReader(path: file, parameters: parameters)
            while let record = try reader.next() {
                count += 1
                FuzzCheck.require(record.line == count, "record \(count) says line \(record.line)")
                FuzzCheck.require((record.object == nil) == (record.error != nil), "line \(count): object and error disagree")
                FuzzCheck.require(longLines.contains(count) == (record.error?.message.contains("(maxRecordBytes)") == true),
                                  "line \(count): over maxRecordBytes \(parameters.maxRecordBytes) is \(longLines.contains(count)), error \(String(describing: record.error))")
                if let e = record.error { FuzzCheck.require(e.line == count && e.column >= 1, "line \(count): error at \(e)") }
                if let object = record.object {
                    for key in object.keys.prefix(8) { _ = record.value(at: [key]); _ = record.value(at: [key, "0"]) }
                }
            }
            invalidUTF8 = reader.invalidUTF8
        } catch {
            FuzzCheck.fail("the JSON Lines reader threw on a readable file: \(error)")
        }
        FuzzCheck.require(count == lines, "read \(count) records from \(lines) lines (maxRecordBytes \(parameters.maxRecordBytes), read size \(parameters.readSize))")
        FuzzCheck.require(invalidUTF8.rows == invalidLines.count && invalidUTF8.firstLine == invalidLines.first
                          && invalidUTF8.sequences >= invalidUTF8.rows,
                          "invalid UTF-8 counted in \(invalidUTF8.rows) lines from \(String(describing: invalidUTF8.firstLine)), expected lines \(invalidLines.prefix(5))")
        guard parameters == .standard else { return }
        // Round trip of a comment through JSONText.string. Foundation's JSONSerialization on
        // Linux drops U+FEFF inside strings (reported; not Perceive's code), so it is left out.
        let comment = String(decoding: bytes, as: UTF8.self)
        let line = "{\"id\":1,\"text\":\(JSONText.string(comment))}\n"
        let out = Array(line.utf8).withUnsafeBytes { FuzzFile.write($0, suffix: ".out.jsonl") }
        do {
            let reader = try JSONLinesReader(path: out)
            let record = try reader.next()
            let expected = String(comment.unicodeScalars.filter { $0 != "\u{FEFF}" }.map(Character.init))
            let got = record?.value(at: ["text"]).map { String($0.unicodeScalars.filter { $0 != "\u{FEFF}" }.map(Character.init)) }
            FuzzCheck.require(got == expected, "a JSONText.string comment reads back as \(String(reflecting: got?.prefix(80)))")
            let extra = try reader.next()
            FuzzCheck.require(extra == nil, "one line read as two records")
        } catch {
            FuzzCheck.fail("reading back threw \(error)")
        }
    }
}

/// `fuzz-partials`: the partials reader of `merge` on any lines. It must refuse with an
/// ``InputError`` or give statistics that summarize without trapping and write partials that
/// read back to the same partials.
public enum PartialsFuzzTarget {
    public static func run(_ data: UnsafeRawBufferPointer) {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let statistics: SegmentStatistics
        do {
            statistics = try SegmentStatistics.parsePartials(lines, file: "fuzz.ndjson")
        } catch {
            FuzzCheck.require(error.file == "fuzz.ndjson" && error.line >= 1, "error without a place: \(error)")
            return
        }
        _ = statistics.summary()
        let written = statistics.partialLines()
        do {
            let again = try SegmentStatistics.parsePartials(written, file: "again.ndjson")
            FuzzCheck.require(again.partialLines() == written, "partials do not read back the same")
        } catch {
            FuzzCheck.fail("partials written by Perceive do not read back: \(error)")
        }
    }
}

/// `fuzz-import`: each third-party lexicon importer (the first byte picks the format) on any
/// text: an error (LexiconError or InputError) or terms whose values are in range.
public enum ImportFuzzTarget {
    public static func run(_ data: UnsafeRawBufferPointer) {
        let formats = LexiconFormat.allCases.filter { $0 != .native }
        guard let first = data.first else { return }
        let format = formats[Int(first) % formats.count]
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: data.dropFirst()), as: UTF8.self)
        _ = LexiconFormat.recognize(text: text, path: "fuzz.txt")
        var lexicon = ImportedLexicon(name: "fuzz", format: format, source: "fuzz")
        do {
            try format.read(text: text, file: "fuzz.txt", into: &lexicon)
        } catch is LexiconError {
            return
        } catch is InputError {
            return
        } catch {
            FuzzCheck.fail("\(format) import threw \(type(of: error)): \(error)")
        }
        for t in lexicon.terms {
            for (name, v) in [("valence", t.valence), ("effort", t.effort), ("success", t.success)] {
                guard let v else { continue }
                FuzzCheck.require(v.isFinite && v >= -1 && v <= 1, "\(format): \(t.term) \(name) \(v) outside [-1, 1]")
            }
            for (name, v) in t.emotions {
                FuzzCheck.require(v.isFinite && v >= 0 && v <= 1, "\(format): \(t.term) emotion \(name) \(v) outside [0, 1]")
            }
        }
        guard lexicon.terms.count <= 50, let built = try? lexicon.lexicon() else { return }
        guard let scorer = try? Scorer(lexicon: built) else { return }
        for t in lexicon.terms.prefix(20) {
            guard let result = try? scorer.score("really not \(t.term)!!") else { FuzzCheck.fail("scoring threw") }
            checkScore(result, scorer: scorer, label: "\(format) import, term \(String(reflecting: t.term))")
        }
    }
}
