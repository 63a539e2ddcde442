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
/// returned as errors too, so that every line is accounted for, except a final empty line. So
/// is a line longer than ``InputParameters/maxRecordBytes`` (skipped up to its line end).
///
/// - Complexity: O(n) in the bytes read; memory is one read plus the longest line accepted,
///   read (at most 1.5 times it), as text (once) and parsed (its strings once more).
public final class JSONLinesReader {
    private let lines: PlainTextLineReader

    public var name: String { lines.name }
    public var bytesRead: Int64 { lines.bytesRead }
    public var totalBytes: Int64? { lines.totalBytes }
    /// The lines read so far that held invalid UTF-8 (replaced by U+FFFD before parsing; the line kept).
    public var invalidUTF8: InvalidUTF8Count { lines.invalidUTF8 }

    public init(path: String, parameters: InputParameters = .standard) throws(InputError) {
        lines = try PlainTextLineReader(path: path, parameters: parameters)
    }

    public func next() throws(InputError) -> JSONLinesRecord? {
        guard let line = try lines.nextLine() else { return nil }
        let number = line.line
        if let error = line.error { return JSONLinesRecord(object: nil, line: number, error: error) }
        // Parsed from the line's own bytes: copying them into an array and then into `Data`
        // cost twice the line's size (issue 15: memory for a long record).
        var text = line.text
        var firstNonSpace = 0
        let parsed = text.withUTF8 { bytes -> Result<Any, any Error>? in
            var body = bytes
            if number == 1, body.starts(with: [0xEF, 0xBB, 0xBF]) { body = UnsafeBufferPointer(rebasing: body.dropFirst(3)) }
            firstNonSpace = body.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? body.count
            guard firstNonSpace < body.count, body[firstNonSpace] == UInt8(ascii: "{") else { return nil }
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: body.baseAddress!), count: body.count, deallocator: .none)
            return Result { try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) }
        }
        switch parsed {
        case nil:
            return JSONLinesRecord(object: nil, line: number, error: InputError(
                file: name, line: number, column: firstNonSpace + 1, "expected a JSON object"))
        case .success(let value):
            guard let object = value as? [String: Any] else {
                return JSONLinesRecord(object: nil, line: number, error: InputError(file: name, line: number, column: 1, "expected a JSON object"))
            }
            return JSONLinesRecord(object: object, line: number, error: nil, text: text)
        case .failure(let error):
            return JSONLinesRecord(object: nil, line: number, error: InputError(
                file: name, line: number, column: firstNonSpace + 1, "expected valid JSON (\(Self.reason(error)))"))
        }
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? "invalid JSON"
    }
}
