/// What `perceive topics list`, `stats` and `validate` print about a taxonomy.
///
/// ```swift
/// let report = TopicTaxonomyReport(try TopicTaxonomy.standard())
/// print(report.summary)            // ok: en-cx 1.0.0 (perceive-topics/1): 47 topics, 4891 terms, …
/// print(report.list(json: false))  // the tree: path, terms, examples
/// ```
public struct TopicTaxonomyReport: Sendable {
    public let taxonomy: TopicTaxonomy
    /// How many example terms `list` shows per topic.
    public static let exampleCount = 5

    public init(_ taxonomy: TopicTaxonomy) { self.taxonomy = taxonomy }

    /// One line per topic of the tree, in tree order: each first level in order of first
    /// appearance (a parent named only through its subtopics too, with 0 terms), then its
    /// subtopics in order of appearance.
    public struct Row: Sendable, Equatable {
        public var path: String
        public var level: Int
        public var terms: Int
        public var examples: [String]
    }

    public var rows: [Row] {
        let counts = taxonomy.termCounts
        var examples = [[String]](repeating: [], count: taxonomy.topics.count)
        for term in taxonomy.terms where examples[Int(term.topic)].count < Self.exampleCount {
            examples[Int(term.topic)].append(term.text)
        }
        var parents: [String] = []
        for path in taxonomy.topics {
            let parent = String(path.split(separator: "/")[0])
            if !parents.contains(parent) { parents.append(parent) }
        }
        var rows: [Row] = []
        for parent in parents {
            let own = taxonomy.topicIndex(of: parent)
            rows.append(Row(path: parent, level: 1, terms: own.map { counts[$0] } ?? 0, examples: own.map { examples[$0] } ?? []))
            for (index, path) in taxonomy.topics.enumerated() where path.hasPrefix(parent + "/") {
                rows.append(Row(path: path, level: 2, terms: counts[index], examples: examples[index]))
            }
        }
        return rows
    }

    /// `topics list`: the tree as a table (subtopics indented) or as JSON.
    public func list(json: Bool) -> String {
        let rows = self.rows
        if json {
            var out = "{\"taxonomy\":" + JSONText.string(taxonomy.name) + ",\"version\":" + JSONText.string(taxonomy.version) + ",\"topics\":["
            out += rows.map { row in
                "{\"topic\":\(JSONText.string(row.path)),\"level\":\(row.level),\"terms\":\(row.terms),\"examples\":["
                    + row.examples.map(JSONText.string).joined(separator: ",") + "]}"
            }.joined(separator: ",")
            return out + "]}\n"
        }
        let width = max(5, rows.map { $0.path.count + ($0.level - 1) * 2 }.max() ?? 0) + 2
        var out = pad("topic", width) + "terms  examples\n"
        for row in rows {
            let label = String(repeating: "  ", count: row.level - 1) + row.path
            let count = String(row.terms)
            out += pad(label, width) + String(repeating: " ", count: max(0, 5 - count.count)) + count + "  "
                + (row.examples.isEmpty ? "–" : row.examples.joined(separator: ", ") + (row.terms > row.examples.count ? ", …" : "")) + "\n"
        }
        return out + "\(taxonomy.topics.count) topics, \(taxonomy.terms.count) terms (\(taxonomy.name) \(taxonomy.version))\n"
    }

    /// Counts of one level of the tree (or of all).
    public struct LevelCounts: Sendable, Equatable {
        /// Topics at the level that have terms (``TopicTaxonomy/topics``; a parent named only
        /// through its subtopics is in ``parentsWithoutTerms`` instead).
        public var topics = 0
        public var terms = 0
        /// Terms of more than one token.
        public var phrases = 0
        /// Exclusion phrases, and the terms that have any.
        public var exclusions = 0
        public var termsWithExclusions = 0
    }

    /// Counts for level 1, level 2, and all.
    public var levels: [LevelCounts] {
        var levels = [LevelCounts(), LevelCounts()]
        for path in taxonomy.topics { levels[path.contains("/") ? 1 : 0].topics += 1 }
        for term in taxonomy.terms {
            let level = taxonomy.topics[Int(term.topic)].contains("/") ? 1 : 0
            levels[level].terms += 1
            if term.tokenCount > 1 { levels[level].phrases += 1 }
            levels[level].exclusions += term.exclusions.count
            if !term.exclusions.isEmpty { levels[level].termsWithExclusions += 1 }
        }
        var all = LevelCounts()
        for level in levels {
            all.topics += level.topics
            all.terms += level.terms
            all.phrases += level.phrases
            all.exclusions += level.exclusions
            all.termsWithExclusions += level.termsWithExclusions
        }
        return levels + [all]
    }

    /// First-level topics that have no terms of their own, only subtopics ("digital").
    public var parentsWithoutTerms: [String] { rows.filter { $0.level == 1 && $0.terms == 0 }.map(\.path) }

    /// `topics stats`: topics, terms, phrases and exclusions per level, as a table or JSON.
    public func stats(json: Bool) -> String {
        let levels = self.levels
        let names = ["level 1", "level 2", "all"]
        if json {
            let items = zip(names, levels).map { name, c in
                "\(JSONText.string(name == "all" ? name : String(name.last!))):{\"topics\":\(c.topics),\"terms\":\(c.terms),\"phrases\":\(c.phrases),"
                    + "\"exclusions\":\(c.exclusions),\"termsWithExclusions\":\(c.termsWithExclusions)}"
            }
            return "{\"taxonomy\":\(JSONText.string(taxonomy.name)),\"version\":\(JSONText.string(taxonomy.version)),\"format\":\"\(TopicTaxonomy.formatName)\","
                + "\"levels\":{" + items.joined(separator: ",") + "},\"parentsWithoutTerms\":["
                + parentsWithoutTerms.map(JSONText.string).joined(separator: ",") + "]}\n"
        }
        var out = "taxonomy  \(taxonomy.name) \(taxonomy.version) (\(TopicTaxonomy.formatName))\n"
        out += pad("", 9) + ["topics", "terms", "phrases", "exclusions"].map { pad($0, 12) }.joined() + "terms with exclusions\n"
        for (name, c) in zip(names, levels) {
            out += pad(name, 9) + [c.topics, c.terms, c.phrases, c.exclusions].map { pad(String($0), 12) }.joined() + "\(c.termsWithExclusions)\n"
        }
        let parents = parentsWithoutTerms
        if !parents.isEmpty { out += "parents without terms of their own (named through their subtopics): \(parents.joined(separator: ", "))\n" }
        return out
    }

    /// The line `topics validate` prints for a taxonomy that loads.
    public var summary: String {
        let all = levels[2]
        return "ok: \(taxonomy.name) \(taxonomy.version) (\(TopicTaxonomy.formatName)): \(taxonomy.topics.count) topics, \(all.terms) terms "
            + "(\(all.phrases) phrases), \(all.exclusions) exclusions on \(all.termsWithExclusions) terms"
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
