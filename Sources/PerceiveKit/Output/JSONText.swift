/// Small helpers to write JSON by hand, fast and with a stable key order.
///
/// The writers append UTF-8 bytes to a `[UInt8]`: building output as Swift `String`s (appends,
/// capacity checks, ASCII flags, `Double.description`) cost more than scoring the comments
/// (perf, issue 5). The `String` functions are thin wrappers over the byte writers, so both
/// produce the same text.
public enum JSONText {
    /// `value` as a JSON string literal.
    public static func string(_ value: String) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` as a JSON string literal to `out`.
    public static func append(_ value: String, to out: inout String) {
        out += string(value)
    }

    /// Appends `value` as a JSON string literal: `"`, `\` and control characters escaped
    /// (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`), and U+2028/U+2029 as `\u2028`/`\u2029` so
    /// the output is also valid JavaScript. Everything else is copied as it is.
    @inlinable
    public static func append<Out: ByteSink & ~Copyable>(_ value: String, to out: inout Out) {
        var value = value
        value.withUTF8 { append(utf8: $0, to: &out) }
    }

    /// Appends the UTF-8 text `bytes` as a JSON string literal (see ``append(_:to:)-(String,_)``).
    @inlinable
    public static func append<Out: ByteSink & ~Copyable>(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) {
        out.append(0x22)
        appendEscaped(utf8: bytes, to: &out)
        out.append(0x22)
    }

    /// Appends the UTF-8 text `bytes` escaped as inside a JSON string literal, without the quotes.
    @inlinable
    public static func appendEscaped<Out: ByteSink & ~Copyable>(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) {
        guard let base = bytes.baseAddress else { return }
        var copied = 0  // bytes[..<copied] are written
        var i = 0
        let n = bytes.count
        while i < n {
            // Eight bytes at a time while none of them needs a look (most text).
            while i + 8 <= n, !mayNeedEscaping(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            if i == n { break }
            let byte = bytes[i]
            let escape: StaticString
            var width = 1
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                guard byte == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else {
                    i += 1
                    continue
                }
                escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            } else {
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                default: escape = ""
                }
            }
            if copied < i { out.append(bytes: UnsafeBufferPointer(rebasing: bytes[copied..<i])) }
            if escape.utf8CodeUnitCount > 0 {
                out.appendUTF8(escape)
            } else {  // another control character: \u00XX, lower-case hex
                out.appendUTF8("\\u00")
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0x0F))
            }
            i += width
            copied = i
        }
        if copied < n { out.append(bytes: UnsafeBufferPointer(rebasing: bytes[copied..<n])) }
    }

    /// Whether one of the eight bytes in `word` is below 0x20, `"`, `\\` or 0xE2 (the lead
    /// byte of U+2028/U+2029): the exact "has a byte less than / equal to" tests of
    /// Bit Twiddling Hacks, on all eight at once.
    @inlinable @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return (control | hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C))
                | hasZeroByte(word ^ (ones &* 0xE2))) != 0
    }

    @inlinable @inline(__always) static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

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

    /// `value` rounded to `decimals` places, without a trailing ".0" for whole numbers and
    /// without trailing zeros (`0.8`, `-0.125`, `3`); `null` when not finite; never `-0`.
    public static func number(_ value: Double, decimals: Int = 4) -> String {
        var out: [UInt8] = []
        appendNumber(value, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func number(_ value: Double?, decimals: Int = 4) -> String {
        value.map { number($0, decimals: decimals) } ?? "null"
    }

    /// Appends ``number(_:decimals:)`` (`null` for nil).
    @inlinable @inline(__always)
    public static func appendNumber<Out: ByteSink & ~Copyable>(_ value: Double?, decimals: Int = 4, to out: inout Out) {
        if let value { appendNumber(value, decimals: decimals, to: &out) } else { out.appendUTF8("null") }
    }

    /// Appends ``number(_:decimals:)``. Values whose scaled magnitude is below 10^15 are written
    /// with integer arithmetic: the exact decimal n / 10^decimals, which is also the shortest
    /// text that reads back as the rounded double (the double's spacing there is far below
    /// 10^-decimals). Larger ones, and more than 4 decimals (whose small values
    /// `Double.description` writes with an exponent), go through `Double.description`.
    @inlinable
    public static func appendNumber<Out: ByteSink & ~Copyable>(_ value: Double, decimals: Int = 4, to out: inout Out) {
        guard value.isFinite else { return out.appendUTF8("null") }
        // One call per scale, so that each divides by a constant.
        switch decimals {
        case 4: appendFixed(value, scale: 10_000, decimals: 4, to: &out)
        case 2: appendFixed(value, scale: 100, decimals: 2, to: &out)
        case 1: appendFixed(value, scale: 10, decimals: 1, to: &out)
        case 0: appendFixed(value, scale: 1, decimals: 0, to: &out)
        case 3: appendFixed(value, scale: 1_000, decimals: 3, to: &out)
        default: appendSlowNumber(value, decimals: decimals, to: &out)
        }
    }

    /// ``appendNumber(_:decimals:to:)`` for a finite value, `scale` = 10^`decimals`.
    @inlinable @inline(__always)
    static func appendFixed<Out: ByteSink & ~Copyable>(_ value: Double, scale: UInt64, decimals: Int, to out: inout Out) {
        let scaled = value * Double(scale)
        guard abs(scaled) < 1e15 else { return appendSlowNumber(value, decimals: decimals, to: &out) }
        // Rounded half away from zero, as `rounded()` does, without a libm call: below 2^52
        // `scaled - truncated` is exact.
        var n = Int64(scaled)
        let rest = scaled - Double(n)
        if rest >= 0.5 { n += 1 } else if rest <= -0.5 { n -= 1 }
        if n == 0 { return out.append(0x30) }  // no "-0"
        let negative = n < 0
        var magnitude = n.magnitude
        var fraction = magnitude % scale
        magnitude /= scale
        // Written backwards into 24 bytes (room for 15 digits, a point and a sign), then copied once.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var k = buffer.count
            if fraction != 0 {
                var places = decimals
                while fraction % 10 == 0 {
                    fraction /= 10
                    places -= 1
                }
                for _ in 0..<places {
                    k -= 1
                    buffer[k] = 0x30 + UInt8(truncatingIfNeeded: fraction % 10)
                    fraction /= 10
                }
                k -= 1
                buffer[k] = 0x2E
            }
            repeat {
                k -= 1
                buffer[k] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if negative {
                k -= 1
                buffer[k] = 0x2D
            }
            out.append(bytes: UnsafeBufferPointer(rebasing: buffer.assumingMemoryBound(to: UInt8.self)[k...]))
        }
    }

    @usableFromInline
    static func appendSlowNumber<Out: ByteSink & ~Copyable>(_ value: Double, decimals: Int, to out: inout Out) {
        var scale = 1.0
        for _ in 0..<max(decimals, 0) { scale *= 10 }
        var rounded = (value * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }  // no "-0"
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return appendInteger(Int(Int64(rounded)), to: &out) }
        out.append(utf8: rounded.description)
    }

    /// Appends `value` in decimal.
    @inlinable @inline(__always)
    public static func appendInteger<Out: ByteSink & ~Copyable>(_ value: Int32, to out: inout Out) {
        appendInteger(Int(value), to: &out)
    }

    /// Appends `value` in decimal.
    @inlinable
    public static func appendInteger<Out: ByteSink & ~Copyable>(_ value: Int, to out: inout Out) {
        if value >= 0 && value < 10 { return out.append(0x30 + UInt8(truncatingIfNeeded: value)) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits and a sign
        withUnsafeMutableBytes(of: &digits) { buffer in
            var k = buffer.count
            while magnitude > 0 {
                k -= 1
                buffer[k] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            }
            if value < 0 {
                k -= 1
                buffer[k] = 0x2D
            }
            out.append(bytes: UnsafeBufferPointer(rebasing: buffer.assumingMemoryBound(to: UInt8.self)[k...]))
        }
    }
}
