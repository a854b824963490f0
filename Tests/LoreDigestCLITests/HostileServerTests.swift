import Foundation
import Glibc
import TestSupport
import Testing

/// Issue 13 item 12: `sync` against a hostile HTTP server on 127.0.0.1 (Python's `http.server`
/// serving files made here) fails with one line, and is never ended silently by SIGPIPE.
@Suite(.serialized) struct HostileServerTests {
    static let filesScript = """
        import http.server, os, sys
        os.chdir(sys.argv[1])
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args): pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    /// Serves a manifest listing epoch 0, then never answers git: a clone hangs until killed.
    static let stallingScript = """
        import gzip, http.server, json, sys, time
        manifest = gzip.compress(json.dumps({"/kvm/git/0.git": {"fingerprint": "0" * 40, "modified": 1}}).encode())
        class Stalling(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args): pass
            def do_GET(self):
                if self.path.endswith("/manifest.js.gz"):
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(manifest)))
                    self.end_headers()
                    self.wfile.write(manifest)
                else:
                    time.sleep(600)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stalling)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    /// Starts a program in the background without the descriptors this test process holds:
    /// Foundation's Process waits for its child's copy of an internal socket to close, so a
    /// background program that inherited it would make `CommandRunner.shell` wait for it.
    static let detached = "python3 -c 'import os, sys; os.closerange(3, 65536); os.execvp(sys.argv[1], sys.argv[1:])'"

    /// Serves the files of `directory/www` on 127.0.0.1 and returns the server's pid and port.
    private static func serve(_ directory: TemporaryDirectory, script: String = filesScript) throws -> (
        pid: Int32, port: String
    ) {
        try script.write(toFile: directory.path + "/server.py", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory.path + "/www", withIntermediateDirectories: true)
        let started = try CommandRunner.shell(
            "\(detached) python3 '\(directory.path)/server.py' '\(directory.path)/www' > '\(directory.path)/port' 2>&1 & echo $!"
        )
        let pid = try #require(Int32(started.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
        for _ in 0..<100 {
            let port =
                (try? String(contentsOfFile: directory.path + "/port", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !port.isEmpty, Int(port) != nil { return (pid, port) }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        throw CancellationError()
    }

    private static func syncAgainst(manifest shell: String) throws -> (CommandResult, url: String) {
        let work = try TemporaryDirectory("lore-digest-hostile")
        defer { work.remove() }
        try FileManager.default.createDirectory(atPath: work.path + "/www/kvm", withIntermediateDirectories: true)
        let made = try CommandRunner.shell(shell + " > '\(work.path)/www/kvm/manifest.js.gz'")
        try #require(made.exitCode == 0, "\(made.standardError)")
        let (pid, port) = try serve(work)
        defer {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        let url = "http://127.0.0.1:\(port)/kvm"
        let result = try CommandRunner.loreDigest(["sync", url, work.path + "/mirror", "--no-index"])
        return (result, url)
    }

    @Test func aGzipBombManifestIsOneLine() throws {
        // 64 MB of zeros: about 64 KB compressed.
        let (result, url) = try Self.syncAgainst(manifest: "head -c 67108864 /dev/zero | gzip -c")
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(
            result.standardError
                == "Error: \(url)/manifest.js.gz inflates to more than 16 MB, far more than a manifest; check that the URL is a public-inbox inbox\n"
        )
    }

    @Test func aHugeManifestIsNotDownloadedWhole() throws {
        // 20 MB of gzip-compressed noise: too large to download before inflating anything.
        let (result, url) = try Self.syncAgainst(manifest: "head -c 20971520 /dev/urandom | gzip -1 -c")
        #expect(result.exitCode == 1)
        #expect(
            result.standardError
                == "Error: \(url)/manifest.js.gz is larger than 16 MB, far more than a manifest; check that the URL is a public-inbox inbox\n"
        )
    }

    /// Issue 13 item 7: `kill -9` of a sync takes its git children with it.
    @Test func killingASyncEndsItsGitChildren() throws {
        let work = try TemporaryDirectory("lore-digest-killed")
        defer { work.remove() }
        let (server, port) = try Self.serve(work, script: Self.stallingScript)
        defer {
            kill(server, SIGKILL)
            var status: Int32 = 0
            waitpid(server, &status, 0)
        }
        let mirror = work.path + "/mirror"
        let binary = CommandRunner.loreDigest.path
        let started = try CommandRunner.shell(
            "\(Self.detached) '\(binary)' sync http://127.0.0.1:\(port)/kvm '\(mirror)' --no-index > '\(work.path)/sync.log' 2>&1 & echo $!"
        )
        let sync = try #require(Int32(started.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
        // The clone is under way (and stalled) once a git with the mirror in its arguments runs.
        var clones: [Int32] = []
        for _ in 0..<200 where clones.isEmpty {
            usleep(50_000)
            clones = Self.processes(withArgument: mirror + "/git/.0.git.partial").filter { Self.command($0) == "git" }
        }
        try #require(!clones.isEmpty, "no git clone started")
        kill(sync, SIGKILL)
        var left = clones
        for _ in 0..<100 where !left.isEmpty {
            usleep(50_000)
            left = left.filter { kill($0, 0) == 0 && Self.state($0) != "Z" }
        }
        #expect(left.isEmpty, "git still running after kill -9 of its sync: \(left)")
        for pid in left { kill(pid, SIGKILL) }
    }

    /// The pids whose command line holds `argument`.
    private static func processes(withArgument argument: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                let line = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { return nil }
            let arguments = line.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return arguments.contains(argument) ? pid : nil
        }
    }

    private static func command(_ pid: Int32) -> String {
        ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    /// The one-letter state in /proc/PID/stat (Z: a zombie, already dead).
    private static func state(_ pid: Int32) -> String {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return "gone" }
        return String(stat[stat.index(close, offsetBy: 2)...].prefix(1))
    }
}
