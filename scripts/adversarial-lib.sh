# Shared by scripts/adversarial-*.sh (sourced, not run): the binary, a scratch folder, random
# kill moments, the checks made after each trial, and the trials/failures table.
#
# Everything runs on 127.0.0.1 and under one scratch folder ($work), removed at exit; only
# processes these scripts started are ever killed, by pid.
set -euo pipefail
export LC_ALL=C GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${SHARED:-$here/../shared}
# The binary under test: LORE_DIGEST, else the release build, else the debug build.
bin=${LORE_DIGEST:-}
if [ -z "$bin" ]; then
	for candidate in "$here/.build/release/lore-digest" "$here/.build/debug/lore-digest"; do
		[ -x "$candidate" ] && { bin=$candidate; break; }
	done
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "no lore-digest binary: run 'swift build' or set LORE_DIGEST" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed for the integrity checks" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/lore-digest-adversarial.XXXXXX")
# A copy: a rebuild during the run must not change (or make busy) the binary under test.
cp -- "$bin" "$work/lore-digest"
bin=$work/lore-digest
# The runs' own temporary and cache folders, so that strays are ours to count.
export TMPDIR=$work/tmp XDG_CACHE_HOME=$work/cache HOME=$work/home
mkdir -p "$TMPDIR" "$XDG_CACHE_HOME" "$HOME"
cleanup_hooks=()
cleanup() {
	local hook
	for hook in "${cleanup_hooks[@]}"; do eval "$hook" || true; done
	rm -rf -- "$work"
}
trap cleanup EXIT

declare -A trials=() failures=() kills=()
killed_early=""
scenarios=()

# record SCENARIO [REASON]: one trial; a REASON makes it a failure (printed at once).
record() {
	local scenario=$1
	[ -n "${trials[$scenario]+x}" ] || { scenarios+=("$scenario"); trials[$scenario]=0; failures[$scenario]=0; }
	trials[$scenario]=$((trials[$scenario] + 1))
	# A kill that landed while the run was still going (not after it had ended by itself).
	if [ -n "$killed_early" ]; then
		kills[$scenario]=$((${kills[$scenario]:-0} + killed_early))
		killed_early=""
	fi
	if [ $# -gt 1 ] && [ -n "$2" ]; then
		failures[$scenario]=$((failures[$scenario] + 1))
		echo "FAIL $scenario trial ${trials[$scenario]}: $2" >&2
	fi
}

# summary: the table; exit status 1 when any trial failed.
summary() {
	local scenario total=0
	printf '%-40s %7s %9s %15s\n' scenario trials failures "killed mid-run"
	for scenario in "${scenarios[@]}"; do
		printf '%-40s %7d %9d %15s\n' "$scenario" "${trials[$scenario]}" "${failures[$scenario]}" "${kills[$scenario]:--}"
		total=$((total + failures[$scenario]))
	done
	[ "$total" -eq 0 ]
}

# random_delay MAX_MS: a random number of seconds in [0, MAX_MS ms), for sleep.
random_delay() {
	awk -v r="$RANDOM" -v m="$1" 'BEGIN { printf "%.3f", r / 32768 * m / 1000 }'
}

# measure COMMAND...: runs COMMAND to its end (it must succeed) and prints how long it took, in
# ms, plus a fifth: the kill moments are drawn up to that, so that most land inside a run.
measure() {
	local start end
	start=$(date +%s%N)
	"$@" >"$work/measure.out" 2>&1 || { echo "calibration run failed: $* ($(head -c 300 "$work/measure.out"))" >&2; exit 2; }
	end=$(date +%s%N)
	echo $(((end - start) / 1000000 * 6 / 5 + 50))
}

# kill_at_random MAX_MS COMMAND...: starts COMMAND, kills it with SIGKILL at a random moment
# (unless it ended first) and reaps it. Sets killed_early=1 when it was still running.
kill_at_random() {
	local max=$1 pid
	shift
	"$@" >"$work/killed.out" 2>"$work/killed.err" &
	pid=$!
	sleep "$(random_delay "$max")"
	killed_early=0
	if kill -0 "$pid" 2>/dev/null; then
		kill -9 "$pid" 2>/dev/null && killed_early=1
	fi
	wait "$pid" 2>/dev/null || true
}

# orphans PATTERN: the pids of git or lore-digest processes whose command line holds PATTERN,
# still running 3 s after their parent was killed (children must die with it). Kills them.
orphans() {
	local pattern=$1 left="" pid comm state
	for _ in $(seq 30); do
		left=""
		for entry in /proc/[0-9]*; do
			pid=${entry#/proc/}
			[ "$pid" = $$ ] && continue
			comm=$(cat "$entry/comm" 2>/dev/null) || continue
			case $comm in git | git-* | lore-digest) ;; *) continue ;; esac
			state=$(awk '{ sub(/.*\) /, ""); print $1 }' "$entry/stat" 2>/dev/null) || continue
			[ "$state" = Z ] && continue
			tr '\0' '\n' <"$entry/cmdline" 2>/dev/null | grep -qF -- "$pattern" && left="$left $pid"
		done
		[ -z "$left" ] && return 0
		sleep 0.1
	done
	for pid in $left; do kill -9 "$pid" 2>/dev/null || true; done
	echo "$left"
}

# integrity INDEX: empty when the index is sound (or absent), else what is wrong.
integrity() {
	[ -f "$1" ] || return 0
	local result
	result=$(sqlite3 "file:$1?mode=ro" 'PRAGMA integrity_check' 2>&1) || true
	[ "$result" = ok ] || echo "integrity_check: $result"
}

# lookups INDEX: the look-up indexes the file has and the deferred ones it waits for (a first
# build writes its rows without them and makes them at its end), one line each.
lookups() {
	sqlite3 "file:$1?mode=ro" "SELECT 'index ' || name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		UNION ALL SELECT 'deferred ' || name FROM deferred_indexes ORDER BY 1"
}

# count INDEX: the commits the index holds.
count() { sqlite3 "file:$1?mode=ro" 'SELECT count(*) FROM messages'; }

# bookmark INDEX STATE: the last commit of epoch 0 in the bookmark STATE (empty before the first run).
bookmark() { sqlite3 "file:$1?mode=ro" "SELECT last_commit FROM run_state_epochs WHERE name = '$2' AND epoch = 0"; }

# strays: temporary folders of runs left behind (imports, a half-built sample).
strays() {
	find "$TMPDIR" "$XDG_CACHE_HOME" -maxdepth 2 \( -name 'lore-digest-import-*' -o -name '.staging-*' \) 2>/dev/null
}

# corpus NAME: a bare clone of ../shared/corpora/NAME.bundle in $work/NAME.git (one v2 epoch's
# repository, one commit per mail), and its commits oldest first in $work/NAME.commits.
corpus() {
	local bundle=$shared/corpora/$1.bundle
	[ -f "$bundle" ] || { echo "missing $bundle (../shared)" >&2; exit 2; }
	git clone --quiet --bare -- "$bundle" "$work/$1.git"
	git --git-dir="$work/$1.git" rev-list --reverse --first-parent HEAD >"$work/$1.commits"
}

# nth NAME N: the N-th oldest commit of corpus NAME.
nth() { sed -n "$2p" "$work/$1.commits"; }
