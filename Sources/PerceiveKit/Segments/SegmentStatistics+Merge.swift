extension SegmentStatistics {
    /// Reads partials files (`perceive segments --emit-partials`; "-" is stdin) and merges them
    /// in the order given: the result is the statistics of one run over all their rows. A file
    /// whose text columns, by columns, lexicon or bands differ from the first file's is refused
    /// as `file:1:1: expected …`, like any unreadable or malformed file.
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
            guard current.isCompatible(with: part) else {
                throw InputError(file: file, line: 1, column: 1,
                                 "expected partials of the same columns (\(current.textColumns.joined(separator: ", "))), by columns (\(current.byColumns.joined(separator: ", "))), lexicon and bands as the first file")
            }
            current.merge(part)
            merged = current
        }
        guard let merged else { throw InputError(file: "-", line: 1, column: 1, "expected one or more partials files") }
        return merged
    }
}
