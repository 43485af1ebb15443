"""The control socket: every built-in verb, bad requests, and log streaming."""
import json
import os
import socket
import stat
import time
import unittest

from postroomtest import ControlError, PostroomDaemon


class ControlSocketTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.d = PostroomDaemon()

    @classmethod
    def tearDownClass(cls):
        cls.d.cleanup()

    def connect(self):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(10)
        s.connect(os.path.join(self.d.mail_root, "control.sock"))
        return s

    def read_messages(self, s, count):
        buffer = b""
        messages = []
        while len(messages) < count:
            chunk = s.recv(65536)
            if not chunk:
                break
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                messages.append(json.loads(line))
        return messages

    def test_socket_mode_is_owner_only(self):
        mode = os.stat(os.path.join(self.d.mail_root, "control.sock")).st_mode
        self.assertTrue(stat.S_ISSOCK(mode))
        self.assertEqual(mode & 0o077, 0)

    def test_status(self):
        s = self.d.control("status")
        self.assertEqual(s["pid"], self.d.process.pid)
        self.assertEqual(s["config_path"], self.d.config_path)
        self.assertEqual(s["hostname"], "mail.example.com")
        self.assertTrue(s["tls_enabled"])
        self.assertGreaterEqual(s["uptime_seconds"], 0)
        self.assertRegex(s["version"], r"^\d+\.\d+\.\d+$")
        self.assertIsInstance(s["listeners"], list)
        r = self.d.run_cli(["status"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("running, pid %d" % self.d.process.pid, r.stdout)
        r = self.d.run_cli(["status", "--json"])
        self.assertEqual(json.loads(r.stdout)["pid"], self.d.process.pid)

    def test_stats_with_history(self):
        time.sleep(1.2)
        st = self.d.control("stats", {"history_seconds": 5})
        for name in ("messages.received", "messages.delivered", "auth.failures", "ratelimit.refusals",
                     "smtp.connections_total", "bytes.in"):
            self.assertIn(name, st["counters"])
        for name in ("smtp.connections", "imap.connections", "queue.length"):
            self.assertIn(name, st["gauges"])
        self.assertEqual(st["history"]["interval_seconds"], 1)
        series = st["history"]["series"]["messages.received"]
        self.assertTrue(1 <= len(series) <= 5)

    def test_stats_count_real_traffic(self):
        import smtplib
        before = self.d.control("stats", {"history_seconds": 0})["counters"]
        with smtplib.SMTP("127.0.0.1", self.d.ports["smtp"], timeout=10) as s:
            s.ehlo()
            during = self.d.control("stats", {"history_seconds": 0})
            self.assertGreaterEqual(during["gauges"]["smtp.connections"], 1)
        after = self.d.control("stats", {"history_seconds": 0})["counters"]
        self.assertEqual(after["smtp.connections_total"], before["smtp.connections_total"] + 1)
        self.assertGreater(after["bytes.out"], before["bytes.out"])

    def test_config_get_and_validate(self):
        got = self.d.control("config.get")
        self.assertEqual(got["path"], self.d.config_path)
        self.assertEqual(got["document"]["smtp"]["port"], self.d.ports["smtp"])
        doc = got["document"]
        ok = self.d.control("config.validate", {"document": doc})
        self.assertTrue(ok["valid"])
        doc["smtp"]["port"] = 0
        doc["surprise"] = 1
        bad = self.d.control("config.validate", {"document": doc})
        self.assertFalse(bad["valid"])
        self.assertEqual(bad["errors"][0]["key"], "smtp.port")
        # validate never applies
        self.assertEqual(self.d.control("config.get")["document"]["smtp"]["port"], self.d.ports["smtp"])
        with self.assertRaises(ControlError) as e:
            self.d.control("config.validate", {"document": "nope"})
        self.assertEqual(e.exception.error["code"], "bad_request")

    def test_reload_verb(self):
        result = self.d.control("reload")
        self.assertEqual(result["warnings"], [])

    def test_unknown_method_and_bad_requests(self):
        with self.assertRaises(ControlError) as e:
            self.d.control("no.such.thing")
        self.assertEqual(e.exception.error["code"], "unknown_method")
        with self.connect() as s:
            s.sendall(b"this is not json\n")
            s.sendall(b'{"id": "x", "method": "status"}\n')
            s.sendall(b'{"id": 3}\n')
            s.sendall(b'{"id": 4, "method": "status", "params": []}\n')
            s.sendall(b'{"id": 1e300, "method": "status"}\n')  # out of range for an integer id
            replies = self.read_messages(s, 5)
        self.assertEqual([r["error"]["code"] for r in replies], ["bad_request"] * 5)
        self.assertEqual(self.d.control("status")["pid"], self.d.process.pid)

    def test_oversized_request_gets_an_error_and_the_connection_stays_usable(self):
        with self.connect() as s:
            s.sendall(b'{"id": 1, "method": "' + b"x" * (5 * 1024 * 1024) + b'"}\n')
            s.sendall(b'{"id": 2, "method": "status"}\n')
            replies = self.read_messages(s, 2)
        self.assertEqual(replies[0]["error"]["code"], "bad_request")
        self.assertEqual(replies[1]["id"], 2)
        self.assertIn("result", replies[1])
        self.assertEqual(self.d.control("status")["pid"], self.d.process.pid)

    def test_log_subscribe_streams_records(self):
        with self.connect() as s:
            s.sendall(b'{"id": 1, "method": "log.subscribe", "params": {"backlog": 5}}\n')
            first = self.read_messages(s, 1)
            while not any("result" in m for m in first):
                first += self.read_messages(s, 1)
            self.assertTrue(any(m.get("event") == "log" for m in first))
            self.d.control("reload")  # produces a log line
            deadline = time.time() + 10
            seen = False
            while time.time() < deadline and not seen:
                for m in self.read_messages(s, 1):
                    if m.get("event") == "log" and "configuration reloaded" in m["data"]["message"]:
                        self.assertEqual(m["data"]["category"], "config")
                        self.assertIn(m["data"]["level"], ("INFO",))
                        seen = True
            self.assertTrue(seen)

    def test_help_lists_methods(self):
        methods = self.d.control("help")["methods"]
        for m in ("status", "stats", "reload", "config.get", "config.validate", "log.subscribe"):
            self.assertIn(m, methods)


if __name__ == "__main__":
    unittest.main()
