"""`postroomd diagnose` against the real daemon: healthy, a listener down, 127.0.0.1 not
whitelisted, --json, an account given on the command line, and the `diagnose` control method.
DNS checks are skipped (--no-dns): tests never use real DNS."""
import imaplib
import json
import unittest

from postroomtest import PostroomDaemon, free_ports

LISTENERS = ("smtp", "submission", "smtps", "imap", "imaps", "http", "https")


def lines_starting(text, prefix):
    return [l for l in text.splitlines() if l.startswith(prefix)]


class DiagnoseTest(unittest.TestCase):
    def test_healthy_daemon_passes_with_a_line_per_listener(self):
        with PostroomDaemon() as d:
            r = d.run_cli(["diagnose", "--no-dns"], timeout=120)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            for name in LISTENERS:
                label = "PASS %s (127.0.0.1:%d)" % (name, d.ports[name])
                self.assertTrue(lines_starting(r.stdout, label), "no pass line for %s:\n%s" % (name, r.stdout))
            self.assertIn("STARTTLS works", lines_starting(r.stdout, "PASS submission")[0])
            self.assertIn("EHLO offers", lines_starting(r.stdout, "PASS smtp ")[0])
            self.assertIn("AUTH", lines_starting(r.stdout, "PASS submission")[0])
            self.assertIn("IMAP4REV1", lines_starting(r.stdout, "PASS imaps")[0])
            for check in ("PASS rate_limit.whitelist", "PASS auth submission", "PASS auth imap", "PASS submission:",
                          "PASS delivery", "PASS api", "PASS autoconfig example.com"):
                self.assertTrue(lines_starting(r.stdout, check), "missing %r:\n%s" % (check, r.stdout))
            # The generated certificate names the hostname but is self-signed: a warning with a fix.
            cert = lines_starting(r.stdout, "WARN tls certificate")
            self.assertTrue(cert, r.stdout)
            self.assertIn("self-signed", cert[0])
            self.assertIn("fix:", cert[0])
            self.assertRegex(r.stdout.splitlines()[-1], r"^\d+ passed, \d+ warnings, 0 failed$")
            # The throwaway account is gone again.
            users = json.dumps(d.control("user.list"))
            self.assertNotIn("postroom-diagnose", users)

    def test_json_output_parses(self):
        with PostroomDaemon() as d:
            r = d.run_cli(["diagnose", "--json", "--no-dns"], timeout=120)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            report = json.loads(r.stdout)
            self.assertGreater(len(report["checks"]), 10)
            for c in report["checks"]:
                self.assertEqual(set(c.keys()), {"name", "result", "detail", "fix"})
                self.assertIn(c["result"], ("pass", "warn", "fail"))
                if c["result"] != "pass":
                    self.assertTrue(c["fix"], c)
            self.assertEqual(report["failed"], 0)

    def test_listener_down_fails_with_a_clear_line(self):
        with PostroomDaemon() as d:
            # The admin changed imap.port in config.json but the daemon does not listen there.
            (dead,) = free_ports(1)
            d.config["imap"]["port"] = dead
            d.write_config(d.config)
            r = d.run_cli(["diagnose", "--no-dns"], timeout=120)
            self.assertEqual(r.returncode, 1, r.stdout)
            line = lines_starting(r.stdout, "FAIL imap (127.0.0.1:%d)" % dead)
            self.assertTrue(line, r.stdout)
            self.assertIn("nothing answers (connection refused)", line[0])
            self.assertIn("the daemon listens on port %d instead" % d.ports["imap"], line[0])
            self.assertIn("fix: config.json changed since the daemon loaded it: run `postroomd reload`", line[0])
            self.assertTrue(lines_starting(r.stdout, "PASS smtp (127.0.0.1:%d)" % d.ports["smtp"]))

    def test_daemon_not_running_fails(self):
        with PostroomDaemon(start=False) as d:
            r = d.run_cli(["diagnose", "--no-dns"], timeout=120)
            self.assertEqual(r.returncode, 1)
            self.assertTrue(lines_starting(r.stdout, "FAIL daemon: postroomd is not running"), r.stdout)

    def test_loopback_not_whitelisted_is_reported(self):
        with PostroomDaemon(config_overrides={"rate_limit": {"whitelist": ["10.0.0.0/8"]}}) as d:
            r = d.run_cli(["diagnose", "--no-dns"], timeout=120)
            self.assertEqual(r.returncode, 1, r.stdout)
            line = lines_starting(r.stdout, "FAIL rate_limit.whitelist")
            self.assertTrue(line, r.stdout)
            self.assertIn("127.0.0.1 is not in rate_limit.whitelist", line[0])
            self.assertIn('add "127.0.0.1"', line[0])

    def test_cidr_whitelist_counts(self):
        with PostroomDaemon(config_overrides={"rate_limit": {"whitelist": ["127.0.0.0/8"]}}) as d:
            r = d.run_cli(["diagnose", "--no-dns"], timeout=120)
            self.assertTrue(lines_starting(r.stdout, "PASS rate_limit.whitelist"), r.stdout)

    def test_given_account_and_its_mailbox_is_left_clean(self):
        with PostroomDaemon() as d:
            d.add_user("bob@example.com", "bobs-secret")
            r = d.run_cli(["diagnose", "--no-dns", "--user", "bob@example.com", "--password-stdin"],
                          input="bobs-secret\n", timeout=120)
            self.assertEqual(r.returncode, 0, r.stdout)
            self.assertTrue(lines_starting(r.stdout, "PASS account: using the account bob@example.com"), r.stdout)
            self.assertTrue(lines_starting(r.stdout, "PASS delivery"), r.stdout)
            imap = imaplib.IMAP4_SSL("127.0.0.1", d.ports["imaps"], ssl_context=d.ssl_context())
            imap.login("bob@example.com", "bobs-secret")
            typ, data = imap.select("INBOX")
            self.assertEqual(data[0], b"0", "the diagnose message should be expunged again")
            imap.logout()
            # A wrong password: AUTH fails with a fix, exit 1.
            r = d.run_cli(["diagnose", "--no-dns", "--user", "bob@example.com", "--password-stdin"],
                          input="wrong\n", timeout=120)
            self.assertEqual(r.returncode, 1)
            line = lines_starting(r.stdout, "FAIL auth submission")
            self.assertTrue(line, r.stdout)
            self.assertIn("postroomd user passwd bob@example.com", line[0])

    def test_control_method_returns_the_report(self):
        with PostroomDaemon() as d:
            result = d.control("diagnose", {"dns": False}, timeout=180)
            self.assertEqual(result["exit_code"], 0, result)
            names = [c["name"] for c in result["checks"]]
            self.assertIn("delivery", names)
            self.assertIn("imap (127.0.0.1:%d)" % d.ports["imap"], names)


if __name__ == "__main__":
    unittest.main()
