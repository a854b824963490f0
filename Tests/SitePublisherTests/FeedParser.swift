import Foundation
import TestSupport
import Testing

/// Python's `feedparser` (Debian `python3-feedparser`, installed by `.ci/run`), as a real
/// reader of the Atom feed.
enum FeedParser {
    /// The first Python with feedparser: `python3` on the PATH (which may be a pyenv one without
    /// Debian's packages), else Debian's own.
    static let python: String? = ["python3", "/usr/bin/python3"].first { python in
        (try? CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), [python, "-c", "import feedparser"]))?
            .exitCode == 0
    }
    /// nil when the test can run (see ``ExternalTool``); else why it skips.
    static let skipReason = ExternalTool.skipReason(
        isMissing: python == nil, "needs python3 with feedparser (apt-get install python3-feedparser)")

    /// The parsed feed as JSON: bozo flag, version, and the entries' title, link, id, summary, content.
    static func parse(_ path: String) throws -> [String: Any] {
        let script = """
            import feedparser, json, sys
            d = feedparser.parse(sys.argv[1])
            print(json.dumps({"bozo": bool(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")),
                "version": d.version, "title": d.feed.get("title"),
                "entries": [{"title": e.title, "link": e.link, "id": e.id, "summary": e.get("summary"),
                             "content": [{"type": c.type, "value": c.value} for c in e.get("content", [])]}
                            for e in d.entries]}))
            """
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), [python ?? "python3", "-c", script, path])
        guard result.exitCode == 0,
            let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        else { throw FeedParserFailure(description: result.standardError) }
        return object
    }
}

struct FeedParserFailure: Error, CustomStringConvertible {
    var description: String
}
