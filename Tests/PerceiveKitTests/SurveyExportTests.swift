import Foundation
import Testing
@testable import PerceiveKit

/// Survey-tool exports (fixtures written by us in the shape of Qualtrics and SurveyMonkey
/// exports), JSON Lines and column selection.
@Suite struct SurveyExportTests {
    static func rows(_ text: String, name: String = "export.csv", _ options: TabularInputOptions) throws -> (TabularInput, [InputRow]) {
        let path = try CSVCommentReaderTests.file(Array(text.utf8), name)
        let input = try TabularInput(path: path, options: options)
        var rows: [InputRow] = []
        while let row = try input.next() { rows.append(row) }
        return (input, rows)
    }

    static let qualtrics = """
        StartDate,EndDate,ResponseId,Q1,Q7,Region
        Start Date,End Date,Response ID,How likely are you to recommend us?,What could we do better?,Region
        "{""ImportId"":""startDate"",""timeZone"":""America/Denver""}","{""ImportId"":""endDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID7_TEXT""}","{""ImportId"":""QID9""}"
        2026-01-02,2026-01-02,R_1,9,"Quick and easy, thanks",North
        2026-01-03,2026-01-03,R_2,2,"On hold for an hour.
        Still not fixed.",South

        """

    @Test func qualtricsExtraHeaderRowsAreSkipped() throws {
        let options = TabularInputOptions(format: .csv, textColumns: [ColumnSelector("Q7")], idColumn: ColumnSelector("ResponseId"),
                                          byColumns: [ColumnSelector("Region")])
        let (input, rows) = try Self.rows(Self.qualtrics, options)
        #expect(input.exportKind == .qualtrics)
        #expect(input.skippedHeaderRows == 2)
        #expect(rows.map(\.id) == ["R_1", "R_2"])
        #expect(rows.map(\.texts) == [["Quick and easy, thanks"], ["On hold for an hour.\nStill not fixed."]])
        #expect(rows.map(\.segments) == [["North"], ["South"]])
        #expect(rows.map(\.line) == [4, 5])
        #expect(rows.allSatisfy { $0.error == nil })
    }

    @Test func qualtricsColumnsCanBeNamedByQuestionText() throws {
        let options = TabularInputOptions(format: .csv, textColumns: [ColumnSelector("What could we do better?")])
        let (input, rows) = try Self.rows(Self.qualtrics, options)
        #expect(input.textLabels == ["Q7"])
        #expect(rows.first?.texts == ["Quick and easy, thanks"])
    }

    static let surveyMonkey = """
        Respondent ID,Collector ID,Start Date,End Date,Which channel did you use?,,Anything else you'd like to tell us?
        ,,,,Phone,Chat,Open-Ended Response
        114,4401,01/02/2026,01/02/2026,Phone,,The agent was great
        115,4401,01/03/2026,01/03/2026,,Chat,Waited 40 minutes for a reply

        """

    @Test func surveyMonkeySecondHeaderRowIsSkipped() throws {
        let options = TabularInputOptions(format: .csv, textColumns: [ColumnSelector("Anything else you'd like to tell us?")],
                                          idColumn: ColumnSelector("Respondent ID"),
                                          byColumns: [ColumnSelector("Which channel did you use? - Chat")])
        let (input, rows) = try Self.rows(Self.surveyMonkey, options)
        #expect(input.exportKind == .surveyMonkey)
        #expect(input.skippedHeaderRows == 1)
        #expect(rows.map(\.id) == ["114", "115"])
        #expect(rows.map(\.texts) == [["The agent was great"], ["Waited 40 minutes for a reply"]])
        #expect(rows.map(\.segments) == [[""], ["Chat"]])
    }

    @Test func columnsByPositionAndSeveralTextColumns() throws {
        let text = "id,a,b\n1,good,bad\n"
        let (input, rows) = try Self.rows(text, TabularInputOptions(format: .csv, textColumns: [ColumnSelector("3"), ColumnSelector("a")]))
        #expect(input.textLabels == ["b", "a"])
        #expect(rows.first?.texts == ["bad", "good"])
    }

    @Test func missingColumnIsRefusedWithFileLineColumn() throws {
        let path = try CSVCommentReaderTests.file(Array("id,text\n1,x\n".utf8), "e.csv")
        do {
            _ = try TabularInput(path: path, options: TabularInputOptions(format: .csv, textColumns: [ColumnSelector("Comment")]))
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(path):1:1: expected a column named \"Comment\" or a position 1…2; the columns are \"id\", \"text\"")
        }
    }

    @Test func jsonLinesWithDottedPathsAndBadLines() throws {
        let text = """
            {"id":"a1","response":{"comment":"Fast refund","region":"North"}}
            not json
            {"id":"a3","response":{"region":"South"}}
            {"id":7,"response":{"comment":"Too slow","region":"West"}}
            """
        let options = TabularInputOptions(format: .jsonl, textColumns: [ColumnSelector("response.comment")], idColumn: ColumnSelector("id"),
                                          byColumns: [ColumnSelector("response.region")])
        let (_, rows) = try Self.rows(text, name: "r.jsonl", options)
        #expect(rows.count == 4)
        #expect(rows.map(\.id) == ["a1", "2", "a3", "7"])
        #expect(rows[0].texts == ["Fast refund"] && rows[0].segments == ["North"])
        #expect(rows[1].error?.message == "expected a JSON object")
        #expect(rows[2].error?.message == "expected a field \"response.comment\"")
        #expect(rows[3].texts == ["Too slow"] && rows[3].error == nil)
    }

    @Test func formatIsDetectedFromTheExtension() {
        #expect(InputFormat.detect(path: "a.CSV") == .csv)
        #expect(InputFormat.detect(path: "a.tsv") == .tsv)
        #expect(InputFormat.detect(path: "a.ndjson") == .jsonl)
        #expect(InputFormat.detect(path: "a.txt") == .text)
        #expect(InputFormat.detect(path: "-") == .text)
    }
}
