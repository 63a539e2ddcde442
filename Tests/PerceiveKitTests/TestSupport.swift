import Testing
@testable import PerceiveKit

// Shared fixtures and helpers for the PerceiveKit tests.
//
// The rule tests score tiny inputs against a SMALL FIXTURE LEXICON written out below, never
// against the embedded `en-cx` lexicon (whose values get retuned). Every expected value in
// the tests is computed by hand from the fixture's numbers and ``Parameters/standard``.

/// The fixture lexicon, as `perceive-lexicon/1` files held in memory.
enum Fixture {
    static let header = """
        # lexicon: fixture
        # version: 0.0.1
        # source: written by hand for the PerceiveKit tests
        # license: CC0-1.0

        """

    static let manifest = """
        {
          "format": "perceive-lexicon/1",
          "name": "fixture",
          "version": "0.0.1",
          "language": "en",
          "license": "CC0-1.0",
          "source": "written by hand for the PerceiveKit tests",
          "terms": ["terms.tsv", "phrases.tsv"],
          "shifters": ["shifters.tsv"],
          "cues": ["cues.tsv"],
          "emotions": [
            { "name": "joy", "plutchik": "joy", "ekman": "joy" },
            { "name": "anger", "plutchik": "anger", "ekman": "anger" },
            { "name": "gratitude", "plutchik": "joy", "ekman": null }
          ]
        }
        """

    // Term values (cited by the tests through `Fixture.value`):
    //   good   +0.5                      bad    -0.5
    //   happy  +0.5, joy 0.6             angry  -0.6, anger 0.8
    //   easy   +0.4, effort +0.7         fixed  +0.4, success +0.8 (and a resolution cue)
    //   broken -0.5, success -0.6        resolved success +0.7 (and a resolution cue)
    //   bounced effort -0.4 (and a transfer cue)
    //   instantly effort +0.5 (and a first-time cue)
    //   on hold effort -0.6              thank you +0.6, gratitude 0.8
    //   great  +0.6, joy 0.5             don't work -0.5, success -0.6
    //   gift card 0 (a neutral phrase)
    // Cues of the outcome and effort models: goals bag, refund, seat; product speaker; obtain
    // have, got; blocked can't; burden had to; actions log in, call; delayed (delay-context),
    // delivery (process-context), hold and queue (wait-context); early (early); for, waited, took
    // (duration-lead); another (sarcasm); flight, trip (measured); rebooked, amended, moved
    // us, fixed (done); need to, if (unrealized); would have (counterfactual); stayed, spent (stay).
    static let terms = header + """
        term\tvalence\teffort\tsuccess\temotions
        good\t0.5
        bad\t-0.5
        happy\t0.5\t\t\tjoy:0.6
        angry\t-0.6\t\t\tanger:0.8
        easy\t0.4\t0.7
        fixed\t0.4\t\t0.8
        broken\t-0.5\t\t-0.6
        resolved\t\t\t0.7
        bounced\t\t-0.4
        instantly\t\t0.5
        hold\t-0.1
        great\t0.6\t\t\tjoy:0.5
        don't work\t-0.5\t\t-0.6
        gift card\t0

        """

    static let phrases = header + """
        term\tvalence\teffort\tsuccess\temotions
        on hold\t\t-0.6
        thank you\t0.6\t\t\tgratitude:0.8
        not working\t-0.6\t\t-0.8

        """

    static let shifters = header + """
        term\tkind\tweight
        not\tnegator
        never\tnegator
        don't\tnegator
        very\tintensifier\t0.3
        extremely\tintensifier\t0.5
        slightly\tdiminisher\t0.4
        barely\tdiminisher\t0.9
        but\tcontrast
        however\tcontrast
        although\tconcessive
        even though\tconcessive

        """

    static let cues = header + """
        term\tkind\tvalue
        minutes\tduration-unit\t1
        mins\tduration-unit\t1
        hour\tduration-unit\t60
        hours\tduration-unit\t60
        hrs\tduration-unit\t60
        days\tduration-unit\t1440
        weeks\tduration-unit\t10080
        a\tnumber\t1
        an\tnumber\t1
        half\tnumber\t0.5
        three\tnumber\t3
        five\tnumber\t5
        twenty\tnumber\t20
        twice\tcount\t2
        once\tcount\t1
        times\ttimes
        time\ttimes
        third\tordinal\t3
        called\tcontact
        emailed\tcontact
        calls\tcontact
        call\tcontact
        again\trepeat
        transferred\ttransfer
        bounced\ttransfer
        still\tpersistence
        yet\tpersistence
        never\tpersistence
        fixed\tresolution
        resolved\tresolution
        first call\tfirst-time
        right away\tfirst-time
        instantly\tfirst-time
        within\tquick
        only\tquick
        less than\tquick
        ago\tago
        early\tearly
        bag\tgoal
        refund\tgoal
        seat\tgoal
        speaker\tproduct
        have\tobtain
        got\tobtain
        can't\tblocked
        had to\tburden
        log in\taction
        call\taction
        delayed\tdelay-context
        delivery\tprocess-context
        hold\twait-context
        waited\twait-context
        queue\twait-context
        for\tduration-lead
        waited\tduration-lead
        took\tduration-lead
        another\tsarcasm
        flight\tmeasured
        trip\tmeasured
        rebooked\tdone
        amended\tdone
        moved us\tdone
        fixed\tdone
        need to\tunrealized
        stayed\tstay
        spent\tstay
        if\tunrealized
        would have\tcounterfactual

        """

    static let files: [String: String] = [
        "manifest.json": manifest,
        "terms.tsv": terms,
        "phrases.tsv": phrases,
        "shifters.tsv": shifters,
        "cues.tsv": cues,
    ]

    /// The fixture lexicon, loaded once.
    static let lexicon: Lexicon = {
        do {
            return try LexiconLoader.load(from: InMemoryLexiconSource(displayName: "fixture", files: files))
        } catch {
            fatalError("the fixture lexicon does not load: \(error)")
        }
    }()

    /// A scorer over the fixture lexicon with `Ruleset.standard()` (a `Scorer` is not
    /// thread-safe, so each test makes its own).
    static func scorer(_ parameters: Parameters = Fixture.parameters) throws -> Scorer {
        try Scorer(lexicon: lexicon, ruleset: .standard(parameters: parameters))
    }

    /// The standard parameters without ``OutcomeToneRule`` (weight 0), so that each rule's test
    /// sees its own contributions only; the tone's own tests pass `.standard`.
    static let parameters: Parameters = {
        var q = Parameters.standard
        q.outcomeToneWeight = 0
        return q
    }()

    /// A scorer that runs only `rules`, in order.
    static func scorer(rules: [any ScoringRule], _ parameters: Parameters = .standard) throws -> Scorer {
        try Scorer(lexicon: lexicon, ruleset: Ruleset(name: "test", parameters: parameters, rules: rules))
    }

    /// The index of the entry for `term` (as written in the fixture).
    static func entry(_ term: String) -> Int32 {
        guard let index = lexicon.entries.firstIndex(where: { $0.term == term }) else {
            fatalError("no fixture entry \"\(term)\"")
        }
        return Int32(index)
    }

    /// The entry for `term` (as written in the fixture).
    static func term(_ term: String) -> LexiconEntry { lexicon.entries[Int(entry(term))] }

    /// The category index of the named emotion `name`.
    static func category(_ name: String) -> Int32 {
        guard let index = lexicon.categoryIndex(named: name) else { fatalError("no fixture emotion \"\(name)\"") }
        return Int32(index)
    }
}

let p = Parameters.standard

// MARK: - Marked inputs

/// A test input with marked spans: `Marked("⟦not⟧ ⟦good⟧")` is the text "not good" with the
/// byte ranges of "not" (0..<3) and "good" (4..<8), in order of their opening marks.
struct Marked {
    var text: String
    var spans: [(start: Int32, end: Int32)]

    init(_ marked: String) {
        var text: [UInt8] = []
        var opened: [Int] = []
        var spans: [(Int32, Int32)?] = []
        var openOrder: [Int] = []   // span index for each open mark still open
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦":
                opened.append(text.count)
                openOrder.append(spans.count)
                spans.append(nil)
            case "⟧":
                let start = opened.removeLast()
                spans[openOrder.removeLast()] = (Int32(start), Int32(text.count))
            default:
                text.append(contentsOf: String(scalar).utf8)
            }
        }
        self.text = String(decoding: text, as: UTF8.self)
        self.spans = spans.map { $0! }
    }

    subscript(index: Int) -> (start: Int32, end: Int32) { spans[index] }
}

// MARK: - Expectations

/// Expects `actual` to be `expected` within `tolerance` (1e-9 unless told).
func expectClose(
    _ actual: Double?, _ expected: Double, tolerance: Double = 1e-9, _ note: String = "",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let suffix = note.isEmpty ? "" : " (\(note))"
    guard let actual else {
        Issue.record("expected \(expected), found nil\(suffix)", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(actual - expected) <= tolerance, "found \(actual), expected \(expected) ± \(tolerance)\(suffix)",
            sourceLocation: sourceLocation)
}

/// An adjustment the test expects: rule, factor and trigger span.
struct ExpectedAdjustment {
    var rule: RuleID
    var factor: Double
    var trigger: (start: Int32, end: Int32)

    init(_ rule: RuleID, _ factor: Double, _ trigger: (start: Int32, end: Int32)) {
        self.rule = rule
        self.factor = factor
        self.trigger = trigger
    }
}

/// Expects `e` to have exactly the adjustments `expected`, in order (factors within 1e-9),
/// and its contribution to be its base times their factors.
func expectAdjustments(
    _ e: Evidence, _ expected: [ExpectedAdjustment], sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let actual = e.adjustments.map { "\($0.rule.rawValue) \($0.factor) [\($0.triggerStart), \($0.triggerEnd))" }
    let wanted = expected.map { "\($0.rule.rawValue) \($0.factor) [\($0.trigger.start), \($0.trigger.end))" }
    guard e.adjustments.count == expected.count else {
        Issue.record("adjustments \(actual), expected \(wanted)", sourceLocation: sourceLocation)
        return
    }
    for (a, x) in zip(e.adjustments, expected) {
        #expect(a.rule == x.rule && abs(a.factor - x.factor) <= 1e-9
                && a.triggerStart == x.trigger.start && a.triggerEnd == x.trigger.end,
                "adjustments \(actual), expected \(wanted)", sourceLocation: sourceLocation)
    }
    let product = expected.reduce(e.base) { $0 * $1.factor }
    expectClose(e.contribution, product, "contribution = base × factors", sourceLocation: sourceLocation)
}

extension CommentScore {
    /// The evidence of `dimension` (and, for named emotions, `category`).
    func evidence(_ dimension: Dimension, category: String? = nil) -> [Evidence] {
        evidence.filter { $0.dimension == dimension && (category == nil || $0.category == Fixture.category(category!)) }
    }

    /// The one evidence of `dimension` created by `source` (records an issue unless exactly one).
    func only(
        _ dimension: Dimension, category: String? = nil, source: RuleID? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Evidence {
        let found = evidence(dimension, category: category).filter { source == nil || $0.source == source }
        try #require(found.count == 1, "expected one \(dimension.rawValue) evidence, found \(found.count)",
                     sourceLocation: sourceLocation)
        return found[0]
    }

    /// The evidence of `dimension` whose matched text starts at byte `start`.
    func evidence(_ dimension: Dimension, at start: Int32, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Evidence {
        let found = evidence.filter { $0.dimension == dimension && $0.start == start }
        try #require(found.count == 1, "expected one \(dimension.rawValue) evidence at byte \(start), found \(found.count)",
                     sourceLocation: sourceLocation)
        return found[0]
    }
}

/// The strength-weighted mean `Σ c·|c| / Σ |c|` of `contributions`, written out again for
/// the tests (nil for none).
func weightedMean(_ contributions: [Double]) -> Double? {
    guard !contributions.isEmpty else { return nil }
    let total = contributions.reduce(0) { $0 + abs($1) }
    return total > 0 ? contributions.reduce(0) { $0 + $1 * abs($1) } / total : 0
}

// MARK: - The fixture taxonomy

/// A small topic taxonomy for the topic tests, in `perceive-topics/1` (lines 1–4 the header,
/// line 5 the column row; the line of each term is cited by the tests).
enum TopicFixture {
    static let text = """
        # topics: fixture
        # version: 0.0.1
        # source: written by hand for the PerceiveKit tests
        # license: CC0-1.0
        topic\tterm\texclude
        delivery\tparcel
        delivery\tdelivery
        delivery\ttracking number
        service/staff\tagent
        service/staff\tstaff\tstaff room
        service/staff\tmanager's
        service/contact-centre\tphone\tphone case|phone screen
        billing\tcharge\tin charge|charge up
        product\tphone case
        product\tscreen
        product\tbattery
        product/battery\tbattery life\tbattery life insurance
        product/battery\tcharge my phone
        digital\tapp
        digital\tlog-in

        """

    /// The fixture taxonomy, loaded once.
    static let taxonomy: TopicTaxonomy = {
        do {
            return try TopicTaxonomy(parsing: text, file: "fixture.tsv")
        } catch {
            fatalError("the fixture taxonomy does not load: \(error)")
        }
    }()

    /// A scorer over the fixture lexicon and the fixture taxonomy.
    static func scorer(_ parameters: Parameters = Fixture.parameters) throws -> Scorer {
        try Scorer(lexicon: Fixture.lexicon, ruleset: .standard(parameters: parameters), topics: taxonomy)
    }
}

extension CommentScore {
    /// The paths of the topics of evidence item `index`.
    func topicPaths(ofEvidence index: Int) -> [String] {
        evidenceTopics.topics(ofEvidence: index).map { topics![Int($0)].path }
    }

    /// The topic `path` of the comment (records an issue unless it is there).
    func topic(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> TopicScore {
        try #require(topics?.first { $0.path == path }, "no topic \(path) in \(topics?.map(\.path) ?? [])", sourceLocation: sourceLocation)
    }
}
