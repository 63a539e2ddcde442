import PerceiveKit
/// A deterministic generator of realistic customer-feedback comments and survey exports, for
/// benchmarks. Same seed, same output, on every machine.
///
/// Comments are built from clauses the way customers write them: praise and complaints about
/// waiting, transfers, repeat contacts, refunds, apps and staff, joined with "but", commas and
/// full stops, with negation, intensifiers, durations, emoji, emoticons, typos, capitals and
/// some non-ASCII text. Lengths range from a word to a paragraph, most around 60–200 bytes.
public struct SyntheticFeedback {
    // The same SplitMix64 the lexicon benchmark uses for its bootstrap, not a copy of it.
    private var random: SeededGenerator

    public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    public mutating func next() -> UInt64 { random.next() }

    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    static let numbers = ["2", "3", "5", "10", "15", "20", "30", "45", "50", "90", "two", "three", "four", "a couple of", "several"]
    static let minutesUnits = ["minutes", "mins", "min", "hours", "hrs", "hour"]
    static let longUnits = ["days", "weeks", "business days", "months"]

    mutating func negativeClause() -> String {
        switch below(22) {
        case 0: return "I was on hold for \(pick(Self.numbers)) \(pick(Self.minutesUnits))"
        case 1: return "got transferred \(pick(["twice", "3 times", "four times", "again", "to another department"]))"
        case 2: return "it's still not \(pick(["fixed", "resolved", "working", "sorted"]))"
        case 3: return "the app keeps crashing when I log in"
        case 4: return "nobody called me back"
        case 5: return "I had to call \(pick(["3 times", "twice", "again", "five times", "back"]))"
        case 6: return "delivery took \(pick(Self.numbers)) \(pick(Self.longUnits))"
        case 7: return "the agent was \(pick(["rude", "unhelpful", "clueless", "not helpful at all", "really dismissive"]))"
        case 8: return "I was charged twice for the same order"
        case 9: return "waited \(pick(Self.numbers)) \(pick(Self.minutesUnits)) in the queue"
        case 10: return "the website is \(pick(["confusing", "so slow", "impossible to navigate", "down again"]))"
        case 11: return "my refund \(pick(["never arrived", "is still pending", "took 3 weeks", "was refused"]))"
        case 12: return "the package arrived damaged"
        case 13: return "\(pick(["TERRIBLE", "awful", "horrible", "worst ever", "disappointing"])) service"
        case 14: return "they lost my booking"
        case 15: return "the chat bot was useless"
        case 16: return "I had to explain my problem \(pick(["three times", "again", "to 4 different people"]))"
        case 17: return "the store was crowded and the line was out the door"
        case 18: return "I'm \(pick(["so frustrated", "furious", "really disappointed", "fed up", "not happy"]))"
        case 19: return "the wi-fi doesn't work"
        case 20: return "no one knew what to do"
        default: return "the bill was wrong \(pick(["again", "for the third time", "and nobody fixed it"]))"
        }
    }

    mutating func positiveClause() -> String {
        switch below(18) {
        case 0: return "the agent was \(pick(["really helpful", "so friendly", "very patient", "knowledgeable", "amazing"]))"
        case 1: return "\(pick(["quick and easy", "easy", "super fast", "seamless", "painless"])) process"
        case 2: return "they fixed it on the first call"
        case 3: return "my refund came through within \(pick(["2 days", "24 hours", "a week", "minutes"]))"
        case 4: return "\(pick(["great", "excellent", "fantastic", "good", "decent"])) service"
        case 5: return "thank you so much"
        case 6: return "the app is easy to use"
        case 7: return "delivery was on time"
        case 8: return "no problems at all"
        case 9: return "not bad"
        case 10: return "staff went above and beyond"
        case 11: return "sorted it out right away"
        case 12: return "would definitely recommend"
        case 13: return "the checkout was quick"
        case 14: return "I couldn't be happier"
        case 15: return "the technician arrived in 20 minutes"
        case 16: return "really pleased with the new plan"
        default: return "very good value for money"
        }
    }

    mutating func neutralClause() -> String {
        pick([
            "the price went up", "I ordered the blue one", "my plan renews in March", "I use the app on my phone",
            "we switched from another provider", "I bought it for my mum", "the store is near the station",
            "I paid by card", "I have had the account since 2019", "the parcel came by courier",
            "I went to the Zürich store", "ordered a café latte and a croissant", "my account number ends in 4411",
        ])
    }

    static let emoji = [" 😡", " 👍", " 🙏", " :)", " :(", " 😊", " 🤬", " 👍🏽", " ❤️", " 🙄", " :-(", " xD"]
    static let typos = [("received", "recieved"), ("definitely", "definately"), ("service", "servise"), ("the", "teh")]

    /// One comment.
    public mutating func comment() -> String {
        let mood = below(100)   // 45% negative, 35% positive, 20% mixed
        let clauses = chance(12) ? 1 : 1 + below(chance(20) ? 6 : 3)
        var parts: [String] = []
        for i in 0..<clauses {
            let clause: String
            if mood < 45 { clause = chance(85) ? negativeClause() : neutralClause() }
            else if mood < 80 { clause = chance(85) ? positiveClause() : neutralClause() }
            else { clause = i % 2 == 0 ? positiveClause() : negativeClause() }
            parts.append(clause)
        }
        var text = ""
        for (i, part) in parts.enumerated() {
            var clause = part
            if i == 0 || text.hasSuffix(". ") || text.hasSuffix("! ") {
                clause = clause.prefix(1).uppercased() + clause.dropFirst()
            }
            text += clause
            if i < parts.count - 1 {
                text += pick([". ", ", ", " but ", " and ", "! ", ". ", ", although "])
            }
        }
        text += pick([".", ".", "", "!", "!!!", "?", "...", "."])
        if chance(15) { text += pick(Self.emoji) }
        if chance(8) { let (right, wrong) = pick(Self.typos); text = text.replacing(right, with: wrong, maxReplacements: 1) }
        if chance(6) { text = text.replacing("'", with: "’") }
        if chance(3) { text = text.uppercased() }
        if chance(2) { text = pick(["Ok", "meh", "Great!", "terrible", "👍", "n/a"]) }
        return text
    }

    public static let regions = ["North", "South", "East", "West"]
    public static let channels = ["phone", "chat", "email", "store", "app"]
    public static let plans = ["Basic", "Plus", "Pro"]

    /// A survey-export row: id, region, channel, plan, comment.
    public mutating func surveyRow(_ index: Int) -> [String] {
        ["R_\(index)", pick(Self.regions), pick(Self.channels), pick(Self.plans), comment()]
    }
}
