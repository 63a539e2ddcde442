/// The formats of a segment summary (`segments --format`, `merge --format`), each written by
/// ``SegmentFormatter``.
public enum SegmentReportFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown
}

extension SegmentReport {
    /// The summary in `format`: ``SegmentFormatter``'s table, CSV, JSON or Markdown.
    public func rendered(_ format: SegmentReportFormat) -> String {
        let formatter = SegmentFormatter(self)
        switch format {
        case .table: return formatter.table()
        case .csv: return formatter.csv()
        case .json: return formatter.json()
        case .markdown: return formatter.markdown()
        }
    }
}
