"""Runs postroom-bench-smtp against a fresh postroomd (rate limits off, one local user).

    POSTROOMD=build/daemon/postroomd BENCH=build/tests/queue/postroom-bench-smtp \
    PYTHONPATH=tests/integration /usr/bin/python3 tests/queue/bench_queue.py [messages] [connections...]
"""
import os
import subprocess
import sys

from postroomtest import PostroomDaemon

BENCH = os.environ.get("BENCH", "postroom-bench-smtp")


def run(messages, connections, workers=4):
    overrides = {"rate_limit": {"enabled": False}, "log_level": "INFO",
                 "smtp": {"max_connections": 200}, "delivery": {"workers": workers}}
    with PostroomDaemon(config_overrides=overrides) as d:
        d.add_user("bob@example.com")
        maildir = os.path.join(d.mail_root, "example.com", "bob", "Maildir")
        r = subprocess.run([BENCH, "--port", str(d.ports["smtp"]), "--to", "bob@example.com", "--maildir", maildir,
                            "--messages", str(messages), "--connections", str(connections), "--size", "4096"],
                           capture_output=True, text=True, timeout=600)
        print(r.stdout.strip())
        with open("/proc/%d/stat" % d.process.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        print("postroomd cpu: user %.2f s, system %.2f s" % (int(fields[11]) / ticks, int(fields[12]) / ticks))
        if r.returncode != 0:
            print(r.stderr.strip())
        d.stop()
        for line in d.log_text().splitlines():
            if "spool commits:" in line:
                print(line.split("] ", 1)[-1])
        return r.returncode


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    conns = [int(c) for c in sys.argv[2:]] or [1, 8]
    rc = 0
    for c in conns:
        rc |= run(n, c)
    sys.exit(rc)
