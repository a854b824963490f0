import Glibc
import MailParser
import PatchModel

// mail-linearity: times exerciseMail (Fuzz/MailFuzzer/Exercise.swift: the whole MailParser +
// PatchModel surface, plus the raw bytes fed straight to EncodedWords, AddressParser, SubjectTags,
// InBodyHeaders, TrailerParser, CommitMessage) on generated hostile inputs of growing size.
//
//   mail-linearity [--stages] [CASE…]  every case (or the named ones) at sizes ×1 ×2 ×4 ×8;
//                                  --stages: also the ms/MB of each stage (≥ 0.05) at each size
//   mail-linearity --file PATH [N] parse one file N times (default 10) and print the time per run
//
// For each size it prints ms per MB and that figure's ratio to the ×1 size: linear work keeps the
// ratio near 1; quadratic work shows as ~2, ~4, ~8. Built by Fuzz/build.sh linearity (-O, no sanitizer).

// MARK: generators. Each returns the input for size factor k (1, 2, 4, 8).

func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

func repeatToSize(_ unit: String, _ size: Int) -> [UInt8] {
    let u = Array(unit.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(size + u.count)
    while out.count < size { out += u }
    return out
}

let mb = 1 << 20
let header =
    "From: Alice Example <alice@example.org>\nMessage-ID: <lin@example.org>\nDate: Tue, 4 Mar 2025 10:11:12 +0100\n"

struct Case {
    let name: String
    let what: String
    let make: (Int) -> [UInt8]
}

let cases: [Case] = [
    Case(name: "subject-line", what: "one Subject line of k MB of words") { k in
        bytes(header + "Subject: [PATCH v2 1/2] ") + repeatToSize("word ", k * mb) + bytes("\n\nbody\n")
    },
    Case(name: "subject-nospace", what: "one Subject line of k MB without a space") { k in
        bytes(header + "Subject: ") + repeatToSize("x", k * mb) + bytes("\n\nbody\n")
    },
    Case(name: "from-line", what: "one From line of k MB of addresses") { k in
        bytes("Subject: s\nFrom: ") + repeatToSize("\"N, a\" <a@example.org>, ", k * mb) + bytes("\n\nbody\n")
    },
    Case(name: "from-open-quote", what: "From: a quote and an angle never closed, k MB") { k in
        bytes("Subject: s\nFrom: \"<(") + repeatToSize("a(b\\\"<c@d ", k * mb) + bytes("\n\nbody\n")
    },
    Case(name: "references-line", what: "one References line of k MB of ids") { k in
        bytes(header + "Subject: s\nReferences: ") + repeatToSize("<id.12345@example.org> ", k * mb)
            + bytes("\n\nbody\n")
    },
    Case(name: "folded-lines", what: "Subject folded over 10k·k continuation lines") { k in
        var s = header + "Subject: start"
        for i in 0..<(10_000 * k) { s += "\n continuation \(i)" }
        return bytes(s + "\n\nbody\n")
    },
    Case(name: "encoded-words", what: "Subject of 100k·k encoded words") { k in
        var s = header + "Subject: "
        for _ in 0..<(100_000 * k) { s += "=?UTF-8?Q?w=C3=A9?= " }
        return bytes(s + "\n\nbody\n")
    },
    Case(name: "encoded-words-open", what: "k MB of '=?' never closed, in a Subject") { k in
        bytes(header + "Subject: ") + repeatToSize("=?utf-8?q?", k * mb) + bytes("\n\nbody\n")
    },
    Case(name: "many-fields", what: "10k·k header fields") { k in
        var s = header + "Subject: s\n"
        for i in 0..<(10_000 * k) { s += "X-Field-\(i): value \(i)\n" }
        return bytes(s + "\nbody\n")
    },
    Case(name: "nested-at-limit", what: "multipart nested 20 deep (the limit), k·200 KB per level") { k in
        var s = header + "Subject: nested\nContent-Type: multipart/mixed; boundary=b0\n\n"
        let filler = String(repeating: "filler line of text\n", count: 10_000 * k)
        for level in 0..<20 {
            s += "--b\(level)\nContent-Type: text/plain\n\n" + filler
            s += "--b\(level)\nContent-Type: multipart/mixed; boundary=b\(level + 1)\n\n"
        }
        s += "--b20\nContent-Type: text/plain\n\ndeep\n--b20--\n"
        for level in stride(from: 19, through: 0, by: -1) { s += "--b\(level)--\n" }
        return bytes(s)
    },
    Case(name: "nested-over-limit", what: "multipart nested 40·k deep (over the limit of 20)") { k in
        var s = header + "Subject: nested\nContent-Type: multipart/mixed; boundary=b0\n\n"
        let depth = 40 * k
        let filler = String(repeating: "filler line of text\n", count: 2_000)
        for level in 0..<depth {
            s += "--b\(level)\nContent-Type: text/plain\n\n" + filler
            s += "--b\(level)\nContent-Type: multipart/mixed; boundary=b\(level + 1)\n\n"
        }
        s += "--b\(depth)--\n"
        return bytes(s)
    },
    Case(name: "1000-parts", what: "1000 parts (the limit), k KB each") { k in
        var s = header + "Subject: parts\nContent-Type: multipart/mixed; boundary=p\n\n"
        let filler = String(repeating: "x", count: 1023 * k) + "\n"
        for i in 0..<1000 {
            s += "--p\nContent-Type: \(i % 2 == 0 ? "text/plain" : "text/x-patch")\n\n" + filler
        }
        return bytes(s + "--p--\n")
    },
    Case(name: "parts-over-limit", what: "1000·k small parts (over the limit of 1000)") { k in
        var s = header + "Subject: parts\nContent-Type: multipart/mixed; boundary=p\n\n"
        for i in 0..<(1000 * k) { s += "--p\nContent-Type: text/x-diff; name=\"\(i).patch\"\n\n+line \(i)\n" }
        return bytes(s + "--p--\n")
    },
    Case(name: "body-patch", what: "a patch mail with a 12.5·k MB body (100 MB at ×8)") { k in
        var s = header + "Subject: [PATCH 1/1] big\n\nCommit message.\n\nSigned-off-by: A <a@example.org>\n---\n"
        s += " a.c | 1 +\n 1 file changed, 1 insertion(+)\n\ndiff --git a/a.c b/a.c\n"
        var out = bytes(s)
        out += repeatToSize("+\tsome_call(argument, other_argument); /* added line */\n", k * 25 * mb / 2)
        return out + bytes("-- \n2.47.0\n")
    },
    Case(name: "body-one-line", what: "a body that is one line of k MB") { k in
        bytes(header + "Subject: s\n\n") + repeatToSize("Signed-off-by: ", k * mb)
    },
    Case(name: "body-qp", what: "quoted-printable body of k MB of soft breaks and escapes") { k in
        bytes(header + "Subject: s\nContent-Transfer-Encoding: quoted-printable\n\n")
            + repeatToSize("a=C3=A9=\n", k * mb)
    },
    Case(name: "body-base64", what: "base64 body of k MB") { k in
        bytes(
            header + "Subject: s\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\n")
            + repeatToSize("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\n", k * mb)
    },
    Case(name: "body-blank-lines", what: "k MB of blank lines after an in-body From:") { k in
        bytes(header + "Subject: [PATCH] s\n\nFrom: A <a@example.org>\n") + repeatToSize("\n", k * mb)
    },
    Case(name: "body-trailers", what: "k MB of trailer lines") { k in
        bytes(header + "Subject: [PATCH] s\n\nmsg\n\n") + repeatToSize("Reviewed-by: Bob <bob@example.com>\n", k * mb)
    },
    Case(name: "subject-tags", what: "Subject of k MB of bracket tags") { k in
        bytes(header + "Subject: ") + repeatToSize("[PATCH v2 1/2]", k * mb) + bytes("\n\nbody\n")
    },
    Case(name: "subject-re", what: "Subject of k MB of 'Re: ' prefixes") { k in
        bytes(header + "Subject: ") + repeatToSize("Re: ", k * mb) + bytes("\n\nbody\n")
    },
    Case(name: "header-no-end", what: "k MB of header continuation lines, no body") { k in
        bytes("Subject: s") + repeatToSize("\n x", k * mb)
    },
]

// MARK: timing (process CPU time, so other work on a shared machine does not skew the figures)

func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Best time of one run of `body`, over at least 2 runs and at least 0.3 s of CPU.
func bestTime(_ body: () -> Int) -> Double {
    var runs = 0
    var sink = 0
    let start = cpuNow()
    var best = Double.infinity
    while runs < 2 || cpuNow() - start < 0.3 {
        let t0 = cpuNow()
        sink &+= body()
        best = min(best, cpuNow() - t0)
        runs += 1
    }
    if sink == 42 { print("") }  // keeps the work alive
    return best
}

/// The same work as exerciseMail, split into stages, each timed on its own.
func stages(_ input: [UInt8]) -> [(String, Double)] {
    let mail = MailMessage(bytes: input)
    let text = String(decoding: input, as: UTF8.self)
    return [
        ("MailMessage.init", bestTime { MailMessage(bytes: input).header.fields.count }),
        (
            "headers",
            bestTime {
                (mail.subject?.utf8.count ?? 0) &+ (mail.from?.address.utf8.count ?? 0) &+ mail.to.count
                    &+ mail.cc.count
                    &+ mail.references.count &+ (mail.messageID?.utf8.count ?? 0) &+ (mail.listID?.utf8.count ?? 0)
                    &+ mail.problems.count &+ (mail.date == nil ? 0 : 1)
            }
        ),
        ("bodyText", bestTime { mail.bodyText().text.utf8.count }),
        ("MessageFacts", bestTime { MessageFacts(commit: "0", mail: mail).trailers.count }),
        ("raw EncodedWords", bestTime { EncodedWords.decode(input).utf8.count }),
        ("raw AddressParser", bestTime { AddressParser.mailboxes(from: input).count }),
        ("raw SubjectTags", bestTime { SubjectTags(subject: String(decoding: input, as: UTF8.self)).tags.count }),
        ("raw InBodyHeaders", bestTime { InBodyHeaders.parse(body: text).headerLineCount }),
        (
            "raw trailers",
            bestTime {
                TrailerParser.commitTrailers(in: text[...]).count &+ TrailerParser.replyTrailers(in: text[...]).count
            }
        ),
        ("raw CommitMessage", bestTime { CommitMessage(text[...], isCoverLetter: false).entryText.utf8.count }),
        ("raw MessageID", bestTime { MessageID.ids(in: input).count }),
        ("raw HeaderText", bestTime { HeaderText.display(input).text.utf8.count }),
    ]
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
func fmt(_ x: Double, _ places: Int) -> String {
    var p = 1.0
    for _ in 0..<places { p *= 10 }
    let r = (x * p).rounded() / p
    var s = "\(r)"
    if let dot = s.firstIndex(of: ".") {
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        if decimals < places { s += String(repeating: "0", count: places - decimals) }
    } else if places > 0 {
        s += "." + String(repeating: "0", count: places)
    }
    return s
}

let args = Array(CommandLine.arguments.dropFirst())
if args.first == "--file" {
    guard args.count >= 2 else {
        print("usage: mail-linearity --file PATH [N]")
        exit(2)
    }
    let path = args[1]
    let n = args.count > 2 ? Int(args[2]) ?? 10 : 10
    guard let file = fopen(path, "rb") else {
        print("cannot open \(path)")
        exit(1)
    }
    var data: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let got = fread(&chunk, 1, chunk.count, file)
        if got <= 0 { break }
        data += chunk[0..<got]
    }
    fclose(file)
    var best = Double.infinity
    var sink = 0
    for _ in 0..<n {
        let t0 = cpuNow()
        sink &+= exerciseMail(data)
        best = min(best, cpuNow() - t0)
    }
    print(
        "\(path): \(data.count) bytes, best of \(n): \(fmt(best * 1000, 3)) ms (\(fmt(best * 1000 / (Double(data.count) / Double(mb)), 2)) ms/MB) [\(sink & 1)]"
    )
    exit(0)
}

let showStages = args.contains("--stages")
let names = args.filter { $0 != "--stages" }
let selected = names.isEmpty ? cases : cases.filter { names.contains($0.name) }
if selected.isEmpty {
    print("unknown case; cases: \(cases.map(\.name).joined(separator: " "))")
    exit(2)
}
print(
    "\(pad("case", 20)) \(lpad("×", 2)) \(lpad("MB", 8)) \(lpad("ms/run", 10)) \(lpad("ms/MB", 9)) \(lpad("ratio", 6))")
var worst: (name: String, ratio: Double) = ("", 0)
for c in selected {
    var base = 0.0
    for k in [1, 2, 4, 8] {
        let input = c.make(k)
        let size = Double(input.count) / Double(mb)
        let perRun = bestTime { exerciseMail(input) }
        let perMB = perRun * 1000 / size
        if k == 1 { base = perMB }
        let ratio = perMB / base
        if ratio > worst.ratio { worst = (c.name, ratio) }
        print(
            "\(pad(c.name, 20)) \(lpad("\(k)", 2)) \(lpad(fmt(size, 2), 8)) \(lpad(fmt(perRun * 1000, 2), 10)) \(lpad(fmt(perMB, 2), 9)) \(lpad(fmt(ratio, 2), 6))"
        )
        if showStages {
            for (stage, t) in stages(input) where t * 1000 / size >= 0.05 {
                print("    \(pad(stage, 20)) \(lpad(fmt(t * 1000 / size, 2), 9)) ms/MB")
            }
        }
    }
}
print("largest ratio of ms/MB at ×k to ×1: \(fmt(worst.ratio, 2)) (\(worst.name)); linear ≈ 1, quadratic ≈ k")
