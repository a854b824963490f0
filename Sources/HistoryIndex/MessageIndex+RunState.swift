internal import GRDB

extension MessageIndex {
    /// The bookmark named `name`; nil before its first successful run.
    package func runState(named name: String) throws(IndexError) -> RunState? {
        try read { db in
            guard
                let updatedAt = try Int64.fetchOne(
                    db, sql: "SELECT updated_at FROM run_state WHERE name = ?", arguments: [name])
            else { return nil }
            var epochs: [Int: RunState.Mark] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT epoch, last_commit, last_commit_time FROM run_state_epochs WHERE name = ?",
                arguments: [name])
            {
                epochs[row[0]] = RunState.Mark(commit: row[1], commitTime: row[2])
            }
            return RunState(name: name, epochs: epochs, updatedAt: updatedAt)
        }
    }

    /// Replaces the bookmark `state.name` with `state`, in one transaction.
    package func save(_ state: RunState) throws(IndexError) {
        try write { db in
            try db.execute(sql: "DELETE FROM run_state WHERE name = ?", arguments: [state.name])
            try db.execute(
                sql: "INSERT INTO run_state (name, updated_at) VALUES (?, ?)", arguments: [state.name, state.updatedAt])
            for (epoch, mark) in state.epochs.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql:
                        "INSERT INTO run_state_epochs (name, epoch, last_commit, last_commit_time) VALUES (?, ?, ?, ?)",
                    arguments: [state.name, epoch, mark.commit, mark.commitTime])
            }
        }
    }
}
