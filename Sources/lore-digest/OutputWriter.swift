import Foundation

/// Writes the output to standard output or, with `--output`, to a file, whole or not at all.
struct OutputWriter {
    var path: String?

    func write(_ text: String) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            // Atomic: a reader never sees half a report, and a failed run leaves no partial file.
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure("cannot write '\(path)': \(Self.reason(error)); check that its folder exists and is writable")
        }
    }

    private static func reason(_ error: any Error) -> String {
        var text = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// A run-time failure of the command: one line, what is wrong and what to do.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
