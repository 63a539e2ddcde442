import PerceiveKit

/// `fuzz-scorer`: scores any bytes (decoded as UTF-8 with replacement, as the CLI does) with
/// the embedded lexicon in the locale picked by the first byte, and checks the score, JSON
/// and CSV properties (``checkScore``, ``checkJSON``, ``checkCSV``) and the explanation.
public enum ScorerFuzzTarget {
    nonisolated(unsafe) static var scorers: [String: Scorer] = [:]
    nonisolated(unsafe) static var formatter: ScoreFormatter?

    public static func run(_ data: UnsafeRawBufferPointer) {
        let (locale, raw) = localeAndText(data)
        let scorer: Scorer
        if let s = scorers[locale] {
            scorer = s
        } else {
            guard let s = try? Scorer(locale: locale) else { FuzzCheck.fail("no scorer for locale \(String(reflecting: locale))") }
            scorers[locale] = s
            scorer = s
        }
        let formatter = Self.formatter ?? ScoreFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters)
        Self.formatter = formatter
        let text = String(decoding: raw, as: UTF8.self)
        let label = "locale \(String(reflecting: locale))"
        do {
            let result = try scorer.score(text)
            FuzzCheck.require(result.text == text, "\(label): the result's text differs from the input")
            checkScore(result, scorer: scorer, label: label)
            checkJSON(result, formatter: formatter, label: label)
            checkCSV(result, formatter: formatter, label: label)
            let (analysis, again) = try scorer.analysis(of: text)
            FuzzCheck.require(again.scores == result.scores && again.evidence == result.evidence,
                              "\(label): scoring again gave another result")
            let explanation = ExplanationFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters).text(analysis, again)
            FuzzCheck.require(!explanation.isEmpty, "\(label): empty explanation")
        } catch {
            FuzzCheck.fail("\(label): score threw \(error)")
        }
    }
}
