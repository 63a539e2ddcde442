import Foundation
import Testing
import Synchronization

/// Hostile and broken inputs through the real `perceive` binary. Each test states its expected
/// result — scored, an error row, or a clean refusal with exit code 2 — and checks that no row
/// goes missing. Never a crash or a hang (a hang would stop the suite).
///
/// HEAVY cases (marked in their names): records over the 16 MiB record limit (a 20 MiB line from
/// stdin and from a file, a 20 MiB JSON line, a 50 MB CSV field, a 1 GB stream without a line
/// end: each an error row, read past in bounded memory), a line of exactly 16 MiB, and 10⁶
/// exclamation marks. The record limit itself is tested with small limits in `RecordLimitTests`.
@Suite struct AdversarialInputTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [Substring] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
    }

    /// Starts `perceive arguments…` in `directory` (default: a temporary folder) with pipes for
    /// stdin, stdout and stderr, for tests that feed or watch it while it runs.
    static func launch(_ arguments: [String], in directory: URL? = nil) throws -> (process: Process, input: Pipe, out: Pipe, err: Pipe) {
        signal(SIGPIPE, SIG_IGN)  // perceive may refuse or end before reading all of stdin
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, input, out, err)
    }

    /// Runs `perceive` with raw bytes on stdin, in `directory` (default: a new temporary folder).
    static func run(_ arguments: [String], bytes: [UInt8] = [], in directory: URL? = nil) throws -> Run {
        let (process, input, out, err) = try launch(arguments, in: directory)
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errData = Mutex<Data>(Data())
        let errReader = Thread { errData.withLock { $0 = err.fileHandleForReading.readDataToEndOfFile() } }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errReader.isExecuting || !errReader.isFinished { usleep(1000) }
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: errData.withLock { String(decoding: $0, as: UTF8.self) })
    }

    /// A new empty folder with `files` written into it.
    static func folder(_ files: [String: [UInt8]] = [:]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-adversarial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: url.appendingPathComponent(name)) }
        return url
    }

    static func objects(_ run: Run) throws -> [[String: Any]] { try run.lines.map { try CLI.object($0) } }
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: - Plain text (--input, one comment per line)

    /// Expected: scored; the invalid bytes become U+FFFD and the row is kept (3 in, 3 out).
    @Test func invalidUTF8IsReplacedAndTheRowKept() throws {
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence"],
                             bytes: Self.bytes("good\n") + [0x62, 0x61, 0x64, 0xFF, 0xFE, 0xC3, 0x28, 0x0A] + Self.bytes("fine\n"))
        #expect(r.status == 0)
        let rows = try Self.objects(r)
        #expect(rows.map { $0["id"] as? String } == ["1", "2", "3"])
        #expect(rows[1]["text"] as? String == "bad\u{FFFD}\u{FFFD}\u{FFFD}(")
        #expect(r.stderr == "perceive: <stdin>: 3 rows read, 3 comments scored, 0 rows with errors "
                + "(1 row had invalid UTF-8, at line 2: 3 sequences replaced by U+FFFD)\n")
    }

    /// Expected: scored; a NUL byte is kept in the comment and written as `\u0000` in JSON.
    @Test func nulBytesAreKeptInTheComment() throws {
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence"], bytes: [0x61, 0x00, 0x62, 0x0A, 0x00, 0x0A])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"text\":\"a\\u0000b\""))
        #expect(try Self.objects(r).map { $0["text"] as? String } == ["a\u{0}b", "\u{0}"])
    }

    /// Expected: clean refusal (exit 2) naming the file and what to do; nothing scored.
    @Test func utf16FileWithBOMIsRefused() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + "good\nbad\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let dir = try Self.folder(["comments.txt": utf16])
        let r = try Self.run(["score", "--input", "comments.txt", "--format", "ndjson"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "perceive: comments.txt:1:1: expected UTF-8 text, found a UTF-16LE byte-order mark (convert with: iconv -f UTF-16 -t UTF-8)\n")
    }

    /// Expected: scored; big-endian UTF-16 is refused the same way.
    @Test func utf16BigEndianFileIsRefused() throws {
        let dir = try Self.folder(["be.txt": [0xFE, 0xFF, 0x00, 0x61, 0x00, 0x0A]])
        let r = try Self.run(["score", "--input", "be.txt"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("be.txt:1:1: expected UTF-8 text"))
    }

    /// Expected: scored; a UTF-8 byte-order mark is not a reason to refuse (the row is kept).
    @Test func utf8BOMIsAccepted() throws {
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence"], bytes: [0xEF, 0xBB, 0xBF] + Self.bytes("good\n"))
        #expect(r.status == 0)
        #expect(try Self.objects(r).count == 1)
    }

    /// Issue 15, item 12: the UTF-8 byte-order mark stayed in the first comment of plain text
    /// (CSV and JSON Lines dropped it). Expected: "good", as in the other readers.
    @Test func utf8BOMIsStrippedFromPlainText() throws {
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence"], bytes: [0xEF, 0xBB, 0xBF] + Self.bytes("good\n\u{FEFF}ok\n"))
        #expect(r.status == 0)
        // Only the one starting the input (compared as bytes: the JSON parser drops a U+FEFF).
        #expect(r.lines.map { $0.split(separator: ",")[1] } == ["\"text\":\"good\"", "\"text\":\"\u{FEFF}ok\""])
    }

    /// Issue 15, item 12: a UTF-32 byte-order mark was reported as "UTF-16 or UTF-32" with an
    /// iconv hint for UTF-16. Expected: the encoding named, and its hint.
    @Test func utf32BOMIsNamedInTheHint() throws {
        let dir = try Self.folder(["le.txt": [0xFF, 0xFE, 0, 0, 0x61, 0, 0, 0], "be.txt": [0, 0, 0xFE, 0xFF, 0, 0, 0, 0x61]])
        for (file, encoding) in [("le.txt", "UTF-32LE"), ("be.txt", "UTF-32BE")] {
            let r = try Self.run(["score", "--input", file, "--format", "csv"], in: dir)
            #expect(r.status == 2 && r.stdout == "")
            #expect(r.stderr == "perceive: \(file):1:1: expected UTF-8 text, found a \(encoding) byte-order mark (convert with: iconv -f UTF-32 -t UTF-8)\n")
        }
    }

    /// Issue 15, item 12: a UTF-16 CSV without a byte-order mark was reported with its header's
    /// NUL bytes raw in the message. Expected: the NULs spelled out and a hint to convert.
    @Test func utf16WithoutBOMIsReportedWithoutNULBytes() throws {
        let dir = try Self.folder(["u.csv": Array("id,comment\n1,good\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }])
        let r = try Self.run(["score", "--input", "u.csv", "--text-column", "comment", "--format", "csv"], in: dir)
        #expect(r.status == 2 && r.stdout == "")
        #expect(!r.stderr.utf8.contains(0))
        #expect(r.stderr == "perceive: u.csv:1:1: expected a column named \"comment\" or a position 1…2; the columns are "
                + "\"i\\u{00}d\\u{00}\", \"\\u{00}c\\u{00}o\\u{00}m\\u{00}m\\u{00}e\\u{00}n\\u{00}t\\u{00}\"; the header holds NUL bytes: "
                + "UTF-16 without a byte-order mark? (convert with: iconv -f UTF-16LE -t UTF-8)\n")
    }

    /// Issue 15, item 12: `--input DIR --format csv` wrote the CSV header on stdout before its
    /// refusal. Expected: nothing on stdout, exit 2.
    @Test func directoryInputWritesNothingBeforeItsRefusal() throws {
        let dir = try Self.folder()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: false)
        for format in ["csv", "json", "table"] {
            let r = try Self.run(["score", "--input", "sub", "--format", format], in: dir)
            #expect(r.status == 2)
            #expect(r.stdout == "")
            #expect(r.stderr == "perceive: sub:1:1: expected a file, found a directory\n")
        }
    }

    /// Expected: scored; CR-only line ends (old Mac files) separate comments like LF and CRLF:
    /// 4 lines in, 4 rows out.
    @Test func crOnlyLineEndsSeparateComments() throws {
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence"], bytes: Self.bytes("good\rbad\r\nok\nfine"))
        #expect(r.status == 0)
        #expect(try Self.objects(r).map { $0["text"] as? String } == ["good", "bad", "ok", "fine"])
    }

    /// Expected: scored; every line gives a row, empty ones included (4 in, 4 out).
    @Test func emptyLinesAreRowsToo() throws {
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence"], bytes: Self.bytes("\n\ngood\n\n"))
        #expect(r.status == 0)
        #expect(try Self.objects(r).map { $0["text"] as? String } == ["", "", "good", ""])
    }

    /// Expected: scored; an empty input gives no rows and success (nothing was lost).
    @Test func emptyTextInputGivesNoRows() throws {
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson"])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let csv = try Self.run(["score", "--input", "-", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.lines.count == 1)  // the header
    }

    /// HEAVY. Expected: scored, one row, in bounded time: 10⁶ exclamation marks.
    @Test func heavyMillionExclamationMarks() throws {
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence"],
                             bytes: Array(repeating: UInt8(ascii: "!"), count: 1_000_000) + [0x0A])
        #expect(r.status == 0)
        let rows = try Self.objects(r)
        #expect(rows.count == 1)
        #expect((rows.first?["text"] as? String)?.utf8.count == 1_000_000)
        #expect(rows.first?["emotion"] as? Double == 0)
    }

    /// HEAVY. Issue 15, item 5: a line over the 16 MiB record limit refused the whole input
    /// (exit 2). Expected: an error row naming the limit at its line (exit 1), and the line
    /// after it scored: 4 rows in, 4 out.
    @Test func heavyLineOverTheRecordLimitIsAnErrorRow() throws {
        let bytes = Self.bytes("good\nbad\n") + Array(repeating: UInt8(ascii: "a"), count: 20 << 20) + Self.bytes("\nfine\n")
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence"], bytes: bytes)
        #expect(r.status == 1)
        let rows = try Self.objects(r)
        #expect(rows.map { $0["id"] as? String } == ["1", "2", "3", "4"])
        #expect(rows.map { $0["error"] != nil } == [false, false, true, false])
        #expect((rows[2]["error"] as? String)?.hasPrefix(
            "<stdin>:3:1: expected a record of at most 16 MiB (maxRecordBytes), found a longer one; it is skipped") == true)
        #expect(r.stderr.contains("4 rows read, 3 comments scored, 1 rows with errors"))
    }

    /// HEAVY. A line of exactly the record limit (16 MiB) is scored, one byte more is not.
    @Test func heavyLineOfExactlyTheRecordLimitIsScored() throws {
        let limit = 16 << 20
        let bytes = Array(repeating: UInt8(ascii: "a"), count: limit) + [0x0A] + Array(repeating: UInt8(ascii: "b"), count: limit + 1) + [0x0A]
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence", "--quiet"], bytes: bytes)
        #expect(r.status == 1)
        let rows = try Self.objects(r)
        #expect(rows.count == 2)
        #expect((rows.first?["text"] as? String)?.utf8.count == limit && rows.first?["error"] == nil)
        #expect((rows.last?["error"] as? String)?.hasPrefix("<stdin>:2:1: expected a record of at most 16 MiB") == true)
    }

    /// HEAVY. Expected: a 1 GB stream with no newline is one error row (exit 1), read to its
    /// end in bounded memory: the stream is generated on the fly into the pipe (nothing on
    /// disk), `perceive` drops the record's bytes as they come, and its peak RSS stays far
    /// below the input. (Before issue 15 it was refused at 16 MiB with exit 2.)
    @Test func heavyGigabyteStreamWithoutNewlineUsesBoundedMemory() throws {
        let (process, input, out, err) = try Self.launch(["score", "--input", "-", "--format", "ndjson"])
        let pid = process.processIdentifier
        func peakKB() -> Int? {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        let fd = input.fileHandleForWriting.fileDescriptor
        var written = 0
        var peak = 0
        writing: while written < 1 << 30 {
            var offset = 0
            while offset < chunk.count {
                let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress! + offset, chunk.count - offset) }
                if n < 0 { if errno == EINTR { continue }; break writing }  // EPIPE: perceive stopped reading
                offset += n
            }
            written += chunk.count
            if let kb = peakKB() { peak = max(peak, kb) }
        }
        try? input.fileHandleForWriting.close()
        _ = err.fileHandleForReading.readDataToEndOfFile()  // drained, so the child never blocks on stderr
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let rows = String(decoding: outData, as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 1)
        #expect(rows.first?.contains("<stdin>:1:1: expected a record of at most 16 MiB (maxRecordBytes), found a longer one; it is skipped (it ran to the end of the input)") == true)
        #expect(written == 1 << 30, "perceive stopped reading")
        #expect(peak < 256 * 1024, "peak RSS \(peak) kB while streaming")
    }

    /// Expected: scored; zero-width joiners, emoji ZWJ sequences, flags, keycaps and skin tones
    /// keep the row, and every evidence offset cuts the text on character boundaries.
    @Test func emojiSequencesAndZeroWidthJoiners() throws {
        let text = "great 👨‍👩‍👧‍👦 service 👍🏽 🇩🇪 1️⃣ zero\u{200D}width\u{200B}space 😡😡"
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson"], bytes: Self.bytes(text + "\n"))
        #expect(r.status == 0)
        let row = try #require(try Self.objects(r).first)
        #expect(row["text"] as? String == text)
        let utf8 = Array(text.utf8)
        for e in row["evidence"] as? [[String: Any]] ?? [] {
            let start = e["start"] as! Int, end = e["end"] as! Int
            #expect(String(validating: utf8[start..<end], as: UTF8.self) == e["text"] as? String)
        }
        #expect((row["evidence"] as? [Any])?.isEmpty == false)
    }

    /// Expected: scored; right-to-left text (Arabic, Hebrew) and bidi controls keep the row and
    /// its text unchanged.
    @Test func rightToLeftText() throws {
        let lines = ["الخدمة سيئة جدا", "השירות היה מצוין!", "\u{202E}evil\u{202C} good"]
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence"], bytes: Self.bytes(lines.joined(separator: "\n")))
        #expect(r.status == 0)
        #expect(try Self.objects(r).map { $0["text"] as? String } == lines)
    }

    /// Expected: scored; mixed scripts in one comment, with the English cue found.
    @Test func mixedScripts() throws {
        let text = "Very bad 服务 и очень плохо ดีมาก"
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson"], bytes: Self.bytes(text))
        #expect(r.status == 0)
        let row = try #require(try Self.objects(r).first)
        #expect((row["emotion"] as? Double ?? 0) < 0)
    }

    // MARK: - CSV, TSV and JSON Lines

    static func scoreCSV(_ csv: String, _ extra: [String] = [], name: String = "export.csv") throws -> Run {
        let dir = try folder([name: bytes(csv)])
        return try run(["score", "--input", name, "--text-column", "comment", "--format", "ndjson", "--no-evidence", "--quiet"] + extra, in: dir)
    }

    /// Expected: error row for the ragged rows (exit 1), every row written: 4 in, 4 out.
    @Test func raggedRowsAreErrorRows() throws {
        let r = try Self.scoreCSV("id,comment,region\n1,good,EU\n2,bad\n3,ok,US,extra\n4,fine,EU\n")
        #expect(r.status == 1)
        let rows = try Self.objects(r)
        #expect(rows.count == 4)
        #expect(rows.map { $0["error"] != nil } == [false, true, true, false])
        #expect((rows[1]["error"] as? String)?.contains("export.csv:3:1: expected 3 fields as in the header, found 2") == true)
    }

    /// Expected: error row with the line and column of the opening quote (exit 1); the rows
    /// before it are scored.
    @Test func unterminatedQuoteIsAnErrorRowWithLineAndColumn() throws {
        // The rows after the stray quote are read again from the next line (issue 15, item 2).
        let r = try Self.scoreCSV("id,comment\n1,good\n2,\"never closed\n3,bad\n")
        #expect(r.status == 1)
        let rows = try Self.objects(r)
        #expect(rows.count == 3)
        #expect((rows[1]["error"] as? String)?.contains("export.csv:3:3: expected the quoted field opened here to close") == true)
        #expect(rows[2]["error"] == nil && rows[2]["success"] != nil)
    }

    /// Expected: error row (exit 1) for text after a closing quote, which is kept in the field.
    @Test func textAfterClosingQuoteIsReported() throws {
        let r = try Self.scoreCSV("id,comment\n1,\"good\"x\n")
        #expect(r.status == 1)
        let rows = try Self.objects(r)
        #expect((rows.first?["error"] as? String)?.contains("expected a delimiter or a line end after the closing quote") == true)
        #expect((rows.first?["error"] as? String)?.contains("export.csv:2:") == true)
    }

    /// Expected: scored; CR-only line ends in a CSV (3 rows in, 3 out).
    @Test func csvWithCROnlyLineEnds() throws {
        let r = try Self.scoreCSV("id,comment\r1,good\r2,bad\r3,\"multi\rline\"\r")
        #expect(r.status == 0)
        #expect(try Self.objects(r).map { $0["comment"] as? String ?? $0["text"] as? String } == ["good", "bad", "multi\rline"])
    }

    /// Expected: scored; invalid UTF-8 and NUL inside CSV fields are kept (replaced / as is).
    @Test func csvWithInvalidUTF8AndNUL() throws {
        let dir = try Self.folder(["e.csv": Self.bytes("id,comment\n1,ba") + [0xFF] + Self.bytes("d\n2,a") + [0] + Self.bytes("b\n")])
        let r = try Self.run(["score", "--input", "e.csv", "--text-column", "comment", "--format", "ndjson", "--no-evidence", "--quiet"], in: dir)
        #expect(r.status == 0)
        #expect(try Self.objects(r).count == 2)
        #expect(r.stdout.contains("ba\u{FFFD}d"))
        #expect(r.stdout.contains("a\\u0000b"))
    }

    /// Expected: scored (exit 0), every row kept, and the summary line on stderr counts the
    /// rows with invalid UTF-8, the sequences replaced and the line of the first.
    @Test func invalidUTF8IsCountedInTheSummaryLine() throws {
        let csv = Self.bytes("id,comment\n1,good\n2,ba") + [0xFF] + Self.bytes("d\n3,") + [0xC3, 0x28, 0xE2, 0x82, 0x0A]
        let dir = try Self.folder(["export.csv": csv])
        let r = try Self.run(["score", "--input", "export.csv", "--text-column", "comment", "--format", "ndjson", "--no-evidence"], in: dir)
        #expect(r.status == 0)
        let rows = try Self.objects(r)
        #expect(rows.map { $0["id"] as? String } == ["1", "2", "3"])
        #expect(rows.map { $0["error"] == nil } == [true, true, true])
        #expect(rows.map { $0["text"] as? String } == ["good", "ba\u{FFFD}d", "\u{FFFD}(\u{FFFD}"])
        #expect(r.stderr == "perceive: export.csv: 3 rows read, 3 comments scored, 0 rows with errors "
                + "(2 rows had invalid UTF-8, first at line 3: 3 sequences replaced by U+FFFD)\n")
    }

    /// Expected: scored (exit 0); JSON Lines and text (here through `segments`) count the same way.
    @Test func invalidUTF8IsCountedInJSONLinesAndText() throws {
        let jsonl = Self.bytes("{\"text\":\"good\"}\n{\"text\":\"ba") + [0xFF, 0xFE] + Self.bytes("d\"}\n")
        let dir = try Self.folder(["c.jsonl": jsonl])
        let j = try Self.run(["score", "--input", "c.jsonl", "--format", "ndjson", "--no-evidence"], in: dir)
        #expect(j.status == 0)
        #expect(try Self.objects(j).map { $0["text"] as? String } == ["good", "ba\u{FFFD}\u{FFFD}d"])
        #expect(j.stderr.hasSuffix("(1 row had invalid UTF-8, at line 2: 2 sequences replaced by U+FFFD)\n"))
        let t = try Self.run(["segments", "--input", "-", "--format", "csv"], bytes: Self.bytes("good\nok\nba") + [0xC0, 0x0A])
        #expect(t.status == 0)
        #expect(t.stderr == "perceive: <stdin>: 3 rows read, 3 comments scored, 0 rows with errors "
                + "(1 row had invalid UTF-8, at line 3: 1 sequence replaced by U+FFFD)\n")
    }

    /// Expected: clean refusal (exit 2) of a UTF-16 CSV with a byte-order mark.
    @Test func utf16CSVIsRefused() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + "id,comment\n1,good\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let dir = try Self.folder(["u.csv": utf16])
        let r = try Self.run(["score", "--input", "u.csv", "--text-column", "comment", "--quiet"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("u.csv:1:1: expected UTF-8 text"))
    }

    /// Issue 15, item 12: the missing-column message listed all 100,000 columns of a header
    /// (a 1 MB line). Expected: the first and last six, long names cut, and the count.
    @Test func missingColumnMessageOnAHugeHeaderIsCut() throws {
        let header = (0..<100_000).map { $0 == 1 ? String(repeating: "x", count: 50) : "c\($0)" }
        let r = try Self.scoreCSV(header.joined(separator: ",") + "\n" + Array(repeating: "1", count: 100_000).joined(separator: ",") + "\n")
        #expect(r.status == 2 && r.stdout == "")
        #expect(r.stderr == "perceive: export.csv:1:1: expected a column named \"comment\" or a position 1…100000; the columns are "
                + "\"c0\", \"\(String(repeating: "x", count: 39))…\", \"c2\", \"c3\", \"c4\", \"c5\", …, "
                + "\"c99994\", \"c99995\", \"c99996\", \"c99997\", \"c99998\", \"c99999\" (100000 columns)\n")
    }

    /// Expected: clean refusal (exit 2) when a selected name belongs to two columns: which one
    /// was meant cannot be known, so both positions are named and suggested; nothing scored.
    @Test func duplicateColumnNameIsRefusedWhenSelected() throws {
        let r = try Self.scoreCSV("id,comment,comment\n1,good,bad\n")
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "perceive: export.csv:1:1: expected one column named \"comment\", found 2: column 2 (\"comment\") and "
                + "column 3 (\"comment\"); select one by its 1-based position instead (2 or 3)\n")
    }

    /// Expected: clean refusal (exit 2) of `segments --by` naming a duplicated column.
    @Test func duplicateByColumnIsRefused() throws {
        let dir = try Self.folder(["d.csv": Self.bytes("id,comment,region,region\n1,good,EU,US\n")])
        let r = try Self.run(["segments", "--input", "d.csv", "--text-column", "comment", "--by", "region", "--quiet"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("d.csv:1:1: expected one column named \"region\", found 2: column 3 (\"region\") and column 4 (\"region\")"))
        let byPosition = try Self.run(["segments", "--input", "d.csv", "--text-column", "comment", "--by", "4", "--format", "csv", "--quiet"], in: dir)
        #expect(byPosition.status == 0)
        #expect(byPosition.stdout.contains("US"))
    }

    /// Expected: scored; duplicate names that are not selected are fine, and both columns are
    /// written back (the second is selected by its position).
    @Test func duplicateColumnsNotSelectedAreKept() throws {
        let dir = try Self.folder(["d.csv": Self.bytes("id,comment,comment\n1,good,bad\n")])
        let r = try Self.run(["score", "--input", "d.csv", "--text-column", "3", "--format", "csv", "--no-evidence", "--quiet"], in: dir)
        #expect(r.status == 0)
        #expect(r.lines.count == 2)
        #expect(r.lines.first?.hasPrefix("id,comment,comment,emotion,") == true)
        #expect(r.lines.last?.hasPrefix("1,good,bad,-") == true)
        // In JSON the keys of `fields` stay unique: the second "comment" is "comment#3".
        let j = try Self.run(["score", "--input", "d.csv", "--text-column", "3", "--format", "ndjson", "--no-evidence", "--quiet"], in: dir)
        #expect(j.status == 0)
        #expect(j.stdout.contains("\"fields\":{\"id\":\"1\",\"comment\":\"good\",\"comment#3\":\"bad\"}"), "\(j.stdout)")
    }

    /// Expected: clean refusal (exit 2) naming the columns there are.
    @Test func missingTextColumnIsRefused() throws {
        let r = try Self.scoreCSV("id,feedback\n1,good\n")
        #expect(r.status == 2)
        #expect(r.stderr.contains("export.csv:1:1: expected a column named \"comment\""))
        #expect(r.stderr.contains("\"feedback\""))
    }

    /// Expected: clean refusal (exit 2): an empty CSV has no header.
    @Test func emptyCSVIsRefused() throws {
        let r = try Self.scoreCSV("")
        #expect(r.status == 2)
        #expect(r.stderr.contains("export.csv:1:1: expected a header row"))
    }

    /// Expected: scored; a file with only the header gives no rows, and success.
    @Test func headerOnlyCSVGivesNoRows() throws {
        let r = try Self.scoreCSV("id,comment\n")
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
    }

    /// HEAVY. Expected: the same 16 MiB limit for a file as for stdin (issue 15, item 5): a
    /// 20 MiB line in a file was accepted (files were refused only past 32 MiB). Now an error
    /// row like stdin's, the line after it scored (`segments` reads the same way).
    @Test func heavyLineOverTheRecordLimitInAFileIsAnErrorRowLikeStdin() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("long.txt").path
        let bytes = Self.bytes("good\nbad\n") + Array(repeating: UInt8(ascii: "a"), count: 20 << 20) + Self.bytes("\r\nfine")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let r = try Self.run(["score", "--input", path, "--format", "ndjson", "--no-evidence"], bytes: [])
        #expect(r.status == 1)
        let rows = try Self.objects(r)
        #expect(rows.map { $0["error"] != nil } == [false, false, true, false])
        #expect((rows[2]["error"] as? String)?.contains("long.txt:3:1: expected a record of at most 16 MiB") == true)
        let segments = try Self.run(["segments", "--input", path, "--format", "json"], bytes: [])
        #expect(segments.status == 1)
        #expect(segments.stderr.contains("4 rows read, 3 comments scored, 1 rows with errors"))
    }

    /// HEAVY. Issue 15, item 5: a CSV whose quoted field is 50 MB, past the 16 MiB record limit,
    /// was refused whole (exit 2). Expected: an error row at the line where the record starts,
    /// and the row after it scored: 2 rows in, 2 out.
    @Test func heavyFiftyMegabyteFieldIsAnErrorRow() throws {
        let big = "id,comment\n1,\"" + String(repeating: "bad ", count: 50_000_000 / 4) + "\"\n2,good\n"
        let r = try Self.scoreCSV(big)
        #expect(r.status == 1)
        let rows = try Self.objects(r)
        #expect(rows.count == 2)
        #expect((rows.first?["error"] as? String)?.hasPrefix("export.csv:2:1: expected a record of at most 16 MiB (maxRecordBytes)") == true)
        #expect(rows.last?["error"] == nil && rows.last?["line"] as? Int == 3)
    }

    /// HEAVY. Issue 15, item 5: a JSON line over the 16 MiB record limit refused the whole file.
    /// Expected: an error row at its line, the lines around it scored: 3 in, 3 out.
    @Test func heavyJSONLineOverTheRecordLimitIsAnErrorRow() throws {
        let long = Self.bytes("{\"text\":\"") + Array(repeating: UInt8(ascii: "z"), count: 17 << 20) + Self.bytes("\"}\n")
        let dir = try Self.folder(["c.jsonl": Self.bytes("{\"text\":\"good\"}\n") + long + Self.bytes("{\"text\":\"bad\"}\n")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["score", "--input", "c.jsonl", "--text-field", "text", "--format", "ndjson", "--no-evidence", "--quiet"], in: dir)
        #expect(r.status == 1)
        let rows = try Self.objects(r)
        #expect(rows.map { $0["line"] as? Int } == [1, 2, 3])
        #expect((rows[1]["error"] as? String)?.hasPrefix("c.jsonl:2:1: expected a record of at most 16 MiB (maxRecordBytes)") == true)
        #expect(rows[2]["error"] == nil)
    }

    /// Expected: error rows (exit 1) for a line that is not JSON, a blank line and a missing
    /// field; every line accounted for (4 in, 4 out).
    @Test func jsonLinesErrorsAreRows() throws {
        let dir = try Self.folder(["c.jsonl": Self.bytes("{\"text\":\"good\"}\nnot json\n\n{\"other\":1}\n")])
        let r = try Self.run(["score", "--input", "c.jsonl", "--text-field", "text", "--format", "ndjson", "--no-evidence", "--quiet"], in: dir)
        #expect(r.status == 1)
        let rows = try Self.objects(r)
        #expect(rows.count == 4)
        #expect(rows.map { $0["error"] != nil } == [false, true, true, true])
        #expect((rows[1]["error"] as? String)?.contains("c.jsonl:2:1: expected a JSON object") == true)
    }

    /// Issue 15, item 9: JSON Lines text that was not a string was written out and scored
    /// (`true` +0.2, `{"x":"terrible"}` −0.8), and null was reported as missing. Expected: an
    /// error row naming the line and the field for a number, boolean, object or array; null
    /// says null; a string is scored (7 lines in, 7 rows out).
    @Test func jsonLinesTextThatIsNotAStringIsAnErrorRow() throws {
        let lines = ["{\"t\":\"good\"}", "{\"t\":true}", "{\"t\":3}", "{\"t\":{\"x\":\"terrible\"}}", "{\"t\":[\"bad\"]}",
                     "{\"t\":null}", "{\"u\":\"good\"}"]
        let dir = try Self.folder(["c.jsonl": Self.bytes(lines.joined(separator: "\n") + "\n")])
        let r = try Self.run(["score", "--input", "c.jsonl", "--text-field", "t", "--format", "ndjson", "--no-evidence", "--quiet"], in: dir)
        #expect(r.status == 1)
        let rows = try Self.objects(r)
        #expect(rows.count == 7)
        #expect(rows[0]["error"] == nil && rows[0]["emotion"] as? Double == 0.4)
        #expect(rows.dropFirst().map { $0["error"] as? String } == [
            "c.jsonl:2:1: field \"t\" is a boolean; expected text (a JSON string)",
            "c.jsonl:3:1: field \"t\" is a number; expected text (a JSON string)",
            "c.jsonl:4:1: field \"t\" is an object; expected text (a JSON string)",
            "c.jsonl:5:1: field \"t\" is an array; expected text (a JSON string)",
            "c.jsonl:6:1: field \"t\" is null; expected text",
            "c.jsonl:7:1: expected a field \"t\"",
        ])
    }

    /// Issue 15, item 10: `merge` of a partials line whose sum implies a mean of 4/3.
    /// Expected: refused with file:line and exit 2, nothing on stdout.
    @Test func mergeRefusesImpossiblePartials() throws {
        let header = "{\"format\":\"perceive-segment-partials\",\"version\":1,\"scale\":\"2^52\",\"lexicon\":\"en-cx\",\"neutralBand\":0.05,\"columns\":[\"comment\"],\"by\":[],\"groupings\":[[]],\"rows\":3,\"rowErrors\":0}"
        let dimension = "{\"n\":3,\"sum\":\"\(4 << 52)\",\"sumOfSquares\":\"\(3 << 52)\",\"bands\":[0,0,3]}"
        let line = "{\"column\":0,\"grouping\":0,\"values\":[],\"n\":3,\"coverage\":[3,0,0],\"dimensions\":[\(dimension),{\"n\":0,\"sum\":\"0\",\"sumOfSquares\":\"0\",\"bands\":[0,0,0]},{\"n\":0,\"sum\":\"0\",\"sumOfSquares\":\"0\",\"bands\":[0,0,0]},{\"n\":3,\"sum\":\"0\",\"sumOfSquares\":\"0\",\"bands\":[0,3,0]}],\"emotions\":{},\"drivers\":{}}"
        let dir = try Self.folder(["p.ndjson": Self.bytes(header + "\n" + line + "\n")])
        let r = try Self.run(["merge", "p.ndjson"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr.contains("p.ndjson:2:1: dimension emotion: sum \(4 << 52) over n = 3 implies a mean outside −1…1"))
    }

    /// Issue 15, item 11: `--lang xx-NOPE` was taken silently. Expected: exit 2 before any
    /// output, saying how to list the locales; `params --locales` lists them.
    @Test func unknownLangIsRefusedWithHowToListLocales() throws {
        let r = try Self.run(["score", "--lang", "xx-NOPE", "--format", "csv", "good"])
        #expect(r.status == 2 && r.stdout == "")
        #expect(r.stderr == "perceive: --lang xx-NOPE: ICU has no data for the language \"xx\"; 'perceive params --locales' lists the locales ICU knows\n")
        let locales = try Self.run(["params", "--locales"])
        #expect(locales.status == 0 && locales.lines.contains("en") && locales.lines.contains("ja"))
        let empty = try Self.folder()
        let lexicon = try Self.run(["score", "--lexicon", empty.path, "good"])
        #expect(lexicon.status == 2 && lexicon.stderr.contains("no manifest.json"))
    }

    // MARK: - Output safety

    /// Expected: formula-like cells get a leading `'` in CSV output, in the text and in the
    /// original columns written back; `--no-csv-formula-guard` keeps them as they are.
    @Test func csvOutputNeutralizesFormulas() throws {
        let csv = "id,comment,note\n1,\"=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\",@SUM(A1)\n2,+good,-3\n"
        let dir = try Self.folder(["f.csv": Self.bytes(csv)])
        let guarded = try Self.run(["score", "--input", "f.csv", "--text-column", "comment", "--format", "csv", "--quiet"], in: dir)
        #expect(guarded.status == 0)
        #expect(guarded.stdout.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\""))
        #expect(guarded.stdout.contains(",'@SUM(A1),"))
        #expect(guarded.stdout.contains(",'+good,"))
        #expect(guarded.stdout.contains(",-3,"))  // a number is not a formula
        let plain = try Self.run(["score", "--input", "f.csv", "--text-column", "comment", "--format", "csv", "--quiet", "--no-csv-formula-guard"], in: dir)
        #expect(plain.stdout.contains(",@SUM(A1),"))
        #expect(!plain.stdout.contains("'="))
        let args = try Self.run(["score", "--format", "csv", "=cmd|' /C calc'!A0", "\tx", "\rtab"])
        #expect(args.stdout.contains("\n1,'=cmd|' /C calc'!A0,"))
        #expect(args.stdout.contains("'\tx"))
    }

    /// Issue 15, item 7: a header cell `=HYPERLINK(…)` was written bare in `score --format
    /// csv`, and so was the `text_column` cell on every row. Expected: every cell we write,
    /// header and values, is guarded; `--no-csv-formula-guard` writes them as they came.
    @Test func csvHeaderAndTextColumnCellsAreFormulaGuarded() throws {
        let csv = "id,\"=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",@note\n1,good,bad\n"
        let dir = try Self.folder(["f.csv": Self.bytes(csv)])
        let arguments = ["score", "--input", "f.csv", "--text-column", "2", "--text-column", "3", "--format", "csv", "--quiet"]
        let guarded = try Self.run(arguments, in: dir)
        #expect(guarded.status == 0)
        #expect(guarded.lines.count == 3)
        #expect(guarded.lines[0].hasPrefix("id,\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",'@note,text_column,emotion,"))
        #expect(guarded.lines[1].hasPrefix("1,good,bad,\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",0.4,positive,"))
        #expect(guarded.lines[2].hasPrefix("1,good,bad,'@note,-0.5,very negative,"))
        let plain = try Self.run(arguments + ["--no-csv-formula-guard"], in: dir)
        #expect(plain.lines[0].hasPrefix("id,\"=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",@note,text_column,"))
        #expect(plain.lines[2].hasPrefix("1,good,bad,@note,"))
        // Comments from the arguments follow the flag too.
        let text = try Self.run(["score", "--format", "csv", "--no-csv-formula-guard", "=1+1"])
        #expect(text.lines[1].hasPrefix("1,=1+1,"))
    }

    /// Issue 15, item 8: ESC sequences in comments and column names were printed raw by
    /// `--format table` and in messages (a comment could set the window title or clear the
    /// screen). Expected: spelled out there, and the data formats (CSV, JSON) exact.
    @Test func terminalEscapesAreMadeVisibleInTablesAndMessages() throws {
        let esc = "\u{1B}"
        let table = try Self.run(["score", "--format", "table", "\(esc)]0;pwned\u{07}good", "\(esc)[2J\u{9B}bad"])
        #expect(table.status == 0)
        #expect(!table.stdout.contains(esc) && !table.stdout.contains("\u{07}") && !table.stdout.contains("\u{9B}"))
        #expect(table.stdout.contains("\\u{1B}]0;pwned\\u{07}good"))
        #expect(table.stdout.contains("\\u{1B}[2J\\u{9B}bad"))
        let json = try Self.run(["score", "--format", "ndjson", "--no-evidence", "\(esc)[2Jgood"])
        #expect(json.stdout.contains("\"text\":\"\\u001b[2Jgood\""))
        let csv = try Self.run(["score", "--format", "csv", "\(esc)[2Jgood"])
        #expect(csv.lines[1].hasPrefix("1,\(esc)[2Jgood,"))
        // A message naming the columns of a header that holds an ESC sequence.
        let message = try Self.scoreCSV("id,\(esc)[2Jtext\n1,good\n")
        #expect(message.status == 2)
        #expect(message.stderr == "perceive: export.csv:1:1: expected a column named \"comment\" or a position 1…2; the columns are \"id\", \"\\u{1B}[2Jtext\"\n")
        // Segment values in the segments table, and the table's error rows.
        let dir = try Self.folder(["s.csv": Self.bytes("id,comment,region\n1,good,\(esc)[31mEU\n2,\"bad\",\"x\",y\n")])
        let segments = try Self.run(["segments", "--input", "s.csv", "--text-column", "comment", "--by", "region", "--quiet"], in: dir)
        #expect(segments.status == 1 && !segments.stdout.contains(esc) && segments.stdout.contains("\\u{1B}[31mEU"))
        let rows = try Self.run(["score", "--input", "s.csv", "--text-column", "comment", "--id-column", "region", "--format", "table", "--quiet"], in: dir)
        #expect(rows.status == 1 && !rows.stdout.contains(esc) && rows.stdout.contains("\\u{1B}[31mEU"))
    }

    /// Expected: an error after some rows leaves the old `-o` file untouched and no temporary
    /// file behind; exit 2. The error is a read error: stdin in non-blocking mode runs dry
    /// (EAGAIN) after 10,000 rows. (A record over the limit was the error here before it became
    /// an error row: issue 15, item 5.)
    @Test func outputFileUntouchedAfterAnErrorMidWrite() throws {
        let dir = try Self.folder(["scored.json": Self.bytes("OLD\n")])
        let input = Pipe()
        let reading = input.fileHandleForReading.fileDescriptor
        _ = fcntl(reading, F_SETFL, fcntl(reading, F_GETFL) | O_NONBLOCK)
        try input.fileHandleForWriting.write(contentsOf: Data(Self.bytes(String(repeating: "good\n", count: 10_000))))  // fits the pipe
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["score", "--input", "-", "--format", "ndjson", "-o", "scored.json"]
        process.currentDirectoryURL = dir
        let err = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("<stdin>:1:1: expected readable input"))
        #expect(try String(contentsOf: dir.appendingPathComponent("scored.json"), encoding: .utf8) == "OLD\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["scored.json"])
    }

    /// Expected: Ctrl-C (SIGINT) while writing leaves the old `-o` file untouched and no
    /// temporary file; the exit status is 128 + SIGINT.
    @Test func outputFileUntouchedAfterInterrupt() throws {
        let dir = try Self.folder(["scored.json": Self.bytes("OLD\n")])
        let (process, input, _, _) = try Self.launch(["score", "--input", "-", "--format", "ndjson", "-o", "scored.json"], in: dir)
        try input.fileHandleForWriting.write(contentsOf: Data(String(repeating: "great service\n", count: 20_000).utf8))
        // Wait until the temporary file exists (the sink has opened it), then interrupt.
        var waited = 0
        while try FileManager.default.contentsOfDirectory(atPath: dir.path).count < 2 && waited < 30_000 {
            usleep(1000)
            waited += 1
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).contains { $0.hasSuffix(".tmp") })
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationStatus == 128 + SIGINT)
        #expect(try String(contentsOf: dir.appendingPathComponent("scored.json"), encoding: .utf8) == "OLD\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["scored.json"])
    }

    // MARK: - Issue 15, item 1: `-o` respects what it replaces

    static let scoreGood = ["score", "--format", "ndjson", "--no-evidence", "good"]
    static let goodRecord = "{\"id\":\"1\",\"text\":\"good\",\"emotion\":0.4,"

    /// `-o link` turned the symlink into a regular file (the target kept the old content).
    /// Expected: the target replaced, the link kept, no temporary file left in either folder.
    @Test func outputThroughASymlinkReplacesItsTarget() throws {
        let dir = try Self.folder(["target.json": Self.bytes("OLD\n")])
        let other = try Self.folder()
        try FileManager.default.createSymbolicLink(atPath: other.appendingPathComponent("link.json").path,
                                                   withDestinationPath: dir.appendingPathComponent("target.json").path)
        let r = try Self.run(Self.scoreGood + ["-o", "link.json"], in: other)
        #expect(r.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: other.appendingPathComponent("link.json").path)
                    == dir.appendingPathComponent("target.json").path)
        #expect(try String(contentsOf: dir.appendingPathComponent("target.json"), encoding: .utf8).hasPrefix(Self.goodRecord))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["target.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["link.json"])
    }

    /// `-o` replaced a FIFO and a device node with a regular file (as root, `-o /dev/null`
    /// destroyed /dev/null). Expected: written straight through; both stay what they were.
    @Test func outputToAFIFOOrADeviceWritesThrough() throws {
        let dir = try Self.folder()
        let fifo = dir.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let received = Mutex<Data>(Data())
        let reader = Thread {  // open(2) blocks until perceive opens the other end; read to its end
            let fd = open(fifo.path, O_RDONLY)
            guard fd >= 0 else { return }
            var bytes = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(fd, &bytes, bytes.count)
                if count <= 0 { break }
                received.withLock { $0.append(contentsOf: bytes[0..<count]) }
            }
            close(fd)
        }
        reader.start()
        let r = try Self.run(Self.scoreGood + ["-o", "pipe"], in: dir)
        var waited = 0
        while !reader.isFinished {
            usleep(1000)
            waited += 1
            if waited == 10_000 { close(open(fifo.path, O_WRONLY | O_NONBLOCK)) }  // perceive never opened it: release the reader
        }
        #expect(r.status == 0)
        #expect(received.withLock { String(decoding: $0, as: UTF8.self) }.hasPrefix(Self.goodRecord))
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        // A null device of our own (root can make one; elsewhere this part is skipped).
        let device = dir.appendingPathComponent("null")
        if mknod(device.path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 {  // makedev(1, 3), a macro Swift cannot call
            let d = try Self.run(Self.scoreGood + ["-o", "null"], in: dir)
            #expect(d.status == 0)
            #expect(lstat(device.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    /// A 600 file of customer comments became 644 when `-o` replaced it. Expected: the
    /// replaced file's permission bits kept.
    @Test func outputKeepsTheReplacedFilesPermissions() throws {
        let dir = try Self.folder(["private.json": Self.bytes("OLD\n")])
        let path = dir.appendingPathComponent("private.json").path
        #expect(chmod(path, 0o600) == 0)
        let r = try Self.run(Self.scoreGood + ["-o", "private.json"], in: dir)
        #expect(r.status == 0)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8).hasPrefix(Self.goodRecord))
    }

    /// `-o` naming the input file replaced the input by its own scores. Expected: exit 2
    /// before anything is read or written, by any path to the same file (a hard link too).
    @Test func outputThatIsTheInputIsRefused() throws {
        let dir = try Self.folder(["in.txt": Self.bytes("good\n")])
        #expect(link(dir.appendingPathComponent("in.txt").path, dir.appendingPathComponent("same.txt").path) == 0)
        for output in ["in.txt", "./in.txt", "same.txt"] {
            let r = try Self.run(["score", "--input", "in.txt", "--format", "ndjson", "-o", output], in: dir)
            #expect(r.status == 2 && r.stdout == "")
            #expect(r.stderr == "perceive: -o \(output): is the input file in.txt; write the output to another file\n")
        }
        let segments = try Self.run(["segments", "--input", "in.txt", "-o", "same.txt"], in: dir)
        #expect(segments.status == 2)
        #expect(try String(contentsOf: dir.appendingPathComponent("in.txt"), encoding: .utf8) == "good\n")
    }

    /// The temporary name (`.<name>.perceive-<pid>.tmp`) passed 255 bytes for a long output
    /// name. Expected: a 254-character name works.
    @Test func outputWithA254CharacterNameWorks() throws {
        let dir = try Self.folder()
        let name = String(repeating: "n", count: 250) + ".txt"
        let r = try Self.run(Self.scoreGood + ["-o", name], in: dir)
        #expect(r.status == 0 && r.stderr == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [name])
    }

    /// SIGHUP (the terminal closed) left the temporary file behind. Expected: removed, as on
    /// SIGINT and SIGTERM; the old file untouched; exit 128 + SIGHUP.
    @Test func outputFileUntouchedAfterHangup() throws {
        let dir = try Self.folder(["scored.json": Self.bytes("OLD\n")])
        let (process, input, _, _) = try Self.launch(["score", "--input", "-", "--format", "ndjson", "-o", "scored.json"], in: dir)
        try input.fileHandleForWriting.write(contentsOf: Data(String(repeating: "great service\n", count: 20_000).utf8))
        var waited = 0
        while try FileManager.default.contentsOfDirectory(atPath: dir.path).count < 2 && waited < 30_000 {
            usleep(1000)
            waited += 1
        }
        kill(process.processIdentifier, SIGHUP)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationStatus == 128 + SIGHUP)
        #expect(try String(contentsOf: dir.appendingPathComponent("scored.json"), encoding: .utf8) == "OLD\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["scored.json"])
    }

    /// Expected: success replaces the old `-o` file whole (all rows, nothing else left).
    @Test func outputFileReplacedOnSuccess() throws {
        let dir = try Self.folder(["scored.json": Self.bytes("OLD\n")])
        let r = try Self.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence", "-o", "scored.json"], bytes: Self.bytes("good\nbad\n"), in: dir)
        #expect(r.status == 0)
        let written = try String(contentsOf: dir.appendingPathComponent("scored.json"), encoding: .utf8)
        #expect(written.split(separator: "\n").count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["scored.json"])
    }

    /// Expected: a reader that goes away (`| head -1`) ends `perceive` quietly with exit 0.
    @Test func closedPipeEndsQuietlyWithSuccess() throws {
        let (process, input, out, err) = try Self.launch(["score", "--input", "-", "--format", "ndjson"])
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(String(repeating: "I was on hold for an hour!\n", count: 200_000).utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let first = out.fileHandleForReading.readData(ofLength: 100)
        #expect(!first.isEmpty)
        try out.fileHandleForReading.close()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(!errText.contains("error") && !errText.contains("pipe"), "stderr: \(errText)")
    }

    /// Expected: the documented exit codes: 0 all scored, 1 some rows had errors, 2 bad usage
    /// or unreadable input.
    @Test func exitCodes() throws {
        #expect(try Self.run(["score", "good"]).status == 0)
        #expect(try Self.scoreCSV("id,comment\n1,good\n2\n").status == 1)
        #expect(try Self.run(["score", "--no-such-option"]).status == 2)
        #expect(try Self.run(["score", "--input", "/nonexistent/perceive/comments.txt"]).status == 2)
        let dir = try Self.folder()
        #expect(try Self.run(["score", "--input", "."], in: dir).status == 2)
    }
}
