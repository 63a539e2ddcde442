import Testing
@testable import PerceiveKit

// The failure patterns of real feedback that the outcome and customer-effort models address,
// scored with the embedded en-cx lexicon and the standard rules. Each case states the sign
// of success and effort (nil: no cue) and the evidence that must carry it (its source, and
// the text it covers); the magnitudes are the lexicon's and Parameters' business.

struct Pattern: Sendable, CustomTestStringConvertible {
    var text: String
    var success: Int?   // -1, 0 (no contribution expected to dominate), 1; nil: no success cue
    var effort: Int?
    var evidence: [(Dimension, RuleID, String)]
    var testDescription: String { text }

    init(_ text: String, success: Int? = nil, effort: Int? = nil, _ evidence: [(Dimension, RuleID, String)] = []) {
        self.text = text; self.success = success; self.effort = effort; self.evidence = evidence
    }
}

let outcomePatterns: [Pattern] = [
    Pattern("Two weeks since I landed and I still don't have my bag", success: -1,
            [(.success, .outcome, "have my bag")]),
    Pattern("you failed to get me to where I paid to go", success: -1, [(.success, .lexicon, "failed to get")]),
    Pattern("six hours in line to be told no", success: -1, effort: -1,
            [(.success, .lexicon, "to be told no"), (.effort, .duration, "six hours")]),
    Pattern("booked a seat and at check-in I have no seat", success: -1, [(.success, .outcome, "no seat")]),
    Pattern("what happens if it isn't found?", success: -1, [(.success, .lexicon, "isn't found")]),
    Pattern("I will call when I land", success: -1, [(.success, .lexicon, "will call when")]),
    Pattern("runs small, sending it back", success: -1,
            [(.success, .lexicon, "runs small"), (.success, .lexicon, "sending it back")]),
    Pattern("the straps would not stay up", success: -1, [(.success, .lexicon, "would not stay")]),
    Pattern("stopped working after a week", success: -1, [(.success, .lexicon, "stopped working after")]),
    Pattern("fits perfectly", success: 1, [(.success, .lexicon, "fits perfectly")]),
    Pattern("does exactly what I wanted", success: 1, [(.success, .lexicon, "does exactly what")]),
    Pattern("The flight was delayed 5 hours", success: -1, [(.success, .duration, "5 hours")]),
    Pattern("Great little speaker, the sound is amazing", success: 1, [(.success, .verdict, "Great")]),
    Pattern("DO NOT BUY, it broke", success: -1, [(.success, .lexicon, "broke")]),
    Pattern("hardly worked", success: -1, [(.success, .lexicon, "hardly worked")]),
    Pattern("barely usable", success: -1, [(.success, .lexicon, "barely usable")]),
    Pattern("nothing but delays", success: -1, [(.success, .lexicon, "nothing but delays")]),
    Pattern("not what I had hoped for", success: -1, [(.success, .lexicon, "not what I had hoped")]),
]

let effortPatterns: [Pattern] = [
    Pattern("Can't get through to anyone", effort: -1, [(.effort, .lexicon, "Can't get through")]),
    Pattern("it won't let me connect to an agent", effort: -1, [(.effort, .blockedAction, "won't let me connect")]),
    Pattern("why can't I rebook online?", effort: -1, [(.effort, .blockedAction, "can't I rebook")]),
    Pattern("is the website down?", effort: -1, [(.effort, .lexicon, "website down")]),
    Pattern("I've been trying to sort this out for days", effort: -1, [(.effort, .burden, "trying to sort")]),
    Pattern("had to clean my own seat", effort: -1, [(.effort, .lexicon, "clean my own")]),
    Pattern("had to explain it to four people", effort: -1, [(.effort, .lexicon, "had to explain")]),
    Pattern("keeps logging me out", effort: -1, [(.effort, .lexicon, "keeps logging me out")]),
    Pattern("I was on hold for 45 minutes", effort: -1, [(.effort, .duration, "45 minutes")]),
    Pattern("easy to set up", effort: 1, [(.effort, .lexicon, "easy to set up")]),
    Pattern("in and out in minutes", effort: 1, [(.effort, .lexicon, "in and out in")]),
    Pattern("rebooked me in no time", success: 1, effort: 1, [(.effort, .lexicon, "in no time")]),
    Pattern("sorted on the first call", success: 1, effort: 1, [(.effort, .lexicon, "sorted on the first")]),
    Pattern("the problem came back again", success: -1, [(.success, .lexicon, "problem came back")]),
    Pattern("gave up", success: -1, [(.success, .lexicon, "gave up")]),
]

func sign(_ x: Double?) -> Int? { x.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) } }

private func check(_ pattern: Pattern) throws {
    let scorer = try Scorer()
    let result = try scorer.score(pattern.text)
    #expect(sign(result.scores.success) == pattern.success, "success \(String(describing: result.scores.success))")
    #expect(sign(result.scores.effort) == pattern.effort, "effort \(String(describing: result.scores.effort))")
    let bytes = Array(pattern.text.utf8)
    for (dimension, source, text) in pattern.evidence {
        let found = result.evidence.contains { e in
            e.dimension == dimension && e.source == source
                && String(decoding: bytes[Int(e.start)..<Int(e.end)], as: UTF8.self) == text
        }
        #expect(found, "no \(dimension) evidence from \(source.rawValue) on \"\(text)\"")
    }
}

@Test(arguments: outcomePatterns) func outcomePattern(_ pattern: Pattern) throws { try check(pattern) }
@Test(arguments: effortPatterns) func effortPattern(_ pattern: Pattern) throws { try check(pattern) }

@Test func sarcasticPraiseIsNegative() throws {
    let result = try Scorer().score("Great, another two-hour wait.")
    #expect(result.scores.emotion < 0)
    #expect(sign(result.scores.effort) == -1)
}

@Test func negatedClauseIsNegative() throws {
    let result = try Scorer().score("I wouldn't say it was great")
    #expect(result.scores.emotion < 0)
}

@Test(arguments: ["easy care fabric", "an easy dress to wear", "the interface is slow"])
func productAttributesAreNoEffort(_ text: String) throws {
    #expect(try Scorer().score(text).scores.effort == nil)
}

/// How smooth a flight was is comfort, not the customer's work; a smooth check-in is effort.
@Test func aSmoothFlightIsNoEffortButASmoothCheckInIs() throws {
    let scorer = try Scorer()
    // Emotion: the phrases' valence ("smooth flight" 0.5 with "good" 0.4: 0.456).
    for (text, emotion) in [("Smooth flight with good views.", 0.456), ("The flight was very smooth.", 0.6), ("A bumpy landing in the rain.", -0.3)] {
        let result = try scorer.score(text)
        #expect(result.scores.effort == nil, "\(text)")
        #expect(abs(result.scores.emotion - emotion) < 0.001, "\(text)")
    }
    let checkIn = try scorer.score("Check-in was smooth.")
    #expect(abs((checkIn.scores.effort ?? 0) - 0.7) < 1e-9)
}

/// How well a process was organised is the customer's effort: they find their way through it
/// or fight it.
@Test(arguments: [("Absolute chaos at passport control.", -0.5), ("Tried to go here for lunch and it was a madhouse.", -0.4),
                  ("A very well organised airport.", 0.3)])
func processOrganisationIsEffort(_ text: String, _ effort: Double) throws {
    let result = try Scorer().score(text)
    #expect(abs((result.scores.effort ?? .nan) - effort) < 1e-9)
}

/// A failed connection, an item sent back and an item that does everything are outcomes: each
/// phrase's success, then the tone rule's (the comment's valence × outcomeToneWeight).
@Test(arguments: [("Connecting flights didn't connect.", "didn't connect", -0.6, -1.0), ("It's going back very soon!", "it's going back", -0.6, -1.0),
                  ("I returned it the next day.", "i returned it", -0.5, -0.8333), ("I love it. It does everything.", "it does everything", 0.7, 1.0)])
func connectionsReturnsAndWholeProductsAreOutcomes(_ text: String, _ term: String, _ contribution: Double, _ success: Double) throws {
    let scorer = try Scorer()
    let result = try scorer.score(text)
    #expect(abs((result.scores.success ?? .nan) - success) < 1e-4)
    let lexicon = try #require(result.evidence.first { $0.dimension == .success && $0.source == .lexicon })
    #expect(scorer.lexicon.entries[Int(lexicon.entry)].term == term)
    #expect(abs(lexicon.contribution - contribution) < 1e-9)
    #expect(result.evidence.contains { $0.dimension == .success && $0.source == .tone })
}

/// How long the customer has owned the item is no wait, and a quick question is no effort; a
/// learning curve is.
@Test func ownershipTimesAndQuickQuestionsAreNoEffortALearningCurveIs() throws {
    let scorer = try Scorer()
    for text in ["I've only had this a week but so far so good.", "We owned it for two years.", "It answers quick questions and plays music."] {
        #expect(try scorer.score(text).scores.effort == nil, "\(text)")
    }
    #expect(abs((try scorer.score("There is a steep learning curve.").scores.effort ?? .nan) - -0.6) < 1e-9)
    // A wait is still a wait after "had": the wait word is nearer.
    #expect((try scorer.score("We had a two day wait for the engineer.").scores.effort ?? 0) < 0)
}

/// Verdicts on whether the item does what it was bought for: "so far so good", "worth every
/// penny", "not what it says it is".
@Test(arguments: [("So far so good.", 0.5), ("Worth every penny.", 0.5), ("It's not what it says it is.", -0.7)])
func itemVerdictsAreOutcomes(_ text: String, _ contribution: Double) throws {
    let result = try Scorer().score(text)
    let lexicon = try #require(result.evidence.first { $0.dimension == .success && $0.source == .lexicon })
    #expect(abs(lexicon.contribution - contribution) < 1e-9)
    #expect((result.scores.success ?? 0) * contribution > 0)
}

/// What the item or service let the customer do is an outcome; not being able to is a failure.
@Test func beingAbleToDoSomethingIsAnOutcome() throws {
    let scorer = try Scorer()
    let able = try scorer.score("Love being able to read the lyrics of my favorite songs.")
    #expect(able.evidence.contains { $0.dimension == .success && $0.source == .lexicon && abs($0.contribution - 0.4) < 1e-9 })
    #expect((able.scores.success ?? 0) > 0)
    let unable = try scorer.score("Not being able to read the lyrics is annoying.")
    #expect(unable.evidence.contains { $0.dimension == .success && $0.source == .lexicon && abs($0.contribution - 0.4 * -0.74) < 1e-9 })
    #expect((unable.scores.success ?? 0) < 0)
}

/// A queue or line by its size: every size word in the singular and the plural.
@Test(arguments: [("Massive lines at immigration.", -0.7), ("Endless queues at security.", -0.7), ("No lines at customs.", 0.5), ("Short queues today.", 0.4)])
func queuesBySizeAreEffort(_ text: String, _ effort: Double) throws {
    #expect(abs((try Scorer().score(text).scores.effort ?? .nan) - effort) < 1e-9)
}

/// A limit the customer never had to wait past is a short wait ("never … more than a few
/// minutes"), read like one after a quick marker; its evidence starts at the negator, which
/// then negates nothing and "more" boosts nothing. Other negations keep a long wait long.
@Test(arguments: [("I never had to queue for more than a few minutes.", "never had to queue for more than a few minutes", 0.3455),
                  ("We didn't have to wait more than 5 minutes.", "didn't have to wait more than 5 minutes", 0.3170),
                  ("I never had to wait over 5 minutes.", "never had to wait over 5 minutes", 0.3170),
                  ("The queue was never more than 10 minutes.", "never more than 10 minutes", 0.2753),
                  ("I haven't had a reply for more than 2 weeks.", "2 weeks", -1.1122)])
func aNegatedLimitIsAShortWait(_ text: String, _ span: String, _ duration: Double) throws {
    let result = try Scorer().score(text)
    let evidence = try #require(result.evidence.first { $0.dimension == .effort && $0.source == .duration })
    #expect(result.text(evidence.start, evidence.end) == span)
    #expect(abs(evidence.contribution - duration) < 1e-4)
}

/// Flying in and out of a place names it both ways; "in and out in minutes" stays quick, and
/// "the flight itself was smooth" is comfort.
@Test func inAndOutOfAPlaceIsNoEffort() throws {
    let scorer = try Scorer()
    for text in ["We flew in and out of Dubai.", "The flight itself was very smooth."] {
        #expect(try scorer.score(text).scores.effort == nil, "\(text)")
    }
    #expect(abs((try scorer.score("In and out in ten minutes.").scores.effort ?? .nan) - 0.5801) < 1e-4)
}

/// Whether the item works: no trouble with it is an outcome, an item that overheats a failure,
/// and what it did for the customer ("done wonders") one too; a route ("on the way to work")
/// is no order on its way, and a matter given up on or not heard back about is unresolved.
@Test(arguments: [("Had no issues with it.", "no issues with it", 0.5), ("The phone gets extremely hot!", "gets extremely hot", -0.6),
                  ("My laptop overheats.", "overheats", -0.6), ("Physio has done wonders for my back.", "done wonders", 0.7),
                  ("Transferred five times. I give up.", "i give up", -0.7), ("Said he'd escalate. Haven't heard back.", "haven't heard back", -0.5)])
func itemWorkingAndMattersUnresolvedAreOutcomes(_ text: String, _ term: String, _ contribution: Double) throws {
    let scorer = try Scorer()
    let result = try scorer.score(text)
    let lexicon = try #require(result.evidence.first { $0.dimension == .success && $0.source == .lexicon })
    #expect(scorer.lexicon.entries[Int(lexicon.entry)].term == term)
    #expect(abs(lexicon.contribution - contribution) < 1e-9)
    #expect((result.scores.success ?? 0) * contribution > 0)
}

@Test func aRouteIsNoOrderOnItsWay() throws {
    let scorer = try Scorer()
    #expect(try scorer.score("Great place to grab a bagel on the way to work.").scores.success == nil)
    #expect((try scorer.score("My order is on the way.").scores.success ?? 0) > 0)
}

/// Instructions the customer has to do without, and how well a process is organised, are
/// effort ("very" intensifies: -0.5 × 1.3).
@Test(arguments: [("The instruction manual is lacking.", -0.4), ("No instructions in the box.", -0.5),
                  ("The bus to the aircraft was well organised.", 0.4), ("A very unorganised check-in.", -0.65)])
func instructionsAndOrganisationAreEffort(_ text: String, _ effort: Double) throws {
    let result = try Scorer().score(text)
    #expect(result.evidence.filter { $0.dimension == .effort }.count == 1)
    #expect(abs((result.scores.effort ?? .nan) - effort) < 1e-9)
}

/// What a price buys is no wait ("60 euros for 6 hours"), a flight's length given in two parts
/// is a length ("an hour and 50 min flight"); a gate number before "for" is no price.
@Test func pricePeriodsAndTwoPartLengthsAreNoWaits() throws {
    let scorer = try Scorer()
    for text in ["WiFi at EUR 5.00 for one hour.", "It cost us 60 euros for 6 hours.", "Paid $10 for 24 hours of wifi.", "An hour and 50 min flight."] {
        #expect(try scorer.score(text).evidence.allSatisfy { $0.source != .duration }, "\(text)")
    }
    let gate = try scorer.score("We sat at gate 12 for 3 hours.")
    #expect(abs((gate.scores.effort ?? .nan) - -0.776) < 1e-3)
}

/// The currencies and limits the duration rule reads are lexicon cues: a user's lexicon adds a
/// currency ("yen") and a limit ("beyond") with rows of its own.
@Test func currencyAndLimitAreLexiconCues() throws {
    var files = EmbeddedLexiconFiles.lexicons["en-cx"] ?? [:]
    let yen = "It cost 300 yen for 2 hours.", beyond = "I never had to wait beyond 5 minutes."
    func wait(_ scorer: Scorer, _ text: String) throws -> Evidence? {
        try scorer.score(text).evidence.first { $0.source == .duration }
    }
    // en-cx: a wait of 2 hours; "5 minutes" negated by "never" (a wait that did not happen).
    let plain = try Scorer()
    #expect(try wait(plain, yen) != nil)
    #expect(try wait(plain, beyond)?.adjustments.map(\.rule) == [.negation])
    files["model-cues.tsv", default: ""] += "yen\tcurrency\nbeyond\tlimit\n"
    let extended = try Scorer(lexicon: LexiconLoader.load(from: InMemoryLexiconSource(displayName: "t", files: files)))
    #expect(try wait(extended, yen) == nil)
    // A limit never waited past: a short wait, read after a quick marker, no negation.
    let limit = try #require(try wait(extended, beyond))
    #expect(limit.adjustments.isEmpty)
    #expect(abs(limit.contribution - 0.3170) < 1e-4, "\(limit.contribution)")
}

/// A duration in parts is one duration: "2 hours 30 minutes" is 150 minutes, one item of
/// evidence; "and a half" adds half the last unit; a larger unit after a smaller one starts
/// something else.
@Test(arguments: [("We waited 2 hours 30 minutes at the gate.", "2 hours 30 minutes", 150.0), ("We waited 2hrs 30mins at the gate.", "2hrs 30mins", 150),
                  ("On hold for an hour and a half.", "an hour and a half", 90), ("On hold for one hour and twenty minutes.", "one hour and twenty minutes", 80),
                  ("We waited 3 hours and 2 days later it broke.", "3 hours", 180)])
func aDurationInPartsIsOneDuration(_ text: String, _ span: String, _ minutes: Double) throws {
    let result = try Scorer().score(text)
    let durations = result.evidence.filter { $0.source == .duration }
    try #require(durations.count == 1)
    let bytes = Array(text.utf8)
    #expect(String(decoding: bytes[Int(durations[0].start)..<Int(durations[0].end)], as: UTF8.self) == span)
    #expect(durations[0].quantity == minutes)
}

/// "a 2 day medical appointment": a count and a unit in the singular after "a" are an
/// adjective, and one more word may stand before the thing measured; without "a" ("we waited
/// an hour the flight left") or with a delay word between, the duration is a wait.
@Test func anAttributiveDurationIsALength() throws {
    let scorer = try Scorer()
    for text in ["We came for a 2 day medical appointment.", "A 10 hour overnight flight."] {
        #expect(try scorer.score(text).evidence.allSatisfy { $0.source != .duration }, "\(text)")
    }
    for text in ["We waited an hour the flight left without us.", "Then a 2 hour delayed flight."] {
        #expect(try scorer.score(text).evidence.contains { $0.source == .duration }, "\(text)")
    }
}

/// In a comment that names a travel or hospitality setting (a `setting` cue), product words
/// are amenities: "the screen was superb" on a flight is no product verdict, on its own it is.
@Test func productWordsInATravelReviewAreAmenities() throws {
    let scorer = try Scorer()
    for text in ["Great flight, the screen was superb.", "The hotel room had a huge TV and the sound was great."] {
        #expect(try scorer.score(text).scores.success == nil, "\(text)")
    }
    let item = try scorer.score("The screen was superb.")
    #expect(item.evidence.contains { $0.dimension == .success && $0.source == .verdict })
    #expect(abs((item.scores.success ?? .nan) - 1) < 1e-9)
}

/// Outcomes told without an outcome word: done without trouble, regretted purchases, junk; and
/// "took a while" is effort.
@Test(arguments: [("The flight was acceptable without any problems.", Dimension.success, 0.7332),
                  ("I regret this purchase.", .success, -1), ("What possessed me to buy this junk?", .success, -1),
                  ("Ornamental non-working fireplace.", .success, -0.85), ("It took a while to get through.", .effort, -0.3)])
func outcomesWithoutOutcomeWords(_ text: String, _ dimension: Dimension, _ score: Double) throws {
    try expectScore(text, dimension, score)
}

/// Where a place is, and what marks a product easily, are no effort; a feature tricky to use,
/// long lines told after the noun, "all you have to do" and "no problem getting" are;
/// "no room in the seats" is space, not a missing room; a restored lobby and late January are no outcomes.
/// Outcomes told as repairs, expectations met, functioning and "too many issues".
@Test(arguments: [("The hotel is conveniently located near the station.", Dimension.effort, nil as Double?),
                  ("Great safe location, easily walk to shopping.", .effort, nil),
                  ("The case scratches easily.", .effort, nil), ("No room in the seats, completely squashed.", .success, nil),
                  ("The lobby was fully restored.", .success, nil), ("We stayed in late January.", .success, nil),
                  ("The text messaging feature is really tricky to use.", .effort, -0.78),
                  ("All he has to do is say her name.", .effort, 0.6), ("The lines were long at security.", .effort, -0.6),
                  ("No problem getting window seats.", .effort, 0.6),
                  ("Needs constant repair.", .success, -1), ("This little notebook has met all my expectations.", .success, 1),
                  ("The baggage system functioned well.", .success, 1), ("It has too many issues for me.", .success, -1)])
func locationsAttributesAndFunctioning(_ text: String, _ dimension: Dimension, _ score: Double?) throws {
    try expectScore(text, dimension, score)
}

/// A duration right after a `frame` cue is the span the comment looks back over, not a wait,
/// unless a wait word says what waited; a walking distance is a length.
@Test func timeFramesAndDistancesAreNoWaits() throws {
    let scorer = try Scorer()
    let taken = try scorer.score("The return still isn't done and has already taken weeks.")
    #expect(taken.evidence.contains { $0.source == .duration && $0.quantity == 20160 }, "taken + a bare plural unit")
    for text in ["I have had two separate experiences with them in the past couple of months.",
                 "I travelled through AKL over last two weeks on a family visit.",
                 "Located 20 mins walking distance from the sights.", "The station is 5 minutes away."] {
        #expect(try scorer.score(text).evidence.allSatisfy { $0.source != .duration }, "\(text)")
    }
    let hold = try scorer.score("I've been on hold for the last 45 minutes.")
    let wait = try #require(hold.evidence.first { $0.source == .duration })
    #expect(wait.dimension == .effort && abs(wait.contribution - -0.634) < 1e-3)
}

/// What did not happen is no failure: a wait that "would have" been needed was avoided, a
/// missed flight that "would mean" is imagined. Money wasted on an item, what it lets the
/// customer do told in the present, and a use not figured out yet are outcomes. A regret that
/// carries its own negation is not flipped by a stray "No" before it; fast food is no speed.
/// Being sent elsewhere and not knowing how to use an item are effort; being able to, ease.
/// An item like new and a trouble-free trip are outcomes; the late 1990s, nothing wrong, a
/// standard gone down, waiting to be processed and a late shift are not; nobody coming is a
/// failure and getting the hang of it a success; being told to call elsewhere is effort, and
/// "no problems at all" ease.
@Test(arguments: [("We would have had to wait an additional 2 hours.", Dimension.effort, 0.1606 as Double?),
                  ("A slight delay would mean missing my flight.", .success, -0.3168),
                  ("Thank you for wasting my money.", .success, -0.5135),
                  ("Im able to connect to prime quick", .success, 0.7518),
                  ("She is entertained for hours!", .effort, nil), ("She is entertained for hours!", .success, 1),
                  ("I haven't figured out how to make calls.", .effort, -0.6),
                  ("I haven't figured out how to make calls.", .success, -0.8286),
                  ("No youtube wouldn't have bought it if I had known", .success, -1),
                  ("The terminal has fast food outlets.", .effort, nil),
                  ("Customer service couldn't help, they told me to contact Sprint.", .effort, -0.5),
                  ("I don't know how to use it yet.", .effort, -0.5),
                  ("Love being able to message my doctor directly.", .effort, 0.3),
                  ("Just like new.", .success, 0.9327), ("We also returned trouble free.", .success, 1),
                  ("The rooms were renovated in the late 1990s.", .success, nil),
                  ("Nothing wrong with this airport.", .success, nil),
                  ("The standard of service has gone down.", .success, nil),
                  ("We waited with 3000 others to be processed.", .success, nil),
                  ("I work the late shift.", .success, nil), ("I asked three times. Nobody came.", .success, -1),
                  ("Got the hang of it in the end.", .success, 0.85),
                  ("Rang the number, got told to call another number.", .effort, -0.5),
                  ("Used the bag drop at the airport, no problems at all.", .effort, 0.4)])
func avoidedFailuresAndPresentUses(_ text: String, _ dimension: Dimension, _ score: Double?) throws {
    try expectScore(text, dimension, score)
}

/// `text`'s effort or success score with the default scorer: `score` within 1e-4, or no score
/// when `score` is nil.
private func expectScore(_ text: String, _ dimension: Dimension, _ score: Double?,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let scores = try Scorer().score(text).scores
    let value = dimension == .success ? scores.success : scores.effort
    if let score {
        #expect(abs((value ?? .nan) - score) < 1e-4, "\(text): \(String(describing: value))", sourceLocation: sourceLocation)
    } else {
        #expect(value == nil, "\(text): \(String(describing: value))", sourceLocation: sourceLocation)
    }
}
