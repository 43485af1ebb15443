"""Every SMTP limit and refusal against the real postroomd: size (at MAIL and while
streaming), recipients, messages per connection, connections, per-IP rate limits, the
AUTH lockout (shared), and a reload that changes limits."""
import smtplib
import time
import unittest

from postroomtest import PostroomDaemon
from smtphelpers import RawSmtp, wait_until

LIMITS = {"smtp": {"max_message_size": 100000, "max_recipients": 3, "max_messages_per_connection": 2,
                   "max_connections": 3}}


class SmtpLimits(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.d = PostroomDaemon(config_overrides=LIMITS)
        for user in ("bob", "carol", "dave", "erin"):
            cls.d.add_user(user + "@example.com", "secret")

    @classmethod
    def tearDownClass(cls):
        cls.d.cleanup()

    def smtp(self):
        s = smtplib.SMTP("127.0.0.1", self.d.ports["smtp"], timeout=20)
        s.ehlo("limits.test")
        return s

    def test_size_at_mail_and_streamed(self):
        with self.smtp() as s:
            self.assertEqual(s.esmtp_features["size"], "100000")
            code, text = s.mail("a@remote.example", ["SIZE=100001"])
            self.assertEqual((code, text[:5]), (552, b"5.3.4"))
            self.assertEqual(s.mail("a@remote.example", ["SIZE=5000"])[0], 250)
            self.assertEqual(s.rcpt("bob@example.com")[0], 250)
            body = ("x" * 70 + "\r\n") * 5000  # 360 KB, declared 5000
            code, text = s.data("Subject: too-big\r\n\r\n" + body)
            self.assertEqual((code, text[:5]), (552, b"5.3.4"))
            self.assertEqual(s.noop()[0], 250)  # the session goes on

    def test_recipients_and_messages_per_connection(self):
        with self.smtp() as s:
            s.mail("a@remote.example")
            for user in ("bob", "carol", "dave"):
                self.assertEqual(s.rcpt(user + "@example.com")[0], 250)
            code, text = s.rcpt("erin@example.com")
            self.assertEqual((code, text[:5]), (452, b"4.5.3"))
            code, _ = s.data("Subject: three\r\n\r\nx\r\n")
            self.assertEqual(code, 250)  # the earlier recipients stay accepted
            s.mail("a@remote.example")
            s.rset()
            code, text = s.mail("a@remote.example")
            self.assertEqual((code, text[:5]), (421, b"4.7.0"))
        self.assertEqual(len(self.d.wait_for_messages("dave@example.com", 1)), 1)
        self.assertEqual(len(self.d.maildir_messages("erin@example.com")), 0)

    def test_max_connections(self):
        clients = []
        try:
            for _ in range(3):
                c = RawSmtp(self.d.ports["smtp"] if len(clients) % 2 == 0 else self.d.ports["submission"])
                self.assertEqual(c.reply()[:3], b"220")
                clients.append(c)
            extra = RawSmtp(self.d.ports["smtp"])
            self.assertEqual(extra.reply()[:9], b"421 4.7.0")
            self.assertTrue(extra.closed())
            extra.close()
        finally:
            for c in clients:
                c.close()
        # The slots come back once the connections are gone.
        def can_connect():
            c = RawSmtp(self.d.ports["smtp"])
            ok = c.reply()[:3] == b"220"
            c.close()
            return ok
        self.assertTrue(wait_until(can_connect, 10))

    def test_errors_close_the_connection(self):
        c = RawSmtp(self.d.ports["smtp"])
        c.reply()
        replies = [c.command(b"BOGUS")[:3] for _ in range(11)]
        self.assertEqual(replies[:10], [b"500"] * 10)
        self.assertEqual(replies[10], b"421")
        self.assertTrue(c.closed())
        c.close()
        c = RawSmtp(self.d.ports["smtp"])
        c.reply()
        self.assertEqual(c.command(b"NOOP " + b"x" * 600)[:9], b"500 5.5.2")
        self.assertEqual(c.command(b"HELO")[:9], b"501 5.5.4")
        c.close()

    def test_reload_changes_limits(self):
        self.assertTrue(self.d.reload({"smtp": {"max_recipients": 1}}))
        try:
            with self.smtp() as s:
                s.mail("a@remote.example")
                self.assertEqual(s.rcpt("bob@example.com")[0], 250)
                self.assertEqual(s.rcpt("carol@example.com")[0], 452)
        finally:
            self.assertTrue(self.d.reload({"smtp": {"max_recipients": 3}}))


class SmtpReloadAndMisc(unittest.TestCase):
    def test_port_rebind_on_reload_and_gauge(self):
        from postroomtest import free_ports
        with PostroomDaemon() as d:
            d.add_user("bob@example.com", "secret")
            old = d.ports["smtp"]
            new = free_ports(1)[0]
            c = RawSmtp(old)  # a session on the old port survives the rebind
            self.assertEqual(c.reply()[:3], b"220")
            self.assertEqual(d.control("stats", {})["gauges"]["smtp.connections"], 1)
            self.assertTrue(d.reload({"smtp": {"port": new}}))
            d.ports["smtp"] = new
            e = RawSmtp(new)
            self.assertEqual(e.reply()[:3], b"220")
            with self.assertRaises(ConnectionRefusedError):
                RawSmtp(old)
            self.assertEqual(c.command(b"HELO old.test")[:3], b"250")
            for x in (c, e):
                x.command(b"QUIT")
                x.close()
            self.assertTrue(wait_until(lambda: d.control("stats", {})["gauges"]["smtp.connections"] == 0))
            self.assertGreaterEqual(d.control("stats", {})["counters"]["smtp.connections_total"], 2)

    def test_sigterm_with_open_sessions(self):
        d = PostroomDaemon()
        try:
            idle = RawSmtp(d.ports["smtp"])
            self.assertEqual(idle.reply()[:3], b"220")
            busy = RawSmtp(d.ports["submission"])
            busy.reply()
            busy.command(b"EHLO busy.test")
            self.assertEqual(d.stop(), 0)  # after the grace period, with both still open
            self.assertEqual(idle.reply()[:9], b"421 4.3.2")
            self.assertEqual(busy.reply()[:9], b"421 4.3.2")
            self.assertIn("postroomd stopped", d.log_text())
            idle.close()
            busy.close()
        finally:
            d.cleanup()

    def test_smtputf8_and_helo(self):
        with PostroomDaemon() as d:
            d.add_user("bob@example.com", "secret")
            c = RawSmtp(d.ports["smtp"])
            c.reply()
            self.assertEqual(c.command(b"HELO old.test")[:3], b"250")
            self.assertEqual(c.command("MAIL FROM:<jörg@remote.example>".encode())[:9], b"553 5.6.7")
            self.assertEqual(c.command("MAIL FROM:<jörg@remote.example> SMTPUTF8 BODY=8BITMIME".encode())[:3], b"250")
            self.assertEqual(c.command(b"RCPT TO:<bob@example.com>")[:3], b"250")
            self.assertEqual(c.command(b"DATA")[:3], b"354")
            body = "Subject: utf8\r\nFrom: jörg@remote.example\r\n\r\nGrüße\r\n.".encode()
            self.assertEqual(c.command(body)[:9], b"250 2.0.0")
            c.close()
            files = d.wait_for_messages("bob@example.com", 1)
            with open(files[0], "rb") as f:
                data = f.read()
            self.assertIn(b"by mail.example.com (Postroom) with UTF8SMTP", data)
            self.assertIn("Grüße".encode(), data)
            self.assertIn("from=<jörg@remote.example>", d.log_text())


class SmtpGarbage(unittest.TestCase):
    def test_random_command_garbage(self):
        """Seeded random command lines (bounded: 30 connections x 40 lines); the daemon stays up,
        answers every connection and exits cleanly."""
        import random
        import socket
        rng = random.Random(7)
        verbs = [b"HELO", b"EHLO", b"MAIL FROM:", b"RCPT TO:", b"DATA", b"BDAT", b"RSET", b"AUTH PLAIN",
                 b"AUTH LOGIN", b"STARTTLS", b"NOOP", b"VRFY", b"QUIT", b""]
        junk = [b"<", b">", b"@", b"\"", b"\\", b"\x00", b"\xff", b"\r", b" ", b"SIZE=", b"=", b"a", b"example.com",
                b"<>", b"LAST", b"99999999999", b"0", b".", b"\n"]
        with PostroomDaemon() as d:
            d.add_user("bob@example.com", "secret")
            for _ in range(30):
                s = socket.create_connection(("127.0.0.1", d.ports[rng.choice(["smtp", "submission"])]), timeout=5)
                self.assertTrue(s.recv(1000).startswith(b"220"))
                data = b"".join(rng.choice(verbs) + b"".join(rng.choice(junk) for _ in range(rng.randint(0, 12)))
                                + b"\r\n" for _ in range(40))
                try:
                    s.sendall(data)
                    s.settimeout(0.3)
                    while s.recv(65536):
                        pass
                except (socket.timeout, BrokenPipeError, ConnectionResetError):
                    pass
                s.close()
            self.assertIsNone(d.process.poll())
            c = RawSmtp(d.ports["smtp"])
            self.assertEqual(c.reply()[:3], b"220")
            self.assertEqual(c.command(b"EHLO ok.test")[:4], b"250-")
            c.close()
            self.assertEqual(d.stop(), 0)


class SmtpRateLimits(unittest.TestCase):
    """127.0.0.1 is taken off the whitelist so that the limiter applies to the test."""

    def test_message_and_recipient_rate(self):
        overrides = {"rate_limit": {"whitelist": [], "message_rate": 2, "recipient_rate": 3}}
        with PostroomDaemon(config_overrides=overrides) as d:
            d.add_user("bob@example.com", "secret")
            with smtplib.SMTP("127.0.0.1", d.ports["smtp"], timeout=20) as s:
                s.ehlo("rate.test")
                for _ in range(2):
                    self.assertEqual(s.mail("a@remote.example")[0], 250)
                    s.rset()
                code, text = s.mail("a@remote.example")
                self.assertEqual((code, text[:5]), (450, b"4.7.1"))
            self.assertIn("message rate limit reached for 127.0.0.1", d.log_text())
            d.reload({"rate_limit": {"message_rate": 10}})
            with smtplib.SMTP("127.0.0.1", d.ports["smtp"], timeout=20) as s:
                s.ehlo("rate.test")
                self.assertEqual(s.mail("a@remote.example")[0], 250)
                for _ in range(3):
                    self.assertEqual(s.rcpt("bob@example.com")[0], 250)
                code, text = s.rcpt("bob@example.com")
                self.assertEqual((code, text[:5]), (450, b"4.7.1"))
            stats = d.control("stats", {})
            self.assertGreaterEqual(stats["counters"].get("ratelimit.refusals", 0), 2)

    def test_connection_rate_and_concurrency(self):
        overrides = {"rate_limit": {"whitelist": [], "connection_rate": 3, "max_concurrent_per_ip": 2}}
        with PostroomDaemon(config_overrides=overrides) as d:
            a, b = RawSmtp(d.ports["smtp"]), RawSmtp(d.ports["smtp"])
            self.assertEqual(a.reply()[:3], b"220")
            self.assertEqual(b.reply()[:3], b"220")
            c = RawSmtp(d.ports["smtp"])
            self.assertEqual(c.reply()[:9], b"421 4.7.0")  # concurrency
            for x in (a, b, c):
                x.close()
            time.sleep(0.3)
            e = RawSmtp(d.ports["smtp"])
            self.assertEqual(e.reply()[:3], b"220")  # third admitted connection in the window
            e.close()
            time.sleep(0.3)
            f = RawSmtp(d.ports["smtp"])
            self.assertEqual(f.reply()[:9], b"421 4.7.0")  # connection_rate
            f.close()
            # enabled=false turns it all off, on reload.
            d.reload({"rate_limit": {"enabled": False}})
            g = RawSmtp(d.ports["smtp"])
            self.assertEqual(g.reply()[:3], b"220")
            g.close()

    def assert_smtp_auth_locked_out(self, d):
        """The right password on a new SMTPS connection gets 454 (temporary lockout)."""
        with smtplib.SMTP_SSL("127.0.0.1", d.ports["smtps"], context=d.ssl_context(), timeout=20) as s:
            s.ehlo("lock.test")
            s.user, s.password = "bob@example.com", "secret"
            with self.assertRaises(smtplib.SMTPAuthenticationError) as cm:
                s.auth("PLAIN", s.auth_plain)
            self.assertEqual(cm.exception.smtp_code, 454)

    def test_lockout_shared_with_imap(self):
        """Failures earned on IMAP lock the IP out of SMTP AUTH too (one shared limiter)."""
        import imaplib
        overrides = {"rate_limit": {"whitelist": [], "auth_failure_limit": 2}}
        with PostroomDaemon(config_overrides=overrides) as d:
            d.add_user("bob@example.com", "secret")
            imap = imaplib.IMAP4_SSL("127.0.0.1", d.ports["imaps"], ssl_context=d.ssl_context(), timeout=20)
            for _ in range(2):
                with self.assertRaises(imaplib.IMAP4.error):
                    imap.login("bob@example.com", "wrong")
            imap.shutdown()
            self.assert_smtp_auth_locked_out(d)

    def test_auth_lockout(self):
        overrides = {"rate_limit": {"whitelist": [], "auth_failure_limit": 2, "auth_failure_lockout": 600}}
        with PostroomDaemon(config_overrides=overrides) as d:
            d.add_user("bob@example.com", "secret")
            with smtplib.SMTP_SSL("127.0.0.1", d.ports["smtps"], context=d.ssl_context(), timeout=20) as s:
                s.ehlo("lock.test")
                s.user, s.password = "bob@example.com", "wrong"
                for _ in range(2):  # one AUTH PLAIN attempt each (login() would also try LOGIN)
                    with self.assertRaises(smtplib.SMTPAuthenticationError) as cm:
                        s.auth("PLAIN", s.auth_plain)
                    self.assertEqual(cm.exception.smtp_code, 535)
                s.password = "secret"
                with self.assertRaises(smtplib.SMTPAuthenticationError) as cm:
                    s.auth("PLAIN", s.auth_plain)
                self.assertEqual(cm.exception.smtp_code, 454)
            # The lockout is per IP, not per connection.
            self.assert_smtp_auth_locked_out(d)
            self.assertIn("AUTH refused for locked-out address 127.0.0.1", d.log_text())
            # A whitelist change on reload lifts it.
            d.reload({"rate_limit": {"whitelist": ["127.0.0.0/8"]}})
            with smtplib.SMTP_SSL("127.0.0.1", d.ports["smtps"], context=d.ssl_context(), timeout=20) as s:
                s.ehlo("lock.test")
                self.assertEqual(s.login("bob@example.com", "secret")[0], 235)


if __name__ == "__main__":
    unittest.main()
