internal import Foundation
internal import GRDB
import Glibc
internal import InboxReader

/// What a file given as an index holds, found without writing a byte of it.
///
/// Someone else's SQLite file given as `--index` must be refused as it is: opening it the
/// usual way would switch it to WAL and migrate it before any check. So the header is read as
/// bytes first (the SQLite magic, then our `application_id`), and the tables through a
/// read-only connection; only a file that this inspection calls ours is ever opened for writing.
enum IndexFile {
    /// `PRAGMA application_id` of a lore-digest index: "LDIG". Indexes made before it was set
    /// hold 0 and are recognised by their tables.
    static let applicationID: Int32 = 0x4C44_4947

    /// What the inspection found.
    enum Content: Sendable, Hashable {
        /// No file, an empty one, or an SQLite database with no table: ours to create.
        case new
        /// A lore-digest index, with the migrations applied to it (all known to this build) and
        /// its `application_id` (0 for an index made before it was set).
        case index(applied: [String], applicationID: Int32)

        /// The header's `application_id`; 0 for a new file.
        var applicationID: Int32 {
            if case .index(_, let applicationID) = self { applicationID } else { 0 }
        }
    }

    /// The 16 bytes every SQLite 3 database starts with.
    private static let magic = Array("SQLite format 3\0".utf8)

    /// Reads the file at `path` without writing to it.
    /// - Throws: `IndexError` `.notAnIndex` (not SQLite, or someone else's database), `.newerSchema`,
    ///   `.cannotOpen` (unreadable), `.damaged`.
    static func inspect(_ path: String, busyTimeout: Double) throws(IndexError) -> Content {
        let (header, failure) = readHeader(path)
        if failure == ENOENT { return .new }
        if let failure {
            throw IndexError(
                .cannotOpen,
                "cannot read the index '\(path)': \(String(cString: strerror(failure)).lowercased()); run as a user who can read it, or give another --index PATH"
            )
        }
        if header.isEmpty { return .new }
        guard header.count == 100, Array(header[0..<16]) == magic else {
            throw IndexError(
                .notAnIndex,
                "'\(path)' is not an SQLite database, so not a lore-digest index; give another --index PATH (it is left untouched)"
            )
        }
        let applicationID = header[68..<72].reduce(Int32(0)) { ($0 << 8) | Int32($1) }
        if applicationID != 0 && applicationID != Self.applicationID { throw foreign(path) }

        let (tables, applied): (Set<String>, [String])
        do {
            let queue = try readOnlyQueue(path, busyTimeout: busyTimeout)
            (tables, applied) = try queue.read { db in
                let tables = Set(
                    try String.fetchAll(
                        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
                let applied =
                    tables.contains("grdb_migrations")
                    ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
                return (tables, applied)
            }
            try queue.close()
        } catch {
            throw MessageIndex.failure(error, path: path, busyTimeout: busyTimeout)
        }
        if tables.isEmpty && applicationID == 0 { return .new }
        guard tables.isSuperset(of: ["grdb_migrations", "epochs", "messages", "run_state"]), applied.contains("v1")
        else { throw foreign(path) }
        let unknown = Set(applied).subtracting(IndexSchema.versions).sorted()
        if !unknown.isEmpty {
            throw IndexError(
                .newerSchema,
                "the index '\(path)' has schema \(unknown.joined(separator: ", ")), newer than this lore-digest knows (up to \(IndexSchema.versions.last ?? "v1")); update lore-digest or give another --index PATH (the index is left untouched)"
            )
        }
        return .index(applied: applied, applicationID: applicationID)
    }

    /// A connection that cannot write. With no -wal or -shm beside the file (its last writer
    /// closed it), it is opened as immutable: SQLite then creates neither, which it could not do
    /// in a read-only folder, and which, made by another user, would keep the owner from
    /// writing later.
    static func readOnlyQueue(_ path: String, busyTimeout: Double) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let fileManager = FileManager.default
        let hasJournal = fileManager.fileExists(atPath: path + "-wal") || fileManager.fileExists(atPath: path + "-shm")
        return try DatabaseQueue(path: hasJournal ? path : immutableURI(path), configuration: configuration)
    }

    /// `file:PATH?immutable=1`, with the bytes a URI gives a meaning to (`%`, `?`, `#`) escaped.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    private static func foreign(_ path: String) -> IndexError {
        IndexError(
            .notAnIndex,
            "'\(path)' is an SQLite database but not a lore-digest index; give another --index PATH (it is left untouched)"
        )
    }

    /// The first 100 bytes (SQLite's database header), fewer when the file is shorter; or the
    /// errno that kept it from being read.
    private static func readHeader(_ path: String) -> (header: [UInt8], failure: Int32?) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return ([], errno) }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        var count = 0
        while count < header.count {
            let done = header[count...].withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress, $0.count, off_t(count))
            }
            if done < 0 && errno == EINTR { continue }
            if done < 0 { return ([], errno) }
            if done == 0 { break }
            count += done
        }
        return (Array(header[0..<count]), nil)
    }
}

/// Why an index cannot be written, found before SQLite is asked to (which would fail later,
/// with a message that does not say which of these it is).
package enum IndexWriteProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file is not writable by this user.
    case readOnlyFile
    /// The file's folder is not writable: SQLite cannot create its journal (`-wal`, `-shm`) there.
    case folderNotWritable
    /// The file system is mounted read-only.
    case readOnlyFileSystem

    /// What stands in the way of writing the index at `path`; nil when nothing does (a missing
    /// file whose folder is writable, or does not exist yet, is created).
    package static func find(at path: String) -> IndexWriteProblem? {
        if access(path, F_OK) == 0 && access(path, W_OK) != 0 {
            return errno == EROFS ? .readOnlyFileSystem : .readOnlyFile
        }
        let folder = (path as NSString).deletingLastPathComponent
        if access(folder.isEmpty ? "." : folder, W_OK) != 0 {
            switch errno {
            case EROFS: return .readOnlyFileSystem
            case ENOENT: return nil
            default: return .folderNotWritable
            }
        }
        return nil
    }

    /// `is a read-only file`, … : completes "the index 'PATH' …".
    package var description: String {
        switch self {
        case .readOnlyFile: "is a read-only file"
        case .folderNotWritable:
            "is in a folder that is not writable, so SQLite cannot create its journal (-wal, -shm) beside it"
        case .readOnlyFileSystem: "is on a read-only file system"
        }
    }

    /// What to do about it.
    var remedy: String {
        switch self {
        case .readOnlyFile: "make it writable (chmod u+w), or give another --index PATH"
        case .folderNotWritable: "make its folder writable, or give --index PATH in a writable folder"
        case .readOnlyFileSystem: "give --index PATH on a writable file system"
        }
    }
}
