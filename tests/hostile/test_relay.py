"""Open-relay attempts against the real postroomd on every SMTP port with address tricks:
source routes, percent hack, bang paths, quoted local parts, our domain as sender, IP
literals, letter case, trailing dots. A recipient may only be accepted when it is a local
mailbox; nothing may end up queued for a foreign domain (reply AND queue spool checked)."""
import time
import unittest

from hostile import DaemonTest, Smtp, queue_envelopes, wait_until

FOREIGN = ("elsewhere.example", "192.0.2.1", "[127.0.0.1]", "ipv6:", "localhost", "sub.example.com")

# Recipients whose final destination is foreign: never accepted without AUTH.
FOREIGN_RCPTS = [
    "<victim@elsewhere.example>",
    "<victim@ELSEWHERE.EXAMPLE>",
    "<victim@elsewhere.example.>",
    "<@example.com:victim@elsewhere.example>",
    "<@example.com,@mail.example.com:victim@elsewhere.example>",
    "<@mail.example.com:victim@elsewhere.example>",
    "<victim%elsewhere.example@example.com>",
    "<victim%elsewhere.example@EXAMPLE.COM.>",
    "<bob%elsewhere.example@example.com>",
    "<elsewhere.example!victim@example.com>",
    "<elsewhere.example!victim>",
    "<\"victim@elsewhere.example\"@example.com>",
    "<\"victim@elsewhere.example\">",
    "<\"victim%elsewhere.example\"@example.com>",
    "<victim\\@elsewhere.example@example.com>",
    "<victim@example.com@elsewhere.example>",
    "<victim@[192.0.2.1]>",
    "<victim@[127.0.0.1]>",
    "<victim@[IPv6:::1]>",
    "<postmaster@[127.0.0.1]>",
    "<victim@localhost>",
    "<victim@sub.example.com>",
    "<victim@example.com.elsewhere.example>",
    "<victim@elsewhere.example>(comment)",
    "victim@elsewhere.example",
    "<victim@elsewhere.example> SIZE=10",
    "<victim@elsewhere.example\x00@example.com>",
]
# Local destinations written in odd ways: accepting them is fine, but only for bob.
LOCAL_RCPTS = [
    "<bob@EXAMPLE.COM>",
    "<BOB@example.com>",
    "<@elsewhere.example:bob@example.com>",
    "<bob@example.com.>",
]
SENDERS = ["<>", "<bob@example.com>", "<postmaster@example.com>", "<attacker@elsewhere.example>",
           "<@elsewhere.example:bob@example.com>", "<bob@[127.0.0.1]>"]


class RelayTest(DaemonTest):
    OVERRIDES = {"smtp": {"max_recipients": 100}}

    LABELS = ("25", "25+STARTTLS", "587", "587+STARTTLS", "465")

    def session(self, label):
        """A connected Smtp after EHLO for one unauthenticated way in."""
        ctx = self.d.ssl_context()
        port = self.d.ports["smtps" if label == "465" else "smtp" if label.startswith("25") else "submission"]
        s = Smtp(port, tls_context=ctx if label == "465" else None)
        self.assertEqual(s.greeting[0], 220)
        s.ehlo()
        if label.endswith("STARTTLS"):
            self.assertEqual(s.command("STARTTLS")[0], 220)
            s.starttls(ctx)
            s.ehlo()
        return s

    def test_no_relay_tricks_on_any_port(self):
        accepted_foreign = []
        for label in self.LABELS:
            for sender in SENDERS:
                pending = list(FOREIGN_RCPTS)
                while pending:
                    s = self.session(label)
                    code, _ = s.command("MAIL FROM:" + sender)
                    self.assertTrue(200 <= code < 600, (label, sender, code))
                    while pending:
                        code, text = s.command("RCPT TO:" + pending[0])
                        if code == 0:  # too many errors: the server hung up; go on in a fresh session
                            break
                        if 200 <= code < 300:
                            accepted_foreign.append((label, sender, pending[0], text))
                        pending.pop(0)
                    # DATA anyway: should a RCPT have slipped through, the spool check catches it.
                    if code != 0 and s.command("DATA")[0] == 354:
                        s.send(b"Subject: relay probe\r\n\r\nprobe\r\n.\r\n")
                        s.reply()
                    s.close()
        self.assertEqual(accepted_foreign, [])
        time.sleep(0.5)
        for env in queue_envelopes(self.d.mail_root):
            for marker in FOREIGN:
                self.assertNotIn(marker, env.lower(), env)

    def test_odd_spellings_of_local_mailbox_only_reach_bob(self):
        s = Smtp(self.d.ports["smtp"])
        s.ehlo()
        delivered = 0
        for rcpt in LOCAL_RCPTS:
            self.assertEqual(s.command("MAIL FROM:<attacker@elsewhere.example>")[0], 250)
            code, text = s.command("RCPT TO:" + rcpt)
            self.assertTrue(code in (250, 501, 550, 553, 554), (rcpt, text))
            if code == 250:
                self.assertEqual(s.command("DATA")[0], 354)
                s.send(("Subject: odd %s\r\n\r\nbody\r\n.\r\n" % rcpt).encode())
                self.assertEqual(s.reply()[0], 250, rcpt)
                delivered += 1
            else:
                s.command("RSET")
        s.close()
        files = self.d.wait_for_messages("bob@example.com", delivered) if delivered else []
        self.assertEqual(len(files), delivered)
        self.assertTrue(wait_until(lambda: not any("elsewhere.example" in e.split('"recipients"')[-1]
                                                   for e in queue_envelopes(self.d.mail_root)), 10))
        for env in queue_envelopes(self.d.mail_root):
            self.assertNotIn("victim", env)

    def test_sender_in_our_domain_does_not_open_relay(self):
        """MAIL FROM our domain (or a local user) without AUTH on port 25 is still an outsider."""
        for helo in ("mail.example.com", "example.com", "[127.0.0.1]", "localhost"):
            s = Smtp(self.d.ports["smtp"])
            s.ehlo(helo)
            self.assertEqual(s.command("MAIL FROM:<bob@example.com>")[0], 250)
            code, text = s.command("RCPT TO:<victim@elsewhere.example>")
            self.assertTrue(500 <= code < 600, (helo, text))
            s.close()


if __name__ == "__main__":
    unittest.main()
