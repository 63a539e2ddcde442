/// An array's elements copied once into memory of their own that never changes, so hot loops
/// read them through a plain pointer: no reference counting, no uniqueness or bounds checks.
/// The memory lives as long as the instance; whoever reads ``buffer`` keeps the instance alive.
final class VADERFrozenBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
    private let memory: UnsafeMutablePointer<Element>

    init(_ elements: [Element]) {
        let memory = UnsafeMutablePointer<Element>.allocate(capacity: max(1, elements.count))
        elements.withUnsafeBufferPointer { if let base = $0.baseAddress { memory.initialize(from: base, count: $0.count) } }
        self.memory = memory
        buffer = UnsafeBufferPointer(start: memory, count: elements.count)
    }

    deinit {
        memory.deinitialize(count: buffer.count)
        memory.deallocate()
    }
}
