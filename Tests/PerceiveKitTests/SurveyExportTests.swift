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

    /// The message a selection of `wanted` gets when it names several columns, or nil when it opens.
    static func refusal(_ text: String, _ options: TabularInputOptions) throws -> String? {
        let path = try CSVCommentReaderTests.file(Array(text.utf8), "dup.csv")
        do {
            _ = try TabularInput(path: path, options: options)
            return nil
        } catch {
            #expect(error.file == path && error.line == 1 && error.column == 1)
            return error.message
        }
    }

    /// A header with duplicate names: selecting the name is refused (which column was meant?),
    /// naming both positions; --text-column, --id-column and --by alike.
    @Test func duplicateColumnNameSelectedByNameIsRefused() throws {
        let text = "id,comment,region,comment\n1,good,EU,bad\n"
        let message = "expected one column named \"comment\", found 2: column 2 (\"comment\") and column 4 (\"comment\"); "
            + "select one by its 1-based position instead (2 or 4)"
        #expect(try Self.refusal(text, TabularInputOptions(format: .csv, textColumns: [ColumnSelector("comment")])) == message)
        #expect(try Self.refusal(text, TabularInputOptions(format: .csv, textColumns: [ColumnSelector("2")], idColumn: ColumnSelector("comment"))) == message)
        #expect(try Self.refusal(text, TabularInputOptions(format: .csv, textColumns: [ColumnSelector("2")], byColumns: [ColumnSelector("comment")])) == message)
        #expect(try Self.refusal("a,x,x,x\n", TabularInputOptions(format: .csv, textColumns: [ColumnSelector("x")]))
                == "expected one column named \"x\", found 3: column 2 (\"x\"), column 3 (\"x\") and column 4 (\"x\"); select one by its 1-based position instead (2, 3 or 4)")
    }

    /// Names that differ only in case or spaces are told apart by an exact match; a selection
    /// that fits them only loosely is refused.
    @Test func duplicateColumnNamesUpToCaseNeedAnExactName() throws {
        let text = "id,Comment, comment\n1,good,bad\n"
        let (_, rows) = try Self.rows(text, TabularInputOptions(format: .csv, textColumns: [ColumnSelector(" comment")]))
        #expect(rows.first?.texts == ["bad"])
        #expect(try Self.refusal(text, TabularInputOptions(format: .csv, textColumns: [ColumnSelector("COMMENT")]))
                == "expected one column named \"COMMENT\", found 2: column 2 (\"Comment\") and column 3 (\" comment\"); select one by its 1-based position instead (2 or 3)")
    }

    /// A Qualtrics question text shared by two columns is as ambiguous as a duplicate name.
    @Test func duplicateQuestionTextIsRefused() throws {
        let text = """
            ResponseId,Q1,Q2
            Response ID,Why?,Why?
            "{""ImportId"":""_recordId""}","{""ImportId"":""QID1_TEXT""}","{""ImportId"":""QID2_TEXT""}"
            R_1,good,bad

            """
        #expect(try Self.refusal(text, TabularInputOptions(format: .csv, textColumns: [ColumnSelector("Why?")]))
                == "expected one column named \"Why?\", found 2: column 2 (\"Q1\") and column 3 (\"Q2\"); select one by its 1-based position instead (2 or 3)")
        let (_, rows) = try Self.rows(text, TabularInputOptions(format: .csv, textColumns: [ColumnSelector("Q2")]))
        #expect(rows.map(\.texts) == [["bad"]])
    }

    /// Duplicates that are not selected are fine: kept in the header and in each row's cells.
    @Test func duplicateColumnsNotSelectedAreKept() throws {
        let text = "id,note,comment,note\n1,a,good,b\n"
        let (input, rows) = try Self.rows(text, TabularInputOptions(format: .csv, textColumns: [ColumnSelector("comment")],
                                                                    byColumns: [ColumnSelector("4")]))
        #expect(input.header == ["id", "note", "comment", "note"])
        #expect(input.byLabels == ["note"])
        #expect(rows.map(\.cells) == [["1", "a", "good", "b"]])
        #expect(rows.map(\.texts) == [["good"]] && rows.map(\.segments) == [["b"]])
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
