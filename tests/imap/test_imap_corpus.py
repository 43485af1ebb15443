"""All 52 messages of ../shared/testdata/mime APPENDed byte for byte over IMAP, then every
FETCH item of their golden JSON asked for and compared as values with Dovecot's answers.
Differences allowed by the corpus README (and documented in docs/imap.md) are listed in
KNOWN_DIFFERENCES with the reason; every other item must match exactly."""
import base64
import glob
import json
import os
import re
import unittest

from postroomtest import PostroomDaemon, SHARED_DIR
from rawimap import RawImap, parse_fetch, parse_value

CORPUS = os.path.join(SHARED_DIR, "testdata", "mime")

# file -> reason. We store and return the bytes unchanged (the README allows it for 045).
KNOWN_DIFFERENCES = {
    "045-bare-lf-lines.eml": "stored byte for byte: bare LF is not turned into CRLF (README: equally valid)",
}


def golden_value(value):
    if isinstance(value, dict) and "base64" in value:
        return base64.b64decode(value["base64"])
    return value.encode("utf-8")


def normalise(v):
    """Atoms compare case-insensitively where IMAP says so only for NIL; keep bytes as they are."""
    if isinstance(v, list):
        return [normalise(x) for x in v]
    if isinstance(v, tuple):
        return ("atom", v[1])
    return v


class CorpusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.daemon = PostroomDaemon()
        cls.daemon.add_user("bob@example.com", "secret")
        cls.client = RawImap("127.0.0.1", cls.daemon.ports["imaps"], cls.daemon.ssl_context())
        _, tagged = cls.client.command("LOGIN bob@example.com secret")
        assert b" OK " in tagged, tagged
        cls.files = sorted(glob.glob(os.path.join(CORPUS, "*.eml")))
        cls.uids = {}
        for path in cls.files:
            with open(path, "rb") as f:
                data = f.read()
            _, tagged = cls.client.command(["APPEND INBOX ", b""], literals=[data])
            assert b"APPENDUID" in tagged, tagged
            cls.uids[os.path.basename(path)] = int(tagged.split(b"APPENDUID ")[1].split(b" ")[1].rstrip(b"]"))
        _, tagged = cls.client.command("EXAMINE INBOX")
        assert b" OK " in tagged, tagged

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.daemon.cleanup()

    def fetch(self, uid, items):
        untagged, tagged = self.client.command("UID FETCH %d (%s)" % (uid, items))
        self.assertIn(b" OK ", tagged, items)
        fetches = [parse_fetch(l)[1] for l in untagged if b" FETCH " in l]
        self.assertEqual(len(fetches), 1, untagged)
        return fetches[0]

    def test_corpus_count(self):
        self.assertEqual(len(self.files), 52)

    def test_every_item_matches_golden(self):
        mismatches = []
        checked = 0
        for path in self.files:
            name = os.path.basename(path)
            if name in KNOWN_DIFFERENCES:
                continue
            with open(path[:-4] + ".json") as f:
                golden = json.load(f)
            uid = self.uids[name]
            combined = self.fetch(uid, "RFC822.SIZE ENVELOPE BODYSTRUCTURE BODY")
            for key, expected in golden["fetch"].items():
                if key in ("RFC822.SIZE", "ENVELOPE", "BODYSTRUCTURE", "BODY"):
                    got = combined.get(key.encode())
                    response_name = key.encode()
                else:
                    response_name = golden["response_items"][key].encode()
                    got = self.fetch(uid, key).get(response_name.upper())
                want, _ = parse_value(golden_value(expected))
                checked += 1
                if normalise(got) != normalise(want):
                    mismatches.append("%s %s:\n   got  %r\n   want %r" % (name, key, got, want))
        self.assertGreater(checked, 500)
        self.assertEqual(mismatches, [], "\n".join(mismatches[:40]) + "\n(%d mismatches)" % len(mismatches))

    def test_cold_fetch_of_dropped_files_matches_appended(self):
        # Files put into a folder behind the server's back (delivery by another program, a
        # restored backup) are parsed on first FETCH, several at once: the answers must be
        # those of the same messages APPENDed (which the golden test checks).
        _, tagged = self.client.command("CREATE Cold")
        self.assertIn(b" OK ", tagged)
        new_dir = os.path.join(self.daemon.mail_root, "example.com", "bob", "Maildir", ".Cold", "new")
        for i, path in enumerate(self.files):
            with open(path, "rb") as f:
                data = f.read()
            with open(os.path.join(new_dir, "1700000000.M%dP1.corpus" % i), "wb") as f:
                f.write(data)
        items = "ENVELOPE BODYSTRUCTURE BODY"  # RFC822.SIZE: see the bare-LF test

        def answers(folder):
            _, tagged = self.client.command("EXAMINE " + folder)
            self.assertIn(b" OK ", tagged)
            untagged, tagged = self.client.command("FETCH 1:* (%s)" % items)
            self.assertIn(b" OK ", tagged)
            fetches = [parse_fetch(l)[1] for l in untagged if b" FETCH " in l]
            return sorted(repr(sorted(f.items())) for f in fetches)

        cold = answers("Cold")
        appended = answers("INBOX")
        self.assertEqual(len(cold), len(self.files))
        self.assertEqual(cold, appended)
        self.assertEqual(answers("Cold"), appended)  # now from the folder cache
        answers("INBOX")  # the other tests use INBOX's UIDs

    def test_bare_lf_message_is_served_with_crlf_like_dovecot(self):
        # The store keeps the bytes and serves every bare LF as CRLF (as Dovecot does, README
        # of the corpus: 326 bytes served for the 322-byte file); RFC822.SIZE counts what is sent.
        path = os.path.join(CORPUS, "045-bare-lf-lines.eml")
        with open(path, "rb") as f:
            data = f.read()
        expected = re.sub(rb"(?<!\r)\n", b"\r\n", data)
        self.assertNotEqual(expected, data)
        got = self.fetch(self.uids["045-bare-lf-lines.eml"], "RFC822.SIZE BODY.PEEK[]")
        self.assertEqual(got[b"BODY[]"], expected)
        self.assertEqual(int(got[b"RFC822.SIZE"][1]), len(expected))

    def test_repeated_fetch_gives_identical_answers(self):
        uid = self.uids["013-rfc822-in-rfc822.eml"]
        first = self.fetch(uid, "ENVELOPE BODYSTRUCTURE BODY.PEEK[2.1.HEADER]")
        second = self.fetch(uid, "ENVELOPE BODYSTRUCTURE BODY.PEEK[2.1.HEADER]")
        self.assertEqual(first, second)


if __name__ == "__main__":
    unittest.main()
