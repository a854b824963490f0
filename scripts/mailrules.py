"""An independent Python reading of the rules of /work/shared/spec/report.md.

Used by scripts/differential.py (whole archives against `lore-digest messages`) and by
scripts/make_hostile_fixtures.py (to cross-check the hand-written expectations of the hostile
mail suite). It relies on Python's `email` package (policy.default) for RFC 5322/2045-2047/2231
and implements on top of it, without looking at the Swift code:

- the subject: unfolded, RFC 2047-decoded, ASCII white space runs collapsed to one space, trimmed;
- the author: an in-body From: at the top of the body (after blank lines, in a block of
  From:/Date:/Subject: lines), else the header From after DMARC repair (X-Original-From, else
  Reply-To; a From is a list's if its address is the list's own or its name ends in ' via X');
- the kind: reply, pull, patch/cover, bot, other (unparseable: no header block); a subject whose
  tags name RFC, a version or a position but not PATCH is a patch mail when the body carries a
  diff (`0/M` with RFC or a version: a cover letter);
- number, total and version from the leading bracketed tags;
- the first line of the commit message of a patch mail.

Where Python itself fails (an exception while reading a header or the body), the result carries
the failure in `python_errors`; callers count those apart: they are not lore-digest's bugs.
"""

import email
import email.policy
import email.utils
import re
from email.header import decode_header, make_header

WS = " \t\r\n\f\v"
_ws_run = re.compile(r"[ \t\r\n\f\v]+")


def collapse(text):
    """Collapses runs of ASCII white space to one space and trims (the report's rule)."""
    if text is None:
        return None
    return _ws_run.sub(" ", text).strip(WS)


# ---------------------------------------------------------------------------- subject tags

REPLY_WORDS = {"re", "aw", "sv", "vs", "odp", "antw", "rif", "fwd", "fw", "wg"}
_reply_prefix = re.compile(r"([A-Za-z]{1,4})(?:\[\d+\]|\(\d+\))? *:")
_version = re.compile(r"^[vV](\d{1,9})(?:\.(\d{1,9}))?$")
_counter = re.compile(r"^(\d{1,9})/(\d{1,9})$")


def subject_tags(subject):
    """Reply flag, leading tags and what they say (report.md, 'Which mails count')."""
    result = {"is_reply": False, "tags": [], "has_patch": False, "is_pull": False,
              "is_bot": False, "is_rfc": False, "number": None, "total": None, "version": None,
              "minor_version": None}
    s = subject.lstrip(WS)
    while True:
        m = _reply_prefix.match(s)
        if not m or m.group(1).lower() not in REPLY_WORDS:
            break
        result["is_reply"] = True
        s = s[m.end():].lstrip(WS)
    while s.startswith("["):
        close = s.find("]", 1)
        if close < 0:
            break
        result["tags"].append(collapse(s[1:close]))
        s = s[close + 1:].lstrip(WS)
    dotted = None
    for index, tag in enumerate(result["tags"]):
        bot_tag = index == 0 and _is_bot_tag(tag)
        words = []
        for word in re.split(r"[ ,]+", tag):
            if not word:
                continue
            up = word.upper()
            # `RFC/PATCH`, `RFC-PATCH`: a word that is no keyword, version or counter whole is
            # read in pieces. Not in a bot's `tree:branch` tag, whose `-v10` names a branch.
            if bot_tag:
                # `[stable:PATCH]` names the word PATCH: a patch tag, not a bot's tree:branch.
                if any(piece in ("PATCH", "PATCHES", "PATCHSET") for piece in re.split(r"[:/-]+", up)):
                    result["has_patch"] = True
                words.append(up)
            elif _keyword(up) is None and ("/" in up or "-" in up) and _has_keyword_piece(up):
                # Only next to a keyword: `[Question-GIC-v4.1]` names no version.
                words.extend(piece for piece in re.split(r"[/-]+", up) if piece)
            else:
                words.append(up)
        for up in words:
            rest = up
            if up.startswith("PATCH"):
                glued = up[5:]
                if glued in ("", "ES", "SET"):
                    result["has_patch"] = True
                    continue
                if glued[:1] in "-_" and glued:
                    glued = glued[1:]
                if _version.match(glued) or _counter.match(glued):
                    result["has_patch"] = True
                    rest = glued
                else:
                    continue
            elif up == "RFC":
                result["is_rfc"] = True
                continue
            elif up.startswith("RFC") and (_version.match(up[3:]) or _counter.match(up[3:])):
                result["is_rfc"] = True
                rest = up[3:]
            elif up == "PULL":
                result["is_pull"] = True
                continue
            v = _version.match(rest)
            c = _counter.match(rest)
            if v:
                # A plain vN anywhere wins over vN.K (`[PATCH stable v4.9 v2]`: v4.9 is a kernel).
                if v.group(2):
                    if dotted is None:
                        dotted = (int(v.group(1)), int(v.group(2)))
                elif result["version"] is None:
                    result["version"] = int(v.group(1))
            elif c:
                if result["number"] is None:
                    result["number"], result["total"] = int(c.group(1)), int(c.group(2))
        if index == 0:
            result["is_bot"] = bot_tag
    if result["version"] is None and dotted is not None:
        result["version"], result["minor_version"] = dotted
    if result["has_patch"] or result["is_pull"]:
        result["is_bot"] = False
    return result


def _is_bot_tag(tag):
    if tag.lower().startswith("syzbot"):
        return True
    if ":" not in tag:
        return False
    before, after = tag.split(":", 1)
    return bool(before) and " " not in before and bool(after.strip(" "))


def _has_keyword_piece(up):
    """A piece of the word, split at / and -, is PATCH…, RFC, RESEND or PULL."""
    return any(piece.startswith("PATCH") or piece in ("RFC", "RESEND", "PULL")
               for piece in re.split(r"[/-]+", up))


def _keyword(up):
    """What a whole upper-cased word means, or None."""
    if up in ("PATCH", "PATCHES", "PATCHSET", "RFC", "RESEND", "PULL"):
        return up
    if _version.match(up) or _counter.match(up):
        return "number"
    for prefix in ("PATCH", "RFC"):
        glued = up[len(prefix):] if up.startswith(prefix) else None
        if glued:
            glued = glued[1:] if glued[0] in "-_" and prefix == "PATCH" else glued
            if _version.match(glued) or _counter.match(glued):
                return prefix
    return None


_diff_start = re.compile(r"^(?:diff --git |Index: |--- a/|--- /dev/null)", re.M)


def carries_diff(body):
    """A line starting `diff --git `, `Index: `, `--- a/` or `--- /dev/null` (report.md)."""
    return body is not None and _diff_start.search(body) is not None


def classify(subject, body=None):
    """The kind of a mail; `body` (decoded text) decides for a series without the word PATCH."""
    if subject is None:
        return "other", subject_tags("")
    t = subject_tags(subject)
    if t["is_reply"]:
        kind = "reply"
    elif t["is_pull"]:
        kind = "pull"
    elif t["has_patch"]:
        kind = "cover" if t["number"] == 0 else "patch"
    elif t["is_bot"]:
        kind = "bot"
    elif t["is_rfc"] or t["version"] is not None or t["number"] is not None:
        # A series without the word PATCH, as b4 and patchwork count them.
        if t["number"] == 0 and (t["is_rfc"] or t["version"] is not None):
            kind = "cover"
        elif carries_diff(body):
            kind = "cover" if t["number"] == 0 else "patch"
        else:
            kind = "other"
    else:
        kind = "other"
    return kind, t


# ---------------------------------------------------------------------------- people

def _decode_words(text):
    try:
        return str(make_header(decode_header(text)))
    except Exception:
        return text


def _clean(text):
    """Python keeps undecodable header bytes as surrogate escapes; read them as U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def raw_header(msg, name):
    """The first raw (still folded, undecoded) value of a header, or None."""
    lower = name.lower()
    for key, value in msg.raw_items():
        if key.lower() == lower:
            return value
    return None


def header_mailbox(msg, name):
    value = msg.get(name)
    if value is None:
        return None
    return mailbox(value, raw_header(msg, name))


def mailbox(value, raw=None):
    """(name, address) of the first mailbox of a header value (str), or None.

    Python's header registry gives the display name; for the old `addr (Name)` form it gives
    none, and the comment is taken as the name as git and public-inbox do."""
    if value is None:
        return None
    name = addr = ""
    try:
        addresses = getattr(value, "addresses", None)
        if addresses:
            name, addr = addresses[0].display_name, addresses[0].addr_spec
    except Exception:
        addresses = None
    if not addr:
        name, addr = email.utils.parseaddr(str(value))
        name = _decode_words(name)
    elif not name:
        pname, paddr = email.utils.parseaddr(re.sub(r"\r?\n", "", raw if raw is not None else str(value)))
        if paddr == addr and pname:
            name = _decode_words(pname)
    if not addr and not name:
        return None
    return (collapse(_clean(name)), _clean(addr.strip()))


def list_addresses(msg):
    out = set()
    lid = msg.get("List-Id")
    if lid is not None:
        lid = str(lid)
        m = re.search(r"<([^>]*)>", lid)
        lid = (m.group(1) if m else lid).strip()
        if "." in lid:
            local, domain = lid.split(".", 1)
            if local and "." in domain:
                out.add((local + "@" + domain).lower())
    for name in ("X-Mailing-List", "List-Post"):
        for v in msg.get_all(name) or []:
            v = str(v)
            m = re.search(r"(?:mailto:)?<?\s*([^\s<>?(),]+@[^\s<>?(),]+)", v)
            if m:
                out.add(m.group(1).lower())
    return out


_via = re.compile(r"^(.*?)\s+via\s+\S.*$")


def repaired_sender(msg, lists):
    frm = header_mailbox(msg, "From")
    if frm is None:
        return None
    name, addr = frm
    m = _via.match(name)
    is_list = addr.lower() in lists
    if not (is_list or m):
        return frm
    plain = m.group(1).strip().strip("'\"") if m else name
    for header in ("X-Original-From", "Reply-To"):
        cand = header_mailbox(msg, header)
        if cand and "@" in cand[1] and cand[1].lower() not in lists:
            return (cand[0] or plain, cand[1])
    if is_list:
        return None
    return (plain, addr)


_inbody = re.compile(r"^(from|date|subject)[ \t]*:(.*)$", re.IGNORECASE)


def in_body_headers(body):
    """(from mailbox or None, remainder lines) of the in-body header block at the top."""
    lines = body.split("\n")
    i = 0
    while i < len(lines) and lines[i].strip(WS) == "":
        i += 1
    found = {}
    last = None
    start = i
    while i < len(lines):
        m = _inbody.match(lines[i])
        if m:
            last = m.group(1).lower()
            found.setdefault(last, m.group(2))
            i += 1
        elif last is not None and lines[i][:1] in (" ", "\t") and lines[i].strip(WS):
            found[last] += " " + lines[i].strip(WS)
            i += 1
        else:
            break
    frm = None
    if "from" in found:
        name, addr = email.utils.parseaddr(found["from"])
        if "@" in addr:
            frm = (collapse(_decode_words(name)), addr)
    if i == start:
        rest = lines[start:]
    else:
        while i < len(lines) and lines[i].strip(WS) == "":
            i += 1
        rest = lines[i:]
    return frm, rest


# ---------------------------------------------------------------------------- body

def _part_text(part, errors):
    charset = (part.get_param("charset") or "us-ascii")
    charset = str(charset).strip().lower() if not isinstance(charset, tuple) else "x"
    if charset in ("us-ascii", "ascii") and part.get_content_maintype() == "text":
        # Python reads 8-bit bytes of an undeclared (US-ASCII) text as U+FFFD. Such mails are
        # almost always UTF-8, else Latin-1: read them so (the rule MailParser documents too).
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and any(byte > 0x7F for byte in payload):
            try:
                return payload.decode("utf-8")
            except UnicodeDecodeError:
                return payload.decode("latin-1")
    try:
        content = part.get_content()
    except Exception as error:  # noqa: BLE001 - Python's failure, counted apart
        errors.append("get_content: %s" % type(error).__name__)
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", "replace")
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    if not isinstance(content, str):
        content = str(content)
    return content


def _is_patch_part(part):
    ctype = part.get_content_type()
    if ctype in ("text/x-patch", "text/x-diff"):
        return True
    try:
        fname = part.get_filename() or ""
    except Exception:
        fname = ""
    return fname.endswith(".patch") or fname.endswith(".diff")


def body_text(msg, errors):
    """The first text/plain part (or the whole body), then patch parts; CRLF as LF."""
    texts = []
    if msg.is_multipart():
        leaves = [p for p in msg.walk() if not p.is_multipart()]
        plain = [p for p in leaves if p.get_content_type() == "text/plain" and not _is_patch_part(p)]
        inline = [p for p in plain if p.get_content_disposition() != "attachment"]
        chosen = (inline or plain)[:1]
        chosen += [p for p in leaves if _is_patch_part(p)]
        for part in chosen:
            texts.append(_part_text(part, errors))
    else:
        texts.append(_part_text(msg, errors))
    text = "\n".join(t if t.endswith("\n") or not t else t + "\n" for t in texts)
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------- facts

def _message_id(msg):
    raw = raw_header(msg, "Message-ID")
    if raw is None:
        return ""
    m = re.search(r"<([^<>]*)>", raw)
    return _clean(m.group(1).strip()) if m else _clean(raw.strip(WS))


def _date(msg):
    """`seconds+offset` as the fixtures write it; "" when missing or unparseable."""
    raw = raw_header(msg, "Date")
    if raw is None:
        return ""
    try:
        parsed = email.utils.parsedate_tz(re.sub(r"[\r\n]", "", raw))
        if parsed is None:
            return ""
        seconds = email.utils.mktime_tz(parsed)
        offset = (parsed[9] or 0) // 60
        return "%d%+d" % (seconds, offset)
    except Exception:  # noqa: BLE001
        return ""


def facts(raw):
    """What the rules say about one raw mail: a dict with the fields `lore-digest messages` prints."""
    errors = []
    out = {"subject": None, "author": None, "kind": "unparseable", "number": None, "total": None,
           "version": None, "body_first_line": None, "message_id": None, "date": None, "python_errors": errors, "defects": []}
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as error:  # noqa: BLE001
        errors.append("message_from_bytes: %s" % type(error).__name__)
        return out
    out["defects"] = [type(d).__name__ for d in msg.defects]
    if len(msg.keys()) == 0:
        return out
    try:
        subject = msg.get("Subject")
        out["subject"] = collapse(str(subject)) if subject is not None else None
    except Exception as error:  # noqa: BLE001
        errors.append("subject: %s" % type(error).__name__)
    out["message_id"] = _message_id(msg)
    out["date"] = _date(msg)
    try:
        lists = list_addresses(msg)
        sender = repaired_sender(msg, lists)
    except Exception as error:  # noqa: BLE001
        errors.append("from: %s" % type(error).__name__)
        lists, sender = set(), None
    author = sender
    try:
        body = body_text(msg, errors)
    except Exception as error:  # noqa: BLE001
        errors.append("body: %s" % type(error).__name__)
        body = ""
    kind, tags = classify(out["subject"], body)
    out.update(kind=kind, number=tags["number"], total=tags["total"], version=tags["version"])
    inbody, rest = in_body_headers(body)
    if inbody and inbody[1].lower() not in lists:
        author = inbody
    out["author"] = author
    if kind in ("patch", "cover"):
        first = next((line for line in rest if line.strip(WS)), None)
        out["body_first_line"] = first.strip(" \t") if first is not None else None
    return out
