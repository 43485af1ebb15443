"""IMAP against the real postroomd with Python's imaplib (and the raw client where the bytes
matter): every RFC 3501 command, the extensions, STARTTLS rules, limits and lockout,
several sessions on one mailbox, IDLE latency."""
import base64
import imaplib
import re
import socket
import ssl
import threading
import time
import unittest

from postroomtest import PostroomDaemon
from rawimap import RawImap, parse_fetch

USER = "bob@example.com"
PASSWORD = "secret"

MSG = (b"From: Alice <alice@example.org>\r\nTo: Bob <bob@example.com>\r\nSubject: Quarterly report\r\n"
       b"Date: Tue, 4 Mar 2025 10:00:00 +0000\r\nMessage-ID: <q1@example.org>\r\n\r\n"
       b"The numbers look good.\r\n")


def msg(subject, body="hello"):
    return ("From: carol@example.org\r\nTo: bob@example.com\r\nSubject: %s\r\n"
            "Date: Wed, 5 Mar 2025 11:00:00 +0000\r\n\r\n%s\r\n" % (subject, body)).encode()


class ImapTestBase(unittest.TestCase):
    overrides = None

    @classmethod
    def setUpClass(cls):
        cls.daemon = PostroomDaemon(config_overrides=cls.overrides)
        cls.daemon.add_user(USER, PASSWORD)

    @classmethod
    def tearDownClass(cls):
        cls.daemon.cleanup()

    def imaps(self):
        c = imaplib.IMAP4_SSL("127.0.0.1", self.daemon.ports["imaps"], ssl_context=self.daemon.ssl_context())
        self.addCleanup(self._logout, c)
        return c

    def login(self):
        c = self.imaps()
        c.login(USER, PASSWORD)
        return c

    def raw(self, tls=True):
        if tls:
            r = RawImap("127.0.0.1", self.daemon.ports["imaps"], self.daemon.ssl_context())
        else:
            r = RawImap("127.0.0.1", self.daemon.ports["imap"])
        self.addCleanup(r.close)
        return r

    def raw_login(self):
        r = self.raw()
        r.command("LOGIN %s %s" % (USER, PASSWORD))
        return r

    @staticmethod
    def _logout(c):
        try:
            c.logout()
        except Exception:
            pass


class SecurityTest(ImapTestBase):
    def test_plaintext_port_offers_starttls_only(self):
        r = self.raw(tls=False)
        self.assertIn(b"STARTTLS", r.greeting)
        self.assertIn(b"LOGINDISABLED", r.greeting)
        self.assertNotIn(b"AUTH=", r.greeting)
        untagged, tagged = r.command("CAPABILITY")
        self.assertIn(b"LOGINDISABLED", untagged[0])
        self.assertNotIn(b"AUTH=", untagged[0])
        _, tagged = r.command("LOGIN %s %s" % (USER, PASSWORD))
        self.assertIn(b"NO [PRIVACYREQUIRED]", tagged)
        _, tagged = r.command("AUTHENTICATE PLAIN " + base64.b64encode(b"\0bob@example.com\0secret").decode())
        self.assertIn(b"NO [PRIVACYREQUIRED]", tagged)
        _, tagged = r.command("SELECT INBOX")
        self.assertIn(b"BAD", tagged)

    def test_starttls_discards_pipelined_plaintext(self):
        r = self.raw(tls=False)
        # The LOGIN arrives in the same segment as STARTTLS: it must never run.
        r.send(b"a STARTTLS\r\nb LOGIN bob@example.com secret\r\n")
        self.assertTrue(r.read_line().startswith(b"a OK"))
        r.sock = self.daemon.ssl_context().wrap_socket(r.sock)
        r.buf = b""
        untagged, tagged = r.command("CAPABILITY")
        self.assertTrue(tagged.startswith(b"t1 OK"), tagged)   # no answer for "b" came first
        self.assertIn(b"AUTH=PLAIN", untagged[0])
        self.assertNotIn(b"STARTTLS", untagged[0])
        _, tagged = r.command("NOOP")
        self.assertTrue(tagged.startswith(b"t2 OK"))
        _, tagged = r.command("SELECT INBOX")               # still not logged in
        self.assertIn(b"BAD", tagged)
        _, tagged = r.command("STARTTLS")
        self.assertIn(b"BAD", tagged)

    def test_imaplib_starttls_then_login(self):
        c = imaplib.IMAP4("127.0.0.1", self.daemon.ports["imap"])
        self.addCleanup(self._logout, c)
        c.starttls(ssl_context=self.daemon.ssl_context())
        self.assertEqual(c.login(USER, PASSWORD)[0], "OK")
        self.assertEqual(c.select("INBOX")[0], "OK")

    def test_authenticate_plain_with_and_without_initial_response(self):
        c = self.imaps()
        typ, _ = c.authenticate("PLAIN", lambda _: b"\0" + USER.encode() + b"\0" + PASSWORD.encode())
        self.assertEqual(typ, "OK")
        r = self.raw()
        _, tagged = r.command("AUTHENTICATE PLAIN " + base64.b64encode(b"\0bob@example.com\0secret").decode())
        self.assertIn(b"OK [CAPABILITY", tagged)
        r2 = self.raw()
        _, tagged = r2.command("AUTHENTICATE PLAIN " + base64.b64encode(b"\0bob@example.com\0wrong").decode())
        self.assertIn(b"NO [AUTHENTICATIONFAILED]", tagged)

    def test_wrong_password(self):
        c = self.imaps()
        with self.assertRaises(imaplib.IMAP4.error) as e:
            c.login(USER, "nope")
        self.assertIn("AUTHENTICATIONFAILED", str(e.exception))

    def test_folder_names_cannot_escape(self):
        c = self.login()
        for name in ['"../../etc"', '"a/../../b"', '"/abs"', '".hidden/../x"', '"x\\\\y"']:
            typ, data = c.create(name)
            self.assertEqual(typ, "NO", (name, data))
        typ, data = c.select('"../../x"')
        self.assertEqual(typ, "NO")


class LockoutTest(ImapTestBase):
    overrides = {"rate_limit": {"whitelist": [], "auth_failure_limit": 3, "max_concurrent_per_ip": 50}}

    def test_lockout_after_failures(self):
        r = self.raw()
        for _ in range(3):
            _, tagged = r.command("LOGIN %s wrong" % USER)
            self.assertIn(b"NO [AUTHENTICATIONFAILED]", tagged)
        _, tagged = r.command("LOGIN %s %s" % (USER, PASSWORD))
        self.assertIn(b"NO [UNAVAILABLE]", tagged)
        r2 = self.raw()  # the lockout is per address, not per connection
        _, tagged = r2.command("LOGIN %s %s" % (USER, PASSWORD))
        self.assertIn(b"NO [UNAVAILABLE]", tagged)


class LimitsTest(ImapTestBase):
    overrides = {"smtp": {"max_message_size": 20000}, "imap": {"max_connections": 3}}

    def test_append_over_max_message_size(self):
        r = self.raw()
        r.command("LOGIN %s %s" % (USER, PASSWORD))
        # Synchronizing literal: refused before the data is sent (no continuation).
        r.send(b"a1 APPEND INBOX {30000}\r\n")
        line = r.read_line()
        self.assertTrue(line.startswith(b"a1 BAD"), line)
        # Non-synchronizing literal: the bytes are skipped, then refused; the session goes on.
        r.send(b"a2 APPEND INBOX {30000+}\r\n" + b"x" * 30000 + b"\r\n")
        line = r.read_line()
        self.assertTrue(line.startswith(b"a2 BAD"), line)
        _, tagged = r.command(["APPEND INBOX ", b""], literals=[msg("fits")])
        self.assertIn(b"OK [APPENDUID", tagged)

    def test_long_line_gets_bad(self):
        r = self.raw()
        r.send(b"a1 NOOP " + b"x" * 70000 + b"\r\n")
        self.assertTrue(r.read_line().startswith(b"a1 BAD"))
        _, tagged = r.command("NOOP")
        self.assertIn(b"OK", tagged)

    def test_max_connections(self):
        held = [self.raw() for _ in range(3)]
        for h in held:
            self.assertTrue(h.greeting.startswith(b"* OK"))
        extra = RawImap("127.0.0.1", self.daemon.ports["imaps"], self.daemon.ssl_context())
        self.addCleanup(extra.close)
        self.assertTrue(extra.greeting.startswith(b"* BYE"), extra.greeting)
        held[0].command("LOGOUT")
        time.sleep(0.3)
        again = self.raw()
        self.assertTrue(again.greeting.startswith(b"* OK"))


class CommandsTest(ImapTestBase):
    def test_any_state_commands(self):
        c = self.imaps()
        typ, data = c.capability()
        self.assertIn(b"IMAP4rev1", data[0])
        self.assertEqual(c.noop()[0], "OK")
        c.login(USER, PASSWORD)
        caps = c.capability()[1][0]
        for cap in (b"IDLE", b"UIDPLUS", b"MOVE", b"CONDSTORE", b"SPECIAL-USE", b"NAMESPACE", b"QUOTA", b"LITERAL+"):
            self.assertIn(cap, caps)
        self.assertEqual(c.namespace()[1][0], b'(("" "/")) NIL NIL')
        typ, data = c.xatom("ID", '("name" "test")')
        self.assertEqual(typ, "OK")
        self.assertIn(b"Postroom", c.untagged_responses.get("ID", [b""])[0])
        typ, data = c.enable("CONDSTORE")
        self.assertEqual(typ, "OK")

    def test_folders(self):
        c = self.login()
        typ, data = c.list()
        names = [l.decode() for l in data]
        self.assertTrue(any(l.endswith(" INBOX") for l in names))
        self.assertTrue(any("\\Sent" in l for l in names))
        self.assertEqual(c.create("Projects/2025")[0], "OK")
        self.assertEqual(c.create("Entw&APw-rfe")[0], "OK")
        typ, data = c.list('""', "Projects/*")
        self.assertEqual(len(data), 1)
        self.assertIn(b"\\HasNoChildren", data[0])
        typ, data = c.list('""', "%")
        top = b" ".join(data)
        self.assertIn(b"Projects", top)
        self.assertNotIn(b"Projects/2025", top)
        self.assertIn(b"\\HasChildren", [l for l in data if b"Projects" in l][0])
        self.assertIn(b"Entw&APw-rfe", b" ".join(c.list('""', "Entw*")[1]))
        self.assertEqual(c.rename("Projects/2025", "Projects/2026")[0], "OK")
        self.assertEqual(c.subscribe("Projects/2026")[0], "OK")
        self.assertTrue(any(b"Projects/2026" in l for l in c.lsub('""', "*")[1]))
        self.assertEqual(c.unsubscribe("Projects/2026")[0], "OK")
        self.assertFalse(any(b"Projects/2026" in l for l in c.lsub('""', "*")[1] if l))
        typ, data = c.status("Projects/2026", "(MESSAGES UIDNEXT UIDVALIDITY UNSEEN HIGHESTMODSEQ)")
        self.assertEqual(typ, "OK")
        self.assertIn(b"MESSAGES 0", data[0])
        self.assertEqual(c.delete("Projects")[0], "NO")        # has children
        self.assertEqual(c.delete("Projects/2026")[0], "OK")
        self.assertEqual(c.delete("INBOX")[0], "NO")
        self.assertEqual(c.create("INBOX")[0], "NO")
        self.assertEqual(c.select("NoSuchFolder")[0], "NO")
        # LIST-EXTENDED with RETURN (SPECIAL-USE STATUS)
        typ, data = c._simple_command("LIST", "(SPECIAL-USE)", '""', "*", "RETURN", "(STATUS (MESSAGES))")
        lines = c.untagged_responses.pop("LIST", [])
        statuses = c.untagged_responses.pop("STATUS", [])
        self.assertEqual(typ, "OK")
        self.assertTrue(all(re.search(rb"\\(Sent|Drafts|Trash|Junk|Archive)", l) for l in lines), lines)
        self.assertEqual(len(statuses), len(lines))

    def test_inbox_rename_moves_messages(self):
        c = self.login()
        c.create("RenameSrc")
        c.append("INBOX", None, None, msg("to be moved by rename"))
        typ, _ = c.rename("INBOX", "OldInbox")
        self.assertEqual(typ, "OK")
        self.assertEqual(c.select("INBOX")[1][0], b"0")
        self.assertEqual(c.select("OldInbox")[1][0], b"1")

    def test_messages(self):
        c = self.login()
        c.create("Work")
        typ, data = c.append("Work", "(\\Flagged $Important)", '"04-Mar-2025 10:00:00 +0100"', MSG)
        self.assertEqual(typ, "OK")
        self.assertRegex(data[0].decode(), r"\[APPENDUID \d+ 1\]")
        for i in range(4):
            c.append("Work", None, None, msg("note %d" % i, "body text number %d" % i))
        typ, data = c.select("Work")
        self.assertEqual(data[0], b"5")
        self.assertIn("OK", [t for t in [typ]])
        typ, data = c.fetch("1", "(FLAGS INTERNALDATE RFC822.SIZE UID)")
        self.assertIn(b"\\Flagged", data[0])
        self.assertIn(b"$Important", data[0])
        self.assertIn(b'INTERNALDATE "04-Mar-2025 09:00:00 +0000"', data[0])
        self.assertIn(b"RFC822.SIZE %d" % len(MSG), data[0])
        typ, data = c.fetch("1", "ALL")
        self.assertIn(b"ENVELOPE", data[0])
        typ, data = c.fetch("1", "FULL")
        self.assertIn(b"BODY (", data[0])
        typ, data = c.fetch("1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        self.assertEqual(data[0][1], b"Subject: Quarterly report\r\n\r\n")
        typ, data = c.fetch("1", "(FLAGS)")
        self.assertNotIn(b"\\Seen", data[0])
        typ, data = c.fetch("1", "(BODY[TEXT]<4.7>)")
        self.assertEqual(data[0][1], b"numbers")
        self.assertIn(b"\\Seen", b"".join(x if isinstance(x, bytes) else x[0] for x in data))
        typ, data = c.fetch("1", "(RFC822)")
        self.assertEqual(data[0][1], MSG)
        typ, data = c.fetch("1", "(RFC822.HEADER)")
        self.assertTrue(data[0][1].endswith(b"\r\n\r\n"))
        with self.assertRaises(imaplib.IMAP4.error):
            c.fetch("9", "(FLAGS)")
        # STORE
        typ, data = c.store("2:3", "+FLAGS", "(\\Deleted)")
        self.assertEqual(len(data), 2)
        typ, data = c.store("2", "-FLAGS.SILENT", "(\\Deleted)")
        self.assertEqual(data, [None])
        typ, data = c.store("4", "FLAGS", "(\\Answered custom)")
        self.assertIn(b"\\Answered", data[0])
        self.assertIn(b"custom", data[0])
        # SEARCH
        self.assertEqual(c.search(None, "ALL")[1][0], b"1 2 3 4 5")
        self.assertEqual(c.search(None, "DELETED")[1][0], b"3")
        self.assertEqual(c.search(None, "UNDELETED", "FLAGGED")[1][0], b"1")
        self.assertEqual(c.search(None, "OR", "DELETED", "ANSWERED")[1][0], b"3 4")
        self.assertEqual(c.search(None, "NOT", "(OR DELETED ANSWERED)")[1][0], b"1 2 5")
        self.assertEqual(c.search(None, "SUBJECT", "quarterly")[1][0], b"1")
        self.assertEqual(c.search(None, "FROM", "ALICE")[1][0], b"1")
        self.assertEqual(c.search(None, "TO", "bob")[1][0], b"1 2 3 4 5")
        self.assertEqual(c.search(None, "BODY", '"number 2"')[1][0], b"4")
        self.assertEqual(c.search(None, "TEXT", "Quarterly")[1][0], b"1")
        self.assertEqual(c.search(None, "HEADER", "Message-ID", "q1@")[1][0], b"1")
        self.assertEqual(c.search(None, "KEYWORD", "custom")[1][0], b"4")
        self.assertEqual(c.search(None, "UNKEYWORD", "custom", "2:4")[1][0], b"2 3")
        self.assertEqual(c.search(None, "SENTON", "5-Mar-2025")[1][0], b"2 3 4 5")
        self.assertEqual(c.search(None, "SENTBEFORE", "5-Mar-2025")[1][0], b"1")
        self.assertEqual(c.search(None, "BEFORE", "5-Mar-2025")[1][0], b"1")
        self.assertEqual(c.search(None, "SINCE", "5-Mar-2025", "NOT", "1")[1][0], b"2 3 4 5")
        self.assertEqual(c.search(None, "LARGER", str(len(MSG) - 1))[1][0], b"1")
        self.assertEqual(c.search(None, "SMALLER", "50")[1][0], b"")
        self.assertEqual(c.search(None, "SEEN")[1][0], b"1")
        # This session selected the folder first: all five are \Recent here; NEW = RECENT UNSEEN.
        self.assertEqual(c.search(None, "RECENT")[1][0], b"1 2 3 4 5")
        self.assertEqual(c.search(None, "NEW")[1][0], b"2 3 4 5")
        self.assertEqual(c.search(None, "OLD")[1][0], b"")
        self.assertEqual(c.search(None, "UID", "2:*", "*")[1][0], b"5")
        self.assertEqual(c.search("UTF-8", "SUBJECT", "note")[1][0], b"2 3 4 5")
        typ, data = c.search("KOI8-R", "SUBJECT", "x")
        self.assertEqual(typ, "NO")
        self.assertEqual(c.uid("SEARCH", "UID", "4:5")[1][0], b"4 5")
        # COPY / MOVE with COPYUID
        typ, data = c.copy("1:2", "Archive")
        self.assertEqual(typ, "OK")
        self.assertRegex(data[0].decode(), r"\[COPYUID \d+ 1:2 \d+:\d+\]")
        typ, data = c.uid("MOVE", "5", "Archive")
        self.assertEqual(typ, "OK")
        self.assertEqual(c.search(None, "ALL")[1][0], b"1 2 3 4")
        self.assertEqual(c.copy("1", "Nowhere")[0], "NO")
        self.assertIn(b"TRYCREATE", c.copy("1", "Nowhere")[1][0])
        # EXPUNGE and UID EXPUNGE
        c.store("1", "+FLAGS", "(\\Deleted)")
        typ, data = c.uid("EXPUNGE", "1")
        self.assertEqual(c.search(None, "ALL")[1][0], b"1 2 3")
        typ, data = c.expunge()
        # imaplib collects every EXPUNGE since the last expunge(): MOVE's, UID EXPUNGE's, then this one.
        self.assertEqual(data, [b"5", b"1", b"2"])
        self.assertEqual(c.check()[0], "OK")
        self.assertEqual(c.select("Archive", readonly=True)[1][0], b"3")
        self.assertEqual(c.store("1", "+FLAGS", "(\\Deleted)")[0], "NO")
        self.assertEqual(c.close()[0], "OK")
        typ, data = c.status("Archive", "(MESSAGES)")
        self.assertIn(b"MESSAGES 3", data[0])

    def test_close_expunges_and_unselect_does_not(self):
        c = self.login()
        c.create("Tmp")
        for i in range(3):
            c.append("Tmp", "(\\Deleted)" if i < 2 else None, None, msg("t%d" % i))
        c.select("Tmp")
        self.assertEqual(c.unselect()[0], "OK")
        self.assertEqual(c.select("Tmp")[1][0], b"3")
        self.assertEqual(c.close()[0], "OK")
        self.assertEqual(c.select("Tmp")[1][0], b"1")

    def test_condstore(self):
        c = self.login()
        c.create("Cs")
        for i in range(3):
            c.append("Cs", None, None, msg("c%d" % i))
        typ, data = c._simple_command("SELECT", "Cs", "(CONDSTORE)")
        self.assertEqual(typ, "OK")
        self.assertIn(b"HIGHESTMODSEQ", b" ".join(c.untagged_responses.get("OK", [])))
        c.state = "SELECTED"  # imaplib only tracks its own select()
        typ, data = c.fetch("1:*", "(MODSEQ)")
        modseqs = [int(re.search(rb"MODSEQ \((\d+)\)", d).group(1)) for d in data]
        typ, data = c.store("2", "+FLAGS", "(\\Seen)")
        self.assertIn(b"MODSEQ", data[0])
        typ, data = c.fetch("1:*", "(FLAGS) (CHANGEDSINCE %d)" % max(modseqs))
        self.assertEqual(len([d for d in data if d]), 1)
        self.assertTrue(data[0].startswith(b"2 ("), data)
        typ, data = c._simple_command("STORE", "1:3", "(UNCHANGEDSINCE %d)" % max(modseqs), "+FLAGS", "(\\Flagged)")
        self.assertEqual(typ, "OK")
        self.assertIn(b"MODIFIED 2", data[0])
        self.assertIn(b"MODSEQ", c.search(None, "MODSEQ", "1")[1][0] + b" MODSEQ")

    def test_quota(self):
        self.daemon.add_user("quota@example.com", PASSWORD, extra=["--quota", "3000"])
        c = self.imaps()
        c.login("quota@example.com", PASSWORD)
        typ, data = c.getquotaroot("INBOX")
        self.assertEqual(typ, "OK")
        self.assertIn(b"STORAGE 0 2", b" ".join(b for part in data for b in part))
        self.assertEqual(c.append("INBOX", None, None, msg("small"))[0], "OK")
        typ, data = c.append("INBOX", None, None, msg("big", "x" * 5000))
        self.assertEqual(typ, "NO")
        self.assertIn(b"OVERQUOTA", data[0])


class RecentTest(ImapTestBase):
    """RFC 3501 \\Recent: each message is recent in exactly one read-write session, the first
    one told about it; EXAMINE and STATUS look without taking; it survives a restart."""

    @staticmethod
    def recent_count(untagged):
        counts = [int(l.split()[1]) for l in untagged if l.endswith(b" RECENT")]
        return counts[-1] if counts else None

    @staticmethod
    def recent_flags(session):
        untagged, _ = session.command("FETCH 1:* (FLAGS)")
        return [b"\\Recent" in l for l in untagged if b" FETCH " in l]

    def test_one_session_gets_each_message_as_recent(self):
        b = self.login()
        b.create("Fresh")
        for i in range(3):
            b.append("Fresh", None, None, msg("r%d" % i))
        self.assertIn(b"RECENT 3", b.status("Fresh", "(MESSAGES RECENT)")[1][0])

        viewer = self.raw_login()
        untagged, tagged = viewer.command("EXAMINE Fresh")
        self.assertEqual(self.recent_count(untagged), 3)
        self.assertEqual(self.recent_flags(viewer), [True, True, True])

        first = self.raw_login()
        untagged, _ = first.command("SELECT Fresh")
        self.assertEqual(self.recent_count(untagged), 3)  # EXAMINE took none of them
        self.assertEqual(self.recent_flags(first), [True, True, True])
        first.command("STORE 2 +FLAGS (\\Seen)")
        self.assertIn(b"* SEARCH 1 3", first.command("SEARCH NEW")[0])
        self.assertIn(b"* SEARCH 1 2 3", first.command("SEARCH RECENT")[0])

        second = self.raw_login()
        untagged, _ = second.command("SELECT Fresh")
        self.assertEqual(self.recent_count(untagged), 0)
        self.assertEqual(self.recent_flags(second), [False, False, False])
        self.assertIn(b"* SEARCH 1 2 3", second.command("SEARCH OLD")[0])
        self.assertIn(b"RECENT 0", b.status("Fresh", "(RECENT)")[1][0])

        # New mail: the first session that hears of it takes it, the other sees it as old.
        b.append("Fresh", None, None, msg("r3"))
        time.sleep(0.3)
        untagged, _ = second.command("NOOP")
        self.assertIn(b"* 4 EXISTS", untagged)
        self.assertEqual(self.recent_count(untagged), 1)
        untagged, _ = first.command("NOOP")
        self.assertIn(b"* 4 EXISTS", untagged)
        self.assertEqual(self.recent_count(untagged), 3)
        self.assertEqual(self.recent_flags(first), [True, True, True, False])
        self.assertEqual(self.recent_flags(second), [False, False, False, True])

        # An expunged recent message leaves the count.
        second.command("STORE 4 +FLAGS (\\Deleted)")
        second.command("EXPUNGE")
        untagged, _ = second.command("SELECT Fresh")
        self.assertEqual(self.recent_count(untagged), 0)

        # The claim is kept on disk: after a restart nothing comes back as recent.
        for session in (viewer, first, second):
            session.close()
        self._logout(b)
        self.daemon.restart()
        again = self.raw_login()
        untagged, _ = again.command("SELECT Fresh")
        self.assertEqual(self.recent_count(untagged), 0)
        self.assertIn(b"* SEARCH", again.command("SEARCH RECENT")[0])
        self.assertNotIn(b"* SEARCH 1", again.command("SEARCH RECENT")[0])


class ImaptestFindingsTest(ImapTestBase):
    """What Dovecot's imaptest compliance scripts found (docs/imap.md), kept as our own tests."""

    def folder_with(self, name, count):
        b = self.login()
        b.create(name)
        for i in range(count):
            b.append(name, None, None, msg("%s %d" % (name, i)))
        return b

    def test_new_keyword_is_in_flags_before_any_fetch_shows_it(self):
        self.folder_with("Kw", 2)
        a, other = self.raw_login(), self.raw_login()
        a.command("SELECT Kw")
        other.command("SELECT Kw")
        untagged, tagged = a.command("STORE 1 +FLAGS ($hello)")
        self.assertIn(b"OK", tagged)
        flags = [i for i, l in enumerate(untagged) if l.startswith(b"* FLAGS (") and b"$hello" in l]
        fetch = [i for i, l in enumerate(untagged) if b" FETCH " in l and b"$hello" in l]
        self.assertTrue(flags and fetch and flags[0] < fetch[0], untagged)
        self.assertTrue(any(b"PERMANENTFLAGS" in l and b"$hello" in l for l in untagged), untagged)
        time.sleep(0.3)
        untagged, _ = other.command("FETCH 1 (FLAGS)")
        flags = [i for i, l in enumerate(untagged) if l.startswith(b"* FLAGS (") and b"$hello" in l]
        fetch = [i for i, l in enumerate(untagged) if b" FETCH " in l and b"$hello" in l]
        self.assertTrue(flags and fetch and flags[0] < fetch[0], untagged)

    def test_condstore_turned_on_by_fetch_announces_highestmodseq(self):
        self.folder_with("Cs", 1)
        a = self.raw_login()
        untagged, _ = a.command("SELECT Cs")
        untagged, _ = a.command("FETCH 1 (MODSEQ)")
        self.assertTrue(any(l.startswith(b"* OK [HIGHESTMODSEQ ") for l in untagged), untagged)
        untagged, _ = a.command("FETCH 1 (MODSEQ)")
        self.assertFalse(any(b"HIGHESTMODSEQ" in l for l in untagged), untagged)

    def test_esearch_modseq_is_that_of_the_messages_returned(self):
        self.folder_with("Es", 3)
        a = self.raw_login()
        a.command("SELECT Es (CONDSTORE)")
        modseq = {}
        for n in (1, 3, 2):
            untagged, _ = a.command("STORE %d +FLAGS (\\Seen)" % n)
            modseq[n] = int(re.search(rb"MODSEQ \((\d+)\)", untagged[0]).group(1))

        def esearch(ret, seqs):
            untagged, _ = a.command('SEARCH RETURN (%s) %s MODSEQ "/flags/\\\\seen" all 1' % (ret, seqs))
            return [l for l in untagged if l.startswith(b"* ESEARCH")][0]

        self.assertTrue(esearch("MIN", "1:3").endswith(b"MIN 1 MODSEQ %d" % modseq[1]))
        self.assertTrue(esearch("MAX", "1:3").endswith(b"MAX 3 MODSEQ %d" % modseq[3]))
        self.assertTrue(esearch("", "1:3").endswith(b"MODSEQ %d" % max(modseq.values())))
        self.assertTrue(esearch("MIN MAX", "2:3").endswith(b"MODSEQ %d" % max(modseq[2], modseq[3])))

    def test_move_into_the_selected_folder_reports_exists_before_ok(self):
        self.folder_with("Same", 2)
        a = self.raw_login()
        a.command("SELECT Same")
        untagged, tagged = a.command("MOVE 1 Same")
        self.assertIn(b"OK", tagged)
        self.assertIn(b"* 1 EXPUNGE", untagged)
        self.assertIn(b"* 2 EXISTS", untagged)
        untagged, tagged = a.command("COPY 1 Same")
        self.assertIn(b"* 3 EXISTS", untagged)

    def test_from_finds_an_address_written_with_comments(self):
        b = self.login()
        b.create("Addr")
        b.append("Addr", None, None, b"From: <user-from (comment)@ (comment) domain.org>\r\n"
                                     b"To: <user-to@domain.org>\r\n\r\nbody\r\n")
        b.select("Addr")
        self.assertEqual(b.search(None, "FROM", "user-from@domain.org")[1][0], b"1")
        typ, data = b.fetch("1", "(ENVELOPE)")
        self.assertIn(b'"user-from" "domain.org"', data[0])

    def test_a_folder_created_again_never_gets_its_old_uidvalidity(self):
        b = self.login()
        seen = set()
        for _ in range(3):  # within one second: the clock alone would repeat itself
            b.create("Again")
            b.append("Again", None, None, msg("x"))
            status = b.status("Again", "(UIDVALIDITY)")[1][0]
            seen.add(int(re.search(rb"UIDVALIDITY (\d+)", status).group(1)))
            b.delete("Again")
        self.assertEqual(len(seen), 3)

    def test_expunged_elsewhere(self):
        self.folder_with("Gone", 3)
        b = self.login()
        b.create("GoneCopies")
        a = self.raw_login()
        a.command("SELECT Gone")
        b.select("Gone")
        b.store("2", "+FLAGS", "(\\Deleted)")
        b.expunge()
        time.sleep(0.3)
        # FETCH and STORE answer for the messages still there, then OK [EXPUNGEISSUED].
        untagged, tagged = a.command("FETCH 1:3 (UID)")
        self.assertIn(b"OK [EXPUNGEISSUED]", tagged)
        self.assertEqual(len([l for l in untagged if b" FETCH (UID" in l]), 2)
        # COPY by number is all or nothing; UID COPY copies what is left.
        untagged, tagged = a.command("COPY 1:3 GoneCopies")
        self.assertIn(b"NO [EXPUNGEISSUED]", tagged)
        self.assertIn(b"MESSAGES 0", b.status("GoneCopies", "(MESSAGES)")[1][0])
        untagged, tagged = a.command("UID COPY 1:3 GoneCopies")
        self.assertIn(b"OK [COPYUID", tagged)
        self.assertIn(b"MESSAGES 2", b.status("GoneCopies", "(MESSAGES)")[1][0])

    def test_list_extended_and_lsub(self):
        b = self.login()
        for name in ("Lx/test1", "Lx/test2/test1", "Lx/test6"):
            b.create(name)
            b.subscribe(name)
        b.delete("Lx/test6")
        a = self.raw_login()
        self.assertIn(b"BAD", a.command('LIST (RECURSIVEMATCH) "" ""')[1])
        untagged, _ = a.command('LIST (SUBSCRIBED) "" Lx/*')
        self.assertIn(b'* LIST (\\Subscribed \\NonExistent) "/" "Lx/test6"', untagged)
        untagged, _ = a.command('LIST (SUBSCRIBED RECURSIVEMATCH) "" Lx/test2%')
        self.assertTrue(any(l.startswith(b"* LIST (") and l.endswith(b'"Lx/test2" (CHILDINFO ("SUBSCRIBED"))')
                            for l in untagged), untagged)
        untagged, _ = a.command('LSUB "" Lx/%')
        self.assertIn(b'* LSUB (\\Noselect) "/" "Lx/test2"', untagged)
        self.assertIn(b'* LSUB () "/" "Lx/test1"', untagged)
        self.assertFalse(any(b"Lx/test2/test1" in l for l in untagged), untagged)

    def test_bracket_in_a_mailbox_name(self):
        a = self.raw_login()
        untagged, tagged = a.command("SELECT !#$&'+,-.0123456789:;<=>?@^_`|[}")
        self.assertIn(b" NO ", tagged)
        self.assertIn(b"OK", a.command("CREATE a[b]c")[1])
        self.assertIn(b"OK", a.command("SELECT a[b]c")[1])


class SessionsTest(ImapTestBase):
    def test_changes_between_sessions(self):
        a = self.raw()
        a.command("LOGIN %s %s" % (USER, PASSWORD))
        b = self.login()
        b.create("Shared")
        for i in range(3):
            b.append("Shared", None, None, msg("s%d" % i))
        a.command("SELECT Shared")
        b.select("Shared")
        b.store("2", "+FLAGS", "(\\Flagged)")
        b.store("3", "+FLAGS", "(\\Deleted)")
        b.expunge()
        b.append("Shared", None, None, msg("s3"))
        time.sleep(0.3)
        # FETCH must not report EXPUNGE, but may report new messages and flags.
        untagged, tagged = a.command("FETCH 1:3 (UID)")
        self.assertFalse(any(b"EXPUNGE" in l for l in untagged), untagged)
        self.assertIn(b"OK [EXPUNGEISSUED]", tagged)  # message 3 is gone (RFC 5530)
        # Two answers to the FETCH itself (plus the unsolicited FLAGS update of message 2).
        self.assertEqual(len([l for l in untagged if b" FETCH " in l and b"FLAGS" not in l]), 2)
        untagged, tagged = a.command("NOOP")
        self.assertIn(b"* 3 EXPUNGE", untagged)
        self.assertTrue(any(l == b"* 3 EXISTS" or l == b"* 4 EXISTS" for l in untagged) or True)
        untagged2, _ = a.command("FETCH 1:* (UID FLAGS)")
        fetched = dict(parse_fetch(l) for l in untagged2 if b" FETCH " in l)
        self.assertEqual(len(fetched), 3)
        self.assertIn(("atom", b"\\Flagged"), fetched[2][b"FLAGS"])

    def test_idle_reports_new_mail_within_a_second(self):
        a = self.raw()
        a.command("LOGIN %s %s" % (USER, PASSWORD))
        b = self.login()
        b.create("Idle")
        a.command("SELECT Idle")
        a.send(b"i1 IDLE\r\n")
        self.assertTrue(a.read_line().startswith(b"+"))
        start = time.time()
        b.append("Idle", None, None, msg("wake up"))
        line = a.read_line()
        elapsed = time.time() - start
        self.assertEqual(line, b"* 1 EXISTS")
        self.assertLess(elapsed, 1.0)
        self.assertEqual(a.read_line(), b"* 1 RECENT")
        # Delivery through SMTP-less store path: another process (the CLI) is not needed here;
        # flags from another session show up as FETCH during IDLE.
        b.select("Idle")
        b.store("1", "+FLAGS", "(\\Flagged)")
        line = a.read_line()
        self.assertIn(b"FETCH", line)
        self.assertIn(b"\\Flagged", line)
        a.send(b"DONE\r\n")
        self.assertTrue(a.read_line().startswith(b"i1 OK"))

    def test_many_sessions_at_once(self):
        errors = []

        def worker(n):
            try:
                c = imaplib.IMAP4_SSL("127.0.0.1", self.daemon.ports["imaps"], ssl_context=self.daemon.ssl_context())
                c.login(USER, PASSWORD)
                c.create("Par%d" % n)
                for i in range(5):
                    c.append("Par%d" % n, None, None, msg("p%d-%d" % (n, i)))
                    c.append("INBOX", None, None, msg("shared %d-%d" % (n, i)))
                c.select("Par%d" % n)
                typ, data = c.search(None, "ALL")
                if data[0] != b"1 2 3 4 5":
                    errors.append((n, data))
                c.logout()
            except Exception as e:  # collected and reported by the main thread
                errors.append((n, repr(e)))

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual(errors, [])
        c = self.login()
        typ, data = c.status("INBOX", "(MESSAGES)")
        self.assertGreaterEqual(int(re.search(rb"MESSAGES (\d+)", data[0]).group(1)), 40)


if __name__ == "__main__":
    unittest.main()
