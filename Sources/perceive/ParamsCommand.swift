import ArgumentParser
import Foundation
import PerceiveKit

struct ParamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "params",
        abstract: "Print every weight, window and threshold of the scoring rules."
    )

    @Option(name: .long, help: "Output format: table or json.")
    var format: ParamsFormat = .table

    enum ParamsFormat: String, ExpressibleByArgument { case table, json }

    @Flag(name: .long, help: "List the ICU locales that --lang accepts (one per line) instead.")
    var locales = false

    @Option(name: .long, help: "Whose parameters: perceive (default) or vader (vaderSentiment 3.3.2's constants).")
    var ruleset: RulesetName = .perceive

    func run() throws {
        let sink = try OutputSink(path: nil)
        if locales {
            for locale in Tokenizer.availableLocales { try sink.line(locale) }
            try sink.finish()
            return
        }
        let descriptors = ruleset == .vader ? VADERParameters.standard.descriptors : Parameters.standard.descriptors
        switch format {
        case .table:
            let width = descriptors.map(\.name.count).max() ?? 0
            for d in descriptors {
                try sink.line(d.name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                    + d.value.padding(toLength: 8, withPad: " ", startingAt: 0) + d.summary)
            }
        case .json:
            try sink.line("{" + descriptors.map { "\(JSONText.string($0.name)):\($0.value)" }.joined(separator: ",") + "}")
        }
        try sink.finish()
    }
}
