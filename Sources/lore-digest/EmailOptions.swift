import ArgumentParser
import Digest
import Foundation
import InboxReader

/// `--email-from`, `--email-to`, `--email-cc`: the addresses of `--format email`.
struct EmailOptions: ParsableArguments {
    @Option(
        name: .customLong("email-from"),
        help: ArgumentHelp(
            "With --format email: the From: address (default: git config sendemail.from, else user.name and "
                + "user.email, as git send-email does).",
            valueName: "address"))
    var from: String?

    @Option(
        name: .customLong("email-to"),
        help: ArgumentHelp("With --format email: a To: address (repeatable, or a comma list).", valueName: "address"))
    var to: [String] = []

    @Option(
        name: .customLong("email-cc"),
        help: ArgumentHelp("With --format email: a Cc: address (repeatable, or a comma list).", valueName: "address"))
    var cc: [String] = []

    func validate() throws {
        try OneLineValue.check(from, option: "--email-from")
        for value in to { try OneLineValue.check(value, option: "--email-to") }
        for value in cc { try OneLineValue.check(value, option: "--email-cc") }
        if let from { _ = try Self.addresses(from, option: "--email-from") }
        for value in to { _ = try Self.addresses(value, option: "--email-to") }
        for value in cc { _ = try Self.addresses(value, option: "--email-cc") }
    }

    /// The renderer with the addresses given, the `From:` from git config when not given; dated
    /// now, or at `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible output. Without a
    /// `To:`, one line on standard error says so (`sendmail -t` needs one).
    func renderer(environment: [String: String]) async throws -> EmailRenderer {
        let sender: [EmailAddress]
        if let from {
            sender = try Self.addresses(from, option: "--email-from")
        } else {
            sender = try await Self.gitIdentity()
        }
        guard let first = sender.first, sender.count == 1 else {
            throw CommandFailure("--email-from needs exactly one address, not \(sender.count)")
        }
        let toAddresses = try to.flatMap { try Self.addresses($0, option: "--email-to") }
        let ccAddresses = try cc.flatMap { try Self.addresses($0, option: "--email-cc") }
        if toAddresses.isEmpty {
            FileHandle.standardError.write(
                Data("lore-digest: the e-mail has no To: (sendmail -t needs one); add --email-to ADDRESS\n".utf8))
        }
        var date = Date()
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({ Int64($0) }) {
            date = Date(timeIntervalSince1970: TimeInterval(epoch))
        }
        return EmailRenderer(from: first, to: toAddresses, cc: ccAddresses, date: date)
    }

    private static func addresses(_ value: String, option: String) throws -> [EmailAddress] {
        guard let list = EmailAddress.list(value) else {
            throw ValidationError(
                "\(option) '\(OneLineValue.escaped(value))' is not an address; write it as name@example.org "
                    + "or 'Jane Doe <jane@example.org>'")
        }
        return list
    }

    /// `sendemail.from`, else `user.name <user.email>`, as `git send-email` picks its sender.
    private static func gitIdentity() async throws -> [EmailAddress] {
        if let configured = try await GitConfig.value("sendemail.from") {
            guard let list = EmailAddress.list(configured) else {
                throw CommandFailure(
                    "git config sendemail.from '\(OneLineValue.escaped(configured))' is not an address; "
                        + "fix it with 'git config --global sendemail.from \"Jane Doe <jane@example.org>\"'")
            }
            return list
        }
        guard let email = try await GitConfig.value("user.email"), !email.isEmpty else {
            throw CommandFailure(
                "--format email needs a From: address; pass --email-from ADDRESS or set "
                    + "'git config --global user.email you@example.org'")
        }
        let name = try await GitConfig.value("user.name")
        guard let identity = EmailAddress.identity(name: name, email: email) else {
            throw CommandFailure(
                "git config user.email '\(OneLineValue.escaped(email))' is not an address; "
                    + "fix it with 'git config --global user.email you@example.org' or pass --email-from")
        }
        return [identity]
    }
}
