package import Foundation

/// Real readers of the Markdown and e-mail formats, for tests that check what a person's tools
/// make of the output: Python's `markdown-it-py` (CommonMark with GFM tables and strikethrough),
/// Python's `email` package, and mblaze's `mshow`. `.ci/run` installs them; without one, the
/// tests that need it skip with the reason given here.
package enum FormatReaders {
    /// Debian's python3, where `.ci/run` installs `python3-markdown-it`.
    package static let python = URL(fileURLWithPath: "/usr/bin/python3")

    /// nil when markdown-it-py can be imported; else why the test skips.
    package static let markdownSkipReason: String? = {
        let result = try? CommandRunner.run(python, ["-c", "import markdown_it"])
        return ExternalTool.skipReason(
            isMissing: result?.exitCode != 0,
            "needs Python's markdown-it-py (Debian python3-markdown-it; .ci/run installs it)")
    }()

    /// nil when Debian's python3 is there (Python's `email` reads the messages); else why the test skips.
    package static let pythonSkipReason: String? = ExternalTool.skipReason(
        isMissing: !FileManager.default.isExecutableFile(atPath: python.path), "needs /usr/bin/python3")

    /// nil when mblaze's `mshow` is installed; else why the test skips.
    package static let mshowSkipReason: String? = {
        let result = try? CommandRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "command -v mshow"])
        return ExternalTool.skipReason(
            isMissing: result?.exitCode != 0, "needs mblaze's mshow (Debian mblaze; .ci/run installs it)")
    }()

    /// `markdown` rendered to HTML by markdown-it-py as GitHub would (CommonMark, tables,
    /// strikethrough).
    package static func renderMarkdown(_ markdown: String) throws -> String {
        let script = """
            import sys
            from markdown_it import MarkdownIt
            md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
            sys.stdout.write(md.render(open(sys.argv[1], encoding="utf-8").read()))
            """
        return try runPython(script, input: markdown)
    }

    /// What Python's `email` package (policy `default`) reads in `message`: its subject, from, to,
    /// cc, date and message-id headers (decoded), its content type, and the content of each part,
    /// as a JSON object.
    package static func readMail(_ message: String) throws -> [String: Any] {
        let script = """
            import sys, json, email, email.policy
            m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
            parts = [{"type": p.get_content_type(), "charset": p.get_content_charset(),
                      "encoding": p["Content-Transfer-Encoding"], "content": p.get_content()}
                     for p in (m.iter_parts() if m.is_multipart() else [m])]
            out = {k: (str(m[k]) if m[k] is not None else None)
                   for k in ["subject", "from", "to", "cc", "date", "message-id", "mime-version"]}
            out["type"] = m.get_content_type()
            out["parts"] = parts
            out["defects"] = [str(d) for d in m.defects] + [str(d) for p in m.walk() for d in p.defects]
            print(json.dumps(out))
            """
        let output = try runPython(script, input: message)
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return object as? [String: Any] ?? [:]
    }

    /// `mshow ARGS FILE` over `message` written to a file, with mblaze's state in a temporary folder.
    package static func mshow(_ arguments: [String], message: String) throws -> CommandResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mblaze-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("seq").path, contents: Data())
        let file = folder.appendingPathComponent("message.eml")
        try Data(message.utf8).write(to: file)
        return try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["mshow"] + arguments + [file.path],
            environment: ["MBLAZE": folder.path, "TZ": "UTC"])
    }

    private static func runPython(_ script: String, input: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)")
        try Data(input.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CommandRunner.run(python, ["-c", script, file.path])
        guard result.exitCode == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: result.standardError])
        }
        return result.standardOutput
    }
}
