#!/usr/bin/env bash
# adversarial-server.sh [TRIALS]: `sync` against a hostile HTTP server on 127.0.0.1, TRIALS
# times per scenario (default 20): a gzip bomb as manifest.js.gz, a 600 MB manifest (announced,
# then without a Content-Length), a manifest sent a few bytes at a time, a connection closed
# mid-body, one closed before any answer, and an answer that is not HTTP. Each run must end by
# itself within 30 s with exit status 1 and one line on standard error ("Error: …", no stack
# trace, never killed by a signal), print nothing on standard output, stay under 300 MB of
# memory (max RSS), and leave no git child running.
# Prints the trials and failures per scenario; exits 1 when any trial failed.
# LORE_DIGEST=path picks the binary.
. "$(dirname "$0")/adversarial-lib.sh"
n=${1:-20}
command -v python3 >/dev/null || { echo "python3 is needed for the hostile server" >&2; exit 2; }

cat >"$work/hostile.py" <<'PY'
import gzip, http.server, os, socket, sys, time
bomb = gzip.compress(b"\0" * (64 << 20), compresslevel=9)
manifest = gzip.compress(b'{"/x/git/0.git": {"fingerprint": "' + b"0" * 40 + b'", "modified": 1}}')
class Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def head(self, length=None):
        self.send_response(200)
        self.send_header("Content-Type", "application/gzip")
        if length is not None: self.send_header("Content-Length", str(length))
        else: self.send_header("Connection", "close")
        self.end_headers()
    def noise(self):
        chunk = os.urandom(1 << 16)
        try:
            while True: self.wfile.write(chunk)
        except OSError: pass
    def do_GET(self):
        mode = self.path.strip("/").split("/")[0]
        if not self.path.endswith("/manifest.js.gz"):
            self.send_error(404); return
        if mode == "bomb":
            self.head(len(bomb)); self.wfile.write(bomb)
        elif mode == "huge":
            self.head(600 << 20); self.noise()
        elif mode == "endless":
            self.head(); self.noise()
        elif mode == "slow":
            self.head(len(manifest))
            for i in range(0, len(manifest), 4):
                self.wfile.write(manifest[i:i + 4]); self.wfile.flush(); time.sleep(0.1)
        elif mode == "cut":
            self.head(len(manifest) + 1000); self.wfile.write(manifest[:20]); self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR); self.close_connection = True
        elif mode == "close":
            self.connection.shutdown(socket.SHUT_RDWR); self.close_connection = True
        elif mode == "garbage":
            self.wfile.write(b"\x16\x03\x01 this is not HTTP\r\n\r\n" + os.urandom(512)); self.close_connection = True
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$work/hostile.py" >"$work/port" 2>"$work/server.err" &
server=$!
cleanup_hooks+=("kill $server 2>/dev/null; wait $server 2>/dev/null")
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -n1 "$work/port")
[ -n "$port" ] || { echo "the hostile server did not start: $(cat "$work/server.err")" >&2; exit 2; }

for scenario in bomb huge endless slow cut close garbage; do
	for trial in $(seq "$n"); do
		mirror=$work/mirror-$scenario-$trial
		start=$(date +%s)
		status=0
		timeout -s KILL 60 /usr/bin/time -f %M -o "$work/rss" \
			"$bin" sync "http://127.0.0.1:$port/$scenario" "$mirror" --no-index \
			>"$work/out" 2>"$work/err" || status=$?
		elapsed=$(($(date +%s) - start))
		problem=""
		[ "$status" = 1 ] || problem="exit status $status"
		[ -s "$work/out" ] && problem="$problem output on stdout"
		[ "$(wc -l <"$work/err")" = 1 ] && grep -q '^Error: ' "$work/err" ||
			problem="$problem stderr is not one error line: $(head -c 300 "$work/err")"
		[ "$elapsed" -le 30 ] || problem="$problem took ${elapsed} s"
		rss=$(tail -n1 "$work/rss")
		[ "${rss:-0}" -le 307200 ] 2>/dev/null || problem="$problem max RSS ${rss} KB"
		left=$(orphans "$mirror")
		[ -z "$left" ] || problem="$problem git children left:$left"
		record "sync: $scenario" "$problem"
		[ "$trial" = 1 ] && echo "$scenario: $(head -c 200 "$work/err" | tr -d '\n') (${elapsed} s, ${rss} KB)"
		rm -rf -- "$mirror"
	done
done
summary
