#!/usr/bin/env python3
"""Differential test: `lore-digest messages` against Python's `email` package, over an archive.

    scripts/differential.py ARCHIVE [--from REV] [--to REV] [--examples N] [--json FILE|-]

For every message of the range, compares what `lore-digest messages ARCHIVE [range]` prints with
an independent reading of the same blob: Python's `email` package (policy.default) plus the rules
of report.md implemented in Python (scripts/mailrules.py: subject normalisation, in-body From,
DMARC repair, classifier, tags). Fields compared: the set of commits, subject, author name, author
email, kind, number, total, version, body_first_line (patch mails), message_id and date.

Python's own failures (exceptions while reading a header or the body) are counted apart, and a
disagreement on a message where Python failed goes to `python_failed`, not to the field: those
are not lore-digest's bugs. Python's defect reports are tallied by type for information.

The Python side reads the archive itself: `git rev-list --reverse` per epoch and one long-lived
`git cat-file --batch` per epoch (`<oid>:m`), streamed, parsed on every core.

The binary: $LORE_DIGEST, else .build/release/lore-digest, else .build-hostile/release/lore-digest
(build with `swift build -c release --scratch-path .build-hostile`).

Exit status: 0 no disagreement, 1 disagreements found, 2 usage or setup error.
"""

import argparse
import datetime
import json
import multiprocessing
import os
import re
import subprocess
import sys
import threading
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mailrules  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELDS = ["subject", "author_name", "author_email", "kind", "number", "total", "version",
          "body_first_line", "message_id", "date"]


def fail(message):
    print("differential: " + message, file=sys.stderr)
    sys.exit(2)


# ---------------------------------------------------------------------------- archive

def epochs(archive):
    """Git directories of the archive, in order: git/N.git (v2), or the archive itself."""
    v2 = os.path.join(archive, "git")
    if os.path.isdir(v2):
        found = []
        for entry in os.listdir(v2):
            m = re.match(r"^(\d+)\.git$", entry)
            if m:
                found.append((int(m.group(1)), os.path.join(v2, entry)))
        if found:
            return [path for _, path in sorted(found)]
    if os.path.isdir(os.path.join(archive, "objects")) or os.path.isfile(os.path.join(archive, "HEAD")):
        return [archive]
    if os.path.isdir(os.path.join(archive, ".git")):
        return [os.path.join(archive, ".git")]
    fail("%s is not a public-inbox archive (no git/N.git, not a git directory)" % archive)


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir=" + gitdir, *args], capture_output=True, text=True)


def resolve(gitdir, rev):
    if rev is None:
        return None
    done = git(gitdir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}")
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None


def commits(dirs, rev_from, rev_to):
    """[(gitdir, oid)] of the range in archive order: (from, to], to defaulting to the last epoch's tip."""
    from_at = to_at = None
    resolved = {}
    for index, gitdir in enumerate(dirs):
        f, t = resolve(gitdir, rev_from), resolve(gitdir, rev_to)
        resolved[index] = (f, t)
        if f and from_at is None:
            from_at = index
        if t and to_at is None:
            to_at = index
    if rev_from and from_at is None:
        fail("unknown revision %r in every epoch" % rev_from)
    if rev_to and to_at is None:
        fail("unknown revision %r in every epoch" % rev_to)
    first = from_at if from_at is not None else 0
    last = to_at if to_at is not None else len(dirs) - 1
    out = []
    for index in range(first, last + 1):
        gitdir = dirs[index]
        tip = resolved[index][1] if index == to_at else "HEAD"
        spec = [tip] if index != from_at else ["%s..%s" % (resolved[index][0], tip)]
        done = git(gitdir, "rev-list", "--reverse", *spec)
        if done.returncode != 0:
            if index == first and not rev_from and "HEAD" in spec[0]:
                continue  # an empty epoch
            fail("git rev-list failed in %s: %s" % (gitdir, done.stderr.strip()))
        out.extend((gitdir, oid) for oid in done.stdout.split())
    return out


def blobs(gitdir, oids):
    """Yields (oid, bytes or None) through one `git cat-file --batch`; a writer thread feeds it."""
    process = subprocess.Popen(["git", "--git-dir=" + gitdir, "cat-file", "--batch"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=1 << 20)

    def feed():
        try:
            for oid in oids:
                process.stdin.write(("%s:m\n" % oid).encode())
            process.stdin.close()
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    out = process.stdout
    for oid in oids:
        header = out.readline()
        if not header:
            fail("git cat-file ended early in %s" % gitdir)
        parts = header.split()
        if len(parts) == 2 and parts[1] == b"missing":
            yield oid, None
            continue
        size = int(parts[2])
        data = out.read(size)
        out.read(1)  # the LF after the content
        yield oid, data
    writer.join()
    process.wait()


# ---------------------------------------------------------------------------- the two sides

def python_side(dirs, rev_from, rev_to):
    """{commit: facts} in archive order, parsed on every core."""
    work = commits(dirs, rev_from, rev_to)
    by_dir = defaultdict(list)
    for gitdir, oid in work:
        by_dir[gitdir].append(oid)

    def stream():
        for gitdir in dirs:
            for oid, data in blobs(gitdir, by_dir.get(gitdir, [])):
                if data is not None:
                    yield oid, data

    results = {}
    workers = max(1, os.cpu_count() or 1)
    with multiprocessing.Pool(workers) as pool:
        for oid, facts in pool.imap(_facts_of, stream(), chunksize=32):
            results[oid] = facts
    return results


def _facts_of(item):
    oid, data = item
    return oid, mailrules.facts(data)


def binary():
    env = os.environ.get("LORE_DIGEST")
    if env:
        return env
    for candidate in (".build/release/lore-digest", ".build-hostile/release/lore-digest"):
        path = os.path.join(ROOT, candidate)
        if os.access(path, os.X_OK):
            return path
    fail("no lore-digest binary: set LORE_DIGEST, or build with "
         "`swift build -c release --scratch-path .build-hostile`")


def lore_side(archive, rev_from, rev_to):
    command = [binary(), "messages", archive]
    if rev_from:
        command += ["--from", rev_from]
    if rev_to:
        command += ["--to", rev_to]
    done = subprocess.run(command, capture_output=True)
    if done.returncode != 0:
        fail("%s exited with %d: %s" % (" ".join(command), done.returncode,
                                         done.stderr.decode("utf-8", "replace").strip()))
    results = {}
    for line in done.stdout.splitlines():
        if line.strip():
            row = json.loads(line)
            results[row["commit"]] = row
    return results


# ---------------------------------------------------------------------------- comparing

def lore_date(value):
    """Seconds since 1970 from lore-digest's date (an ISO 8601 string or a MailDate object)."""
    if value is None:
        return None
    if isinstance(value, dict):
        return value.get("secondsSince1970", value.get("seconds_since_1970"))
    try:
        return int(datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp())
    except ValueError:
        return str(value)


def python_date(value):
    if not value:
        return None
    m = re.match(r"^(-?\d+)[+-]\d+$", value)
    return int(m.group(1)) if m else None


def project(lore, py):
    """The compared fields of both sides, as (lore, python) pairs."""
    author = lore.get("author") or {}
    py_author = py["author"] or ("", "")
    pairs = {
        "subject": (lore.get("subject") or "", py["subject"] or ""),
        "author_name": (author.get("name", ""), py_author[0]),
        "author_email": (author.get("email", ""), py_author[1]),
        "kind": (lore.get("kind"), py["kind"]),
        "number": (lore.get("number"), py["number"]),
        "total": (lore.get("total"), py["total"]),
        "version": (lore.get("version"), py["version"]),
        "message_id": (lore.get("message_id") or "", py["message_id"] or ""),
        "date": (lore_date(lore.get("date")), python_date(py["date"])),
    }
    if lore.get("kind") in ("patch", "cover") and py["kind"] in ("patch", "cover"):
        pairs["body_first_line"] = (lore.get("body_first_line"), py["body_first_line"])
    return pairs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive")
    parser.add_argument("--from", dest="rev_from")
    parser.add_argument("--to", dest="rev_to")
    parser.add_argument("--examples", type=int, default=3, help="examples shown per field (3)")
    parser.add_argument("--json", dest="json_path", help="write every disagreement as JSON Lines (- for stdout)")
    args = parser.parse_args()

    archive = os.path.abspath(args.archive)
    dirs = epochs(archive)
    lore_result = {}
    lore_failure = []

    def run_lore():
        try:
            lore_result.update(lore_side(archive, args.rev_from, args.rev_to))
        except SystemExit:
            lore_failure.append(True)  # fail() already said why

    lore_thread = threading.Thread(target=run_lore)
    lore_thread.start()
    py = python_side(dirs, args.rev_from, args.rev_to)
    lore_thread.join()
    if lore_failure:
        sys.exit(2)
    lore = lore_result

    counts = Counter()
    examples = defaultdict(list)
    everything = []
    python_failures = Counter()
    defects = Counter()

    def record(field, commit, lore_value, py_value, subject):
        counts[field] += 1
        item = {"field": field, "commit": commit, "lore": lore_value, "python": py_value, "subject": subject}
        everything.append(item)
        if len(examples[field]) < args.examples:
            examples[field].append(item)

    for commit in py:
        if commit not in lore:
            record("commit_set", commit, None, "present", py[commit]["subject"])
    for commit in lore:
        if commit not in py:
            record("commit_set", commit, "present", None, lore[commit].get("subject"))

    compared = 0
    for commit, row in lore.items():
        facts = py.get(commit)
        if facts is None:
            continue
        compared += 1
        for error in facts["python_errors"]:
            python_failures[error] += 1
        for defect in facts["defects"]:
            defects[defect] += 1
        for field, (a, b) in project(row, facts).items():
            if a != b:
                name = "python_failed" if facts["python_errors"] else field
                record(name if name == field else "python_failed:" + field, commit, a, b, row.get("subject"))

    print("differential: %s %s..%s" % (args.archive, args.rev_from or "", args.rev_to or ""))
    print("messages: lore-digest %d, python %d, compared %d" % (len(lore), len(py), compared))
    print()
    print("disagreements per field:")
    for field in ["commit_set"] + FIELDS:
        print("  %-16s %7d" % (field, counts[field]))
    failed = sum(v for k, v in counts.items() if k.startswith("python_failed"))
    print("  %-16s %7d   (Python failed on the message: not counted as ours)" % ("python_failed", failed))
    ours = sum(v for k, v in counts.items() if not k.startswith("python_failed"))
    print("  %-16s %7d" % ("total", ours))
    print()
    print("python failures: %d" % sum(python_failures.values()))
    for error, count in python_failures.most_common():
        print("  %7d %s" % (count, error))
    print("python defects (information): %s" % (", ".join("%s %d" % kv for kv in defects.most_common()) or "none"))
    for field in ["commit_set"] + FIELDS + sorted(k for k in examples if k.startswith("python_failed")):
        if not examples.get(field):
            continue
        print()
        print("examples: %s" % field)
        for item in examples[field]:
            print("  %s  %s" % (item["commit"][:12], json.dumps(item["subject"], ensure_ascii=False)))
            print("    lore-digest: %s" % json.dumps(item["lore"], ensure_ascii=False))
            print("    python:      %s" % json.dumps(item["python"], ensure_ascii=False))
    if args.json_path:
        handle = sys.stdout if args.json_path == "-" else open(args.json_path, "w", encoding="utf-8")
        for item in everything:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        if handle is not sys.stdout:
            handle.close()
    sys.exit(1 if ours else 0)


if __name__ == "__main__":
    main()
