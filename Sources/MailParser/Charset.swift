import Glibc

/// Decodes bytes in a named character set to a String.
///
/// UTF-8, US-ASCII and ISO-8859-1 are decoded in Swift; every other charset goes through glibc
/// iconv. Invalid or truncated sequences become U+FFFD and never stop decoding. A charset iconv
/// does not know is decoded as ISO-8859-1, with a problem.
///
/// iconv descriptors are opened per call (glibc caches the conversion modules, so an open costs
/// microseconds) which keeps decoding safe on any number of threads without shared state.
package struct Charset: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case utf8
        case ascii
        case latin1
        /// A name handed to iconv.
        case iconv(String)
    }

    package var kind: Kind
    /// The name as given (trimmed, lower-cased) for messages.
    package var label: String
    /// A problem with the name itself (unknown charset), if any.
    package var nameProblem: String?

    /// Resolves a charset label: any case, quotes and RFC 2231 `*lang` suffix removed, common aliases mapped.
    package init(label rawLabel: some Collection<UInt8>) {
        var bytes = Array(rawLabel)
        if let star = bytes.firstIndex(of: ASCII.asterisk) { bytes.removeSubrange(star...) }
        let label = ASCII.lowercasedString(bytes.filter { !ASCII.isWhitespace($0) && $0 != ASCII.quote })
        self.label = label
        self.nameProblem = nil
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8":
            kind = .utf8
        case "", "us-ascii", "ascii", "ansi_x3.4-1968", "us", "iso646-us", "646":
            kind = .ascii
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819":
            kind = .latin1
        case "ks_c_5601-1987", "ks_c_5601", "ksc5601", "ks_c_5601-1989", "euc-kr":
            kind = .iconv("CP949")
        case "gb2312", "gbk", "x-gbk", "gb_2312-80", "euc-cn", "cp936":
            kind = .iconv("GB18030")
        case "x-unknown", "unknown", "unknown-8bit", "x-user-defined", "default", "8bit", "charset":
            kind = .latin1
            nameProblem = "unknown charset '\(label)' decoded as ISO-8859-1"
        default:
            kind = Charset.iconvKnows(label) ? .iconv(label) : .latin1
            if case .latin1 = kind { nameProblem = "unknown charset '\(label)' decoded as ISO-8859-1" }
        }
    }

    package init(_ label: String) { self.init(label: Array(label.utf8)) }

    /// Decodes `bytes`; the problems say what was replaced or guessed.
    package func decode(_ bytes: some Collection<UInt8>) -> (text: String, problems: [String]) {
        var problems: [String] = nameProblem.map { [$0] } ?? []
        switch kind {
        case .utf8, .ascii:
            let text = Charset.decodeUTF8(bytes)
            if !text.valid {
                problems.append("invalid \(kind == .ascii ? "8-bit bytes in US-ASCII" : "UTF-8") replaced")
            }
            return (text.string, problems)
        case .latin1:
            return (Charset.decodeLatin1(bytes), problems)
        case .iconv(let name):
            guard let converted = Charset.convert(Array(bytes), from: name) else {
                problems.append("charset '\(label)' unusable, decoded as ISO-8859-1")
                return (Charset.decodeLatin1(bytes), problems)
            }
            if converted.replaced { problems.append("invalid \(label) bytes replaced") }
            return (String(decoding: converted.utf8, as: UTF8.self), problems)
        }
    }

    /// UTF-8 decoding with U+FFFD for invalid sequences; `valid` is false when any was replaced.
    package static func decodeUTF8(_ bytes: some Collection<UInt8>) -> (string: String, valid: Bool) {
        if let string = bytes.withContiguousStorageIfAvailable({ String(validating: $0, as: UTF8.self) })
            ?? String(validating: Array(bytes), as: UTF8.self)
        {
            return (string, true)
        }
        return (String(decoding: bytes, as: UTF8.self), false)
    }

    /// ISO-8859-1: every byte is the code point of the same value.
    package static func decodeLatin1(_ bytes: some Collection<UInt8>) -> String {
        if let string = bytes.withContiguousStorageIfAvailable(decodeLatin1(buffer:)) { return string }
        return Array(bytes).withUnsafeBufferPointer(decodeLatin1(buffer:))
    }

    private static func decodeLatin1(buffer: UnsafeBufferPointer<UInt8>) -> String {
        var extra = 0
        for byte in buffer where byte >= 0x80 { extra += 1 }
        return String(unsafeUninitializedCapacity: buffer.count + extra) { output in
            var index = 0
            for byte in buffer {
                if byte < 0x80 {
                    output[index] = byte
                    index += 1
                } else {
                    output[index] = 0xC0 | (byte >> 6)
                    output[index + 1] = 0x80 | (byte & 0x3F)
                    index += 2
                }
            }
            return index
        }
    }

    /// iconv_open returns (iconv_t)-1 on failure.
    private static func isInvalid(_ descriptor: iconv_t?) -> Bool {
        Int(bitPattern: descriptor) == -1
    }

    private static func iconvKnows(_ name: String) -> Bool {
        let descriptor = iconv_open("UTF-8", name)
        guard !isInvalid(descriptor) else { return false }
        iconv_close(descriptor)
        return true
    }

    /// Converts to UTF-8 through iconv; invalid input bytes become U+FFFD one byte at a time.
    private static func convert(_ input: [UInt8], from name: String) -> (utf8: [UInt8], replaced: Bool)? {
        let descriptor = iconv_open("UTF-8", name)
        guard !isInvalid(descriptor) else { return nil }
        defer { iconv_close(descriptor) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 2 + 16)
        var replaced = false
        var chunk = [UInt8](repeating: 0, count: max(256, min(input.count * 4 + 16, 1 << 16)))
        input.withUnsafeBufferPointer { inputBuffer in
            chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                guard let chunkBase = chunkBuffer.baseAddress else { return }
                var inOffset = 0
                var flushed = false
                while true {
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(chunkBase)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = chunkBuffer.count
                    let result: Int
                    var consumed = 0
                    if inOffset < inputBuffer.count, let base = inputBuffer.baseAddress {
                        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + inOffset)
                            .assumingMemoryBound(to: CChar.self)
                        var inLeft = inputBuffer.count - inOffset
                        result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                        consumed = (inputBuffer.count - inOffset) - inLeft
                    } else {
                        // Flush any shift state (ISO-2022-JP and friends).
                        result = iconv(descriptor, nil, nil, &outPointer, &outLeft)
                        flushed = true
                    }
                    let savedErrno = errno
                    inOffset += consumed
                    output.append(contentsOf: UnsafeBufferPointer(start: chunkBase, count: chunkBuffer.count - outLeft))
                    if result != -1 {
                        if flushed { return }
                        continue
                    }
                    switch savedErrno {
                    case E2BIG:
                        continue
                    case EILSEQ, EINVAL:
                        // Invalid here, or truncated at the end: replace one byte and go on.
                        output.append(contentsOf: ASCII.replacementCharacterUTF8)
                        replaced = true
                        inOffset += 1
                        if inOffset >= inputBuffer.count, savedErrno == EINVAL {
                            inOffset = inputBuffer.count
                        }
                    default:
                        replaced = true
                        return
                    }
                }
            }
        }
        return (output, replaced)
    }
}
