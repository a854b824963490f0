#!/usr/bin/env bash
# Renders an HTML page (a report, a published week, a site's index.html) with headless Chromium
# to two PNGs: OUT_PREFIX-desktop.png (1280 px wide) and OUT_PREFIX-phone.png (400 px wide),
# each 2000 px tall, to look at the layout as a reader would.
#
# usage: scripts/render-html.sh FILE.html OUT_PREFIX
# needs: chromium (Debian: apt-get install chromium) or chromium-browser / google-chrome.
set -euo pipefail

if [ "$#" -ne 2 ]; then
	echo "usage: $0 FILE.html OUT_PREFIX" >&2
	exit 64
fi
page=$1
prefix=$2
[ -f "$page" ] || { echo "error: no such file '$page'" >&2; exit 66; }

browser=""
for candidate in chromium chromium-browser google-chrome; do
	if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
[ -n "$browser" ] || { echo "error: no chromium found; install it (apt-get install chromium)" >&2; exit 69; }

# An absolute file:// URL, whatever the caller's directory.
url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
# Chromium keeps a profile; a throwaway one leaves nothing behind and needs no home directory.
profile=$(mktemp -d)
trap 'rm -rf -- "$profile"' EXIT

for shape in desktop:1280 phone:400; do
	name=${shape%%:*}
	width=${shape##*:}
	out="$prefix-$name.png"
	# --no-sandbox: CI and containers run as root, where Chromium's sandbox refuses to start.
	"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
		--window-size="$width,2000" --screenshot="$out" "$url" >/dev/null 2>&1
	[ -s "$out" ] || { echo "error: $browser wrote no $out" >&2; exit 1; }
	echo "$out"
done
