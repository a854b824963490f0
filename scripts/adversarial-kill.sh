#!/usr/bin/env bash
# adversarial-kill.sh [TRIALS]: kill -9 at random moments of `index`, `report --since-last-run`,
# an mbox import and `sync` (against a local public-inbox-httpd, scripts/public-inbox-server.sh),
# TRIALS times each (default 20), on ../shared/corpora/kvm-ppc-0.bundle. After each kill:
#   - the index passes PRAGMA integrity_check;
#   - no git child of the killed run is still running 3 s later;
#   - the next run succeeds, and the index then holds exactly the commits of the archive (as a
#     fresh rebuild does; one is made at the end to compare);
#   - `--since-last-run`: the bookmark is where it was or at the new head, never elsewhere;
#   - no temporary folder of a run is left once the next run has swept (an import's folder is
#     aged past the sweep's hour first).
# Prints the trials and failures of each scenario; exits 1 when any trial failed.
# The kill moments are drawn between 0 and 1.2 times the length of an uninterrupted run of the
# same kind, measured first. LORE_DIGEST=path picks the binary.
. "$(dirname "$0")/adversarial-lib.sh"
n=${1:-20}
corpus kvm-ppc-0
archive=$work/kvm-ppc-0.git
head_ref=$(git --git-dir="$archive" symbolic-ref HEAD)
total=$(wc -l <"$work/kvm-ppc-0.commits")
# The report and sync trials each add `step` mails, so that every run has work to do when killed.
step=$((total / (2 * n + 2)))
at=$((total / 2))
grow() {
	at=$((at + step))
	git --git-dir="$archive" update-ref "$head_ref" "$(nth kvm-ppc-0 "$at")"
}
git --git-dir="$archive" update-ref "$head_ref" "$(nth kvm-ppc-0 "$at")"

# 1. index: each trial kills a first index of the archive's first half; the next run finishes it,
#    with every look-up index (a kill may land while they are deferred or being sorted).
fresh=$work/fresh.sqlite
max=$(measure "$bin" index "$archive" --index "$fresh")
index=$work/index.sqlite
for _ in $(seq "$n"); do
	rm -f "$index" "$index-wal" "$index-shm"
	kill_at_random "$max" "$bin" index "$archive" --index "$index"
	problem=$(integrity "$index")
	left=$(orphans "$archive")
	[ -z "$left" ] || problem="$problem git children left:$left"
	if ! "$bin" index "$archive" --index "$index" >"$work/next.out" 2>&1; then
		problem="$problem next index failed: $(head -c 300 "$work/next.out")"
	elif [ "$(count "$index")" != "$(count "$fresh")" ]; then
		problem="$problem the index holds $(count "$index") commits, a fresh rebuild $(count "$fresh")"
	elif [ "$(lookups "$index")" != "$(lookups "$fresh")" ]; then
		problem="$problem its look-up indexes are not a fresh rebuild's: $(lookups "$index" | tr '\n' ' ')"
	fi
	[ -z "$(strays)" ] || problem="$problem strays: $(strays)"
	record "index (kill -9, then index)" "$problem"
done

# 2. report --since-last-run
state=$work/state.sqlite
"$bin" index "$archive" --index "$state" >/dev/null
"$bin" report "$archive" --index "$state" --since-last-run --state t --output "$work/report.txt" 2>/dev/null
grow
max=$(measure "$bin" report "$archive" --index "$state" --since-last-run --state t --output "$work/report.txt")
for _ in $(seq "$n"); do
	before=$(bookmark "$state" t)
	grow
	after=$(git --git-dir="$archive" rev-parse HEAD)
	kill_at_random "$max" "$bin" report "$archive" --index "$state" --since-last-run --state t --output "$work/report.txt"
	problem=$(integrity "$state")
	mark=$(bookmark "$state" t)
	[ "$mark" = "$before" ] || [ "$mark" = "$after" ] || problem="$problem bookmark moved to $mark"
	left=$(orphans "$archive")
	[ -z "$left" ] || problem="$problem git children left:$left"
	if ! "$bin" report "$archive" --index "$state" --since-last-run --state t --output "$work/report.txt" \
		>"$work/next.out" 2>&1; then
		problem="$problem next report failed: $(head -c 300 "$work/next.out")"
	else
		[ "$(bookmark "$state" t)" = "$after" ] || problem="$problem bookmark not at the head after the next run"
		[ "$(count "$state")" = "$at" ] || problem="$problem the index holds $(count "$state") commits, the archive $at"
	fi
	[ -z "$(strays)" ] || problem="$problem strays: $(strays)"
	record "report --since-last-run (then again)" "$problem"
done

# 3. mbox import: the killed run's folder stays (kill -9 gives no chance); the next import,
# once the folder is older than the sweep's hour, removes it.
mbox=$work/list.mbox
for commit in $(head -n 1500 "$work/kvm-ppc-0.commits"); do
	echo "From mboxrd@z Thu Jan  1 00:00:00 1970"
	git --git-dir="$archive" cat-file blob "$commit:m" 2>/dev/null | sed 's/^\(>*From \)/>\1/' || true
	echo
done >"$mbox"
leftover=0
max=$(measure "$bin" report "$mbox" --output "$work/mbox-report.txt")
for _ in $(seq "$n"); do
	kill_at_random "$max" "$bin" report "$mbox" --output "$work/mbox-report.txt"
	problem=""
	left=$(orphans "$TMPDIR")
	[ -z "$left" ] || problem="git children left:$left"
	for folder in "$TMPDIR"/lore-digest-import-*; do
		[ -d "$folder" ] || continue
		leftover=$((leftover + 1))
		touch -d '2 hours ago' "$folder"
	done
	if ! "$bin" report "$mbox" --output "$work/mbox-report.txt" >"$work/next.out" 2>&1; then
		problem="$problem next import failed: $(head -c 300 "$work/next.out")"
	fi
	[ -z "$(strays)" ] || problem="$problem strays after the next import: $(strays)"
	record "mbox import (then again)" "$problem"
done
echo "mbox import: $leftover folders left by kill -9, all swept by the next import unless a failure says otherwise"

# 4. sync against a local public-inbox-httpd, which grows by `step` mails per trial.
if command -v public-inbox-httpd >/dev/null; then
	server=$work/server
	mkdir -p "$server"
	served=$((step * 2))
	(HOME=$work/server-home "$here/scripts/public-inbox-server.sh" start "$server" \
		"$shared/corpora/kvm-ppc-0.bundle" "$served" kvm-ppc >"$work/server.out")
	cleanup_hooks+=("'$here/scripts/public-inbox-server.sh' stop '$server'")
	url=$(sed -n 's/^url=//p' "$work/server.out")
	mirror=$work/mirror
	sync_index=$work/sync.sqlite
	max=$(measure "$bin" sync "$url" "$mirror" --index "$sync_index")
	for _ in $(seq "$n"); do
		served=$((served + step))
		"$here/scripts/public-inbox-server.sh" add "$server" "$served"
		kill_at_random "$max" "$bin" sync "$url" "$mirror" --index "$sync_index"
		problem=$(integrity "$sync_index")
		left=$(orphans "$mirror")
		[ -z "$left" ] || problem="$problem git children left:$left"
		if ! "$bin" sync "$url" "$mirror" --index "$sync_index" >"$work/next.out" 2>&1; then
			problem="$problem next sync failed: $(head -c 300 "$work/next.out")"
		elif [ "$(count "$sync_index")" != "$served" ]; then
			problem="$problem the index holds $(count "$sync_index") commits, the server $served"
		fi
		record "sync (then again)" "$problem"
	done
else
	echo "sync: skipped (public-inbox-httpd not installed)" >&2
fi

summary
