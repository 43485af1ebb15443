"""Real clients against the real postroomd: openssl s_client -starttls imap, curl's imap://
and imaps:// support, and mbsync (Debian's isync) syncing a folder both ways."""
import imaplib
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from postroomtest import PostroomDaemon

USER = "bob@example.com"
PASSWORD = "secret"


def msg(subject, body="hello"):
    return ("From: carol@example.org\r\nTo: bob@example.com\r\nSubject: %s\r\n"
            "Date: Wed, 5 Mar 2025 11:00:00 +0000\r\nMessage-ID: <%s@example.org>\r\n\r\n%s\r\n"
            % (subject, subject.replace(" ", "-"), body)).encode()


def read(path):
    with open(path, "rb") as f:
        return f.read()


class ClientsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.daemon = PostroomDaemon()
        cls.daemon.add_user(USER, PASSWORD)
        cls.tmp = tempfile.mkdtemp(prefix="postroom-imap-clients-")

    @classmethod
    def tearDownClass(cls):
        cls.daemon.cleanup()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def imap(self):
        c = imaplib.IMAP4_SSL("127.0.0.1", self.daemon.ports["imaps"], ssl_context=self.daemon.ssl_context())
        c.login(USER, PASSWORD)
        self.addCleanup(c.logout)
        return c

    def test_openssl_s_client_starttls(self):
        script = b"a LOGIN bob@example.com secret\nb SELECT INBOX\nc LOGOUT\n"
        r = subprocess.run(["openssl", "s_client", "-connect", "127.0.0.1:%d" % self.daemon.ports["imap"],
                            "-starttls", "imap", "-CAfile", self.daemon.cert_path, "-verify_return_error",
                            "-crlf", "-quiet"], input=script, capture_output=True, timeout=30)
        out = r.stdout.decode("utf-8", "replace")
        self.assertIn("a OK", out, r.stderr.decode("utf-8", "replace"))
        self.assertIn("b OK [READ-WRITE]", out)
        self.assertIn("c OK", out)

    def curl(self, *args, upload=None):
        cmd = ["curl", "-sS", "--max-time", "30", "--cacert", self.daemon.cert_path, "-u", "%s:%s" % (USER, PASSWORD)]
        cmd += list(args)
        return subprocess.run(cmd, input=upload, capture_output=True, timeout=40)

    def test_curl(self):
        port = self.daemon.ports["imaps"]
        data = msg("curl upload", "uploaded by curl")
        upload = os.path.join(self.tmp, "upload.eml")
        with open(upload, "wb") as f:
            f.write(data)
        r = self.curl("-T", upload, "imaps://127.0.0.1:%d/INBOX" % port)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.curl("imaps://127.0.0.1:%d/" % port)            # LIST
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"INBOX", r.stdout)
        self.assertIn(b"Sent", r.stdout)
        c = self.imap()
        c.select("INBOX")
        uid = c.uid("SEARCH", "SUBJECT", '"curl upload"')[1][0].split()[-1].decode()
        r = self.curl("imaps://127.0.0.1:%d/INBOX;UID=%s" % (port, uid))   # FETCH BODY[]
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, data)
        # Plain port with STARTTLS required.
        r = self.curl("--ssl-reqd", "imap://127.0.0.1:%d/INBOX;UID=%s" % (self.daemon.ports["imap"], uid))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, data)
        # Without TLS curl cannot log in (LOGINDISABLED).
        r = self.curl("imap://127.0.0.1:%d/INBOX;UID=%s" % (self.daemon.ports["imap"], uid))
        self.assertNotEqual(r.returncode, 0)

    def mbsync(self, local, channel_opts=""):
        rc = os.path.join(self.tmp, "mbsyncrc")
        with open(rc, "w") as f:
            f.write("""IMAPAccount test
Host 127.0.0.1
Port %d
User %s
Pass %s
SSLType IMAPS
CertificateFile %s
AuthMechs LOGIN PLAIN

IMAPStore remote
Account test

MaildirStore local
Path %s/
Inbox %s/INBOX
SubFolders Verbatim

Channel sync
Far :remote:
Near :local:
Patterns INBOX Sync
Create Both
Expunge Both
SyncState *
%s
""" % (self.daemon.ports["imaps"], USER, PASSWORD, self.daemon.cert_path, local, local, channel_opts))
        r = subprocess.run(["mbsync", "-c", rc, "-a"], capture_output=True, timeout=120,
                           env=dict(os.environ, HOME=self.tmp))
        self.assertEqual(r.returncode, 0, (r.stdout + r.stderr).decode("utf-8", "replace"))
        return r

    @staticmethod
    def local_files(path):
        files = []
        for sub in ("new", "cur"):
            d = os.path.join(path, sub)
            if os.path.isdir(d):
                files += [os.path.join(d, f) for f in os.listdir(d)]
        return files

    def test_mbsync_both_ways(self):
        c = self.imap()
        c.create("Sync")
        for i in range(3):
            c.append("Sync", "(\\Seen)" if i == 0 else None, None, msg("server %d" % i))
        local = os.path.join(self.tmp, "mail")
        os.makedirs(local)
        self.mbsync(local)
        files = self.local_files(os.path.join(local, "Sync"))
        self.assertEqual(len(files), 3)
        contents = sorted(re.sub(rb"X-TUID: .*\n", b"", read(f)) for f in files)
        # mbsync keeps local Maildir files with LF line ends (and its X-TUID header).
        self.assertEqual(contents, sorted(msg("server %d" % i).replace(b"\r\n", b"\n") for i in range(3)))
        # Local -> server: a new message and a flag change.
        new_path = os.path.join(local, "Sync", "new", "1700000000.local1.host")
        with open(new_path, "wb") as f:
            f.write(msg("from local"))
        seen_file = [f for f in files if b"server 1" in read(f)][0]
        base = seen_file.split(":2,")[0] if ":2," in seen_file else seen_file
        os.rename(seen_file, os.path.join(local, "Sync", "cur", os.path.basename(base) + ":2,F"))
        self.mbsync(local)
        c.select("Sync")
        self.assertEqual(c.search(None, "ALL")[1][0], b"1 2 3 4")
        self.assertEqual(c.search(None, "SUBJECT", '"from local"')[1][0], b"4")
        flagged = c.search(None, "FLAGGED")[1][0]
        self.assertEqual(flagged, c.search(None, "SUBJECT", '"server 1"')[1][0])
        # Server-side delete reaches the local side.
        c.store("1", "+FLAGS", "(\\Deleted)")
        c.expunge()
        self.mbsync(local)
        self.assertEqual(len(self.local_files(os.path.join(local, "Sync"))), 3)
        # A second run with nothing to do changes nothing.
        self.mbsync(local)
        self.assertEqual(len(self.local_files(os.path.join(local, "Sync"))), 3)


if __name__ == "__main__":
    unittest.main()
