#!/usr/bin/env bash
# adversarial-concurrent.sh [TRIALS]: two `report --since-last-run` with one state started at
# once, TRIALS times (default 20), on ../shared/corpora/kvm-ppc-0.bundle. Each trial adds mail
# to the archive; between them the two runs must report each new message once: the messages
# of the runs that succeeded add up to what arrived, and a run that did not report was refused
# with the one-line "in use" message. Also checks the index (PRAGMA integrity_check) and the
# bookmark (at the new head) after each trial.
# Prints the trials and failures; exits 1 when any trial failed. LORE_DIGEST=path picks the binary.
. "$(dirname "$0")/adversarial-lib.sh"
n=${1:-20}
corpus kvm-ppc-0
archive=$work/kvm-ppc-0.git
head_ref=$(git --git-dir="$archive" symbolic-ref HEAD)
total=$(wc -l <"$work/kvm-ppc-0.commits")
step=$((total / (n + 2)))
at=$step
git --git-dir="$archive" update-ref "$head_ref" "$(nth kvm-ppc-0 "$at")"
index=$work/index.sqlite
"$bin" index "$archive" --index "$index" >/dev/null
"$bin" report "$archive" --index "$index" --since-last-run --state t --output /dev/null 2>/dev/null

# accounting FILE: the "Accounting: N messages …" count of a report, empty when none.
accounting() { sed -n 's/^Accounting: \([0-9]*\) messages.*/\1/p' "$1"; }

duplicates=0
for trial in $(seq "$n"); do
	before=$at
	at=$((at + step))
	head=$(nth kvm-ppc-0 "$at")
	git --git-dir="$archive" update-ref "$head_ref" "$head"
	# The messages that arrived (deletions are commits but not messages): what one run reports.
	"$bin" report "$archive" --no-index --from "$(nth kvm-ppc-0 "$before")" --to "$head" >"$work/expected.txt"
	expected=$(accounting "$work/expected.txt")
	for run in 1 2; do
		"$bin" report "$archive" --index "$index" --since-last-run --state t >"$work/run$run.out" 2>"$work/run$run.err" &
		eval "pid$run=\$!"
	done
	problem=""
	reported=0
	for run in 1 2; do
		eval "pid=\$pid$run"
		if wait "$pid"; then
			reported=$((reported + $(accounting "$work/run$run.out")))
		elif ! grep -q "is in use by another --since-last-run" "$work/run$run.err"; then
			problem="$problem run $run failed: $(head -c 300 "$work/run$run.err")"
		fi
	done
	if [ "$reported" -gt "$expected" ]; then
		duplicates=$((duplicates + reported - expected))
		problem="$problem $reported messages reported for $expected new"
	elif [ "$reported" -lt "$expected" ]; then
		problem="$problem only $reported of $expected new messages reported"
	fi
	problem="$problem$(integrity "$index")"
	[ "$(bookmark "$index" t)" = "$head" ] || problem="$problem bookmark not at the new head"
	record "two --since-last-run at once" "$problem"
done
echo "duplicated message reports: $duplicates"
summary
