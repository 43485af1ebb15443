"""Slow clients against the real postroomd with protocol timeouts of a few seconds
(smtp.command_timeout, smtp.data_timeout, imap.autologout_timeout, exchange_api.idle_timeout):
clients trickling a byte at a time are closed at the timeout on every protocol (SMTP 421 4.4.2,
IMAP * BYE Autologout, the API just closes or answers 408), because the command timeouts are a
deadline for a whole command, not for one byte; a slow but steady DATA upload and clients that
pause between whole commands are not cut; TLS handshakes trickled on the implicit-TLS ports are
dropped at the same timeouts; another client is served during the attack.
All clients run at once, so the test takes about 15 s."""
import http.client
import select
import threading
import time
import unittest

from hostile import DaemonTest, Imap, Smtp, connect, http_request

TIMEOUT = 4  # seconds, every protocol
SLOW = 5.0   # a byte every SLOW seconds: slower than the timeout
STEADY = 1.0  # a byte a second: never silent for as long as the timeout
LIMIT = 14   # no client is watched longer than this
# The start of a TLS ClientHello announcing a 200-byte record: the server waits for the rest.
CLIENT_HELLO = b"\x16\x03\x01\x00\xc8\x01\x00\x00\xc4\x03\x03" + b"\x00" * 189


def drip(sock, payload, interval, limit=LIMIT):
    """Sends payload one byte per interval (cycling), collecting what the server sends.
    An empty payload sends nothing. Returns (received, seconds until the server closed or
    None if still open at limit)."""
    start = time.time()
    got = b""
    i = 0
    next_send = start
    while time.time() - start < limit:
        if payload and time.time() >= next_send:
            try:
                sock.send(payload[i % len(payload):i % len(payload) + 1])
            except OSError:
                return got, time.time() - start
            i += 1
            next_send += interval
        wait = max(0.0, min(next_send if payload else start + limit, start + limit) - time.time())
        readable, _, _ = select.select([sock], [], [], wait)
        if readable:
            try:
                chunk = sock.recv(65536)
            except OSError:
                chunk = b""
            if not chunk:
                return got, time.time() - start
            got += chunk
    return got, None


class SlowlorisTest(DaemonTest):
    OVERRIDES = {"smtp": {"command_timeout": TIMEOUT, "data_timeout": TIMEOUT},
                 "imap": {"autologout_timeout": TIMEOUT},
                 "exchange_api": {"idle_timeout": TIMEOUT}}

    # --- the attackers and the patient clients, each returns a dict of what it saw ---

    def smtp_drip(self, payload, interval):
        s = Smtp(self.d.ports["smtp"], timeout=LIMIT + 5)
        got, closed = drip(s.sock, payload, interval)
        s.close()
        return {"got": got, "closed": closed}

    def smtp_data(self, interval):
        """A message whose body arrives a byte per interval; then the final dot."""
        s = Smtp(self.d.ports["smtp"], timeout=LIMIT + 5)
        s.ehlo()
        self.assertEqual(s.command("MAIL FROM:<slow@remote.example>")[0], 250)
        self.assertEqual(s.command("RCPT TO:<bob@example.com>")[0], 250)
        self.assertEqual(s.command("DATA")[0], 354)
        got, closed = drip(s.sock, b"Subject: slow data\r\n\r\nslow", interval, limit=2 * TIMEOUT)
        final = None
        if closed is None:
            s.send(b"\r\n.\r\n")
            final = s.reply()[0]
        s.close()
        return {"got": got, "closed": closed, "final": final}

    def imap_drip(self, payload, interval, login):
        c = (Imap(self.d.ports["imaps"], tls_context=self.d.ssl_context(), timeout=LIMIT + 5) if login
             else Imap(self.d.ports["imap"], timeout=LIMIT + 5))
        if login:
            self.assertIn(b" OK ", c.login("bob@example.com", "secret"))
        got, closed = drip(c.sock, payload, interval)
        c.close()
        return {"got": got, "closed": closed}

    def http_drip(self, interval, payload=b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200):
        sock = connect(self.d.ports["http"], timeout=LIMIT + 5)
        got, closed = drip(sock, payload, interval)
        sock.close()
        return {"got": got, "closed": closed}

    def tls_drip(self, port_name):
        """A TLS handshake trickled a byte a second on an implicit-TLS port."""
        sock = connect(self.d.ports[port_name], timeout=LIMIT + 5)
        got, closed = drip(sock, CLIENT_HELLO, STEADY)
        sock.close()
        return {"got": got, "closed": closed}

    def patient_smtp(self):
        """Whole commands with pauses shorter than the timeout: never cut."""
        s = Smtp(self.d.ports["smtp"], timeout=LIMIT + 5)
        codes = [s.ehlo()[0]]
        for _ in range(5):
            time.sleep(TIMEOUT / 2)
            codes.append(s.command("NOOP")[0])
        s.command("QUIT")
        s.close()
        return {"codes": codes}

    def patient_imap(self):
        c = Imap(self.d.ports["imaps"], tls_context=self.d.ssl_context(), timeout=LIMIT + 5)
        results = [c.login("bob@example.com", "secret").split()[1]]
        for _ in range(5):
            time.sleep(TIMEOUT / 2)
            results.append(c.command("NOOP")[1].split()[1])
        c.close()
        return {"results": results}

    def patient_http(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.d.ports["http"], timeout=LIMIT + 5)
        statuses = []
        try:
            for _ in range(5):
                conn.request("GET", "/healthz")
                r = conn.getresponse()
                r.read()
                statuses.append(r.status)
                time.sleep(TIMEOUT / 2)
        finally:
            conn.close()
        return {"statuses": statuses}

    def served(self, subject):
        """Seconds another client needs for a delivery, an IMAP login and a health check."""
        start = time.time()
        s = Smtp(self.d.ports["smtp"], timeout=10)
        s.ehlo()
        code, _ = s.deliver("other@remote.example", ["bob@example.com"],
                            ("Subject: %s\r\n\r\nhello\r\n" % subject).encode())
        s.command("QUIT")
        s.close()
        self.assertEqual(code, 250)
        c = Imap(self.d.ports["imaps"], tls_context=self.d.ssl_context(), timeout=10)
        self.assertIn(b" OK ", c.login("bob@example.com", "secret"))
        c.command("LOGOUT")
        c.close()
        self.assertEqual(http_request(self.d.ports["http"], "GET", "/healthz", timeout=10)[0], 200)
        return time.time() - start

    def assertClosedAtTimeout(self, result, name):
        closed = result["closed"]
        self.assertIsNotNone(closed, "%s: still open after %d s (%r)" % (name, LIMIT, result["got"][-200:]))
        self.assertGreater(closed, TIMEOUT - 0.5, name)
        self.assertLess(closed, TIMEOUT + 3, name)

    def test_trickling_clients_are_closed_at_the_timeouts(self):
        jobs = {
            "smtp slow": lambda: self.smtp_drip(b"NOOP\r\n", SLOW),
            "smtp steady": lambda: self.smtp_drip(b"NOOP\r\n", STEADY),
            "smtp data slow": lambda: self.smtp_data(SLOW),
            "smtp data steady": lambda: self.smtp_data(STEADY),
            "imap slow": lambda: self.imap_drip(b"a NOOP\r\n", SLOW, login=False),
            "imap steady": lambda: self.imap_drip(b"a NOOP\r\n", STEADY, login=True),
            "http silent": lambda: self.http_drip(SLOW, payload=b""),
            "http slow": lambda: self.http_drip(SLOW),
            "http steady": lambda: self.http_drip(STEADY),
            "smtps handshake": lambda: self.tls_drip("smtps"),
            "imaps handshake": lambda: self.tls_drip("imaps"),
            "https handshake": lambda: self.tls_drip("https"),
            "patient smtp": self.patient_smtp,
            "patient imap": self.patient_imap,
            "patient http": self.patient_http,
        }
        results, failures = {}, {}

        def run(name, job):
            try:
                results[name] = job()
            except Exception as e:  # reported below with the job's name
                failures[name] = repr(e)

        threads = [threading.Thread(target=run, args=item) for item in jobs.items()]
        for t in threads:
            t.start()
        time.sleep(TIMEOUT / 2)
        during = [self.served("during slowloris 1")]
        time.sleep(TIMEOUT)
        during.append(self.served("during slowloris 2"))
        for t in threads:
            t.join(LIMIT + 10)
        self.assertEqual(failures, {})

        # SMTP: a command must be complete within the timeout, however steady the trickle.
        for name in ("smtp slow", "smtp steady"):
            r = results[name]
            self.assertClosedAtTimeout(r, name)
            self.assertIn(b"421 4.4.2 ", r["got"], name)
            self.assertNotIn(b"250", r["got"], name)  # the 6-byte NOOP never got through
        # DATA: silence longer than the timeout closes; a steady slow upload is accepted.
        self.assertClosedAtTimeout(results["smtp data slow"], "smtp data slow")
        self.assertIn(b"421 4.4.2 ", results["smtp data slow"]["got"])
        self.assertIsNone(results["smtp data steady"]["closed"])
        self.assertEqual(results["smtp data steady"]["final"], 250)
        # IMAP: before and after login.
        for name in ("imap slow", "imap steady"):
            r = results[name]
            self.assertClosedAtTimeout(r, name)
            self.assertRegex(r["got"], rb"\* BYE [^\r\n]*Autologout", name)
            self.assertNotIn(b"a OK", r["got"], name)
        # API: silence closes without a word; a head that does not complete in time gets 408
        # (a byte every SLOW seconds meets both limits at once: either answer is right).
        self.assertClosedAtTimeout(results["http silent"], "http silent")
        self.assertEqual(results["http silent"]["got"], b"")
        self.assertClosedAtTimeout(results["http slow"], "http slow")
        self.assertRegex(results["http slow"]["got"], rb"^(HTTP/1.1 408 |$)")
        self.assertClosedAtTimeout(results["http steady"], "http steady")
        self.assertTrue(results["http steady"]["got"].startswith(b"HTTP/1.1 408"), results["http steady"]["got"][:80])
        # A TLS handshake trickled on an implicit-TLS port is dropped at the same timeouts.
        for name in ("smtps handshake", "imaps handshake", "https handshake"):
            self.assertClosedAtTimeout(results[name], name)
        # Clients that send whole commands with pauses shorter than the timeout are served.
        self.assertEqual(results["patient smtp"]["codes"], [250] * 6)
        self.assertEqual(results["patient imap"]["results"], [b"OK"] * 6)
        self.assertEqual(results["patient http"]["statuses"], [200] * 5)
        # Others were served promptly during the attack, and their mail arrived.
        for seconds in during:
            self.assertLess(seconds, 3.0)
        self.assertGreaterEqual(len(self.d.wait_for_messages("bob@example.com", 3)), 3)


if __name__ == "__main__":
    unittest.main()
