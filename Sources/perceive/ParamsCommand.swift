import ArgumentParser
import Foundation
import PerceiveKit

struct ParamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "params",
        abstract: "Print every weight, window and threshold: of the scoring rules, or of any parameter group.",
        discussion: "Groups: scoring (the default), vader, segments, bench, input, or all; repeat --group for several."
    )

    @Option(name: .long, help: "Output format: table or json.")
    var format: ParamsFormat = .table

    enum ParamsFormat: String, ExpressibleByArgument { case table, json }

    @Flag(name: .long, help: "List the ICU locales that --lang accepts (one per line) instead.")
    var locales = false

    @Option(name: .long, help: "Whose parameters: perceive (default) or vader (vaderSentiment 3.3.2's constants); the same as --group scoring or vader.")
    var ruleset: RulesetName = .perceive

    @Option(name: .long, help: ArgumentHelp("Parameter group: scoring, vader, segments, bench, input or all (repeat for several).", valueName: "group"))
    var group: [GroupArgument] = []

    struct GroupArgument: ExpressibleByArgument {
        var groups: [ParameterGroup]
        init?(argument: String) {
            if argument == "all" { groups = ParameterGroup.allCases; return }
            guard let group = ParameterGroup(rawValue: argument) else { return nil }
            groups = [group]
        }
        static var allValueStrings: [String] { ParameterGroup.allCases.map(\.rawValue) + ["all"] }
    }

    func run() throws {
        let sink = try OutputSink(path: nil)
        if locales {
            for locale in Tokenizer.availableLocales { try sink.line(locale) }
            try sink.finish()
            return
        }
        let groups = group.isEmpty ? [ruleset == .vader ? .vader : .scoring] : group.flatMap(\.groups)
        if groups.count == 1 {  // one group: its table or object alone
            let descriptors = groups[0].standardDescriptors
            try sink.write(format == .table ? ParameterTable.text(descriptors) : ParameterTable.json(descriptors) + "\n")
        } else if format == .table {
            try sink.write(groups.map { "# \($0.rawValue)\n" + ParameterTable.text($0.standardDescriptors) }.joined(separator: "\n"))
        } else {
            try sink.line("{" + groups.map { "\"\($0.rawValue)\":" + ParameterTable.json($0.standardDescriptors) }.joined(separator: ",") + "}")
        }
        try sink.finish()
    }
}
