import Foundation
import PerceiveKit

/// Errors the command line maps to exit codes.
enum CLIError: UsageError {
    /// Bad usage or unreadable input: exit code 2.
    case input(String)

    var description: String { switch self { case .input(let message): message } }
}

/// Errors that end a command with exit code 2 and their message, `perceive: MESSAGE`: bad
/// usage, or input that cannot be read or written. The library's errors say what was expected,
/// with `file:line` where there is one.
protocol UsageError: Error, CustomStringConvertible {}

extension OutputError: UsageError {}
extension LexiconError: UsageError {}
extension TopicTaxonomyError: UsageError {}
extension LexiconOptionError: UsageError {}
extension BenchError: UsageError {}
extension ParameterError: UsageError {}
extension InputOptionError: UsageError {}
