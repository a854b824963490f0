extension String {
    /// This text escaped for HTML element content and quoted attribute values: `& < > " '`.
    /// Mail is untrusted; nothing from it reaches HTML without this.
    package var htmlEscaped: String {
        guard contains(where: { "&<>\"'".contains($0) }) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
