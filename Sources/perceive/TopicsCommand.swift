import ArgumentParser
import PerceiveKit

/// `--topics FILE|+FILE` and `--no-topics`, on `score` and `explain` (and in ``TopicStatisticsOptions``).
struct TopicOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Topic taxonomy: FILE replaces the default (en-cx's topics), +FILE adds to it.", valueName: "file|+file"))
    var topics: String?
    @Flag(name: .long, help: "Match no topics (score: records without the topics fields, as before topics existed).")
    var noTopics = false
    func validate() throws { if noTopics && topics != nil { throw ValidationError("--no-topics: not with --topics") } }

    /// The taxonomy to match (the default one unless told otherwise), nil with `--no-topics`.
    func taxonomy() throws -> TopicTaxonomy? { try TopicTaxonomy.forOption(topics, disabled: noTopics) }
}

/// `--by-topic`, with `--topics FILE|+FILE` (which implies it) and `--no-topics`, on `segments` and `report`.
struct TopicStatisticsOptions: ParsableArguments {
    @Flag(name: .long, help: "Topic statistics per segment: each topic's share, means of its own scores, difference from the comments without it, impact (--topics: the taxonomy).")
    var byTopic = false
    @OptionGroup var topicOptions: TopicOptions

    func validate() throws { if topicOptions.noTopics && byTopic { throw ValidationError("--no-topics: not with --by-topic") } }
    /// The taxonomy with `--by-topic` or `--topics`, else (and with `--no-topics`) nil.
    func taxonomy() throws -> TopicTaxonomy? { byTopic || topicOptions.topics != nil ? try topicOptions.taxonomy() : nil }
}

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics", abstract: "List, check and count the topics of a taxonomy (perceive-topics/1, see lexicons/README.md).",
        subcommands: [List.self, Validate.self, Stats.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The topic tree: each path, its number of terms and a few example terms.")

        @Option(name: .long, help: ArgumentHelp("FILE instead of the default taxonomy, or +FILE added to it.", valueName: "file|+file"))
        var topics: String?

        @Option(name: .long, help: "Output format: table or json.")
        var format: LexiconCommand.TableOrJSON = .table

        func run() throws { try OutputSink.write(TopicTaxonomyReport(try TopicTaxonomy.forOption(topics)!).list(json: format == .json)) }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a taxonomy file: every problem (file:line:column), then their count, exit 2; or a summary line.")

        @Argument(help: ArgumentHelp("A taxonomy file (perceive-topics/1).", valueName: "file"))
        var file: String

        func run() throws {
            do { try OutputSink.write(TopicTaxonomyReport(try TopicTaxonomy(contentsOfFile: file)).summary + "\n") } catch let error as TopicTaxonomyError {
                Stderr.write(error.problems.map { "perceive: \($0)\n" }.joined())
                throw CLIError.input(error.count)
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Topics, terms, phrases and exclusions per level of a taxonomy.")

        @Argument(help: ArgumentHelp("A taxonomy file, or +FILE for the default taxonomy with FILE added (default: the default taxonomy).", valueName: "file"))
        var file: String?

        @Option(name: .long, help: "Output format: table or json.")
        var format: LexiconCommand.TableOrJSON = .table

        func run() throws { try OutputSink.write(TopicTaxonomyReport(try TopicTaxonomy.forOption(file)!).stats(json: format == .json)) }
    }
}
