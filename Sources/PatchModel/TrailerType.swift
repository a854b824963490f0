/// The kind of a trailer, as a review counts it.
///
/// `Reviewed-by`, `Acked-by`, `Tested-by` and `Nacked-by` (also spelt `NAKed-by` and `Nak-by`) are
/// typed; every other person trailer (`Reported-by`, `Suggested-by`, `Signed-off-by`, …) is
/// `.other`, and a trailer that names no person (`Fixes`, `Link`) is `.utility`.
package enum TrailerType: String, Sendable, Hashable, Codable, CaseIterable {
    case reviewedBy = "reviewed-by"
    case ackedBy = "acked-by"
    case testedBy = "tested-by"
    case nackedBy = "nacked-by"
    case other
    case utility

    /// The type of a trailer whose lower-case name is `key`.
    init(key: String, isPersonTrailer: Bool) {
        switch key {
        case "reviewed-by": self = .reviewedBy
        case "acked-by": self = .ackedBy
        case "tested-by": self = .testedBy
        case "nacked-by", "naked-by", "nak-by": self = .nackedBy
        default: self = isPersonTrailer ? .other : .utility
        }
    }
}
