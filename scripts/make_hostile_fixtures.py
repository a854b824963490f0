#!/usr/bin/env python3
"""Writes the hostile mail suite: Tests/HostileMailTests/Fixtures/NAME.eml and expected.tsv.

Every mail is built here byte by byte (CRLF, bare CR, NULs, invalid UTF-8, 8-bit charsets), and
every expectation is written by hand from the rules of /work/shared/spec/report.md. The script
then reads each mail with Python's `email` package (scripts/mailrules.py) and records, in the
last column of expected.tsv, where Python's answer differs from the expectation.

    python3 scripts/make_hostile_fixtures.py          # rewrite the fixtures
    python3 scripts/make_hostile_fixtures.py --check  # only compare with Python, write nothing

expected.tsv columns (tab-separated, one header line):
    name subject author_name author_email kind number total version message_id date python_note
Text fields escape `\\` as `\\\\` and each C0 control and DEL as `\\u{HH}`. An empty number/total/version/message_id/date means "none" (nil); `-` in
message_id or date means "not checked". date is seconds since 1970 and the offset in minutes,
`1759744800+0`.
"""

import base64
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mailrules  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "HostileMailTests", "Fixtures")

JANE = ("Jane Doe", "jane@example.org")
DATE = b"Mon, 6 Oct 2025 10:00:00 +0000"
DATE_EPOCH = "1759744800+0"

PATCH_BODY = (
    b"The foo driver leaks a reference on the error path.\n"
    b"\n"
    b"Signed-off-by: Jane Doe <jane@example.org>\n"
    b"---\n"
    b" drivers/foo/foo.c | 1 +\n"
    b" 1 file changed, 1 insertion(+)\n"
    b"\n"
    b"diff --git a/drivers/foo/foo.c b/drivers/foo/foo.c\n"
    b"--- a/drivers/foo/foo.c\n"
    b"+++ b/drivers/foo/foo.c\n"
    b"@@ -1 +1,2 @@\n"
    b" int foo;\n"
    b"+int bar;\n"
    b"-- \n"
    b"2.51.0\n"
)

FIXTURES = []


def b64(text, charset):
    return base64.b64encode(text.encode(charset)).decode("ascii")


def qp_word(data):
    """Q-encodes bytes: safe ASCII letters/digits kept, space as _, the rest =XX."""
    out = []
    for byte in data:
        ch = chr(byte)
        if ch.isascii() and (ch.isalnum() or ch in "-./,:"):
            out.append(ch)
        elif ch == " ":
            out.append("_")
        else:
            out.append("=%02X" % byte)
    return "".join(out)


def mail(headers, body=PATCH_BODY, eol=b"\n", separator=True):
    """Joins header lines (bytes, already `Name: value`) and a body with the given line end."""
    lines = b"".join(h + eol for h in headers)
    if not separator:
        return lines
    body = body.replace(b"\n", eol) if eol != b"\n" else body
    return lines + eol + body


def std(subject, frm=b"Jane Doe <jane@example.org>", extra=(), name="x", date=DATE, mid=True):
    """Standard headers; `subject`/`frm` None leaves the header out."""
    headers = []
    if frm is not None:
        headers.append(b"From: " + frm)
    if date is not None:
        headers.append(b"Date: " + date)
    if subject is not None:
        headers.append(b"Subject: " + subject)
    if mid:
        headers.append(b"Message-ID: <" + name.encode() + b"@example.org>")
    headers.extend(extra)
    return headers


def add(name, raw, subject, author, kind, number=None, total=None, version=None,
        message_id="-", date="-"):
    FIXTURES.append(dict(name=name, raw=raw, subject=subject, author=author, kind=kind,
                         number=number, total=total, version=version,
                         message_id=message_id, date=date))


def simple(name, subject_bytes, subject, kind, number=None, total=None, version=None,
           author=JANE, frm=b"Jane Doe <jane@example.org>", extra=(), body=PATCH_BODY):
    add(name, mail(std(subject_bytes, frm=frm, extra=extra, name=name), body),
        subject, author, kind, number, total, version)


def build():
    # ------------------------------------------------------------ structure
    add("binary-garbage-no-headers",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\xff\xfe\xfd" * 3,
        "", None, "unparseable")
    add("empty-file", b"", "", None, "unparseable")
    add("headers-only-no-body",
        mail(std(b"[PATCH] foo: headers and nothing else", name="h"), separator=False),
        "[PATCH] foo: headers and nothing else", JANE, "patch")
    add("body-only-no-headers",
        b"Hello,\n\nthis file is a body without any header.\nFrom: Jane Doe <jane@example.org>\n",
        "", None, "unparseable")
    add("nul-bytes-in-body",
        mail(std(b"[PATCH] foo: body with NULs", name="nulbody"),
             b"Fix the \x00 thing.\x00\x00\n\nSigned-off-by: Jane Doe <jane@example.org>\n"),
        "[PATCH] foo: body with NULs", JANE, "patch")
    add("nul-byte-in-subject",
        mail(std(b"[PATCH] foo: ba\x00r", name="nulsubj")),
        "[PATCH] foo: ba\x00r", JANE, "patch")
    add("invalid-utf8-in-subject",
        mail(std(b"[PATCH] foo: caf\xc3 and \xff\xfe", name="badsubj")),
        "[PATCH] foo: caf\ufffd and \ufffd\ufffd", JANE, "patch")
    add("invalid-utf8-in-from",
        mail(std(b"[PATCH] foo: bad From bytes", frm=b"Ren\xc3 Roe <rene@example.org>", name="badfrom")),
        "[PATCH] foo: bad From bytes", ("Ren\ufffd Roe", "rene@example.org"), "patch")
    add("invalid-utf8-in-body",
        mail(std(b"[PATCH] foo: bad body bytes", frm=b"Sean Sender <sean@example.org>", name="badbody"),
             b"From: J\xfcrgen Author <juergen@example.org>\n\nFix \xc3\x28 things.\n"),
        # No charset declared and not valid UTF-8: MailParser reads such a body as ISO-8859-1
        # (MIMEPart.decodedText, documented); Python gives U+FFFD.
        "[PATCH] foo: bad body bytes", ("J\u00fcrgen Author", "juergen@example.org"), "patch")
    add("body-8bit-undeclared-valid-utf8",
        mail(std(b"[PATCH] foo: undeclared UTF-8 body", frm=b"Sean Sender <sean@example.org>", name="u8body"),
             "From: Philippe Mathieu-Daudé <philmd@linaro.org>\n\nFix it.\n".encode()),
        "[PATCH] foo: undeclared UTF-8 body", ("Philippe Mathieu-Daudé", "philmd@linaro.org"), "patch")
    add("raw-utf8-header-bytes",
        mail(std("[PATCH] docs: Grüße aus Köln".encode(), frm="Jürgen Roe <jr@example.org>".encode(), name="u8hdr")),
        "[PATCH] docs: Grüße aus Köln", ("Jürgen Roe", "jr@example.org"), "patch")
    add("latin1-8bit-header-bytes",
        mail(std(b"[PATCH] doc: caf\xe9 cr\xe8me", frm=b"Andr\xe9 Roe <andre@example.org>", name="l1hdr")),
        "[PATCH] doc: caf\ufffd cr\ufffdme", ("Andr\ufffd Roe", "andre@example.org"), "patch")
    add("missing-subject",
        mail(std(None, name="nosubj"), b"Just a note.\n"),
        "", JANE, "other")
    add("missing-from",
        mail(std(b"[PATCH] foo: nobody sent this", frm=None, name="nofrom")),
        "[PATCH] foo: nobody sent this", None, "patch")
    add("missing-date",
        mail(std(b"[PATCH] foo: no date", date=None, name="nodate")),
        "[PATCH] foo: no date", JANE, "patch", date="")
    add("broken-date",
        mail(std(b"[PATCH] foo: broken date", date=b"the day after yesterday", name="baddate")),
        "[PATCH] foo: broken date", JANE, "patch", date="")
    add("date-two-digit-year",
        mail(std(b"[PATCH] foo: two digit year", date=b"Mon, 6 Oct 25 10:00:00 +0000", name="yy")),
        "[PATCH] foo: two digit year", JANE, "patch", date=DATE_EPOCH)
    add("date-named-zone-est",
        mail(std(b"[PATCH] foo: named zone", date=b"Mon, 6 Oct 2025 05:00:00 EST", name="est")),
        "[PATCH] foo: named zone", JANE, "patch", date="1759744800-300")
    add("duplicated-message-id",
        mail(std(b"[PATCH] foo: two ids", name="first-id",
                 extra=[b"Message-ID: <second-id@example.org>"])),
        "[PATCH] foo: two ids", JANE, "patch", message_id="first-id@example.org")
    add("message-id-without-angle-brackets",
        mail(std(b"[PATCH] foo: bare id", mid=False, name="bareid",
                 extra=[b"Message-ID: DF48D01B-4A2F-4813-959E-9E44C457B7F8"])),
        "[PATCH] foo: bare id", JANE, "patch", message_id="DF48D01B-4A2F-4813-959E-9E44C457B7F8")
    add("missing-message-id",
        mail(std(b"[PATCH] foo: no id", mid=False, name="noid")),
        "[PATCH] foo: no id", JANE, "patch", message_id="")
    add("folded-subject-three-lines",
        mail(std(b"[PATCH v2 1/3] KVM: guest_memfd: Define a CLASS\n\tto get+put\n   guest_memfd file from a memslot",
                 name="fold3")),
        "[PATCH v2 1/3] KVM: guest_memfd: Define a CLASS to get+put guest_memfd file from a memslot",
        JANE, "patch", 1, 3, 2)

    # ------------------------------------------------------------ RFC 2047 charsets
    def charset_case(name, charset, text, enc="B", label=None):
        label = label or charset
        if enc == "B":
            word = "=?%s?B?%s?=" % (label, b64(text, charset))
        else:
            word = "=?%s?Q?%s?=" % (label, qp_word(text.encode(charset)))
        simple(name, b"[PATCH] docs: " + word.encode("ascii"), "[PATCH] docs: " + text, "patch")

    charset_case("rfc2047-utf8-base64", "utf-8", "Überarbeitung der Dokumentation ✓")
    charset_case("rfc2047-utf8-q", "utf-8", "corrige la détection d’erreurs", enc="Q")
    charset_case("rfc2047-iso-8859-1", "iso-8859-1", "Größe prüfen", enc="Q")
    charset_case("rfc2047-iso-8859-2", "iso-8859-2", "Poprawka błędu łączenia", enc="Q")
    charset_case("rfc2047-iso-8859-15", "iso-8859-15", "coût 5 € œuvre", enc="Q")
    charset_case("rfc2047-windows-1251", "windows-1251", "исправить утечку памяти")
    charset_case("rfc2047-windows-1252", "windows-1252", "“smart” quotes – €", enc="Q")
    charset_case("rfc2047-koi8r-subject", "koi8-r", "Исправление ошибки")
    charset_case("rfc2047-gb2312", "gb2312", "修复内存泄漏")
    charset_case("rfc2047-gbk", "gbk", "修復記憶體洩漏")  # traditional forms: GBK, not GB2312
    # Four-byte GB18030 sequences (ß, U+20000). Not ḿ: Python's codec encodes it with the
    # GB18030-2000 table (0x8135F437), which GB18030-2005 and glibc read as U+E7C7.
    charset_case("rfc2047-gb18030", "gb18030", "修复 ß 𠀀")
    charset_case("rfc2047-big5", "big5", "修正記憶體洩漏")
    charset_case("rfc2047-shift-jis", "shift_jis", "メモリリークを修正")
    charset_case("rfc2047-euc-jp", "euc-jp", "メモリリークを修正")
    charset_case("rfc2047-iso-2022-jp", "iso-2022-jp", "メモリリークを修正")
    charset_case("rfc2047-euc-kr", "euc-kr", "메모리 누수 수정")
    charset_case("rfc2047-charset-odd-case", "utf-8", "Größe", enc="Q", label="uTf-8")
    charset_case("rfc2047-charset-alias-utf8", "utf-8", "naïve", enc="Q", label="utf8")
    charset_case("rfc2047-charset-alias-latin1", "iso-8859-1", "Größe", enc="Q", label="Latin1")
    # x-unknown: the bytes are taken as ISO-8859-1 (MailParser's documented fallback).
    simple("rfc2047-charset-x-unknown-fallback", b"[PATCH] docs: =?x-unknown?Q?caf=E9?=",
           "[PATCH] docs: caf\u00e9", "patch")
    simple("rfc2047-adjacent-words-joined",
           b"[PATCH] =?UTF-8?Q?Philippe_Mathieu-?=  \r\n =?UTF-8?Q?Daud=C3=A9?= and text",
           "[PATCH] Philippe Mathieu-Daudé and text", "patch")
    simple("rfc2047-utf8-char-split-across-words",
           ("[PATCH] =?UTF-8?B?%s?= =?UTF-8?B?%s?= au lait" % (
               base64.b64encode(b"caf\xc3").decode(), base64.b64encode(b"\xa9").decode())).encode(),
           "[PATCH] café au lait", "patch")
    simple("rfc2047-malformed-word-kept-as-text",
           b"[PATCH] foo: =?UTF-8?Z?bogus?= and =?UTF-8?Q?unterminated",
           "[PATCH] foo: =?UTF-8?Z?bogus?= and =?UTF-8?Q?unterminated", "patch")
    simple("rfc2047-koi8r-name", b"[PATCH] foo: name in KOI8-R",
           "[PATCH] foo: name in KOI8-R", "patch",
           author=("Иван Петров", "ivan@example.ru"),
           frm=("=?koi8-r?B?%s?= <ivan@example.ru>" % b64("Иван Петров", "koi8-r")).encode())
    simple("rfc2047-name-words-across-a-fold", b"[PATCH] foo: folded encoded name",
           "[PATCH] foo: folded encoded name", "patch",
           author=("Елиано Крис", "contact@example.bg"),
           frm=("=?UTF-8?B?%s?=\n =?UTF-8?B?%s?= <contact@example.bg>" % (
               base64.b64encode("Елиано Кр".encode()).decode(),
               base64.b64encode("ис".encode()).decode())).encode())
    simple("rfc2047-word-inside-quoted-name", b"[PATCH] foo: quoted encoded name",
           "[PATCH] foo: quoted encoded name", "patch",
           author=("Jürgen Roe", "juergen@example.org"),
           frm=b"\"=?UTF-8?Q?J=C3=BCrgen_Roe?=\" <juergen@example.org>")

    # ------------------------------------------------------------ MIME bodies (the in-body From
    # at the top of the decoded text is what shows the body was decoded right)
    sender = b"Sean Sender <sean@example.org>"
    add("mime-rfc2231-filename-patch-attachment",
        mail(std(b"[PATCH] foo: patch as attachment", frm=sender, name="2231",
                 extra=[b"MIME-Version: 1.0", b"Content-Type: multipart/mixed; boundary=\"b1\""]),
             b"--b1\nContent-Type: text/plain; charset=utf-8\n\n"
             b"From: Anna Author <anna@example.org>\n\nSee the attached patch.\n"
             b"--b1\nContent-Type: application/octet-stream\n"
             b"Content-Disposition: attachment;\n filename*0*=UTF-8''0001-foo-fix%20the;\n filename*1=\".patch\"\n\n"
             + PATCH_BODY + b"--b1--\n"),
        "[PATCH] foo: patch as attachment", ("Anna Author", "anna@example.org"), "patch")
    add("body-quoted-printable-soft-breaks",
        mail(std(b"[PATCH] foo: quoted-printable body", frm=sender, name="qp",
                 extra=[b"MIME-Version: 1.0", b"Content-Type: text/plain; charset=utf-8",
                        b"Content-Transfer-Encoding: quoted-printable"]),
             b"From: Ren=C3=A9 Sch=\n=C3=BCtz <rene@example.org>\n\nA long line that is wrapped =\nby a soft break.\n"),
        "[PATCH] foo: quoted-printable body", ("René Schütz", "rene@example.org"), "patch")
    body = base64.b64encode("From: Zoë Author <zoe@example.org>\n\nFix it.\n".encode()).decode()
    noisy = body[:20] + "\n!!" + body[20:40] + " \n" + body[40:].rstrip("=") + "\n"
    add("body-base64-bad-padding-line-noise",
        mail(std(b"[PATCH] foo: base64 body", frm=sender, name="b64",
                 extra=[b"MIME-Version: 1.0", b"Content-Type: text/plain; charset=utf-8",
                        b"Content-Transfer-Encoding: base64"]), noisy.encode()),
        "[PATCH] foo: base64 body", ("Zoë Author", "zoe@example.org"), "patch")
    add("body-format-flowed",
        mail(std(b"[PATCH] foo: format=flowed body", frm=sender, name="flowed",
                 extra=[b"MIME-Version: 1.0", b"Content-Type: text/plain; charset=utf-8; format=flowed"]),
             b"From: Flo Wed <flo@example.org>\n\nThis paragraph is flowed and goes \non over two lines.\n"),
        "[PATCH] foo: format=flowed body", ("Flo Wed", "flo@example.org"), "patch")
    add("body-8bit-declared-iso-8859-1",
        mail(std(b"[PATCH] foo: 8bit latin-1 body", frm=sender, name="8bit",
                 extra=[b"MIME-Version: 1.0", b"Content-Type: text/plain; charset=ISO-8859-1",
                        b"Content-Transfer-Encoding: 8bit"]),
             b"From: J\xfcrgen M\xfcller <jm@example.org>\n\nGr\xfc\xdfe.\n"),
        "[PATCH] foo: 8bit latin-1 body", ("Jürgen Müller", "jm@example.org"), "patch")
    add("mime-multipart-mixed-text-x-patch",
        mail(std(b"[PATCH 2/2] foo: patch in text/x-patch", frm=sender, name="xpatch",
                 extra=[b"MIME-Version: 1.0", b"Content-Type: multipart/mixed; boundary=XX"]),
             b"This is a multi-part message in MIME format.\n--XX\nContent-Type: text/plain\n\n"
             b"From: Pat Author <pat@example.org>\n\nThe patch is attached.\n"
             b"--XX\nContent-Type: text/x-patch; name=\"0002-foo.patch\"\n"
             b"Content-Disposition: attachment; filename=\"0002-foo.patch\"\n\n" + PATCH_BODY + b"\n--XX--\n"),
        "[PATCH 2/2] foo: patch in text/x-patch", ("Pat Author", "pat@example.org"), "patch", 2, 2)
    add("mime-multipart-alternative-html-first",
        mail(std(b"Question about foo", frm=sender, name="alt",
                 extra=[b"MIME-Version: 1.0", b"Content-Type: multipart/alternative; boundary=\"=_alt\""]),
             b"--=_alt\nContent-Type: text/html; charset=utf-8\n\n"
             b"<p>From: Html Person &lt;html@example.org&gt;</p>\n"
             b"--=_alt\nContent-Type: text/plain; charset=utf-8\n\n"
             b"From: Plain Person <plain@example.org>\n\nHello.\n--=_alt--\n"),
        "Question about foo", ("Plain Person", "plain@example.org"), "other")
    add("mime-multipart-signed-pgp",
        mail(std(b"[PATCH] foo: signed mail", frm=sender, name="signed",
                 extra=[b"MIME-Version: 1.0",
                        b"Content-Type: multipart/signed; micalg=pgp-sha256;",
                        b" protocol=\"application/pgp-signature\"; boundary=\"sig\""]),
             b"--sig\nContent-Type: text/plain; charset=us-ascii\n\n"
             b"From: Sig Author <sig@example.org>\n\nSigned body.\n"
             b"--sig\nContent-Type: application/pgp-signature; name=\"signature.asc\"\n\n"
             b"-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCAAdFiEE\n-----END PGP SIGNATURE-----\n--sig--\n"),
        "[PATCH] foo: signed mail", ("Sig Author", "sig@example.org"), "patch")
    add("mime-nested-multipart",
        mail(std(b"[PATCH] foo: nested multipart", frm=sender, name="nested",
                 extra=[b"MIME-Version: 1.0", b"Content-Type: multipart/mixed; boundary=outer"]),
             b"--outer\nContent-Type: multipart/alternative; boundary=inner\n\n"
             b"--inner\nContent-Type: text/plain; charset=utf-8\n\n"
             b"From: Nest Author <nest@example.org>\n\nNested text.\n"
             b"--inner\nContent-Type: text/html\n\n<p>x</p>\n--inner--\n"
             b"--outer\nContent-Type: application/octet-stream\n\nAAAA\n--outer--\n"),
        "[PATCH] foo: nested multipart", ("Nest Author", "nest@example.org"), "patch")

    # ------------------------------------------------------------ line ends, mbox
    add("line-ends-bare-cr",
        mail(std(b"[PATCH] foo: bare CR\n line ends", frm=sender, name="cr"),
             b"From: Cr Author <cr@example.org>\n\nBody.\n", eol=b"\r").replace(b"\n", b"\r"),
        "[PATCH] foo: bare CR line ends", ("Cr Author", "cr@example.org"), "patch")
    add("line-ends-crlf",
        mail(std(b"[PATCH] foo: CRLF\r\n line ends", frm=sender, name="crlf"),
             b"From: Crlf Author <crlf@example.org>\n\nBody.\n", eol=b"\r\n"),
        "[PATCH] foo: CRLF line ends", ("Crlf Author", "crlf@example.org"), "patch")
    add("mbox-from-line-and-escaped-from",
        b"From jane@example.org Mon Oct  6 10:00:00 2025\n"
        + mail(std(b"[PATCH] foo: mbox framing", name="mbox"),
               b">From the start this was wrong.\n\nSigned-off-by: Jane Doe <jane@example.org>\n"),
        "[PATCH] foo: mbox framing", JANE, "patch")

    # ------------------------------------------------------------ reply prefixes
    for name, prefix in [("reply-prefix-re", "Re:"), ("reply-prefix-RE-upper", "RE:"),
                         ("reply-prefix-aw", "Aw:"), ("reply-prefix-AW-upper", "AW:"),
                         ("reply-prefix-sv", "Sv:"), ("reply-prefix-odp", "Odp:"),
                         ("reply-prefix-fwd", "Fwd:"), ("reply-prefix-fw", "Fw:"),
                         ("reply-prefix-re-counted", "Re[2]:"), ("reply-prefix-re-re", "Re: Re:")]:
        subject = prefix + " [PATCH v2 1/3] foo: bar"
        simple(name, subject.encode(), subject, "reply", 1, 3, 2, body=b"> quoted\n\nLooks good.\n")

    # ------------------------------------------------------------ tags
    tag_cases = [
        ("tags-rfc-then-patch-separate-brackets", "[RFC][PATCH v2 1/3] foo: bar", "patch", 1, 3, 2),
        ("tags-patch-then-next-bracket", "[PATCH][next] foo: bar", "patch", None, None, None),
        ("tags-patchv3-glued-version", "[PATCHv3] foo: bar", "patch", None, None, 3),
        ("tags-patch1-8-glued-counter", "[PATCH1/8] foo: bar", "patch", 1, 8, None),
        ("tags-project-prefix-kvm-unit-tests", "[kvm-unit-tests PATCH 1/2] x86: test", "patch", 1, 2, None),
        ("tags-net-next-v3-2-of-9", "[PATCH net-next v3 2/9] net: foo", "patch", 2, 9, 3),
        ("tags-resend-cover-v5-0-of-6", "[RESEND PATCH v5 0/6] series", "cover", 0, 6, 5),
        ("tags-cover-zero-padded-00-12", "[PATCH 00/12] big series", "cover", 0, 12, None),
        ("tags-stable-6-1-y", "[PATCH 6.1.y] KVM: fix", "patch", None, None, None),
        ("tags-unicode-in-tag", "[PATCH v2 1/2 für-next] docs: Übersicht", "patch", 1, 2, 2),
        ("tags-lowercase-patch", "[patch v4 3/5] foo: lower case", "patch", 3, 5, 4),
        ("tags-bracket-later-in-subject-is-title", "foo: fix [PATCH] handling", "other", None, None, None),
        ("subject-only-tags", "[PATCH v2 3/5]", "patch", 3, 5, 2),
        ("tags-rfc-slash-patch-cover", "[RFC/PATCH 0/3] Add support for stop", "cover", 0, 3, None),
        ("tags-stable-colon-patch-is-no-bot", "[stable:PATCH] KVM: arm64: reset PMC_EL0", "patch",
         None, None, None),
        ("tags-rfc-dash-patch", "[RFC-PATCH] ppc/spapr: add an hcall", "patch", None, None, None),
        ("pull-git-pull", "[GIT PULL] KVM fixes for 6.18-rc2", "pull", None, None, None),
        ("pull-pull-00-12", "[PULL 00/12] target-arm queue", "pull", 0, 12, None),
        ("bot-linux-next-build-regression",
         "[linux-next:master] BUILD REGRESSION 3a8660878839faadb4f1a6dd72c3179c1df56787", "bot",
         None, None, None),
        ("bot-tip-branch-warning",
         "[tip:x86/core 1/2] arch/x86/kernel/foo.c:12:5: warning: no previous prototype", "bot", 1, 2, None),
        ("bot-branch-name-is-no-version",
         "[agraf-2.6:snp-host-v10 63/108] arch/x86/kernel/cpu/amd.c:634:14: error: 'max_pfn' undeclared",
         "bot", 63, 108, None),
        ("bot-syzbot", "[syzbot] [kvm?] WARNING in kvm_arch_vcpu_ioctl_run", "bot", None, None, None),
        ("other-plain-question", "How do I enable nested virtualization?", "other", None, None, None),
    ]
    for name, subject, kind, n, t, v in tag_cases:
        simple(name, subject.encode(), subject, kind, n, t, v)
    simple("reply-prefix-no-space-before-tag", b"Re:[PATCH 1/2] foo: bar", "Re:[PATCH 1/2] foo: bar",
           "reply", 1, 2, body=b"Looks good.\n")
    simple("reply-prefix-space-before-colon", b"RE : [PATCH] foo: bar", "RE : [PATCH] foo: bar",
           "reply", body=b"Looks good.\n")
    simple("tags-then-re-is-still-a-patch", b"[PATCH] Re: foo: bar", "[PATCH] Re: foo: bar", "patch")
    add("subject-duplicated-first-wins",
        mail(std(b"[PATCH 1/2] foo: the first subject", name="dupsubj",
                 extra=[b"Subject: Re: the second subject"])),
        "[PATCH 1/2] foo: the first subject", JANE, "patch", 1, 2)
    add("header-names-odd-case-and-space-before-colon",
        mail([b"FROM: Jane Doe <jane@example.org>", b"subject : [PATCH v2] foo: obsolete syntax",
              b"message-id: <oddcase@example.org>", b"DATE: " + DATE]),
        "[PATCH v2] foo: obsolete syntax", JANE, "patch", None, None, 2,
        message_id="oddcase@example.org", date=DATE_EPOCH)
    simple("rfc2047-empty-encoded-word", b"[PATCH] foo:=?UTF-8?Q??= bar", "[PATCH] foo: bar", "patch")
    add("mime-missing-final-boundary",
        mail(std(b"[PATCH] foo: unterminated multipart", frm=b"Sean Sender <sean@example.org>", name="noend",
                 extra=[b"MIME-Version: 1.0", b"Content-Type: multipart/mixed; boundary=zz"]),
             b"--zz\nContent-Type: text/plain\n\nFrom: Una Author <una@example.org>\n\nNo closing boundary.\n"),
        "[PATCH] foo: unterminated multipart", ("Una Author", "una@example.org"), "patch")
    simple("subject-empty", b"", "", "other")
    simple("subject-whitespace-runs-collapsed", b"  [PATCH]   foo:\t tabs  and   spaces  ",
           "[PATCH] foo: tabs and spaces", "patch")
    simple("subject-terminal-escapes-kept-raw", b"[PATCH] foo: \x1b[31mred\x1b[0m \x1b]0;title\x07 bell",
           "[PATCH] foo: \x1b[31mred\x1b[0m \x1b]0;title\x07 bell", "patch")

    # ------------------------------------------------------------ authors
    via = b"Jane Doe via Virtualization <virtualization@lists.linux-foundation.org>"
    simple("dmarc-via-x-original-from", b"[PATCH] virtio: dmarc with X-Original-From",
           "[PATCH] virtio: dmarc with X-Original-From", "patch",
           author=("Jane Doe", "jane@example.org"), frm=via,
           extra=[b"X-Original-From: Jane Doe <jane@example.org>",
                  b"Reply-To: Someone Else <else@example.org>",
                  b"List-Id: <virtualization.lists.linux-foundation.org>"])
    simple("dmarc-via-reply-to-only", b"[PATCH] virtio: dmarc with Reply-To",
           "[PATCH] virtio: dmarc with Reply-To", "patch",
           author=("Jane Doe", "jane.doe@example.com"), frm=via,
           extra=[b"Reply-To: Jane Doe <jane.doe@example.com>"])
    inbody = b"From: Shivank Garg <shivankg@amd.com>\n\nAdd a dedicated gmem_inode.\n\n" + PATCH_BODY
    simple("in-body-from-git-send-email", b"[PATCH 1/2] KVM: guest_memfd: add gmem_inode",
           "[PATCH 1/2] KVM: guest_memfd: add gmem_inode", "patch", 1, 2,
           author=("Shivank Garg", "shivankg@amd.com"),
           frm=b"Sean Christopherson <seanjc@google.com>", body=inbody)
    simple("in-body-from-rfc2047", b"[PATCH] hw/arm: fix",
           "[PATCH] hw/arm: fix", "patch",
           author=("Philippe Mathieu-Daudé", "philmd@linaro.org"),
           frm=b"Peter Maydell <peter.maydell@linaro.org>",
           body=b"From: =?UTF-8?q?Philippe=20Mathieu-Daud=C3=A9?= <philmd@linaro.org>\n\n" + PATCH_BODY)
    simple("in-body-from-after-blank-lines-with-date", b"[PATCH] foo: in-body block",
           "[PATCH] foo: in-body block", "patch",
           author=("Li RongQing", "lirongqing@baidu.com"),
           frm=b"lirongqing <lirongqing@baidu.com>",
           body=b"\n\nFrom: Li RongQing <lirongqing@baidu.com>\nDate: Tue, 7 Oct 2025 15:14:08 -0700\n\n"
           + PATCH_BODY)
    simple("from-further-down-is-not-author", b"[PATCH] foo: quote a From line",
           "[PATCH] foo: quote a From line", "patch",
           author=JANE,
           body=b"The bug report said:\n\nFrom: Reporter Person <reporter@example.org>\n\n" + PATCH_BODY)
    simple("address-comment-name", b"[PATCH] foo: comment form",
           "[PATCH] foo: comment form", "patch", author=("Jane Doe", "jane@example.org"),
           frm=b"jane@example.org (Jane Doe)")
    simple("address-bare", b"[PATCH] foo: bare address",
           "[PATCH] foo: bare address", "patch", author=("", "jane@example.org"),
           frm=b"jane@example.org")
    simple("address-quoted-last-comma-first", b"[PATCH] foo: quoted comma name",
           "[PATCH] foo: quoted comma name", "patch", author=("Doe, Jane", "jane@example.org"),
           frm=b"\"Doe, Jane\" <jane@example.org>")
    simple("address-junk-after-angle-addr", b"[PATCH] foo: junk after the address",
           "[PATCH] foo: junk after the address", "patch", author=("Jane Doe", "jane@example.org"),
           frm=b"Jane Doe <jane@example.org> (sent from my phone) junk")
    simple("address-angle-only", b"[PATCH] foo: angle address",
           "[PATCH] foo: angle address", "patch", author=("", "jane@example.org"),
           frm=b"<jane@example.org>")


def escape(text):
    if text is None:
        return ""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u{%X}" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def num(value):
    return "" if value is None else str(value)


def python_note(fx):
    """Where Python's email package (with our rules on top) disagrees with the expectation."""
    got = mailrules.facts(fx["raw"])
    notes = []
    if (got["subject"] or "") != fx["subject"]:
        notes.append("subject=%r" % got["subject"])
    author = fx["author"] or ("", "")
    gauthor = got["author"] or ("", "")
    if tuple(gauthor) != tuple(author):
        notes.append("author=%r" % (tuple(gauthor),))
    if got["kind"] != fx["kind"]:
        notes.append("kind=%s" % got["kind"])
    for key in ("number", "total", "version"):
        if got[key] != fx[key]:
            notes.append("%s=%r" % (key, got[key]))
    if fx["message_id"] != "-" and got["message_id"] != fx["message_id"]:
        notes.append("message_id=%r" % got["message_id"])
    if fx["date"] != "-" and got["date"] != fx["date"]:
        notes.append("date=%r" % got["date"])
    if got["python_errors"]:
        notes.append("errors=%s" % ",".join(got["python_errors"]))
    return "; ".join(notes)


def main():
    build()
    names = [fx["name"] for fx in FIXTURES]
    assert len(names) == len(set(names)), "duplicate fixture names"
    check = "--check" in sys.argv
    rows = ["\t".join(["name", "subject", "author_name", "author_email", "kind", "number", "total",
                       "version", "message_id", "date", "python_note"])]
    differing = 0
    for fx in FIXTURES:
        note = python_note(fx)
        if note:
            differing += 1
            if check:
                print("%-45s %s" % (fx["name"], note))
        author = fx["author"] or ("", "")
        rows.append("\t".join([fx["name"], escape(fx["subject"]), escape(author[0]), escape(author[1]),
                               fx["kind"], num(fx["number"]), num(fx["total"]), num(fx["version"]),
                               fx["message_id"], fx["date"], escape(note)]))
    if not check:
        os.makedirs(OUT, exist_ok=True)
        for fx in FIXTURES:
            with open(os.path.join(OUT, fx["name"] + ".eml"), "wb") as handle:
                handle.write(fx["raw"])
        with open(os.path.join(OUT, "expected.tsv"), "w", encoding="utf-8", newline="\n") as handle:
            handle.write("\n".join(rows) + "\n")
    print("%d fixtures, %d where Python's reading differs" % (len(FIXTURES), differing))


if __name__ == "__main__":
    main()
