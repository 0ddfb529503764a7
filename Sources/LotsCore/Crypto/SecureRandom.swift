import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Random nonces, identifiers and keys for bulk work (an import seals a million fields and makes two hundred
/// thousand ids), drawn from the operating system's random source 4 KiB at a time. One system call per value
/// (swift-crypto's nonces and keys), or an open, read and close of /dev/urandom per `UUID()` (Foundation on
/// Linux), measured as a quarter of the time spent sealing an import. The bytes are the kernel's CSPRNG
/// output either way; each is handed out once and overwritten in the pool.
public enum SecureRandom {
    private static let pool = RandomPool()

    static func nonce() -> AES.GCM.Nonce {
        // Twelve bytes are always a valid nonce size.
        pool.take(12) { try! AES.GCM.Nonce(data: $0) }
    }

    /// A random (version 4) UUID, as `UUID()` makes.
    public static func uuid() -> UUID {
        pool.take(16) { bytes in
            var raw = Array(bytes)
            raw[6] = (raw[6] & 0x0F) | 0x40
            raw[8] = (raw[8] & 0x3F) | 0x80
            return UUID(uuid: (raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                               raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]))
        }
    }

    /// A fresh 256-bit key, as `SymmetricKey(size: .bits256)` makes.
    public static func key() -> SymmetricKey {
        pool.take(32) { SymmetricKey(data: $0) }
    }
}

private final class RandomPool: @unchecked Sendable {
    private static let size = 4096
    private let lock = NSLock()
    private var bytes = [UInt8](repeating: 0, count: RandomPool.size)
    private var used = RandomPool.size

    /// `count` fresh bytes, given to `make` and then wiped from the pool.
    func take<Value>(_ count: Int, _ make: (ArraySlice<UInt8>) -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if used + count > Self.size {
            Self.fill(&bytes)
            used = 0
        }
        let range = used..<(used + count)
        used += count
        let value = make(bytes[range])
        bytes.replaceSubrange(range, with: repeatElement(0, count: count))
        return value
    }

    private static func fill(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            #if canImport(Glibc)
            // getentropy gives at most 256 bytes per call (the kernel's getrandom, without blocking once seeded).
            for offset in stride(from: 0, to: buffer.count, by: 256) {
                guard getentropy(buffer.baseAddress! + offset, min(256, buffer.count - offset)) == 0 else {
                    fatalError("the system's random source failed (errno \(errno))")
                }
            }
            #else
            arc4random_buf(buffer.baseAddress!, buffer.count)
            #endif
        }
    }
}
