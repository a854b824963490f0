/// Tells a commit that deletes a message from one whose message object is lost.
///
/// For `COMMIT:m`, `git cat-file --batch` answers "missing" both when the commit's tree has no
/// `m` (a public-inbox deletion: the tree holds `d`) and when the tree or the blob itself is
/// gone from a damaged repository. Only the first is a deletion; the second must stop the run,
/// or a damaged archive would be reported as complete with messages silently "deleted".
/// Deletions are rare (spam removal), so one `ls-tree` per deletion costs nothing.
enum DeletionCheck {
    /// - Throws: `InboxError` `.damagedArchive` when the tree is unreadable or still names `path`.
    static func verify(_ commit: CommitRef, path: String, gitDirectory: String) async throws(InboxError) {
        let listing = try await GitCommand.run(
            gitDirectory: gitDirectory, ["ls-tree", "-z", "--name-only", "--end-of-options", commit.oid, "--", path])
        let fsck = "check it with 'git -C \(gitDirectory) fsck' and fetch or clone it again"
        guard listing.succeeded else {
            throw InboxError(
                .damagedArchive,
                "the tree of commit \(commit.oid) in \(gitDirectory) cannot be read (git says '\(GitCommand.firstLine(listing.standardError))'); the repository is damaged: \(fsck)"
            )
        }
        if !listing.standardOutput.isEmpty {
            throw InboxError(
                .damagedArchive,
                "the message '\(path)' of commit \(commit.oid) in \(gitDirectory) is missing from the repository; it is damaged: \(fsck)"
            )
        }
    }
}
