/// Kinds of valence shifter. Each kind is handled by one rule.
public enum ShifterKind: String, Sendable, CaseIterable, Codable {
    /// Flips and dampens what follows it in its clause ("not", "never", "no one").
    case negator
    /// Raises the magnitude of what follows ("very", "extremely"), by the entry's weight.
    case intensifier
    /// Lowers the magnitude of what follows ("slightly", "kind of"), by the entry's weight.
    case diminisher
    /// What precedes it in the sentence weighs less ("but", "however").
    case contrast
    /// The clause it opens weighs less ("although", "even though").
    case concessive
}

/// Vocabulary the customer-experience rules read (see `lexicons/README.md`).
public enum CueKind: String, Sendable, CaseIterable, Codable {
    case durationUnit = "duration-unit"
    case number
    case count
    case times
    case ordinal
    case contact
    case `repeat`
    case transfer
    case persistence
    case resolution
    case firstTime = "first-time"
    case quick
    case ago
    /// Something the customer came for (flight, bag, order, refund, seat, answer): ``OutcomeRule``.
    case goal
    /// The item itself in a product review (product, device, speaker): its verdicts are outcomes.
    case product
    /// Receiving or having a goal ("got", "have", "received"): ``OutcomeRule``.
    case obtain
    /// An inability marker ("can't", "unable to", "won't let me"): ``BlockedActionRule``.
    case blocked
    /// A burden marker ("had to", "kept", "trying to"): ``BlockedActionRule``.
    case burden
    /// A customer action the markers above act on ("log in", "get through", "connect").
    case action
    /// A word that says a duration is the service being late (delayed, late, overdue): success.
    case delayContext = "delay-context"
    /// A word that says a duration is how long the service took (delivery, arrive, refund):
    /// success, weighing less than lateness.
    case processContext = "process-context"
    /// A word that lets a bare plural unit stand for a duration ("for hours", "took weeks").
    case durationLead = "duration-lead"
    /// A word that says a duration is the customer waiting (hold, queue, line, reply): effort.
    case waitContext = "wait-context"
    /// A phrase that makes the positive words before it sarcastic ("another", "just what I needed").
    case sarcasm
    /// A thing a duration just before it measures ("a 2 hr flight", "a 3-day trip", "a 5 minute
    /// walk"): the duration is a length, not a wait or a delay, and ``DurationRule`` skips it.
    case measured
    /// A service action done for the customer ("rebooked", "reset", "found"): success when the
    /// customer or a goal is its object (``ServiceActionRule``).
    case done
    /// A marker that the outcome after it has not happened: a need, a hope, a condition, a
    /// request or a promise ("need to", "hoping", "if", "asked for", "would be"):
    /// ``UnrealizedOutcomeRule``.
    case unrealized
    /// A word after which a duration is how long the customer stayed somewhere ("stayed",
    /// "spent", "holiday"): ``DurationRule`` skips it unless a wait word is nearer.
    case stay
    /// A currency word or symbol ("$", "euros", "quid"): a duration after it and "for" is what
    /// a price buys ("EUR 5.00 for one hour"), not a wait (``DurationRule``).
    case currency
    /// A word that makes the duration after it a limit ("over 5 minutes", the "than" of "more
    /// than a few minutes"): negated, the wait was short (``DurationRule``).
    case limit
    /// A word naming a travel or hospitality setting (flight, airport, hotel, cabin crew): in a
    /// comment that has one, product words ("screen", "sound", "unit", "product") name amenities
    /// of the service, not a reviewed item, and make no product verdicts (``OutcomeRule``).
    case setting
    /// A word after which a duration is a span of time the comment looks back or ahead over
    /// ("over the past 2 months", "last two weeks"): ``DurationRule`` skips a duration right
    /// after it unless a wait or delay word says what waited.
    case frame
    /// A marker that what follows it in its clause did not happen: "would have", "could have",
    /// "would mean". A failure or a burden after it was avoided or only imagined ("we would have
    /// had to wait two hours", "a delay would mean missing my flight"): ``UnrealizedOutcomeRule``
    /// turns it by ``Parameters/counterfactualFactor``.
    case counterfactual
    /// A word after which the duration before it is time gained on a schedule ("30 mins early",
    /// "an hour ahead of schedule"), not waited (``DurationRule``).
    case early

    /// The kind's bit in a ``CueSet``: its position among the cases (a switch, not a search:
    /// rules ask for it on every token).
    @inline(__always)
    var bit: UInt64 {
        let position: UInt64
        switch self {
        case .durationUnit: position = 0
        case .number: position = 1
        case .count: position = 2
        case .times: position = 3
        case .ordinal: position = 4
        case .contact: position = 5
        case .repeat: position = 6
        case .transfer: position = 7
        case .persistence: position = 8
        case .resolution: position = 9
        case .firstTime: position = 10
        case .quick: position = 11
        case .ago: position = 12
        case .goal: position = 13
        case .product: position = 14
        case .obtain: position = 15
        case .blocked: position = 16
        case .burden: position = 17
        case .action: position = 18
        case .delayContext: position = 19
        case .processContext: position = 20
        case .durationLead: position = 21
        case .waitContext: position = 22
        case .sarcasm: position = 23
        case .measured: position = 24
        case .done: position = 25
        case .unrealized: position = 26
        case .stay: position = 27
        case .currency: position = 28
        case .limit: position = 29
        case .setting: position = 30
        case .frame: position = 31
        case .counterfactual: position = 32
        case .early: position = 33
        }
        return 1 << position
    }
}

/// A set of cue kinds, as bits.
public struct CueSet: Sendable, Equatable {
    public var rawValue: UInt64
    public init(rawValue: UInt64 = 0) { self.rawValue = rawValue }
    public func contains(_ kind: CueKind) -> Bool { rawValue & kind.bit != 0 }
    mutating func insert(_ kind: CueKind) { rawValue |= kind.bit }
    public var isEmpty: Bool { rawValue == 0 }
    public var kinds: [CueKind] {
        var kinds: [CueKind] = []
        for kind in CueKind.allCases where contains(kind) { kinds.append(kind) }
        return kinds
    }
}

/// A named emotion category and its place in Plutchik's and Ekman's sets.
public struct EmotionCategory: Sendable, Codable, Equatable {
    public var name: String
    public var plutchik: String
    public var ekman: String?

    public init(name: String, plutchik: String, ekman: String?) {
        self.name = name
        self.plutchik = plutchik
        self.ekman = ekman
    }
}

/// A named emotion on a lexicon entry: a category (index into ``Lexicon/categories``) and an
/// intensity in (0, 1].
public struct EmotionWeight: Sendable, Equatable {
    public var category: Int
    public var intensity: Double
}

/// Where a lexicon line came from, for messages.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var description: String { "\(file):\(line)" }
}

/// One term of a lexicon (a word or a phrase) with all it says: scores, shifter role, cues.
public struct LexiconEntry: Sendable {
    /// The term as written in the lexicon file.
    public var term: String
    /// Number of tokens the term has after tokenization.
    public var tokenCount: Int
    public var valence: Double?
    public var effort: Double?
    public var success: Double?
    public var emotions: [EmotionWeight] = []
    public var shifter: ShifterKind?
    public var shifterWeight: Double?
    public var cues = CueSet()
    /// The value of each cue kind that has one (minutes, a number, a count).
    public var cueValues: [CueKind: Double] = [:]
    /// Where the scores were defined (nil for an entry that is only a shifter or cue).
    public var termLocation: SourceLocation?
    public var shifterLocation: SourceLocation?

    /// True when the entry scores at least one dimension or emotion.
    public var isScored: Bool { valence != nil || effort != nil || success != nil || !emotions.isEmpty }

    public func cueValue(_ kind: CueKind) -> Double? { cueValues[kind] }
}

/// The part of a ``LexiconEntry`` the rules read on every comment, as a trivial value type
/// (no reference counting on the hot path). ``Lexicon/info`` has one per entry.
public struct EntryInfo: Sendable {
    public var valence: Double?
    public var effort: Double?
    public var success: Double?
    /// Range of the entry's named emotions in ``Lexicon/emotionWeights``.
    public var emotionStart: Int32
    public var emotionCount: Int32
    public var shifter: ShifterKind?
    public var shifterWeight: Double?
    public var cues: CueSet
    public var minutes: Double?
    public var number: Double?
    public var count: Double?
    public var ordinal: Double?

    public var isScored: Bool { valence != nil || effort != nil || success != nil || emotionCount > 0 }

    /// Cue kinds that rules read word by word (``Lexicon/singleTokenCues(_:)``), never as a
    /// match: common words ("for", "have", "get", "call") that only carry these cues make no
    /// match of their own, so they cost the other rules nothing.
    static let wordCues = CueSet(rawValue: CueKind.durationLead.bit | CueKind.waitContext.bit | CueKind.delayContext.bit
        | CueKind.processContext.bit | CueKind.obtain.bit | CueKind.action.bit | CueKind.measured.bit
        | CueKind.done.bit | CueKind.stay.bit | CueKind.currency.bit | CueKind.limit.bit
        | CueKind.setting.bit | CueKind.frame.bit | CueKind.early.bit)

    /// A one-word entry that is neither scored nor a shifter and carries only ``wordCues``.
    public var isWordCueOnly: Bool {
        !isScored && shifter == nil && !cues.isEmpty && cues.rawValue & ~Self.wordCues.rawValue == 0
    }

    /// The value of a cue kind that has one.
    @inline(__always)
    public func cueValue(_ kind: CueKind) -> Double? {
        switch kind {
        case .durationUnit: minutes
        case .number: number
        case .count: count
        case .ordinal: ordinal
        default: nil
        }
    }

    init(_ entry: LexiconEntry, emotionStart: Int) {
        valence = entry.valence
        effort = entry.effort
        success = entry.success
        self.emotionStart = Int32(emotionStart)
        emotionCount = Int32(entry.emotions.count)
        shifter = entry.shifter
        shifterWeight = entry.shifterWeight
        cues = entry.cues
        minutes = entry.cueValues[.durationUnit]
        number = entry.cueValues[.number]
        count = entry.cueValues[.count]
        ordinal = entry.cueValues[.ordinal]
    }
}
