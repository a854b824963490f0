import Foundation

/// The packs of one epoch's repository, mapped once and shared by the reading threads: where each
/// packed object lies. Loose objects, alternates and packs written after opening are not here;
/// `PackObjectReader` leaves whatever it does not find to libgit2.
final class PackObjectStore: Sendable {
    struct Pack: Sendable {
        let index: PackIndex
        let file: MappedFile
        /// Where the objects end: the trailing checksum follows.
        let dataEnd: Int
    }

    /// A packed object's place: which pack, and where in it.
    struct Location: Hashable, Sendable {
        var pack: Int
        var offset: Int
    }

    let packs: [Pack]

    /// Opens every pack of `gitDirectory`; nil when there is none, or one is not a version 2
    /// index beside a version 2 or 3 pack with as many objects (libgit2 then reads everything).
    init?(gitDirectory: String) {
        let folder = gitDirectory + "/objects/pack"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        var packs: [Pack] = []
        for name in names.sorted() where name.hasPrefix("pack-") && name.hasSuffix(".idx") {
            let stem = folder + "/" + name.dropLast(4)
            guard let index = PackIndex(path: stem + ".idx"), let file = MappedFile(path: stem + ".pack") else {
                return nil
            }
            let bytes = file.bytes
            guard bytes.count >= 12 + 20, bytes.loadBigEndianUInt32(at: 0) == 0x5041_434b,  // "PACK"
                [2, 3].contains(bytes.loadBigEndianUInt32(at: 4)),
                Int(bytes.loadBigEndianUInt32(at: 8)) == index.count
            else { return nil }
            packs.append(Pack(index: index, file: file, dataEnd: bytes.count - 20))
        }
        guard !packs.isEmpty else { return nil }
        self.packs = packs
    }

    /// Where the object named `name` lies; nil when no pack holds it.
    func locate(_ name: SHA1Name) -> Location? {
        for (number, pack) in packs.enumerated() {
            if let offset = pack.index.offset(of: name), offset >= 12, offset < pack.dataEnd {
                return Location(pack: number, offset: offset)
            }
        }
        return nil
    }

    /// Drops the packs' pages from this process's resident memory (see `MappedFile`).
    func releaseResidentPages() {
        for pack in packs { pack.file.releaseResidentPages() }
    }
}
