import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#endif

/// Runs libFuzzer on `body` with this process's arguments (libFuzzer flags and corpus
/// folders). `body` gets each input and checks its properties with ``FuzzCheck/require``.
///
/// A SwiftPM executable whose only entry is `@_cdecl("LLVMFuzzerTestOneInput")` builds but
/// never fuzzes (SwiftPM's `main` wins over libFuzzer's), so each target's `main.swift`
/// calls this, which hands the input loop to `LLVMFuzzerRunDriver`.
public enum FuzzDriver {
    nonisolated(unsafe) static var body: ((UnsafeRawBufferPointer) -> Void)?

    public static func run(_ name: String, _ body: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
        guard perceive_fuzzer_linked() != 0 else {
            FuzzCheck.printError("\(name): built without libFuzzer; build with -Xswiftc -sanitize=fuzzer (see fuzz/run.sh)")
            exit(2)
        }
        Self.body = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzDriver.body!(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }
        exit(status)
    }
}

/// Property checks while fuzzing: a failed check prints what broke and aborts, which
/// libFuzzer reports as a crash and saves the input.
public enum FuzzCheck {
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                               file: StaticString = #fileID, line: UInt = #line) {
        if !condition() { fail(message(), file: file, line: line) }
    }

    public static func fail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
        printError("PROPERTY FAILED at \(file):\(line): \(message)")
        abort()
    }

    static func printError(_ message: String) {
        let bytes = Array((message + "\n").utf8)
        bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }
}
