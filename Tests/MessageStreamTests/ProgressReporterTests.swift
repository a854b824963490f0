import MessageStream
import Testing

@Suite struct ProgressReporterTests {
    /// A fake clock and a record of what was written.
    final class Recorder {
        var time = 100.0
        var written: [String] = []
    }

    static func reporter(total: Int, isTerminal: Bool, _ recorder: Recorder) -> ProgressReporter {
        ProgressReporter(
            total: total, isTerminal: isTerminal, minimumTotal: 1000, interval: 0.25,
            now: { recorder.time }, write: { recorder.written.append($0) })
    }

    @Test func aTerminalSeesMessagesRateAndETAThenACleanLine() {
        let recorder = Recorder()
        var progress = Self.reporter(total: 4000, isTerminal: true, recorder)
        recorder.time += 0.1
        progress.advance(by: 256)  // too soon: no redraw
        #expect(recorder.written.isEmpty)
        recorder.time += 0.9
        progress.advance(by: 744)  // 1000 read in 1 s
        #expect(recorder.written == ["\rread 1000 of 4000 messages, 1000/s, ETA 3 s\u{1B}[K"])
        progress.finish()
        #expect(recorder.written.last == "\r\u{1B}[K")
        #expect(recorder.written.count == 2)
    }

    @Test func aRunThatIsOneOfSeveralSaysWhichBeforeTheCount() {
        let recorder = Recorder()
        var progress = ProgressReporter(
            total: 4000, label: "epoch 2 of 4", isTerminal: true, minimumTotal: 1000, interval: 0.25,
            now: { recorder.time }, write: { recorder.written.append($0) })
        recorder.time += 2
        progress.advance(by: 1000)
        #expect(recorder.written == ["\repoch 2 of 4: read 1000 of 4000 messages, 500/s, ETA 6 s\u{1B}[K"])
    }

    @Test func notATerminalWritesNothing() {
        let recorder = Recorder()
        var progress = Self.reporter(total: 50_000, isTerminal: false, recorder)
        for _ in 0..<100 {
            recorder.time += 1
            progress.advance(by: 500)
        }
        progress.finish()
        #expect(recorder.written.isEmpty)
        #expect(!progress.isEnabled)
    }

    @Test func aSmallRunWritesNothingEvenOnATerminal() {
        let recorder = Recorder()
        var progress = Self.reporter(total: 999, isTerminal: true, recorder)
        recorder.time += 5
        progress.advance(by: 999)
        progress.finish()
        #expect(recorder.written.isEmpty)
    }

    @Test func finishWithoutALineWritesNothing() {
        let recorder = Recorder()
        var progress = Self.reporter(total: 5000, isTerminal: true, recorder)
        progress.finish()
        #expect(recorder.written.isEmpty)
    }

    @Test func lineBeforeAnyRateIsJustTheCount() {
        #expect(ProgressReporter.line(read: 0, total: 10, elapsed: 0) == "read 0 of 10 messages")
        #expect(ProgressReporter.line(read: 5, total: 10, elapsed: 1) == "read 5 of 10 messages, 5/s, ETA 1 s")
    }
}
