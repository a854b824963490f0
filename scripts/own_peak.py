#!/usr/bin/env python3
"""own_peak.py OUT CMD...: runs CMD (its output discarded) and writes "wall cpu own_peak_kb" to OUT.

wall: seconds; cpu: user + system seconds of CMD and the children it waited for (git's included);
own_peak_kb: the peak resident memory (VmHWM) of CMD's own process, read from /proc while it
runs, without its children: GNU time's %M is the largest of the whole tree, so a git child
mapping a large pack would hide lore-digest's own figure. VmHWM only grows, so sampling every
20 ms and keeping the last value read is exact up to the final 20 ms.
"""
import os
import subprocess
import sys
import time


def main() -> int:
    out, command = sys.argv[1], sys.argv[2:]
    start = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    status_path = f"/proc/{child.pid}/status"
    while True:
        try:
            with open(status_path) as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
        finished, code, usage = os.wait4(child.pid, os.WNOHANG)
        if finished:
            break
        time.sleep(0.02)
    wall = time.monotonic() - start
    if os.WIFEXITED(code) and os.WEXITSTATUS(code) != 0 or os.WIFSIGNALED(code):
        print(f"own_peak.py: failed: {' '.join(command)}", file=sys.stderr)
        return 1
    with open(out, "w") as file:
        file.write(f"{wall:.2f} {usage.ru_utime + usage.ru_stime:.2f} {peak}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
