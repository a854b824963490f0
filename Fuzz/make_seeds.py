# Writes the synthetic seed corpus for the mail fuzzer. Every name and address is invented
# (example.org / example.com / example.net, RFC 2606).
import base64, os, sys, quopri
out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def w(name, text, crlf=False, raw=None):
    data = raw if raw is not None else text.encode("utf-8")
    if crlf:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

H = """From: Alice Example <alice@example.org>
To: dev@lists.example.org
Cc: Bob Sample <bob@example.com>, "Carol, Q." <carol@example.net>
Date: Tue, 4 Mar 2025 10:11:12 +0100
List-Id: <dev.lists.example.org>
"""

w("01-patch-plain.eml", H + """Subject: [PATCH v2 3/7] widget: fix frobnication of the gadget
Message-ID: <20250304101112.1234-3-alice@example.org>
In-Reply-To: <20250304101112.1234-1-alice@example.org>
References: <20250304101112.1234-1-alice@example.org>

The gadget was frobnicated twice when the widget was idle.
Only frobnicate once.

Fixes: 0123456789ab ("widget: add gadget")
Reported-by: Dave Tester <dave@example.com>
Signed-off-by: Alice Example <alice@example.org>
---
 drivers/widget/gadget.c | 3 ++-
 1 file changed, 2 insertions(+), 1 deletion(-)

diff --git a/drivers/widget/gadget.c b/drivers/widget/gadget.c
index 1111111..2222222 100644
--- a/drivers/widget/gadget.c
+++ b/drivers/widget/gadget.c
@@ -10,7 +10,8 @@ static int gadget_frob(struct gadget *g)
 {
-	frob(g); frob(g);
+	frob(g);
+	return 0;
 }
-- 
2.47.0
""")

w("02-cover.eml", H + """Subject: [PATCH v2 0/7] widget: gadget cleanups
Message-ID: <20250304101112.1234-1-alice@example.org>

This series cleans up the gadget code.

Changes in v2:
- rebased

Alice Example (7):
  widget: fix frobnication of the gadget
  widget: rename gadget_frob

 drivers/widget/gadget.c | 30 ++++++++++++++++--------------
 2 files changed, 16 insertions(+), 14 deletions(-)

base-commit: 89abcdef0123456789abcdef0123456789abcdef
-- 
2.47.0
""")

w("03-reply-trailers.eml", H + """Subject: Re: [PATCH v2 3/7] widget: fix frobnication of the gadget
Message-ID: <reply-1@example.com>
In-Reply-To: <20250304101112.1234-3-alice@example.org>
References: <20250304101112.1234-1-alice@example.org>
 <20250304101112.1234-3-alice@example.org>

On Tue, Mar 04, 2025 at 10:11:12AM +0100, Alice Example wrote:
> The gadget was frobnicated twice when the widget was idle.
> Only frobnicate once.

Reviewed-by: Bob Sample <bob@example.com>
Tested-by: "Sample, Bob" <bob@example.com>
Acked-by: Erin <erin@example.net> # for widget
""")

w("04-crlf-folded.eml", """From: =?UTF-8?Q?J=C3=BCrgen_Beispiel?= <juergen@example.de>
To: dev@lists.example.org
Subject: [RFC PATCH 1/2] a subject that is
 folded over
\tthree lines
Date: Wed, 05 Mar 2025 23:59:59 -0800
Message-ID:
 <folded@example.de>

Body with CRLF line endings.
Signed-off-by: J\u00fcrgen Beispiel <juergen@example.de>
""", crlf=True)

w("05-encoded-words.eml", """From: "=?ISO-8859-1?Q?Fran=E7ois?= Test" <francois@example.fr>
Subject: =?UTF-8?B?W1BBVENIXSDDpMO2w7wgbsO4cnJl?= =?UTF-8?Q?_tail_=E2=9C=93?=
 =?iso-8859-2?q?_=B1=B6?= plain =?bogus?x?zzz?= =?UTF-8?B?!!!?=
Date: Thu, 6 Mar 2025 01:02:03 +0000
Message-ID: <ew@example.fr>

ok
""")

w("06-multipart-attachment.eml", H + """Subject: [PATCH] tool: add option
Message-ID: <mp@example.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=-=-=b1"

This is a multi-part message in MIME format.
--=-=-=b1
Content-Type: text/plain; charset=utf-8; format=flowed
Content-Transfer-Encoding: 8bit

Please find the patch attached. This line is flowed and continues 
on the next line.
> quoted, not flowed

--=-=-=b1
Content-Type: text/x-patch; name="0001-tool-add-option.patch"
Content-Disposition: attachment; filename="0001-tool-add-option.patch"
Content-Transfer-Encoding: base64

""" + base64.encodebytes(b"""From 1234 Mon Sep 17 00:00:00 2001
From: Alice Example <alice@example.org>
Subject: [PATCH] tool: add option

Adds --frob.

Signed-off-by: Alice Example <alice@example.org>
---
diff --git a/t.c b/t.c
""").decode() + """--=-=-=b1--
epilogue
""")

w("07-nested-multipart.eml", H + """Subject: nested
Message-ID: <nested@example.org>
Content-Type: multipart/mixed; boundary=outer

--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/html

<p>html</p>
--inner
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

Caf=E9 and a soft=
 break, =3D sign, bad =ZZ escape=
--inner--
--outer
Content-Type: application/octet-stream
Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.diff

diff --git a/x b/x
--outer--
""")

w("08-rfc2231-params.eml", H + """Subject: params
Message-ID: <params@example.org>
Content-Type: multipart/mixed;
 boundary*0="abc";
 boundary*1="def"

--abcdef
Content-Type: text/plain; charset*=us-ascii'en'us-ascii; format="flowed"; delsp=yes
Content-Disposition: inline; filename*0*=UTF-8''a%20b; filename*1=".patch"

text part
--abcdef--
""")

w("09-mbox-from-line.eml", "From alice@example.org Tue Mar  4 10:11:12 2025\n" + H + """Subject: [PATCH 2/2] mbox separator first
Message-ID: <mbox@example.org>

>From the body, escaped.
""")

w("10-pull-request.eml", H + """Subject: [GIT PULL v2] widget fixes for 6.15
Message-ID: <pull@example.org>

The following changes since commit 0123456789abcdef0123456789abcdef01234567:

  Linux 6.14 (2025-03-01 12:00:00 -0800)

are available in the Git repository at:

  https://git.example.org/widget.git tags/widget-fixes

for you to fetch changes up to 89abcdef0123456789abcdef0123456789abcdef:
""")

w("11-bot-report.eml", """From: kernel test robot <lkp@example.com>
To: alice@example.org
Subject: [linux-next:master 3/5] drivers/widget/gadget.c:12:2: warning: unused
Date: Fri, 7 Mar 2025 05:06:07 +0800
Message-ID: <bot@example.com>

tree:   https://git.example.org/next.git master
""")

w("12-syzbot.eml", """From: syzbot <syzbot+abc123@example.com>
Subject: [syzbot] [widget?] KASAN: use-after-free Read in gadget_frob
Date: Sat, 08 Mar 2025 00:00:00 GMT
Message-ID: <syz@example.com>

Hello,
""")

w("13-in-body-from.eml", """From: Maintainer Person <maint@example.org>
Subject: [PATCH RESEND 5/9] gadget: forward a patch
Date: 9 Mar 2025 12:00 EST
Message-ID: <inbody@example.org>

From: Original Author <author@example.com>
Date: Sun, 1 Mar 2025 10:00:00 +0000
Subject: [PATCH] gadget: the original subject
 continued

The original commit message.

Signed-off-by: Original Author <author@example.com>
Signed-off-by: Maintainer Person <maint@example.org>
---
 a | 1 +
""")

w("14-dates.eml", """From: d@example.org
Date: Mon, 31 Feb 1999 25:61:61 +9999 (garbage comment)
Date: 1 Jan 70 00:00:00 -0000
Subject: dates
Message-ID: <dates@example.org>

x
""")

w("15-address-edge.eml", """From: "Quoted \\"Name\\" (not comment)" (comment (nested)) <odd@example.org>
Reply-To: group: one@example.org, "two" <two@example.org>;, three@example.org
X-Original-From: Original <original@example.net>
To: undisclosed-recipients:;
Cc: <@route.example:x@example.org>, bare@example.org (Bare Name), =?utf-8?q?Enc=C3=B6ded?= <e@example.org>,
 "unterminated <u@example.org
Subject: addresses
Message-ID: <addr@example.org>

x
""")

w("16-message-ids.eml", """From: m@example.org
Subject: ids
Message-ID: junk before <real@id.example> junk <second@id.example>
In-Reply-To: "quoted" <irt@id.example> (comment)
References: <a@x.example> <b@x.example>
 <c@x.example><d@x.example>
References: <unterminated@x.example
List-Id: Dev list without brackets

x
""")

w("17-base64-body.eml", """From: b@example.org
Subject: [PATCH 1/1] base64 body
Message-ID: <b64@example.org>
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

""" + base64.encodebytes("Commit message, \u00e9t\u00e9.\n\nSigned-off-by: B <b@example.org>\n---\n".encode()).decode() + "!!invalid base64@@\n")

w("18-latin1-body.eml", None, raw=b"""From: l@example.org
Subject: latin1
Message-ID: <l1@example.org>
Content-Type: text/plain; charset=windows-1252

Caf\xe9 \x93quoted\x94 \x80 euro, invalid utf-8: \xc3\x28 \xff\xfe
""")

w("19-unknown-charset.eml", None, raw=b"""From: u@example.org
Subject: =?x-unknown?B?AAAA?= =?utf-7?B?K0FPUS0=?=
Message-ID: <uc@example.org>
Content-Type: text/plain; charset="x-no-such-charset"
Content-Transfer-Encoding: x-uuencode

\x00\x01 binary \xff
""")

w("20-no-header.eml", "This is not a mail, just text\nwith lines.\n")

w("21-header-only.eml", "Subject: no body at all\nFrom: h@example.org")

w("22-bare-cr.eml", None, raw=b"From: cr@example.org\rSubject: bare CR\r\rbody\rline\r")

w("23-bad-header-line.eml", """From: x@example.org
Subject: continues
this line is not a header
Date: Mon, 1 Jan 2024 00:00:00 +0000

""")

w("24-subject-prefixes.eml", """From: p@example.org
Subject: RE : Aw: Re[2]: Fwd: Sv(3): [RFC][PATCHv3 01/12][net-next] net: title [not a tag]
Message-ID: <prefix@example.org>

x
""")

w("25-subject-tags-edge.eml", """From: p@example.org
Subject: [PATCH 00/00] [PATCH v0 9999999999999999999999/1] [] [ PATCH1/8 ] [RESEND v-1]
Message-ID: <tags@example.org>

x
""")

w("26-multipart-no-boundary.eml", """From: n@example.org
Subject: multipart without boundary
Content-Type: multipart/mixed

--
--x--
""")

w("27-multipart-unterminated.eml", """From: n@example.org
Subject: unterminated
Content-Type: multipart/mixed; boundary="b"

preamble
--b
Content-Type: text/plain

never closed
--b
Content-Type: multipart/mixed; boundary="b"

--b
""")

w("28-diff-attachment-names.eml", """From: d@example.org
Subject: [PATCH 2/3] diff names
Content-Type: multipart/mixed; boundary=zz

--zz
Content-Type: text/plain

See attached.
--zz
Content-Type: text/x-diff
Content-Transfer-Encoding: quoted-printable

diff --git a/q b/q=0A+added
--zz
Content-Type: application/octet-stream; name=fix.patch

+raw
--zz--
""")

w("29-trailers-mixed.eml", """From: t@example.org
Subject: [PATCH] trailers
Message-ID: <tr@example.org>

Subject line of the commit that is quite long indeed and goes on

Link: https://lore.example.org/r/1234@example.org
Cc: stable@example.org # 6.1+
Co-developed-by: Frank <frank@example.com>
Signed-off-by: Frank <frank@example.com>
Signed-off-by:
Not-A-Trailer line without colon
Suggested-by: =?UTF-8?Q?Gr=C3=A9?= <gre@example.com>
---
v2: changed things
""")

w("30-duplicate-headers.eml", """FROM: first@example.org
from: second@example.org
SUBJECT: first subject
subject: second subject
Content-type: TEXT/PLAIN; CHARSET=UTF-8
content-transfer-encoding: QUOTED-PRINTABLE

soft=\n=C3=A9
""")

w("31-long-folded-subject.eml", "From: f@example.org\nSubject: " + "\n ".join(["[PATCH v%d %d/9] part" % (i, i) for i in range(1, 40)]) + "\n\nbody\n")

w("32-many-encoded-words.eml", "From: f@example.org\nSubject: " + " ".join(["=?utf-8?q?w=C3=A9rd%d?=" % i for i in range(60)]) + "\n\nx\n")

w("33-empty.eml", "")

w("34-header-no-colon-space.eml", "From:<x@example.org>\nSubject:[PATCH]no space\nX-Empty:\n\t\n\nbody\n")

w("35-deep-nesting.eml", "From: n@example.org\nSubject: deep\nContent-Type: multipart/mixed; boundary=b0\n\n" +
  "".join("--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n" % (i, i + 1) for i in range(25)) +
  "--b25\nContent-Type: text/plain\n\ndeep text\n--b25--\n")

w("36-format-flowed-delsp.eml", """From: f@example.org
Subject: flowed
Content-Type: text/plain; format=flowed; delsp=yes

This line is fl 
owed with delsp. 
>> quoted flowed 
>> line
-- 
sig
""")
