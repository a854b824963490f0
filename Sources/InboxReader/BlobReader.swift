import Foundation

/// How message blobs are read: in-process (`PackBatchReader`), from the pack files directly with
/// libgit2 for the rest or through libgit2 alone, or through `git cat-file --batch` processes
/// (`CatFileBatch`).
///
/// In-process from the packs is the default: it inflates on both cores without a second process
/// or a pipe (docs/performance.md has the figures). `git cat-file` is kept for what libgit2 cannot
/// open (a repository format or extension it does not know, e.g. SHA-256), chosen when opening any
/// epoch of the range fails. Each can be asked for with `LORE_DIGEST_BLOB_READER` (`packs`,
/// `libgit2`, `cat-file`).
package enum BlobReader: String, Sendable, CaseIterable {
    /// The packs read and inflated here (`PackObjectReader`); libgit2 reads what they do not hold.
    case packs
    /// libgit2 reads every object.
    case libgit2
    case catFile = "cat-file"

    /// The environment variable that chooses the reader.
    package static let environmentVariable = "LORE_DIGEST_BLOB_READER"

    /// The reader for epochs at `gitDirectories`: `requested` when given, else the one the
    /// environment names (`cat-file` or `libgit2`), else in-process when every epoch opens with
    /// libgit2.
    static func choose(for gitDirectories: [String], requested: BlobReader?) -> BlobReader {
        if let requested = requested ?? fromEnvironment { return requested }
        for directory in gitDirectories where PackRepository(gitDirectory: directory) == nil { return .catFile }
        return .packs
    }

    /// The reader `LORE_DIGEST_BLOB_READER` names; nil when unset or not a reader's name.
    static var fromEnvironment: BlobReader? {
        ProcessInfo.processInfo.environment[environmentVariable].flatMap(BlobReader.init(rawValue:))
    }
}
