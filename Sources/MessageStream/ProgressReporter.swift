import Glibc

/// A one-line progress display on standard error for long runs: messages read, rate and ETA.
///
/// Shown only when standard error is a terminal (`isatty(2)`) and the run reads at least
/// `minimumTotal` messages; otherwise every call does nothing, so logs and pipes never see it.
/// The line is redrawn in place (`\r`, then erase to end of line) at most every `interval`
/// seconds and erased by `finish()`, so the report that follows starts on a clean line.
///
/// ```
/// read 5120 of 21366 messages, 10240/s, ETA 2 s
/// ```
///
/// Not thread-safe: one consumer (the pipeline's ordered merge) owns it.
package struct ProgressReporter {
    /// Messages the run will read.
    package let total: Int
    /// Said before the count (`epoch 2 of 4: read …`); nil: nothing.
    package let label: String?
    /// False: every call does nothing.
    package let isEnabled: Bool
    private let interval: Double
    private let now: () -> Double
    private let write: (String) -> Void
    private let start: Double
    private var lastDrawn: Double
    private var read = 0
    private var isShowing = false

    /// Runs below this many messages finish too fast to need a progress line.
    package static let defaultMinimumTotal = 2000

    /// - Parameters:
    ///   - total: messages the run will read.
    ///   - label: said before the count, for a run that is one of several (`epoch 2 of 4`).
    ///   - isTerminal: whether standard error is a terminal (tests pass a fake value).
    ///   - minimumTotal: no line for smaller runs.
    ///   - interval: seconds between redraws.
    ///   - now: a monotonic clock in seconds (tests pass a fake one).
    ///   - write: where the line goes (standard error by default).
    package init(
        total: Int,
        label: String? = nil,
        isTerminal: Bool = isatty(2) != 0,
        minimumTotal: Int = ProgressReporter.defaultMinimumTotal,
        interval: Double = 0.25,
        now: @escaping () -> Double = ProgressReporter.monotonicSeconds,
        write: @escaping (String) -> Void = ProgressReporter.writeToStandardError
    ) {
        self.total = total
        self.label = label
        self.isEnabled = isTerminal && total >= minimumTotal
        self.interval = interval
        self.now = now
        self.write = write
        let start = isEnabled ? now() : 0
        self.start = start
        self.lastDrawn = start
    }

    /// Counts `count` more messages read; redraws the line when `interval` has passed.
    package mutating func advance(by count: Int) {
        guard isEnabled else { return }
        read += count
        let time = now()
        guard time - lastDrawn >= interval else { return }
        lastDrawn = time
        isShowing = true
        write(
            "\r" + (label.map { "\($0): " } ?? "") + Self.line(read: read, total: total, elapsed: time - start)
                + "\u{1B}[K")
    }

    /// Erases the line, if one was drawn.
    package mutating func finish() {
        guard isShowing else { return }
        isShowing = false
        write("\r\u{1B}[K")
    }

    /// `read 5120 of 21366 messages, 10240/s, ETA 2 s`; the rate and ETA once they mean something.
    package static func line(read: Int, total: Int, elapsed: Double) -> String {
        var text = "read \(read) of \(total) messages"
        guard elapsed > 0, read > 0 else { return text }
        let rate = Double(read) / elapsed
        text += ", \(Int(rate.rounded()))/s"
        let remaining = Double(max(0, total - read)) / rate
        text += ", ETA \(Int(remaining.rounded(.up))) s"
        return text
    }

    package static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }

    package static func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }  // a closed or broken stderr: drop the line, never fail the run
            offset += written
        }
    }
}
