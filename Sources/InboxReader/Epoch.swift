/// One bare git repository of an archive: `git/N.git` of a v2 inbox, or the whole repository
/// of a bare epoch or a v1 inbox (number 0).
package struct Epoch: Sendable, Hashable {
    package var number: Int
    package var gitDirectory: String

    package init(number: Int, gitDirectory: String) {
        self.number = number
        self.gitDirectory = gitDirectory
    }
}
