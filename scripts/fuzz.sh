#!/usr/bin/env bash
# fuzz.sh [SECONDS]: builds the libFuzzer target over MailParser and PatchModel (Fuzz/) and runs
# it for SECONDS (default 600) on one core, seeded with Fuzz/corpus (synthetic mails) and
# Fuzz/corpus-found (earlier runs' coverage-increasing inputs, set-cover minimized).
#
#   scripts/fuzz.sh                 build, then fuzz for 600 s
#   scripts/fuzz.sh 60              fuzz for 60 s
#   scripts/fuzz.sh --repro FILE…   build, then run the target once on each FILE (a crash's stack)
#
# Inputs that crash, hang (over FUZZ_TIMEOUT s, default 10) or exceed FUZZ_RSS_MB (default 2048 MB)
# are written to FUZZ_ARTIFACTS (default Fuzz/crashes/) and the script exits non-zero.
# New coverage-increasing inputs go to FUZZ_WORK/corpus (default .build-fuzz/corpus), never to
# Fuzz/corpus. The full libFuzzer log is FUZZ_WORK/fuzz.log.
# FUZZ_FLAGS: more libFuzzer flags, appended (so they win), e.g. "-len_control=0 -max_len=65536".
# Set FUZZ_NO_BUILD=1 to reuse the last build. Needs swiftc (Swift 6.3, with its libFuzzer).
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")/.." && pwd)
work=${FUZZ_WORK:-$here/.build-fuzz}
artifacts=${FUZZ_ARTIFACTS:-$here/Fuzz/crashes}
timeout=${FUZZ_TIMEOUT:-10}
rss=${FUZZ_RSS_MB:-2048}
max_len=${FUZZ_MAX_LEN:-2097152}

bin=$work/fuzz/mail-fuzzer
if [ "${FUZZ_NO_BUILD:-0}" != 1 ] || [ ! -x "$bin" ]; then
	echo "fuzz.sh: building (swiftc -sanitize=fuzzer,address)..." >&2
	bin=$("$here/Fuzz/build.sh" fuzz)
fi

common=(-timeout="$timeout" -rss_limit_mb="$rss" -max_len="$max_len")
read -r -a extra <<<"${FUZZ_FLAGS:-}"

if [ "${1:-}" = --repro ]; then
	shift
	[ $# -gt 0 ] || { echo "fuzz.sh: --repro needs input files" >&2; exit 2; }
	exec "$bin" "${common[@]}" "$@"
fi

seconds=${1:-600}
case $seconds in '' | *[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, got '$seconds'" >&2; exit 2 ;; esac

mkdir -p "$work/corpus" "$artifacts"
log=$work/fuzz.log
before=$(find "$artifacts" -type f | wc -l)
echo "fuzz.sh: fuzzing for ${seconds}s; log $log; artifacts $artifacts/" >&2
status=0
# One process on one core (the machine is shared); no -jobs/-workers, which would fork a child
# logging to ./fuzz-0.log. The first corpus folder receives the new inputs.
"$bin" "${common[@]}" \
	-max_total_time="$seconds" \
	-dict="$here/Fuzz/mail.dict" \
	-artifact_prefix="$artifacts/" \
	-print_final_stats=1 \
	${extra[@]+"${extra[@]}"} \
	"$work/corpus" "$here/Fuzz/corpus" "$here/Fuzz/corpus-found" >"$log" 2>&1 || status=$?
after=$(find "$artifacts" -type f | wc -l)

# Summary: the last status line and the final statistics.
grep -E '^#[0-9]+' "$log" | tail -n 1 >&2 || true
grep -E '^stat::' "$log" >&2 || true
if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
	echo "fuzz.sh: FAILED (libFuzzer exit $status, $((after - before)) new artifact(s) in $artifacts/)" >&2
	grep -E 'ERROR|SUMMARY|Test unit written|Fatal error|deadly signal|timeout' "$log" | head -n 20 >&2 || true
	exit 1
fi
echo "fuzz.sh: no crash, hang or out-of-memory in ${seconds}s" >&2
