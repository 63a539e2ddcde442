import Foundation

/// Errors the command line maps to exit codes.
enum CLIError: Error, CustomStringConvertible {
    /// Bad usage or unreadable input: exit code 2.
    case input(String)

    var description: String {
        switch self {
        case .input(let message): message
        }
    }
}
