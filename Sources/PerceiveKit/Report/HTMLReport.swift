import Foundation

/// A comment shown in the report, with where it came from.
public struct ReportExample: Sendable {
    public var id: String
    public var column: String
    /// "Region=North, Channel=phone".
    public var segment: String
    public var comment: CommentScore

    public init(id: String, column: String, segment: String, comment: CommentScore) {
        self.id = id
        self.column = column
        self.segment = segment
        self.comment = comment
    }
}

/// Keeps the `capacity` most negative and most positive comments by `cx` seen in a stream,
/// in constant memory (ties keep the earlier comment); and, given ``TopicExamples``, each
/// topic's examples.
public struct ExtremeComments: Sendable {
    public let capacity: Int
    public private(set) var negative: [ReportExample] = []
    public private(set) var positive: [ReportExample] = []
    public private(set) var topics: TopicExamples?

    public init(capacity: Int, topics: TopicExamples? = nil) {
        self.capacity = capacity
        self.topics = topics
    }

    public mutating func offer(_ example: ReportExample) {
        topics?.offer(example)
        let cx = example.comment.scores.cx
        if cx < 0 { Self.insert(example, into: &negative, capacity: capacity) { $0.comment.scores.cx < $1.comment.scores.cx } }
        if cx > 0 { Self.insert(example, into: &positive, capacity: capacity) { $0.comment.scores.cx > $1.comment.scores.cx } }
    }

    static func insert(_ e: ReportExample, into list: inout [ReportExample], capacity: Int,
                               by better: (ReportExample, ReportExample) -> Bool) {
        guard capacity > 0 else { return }
        if list.count == capacity, let last = list.last, !better(e, last) { return }
        let at = list.firstIndex { better(e, $0) } ?? list.count
        list.insert(e, at: at)
        if list.count > capacity { list.removeLast() }
    }
}

/// One self-contained HTML page for a survey batch: headline figures, per-segment charts of
/// every dimension with confidence intervals (inline SVG), named emotions, top drivers,
/// sortable tables, and the most negative and most positive comments with their evidence
/// highlighted in place (title attributes carry the rule notes).
///
/// Nothing is loaded from anywhere: no external script, font, style or image. Every piece of
/// input text is escaped, and a Content-Security-Policy allows only the page's own inline
/// script and style, by their SHA-256 hashes (no `'unsafe-inline'`).
public struct HTMLReport: Sendable {
    public var title: String
    public var source: String
    public var report: SegmentReport
    public var lexicon: Lexicon
    public var parameters: Parameters
    public var negative: [ReportExample]
    public var positive: [ReportExample]
    public var notes: [String]
    /// Each topic's example comments (`report --by-topic`), for the topic section.
    public var topicExamples: TopicExamples?

    public init(title: String, source: String, report: SegmentReport, lexicon: Lexicon, parameters: Parameters,
                negative: [ReportExample], positive: [ReportExample], notes: [String] = [], topicExamples: TopicExamples? = nil) {
        self.title = title
        self.source = source
        self.report = report
        self.lexicon = lexicon
        self.parameters = parameters
        self.negative = negative
        self.positive = positive
        self.notes = notes
        self.topicExamples = topicExamples
    }

    // MARK: Escaping

    /// Escapes text for HTML element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func cspHash(_ text: String) -> String {
        "'sha256-" + Data(SHA256.hash(Array(text.utf8))).base64EncodedString() + "'"
    }

    static func fixed(_ x: Double?, _ decimals: Int = 2, signed: Bool = true) -> String {
        guard let x, x.isFinite else { return "–" }
        let text = String(format: signed ? "%+.\(decimals)f" : "%.\(decimals)f", x)
        return (text.hasPrefix("-") || text.hasPrefix("+")) && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    static func percent(_ x: Double) -> String { String(format: "%.0f%%", x * 100) }

    // MARK: Page

    static let style = """
        :root{--neg:#b3261e;--pos:#1b6e3a;--eff:#8a4b00;--suc:#1f4e99;--ink:#1d1d1f;--muted:#5f6368;--line:#d9d9de;--bg:#fff}
        *{box-sizing:border-box}
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg);margin:0 auto;max-width:1180px;padding:24px}
        h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:16px;margin:20px 0 6px}
        .meta,.note{color:var(--muted);font-size:13px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;margin:16px 0}
        .card{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
        .card .label{color:var(--muted);font-size:13px}.card .value{font-size:26px;font-weight:600}.card .ci{color:var(--muted);font-size:12px}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:12px}
        figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:8px;break-inside:avoid}
        figcaption{font-weight:600;font-size:14px;margin:0 0 4px}
        svg{display:block;width:100%;height:auto}
        svg text{font-size:11px;fill:var(--ink)} svg .axis{stroke:#bbb;stroke-width:1} svg .zero{stroke:#777;stroke-width:1}
        svg .ci{stroke:#333;stroke-width:2} svg .dot{fill:#333} svg .dot.neg{fill:var(--neg)} svg .dot.pos{fill:var(--pos)} svg .sig{fill:var(--neg);font-weight:700} svg .sig.up{fill:var(--pos)}
        svg .bar{fill:#6f5aa8} svg .muted{fill:var(--muted)} svg.bars{max-width:680px}
        table{border-collapse:collapse;width:100%;font-size:12.5px;margin:6px 0}
        th,td{border-bottom:1px solid var(--line);padding:4px 5px;text-align:left;vertical-align:top}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        table.sortable th{cursor:pointer;user-select:none} table.sortable th:after{content:" ⇅";color:#aaa;font-size:11px}
        table.sortable th[aria-sort=ascending]:after{content:" ▲";color:var(--ink)} table.sortable th[aria-sort=descending]:after{content:" ▼";color:var(--ink)}
        .small{color:var(--muted);font-style:italic} .wide{overflow-x:auto} td .ci,th .ci{color:var(--muted);font-size:11px;font-weight:400}
        .comment{border-left:4px solid var(--line);padding:6px 10px;margin:8px 0;break-inside:avoid}
        .comment.negc{border-left-color:var(--neg)}.comment.posc{border-left-color:var(--pos)}
        .comment .text{white-space:pre-wrap;overflow-wrap:anywhere}
        .comment .where{color:var(--muted);font-size:12px}
        mark{background:none;border-radius:3px;padding:0 1px;cursor:help}
        mark.emotion.neg{background:#fde2e0;color:#7a1a14}mark.emotion.pos{background:#dcf3e3;color:#124d29}
        mark.effort.neg{background:#fde9cc;color:#6b3a00;border-bottom:2px solid var(--eff)}mark.effort.pos{background:#e3f2d4;color:#2f5b10;border-bottom:2px solid #4f8a20}
        mark.success.neg{background:#f4dde8;color:#6d1840;border-bottom:2px dashed #a0285f}mark.success.pos{background:#dce8fa;color:#163a73;border-bottom:2px dashed var(--suc)}
        .legend mark{margin-right:8px}
        h4{font-size:14px;margin:16px 0 4px}
        mark.topic{outline:2px solid #6f5aa8;outline-offset:0}mark.topic.only{background:#ece8f6;color:#3b2d66}
        svg .bar.neg{fill:var(--neg)} svg .bar.pos{fill:var(--pos)}
        td.h-3{background:#f6b3ad}td.h-2{background:#fad1cd}td.h-1{background:#fde9e7}td.h1{background:#e4f4e9}td.h2{background:#c5e8cf}td.h3{background:#9fd8b0}
        .drivers{display:grid;grid-template-columns:1fr 1fr;gap:16px}
        @media (max-width:700px){.drivers,.charts{grid-template-columns:1fr}}
        @media print{body{max-width:none;padding:0;font-size:12px}.wide{overflow:visible}table{font-size:10px}h2{break-after:avoid}figure,.comment,table{break-inside:avoid}table.sortable th:after{content:""}}
        """

    static let script = """
        (function(){
          function value(cell){var v=cell.getAttribute('data-value');if(v!==null&&v!==''){var n=parseFloat(v);if(!isNaN(n))return n;}return cell.textContent.trim().toLowerCase();}
          document.querySelectorAll('table.sortable').forEach(function(table){
            var heads=table.querySelectorAll('thead th');
            heads.forEach(function(th,index){
              th.setAttribute('tabindex','0');
              function sort(){
                var ascending=th.getAttribute('aria-sort')!=='ascending';
                heads.forEach(function(h){h.removeAttribute('aria-sort');});
                th.setAttribute('aria-sort',ascending?'ascending':'descending');
                var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
                rows.sort(function(a,b){var x=value(a.cells[index]),y=value(b.cells[index]);
                  if(typeof x!==typeof y){x=String(x);y=String(y);}
                  return (x<y?-1:x>y?1:0)*(ascending?1:-1);});
                rows.forEach(function(r){body.appendChild(r);});
              }
              th.addEventListener('click',sort);
              th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort();}});
            });
          });
          document.documentElement.setAttribute('data-sortable','ready');
        })();
        """

    /// The whole page.
    public func html() -> String {
        let csp = "default-src 'none'; script-src \(Self.cspHash(Self.script)); style-src \(Self.cspHash(Self.style)); img-src data:; base-uri 'none'; form-action 'none'"
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(csp)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <link rel="icon" href="data:,">
            <title>\(Self.escape(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>

            """
        out += header()
        out += headline()
        out += segmentCharts()
        out += segmentTable()
        out += emotions()
        out += drivers()
        out += topicSection()
        out += examples()
        out += footer()
        out += "<script>\(Self.script)</script>\n</body>\n</html>\n"
        return out
    }

    private var overall: SegmentSummary? { report.segments.first { $0.by.isEmpty } }

    private func header() -> String {
        var out = "<header>\n<h1>\(Self.escape(title))</h1>\n<p class=\"meta\">Source: \(Self.escape(source)) · text column\(report.textColumns.count > 1 ? "s" : ""): "
        out += report.textColumns.map(Self.escape).joined(separator: ", ")
        if !report.byColumns.isEmpty { out += " · segments by " + report.byColumns.map(Self.escape).joined(separator: ", ") }
        out += " · lexicon \(Self.escape(lexicon.name)) \(Self.escape(lexicon.version))</p>\n"
        out += "<p class=\"meta\">\(report.rowsRead) rows read · \(report.rowErrors) with errors"
        for note in notes { out += " · " + Self.escape(note) }
        return out + "</p>\n</header>\n"
    }

    private func headline() -> String {
        var out = "<section id=\"headline\">\n<h2>Headline</h2>\n"
        for s in report.segments where s.by.isEmpty {
            if report.textColumns.count > 1 { out += "<h3>\(Self.escape(s.column))</h3>\n" }
            out += "<div class=\"cards\">\n<div class=\"card\"><div class=\"label\">Comments scored</div><div class=\"value\">\(s.n)</div>"
            out += "<div class=\"ci\">effort cues in \(Self.percent(s.n > 0 ? Double(s.coverage[1]) / Double(s.n) : 0)), outcome cues in \(Self.percent(s.n > 0 ? Double(s.coverage[2]) / Double(s.n) : 0))</div></div>\n"
            for d in s.dimensions {
                out += "<div class=\"card\"><div class=\"label\">\(d.dimension.name) (n = \(d.n))</div><div class=\"value\">\(Self.fixed(d.mean))</div>"
                out += "<div class=\"ci\">95% CI \(Self.fixed(d.low)) … \(Self.fixed(d.high)) · \(Self.percent(d.shares[0])) negative, \(Self.percent(d.shares[2])) positive</div></div>\n"
            }
            out += "</div>\n"
        }
        out += "<p class=\"note\">Scores run from −1 to +1; higher is better on every dimension (effort: +1 effortless). Effort and success count only comments that mention them. Intervals are t-based at \(Self.percent(report.parameters.confidence)) confidence.</p>\n"
        return out + "</section>\n"
    }

    /// One dot-and-whisker chart: a row per segment, x from −1 to +1.
    private func chart(_ segments: [SegmentSummary], _ d: SummaryDimension, caption: String) -> String {
        let labelWidth = 190.0, plotWidth = 400.0, right = 70.0, rowHeight = 22.0, top = 22.0
        let width = labelWidth + plotWidth + right
        let height = top + rowHeight * Double(segments.count) + 8
        func x(_ v: Double) -> Double { labelWidth + (min(1, max(-1, v)) + 1) / 2 * plotWidth }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out = "<figure><figcaption>\(Self.escape(caption))</figcaption>\n"
        out += "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(Self.escape(caption)): means with confidence intervals\">\n"
        for tick in [-1.0, -0.5, 0, 0.5, 1] {
            out += "<line class=\"\(tick == 0 ? "zero" : "axis")\" x1=\"\(f(x(tick)))\" y1=\"\(f(top - 6))\" x2=\"\(f(x(tick)))\" y2=\"\(f(height - 4))\"/>"
            out += "<text x=\"\(f(x(tick)))\" y=\"12\" text-anchor=\"middle\" class=\"muted\">\(Self.fixed(tick, 1))</text>\n"
        }
        for (k, s) in segments.enumerated() {
            let y = top + rowHeight * (Double(k) + 0.5)
            let dim = s.dimensions[d.rawValue]
            var label = s.values.map { $0.isEmpty ? "(blank)" : $0 }.joined(separator: " · ")
            if label.count > 26 { label = String(label.prefix(25)) + "…" }
            out += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(Self.escape(label)) <tspan class=\"muted\">n=\(dim.n)</tspan></text>"
            guard let mean = dim.mean else {
                out += "<text x=\"\(f(x(0) + 6))\" y=\"\(f(y + 4))\" class=\"muted\">no data</text>\n"
                continue
            }
            var tooltip = "\(s.label): \(d.name) mean \(Self.fixed(mean)), n = \(dim.n)"
            if let low = dim.low, let high = dim.high {
                out += "<line class=\"ci\" x1=\"\(f(x(low)))\" y1=\"\(f(y))\" x2=\"\(f(x(high)))\" y2=\"\(f(y))\"/>"
                tooltip += ", 95% CI \(Self.fixed(low)) … \(Self.fixed(high))"
            }
            if let p = dim.adjustedP { tooltip += ", vs rest \(Self.fixed(dim.difference)) (adjusted p = \(String(format: "%.3g", p)))" }
            let tone = mean <= -parameters.neutralBand ? " neg" : mean >= parameters.neutralBand ? " pos" : ""
            out += "<circle class=\"dot\(tone)\" cx=\"\(f(x(mean)))\" cy=\"\(f(y))\" r=\"4.5\"><title>\(Self.escape(tooltip))</title></circle>"
            var value = Self.fixed(mean)
            if let p = dim.adjustedP, p < report.parameters.significanceLevel { value += (dim.difference ?? 0) > 0 ? " ▲" : " ▼" }
            out += "<text x=\"\(f(labelWidth + plotWidth + 6))\" y=\"\(f(y + 4))\"\(value.count > 5 ? " class=\"sig\"" : "")>\(Self.escape(value))</text>\n"
        }
        return out + "</svg></figure>\n"
    }

    /// The segments of each grouping (column and `--by` columns), at most
    /// ``SegmentParameters/reportMaxSegments`` of them: the largest by n, in their order; and
    /// how many were left out.
    func groups() -> [(column: String, by: [String], segments: [SegmentSummary], leftOut: Int)] {
        var result: [(column: String, by: [String], segments: [SegmentSummary], leftOut: Int)] = []
        for s in report.segments where !s.by.isEmpty {
            if let last = result.last, last.column == s.column, last.by == s.by {
                result[result.count - 1].segments.append(s)
            } else {
                result.append((s.column, s.by, [s], 0))
            }
        }
        let limit = max(1, report.parameters.reportMaxSegments)
        for g in result.indices where result[g].segments.count > limit {
            let all = result[g].segments
            let kept = Set(all.indices.sorted { all[$0].n != all[$1].n ? all[$0].n > all[$1].n : $0 < $1 }.prefix(limit))
            result[g].segments = all.indices.filter(kept.contains).map { all[$0] }
            result[g].leftOut = all.count - limit
        }
        return result
    }

    /// The segments the report shows, in the report's order: every overall one and those
    /// ``groups()`` keeps.
    private func shownSegments() -> [SegmentSummary] {
        let limit = max(1, report.parameters.reportMaxSegments)
        var members: [String: [Int]] = [:]   // grouping → indices into report.segments
        var order: [String] = []
        for (i, s) in report.segments.enumerated() where !s.by.isEmpty {
            let key = s.column + "\u{1F}" + s.by.joined(separator: "\u{1F}")
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(i)
        }
        var kept = Set<Int>()
        for key in order {
            let list = members[key]!
            let segments = report.segments
            kept.formUnion(list.sorted { segments[$0].n != segments[$1].n ? segments[$0].n > segments[$1].n : $0 < $1 }.prefix(limit))
        }
        return report.segments.enumerated().filter { $0.element.by.isEmpty || kept.contains($0.offset) }.map(\.element)
    }

    /// "N more segments of this grouping are left out (the smallest by n)…", or nothing.
    static func leftOutNote(_ leftOut: Int, _ name: String) -> String {
        guard leftOut > 0 else { return "" }
        return "<p class=\"note\">\(leftOut) more segment\(leftOut == 1 ? "" : "s") by \(escape(name)) left out here (the smallest by n); <code>perceive segments</code> lists all.</p>\n"
    }

    private func segmentCharts() -> String {
        guard !report.byColumns.isEmpty else { return "" }
        var out = "<section id=\"segments\">\n<h2>Segments</h2>\n<p class=\"note\">Dots are means, whiskers \(Self.percent(report.parameters.confidence)) confidence intervals. ▲/▼: the segment differs from the rest of the data (Welch's t-test, Benjamini–Hochberg adjusted p &lt; \(report.parameters.significanceLevel)). Segments under \(report.parameters.smallSegmentSize) comments are marked small n in the table.</p>\n"
        for group in groups() {
            let name = group.by.joined(separator: " × ") + (report.textColumns.count > 1 ? " — \(group.column)" : "")
            out += "<h3>By \(Self.escape(name))</h3>\n" + Self.leftOutNote(group.leftOut, name) + "<div class=\"charts\">\n"
            for d in SummaryDimension.allCases { out += chart(group.segments, d, caption: "\(d.name) by \(name)") }
            out += "</div>\n"
        }
        return out + "</section>\n"
    }

    private func segmentTable() -> String {
        var out = "<section id=\"table\">\n<h2>All segments</h2>\n<p class=\"note\">Click a column to sort. ▲/▼ in the charts mark adjusted p below \(report.parameters.significanceLevel).</p>\n<div class=\"wide\"><table class=\"sortable\">\n<thead><tr><th>segment</th><th class=\"num\">n</th>"
        for d in SummaryDimension.allCases { out += "<th class=\"num\">\(d.name) <span class=\"ci\">[95% CI]</span></th><th class=\"num\">p adj.</th>" }
        out += "<th class=\"num\">cx −</th><th class=\"num\">cx +</th></tr></thead>\n<tbody>\n"
        let shown = shownSegments()
        let leftOut = report.segments.count - shown.count
        if leftOut > 0 {
            out = out.replacingOccurrences(of: "<div class=\"wide\">", with: "<p class=\"note\">\(leftOut) segments left out (the smallest of each grouping beyond \(report.parameters.reportMaxSegments)); <code>perceive segments</code> lists all.</p>\n<div class=\"wide\">")
        }
        for s in shown {
            let label = (report.textColumns.count > 1 ? "[\(s.column)] " : "") + s.label
            out += "<tr><td>\(Self.escape(label))\(s.smallN ? " <span class=\"small\">(small n)</span>" : "")</td><td class=\"num\" data-value=\"\(s.n)\">\(s.n)</td>"
            for d in s.dimensions {
                out += "<td class=\"num\" data-value=\"\(d.mean.map { String($0) } ?? "")\">\(Self.fixed(d.mean))"
                out += d.low == nil ? "</td>" : " <span class=\"ci\">[\(Self.fixed(d.low)), \(Self.fixed(d.high))]</span></td>"
                out += "<td class=\"num\" data-value=\"\(d.adjustedP.map { String($0) } ?? "")\">\(d.adjustedP.map { String(format: "%.3g", $0) } ?? "–")</td>"
            }
            let cx = s.dimensions[3]
            out += "<td class=\"num\" data-value=\"\(cx.shares[0])\">\(Self.percent(cx.shares[0]))</td><td class=\"num\" data-value=\"\(cx.shares[2])\">\(Self.percent(cx.shares[2]))</td></tr>\n"
        }
        return out + "</tbody></table></div>\n</section>\n"
    }

    private func emotions() -> String {
        var out = "<section id=\"emotions\">\n<h2>Named emotions</h2>\n"
        for s in report.segments where s.by.isEmpty {
            let list = s.emotions
            guard !list.isEmpty else { out += "<p class=\"note\">No named emotions.</p>\n"; continue }
            let labelWidth = 120.0, plotWidth = 420.0, rowHeight = 20.0
            let height = rowHeight * Double(list.count) + 6
            let top = list.map(\.share).max() ?? 1
            func f(_ v: Double) -> String { String(format: "%.1f", v) }
            let caption = "Share of comments expressing each emotion" + (report.textColumns.count > 1 ? " — \(s.column)" : "")
            out += "<figure><figcaption>\(Self.escape(caption))</figcaption>\n<svg class=\"chart bars\" viewBox=\"0 0 \(f(labelWidth + plotWidth + 90)) \(f(height))\" role=\"img\" aria-label=\"\(Self.escape(caption))\">\n"
            for (k, e) in list.enumerated() {
                let y = rowHeight * Double(k) + 3
                let w = top > 0 ? e.share / top * plotWidth : 0
                out += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 13))\" text-anchor=\"end\">\(Self.escape(e.name))</text>"
                out += "<rect class=\"bar\" x=\"\(f(labelWidth))\" y=\"\(f(y + 2))\" width=\"\(f(max(w, 1)))\" height=\"\(f(rowHeight - 6))\"><title>\(Self.escape("\(e.name): \(e.comments) comments, mean intensity \(Self.fixed(e.meanIntensity, signed: false))"))</title></rect>"
                out += "<text x=\"\(f(labelWidth + w + 6))\" y=\"\(f(y + 13))\">\(Self.percent(e.share)) (\(e.comments))</text>\n"
            }
            out += "</svg></figure>\n"
        }
        return out + "</section>\n"
    }

    private func driverTable(_ list: [DriverSummary], negative: Bool) -> String {
        guard !list.isEmpty else { return "<p class=\"note\">None.</p>\n" }
        var out = "<table class=\"sortable\"><thead><tr><th>term</th><th class=\"num\">total</th><th class=\"num\">emotion</th><th class=\"num\">effort</th><th class=\"num\">success</th><th class=\"num\">comments</th></tr></thead><tbody>\n"
        for d in list {
            out += "<tr><td><mark class=\"\(Self.dimensionClass(d.byDimension)) \(negative ? "neg" : "pos")\">\(Self.escape(d.term))</mark></td><td class=\"num\" data-value=\"\(d.total)\">\(Self.fixed(d.total))</td>"
            for v in d.byDimension { out += "<td class=\"num\" data-value=\"\(v)\">\(v == 0 ? "–" : Self.fixed(v))</td>" }
            out += "<td class=\"num\" data-value=\"\(d.comments)\">\(d.comments)</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    private static func dimensionClass(_ byDimension: [Double]) -> String {
        let k = byDimension.indices.max { abs(byDimension[$0]) < abs(byDimension[$1]) } ?? 0
        return ["emotion", "effort", "success"][k]
    }

    private func drivers() -> String {
        var out = "<section id=\"drivers\">\n<h2>Top drivers</h2>\n<p class=\"note\">Each term's summed share of the scores (a share is how much a piece of evidence moved its comment's score; the shares of a comment add up to its score). Rule-made evidence is named by the rule (waiting time, transfers, repeated contact).</p>\n"
        for s in shownSegments() where s.by.count <= 1 {
            let label = (report.textColumns.count > 1 ? "[\(s.column)] " : "") + s.label
            out += "<h3>\(Self.escape(label))\(s.smallN ? " <span class=\"small\">(small n)</span>" : "")</h3>\n<div class=\"drivers\"><div><strong>Pulling down</strong>\n"
            out += driverTable(s.negativeDrivers, negative: true)
            out += "</div><div><strong>Lifting up</strong>\n" + driverTable(s.positiveDrivers, negative: false) + "</div></div>\n"
        }
        return out + "</section>\n"
    }

    /// A comment with its evidence highlighted in place: one `mark` per matched span, colored
    /// by the dimension it weighs on most and by sign, with every contribution and rule note in
    /// its title. With `topic` (a path the comment mentions), only the evidence attributed to
    /// that topic, and its mentions marked (class `topic`, outlined).
    public func highlighted(_ comment: CommentScore, topic: String? = nil) -> String {
        let utf8 = Array(comment.text.utf8)
        var spans: [(start: Int, end: Int, items: [Evidence], mention: Bool)] = []
        var candidates: [(start: Int, end: Int, item: Evidence?)] = []
        let slot = topic.flatMap { path in comment.topics?.firstIndex { $0.path == path } }
        for (k, e) in comment.evidence.enumerated() where slot == nil || comment.evidenceTopics.topics(ofEvidence: k).contains(Int32(slot!)) {
            candidates.append((Int(e.start), Int(e.end), e))
        }
        if let slot, let mentions = comment.topics?[slot].mentions {
            for m in mentions { candidates.append((Int(m.start), Int(m.end), nil)) }
        }
        for c in candidates.sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) }) {
            let start = c.start, end = c.end
            guard start >= 0, end <= utf8.count, start < end else { continue }
            if let k = spans.firstIndex(where: { $0.start == start && $0.end == end }) {
                if let e = c.item { spans[k].items.append(e) } else { spans[k].mention = true }
            } else if let last = spans.last, start < last.end {
                continue  // overlaps a span already shown; its contribution is still in the title of none, listed below
            } else {
                spans.append((start, end, c.item.map { [$0] } ?? [], c.item == nil))
            }
        }
        var out = ""
        var position = 0
        func text(_ a: Int, _ b: Int) -> String { Self.escape(String(decoding: utf8[a..<b], as: UTF8.self)) }
        for span in spans {
            out += text(position, span.start)
            if span.items.isEmpty {  // a mention of the topic, without evidence of its own
                out += "<mark class=\"topic only\" title=\"\(Self.escape("topic \(topic ?? "")"))\">\(text(span.start, span.end))</mark>"
                position = span.end
                continue
            }
            let scored = span.items.filter { $0.dimension != .emotions }
            let main = scored.max { abs($0.contribution) < abs($1.contribution) }
            let dimension = main?.dimension.rawValue ?? "emotion"
            let sign = (main?.contribution ?? 0) < 0 ? "neg" : "pos"
            let title = span.items.map { e -> String in
                var line: String
                if e.dimension == .emotions {
                    line = "emotion \(lexicon.categories[Int(e.category)].name) \(Self.fixed(e.contribution, 2, signed: false))"
                } else {
                    line = "\(e.dimension.rawValue) \(Self.fixed(e.contribution))"
                }
                line += " — " + EvidenceText.cause(e, lexicon: lexicon)
                if e.source == .lexicon, e.entry >= 0 { line += " (lexicon)" } else { line += " (\(e.source.rawValue) rule)" }
                for a in e.adjustments { line += "; " + EvidenceText.note(a, in: comment) + " ×" + JSONText.number(a.factor, decimals: 2) }
                return line
            }.joined(separator: "\n")
            let mention = span.mention ? " topic" : ""
            out += "<mark class=\"\(scored.isEmpty ? "emotion" : dimension) \(sign)\(mention)\" title=\"\(Self.escape(span.mention ? "topic \(topic ?? "")\n" + title : title))\">\(text(span.start, span.end))</mark>"
            position = span.end
        }
        return out + text(position, utf8.count)
    }

    private func exampleList(_ list: [ReportExample], negative: Bool) -> String {
        guard !list.isEmpty else { return "<p class=\"note\">None.</p>\n" }
        var out = ""
        for e in list {
            let s = e.comment.scores
            out += "<div class=\"comment \(negative ? "negc" : "posc")\"><div class=\"text\">\(highlighted(e.comment))</div>"
            var where_ = "id \(e.id)"
            if report.textColumns.count > 1 { where_ += " · \(e.column)" }
            if !e.segment.isEmpty { where_ += " · \(e.segment)" }
            where_ += " · cx \(Self.fixed(s.cx)) · emotion \(Self.fixed(s.emotion)) · effort \(Self.fixed(s.effort)) · success \(Self.fixed(s.success))"
            if !s.emotions.isEmpty { where_ += " · " + s.emotions.prefix(3).map { "\($0.name) \(Self.fixed($0.intensity, 2, signed: false))" }.joined(separator: ", ") }
            out += "<div class=\"where\">\(Self.escape(where_))</div></div>\n"
        }
        return out
    }

    private func examples() -> String {
        var out = "<section id=\"comments\">\n<h2>Comments</h2>\n"
        out += "<p class=\"legend note\">Evidence: <mark class=\"emotion neg\">emotion −</mark><mark class=\"emotion pos\">emotion +</mark><mark class=\"effort neg\">effort −</mark><mark class=\"effort pos\">effort +</mark><mark class=\"success neg\">success −</mark><mark class=\"success pos\">success +</mark> Hover over a highlighted word for its contributions and the rules that changed them.</p>\n"
        out += "<h3>Most negative (lowest cx)</h3>\n" + exampleList(negative, negative: true)
        out += "<h3>Most positive (highest cx)</h3>\n" + exampleList(positive, negative: false)
        return out + "</section>\n"
    }

    private func footer() -> String {
        "<footer><p class=\"note\">Made by perceive. Every figure can be recomputed with <code>perceive segments</code>; the scoring is explained by <code>perceive explain</code>.</p></footer>\n"
    }
}
