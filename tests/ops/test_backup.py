"""`postroomd backup` while the daemon runs (and receives mail), then `restore` into a fresh
place: a daemon started on the restored files has every account and every message."""
import imaplib
import json
import os
import smtplib
import stat
import tempfile
import threading
import time
import unittest

from postroomtest import PostroomDaemon, PORT_KEYS, free_ports

USERS = {"alice@example.com": "alice-pw", "bob@example.com": "bob-pw", "carol@example.com": "carol-pw"}


def send(port, rcpt, subject):
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as s:
        s.sendmail("sender@outside.test", [rcpt],
                   "From: sender@outside.test\r\nTo: %s\r\nSubject: %s\r\n\r\nbody of %s\r\n" % (rcpt, subject, subject))


def imap_subjects(port, cert_context, user, password):
    """{folder: sorted subjects} over IMAPS."""
    imap = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=cert_context)
    imap.login(user, password)
    result = {}
    for folder in ("INBOX", "Archive"):
        typ, data = imap.select(folder, readonly=True)
        assert typ == "OK", (folder, data)
        subjects = []
        if int(data[0]) > 0:
            typ, data = imap.fetch("1:*", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
            for item in data:
                if isinstance(item, tuple):
                    subjects.append(item[1].decode().split(":", 1)[1].strip())
        result[folder] = sorted(subjects)
    imap.logout()
    return result


class BackupRestoreTest(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="postroom-ops-")

    def tearDown(self):
        import shutil
        shutil.rmtree(self.work, ignore_errors=True)

    def fill(self, d):
        for user, pw in USERS.items():
            d.add_user(user, pw)
        d.run_cli(["alias", "add", "team@example.com", "alice@example.com", "bob@example.com"], check=True)
        expected = {u: {"INBOX": [], "Archive": []} for u in USERS}
        for i in range(5):
            for user in USERS:
                subject = "before-%d-%s" % (i, user.split("@")[0])
                send(d.ports["smtp"], user, subject)
                expected[user]["INBOX"].append(subject)
        send(d.ports["smtp"], "team@example.com", "to-the-team")
        expected["alice@example.com"]["INBOX"].append("to-the-team")
        expected["bob@example.com"]["INBOX"].append("to-the-team")
        for user in USERS:
            d.wait_for_messages(user, len(expected[user]["INBOX"]))
        # Flags and a second folder, through IMAP (alice moves one message to Archive, reads one).
        imap = imaplib.IMAP4_SSL("127.0.0.1", d.ports["imaps"], ssl_context=d.ssl_context())
        imap.login("alice@example.com", USERS["alice@example.com"])
        imap.select("INBOX")
        imap.store("1", "+FLAGS", "(\\Seen \\Flagged)")
        typ, data = imap.fetch("2", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        archived = data[0][1].decode().split(":", 1)[1].strip()
        imap.copy("2", "Archive")
        imap.logout()
        expected["alice@example.com"]["Archive"].append(archived)
        return expected

    def start_restored(self, config_path):
        """Starts postroomd on a restored config after moving it to free ports."""
        with open(config_path) as f:
            config = json.load(f)
        ports = dict(zip(PORT_KEYS.keys(), free_ports(len(PORT_KEYS))))
        for name, (section, key) in PORT_KEYS.items():
            config[section][key] = ports[name]
        with open(config_path, "w") as f:
            json.dump(config, f)
        d = PostroomDaemon(start=False)
        d.config_path = config_path
        d.config = config
        d.ports = ports
        d.mail_root = config["mail_root"]
        d.start()
        return d

    def check_restored(self, d, expected):
        listed = d.control("user.list")["users"]
        self.assertEqual(sorted(u["address"] for u in listed), sorted(USERS))
        aliases = d.control("alias.list")["aliases"]
        self.assertIn("team@example.com", [a["alias"] for a in aliases])
        for user, pw in USERS.items():
            got = imap_subjects(d.ports["imaps"], d.ssl_context(), user, pw)
            for folder, subjects in expected[user].items():
                # Exactly the messages from before the backup (mail sent during it may be there too).
                before = sorted(s for s in got[folder] if not s.startswith("during-"))
                self.assertEqual(before, sorted(subjects), "%s %s" % (user, folder))
        # Flags survived.
        imap = imaplib.IMAP4_SSL("127.0.0.1", d.ports["imaps"], ssl_context=d.ssl_context())
        imap.login("alice@example.com", USERS["alice@example.com"])
        imap.select("INBOX", readonly=True)
        typ, data = imap.search(None, "FLAGGED SEEN")
        self.assertEqual(len(data[0].split()), 1)
        imap.logout()

    def test_backup_while_running_and_restore_into_a_fresh_directory(self):
        with PostroomDaemon() as d:
            expected = self.fill(d)
            # Keep mail arriving and an IMAP reader flagging while the backup runs.
            stop = threading.Event()
            during = []

            def traffic():
                n = 0
                while not stop.is_set() and n < 200:
                    send(d.ports["smtp"], "carol@example.com", "during-%d" % n)
                    during.append(n)
                    n += 1

            def flagging():
                # Each flag change renames message files in cur/ while the backup links them.
                imap = imaplib.IMAP4_SSL("127.0.0.1", d.ports["imaps"], ssl_context=d.ssl_context())
                imap.login("alice@example.com", USERS["alice@example.com"])
                imap.select("INBOX")
                n = 0
                while not stop.is_set() and n < 2000:
                    imap.store("1:*", "+FLAGS" if n % 2 == 0 else "-FLAGS", "(\\Answered)")
                    n += 1
                renames.append(n)
                imap.logout()

            renames = []
            t = threading.Thread(target=traffic)
            f = threading.Thread(target=flagging)
            t.start()
            f.start()
            time.sleep(0.3)
            archive = os.path.join(self.work, "backup.tar.gz")
            r = d.run_cli(["backup", archive], timeout=120)
            stop.set()
            t.join(60)
            f.join(60)
            self.assertTrue(renames and renames[0] > 1, "the flagging thread did not run")
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertIn("3 users", r.stdout)
            self.assertEqual(stat.S_IMODE(os.stat(archive).st_mode), 0o600)
            self.assertFalse([n for n in os.listdir(d.mail_root) if n.startswith(".backup-staging")])
            # A backup into a folder gets a dated name.
            r2 = d.run_cli(["backup", self.work], timeout=120)
            self.assertEqual(r2.returncode, 0, r2.stderr)
            self.assertIn("postroom-backup-mail.example.com-", r2.stdout)

            # Restoring over the running server is refused.
            r = d.run_cli(["restore", archive, "--force"])
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("running", r.stderr)

            # --into a fresh folder, while the original keeps running.
            into = os.path.join(self.work, "restored")
            r = d.run_cli(["restore", archive, "--into", into], timeout=120)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertIn("restored 3 users", r.stdout)
            self.assertTrue(os.path.isfile(os.path.join(into, "config.json")))
            r = d.run_cli(["restore", archive, "--into", into])
            self.assertNotEqual(r.returncode, 0, "a non-empty --into must be refused")

        restored = self.start_restored(os.path.join(into, "config.json"))
        try:
            self.check_restored(restored, expected)
        finally:
            restored.cleanup()

    def test_restore_onto_a_stopped_server(self):
        with PostroomDaemon() as d:
            expected = self.fill(d)
            archive = os.path.join(self.work, "b.tar.gz")
            self.assertEqual(d.run_cli(["backup", archive]).returncode, 0)
        # A new installation: its own config (ports), an empty mail_root.
        with PostroomDaemon(start=False) as fresh:
            r = fresh.run_cli(["restore", archive, "--keep-config"], timeout=120)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            fresh.start()
            self.check_restored(fresh, expected)
            fresh.stop()
            # Not over a non-empty mail_root without --force; with --force the old one is kept aside.
            r = fresh.run_cli(["restore", archive, "--keep-config"])
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("not empty", r.stderr)
            r = fresh.run_cli(["restore", archive, "--keep-config", "--force"])
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue([n for n in os.listdir(fresh.dir) if n.startswith("mailstore.before-restore-")])

    def test_not_an_archive(self):
        with PostroomDaemon(start=False) as d:
            bogus = os.path.join(self.work, "x.tar.gz")
            with open(bogus, "wb") as f:
                f.write(b"not a tarball")
            r = d.run_cli(["restore", bogus, "--keep-config"])
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("cannot unpack", r.stderr)


if __name__ == "__main__":
    unittest.main()
