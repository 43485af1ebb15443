"""Helpers for the hostile-input tests: line clients for SMTP, IMAP and HTTP that can bind
a chosen loopback source address (127.0.0.2 is "another IP"), the daemon's memory figures,
and walks over mail_root and the queue spool."""
import base64
import http.client
import json
import os
import socket
import ssl
import time
import unittest

from postroomtest import PostroomDaemon

OTHER_IP = "127.0.0.2"


class DaemonTest(unittest.TestCase):
    """One postroomd for the whole class: OVERRIDES is its config, USERS get the password "secret"."""
    OVERRIDES = None
    USERS = ("bob@example.com",)

    @classmethod
    def setUpClass(cls):
        cls.d = PostroomDaemon(config_overrides=cls.OVERRIDES)
        for user in cls.USERS:
            cls.d.add_user(user, "secret")

    @classmethod
    def tearDownClass(cls):
        cls.d.cleanup()


def auth_plain(user, password):
    """The argument of SMTP AUTH PLAIN."""
    return base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode()


def connect(port, source=None, tls_context=None, timeout=20):
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                    source_address=(source, 0) if source else None)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if tls_context is not None:
        sock = tls_context.wrap_socket(sock)
    return sock


class LineClient:
    """Reads CRLF lines; base for the SMTP and IMAP clients."""

    def __init__(self, port, source=None, tls_context=None, timeout=20):
        self.sock = connect(port, source, tls_context, timeout)
        self.buf = b""

    def send(self, data):
        self.sock.sendall(data)

    def read_line(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("closed; pending %r" % self.buf[:200])
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.rstrip(b"\r")

    def starttls(self, context):
        self.sock = context.wrap_socket(self.sock)

    def closed(self, timeout=5):
        """True when the server closed the connection (EOF or reset) within timeout."""
        self.sock.settimeout(timeout)
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    return True
        except (ConnectionResetError, BrokenPipeError, ssl.SSLError):
            return True
        except socket.timeout:
            return False

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class Smtp(LineClient):
    def __init__(self, port, source=None, tls_context=None, timeout=20):
        super().__init__(port, source, tls_context, timeout)
        self.greeting = self.reply()

    def reply(self):
        """(code, full text) of one possibly multi-line reply; (0, b'') when closed."""
        text = b""
        while True:
            try:
                line = self.read_line()
            except (EOFError, ConnectionResetError):
                return 0, text
            text += line + b"\n"
            if len(line) < 4 or line[3:4] != b"-":
                return int(line[:3]) if line[:3].isdigit() else -1, text

    def command(self, line):
        if isinstance(line, str):
            line = line.encode()
        try:
            self.send(line + b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            return 0, b""
        return self.reply()

    def ehlo(self, name="client.test"):
        return self.command("EHLO " + name)

    def deliver(self, sender, recipients, body):
        """MAIL, RCPT..., DATA; returns the final reply code (or the first failing one)."""
        code, text = self.command("MAIL FROM:<%s>" % sender)
        if code != 250:
            return code, text
        ok = 0
        for r in recipients:
            if self.command("RCPT TO:<%s>" % r)[0] == 250:
                ok += 1
        if not ok:
            self.command("RSET")
            return 550, b"no recipient"
        code, text = self.command("DATA")
        if code != 354:
            return code, text
        data = body.replace(b"\r\n.", b"\r\n..")
        if data.startswith(b"."):
            data = b"." + data
        self.send(data + (b".\r\n" if data.endswith(b"\r\n") else b"\r\n.\r\n"))
        return self.reply()


class Imap(LineClient):
    def __init__(self, port, source=None, tls_context=None, timeout=20):
        super().__init__(port, source, tls_context, timeout)
        self.greeting = self.read_line()
        self.counter = 0

    def read_response(self):
        """One response line with literals expanded in place."""
        out = self.read_line()
        while out.endswith(b"}") and b"{" in out:
            n = int(out[out.rindex(b"{") + 1:-1].rstrip(b"+"))
            while len(self.buf) < n:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise EOFError("closed inside a literal")
                self.buf += chunk
            out += b"\r\n" + self.buf[:n]
            self.buf = self.buf[n:]
            out += self.read_line()
        return out

    def tag(self):
        self.counter += 1
        return b"h%d" % self.counter

    def command(self, text):
        """Sends one complete command (bytes without tag); returns (untagged, tagged)."""
        if isinstance(text, str):
            text = text.encode()
        tag = self.tag()
        self.send(tag + b" " + text + b"\r\n")
        return self.until(tag)

    def until(self, tag):
        untagged = []
        while True:
            line = self.read_response()
            if line.startswith(tag + b" "):
                return untagged, line
            untagged.append(line)

    def login(self, user, password):
        return self.command('LOGIN "%s" "%s"' % (user, password))[1]


def http_request(port, method, path, body=None, headers=None, source=None, timeout=20):
    """(status, headers dict, body bytes) over plain HTTP from an optional source address."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                      source_address=(source, 0) if source else None)
    try:
        data = None
        h = dict(headers or {})
        if body is not None:
            data = json.dumps(body).encode() if not isinstance(body, bytes) else body
            h.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


def api_token(port, user, password="secret", source=None):
    status, _, body = http_request(port, "POST", "/api/v1/auth/token", {"username": user, "password": password},
                                   source=source)
    return status, (json.loads(body).get("access_token") if status == 200 else None)


def all_paths(root):
    """Every file and directory below root (relative paths), without following symlinks."""
    found = set()
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            found.add(os.path.relpath(os.path.join(dirpath, name), root))
    return found


def queue_envelopes(mail_root):
    """The text of every envelope file (*.json) under {mail_root}/queue."""
    texts = []
    for dirpath, _, filenames in os.walk(os.path.join(mail_root, "queue")):
        for name in filenames:
            if name.endswith(".json"):
                try:
                    with open(os.path.join(dirpath, name), "rb") as f:
                        texts.append(f.read().decode("utf-8", "replace"))
                except FileNotFoundError:
                    pass
    return texts


def queue_files(mail_root):
    """Paths of every file under {mail_root}/queue."""
    out = []
    for dirpath, _, filenames in os.walk(os.path.join(mail_root, "queue")):
        out += [os.path.join(dirpath, n) for n in filenames]
    return out


def wait_until(condition, timeout=10, step=0.05):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def serves(d, source=None):
    """The daemon still answers on SMTP, IMAP and HTTP (fresh connections)."""
    s = Smtp(d.ports["smtp"], source=source)
    ok = s.greeting[0] == 220 and s.command("NOOP")[0] == 250
    s.close()
    i = Imap(d.ports["imap"], source=source)
    ok = ok and i.greeting.startswith(b"* OK") and i.command("NOOP")[1].split()[1] == b"OK"
    i.close()
    status, _, _ = http_request(d.ports["http"], "GET", "/healthz", source=source)
    return ok and status == 200
