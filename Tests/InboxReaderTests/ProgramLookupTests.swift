import Foundation
import Testing

@testable import InboxReader

/// `ProgramLookup` finds a program on `PATH` as `execvp` would, so that each git call is one spawn.
@Suite struct ProgramLookupTests {
    /// `DIR/name` as a file with the given permissions.
    static func file(_ directory: String, _ name: String, mode: Int) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n".utf8))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    @Test func theFirstExecutableFileOnThePathIsTaken() throws {
        let directory = try TemporaryDirectory()
        let root = directory.path
        // Passed over: no such file, a file that is not executable, a folder of that name.
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        try Self.file(root + "/plain", "tool", mode: 0o644)
        try FileManager.default.createDirectory(atPath: root + "/folder/tool", withIntermediateDirectories: true)
        try Self.file(root + "/first", "tool", mode: 0o755)
        try Self.file(root + "/second", "tool", mode: 0o755)
        let path = [
            "", "relative/dir", root + "/missing", root + "/empty", root + "/plain", root + "/folder",
            root + "/first/", root + "/second",
        ].joined(separator: ":")
        #expect(ProgramLookup.find(name: "tool", path: path) == root + "/first/tool")
        #expect(ProgramLookup.find(name: "tool", path: root + "/second") == root + "/second/tool")
    }

    @Test func nothingIsFoundForANameWithASlashAnEmptyNameOrAnEmptyPath() throws {
        let directory = try TemporaryDirectory()
        try Self.file(directory.path + "/bin", "tool", mode: 0o755)
        #expect(ProgramLookup.find(name: "tool", path: "") == nil)
        #expect(ProgramLookup.find(name: "bin/tool", path: directory.path) == nil)
        #expect(ProgramLookup.find(name: "", path: directory.path + "/bin") == nil)
        // The current directory is never searched, not even through a relative entry.
        #expect(ProgramLookup.find(name: "tool", path: "bin:.") == nil)
    }

    @Test func gitIsFoundOnThisMachinesPath() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let found = try #require(ProgramLookup.find(name: "git", path: path))
        #expect(found.hasSuffix("/git"))
        #expect(FileManager.default.isExecutableFile(atPath: found))
    }
}
