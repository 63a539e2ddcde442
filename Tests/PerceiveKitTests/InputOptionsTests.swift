import Testing
@testable import PerceiveKit

@Test func inputFormatOptionsNameTheFormats() {
    #expect(InputFormat(option: "CSV") == .csv)
    #expect(InputFormat(option: "ndjson") == .jsonl)
    #expect(InputFormat(option: "xml") == nil)
}

@Test func theInputFormatComesFromTheOptionTheNameOrTheColumns() {
    #expect(InputFormat.resolve(path: "a.txt", asked: .tsv, textColumns: true, textFields: false) == .tsv)
    #expect(InputFormat.resolve(path: nil, asked: nil, textColumns: true, textFields: false) == .text)
    #expect(InputFormat.resolve(path: "export.csv", asked: nil, textColumns: false, textFields: false) == .csv)
    #expect(InputFormat.resolve(path: "-", asked: nil, textColumns: true, textFields: false) == .csv)
    #expect(InputFormat.resolve(path: "dump.txt", asked: nil, textColumns: false, textFields: true) == .jsonl)
    #expect(InputFormat.resolve(path: "notes.txt", asked: nil, textColumns: false, textFields: false) == .text)
}

@Test func aDelimiterIsTabOrOneASCIICharacter() throws {
    #expect(try TabularInputOptions.delimiter(option: "tab") == 0x09)
    #expect(try TabularInputOptions.delimiter(option: "\\t") == 0x09)
    #expect(try TabularInputOptions.delimiter(option: ";") == 0x3B)
    for bad in ["\"", ";;", "é", "\n"] {
        #expect(throws: InputOptionError("--delimiter \(bad): expected one ASCII character (or tab), not a quote or line end")) {
            try TabularInputOptions.delimiter(option: bad)
        }
    }
}
