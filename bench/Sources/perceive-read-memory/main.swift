// Memory of the input readers alone (issue 15, item 5): reads FILE row by row through
// TabularInput, as `perceive score` and `segments` do, holding each row until the next one is
// read, and prints the peak resident memory (VmHWM) above what the process held before it
// opened the file, in MiB. No scoring: what `perceive score` needs beyond this is the scoring's.
//   perceive-read-memory FILE [--format text|csv|jsonl] [--text-column NAME]
import Foundation
import PerceiveKit

func status(_ key: String) -> Double {
    let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = text.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
    return Double(line.split(separator: " ").dropFirst().first ?? "0").map { $0 / 1024 } ?? 0
}

var arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.popFirst() else {
    FileHandle.standardError.write(Data("usage: perceive-read-memory FILE [--format text|csv|jsonl] [--text-column NAME]\n".utf8))
    exit(2)
}
var format = InputFormat.detect(path: path)
var column: String?
while let argument = arguments.popFirst() {
    switch argument {
    case "--format": format = InputFormat(rawValue: arguments.popFirst() ?? "") ?? format
    case "--text-column": column = arguments.popFirst()
    default: exit(2)
    }
}
let before = status("VmRSS")
let input = try TabularInput(path: path, options: TabularInputOptions(
    format: format, textColumns: (column ?? (format == .text ? nil : "text")).map { [ColumnSelector($0)] } ?? []))
var rows = 0, errors = 0, longest = 0
var held: InputRow?
while let row = try input.next() {
    held = nil
    rows += 1
    if row.error != nil { errors += 1 }
    longest = max(longest, row.texts.map(\.utf8.count).max() ?? 0)
    held = row
}
_ = held
print(String(format: "rows %d, errors %d, longest text %d bytes; peak RSS above the start %.1f MiB (start %.1f MiB)",
             rows, errors, longest, status("VmHWM") - before, before))
