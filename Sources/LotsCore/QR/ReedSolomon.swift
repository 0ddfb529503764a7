/// Reed–Solomon error correction codewords as QR codes use them: systematic, over GF(256),
/// with the generator polynomial (x - α^0)(x - α^1)…(x - α^(n-1)).
enum ReedSolomon {
    /// Coefficients from the highest power down, leading 1 included, so the result reads like ISO/IEC 18004 Annex A.
    static func generator(degree: Int) -> [UInt8] {
        precondition(degree >= 1 && degree < 255)
        var polynomial: [UInt8] = [1]
        for root in 0..<degree {
            let alpha = GaloisField.exp[root]
            var next = polynomial + [0]
            for index in polynomial.indices {
                next[index + 1] ^= GaloisField.multiply(polynomial[index], alpha)
            }
            polynomial = next
        }
        return polynomial
    }

    /// The remainder of data·x^n divided by the generator: the n error correction codewords.
    static func remainder(of data: [UInt8], generator: [UInt8]) -> [UInt8] {
        let degree = generator.count - 1
        var remainder = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in 0..<degree {
                remainder[index] ^= GaloisField.multiply(generator[index + 1], factor)
            }
        }
        return remainder
    }
}
