#!/usr/bin/env python3
"""Compare lore-digest's series facts with b4 and git patch-id on random series of an archive.

Usage: compare_b4.py ARCHIVE.git REPORT.json [--count N] [--seed S] [--work DIR]

REPORT.json is `lore-digest report ARCHIVE --format json` over the same archive. The script picks N
series at random (the seed is printed, so a run can be repeated), writes each series' whole thread
to an mbox, runs `b4 --offline-mode am -v VERSION -m THREAD.mbox MSGID` on it, and compares:

- completeness: the positions b4 found (and the ones it says are missing) with lore-digest's
  `received` and `missing`;
- trailers: the person trailers b4 collects from the follow-ups (its `    + Token: value` lines)
  with lore-digest's trailers of each patch (given on the patch, or on the cover for every patch),
  leaving out those lore-digest flags as mismatched (b4 drops them too);
- patch-ids: for every patch that lore-digest links to one of the previous version, whether
  `git patch-id --stable` of the two mails (decoded first: git reads bytes, and a base64 or
  quoted-printable patch shows it no diff) agrees with "unchanged".

It prints one line per series and a summary with the agreement figures; every difference is
listed so it can be explained.
"""

import argparse
import email
import email.policy
import json
import random
import re
import subprocess
import sys
import tempfile
from email import message_from_bytes
from pathlib import Path

PERSON_TRAILERS = {"reviewed-by", "acked-by", "tested-by", "nacked-by"}


def read_archive(git_dir):
    """Every mail of the archive: message-id -> raw bytes, and the thread parents of each."""
    commits = subprocess.run(
        ["git", "-C", git_dir, "rev-list", "--reverse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.split()
    request = "".join(f"{c}:m\n" for c in commits).encode()
    proc = subprocess.Popen(
        ["git", "-C", git_dir, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    import threading

    def feed():
        proc.stdin.write(request)
        proc.stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    raw, parents, order = {}, {}, []
    for _ in commits:
        header = proc.stdout.readline().split()
        if header[-1] == b"missing":
            continue
        data = proc.stdout.read(int(header[2]))
        proc.stdout.read(1)
        msg = message_from_bytes(data)
        mid = (msg.get("Message-ID") or "").strip().strip("<>").strip()
        if not mid or mid in raw:
            continue
        refs = re.findall(r"<([^>]+)>", f"{msg.get('In-Reply-To') or ''} {msg.get('References') or ''}")
        raw[mid] = data
        parents[mid] = refs
        order.append(mid)
    proc.wait()
    return raw, parents, order


def thread_of(root, parents, order):
    """The root and every message below it (by In-Reply-To/References), in archive order."""
    inside = {root}
    for mid in order:
        if mid not in inside and any(ref in inside for ref in parents[mid]):
            inside.add(mid)
    return [mid for mid in order if mid in inside]


def write_mbox(path, mids, raw):
    with open(path, "wb") as out:
        for mid in mids:
            out.write(b"From mboxrd@z Thu Jan  1 00:00:00 1970\n")
            for line in raw[mid].split(b"\n"):
                if re.match(rb"^>*From ", line):
                    line = b">" + line
                out.write(line + b"\n")
            out.write(b"\n")


def run_b4(mbox, msgid, version, outdir):
    """b4's view of the series: positions found, positions missing, trailers added per position."""
    args = ["b4", "--offline-mode", "am", "-m", str(mbox), "-o", str(outdir), "-v", str(version), msgid]
    proc = subprocess.run(args, capture_output=True, text=True)
    text = proc.stdout + proc.stderr
    found, missing, trailers = [], [], {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^  (?:\S+ )?\[[^\]]*?(\d+)/(\d+)\]", line)
        if m and not line.startswith("    "):
            current = int(m.group(1))
            found.append(current)
            trailers.setdefault(current, set())
            continue
        if re.match(r"^  (?:\S+ )?\[[^\]]*\]", line) and not line.startswith("    "):
            current = 1  # a single patch without N/M
            found.append(current)
            trailers.setdefault(current, set())
            continue
        m = re.match(r"^\s+ERROR: missing \[(\d+)/(\d+)\]!", line)
        if m:
            missing.append(int(m.group(1)))
            continue
        m = re.match(r"^    \+ ([A-Za-z-]+): (.*?)(?: \(.*\))?$", line)
        if m and current is not None:
            token = m.group(1).lower()
            addr = re.search(r"<([^>]+)>", m.group(2))
            if token in PERSON_TRAILERS and addr:
                trailers[current].add((token, addr.group(1).lower()))
    return found, missing, trailers, text, proc.returncode


def ours(series):
    """lore-digest's trailers of each patch: given on it, or on the cover (position 0)."""
    per_patch = {p["position"]: set() for p in series["patches"]}
    cover = set()
    for t in series.get("trailers", []):
        if t.get("mismatch") or t["type"] not in ("reviewed", "acked", "tested", "nacked"):
            continue
        key = (f"{t['type']}-by", (t.get("email") or "").lower())
        if t["position"] == 0:
            cover.add(key)
        elif t["position"] in per_patch:
            per_patch[t["position"]].add(key)
    for position in per_patch:
        per_patch[position] |= cover
    return per_patch


def decoded_text(raw_mail):
    """The mail's text as a reader sees it: git patch-id reads bytes, so a base64 or
    quoted-printable patch mail must be decoded first (Python's email package does it)."""
    message = email.message_from_bytes(raw_mail, policy=email.policy.default)
    parts = [message] if not message.is_multipart() else [
        part for part in message.walk() if part.get_content_maintype() == "text"]
    texts = []
    for part in parts:
        payload = part.get_payload(decode=True)
        if payload is not None:
            texts.append(payload)
    return b"\n".join(texts) if texts else raw_mail


def patch_id(raw_mail):
    proc = subprocess.run(["git", "patch-id", "--stable"], input=decoded_text(raw_mail), capture_output=True)
    out = proc.stdout.decode().split()
    return out[0] if out else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("archive")
    parser.add_argument("report")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--work", default=None)
    options = parser.parse_args()
    seed = options.seed if options.seed is not None else random.randrange(1 << 30)
    print(f"seed {seed}")
    rng = random.Random(seed)

    report = json.load(open(options.report))
    raw, parents, order = read_archive(options.archive)
    candidates = [s for s in report["series"] if (s.get("total") or 1) >= 1 and s["patches"]]
    sample = rng.sample(candidates, min(options.count, len(candidates)))
    work = Path(options.work or tempfile.mkdtemp(prefix="compare-b4-"))
    work.mkdir(parents=True, exist_ok=True)

    agree_complete = agree_trailers = 0
    differences = []
    pid_pairs = pid_agree = 0
    for n, series in enumerate(sample):
        root = series.get("cover_message_id") or series["patches"][0]["message_id"]
        # b4 needs the whole thread: start from the top of the root's thread.
        top = root
        seen = set()
        while parents.get(top) and top not in seen:
            seen.add(top)
            known = [r for r in parents[top] if r in raw]
            if not known:
                break
            top = known[-1]
        mids = thread_of(top, parents, order)
        mbox = work / f"series-{n}.mbox"
        write_mbox(mbox, mids, raw)
        found, missing, b4_trailers, log, code = run_b4(mbox, root, series.get("version") or 1, work / f"out-{n}")
        our_received = sorted(series["received"])
        our_missing = sorted(series["missing"])
        complete_ok = sorted(set(found)) == our_received and sorted(missing) == our_missing
        our_trailers = ours(series)
        trailer_ok = all(our_trailers.get(p, set()) == b4_trailers.get(p, set()) for p in set(our_trailers) | set(b4_trailers))
        agree_complete += complete_ok
        agree_trailers += trailer_ok
        label = f"v{series.get('version') or 1} {series['title'][:60]}"
        print(f"{'ok ' if complete_ok and trailer_ok else 'DIFF'} {label}  <{root}>")
        if not complete_ok:
            differences.append(f"completeness {label}: ours received={our_received} missing={our_missing}; b4 found={sorted(set(found))} missing={sorted(missing)}")
        if not trailer_ok:
            for p in sorted(set(our_trailers) | set(b4_trailers)):
                a, b = our_trailers.get(p, set()), b4_trailers.get(p, set())
                if a != b:
                    differences.append(f"trailers {label} [{p}]: only ours={sorted(a - b)} only b4={sorted(b - a)}")
        for patch in series["patches"]:
            prev = patch.get("previous_message_id")
            if not prev or patch.get("change") not in ("unchanged", "changed"):
                continue
            if patch["message_id"] not in raw or prev not in raw:
                continue
            pid_pairs += 1
            same = patch_id(raw[patch["message_id"]]) == patch_id(raw[prev])
            if same == (patch["change"] == "unchanged"):
                pid_agree += 1
            else:
                differences.append(f"patch-id {label} [{patch['position']}]: ours {patch['change']}, git patch-id says {'same' if same else 'different'}")

    total = len(sample)
    print(f"\ncompleteness agrees on {agree_complete}/{total} series; trailers agree on {agree_trailers}/{total}")
    print(f"patch-id: 'unchanged' agrees with git patch-id --stable on {pid_agree}/{pid_pairs} pairs")
    for line in differences:
        print("  " + line)
    print(f"(work files in {work})")


if __name__ == "__main__":
    sys.exit(main())
