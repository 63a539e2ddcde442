import Foundation

/// One sentence of a SemEval-2014 Task 4 (aspect-based sentiment analysis) file.
public struct SemEvalABSASentence: Sendable, Equatable {
    /// 1-based order of the sentence in the file (what `rows=odd|even` selects).
    public var position: Int
    public var id: String
    public var text: String
    /// The line of the sentence's `<sentence>` tag.
    public var line: Int
    /// The aspect categories with their polarity, in file order; nil when the sentence has no
    /// `<aspectCategories>` element (the Laptops files have none), empty when it is empty.
    public var categories: [(category: String, polarity: String)]?

    public static func == (a: SemEvalABSASentence, b: SemEvalABSASentence) -> Bool {
        a.position == b.position && a.id == b.id && a.text == b.text && a.line == b.line
            && a.categories?.map(\.category) == b.categories?.map(\.category) && a.categories?.map(\.polarity) == b.categories?.map(\.polarity)
    }
}

/// Reads SemEval-2014 Task 4 ABSA XML (`Restaurants_Train_v2.xml` and its kind):
///
/// ```xml
/// <sentences>
///   <sentence id="3121">
///     <text>But the staff was so horrible to us.</text>
///     <aspectTerms><aspectTerm term="staff" polarity="negative" from="8" to="13"/></aspectTerms>
///     <aspectCategories><aspectCategory category="service" polarity="negative"/></aspectCategories>
///   </sentence>
/// </sentences>
/// ```
///
/// The root must be `<sentences>` holding only `<sentence>` elements, each with an `id`, exactly
/// one `<text>`, at most one `<aspectTerms>` (not read) and at most one `<aspectCategories>`
/// holding only `<aspectCategory category="…" polarity="…"/>` with a polarity of
/// ``polarities``. Anything else stops with `file:line:column: …`. A category given twice is
/// kept twice (the train file has two such sentences, with the same polarity both times):
/// ``BenchCorpus`` counts it once, `conflict` when the polarities differ.
public enum SemEvalABSAReader {
    /// The polarities of the format (`conflict`: both positive and negative).
    public static let polarities: Set<String> = ["positive", "negative", "neutral", "conflict"]

    /// The sentences of the file at `path`.
    public static func sentences(atPath path: String) throws(BenchError) -> [SemEvalABSASentence] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchError(file: path, "cannot read the corpus (missing or unreadable)")
        }
        return try sentences(in: [UInt8](data), file: path)
    }

    /// The sentences of `bytes` (UTF-8), errors reported in `file`.
    public static func sentences(in bytes: [UInt8], file: String) throws(BenchError) -> [SemEvalABSASentence] {
        let root: XMLElementNode
        do { root = try StrictXMLReader.read(bytes) } catch {
            throw BenchError(file: file, line: error.line, column: error.column, error.message)
        }
        func fail(_ node: XMLElementNode, _ message: String) -> BenchError {
            BenchError(file: file, line: node.line, column: node.column, message)
        }
        func noText(_ node: XMLElementNode) throws(BenchError) {
            guard node.text.allSatisfy(\.isWhitespace) else { throw fail(node, "unexpected text in <\(node.name)> (it holds elements only)") }
        }
        guard root.name == "sentences" else { throw fail(root, "expected the root element <sentences>, found <\(root.name)>") }
        try noText(root)
        var result: [SemEvalABSASentence] = []
        result.reserveCapacity(root.children.count)
        for sentence in root.children {
            guard sentence.name == "sentence" else { throw fail(sentence, "expected <sentence> in <sentences>, found <\(sentence.name)>") }
            try noText(sentence)
            guard let id = sentence.attribute("id") else { throw fail(sentence, "<sentence> has no id attribute") }
            var text: String?
            var categories: [(category: String, polarity: String)]?
            var seenTerms = false
            for child in sentence.children {
                switch child.name {
                case "text":
                    guard text == nil else { throw fail(child, "a second <text> in sentence \(id)") }
                    guard child.children.isEmpty else { throw fail(child.children[0], "unexpected <\(child.children[0].name)> in <text> (it holds text only)") }
                    text = child.text
                case "aspectTerms":
                    guard !seenTerms else { throw fail(child, "a second <aspectTerms> in sentence \(id)") }
                    seenTerms = true
                case "aspectCategories":
                    guard categories == nil else { throw fail(child, "a second <aspectCategories> in sentence \(id)") }
                    try noText(child)
                    var list: [(category: String, polarity: String)] = []
                    for category in child.children {
                        guard category.name == "aspectCategory" else {
                            throw fail(category, "expected <aspectCategory> in <aspectCategories>, found <\(category.name)>")
                        }
                        guard let name = category.attribute("category"), !name.isEmpty else {
                            throw fail(category, "<aspectCategory> has no category attribute")
                        }
                        guard let polarity = category.attribute("polarity") else {
                            throw fail(category, "<aspectCategory category=\"\(name)\"> has no polarity attribute")
                        }
                        guard polarities.contains(polarity) else {
                            throw fail(category, "polarity \"\(polarity)\" is not one of \(polarities.sorted().joined(separator: ", "))")
                        }
                        list.append((name, polarity))
                    }
                    categories = list
                default:
                    throw fail(child, "unexpected <\(child.name)> in <sentence> (expected text, aspectTerms, aspectCategories)")
                }
            }
            guard let text else { throw fail(sentence, "sentence \(id) has no <text>") }
            result.append(SemEvalABSASentence(position: result.count + 1, id: id, text: text, line: sentence.line, categories: categories))
        }
        return result
    }
}
