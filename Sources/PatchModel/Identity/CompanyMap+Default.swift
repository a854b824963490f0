import Foundation

extension CompanyMap {
    /// The label problems of the shipped map carry in place of a file name.
    package static let defaultMapLabel = "default company map (companies.map)"

    /// The map shipped with lore-digest (`Resources/companies.map`, carried inside the binary by
    /// `CompanyMap+Embedded.swift`): shared and personal-mail domains and the organisations of the
    /// lists' regular authors. Files the user names are merged over it. Problems in it are a bug
    /// of ours; tests check there are none. ``shippedDefault()``, read once per process.
    package static let shipped: (map: CompanyMap, problems: [MapProblem]) = shippedDefault()

    package static func shippedDefault() -> (map: CompanyMap, problems: [MapProblem]) {
        guard let bytes = shippedMapBytes else {
            return (
                CompanyMap(),
                [
                    MapProblem(
                        file: defaultMapLabel, line: 0, message: "not valid base64 in this build; reinstall lore-digest"
                    )
                ]
            )
        }
        return parse(bytes, file: defaultMapLabel)
    }

    /// The bytes of the shipped map (nil if this build's base64 is broken); a test checks they
    /// are `Resources/companies.map`.
    package static var shippedMapBytes: [UInt8]? {
        Data(base64Encoded: embeddedMapBase64, options: .ignoreUnknownCharacters).map { Array($0) }
    }
}
