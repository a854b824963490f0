#!/usr/bin/env bash
# bench.sh [CORPORA_DIR]: lore-digest's speed as ratios to the cost of reading the same blobs
# with git itself (the floor: rev-list | cat-file --batch), measured in the same run.
# bench.sh --scale [N...]: the scale table of issue 14 on synthetic archives of N messages
# (default 100000 300000 1000000; see scale_table at the end).
#
# Prints one row per case: messages, MB of mail, wall seconds, CPU seconds (user + sys, children
# included), peak RSS, messages/s, the floor's wall and CPU seconds and the ratio of wall time to
# the floor. Each case runs the floor and lore-digest alternately BENCH_RUNS times (default 3) and
# keeps the best wall time of each, so that load from other processes hurts both alike.
# Not a test: figures, not verdicts. Targets (issue 6): whole kvmarm ≤ 1.5× floor, RSS ≤ 150 MB;
# one week < 0.15 s with a warm index; index build ≤ 2.5× floor. Issue 10: the whole report with
# series and reviews ≤ 1.5× floor (parsed, and from a warm index); one week warm < 0.2 s.
#
# Environment: BENCH_RUNS, BENCH_WORK (scratch folder for the inbox clones, default
# $TMPDIR/lore-digest-bench), BENCH_SCRATCH (SwiftPM scratch path, default .build),
# BENCH_CASES (space-separated case functions to run, default all; see the end of this file),
# BENCH_BIN (a prebuilt lore-digest to measure instead of building this checkout).
# Needs GNU time (/usr/bin/time), a release build (made here) and ../shared/corpora.
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")/.." && pwd)
scale_sizes=()
if [ "${1:-}" = --scale ]; then
	shift
	scale_sizes=("$@")
	[ "${#scale_sizes[@]}" -gt 0 ] || scale_sizes=(100000 300000 1000000)
	set --
fi
corpora=${1:-$here/../shared/corpora}
work=${BENCH_WORK:-${TMPDIR:-/tmp}/lore-digest-bench}
runs=${BENCH_RUNS:-3}
scratch=${BENCH_SCRATCH:-$here/.build}

[ -x /usr/bin/time ] || { echo "bench.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
[ -d "$corpora" ] || { echo "bench.sh: no corpora at $corpora; pass the folder holding kvmarm-0.bundle" >&2; exit 1; }

if [ -n "${BENCH_BIN:-}" ]; then
	bin=$BENCH_BIN  # a prebuilt binary, e.g. of another commit, for before/after figures
else
	echo "building release binary..." >&2
	(cd "$here" && swift build -c release --scratch-path "$scratch" --product lore-digest >/dev/null)
	bin=$(cd "$here" && swift build -c release --scratch-path "$scratch" --show-bin-path)/lore-digest
fi
mkdir -p "$work"

# clone NAME: a v2 inbox directory made of the corpus bundle, once; prints its path.
clone() {
	local name=$1 dir=$work/$1
	if [ ! -d "$dir/git/0.git" ]; then
		mkdir -p "$dir/git"
		git clone -q --bare "$corpora/$name-0.bundle" "$dir/git/0.git"
	fi
	echo "$dir"
}

# time_once OUT CMD...: runs CMD once under GNU time; writes "wall cpu rss_kb" to OUT.
time_once() {
	local out=$1; shift
	/usr/bin/time -f '%e %U %S %M' -o "$work/time.out" "$@" >/dev/null 2>"$work/stderr.out" || {
		echo "bench.sh: failed: $*" >&2; cat "$work/stderr.out" >&2; exit 1; }
	tail -n 1 "$work/time.out" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' >"$out"
}

# best OLD NEW: the line with the smaller wall time (first field).
best() {
	if [ -z "$1" ] || awk -v a="${2%% *}" -v b="${1%% *}" 'BEGIN { exit !(a < b) }'; then echo "$2"; else echo "$1"; fi
}

# floor_command GITDIR RANGE: the floor, as one shell command.
floor_command() {
	echo "git --git-dir='$1' rev-list --reverse '$2' | sed 's/\$/:m/' | git --git-dir='$1' cat-file --batch"
}

# megabytes GITDIR RANGE: size of the mail of RANGE.
megabytes() {
	git --git-dir="$1" rev-list --reverse "$2" | sed 's/$/:m/' |
		git --git-dir="$1" cat-file --batch-check='%(objectsize)' |
		awk '$1 ~ /^[0-9]+$/ { s += $1 } END { printf "%.1f", s / 1048576 }'
}

row() {
	local name=$1 messages=$2 mb=$3 ours=$4 base=$5 wall cpu rss fwall fcpu
	read -r wall cpu rss <<<"$ours"
	read -r fwall fcpu _ <<<"$base"
	awk -v n="$name" -v m="$messages" -v mb="$mb" -v w="$wall" -v c="$cpu" -v r="$rss" -v f="$fwall" -v fc="$fcpu" 'BEGIN {
		printf "%-28s %8d %7.1f %7.2f %7.2f %7.1f %9.0f %7.2f %7.2f %6.2f\n", n, m, mb, w, c, r / 1024, (w > 0 ? m / w : 0), f, fc, (f >= 0.02 ? w / f : 0) }'
}

# measure_case NAME GITDIR RANGE CMD...: CMD against the floor of RANGE, alternately, best of $runs.
measure_case() {
	local name=$1 gitdir=$2 range=$3 ours="" base="" line
	shift 3
	for _ in $(seq "$runs"); do
		time_once "$work/line" bash -c "$(floor_command "$gitdir" "$range")"
		base=$(best "$base" "$(cat "$work/line")")
		time_once "$work/line" "$@"
		ours=$(best "$ours" "$(cat "$work/line")")
	done
	row "$name" "$(git --git-dir="$gitdir" rev-list --count "$range")" "$(megabytes "$gitdir" "$range")" "$ours" "$base"
}

# report_case NAME CORPUS FROM TO: the classic report of FROM..TO (FROM empty: from the root).
report_case() {
	local name=$1 inbox gitdir range=$4 args=()
	inbox=$(clone "$2")
	gitdir=$inbox/git/0.git
	[ -n "$3" ] && { args+=(--from "$3"); range="$3..$4"; }
	args+=(--to "$4")
	# --no-index: these cases measure parsing the range; an index left in the cache would skip it.
	measure_case "$name" "$gitdir" "$range" "$bin" report "$inbox" "${args[@]}" --no-index
}

have() { [ -f "$corpora/$1-0.bundle" ]; }
head_of() { git --git-dir="$(clone "$1")/git/0.git" rev-parse HEAD; }

# ---- Cases: one function each; BENCH_CASES picks some. ----

# The whole archive, the headline figure.
case_kvmarm_whole() { have kvmarm && report_case "kvmarm whole archive" kvmarm "" "$(head_of kvmarm)"; }
# The whole of kvmarm as a `sync`ed mirror has it: with the epoch's commit-graph, which git
# reads instead of each commit object when it lists the range (ours and the floor's rev-list).
case_kvmarm_whole_synced() {
	have kvmarm || return 0
	local inbox=$work/kvmarm-synced head
	if [ ! -d "$inbox/git/0.git" ]; then
		mkdir -p "$inbox/git"
		git clone -q --bare "$corpora/kvmarm-0.bundle" "$inbox/git/0.git"
		git --git-dir="$inbox/git/0.git" commit-graph write --reachable --split --no-progress
	fi
	head=$(head_of kvmarm)
	measure_case "kvmarm whole, commit-graph" "$inbox/git/0.git" "$head" \
		"$bin" report "$inbox" --to "$head" --no-index
}
case_kvmppc_whole() { have kvm-ppc && report_case "kvm-ppc whole archive" kvm-ppc "" "$(head_of kvm-ppc)"; }

# ¼ and ½ of kvmarm from the root: with the whole archive, a check that time grows linearly.
case_kvmarm_fractions() {
	have kvmarm || return 0
	local gitdir total to part
	gitdir=$(clone kvmarm)/git/0.git
	total=$(git --git-dir="$gitdir" rev-list --count HEAD)
	for part in 4 2; do
		to=$(git --git-dir="$gitdir" rev-list --reverse HEAD | sed -n "$((total / part))p")
		report_case "kvmarm 1/$part of archive" kvmarm "" "$to"
	done
}

# One week: the commits of the archive's last seven days of commit time, without an index.
case_kvmarm_week() {
	have kvmarm || return 0
	local gitdir last from
	gitdir=$(clone kvmarm)/git/0.git
	last=$(git --git-dir="$gitdir" log -1 --format=%ct HEAD)
	from=$(git --git-dir="$gitdir" rev-list -1 --before="$((last - 7 * 86400))" HEAD)
	report_case "kvmarm last week" kvmarm "$from" "$(head_of kvmarm)"
}

# Building the history index of the whole of kvmarm from scratch (target ≤ 2.5× the floor).
case_kvmarm_index_build() {
	have kvmarm || return 0
	local inbox db
	inbox=$(clone kvmarm)
	db=$work/kvmarm-build.sqlite
	measure_case "kvmarm index build" "$inbox/git/0.git" HEAD \
		bash -c "rm -f '$db' '$db-wal' '$db-shm' && '$bin' index '$inbox' --index '$db'"
}

# Updating the index with the archive's last 100 messages (target < 0.5 s): the index is built
# with the epoch's ref 100 commits back, the ref restored, and only the update is timed.
case_kvmarm_index_incremental() {
	have kvmarm || return 0
	local inbox gitdir head db ours="" base="" range
	# Its own clone: this case moves the epoch's ref, which the other cases must never see.
	inbox=$work/kvmarm-incremental
	gitdir=$inbox/git/0.git
	[ -d "$gitdir" ] || { mkdir -p "$inbox/git"; git clone -q --bare "$corpora/kvmarm-0.bundle" "$gitdir"; }
	head=$(git --git-dir="$(clone kvmarm)/git/0.git" rev-parse HEAD)
	git --git-dir="$gitdir" update-ref HEAD "$head"
	db=$work/kvmarm-incremental.sqlite
	range="$head~100..$head"
	for _ in $(seq "$runs"); do
		git --git-dir="$gitdir" update-ref HEAD "$head~100"
		rm -f "$db" "$db-wal" "$db-shm"
		"$bin" index "$inbox" --index "$db" >/dev/null
		git --git-dir="$gitdir" update-ref HEAD "$head"
		time_once "$work/line" "$bin" index "$inbox" --index "$db"
		ours=$(best "$ours" "$(cat "$work/line")")
		time_once "$work/line" bash -c "$(floor_command "$gitdir" "$range")"
		base=$(best "$base" "$(cat "$work/line")")
	done
	row "kvmarm index +100 messages" 100 "$(megabytes "$gitdir" "$range")" "$ours" "$base"
}

# The one-week report with a warm index (target < 0.15 s); the index is built outside the timing.
case_kvmarm_week_warm_index() {
	have kvmarm || return 0
	local inbox gitdir last from head db
	inbox=$(clone kvmarm)
	gitdir=$inbox/git/0.git
	db=$work/kvmarm-warm.sqlite
	"$bin" index "$inbox" --index "$db" >/dev/null
	head=$(head_of kvmarm)
	last=$(git --git-dir="$gitdir" log -1 --format=%ct HEAD)
	from=$(git --git-dir="$gitdir" rev-list -1 --before="$((last - 7 * 86400))" HEAD)
	measure_case "kvmarm last week, warm index" "$gitdir" "$from..$head" \
		"$bin" report "$inbox" --from "$from" --to "$head" --index "$db"
}

# The whole archive with every fact the report carries (series, versions, reviews, applied), as
# JSON, read from a warm index whose look-ups complete series and link earlier versions (issue 10:
# within 1.5x the floor). The plain whole-archive case above parses instead (--no-index).
case_kvmarm_whole_series_warm_index() {
	have kvmarm || return 0
	local inbox db
	inbox=$(clone kvmarm)
	db=$work/kvmarm-warm.sqlite
	"$bin" index "$inbox" --index "$db" >/dev/null
	measure_case "kvmarm whole, JSON, warm index" "$inbox/git/0.git" HEAD \
		"$bin" report "$inbox" --index "$db" --format json
}

# ---- Scale (issue 14): bench.sh --scale [N...] ----
# For each N, a synthetic archive of N messages (scripts/make-large-archive.sh, built once into
# BENCH_SCALE_DIR/N, default $work/scale/N: minutes and gigabytes at 1M) and a copy of it sharing
# its objects (git clone --shared) whose newest epoch is 1,000 commits behind. On the copy, one
# run each: the first index build (of N - 1,000 messages); then, the ref restored, the
# incremental index of the 1,000 new mails; the one-week report of the archive's last week with
# the warm index; and the whole-archive report without the index. Wall and CPU seconds (git's
# included), lore-digest's own peak memory (scripts/own_peak.py: VmHWM of its process, not its
# children's), microseconds per message, the report's size and the index's size per message.
# Targets: time per message at 1M within 1.2x that at 100k; own peak of the index build < 150 MB
# and of the report < 100 MB + the report's size; the week < 0.2 s; +1,000 mails < 0.5 s.
scale_row() {
	local n=$1 shadow=$2 db=$3 report=$4 index_line=$5 incremental_line=$6 week_line=$7 report_line=$8
	local epochs
	epochs=$(find "$shadow/git" -maxdepth 1 -name '*.git' | wc -l)
	read -r iw ic ip <<<"$index_line"
	read -r nw _ _ <<<"$incremental_line"
	read -r ww _ _ <<<"$week_line"
	read -r rw rc rp <<<"$report_line"
	awk -v n="$n" -v e="$epochs" -v iw="$iw" -v ic="$ic" -v ip="$ip" -v nw="$nw" -v ww="$ww" -v rw="$rw" -v rc="$rc" -v rp="$rp" \
		-v rs="$(stat -c %s "$report")" -v ds="$(stat -c %s "$db")" 'BEGIN {
		printf "%9d %6d | %7.1f %7.1f %6.0f %7.1f | %6.1f %6.0f %5.1f | %7.2f %7.2f | %7.1f %6.1f %6.0f %5.0f\n",
			n, e, rw, rc, rp / 1024, rs / 1048576, iw, ic, ip / 1024, nw, ww, rw * 1e6 / n, iw * 1e6 / n, ds / 1048576, ds / n }'
}

scale_case() {
	local n=$1 base=${BENCH_SCALE_DIR:-$work/scale} inbox shadow db report newest epoch_count line
	inbox=$base/$n
	if [ ! -d "$inbox/git/0.git" ]; then
		echo "bench.sh: building the synthetic archive of $n messages at $inbox (minutes)..." >&2
		mkdir -p "$base"
		"$here/scripts/make-large-archive.sh" "$n" "$inbox" >&2
	fi
	shadow=$work/scale-copy/$n
	rm -rf "$shadow"
	mkdir -p "$shadow/git"
	epoch_count=$(find "$inbox/git" -maxdepth 1 -name '*.git' | wc -l)
	newest=$((epoch_count - 1))
	for ((e = 0; e < newest; e++)); do ln -s "$inbox/git/$e.git" "$shadow/git/$e.git"; done
	git clone -q --bare --shared "$inbox/git/$newest.git" "$shadow/git/$newest.git"
	local head
	head=$(git --git-dir="$shadow/git/$newest.git" rev-parse HEAD)
	git --git-dir="$shadow/git/$newest.git" update-ref HEAD "$head~1000"
	db=$work/scale-copy/$n.sqlite
	rm -f "$db" "$db-wal" "$db-shm"
	"$here/scripts/own_peak.py" "$work/scale-index" "$bin" index "$shadow" --index "$db"
	git --git-dir="$shadow/git/$newest.git" update-ref HEAD "$head"
	# The build's writes flushed first: the update's own fsyncs would otherwise wait for them.
	sync
	"$here/scripts/own_peak.py" "$work/scale-incremental" "$bin" index "$shadow" --index "$db"
	local last
	last=$(git --git-dir="$shadow/git/$newest.git" log -1 --format=%ct HEAD)
	"$here/scripts/own_peak.py" "$work/scale-week" "$bin" report "$shadow" --index "$db" \
		--since "@$((last - 7 * 86400))" --until "@$last"
	report=$work/scale-copy/$n-report.txt
	"$here/scripts/own_peak.py" "$work/scale-report" "$bin" report "$shadow" --no-index --output "$report"
	scale_row "$n" "$shadow" "$db" "$report" "$(cat "$work/scale-index")" "$(cat "$work/scale-incremental")" \
		"$(cat "$work/scale-week")" "$(cat "$work/scale-report")"
}

if [ "${#scale_sizes[@]}" -gt 0 ]; then
	printf '%9s %6s | %7s %7s %6s %7s | %6s %6s %5s | %7s %7s | %7s %6s %6s %5s\n' \
		"" "" "report" "" "" "" "index" "" "" "+1000" "week" "us/msg" "" "index" ""
	printf '%9s %6s | %7s %7s %6s %7s | %6s %6s %5s | %7s %7s | %7s %6s %6s %5s\n' \
		messages epochs wall_s cpu_s peakMB sizeMB wall_s cpu_s pkMB wall_s wall_s report index MB B/msg
	for n in "${scale_sizes[@]}"; do scale_case "$n"; done
	exit 0
fi

printf '%-28s %8s %7s %7s %7s %7s %9s %7s %7s %6s\n' case messages MB wall_s cpu_s rss_MB msgs/s floor_s fcpu_s ratio
cases=${BENCH_CASES:-case_kvmarm_whole case_kvmarm_whole_synced case_kvmppc_whole case_kvmarm_fractions case_kvmarm_week case_kvmarm_index_build case_kvmarm_index_incremental case_kvmarm_week_warm_index case_kvmarm_whole_series_warm_index}
for case_function in $cases; do "$case_function"; done
