/// The scoring stage of `segments` and `report`: rows in, segment statistics out.
extension SegmentStatistics {
    /// Scores every row that `next` reads on `pool` and adds each comment's contribution to
    /// its segments. Rows are scored in batches on the pool's threads and added in input order
    /// (``OrderedBatchPipeline``), so the statistics are the same for any thread count.
    ///
    /// Every row counts in ``rowsRead``; a row with an error, or with a text that cannot be
    /// scored, counts once in ``rowErrors`` (its other texts are still added). `scored` sees
    /// each comment added, with its row and text column (for a report's most negative and most
    /// positive comments, or a progress count).
    ///
    /// ```swift
    /// var statistics = SegmentStatistics(textColumns: input.textLabels, byColumns: input.byLabels,
    ///                                    lexicon: pool.primary.lexicon.name, parameters: pool.primary.parameters)
    /// try statistics.add(rowsFrom: { try input.next() }, scoringOn: pool)
    /// ```
    public mutating func add(rowsFrom next: () throws -> InputRow?, scoringOn pool: ScorerPool,
                             scored: (InputRow, Int, CommentScore) -> Void = { _, _, _ in }) throws {
        // Per row: per text column, the score and its contribution, or nil when scoring failed.
        typealias Scored = [(CommentScore, CommentContribution)?]
        let pipeline = OrderedBatchPipeline<InputRow, Scored>(pool: pool) { scorer, row in
            guard row.error == nil else { return [] }
            return row.texts.map { text in
                (try? scorer.score(text)).map { ($0, CommentContribution($0, lexicon: scorer.lexicon, parameters: scorer.parameters)) }
            }
        }
        try pipeline.run(next: next) { row, results in
            rowsRead += 1
            guard row.error == nil else { rowErrors += 1; return }
            var failed = false
            for (column, item) in results.enumerated() {
                guard let (result, contribution) = item else { failed = true; continue }
                add(contribution, column: column, segments: row.segments)
                scored(row, column, result)
            }
            if failed { rowErrors += 1 }
        }
    }
}
