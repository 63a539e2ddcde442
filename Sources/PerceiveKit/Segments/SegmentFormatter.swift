import Foundation

/// Writes a ``SegmentReport`` as a terminal table, CSV, JSON or Markdown; or, with
/// ``write(_:as:parameters:to:)``, the summary of a ``SegmentStatistics`` straight to an output,
/// one segment at a time.
///
/// ```swift
/// try SegmentFormatter.write(statistics, as: .csv, to: sink)   // the bytes of SegmentFormatter(statistics.summary()).csv()
/// ```
public struct SegmentFormatter: Sendable {
    public var report: SegmentReport
    public init(_ report: SegmentReport) { self.report = report }

    /// Calls its argument with each segment, in order: those of ``report``, or those that
    /// ``SegmentStatistics/forEachSummary(_:_:)`` makes one at a time.
    typealias Segments = ((SegmentSummary) throws -> Void) throws -> Void
    /// Takes the output a piece at a time.
    typealias Emit = (String) throws -> Void

    /// The segments of ``report``.
    private var reportSegments: Segments { { body in try report.segments.forEach(body) } }

    /// What `write` emits, as one string.
    private static func text(_ write: (@escaping Emit) throws -> Void) -> String {
        var out = ""
        try! write { out += $0 }  // appending to a string does not throw
        return out
    }

    /// Writes the summary of `statistics` in `format` to `output`: the same bytes as the
    /// formatter of its ``SegmentStatistics/summary(_:)`` gives, but each segment's summary is
    /// made, written and dropped in turn, so neither the summary nor the text is held (86,000
    /// segments took `segments` past 1 GB: issue 15, item 6). The table goes over the segments
    /// three times (column widths, rows, drivers), the Markdown document twice (rows, drivers).
    public static func write(_ statistics: SegmentStatistics, as format: SegmentReportFormat,
                             parameters: SegmentParameters = .standard, to output: some ByteOutput) throws {
        let formatter = SegmentFormatter(statistics.reportHeader(parameters))
        let order = statistics.summaryOrder(parameters)  // once: the table and Markdown go over the segments more than once
        let segments: Segments = { body in try statistics.forEachSummary(order, parameters, body) }
        try formatter.write(format, segments) { text in
            var text = text
            try text.withUTF8 { try output.write(bytes: $0) }
        }
    }

    private func write(_ format: SegmentReportFormat, _ segments: Segments, _ emit: @escaping Emit) throws {
        switch format {
        case .table: try writeTable(segments, emit)
        case .csv: try writeCSV(segments, emit)
        case .json: try writeJSON(segments, emit)
        case .markdown: try writeMarkdown(segments, emit)
        }
    }

    private var multipleColumns: Bool { report.textColumns.count > 1 }

    /// The segment's name for the table and Markdown: control characters (ESC sequences,
    /// line breaks) in a column value or name made visible.
    private func name(_ s: SegmentSummary) -> String {
        TerminalText.visible(multipleColumns ? "[\(s.column)] \(s.label)" : s.label, keepingTabAndLineFeed: false)
    }

    private static func signed(_ x: Double?, _ decimals: Int = 2) -> String {
        guard let x else { return "–" }
        let text = String(format: "%+.\(decimals)f", x)
        return (text.hasPrefix("-") || text.hasPrefix("+")) && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// "+0.12 [+0.05, +0.19]" or "+0.12" when there is no interval.
    public static func meanWithInterval(_ d: DimensionSummary) -> String {
        guard let mean = d.mean else { return "–" }
        guard let low = d.low, let high = d.high else { return signed(mean) }
        return "\(signed(mean)) [\(signed(low)), \(signed(high))]"
    }

    /// "*" when the adjusted p-value is under the significance level, with the direction.
    private func flag(_ d: DimensionSummary) -> String {
        guard let p = d.adjustedP, p < report.parameters.significanceLevel, let diff = d.difference else { return "" }
        return diff > 0 ? " ▲" : " ▼"
    }

    private static func percent(_ x: Double) -> String { JSONText.number(x * 100, decimals: 0) + "%" }

    private func driverList(_ drivers: [DriverSummary], limit: Int = 3) -> String {
        drivers.prefix(limit).map { "\(TerminalText.visible($0.term, keepingTabAndLineFeed: false)) (\(Self.signed($0.total)))" }.joined(separator: ", ")
    }

    private func row(_ s: SegmentSummary) -> [String] {
        let e = s.dimensions[0], f = s.dimensions[1], su = s.dimensions[2], cx = s.dimensions[3]
        return [
            name(s), String(s.n) + (s.smallN ? " (small n)" : ""),
            Self.meanWithInterval(e) + flag(e),
            Self.meanWithInterval(f) + flag(f) + " n=\(f.n)",
            Self.meanWithInterval(su) + flag(su) + " n=\(su.n)",
            Self.meanWithInterval(cx) + flag(cx),
            cx.shares.map(Self.percent).joined(separator: "/"),
            s.emotions.prefix(2).map { "\($0.name) \(Self.percent($0.share))" }.joined(separator: ", "),
        ]
    }

    private var headers: [String] {
        ["segment", "n", "emotion", "effort", "success", "cx", "cx −/0/+", "top emotions"]
    }

    private var legend: String {
        let sp = report.parameters
        return "Means with \(JSONText.number(sp.confidence * 100, decimals: 0))% t-intervals; ▲/▼: differs from the rest of the data "
            + "(Welch's t-test, Benjamini–Hochberg adjusted p < \(JSONText.number(sp.significanceLevel, decimals: 3))); "
            + "small n: fewer than \(sp.smallSegmentSize) comments. \(report.rowsRead) rows read, \(report.rowErrors) with errors."
            + (hasTopics ? "\n" + topicLegend : "")
    }

    // MARK: - Topics

    /// Whether the report carries topic statistics (`segments --by-topic`).
    private var hasTopics: Bool { !report.topics.isEmpty }

    private var topicLegend: String {
        "Topics (\(report.taxonomy ?? "")): n comments of the segment mention the topic (share: of the segment's comments); its "
            + "emotion, effort, success and cx are the topic's own scores over them; ▲/▼: differs from the segment's comments "
            + "without the topic (Welch's t-test, Benjamini–Hochberg adjusted over the topics' tests); impact = share × (topic's "
            + "cx − cx of the comments without it), the most negative (what to fix first) listed first; cx −/0/+: the shares of "
            + "the topic's own cx that are negative, neutral and positive."
    }

    private static let topicHeaders = ["segment", "topic", "n", "share", "impact", "emotion", "effort", "success", "cx", "cx −/0/+"]

    private func topicRow(_ s: SegmentSummary, _ t: TopicSummary) -> [String] {
        let cx = t.dimensions[SummaryDimension.cx.rawValue]
        return [name(s), t.topic, String(t.n) + (t.smallN ? " (small n)" : ""), Self.percent(t.share),
         Self.signed(t.impact, 3) + (t.impactLow.map { "[\(Self.signed($0, 3)), \(Self.signed(t.impactHigh, 3))]" }.map { " " + $0 } ?? "")]
            + t.dimensions.map { Self.meanWithInterval($0) + flag($0) + " n=\($0.n)" }
            + [cx.n == 0 ? "–" : cx.shares.map(Self.percent).joined(separator: "/")]
    }

    /// A table for people on a terminal, then the drivers of each segment.
    public func table() -> String { Self.text { try writeTable(reportSegments, $0) } }

    private func writeTable(_ segments: Segments, _ emit: @escaping Emit) throws {
        // The column widths first, from the rows made and measured, then the rows made again:
        // the columns line up without holding the rows.
        var widths = headers.map(\.count)
        var topicWidths = Self.topicHeaders.map(\.count)
        var nameWidth = 0
        try segments { s in
            for (k, cell) in row(s).enumerated() { widths[k] = max(widths[k], cell.count) }
            nameWidth = max(nameWidth, name(s).count)
            for t in s.topics {
                for (k, cell) in topicRow(s, t).enumerated() { topicWidths[k] = max(topicWidths[k], cell.count) }
            }
        }
        func line(_ row: [String], _ widths: [Int]) -> String {
            row.enumerated().map { k, cell in k == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[k] - cell.count + 2) }.joined()
        }
        try emit(line(headers, widths))
        try segments { s in try emit("\n" + line(row(s), widths)) }
        try emit("\n\nTop drivers (sum of each term's share of the scores; ▼ negative side, ▲ positive side)\n")
        try segments { s in
            let pad = String(repeating: " ", count: nameWidth - name(s).count + 2)
            try emit(name(s) + pad + "▼ " + (s.negativeDrivers.isEmpty ? "–" : driverList(s.negativeDrivers)) + "\n"
                     + String(repeating: " ", count: nameWidth + 2) + "▲ " + (s.positiveDrivers.isEmpty ? "–" : driverList(s.positiveDrivers)) + "\n")
        }
        if hasTopics {
            try emit("\nTopics by impact (share × (topic's cx − cx of the comments without it); most negative first)\n" + line(Self.topicHeaders, topicWidths))
            try segments { s in
                for t in s.topics { try emit("\n" + line(topicRow(s, t), topicWidths)) }
            }
            try emit("\n")
        }
        try emit("\n" + legend + "\n")
    }

    /// The same as a Markdown document.
    public func markdown() -> String { Self.text { try writeMarkdown(reportSegments, $0) } }

    private func writeMarkdown(_ segments: Segments, _ emit: @escaping Emit) throws {
        func escape(_ s: String) -> String { s.replacing("|", with: "\\|") }
        try emit("| " + headers.joined(separator: " | ") + " |\n|" + headers.map { _ in "---" }.joined(separator: "|") + "|\n")
        try segments { s in try emit("| " + row(s).map(escape).joined(separator: " | ") + " |\n") }
        try emit("\n**Top drivers** (sum of each term's share of the scores)\n\n| segment | negative | positive |\n|---|---|---|\n")
        try segments { s in
            try emit("| \(escape(name(s))) | \(escape(driverList(s.negativeDrivers, limit: 5))) | \(escape(driverList(s.positiveDrivers, limit: 5))) |\n")
        }
        if hasTopics {
            try emit("\n**Topics by impact** (share × (topic's cx − cx of the comments without it); most negative first)\n\n| "
                     + Self.topicHeaders.joined(separator: " | ") + " |\n|" + Self.topicHeaders.map { _ in "---" }.joined(separator: "|") + "|\n")
            try segments { s in
                for t in s.topics { try emit("| " + topicRow(s, t).map(escape).joined(separator: " | ") + " |\n") }
            }
        }
        try emit("\n" + legend.replacing("\n", with: "\n\n") + "\n")
    }

    public static let csvHeader: [String] = {
        var h = ["text_column", "segment", "n", "small_n"]
        for d in SummaryDimension.allCases {
            let n = d.name
            h += ["\(n)_n", "\(n)_mean", "\(n)_ci_low", "\(n)_ci_high", "\(n)_sd", "\(n)_negative", "\(n)_neutral", "\(n)_positive",
                  "\(n)_difference", "\(n)_t", "\(n)_df", "\(n)_p", "\(n)_p_adjusted"]
        }
        return h + ["emotion_coverage", "effort_coverage", "success_coverage", "emotions", "negative_drivers", "positive_drivers"]
    }()

    /// The columns added with topic statistics, after ``csvHeader``'s.
    public static let csvTopicHeader = ["topic", "topic_share", "impact", "impact_ci_low", "impact_ci_high"]

    /// One CSV row per segment (cells that could run as spreadsheet formulas are guarded).
    /// With topic statistics, five more columns (``csvTopicHeader``), empty in a segment's
    /// row, and after each segment's row one row per topic, by impact: its n, small n and
    /// dimensions' cells (the shares of the topic's own scores; coverage, emotions and drivers
    /// empty), topic, share, impact.
    public func csv() -> String { Self.text { try writeCSV(reportSegments, $0) } }

    private func writeCSV(_ segments: Segments, _ emit: @escaping Emit) throws {
        func n(_ x: Double?) -> String { x.map { JSONText.number($0, decimals: 6) } ?? "" }
        try emit(CSVText.row(Self.csvHeader + (hasTopics ? Self.csvTopicHeader : [])) + "\n")
        func dimensionCells(_ d: DimensionSummary) -> [String] {
            [String(d.n), n(d.mean), n(d.low), n(d.high), n(d.standardDeviation)] + (d.shares.isEmpty ? ["", "", ""] : d.shares.map { n($0) })
                + [n(d.difference), n(d.t), n(d.degreesOfFreedom), n(d.p), n(d.adjustedP)]
        }
        try segments { s in
            var cells = [CSVText.guardFormula(s.column), CSVText.guardFormula(s.label), String(s.n), s.smallN ? "true" : "false"]
            for d in s.dimensions { cells += dimensionCells(d) }
            cells += s.coverage.map(String.init)
            cells.append(CSVText.guardFormula(s.emotions.map { "\($0.name):\($0.comments)" }.joined(separator: ";")))
            cells.append(CSVText.guardFormula(s.negativeDrivers.map { "\($0.term):\(JSONText.number($0.total, decimals: 4))" }.joined(separator: ";")))
            cells.append(CSVText.guardFormula(s.positiveDrivers.map { "\($0.term):\(JSONText.number($0.total, decimals: 4))" }.joined(separator: ";")))
            guard hasTopics else { return try emit(CSVText.row(cells) + "\n") }
            var text = CSVText.row(cells + Self.csvTopicHeader.map { _ in "" }) + "\n"
            for t in s.topics {
                var row = [CSVText.guardFormula(s.column), CSVText.guardFormula(s.label), String(t.n), t.smallN ? "true" : "false"]
                for d in t.dimensions { row += dimensionCells(d) }
                row += Array(repeating: "", count: 6) + [t.topic, n(t.share), n(t.impact), n(t.impactLow), n(t.impactHigh)]
                text += CSVText.row(row) + "\n"
            }
            try emit(text)
        }
    }

    /// The whole report as one JSON document.
    public func json() -> String { Self.text { try writeJSON(reportSegments, $0) } }

    private func writeJSON(_ segments: Segments, _ emit: @escaping Emit) throws {
        func n(_ x: Double?) -> String { JSONText.number(x, decimals: 6) }
        func strings(_ a: [String]) -> String { "[" + a.map(JSONText.string).joined(separator: ",") + "]" }
        let sp = report.parameters
        var out = "{\"columns\":\(strings(report.textColumns)),\"by\":\(strings(report.byColumns)),\"rows\":\(report.rowsRead),\"rowErrors\":\(report.rowErrors)"
        out += ",\"parameters\":{\"confidence\":\(sp.confidence),\"smallSegmentSize\":\(sp.smallSegmentSize),\"topDrivers\":\(sp.topDrivers),\"significanceLevel\":\(sp.significanceLevel)}"
        if hasTopics { out += ",\"taxonomy\":\(JSONText.string(report.taxonomy ?? ""))" }
        out += ",\"segments\":["
        try emit(out)
        var first = true
        try segments { s in
            var o = first ? "" : ",\n"
            first = false
            o += "{\"column\":\(JSONText.string(s.column)),\"segment\":\(JSONText.string(s.label)),\"by\":\(strings(s.by)),\"values\":\(strings(s.values)),\"n\":\(s.n),\"smallN\":\(s.smallN)"
            o += ",\"coverage\":{\"emotion\":\(s.coverage[0]),\"effort\":\(s.coverage[1]),\"success\":\(s.coverage[2])}"
            o += ",\"dimensions\":{" + s.dimensions.map { d in
                "\"\(d.dimension.name)\":{\"n\":\(d.n),\"mean\":\(n(d.mean)),\"ciLow\":\(n(d.low)),\"ciHigh\":\(n(d.high)),\"sd\":\(n(d.standardDeviation)),"
                    + "\"shares\":{\"negative\":\(n(d.shares[0])),\"neutral\":\(n(d.shares[1])),\"positive\":\(n(d.shares[2]))},"
                    + "\"vsRest\":{\"difference\":\(n(d.difference)),\"t\":\(n(d.t)),\"df\":\(n(d.degreesOfFreedom)),\"p\":\(n(d.p)),\"pAdjusted\":\(n(d.adjustedP))}}"
            }.joined(separator: ",") + "}"
            o += ",\"emotions\":[" + s.emotions.map {
                "{\"name\":\(JSONText.string($0.name)),\"comments\":\($0.comments),\"share\":\(n($0.share)),\"meanIntensity\":\(n($0.meanIntensity))}"
            }.joined(separator: ",") + "]"
            func drivers(_ list: [DriverSummary]) -> String {
                "[" + list.map {
                    "{\"term\":\(JSONText.string($0.term)),\"comments\":\($0.comments),\"total\":\(n($0.total)),\"emotion\":\(n($0.byDimension[0])),\"effort\":\(n($0.byDimension[1])),\"success\":\(n($0.byDimension[2]))}"
                }.joined(separator: ",") + "]"
            }
            o += ",\"drivers\":{\"negative\":\(drivers(s.negativeDrivers)),\"positive\":\(drivers(s.positiveDrivers))}"
            if hasTopics {
                o += ",\"topics\":[" + s.topics.map { t in
                    "{\"topic\":\(JSONText.string(t.topic)),\"n\":\(t.n),\"share\":\(n(t.share)),\"impact\":\(n(t.impact)),\"impactCiLow\":\(n(t.impactLow)),\"impactCiHigh\":\(n(t.impactHigh)),\"smallN\":\(t.smallN),\"dimensions\":{"
                        + t.dimensions.map { d in
                            "\"\(d.dimension.name)\":{\"n\":\(d.n),\"mean\":\(n(d.mean)),\"ciLow\":\(n(d.low)),\"ciHigh\":\(n(d.high)),\"sd\":\(n(d.standardDeviation)),"
                                + "\"shares\":{\"negative\":\(n(d.shares[0])),\"neutral\":\(n(d.shares[1])),\"positive\":\(n(d.shares[2]))},"
                                + "\"vsRest\":{\"difference\":\(n(d.difference)),\"t\":\(n(d.t)),\"df\":\(n(d.degreesOfFreedom)),\"p\":\(n(d.p)),\"pAdjusted\":\(n(d.adjustedP))}}"
                        }.joined(separator: ",") + "}}"
                }.joined(separator: ",") + "]"
            }
            try emit(o + "}")
        }
        try emit("]}\n")
    }
}
