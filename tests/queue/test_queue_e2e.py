"""End to end through the real postroomd: SMTP in -> queue -> Maildir, remote delivery to an
aiosmtpd sink on loopback, queue management from the command line, and kill -9 during a
stream of messages (every message that got a 250 is delivered after the restart)."""
import os
import smtplib
import threading
import time
import unittest
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from postroomtest import PostroomDaemon, SmtpSink


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def message(subject, sender="alice@example.net", to="bob@example.com", body="Hello.\n"):
    m = EmailMessage()
    m["From"] = sender
    m["To"] = to
    m["Subject"] = subject
    m.set_content(body)
    return m


def wait_until(predicate, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


class QueueEndToEnd(unittest.TestCase):
    def test_smtp_to_maildir(self):
        with PostroomDaemon() as d:
            d.add_user("bob@example.com")
            with smtplib.SMTP("127.0.0.1", d.ports["smtp"], timeout=10) as s:
                s.send_message(message("end to end"), "alice@example.net", ["bob@example.com"])
            files = d.wait_for_messages("bob@example.com", 1)
            self.assertEqual(len(files), 1)
            with open(files[0], "rb") as f:
                data = f.read()
            self.assertTrue(data.startswith(b"Return-Path: <alice@example.net>\r\nDelivered-To: bob@example.com\r\n"), data[:200])
            self.assertIn(b"Subject: end to end", data)
            self.assertIn(b"Received: ", data)
            self.assertTrue(wait_until(lambda: d.control("queue.list")["messages"] == []))
            self.assertIn("attempt id=", d.log_text())
            stats = d.control("stats", {})
            self.assertGreaterEqual(stats["counters"].get("messages.delivered", 0), 1)

    def test_remote_delivery_to_sink_and_cli(self):
        sink = SmtpSink()
        port = free_port()
        controller = Controller(sink, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            routes = {"remote.test": "127.0.0.1:%d" % port, "down.test": "127.0.0.1:1"}
            with PostroomDaemon(config_overrides={"delivery": {"routes": routes}}) as d:
                d.add_user("alice@example.com")
                with smtplib.SMTP("127.0.0.1", d.ports["submission"], timeout=10) as s:
                    s.ehlo()
                    if s.has_extn("starttls"):
                        s.starttls(context=d.ssl_context())
                        s.ehlo()
                    s.login("alice@example.com", "secret")
                    s.send_message(message("to the sink", sender="alice@example.com", to="x@remote.test"),
                                   "alice@example.com", ["x@remote.test"])
                    s.send_message(message("stuck", sender="alice@example.com", to="y@down.test"),
                                   "alice@example.com", ["y@down.test"])
                self.assertTrue(wait_until(lambda: len(sink.messages) == 1))
                self.assertEqual(sink.messages[0][0], "alice@example.com")
                self.assertEqual(sink.messages[0][1], ["x@remote.test"])
                self.assertIn(b"Subject: to the sink", sink.messages[0][2])

                def stuck():
                    msgs = d.control("queue.list")["messages"]
                    return msgs if msgs and msgs[0]["recipients"][0]["state"] == "deferred" else None
                self.assertTrue(wait_until(stuck))
                msg = stuck()[0]
                self.assertEqual(msg["sender"], "alice@example.com")
                self.assertEqual(msg["recipients"][0]["address"], "y@down.test")
                self.assertTrue(msg["recipients"][0]["last_error"].startswith("451"))
                out = d.run_cli(["queue", "list"])
                self.assertEqual(out.returncode, 0, out.stderr)
                self.assertIn(msg["id"], out.stdout)
                self.assertIn("deferred", out.stdout)
                self.assertEqual(d.run_cli(["queue", "show", msg["id"]]).returncode, 0)
                self.assertEqual(d.run_cli(["queue", "retry", msg["id"]]).returncode, 0)
                self.assertTrue(wait_until(lambda: d.control("queue.show", {"id": msg["id"]})["message"]["recipients"][0]["attempts"] >= 2))
                self.assertEqual(d.run_cli(["queue", "flush"]).returncode, 0)
                removed = wait_until(lambda: d.run_cli(["queue", "remove", msg["id"]]).returncode == 0, timeout=10)
                self.assertTrue(removed)
                self.assertEqual(d.control("queue.list")["messages"], [])
                self.assertEqual(d.run_cli(["queue", "show", msg["id"]]).returncode, 1)
        finally:
            controller.stop()

    def test_kill_during_stream_loses_nothing(self):
        total_per_thread, threads = 60, 4
        with PostroomDaemon(config_overrides={"rate_limit": {"enabled": False}}) as d:
            d.add_user("bob@example.com")
            accepted, lock = [], threading.Lock()
            stop = threading.Event()

            def sender(t):
                try:
                    s = smtplib.SMTP("127.0.0.1", d.ports["smtp"], timeout=10)
                    for i in range(total_per_thread):
                        if stop.is_set():
                            break
                        subject = "stream-%d-%d" % (t, i)
                        try:
                            s.send_message(message(subject), "alice@example.net", ["bob@example.com"])
                        except (smtplib.SMTPException, OSError):
                            break  # the daemon died mid-transaction: not acknowledged
                        with lock:
                            accepted.append(subject)
                        if i % 20 == 19:  # fresh connection now and then (max_messages_per_connection)
                            s.quit()
                            s = smtplib.SMTP("127.0.0.1", d.ports["smtp"], timeout=10)
                except (smtplib.SMTPException, OSError):
                    pass

            workers = [threading.Thread(target=sender, args=(t,)) for t in range(threads)]
            for w in workers:
                w.start()
            self.assertTrue(wait_until(lambda: len(accepted) >= 80, timeout=60))
            d.kill()
            stop.set()
            for w in workers:
                w.join(30)
            acknowledged = set(accepted)
            d.start()
            self.assertTrue(wait_until(lambda: d.control("queue.list")["messages"] == [], timeout=60))
            subjects = []
            for path in d.maildir_messages("bob@example.com"):
                with open(path, "rb") as f:
                    for line in f.read().split(b"\r\n"):
                        if line.startswith(b"Subject: "):
                            subjects.append(line[9:].decode())
                            break
            delivered = set(subjects)
            missing = acknowledged - delivered
            duplicates = len(subjects) - len(delivered)
            print("acknowledged %d, delivered %d distinct, %d duplicates" % (len(acknowledged), len(delivered), duplicates))
            self.assertEqual(missing, set(), "acknowledged but lost")
            # Bounded: only attempts in flight at the kill can repeat (docs/queue.md).
            self.assertLessEqual(duplicates, 4 * 64)


if __name__ == "__main__":
    unittest.main()
