extension SegmentStatistics {
    /// Reads partials files (`perceive segments --emit-partials`; "-" is stdin) and merges them
    /// in the order given: the result is the statistics of one run over all their rows. A file
    /// whose text columns, by columns, lexicon, bands or topics (taxonomy and paths; or none)
    /// differ from the first file's is refused as `file:1:1: expected …`, like any unreadable or
    /// malformed file.
    public static func merging(partialsFiles files: [String]) throws -> SegmentStatistics {
        var merged: SegmentStatistics?
        for file in files {
            let reader = try PlainTextLineReader(path: file)
            var lines: [String] = []
            while let line = try reader.next() { lines.append(line) }
            let part = try parsePartials(lines, file: file)
            guard var current = merged else {
                merged = part
                continue
            }
            var sameTopics = part
            (sameTopics.topics, sameTopics.taxonomy) = (current.topics, current.taxonomy)
            guard current.isCompatible(with: sameTopics) else {
                throw InputError(file: file, line: 1, column: 1,
                                 "expected partials of the same columns (\(current.textColumns.joined(separator: ", "))), by columns (\(current.byColumns.joined(separator: ", "))), lexicon and bands as the first file")
            }
            guard current.hasTheTopics(of: part) else {
                func topics(_ s: SegmentStatistics) -> String {
                    s.topics.isEmpty ? "none (segments without --by-topic)" : "those of \(s.taxonomy ?? "?") (\(s.topics.count) topics)"
                }
                throw InputError(file: file, line: 1, column: 1,
                                 "expected partials with the same topics as the first file: it has \(topics(current)), this one \(topics(part))")
            }
            current.merge(part)
            merged = current
        }
        guard let merged else { throw InputError(file: "-", line: 1, column: 1, "expected one or more partials files") }
        return merged
    }
}
