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
        if locales { return try OutputSink.write(Tokenizer.availableLocales.map { $0 + "\n" }.joined()) }
        let groups = group.isEmpty ? [ruleset == .vader ? .vader : .scoring] : group.flatMap(\.groups)
        try OutputSink.write(format == .table ? ParameterTable.text(groups: groups) : ParameterTable.json(groups: groups) + "\n")
    }
}
