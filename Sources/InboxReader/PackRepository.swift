import CGit2

/// One epoch's git repository opened in-process with libgit2, to read message blobs.
///
/// Not thread-safe: each reading thread opens its own (libgit2 allows one repository object per
/// thread; the pack windows they map are shared and bounded by `LibGit2`).
final class PackRepository {
    let gitDirectory: String
    private let repository: OpaquePointer
    private let objects: OpaquePointer

    /// Opens `gitDirectory`; nil when libgit2 cannot (not set up, an unsupported repository
    /// format or extension, an unreadable folder): the caller reads with `git cat-file` instead,
    /// whose error, if it fails too, is the one the user sees.
    init?(gitDirectory: String) {
        guard LibGit2.isReady else { return nil }
        var repository: OpaquePointer?
        guard git_repository_open_bare(&repository, gitDirectory) == 0, let repository else { return nil }
        var objects: OpaquePointer?
        guard !Self.namesAnExtension(repository), git_repository_odb(&objects, repository) == 0, let objects else {
            git_repository_free(repository)
            return nil
        }
        self.gitDirectory = gitDirectory
        self.repository = repository
        self.objects = objects
    }

    deinit {
        git_odb_free(objects)
        git_repository_free(repository)
    }

    /// The bytes of the file `path` in `commit`'s tree; nil when the tree has no such file (a
    /// public-inbox deletion: the tree holds `d` instead of `m`).
    ///
    /// Unlike `cat-file`'s "missing", which means either, a deletion and a damaged repository are
    /// told apart here directly: an unreadable commit, tree or blob is an error.
    /// - Throws: `InboxError` `.damagedArchive`.
    func file(_ path: String, of commit: CommitRef) throws(InboxError) -> [UInt8]? {
        var commitID = git_oid()
        let parsed =
            if let bytes = commit.objectID.sha1Bytes {
                git_oid_fromraw(&commitID, bytes)
            } else {
                git_oid_fromstrn(&commitID, commit.oid, commit.oid.utf8.count)
            }
        guard parsed == 0 else {
            throw damaged("the commit id '\(commit.oid)' of \(gitDirectory) is not a hexadecimal object id")
        }
        var commitObject: OpaquePointer?
        var tree: OpaquePointer?
        guard git_commit_lookup(&commitObject, repository, &commitID) == 0,
            git_commit_tree(&tree, commitObject) == 0, let tree
        else {
            git_commit_free(commitObject)
            throw damaged(
                "the tree of commit \(commit.oid) in \(gitDirectory) cannot be read (libgit2 says '\(LibGit2.lastErrorMessage)')"
            )
        }
        defer {
            git_tree_free(tree)
            git_commit_free(commitObject)
        }
        guard let blobID = Self.entryID(path, in: tree) else { return nil }
        var blob: OpaquePointer?
        var id = blobID
        guard git_odb_read(&blob, objects, &id) == 0, let blob else {
            throw damaged(
                "the message '\(path)' of commit \(commit.oid) in \(gitDirectory) is missing from the repository")
        }
        defer { git_odb_object_free(blob) }
        guard git_odb_object_type(blob) == GIT_OBJECT_BLOB else {
            throw damaged("'\(path)' of commit \(commit.oid) in \(gitDirectory) is not a file")
        }
        let size = git_odb_object_size(blob)
        guard size > 0, let data = git_odb_object_data(blob) else { return [] }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            buffer.baseAddress!.initialize(from: data.assumingMemoryBound(to: UInt8.self), count: size)
            count = size
        }
    }

    /// Whether the repository's configuration sets any `extensions.*`. libgit2 1.5 opens a
    /// SHA-256 repository as if it were SHA-1 (and would read it wrongly) and lets other
    /// extensions pass unchecked, so any extension leaves the repository to git itself, which
    /// knows them all. public-inbox's epochs set none.
    private static func namesAnExtension(_ repository: OpaquePointer) -> Bool {
        var configuration: OpaquePointer?
        guard git_repository_config_snapshot(&configuration, repository) == 0, let configuration else { return true }
        defer { git_config_free(configuration) }
        var iterator: OpaquePointer?
        guard git_config_iterator_glob_new(&iterator, configuration, "^extensions\\.") == 0, let iterator else {
            return true
        }
        defer { git_config_iterator_free(iterator) }
        var entry: UnsafeMutablePointer<git_config_entry>?
        return git_config_next(&entry, iterator) != GIT_ITEROVER.rawValue
    }

    /// The object id the tree gives `path` (`m`, or v1's `aa/bbbb…`); nil when it has none.
    private static func entryID(_ path: String, in tree: OpaquePointer) -> git_oid? {
        if !path.utf8.contains(UInt8(ascii: "/")) {
            guard let entry = git_tree_entry_byname(tree, path) else { return nil }
            return git_tree_entry_id(entry).pointee
        }
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        return git_tree_entry_id(entry).pointee
    }

    private func damaged(_ what: String) -> InboxError {
        InboxError(
            .damagedArchive,
            "\(what); it is damaged: check it with 'git -C \(gitDirectory) fsck' and fetch or clone it again"
        )
    }
}
