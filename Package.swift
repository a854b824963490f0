// swift-tools-version: 6.2
import PackageDescription

// Every target: Swift 6 language mode plus the stricter settings STYLE.md asks for.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    // A warning fails the build (as swift-nio's CI does), for our own targets only.
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "lore-digest",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lore-digest", targets: ["lore-digest"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Already resolved for swift-subprocess; named here for its FileDescriptor (InboxSync's tied git).
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
    ],
    targets: [
        // Layer 1: RFC 5322 / 2045-2047 / 2231 over bytes.
        .target(name: "MailParser", swiftSettings: strictSettings),
        // Layer 2: what a mail means for a patch workflow.
        .target(
            name: "PatchModel",
            dependencies: ["MailParser"],
            // The default company map, carried inside the binary by Identity/CompanyMap+Embedded.swift
            // (scripts/embed-resources.py): SwiftPM's resource bundle would have to sit beside it.
            exclude: ["Resources/companies.map"],
            swiftSettings: strictSettings
        ),
        // libgit2 from the system (Debian: libgit2-dev), to read archives' packs in-process.
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        // libdeflate from the system (Debian: libdeflate-dev), to inflate pack objects faster than zlib.
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // Layer 3: public-inbox archives on git.
        .target(
            name: "InboxReader",
            dependencies: [
                "MailParser",
                "CGit2",
                "CDeflate",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings
        ),
        // Layer 3, beside the reader: mirroring an inbox served over HTTP(S) (`sync`).
        .target(
            name: "InboxSync",
            dependencies: [
                "InboxReader",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings
        ),
        // Layer 4: the parallel parse of a range, its progress line, and the per-epoch incremental walk.
        .target(
            name: "MessageStream",
            dependencies: ["MailParser", "PatchModel", "InboxReader"],
            swiftSettings: strictSettings
        ),
        // Layer 5: the SQLite history of what was parsed from every message (storage and queries).
        .target(
            name: "HistoryIndex",
            dependencies: [
                "MailParser", "PatchModel", "InboxReader", "MessageStream",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // Layer 6: aggregation into one report model, its renderers, and how a report uses the index.
        .target(
            name: "Digest",
            dependencies: ["MailParser", "PatchModel", "InboxReader", "MessageStream", "HistoryIndex"],
            swiftSettings: strictSettings
        ),
        // Layer 7: `publish`, a static site of weekly digests with an Atom feed.
        .target(
            name: "SitePublisher",
            dependencies: ["MailParser", "PatchModel", "InboxReader", "HistoryIndex", "Digest"],
            swiftSettings: strictSettings
        ),
        // The thin command line.
        .executableTarget(
            name: "lore-digest",
            dependencies: [
                "InboxReader", "InboxSync", "MessageStream", "HistoryIndex", "Digest", "SitePublisher",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The sample's mails, carried inside the binary by EmbeddedSample.swift.
            exclude: ["Sample"],
            swiftSettings: strictSettings
        ),
        // Test-only helpers: the shared folder, temporary folders, running the built binary.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "MailParserTests", dependencies: ["MailParser"], swiftSettings: strictSettings),
        .testTarget(
            name: "PatchModelTests", dependencies: ["PatchModel", "MailParser"], swiftSettings: strictSettings),
        .testTarget(
            name: "InboxReaderTests", dependencies: ["InboxReader", "MailParser", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "InboxSyncTests", dependencies: ["InboxSync", "InboxReader", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(name: "MessageStreamTests", dependencies: ["MessageStream"], swiftSettings: strictSettings),
        .testTarget(
            name: "DigestTests",
            dependencies: [
                "Digest", "HistoryIndex", "PatchModel", "MailParser", "InboxReader", "MessageStream", "TestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HistoryIndexTests",
            dependencies: [
                "HistoryIndex", "MessageStream", "Digest", "PatchModel", "MailParser", "InboxReader", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SitePublisherTests",
            dependencies: ["SitePublisher", "InboxReader", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LoreDigestCLITests",
            dependencies: ["InboxReader", "TestSupport"],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HostileMailTests",
            dependencies: ["MailParser", "PatchModel"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SharedCorpusTests",
            dependencies: ["Digest", "InboxReader", "TestSupport"],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
    ]
)
