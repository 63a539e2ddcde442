/// Small helpers to write JSON by hand, fast and with a stable key order.
public enum JSONText {
    /// `value` as a JSON string literal.
    public static func string(_ value: String) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    /// Appends `value` as a JSON string literal to `out`.
    public static func append(_ value: String, to out: inout String) {
        // Fast path (most text): nothing to escape, so the bytes are copied as they are.
        if !needsEscaping(value) {
            out += "\""
            out += value
            out += "\""
            return
        }
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Appends ``number(_:decimals:)`` to `out`.
    public static func appendNumber(_ value: Double, decimals: Int = 4, to out: inout String) {
        out += number(value, decimals: decimals)
    }

    /// Appends ``number(_:decimals:)`` to `out` (`null` for nil).
    public static func appendNumber(_ value: Double?, decimals: Int = 4, to out: inout String) {
        out += number(value, decimals: decimals)
    }

    /// Whether `value` holds a byte that ``string(_:)`` escapes: a control character, `"`, `\\`,
    /// or U+2028/U+2029 (E2 80 A8/A9 in UTF-8).
    static func needsEscaping(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            for (i, byte) in bytes.enumerated() {
                if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
                if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return true }
            }
            return false
        }
    }

    /// `value` rounded to `decimals` places, without a trailing ".0" for whole numbers.
    public static func number(_ value: Double, decimals: Int = 4) -> String {
        guard value.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        var rounded = (value * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }  // no "-0"
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return rounded.description
    }

    public static func number(_ value: Double?, decimals: Int = 4) -> String {
        value.map { number($0, decimals: decimals) } ?? "null"
    }
}
