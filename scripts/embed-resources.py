#!/usr/bin/env python3
"""embed-resources.py: writes the Swift sources that carry the shipped data inside the binary.

The default company map (Sources/PatchModel/Resources/companies.map) and the sample's mails
(Sources/lore-digest/Sample/NNN.eml) are the sources of truth; this script writes them, as
base64, into Sources/PatchModel/Identity/CompanyMap+Embedded.swift and
Sources/lore-digest/EmbeddedSample.swift, so that a copied binary needs no resource folder beside
it (SwiftPM's Bundle.module ends the process when its folder is gone). Run it after changing
either; the tests fail, naming this script, while the two disagree (`--check` says whether the
written files match, and changes nothing).
"""
import base64
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = "// Written by scripts/embed-resources.py from {source}; do not edit by hand.\n"


def literal(data: bytes, indent: str) -> str:
    """A multi-line string literal of the base64 of `data`, 96 characters a line (decoded with
    `.ignoreUnknownCharacters`, which skips the line feeds)."""
    text = base64.b64encode(data).decode("ascii")
    lines = [text[i : i + 96] for i in range(0, len(text), 96)] or [""]
    return '"""\n' + "".join(indent + line + "\n" for line in lines) + indent + '"""'


CHECK = "--check" in sys.argv[1:]
STALE = []


def write(path: str, text: str) -> None:
    """Writes `path`; with --check, only notes that it differs from `text`."""
    full = os.path.join(ROOT, path)
    if CHECK:
        try:
            with open(full, encoding="utf-8") as current:
                if current.read() == text:
                    return
        except FileNotFoundError:
            pass
        STALE.append(path)
        return
    with open(full, "w", encoding="utf-8") as out:
        out.write(text)


def main() -> int:
    with open(os.path.join(ROOT, "Sources/PatchModel/Resources/companies.map"), "rb") as source:
        company_map = source.read()
    write(
        "Sources/PatchModel/Identity/CompanyMap+Embedded.swift",
        HEADER.format(source="Sources/PatchModel/Resources/companies.map")
        + "\nextension CompanyMap {\n"
        + "    /// `Resources/companies.map`, base64.\n"
        + "    static let embeddedMapBase64 = " + literal(company_map, "        ") + "\n}\n",
    )
    sample = os.path.join(ROOT, "Sources/lore-digest/Sample")
    names = sorted(name for name in os.listdir(sample) if name.endswith(".eml"))
    entries = []
    for name in names:
        with open(os.path.join(sample, name), "rb") as source:
            entries.append("        (\n            " + '"' + name + '",\n            ' + literal(source.read(), "            ") + "\n        ),\n")
    write(
        "Sources/lore-digest/EmbeddedSample.swift",
        HEADER.format(source="Sources/lore-digest/Sample/*.eml")
        + "\nextension SampleArchive {\n"
        + "    /// The sample's mails, `Sample/NNN.eml` in name order: the name and the bytes, base64.\n"
        + "    static let embeddedMails: [(name: String, base64: String)] = [\n"
        + "".join(entries)
        + "    ]\n}\n",
    )
    if CHECK:
        if STALE:
            print(f"{', '.join(STALE)}: not what the resources give; run scripts/embed-resources.py", file=sys.stderr)
            return 1
        print("the embedded resources match their sources")
        return 0
    print(f"embedded companies.map ({len(company_map)} bytes) and {len(names)} sample mails")
    return 0


if __name__ == "__main__":
    sys.exit(main())
