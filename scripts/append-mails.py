#!/usr/bin/env python3
"""Append N mails to one epoch of a public-inbox archive (for measuring incremental runs).

usage: scripts/append-mails.py EPOCH.git N [SECONDS_APART]

Copies the last N messages of the epoch with new Message-IDs (`<appended-K-...>`) and commits
them, one commit each (the tree holds only `m`, as public-inbox writes), with commit times right
after the newest commit, through one `git fast-import`.
"""
import subprocess
import sys


def git(gitdir, *args, data=None):
    return subprocess.run(["git", "--git-dir=" + gitdir, *args], input=data, capture_output=True, check=True).stdout


def main():
    gitdir, count = sys.argv[1], int(sys.argv[2])
    apart = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    head = git(gitdir, "rev-parse", "HEAD").decode().strip()
    last_time = int(git(gitdir, "log", "-1", "--format=%ct", head).decode())
    commits = git(gitdir, "rev-list", "--max-count=%d" % count, head).decode().split()[::-1]
    stream = bytearray()
    for number, commit in enumerate(commits, 1):
        mail = git(gitdir, "cat-file", "blob", commit + ":m")
        lines = mail.split(b"\n")
        for index, line in enumerate(lines):
            if line == b"":
                break
            if line.lower().startswith(b"message-id:"):
                lines[index] = b"Message-ID: <appended-%d-%s@lore-digest.invalid>" % (number, commit[:12].encode())
        mail = b"\n".join(lines)
        stream += b"commit refs/heads/master\n"
        stream += b"committer Appender <appender@lore-digest.invalid> %d +0000\n" % (last_time + number * apart)
        stream += b"data 0\n"
        if number == 1:
            stream += b"from %s\n" % head.encode()
        stream += b"M 100644 inline m\ndata %d\n" % len(mail) + mail + b"\n\n"
    git(gitdir, "fast-import", "--quiet", data=bytes(stream))
    print("appended %d mails to %s" % (len(commits), gitdir))


if __name__ == "__main__":
    main()
