"""Backup while another program (a Maildir client such as mutt) keeps renaming messages in
cur/ to change their flags: every message must be in every archive, exactly once."""
import os
import subprocess
import tarfile
import tempfile
import threading
import unittest

from postroomtest import PostroomDaemon

class BackupRenameTest(unittest.TestCase):
    def test_no_message_lost_while_flags_change(self):
        self.backups_while_renaming(messages=300, backups=5)

    def test_large_folder_read_in_several_chunks(self):
        # Over 32 KiB of names: readdir() needs several system calls, between which a
        # renamed entry can be skipped altogether (neither its old nor its new name).
        self.backups_while_renaming(messages=3000, backups=2)

    def backups_while_renaming(self, messages, backups):
        MESSAGES, BACKUPS = messages, backups
        with PostroomDaemon(start=False) as d:
            cur = os.path.join(d.mail_root, "example.com", "bob", "Maildir", "cur")
            for sub in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(os.path.dirname(cur), sub), exist_ok=True)
            names = {}
            for i in range(MESSAGES):
                base = "17000%05d.M%dP1Q%d.test,S=20" % (i, i, i)
                with open(os.path.join(cur, base + ":2,"), "wb") as f:
                    f.write(b"Subject: %05d\r\n\r\nx\r\n" % i)
                names[base] = base + ":2,"
            stop = threading.Event()
            renames = [0]

            def renamer():
                flip = 0
                while not stop.is_set() and renames[0] < 400000:
                    flip ^= 1
                    for base in list(names):
                        new = base + (":2,S" if flip else ":2,")
                        os.rename(os.path.join(cur, names[base]), os.path.join(cur, new))
                        names[base] = new
                        renames[0] += 1

            t = threading.Thread(target=renamer)
            t.start()
            work = tempfile.mkdtemp(prefix="postroom-ops-")
            try:
                for n in range(BACKUPS):
                    archive = os.path.join(work, "b%d.tar.gz" % n)
                    r = d.run_cli(["backup", archive], timeout=120)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertIn("%d messages" % MESSAGES, r.stdout)
                    with tarfile.open(archive) as tar:
                        bases = [m.name.rsplit("/", 1)[1].split(":")[0] for m in tar.getmembers()
                                 if "/Maildir/cur/" in m.name and m.isfile()]
                    self.assertEqual(sorted(bases), sorted(names))
            finally:
                stop.set()
                t.join(30)
                subprocess.run(["rm", "-rf", work])
            self.assertGreater(renames[0], MESSAGES, "the renamer did not run")


if __name__ == "__main__":
    unittest.main()
