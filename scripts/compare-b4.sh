#!/usr/bin/env bash
# Compares lore-digest's series (completeness, trailers, unchanged patches) with b4 and
# `git patch-id --stable` on random series of a real archive.
#   scripts/compare-b4.sh [ARCHIVE.git|BUNDLE] [--count N] [--seed S]
# Default archive: ../shared/corpora/kvmarm-0.bundle (cloned bare into a temporary folder).
# Needs b4 (`pip install b4`); the binary: $LORE_DIGEST, else .build/release/lore-digest.
# See scripts/compare_b4.py for what is compared.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
source="${1:-$root/../shared/corpora/kvmarm-0.bundle}"
[ $# -gt 0 ] && shift
command -v b4 >/dev/null || { echo "compare-b4.sh: b4 is not installed; run 'pip install b4'" >&2; exit 1; }
binary="${LORE_DIGEST:-$root/.build/release/lore-digest}"
[ -x "$binary" ] || { echo "compare-b4.sh: no $binary; run 'swift build -c release' first" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/compare-b4.XXXXXX")"
trap 'rm -rf "$work"' EXIT
case "$source" in
*.bundle) git clone -q --bare -- "$source" "$work/archive.git"; archive="$work/archive.git" ;;
*) archive="$source" ;;
esac
"$binary" report "$archive" --no-index --format json --output "$work/report.json"
python3 "$here/compare_b4.py" "$archive" "$work/report.json" --work "$work/b4" "$@"
