#!/usr/bin/env bash
# check-patch-id.sh [CORPUS] [N]: compares lore-digest's patch-ids with `git patch-id --stable`.
#
# CORPUS: a public-inbox bundle (cloned bare into a temporary folder) or archive; default
# ../shared/corpora/kvmarm-0.bundle. N: how many patch mails to sample at random (default 1000;
# CHECK_SEED fixes the sample, default 10). The binary: $LORE_DIGEST, else .build/release/lore-digest.
#
# For each sampled mail (kind "patch" in `lore-digest messages`, with or without a patch_id), git
# is run on the raw mail as the archive stores it (`git cat-file blob COMMIT:m | git patch-id
# --stable`), and, where that differs, once more on the mail's body decoded by Python's email
# package (transfer encoding and charset undone: the text lore-digest hashes). Prints the
# agreement figure and every disagreement with the reason found. Exit status 1 when a sampled
# mail agrees with neither git run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$here/../shared/corpora/kvmarm-0.bundle}
count=${2:-1000}
seed=${CHECK_SEED:-10}
bin=${LORE_DIGEST:-$here/.build/release/lore-digest}
[ -x "$bin" ] || { echo "check-patch-id.sh: no binary at $bin; run 'swift build -c release' or set LORE_DIGEST" >&2; exit 2; }
[ -e "$corpus" ] || { echo "check-patch-id.sh: no corpus at $corpus" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/check-patch-id.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ -f "$corpus" ]; then
	git clone -q --bare "$corpus" "$work/archive.git"
	archive=$work/archive.git
else
	archive=$corpus
fi
"$bin" messages "$archive" --output "$work/messages.jsonl"

PYTHONPATH=$here/scripts python3 - "$archive" "$work/messages.jsonl" "$count" "$seed" <<'PYTHON'
import email, email.policy, json, os, random, subprocess, sys
import mailrules

archive, messages, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
gitdir = archive if not os.path.isdir(os.path.join(archive, "git")) else os.path.join(archive, "git", "0.git")
patches = []
for line in open(messages, encoding="utf-8"):
    row = json.loads(line)
    if row.get("kind") == "patch":
        if "patch_id" not in row:
            sys.exit("check-patch-id.sh: `lore-digest messages` prints no patch_id key")
        patches.append(row)
sample = random.Random(seed).sample(patches, min(count, len(patches)))

def git_patch_id(data):
    done = subprocess.run(["git", "patch-id", "--stable"], input=data, capture_output=True)
    if done.returncode != 0:
        return "git failed: " + done.stderr.decode("utf-8", "replace").strip()
    first = done.stdout.split(b"\n")[0].split(b" ")[0].decode()
    return first or None

def raw_mail(commit):
    return subprocess.run(["git", "--git-dir=" + gitdir, "cat-file", "blob", commit + ":m"],
                          capture_output=True, check=True).stdout

def decoded_body(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    return mailrules.body_text(msg, []).encode("utf-8", "surrogateescape")

agree = with_id = 0
raw_only = decoded_only = neither = 0
notes = []
for row in sample:
    ours = row["patch_id"]
    with_id += ours is not None
    raw = raw_mail(row["commit"])
    from_raw = git_patch_id(raw)
    if ours == from_raw:
        agree += 1
        continue
    from_decoded = git_patch_id(decoded_body(raw))
    headers = email.message_from_bytes(raw, policy=email.policy.compat32)
    encoding = (headers.get("Content-Transfer-Encoding") or "").strip().lower() or "7bit"
    ctype = headers.get_content_type()
    if ours == from_decoded:
        decoded_only += 1
        reason = "agrees with git on the decoded body (%s, %s)" % (ctype, encoding)
    else:
        neither += 1
        reason = "agrees with neither (%s, %s)" % (ctype, encoding)
    notes.append("%s %s\n    ours %s | git raw %s | git decoded %s\n    %s" % (
        row["commit"][:12], (row.get("subject") or "")[:90], ours, from_raw, from_decoded, reason))

print("patch mails in the corpus: %d; sampled: %d (seed %d); with a patch-id: %d" % (
    len(patches), len(sample), seed, with_id))
print("agree with git patch-id --stable on the raw mail: %d of %d (%.2f%%)" % (
    agree, len(sample), 100.0 * agree / max(1, len(sample))))
print("differ from the raw mail but agree on the decoded body: %d; agree with neither: %d" % (
    decoded_only, neither))
for note in notes:
    print(note)
sys.exit(1 if neither else 0)
PYTHON
