/// Durations lower effort or success with their length: "45 minutes on hold", "three weeks",
/// "2 hrs", "half an hour", "waited hours".
///
/// What waited decides the dimension, by the nearest cue in the sentence: a `wait-context`
/// cue (hold, queue, line, reply) makes it effort; a `delay-context` cue (delayed, late,
/// overdue) makes it success, × ``Parameters/delaySuccessWeight``; a `process-context` cue
/// (delivery, arrive, refund) success, × ``Parameters/processDurationWeight``; a duration with
/// none of them (a flight's length) weighs ``Parameters/unattributedDurationWeight`` on effort.
/// A bare plural unit counts only after a `duration-lead` cue ("for hours", "took weeks").
/// A duration that gives the length of a thing is skipped: one followed by a `measured` cue
/// ("a 2 hr flight", "a 3-day trip"), or by "long" without a wait word ("5 hours long"), and
/// so is one just after a `stay` word ("stayed 3 days", "spent 2 weeks in Rome").
///
/// A duration is a count (digits or a `number` cue word; "half an" multiplies, "twenty five"
/// adds, "2-3" takes the larger) before a `duration-unit` cue, or a token such as "45mins".
/// A bare plural unit counts as ``Parameters/vagueDurationCount``. The effort penalty for `m`
/// minutes is `durationMaximumPenalty × m^k / (m^k + h^k)` with `k = durationCurveExponent` and
/// `h = durationHalfPenaltyMinutes`. After a `quick` cue ("within", "only") the duration is an
/// effort bonus instead: ``Parameters/quickDurationBonus`` × (1 − penalty / max), so a short
/// quick duration helps and a long one ("delivered in 3 weeks") hardly does. Durations followed by an `ago`
/// cue ("3 weeks ago") are dates, not waits, and are skipped. A duration in parts is one
/// ("2 hours 30 minutes", "an hour and a half": ``rest(after:unit:_:_:)``); a limit the customer
/// never had to wait past reads as quick ("never … more than a few minutes"); what a price buys
/// is skipped ("60 euros for 6 hours"). A duration right before an `early` cue ("30 mins
/// early", "an hour ahead of schedule") is time gained, not waited: ``Parameters/quickDurationBonus``
/// toward success when the service's schedule is what it measures (a delay or process word:
/// "landed 20 minutes early") and it is at most ``Parameters/earlyScheduleMaximumMinutes``;
/// nothing otherwise ("we got there two hours early", "I arrived 3 hours early for check-in":
/// the customer's own timing).
public struct DurationRule: ScoringRule {
    public var id: RuleID { .duration }
    public init() {}

    /// The effort penalty (≥ 0) for a duration of `minutes`.
    public static func penalty(minutes: Double, _ p: Parameters) -> Double {
        guard minutes > 0 else { return 0 }
        let mk = Foundation.pow(minutes, p.durationCurveExponent)
        let hk = Foundation.pow(p.durationHalfPenaltyMinutes, p.durationCurveExponent)
        return p.durationMaximumPenalty * mk / (mk + hk)
    }

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let lexicon = context.lexicon
        let p = context.parameters
        let tokens = analysis.tokens
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            // "45mins", "2hrs": digits glued to a unit.
            if tokens[i].kind == .word, let (count, unit) = gluedDuration(at: i, analysis, lexicon) {
                let (more, end) = rest(after: i + 1, unit: unit, analysis, lexicon)
                record(count * unit + more, first: i, end: end, &analysis, context)
                i = end - 1
                continue
            }
            guard let match = analysis.match(startingAt: i) else { continue }
            let entry = lexicon.info[Int(match.entry)]
            guard let unit = entry.cueValue(.durationUnit) else { continue }
            let (more, end) = rest(after: Int(match.end), unit: unit, analysis, lexicon)
            var first = i
            var values: [Double] = []
            var j = i - 1
            if j >= 0 && analysis.tokenIs(j, "of") { j -= 1 }   // "a couple of hours"
            while j >= 0 && tokens[j].sentence == tokens[i].sentence {
                if let value = analysis.numberValue(at: j, lexicon) {
                    values.append(value)
                    first = j
                    j -= 1
                } else if (analysis.tokenIs(j, "-") || analysis.tokenIs(j, "to")) && !values.isEmpty && j > 0
                            && analysis.numberValue(at: j - 1, lexicon) != nil {
                    // "2-3 days", "2 to 3 days": the larger bound is the nearer one, already read.
                    first = j - 1
                    j -= 2
                    break
                } else {
                    break
                }
            }
            let count: Double
            if values.isEmpty {
                let folded = analysis.tokenized.folded[Int(tokens[end - 1].foldStart)..<Int(tokens[end - 1].foldEnd)]
                guard folded.last == UInt8(ascii: "s") else { continue }   // "hour" alone says no length
                // "for hours", "took weeks", "waited days": not "the unused months".
                guard i > 0, tokens[i - 1].sentence == tokens[i].sentence,
                      lexicon.singleTokenCues(analysis.vocabulary[i - 1]).contains(.durationLead) else { continue }
                count = p.vagueDurationCount
            } else {
                count = Self.combine(values.reversed())
            }
            record(count * unit + more, first: first, end: end, &analysis, context)
            i = end - 1
        }
    }

    /// The smaller parts that continue a duration ending before `end` in `unit` minutes, as
    /// one duration: "2 hours 30 minutes", "2hrs 30mins", "one hour and twenty minutes", "an
    /// hour and a half" (half the last unit). Returns their minutes and where they end (`end`
    /// itself, and 0, when nothing continues it). Each part must be in a smaller unit than the
    /// one before, so "3 hours, 2 days later" is not one duration.
    func rest(after end: Int, unit: Double, _ analysis: Analysis, _ lexicon: Lexicon) -> (minutes: Double, end: Int) {
        let tokens = analysis.tokens
        guard end > 0, end < tokens.count else { return (0, end) }
        let sentence = tokens[end - 1].sentence
        var minutes = 0.0, last = unit, k = end
        while k < tokens.count && tokens[k].sentence == sentence {
            var j = k
            let and = analysis.tokenIs(j, "and")
            if and { j += 1 }
            guard j < tokens.count, tokens[j].sentence == sentence else { break }
            if and, j + 1 < tokens.count, analysis.tokenIs(j, "a"), analysis.tokenIs(j + 1, "half") {
                minutes += last / 2
                k = j + 2
                break
            }
            if let (count, partUnit) = gluedDuration(at: j, analysis, lexicon) {
                guard partUnit < last else { break }
                minutes += count * partUnit
                last = partUnit
                k = j + 1
                continue
            }
            var values: [Double] = []
            var m = j
            while m < tokens.count, tokens[m].sentence == sentence, let value = analysis.numberValue(at: m, lexicon) {
                values.append(value)
                m += 1
            }
            guard !values.isEmpty, m < tokens.count, tokens[m].sentence == sentence,
                  let match = analysis.match(startingAt: m), let partUnit = lexicon.info[Int(match.entry)].cueValue(.durationUnit),
                  partUnit < last else { break }
            minutes += Self.combine(values) * partUnit
            last = partUnit
            k = Int(match.end)
        }
        return (minutes, k)
    }

    /// Combines number words read left to right: a fraction multiplies what follows ("half
    /// an" = 0.5), a small number after a tens word adds ("twenty five"), else the last wins.
    static func combine(_ values: [Double]) -> Double {
        var total = values[0]
        for value in values.dropFirst() {
            if total < 1 { total *= value }
            else if total >= 20 && total.truncatingRemainder(dividingBy: 10) == 0 && value < 10 { total += value }
            else if value >= 100 { total *= value }
            else { total = value }
        }
        return total
    }

    /// "45mins" → (45, 1): leading ASCII digits, then a unit the lexicon knows.
    private func gluedDuration(at index: Int, _ analysis: Analysis, _ lexicon: Lexicon) -> (Double, Double)? {
        let token = analysis.tokens[index]
        let folded = analysis.tokenized.folded
        var k = Int(token.foldStart)
        let end = Int(token.foldEnd)
        guard k < end, folded[k] &- 0x30 < 10 else { return nil }
        while k < end && (folded[k] &- 0x30 < 10 || folded[k] == 0x2E) { k += 1 }
        guard k < end, let count = Analysis.parseDigits(folded[Int(token.foldStart)..<k]) else { return nil }
        let id = folded.withUnsafeBufferPointer { lexicon.vocabularyID(UnsafeBufferPointer(rebasing: $0[k..<end])) }
        guard id >= 0 else { return nil }
        let unit = [id].withUnsafeBufferPointer { ids in lexicon.longestMatch(in: ids, at: 0) }
        guard let unit, let minutes = lexicon.info[Int(unit.entry)].cueValue(.durationUnit) else { return nil }
        return (count, minutes)
    }

    private func record(_ minutes: Double, first: Int, end: Int, _ analysis: inout Analysis, _ context: RuleContext) {
        let p = context.parameters
        // What follows the duration: "3 weeks ago" (and "2hrs ago") is a date, not a wait;
        // "20 minutes early" is time gained (below).
        let after = end < analysis.tokens.count ? analysis.cues(at: end, context.lexicon).cues : CueSet()
        if after.contains(.ago) { return }
        let attribution = Self.attribution(first: first, end: end, analysis, context.lexicon)
        if isLength(first: first, end: end, attribution, analysis, context.lexicon)
            || isStay(minutes, first: first, end: end, analysis, context.lexicon)
            || isPricePeriod(first: first, analysis, context.lexicon)
            || (attribution == nil && isTimeFrame(first: first, analysis, context.lexicon)) { return }
        if after.contains(.early) {
            guard attribution == .delay || attribution == .process, minutes <= p.earlyScheduleMaximumMinutes else { return }
            analysis.addEvidence(.success, source: .duration, entry: -1, first: Int32(first), end: Int32(end),
                                 base: p.quickDurationBonus, quantity: minutes)
            return
        }
        // A quick marker among the tokens just before the duration, in its clause; looked
        // up per token, so "within" counts even inside a phrase such as "answered within",
        // and as a phrase starting at the token ("less than").
        var quick = false
        var t = first - 1
        var seen = 0
        let sentence = analysis.tokenized.tokens[first].sentence
        while t >= 0 && seen < p.quickMarkerWindow {
            let token = analysis.tokenized.tokens[t]
            if token.sentence != sentence || analysis.isClauseBreak[t] { break }
            if token.kind != .punctuation {
                seen += 1
                if context.lexicon.singleTokenCues(analysis.vocabulary[t]).contains(.quick) { quick = true; break }
                // A quick phrase ("less than", "no more than") starting here.
                if let m = analysis.match(startingAt: t), context.lexicon.info[Int(m.entry)].cues.contains(.quick) { quick = true; break }
            }
            t -= 1
        }
        // A limit never waited past: quick, and the evidence starts at its negator, which is
        // then part of the cue and negates nothing ("never … more than 5 minutes").
        var start = first
        if !quick, let negator = negatedLimit(first: first, analysis, context) { quick = true; start = negator }
        // After a quick marker the duration is a bonus that shrinks as it grows: "within 5
        // minutes" is quick, "in 3 weeks" is not (the penalty's complement scales it).
        let penalty = Self.penalty(minutes: minutes, p)
        var base = quick ? p.quickDurationBonus * (1 - penalty / p.durationMaximumPenalty) : -penalty
        // What waited: the customer (a wait word: effort) or the service (a delay word: success).
        let dimension: Dimension
        switch attribution {
        case .wait: dimension = .effort
        case .delay:
            dimension = .success
            if !quick { base *= p.delaySuccessWeight }
        case .process:
            dimension = .success
            if !quick { base *= p.processDurationWeight }
        case nil:
            dimension = .effort
            if !quick { base *= p.unattributedDurationWeight }
        }
        guard base != 0 else { return }
        analysis.addEvidence(dimension, source: .duration, entry: -1, first: Int32(start), end: Int32(end), base: base, quantity: minutes)
    }

    /// The negator's token when the duration is a limit the customer never had to wait past:
    /// a `limit` cue right before it ("over", the "than" of "more than" or "longer than"), and
    /// earlier in its clause (at most six words) "never", or a negator before a `burden` cue
    /// ("never had to queue for more than a few minutes", "the queue was never more than 10
    /// minutes", "didn't have to wait over 5 minutes"). Read like a duration after a quick
    /// marker. Other negations are not: "haven't had a reply for more than 2 weeks" is a long
    /// wait.
    func negatedLimit(first: Int, _ analysis: Analysis, _ context: RuleContext) -> Int? {
        let lexicon = context.lexicon
        var t = first - 1
        let sentence = analysis.tokens[first].sentence
        guard t >= 1, analysis.tokens[t].sentence == sentence,
              lexicon.singleTokenCues(analysis.vocabulary[t]).contains(.limit) else { return nil }
        // "more than": the comparative goes with the limit.
        t -= analysis.tokenIs(t, "than") ? 2 : 1
        var seen = 0
        var burden = false
        while t >= 0 && seen < 6 {
            let token = analysis.tokens[t]
            if token.sentence != sentence || analysis.isClauseBreak[t] { return nil }
            if token.kind != .punctuation {
                seen += 1
                if analysis.tokenIs(t, "never") { return t }
                // The word itself, not the longest match at it ("didn't have to wait" is a phrase).
                let entry = lexicon.singleEntryID(analysis.vocabulary[t])
                if burden && entry >= 0 && lexicon.info[Int(entry)].shifter == .negator { return t }
                // Looked up, not read from the comment's matches: "have to" may sit inside one.
                let found = analysis.vocabulary.withUnsafeBufferPointer { lexicon.longestMatch(in: $0, at: t) }
                if let found, lexicon.info[Int(found.entry)].cues.contains(.burden) { burden = true }
            }
            t -= 1
        }
        return nil
    }

    /// True when a `frame` cue is the word right before the duration ("over the past 2-3
    /// months", "last two weeks"): the span the comment looks back or ahead over.
    func isTimeFrame(first: Int, _ analysis: Analysis, _ lexicon: Lexicon) -> Bool {
        let t = first - 1
        guard t >= 0, analysis.tokens[t].sentence == analysis.tokens[first].sentence else { return false }
        return lexicon.singleTokenCues(analysis.vocabulary[t]).contains(.frame)
    }

    /// True when the duration is what a price buys, not a wait: "for" right before it, and a
    /// `currency` cue just before that, with or without its amount ("EUR 5.00 for one hour",
    /// "60 euros for 6 hours", "$10 for 24 hours"; not "sat at gate 12 for 3 hours").
    func isPricePeriod(first: Int, _ analysis: Analysis, _ lexicon: Lexicon) -> Bool {
        let tokens = analysis.tokens
        let t = first - 1
        guard t >= 1, tokens[t].sentence == tokens[first].sentence, analysis.tokenIs(t, "for") else { return false }
        func isCurrency(_ i: Int) -> Bool {
            guard i >= 0, tokens[i].sentence == tokens[first].sentence else { return false }
            return lexicon.singleTokenCues(analysis.vocabulary[i]).contains(.currency)
        }
        if isCurrency(t - 1) { return true }
        return tokens[t - 1].kind == .number && (isCurrency(t - 2) || isCurrency(t - 3))
    }

    /// True when the duration ending before `end` is the length of a thing, not a wait: a
    /// `measured` word follows it ("a 2 hr flight", "a 3-day trip", "a 10 minute walk"), or
    /// "long" does and no wait word is in reach ("the flight was 5 hours long", but "the queue
    /// was an hour long" is a wait). `end` is past the whole duration, its smaller parts
    /// included (``rest(after:unit:_:_:)``: "a 1hr 40 min flight", "an hour and 50 min flight").
    func isLength(first: Int, end: Int, _ attribution: Attribution?, _ analysis: Analysis, _ lexicon: Lexicon) -> Bool {
        var next = end
        let tokens = analysis.tokens
        let sentence = tokens[end - 1].sentence
        guard next < tokens.count, tokens[next].sentence == sentence else { return false }
        if analysis.tokenIs(next, "-") { next += 1 }
        guard next < tokens.count, tokens[next].sentence == sentence else { return false }
        if lexicon.singleTokenCues(analysis.vocabulary[next]).contains(.measured) { return true }
        // "a" and a count before a unit in the singular make an adjective: one more word may
        // stand before the thing measured ("a 2 day medical appointment", "a 10 hour overnight
        // flight"; not "we waited an hour the flight left").
        let unit = tokens[end - 1]
        let attributive = (first > 0 && analysis.tokenIs(first - 1, "a"))
            || (analysis.tokenIs(first, "a") && first + 1 < end && tokens[first + 1].kind == .number)
        let between = lexicon.singleTokenCues(analysis.vocabulary[next])
        if attributive, analysis.tokenized.folded[Int(unit.foldEnd) - 1] != UInt8(ascii: "s"), next + 1 < tokens.count,
           tokens[next + 1].sentence == sentence, tokens[next].kind == .word,
           !between.contains(.delayContext), !between.contains(.waitContext),   // "a 2 hour delayed flight" is a delay
           lexicon.singleTokenCues(analysis.vocabulary[next + 1]).contains(.measured) {
            return true
        }
        return analysis.tokenIs(next, "long") && attribution != .wait
    }

    /// True when the duration `first..<end` is how long the customer stayed somewhere: a day
    /// or more, a `stay` word ("stayed", "spent", "holiday") at most four words before it in its
    /// clause, and no wait word between them or in the four words after it ("we stayed 3 days",
    /// "spent 2 weeks in Rome"; but "spent 2 days in the queue" and "spent 2 hours trying to
    /// log in" are waits).
    func isStay(_ minutes: Double, first: Int, end: Int, _ analysis: Analysis, _ lexicon: Lexicon) -> Bool {
        guard minutes >= 1440 else { return false }
        let tokens = analysis.tokens
        let sentence = tokens[first].sentence
        func cues(_ i: Int) -> CueSet {
            let single = lexicon.singleTokenCues(analysis.vocabulary[i])
            guard analysis.matchAt[i] >= 0 else { return single }
            return CueSet(rawValue: single.rawValue | lexicon.info[Int(analysis.matches[Int(analysis.matchAt[i])].entry)].cues.rawValue)
        }
        var j = end, after = 0
        while j < tokens.count && after < 4 && tokens[j].sentence == sentence && !analysis.isClauseBreak[j] {
            if cues(j).contains(.waitContext) { return false }
            if tokens[j].kind != .punctuation { after += 1 }
            j += 1
        }
        var i = first - 1, words = 0
        while i >= 0 && words < 4 && tokens[i].sentence == sentence && !analysis.isClauseBreak[i] {
            let here = cues(i)
            if here.contains(.waitContext) { return false }
            if here.contains(.stay) { return true }
            if tokens[i].kind != .punctuation { words += 1 }
            i -= 1
        }
        return false
    }

    /// What a duration measures, from the nearest `wait-context` or `delay-context` cue in its
    /// sentence (a tie goes to the wait); nil when its sentence has neither.
    enum Attribution { case wait, delay, process }

    static func attribution(first: Int, end: Int, _ analysis: Analysis, _ lexicon: Lexicon) -> Attribution? {
        let tokens = analysis.tokens
        let sentence = tokens[first].sentence
        var best: (distance: Int, kind: Attribution)?
        func consider(_ index: Int, _ distance: Int) {
            let cues: CueSet
            if let m = analysis.match(startingAt: index) { cues = lexicon.info[Int(m.entry)].cues } else { cues = lexicon.singleTokenCues(analysis.vocabulary[index]) }
            // Word by word too, so "delayed" inside a longer phrase still counts.
            let single = lexicon.singleTokenCues(analysis.vocabulary[index])
            let all = CueSet(rawValue: cues.rawValue | single.rawValue)
            let kind: Attribution
            if all.contains(.waitContext) { kind = .wait }
            else if all.contains(.delayContext) { kind = .delay }
            else if all.contains(.processContext) { kind = .process }
            else { return }
            if best == nil || distance < best!.distance || (distance == best!.distance && kind == .wait) { best = (distance, kind) }
        }
        var i = first - 1
        while i >= 0 && tokens[i].sentence == sentence { consider(i, first - i); i -= 1 }
        i = end
        while i < tokens.count && tokens[i].sentence == sentence { consider(i, i - end + 1); i += 1 }
        return best?.kind
    }
}

import Foundation
