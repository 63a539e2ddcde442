/// What an import noticed, as the lines `perceive` writes to stderr.
extension ImportNote {
    /// How many notes ``report(_:verbose:)`` lists without `verbose`.
    public static let reportedWithoutVerbose = 5

    /// One `perceive: note: …` line per note (with its newline): every note when `verbose`,
    /// else the first ``reportedWithoutVerbose`` and a line saying how many more there are.
    /// Empty when there are no notes.
    ///
    /// ```
    /// ImportNote.report(notes, verbose: false)   // 7 notes
    /// // "perceive: note: afinn.txt:2: duplicate term \"superb\": kept the first, at afinn.txt:1\n"
    /// // … four more …
    /// // "perceive: … and 2 more notes (--verbose lists them)\n"
    /// ```
    public static func report(_ notes: [ImportNote], verbose: Bool) -> String {
        let shown = verbose ? notes[...] : notes.prefix(reportedWithoutVerbose)
        var text = shown.map { "perceive: note: \($0)\n" }.joined()
        if notes.count > shown.count {
            text += "perceive: … and \(notes.count - shown.count) more notes (--verbose lists them)\n"
        }
        return text
    }

    /// The one line (with its newline) that `bench` writes for a lexicon whose import noted
    /// something, pointing to the command that lists the notes; empty when there are none.
    ///
    /// ```
    /// ImportNote.count(of: loaded, argument: "vader=vader_lexicon.txt")
    /// // "perceive: note: vader: 3 import notes (duplicates, skipped lines); 'perceive lexicon validate vader=vader_lexicon.txt --verbose' lists them\n"
    /// ```
    public static func count(of loaded: LexiconReference.Loaded, argument: String) -> String {
        guard !loaded.notes.isEmpty else { return "" }
        return "perceive: note: \(loaded.name): \(loaded.notes.count) import notes (duplicates, skipped lines); "
            + "'perceive lexicon validate \(argument) --verbose' lists them\n"
    }
}
