import PerceiveKit

/// `fuzz-lexicon`: the native lexicon loader on any files. The input holds the files of a
/// lexicon, each after a line `=== NAME` (see fuzz/corpus/lexicon). Loading must either give
/// a lexicon or throw a ``LexiconError`` naming a file of the lexicon; a loaded lexicon must
/// score its own terms and a few sentences with every score property intact.
public enum LexiconFuzzTarget {
    static let sentences = ["This was not good at all!!", "VERY bad, but fixed after 3 calls and 45 minutes.", ""]

    /// Splits `text` into files at lines `=== NAME`.
    public static func files(_ text: String) -> [String: String] {
        var files: [String: String] = [:]
        var name: String?
        var body: [Substring] = []
        func close() { if let name { files[name] = body.joined(separator: "\n") } }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== ") {
                close()
                name = String(line.dropFirst(4))
                body = []
            } else {
                body.append(line)
            }
        }
        close()
        return files
    }

    public static func run(_ data: UnsafeRawBufferPointer) {
        let text = String(decoding: data, as: UTF8.self)
        let source = InMemoryLexiconSource(displayName: "fuzz", files: files(text))
        let lexicon: Lexicon
        do {
            lexicon = try LexiconLoader.load(from: source)
        } catch let error as LexiconError {
            FuzzCheck.require(error.file.hasPrefix("fuzz/"), "error names no file of the lexicon: \(error)")
            FuzzCheck.require(!error.message.isEmpty, "error without a message: \(error)")
            return
        } catch is TokenizerError {
            return
        } catch {
            FuzzCheck.fail("the loader threw \(type(of: error)), not a LexiconError: \(error)")
        }
        let scorer: Scorer
        do {
            scorer = try Scorer(lexicon: lexicon)
        } catch {
            return  // a language ICU cannot open: refused cleanly
        }
        let formatter = ScoreFormatter(lexicon: lexicon, parameters: scorer.parameters)
        for comment in sentences + lexicon.entries.prefix(200).map({ "not very \($0.term)!" }) {
            guard let result = try? scorer.score(comment) else { FuzzCheck.fail("scoring \(String(reflecting: comment)) threw") }
            checkScore(result, scorer: scorer, label: "lexicon \(lexicon.name), comment \(String(reflecting: comment))")
            checkJSON(result, formatter: formatter, label: "lexicon \(lexicon.name)")
        }
    }
}
