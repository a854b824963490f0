/// Builds raw mail bytes from a readable literal: `\n` line ends become `lineEnd`.
func mailBytes(_ text: String, lineEnd: String = "\n") -> [UInt8] {
    Array(text.replacingOccurrences(of: "\n", with: lineEnd).utf8)
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard target != replacement else { return self }
        return split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
