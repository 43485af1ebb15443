"""Memory: a 50 MB message streams through with bounded daemon memory, and idle SMTP
connections cost at most 50 KB each. Prints the measured figures."""
import os
import socket
import time
import unittest

from postroomtest import PostroomDaemon, assert_memory_below, memory_kib, rss_growth_per_connection_kb
from smtphelpers import RawSmtp, wait_until

IDLE_CONNECTIONS = 400


class SmtpMemory(unittest.TestCase):
    def test_50mb_message_streams(self):
        with PostroomDaemon(config_overrides={"smtp": {"max_message_size": 60 * 1024 * 1024}}) as d:
            d.add_user("bob@example.com", "secret")
            pid = d.process.pid
            before = memory_kib(pid)
            c = RawSmtp(d.ports["smtp"], timeout=120)
            c.reply()
            c.command(b"EHLO big.test")
            self.assertEqual(c.command(b"MAIL FROM:<a@remote.example> SIZE=52428800")[:3], b"250")
            self.assertEqual(c.command(b"RCPT TO:<bob@example.com>")[:3], b"250")
            self.assertEqual(c.command(b"DATA")[:3], b"354")
            line = b"y" * 998 + b"\r\n"
            block = b"Subject: big\r\n\r\n" + line * 1024  # ~1 MB
            started = time.time()
            for _ in range(50):
                c.send(block)
            reply = c.command(b".")
            elapsed = time.time() - started
            self.assertEqual(reply[:9], b"250 2.0.0", reply)
            c.close()
            after = memory_kib(pid)
            growth_mb = (after["VmHWM"] - before["VmRSS"]) / 1024.0
            print("\n50 MB message: %.1f s, daemon RSS before %d KiB, peak %d KiB, peak growth %.1f MiB"
                  % (elapsed, before["VmRSS"], after["VmHWM"], growth_mb))
            assert_memory_below(self, growth_mb, 20, "the message must not be held in memory")
            files = d.wait_for_messages("bob@example.com", 1, timeout=60)
            self.assertGreater(os.path.getsize(files[0]), 50 * 1000 * 1000)

    def test_idle_connection_cost(self):
        overrides = {"smtp": {"max_connections": IDLE_CONNECTIONS + 10},
                     "rate_limit": {"max_concurrent_per_ip": IDLE_CONNECTIONS + 10}}
        with PostroomDaemon(config_overrides=overrides) as d:
            pid = d.process.pid
            warm = [RawSmtp(d.ports["smtp"]) for _ in range(20)]  # warm up allocator and code paths
            for c in warm:
                c.reply()
            for c in warm:
                c.close()
            time.sleep(0.5)
            before = memory_kib(pid)["VmRSS"]
            clients = []
            try:
                for _ in range(IDLE_CONNECTIONS):
                    c = RawSmtp(d.ports["smtp"])
                    clients.append(c)
                for c in clients:
                    self.assertEqual(c.reply()[:3], b"220")
                time.sleep(0.5)
                per_conn_kb = rss_growth_per_connection_kb(pid, before, IDLE_CONNECTIONS, "idle SMTP connections")
                assert_memory_below(self, per_conn_kb / 1000.0, 0.05, "memory per idle SMTP connection")
            finally:
                for c in clients:
                    c.close()


if __name__ == "__main__":
    unittest.main()
