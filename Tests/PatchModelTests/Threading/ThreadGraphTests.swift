import Testing

@testable import PatchModel

@Suite struct ThreadGraphTests {
    typealias F = ThreadFixture

    @Test func inReplyToWinsOverReferences() {
        let mails = [F.reply("a", to: nil), F.reply("b", to: nil), F.reply("c", to: "a", references: ["a", "b"])]
        var graph = ThreadGraph(messages: mails, lookup: { _ in nil })
        #expect(graph.parent(of: "c") == "a")
    }

    @Test func unknownInReplyToFallsBackToLastResolvableReference() {
        let mails = [
            F.reply("a", to: nil), F.reply("b", to: "a"),
            F.reply("c", to: "gone", references: ["a", "b", "gone", "also-gone"]),
        ]
        var graph = ThreadGraph(messages: mails, lookup: { _ in nil })
        #expect(graph.parent(of: "c") == "b")
        #expect(graph.root(of: "c") == "a")
    }

    @Test func parentBeforeTheSetIsFoundThroughTheLookup() {
        let before = F.cover("old0", total: 2, at: -86_400)
        let mails = [F.reply("r", to: "old0")]
        var asked: [String] = []
        var graph = ThreadGraph(
            messages: mails,
            lookup: { id in
                asked.append(id)
                return id == "old0" ? before : nil
            })
        #expect(graph.parent(of: "r") == "old0")
        #expect(graph.patchMailAnchor(of: "r") == "old0")
        #expect(!graph.contains("old0"))
        _ = graph.parent(of: "r")
        _ = graph.message("old0")
        #expect(asked == ["old0"], "answers are cached")
    }

    @Test func tenThousandReferencesNeitherHangNorAskTenThousandTimes() {
        let references = (0..<10_000).map { "unknown-\($0)" }
        let mails = [F.reply("root", to: nil), F.reply("deep", to: nil, references: ["root"] + references)]
        var lookups = 0
        var graph = ThreadGraph(
            messages: mails,
            lookup: { _ in
                lookups += 1
                return nil
            })
        #expect(graph.parent(of: "deep") == "root", "a reference in the set is found past any number of unknown ones")
        #expect(lookups <= ThreadGraph.externalLookupsPerMessage)
    }

    @Test func tenThousandReferencesOfKnownMessages() {
        var mails = [F.reply("m0", to: nil)]
        for index in 1..<10_000 { mails.append(F.reply("m\(index)", to: "m\(index - 1)")) }
        mails.append(F.reply("last", to: nil, references: (0..<10_000).map { "m\($0)" }))
        var graph = ThreadGraph(messages: mails, lookup: { _ in nil })
        #expect(graph.parent(of: "last") == "m9999")
        #expect(graph.root(of: "last") == "m0", "a 10,000-deep chain is walked without recursion")
    }

    @Test func cycleEndsTheWalk() {
        let mails = [F.reply("a", to: "b"), F.reply("b", to: "a"), F.reply("c", to: "a")]
        var graph = ThreadGraph(messages: mails, lookup: { _ in nil })
        let root = graph.root(of: "c")
        #expect(root == "a" || root == "b")
        #expect(graph.root(of: "a") == root && graph.root(of: "b") == root)
        #expect(graph.patchMailAnchor(of: "c") == nil)
    }

    @Test func longCycleThroughReferencesEndsTheWalk() {
        // a → b → c → a, each naming its parent only in References.
        let mails = [
            F.reply("a", to: nil, references: ["c"]), F.reply("b", to: nil, references: ["a"]),
            F.reply("c", to: nil, references: ["b"]),
        ]
        var graph = ThreadGraph(messages: mails, lookup: { _ in nil })
        #expect(["a", "b", "c"].contains(graph.root(of: "b")))
        #expect(graph.patchMailAnchor(of: "b") == nil)
    }

    @Test func cycleLongerThanTheShortPathCheckEndsTheWalk() {
        // m0 → m1 → … → m99 → m0: past the walk's first 32 steps a set finds the repeat.
        let mails = (0..<100).map { F.reply("m\($0)", to: "m\(($0 + 99) % 100)") }
        var graph = ThreadGraph(messages: mails, lookup: { _ in nil })
        let root = graph.root(of: "m50")
        #expect(mails.contains { $0.messageID == root })
        #expect((0..<100).allSatisfy { graph.root(of: "m\($0)") == root }, "one answer for the whole ring")
    }

    @Test func nodesNameTheSetInOrderThenWhatTheLookupFound() {
        let before = F.cover("old0", total: 1, at: -86_400)
        let mails = [F.reply("r", to: "old0"), F.reply("r", to: nil), F.reply("s", to: "r")]
        var graph = ThreadGraph(messages: mails, lookup: { $0 == "old0" ? before : nil })
        #expect(graph.setMessages.map(\.messageID) == ["r", "s"], "the first of two messages with one ID is kept")
        #expect(graph.node("r") == 0 && graph.node("s") == 1)
        #expect(graph.node("missing") == nil && graph.nodeCount == 3, "a miss gets a node, never a message")
        #expect(graph.parent(of: 1) == 0)
        let old = graph.parent(of: 0)
        #expect(old == 3 && old.map { graph.message(at: $0).messageID } == "old0")
        #expect(old.map { graph.isInSet($0) } == false && graph.isInSet(0))
        graph.learn(F.reply("missing", to: "s"))
        #expect(graph.message("missing")?.inReplyTo == "s", "a learned message replaces a miss")
        #expect(graph.patchMailAnchor(of: 1) == old)
    }

    @Test func selfReferenceIsIgnored() {
        let mails = [F.reply("a", to: nil), F.reply("b", to: "b", references: ["a", "b"])]
        var graph = ThreadGraph(messages: mails, lookup: { _ in nil })
        #expect(graph.parent(of: "b") == "a")
        #expect(graph.root(of: "b") == "a")
    }

    @Test func onlySelfReferenceIsARoot() {
        let mails = [F.reply("a", to: "a", references: ["a"])]
        var graph = ThreadGraph(messages: mails, lookup: { _ in nil })
        #expect(graph.parent(of: "a") == nil)
        #expect(graph.root(of: "a") == "a")
    }

    @Test func cycleInTheSeriesRulesDoesNotHang() {
        // Two patch mails naming each other, and a reply below: everything still ends.
        let mails = [
            F.patch("p1", 1, of: 2, inReplyTo: "p2"), F.patch("p2", 2, of: 2, at: 1, inReplyTo: "p1"),
            F.reply("r", to: "p2", at: 2, trailers: [F.reviewed()]),
        ]
        let report = SeriesAnalyzer.analyze(mails)
        #expect(report.series.count == 1)
        #expect(report.series.first?.received == [1, 2])
        #expect(report.series.first?.responses.trailers.count == 1)
    }
}
