@main
struct LoreDigest {
    static func main() {}
}
