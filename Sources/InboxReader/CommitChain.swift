import Foundation
import Synchronization

/// Lists an epoch's commits by walking its parent chain through the packs, when that certainly
/// gives what `git rev-list --reverse --timestamp TIP` prints: the commits oldest first, each with
/// its committer time.
///
/// rev-list inflates and parses every commit in one process before printing the first line
/// (`--reverse`): 0.11–0.15 s for kvmarm's 21,367, during which the reading threads wait. Walking
/// the chain here, with the readers' pack index look-ups and libdeflate, takes a fraction of that,
/// and keeps each commit's tree for the readers (`CommitTrees`), who then need not inflate the
/// commit again.
/// It answers only for the shape public-inbox writes, one parent per commit and the usual header
/// order, only when git would not rewrite the history it sees (replace refs, grafts, a shallow
/// clone) and has no commit-graph to read it faster; anything else (a merge, a commit outside the packs, an odd header, a damaged
/// object) gives nil, and rev-list lists the epoch as before.
enum CommitChain {
    /// The commits from the root to `tip` (40 hexadecimal digits), oldest first; nil when git
    /// must list them.
    static func list(_ epoch: Epoch, tip: String) -> [CommitRef]? {
        guard BlobReader.fromEnvironment ?? .packs == .packs, !rewritesHistory(epoch.gitDirectory),
            !hasCommitGraph(epoch.gitDirectory),
            let tipName = Array(tip.utf8).withUnsafeBytes({ SHA1Name(hexDigits: $0, at: 0) }), tip.utf8.count == 40,
            let store = PackObjectStore(gitDirectory: epoch.gitDirectory),
            let reader = PackObjectReader(store: store)
        else { return nil }
        defer { store.releaseResidentPages() }
        // No chain is longer than the packs have objects: a damaged pack cannot loop the walk.
        let most = store.packs.reduce(0) { $0 + $1.index.count }
        var newestFirst: [CommitRef] = []
        // Dropped as soon as the epoch has more commits than are kept.
        var trees: [CommitTrees.Pair]? = []
        var next: SHA1Name? = tipName
        while let name = next {
            guard newestFirst.count < most, let commit = reader.object(named: name), commit.type == 1,
                let header = CommitHeader(commit.bytes)
            else { return nil }
            newestFirst.append(
                CommitRef(epoch: epoch.number, objectID: ObjectID(name), commitTime: header.committerTime))
            if newestFirst.count > CommitTrees.mostKept { trees = nil }
            trees?.append(CommitTrees.Pair(commit: name, tree: header.tree))
            next = header.parent
            // In a pack written as the mails came (fast-import: blob, tree, commit, mail after
            // mail) the commits are spread over the whole pack: without this, walking a 1 GB epoch
            // would leave a gigabyte of it resident.
            if newestFirst.count % Self.releaseEvery == 0 { store.releaseResidentPages() }
        }
        provenLinear.withLock { _ = $0.insert(Self.key(epoch.gitDirectory, tip)) }
        if let trees { CommitTrees.record(CommitTrees(trees), for: epoch.gitDirectory) }
        return newestFirst.reversed()
    }

    /// How many commits are walked between two releases of the pack's resident pages.
    static let releaseEvery = 1_024

    /// The tips whose whole history a walk of this process found to be one chain: the merge
    /// search of a first index build (`Inbox.hasMerge`) need not walk it again with git.
    /// Commits never change, so the answer holds for the life of the process.
    private static let provenLinear = Mutex<Set<String>>([])

    /// Whether a walk of this process listed the whole history of `tip` as one chain.
    static func isKnownLinear(_ gitDirectory: String, tip: String) -> Bool {
        provenLinear.withLock { $0.contains(Self.key(gitDirectory, tip)) }
    }

    private static func key(_ gitDirectory: String, _ tip: String) -> String { gitDirectory + "\u{0}" + tip }

    /// Whether the epoch has a commit-graph (`sync` writes one): rev-list then reads parents and
    /// times from it without inflating a commit, faster than this walk (kvmarm: 0.02 s against
    /// 0.07 s).
    static func hasCommitGraph(_ gitDirectory: String) -> Bool {
        let files = FileManager.default
        return files.fileExists(atPath: gitDirectory + "/objects/info/commit-graph")
            || files.fileExists(atPath: gitDirectory + "/objects/info/commit-graphs/commit-graph-chain")
    }

    /// Whether git would see another history than the objects' own: replace refs, grafts or a
    /// shallow clone's cut.
    static func rewritesHistory(_ gitDirectory: String) -> Bool {
        let files = FileManager.default
        if files.fileExists(atPath: gitDirectory + "/shallow")
            || files.fileExists(atPath: gitDirectory + "/info/grafts")
        {
            return true
        }
        if let replaced = try? files.contentsOfDirectory(atPath: gitDirectory + "/refs/replace"), !replaced.isEmpty {
            return true
        }
        guard let packed = files.contents(atPath: gitDirectory + "/packed-refs") else { return false }
        return packed.range(of: Data(" refs/replace/".utf8)) != nil
    }
}

/// What the listing needs of a commit: its tree, its one parent (nil for a root) and its committer
/// time, read only from a commit shaped as git writes it: `tree`, at most one `parent`, `author`,
/// then `committer … <email> SECONDS ZONE`. Nil for any other shape, where git's own reading
/// decides.
struct CommitHeader {
    var tree: SHA1Name
    var parent: SHA1Name?
    var committerTime: Int64

    private static let tree = Array("tree ".utf8)
    private static let parent = Array("parent ".utf8)
    private static let author = Array("author ".utf8)
    private static let committer = Array("committer ".utf8)

    init?(_ bytes: [UInt8]) {
        var tree: SHA1Name?
        var parent: SHA1Name?
        var time: Int64?
        let shaped = bytes.withUnsafeBytes { buffer -> Bool in
            var lines = HeaderLines(buffer: buffer)
            guard let named = lines.next(startingWith: Self.tree), named.count == 40 else { return false }
            tree = SHA1Name(hexDigits: buffer, at: named.lowerBound)
            if let named = lines.next(startingWith: Self.parent) {
                guard named.count == 40, let name = SHA1Name(hexDigits: buffer, at: named.lowerBound) else {
                    return false
                }
                parent = name
            }
            guard lines.next(startingWith: Self.parent) == nil, lines.next(startingWith: Self.author) != nil,
                let committer = lines.next(startingWith: Self.committer)
            else { return false }
            time = Self.seconds(afterEmailIn: committer, of: buffer)
            return true
        }
        guard shaped, let tree, let time else { return nil }
        self.tree = tree
        self.parent = parent
        self.committerTime = time
    }

    /// The seconds after the line's last `>`: one space, 1 to 18 digits, one space.
    private static func seconds(afterEmailIn line: Range<Int>, of buffer: UnsafeRawBufferPointer) -> Int64? {
        var close = line.upperBound - 1
        while close >= line.lowerBound, buffer[close] != UInt8(ascii: ">") { close -= 1 }
        guard close >= line.lowerBound else { return nil }
        var position = close + 1
        guard position < line.upperBound, buffer[position] == UInt8(ascii: " ") else { return nil }
        position += 1
        var value: Int64 = 0
        var digits = 0
        while position < line.upperBound, digits < 18, case let digit = buffer[position], digit >= 0x30, digit <= 0x39 {
            value = value * 10 + Int64(digit - 0x30)
            digits += 1
            position += 1
        }
        guard digits > 0, position < line.upperBound, buffer[position] == UInt8(ascii: " ") else { return nil }
        return value
    }
}

/// The lines of an object's header, one at a time, each taken only when it starts as asked.
private struct HeaderLines {
    let buffer: UnsafeRawBufferPointer
    var position = 0

    /// The rest of the next line after `prefix` (without its line feed); nil, reading nothing,
    /// when the next line does not start with `prefix` or has no line feed.
    mutating func next(startingWith prefix: [UInt8]) -> Range<Int>? {
        guard let base = buffer.baseAddress, position + prefix.count <= buffer.count,
            prefix.withUnsafeBytes({ memcmp(base + position, $0.baseAddress!, prefix.count) }) == 0,
            let found = memchr(base + position + prefix.count, 0x0A, buffer.count - position - prefix.count)
        else { return nil }
        let end = base.distance(to: UnsafeRawPointer(found))
        defer { position = end + 1 }
        return (position + prefix.count)..<end
    }
}
