/// Content-Transfer-Encoding of a part (RFC 2045), with decoders over bytes.
package enum TransferDecoding: Sendable, Hashable {
    case sevenBit
    case eightBit
    case binary
    case quotedPrintable
    case base64
    /// An encoding we do not know; the bytes pass through unchanged.
    case other(String)

    /// Parses a Content-Transfer-Encoding value; nil value (missing header) means 7bit.
    package init(headerValue: (some Collection<UInt8>)?) {
        guard let headerValue else {
            self = .sevenBit
            return
        }
        let token = HeaderText.firstToken(headerValue)
        switch ASCII.lowercasedString(token) {
        case "", "7bit": self = .sevenBit
        case "8bit": self = .eightBit
        case "binary": self = .binary
        case "quoted-printable": self = .quotedPrintable
        case "base64": self = .base64
        case let name: self = .other(name)
        }
    }

    /// Decodes `bytes` in this encoding; 7bit, 8bit, binary and unknown encodings pass through.
    package func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        switch self {
        case .quotedPrintable: TransferDecoding.quotedPrintable(bytes)
        case .base64: TransferDecoding.base64(bytes)
        case .sevenBit, .eightBit, .binary, .other: Array(bytes)
        }
    }

    /// Quoted-printable: `=XX` (either case), soft line breaks `=` before CRLF, LF or CR (white
    /// space between them tolerated); an `=` that starts neither is kept literally.
    ///
    /// - Complexity: O(*n*).
    package static func quotedPrintable(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        input.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                guard byte == ASCII.equals else {
                    output.append(byte)
                    index += 1
                    continue
                }
                if index + 2 < count, let high = ASCII.hexValue(buffer[index + 1]),
                    let low = ASCII.hexValue(buffer[index + 2])
                {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                // Soft line break: "=" then optional blanks then a line end (or the end of input).
                var probe = index + 1
                while probe < count, ASCII.isBlank(buffer[probe]) { probe += 1 }
                if probe >= count {
                    index = count
                } else if buffer[probe] == ASCII.lf {
                    index = probe + 1
                } else if buffer[probe] == ASCII.cr {
                    index = probe + 1 < count && buffer[probe + 1] == ASCII.lf ? probe + 2 : probe + 1
                } else {
                    output.append(byte)
                    index += 1
                }
            }
        }
        return output
    }

    /// Base64 that ignores white space and any other byte outside the alphabet, and tolerates
    /// missing or misplaced padding (left-over bits are dropped).
    ///
    /// - Complexity: O(*n*).
    package static func base64(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4 + 3)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value = base64Values[Int(byte)]
            if value == 0xFF { continue }
            accumulator = (accumulator << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }

    /// The 6-bit value of each byte of the base64 alphabet; 0xFF for every other byte.
    private static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()
}
