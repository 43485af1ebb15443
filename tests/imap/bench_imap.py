"""IMAP benchmark figures (issue 6 item 9), printed, never asserted:
  /usr/bin/python3 bench_imap.py [--messages 10000] [--size 30000] [--connections 1000]
SELECT of a large folder (first ever: the store indexes it; after a restart; warm), the metadata
UID FETCH over it (first: MIME parse into the cache; then warm), 1,000 full bodies, and the
daemon's RSS per idle authenticated connection in IDLE over TLS. Needs $POSTROOMD."""
import argparse
import os
import random
import socket
import ssl
import time

from postroomtest import PostroomDaemon

WORDS = ("report budget meeting quarterly invoice project schedule review draft final update team "
         "customer contract delivery office printer holiday lunch agenda notes").split()


def make_message(i, size, rng):
    text = " ".join(rng.choice(WORDS) for _ in range(size // 12))
    lines = [text[k:k + 72] for k in range(0, len(text), 72)]
    body = "\r\n".join(lines)
    boundary = "b%08d" % i
    attach = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789") for _ in range(size // 3))
    attach_lines = "\r\n".join(attach[k:k + 76] for k in range(0, len(attach), 76))
    return ("From: Sender %d <sender%d@example.org>\r\nTo: Bob <bob@example.com>\r\n"
            "Cc: team@example.com\r\nSubject: %s %d\r\nDate: Wed, 5 Mar 2025 11:%02d:00 +0000\r\n"
            "Message-ID: <m%d@example.org>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n"
            "--%s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n"
            "--%s\r\nContent-Type: application/octet-stream; name=\"a%d.bin\"\r\n"
            "Content-Disposition: attachment; filename=\"a%d.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            "%s\r\n--%s--\r\n" % (i, i, rng.choice(WORDS), i, i % 60, i, boundary, boundary, body,
                                   boundary, i, i, attach_lines, boundary)).encode()


class Client:
    def __init__(self, port, ctx):
        self.sock = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=600))
        self.buf = b""
        self.n = 0
        self.read_until(b"\r\n")

    def read_until(self, marker):
        while marker not in self.buf:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise EOFError
            self.buf += chunk
        i = self.buf.index(marker) + len(marker)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def command(self, text):
        """Sends a command and reads up to its tagged reply; returns (seconds, bytes received)."""
        self.n += 1
        tag = b"b%d " % self.n
        start = time.perf_counter()
        self.sock.sendall(tag + text.encode() + b"\r\n")
        received = bytearray(self.buf)
        self.buf = b""
        scan = 0
        while True:
            idx = received.find(b"\r\n" + tag, max(0, scan - 2)) if not received.startswith(tag) else 0
            if idx >= 0:
                end = received.find(b"\r\n", idx + 2)
                if end >= 0:
                    line = bytes(received[idx:end])
                    if b" OK" not in line:
                        raise RuntimeError(line)
                    self.buf = bytes(received[end + 2:])
                    return time.perf_counter() - start, len(received)
            scan = max(0, len(received) - len(tag) - 2)
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise EOFError
            received += chunk


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--messages", type=int, default=10000)
    p.add_argument("--size", type=int, default=30000, help="approximate bytes per message")
    p.add_argument("--connections", type=int, default=1000)
    a = p.parse_args()
    rng = random.Random(6)
    with PostroomDaemon(config_overrides={"imap": {"max_connections": a.connections + 50}}) as d:
        d.add_user("bob@example.com", "secret")
        ctx = d.ssl_context()
        c = Client(d.ports["imaps"], ctx)
        c.command("LOGIN bob@example.com secret")
        c.command("LOGOUT")
        d.stop()
        inbox = os.path.join(d.mail_root, "example.com", "bob", "Maildir", "cur")
        os.makedirs(inbox, exist_ok=True)
        total = 0
        t0 = time.time()
        for i in range(a.messages):
            data = make_message(i, a.size, rng)
            total += len(data)
            with open(os.path.join(inbox, "%d.M%dP1.bench:2,%s" % (1700000000 + i, i, "S" if i % 3 else "")), "wb") as f:
                f.write(data)
        print("generated %d messages, %.1f MB, in %.1f s" % (a.messages, total / 1e6, time.time() - t0))
        os.system("sync")
        d.start()
        c = Client(d.ports["imaps"], ctx)
        c.command("LOGIN bob@example.com secret")
        meta = "UID FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)"
        t, _ = c.command("SELECT INBOX")
        print("SELECT, first ever (store indexes the folder): %.3f s" % t)
        t, n = c.command(meta)
        print("metadata FETCH, first (MIME parse into the cache): %.3f s (%.1f MB)" % (t, n / 1e6))
        c.command("LOGOUT")
        d.stop()
        d.start()
        c = Client(d.ports["imaps"], ctx)
        c.command("LOGIN bob@example.com secret")
        t1, _ = c.command("SELECT INBOX")
        t2, _ = c.command(meta)
        print("cold SELECT after restart: %.3f s; + first metadata FETCH: %.3f s; sum %.3f s" % (t1, t2, t1 + t2))
        best_sel = min(c.command("SELECT INBOX")[0] for _ in range(5))
        print("warm SELECT: %.4f s (best of 5)" % best_sel)
        best_meta = min(c.command(meta)[0] for _ in range(3))
        print("warm metadata FETCH: %.3f s (best of 3)" % best_meta)
        best_body = min(c.command("UID FETCH 1:1000 BODY.PEEK[]")[0] for _ in range(3))
        print("1,000 full bodies: %.3f s (best of 3)" % best_body)
        c.command("LOGOUT")

        # Memory per idle authenticated connection in IDLE over TLS.
        pid = d.process.pid
        # Warm-up: the first logins grow malloc arenas of the password-hashing threads once;
        # that is not per-connection memory, so measure after it.
        warm = []
        for i in range(30):
            s = Client(d.ports["imaps"], ctx)
            s.command("LOGIN bob@example.com secret")
            warm.append(s)
        time.sleep(0.5)
        before = rss_kb(pid)
        clients = []
        t0 = time.time()
        for i in range(a.connections):
            s = Client(d.ports["imaps"], ctx)
            s.command("LOGIN bob@example.com secret")
            s.command("SELECT INBOX")
            s.sock.sendall(b"i IDLE\r\n")
            s.read_until(b"+ idling\r\n")
            clients.append(s)
        time.sleep(1.0)
        after = rss_kb(pid)
        print("%d TLS connections in IDLE (INBOX of %d selected) opened in %.1f s: RSS %d -> %d KB, "
              "%.1f KB per connection" % (a.connections, a.messages, time.time() - t0, before, after,
                                          (after - before) / a.connections))
        for s in clients:
            s.sock.close()


if __name__ == "__main__":
    main()
