import Testing
@testable import PerceiveKit

@Suite struct TokenizerTests {
    func tokens(_ text: String, locale: String = "en") throws -> [(String, TokenKind, String)] {
        let tokenizer = try Tokenizer(locale: locale)
        let result = try tokenizer.tokenize(text)
        let bytes = Array(text.utf8)
        return result.tokens.indices.map { i in
            let t = result.tokens[i]
            return (String(decoding: bytes[Int(t.start)..<Int(t.end)], as: UTF8.self), t.kind, result.foldedText(of: i))
        }
    }

    @Test func englishWordsNumbersPunctuationAndEmoticons() throws {
        let t = try tokens("I waited 45 mins, DON'T call :-( 👍🏽")
        #expect(t.map(\.0) == ["I", "waited", "45", "mins", ",", "DON'T", "call", ":", "-", "(", "👍🏽"])
        #expect(t.map(\.1) == [.word, .word, .number, .word, .punctuation, .word, .word, .punctuation, .punctuation, .punctuation, .symbol])
        #expect(t[5].2 == "don't")
        #expect(t[10].2 == "👍", "skin-tone modifiers are dropped when folding")
    }

    @Test func foldingUsesNFKCAndTypographicApostrophes() throws {
        let t = try tokens("Ｇｒｅａｔ don’t STRASSE Straße")
        #expect(t.map(\.2) == ["great", "don't", "strasse", "strasse"])
    }

    @Test func capitalsAreFlagged() throws {
        let tokenizer = try Tokenizer()
        let result = try tokenizer.tokenize("VERY good I OK")
        #expect(result.tokens.map(\.isAllCaps) == [true, false, false, true])
    }

    @Test func tokensCoverTheTextInOrderWithoutOverlap() throws {
        let text = "Hello,  world!\n\nIt's   2.5 hrs… ＯＫ？ 😡😡"
        let tokenizer = try Tokenizer()
        let result = try tokenizer.tokenize(text)
        var previousEnd: Int32 = 0
        let bytes = Array(text.utf8)
        for token in result.tokens {
            #expect(token.start >= previousEnd && token.end > token.start)
            // Whatever lies between tokens is white space.
            let gap = String(decoding: bytes[Int(previousEnd)..<Int(token.start)], as: UTF8.self)
            #expect(gap.allSatisfy { $0.isWhitespace })
            previousEnd = token.end
        }
    }

    @Test func sentencesSplitWhereICUSays() throws {
        let tokenizer = try Tokenizer()
        let result = try tokenizer.tokenize("Great app. Terrible delivery! Why? no end")
        #expect(result.sentences.count == 4)
        #expect(result.sentences.map(\.firstToken) == [0, 3, 6, 8])
        let one = try tokenizer.tokenize("no terminator here at all")
        #expect(one.sentences.count == 1 && one.sentences[0].end == 25)
    }

    @Test func japaneseSegmentsIntoWords() throws {
        let t = try tokens("サポートの対応はとても良かったです。", locale: "ja")
        #expect(t.map(\.0) == ["サポート", "の", "対応", "は", "とても", "良", "か", "っ", "た", "です", "。"])
        #expect(t.first?.1 == .ideographic)
    }

    @Test func thaiSegmentsIntoWords() throws {
        let t = try tokens("บริการดีมากครับ", locale: "th")
        #expect(t.map(\.0) == ["บริการ", "ดี", "มาก", "ครับ"])
    }

    @Test func chineseSegmentsIntoWords() throws {
        let t = try tokens("客服态度很好", locale: "zh")
        #expect(t.count >= 3 && t.count < 6)
        #expect(t.map(\.0).joined() == "客服态度很好")
    }

    @Test func emptyAndWhitespaceOnlyTextHaveNoTokens() throws {
        let tokenizer = try Tokenizer()
        #expect(try tokenizer.tokenize("").tokens.isEmpty)
        #expect(try tokenizer.tokenize(" \n\t ").tokens.isEmpty)
    }
}
