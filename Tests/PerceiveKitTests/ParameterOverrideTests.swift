import Testing
@testable import PerceiveKit

@Test func setOverridesNamedParameters() throws {
    let changed = try Parameters.standard.overriding(["negationWindow=5", "productVerdictWeight=0.25"])
    #expect(changed.negationWindow == 5)
    #expect(changed.productVerdictWeight == 0.25)
    var expected = Parameters.standard
    expected.negationWindow = 5
    expected.productVerdictWeight = 0.25
    #expect(changed == expected)
}

@Test func setRefusesUnknownNamesAndBadValues() {
    #expect(throws: ParameterError("--set nope=1: no parameter named \"nope\" (see `perceive params`)")) {
        try Parameters.standard.overriding(["nope=1"])
    }
    #expect(throws: ParameterError("--set negationWindow=2.5: negationWindow takes a whole number")) {
        try Parameters.standard.overriding(["negationWindow=2.5"])
    }
    #expect(throws: ParameterError("--set negationFactor=x: expected a number")) {
        try Parameters.standard.overriding(["negationFactor=x"])
    }
    #expect(throws: ParameterError("--set negationFactor: expected NAME=VALUE")) {
        try Parameters.standard.overriding(["negationFactor"])
    }
}
