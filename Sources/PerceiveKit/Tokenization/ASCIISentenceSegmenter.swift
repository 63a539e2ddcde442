/// Sentence boundaries for pure-ASCII text, computed without ICU but to give exactly ICU's
/// answer: the sentence rules of Unicode UAX #29 restricted to ASCII. Like
/// ``ASCIIWordSegmenter``, it is pinned to ICU by a differential test.
///
/// - Complexity: O(n), no allocation.
enum ASCIISentenceSegmenter {
    enum Class: UInt8 {
        case other, cr, lf, sp, lower, upper, numeric, aTerm, sTerm, close, sContinue
    }

    static let classes: [Class] = {
        var table = [Class](repeating: .other, count: 128)
        table[0x0D] = .cr
        table[0x0A] = .lf
        for b: UInt8 in [0x09, 0x0B, 0x0C, 0x20] { table[Int(b)] = .sp }
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = .lower }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = .upper }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = .numeric }
        table[Int(UInt8(ascii: "."))] = .aTerm
        table[Int(UInt8(ascii: "!"))] = .sTerm
        table[Int(UInt8(ascii: "?"))] = .sTerm
        for c in "\"'()[]{}".utf8 { table[Int(c)] = .close }
        for c in ",-:".utf8 { table[Int(c)] = .sContinue }   // not ";" (it is Other)
        return table
    }()

    /// Writes the end offset of each sentence of `text` (every byte < 0x80) to `ends`;
    /// returns the number of sentences.
    static func segment(_ text: UnsafeBufferPointer<UInt8>, ends: UnsafeMutablePointer<Int32>) -> Int {
        let n = text.count
        var count = 0
        classes.withUnsafeBufferPointer { table in
            @inline(__always) func cls(_ i: Int) -> Class { i < n ? table[Int(text[i])] : .other }
            var i = 0
            while i < n {
                switch cls(i) {
                case .cr:
                    // SB3, SB4: CR LF stays together; a paragraph separator ends the sentence.
                    i += cls(i + 1) == .lf ? 2 : 1
                    ends[count] = Int32(i); count += 1
                case .lf:
                    i += 1
                    ends[count] = Int32(i); count += 1
                case .aTerm, .sTerm:
                    let term = cls(i)
                    // SB6: ATerm × Numeric. SB7: (Upper | Lower) ATerm × Upper.
                    if term == .aTerm {
                        let next = cls(i + 1)
                        if i + 1 < n && next == .numeric { i += 1; continue }
                        if i > 0 && i + 1 < n && next == .upper && (cls(i - 1) == .upper || cls(i - 1) == .lower) { i += 1; continue }
                    }
                    // SB9, SB10: Close* Sp* stay with the terminator.
                    var j = i + 1
                    while j < n && cls(j) == .close { j += 1 }
                    while j < n && cls(j) == .sp { j += 1 }
                    if j >= n { i = n; continue }
                    let next = cls(j)
                    if next == .cr || next == .lf {
                        // SB11: SATerm Close* Sp* ParaSep? ÷
                        j += (next == .cr && cls(j + 1) == .lf) ? 2 : 1
                        ends[count] = Int32(j); count += 1
                        i = j
                        continue
                    }
                    // SB8a: SATerm Close* Sp* × (SContinue | SATerm)
                    if next == .sContinue || next == .aTerm || next == .sTerm { i = j; continue }
                    // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
                    if term == .aTerm {
                        var k = j
                        while k < n {
                            let c = cls(k)
                            if c == .upper || c == .lower || c == .cr || c == .lf || c == .aTerm || c == .sTerm { break }
                            k += 1
                        }
                        if k < n && cls(k) == .lower { i = k; continue }
                    }
                    ends[count] = Int32(j); count += 1
                    i = j
                default:
                    i += 1
                }
            }
            if count == 0 || ends[count - 1] != Int32(n) {
                ends[count] = Int32(n); count += 1
            }
        }
        return count
    }
}
