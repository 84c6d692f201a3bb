/// SM3, the Chinese national hash (GB/T 32905-2016), and HMAC-SM3 (RFC 2104 over SM3). Pure Swift, so that the
/// 国密 algorithms GB/T 39786 expects need nothing outside the toolchain.
public struct SM3 {
    public static let digestSize = 32
    static let blockSize = 64

    private var state: [UInt32] = [
        0x7380_166F, 0x4914_B2B9, 0x1724_42D7, 0xDA8A_0600, 0xA96F_30BC, 0x1631_38AA, 0xE38D_EE4D, 0xB0FB_0E4E,
    ]
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SM3()
        hasher.update(bytes)
        return hasher.finalize()
    }

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let bytes = Array(bytes)
        length &+= UInt64(bytes.count) * 8
        var start = 0
        if !buffer.isEmpty {
            start = min(Self.blockSize - buffer.count, bytes.count)
            buffer += bytes[0..<start]
            guard buffer.count == Self.blockSize else { return }
            compress(buffer[...])
            buffer.removeAll(keepingCapacity: true)
        }
        while bytes.count - start >= Self.blockSize {
            compress(bytes[start..<start + Self.blockSize])
            start += Self.blockSize
        }
        buffer += bytes[start...]
    }

    public mutating func finalize() -> [UInt8] {
        let bits = length
        var tail = buffer + [0x80]
        while tail.count % Self.blockSize != 56 { tail.append(0) }
        tail += (0..<8).map { UInt8(truncatingIfNeeded: bits >> (56 - 8 * $0)) }
        for start in stride(from: 0, to: tail.count, by: Self.blockSize) {
            compress(tail[start..<start + Self.blockSize])
        }
        return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
    }

    private mutating func compress(_ block: ArraySlice<UInt8>) {
        func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << (n % 32)) | (x >> ((32 - n % 32) % 32)) }
        func p0(_ x: UInt32) -> UInt32 { x ^ rotl(x, 9) ^ rotl(x, 17) }
        func p1(_ x: UInt32) -> UInt32 { x ^ rotl(x, 15) ^ rotl(x, 23) }
        var w = [UInt32](repeating: 0, count: 68)
        for j in 0..<16 {
            let at = block.startIndex + 4 * j
            w[j] =
                UInt32(block[at]) << 24 | UInt32(block[at + 1]) << 16 | UInt32(block[at + 2]) << 8
                | UInt32(block[at + 3])
        }
        for j in 16..<68 {
            w[j] = p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^ w[j - 6]
        }
        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        for j in 0..<64 {
            let t: UInt32 = j < 16 ? 0x79CC_4519 : 0x7A87_9D8A
            let ss1 = rotl(rotl(a, 12) &+ e &+ rotl(t, UInt32(j)), 7)
            let ss2 = ss1 ^ rotl(a, 12)
            let ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c)
            let gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g)
            let tt1 = ff &+ d &+ ss2 &+ (w[j] ^ w[j + 4])
            let tt2 = gg &+ h &+ ss1 &+ w[j]
            d = c
            c = rotl(b, 9)
            b = a
            a = tt1
            h = g
            g = rotl(f, 19)
            f = e
            e = p0(tt2)
        }
        for (index, value) in [a, b, c, d, e, f, g, h].enumerated() { state[index] ^= value }
    }

    /// HMAC-SM3 of `message` under `key`.
    public static func hmac(key: some Collection<UInt8>, _ message: some Sequence<UInt8>) -> [UInt8] {
        var mac = HMAC(key: key)
        mac.update(message)
        return mac.finalize()
    }

    /// HMAC-SM3 (RFC 2104) over a message given in pieces.
    public struct HMAC {
        private var inner = SM3()
        private var outer = SM3()

        public init(key: some Collection<UInt8>) {
            var block = key.count > SM3.blockSize ? SM3.hash(key) : Array(key)
            block += [UInt8](repeating: 0, count: SM3.blockSize - block.count)
            inner.update(block.map { $0 ^ 0x36 })
            outer.update(block.map { $0 ^ 0x5C })
        }

        public mutating func update(_ bytes: some Sequence<UInt8>) { inner.update(bytes) }

        public mutating func finalize() -> [UInt8] {
            outer.update(inner.finalize())
            return outer.finalize()
        }
    }
}
