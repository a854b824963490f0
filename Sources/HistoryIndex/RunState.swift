/// A since-last-run bookmark: for each epoch, the last commit the run named `name` reported.
package struct RunState: Sendable, Hashable {
    /// Where one epoch was left.
    package struct Mark: Sendable, Hashable {
        package var commit: String
        /// Its commit time, seconds since 1970; used when the epoch's history was rewritten and
        /// `commit` is gone.
        package var commitTime: Int64

        package init(commit: String, commitTime: Int64) {
            self.commit = commit
            self.commitTime = commitTime
        }
    }

    package var name: String
    /// Epoch number → the last commit reported in it.
    package var epochs: [Int: Mark]
    /// When the state was last written, seconds since 1970.
    package var updatedAt: Int64

    package init(name: String, epochs: [Int: Mark], updatedAt: Int64) {
        self.name = name
        self.epochs = epochs
        self.updatedAt = updatedAt
    }
}
