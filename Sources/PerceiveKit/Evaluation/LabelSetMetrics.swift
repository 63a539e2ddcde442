/// Precision, recall and F1 per label, and their macro average, for single- or multi-label
/// classification (named emotions). Each item has a set of gold labels and a set of
/// predicted labels, as indices into a label list.
public enum LabelSetMetrics {
    public struct PerLabel: Sendable, Equatable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// Items whose gold set holds the label.
        public var support: Int
    }

    /// Per-label scores over `indices`. A label never predicted has precision 0; a label
    /// never in gold has recall 0 (so a label neither predicted nor in gold gets F1 0).
    public static func perLabel(predicted: [Set<Int>], gold: [Set<Int>], labelCount: Int, indices: [Int]? = nil) -> [PerLabel] {
        let idx = indices ?? Array(predicted.indices)
        var tp = [Int](repeating: 0, count: labelCount), fp = tp, fn = tp
        for i in idx {
            for l in predicted[i] { if gold[i].contains(l) { tp[l] += 1 } else { fp[l] += 1 } }
            for l in gold[i] where !predicted[i].contains(l) { fn[l] += 1 }
        }
        return (0..<labelCount).map { l in
            let precision = tp[l] + fp[l] > 0 ? Double(tp[l]) / Double(tp[l] + fp[l]) : 0
            let recall = tp[l] + fn[l] > 0 ? Double(tp[l]) / Double(tp[l] + fn[l]) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return PerLabel(precision: precision, recall: recall, f1: f1, support: tp[l] + fn[l])
        }
    }

    /// The unweighted mean F1 over the labels that occur in the gold sets or the predictions
    /// of `indices` (scikit-learn's `average="macro"` without an explicit label list): a label
    /// neither annotated nor predicted says nothing and is left out. Nil when there is none.
    public static func macroF1(predicted: [Set<Int>], gold: [Set<Int>], labelCount: Int, indices: [Int]? = nil) -> Double? {
        let idx = indices ?? Array(predicted.indices)
        var seen = [Bool](repeating: false, count: labelCount)
        for i in idx {
            for l in gold[i] { seen[l] = true }
            for l in predicted[i] { seen[l] = true }
        }
        let scores = perLabel(predicted: predicted, gold: gold, labelCount: labelCount, indices: idx)
        let used = (0..<labelCount).filter { seen[$0] }
        guard !used.isEmpty else { return nil }
        return used.map { scores[$0].f1 }.reduce(0, +) / Double(used.count)
    }
}
