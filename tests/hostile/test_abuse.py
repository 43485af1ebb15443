"""Abuse against the real postroomd: brute force earned on IMAP locks the IP out of SMTP and
the API while another IP (127.0.0.2) logs in fine, slow and flooding clients from one IP do
not keep another IP out, and huge inputs (10 MB lines, 2 GB literals, a million header
fields, 1000 nested MIME levels) get an error or a correct answer with bounded memory."""
import socket
import ssl
import threading
import time
import unittest

from postroomtest import PostroomDaemon, assert_memory_below, memory_kib
from hostile import (OTHER_IP, DaemonTest, Imap, Smtp, api_token, auth_plain, connect, http_request,
                     serves, wait_until)


class BruteForceTest(unittest.TestCase):
    LOCKOUT = 6

    def test_imap_failures_lock_ip_out_everywhere_but_not_other_ip(self):
        overrides = {"rate_limit": {"whitelist": [], "auth_failure_limit": 3, "auth_failure_lockout": self.LOCKOUT,
                                    "max_concurrent_per_ip": 50, "connection_rate": 1000}}
        with PostroomDaemon(config_overrides=overrides) as d:
            d.add_user("bob@example.com", "secret")
            ctx = d.ssl_context()

            def imap_login(source):
                c = Imap(d.ports["imaps"], source=source, tls_context=ctx)
                tagged = c.login("bob@example.com", "secret")
                c.close()
                return tagged

            def smtp_auth(source):
                s = Smtp(d.ports["smtps"], source=source, tls_context=ctx)
                s.ehlo()
                code, _ = s.command("AUTH PLAIN " + auth_plain("bob@example.com", "secret"))
                s.close()
                return code

            c = Imap(d.ports["imaps"], tls_context=ctx)
            for _ in range(3):
                self.assertIn(b"NO", c.login("bob@example.com", "wrong"))
            c.close()
            locked_at = time.time()
            # locked out on all three protocols, with the right password
            self.assertIn(b"NO", imap_login(None))
            self.assertEqual(smtp_auth(None), 454)
            status, _ = api_token(d.ports["http"], "bob@example.com")
            self.assertEqual(status, 429)
            # another IP is not affected
            self.assertIn(b"OK", imap_login(OTHER_IP))
            self.assertEqual(smtp_auth(OTHER_IP), 235)
            status, token = api_token(d.ports["http"], "bob@example.com", source=OTHER_IP)
            self.assertEqual(status, 200)
            # the lockout ends after auth_failure_lockout seconds
            time.sleep(max(0.0, locked_at + self.LOCKOUT + 1 - time.time()))
            self.assertIn(b"OK", imap_login(None))
            self.assertEqual(smtp_auth(None), 235)
            self.assertEqual(api_token(d.ports["http"], "bob@example.com")[0], 200)

    def test_api_and_smtp_failures_count_too(self):
        overrides = {"rate_limit": {"whitelist": [], "auth_failure_limit": 4, "auth_failure_lockout": 60,
                                    "max_concurrent_per_ip": 50, "connection_rate": 1000}}
        with PostroomDaemon(config_overrides=overrides) as d:
            d.add_user("bob@example.com", "secret")
            ctx = d.ssl_context()
            # two failures over the API, two over SMTP: together they reach the limit
            for _ in range(2):
                self.assertEqual(api_token(d.ports["http"], "bob@example.com", "wrong")[0], 401)
            s = Smtp(d.ports["smtps"], tls_context=ctx)
            s.ehlo()
            for _ in range(2):
                self.assertEqual(s.command("AUTH PLAIN " + auth_plain("bob@example.com", "wrong"))[0], 535)
            s.close()
            c = Imap(d.ports["imaps"], tls_context=ctx)
            self.assertIn(b"NO", c.login("bob@example.com", "secret"))
            c.close()
            c = Imap(d.ports["imaps"], source=OTHER_IP, tls_context=ctx)
            self.assertIn(b"OK", c.login("bob@example.com", "secret"))
            c.close()


class FloodTest(DaemonTest):
    PER_IP = 4
    OVERRIDES = {"rate_limit": {"whitelist": [], "max_concurrent_per_ip": PER_IP, "connection_rate": 100000}}

    def admitted_now(self):
        s = Smtp(self.d.ports["smtp"])
        s.close()
        return s.greeting[0] == 220

    def deliver_from_other_ip(self, subject):
        start = time.time()
        s = Smtp(self.d.ports["smtp"], source=OTHER_IP, timeout=10)
        self.assertEqual(s.greeting[0], 220)
        s.ehlo()
        code, _ = s.deliver("a@remote.example", ["bob@example.com"], ("Subject: %s\r\n\r\nhi\r\n" % subject).encode())
        s.command("QUIT")
        s.close()
        self.assertEqual(code, 250)
        return time.time() - start

    def test_slow_clients_from_one_ip_do_not_keep_others_out(self):
        stop = threading.Event()
        slow = []
        self.assertTrue(wait_until(lambda: self.admitted_now(), 10))  # earlier tests' connections are gone
        for i in range(self.PER_IP):
            kind = ("smtp", "imap", "http", "smtp")[i]
            sock = connect(self.d.ports[kind])
            if kind != "http":
                sock.settimeout(10)
                greeting = sock.recv(1000)
                self.assertRegex(greeting, rb"^(220 |\* OK)", kind)
            slow.append((kind, sock))
        time.sleep(0.2)

        def drip():
            # a byte at a time, never finishing a line (bounded: at most 8 s)
            deadline = time.time() + 8
            while not stop.is_set() and time.time() < deadline:
                for _, sock in slow:
                    try:
                        sock.send(b"N")
                    except OSError:
                        pass
                time.sleep(0.25)

        t = threading.Thread(target=drip)
        t.start()
        try:
            time.sleep(0.5)
            # this IP is at max_concurrent_per_ip on every protocol
            s = Smtp(self.d.ports["smtp"])
            self.assertEqual(s.greeting[0], 421, s.greeting)
            s.close()
            i = Imap(self.d.ports["imap"])
            self.assertTrue(i.greeting.startswith(b"* BYE"), i.greeting)
            i.close()
            try:
                status, _, _ = http_request(self.d.ports["http"], "GET", "/healthz", timeout=5)
                self.assertNotEqual(status, 200)
            except (ConnectionError, OSError, socket.timeout):
                pass  # closed without an answer: refused too
            # another IP is served promptly on every protocol
            self.assertLess(self.deliver_from_other_ip("while slowloris"), 3.0)
            self.assertTrue(serves(self.d, OTHER_IP))
        finally:
            stop.set()
            t.join()
            for _, sock in slow:
                sock.close()
        # once they are gone this IP is served again
        self.assertTrue(wait_until(self.admitted_now, 5))

    def test_connection_flood_is_limited_per_ip(self):
        admitted = refused = 0
        socks = []
        errors = []

        def flood():
            nonlocal admitted, refused
            for _ in range(150):
                try:
                    s = Smtp(self.d.ports["smtp"], timeout=10)
                except OSError as e:
                    errors.append(e)
                    continue
                if s.greeting[0] == 220:
                    admitted += 1
                    socks.append(s)
                else:
                    refused += 1
                    s.close()

        t = threading.Thread(target=flood)
        t.start()
        latency = self.deliver_from_other_ip("during flood")
        t.join()
        try:
            self.assertLessEqual(admitted, self.PER_IP)
            self.assertGreaterEqual(refused, 150 - self.PER_IP - len(errors))
            self.assertLess(latency, 3.0)
            self.assertEqual(len(self.d.wait_for_messages("bob@example.com", 1)) >= 1, True)
            self.assertTrue(serves(self.d, OTHER_IP))
        finally:
            for s in socks:
                s.close()


class HugeInputTest(DaemonTest):
    """Each oversized input on its own; RSS figures printed so the report can quote them."""
    OVERRIDES = {"smtp": {"max_message_size": 52428800}}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pid = cls.d.process.pid

    def rss(self):
        return memory_kib(self.pid)

    def assert_bounded(self, label, before, limit_mib):
        after = self.rss()
        grown = (after["VmHWM"] - before["VmHWM"]) / 1024.0
        print("\n[%s] VmRSS %d KiB, VmHWM %d KiB (HWM grew %.1f MiB)" % (label, after["VmRSS"], after["VmHWM"], grown))
        assert_memory_below(self, grown, limit_mib, label)
        self.assertTrue(serves(self.d), label)

    def find_uid(self, imap, subject, timeout=60):
        """UID of the one message with this subject in the selected folder (delivery is asynchronous)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            untagged, _ = imap.command("UID SEARCH SUBJECT " + subject)
            uids = b"".join(u for u in untagged if u.startswith(b"* SEARCH")).split()[2:]
            if uids:
                self.assertEqual(len(uids), 1, untagged)
                return uids[0].decode()
            time.sleep(0.1)
        self.fail("message %r never arrived" % subject)

    def send_big(self, sock, head, size, tail=b""):
        """Sends head + size bytes of 'x' + tail; stops quietly when the server closes."""
        chunk = b"x" * 65536
        try:
            sock.sendall(head)
            sent = 0
            while sent < size:
                sock.sendall(chunk[:min(len(chunk), size - sent)])
                sent += len(chunk)
            sock.sendall(tail)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass

    def test_10mb_smtp_command_line(self):
        before = self.rss()
        s = Smtp(self.d.ports["smtp"])
        self.send_big(s.sock, b"EHLO ", 10 * 1024 * 1024, b"\r\n")
        code, text = s.reply()
        self.assertTrue(code == 0 or 500 <= code < 600, text[:200])
        s.close()
        self.assert_bounded("smtp 10 MB line", before, 24)

    def test_10mb_imap_command_line(self):
        before = self.rss()
        c = Imap(self.d.ports["imap"])
        self.send_big(c.sock, b"a1 NOOP ", 10 * 1024 * 1024, b"\r\n")
        try:
            line = c.read_line()
            self.assertRegex(line, rb"^(a1 BAD|\* BYE)")
        except (EOFError, ConnectionResetError):
            pass
        c.close()
        self.assert_bounded("imap 10 MB line", before, 24)

    def test_2gb_literals_announced(self):
        before = self.rss()
        c = Imap(self.d.ports["imaps"], tls_context=self.d.ssl_context())
        self.assertIn(b"OK", c.login("bob@example.com", "secret"))
        # synchronizing: refused at once, no continuation
        for cmd in (b"APPEND INBOX {2147483648}", b"SEARCH TEXT {2147483648}", b"SELECT {2147483648}",
                    b"APPEND INBOX {99999999999999999999999}", b"APPEND INBOX (\\Seen) {4294967296}"):
            tag = c.tag()
            c.send(tag + b" " + cmd + b"\r\n")
            line = c.read_line()
            self.assertFalse(line.startswith(b"+"), cmd)
            self.assertRegex(line, rb"^(h\d+ (BAD|NO)|\* BYE)", cmd)
            if line.startswith(b"* BYE"):
                c.close()
                c = Imap(self.d.ports["imaps"], tls_context=self.d.ssl_context())
                c.login("bob@example.com", "secret")
        c.close()
        # non-synchronizing: the server gets 20 MB of it and must neither buffer it nor stall others
        for cmd in (b"a APPEND INBOX {2147483648+}\r\n", b"a SEARCH TEXT {2147483648+}\r\n"):
            c = Imap(self.d.ports["imaps"], tls_context=self.d.ssl_context())
            self.assertIn(b"OK", c.login("bob@example.com", "secret"))
            self.send_big(c.sock, cmd, 20 * 1024 * 1024)
            self.assertTrue(serves(self.d), cmd)
            c.close()
        self.assert_bounded("imap 2 GB literals", before, 24)

    def test_million_header_fields_over_smtp(self):
        before = self.rss()
        fields = b"".join(b"X-F%d: v\r\n" % (i % 10) for i in range(1000000))
        body = b"Subject: million\r\nMessage-ID: <million@test>\r\n" + fields + b"\r\nmillion body\r\n"
        self.assertLess(len(body), 52428800)
        s = Smtp(self.d.ports["smtp"], timeout=120)
        s.ehlo()
        code, text = s.deliver("a@remote.example", ["bob@example.com"], body)
        s.close()
        self.assertTrue(code == 250 or 500 <= code < 600, text)
        if code == 250:
            c = Imap(self.d.ports["imaps"], tls_context=self.d.ssl_context(), timeout=120)
            c.login("bob@example.com", "secret")
            untagged, tagged = c.command("SELECT INBOX")
            self.assertIn(b"OK", tagged)
            uid = self.find_uid(c, "million")
            for item in ("BODYSTRUCTURE", "ENVELOPE", "BODY.PEEK[HEADER.FIELDS (SUBJECT)]", "RFC822.SIZE"):
                untagged, tagged = c.command("UID FETCH %s (%s)" % (uid, item))
                self.assertRegex(tagged, rb"^h\d+ (OK|NO)", item)
                if item.startswith("BODY.PEEK"):
                    self.assertIn(b"Subject: million", b"".join(untagged))
            c.close()
            status, token = api_token(self.d.ports["http"], "bob@example.com")
            status, _, body = http_request(self.d.ports["http"], "GET", "/api/v1/me/messages",
                                           headers={"Authorization": "Bearer " + token}, timeout=120)
            self.assertIn(status, (200, 500, 503))
        self.assert_bounded("1M header fields", before, 100)

    def test_1000_nested_mime_levels(self):
        before = self.rss()
        depth = 1000
        head = b"Subject: nested\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n"
        parts = [head]
        for i in range(1, depth):
            parts.append(b"--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n" % (i - 1, i))
        parts.append(b"--b%d\r\nContent-Type: text/plain\r\n\r\ndeepest\r\n--b%d--\r\n" % (depth - 1, depth - 1))
        for i in range(depth - 2, -1, -1):
            parts.append(b"--b%d--\r\n" % i)
        s = Smtp(self.d.ports["smtp"])
        s.ehlo()
        code, text = s.deliver("a@remote.example", ["bob@example.com"], b"".join(parts))
        s.close()
        self.assertEqual(code, 250, text)
        c = Imap(self.d.ports["imaps"], tls_context=self.d.ssl_context(), timeout=60)
        c.login("bob@example.com", "secret")
        c.command("SELECT INBOX")
        uid = self.find_uid(c, "nested")
        for item in ("BODYSTRUCTURE", "BODY", "BODY.PEEK[1.1.1.1.1]", "BODY.PEEK[%s]" % ".".join(["1"] * 200),
                     "BINARY.PEEK[1]"):
            untagged, tagged = c.command("UID FETCH %s (%s)" % (uid, item))
            self.assertRegex(tagged, rb"^h\d+ (OK|NO|BAD)", item)
            if item == "BODYSTRUCTURE":
                self.assertRegex(tagged, rb"^h\d+ OK")
                # a well-formed answer: balanced parentheses
                blob = b"".join(untagged)
                self.assertEqual(blob.count(b"("), blob.count(b")"))
                self.assertIn(b"MIXED", blob.upper())
                print("\n[nested] BODYSTRUCTURE %d bytes, %d multipart/mixed entries" % (len(blob), blob.lower().count(b'"mixed"')))
        c.close()
        status, token = api_token(self.d.ports["http"], "bob@example.com")
        status, _, body = http_request(self.d.ports["http"], "GET", "/api/v1/me/messages?$top=100",
                                       headers={"Authorization": "Bearer " + token})
        self.assertEqual(status, 200)
        self.assert_bounded("1000 nested MIME levels", before, 64)


if __name__ == "__main__":
    unittest.main()
