#!/usr/bin/env bash
# bench.sh [CORPORA_DIR]: lore-digest's speed as ratios to the cost of reading the same blobs
# with git itself (the floor: rev-list | cat-file --batch), measured in the same run.
#
# Prints one row per case: messages, MB of mail, wall seconds, CPU seconds, peak RSS, messages/s
# and the ratio of wall time to the floor of the same commits. Not a test: figures, not verdicts.
# Needs GNU time (/usr/bin/time), a release build (made here) and ../shared/corpora.
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")/.." && pwd)
corpora=${1:-$here/../shared/corpora}
work=${BENCH_WORK:-${TMPDIR:-/tmp}/lore-digest-bench}
runs=${BENCH_RUNS:-3}

[ -x /usr/bin/time ] || { echo "bench.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
[ -d "$corpora" ] || { echo "bench.sh: no corpora at $corpora; pass the folder holding kvmarm-0.bundle" >&2; exit 1; }

echo "building release binary..." >&2
(cd "$here" && swift build -c release --product lore-digest >/dev/null)
bin=$here/.build/release/lore-digest
mkdir -p "$work"

# clone NAME: a v2 inbox directory made of the corpus bundle, once.
clone() {
	local name=$1 dir=$work/$1
	if [ ! -d "$dir/git/0.git" ]; then
		mkdir -p "$dir/git"
		git clone -q --bare "$corpora/$name-0.bundle" "$dir/git/0.git"
	fi
	echo "$dir"
}

# measure CMD...: best-of-$runs wall time; prints "wall cpu rss_kb".
measure() {
	local best="" line
	for _ in $(seq "$runs"); do
		/usr/bin/time -f '%e %U %S %M' -o "$work/time.out" "$@" >/dev/null 2>"$work/stderr.out" || {
			echo "bench.sh: failed: $*" >&2; cat "$work/stderr.out" >&2; exit 1; }
		line=$(tail -n 1 "$work/time.out")
		if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best=$line; fi
	done
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' <<<"$best"
}

# floor GITDIR FROM TO: reading the blobs of FROM..TO (FROM empty: from the root) with git alone.
floor() {
	local gitdir=$1 from=$2 to=$3 range=$3
	[ -n "$from" ] && range="$from..$to"
	measure bash -c "git --git-dir='$gitdir' rev-list --reverse '$range' | sed 's/\$/:m/' | git --git-dir='$gitdir' cat-file --batch"
}

# megabytes GITDIR FROM TO: size of the mail of FROM..TO.
megabytes() {
	local gitdir=$1 from=$2 to=$3 range=$3
	[ -n "$from" ] && range="$from..$to"
	git --git-dir="$gitdir" rev-list --reverse "$range" | sed 's/$/:m/' |
		git --git-dir="$gitdir" cat-file --batch-check='%(objectsize)' |
		awk '$1 ~ /^[0-9]+$/ { s += $1 } END { printf "%.1f", s / 1048576 }'
}

printf '%-28s %8s %7s %7s %7s %8s %9s %7s %7s\n' case messages MB wall_s cpu_s rss_MB msgs/s floor_s ratio
row() {
	local name=$1 messages=$2 mb=$3 ours=$4 base=$5
	read -r wall cpu rss <<<"$ours"
	read -r fwall _ _ <<<"$base"
	awk -v n="$name" -v m="$messages" -v mb="$mb" -v w="$wall" -v c="$cpu" -v r="$rss" -v f="$fwall" 'BEGIN {
		printf "%-28s %8d %7.1f %7.2f %7.2f %8.1f %9.0f %7.2f %7.2f\n", n, m, mb, w, c, r / 1024, (w > 0 ? m / w : 0), f, (f > 0 ? w / f : 0) }'
}

# case_report NAME GITDIR INBOX FROM TO: the classic report over FROM..TO against its floor.
case_report() {
	local name=$1 gitdir=$2 inbox=$3 from=$4 to=$5 args=() count range=$5
	[ -n "$from" ] && { args+=(--from "$from"); range="$from..$to"; }
	args+=(--to "$to")
	count=$(git --git-dir="$gitdir" rev-list --count "$range")
	row "$name" "$count" "$(megabytes "$gitdir" "$from" "$to")" \
		"$(measure "$bin" report "$inbox" "${args[@]}")" "$(floor "$gitdir" "$from" "$to")"
}

for corpus in kvmarm kvm-ppc; do
	[ -f "$corpora/$corpus-0.bundle" ] || continue
	inbox=$(clone "$corpus")
	gitdir=$inbox/git/0.git
	head=$(git --git-dir="$gitdir" rev-parse HEAD)
	case_report "$corpus whole archive" "$gitdir" "$inbox" "" "$head"
	if [ "$corpus" = kvmarm ]; then
		total=$(git --git-dir="$gitdir" rev-list --count HEAD)
		for part in 4 2; do
			to=$(git --git-dir="$gitdir" rev-list --reverse HEAD | sed -n "$((total / part))p")
			case_report "$corpus 1/$part of archive" "$gitdir" "$inbox" "" "$to"
		done
		# One week: the commits of the archive's last seven days of commit time.
		last=$(git --git-dir="$gitdir" log -1 --format=%ct HEAD)
		from=$(git --git-dir="$gitdir" rev-list -1 --before="$((last - 7 * 86400))" HEAD)
		case_report "$corpus last week" "$gitdir" "$inbox" "$from" "$head"
	fi
done
