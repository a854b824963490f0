internal import MailParser

/// The stable patch-id of the diff in a mail: what `git patch-id --stable` prints for it.
///
/// Two mails whose diffs change the same lines in the same files have the same patch-id, whatever
/// their commit messages, line numbers, white space or file order. It is git's rule (read from
/// `builtin/patch-id.c`, git 2.39 to 2.47), replayed line by line over the bytes:
/// - Nothing counts before the first line starting `diff `. From there each line is hashed with
///   its white space (space, tab, CR, LF) removed, except `index ` lines (kept aside: a binary
///   diff hashes their two object names instead of its data), hunk headers `@@ -a,b +c,d @@`
///   (their counts say how many lines the hunk has; the line numbers are ignored) and
///   `\ No newline at end of file` markers (a line starting `\ ` longer than 12 bytes).
/// - `--stable`: each file's lines are hashed apart (a new `diff ` line after a complete hunk
///   starts the next file) and the 20-byte SHA-1s are added up, byte 0 first with carry, so the
///   order of the files does not matter.
/// - The diff ends at the first line after a complete hunk that is neither a hunk header nor a
///   `diff ` line (the `-- ` signature, a blank line, a MIME boundary), at a line in a file's
///   header that starts with neither a letter nor `--- `, or at a line that starts with an object
///   name (40 hex digits, maybe after `commit ` or `From `): git takes that for the next commit.
///   Such a line before the diff only starts git's next record, so it changes nothing here.
/// - A binary file (`GIT binary patch`, `Binary files … differ`) hashes the two object names of
///   its `index` line, and its data is skipped up to the next `diff ` line, which is not hashed.
/// - Lines are C strings to git: a NUL byte ends a line's hashed text.
///
/// `nil` when git prints nothing: no `diff ` line, or nothing hashed.
package enum PatchID {
    /// The stable patch-id of the diff in `text`, 40 lower-case hex digits; nil without a diff.
    /// - Complexity: O(*n*) over the bytes, one SHA-1 of the diff; no allocation per line.
    package static func stable(of text: some StringProtocol) -> String? {
        let utf8 = text.utf8
        if let result = utf8.withContiguousStorageIfAvailable({ stable(of: $0) }) { return result }
        return Array(utf8).withUnsafeBufferPointer { stable(of: $0) }
    }

    /// The stable patch-id of the diff in `bytes`; nil without a diff.
    package static func stable(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var scanner = Scanner()
        var lineStart = 0
        let count = bytes.count
        while lineStart < count {
            var lineEnd = LineFeedSearch.next(in: bytes, from: lineStart)
            if lineEnd < count { lineEnd += 1 }  // the line keeps its LF, as git's buffer does
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if scanner.read(line) == .end { break }
            lineStart = lineEnd
        }
        return scanner.finish()
    }

    /// git's `get_one_patchid` as a state machine fed one line at a time.
    private struct Scanner {
        enum Step { case more, end }

        private var hasher = SHA1()
        /// Bytes waiting to be hashed: short runs between white space are gathered here and handed
        /// to the hasher in large pieces (one allocation per mail, none per line).
        private var pending = [UInt8](repeating: 0, count: 4096)
        private var pendingCount = 0
        /// The 20-byte sum of the files' SHA-1s (`--stable`).
        private var sum = [UInt8](repeating: 0, count: 20)
        /// Bytes hashed so far; 0 means no diff yet.
        private var patchLength = 0
        /// Lines still expected in the hunk before/after the change; -1 while in a file's header.
        private var before = -1
        private var after = -1
        private var isBinary = false
        /// The object names of the last `index a..b` line (git keeps at most 64 characters); they
        /// point into the scanned bytes, which outlive the scanner.
        private var preImage = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        private var postImage = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

        mutating func read(_ line: UnsafeBufferPointer<UInt8>) -> Step {
            if line.first == UInt8(ascii: "\\"), line.starts(with: Prefix.noNewline), cStringLength(line) > 12 {
                return .more
            }
            if startsWithObjectName(line) {
                // git starts its next record here: the end of this patch, or before any diff,
                // a fresh start that changes nothing.
                if patchLength > 0 { return .end }
                self = Scanner()
                return .more
            }
            if patchLength == 0 && !line.starts(with: Prefix.diff) { return .more }

            if before == -1 {
                if line.starts(with: Prefix.gitBinaryPatch) || line.starts(with: Prefix.binaryFiles) {
                    isBinary = true
                    before = 0
                    hashPending()
                    hasher.update(UnsafeRawBufferPointer(preImage))
                    hasher.update(UnsafeRawBufferPointer(postImage))
                    flushFile()
                    return .more
                } else if line.starts(with: Prefix.index) {
                    readIndexLine(line)
                    return .more
                } else if line.starts(with: Prefix.minusMinusMinus) {
                    before = 1
                    after = 1
                } else if !isLetter(line.first ?? 0) {
                    return .end
                }
            }

            if isBinary {
                if line.starts(with: Prefix.diff) {
                    isBinary = false
                    before = -1
                }
                return .more
            }

            if before == 0 && after == 0 {
                if line.starts(with: Prefix.hunk) {
                    readHunkHeader(line)
                    return .more
                }
                guard line.starts(with: Prefix.diff) else { return .end }
                flushFile()
                before = -1
                after = -1
            }

            let first = line.first ?? 0
            if first == UInt8(ascii: "-") || first == UInt8(ascii: " ") { before -= 1 }
            if first == UInt8(ascii: "+") || first == UInt8(ascii: " ") { after -= 1 }
            hashWithoutWhitespace(line)
            return .more
        }

        /// The patch-id, or nil when nothing was hashed.
        mutating func finish() -> String? {
            flushFile()
            guard patchLength > 0 else { return nil }
            return Self.hex(sum)
        }

        /// Ends one file: its SHA-1 is added to the sum (git's `flush_one_hunk`).
        private mutating func flushFile() {
            hashPending()
            let digest = hasher.finalize()
            var carry: UInt16 = 0
            for index in 0..<20 {
                carry += UInt16(sum[index]) + UInt16(digest[index])
                sum[index] = UInt8(truncatingIfNeeded: carry)
                carry >>= 8
            }
        }

        /// Hashes the line without space, tab, CR and LF, up to a NUL (git's `remove_space`).
        private mutating func hashWithoutWhitespace(_ line: UnsafeBufferPointer<UInt8>) {
            if pending.count - pendingCount < line.count { hashPending() }
            if line.count > pending.count {
                // A line longer than the buffer: hashed in runs.
                hashLongLine(line)
                return
            }
            let kept = pending.withUnsafeMutableBufferPointer { buffer -> Int in
                var out = pendingCount
                for byte in line {
                    if byte == 0 { break }
                    buffer[out] = byte
                    // Written then kept or not: no branch on the common path.
                    out &+= Self.isWhitespace(byte) ? 0 : 1
                }
                return out
            }
            patchLength += kept - pendingCount
            pendingCount = kept
        }

        private mutating func hashLongLine(_ line: UnsafeBufferPointer<UInt8>) {
            var runStart = 0
            var index = 0
            while index < line.count, line[index] != 0 {
                if Self.isWhitespace(line[index]) {
                    hashRun(line, runStart, index)
                    runStart = index + 1
                }
                index += 1
            }
            hashRun(line, runStart, index)
        }

        private mutating func hashRun(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            guard end > start else { return }
            hasher.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line[start..<end])))
            patchLength += end - start
        }

        private mutating func hashPending() {
            guard pendingCount > 0 else { return }
            let count = pendingCount
            pending.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            pendingCount = 0
        }

        /// git's `isspace`: space, tab, LF, CR (not VT or FF). Literal bytes, not `ASCII`'s
        /// constants: in this per-byte loop the optimiser left those as calls to their accessors
        /// (3.5% of a whole-archive report's CPU in `perf`).
        @inline(__always)
        private static func isWhitespace(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: true
            default: false
            }
        }

        /// `index 1234abc..5678def 100644`: keeps the two object names, as git does (it cuts at
        /// the first `..` and the first space after it, else before the line's last byte).
        private mutating func readIndexLine(_ line: UnsafeBufferPointer<UInt8>) {
            let length = cStringLength(line)
            var dots: Int?
            var position = 0
            while position + 1 < length {
                if line[position] == Self.dot && line[position + 1] == Self.dot {
                    dots = position
                    break
                }
                position += 1
            }
            guard let dots else { return }
            var end = length - 1
            if let space = (dots..<length).first(where: { line[$0] == ASCII.space }) { end = space }
            let preStart = Prefix.index.count
            preImage = UnsafeBufferPointer(rebasing: line[preStart..<min(dots, preStart + 64)])
            let postStart = dots + 2
            postImage = UnsafeBufferPointer(rebasing: line[postStart..<min(max(postStart, end), postStart + 64)])
        }

        /// `@@ -a,b +c,d @@`: the hunk's line counts (git's `scan_hunk_header`, which sets a
        /// count even when the header turns out malformed).
        private mutating func readHunkHeader(_ line: UnsafeBufferPointer<UInt8>) {
            func byte(_ index: Int) -> UInt8 { index < line.count ? line[index] : 0 }
            func digits(from index: Int) -> Int {
                var end = index
                while ASCII.isDigit(byte(end)) { end += 1 }
                return end - index
            }
            var q = Prefix.hunk.count
            var n = digits(from: q)
            if byte(q + n) == Self.comma {
                q += n + 1
                before = Self.atoi(line, from: q)
                n = digits(from: q)
            } else {
                before = 1
            }
            guard n > 0, byte(q + n) == ASCII.space, byte(q + n + 1) == Self.plus else { return }
            var r = q + n + 2
            n = digits(from: r)
            if byte(r + n) == Self.comma {
                r += n + 1
                after = Self.atoi(line, from: r)
            } else {
                after = 1
            }
        }

        /// C's `atoi`: leading white space, a sign, digits; 32-bit wrap-around.
        private static func atoi(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var index = start
            while index < line.count, line[index] == ASCII.space || (line[index] >= 0x09 && line[index] <= 0x0D) {
                index += 1
            }
            var negative = false
            if index < line.count, line[index] == plus || line[index] == ASCII.minus {
                negative = line[index] == ASCII.minus
                index += 1
            }
            var value: Int32 = 0
            while index < line.count, ASCII.isDigit(line[index]) {
                value = value &* 10 &+ Int32(line[index] - ASCII.zero)
                index += 1
            }
            return Int(negative ? 0 &- value : value)
        }

        /// 40 hex digits at the start of the line, or after `commit ` or `From ` (git's
        /// `get_oid_hex`, either case).
        private func startsWithObjectName(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = line.first, Self.isHexDigit(first) || first == 0x63 || first == 0x46 else {
                return false
            }
            var start = 0
            if line.starts(with: Prefix.commit) {
                start = Prefix.commit.count
            } else if line.starts(with: Prefix.from) {
                start = Prefix.from.count
            }
            guard line.count >= start + 40 else { return false }
            for index in start..<(start + 40) where !Self.isHexDigit(line[index]) { return false }
            return true
        }

        private func cStringLength(_ line: UnsafeBufferPointer<UInt8>) -> Int {
            line.firstIndex(of: 0) ?? line.count
        }

        /// git's `isalpha`: ASCII letters only.
        private func isLetter(_ byte: UInt8) -> Bool { ASCII.isLetter(byte) }

        private static func isHexDigit(_ byte: UInt8) -> Bool {
            ASCII.isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
        }

        private static let plus: UInt8 = 0x2B
        private static let comma: UInt8 = 0x2C
        private static let dot: UInt8 = 0x2E

        private static func hex(_ bytes: [UInt8]) -> String {
            let digits = Array("0123456789abcdef".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 2)
            for byte in bytes {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The line starts that git's rule looks for, as bytes.
    private enum Prefix {
        static let diff = Array("diff ".utf8)
        static let index = Array("index ".utf8)
        static let minusMinusMinus = Array("--- ".utf8)
        static let hunk = Array("@@ -".utf8)
        static let gitBinaryPatch = Array("GIT binary patch".utf8)
        static let binaryFiles = Array("Binary files".utf8)
        static let noNewline = Array("\\ ".utf8)
        static let commit = Array("commit ".utf8)
        static let from = Array("From ".utf8)
    }
}
