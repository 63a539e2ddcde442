import Foundation
import Testing

/// `--threads`: `score` and `segments` give the same bytes, rows in input order, whatever the
/// thread count (issue 5).
@Suite struct ThreadsCommandTests {
    /// A survey export of `rows` rows: ids R_1…, two segment columns, comments cycling through
    /// short cases (multi-line quoted text, emoji, non-ASCII, an empty comment), and one ragged
    /// row (row 7) that must come out marked in its place.
    static func export(rows: Int) -> String {
        let comments = ["\"Quick and easy, thanks!\"", "\"On hold for 45 minutes.\nStill not fixed.\"", "not bad", "😡😡 awful",
                        "\"Der Service war schlecht, but the app is great\"", "", "called 3 times and it's still broken",
                        "\"Great app, but delivery took three weeks!!\""]
        var text = "ResponseId,Region,Channel,Comment\n"
        for i in 1...rows {
            if i == 7 {
                text += "R_7,North,web,too,many\n"
                continue
            }
            text += "R_\(i),\(["North", "South", "West"][i % 3]),\(["web", "phone"][i % 2]),\(comments[i % comments.count])\n"
        }
        return text
    }

    static func folder(_ export: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-threads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try export.write(to: directory.appendingPathComponent("export.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    static func score(_ threads: Int, _ extra: [String], in directory: URL) throws -> CLI.Result {
        try CLI.run(["score", "--input", "export.csv", "--text-column", "Comment", "--id-column", "ResponseId", "--quiet",
                     "--threads", String(threads)] + extra, in: directory)
    }

    @Test func scoreGivesTheSameBytesInInputOrderForOneAndTwoThreads() throws {
        let directory = try Self.folder(Self.export(rows: 400))
        defer { try? FileManager.default.removeItem(at: directory) }
        for extra in [["--format", "ndjson"], ["--format", "csv", "--sentences"], ["--format", "json", "--no-evidence"]] {
            let one = try Self.score(1, extra, in: directory)
            let two = try Self.score(2, extra, in: directory)
            #expect(one.status == 1, "the ragged row gives exit code 1")
            #expect(two.status == one.status)
            #expect(one.stdout == two.stdout, "\(extra)")
        }
        let lines = try Self.score(2, ["--format", "ndjson"], in: directory).stdout.split(separator: "\n")
        #expect(lines.count == 400)
        let ids = try lines.map { try CLI.object($0)["id"] as? String }
        #expect(ids == (1...400).map { "R_\($0)" })
        #expect(try CLI.object(lines[6])["error"] != nil)
    }

    /// Issue 15: `--threads 100000` on a 240-row file started as many scorers and reached
    /// 12.8 GB. Expected: lowered to the number of cores with a note on stderr, and the same
    /// bytes as one thread.
    @Test func threadsBeyondTheCoresAreClampedWithANote() throws {
        let directory = try Self.folder(Self.export(rows: 240))
        defer { try? FileManager.default.removeItem(at: directory) }
        let one = try Self.score(1, ["--format", "ndjson"], in: directory)
        let many = try Self.score(100_000, ["--format", "ndjson"], in: directory)
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #expect(many.status == 1 && many.stdout == one.stdout)
        #expect(many.stderr == "perceive: --threads 100000: this machine has \(cores) core\(cores == 1 ? "" : "s"); using \(cores)\n")
        #expect(one.stderr == "")
    }

    /// More rows than two batches (2,048 each), so with two threads one batch is scored while
    /// the next is read and the last one written.
    @Test func severalBatchesStayInOrderAndSegmentsAreIdentical() throws {
        let directory = try Self.folder(Self.export(rows: 9_000))
        defer { try? FileManager.default.removeItem(at: directory) }
        let one = try Self.score(1, ["--format", "ndjson", "--no-evidence"], in: directory)
        let two = try Self.score(2, ["--format", "ndjson", "--no-evidence"], in: directory)
        #expect(one.stdout == two.stdout)
        let last = try CLI.object(two.stdout.split(separator: "\n").last!)
        #expect(last["id"] as? String == "R_9000")
        let jsonOne = try Self.score(1, ["--format", "json", "--no-evidence"], in: directory)
        let jsonTwo = try Self.score(2, ["--format", "json", "--no-evidence"], in: directory)
        #expect(jsonOne.stdout == jsonTwo.stdout)
        let array = try JSONSerialization.jsonObject(with: Data(jsonTwo.stdout.utf8)) as? [[String: Any]]
        #expect(array?.count == 9_000)
        #expect(array?.last?["id"] as? String == "R_9000")
        for format in ["json", "table"] {
            let segments = { (threads: Int) in
                try CLI.run(["segments", "--input", "export.csv", "--text-column", "Comment", "--by", "Region", "--by", "Channel",
                             "--quiet", "--format", format, "--threads", String(threads)], in: directory)
            }
            let a = try segments(1), b = try segments(2)
            #expect(a.status == 1)
            #expect(a.stdout == b.stdout)
            #expect(!a.stdout.isEmpty)
        }
        let partials = { (threads: Int) in
            try CLI.run(["segments", "--input", "export.csv", "--text-column", "Comment", "--by", "Region", "--quiet",
                         "--emit-partials", "--threads", String(threads)], in: directory).stdout
        }
        #expect(try partials(1) == partials(2))
    }

    /// HEAVY. A record over the 16 MiB limit after several batches refused the file (exit 2);
    /// now it is an error row in its place (issue 15, item 5): 9,001 rows in, 9,001 out, the
    /// same bytes for any thread count, exit 1.
    @Test func recordOverTheLimitAfterSeveralBatchesIsAnErrorRowForOneAndTwoThreads() throws {
        let directory = try Self.folder(Self.export(rows: 9_000) + "R_9001,North,web," + String(repeating: "a", count: 17 << 20))
        defer { try? FileManager.default.removeItem(at: directory) }
        let one = try Self.score(1, ["--format", "ndjson", "--no-evidence"], in: directory)
        let two = try Self.score(2, ["--format", "ndjson", "--no-evidence"], in: directory)
        #expect(one.status == 1)
        #expect(two.status == 1)
        #expect(one.stdout == two.stdout)
        let lines = two.stdout.split(separator: "\n")
        #expect(lines.count == 9_001)
        let last = try CLI.object(lines.last!)
        #expect(last["line"] as? Int == 10_127)  // multi-line comments: 10,126 lines before
        #expect((last["error"] as? String)?.contains("export.csv:10127:1: expected a record of at most 16 MiB") == true)
    }

    /// An input refused after several batches (a read error: stdin in non-blocking mode runs
    /// dry after 9,000 rows): the rows before it are all written to stdout, in order, for any
    /// thread count, and the exit code is 2.
    @Test func rowsBeforeARefusedInputAreWrittenForOneAndTwoThreads() throws {
        let export = Data(Self.export(rows: 9_000).utf8)
        func score(_ threads: Int) throws -> (status: Int32, stdout: String, stderr: String) {
            let input = Pipe()
            let reading = input.fileHandleForReading.fileDescriptor
            let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ (Linux; not exported to Swift)
            #expect(fcntl(reading, setPipeSize, 1 << 20) >= export.count, "a pipe large enough for the whole export")
            _ = fcntl(reading, F_SETFL, fcntl(reading, F_GETFL) | O_NONBLOCK)
            try input.fileHandleForWriting.write(contentsOf: export)
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["score", "--input", "-", "--input-format", "csv", "--text-column", "Comment", "--id-column", "ResponseId",
                                 "--quiet", "--format", "ndjson", "--no-evidence", "--threads", String(threads)]
            let out = Pipe(), err = Pipe()
            process.standardInput = input
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            try? input.fileHandleForWriting.close()
            return (process.terminationStatus, stdout, stderr)
        }
        let one = try score(1), two = try score(2)
        #expect(one.status == 2)
        #expect(two.status == 2)
        #expect(one.stderr.contains("<stdin>:1:1: expected readable input"), "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let lines = two.stdout.split(separator: "\n")
        #expect(lines.count == 9_000)
        #expect(try CLI.object(lines.last!)["id"] as? String == "R_9000")
    }

    @Test func textFileLinesGiveTheSameBytesForOneAndTwoThreads() throws {
        let lines = ["On hold for 45 minutes. Still not fixed.", "great service!", "", "😡😡 awful", "not bad at all"]
        let directory = try Self.folder("")
        defer { try? FileManager.default.removeItem(at: directory) }
        try (0..<300).map { lines[$0 % lines.count] }.joined(separator: "\n")
            .write(to: directory.appendingPathComponent("comments.txt"), atomically: true, encoding: .utf8)
        let run = { (threads: Int) in
            try CLI.run(["score", "--input", "comments.txt", "--format", "ndjson", "--quiet", "--threads", String(threads)], in: directory)
        }
        let one = try run(1), two = try run(2)
        #expect(one.status == 0)
        #expect(one.stdout == two.stdout)
        let ids = try two.stdout.split(separator: "\n").map { try CLI.object($0)["id"] as? String }
        #expect(ids == (1...300).map { String($0) })
    }

    @Test func zeroThreadsIsAUsageError() throws {
        let result = try CLI.run(["score", "--threads", "0", "good"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--threads 0: expected 1 or more"))
    }
}
