import Domain

/// SplitMix64 (Steele, Lea and Flood, 2014): a generator fixed by its seed, so the demo province is
/// the same on every machine and every run. The standard library's generator cannot be seeded, and
/// its `random(in:using:)` may change how it maps bits to ranges between Swift releases, so the
/// mapping to ranges is written here too.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform over `range`; the modulo bias is below 1e-15 for ranges this small.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % width)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(UInt64(1) << 53) < p
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    /// One of `items`, each as likely as its weight.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var roll = int(0...(items.reduce(0) { $0 + $1.1 } - 1))
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// A day in `from...to`.
    mutating func day(_ from: LocalDate, _ to: LocalDate) -> LocalDate {
        from.adding(days: int(0...max(0, from.days(until: to))))
    }

    /// A day of `year` (days 1–28, so every month has it).
    mutating func day(in year: Int) -> LocalDate {
        LocalDate(year: year, month: int(1...12), day: int(1...28))!
    }
}
