// Writes a deterministic synthetic feedback corpus.
//   perceive-generate --count 1000000 [--seed 42] [--format lines|csv]
// lines: one comment per line. csv: a survey export (ResponseId,Region,Channel,Plan,Comment).
import Foundation
import SyntheticFeedback

var count = 100_000
var seed: UInt64 = 42
var format = "lines"
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--count": count = Int(arguments.popFirst() ?? "") ?? count
    case "--seed": seed = UInt64(arguments.popFirst() ?? "") ?? seed
    case "--format": format = arguments.popFirst() ?? format
    default:
        FileHandle.standardError.write(Data("usage: perceive-generate [--count N] [--seed S] [--format lines|csv]\n".utf8))
        exit(2)
    }
}
var generator = SyntheticFeedback(seed: seed)
var buffer = ""
buffer.reserveCapacity(1 << 20)
func csvField(_ s: String) -> String {
    s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
}
if format == "csv" { buffer += "ResponseId,Region,Channel,Plan,Comment\n" }
for i in 1...max(count, 1) {
    if format == "csv" {
        buffer += generator.surveyRow(i).map(csvField).joined(separator: ",")
    } else {
        buffer += generator.comment()
    }
    buffer += "\n"
    if buffer.utf8.count > 1 << 20 {
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }
}
FileHandle.standardOutput.write(Data(buffer.utf8))
