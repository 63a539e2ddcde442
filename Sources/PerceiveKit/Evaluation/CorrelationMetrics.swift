/// Pearson's r and Spearman's ρ between predictions and gold labels.
public enum CorrelationMetrics {
    /// Pearson's product-moment correlation of `x` and `y` over `indices`; nil when either
    /// side has no variance or there are fewer than 2 items.
    ///
    /// - Complexity: O(n).
    public static func pearson(_ x: [Double], _ y: [Double], indices: [Int]? = nil) -> Double? {
        let idx = indices ?? Array(x.indices)
        let n = Double(idx.count)
        guard idx.count >= 2 else { return nil }
        var sx = 0.0, sy = 0.0
        for i in idx { sx += x[i]; sy += y[i] }
        let mx = sx / n, my = sy / n
        var cov = 0.0, vx = 0.0, vy = 0.0
        for i in idx {
            let dx = x[i] - mx, dy = y[i] - my
            cov += dx * dy
            vx += dx * dx
            vy += dy * dy
        }
        guard vx > 0, vy > 0 else { return nil }
        return cov / (vx * vy).squareRoot()
    }

    /// Spearman's rank correlation: Pearson's r of the ranks, ties given their average rank.
    ///
    /// - Complexity: O(n log n).
    public static func spearman(_ x: [Double], _ y: [Double], indices: [Int]? = nil) -> Double? {
        let idx = indices ?? Array(x.indices)
        guard idx.count >= 2 else { return nil }
        let rx = ranks(idx.map { x[$0] }), ry = ranks(idx.map { y[$0] })
        return pearson(rx, ry)
    }

    /// 1-based ranks, ties sharing the mean of the ranks they span.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for k in start...end { result[order[k]] = rank }
            start = end + 1
        }
        return result
    }
}
