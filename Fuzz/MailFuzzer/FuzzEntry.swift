// libFuzzer entry point over MailParser and PatchModel. Built by scripts/fuzz.sh with
// `swiftc -sanitize=fuzzer,address`; libFuzzer supplies main().

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes: [UInt8]
    if let start, count > 0 {
        bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    } else {
        bytes = []
    }
    blackHole(exerciseMail(bytes))
    return 0
}

@inline(never)
func blackHole(_ value: Int) {
    withExtendedLifetime(value) {}
}
