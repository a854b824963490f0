import Foundation

extension CompanyMap {
    /// The label problems of the shipped map carry in place of a file name.
    package static let defaultMapLabel = "default company map (companies.map)"

    /// The map shipped with lore-digest (`Resources/companies.map`): shared and personal-mail
    /// domains and the organisations of the lists' regular authors. Files the user names are merged
    /// over it. Problems in it are a bug of ours; tests check there are none.
    /// ``shippedDefault()``, read once per process.
    package static let shipped: (map: CompanyMap, problems: [MapProblem]) = shippedDefault()

    package static func shippedDefault() -> (map: CompanyMap, problems: [MapProblem]) {
        guard let url = Bundle.module.url(forResource: "companies", withExtension: "map"),
            let data = try? Data(contentsOf: url)
        else {
            return (
                CompanyMap(),
                [
                    MapProblem(
                        file: defaultMapLabel, line: 0,
                        message: "missing from the package's resources; reinstall lore-digest")
                ]
            )
        }
        return parse(data, file: defaultMapLabel)
    }
}
