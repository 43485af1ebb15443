"""Daemon lifecycle against the real postroomd: init, first start, bad configs,
live reload by SIGHUP, TLS material, shutdown."""
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import unittest

from postroomtest import POSTROOMD, PostroomDaemon, free_ports


def slurp(path):
    with open(path) as f:
        return f.read()


def load_json(path):
    with open(path) as f:
        return json.load(f)


def run(args, cwd, timeout=30):
    return subprocess.run([POSTROOMD] + args, cwd=cwd, capture_output=True, text=True, timeout=timeout)


class InitTest(unittest.TestCase):
    def test_init_writes_every_key_and_refuses_to_overwrite(self):
        with tempfile.TemporaryDirectory() as d:
            r = run(["init"], d)
            self.assertEqual(r.returncode, 0, r.stderr)
            path = os.path.join(d, "config.json")
            text = slurp(path)
            self.assertIn('\n    "hostname": "mail.example.com"', text)  # indented
            config = json.loads(text)
            for section, keys in {"smtp": ["host", "port", "submission_port", "smtps_port", "max_message_size",
                                           "max_recipients", "max_connections", "max_messages_per_connection"],
                                  "imap": ["host", "port", "imaps_port", "max_connections"],
                                  "exchange_api": ["host", "port", "secure_port", "token_secret"],
                                  "delivery": ["workers", "relay_host", "routes", "max_queue_lifetime"],
                                  "tls": ["cert_file", "key_file"],
                                  "rate_limit": ["enabled", "connection_rate", "whitelist", "max_tracked_ips",
                                                 "cleanup_interval"]}.items():
                for key in keys:
                    self.assertIn(key, config[section], "%s.%s" % (section, key))
            self.assertIsNone(config["run_as"])

            with open(path, "w") as f:
                f.write('{"hostname": "mine.example.org"}')
            r = run(["init"], d)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("--force", r.stderr)
            self.assertEqual(slurp(path), '{"hostname": "mine.example.org"}')
            r = run(["init", "--force"], d)
            self.assertEqual(r.returncode, 0)
            self.assertEqual(load_json(path)["hostname"], "mail.example.com")

    def test_version_and_help(self):
        r = run(["--version"], "/")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"postroomd \d+\.\d+\.\d+")
        r = run(["--help"], "/")
        self.assertEqual(r.returncode, 0)
        for word in ("init", "status", "reload", "--config"):
            self.assertIn(word, r.stdout)
        r = run(["frobnicate"], "/")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown command", r.stderr)


class DocsTest(unittest.TestCase):
    def test_configuration_doc_lists_every_key_as_the_daemon_does(self):
        docs = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "configuration.md")
        text = slurp(docs)
        begin = text.index("<!-- BEGIN config-reference -->\n") + len("<!-- BEGIN config-reference -->\n")
        end = text.index("<!-- END config-reference -->")
        r = run(["config-reference"], "/")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(text[begin:end], r.stdout, "docs/configuration.md is stale: "
                         "regenerate its table with `postroomd config-reference`")


class StartupTest(unittest.TestCase):
    def test_missing_config_is_written_and_used(self):
        # The defaults listen on the standard ports of 0.0.0.0: run the daemon in a network
        # namespace of its own so nothing outside this test can reach or collide with it.
        if subprocess.run(["unshare", "--net", "true"], capture_output=True).returncode != 0:
            self.skipTest("needs unshare --net (root or user namespaces)")
        with tempfile.TemporaryDirectory() as d:
            log_path = os.path.join(d, "log.txt")
            with open(log_path, "w") as log:
                proc = subprocess.Popen(["unshare", "--net", POSTROOMD], cwd=d, stdout=log, stderr=subprocess.STDOUT)
            try:
                deadline = time.time() + 20
                while time.time() < deadline and "ready, pid" not in slurp(log_path):
                    self.assertIsNone(proc.poll(), slurp(log_path))
                    time.sleep(0.05)
                text = slurp(log_path)
                self.assertIn("no config file found: wrote the default configuration", text)
                config = load_json(os.path.join(d, "config.json"))
                self.assertEqual(config["smtp"]["port"], 25)
                self.assertEqual(config["mail_root"], "./mailstore")
                # It runs on what it wrote: the control socket under ./mailstore answers.
                r = run(["status"], d)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("mail_root: " + os.path.join(os.path.realpath(d), "mailstore"), r.stdout)
            finally:
                proc.terminate()
                proc.wait(15)
            self.assertEqual(proc.returncode, 0)

    def test_invalid_config_exits_nonzero_naming_every_key(self):
        with PostroomDaemon(start=False) as d:
            d.config["smtp"]["port"] = "abc"
            d.config["imap"]["max_connections"] = 0
            d.write_config(d.config)
            r = d.run_cli([])
            self.assertEqual(r.returncode, 2)
            self.assertIn('smtp.port: expected an integer 1-65535, got "abc"', r.stderr)
            self.assertIn("imap.max_connections: expected an integer 1-100000, got 0", r.stderr)

    def test_broken_json_points_at_the_line(self):
        with PostroomDaemon(start=False) as d:
            with open(d.config_path, "w") as f:
                f.write('{\n "hostname": "a.example",\n "domains": ["x.com",]\n}\n')
            r = d.run_cli([])
            self.assertEqual(r.returncode, 2)
            self.assertIn("invalid JSON at line 3", r.stderr)

    def test_configured_certificate_missing_names_the_key(self):
        with PostroomDaemon(start=False) as d:
            d.config["tls"] = {"cert_file": "/nonexistent/cert.pem", "key_file": "/nonexistent/key.pem"}
            d.write_config(d.config)
            r = d.run_cli([])
            self.assertEqual(r.returncode, 2)
            self.assertIn("tls.cert_file: cannot read /nonexistent/cert.pem", r.stderr)
            self.assertIn("tls.key_file", r.stderr)

    def test_port_in_use_at_start_names_the_key(self):
        with PostroomDaemon(start=False) as d:
            blocker = socket.socket()
            blocker.bind(("127.0.0.1", d.ports["imap"]))
            blocker.listen(1)
            try:
                r = d.run_cli([])
            finally:
                blocker.close()
            self.assertEqual(r.returncode, 2)
            self.assertIn("imap.port: cannot listen on 127.0.0.1:%d: the port is in use" % d.ports["imap"], r.stderr)

    def test_status_lists_every_listener(self):
        with PostroomDaemon() as d:
            listeners = {l["name"]: l for l in d.control("status")["listeners"]}
            for name in ("smtp", "submission", "smtps", "imap", "imaps"):
                self.assertIn(name, listeners)
                self.assertEqual(listeners[name]["state"], "listening")
                self.assertEqual(listeners[name]["port"], d.ports[name])
            self.assertTrue(listeners["smtps"]["tls"])
            self.assertTrue(listeners["submission"]["starttls"])
            r = d.run_cli(["status"])
            self.assertIn("127.0.0.1:%d" % d.ports["smtp"], r.stdout)

    def test_second_daemon_on_the_same_control_socket_is_refused(self):
        with PostroomDaemon() as d:
            r = d.run_cli([], timeout=30)
            self.assertEqual(r.returncode, 2)
            self.assertIn("another postroomd is already running", r.stderr)
            # The first one still answers.
            self.assertEqual(d.control("status")["pid"], d.process.pid)

    def test_stale_control_socket_is_replaced(self):
        with PostroomDaemon() as d:
            d.kill()
            self.assertTrue(os.path.exists(os.path.join(d.mail_root, "control.sock")))
            d.start()
            self.assertEqual(d.control("status")["pid"], d.process.pid)

    def test_sigterm_exits_zero_and_removes_the_socket(self):
        with PostroomDaemon() as d:
            self.assertEqual(d.stop(signal.SIGTERM), 0)
            self.assertFalse(os.path.exists(os.path.join(d.mail_root, "control.sock")))
            self.assertIn("postroomd stopped", d.log_text())


class PrivilegeTest(unittest.TestCase):
    @unittest.skipUnless(os.geteuid() == 0, "needs root")
    def test_run_as_drops_root_after_binding(self):
        import pwd
        nobody = pwd.getpwnam("nobody")
        with PostroomDaemon(start=False) as d:
            os.chmod(d.dir, 0o755)  # the unprivileged user must reach mail_root
            d.config["run_as"] = "nobody"
            d.write_config(d.config)
            d.start()
            with open("/proc/%d/status" % d.process.pid) as f:
                uids = [line.split()[1:] for line in f if line.startswith("Uid:")][0]
            self.assertEqual(set(uids), {str(nobody.pw_uid)})
            self.assertEqual(os.stat(d.mail_root).st_uid, nobody.pw_uid)
            self.assertEqual(os.stat(os.path.join(d.mail_root, "tls", "key.pem")).st_uid, nobody.pw_uid)
            self.assertEqual(os.stat(os.path.join(d.mail_root, "tls", "key.pem")).st_mode & 0o777, 0o600)
            self.assertEqual(d.control("status")["pid"], d.process.pid)
            self.assertIn("dropped root: running as", d.log_text())

    @unittest.skipUnless(os.geteuid() == 0, "needs root")
    def test_unknown_run_as_user_is_an_error(self):
        with PostroomDaemon(start=False) as d:
            d.config["run_as"] = "no-such-user-postroom"
            d.write_config(d.config)
            r = d.run_cli([])
            self.assertEqual(r.returncode, 2)
            self.assertIn('run_as: there is no user "no-such-user-postroom"', r.stderr)


class ReloadTest(unittest.TestCase):
    def test_sighup_applies_a_valid_change(self):
        with PostroomDaemon() as d:
            self.assertTrue(d.reload({"domains": ["example.com", "Second.example"], "log_level": "info"}))
            doc = d.control("config.get")["document"]
            self.assertEqual(doc["domains"], ["example.com", "Second.example"])
            self.assertEqual(doc["log_level"], "info")
            self.assertEqual(d.process.poll(), None)

    def test_open_sessions_survive_a_reload_and_a_changed_port_is_rebound_alone(self):
        import smtplib
        with PostroomDaemon() as d:
            old = smtplib.SMTP("127.0.0.1", d.ports["smtp"], timeout=10)
            self.assertEqual(old.ehlo()[0], 250)
            imap = socket.create_connection(("127.0.0.1", d.ports["imap"]), timeout=10)
            self.assertTrue(imap.recv(1024).startswith(b"* OK"))
            new_port = free_ports(1)[0]
            self.assertTrue(d.reload({"smtp": {"port": new_port}}))
            self.assertEqual(old.noop()[0], 250)          # the open SMTP session goes on
            imap.sendall(b"a1 NOOP\r\n")                 # so does the IMAP one
            self.assertIn(b"a1 OK", imap.recv(1024))
            fresh = smtplib.SMTP("127.0.0.1", new_port, timeout=10)
            self.assertEqual(fresh.ehlo()[0], 250)
            fresh.quit()
            with self.assertRaises(OSError):
                socket.create_connection(("127.0.0.1", d.ports["smtp"]), timeout=2).close()
            listeners = {l["name"]: l for l in d.control("status")["listeners"]}
            self.assertEqual(listeners["smtp"]["port"], new_port)
            self.assertEqual(listeners["smtp"]["state"], "listening")
            self.assertEqual(listeners["imap"]["port"], d.ports["imap"])
            old.quit()
            imap.close()

    def test_reload_to_a_busy_port_changes_nothing(self):
        with PostroomDaemon() as d:
            blocker = socket.socket()
            blocker.bind(("127.0.0.1", 0))
            blocker.listen(1)
            busy = blocker.getsockname()[1]
            try:
                self.assertFalse(d.reload({"smtp": {"port": busy, "max_recipients": 9}}))
                self.assertIn("smtp.port: cannot listen on 127.0.0.1:%d" % busy, d.log_text())
                self.assertEqual(d.control("config.get")["document"]["smtp"]["max_recipients"], 50)
                socket.create_connection(("127.0.0.1", d.ports["smtp"]), timeout=5).close()
            finally:
                blocker.close()

    def test_sighup_refuses_an_invalid_config_and_keeps_running(self):
        with PostroomDaemon() as d:
            self.assertFalse(d.reload({"smtp": {"max_recipients": -1}, "log_level": "loud"}))
            log = d.log_text()
            self.assertIn("reload refused", log)
            self.assertIn("smtp.max_recipients: expected an integer 1-100000, got -1", log)
            self.assertIn("log_level: expected one of", log)
            status = d.control("status")
            self.assertEqual(status["pid"], d.process.pid)
            self.assertEqual(d.control("config.get")["document"]["smtp"]["max_recipients"], 50)

    def test_reload_command_reports_errors_by_key(self):
        with PostroomDaemon() as d:
            d.config["rate_limit"]["whitelist"] = ["127.0.0.1", "300.1.1.1"]
            d.write_config(d.config)
            r = d.run_cli(["reload"])
            self.assertEqual(r.returncode, 1)
            self.assertIn("rate_limit.whitelist: entry 1", r.stderr)
            d.config["rate_limit"]["whitelist"] = ["127.0.0.1", "10.0.0.0/8"]
            d.write_config(d.config)
            r = d.run_cli(["reload"])
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("configuration reloaded", r.stdout)

    def test_restart_only_keys_warn(self):
        with PostroomDaemon() as d:
            changed = dict(d.config, mail_root=d.mail_root + "-elsewhere")
            d.write_config(changed)
            result = d.control("reload")  # the running daemon's socket, under the old mail_root
            self.assertIn("mail_root: the change applies after a restart", result["warnings"])
            self.assertEqual(d.control("status")["mail_root"], d.mail_root)


class TlsMaterialTest(unittest.TestCase):
    def test_self_signed_certificate_generated_once_reused_and_regenerated(self):
        with PostroomDaemon() as d:
            cert = os.path.join(d.mail_root, "tls", "cert.pem")
            key = os.path.join(d.mail_root, "tls", "key.pem")
            self.assertTrue(os.path.exists(cert))
            self.assertEqual(os.stat(key).st_mode & 0o777, 0o600)
            first = slurp(cert)
            out = subprocess.run(["openssl", "x509", "-noout", "-text", "-in", cert], capture_output=True,
                                 text=True).stdout
            self.assertIn("DNS:mail.example.com", out)
            self.assertIn("IP Address:127.0.0.1", out)
            self.assertIn("prime256v1", out)
            d.restart()
            self.assertEqual(slurp(cert), first, "certificate regenerated without reason")
            self.assertTrue(d.reload({"hostname": "mx.example.org"}))
            second = slurp(cert)
            self.assertNotEqual(second, first)
            out = subprocess.run(["openssl", "x509", "-noout", "-text", "-in", cert], capture_output=True,
                                 text=True).stdout
            self.assertIn("DNS:mx.example.org", out)
            status = d.control("status")
            self.assertIn("DNS:mx.example.org", status["tls"]["subject_alt_names"])

    def test_reload_with_broken_certificate_keeps_the_last_good_one(self):
        with PostroomDaemon() as d:
            bad = os.path.join(d.dir, "bad.pem")
            with open(bad, "w") as f:
                f.write("not a certificate\n")
            self.assertFalse(d.reload({"tls": {"cert_file": bad, "key_file": bad}}))
            self.assertIn("tls.cert_file", d.log_text())
            self.assertTrue(d.control("status")["tls_enabled"])
            self.assertTrue(d.control("status")["tls_certificate"].endswith("tls/cert.pem"))

    def test_configured_certificate_is_used(self):
        with PostroomDaemon(start=False) as d:
            cert = os.path.join(d.dir, "c.pem")
            key = os.path.join(d.dir, "k.pem")
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                            "-days", "30", "-subj", "/CN=mail.example.com"], check=True, capture_output=True)
            d.config["tls"] = {"cert_file": cert, "key_file": key}
            d.write_config(d.config)
            d.start()
            self.assertEqual(d.control("status")["tls_certificate"], cert)
            # A key that does not belong to the certificate is refused by name.
            other_key = os.path.join(d.dir, "other.pem")
            subprocess.run(["openssl", "genrsa", "-out", other_key, "2048"], check=True, capture_output=True)
            self.assertFalse(d.reload({"tls": {"cert_file": cert, "key_file": other_key}}))
            self.assertIn("does not match the certificate", d.log_text())


if __name__ == "__main__":
    unittest.main()
