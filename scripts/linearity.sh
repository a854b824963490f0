#!/usr/bin/env bash
# linearity.sh [--stages] [CASE…]: builds Fuzz/Linearity (release, no sanitizer) and prints, for
# generated hostile inputs at sizes ×1 ×2 ×4 ×8 (1 MB header line, 10k folded lines, 100k encoded
# words, nesting at the limit, 1000 parts, 100 MB body, …), the CPU ms per MB of parsing and its
# ratio to ×1. Linear parsing keeps the ratio near 1; a quadratic step shows as ~2, ~4, ~8.
# Exits 1 when a ratio at ×8 exceeds LINEARITY_MAX_RATIO (default 3).
# Set LINEARITY_NO_BUILD=1 to reuse the last build. See Fuzz/README.md.
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$here/.build-fuzz/linearity/mail-linearity
if [ "${LINEARITY_NO_BUILD:-0}" != 1 ] || [ ! -x "$bin" ]; then
	echo "linearity.sh: building (swiftc -O)..." >&2
	bin=$("$here/Fuzz/build.sh" linearity)
fi
max=${LINEARITY_MAX_RATIO:-3}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
stdbuf -oL "$bin" "$@" | tee "$out"
# Rows: case ×k MB ms/run ms/MB ratio
bad=$(awk -v max="$max" 'NF == 6 && $2 == 8 && $6 + 0 > max { print $1 " ×8 ratio " $6 }' "$out")
if [ -n "$bad" ]; then
	echo "linearity.sh: super-linear (ratio > $max at ×8):" >&2
	echo "$bad" >&2
	exit 1
fi
