extension Report {
    // The entries' text and the patch list's lines, from the report or read back from its
    // temporary file (``entryTexts``, ``patchListLines``); for the series see ``seriesEntry(at:)``.

    /// Whether every part of the report is in memory: none waits in its temporary file.
    package var isHeldInMemory: Bool { entryTexts == nil && patchListLines == nil && seriesEntries == nil }

    /// How many lines the patch list has, in `patchList` or in ``patchListLines``.
    package var patchListCount: Int { patchListLines?.count ?? patchList.count }

    /// The patch list's line at `index`, from `patchList` or read back from its file.
    /// - Throws: ``SpoolReadFailure`` when a spooled line cannot be read back.
    package func patchListLine(at index: Int) throws(SpoolReadFailure) -> PatchListLine {
        guard let patchListLines else { return patchList[index] }
        return try patchListLines.line(at: index)
    }

    /// The text of the entry at `index`, from the entry or read back from its file.
    /// - Throws: ``SpoolReadFailure`` when a spooled text cannot be read back.
    package func entryText(at index: Int) throws(SpoolReadFailure) -> String {
        guard let entryTexts else { return entries[index].text }
        return try entryTexts.text(at: index)
    }
}
