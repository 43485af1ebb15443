"""SMTP against the real postroomd with real clients: smtplib (plain, STARTTLS, SMTP_SSL,
AUTH PLAIN/LOGIN, pipelining), swaks and openssl s_client; relay attempts on every port."""
import os
import smtplib
import subprocess
import unittest

from postroomtest import PostroomDaemon
from smtphelpers import RawSmtp

MESSAGE = "From: {frm}\r\nTo: {to}\r\nSubject: {subject}\r\n\r\nHello from the test.\r\n"


class SmtpClients(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.d = PostroomDaemon()
        cls.d.add_user("bob@example.com", "secret")
        cls.d.add_user("carol@example.com", "secret")
        r = cls.d.run_cli(["alias", "add", "sales@example.com", "bob@example.com"])
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        cls.d.cleanup()

    def port(self, name):
        return self.d.ports[name]

    def delivered(self, user, subject, timeout=20):
        """The text of the message in user's INBOX whose Subject is subject, or None."""
        import time
        deadline = time.time() + timeout
        while time.time() < deadline:
            for path in self.d.maildir_messages(user):
                with open(path, "rb") as f:
                    data = f.read()
                if ("Subject: " + subject + "\r\n").encode() in data:
                    return data.decode("utf-8", "replace")
            time.sleep(0.05)
        return None

    # --- port 25: inbound ------------------------------------------------------------------
    def test_inbound_smtplib_plain(self):
        with smtplib.SMTP("127.0.0.1", self.port("smtp"), timeout=20) as s:
            code, banner = s.ehlo("client.test")
            self.assertEqual(code, 250)
            for ext in ("pipelining", "size", "8bitmime", "enhancedstatuscodes", "smtputf8", "chunking", "starttls"):
                self.assertTrue(s.has_extn(ext), ext)
            self.assertFalse(s.has_extn("auth"), "AUTH must not be offered in plaintext when TLS is on")
            self.assertEqual(s.esmtp_features["size"], "52428800")
            refused = s.sendmail("alice@remote.example", ["bob@example.com"],
                                 MESSAGE.format(frm="alice@remote.example", to="bob@example.com", subject="inbound-plain"))
            self.assertEqual(refused, {})
        text = self.delivered("bob@example.com", "inbound-plain")
        self.assertIsNotNone(text)
        self.assertIn("Received: from client.test ([127.0.0.1])", text)
        self.assertIn("by mail.example.com (Postroom) with ESMTP", text)
        self.assertRegex(self.d.log_text(), r"message id=\S+ client=127\.0\.0\.1 helo=client\.test "
                                            r"from=<alice@remote\.example> rcpts=1 size=\d+ tls=no auth=- result=queued")

    def test_inbound_alias_and_unknown_user(self):
        with smtplib.SMTP("127.0.0.1", self.port("smtp"), timeout=20) as s:
            s.ehlo("client.test")
            s.mail("alice@remote.example")
            self.assertEqual(s.rcpt("nobody@example.com")[0], 550)
            code, text = s.rcpt("sales@example.com")
            self.assertEqual(code, 250)
            code, text = s.data(MESSAGE.format(frm="a@remote.example", to="sales@example.com", subject="via-alias"))
            self.assertEqual(code, 250)
            self.assertIn(b"2.0.0 Ok: queued as ", text)
        self.assertIsNotNone(self.delivered("bob@example.com", "via-alias"))

    def test_inbound_starttls(self):
        with smtplib.SMTP("127.0.0.1", self.port("smtp"), timeout=20) as s:
            s.ehlo("client.test")
            s.starttls(context=self.d.ssl_context())
            s.ehlo("client.test")
            self.assertFalse(s.has_extn("starttls"))
            self.assertTrue(s.has_extn("auth"))
            s.sendmail("alice@remote.example", ["carol@example.com"],
                       MESSAGE.format(frm="a@remote.example", to="carol@example.com", subject="inbound-tls"))
        text = self.delivered("carol@example.com", "inbound-tls")
        self.assertRegex(text, r"with ESMTPS\r\n\t\(using TLSv1\.[23] \S+\)")

    # --- never an open relay -------------------------------------------------------------
    def test_relay_denied_on_every_port(self):
        with smtplib.SMTP("127.0.0.1", self.port("smtp"), timeout=20) as s:
            s.ehlo("client.test")
            s.mail("alice@remote.example")
            code, text = s.rcpt("victim@elsewhere.example")
            self.assertEqual((code, text[:5]), (554, b"5.7.1"))
            # Not even after STARTTLS.
            s.rset()
            s.starttls(context=self.d.ssl_context())
            s.ehlo("client.test")
            s.mail("alice@remote.example")
            self.assertEqual(s.rcpt("victim@elsewhere.example")[0], 554)
        for name, tls in (("submission", False), ("submission", True), ("smtps", None)):
            if tls is None:
                s = smtplib.SMTP_SSL("127.0.0.1", self.port(name), context=self.d.ssl_context(), timeout=20)
            else:
                s = smtplib.SMTP("127.0.0.1", self.port(name), timeout=20)
            with s:
                s.ehlo("client.test")
                if tls:
                    s.starttls(context=self.d.ssl_context())
                    s.ehlo("client.test")
                code, text = s.mail("bob@example.com")
                self.assertEqual((code, text[:5]), (530, b"5.7.0"), name)
                code, _ = s.rcpt("victim@elsewhere.example")
                self.assertEqual(code, 503, name)
                # Even to a local user: no AUTH, no transaction on 587/465.
                self.assertEqual(s.rcpt("bob@example.com")[0], 503, name)

    # --- submission with AUTH --------------------------------------------------------------
    def test_submission_starttls_auth_plain(self):
        with smtplib.SMTP("127.0.0.1", self.port("submission"), timeout=20) as s:
            s.ehlo("client.test")
            self.assertFalse(s.has_extn("auth"))
            s.starttls(context=self.d.ssl_context())
            s.ehlo("client.test")
            self.assertEqual(s.esmtp_features["auth"].split(), ["PLAIN", "LOGIN"])
            with self.assertRaises(smtplib.SMTPAuthenticationError) as cm:
                s.login("bob@example.com", "wrong")
            self.assertEqual(cm.exception.smtp_code, 535)
            s.login("bob@example.com", "secret")  # smtplib picks PLAIN
            code, text = s.mail("carol@example.com")
            self.assertEqual((code, text[:5]), (553, b"5.7.1"))
            self.assertEqual(s.mail("bob@example.com")[0], 250)
            self.assertEqual(s.rcpt("anyone@elsewhere.example")[0], 250)  # authenticated: may relay
            s.rset()
            s.sendmail("bob@example.com", ["carol@example.com"],
                       MESSAGE.format(frm="bob@example.com", to="carol@example.com", subject="submitted-plain"))
        text = self.delivered("carol@example.com", "submitted-plain")
        self.assertIn("with ESMTPSA", text)
        self.assertIn("(authenticated as bob@example.com)", text)

    def test_smtps_auth_login(self):
        with smtplib.SMTP_SSL("127.0.0.1", self.port("smtps"), context=self.d.ssl_context(), timeout=20) as s:
            s.ehlo("client.test")
            self.assertFalse(s.has_extn("starttls"))
            s.user, s.password = "carol@example.com", "secret"
            code, _ = s.auth("LOGIN", s.auth_login, initial_response_ok=False)
            self.assertEqual(code, 235)
            s.sendmail("carol@example.com", ["bob@example.com"],
                       MESSAGE.format(frm="carol@example.com", to="bob@example.com", subject="smtps-login"))
        text = self.delivered("bob@example.com", "smtps-login")
        self.assertIn("(authenticated as carol@example.com)", text)
        self.assertRegex(text, r"\(using TLSv1\.3 TLS_\S+\)")

    def test_pipelining_one_write(self):
        c = RawSmtp(self.port("smtp"))
        self.assertTrue(c.reply().startswith(b"220 mail.example.com ESMTP Postroom"))
        c.send(b"EHLO pipe.test\r\nMAIL FROM:<p@remote.example>\r\nRCPT TO:<bob@example.com>\r\n"
               b"RCPT TO:<nobody@example.com>\r\nDATA\r\nSubject: pipelined\r\n\r\nbody\r\n.\r\nQUIT\r\n")
        replies = [c.reply() for _ in range(7)]
        self.assertTrue(replies[0].startswith(b"250-mail.example.com"))
        self.assertEqual([r[:3] for r in replies[1:]], [b"250", b"250", b"550", b"354", b"250", b"221"])
        self.assertTrue(c.closed())
        c.close()
        self.assertIsNotNone(self.delivered("bob@example.com", "pipelined"))

    def test_smuggling_refused(self):
        for trick in (b"\n.\n", b"\r.\r", b"\r\n.\n", b"\n.\r\n"):
            c = RawSmtp(self.port("smtp"))
            c.reply()
            self.assertEqual(c.command(b"EHLO s.test")[:3], b"250")
            self.assertEqual(c.command(b"MAIL FROM:<a@remote.example>")[:3], b"250")
            self.assertEqual(c.command(b"RCPT TO:<bob@example.com>")[:3], b"250")
            self.assertEqual(c.command(b"DATA")[:3], b"354")
            c.send(b"Subject: outer\r\n\r\nx" + trick + b"MAIL FROM:<evil@remote.example>\r\n"
                   b"RCPT TO:<carol@example.com>\r\nDATA\r\nSubject: smuggled\r\n\r\nevil\r\n.\r\n")
            self.assertEqual(c.reply()[:9], b"550 5.6.0", trick)
            self.assertEqual(c.command(b"NOOP")[:9], b"250 2.0.0", trick)  # nothing else was run
            c.close()
        self.assertIsNone(self.delivered("carol@example.com", "smuggled", timeout=1))

    def test_openssl_s_client(self):
        """openssl s_client verifies the certificate on STARTTLS (25, 587) and implicit TLS (465)."""
        for name, extra in (("smtp", ["-starttls", "smtp"]), ("submission", ["-starttls", "smtp"]), ("smtps", [])):
            r = subprocess.run(["openssl", "s_client", "-connect", "127.0.0.1:%d" % self.port(name)] + extra
                               + ["-CAfile", self.d.cert_path, "-verify_return_error", "-verify_hostname",
                                  "mail.example.com", "-quiet"],
                               input="EHLO client.test\r\nQUIT\r\n", capture_output=True, text=True, timeout=30)
            self.assertIn("AUTH PLAIN LOGIN", r.stdout, name + r.stderr)
            self.assertNotIn("STARTTLS", r.stdout, name)
            self.assertIn("221 2.0.0", r.stdout, name)

    def test_starttls_plaintext_injection_discarded(self):
        c = RawSmtp(self.port("smtp"))
        c.reply()
        c.command(b"EHLO inject.test")
        # The MAIL arrives in the same segment as STARTTLS: it must not run after the handshake.
        c.send(b"STARTTLS\r\nMAIL FROM:<injected@remote.example>\r\n")
        self.assertEqual(c.reply()[:9], b"220 2.0.0")
        c.sock = self.d.ssl_context().wrap_socket(c.sock, server_hostname="mail.example.com")
        self.assertEqual(c.command(b"EHLO inject.test")[:4], b"250-")
        # Had the injected MAIL run, this would be 503 (nested MAIL) or its reply would show up here.
        self.assertEqual(c.command(b"MAIL FROM:<a@remote.example>")[:9], b"250 2.1.0")
        self.assertEqual(c.command(b"STARTTLS")[:9], b"503 5.5.1")
        c.close()

    def test_swaks(self):
        base = ["swaks", "--server", "127.0.0.1", "--helo", "swaks.test", "--timeout", "20"]
        r = subprocess.run(base + ["--port", str(self.port("smtp")), "--from", "x@remote.example",
                                   "--to", "bob@example.com", "--header", "Subject: swaks-25"],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIsNotNone(self.delivered("bob@example.com", "swaks-25"))
        r = subprocess.run(base + ["--port", str(self.port("submission")), "--tls", "--auth", "PLAIN",
                                   "--auth-user", "bob@example.com", "--auth-password", "secret",
                                   "--from", "bob@example.com", "--to", "carol@example.com",
                                   "--header", "Subject: swaks-587"], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIsNotNone(self.delivered("carol@example.com", "swaks-587"))
        r = subprocess.run(base + ["--port", str(self.port("smtps")), "--tls-on-connect", "--auth", "LOGIN",
                                   "--auth-user", "carol@example.com", "--auth-password", "secret",
                                   "--from", "carol@example.com", "--to", "bob@example.com",
                                   "--header", "Subject: swaks-465"], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIsNotNone(self.delivered("bob@example.com", "swaks-465"))
        # Relay without AUTH: swaks exits non-zero and says 554 5.7.1.
        r = subprocess.run(base + ["--port", str(self.port("smtp")), "--from", "x@remote.example",
                                   "--to", "victim@elsewhere.example"], capture_output=True, text=True, timeout=60)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("554 5.7.1", r.stdout)


if __name__ == "__main__":
    unittest.main()
