extension String {
    /// This text with terminal escape sequences removed whole (CSI `ESC [ … final`, OSC
    /// `ESC ] … BEL|ESC \`, DCS/SOS/PM/APC strings, two-byte `ESC x`), their 8-bit C1 forms, and
    /// every other control character except tab and newline, and the bidirectional overrides,
    /// embeddings, isolates and marks (U+202A-202E, U+2066-2069, U+200E/200F, U+061C). Mail is
    /// untrusted: a subject must not be able to move the cursor, retitle the terminal, hide text
    /// or show itself reversed (text, Markdown and HTML all print through this).
    ///
    /// - Complexity: O(*n*) in the number of Unicode scalars.
    package var terminalSafe: String {
        // Most text is printable ASCII: one pass over its bytes; scalars only when it is not.
        // (Through the contiguous bytes: `utf8.allSatisfy` steps a view index a byte at a time.)
        var text = self
        if text.withUTF8({ $0.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 == 0x0A } }) { return self }
        guard unicodeScalars.contains(where: { $0.isUnsafeInTerminal }) else { return self }
        var output = String.UnicodeScalarView()
        var scalars = unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:  // ESC: drop the whole sequence it starts.
                guard let next = scalars.next() else { break }
                switch next.value {
                case 0x5B: skipControlSequence(&scalars)  // CSI
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: skipControlString(&scalars)  // OSC, DCS, SOS, PM, APC
                default: break  // two-byte sequence: both dropped
                }
            case 0x9B: skipControlSequence(&scalars)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: skipControlString(&scalars)
            default:
                if !scalar.isUnsafeInTerminal { output.append(scalar) }
            }
        }
        return String(output)
    }
}

extension Unicode.Scalar {
    /// C0 controls but tab and newline, DEL, C1 controls, and bidirectional formatting.
    fileprivate var isUnsafeInTerminal: Bool {
        let v = value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || (v >= 0x7F && v < 0xA0) || isBidiFormatting
    }

    /// The scalars that reorder or redirect text (Trojan Source, CVE-2021-42574).
    package var isBidiFormatting: Bool {
        switch value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}

/// Skips parameter and intermediate bytes up to and including the final byte (0x40-0x7E).
private func skipControlSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
    while let scalar = scalars.next() {
        if (0x40...0x7E).contains(scalar.value) { return }
        if scalar.value >= 0x80 || scalar.value < 0x20 { return }  // malformed: stop here
    }
}

/// Skips a control string up to BEL, ST (`ESC \`) or the 8-bit ST (0x9C).
private func skipControlString(_ scalars: inout String.UnicodeScalarView.Iterator) {
    while let scalar = scalars.next() {
        switch scalar.value {
        case 0x07, 0x9C: return
        case 0x1B:
            _ = scalars.next()
            return
        default: continue
        }
    }
}
