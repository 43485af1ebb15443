"""Dovecot reads the Maildir that postroomd wrote (issue 3, "Done when"): mail delivered over
SMTP and IMAP APPEND, flags and keywords set over IMAP, a UTF-8 subfolder; then Debian's Dovecot
(its imap binary in preauth mode on stdin/stdout, a private config, no system service) runs on a
copy of the tree and must list the same folders, messages (byte for byte) and flags. The other
way too: what Dovecot changes on the copy, a second postroomd started on it sees.
Dovecot keeps its own UIDs (dovecot-uidlist); docs/maildir-layout.md says so, so UIDs are not
compared, messages are matched by content."""
import base64
import imaplib
import os
import re
import shutil
import smtplib
import subprocess
import tempfile
import unittest
from email.message import EmailMessage

from postroomtest import PostroomDaemon

DOVECOT_IMAP = "/usr/lib/dovecot/imap"
NOBODY = 65534  # Dovecot refuses mail access as root, so a root run hands the copy to nobody
PASSWORD = "s3cret-pass"
SUBFOLDER = "Rechnungen/2026 \u00c4"


def mutf7_encode(name):
    out, run = "", ""

    def flush():
        if not run:
            return ""
        b64 = base64.b64encode(run.encode("utf-16-be")).decode().rstrip("=").replace("/", ",")
        return "&" + b64 + "-"
    for ch in name:
        if 0x20 <= ord(ch) <= 0x7e:
            out += flush()
            run = ""
            out += "&-" if ch == "&" else ch
        else:
            run += ch
    return out + flush()


def mutf7_decode(name):
    def repl(m):
        if m.group(1) == "":
            return "&"
        b64 = m.group(1).replace(",", "/")
        return base64.b64decode(b64 + "=" * (-len(b64) % 4)).decode("utf-16-be")
    return re.sub(r"&([A-Za-z0-9+,]*)-", repl, name)


def message(subject, body, to="bob@example.com"):
    m = EmailMessage()
    m["From"] = "alice@example.net"
    m["To"] = to
    m["Subject"] = subject
    m["Message-ID"] = "<%s@test.example>" % subject.replace(" ", "-")
    m.set_content(body)
    return m


def quoted(name):
    return '"' + mutf7_encode(name) + '"'


def snapshot(imap):
    """{folder: sorted [(bytes, frozenset(flags))], or None when \\Noselect}, names decoded."""
    typ, lines = imap.list('""', '"*"')
    assert typ == "OK", lines
    result = {}
    for line in lines:
        m = re.match(rb'\((?P<attrs>[^)]*)\) (?:"."|NIL) (?P<name>.+)$', line)
        assert m, line
        raw = m.group("name").decode()
        raw = raw[1:-1] if raw.startswith('"') else raw
        name = mutf7_decode(raw)
        if b"\\noselect" in m.group("attrs").lower():
            result[name] = None  # a hierarchy level without a folder of its own
            continue
        typ, count = imap.select('"' + raw + '"', readonly=True)
        assert typ == "OK", name
        messages = []
        if int(count[0]) > 0:
            typ, data = imap.fetch("1:*", "(FLAGS RFC822.SIZE BODY.PEEK[])")
            assert typ == "OK", name
            for item in data:
                if not isinstance(item, tuple):
                    continue
                flags = re.search(rb"FLAGS \(([^)]*)\)", item[0]).group(1).decode().split()
                size = int(re.search(rb"RFC822.SIZE (\d+)", item[0]).group(1))
                assert size == len(item[1]), (name, size, len(item[1]))  # the size a client trusts
                messages.append((item[1], frozenset(f for f in flags if f != "\\Recent")))
        result[name] = sorted(messages, key=lambda x: x[0])
        imap.close()
    return result


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def chown_tree(path, uid, gid):
    os.chown(path, uid, gid)
    for root, dirs, files in os.walk(path):
        for n in dirs + files:
            os.lchown(os.path.join(root, n), uid, gid)


def postroom_imap(d, address):
    imap = imaplib.IMAP4_SSL("127.0.0.1", d.ports["imaps"], ssl_context=d.ssl_context())
    imap.login(address, PASSWORD)
    return imap


class Dovecot:
    """Dovecot's imap binary on a Maildir tree, preauthenticated, over a pipe."""

    def __init__(self, tree, work):
        self.tree = tree
        self.work = work
        uid, gid = (NOBODY, NOBODY) if os.getuid() == 0 else (os.getuid(), os.getgid())
        if os.getuid() == 0:
            chown_tree(tree, uid, gid)
        index = os.path.join(work, "dovecot-index")
        os.makedirs(index, exist_ok=True)
        os.chown(index, uid, gid)
        self.conf = os.path.join(work, "dovecot.conf")
        with open(self.conf, "w") as f:
            # Our layout: {mail_root}/<domain>/<local>/Maildir, Maildir++ ('.' on disk, modified
            # UTF-7 names), '/' as the IMAP separator. Dovecot's index goes elsewhere; its
            # control files (dovecot-keywords!) stay in the Maildir, where Postroom writes them.
            f.write("mail_location = maildir:%s/%%d/%%n/Maildir:INDEX=%s/%%d/%%n\n" % (tree, index))
            f.write("namespace inbox {\n  inbox = yes\n  separator = /\n}\n")
            f.write("mail_uid = %d\nmail_gid = %d\n" % (uid, gid))
            f.write("first_valid_uid = 0\nfirst_valid_gid = 0\nssl = no\n")
            f.write("base_dir = %s/run\nstate_dir = %s/state\n" % (work, work))

    def login(self, address):
        local, domain = address.split("@")
        home = os.path.join(self.tree, domain, local)
        return imaplib.IMAP4_stream("env -i USER=%s HOME=%s %s -c %s 2>>%s/dovecot.log"
                                    % (address, home, DOVECOT_IMAP, self.conf, self.work))

    def log(self):
        try:
            with open(os.path.join(self.work, "dovecot.log")) as f:
                return f.read()
        except FileNotFoundError:
            return ""


class DovecotCompat(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        # Not skipped: dev.sh installs dovecot-core and dovecot-imapd; a missing Dovecot is a failure.
        self.assertTrue(os.access(DOVECOT_IMAP, os.X_OK),
                        "Dovecot is not installed (apt-get install dovecot-core dovecot-imapd)")
        self.work = tempfile.mkdtemp(prefix="postroom-dovecot-")
        os.chmod(self.work, 0o755)

    def tearDown(self):
        shutil.rmtree(self.work, ignore_errors=True)

    def populate(self, d):
        for user in ("bob@example.com", "carol@example.com"):
            d.add_user(user, PASSWORD)
        with smtplib.SMTP("127.0.0.1", d.ports["smtp"], timeout=10) as s:
            for i in range(4):
                s.send_message(message("smtp %d" % i, "Hallo Bob, Nachricht %d.\n" % i),
                               "alice@example.net", ["bob@example.com"])
            s.send_message(message("for carol", "Hi Carol.\n", to="carol@example.com"),
                           "alice@example.net", ["carol@example.com"])
        self.assertEqual(len(d.wait_for_messages("bob@example.com", 4)), 4)
        self.assertEqual(len(d.wait_for_messages("carol@example.com", 1)), 1)
        imap = postroom_imap(d, "bob@example.com")
        self.assertEqual(imap.create(quoted(SUBFOLDER))[0], "OK")
        self.assertEqual(imap.append(quoted(SUBFOLDER), r"(\Seen $Label1)", None,
                                     message("invoice", "Rechnung Nr. 7.\n").as_bytes().replace(b"\n", b"\r\n"))[0], "OK")
        self.assertEqual(imap.append("INBOX", r"(\Draft)", None,
                                     message("draft", "Entwurf.\n").as_bytes().replace(b"\n", b"\r\n"))[0], "OK")
        imap.select("INBOX")
        # By subject: the queue may deliver the four messages in any order.
        for subject, flags in (("smtp 0", r"(\Seen \Flagged)"), ("smtp 1", r"(\Answered $Label1)"),
                               ("smtp 2", r"(\Deleted \Seen $Label2)"), ("smtp 3", r"($Label2)")):
            typ, found = imap.search(None, "SUBJECT", '"%s"' % subject)
            self.assertEqual((typ, len(found[0].split())), ("OK", 1), subject)
            self.assertEqual(imap.store(found[0].decode(), "+FLAGS", flags)[0], "OK")
        before = snapshot(imap)
        imap.logout()
        return before

    def test_dovecot_sees_postroom_mail_and_postroom_sees_dovecot_changes(self):
        with PostroomDaemon() as d:
            bob = self.populate(d)
            carol_imap = postroom_imap(d, "carol@example.com")
            carol = snapshot(carol_imap)
            carol_imap.logout()
            # What Postroom itself reports is what we set (guards against a snapshot of nothing).
            self.assertIn(SUBFOLDER, bob)
            self.assertIsNone(bob["Rechnungen"])
            self.assertEqual(len(bob["INBOX"]), 5)
            self.assertEqual([f for _, f in bob[SUBFOLDER]], [frozenset({"\\Seen", "$Label1"})])
            all_flags = set().union(*(f for _, f in bob["INBOX"]))
            self.assertTrue({"\\Seen", "\\Flagged", "\\Answered", "\\Deleted", "\\Draft", "$Label1",
                             "$Label2"} <= all_flags, all_flags)
            d.stop()
            tree = os.path.join(self.work, "copy")
            shutil.copytree(d.mail_root, tree, symlinks=True,
                            ignore=shutil.ignore_patterns("control.sock", "*.sock"))

        dovecot = Dovecot(tree, self.work)
        imap = dovecot.login("bob@example.com")
        seen_by_dovecot = snapshot(imap)
        self.assertEqual(seen_by_dovecot, bob, dovecot.log())
        # The other way: Dovecot sets a flag and a new keyword and delivers a message...
        imap.select("INBOX")
        typ, data = imap.search(None, "SUBJECT", '"smtp 0"')
        self.assertEqual(typ, "OK")
        self.assertEqual(imap.store(data[0].decode(), "+FLAGS", r"(\Answered $FromDovecot)")[0], "OK")
        self.assertEqual(imap.append(quoted(SUBFOLDER), r"(\Flagged)", None,
                                     message("from dovecot", "Zugestellt von Dovecot.\n").as_bytes()
                                     .replace(b"\n", b"\r\n"))[0], "OK")
        after_dovecot = snapshot(imap)
        imap.logout()
        carol_dove = dovecot.login("carol@example.com")
        self.assertEqual(snapshot(carol_dove), carol, dovecot.log())
        carol_dove.logout()
        # Dovecot stores LF line ends: Postroom must serve such files with CRLF and the right size.
        folder = os.path.join(tree, "example.com", "bob", "Maildir", "." + mutf7_encode(SUBFOLDER).replace("/", "."))
        written = [read_bytes(os.path.join(folder, sub, n)) for sub in ("new", "cur")
                   for n in os.listdir(os.path.join(folder, sub))]
        self.assertTrue(any(b"from dovecot" in w and b"\r\n" not in w for w in written))
        if os.getuid() == 0:
            chown_tree(tree, 0, 0)

        # ... and a postroomd started on the copy sees exactly that.
        d2 = PostroomDaemon(start=False)
        try:
            shutil.rmtree(d2.mail_root, ignore_errors=True)
            shutil.copytree(tree, d2.mail_root, symlinks=True)
            d2.start()
            imap = postroom_imap(d2, "bob@example.com")
            seen_by_postroom = snapshot(imap)
            imap.logout()
        finally:
            d2.cleanup()
        self.assertEqual(seen_by_postroom, after_dovecot)
        flags_of = {body.split(b"Subject: ")[1].split(b"\r\n")[0]: f for body, f in after_dovecot["INBOX"]}
        self.assertEqual(flags_of[b"smtp 0"], frozenset({"\\Seen", "\\Flagged", "\\Answered", "$FromDovecot"}))
        self.assertEqual(len(after_dovecot[SUBFOLDER]), 2)


if __name__ == "__main__":
    unittest.main()
