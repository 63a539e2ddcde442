import Testing
@testable import PerceiveKit

/// ``ByteHashTable``: keys of up to 8 bytes are held in their slot, longer ones are compared
/// with their bytes; either way a lookup finds exactly the key inserted, never one that shares
/// a prefix, a length or (for long keys) the first 8 bytes.
@Suite struct ByteHashTableTests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func findsEachKeyItHoldsAndNoOther() {
        var table = ByteHashTable(minimumCapacity: 1)  // grows several times below
        let keys = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghij", "customer service",
                    "customer support", "n't", "don't", "café", "日本語", "a\u{0}", "\u{0}"]
        for (k, key) in keys.enumerated() { #expect(table.insert(bytes(key), value: Int32(k)) == Int32(k)) }
        #expect(table.count == keys.count)
        for (k, key) in keys.enumerated() { #expect(table.value(for: bytes(key)) == Int32(k), "\(key)") }
        // Absent: the same first 8 bytes, a prefix, one byte more or less, another case.
        for absent in ["abcdefghk", "abcdefgh ", "abcdef", "customer servic", "customer servicE", "b", "A", "\u{0}\u{0}",
                       "日本", "cafe"] {
            #expect(table.value(for: bytes(absent)) == nil, "\(absent)")
        }
    }

    @Test func insertingAKeyAgainKeepsItsFirstValue() {
        var table = ByteHashTable()
        #expect(table.insert(bytes("hold"), value: 7) == 7)
        #expect(table.insert(bytes("hold"), value: 9) == 7)
        #expect(table.count == 1 && table.value(for: bytes("hold")) == 7)
    }

    @Test func manyKeysSurviveGrowth() {
        var table = ByteHashTable(minimumCapacity: 4)
        let keys = (0..<5000).map { "w\($0)" + String(repeating: "x", count: $0 % 13) }
        for (k, key) in keys.enumerated() { table.insert(bytes(key), value: Int32(k)) }
        #expect(keys.enumerated().allSatisfy { table.value(for: bytes($1)) == Int32($0) })
        #expect(table.value(for: bytes("w5000")) == nil && table.value(for: bytes("w1xx")) == nil)
    }
}
