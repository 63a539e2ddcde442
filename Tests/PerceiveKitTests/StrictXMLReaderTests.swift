import Testing
@testable import PerceiveKit

/// The small strict XML reader: what it reads, and where it says a document is broken.
@Suite struct StrictXMLReaderTests {
    static func read(_ text: String) throws(XMLReadError) -> XMLElementNode { try StrictXMLReader.read(Array(text.utf8)) }

    static func problem(_ text: String) -> String? {
        do { _ = try read(text); return nil } catch { return error.description }
    }

    @Test func aDocumentWithEntitiesCDATACommentsAndBothQuotes() throws {
        let root = try Self.read("""
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <a x="1 &amp; 2" y='it&apos;s'>
              fish &amp; chips &#233;&#x20AC;<![CDATA[<raw> & bare]]>
              <b/><!-- inside --><c z="&lt;"></c>
            </a>

            """)
        #expect(root.name == "a")
        #expect(root.attribute("x") == "1 & 2" && root.attribute("y") == "it's")
        #expect(root.text == "\n  fish & chips é€<raw> & bare\n  \n")
        #expect(root.children.map(\.name) == ["b", "c"])
        #expect(root.children[1].attribute("z") == "<")
        #expect((root.line, root.column) == (3, 1))
        #expect((root.children[0].line, root.children[0].column) == (5, 3))
        #expect((root.children[1].line, root.children[1].column) == (5, 22))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try Self.read("<a>é€ <b/></a>")
        #expect(root.children[0].column == 7)
        #expect(Self.problem("<a>é€ <b></a>") == "1:10: expected </b> (opened at 1:7), found </a>")
    }

    @Test func malformedDocumentsSayWhereAndWhat() {
        #expect(Self.problem("<a>\n  <b>\n</a>") == "3:1: expected </b> (opened at 2:3), found </a>")
        #expect(Self.problem("<a>\n  <b>text") == "2:3: <b> is not closed (expected </b>)")
        #expect(Self.problem("<a>fish & chips</a>") == "1:9: \"&\" that starts no reference (write &amp;)")
        #expect(Self.problem("<a>&eacute;</a>") == "1:4: undefined entity &eacute; (known: &amp; &lt; &gt; &quot; &apos; and &#…;)")
        #expect(Self.problem("<a>&#1;</a>") == "1:4: &#1; is not a character")
        #expect(Self.problem("<a x=\"1\" x=\"2\"/>") == "1:10: duplicate attribute \"x\" in <a>")
        #expect(Self.problem("<a x=1/>") == "1:6: expected a quoted attribute value (\" or ')")
        #expect(Self.problem("<a x=\"1\"y=\"2\"/>") == "1:9: expected whitespace, > or /> in the start tag <a, found \"y\"")
        #expect(Self.problem("<a x=\"<\"/>") == "1:7: \"<\" in an attribute value (write &lt;)")
        #expect(Self.problem("<a/>\n<b/>") == "2:1: a second root element (a document has one)")
        #expect(Self.problem("<a/>\ntext") == "2:1: text after the root element")
        #expect(Self.problem("  ") == "1:3: expected a root element, found the end of the file")
        #expect(Self.problem("<!DOCTYPE a [<!ENTITY e \"x\">]><a/>") == "1:1: a DOCTYPE is not supported (no entity definitions are read)")
        #expect(Self.problem("<a><!-- open</a>") == "1:4: comment <!-- is not closed (expected -->)")
        #expect(Self.problem("<a><!ELEMENT a ANY></a>") == "1:4: unexpected markup <! in <a> (comments and CDATA are read, declarations are not)")
        #expect(Self.problem("<1a/>") == "1:2: expected a name, found \"1\"")
    }
}
