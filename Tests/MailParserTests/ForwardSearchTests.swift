import Testing

@testable import MailParser

@Suite struct ForwardSearchTests {
    private static let text = bytes("ab?=c?d ?=e\t?x?=")

    private func naive(_ start: Int, pair: Bool) -> Int {
        var index = start
        while index < Self.text.count {
            if Self.text[index] == ASCII.question,
                !pair || (index + 1 < Self.text.count && Self.text[index + 1] == ASCII.equals)
            {
                return index
            }
            index += 1
        }
        return Self.text.count
    }

    @Test(arguments: [
        Array(0...16),
        [0, 5, 3, 9, 2, 14, 1, 16, 12],
        [16, 0, 8, 8, 7, 6, 5],
    ])
    func answersMatchANaiveSearchInAnyOrder(starts: [Int]) {
        var single = ForwardSearch(byte: ASCII.question)
        var pair = ForwardSearch(byte: ASCII.question, followedBy: ASCII.equals)
        for start in starts {
            #expect(single.find(in: Self.text, from: start) == naive(start, pair: false), "single from \(start)")
            #expect(pair.find(in: Self.text, from: start) == naive(start, pair: true), "pair from \(start)")
        }
    }

    @Test func alternateByteAlsoMatches() {
        var blank = ForwardSearch(byte: ASCII.space, alternate: ASCII.tab)
        #expect(blank.find(in: Self.text, from: 0) == 7)
        #expect(blank.find(in: Self.text, from: 8) == 11)
    }
}
