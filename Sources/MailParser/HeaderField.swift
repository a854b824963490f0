/// One header field located in the message bytes: the name and the raw (still folded) value.
///
/// Only ranges are stored, so scanning a header block builds no Strings.
package struct HeaderField: Sendable, Hashable {
    /// The field name, without the colon and any white space before it.
    package var name: Range<Int>
    /// The value after the colon up to the end of its last continuation line, line end excluded.
    package var value: Range<Int>

    package init(name: Range<Int>, value: Range<Int>) {
        self.name = name
        self.value = value
    }
}
