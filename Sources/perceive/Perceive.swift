import ArgumentParser
import Foundation
import PerceiveKit

/// Exit codes: 0 every row scored, 1 some rows had errors (still written, marked),
/// 2 bad usage or unreadable input.
enum ExitStatus {
    static let success: Int32 = 0
    static let rowErrors: Int32 = 1
    static let badInput: Int32 = 2
}

@main
struct Perceive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perceive",
        abstract: "Measure how customers perceived their experience: success, effort and emotion, with the words that caused each score.",
        version: "0.1.0",
        subcommands: [ScoreCommand.self, ExplainCommand.self, ParamsCommand.self, LexiconCommand.self, BenchCommand.self,
                      SegmentsCommand.self, MergeCommand.self, ReportCommand.self, TopicsCommand.self],
        defaultSubcommand: nil
    )

    /// Parses, runs, and maps every failure to a documented exit code.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        installInterruptHandler()
        tuneAllocator()
        let status: Int32
        do {
            var command = try parseAsRoot()
            if var rowCommand = command as? RowCommand {
                status = try rowCommand.runReturningStatus()
            } else {
                try command.run()
                status = ExitStatus.success
            }
        } catch OutputError.brokenPipe {
            status = ExitStatus.success
        } catch let error as any UsageError {
            Stderr.write("perceive: \(error)\n")
            status = ExitStatus.badInput
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            Stderr.write(fullMessage(for: error) + "\n")
            status = ExitStatus.badInput
        }
        Foundation.exit(status)
    }

    /// On Ctrl-C (or SIGTERM, SIGHUP), remove a half-written output file before exiting.
    private static func installInterruptHandler() {
        // A parent may hand us a blocked signal mask (a thread of libdispatch, which blocks
        // most signals, that spawned us): unblock the ones we handle, or Ctrl-C never arrives.
        var handled = sigset_t()
        sigemptyset(&handled)
        sigaddset(&handled, SIGINT)
        sigaddset(&handled, SIGTERM)
        sigaddset(&handled, SIGPIPE)
        sigaddset(&handled, SIGHUP)
        sigprocmask(SIG_UNBLOCK, &handled, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {  // SIGHUP: the terminal closed (issue 15)
            signal(sig) { received in
                if let path = OutputSink.pendingTemporary.withLock({ $0 }) { unlink(path) }
                _exit(128 + received)
            }
        }
    }
}

/// Batches are allocated on the scoring threads and freed on the main one, so glibc trimmed
/// each thread's heap after every batch and page-faulted it back for the next: 10% of the CPU
/// time with `--threads 2` (perf: sysmalloc, page faults). Fixed thresholds keep freed memory
/// for reuse; peak RSS is set by the two batches in flight either way.
private func tuneAllocator() {
    #if os(Linux)
    // glibc's <malloc.h>, which Swift's Glibc module does not export.
    let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
    _ = glibcMallopt(trimThreshold, 64 << 20)
    _ = glibcMallopt(mmapThreshold, 32 << 20)
    #endif
}

#if os(Linux)
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// Messages on stderr. Each goes through ``TerminalText/visible(_:keepingTabAndLineFeed:)``:
/// messages quote comments, column names and file names, and their control characters (ESC
/// sequences, NUL bytes of a UTF-16 file) must not reach the terminal raw (issue 15).
enum Stderr {
    static func write(_ message: String) {
        FileHandle.standardError.write(Data(TerminalText.visible(message).utf8))
    }
}

/// A command that reports an exit status of its own (1 when some rows had errors).
protocol RowCommand {
    mutating func runReturningStatus() throws -> Int32
}

/// Options every scoring command shares.
struct LexiconOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Lexicon: the name of an embedded one (\(BundledLexicons.names.joined(separator: ", "))), the path of a lexicon folder, or NAME=[FORMAT:]PATH for third-party files (formats: perceive lexicon formats).",
        valueName: "name|path"))
    var lexicon: String = "en-cx"

    @Option(name: .long, help: ArgumentHelp("ICU locale for word and sentence boundaries (default: the lexicon's language), e.g. en, ja, th.", valueName: "locale"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Scoring rules: perceive, or vader (vaderSentiment 3.3.2's rules and its neg/neu/pos/compound, with --lexicon vader=PATH/vader_lexicon.txt; score only).", valueName: "name"))
    var ruleset: RulesetName = .perceive

    @Option(name: .customLong("set"), help: ArgumentHelp("Override one scoring parameter (repeatable), e.g. --set negationWindow=4; `perceive params` lists them.", valueName: "name=value"))
    var parameterOverrides: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --ruleset vader: VADER's emoji file (default: emoji_utf8_lexicon.txt beside the lexicon file, when there).", valueName: "path"))
    var vaderEmoji: String?

    /// `--lang`, refused (exit 2) unless ICU knows it (see ``Tokenizer/problem(withLocale:)``).
    func validatedLang() throws -> String? {
        guard let lang, let problem = Tokenizer.problem(withLocale: lang) else { return lang }
        let shown = lang.count > 40 ? lang.prefix(39) + "…" : lang
        throw CLIError.input("--lang \(shown): \(problem); 'perceive params --locales' lists the locales ICU knows")
    }

    func makeScorer(topics: TopicTaxonomy? = nil) throws -> Scorer {
        guard ruleset == .perceive else { throw CLIError.input("--ruleset vader: only `perceive score` supports it so far") }
        let parameters = try Parameters.standard.overriding(parameterOverrides)
        return try Scorer(lexicon: LexiconReference.lexicon(forOption: lexicon), ruleset: .standard(parameters: parameters), locale: validatedLang(), topics: topics)
    }
}

/// `score --format`.
typealias OutputFormat = ScoreRecordFormat
extension ScoreRecordFormat: ExpressibleByArgument {}
