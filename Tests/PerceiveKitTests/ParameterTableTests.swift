import Testing
@testable import PerceiveKit

/// `perceive params --group …`: one group alone, or several under their names.
@Suite struct ParameterTableTests {
    @Test func oneGroupIsItsTableOrObjectAlone() {
        #expect(ParameterTable.text(groups: [.bench]) == ParameterTable.text(BenchParameters.standard.descriptors))
        #expect(ParameterTable.json(groups: [.bench]) == ParameterTable.json(BenchParameters.standard.descriptors))
    }

    @Test func severalGroupsAreNamed() {
        let segments = ParameterTable.text(SegmentParameters.standard.descriptors)
        let bench = ParameterTable.text(BenchParameters.standard.descriptors)
        #expect(ParameterTable.text(groups: [.segments, .bench]) == "# segments\n" + segments + "\n# bench\n" + bench)
        #expect(ParameterTable.json(groups: [.segments, .bench]) == "{\"segments\":" + ParameterTable.json(SegmentParameters.standard.descriptors)
                + ",\"bench\":" + ParameterTable.json(BenchParameters.standard.descriptors) + "}")
        #expect(ParameterTable.json(groups: [.bench]).hasPrefix("{\"seed\":42,\"bootstrapSamples\":1000,"))
    }
}
