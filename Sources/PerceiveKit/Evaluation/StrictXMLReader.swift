/// An element of an XML document read by ``StrictXMLReader``: its name, attributes, child
/// elements, the character data directly inside it, and where its start tag begins.
public struct XMLElementNode: Sendable, Equatable {
    public var name: String
    /// Attributes in document order (names are unique within an element).
    public var attributes: [(name: String, value: String)]
    public var children: [XMLElementNode] = []
    /// The character data directly inside the element (entities and CDATA resolved), its
    /// pieces between child elements joined.
    public var text = ""
    /// 1-based line and column (in characters) of the element's `<`.
    public var line: Int
    public var column: Int

    public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    public static func == (a: XMLElementNode, b: XMLElementNode) -> Bool {
        a.name == b.name && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
            && a.children == b.children && a.text == b.text && a.line == b.line && a.column == b.column
    }
}

/// A problem in an XML document, at a 1-based line and column (in characters).
public struct XMLReadError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(line):\(column): \(message)" }
}

/// Reads a small, well-formed XML document into a tree of ``XMLElementNode``s, refusing
/// anything it does not understand with the line and column of the problem.
///
/// It reads what data files such as SemEval's need: an optional byte order mark and XML
/// declaration, elements with single- or double-quoted attributes, character data with the
/// five predefined entities and numeric character references, CDATA sections, comments and
/// processing instructions. It refuses a DOCTYPE (no external or internal entities), an
/// undefined entity, a bare `&` or `<`, a duplicate attribute, a mismatched or missing end tag,
/// and anything but comments, processing instructions and whitespace after the root element.
/// Namespaces are not interpreted (a prefixed name is a name with a colon).
///
/// ```
/// let root = try StrictXMLReader.read(Array("<a x='1'>hi &amp; bye<b/></a>".utf8))
/// // root.name "a", root.attribute("x") "1", root.text "hi & bye", root.children[0].name "b"
/// ```
///
/// Foundation's `XMLParser` would need FoundationXML (libxml2 at run time) on Linux and reports
/// errors as bare codes; this reader keeps the binary's dependencies as they are.
///
/// - Complexity: O(n) for n bytes, plus O(log l + c) per element for its position (l lines,
///   c the element's column).
public struct StrictXMLReader {
    private let bytes: [UInt8]
    private var i = 0
    /// Byte offset at which each line starts.
    private let lineStarts: [Int]

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (k, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(k + 1) }
        lineStarts = starts
    }

    /// The root element of `bytes` (UTF-8).
    public static func read(_ bytes: [UInt8]) throws(XMLReadError) -> XMLElementNode {
        var reader = StrictXMLReader(bytes)
        return try reader.document()
    }

    // MARK: Positions

    /// 1-based line and column (counting characters, not bytes) of byte `offset`.
    func position(_ offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var k = lineStarts[lo]
        while k < offset && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        // A continuation byte at `offset` belongs to the character before it.
        if offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { column -= 1 }
        return (lo + 1, column)
    }

    func error(_ message: String, at offset: Int? = nil) -> XMLReadError {
        let p = position(offset ?? i)
        return XMLReadError(line: p.line, column: p.column, message: message)
    }

    // MARK: Document

    mutating func document() throws(XMLReadError) -> XMLElementNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        try misc()
        guard i < bytes.count else { throw error("expected a root element, found the end of the file") }
        guard bytes[i] == UInt8(ascii: "<") else { throw error("expected a root element, found text") }
        let root = try element()
        try misc()
        if i < bytes.count {
            throw error(bytes[i] == UInt8(ascii: "<") ? "a second root element (a document has one)" : "text after the root element")
        }
        return root
    }

    /// Whitespace, comments and processing instructions (before and after the root element).
    mutating func misc() throws(XMLReadError) {
        while true {
            skipWhitespace()
            if has("<?") { try processingInstruction() }
            else if has("<!--") { try comment() }
            else if has("<!DOCTYPE") { throw error("a DOCTYPE is not supported (no entity definitions are read)") }
            else { return }
        }
    }

    func has(_ literal: String) -> Bool {
        var k = i
        for b in literal.utf8 {
            guard k < bytes.count, bytes[k] == b else { return false }
            k += 1
        }
        return true
    }

    mutating func skipWhitespace() {
        while i < bytes.count, Self.isWhitespace(bytes[i]) { i += 1 }
    }

    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func isNameByte(_ b: UInt8, first: Bool) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...: true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): !first
        default: false
        }
    }

    /// Skips past `terminator`, or fails naming what was left open.
    mutating func skip(past terminator: String, opened: String, at start: Int) throws(XMLReadError) {
        while i < bytes.count {
            if has(terminator) { i += terminator.utf8.count; return }
            i += 1
        }
        throw error("\(opened) is not closed (expected \(terminator))", at: start)
    }

    mutating func processingInstruction() throws(XMLReadError) {
        let start = i
        i += 2
        try skip(past: "?>", opened: "processing instruction <?…", at: start)
    }

    mutating func comment() throws(XMLReadError) {
        let start = i
        i += 4
        try skip(past: "-->", opened: "comment <!--", at: start)
    }

    mutating func name() throws(XMLReadError) -> String {
        let start = i
        guard i < bytes.count, Self.isNameByte(bytes[i], first: true) else {
            throw error(i < bytes.count ? "expected a name, found \(Self.describe(bytes[i]))" : "expected a name, found the end of the file")
        }
        while i < bytes.count, Self.isNameByte(bytes[i], first: false) { i += 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    static func describe(_ b: UInt8) -> String {
        switch b {
        case 0x0A: "a line break"
        case 0x20..<0x7F: "\"\(Character(Unicode.Scalar(b)))\""
        default: "byte 0x\(String(b, radix: 16, uppercase: true))"
        }
    }

    /// An element starting at `<`, with everything up to its end tag.
    mutating func element() throws(XMLReadError) -> XMLElementNode {
        let start = i
        i += 1
        let name = try self.name()
        let p = position(start)
        var node = XMLElementNode(name: name, attributes: [], line: p.line, column: p.column)
        while true {
            let before = i
            skipWhitespace()
            guard i < bytes.count else { throw error("the start tag <\(name) is not closed (expected > or />)", at: start) }
            if has("/>") { i += 2; return node }
            if bytes[i] == UInt8(ascii: ">") { i += 1; break }
            guard i > before else { throw error("expected whitespace, > or /> in the start tag <\(name), found \(Self.describe(bytes[i]))") }
            let attributeStart = i
            let attribute = try self.name()
            if node.attributes.contains(where: { $0.name == attribute }) {
                throw error("duplicate attribute \"\(attribute)\" in <\(name)>", at: attributeStart)
            }
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw error("expected = after the attribute name \"\(attribute)\"") }
            i += 1
            skipWhitespace()
            node.attributes.append((attribute, try attributeValue()))
        }
        // Content: character data, child elements, comments, CDATA, up to </name>.
        var text: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("<\(name)> is not closed (expected </\(name)>)", at: start) }
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                if has("</") {
                    let endStart = i
                    i += 2
                    let endName = try self.name()
                    guard endName == name else {
                        throw error("expected </\(name)> (opened at \(p.line):\(p.column)), found </\(endName)>", at: endStart)
                    }
                    skipWhitespace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw error("expected > to end </\(name)") }
                    i += 1
                    node.text = String(decoding: text, as: UTF8.self)
                    return node
                } else if has("<!--") {
                    try comment()
                } else if has("<![CDATA[") {
                    let cdataStart = i
                    i += 9
                    let contentStart = i
                    try skip(past: "]]>", opened: "CDATA section <![CDATA[", at: cdataStart)
                    text.append(contentsOf: bytes[contentStart..<(i - 3)])
                } else if has("<?") {
                    try processingInstruction()
                } else if has("<!") {
                    throw error("unexpected markup <! in <\(name)> (comments and CDATA are read, declarations are not)")
                } else {
                    node.children.append(try element())
                }
            } else if b == UInt8(ascii: "&") {
                text.append(contentsOf: try reference())
            } else {
                text.append(b)
                i += 1
            }
        }
    }

    /// A quoted attribute value, references resolved.
    mutating func attributeValue() throws(XMLReadError) -> String {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
            throw error("expected a quoted attribute value (\" or ')")
        }
        let quote = bytes[i], start = i
        i += 1
        var value: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("the attribute value is not closed (expected \(Character(Unicode.Scalar(quote))))", at: start) }
            let b = bytes[i]
            if b == quote { i += 1; return String(decoding: value, as: UTF8.self) }
            if b == UInt8(ascii: "<") { throw error("\"<\" in an attribute value (write &lt;)") }
            if b == UInt8(ascii: "&") { value.append(contentsOf: try reference()); continue }
            // Attribute-value normalization: whitespace characters become spaces.
            value.append(Self.isWhitespace(b) ? 0x20 : b)
            i += 1
        }
    }

    /// An entity or character reference at `&`: its UTF-8 bytes.
    mutating func reference() throws(XMLReadError) -> [UInt8] {
        let start = i
        i += 1
        var end = i
        while end < bytes.count, end - i < 12, bytes[end] != UInt8(ascii: ";"), !Self.isWhitespace(bytes[end]), bytes[end] != UInt8(ascii: "<") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
            throw error("\"&\" that starts no reference (write &amp;)", at: start)
        }
        let name = String(decoding: bytes[i..<end], as: UTF8.self)
        i = end + 1
        switch name {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            var digits = Substring(name)
            var radix = 10
            if digits.hasPrefix("#x") { digits = digits.dropFirst(2); radix = 16 }
            else if digits.hasPrefix("#") { digits = digits.dropFirst() }
            else { throw error("undefined entity &\(name); (known: &amp; &lt; &gt; &quot; &apos; and &#…;)", at: start) }
            guard !digits.isEmpty, let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value),
                  value == 0x9 || value == 0xA || value == 0xD || value >= 0x20 else {
                throw error("&\(name); is not a character", at: start)
            }
            return Array(String(Character(scalar)).utf8)
        }
    }
}
