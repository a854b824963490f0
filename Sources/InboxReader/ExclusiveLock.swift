import Glibc

/// Taking the exclusive `flock` that keeps two runs apart (a mirror's sync, a `--since-last-run`
/// state, a published site): one rule for all of them.
package enum ExclusiveLock {
    /// Locks `descriptor` exclusively; false when another process holds it.
    ///
    /// A lock that frees itself within a second is no other run: a process forked by this one
    /// (or, in the tests, by another test) holds a copy of every descriptor until it executes its
    /// program, and so keeps a just-released lock for a moment. Another run holds it for its
    /// whole length.
    package static func take(_ descriptor: Int32) -> Bool {
        var attempts = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            attempts += 1
            guard errno == EWOULDBLOCK, attempts < 20 else { return false }
            usleep(50_000)
        }
        return true
    }
}
