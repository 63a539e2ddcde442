import Foundation

/// The results of a `perceive bench` run and their renderings: a table for people, Markdown,
/// CSV (one row per corpus, system and metric) and JSON (with the command, the parameters and
/// every lexicon's name, version and files).
public struct BenchReport: Sendable {
    public struct LexiconInfo: Sendable {
        public var name: String
        public var version: String
        public var format: String
        public var paths: [String]
        public var notes: Int

        public init(name: String, version: String, format: String, paths: [String], notes: Int) {
            self.name = name
            self.version = version
            self.format = format
            self.paths = paths
            self.notes = notes
        }

        /// A system's entry: a lexicon's name, version, format, files and number of import
        /// notes; for scores computed elsewhere, the name, the file's name (as the version) and
        /// "external scores".
        public init(_ system: BenchSystem) {
            switch system {
            case .lexicon(let loaded):
                self.init(name: loaded.name, version: loaded.lexicon.version, format: loaded.format.rawValue, paths: loaded.paths, notes: loaded.notes.count)
            case .external(let name, let source, _):
                self.init(name: name, version: source, format: "external scores", paths: [], notes: 0)
            }
        }
    }

    /// The renderings of a report (`bench --format`).
    public enum Format: String, Sendable {
        case table, markdown, csv, json
    }

    public var command: String
    public var parameters: BenchParameters
    public var lexicons: [LexiconInfo]
    public var corpora: [BenchCorpusResult]

    public init(command: String, parameters: BenchParameters, lexicons: [LexiconInfo], corpora: [BenchCorpusResult]) {
        self.command = command
        self.parameters = parameters
        self.lexicons = lexicons
        self.corpora = corpora
    }

    static func fixed(_ value: Double?, _ digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(digits)f", value)
    }

    static func cell(_ m: BenchMetricValue) -> String {
        guard m.value != nil else { return "–" }
        return "\(fixed(m.value)) [\(fixed(m.lower)), \(fixed(m.upper))]"
    }

    static func rate(_ r: Double?) -> String { r.map { String(format: "%.0f", $0) } ?? "–" }

    /// The report in `format`: ``table(markdown:)`` (plain or Markdown), ``csv()`` or ``json()``.
    public func rendered(_ format: Format) -> String {
        switch format {
        case .table: table()
        case .markdown: table(markdown: true)
        case .csv: csv()
        case .json: json()
        }
    }

    /// A table per corpus, then each system compared with the first one.
    public func table(markdown: Bool = false) -> String {
        var out = ""
        for corpus in corpora {
            let metricNames = corpus.systems.first?.metrics.map(\.metric) ?? []
            let counted = corpus.labelled != nil
            let header = ["system"] + metricNames + (counted ? ["predicted"] : []) + ["comments/s"]
            let rows = corpus.systems.map { s in
                [s.system] + s.metrics.map(Self.cell) + (counted ? [s.predicted.map { "\($0)" } ?? "–"] : []) + [Self.rate(s.commentsPerSecond)]
            }
            let title = "\(corpus.name): \(corpus.items) items" + (corpus.rows == .all ? "" : " (\(corpus.rows.rawValue) rows)") + ", \(corpus.kind)"
                + (corpus.labelled.map { ", \($0) with a gold value, \(corpus.noCue ?? 0) no cue" } ?? "")
                + (corpus.topicCounts.map { ", gold topics: \($0.topics) (\($0.withPolarity) with a polarity, \($0.conflict) conflict), items without a topic: \($0.noTopic)" } ?? "")
                + (corpus.missing > 0 ? ", \(corpus.missing) rows without a label left out" : "")
                + (corpus.outOfRange > 0 ? ", \(corpus.outOfRange) rows with a label outside the range left out" : "")
                + ", \(Int(parameters.confidenceLevel * 100))% bootstrap intervals (\(parameters.bootstrapSamples) resamples, seed \(parameters.seed))"
            out += markdown ? "**\(title)**\n\n" : title + "\n"
            out += Self.grid(header, rows, markdown: markdown)
            if let reference = corpus.systems.first?.system, corpus.systems.count > 1 {
                out += markdown ? "\nPaired bootstrap, each system − \(reference) (p):\n\n" : "paired bootstrap, each system − \(reference) (p):\n"
                for system in corpus.systems.dropFirst() {
                    let parts = corpus.comparisons.filter { $0.a == reference && $0.b == system.system }.map { c -> String in
                        let difference = c.difference.map { -$0 }
                        return "\(c.metric) \(difference.map { ($0 >= 0 ? "+" : "") + Self.fixed($0) } ?? "–") (p \(Self.fixed(c.pValue)))"
                    }
                    out += (markdown ? "- " : "  ") + "\(system.system): " + parts.joined(separator: ", ") + "\n"
                }
            }
            for system in corpus.systems where !system.perLabelPolarity.isEmpty {
                out += markdown ? "\nPer topic, \(system.system):\n\n" : "per topic, \(system.system):\n"
                out += Self.grid(["topic", "precision", "recall", "F1", "n", "polarity accuracy", "n"], zip(system.perLabel, system.perLabelPolarity).enumerated().map { i, pair in
                    let (item, polarity) = pair
                    let intervals = i < system.perLabelIntervals.count ? system.perLabelIntervals[i] : (nil, nil, nil)
                    func value(_ v: Double?, _ range: ClosedRange<Double>?) -> String {
                        Self.cell(BenchMetricValue(metric: "", value: v, lower: range?.lowerBound, upper: range?.upperBound))
                    }
                    return [item.label, value(item.scores.precision, intervals.0), value(item.scores.recall, intervals.1), value(item.scores.f1, intervals.2),
                            "\(item.scores.support)", value(polarity.accuracy, polarity.interval), "\(polarity.counted)"]
                }, markdown: markdown)
            }
            for system in corpus.systems where !system.perLabel.isEmpty && system.perLabelPolarity.isEmpty {
                out += (markdown ? "\n" : "") + "per label, \(system.system): "
                out += system.perLabel.map { "\($0.label) P \(Self.fixed($0.scores.precision, 2)) R \(Self.fixed($0.scores.recall, 2)) F1 \(Self.fixed($0.scores.f1, 2)) (n \($0.scores.support))" }
                    .joined(separator: "; ") + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// A header and rows as aligned columns (two spaces apart, no trailing blanks) or a
    /// Markdown table.
    static func grid(_ header: [String], _ rows: [[String]], markdown: Bool) -> String {
        var out = ""
        if markdown {
            out += "| " + header.joined(separator: " | ") + " |\n"
            out += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
            for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
            return out
        }
        let widths = header.indices.map { c in max(header[c].count, rows.map { $0[c].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        out += line(header) + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// One row per corpus, system and metric.
    public func csv() -> String {
        var out = "corpus,kind,items,system,metric,value,lower,upper\n"
        func q(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        func n(_ v: Double?) -> String { v.map { String(format: "%.6f", $0) } ?? "" }
        for corpus in corpora {
            for system in corpus.systems {
                for m in system.metrics {
                    out += [q(corpus.name), q(corpus.kind.description), "\(corpus.items)", q(system.system), m.metric, n(m.value), n(m.lower), n(m.upper)].joined(separator: ",") + "\n"
                }
                for (i, item) in system.perLabel.enumerated() {
                    let intervals = i < system.perLabelIntervals.count ? system.perLabelIntervals[i] : (nil, nil, nil)
                    for (metric, value, range) in [("precision", item.scores.precision, intervals.0), ("recall", item.scores.recall, intervals.1), ("f1", item.scores.f1, intervals.2)] {
                        out += [q(corpus.name), q(corpus.kind.description), "\(corpus.items)", q(system.system), q("\(metric):\(item.label)"), n(value), n(range?.lowerBound), n(range?.upperBound)].joined(separator: ",") + "\n"
                    }
                    if i < system.perLabelPolarity.count {
                        let polarity = system.perLabelPolarity[i]
                        out += [q(corpus.name), q(corpus.kind.description), "\(corpus.items)", q(system.system), q("polarityAccuracy:\(item.label)"),
                                n(polarity.accuracy), n(polarity.interval?.lowerBound), n(polarity.interval?.upperBound)].joined(separator: ",") + "\n"
                    }
                }
                if let predicted = system.predicted {
                    out += [q(corpus.name), q(corpus.kind.description), "\(corpus.items)", q(system.system), "predicted", "\(predicted)", "", ""].joined(separator: ",") + "\n"
                }
                if let labelled = corpus.labelled {
                    out += [q(corpus.name), q(corpus.kind.description), "\(corpus.items)", q(system.system), "labelled", "\(labelled)", "", ""].joined(separator: ",") + "\n"
                }
                if let counts = corpus.topicCounts {
                    for (name, value) in [("goldTopics", counts.topics), ("goldPolarities", counts.withPolarity), ("goldConflict", counts.conflict), ("noTopic", counts.noTopic)] {
                        out += [q(corpus.name), q(corpus.kind.description), "\(corpus.items)", q(system.system), name, "\(value)", "", ""].joined(separator: ",") + "\n"
                    }
                }
                if let rate = system.commentsPerSecond {
                    out += [q(corpus.name), q(corpus.kind.description), "\(corpus.items)", q(system.system), "commentsPerSecond", String(format: "%.1f", rate), "", ""].joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }

    public func json() -> String {
        func n(_ v: Double?) -> String { v.flatMap { $0.isFinite ? String(format: "%.6f", $0) : nil } ?? "null" }
        func s(_ v: String) -> String { JSONText.string(v) }
        var out = "{\"command\":\(s(command))"
        out += ",\"parameters\":{" + parameters.descriptors.map { "\(s($0.name)):\($0.name == "seed" || $0.name == "bootstrapSamples" ? $0.value : n(Double($0.value)))" }.joined(separator: ",") + "}"
        out += ",\"lexicons\":[" + lexicons.map {
            "{\"name\":\(s($0.name)),\"version\":\(s($0.version)),\"format\":\(s($0.format)),\"paths\":[\($0.paths.map(s).joined(separator: ","))],\"importNotes\":\($0.notes)}"
        }.joined(separator: ",") + "]"
        out += ",\"corpora\":[" + corpora.map { c in
            var o = "{\"name\":\(s(c.name)),\"path\":\(s(c.path)),\"kind\":\(s(c.kind.description)),\"items\":\(c.items),\"missingLabels\":\(c.missing),\"outOfRange\":\(c.outOfRange)"
            o += ",\"rows\":\(s(c.rows.rawValue))"
            if let labelled = c.labelled { o += ",\"labelled\":\(labelled),\"noCue\":\(c.noCue ?? 0)" }
            if let t = c.topicCounts { o += ",\"topicCounts\":{\"topics\":\(t.topics),\"withPolarity\":\(t.withPolarity),\"conflict\":\(t.conflict),\"noTopic\":\(t.noTopic)}" }
            if !c.labels.isEmpty { o += ",\"labels\":[\(c.labels.map(s).joined(separator: ","))]" }
            o += ",\"systems\":[" + c.systems.map { r in
                var so = "{\"name\":\(s(r.system)),\"version\":\(s(r.version)),\"format\":\(s(r.format)),\"metrics\":{"
                so += r.metrics.map { "\(s($0.metric)):{\"value\":\(n($0.value)),\"ci\":[\(n($0.lower)),\(n($0.upper))]}" }.joined(separator: ",") + "}"
                if !r.perLabel.isEmpty {
                    func ci(_ range: ClosedRange<Double>?) -> String { "[\(n(range?.lowerBound)),\(n(range?.upperBound))]" }
                    so += ",\"perLabel\":{" + r.perLabel.enumerated().map { i, item in
                        let intervals = i < r.perLabelIntervals.count ? r.perLabelIntervals[i] : (nil, nil, nil)
                        let polarity = i < r.perLabelPolarity.count ? r.perLabelPolarity[i] : nil
                        return "\(s(item.label)):{\"precision\":\(n(item.scores.precision)),\"precisionCI\":\(ci(intervals.0)),\"recall\":\(n(item.scores.recall)),\"recallCI\":\(ci(intervals.1)),\"f1\":\(n(item.scores.f1)),\"f1CI\":\(ci(intervals.2)),\"support\":\(item.scores.support)"
                            + (polarity.map { ",\"polarityAccuracy\":\(n($0.accuracy)),\"polarityAccuracyCI\":\(ci($0.interval)),\"polarityCounted\":\($0.counted)" } ?? "") + "}"
                    }.joined(separator: ",") + "}"
                }
                if let predicted = r.predicted { so += ",\"predicted\":\(predicted)" }
                so += ",\"commentsPerSecond\":\(n(r.commentsPerSecond))}"
                return so
            }.joined(separator: ",") + "]"
            o += ",\"comparisons\":[" + c.comparisons.map {
                "{\"metric\":\(s($0.metric)),\"a\":\(s($0.a)),\"b\":\(s($0.b)),\"difference\":\(n($0.difference)),\"p\":\(n($0.pValue))}"
            }.joined(separator: ",") + "]}"
            return o
        }.joined(separator: ",") + "]}\n"
        return out
    }
}
