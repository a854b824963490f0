import Foundation
internal import InboxReader
import Subprocess

/// One HTTP GET whose body is read up to a limit: a server that sends more (a 600 MB "manifest",
/// or an endless chunked one) is cut off once the limit is passed, instead of being buffered.
///
/// Through the `curl` program, whose output pipe is read at most `limit + 1` bytes deep and then
/// closed: the pipe is the brake. URLSession on Linux hands each received piece to its delegate
/// queue without waiting for the delegate, so against a fast server with no Content-Length it
/// had queued gigabytes before the delegate could cancel (issue 13, `adversarial-server.sh`).
/// curl runs tied to this process (``Program/runTied(_:_:environment:outputLimit:)``): a `kill -9`
/// of `sync` takes it along.
enum BoundedDownload {
    enum Outcome: Sendable, Equatable {
        /// The status and the whole body.
        case answered(status: Int, body: [UInt8])
        /// The body (or its announced Content-Length) is longer than the limit.
        case tooLarge
        /// No HTTP answer came: why, in a few words.
        case failed(String)
    }

    /// GETs `url` (http or https, checked by the caller), reading at most `limit` bytes of the body.
    /// - Parameters:
    ///   - authorization: an `Authorization` header value, handed to curl in a private file (never
    ///     on its command line, where `ps` would show it).
    static func get(url: String, authorization: String?, limit: Int, timeout: Double) async -> Outcome {
        var arguments = [
            "--silent", "--show-error", "--location", "--max-redirs", "5",
            // Only the web: no file://, no other protocol from a redirect.
            "--proto", "=http,https", "--proto-redir", "=http,https",
            "--max-filesize", String(limit),
            "--max-time", String(Int(timeout.rounded(.up))),
            "--user-agent", "lore-digest",
            "--write-out", "%{stderr}\nstatus %{http_code}\n",
        ]
        var headerFile: HeaderFile?
        if let authorization {
            do {
                headerFile = try HeaderFile(lines: ["Authorization: \(authorization)"])
            } catch {
                return .failed("cannot write a private file for the credentials: \(error)")
            }
            arguments += ["--header", "@" + (headerFile?.path ?? "")]
        }
        defer { headerFile?.remove() }
        arguments.append(url)

        let output: ProgramOutput
        do {
            output = try await Program.runTied("curl", arguments, environment: .inherit, outputLimit: limit)
        } catch let error as SubprocessError where error.code == .outputLimitExceeded {
            return .tooLarge
        } catch {
            return .failed("cannot run curl (\(error)); install curl")
        }
        return outcome(of: output)
    }

    /// Reads curl's answer: the status line `--write-out` put last on standard error, and its
    /// exit reason when there was no HTTP answer.
    static func outcome(of output: ProgramOutput) -> Outcome {
        let lines = output.standardError.split(separator: "\n")
        let status = lines.last { $0.hasPrefix("status ") }.flatMap { Int($0.dropFirst("status ".count)) } ?? 0
        // curl exit 63: the body passed --max-filesize (announced, or counted while receiving).
        if lines.contains(where: { $0.hasPrefix("curl: (63)") }) { return .tooLarge }
        if output.succeeded, status > 0 { return .answered(status: status, body: output.standardOutput) }
        return .failed(reason(in: lines))
    }

    /// curl's own words for the failure, shortened: `connection refused`, `unknown host`, ….
    private static func reason(in lines: [Substring]) -> String {
        guard let line = lines.first(where: { $0.hasPrefix("curl: (") }) else { return "no HTTP answer" }
        let code = line.dropFirst("curl: (".count).prefix { $0 != ")" }
        switch code {
        case "6": return "unknown host"
        case "7": return "connection refused"
        case "28": return "timed out"
        case "35", "60": return "TLS failed"
        case "52": return "empty reply"
        case "56": return "connection reset"
        default:
            let text = line.drop { $0 != ")" }.dropFirst().trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? "curl exit \(code)" : String(text.prefix(120))
        }
    }
}

/// A header file only this user can read, removed after the download.
private struct HeaderFile {
    let directory: String
    let path: String

    init(lines: [String]) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lore-digest-headers-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let path = directory + "/headers"
        let text = lines.map { $0 + "\n" }.joined()
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            try? FileManager.default.removeItem(atPath: directory)
            throw CocoaError(.fileWriteUnknown)
        }
        self.directory = directory
        self.path = path
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
