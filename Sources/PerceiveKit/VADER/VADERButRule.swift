/// VADER's contrast (`_but_check`): when the text has "but", each valence before the first
/// "but" is multiplied by ``VADERParameters/beforeButFactor`` and each after it by
/// ``VADERParameters/afterButFactor`` — with vaderSentiment's quirk kept: it finds each
/// valence's position *by value* (`sentiments.index(sentiment)`), so of equal valences only
/// the first occurrence is changed, and possibly more than once.
enum VADERButRule {
    /// Only `terms` (increasing positions) can hold non-zero valences: a zero stays zero
    /// wherever it is found, so the other positions are skipped, and a non-zero value's
    /// first occurrence is among the terms.
    static func apply(_ sentiments: UnsafeMutableBufferPointer<Double>, terms: UnsafeBufferPointer<Int32>, _ t: VADERWords) {
        let bi = t.firstBut
        guard bi >= 0 else { return }
        let p = t.p
        for term in terms {
            let value = sentiments[Int(term)]   // read as the loop reaches it, as Python's does
            if value == 0 { continue }
            var si = 0
            for other in terms where sentiments[Int(other)] == value {
                si = Int(other)
                break
            }
            if si < bi { sentiments[si] = value * p.beforeButFactor } else if si > bi { sentiments[si] = value * p.afterButFactor }
        }
    }
}
