/// What a finished program left: whether it exited with 0, and what it printed.
///
/// A non-zero exit is a normal result here, not an error; only a program that cannot be started
/// throws (``GitCommand``, and `sync`'s runner of git and gzip).
package struct ProgramOutput: Sendable {
    package var succeeded: Bool
    package var standardOutput: [UInt8]
    package var standardError: String

    package init(succeeded: Bool, standardOutput: [UInt8], standardError: String) {
        self.succeeded = succeeded
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    package var text: String { String(decoding: standardOutput, as: UTF8.self) }
    package var lines: [Substring] { text.split(separator: "\n") }
}
