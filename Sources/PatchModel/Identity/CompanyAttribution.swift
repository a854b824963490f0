/// The company a mail is credited to, and how sure the map is about it.
package struct CompanyAttribution: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// A company, university or other organisation named by the map.
        case organisation
        /// A personal-mail domain (gmail.com, qq.com…): "(Individual)".
        case individual
        /// A domain shared by people of many employers (kernel.org, a list host): "(Unknown)".
        case unknown
        /// No map names the domain: `name` is the domain itself, to be reported as unmapped.
        case unmapped
    }

    /// What the report shows: an organisation, "(Individual)", "(Unknown)" or the bare domain.
    package var name: String
    package var kind: Kind

    package init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// False only for a domain that no map names.
    package var isMapped: Bool { kind != .unmapped }

    /// The map's own words for the two kinds that are no organisation (as gitdm writes them).
    package static let individualName = "(Individual)"
    package static let unknownName = "(Unknown)"

    /// An organisation name from a map, with "(Individual)" and "(Unknown)" read as their kinds.
    static func mapped(_ name: String) -> CompanyAttribution {
        switch name.asciiLowercased {
        case individualName.asciiLowercased: CompanyAttribution(name: individualName, kind: .individual)
        case unknownName.asciiLowercased: CompanyAttribution(name: unknownName, kind: .unknown)
        default: CompanyAttribution(name: name, kind: .organisation)
        }
    }
}
