import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014) for the scale generator: fixed by its seed, so the same
/// seed gives the same province on every machine. Streams: a unit's records draw from their own
/// generator (`ScaleRandom(seed:stream:)`), so the order in which units are written never changes
/// what they hold. Never the system generator, whose mapping to ranges may change between releases.
public struct ScaleRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// The generator of one stream (a table and a unit, say) of a seed.
    public init(seed: UInt64, stream: UInt64, _ part: UInt64 = 0) {
        func mix(_ x: UInt64) -> UInt64 {
            var generator = ScaleRandom(seed: x)
            return generator.next()
        }
        state = mix(mix(mix(seed ^ 0x5DEE_CE66_D1CE_4E5B) ^ (stream &* 0x9E37_79B9_7F4A_7C15)) ^ (part &* 0xC2B2_AE3D_27D4_EB4F))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    /// Uniform over `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % width)
    }

    /// Uniform in [low, high).
    public mutating func double(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    /// A whole number with mean `mean`: the floor, plus one with the fraction's probability.
    public mutating func count(mean: Double) -> Int {
        let whole = Int(mean.rounded(.down))
        return whole + (chance(mean - Double(whole)) ? 1 : 0)
    }

    /// One of `items`, each as likely as its weight.
    public mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var roll = int(0...(items.reduce(0) { $0 + $1.1 } - 1))
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }
}

/// Pure distributions of the generator.
public enum ScaleDistribution {
    /// `total` split into `parts` skewed sizes within `bounds` that add up to exactly `total`
    /// (sizes drawn as low + span·u^skew, then nudged one by one until the sum is right).
    public static func sizes(total: Int, parts: Int, bounds: ClosedRange<Int>, skew: Double,
                             random: inout ScaleRandom) -> [Int] {
        precondition(parts > 0 && parts * bounds.lowerBound <= total && total <= parts * bounds.upperBound,
                     "\(total) cannot be split into \(parts) parts within \(bounds)")
        let span = Double(bounds.upperBound - bounds.lowerBound)
        var sizes = (0..<parts).map { _ in bounds.lowerBound + Int(span * pow(random.unit(), skew)) }
        var sum = sizes.reduce(0, +)
        // Scale towards the total first, then settle the last units one at a time.
        let factor = Double(total - parts * bounds.lowerBound) / Double(max(1, sum - parts * bounds.lowerBound))
        sizes = sizes.map { min(bounds.upperBound, bounds.lowerBound + Int(Double($0 - bounds.lowerBound) * factor)) }
        sum = sizes.reduce(0, +)
        while sum != total {
            let i = random.int(0...(parts - 1))
            if sum < total, sizes[i] < bounds.upperBound { sizes[i] += 1; sum += 1 }
            else if sum > total, sizes[i] > bounds.lowerBound { sizes[i] -= 1; sum -= 1 }
        }
        return sizes
    }
}
