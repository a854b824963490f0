import CGit2

/// libgit2, set up once per process to read an archive's objects as `git cat-file` does.
enum LibGit2 {
    /// True once libgit2 is initialised and configured; false when it could not be (then the
    /// archive is read through `git cat-file`, see `BlobReader`).
    static let isReady: Bool = {
        guard git_libgit2_init() > 0 else { return false }
        // `git cat-file` does not re-hash the objects it reads either; `git fsck` is the check.
        // Hashing every blob again would cost about as much as inflating it.
        _ = lore_git2_set_int_option(option(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION), 0)
        // Each commit, tree and blob is read once: an object cache would only hold memory.
        _ = lore_git2_set_int_option(option(GIT_OPT_ENABLE_CACHING), 0)
        // git run with --git-dir (as every git we run is) does not check the owner
        // (`safe.directory`) either; the archive given is the one read.
        _ = lore_git2_set_int_option(option(GIT_OPT_SET_OWNER_VALIDATION), 0)
        // The pack is mapped in windows; these bound what stays mapped (and so resident) while a
        // whole archive of gigabytes is read, instead of libgit2's 1 GiB windows up to 8 GiB.
        _ = lore_git2_set_size_option(option(GIT_OPT_SET_MWINDOW_SIZE), mappedWindowBytes)
        _ = lore_git2_set_size_option(option(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT), mappedLimitBytes)
        return true
    }()

    /// Bytes of pack mapped per window.
    static let mappedWindowBytes = 2 << 20
    /// Bytes of pack mapped at most, over all repositories of the process.
    static let mappedLimitBytes = 8 << 20

    /// libgit2's message for the last failure on this thread, for error text.
    static var lastErrorMessage: String {
        guard let error = git_error_last(), let message = error.pointee.message else { return "no error message" }
        let text = String(cString: message)
        return text.isEmpty ? "no error message" : text
    }

    private static func option(_ value: git_libgit2_opt_t) -> Int32 { Int32(bitPattern: value.rawValue) }
}
