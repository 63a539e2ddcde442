import Foundation

/// The report's topic section (`report --by-topic`): an impact chart with intervals, a topic ×
/// dimension table, a topic × segment table per grouping, and example comments per topic with
/// the topic's mentions and the evidence attributed to it highlighted.
extension HTMLReport {
    /// The topics of `s` the report shows, in the order given (by impact): at most
    /// ``SegmentParameters/reportMaxTopics``, those with the largest impact either way (none
    /// counting as 0); and how many were left out.
    func shownTopics(_ s: SegmentSummary) -> (topics: [TopicSummary], leftOut: Int) {
        let limit = max(1, report.parameters.reportMaxTopics)
        guard s.topics.count > limit else { return (s.topics, 0) }
        let all = s.topics
        let kept = Set(all.indices.sorted { abs(all[$0].impact ?? 0) != abs(all[$1].impact ?? 0) ? abs(all[$0].impact ?? 0) > abs(all[$1].impact ?? 0) : $0 < $1 }.prefix(limit))
        return (all.indices.filter(kept.contains).map { all[$0] }, all.count - limit)
    }

    func topicSection() -> String {
        guard !report.topics.isEmpty else { return "" }
        let sp = report.parameters
        var out = "<section id=\"topics\">\n<h2>Topics</h2>\n<p class=\"note\">Topics of the taxonomy \(Self.escape(report.taxonomy ?? "")) that the comments mention. "
        out += "A topic's emotion, effort, success and cx are its own scores, from the evidence attributed to it (see <code>perceive explain</code>); "
        out += "<strong>impact</strong> = share of comments that mention it × (its mean cx − mean cx of the comments without it): how far it moves cx, "
        out += "the most negative first (what to fix first). Whiskers: \(Self.percent(sp.confidence)) intervals; ▲/▼: differs from the comments without the topic "
        out += "(Welch's t-test, Benjamini–Hochberg adjusted over the topics' tests, p &lt; \(sp.significanceLevel)).</p>\n"
        for overall in report.segments where overall.by.isEmpty {
            if report.textColumns.count > 1 { out += "<h3>\(Self.escape(overall.column))</h3>\n" }
            let (topics, leftOut) = shownTopics(overall)
            guard !topics.isEmpty else { out += "<p class=\"note\">No topic is mentioned.</p>\n"; continue }
            if leftOut > 0 {
                out += "<p class=\"note\">\(leftOut) more topic\(leftOut == 1 ? "" : "s") left out here (the smallest impact); <code>perceive segments --by-topic</code> lists all.</p>\n"
            }
            out += impactChart(topics, caption: "Impact on cx" + (report.textColumns.count > 1 ? " — \(overall.column)" : ""))
            out += topicTable(topics)
            out += topicSegmentTables(overall.column, topics)
            out += topicExampleLists(topics)
        }
        return out + "</section>\n"
    }

    /// "▲"/"▼" when the adjusted p-value is under the significance level, or "".
    private func flag(_ d: DimensionSummary) -> String {
        guard let p = d.adjustedP, p < report.parameters.significanceLevel, let diff = d.difference else { return "" }
        return diff > 0 ? " ▲" : " ▼"
    }

    /// Bars from 0 to each topic's impact, whiskers for its interval, on a symmetric scale.
    private func impactChart(_ topics: [TopicSummary], caption: String) -> String {
        let rows = topics.filter { $0.impact != nil }
        guard !rows.isEmpty else { return "<p class=\"note\">No topic has an impact (no cx on both sides).</p>\n" }
        let labelWidth = 230.0, plotWidth = 380.0, right = 90.0, rowHeight = 22.0, top = 22.0
        let height = top + rowHeight * Double(rows.count) + 8
        let largest = rows.flatMap { [$0.impact, $0.impactLow, $0.impactHigh].compactMap { $0.map(abs) } }.max() ?? 0
        let scale = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1].first { $0 >= largest } ?? 1
        func x(_ v: Double) -> Double { labelWidth + (min(1, max(-1, v / scale)) + 1) / 2 * plotWidth }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out = "<figure><figcaption>\(Self.escape(caption))</figcaption>\n"
        out += "<svg class=\"chart impact\" viewBox=\"0 0 \(f(labelWidth + plotWidth + right)) \(f(height))\" role=\"img\" aria-label=\"\(Self.escape(caption)): impact of each topic with its interval\">\n"
        for tick in [-1.0, -0.5, 0, 0.5, 1] {
            out += "<line class=\"\(tick == 0 ? "zero" : "axis")\" x1=\"\(f(x(tick * scale)))\" y1=\"\(f(top - 6))\" x2=\"\(f(x(tick * scale)))\" y2=\"\(f(height - 4))\"/>"
            out += "<text x=\"\(f(x(tick * scale)))\" y=\"12\" text-anchor=\"middle\" class=\"muted\">\(Self.fixed(tick * scale, scale < 0.1 ? 3 : 2))</text>\n"
        }
        for (k, t) in rows.enumerated() {
            let y = top + rowHeight * (Double(k) + 0.5), impact = t.impact!
            let cx = t.dimensions[SummaryDimension.cx.rawValue]
            out += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(Self.escape(t.topic)) <tspan class=\"muted\">n=\(t.n)</tspan></text>"
            var tooltip = "\(t.topic): impact \(Self.fixed(impact, 3))"
            if let low = t.impactLow, let high = t.impactHigh { tooltip += " [\(Self.fixed(low, 3)), \(Self.fixed(high, 3))]" }
            tooltip += "; \(t.n) comments (\(Self.percent(t.share))); its cx \(Self.fixed(cx.mean)), \(Self.fixed(cx.difference)) from the comments without it"
            let x0 = x(min(0, impact)), x1 = x(max(0, impact))
            out += "<rect class=\"bar \(impact < 0 ? "neg" : "pos")\" x=\"\(f(x0))\" y=\"\(f(y - 6))\" width=\"\(f(max(x1 - x0, 1)))\" height=\"12\"><title>\(Self.escape(tooltip))</title></rect>"
            if let low = t.impactLow, let high = t.impactHigh {
                out += "<line class=\"ci\" x1=\"\(f(x(low)))\" y1=\"\(f(y))\" x2=\"\(f(x(high)))\" y2=\"\(f(y))\"/>"
            }
            let value = Self.fixed(impact, 3) + flag(cx)
            let sig = value.count > 6 ? (impact > 0 ? " class=\"sig up\"" : " class=\"sig\"") : ""
            out += "<text x=\"\(f(labelWidth + plotWidth + 6))\" y=\"\(f(y + 4))\"\(sig)>\(Self.escape(value))</text>\n"
        }
        return out + "</svg></figure>\n"
    }

    /// Topic × dimension: n, share, impact and each dimension's mean with its interval.
    private func topicTable(_ topics: [TopicSummary]) -> String {
        var out = "<div class=\"wide\"><table class=\"sortable topics\">\n<thead><tr><th>topic</th><th class=\"num\">n</th><th class=\"num\">share</th><th class=\"num\">impact <span class=\"ci\">[95% CI]</span></th>"
        for d in SummaryDimension.allCases { out += "<th class=\"num\">\(d.name) <span class=\"ci\">[95% CI]</span></th>" }
        out += "<th class=\"num\">cx p adj.</th><th class=\"num\">cx negative</th><th class=\"num\">cx positive</th></tr></thead>\n<tbody>\n"
        for t in topics {
            out += "<tr><td>\(Self.escape(t.topic))\(t.smallN ? " <span class=\"small\">(small n)</span>" : "")</td><td class=\"num\" data-value=\"\(t.n)\">\(t.n)</td>"
            out += "<td class=\"num\" data-value=\"\(t.share)\">\(Self.percent(t.share))</td>"
            out += "<td class=\"num\" data-value=\"\(t.impact.map { String($0) } ?? "")\">\(Self.fixed(t.impact, 3))"
            out += t.impactLow == nil ? "</td>" : " <span class=\"ci\">[\(Self.fixed(t.impactLow, 3)), \(Self.fixed(t.impactHigh, 3))]</span></td>"
            for d in t.dimensions {
                out += "<td class=\"num\" data-value=\"\(d.mean.map { String($0) } ?? "")\" title=\"n = \(d.n)\">\(Self.fixed(d.mean))\(flag(d))"
                out += d.low == nil ? "</td>" : " <span class=\"ci\">[\(Self.fixed(d.low)), \(Self.fixed(d.high))]</span></td>"
            }
            let p = t.dimensions[SummaryDimension.cx.rawValue].adjustedP
            out += "<td class=\"num\" data-value=\"\(p.map { String($0) } ?? "")\">\(p.map { String(format: "%.3g", $0) } ?? "–")</td>"
            // The shares of the topic's own cx that are negative and positive (none without a cx).
            let cx = t.dimensions[SummaryDimension.cx.rawValue]
            for k in [0, 2] {
                out += cx.n == 0 || cx.shares.count != 3 ? "<td class=\"num\" data-value=\"\">–</td>" : "<td class=\"num\" data-value=\"\(cx.shares[k])\">\(Self.percent(cx.shares[k]))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    /// Per grouping of `column`: a row per topic, a column per segment (those ``groups()``
    /// keeps), each cell the topic's impact in that segment, shaded by size and sign.
    private func topicSegmentTables(_ column: String, _ topics: [TopicSummary]) -> String {
        var out = ""
        for group in groups() where group.column == column {
            let name = group.by.joined(separator: " × ")
            let cells = group.segments.map { s in Dictionary(s.topics.map { ($0.topic, $0) }, uniquingKeysWith: { a, _ in a }) }
            let largest = cells.flatMap { $0.values.compactMap { $0.impact.map(abs) } }.max() ?? 0
            out += "<h3>Impact by \(Self.escape(name))</h3>\n" + Self.leftOutNote(group.leftOut, name)
            out += "<div class=\"wide\"><table class=\"sortable topic-segments\">\n<thead><tr><th>topic</th>"
            for s in group.segments {
                out += "<th class=\"num\">\(Self.escape(s.values.map { $0.isEmpty ? "(blank)" : $0 }.joined(separator: " · ")))</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for t in topics {
                out += "<tr><td>\(Self.escape(t.topic))</td>"
                for (k, s) in group.segments.enumerated() {
                    guard let c = cells[k][t.topic], let impact = c.impact else {
                        out += "<td class=\"num\" data-value=\"\">–</td>"
                        continue
                    }
                    let level = largest > 0 ? min(3, Int((abs(impact) / largest * 3).rounded(.up))) : 0
                    let heat = level == 0 ? "" : " h\(impact < 0 ? "-" : "")\(level)"
                    let cx = c.dimensions[SummaryDimension.cx.rawValue]
                    let title = "\(s.label), \(t.topic): \(c.n) comments (\(Self.percent(c.share))), its cx \(Self.fixed(cx.mean)), \(Self.fixed(cx.difference)) from the comments without it"
                    out += "<td class=\"num\(heat)\" data-value=\"\(impact)\" title=\"\(Self.escape(title))\">\(Self.fixed(impact, 3))\(flag(cx))</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody></table></div>\n"
        }
        return out
    }

    /// For each topic, the comments in which its cx is lowest (a topic that pulls cx down) or
    /// highest (one that lifts it), with its mentions and its evidence highlighted.
    private func topicExampleLists(_ topics: [TopicSummary]) -> String {
        guard let examples = topicExamples, examples.capacity > 0 else { return "" }
        let count = max(0, report.parameters.topicExamples)
        var out = "<h3>Examples per topic</h3>\n<p class=\"legend note\">The topic's mentions are <mark class=\"topic only\">outlined</mark>; only the evidence attributed to the topic is highlighted.</p>\n"
        for t in topics {
            let lifts = (t.impact ?? 0) > 0
            var list = lifts ? examples.highest(t.topic) : examples.lowest(t.topic)
            if list.isEmpty { list = lifts ? examples.lowest(t.topic) : examples.highest(t.topic) }
            guard !list.isEmpty else { continue }
            out += "<h4>\(Self.escape(t.topic)) <span class=\"note\">impact \(Self.fixed(t.impact, 3)) · \(t.n) comments</span></h4>\n"
            for e in list.prefix(count) {
                let score = e.comment.topics?.first { $0.path == t.topic }
                let cx = examples.cx(of: t.topic, in: e)
                out += "<div class=\"comment \((cx ?? 0) < 0 ? "negc" : "posc")\"><div class=\"text\">\(highlighted(e.comment, topic: t.topic))</div>"
                var where_ = "id \(e.id)"
                if report.textColumns.count > 1 { where_ += " · \(e.column)" }
                if !e.segment.isEmpty { where_ += " · \(e.segment)" }
                where_ += " · \(t.topic): cx \(Self.fixed(cx)) · emotion \(Self.fixed(score?.emotion)) · effort \(Self.fixed(score?.effort)) · success \(Self.fixed(score?.success))"
                out += "<div class=\"where\">\(Self.escape(where_))</div></div>\n"
            }
        }
        return out
    }
}
