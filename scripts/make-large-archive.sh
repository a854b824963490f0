#!/bin/sh
# Builds a synthetic public-inbox v2 inbox of N messages at DIR (DIR/git/0.git, 1.git, …) by
# replaying the real corpora (../shared/corpora/*.bundle) round after round with rewritten
# Message-IDs, References and dates, so threads and series stay intact (issue 14). For
# benchmarks (`scripts/bench.sh`), never for CI: 1M mails are about 9 GB of mail.
#
# usage: scripts/make-large-archive.sh [--epoch-mb MB] [--corpora DIR] N DIR
#   --epoch-mb MB  close an epoch at about MB of pack (default 1024, as public-inbox does;
#                  counted as public-inbox counts it: MB / 0.4 of raw mail)
#   --corpora DIR  the bundles to replay (default ../shared/corpora next to the repository)
# The same N, MB and corpora give the same commits. DIR must be new or empty.
# How it works: scripts/make_large_archive.py (one git fast-import per epoch, streamed).
set -eu
here=$(dirname "$0")
last=""
for argument in "$@"; do last=$argument; done
if [ -n "$last" ] && [ -e "$last" ] && [ -n "$(ls -A "$last" 2>/dev/null || echo x)" ]; then
    echo "make-large-archive: '$last' exists and is not empty; give a new or empty directory" >&2
    exit 1
fi
exec python3 "$here/make_large_archive.py" "$@"
