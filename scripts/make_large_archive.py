#!/usr/bin/env python3
"""Build a synthetic public-inbox v2 inbox of N messages by replaying real archives (issue 14).

usage: scripts/make_large_archive.py [--epoch-mb MB] [--corpora DIR] N DIR
(normally run through scripts/make-large-archive.sh, which checks DIR first)

Each round replays every bundle in the corpora folder (`*.bundle`, one epoch each), merged by
the time each archive received the mail, so the synthetic list looks like one list receiving
all of them. A mail whose Message-ID an earlier bundle of the round already had (a cross-post)
is replayed once. Round r (from 0) rewrites every Message-ID, In-Reply-To and References id
`<local@domain>` to `<local.rR@domain>` (round 0 keeps the real ids, so its mails are the real
bytes), which keeps threads and series intact within a round and apart across rounds, and
shifts the Date header, the author time and the commit time by r x PERIOD, PERIOD being the
corpora's time span rounded up to whole weeks (weekdays stay right), so time keeps increasing.

Commits are written as public-inbox writes them: tree `m` (the mail), message = the original
commit's (the subject), author = the original author (from the mail's From:, at its Date:),
committer `synthetic.E <synthetic@lore-digest.invalid>` (E the epoch) at the archive time.
Like public-inbox's V2Writable, an epoch is closed once the raw mail bytes written to it reach
MB MiB / 0.4 (its PACKING_FACTOR; about MB of pack), and the next `git/E.git` is started.
One `git fast-import` per epoch, streamed; one `git cat-file --batch` per bundle and round.
Deterministic: the same N, MB and corpora give the same commits.
"""
import argparse
import email.utils
import glob
import heapq
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

PACKING_FACTOR = 0.4
WEEK = 7 * 24 * 3600
ID_HEADERS = (b"message-id", b"in-reply-to", b"references")
ANGLE_ID = re.compile(rb"<([^<>]*)>")
COMMITTER = b"synthetic.%d <synthetic@lore-digest.invalid>"
# No system or user configuration, so every machine writes the same objects.
GIT_ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", LC_ALL="C")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def fail(message):
    sys.stderr.write("make-large-archive: %s\n" % message)
    sys.exit(1)


def git(gitdir, *args):
    return subprocess.run(
        ["git", "--git-dir=" + gitdir, *args], capture_output=True, check=True, env=GIT_ENV
    ).stdout


class Corpus:
    """One bundle cloned to a bare repository, with its archive order and time span."""

    def __init__(self, index, bundle, workdir):
        self.index = index
        self.name = os.path.basename(bundle)
        self.gitdir = os.path.join(workdir, "%d.git" % index)
        subprocess.run(["git", "clone", "--quiet", "--bare", bundle, self.gitdir], check=True, env=GIT_ENV)
        times = [int(t) for t in git(self.gitdir, "log", "--format=%ct").split()]
        self.first, self.last, self.count = min(times), max(times), len(times)

    def mails(self):
        """Yields (commit time, commit oid, raw commit, mail) in archive order, streamed.

        A commit without `m` (a deletion) is skipped: it is no message."""
        pipeline = "git rev-list --reverse HEAD | awk '{ print; print $0 \":m\" }' | git cat-file --batch"
        process = subprocess.Popen(
            ["sh", "-c", pipeline], cwd=self.gitdir, stdout=subprocess.PIPE, env=GIT_ENV, bufsize=1 << 20
        )
        out = process.stdout

        def read_object():
            header = out.readline().split()
            if len(header) == 2 and header[1] == b"missing":
                return None
            body = out.read(int(header[2]))
            out.read(1)  # the newline after each object
            return header[0], body

        try:
            while out.peek(1):
                commit = read_object()
                if commit is None:
                    fail("%s: a commit listed by rev-list is missing" % self.name)
                mail = read_object()
                if mail is None:
                    continue
                oid, raw = commit
                committer = next(l for l in raw.split(b"\n") if l.startswith(b"committer "))
                yield int(committer.rsplit(b" ", 2)[1]), oid, raw, mail[1]
        finally:
            # Stopped early (N reached mid-round): closing the pipe ends git with SIGPIPE.
            finished = not out.peek(1)
            out.close()
            status = process.wait()
        if finished and status != 0:
            fail("%s: git rev-list | cat-file failed" % self.name)


def message_id(mail):
    """The first Message-ID header's id (lower case), or None."""
    head = mail.split(b"\n\n", 1)[0]
    match = re.search(rb"(?im)^message-id:[ \t]*(.*(?:\n[ \t].*)*)", head)
    if not match:
        return None
    found = ANGLE_ID.search(match.group(1))
    return (found.group(1) if found else match.group(1).strip()).lower()


def rfc5322_date(timestamp, offset_seconds):
    moment = time.gmtime(timestamp + offset_seconds)
    sign = "+" if offset_seconds >= 0 else "-"
    zone = abs(offset_seconds) // 60
    return "%s, %d %s %04d %02d:%02d:%02d %s%02d%02d" % (
        DAYS[moment.tm_wday], moment.tm_mday, MONTHS[moment.tm_mon - 1], moment.tm_year,
        moment.tm_hour, moment.tm_min, moment.tm_sec, sign, zone // 60, zone % 60,
    )


def rewrite(mail, suffix, shift):
    """The mail with its ids suffixed and its Date shifted; the body is never touched."""
    if not suffix and not shift:
        return mail
    lines = mail.split(b"\n")
    end = next((i for i, line in enumerate(lines) if line in (b"", b"\r")), len(lines))
    fields = []  # each header field with its continuation lines
    for line in lines[:end]:
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1].append(line)
        else:
            fields.append([line])
    out = []
    for field in fields:
        name = field[0].split(b":", 1)[0].strip().lower()
        if name == b"date":
            field = shifted_date(field, shift)
        elif name in ID_HEADERS:
            field = [ANGLE_ID.sub(lambda m: b"<" + suffixed(m.group(1), suffix) + b">", line) for line in field]
        out.extend(field)
    return b"\n".join(out + lines[end:])


def shifted_date(field, shift):
    """The Date field as one line shifted by `shift` seconds in its own zone; unchanged when
    Python's email.utils cannot read it (the replay keeps what the corpora have)."""
    value = b"".join(line.rstrip(b"\r") for line in field).split(b":", 1)
    try:
        parsed = email.utils.parsedate_tz(value[1].decode("latin-1")) if len(value) == 2 else None
        stamp = email.utils.mktime_tz(parsed) + shift if parsed is not None else None
        text = rfc5322_date(stamp, parsed[9] or 0) if stamp is not None else None
    except (ValueError, OverflowError, TypeError, IndexError):
        text = None
    if text is None:
        return field
    return [b"Date: " + text.encode() + (b"\r" if field[-1].endswith(b"\r") else b"")]


def suffixed(identifier, suffix):
    at = identifier.rfind(b"@")
    return identifier + suffix if at < 0 else identifier[:at] + suffix + identifier[at:]


def shifted_identity(line, shift):
    """`author NAME <EMAIL> TIME ZONE` with TIME shifted, without the leading keyword."""
    ident, stamp, zone = line.split(b" ", 1)[1].rsplit(b" ", 2)
    return b"%s %d %s" % (ident, int(stamp) + shift, zone)


class EpochWriter:
    """Streams commits to one `git fast-import` per epoch and rotates epochs by raw size."""

    def __init__(self, directory, epoch_bytes):
        self.directory, self.epoch_bytes = directory, epoch_bytes
        self.epoch, self.process, self.written = -1, None, 0
        self.sizes = []

    def open_next(self):
        self.close()
        self.epoch += 1
        gitdir = os.path.join(self.directory, "git", "%d.git" % self.epoch)
        subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=master", gitdir], check=True, env=GIT_ENV)
        self.process = subprocess.Popen(
            ["git", "--git-dir=" + gitdir, "fast-import", "--quiet", "--done", "--date-format=raw-permissive"], stdin=subprocess.PIPE, env=GIT_ENV
        )
        self.written = 0

    def add(self, message, author, committer_time, mail):
        if self.process is None or self.written >= self.epoch_bytes:
            self.open_next()
        committer = COMMITTER % self.epoch + b" " + committer_time
        self.process.stdin.write(
            b"commit refs/heads/master\nauthor %s\ncommitter %s\ndata %d\n%s\nM 100644 inline m\ndata %d\n%s\n"
            % (author, committer, len(message), message, len(mail), mail)
        )
        self.written += len(mail)

    def close(self):
        if self.process is None:
            return
        self.process.stdin.write(b"done\n")
        self.process.stdin.close()
        if self.process.wait() != 0:
            fail("git fast-import failed for epoch %d" % self.epoch)
        self.process = None


def keyed(corpus):
    """The corpus's mails keyed for the merge: archive time, then corpus, then archive order."""
    for order, (commit_time, oid, raw, mail) in enumerate(corpus.mails()):
        yield commit_time, corpus.index, order, oid, raw, mail


def replay(corpora, limit, writer):
    """Writes `limit` mails, round after round; returns the number of rounds started."""
    period = -(-(max(c.last for c in corpora) - min(c.first for c in corpora) + 1) // WEEK) * WEEK + WEEK
    cross_posts = set()  # (corpus index, oid) of mails an earlier corpus of the round had
    first_owner = {}  # round 0: Message-ID -> corpus index that replayed it first
    written, round_number = 0, 0
    while written < limit:
        shift, suffix = round_number * period, (b".r%d" % round_number if round_number else b"")
        streams = [keyed(corpus) for corpus in corpora]
        for _, index, _, oid, raw, mail in heapq.merge(*streams):
            if round_number == 0:
                identifier = message_id(mail)
                if identifier is not None and first_owner.setdefault(identifier, index) != index:
                    cross_posts.add((index, oid))
            if (index, oid) in cross_posts:
                continue
            header, _, message = raw.partition(b"\n\n")
            fields = header.split(b"\n")
            author = shifted_identity(next(l for l in fields if l.startswith(b"author ")), shift)
            committer = shifted_identity(next(l for l in fields if l.startswith(b"committer ")), shift)
            writer.add(message, author, committer.rsplit(b" ", 2)[1] + b" " + committer.rsplit(b" ", 2)[2],
                       rewrite(mail, suffix, shift))
            written += 1
            if written == limit:
                break
        for stream in streams:
            stream.close()
        if written == 0:
            fail("the corpora hold no mails")
        round_number += 1
        sys.stderr.write("make-large-archive: %d of %d mails (round %d)\n" % (written, limit, round_number))
    writer.close()
    return round_number, len(cross_posts), period


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, metavar="N")
    parser.add_argument("directory", metavar="DIR")
    parser.add_argument("--epoch-mb", type=int, default=1024)
    parser.add_argument("--corpora", default=os.path.join(here, "..", "..", "shared", "corpora"))
    options = parser.parse_args()
    if options.count < 1 or options.epoch_mb < 1:
        fail("N and --epoch-mb must be positive; give e.g. 30000 --epoch-mb 100")
    bundles = sorted(glob.glob(os.path.join(options.corpora, "*.bundle")))
    if not bundles:
        fail("no *.bundle in '%s'; give --corpora DIR (../shared/corpora)" % options.corpora)
    if os.path.exists(options.directory) and os.listdir(options.directory):
        fail("'%s' exists and is not empty; give a new or empty directory" % options.directory)
    started = time.monotonic()
    workdir = tempfile.mkdtemp(prefix="make-large-archive.")
    try:
        corpora = [Corpus(index, bundle, workdir) for index, bundle in enumerate(bundles)]
        writer = EpochWriter(options.directory, int(options.epoch_mb * 1024 * 1024 / PACKING_FACTOR))
        rounds, cross_posts, period = replay(corpora, options.count, writer)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(
        "wrote %d mails in %d epochs (%d rounds of %s, period %d days, %d cross-posts replayed once per round) "
        "to %s in %.1f s" % (
            options.count, writer.epoch + 1, rounds, " + ".join(c.name for c in corpora), period // 86400,
            cross_posts, options.directory, time.monotonic() - started,
        )
    )


if __name__ == "__main__":
    main()
