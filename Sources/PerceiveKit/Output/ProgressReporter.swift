import Foundation

/// Counts the rows a command reads and the comments it scores, and reports them through
/// `write` (the executable passes its stderr): ``ProgressLine``'s bar, redrawn in place at most
/// every ``redrawInterval`` seconds, and the summary line at the end. The executable decides
/// whether there is a bar (a terminal) and where the text goes; this type decides when.
///
/// ```swift
/// let progress = ProgressReporter(quiet: false, showsBar: false, totalBytes: nil) { print($0, terminator: "") }
/// progress.row(error: false, bytesRead: 120)
/// progress.scored()
/// progress.finish(name: "a.csv")   // "perceive: a.csv: 1 rows read, 1 comments scored, 0 rows with errors\n"
/// ```
public final class ProgressReporter {
    /// Rows between two looks at the clock (a power of two: a mask, not a division).
    public static let rowsPerCheck = 1024
    /// The least time between two bars, in seconds.
    public static let redrawInterval = 0.2
    private let showsBar: Bool
    private let quiet: Bool
    private let totalBytes: Int64?
    private let write: (String) -> Void
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    public private(set) var rowsRead = 0
    public private(set) var commentsScored = 0
    public private(set) var rowsWithErrors = 0

    /// - Parameters:
    ///   - quiet: neither the bar nor the summary.
    ///   - showsBar: whether to draw the bar (unless `quiet`): the executable's stderr is a terminal.
    ///   - totalBytes: the input's size, for the bar's fraction and ETA.
    ///   - write: takes the text as it is to be written: the bar with its control sequences,
    ///     the summary with the control characters of the input's name and notes made visible
    ///     (``TerminalText/visible(_:keepingTabAndLineFeed:)``).
    public init(quiet: Bool, showsBar: Bool, totalBytes: Int64?, write: @escaping (String) -> Void) {
        self.quiet = quiet
        self.showsBar = showsBar && !quiet
        self.totalBytes = totalBytes
        self.write = write
    }

    /// Counts a row read (`error`: a row with an error); `bytesRead` of the input so far.
    public func row(error: Bool, bytesRead: Int64) {
        rowsRead += 1
        if error { rowsWithErrors += 1 }
        if showsBar && rowsRead & (Self.rowsPerCheck - 1) == 0 { draw(bytesRead) }
    }

    /// Counts comments scored.
    public func scored(_ count: Int = 1) { commentsScored += count }

    private func draw(_ bytesRead: Int64) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= Self.redrawInterval else { return }
        lastDraw = now
        write(ProgressLine.bar(rows: rowsRead, elapsed: now.timeIntervalSince(started), bytesRead: bytesRead, totalBytes: totalBytes))
        drawn = true
    }

    /// Clears the bar, if one was drawn, and writes the summary line unless `quiet`.
    public func finish(name: String, notes: [String] = []) {
        if drawn { write(ProgressLine.clear) }
        guard !quiet else { return }
        write(TerminalText.visible(ProgressLine.summary(name: name, rowsRead: rowsRead, commentsScored: commentsScored,
                                                        rowsWithErrors: rowsWithErrors, notes: notes)))
    }
}
