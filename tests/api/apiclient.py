"""Small urllib client for the Postroom HTTP API tests (HTTP and HTTPS)."""
import base64
import hashlib
import hmac
import json
import os
import time
import urllib.error
import urllib.request


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def header(self, name):
        return self.headers.get(name)


class ApiClient:
    def __init__(self, daemon, secure=False):
        self.daemon = daemon
        self.secure = secure
        port = daemon.ports["https" if secure else "http"]
        self.base = "%s://127.0.0.1:%d" % ("https" if secure else "http", port)
        self.context = daemon.ssl_context() if secure else None

    def request(self, method, path, body=None, token=None, headers=None, raw=False, timeout=30):
        url = path if path.startswith("http") else self.base + path
        data = None
        h = dict(headers or {})
        if body is not None:
            if raw:
                data = body
            else:
                data = json.dumps(body).encode()
                h.setdefault("Content-Type", "application/json")
        if token:
            h["Authorization"] = "Bearer " + token
        req = urllib.request.Request(url, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=timeout, context=self.context) as r:
                return Response(r.status, r.headers, r.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read())

    def token(self, username, password="secret"):
        r = self.request("POST", "/api/v1/auth/token", {"username": username, "password": password})
        if r.status != 200:
            raise AssertionError("token for %s: %s %s" % (username, r.status, r.body))
        return r.json()["access_token"]


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def forge_token(header, payload, key):
    """A JWT signed with `key` (bytes) over arbitrary header/payload dicts."""
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(payload).encode())
    sig = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64url(sig)


def server_secret(daemon):
    with open(os.path.join(daemon.mail_root, "api-token-secret")) as f:
        return bytes.fromhex(f.read().strip())


def write_maildir_message(daemon, address, raw, index, folder="INBOX", when=None):
    """Drops a message file into the user's Maildir new/ (as another MDA would)."""
    local, domain = address.split("@")
    base = os.path.join(daemon.mail_root, domain, local, "Maildir")
    if folder != "INBOX":
        base = os.path.join(base, "." + folder)
    os.makedirs(os.path.join(base, "new"), exist_ok=True)
    name = "%d.M%dP%d.apitest" % (int(time.time()), index, os.getpid())
    tmp = os.path.join(base, "tmp", name)
    os.makedirs(os.path.join(base, "tmp"), exist_ok=True)
    with open(tmp, "wb") as f:
        f.write(raw)
    if when is not None:
        os.utime(tmp, (when, when))
    os.rename(tmp, os.path.join(base, "new", name))
