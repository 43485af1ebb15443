"""Hostile input the other hostile files do not cover: SMTP smuggling variants on every SMTP
port (25, 587 after STARTTLS and AUTH, 465 after AUTH) never turn one message into two, and the
API's huge inputs (10 MB header line, 10 MB URL, a 2 GB body announced, JSON nested 100000
deep) get a 4xx answer with bounded memory while the daemon keeps serving."""
import socket
import time
import unittest

from postroomtest import assert_memory_below, memory_kib
from hostile import DaemonTest, Smtp, api_token, auth_plain, connect, queue_envelopes, serves

TRICKS = (b"\n.\n", b"\r.\r", b"\r\n.\n", b"\n.\r\n", b"\r\n.\r", b"\n.\r")


class SmugglingTest(DaemonTest):
    USERS = ("bob@example.com", "carol@example.com")

    def session(self, label):
        ctx = self.d.ssl_context()
        if label == "465":
            s = Smtp(self.d.ports["smtps"], tls_context=ctx)
        else:
            s = Smtp(self.d.ports["smtp" if label == "25" else "submission"])
        self.assertEqual(s.greeting[0], 220)
        if label == "587":
            s.ehlo()
            self.assertEqual(s.command("STARTTLS")[0], 220)
            s.starttls(ctx)
        self.assertEqual(s.ehlo()[0], 250)
        if label != "25":
            self.assertEqual(s.command("AUTH PLAIN " + auth_plain("bob@example.com", "secret"))[0], 235)
        return s

    def test_smuggling_never_splits_a_message(self):
        outcomes = {}
        for label in ("25", "587", "465"):
            # the hidden transaction targets a local user on 25 and a foreign one (a relay) after AUTH
            hidden = "carol@example.com" if label == "25" else "victim@elsewhere.example"
            for trick in TRICKS:
                s = self.session(label)
                self.assertEqual(s.command("MAIL FROM:<bob@example.com>")[0], 250)
                self.assertEqual(s.command("RCPT TO:<bob@example.com>")[0], 250)
                self.assertEqual(s.command("DATA")[0], 354)
                s.send(b"Subject: outer " + trick.hex().encode() + b"\r\n\r\nx" + trick +
                       b"MAIL FROM:<evil@remote.example>\r\nRCPT TO:<" + hidden.encode() + b">\r\nDATA\r\n"
                       b"Subject: smuggled\r\n\r\nevil\r\n.\r\n")
                code, text = s.reply()
                outcomes[(label, trick)] = code
                # one reply for the one message; had a second transaction run, NOOP would see its replies
                self.assertTrue(code == 250 or 500 <= code < 600, (label, trick, text))
                self.assertEqual(s.command("NOOP")[0], 250, (label, trick))
                s.command("QUIT")
                s.close()
        time.sleep(1)  # deliveries are asynchronous
        for f in self.d.maildir_messages("carol@example.com") + self.d.maildir_messages("bob@example.com"):
            with open(f, "rb") as fh:
                self.assertNotIn(b"Subject: smuggled", fh.read(), f)
        for envelope in queue_envelopes(self.d.mail_root):
            self.assertNotIn("elsewhere.example", envelope)
        print("\n[smuggling] replies per (port, trick): %s" % sorted(set(outcomes.values())))


class ApiHugeInputTest(DaemonTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pid = cls.d.process.pid
        status, cls.token = api_token(cls.d.ports["http"], "bob@example.com")
        assert status == 200, status

    def raw(self, head, body_size=0, read_timeout=20):
        """Sends head (+ body_size bytes) on a fresh connection; returns the status line ('' if closed)."""
        sock = connect(self.d.ports["http"], timeout=read_timeout)
        try:
            try:
                sock.sendall(head)
                chunk = b"{" * 65536
                sent = 0
                while sent < body_size:
                    sock.sendall(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            data = b""
            try:
                while b"\r\n" not in data:
                    got = sock.recv(4096)
                    if not got:
                        break
                    data += got
            except (ConnectionResetError, socket.timeout):
                pass
            return data.split(b"\r\n", 1)[0].decode("latin-1")
        finally:
            sock.close()

    def assert_refused(self, status_line, allowed, label):
        if status_line:  # the server may also just close a connection it will not serve
            self.assertRegex(status_line, r"^HTTP/1\.1 (%s) " % "|".join(allowed), label)

    def test_huge_api_inputs(self):
        before = memory_kib(self.pid)
        auth = b"Authorization: Bearer " + self.token.encode() + b"\r\n"
        ten_mb = 10 * 1024 * 1024
        cases = [
            ("10 MB header line", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * ten_mb + b"\r\n\r\n", 0,
             ("431", "400")),
            ("10 MB URL", b"GET /api/v1/me/messages/" + b"A" * ten_mb + b" HTTP/1.1\r\nHost: x\r\n" + auth + b"\r\n", 0,
             ("414", "431", "400")),
            ("2 GB body announced", b"POST /api/v1/me/sendMail HTTP/1.1\r\nHost: x\r\n" + auth +
             b"Content-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n", 4 * 1024 * 1024, ("413",)),
            ("huge Content-Length", b"POST /api/v1/me/sendMail HTTP/1.1\r\nHost: x\r\n" + auth +
             b"Content-Type: application/json\r\nContent-Length: 99999999999999999999999\r\n\r\n", 0, ("413", "400")),
        ]
        for label, head, body_size, allowed in cases:
            start = time.time()
            line = self.raw(head, body_size)
            self.assert_refused(line, allowed, label)
            self.assertLess(time.time() - start, 20, label)
            self.assertTrue(serves(self.d), label)
        # JSON nested 100000 levels deep, within the size limit: a 400, not a stack overflow
        nested = b"[" * 100000 + b"]" * 100000
        head = (b"POST /api/v1/me/sendMail HTTP/1.1\r\nHost: x\r\n" + auth +
                b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(nested))
        self.assertRegex(self.raw(head + nested), r"^HTTP/1\.1 4\d\d ")
        after = memory_kib(self.pid)
        grown = (after["VmHWM"] - before["VmHWM"]) / 1024.0
        print("\n[api huge inputs] VmRSS %d KiB, VmHWM grew %.1f MiB" % (after["VmRSS"], grown))
        assert_memory_below(self, grown, 48, "api huge inputs")
        self.assertTrue(serves(self.d))


if __name__ == "__main__":
    unittest.main()
