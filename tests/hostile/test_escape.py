"""Escaping the mailbox and the login against the real postroomd: IMAP folder names and API
ids built to leave the user's Maildir (.., /, %2e%2e, modified UTF-7 dots, NUL, CR LF, very
long), STARTTLS injection on IMAP, and JWT forgeries (truncated, huge, algorithm tricks,
a deleted user's token, another user's token). Nothing may be created outside bob's Maildir
(mail_root walked before and after) and no other user's data may come back."""
import base64
import json
import os
import time
import unittest

from hostile import DaemonTest, Imap, all_paths, http_request, api_token

SECRET_SUBJECT = "carol-private-7f3a"

TRICK_NAMES = [
    b"..", b".", b"../x", b"x/..", b"a/../../b", b"INBOX/../../../x", b"INBOX/..", b"/etc/x", b"//x",
    b"%2e%2e", b"%2e%2e/%2e%2e/carol", b"%2E%2E%2F%2E%2E%2Fcarol",
    b"&AC4ALg-", b"&AC4ALg-/&AC4ALg-/carol/Maildir", b"&AC8-etc", b"&AC4ALgAv-x", b"&AFwALgAu-",
    b"..\\..\\x", b"~root", b"~/x", b".x", b"x.", b"a/./b", b"tmp", b"new", b"cur", b"Maildir",
    b"a\x00b", b"..\x00", b"x\r\ny", b"\x7f", b"a" * 300, b"a" * 5000, b"a" * 60000, b"/".join([b"d"] * 300),
    b"../../carol/Maildir", b"../../../example.com/carol/Maildir/.Secret",
]


def literal(name):
    return b"{%d+}\r\n" % len(name) + name


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class EscapeTest(DaemonTest):
    USERS = ("bob@example.com", "carol@example.com")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # paths an escape would create; ones that other programs made before the test are not ours
        cls.escape_targets = [p for p in ("/x", "/etc/x", "/b", "/tmp/x", "/root/x",
                                          os.path.join(os.path.dirname(cls.d.dir), "x")) if not os.path.exists(p)]
        # carol owns a folder and a message that bob must never see
        c = cls.login("carol@example.com")
        c.command('CREATE "Secret"')
        msg = ("Subject: %s\r\n\r\nprivate\r\n" % SECRET_SUBJECT).encode()
        for folder in (b"INBOX", b"Secret"):
            c.send(b"a APPEND " + folder + b" {%d+}\r\n" % len(msg) + msg + b"\r\n")
            assert c.until(b"a")[1].startswith(b"a OK"), "carol's APPEND"
        c.close()
        # bob logs in once so his Maildir exists before the snapshot
        b = cls.login("bob@example.com")
        b.command("SELECT INBOX")
        b.close()
        time.sleep(0.3)

    @classmethod
    def tearDownClass(cls):
        cls.d.cleanup()

    @classmethod
    def login(cls, user):
        c = Imap(cls.d.ports["imaps"], tls_context=cls.d.ssl_context())
        tagged = c.login(user, "secret")
        assert b"OK" in tagged, tagged
        return c

    def bob_maildir(self):
        return os.path.join("mailstore", "example.com", "bob", "Maildir")

    def assert_nothing_outside_bob(self, before):
        after = all_paths(self.d.dir)
        allowed = self.bob_maildir() + os.sep
        outside = sorted(p for p in after - before
                         if not p.startswith(allowed) and not p.startswith(os.path.join("mailstore", "queue"))
                         and p != "postroomd.log")
        self.assertEqual(outside, [])
        # nothing outside the temporary directory either
        for p in self.escape_targets:
            self.assertFalse(os.path.exists(p), p)
        # every folder inside bob's Maildir is one directory level deep (Maildir++), real, not a link
        base = os.path.join(self.d.dir, self.bob_maildir())
        for dirpath, dirnames, _ in os.walk(base):
            for name in dirnames:
                full = os.path.join(dirpath, name)
                self.assertFalse(os.path.islink(full), full)
                self.assertTrue(os.path.realpath(full).startswith(os.path.realpath(base) + os.sep), full)

    # -- IMAP ----------------------------------------------------------------------------------
    def test_imap_folder_names_stay_in_maildir(self):
        before = all_paths(self.d.dir)
        c = self.login("bob@example.com")
        msg = b"Subject: probe\r\n\r\nprobe\r\n"
        c.send(b"a APPEND INBOX {%d+}\r\n" % len(msg) + msg + b"\r\n")
        self.assertTrue(c.until(b"a")[1].startswith(b"a OK"))
        for name in TRICK_NAMES:
            for cmd in (b"CREATE ", b"SELECT ", b"EXAMINE ", b"STATUS ", b"SUBSCRIBE ", b"DELETE ", b"RENAME Missing ",
                        b"LIST \"\" ", b"LIST ", b"APPEND "):
                tag = c.tag()
                tail = {b"STATUS ": b" (MESSAGES UIDNEXT)", b"LIST ": b" \"*\"", b"APPEND ": b" " + literal(msg)}.get(cmd, b"")
                c.send(tag + b" " + cmd + literal(name) + tail + b"\r\n")
                untagged, tagged = c.until(tag)
                self.assertRegex(tagged, rb"^h\d+ (OK|NO|BAD)", (cmd, name[:40]))
                blob = b"\n".join(untagged)
                self.assertNotIn(SECRET_SUBJECT.encode(), blob, (cmd, name[:40]))
                # carol's folder "Secret" never shows up as one of bob's
                self.assertFalse(any(u.startswith(b"* LIST") and u.endswith(b' "Secret"') for u in untagged),
                                 (cmd, name[:40]))
                if cmd in (b"SELECT ", b"EXAMINE ") and tagged.split()[1] == b"OK":
                    # whatever a trick name selects, it is none of carol's folders
                    fetched, _ = c.command("FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
                    self.assertNotIn(SECRET_SUBJECT.encode(), b"".join(fetched), name[:40])
                    c.command("UNSELECT")
            # copy/move into the trick name and rename INBOX's child to it
            c.command("SELECT INBOX")
            for cmd in (b"UID COPY 1:* ", b"UID MOVE 1:* "):
                tag = c.tag()
                c.send(tag + b" " + cmd + literal(name) + b"\r\n")
                self.assertRegex(c.until(tag)[1], rb"^h\d+ (OK|NO|BAD)")
            c.command("UNSELECT")
        # the connection survived all of it
        self.assertIn(b"OK", c.command("NOOP")[1])
        c.close()
        self.assert_nothing_outside_bob(before)
        # carol's data is untouched
        carol = self.login("carol@example.com")
        untagged, tagged = carol.command("STATUS Secret (MESSAGES)")
        self.assertIn(b"MESSAGES 1", b"".join(untagged))
        carol.close()

    def test_imap_starttls_injection_variants(self):
        ctx = self.d.ssl_context()
        # 1. plaintext bytes sent after the server's OK but before the TLS handshake: they are
        #    part of no command; the handshake fails or the bytes are dropped, never executed.
        c = Imap(self.d.ports["imap"])
        c.send(b"a STARTTLS\r\n")
        self.assertTrue(c.read_line().startswith(b"a OK"))
        c.send(b"b LOGIN bob@example.com secret\r\nc CREATE Injected\r\n")
        try:
            c.starttls(ctx)
            c.buf = b""
            untagged, tagged = c.command("CAPABILITY")
            self.assertTrue(tagged.startswith(b"h1 "), tagged)
            _, tagged = c.command("SELECT INBOX")
            self.assertIn(b"BAD", tagged)  # not logged in
        except (OSError, EOFError):
            pass  # refusing the garbled handshake is fine
        c.close()
        # 2. a second STARTTLS inside TLS, and STARTTLS on the implicit-TLS port
        s = Imap(self.d.ports["imaps"], tls_context=ctx)
        self.assertIn(b"BAD", s.command("STARTTLS")[1])
        s.close()
        # 3. a response-looking injection in the same segment as STARTTLS
        c = Imap(self.d.ports["imap"])
        c.send(b"a STARTTLS\r\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\nb NOOP\r\n")
        self.assertTrue(c.read_line().startswith(b"a OK"))
        c.starttls(ctx)
        c.buf = b""
        _, tagged = c.command("NOOP")
        self.assertTrue(tagged.startswith(b"h1 OK"), tagged)
        c.close()
        b = self.login("bob@example.com")
        untagged, _ = b.command('LIST "" "*"')
        self.assertFalse(any(b"Injected" in u for u in untagged))
        b.close()

    # -- API ids --------------------------------------------------------------------------------
    def test_api_ids_stay_in_maildir(self):
        port = self.d.ports["http"]
        status, token = api_token(port, "bob@example.com")
        self.assertEqual(status, 200)
        auth = {"Authorization": "Bearer " + token}
        before = all_paths(self.d.dir)
        ids = ["..", "..%2F..", "%2e%2e", "%2e%2e%2f%2e%2e%2fcarol", "%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
               "..%5C..", "%00", "a%00b", "inbox%2F..%2F..", "inbox/../../carol", "%252e%252e", "~root",
               ".Secret", "..%2F..%2Fcarol%2FMaildir%2F.Secret", "a" * 3000, "%2e" * 1000]
        for i in ids:
            for path in ("/api/v1/me/mailFolders/%s" % i, "/api/v1/me/mailFolders/%s/messages" % i,
                         "/api/v1/me/mailFolders/%s/childFolders" % i, "/api/v1/me/messages/%s" % i,
                         "/api/v1/me/messages/%s/$value" % i, "/api/v1/me/messages/%s/attachments" % i,
                         "/api/v1/me/messages/%s/attachments/%s" % (i, i)):
                status, _, body = http_request(port, "GET", path, headers=auth)
                self.assertIn(status, (400, 404, 405, 414, 431), (path[:80], body[:200]))
                self.assertNotIn(SECRET_SUBJECT.encode(), body)
                self.assertNotIn(b"root:", body)
        for name in ["..", "../x", "a/b", "%2e%2e", "../../carol/Maildir/.Secret", "x\u0000y", "a" * 5000,
                     "/".join(["d"] * 200), ".", "..\\x"]:
            status, _, _ = http_request(port, "POST", "/api/v1/me/mailFolders", {"displayName": name}, headers=auth)
            self.assertIn(status, (201, 400, 409, 413), name[:40])
            status, _, _ = http_request(port, "POST", "/api/v1/me/mailFolders/inbox/childFolders",
                                        {"displayName": name}, headers=auth)
            self.assertIn(status, (201, 400, 409, 413), name[:40])
        status, _, body = http_request(port, "GET", "/api/v1/me/messages?$top=1000", headers=auth)
        self.assertEqual(status, 200)
        self.assertNotIn(SECRET_SUBJECT.encode(), body)
        self.assert_nothing_outside_bob(before)

    # -- JWT ----------------------------------------------------------------------------------------
    def test_jwt_forgeries_get_401_never_data(self):
        port = self.d.ports["http"]
        with open(os.path.join(self.d.mail_root, "api-token-secret")) as f:
            key = bytes.fromhex(f.read().strip())
        import hashlib
        import hmac
        now = int(time.time())

        def sign(header, payload, k=key, alg=hashlib.sha256):
            si = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(payload).encode())
            return si + "." + b64url(hmac.new(k, si.encode(), alg).digest())

        good = {"sub": "bob@example.com", "scope": "mail", "iat": now, "nbf": now, "exp": now + 600}
        control = sign({"alg": "HS256", "typ": "JWT"}, good)
        status, _, body = http_request(port, "GET", "/api/v1/me", headers={"Authorization": "Bearer " + control})
        self.assertEqual(status, 200, body)
        _, real = api_token(port, "bob@example.com")
        _, carol = api_token(port, "carol@example.com")
        unsigned = control.rsplit(".", 1)[0]
        cases = {
            "alg None": sign({"alg": "None"}, good, b"").rsplit(".", 1)[0] + ".",
            "alg NONE signed": sign({"alg": "NONE"}, good),
            "alg none with sig": unsigned.replace(unsigned.split(".")[0], b64url(b'{"alg":"none"}')) + "." +
                                 control.rsplit(".", 1)[1],
            "alg HS512": sign({"alg": "HS512"}, good, alg=hashlib.sha512),
            "alg RS256 hmac": sign({"alg": "RS256"}, good),
            "alg missing": sign({"typ": "JWT"}, good),
            "empty key": sign({"alg": "HS256"}, good, b""),
            "expired": sign({"alg": "HS256"}, dict(good, exp=now - 1)),
            "exp string": sign({"alg": "HS256"}, dict(good, exp=str(now + 600))),
            "exp missing": sign({"alg": "HS256"}, {k: v for k, v in good.items() if k != "exp"}),
            "nbf future": sign({"alg": "HS256"}, dict(good, nbf=now + 600)),
            "sub list": sign({"alg": "HS256"}, dict(good, sub=["bob@example.com"])),
            "sub case trick": sign({"alg": "HS256"}, dict(good, sub="bob@example.com\u0000carol@example.com")),
            "two dots only": unsigned + ".",
            "four parts": control + ".x",
            "bad base64": control[:-3] + "!!!",
            "header not json": b64url(b"{alg:HS256") + "." + control.split(".", 1)[1],
            "padding added": control + "==",
            "whitespace": control[:20] + " " + control[20:],
        }
        for cut in (1, 10, len(real) // 2, len(real) - 1, len(real) - 10):
            cases["truncated %d" % cut] = real[:cut]
            cases["truncated tail %d" % cut] = real[cut:]
        cases["huge 6k"] = real + "A" * 6000
        cases["huge claims"] = sign({"alg": "HS256"}, dict(good, pad="x" * 5000))
        for name, token in cases.items():
            status, headers, body = http_request(port, "GET", "/api/v1/me", headers={"Authorization": "Bearer " + token})
            self.assertEqual(status, 401, (name, body[:200]))
            self.assertNotIn(b"bob@example.com", body, name)
        # far too big for a request head: refused as such (431), still no data
        status, _, body = http_request(port, "GET", "/api/v1/me", headers={"Authorization": "Bearer " + real + "A" * 2000000})
        self.assertIn(status, (401, 431), body[:200])
        self.assertNotIn(b"bob@example.com", body)
        # another user's token shows that user only, never bob
        status, _, body = http_request(port, "GET", "/api/v1/me/messages?$top=1000", headers={"Authorization": "Bearer " + carol})
        self.assertEqual(status, 200)
        self.assertIn(SECRET_SUBJECT.encode(), body)
        status, _, body = http_request(port, "GET", "/api/v1/me/messages?$top=1000", headers={"Authorization": "Bearer " + real})
        self.assertEqual(status, 200)
        self.assertNotIn(SECRET_SUBJECT.encode(), body)
        # a deleted user's still-unexpired token is dead
        self.d.add_user("dave@example.com", "secret")
        _, dave = api_token(port, "dave@example.com")
        self.assertEqual(http_request(port, "GET", "/api/v1/me", headers={"Authorization": "Bearer " + dave})[0], 200)
        r = self.d.run_cli(["user", "remove", "dave@example.com"], input="y\n")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        time.sleep(0.5)
        status, _, body = http_request(port, "GET", "/api/v1/me", headers={"Authorization": "Bearer " + dave})
        self.assertEqual(status, 401, body[:200])


if __name__ == "__main__":
    unittest.main()
