#!/usr/bin/env bash
# A real public-inbox-httpd on 127.0.0.1 serving a v2 inbox made from the first N mails of a
# corpus bundle (one commit per mail, as lore serves them). Shared by the sync tests and humans.
#
#   public-inbox-server.sh start WORKDIR BUNDLE COUNT [NAME]
#       Builds WORKDIR/inbox (public-inbox-init -V2 -L basic, i.e. SQLite only, no Xapian; the first
#       COUNT commits of BUNDLE as epoch 0; public-inbox-index), starts public-inbox-httpd on a port
#       the kernel picks, and prints
#       "url=http://127.0.0.1:PORT/NAME" and "pid=PID". Nothing outside WORKDIR is touched:
#       PI_CONFIG and HOME point into it.
#   public-inbox-server.sh add WORKDIR COUNT
#       "New mail arrives": the served epoch grows to the first COUNT commits of the bundle,
#       then public-inbox-index updates the inbox. The server keeps running.
#   public-inbox-server.sh add-epoch WORKDIR BUNDLE COUNT
#       The inbox gets its next epoch (git/N.git), holding the first COUNT commits of another
#       corpus BUNDLE, then public-inbox-index. Prints "epoch=N".
#   public-inbox-server.sh stop WORKDIR
#       Stops the server started in WORKDIR.
set -euo pipefail

usage() {
	echo "usage: $0 start WORKDIR BUNDLE COUNT [NAME] | add WORKDIR COUNT | add-epoch WORKDIR BUNDLE COUNT | stop WORKDIR" >&2
	exit 64
}
die() { echo "public-inbox-server: $*" >&2; exit 1; }

[ $# -ge 2 ] || usage
command=$1
work=$(cd -- "$2" && pwd) || die "no such directory: $2"
export PI_CONFIG="$work/pi-config" HOME="$work/home"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

# The COUNT-th oldest commit of a corpus repository (its history is linear: one commit per mail).
nth_commit() {
	local sha
	sha=$(git --git-dir="$1" rev-list --reverse --first-parent HEAD | sed -n "$2p")
	[ -n "$sha" ] || die "the corpus $1 has fewer than $2 commits"
	echo "$sha"
}

# Points epoch EPOCH at the COUNT-th commit of CORPUS and indexes what is new.
serve() {
	local corpus=$1 epoch=$2 count=$3 sha
	sha=$(nth_commit "$corpus" "$count")
	git --git-dir="$corpus" push --quiet -- "$work/inbox/git/$epoch.git" "$sha:refs/heads/master"
	public-inbox-index -- "$work/inbox" >"$work/index.log" 2>&1 || die "public-inbox-index failed, see $work/index.log"
}

case $command in
start)
	[ $# -ge 4 ] || usage
	bundle=$3 count=$4 name=${5:-kvm-ppc}
	command -v public-inbox-httpd >/dev/null || die "public-inbox-httpd not found; apt-get install public-inbox"
	mkdir -p "$HOME"
	git clone --quiet --bare -- "$bundle" "$work/corpus.git"
	public-inbox-init -V2 -L basic -- "$name" "$work/inbox" "http://127.0.0.1/$name" "$name@example.invalid" \
		>"$work/init.log" 2>&1 || die "public-inbox-init failed, see $work/init.log"
	serve "$work/corpus.git" 0 "$count"
	# Port 0: the kernel picks a free port and the daemon reports it ("# bound http://…").
	# The daemon outlives this script: it must not keep any descriptor of our caller's (a pipe the
	# caller reads to its end, or the descriptor by which Foundation's Process notices the child's
	# exit), so everything above 2 is closed for it.
	# Created here, not by the background subshell's redirection: the loop below reads them at once.
	: >"$work/httpd.out"
	: >"$work/httpd.err"
	(
		for fd in /proc/self/fd/*; do
			n=${fd##*/}
			[ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"
		done
		exec public-inbox-httpd -W0 -l http://127.0.0.1:0 </dev/null >"$work/httpd.out" 2>"$work/httpd.err"
	) &
	pid=$!
	echo "$pid" >"$work/httpd.pid"
	bound=""
	for _ in $(seq 100); do
		bound=$(sed -n 's/^# bound \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/httpd.err" | head -n1)
		[ -n "$bound" ] && break
		kill -0 "$pid" 2>/dev/null || die "public-inbox-httpd exited: $(head -n3 "$work/httpd.err")"
		sleep 0.1
	done
	[ -n "$bound" ] || { kill "$pid"; die "public-inbox-httpd did not report its port"; }
	echo "url=$bound/$name"
	echo "pid=$pid"
	;;
add)
	[ $# -ge 3 ] || usage
	serve "$work/corpus.git" 0 "$3"
	;;
add-epoch)
	[ $# -ge 4 ] || usage
	epoch=0
	while [ -d "$work/inbox/git/$epoch.git" ]; do epoch=$((epoch + 1)); done
	rm -rf "$work/corpus-$epoch.git"
	git clone --quiet --bare -- "$3" "$work/corpus-$epoch.git"
	git init --quiet --bare -- "$work/inbox/git/$epoch.git"
	serve "$work/corpus-$epoch.git" "$epoch" "$4"
	echo "epoch=$epoch"
	;;
stop)
	[ -f "$work/httpd.pid" ] || exit 0
	pid=$(cat "$work/httpd.pid")
	kill "$pid" 2>/dev/null || true
	for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	kill -9 "$pid" 2>/dev/null || true
	rm -f "$work/httpd.pid"
	;;
*) usage ;;
esac
