import Foundation

/// One line of a JSON Lines file: the parsed object (nil when the line is not a JSON
/// object), its line number, and what was wrong.
public struct JSONLinesRecord: @unchecked Sendable {
    public var object: [String: Any]?
    public var line: Int
    public var error: InputError?
    /// The line as read (without its line end).
    public var text: String = ""

    /// The value at a dotted path (`"response.comment"`), as text: strings as they are,
    /// numbers and booleans written out, nil when absent or null. Arrays take an index
    /// (`"answers.0.text"`).
    public func value(at path: [String]) -> String? {
        guard let found = element(at: path) else { return nil }
        switch found {
        case let string as String: return string
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        case nil, is NSNull: return nil
        case let other?:
            guard let data = try? JSONSerialization.data(withJSONObject: other, options: [.sortedKeys]) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
    }
}

extension JSONLinesRecord {
    /// What is at a dotted path: `.some(nil)` for a key whose value is absent from its object,
    /// nil when the path leads nowhere (a key of a non-object, an index out of range).
    func element(at path: [String]) -> Any?? {
        var current: Any? = object
        for key in path {
            if let dictionary = current as? [String: Any] {
                current = dictionary[key]
            } else if let array = current as? [Any], let index = Int(key), array.indices.contains(index) {
                current = array[index]
            } else {
                return nil
            }
        }
        return .some(current)
    }
}

/// What a JSON Lines record holds at a path where text is expected.
public enum JSONTextField: Equatable {
    case text(String)
    case missing
    case null
    /// A number, boolean, object or array: its kind, as "a number", "a boolean", …
    case notText(String)
}

extension JSONLinesRecord {
    /// The value at a dotted path where text is expected (a comment): a string, or what is
    /// there instead. Unlike ``value(at:)`` nothing is written out as text: `true` or
    /// `{"x":"terrible"}` scored as words was a silent coercion (issue 15).
    public func textField(at path: [String]) -> JSONTextField {
        guard let current = element(at: path) else { return .missing }
        switch current {
        case nil: return .missing
        case is NSNull: return .null
        case let string as String: return .text(string)
        case let number as NSNumber: return .notText(String(cString: number.objCType) == "c" ? "a boolean" : "a number")
        case is [String: Any]: return .notText("an object")
        case is [Any]: return .notText("an array")
        default: return .notText("not text")
        }
    }
}

/// Streams JSON Lines (one JSON object per line) in constant memory. A line that is not a
/// JSON object is returned with an error (the caller reports it in place); blank lines are
/// returned as errors too, so that every line is accounted for, except a final empty line.
public final class JSONLinesReader {
    private let lines: PlainTextLineReader

    public var name: String { lines.name }
    public var bytesRead: Int64 { lines.bytesRead }
    public var totalBytes: Int64? { lines.totalBytes }
    /// The lines read so far that held invalid UTF-8 (replaced by U+FFFD before parsing; the line kept).
    public var invalidUTF8: InvalidUTF8Count { lines.invalidUTF8 }

    public init(path: String) throws(InputError) {
        lines = try PlainTextLineReader(path: path)
    }

    public func next() throws(InputError) -> JSONLinesRecord? {
        guard let text = try lines.next() else { return nil }
        let number = lines.line
        var bytes = Array(text.utf8)
        if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let firstNonSpace = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.count
        guard firstNonSpace < bytes.count, bytes[firstNonSpace] == UInt8(ascii: "{") else {
            return JSONLinesRecord(object: nil, line: number, error: InputError(
                file: name, line: number, column: firstNonSpace + 1, "expected a JSON object"))
        }
        do {
            let parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            guard let object = parsed as? [String: Any] else {
                return JSONLinesRecord(object: nil, line: number, error: InputError(file: name, line: number, column: 1, "expected a JSON object"))
            }
            return JSONLinesRecord(object: object, line: number, error: nil, text: text)
        } catch {
            return JSONLinesRecord(object: nil, line: number, error: InputError(
                file: name, line: number, column: firstNonSpace + 1, "expected valid JSON (\(Self.reason(error)))"))
        }
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? "invalid JSON"
    }
}
