/// When a patch mail belongs to the series of the patch mail it was sent in reply to.
///
/// Threading comes first (b4, patchwork): git send-email sends patch N in reply to the cover (or to
/// patch 1, or to patch N-1), so a series is the chain of patch mails that continue each other up
/// to its root, the cover letter or patch 1. A cover letter always starts a series of its own, and
/// so does any patch that differs from the mail above in version, total, RESEND or sender: a v2 sent
/// in the v1 thread is a series of its own, never merged into v1.
enum SeriesMembership {
    /// True when `patch` is a further patch of the series `above` belongs to.
    static func continues(_ patch: ThreadMessage, above: ThreadMessage) -> Bool {
        guard patch.kind == .patch, patch.number != nil, patch.minorVersion == nil, above.minorVersion == nil else {
            return false
        }
        return patch.revision == above.revision && patch.total == above.total
            && patch.isResend == above.isResend && patch.authorKey == above.authorKey
    }

    /// True when `patch` (`[PATCH v5.1 3/12]`) is a partial re-roll of one patch of the version-5
    /// series `above` belongs to: it was sent in reply to a patch or cover of the same major version.
    static func rerolls(_ patch: ThreadMessage, above: ThreadMessage) -> Bool {
        guard patch.kind == .patch, patch.minorVersion != nil, above.isPatchMail else { return false }
        return patch.revision == above.revision
    }
}
