/// Word boundaries and ICU rule statuses for pure-ASCII text, computed without ICU but to
/// give exactly ICU's answer: the rules of Unicode UAX #29 (as ICU 72 implements them)
/// restricted to ASCII, where every character's Word_Break class is fixed.
///
/// ICU stays the reference: a differential test compares both on every comment of `corpora/`
/// and on random ASCII, and the tokenizer falls back to ICU for any text with a byte ≥ 0x80.
///
/// - Complexity: O(n), one pass, no allocation.
enum ASCIIWordSegmenter {
    /// UAX #29 Word_Break classes of the ASCII characters.
    enum Class: UInt8 {
        case other, cr, lf, newline, space, letter, numeric, midNumLet, singleQuote, midNum, extendNumLet
    }

    static let classes: [Class] = {
        var table = [Class](repeating: .other, count: 128)
        table[0x0D] = .cr
        table[0x0A] = .lf
        table[0x0B] = .newline
        table[0x0C] = .newline
        table[0x20] = .space
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = .letter }
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = .letter }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = .numeric }
        // ICU's rules differ from plain UAX #29 here: "@" is a letter (for e-mail addresses and
        // handles) and ":" is not MidLetter (the differential test pins both).
        table[Int(UInt8(ascii: "@"))] = .letter
        table[Int(UInt8(ascii: "."))] = .midNumLet
        table[Int(UInt8(ascii: "'"))] = .singleQuote
        table[Int(UInt8(ascii: ","))] = .midNum
        table[Int(UInt8(ascii: ";"))] = .midNum
        table[Int(UInt8(ascii: "_"))] = .extendNumLet
        return table
    }()

    /// Segments `text` (every byte < 0x80) like ICU's word break iterator; writes end offsets
    /// and rule statuses, returns the number of segments.
    static func segment(_ text: UnsafeBufferPointer<UInt8>, ends: UnsafeMutablePointer<Int32>,
                        statuses: UnsafeMutablePointer<Int32>) -> Int {
        let n = text.count
        var count = 0
        var start = 0
        classes.withUnsafeBufferPointer { table in
            @inline(__always) func cls(_ i: Int) -> Class { table[Int(text[i])] }
            while start < n {
                var i = start
                let first = cls(i)
                var status: Int32 = 0
                switch first {
                case .cr:
                    i += (i + 1 < n && cls(i + 1) == .lf) ? 2 : 1
                case .space:
                    i += 1
                    while i < n && cls(i) == .space { i += 1 }
                case .letter, .numeric, .extendNumLet:
                    // ICU's status is that of the last rule matched: a segment ending in a letter
                    // is a word (200), ending in a digit a number (100); "_" keeps what came
                    // before it ("__" is 200); a lone "_" is no word at all (0).
                    var previous = first
                    status = first == .letter ? 200 : (first == .numeric ? 100 : 0)
                    i += 1
                    while i < n {
                        let c = cls(i)
                        switch c {
                        case .letter, .numeric, .extendNumLet:
                            // WB5, WB8, WB9, WB10, WB13a, WB13b: all of these join.
                            switch c {
                            case .letter: status = 200
                            case .numeric: status = 100
                            default: status = previous == .numeric ? 100 : 200
                            }
                            previous = c
                            i += 1
                            continue
                        case .midNumLet, .singleQuote, .midNum:
                            // WB6/WB7: letter MidNumLetQ letter;
                            // WB11/WB12: digit (MidNum | MidNumLetQ) digit.
                            guard i + 1 < n else { break }
                            let next = cls(i + 1)
                            if previous == .letter && next == .letter && c != .midNum {
                                i += 2; previous = .letter; status = 200
                                continue
                            }
                            if previous == .numeric && next == .numeric {
                                i += 2; previous = .numeric; status = 100
                                continue
                            }
                        default:
                            break
                        }
                        break
                    }
                default:
                    i += 1
                }
                ends[count] = Int32(i)
                statuses[count] = status
                count += 1
                start = i
            }
        }
        return count
    }
}
