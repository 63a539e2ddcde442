import Foundation

extension VADERLexicon {
    /// The files `--ruleset vader` reads, from `--lexicon vader=PATH[,PATH]` (a
    /// `vader_lexicon.txt`, a folder holding one, and optionally an emoji file: one whose name
    /// contains "emoji") and `--vader-emoji`: the emoji file given, else the one named with
    /// the lexicon, else `emoji_utf8_lexicon.txt` beside the lexicon file when it is there.
    ///
    /// ```
    /// try VADERLexicon.files(lexiconOption: "vader=shared/lexicons/vader", emojiOption: nil)
    /// // ("shared/lexicons/vader/vader_lexicon.txt", "shared/lexicons/vader/emoji_utf8_lexicon.txt")
    /// ```
    public static func files(lexiconOption lexicon: String, emojiOption: String?) throws(LexiconOptionError) -> (lexicon: String, emoji: String?) {
        let usage = "--ruleset vader needs VADER's lexicon file: --lexicon vader=PATH/vader_lexicon.txt (vaderSentiment's file)"
        if BundledLexicons.names.contains(lexicon) { throw LexiconOptionError(usage) }
        let reference = LexiconReference(parsing: lexicon)
        if let format = reference.format, format != .vader {
            throw LexiconOptionError("--lexicon \(lexicon): --ruleset vader reads VADER's format, not \(format.rawValue)")
        }
        var lexiconFile: String?
        var emojiFile: String?
        let fm = FileManager.default
        for path in reference.paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw LexiconOptionError("--lexicon \(lexicon): \(path): no such file or folder") }
            if isDirectory.boolValue {
                lexiconFile = (path as NSString).appendingPathComponent("vader_lexicon.txt")
            } else if (path as NSString).lastPathComponent.lowercased().contains("emoji") {
                emojiFile = path
            } else {
                lexiconFile = path
            }
        }
        guard let lexiconFile else { throw LexiconOptionError(usage) }
        if let emojiOption { return (lexiconFile, emojiOption) }
        if emojiFile == nil {
            let beside = ((lexiconFile as NSString).deletingLastPathComponent as NSString).appendingPathComponent("emoji_utf8_lexicon.txt")
            if fm.fileExists(atPath: beside) { emojiFile = beside }
        }
        return (lexiconFile, emojiFile)
    }
}
