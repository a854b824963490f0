/// Why an operation failed, as one line that says what is wrong and what to do.
///
/// The shape every layer's error shares (``InboxError``, `IndexError`, `SyncError`): each layer
/// names its own `Code` type and a typealias, so that `catch` and `throws(…)` still tell the
/// layers apart. `code` lets callers branch on the kind of failure; new codes may be added later,
/// so switch over it with a `default`. `description` is the message meant for the user.
package struct OneLineError<Code: Sendable & Hashable & CustomStringConvertible>: Error, Sendable, Hashable,
    CustomStringConvertible
{
    package var code: Code
    /// One line: what is wrong, then what to do.
    package var message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }
}
