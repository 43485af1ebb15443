"""Crash safety of the real postroomd: several SMTP clients stream messages while the daemon
is killed with SIGKILL at random points (5 rounds), then restarted. Every message that got
a 250 (or an IMAP APPEND that got APPENDUID) must be in the mailbox or in the queue spool, no mailbox file may hold a partial
message (each carries a unique marker, its line count and an end line), and IMAP UIDs
never repeat or go backwards (same UIDVALIDITY, UIDNEXT monotonic, a UID keeps its message)."""
import os
import random
import re
import threading
import time
import unittest

from postroomtest import PostroomDaemon
from hostile import Imap, Smtp, queue_files, wait_until

ROUNDS = 5
SENDERS = 4
USER = "bob@example.com"


def make_message(marker, lines):
    body = b"".join(b"L%05d %s\r\n" % (i, marker.encode()) for i in range(lines))
    return (b"Subject: crash %s\r\nX-Marker: %s\r\nX-Lines: %d\r\n\r\n" % (marker.encode(), marker.encode(), lines)
            + body + b"END " + marker.encode() + b"\r\n")


def check_complete(data):
    """(marker, problem or None) for one stored message."""
    m = re.search(rb"\nX-Marker: (\S+)\r?\n", data)
    if not m:
        return None, "no marker header"
    marker = m.group(1).decode()
    lines = int(re.search(rb"\nX-Lines: (\d+)", data).group(1))
    body = data.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in data else b""
    expected = b"".join(b"L%05d %s\r\n" % (i, marker.encode()) for i in range(lines)) + b"END " + marker.encode() + b"\r\n"
    if body != expected:
        return marker, "partial or damaged body (%d of %d bytes)" % (len(body), len(expected))
    return marker, None


class CrashTest(unittest.TestCase):
    def setUp(self):
        self.d = PostroomDaemon(config_overrides={"smtp": {"max_messages_per_connection": 100000}})
        self.addCleanup(self.d.cleanup)
        self.d.add_user(USER, "secret")
        seed = int(os.environ.get("POSTROOM_CRASH_SEED", time.time()))
        print("\ncrash test seed %d (POSTROOM_CRASH_SEED to repeat)" % seed)
        self.rng = random.Random(seed)
        self.acked = set()
        self.append_uids = {}  # UID from APPENDUID -> marker
        self.lock = threading.Lock()

    def sender(self, round_no, index, stop):
        seq = 0
        try:
            s = Smtp(self.d.ports["smtp"], timeout=10)
            s.ehlo()
            while not stop.is_set():
                marker = "M%d-%d-%d" % (round_no, index, seq)
                seq += 1
                lines = self.rng.choice((1, 20, 400, 3000))
                code, _ = s.deliver("stream@remote.example", [USER], make_message(marker, lines))
                if code == 250:
                    with self.lock:
                        self.acked.add(marker)
                elif code == 0:
                    return
        except (OSError, EOFError):
            return  # the daemon died under us: expected

    def appender(self, round_no, stop):
        """IMAP APPEND stream: a tagged OK [APPENDUID v uid] is an acknowledgement too."""
        seq = 0
        try:
            c = Imap(self.d.ports["imaps"], tls_context=self.d.ssl_context(), timeout=10)
            if b"OK" not in c.login(USER, "secret"):
                return
            while not stop.is_set():
                marker = "A%d-%d" % (round_no, seq)
                seq += 1
                msg = make_message(marker, self.rng.choice((1, 50, 2000)))
                tag = c.tag()
                c.send(tag + b" APPEND INBOX {%d+}\r\n" % len(msg) + msg + b"\r\n")
                _, tagged = c.until(tag)
                m = re.search(rb"APPENDUID \d+ (\d+)", tagged)
                if m:
                    with self.lock:
                        self.acked.add(marker)
                        self.append_uids[int(m.group(1))] = marker
        except (OSError, EOFError, ValueError):
            return  # the daemon died under us: expected

    def stored_markers(self):
        """({marker: [problem per copy]} of the mailbox (new/ and cur/), set of markers in the queue).
        The queue is read first: delivery writes the mailbox copy before it drops the queue copy,
        so a message moving meanwhile is seen at least once; a scan that met a vanished file
        (new/ -> cur/, queue removal) is repeated."""
        for _ in range(20):
            vanished = False
            queued = set()
            for path in queue_files(self.d.mail_root):
                rel = os.path.relpath(path, os.path.join(self.d.mail_root, "queue"))
                if path.endswith(".json") or rel.startswith("tmp" + os.sep):
                    continue
                if not os.path.exists(path + ".json"):
                    continue  # still being received: never acknowledged
                try:
                    with open(path, "rb") as f:
                        data = f.read()
                except FileNotFoundError:
                    continue
                marker, problem = check_complete(data)
                if marker and problem is None:
                    queued.add(marker)
            mailbox = {}
            for path in self.d.maildir_messages(USER):
                try:
                    with open(path, "rb") as f:
                        data = f.read()
                except FileNotFoundError:
                    vanished = True
                    break
                marker, problem = check_complete(data)
                mailbox.setdefault(marker, []).append(problem)
            if not vanished:
                return mailbox, queued
            time.sleep(0.05)
        self.fail("mailbox kept changing under the scan")

    def where(self, marker):
        """Every file under the test directory mentioning marker (diagnostics)."""
        found = []
        for dirpath, _, filenames in os.walk(self.d.dir):
            for name in filenames:
                path = os.path.join(dirpath, name)
                try:
                    with open(path, "rb") as f:
                        if marker.encode() in f.read():
                            found.append(os.path.relpath(path, self.d.dir))
                except OSError:
                    pass
        return found

    def imap_state(self):
        c = Imap(self.d.ports["imaps"], tls_context=self.d.ssl_context(), timeout=60)
        self.assertIn(b"OK", c.login(USER, "secret"))
        untagged, tagged = c.command("SELECT INBOX")
        self.assertIn(b"OK", tagged)
        blob = b"\n".join(untagged)
        validity = int(re.search(rb"UIDVALIDITY (\d+)", blob).group(1))
        uidnext = int(re.search(rb"UIDNEXT (\d+)", blob).group(1))
        untagged, tagged = c.command("UID FETCH 1:* (UID BODY.PEEK[HEADER.FIELDS (X-MARKER)])")
        self.assertIn(b"OK", tagged)
        uids = {}
        for line in untagged:
            m = re.search(rb"UID (\d+)", line)
            k = re.search(rb"X-Marker: (\S+)", line)
            if m and k:
                uids[int(m.group(1))] = k.group(1).decode()
        c.close()
        return validity, uidnext, uids

    def test_sigkill_during_stream(self):
        known_uids = {}
        last_validity = None
        last_uidnext = 0
        for round_no in range(ROUNDS):
            stop = threading.Event()
            threads = [threading.Thread(target=self.sender, args=(round_no, i, stop)) for i in range(SENDERS)]
            threads.append(threading.Thread(target=self.appender, args=(round_no, stop)))
            for t in threads:
                t.start()
            time.sleep(self.rng.uniform(0.5, 2.5))
            self.d.kill()
            stop.set()
            for t in threads:
                t.join(30)
            self.d.start()
            mailbox, queued = self.stored_markers()
            with self.lock:
                acked = set(self.acked)
            lost = sorted(m for m in acked if m not in mailbox and m not in queued)
            if lost:  # a second look once the restarted daemon has had time to deliver
                print("first look misses %s, found in %s" % (lost[0], self.where(lost[0])))
                time.sleep(3)
                mailbox, queued = self.stored_markers()
                lost = sorted(m for m in acked if m not in mailbox and m not in queued)
                if lost:
                    print("LOST", lost, self.where(lost[0]))
            self.assertEqual(lost, [], "round %d: acknowledged but lost" % round_no)
            partial = {m: p for m, p in mailbox.items() if any(p)}
            self.assertEqual(partial, {}, "round %d: partial messages in the mailbox" % round_no)
            validity, uidnext, uids = self.imap_state()
            if last_validity is not None:
                self.assertEqual(validity, last_validity, "UIDVALIDITY changed after round %d" % round_no)
            self.assertGreaterEqual(uidnext, last_uidnext, "UIDNEXT went backwards after round %d" % round_no)
            with self.lock:
                appended = dict(self.append_uids)
            for uid, marker in appended.items():
                self.assertEqual(uids.get(uid), marker, "APPENDUID %d lost its message after round %d" % (uid, round_no))
            for uid, marker in uids.items():
                self.assertLess(uid, uidnext)
                if uid in known_uids:
                    self.assertEqual(known_uids[uid], marker, "UID %d reused after round %d" % (uid, round_no))
                known_uids[uid] = marker
            last_validity, last_uidnext = validity, uidnext
            print("round %d: %d acknowledged so far, %d in the mailbox, %d queued, UIDNEXT %d"
                  % (round_no, len(acked), len(mailbox), len(queued), uidnext))
        # after the last restart the queue drains into the mailbox
        self.assertTrue(wait_until(lambda: set(self.acked) <= set(self.stored_markers()[0]), 60),
                        "acknowledged messages never reached the mailbox")
        mailbox, _ = self.stored_markers()
        duplicates = sum(len(v) - 1 for v in mailbox.values())
        print("total acknowledged %d (%d of them IMAP APPENDs), delivered %d, duplicates after crashes %d"
              % (len(self.acked), len(self.append_uids), len(mailbox), duplicates))
        self.assertGreater(len(self.acked), len(self.append_uids))
        self.assertGreater(len(self.append_uids), 0)


if __name__ == "__main__":
    unittest.main()
