import CDeflate

/// Reads message blobs straight from an epoch's pack files, on one reading thread: the commit,
/// its tree and the blob are found through the pack indexes, inflated with libdeflate and their
/// deltas applied here.
///
/// libgit2 reading the same objects spent about as much again as inflating them on looking
/// objects up, mapping and unmapping pack windows and allocating per object, and zlib inflates at
/// about 0.6 times libdeflate's speed (all of kvmarm's pack: 0.51 s against 0.30 s on one core).
/// Whatever this reader does not find in the packs it mapped (a loose object, an alternate, a pack
/// written since) or cannot read from them (a damaged object, a v1 archive's nested path) it
/// answers `.elsewhere`, and libgit2 reads it, so that a damaged archive gives libgit2's error.
final class PackObjectReader {
    enum Answer: Equatable {
        case file([UInt8])
        /// The commit's tree has no such file (a public-inbox deletion).
        case noSuchFile
        /// Not found or not readable in the packs: ask libgit2.
        case elsewhere
    }

    /// No object is inflated beyond this size here (libgit2 reads a larger one, if it can).
    static let largestObject = 1 << 30
    /// Delta chains longer than git ever writes (its default depth is 50; the most is 4,095) are
    /// treated as damage (a chain of REF_DELTAs naming each other would not end).
    static let longestChain = 10_000

    private struct Delta {
        var location: PackObjectStore.Location
        var dataStart: Int
        var size: Int
    }

    private struct Header {
        var type: UInt8
        var size: Int
        var dataStart: Int
        /// For a delta: where its base lies.
        var base: PackObjectStore.Location?
    }

    let store: PackObjectStore
    /// Each commit's tree as the listing read it: a mail's commit need not be inflated again.
    let trees: CommitTrees?
    private let decompressor: OpaquePointer
    private var bases: DeltaBaseCache
    /// The chain of deltas being resolved, kept for its capacity.
    private var chain: [Delta] = []

    /// - Parameter baseCacheBytes: how much of the objects resolved as delta bases is kept, so
    ///   that the mails whose blobs are deltas against one base inflate it once.
    ///   On kvmarm's pack 4 MiB inflates 35,700 objects a thread, no cache 51,000 and an unbounded
    ///   one 35,500.
    init?(store: PackObjectStore, trees: CommitTrees? = nil, baseCacheBytes: Int = 4 << 20) {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        self.store = store
        self.trees = trees
        self.decompressor = decompressor
        self.bases = DeltaBaseCache(budget: baseCacheBytes)
    }

    deinit {
        libdeflate_free_decompressor(decompressor)
    }

    /// The bytes of the file `path` (a name at the top of the tree: `m`) in `commit`'s tree.
    func file(_ path: String, of commit: ObjectID) -> Answer {
        guard !path.utf8.contains(UInt8(ascii: "/")), let commitName = commit.sha1Name,
            let treeName = trees?.tree(of: commitName) ?? treeName(ofCommitNamed: commitName),
            let tree = object(named: treeName), tree.type == 2
        else { return .elsewhere }
        switch TreeEntries.find(path, in: tree.bytes) {
        case .malformed: return .elsewhere
        case .absent: return .noSuchFile
        case .found(let blobName):
            guard let blob = object(named: blobName), blob.type == 3 else { return .elsewhere }
            return .file(blob.bytes)
        }
    }

    /// The tree of the commit `name`, read from the packs.
    private func treeName(ofCommitNamed name: SHA1Name) -> SHA1Name? {
        guard let commit = object(named: name), commit.type == 1 else { return nil }
        return Self.treeName(ofCommit: commit.bytes)
    }

    /// The tree a commit names on its first line (`tree <40 hex digits>`).
    static func treeName(ofCommit bytes: [UInt8]) -> SHA1Name? {
        guard bytes.count >= 46, bytes.starts(with: "tree ".utf8), bytes[45] == UInt8(ascii: "\n") else { return nil }
        return bytes.withUnsafeBytes { SHA1Name(hexDigits: $0, at: 5) }
    }

    /// The object named `name`, delta chain resolved; nil when the packs do not hold it or it
    /// cannot be read from them.
    func object(named name: SHA1Name) -> PackedObject? {
        guard let location = store.locate(name) else { return nil }
        return object(at: location)
    }

    private func object(at start: PackObjectStore.Location) -> PackedObject? {
        chain.removeAll(keepingCapacity: true)
        var location = start
        var resolved: PackedObject
        while true {
            if let cached = bases[location] {
                resolved = cached
                break
            }
            guard let header = header(at: location), chain.count < Self.longestChain else { return nil }
            if let base = header.base {
                chain.append(Delta(location: location, dataStart: header.dataStart, size: header.size))
                location = base
                continue
            }
            guard (1...4).contains(header.type),
                let bytes = inflate(pack: location.pack, from: header.dataStart, size: header.size)
            else { return nil }
            resolved = PackedObject(type: header.type, bytes: bytes)
            if !chain.isEmpty { bases.insert(resolved, at: location) }
            break
        }
        // Applied from the base up; every object on the way is a base of the next, so kept.
        for position in chain.indices.reversed() {
            let delta = chain[position]
            guard let instructions = inflate(pack: delta.location.pack, from: delta.dataStart, size: delta.size),
                let bytes = DeltaInstructions.apply(instructions, to: resolved.bytes, largest: Self.largestObject)
            else { return nil }
            resolved = PackedObject(type: resolved.type, bytes: bytes)
            if position > 0 { bases.insert(resolved, at: delta.location) }
        }
        return resolved
    }

    /// The entry header at `location`: type, inflated size, where the deflated data starts and,
    /// for a delta, where its base lies. Nil when it runs past the pack or names no sound base.
    private func header(at location: PackObjectStore.Location) -> Header? {
        let pack = store.packs[location.pack]
        let bytes = pack.file.bytes
        let end = pack.dataEnd
        var position = location.offset
        guard position < end else { return nil }
        var byte = bytes[position]
        position += 1
        let type = (byte >> 4) & 7
        var size = Int(byte & 15)
        var shift = 4
        while byte & 0x80 != 0 {
            guard position < end, shift <= 53 else { return nil }
            byte = bytes[position]
            position += 1
            size |= Int(byte & 0x7f) << shift
            shift += 7
        }
        var base: PackObjectStore.Location?
        switch type {
        case 6:  // OFS_DELTA: the base lies this many bytes before the entry
            guard position < end else { return nil }
            byte = bytes[position]
            position += 1
            var distance = Int(byte & 0x7f)
            while byte & 0x80 != 0 {
                guard position < end, distance < 1 << 48 else { return nil }
                byte = bytes[position]
                position += 1
                distance = (distance + 1) << 7 | Int(byte & 0x7f)
            }
            guard distance > 0, location.offset - distance >= 12 else { return nil }
            base = PackObjectStore.Location(pack: location.pack, offset: location.offset - distance)
        case 7:  // REF_DELTA: the base by name, in any pack
            guard position + 20 <= end else { return nil }
            let name = SHA1Name(bytes, at: position)
            position += 20
            guard let found = store.locate(name) else { return nil }
            base = found
        default:
            break
        }
        // Deflate expands at most 1,032 times: a larger claim is damage, not an object to allocate.
        guard size <= Self.largestObject, size <= (end - position) * 1_032 + 64 else { return nil }
        return Header(type: type, size: size, dataStart: position, base: base)
    }

    /// The `size` bytes inflated from the zlib stream at `start`; nil unless it inflates to
    /// exactly that many.
    private func inflate(pack: Int, from start: Int, size: Int) -> [UInt8]? {
        let packed = store.packs[pack]
        guard start < packed.dataEnd, let input = packed.file.bytes.baseAddress else { return nil }
        var succeeded = false
        let bytes = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, count in
            var produced = 0
            let result = libdeflate_zlib_decompress_ex(
                decompressor, input + start, packed.dataEnd - start, buffer.baseAddress, size, nil, &produced)
            succeeded = result == LIBDEFLATE_SUCCESS && produced == size
            count = succeeded ? size : 0
        }
        return succeeded ? bytes : nil
    }
}

/// An object read from a pack: its type (1 commit, 2 tree, 3 blob, 4 tag) and bytes.
struct PackedObject {
    var type: UInt8
    var bytes: [UInt8]
}

/// The objects resolved as delta bases, kept up to a budget of bytes, the oldest let go first.
struct DeltaBaseCache {
    let budget: Int
    private var objects: [PackObjectStore.Location: PackedObject] = [:]
    private var order: [PackObjectStore.Location] = []
    private var oldest = 0
    private var bytes = 0

    init(budget: Int) {
        self.budget = budget
    }

    subscript(location: PackObjectStore.Location) -> PackedObject? { objects[location] }

    mutating func insert(_ object: PackedObject, at location: PackObjectStore.Location) {
        guard object.bytes.count <= budget / 2, objects.updateValue(object, forKey: location) == nil else { return }
        order.append(location)
        bytes += object.bytes.count
        while bytes > budget, oldest < order.count {
            if let dropped = objects.removeValue(forKey: order[oldest]) { bytes -= dropped.bytes.count }
            oldest += 1
        }
        if oldest >= 1_024, oldest * 2 >= order.count {
            order.removeFirst(oldest)
            oldest = 0
        }
    }
}
