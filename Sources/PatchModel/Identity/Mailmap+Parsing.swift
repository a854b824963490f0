extension Mailmap {
    /// Reads a `.mailmap` file. Lines that cannot be read are skipped and returned as problems
    /// with their line number; nothing here is fatal (opening the file is the caller's job).
    package static func parse(_ bytes: some Collection<UInt8>, file: String) -> (
        mailmap: Mailmap, problems: [MapProblem]
    ) {
        var mailmap = Mailmap()
        var problems: [MapProblem] = []
        for (number, line) in MapLines.numbered(bytes) {
            if let message = mailmap.read(line: line) {
                problems.append(MapProblem(file: file, line: number, message: message))
            }
        }
        return (mailmap, problems)
    }

    package static func parse(_ text: String, file: String) -> (mailmap: Mailmap, problems: [MapProblem]) {
        parse(Array(text.utf8), file: file)
    }

    /// One line (git's `read_mailmap_line`); returns what is wrong with it, if anything.
    private mutating func read(line: ArraySlice<UInt8>) -> String? {
        let content = MapLines.trimmed(line)
        if content.isEmpty || content.first == UInt8(ascii: "#") { return nil }
        let first = Self.nameAndAddress(in: line, allowsEmptyAddress: false)
        guard case .found(let properName, let properAddress, let rest) = first else {
            return first.problem
        }
        var commitName: String?
        var commitAddress: String?
        var problem: String?
        if let rest {
            switch Self.nameAndAddress(in: rest, allowsEmptyAddress: true) {
            case .found(let name, let address, _):
                commitName = name
                commitAddress = address
            case .missing:
                let leftover = MapLines.trimmed(rest)
                if !leftover.isEmpty, leftover.first != UInt8(ascii: "#") {
                    problem = "text after <\(properAddress)> is not 'Name <address>'; ignored, as git does"
                }
            case .unclosed, .emptyAddress:
                problem = "second address has no closing '>'; ignored, as git does"
            }
        }
        add(properName: properName, properAddress: properAddress, commitName: commitName, commitAddress: commitAddress)
        return problem
    }

    private enum Parsed {
        case found(name: String?, address: String, rest: ArraySlice<UInt8>?)
        case missing, unclosed, emptyAddress

        var problem: String {
            switch self {
            case .found: ""
            case .missing: "no <address> on this line"
            case .unclosed: "'<' without a closing '>'"
            case .emptyAddress: "empty address '<>' (only the commit address may be empty)"
            }
        }
    }

    /// git's `parse_name_and_email`: the trimmed text before the first `<` (nil when empty), the
    /// text up to the next `>` as it is, and what follows (nil when nothing does).
    private static func nameAndAddress(in text: ArraySlice<UInt8>, allowsEmptyAddress: Bool) -> Parsed {
        guard let left = text.firstIndex(of: UInt8(ascii: "<")) else { return .missing }
        guard let right = text[(left + 1)...].firstIndex(of: UInt8(ascii: ">")) else { return .unclosed }
        if !allowsEmptyAddress, right == left + 1 { return .emptyAddress }
        let name = MapLines.trimmed(text[..<left])
        let rest = text[(right + 1)...]
        return .found(
            name: name.isEmpty ? nil : String(decoding: name, as: UTF8.self),
            address: String(decoding: text[(left + 1)..<right], as: UTF8.self),
            rest: rest.isEmpty ? nil : rest
        )
    }
}
