"""The HTTP(S) mail API against the real postroomd: tokens, folders, messages, paging,
sendMail, errors and limits, over HTTP and HTTPS with urllib (and curl where byte-level
behaviour matters)."""
import json
import os
import plistlib
import shutil
import socket
import subprocess
import time
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

from postroomtest import PostroomDaemon, SmtpSink
from apiclient import ApiClient, forge_token, server_secret, write_maildir_message

HAVE_CURL = shutil.which("curl") is not None


def message_bytes(i, subject=None, sender="alice@example.com", attachment=False):
    subject = subject or "message %03d" % i
    if not attachment:
        return ("From: Alice <%s>\r\nTo: bob@example.com\r\nSubject: %s\r\nMessage-ID: <m%d@example.com>\r\n"
                "Date: Mon, 02 Jan 2023 10:00:00 +0000\r\n\r\nbody of %d\r\n" % (sender, subject, i, i)).encode()
    return ("From: Alice <%s>\r\nTo: bob@example.com\r\nSubject: %s\r\nMessage-ID: <m%d@example.com>\r\n"
            "Date: Mon, 02 Jan 2023 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\nsee attached\r\n--XX\r\n"
            "Content-Type: application/octet-stream; name=\"data.bin\"\r\n"
            "Content-Disposition: attachment; filename=\"data.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            "AAECAwQF\r\n--XX--\r\n" % (sender, subject, i)).encode()


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.d = PostroomDaemon(config_overrides={"smtp": {"max_message_size": 200000}})
        cls.d.add_user("bob@example.com")
        cls.d.add_user("alice@example.com")
        cls.http = ApiClient(cls.d)
        cls.https = ApiClient(cls.d, secure=True)
        cls.bob = cls.https.token("bob@example.com")
        cls.alice = cls.http.token("alice@example.com")

    @classmethod
    def tearDownClass(cls):
        cls.d.cleanup()

    def folder_id(self, token, name):
        r = self.http.request("GET", "/api/v1/me/mailFolders", token=token)
        for f in r.json()["value"]:
            if f["displayName"] == name:
                return f["id"]
        self.fail("no folder " + name)

    def inbox_messages(self, token, query=""):
        r = self.http.request("GET", "/api/v1/me/mailFolders/inbox/messages" + query, token=token)
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    # -- basics -------------------------------------------------------------------------------
    def test_health_over_http_and_https(self):
        for c in (self.http, self.https):
            r = c.request("GET", "/healthz")
            self.assertEqual(r.status, 200)
            self.assertEqual(r.json(), {"status": "ok"})

    def test_token_and_me(self):
        r = self.https.request("POST", "/api/v1/auth/token", {"username": "Bob@Example.com", "password": "secret"})
        self.assertEqual(r.status, 200, r.body)
        body = r.json()
        self.assertEqual(body["token_type"], "Bearer")
        self.assertEqual(body["expires_in"], 3600)
        me = self.https.request("GET", "/api/v1/me", token=body["access_token"])
        self.assertEqual(me.status, 200)
        self.assertEqual(me.json()["mail"], "bob@example.com")
        self.assertIn("used", me.json()["quota"])
        # The token survives a restart (secret kept in mail_root, mode 0600).
        mode = os.stat(os.path.join(self.d.mail_root, "api-token-secret")).st_mode & 0o777
        self.assertEqual(mode, 0o600)

    def test_wrong_password_and_malformed_token_requests(self):
        r = self.http.request("POST", "/api/v1/auth/token", {"username": "bob@example.com", "password": "nope"})
        self.assertEqual(r.status, 401)
        self.assertIn("Bearer", r.header("WWW-Authenticate"))
        r = self.http.request("POST", "/api/v1/auth/token", b"{not json", raw=True)
        self.assertEqual(r.status, 400)
        self.assertEqual(set(r.json()["error"].keys()), {"code", "message"})
        r = self.http.request("POST", "/api/v1/auth/token", {"username": "bob@example.com"})
        self.assertEqual(r.status, 400)

    def test_bad_tokens_refused(self):
        now = int(time.time())
        key = server_secret(self.d)
        good = {"sub": "bob@example.com", "scope": "mail", "iat": now, "nbf": now, "exp": now + 600}
        # Control: a token forged with the real key and claims works (so the refusals below mean something).
        self.assertEqual(self.http.request("GET", "/api/v1/me", token=forge_token({"alg": "HS256"}, good, key)).status, 200)
        cases = {
            "missing": None,
            "garbage": "abc.def.ghi",
            "alg none": forge_token({"alg": "none"}, good, b"").rsplit(".", 1)[0] + ".",
            "wrong key": forge_token({"alg": "HS256"}, good, b"k" * 32),
            "expired": forge_token({"alg": "HS256"}, dict(good, iat=now - 7200, nbf=now - 7200, exp=now - 3600), key),
            "not yet valid": forge_token({"alg": "HS256"}, dict(good, nbf=now + 3600), key),
            "no such user": forge_token({"alg": "HS256"}, dict(good, sub="ghost@example.com"), key),
            "admin scope": forge_token({"alg": "HS256"}, dict(good, scope="admin"), key),
        }
        tampered = self.bob.split(".")
        payload = json.loads(__import__("base64").urlsafe_b64decode(tampered[1] + "=" * (-len(tampered[1]) % 4)))
        payload["sub"] = "alice@example.com"
        tampered[1] = __import__("apiclient").b64url(json.dumps(payload).encode())
        cases["tampered"] = ".".join(tampered)
        for name, token in cases.items():
            r = self.http.request("GET", "/api/v1/me", token=token)
            self.assertEqual(r.status, 401, name)
            self.assertTrue(r.header("WWW-Authenticate").startswith("Bearer"), name)
            self.assertIn("error", r.json(), name)
        r = self.http.request("GET", "/api/v1/me", headers={"Authorization": "Basic Ym9iOnNlY3JldA=="})
        self.assertEqual(r.status, 401)

    # -- folders ------------------------------------------------------------------------------
    def test_folders_and_well_known_ids(self):
        r = self.http.request("GET", "/api/v1/me/mailFolders", token=self.bob)
        self.assertEqual(r.status, 200)
        names = {f["displayName"]: f for f in r.json()["value"]}
        self.assertIn("Inbox", names)
        for f in r.json()["value"]:
            self.assertEqual(set(["id", "displayName", "parentFolderId", "childFolderCount", "totalItemCount",
                                  "unreadItemCount"]) - set(f), set())
        for wk in ("inbox", "drafts", "sentitems", "deleteditems", "junkemail", "archive", "Inbox"):
            r = self.http.request("GET", "/api/v1/me/mailFolders/" + wk, token=self.bob)
            self.assertEqual(r.status, 200, wk)
            self.assertEqual(r.json()["wellKnownName"], wk.lower())
        # create, child, rename, delete
        r = self.http.request("POST", "/api/v1/me/mailFolders", {"displayName": "Projects"}, token=self.bob)
        self.assertEqual(r.status, 201, r.body)
        pid = r.json()["id"]
        self.assertEqual(self.http.request("POST", "/api/v1/me/mailFolders", {"displayName": "Projects"},
                                           token=self.bob).status, 409)
        r = self.http.request("POST", "/api/v1/me/mailFolders/%s/childFolders" % pid, {"displayName": "2024"}, token=self.bob)
        self.assertEqual(r.status, 201, r.body)
        child = r.json()
        self.assertEqual(child["parentFolderId"], pid)
        r = self.http.request("GET", "/api/v1/me/mailFolders/%s/childFolders" % pid, token=self.bob)
        self.assertEqual([f["displayName"] for f in r.json()["value"]], ["2024"])
        self.assertEqual(self.http.request("GET", "/api/v1/me/mailFolders/" + pid, token=self.bob).json()["childFolderCount"], 1)
        r = self.http.request("PATCH", "/api/v1/me/mailFolders/" + child["id"], {"displayName": "2025"}, token=self.bob)
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["displayName"], "2025")
        self.assertEqual(self.http.request("GET", "/api/v1/me/mailFolders/" + child["id"], token=self.bob).status, 404)
        self.assertEqual(self.http.request("DELETE", "/api/v1/me/mailFolders/" + r.json()["id"], token=self.bob).status, 204)
        self.assertEqual(self.http.request("DELETE", "/api/v1/me/mailFolders/" + pid, token=self.bob).status, 204)
        self.assertEqual(self.http.request("DELETE", "/api/v1/me/mailFolders/inbox", token=self.bob).status, 403)
        self.assertEqual(self.http.request("POST", "/api/v1/me/mailFolders", {"displayName": "a/b"}, token=self.bob).status, 400)
        # IMAP's view is the same store: the folder made over the API exists on disk.
        self.http.request("POST", "/api/v1/me/mailFolders", {"displayName": "Shared"}, token=self.bob)
        self.assertTrue(os.path.isdir(os.path.join(self.d.mail_root, "example.com", "bob", "Maildir", ".Shared")))

    # -- messages -----------------------------------------------------------------------------
    def test_message_lifecycle(self):
        write_maildir_message(self.d, "alice@example.com", message_bytes(1, "life", attachment=True), 1)
        time.sleep(0.3)
        listing = self.inbox_messages(self.alice, "?$filter=" + urllib.parse.quote("from/emailAddress/address eq 'alice@example.com'"))
        msg = [m for m in listing["value"] if m["subject"] == "life"][0]
        mid = msg["id"]
        self.assertTrue(msg["hasAttachments"])
        self.assertFalse(msg["isRead"])
        r = self.https.request("GET", "/api/v1/me/messages/" + mid, token=self.alice)
        self.assertEqual(r.status, 200)
        m = r.json()
        for key in ("id", "internetMessageId", "subject", "from", "sender", "toRecipients", "ccRecipients",
                    "bccRecipients", "replyTo", "receivedDateTime", "sentDateTime", "isRead", "isDraft", "importance",
                    "flag", "hasAttachments", "bodyPreview", "body", "parentFolderId", "conversationId"):
            self.assertIn(key, m)
        self.assertEqual(m["from"]["emailAddress"], {"name": "Alice", "address": "alice@example.com"})
        self.assertEqual(m["sentDateTime"], "2023-01-02T10:00:00Z")
        self.assertEqual(m["body"]["contentType"], "text")
        self.assertIn("see attached", m["body"]["content"])
        self.assertEqual(m["internetMessageId"], "<m1@example.com>")
        # raw MIME
        r = self.http.request("GET", "/api/v1/me/messages/%s/$value" % mid, token=self.alice)
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body, message_bytes(1, "life", attachment=True))
        # attachments
        r = self.http.request("GET", "/api/v1/me/messages/%s/attachments" % mid, token=self.alice)
        atts = r.json()["value"]
        self.assertEqual([a["name"] for a in atts], ["data.bin"])
        self.assertEqual(atts[0]["contentBytes"], "AAECAwQF")
        self.assertEqual(atts[0]["@odata.type"], "#microsoft.graph.fileAttachment")
        r = self.http.request("GET", "/api/v1/me/messages/%s/attachments/%s" % (mid, atts[0]["id"]), token=self.alice)
        self.assertEqual(r.json()["size"], 6)
        self.assertEqual(self.http.request("GET", "/api/v1/me/messages/%s/attachments/a999" % mid, token=self.alice).status, 404)
        # PATCH isRead + flag, visible in the Maildir flags (what IMAP reads)
        r = self.http.request("PATCH", "/api/v1/me/messages/" + mid, {"isRead": True, "flag": {"flagStatus": "flagged"}},
                              token=self.alice)
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.json()["isRead"])
        self.assertEqual(r.json()["flag"]["flagStatus"], "flagged")
        flags = [os.path.basename(p).split(":2,")[-1] for p in self.d.maildir_messages("alice@example.com")
                 if "apitest" in p]
        self.assertTrue(any("F" in f and "S" in f for f in flags), flags)
        self.assertEqual(self.http.request("PATCH", "/api/v1/me/messages/" + mid, {"subject": "x"}, token=self.alice).status, 400)
        # copy to archive, move to a new folder
        r = self.http.request("POST", "/api/v1/me/messages/%s/copy" % mid, {"destinationId": "archive"}, token=self.alice)
        self.assertEqual(r.status, 201, r.body)
        copy_id = r.json()["id"]
        self.assertNotEqual(copy_id, mid)
        self.assertEqual(r.json()["subject"], "life")
        dest = self.http.request("POST", "/api/v1/me/mailFolders", {"displayName": "Keep"}, token=self.alice).json()["id"]
        r = self.http.request("POST", "/api/v1/me/messages/%s/move" % mid, {"destinationId": dest}, token=self.alice)
        self.assertEqual(r.status, 201, r.body)
        moved = r.json()["id"]
        self.assertEqual(r.json()["parentFolderId"], dest)
        self.assertEqual(self.http.request("GET", "/api/v1/me/messages/" + mid, token=self.alice).status, 404)
        r = self.http.request("GET", "/api/v1/me/mailFolders/%s/messages" % dest, token=self.alice)
        self.assertEqual([m["id"] for m in r.json()["value"]], [moved])
        # DELETE: into Deleted Items, then for good
        self.assertEqual(self.http.request("DELETE", "/api/v1/me/messages/" + moved, token=self.alice).status, 204)
        trash = self.http.request("GET", "/api/v1/me/mailFolders/deleteditems/messages", token=self.alice).json()["value"]
        self.assertEqual([m["subject"] for m in trash], ["life"])
        self.assertEqual(self.http.request("DELETE", "/api/v1/me/messages/" + trash[0]["id"], token=self.alice).status, 204)
        self.assertEqual(self.http.request("GET", "/api/v1/me/mailFolders/deleteditems/messages", token=self.alice).json()["value"], [])
        self.assertEqual(self.http.request("POST", "/api/v1/me/messages/%s/move" % copy_id, {"destinationId": "nowhere"},
                                           token=self.alice).status, 404)

    def test_html_body_and_prefer_text(self):
        raw = (b"From: Dora <dora@example.org>\r\nTo: alice@example.com\r\nSubject: alt\r\nImportance: high\r\n"
               b"MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=B\r\n\r\n--B\r\n"
               b"Content-Type: text/plain; charset=utf-8\r\n\r\nplain version\r\n--B\r\n"
               b"Content-Type: text/html; charset=utf-8\r\n\r\n<p>html version</p>\r\n--B--\r\n")
        write_maildir_message(self.d, "alice@example.com", raw, 99)
        time.sleep(0.3)
        msg = [m for m in self.inbox_messages(self.alice, "?$top=1000")["value"] if m["subject"] == "alt"][0]
        self.assertEqual(msg["importance"], "high")
        self.assertEqual(msg["bodyPreview"], "plain version")
        self.assertNotIn("body", msg)  # lists leave the body out unless selected
        full = self.http.request("GET", "/api/v1/me/messages/" + msg["id"], token=self.alice).json()
        self.assertEqual(full["body"]["contentType"], "html")
        self.assertIn("<p>html version</p>", full["body"]["content"])
        text = self.http.request("GET", "/api/v1/me/messages/" + msg["id"], token=self.alice,
                                 headers={"Prefer": 'outlook.body-content-type="text"'}).json()
        self.assertEqual(text["body"], {"contentType": "text", "content": "plain version"})
        sel = self.http.request("GET", "/api/v1/me/messages/%s?$select=subject,body" % msg["id"], token=self.alice).json()
        self.assertEqual(set(sel), {"id", "@odata.etag", "subject", "body"})

    def test_other_users_ids_give_404(self):
        write_maildir_message(self.d, "bob@example.com", message_bytes(7, "private"), 7, folder="INBOX")
        time.sleep(0.3)
        mine = [m for m in self.inbox_messages(self.bob, "?$top=1000")["value"] if m["subject"] == "private"][0]
        folder = self.folder_id(self.bob, "Inbox")
        for path in ("/api/v1/me/messages/" + mine["id"], "/api/v1/me/messages/%s/$value" % mine["id"],
                     "/api/v1/me/messages/%s/attachments" % mine["id"], "/api/v1/me/mailFolders/" + folder,
                     "/api/v1/me/mailFolders/%s/messages" % folder):
            r = self.http.request("GET", path, token=self.alice)
            self.assertEqual(r.status, 404, path)
            self.assertEqual(r.json()["error"]["code"], "ErrorItemNotFound")
        for method, path, body in (("PATCH", "/api/v1/me/messages/" + mine["id"], {"isRead": True}),
                                   ("DELETE", "/api/v1/me/messages/" + mine["id"], None),
                                   ("POST", "/api/v1/me/messages/%s/move" % mine["id"], {"destinationId": "archive"})):
            self.assertEqual(self.http.request(method, path, body, token=self.alice).status, 404)
        # still there, untouched, for its owner
        r = self.http.request("GET", "/api/v1/me/messages/" + mine["id"], token=self.bob)
        self.assertEqual(r.status, 200)
        self.assertFalse(r.json()["isRead"])
        self.assertEqual(self.http.request("GET", "/api/v1/me/messages/AAAA", token=self.bob).status, 404)

    def test_paging_through_250_messages(self):
        d = PostroomDaemon()
        try:
            d.add_user("carol@example.com")
            base = int(time.time()) - 10000
            for i in range(250):
                write_maildir_message(d, "carol@example.com", message_bytes(i), i, when=base + i)
            c = ApiClient(d, secure=True)
            t = c.token("carol@example.com")
            r = c.request("GET", "/api/v1/me/messages?$top=50&$count=true", token=t)
            self.assertEqual(r.status, 200, r.body)
            page = r.json()
            self.assertEqual(page["@odata.count"], 250)
            seen = []
            pages = 0
            while True:
                pages += 1
                seen += [m["subject"] for m in page["value"]]
                nxt = page.get("@odata.nextLink")
                if not nxt:
                    break
                self.assertTrue(nxt.startswith("https://"), nxt)
                page = c.request("GET", nxt, token=t).json()
            self.assertEqual(pages, 5)
            self.assertEqual(seen, ["message %03d" % i for i in reversed(range(250))])  # newest first
            # $orderby asc, $skip, $select
            r = c.request("GET", "/api/v1/me/mailFolders/inbox/messages?$orderby=receivedDateTime%20asc&$skip=10&$top=3&$select=subject", token=t)
            vals = r.json()["value"]
            self.assertEqual([m["subject"] for m in vals], ["message 010", "message 011", "message 012"])
            self.assertNotIn("from", vals[0])
            self.assertIn("id", vals[0])
            r = c.request("GET", "/api/v1/me/messages?$orderby=subject%20desc&$top=2&$select=subject", token=t).json()
            self.assertEqual([m["subject"] for m in r["value"]], ["message 249", "message 248"])
            r = c.request("GET", "/api/v1/me/messages?$top=3&$filter=" + urllib.parse.quote(
                "from/emailAddress/address eq 'alice@example.com' and hasAttachments eq false"), token=t).json()
            self.assertEqual(len(r["value"]), 3)
            # $filter isRead and receivedDateTime
            first = c.request("GET", "/api/v1/me/messages?$top=1", token=t).json()["value"][0]
            c.request("PATCH", "/api/v1/me/messages/" + first["id"], {"isRead": True}, token=t)
            r = c.request("GET", "/api/v1/me/messages?$filter=isRead%20eq%20true", token=t).json()["value"]
            self.assertEqual([m["id"] for m in r], [first["id"]])
            r = c.request("GET", "/api/v1/me/messages?$count=true&$top=0&$filter=isRead%20eq%20false", token=t).json()
            self.assertEqual(r["@odata.count"], 249)
            since = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(base + 240))
            r = c.request("GET", "/api/v1/me/messages?$top=100&$filter=" + urllib.parse.quote("receivedDateTime ge " + since), token=t).json()
            self.assertEqual(len(r["value"]), 10)
            # bad parameters
            for q in ("$top=abc", "$top=5000", "$skip=-1", "$filter=subject%20eq%20'x'", "$orderby=size", "$count=maybe"):
                self.assertEqual(c.request("GET", "/api/v1/me/messages?" + q, token=t).status, 400, q)
        finally:
            d.cleanup()

    def test_send_mail(self):
        body = {"message": {"subject": "Grüße via API",
                            "body": {"contentType": "text", "content": "Hallo Alice"},
                            "toRecipients": [{"emailAddress": {"address": "alice@example.com", "name": "Alice"}}],
                            "attachments": [{"@odata.type": "#microsoft.graph.fileAttachment", "name": "a.txt",
                                             "contentType": "text/plain", "contentBytes": "aGVsbG8="}]},
                "saveToSentItems": True}
        before = len(self.d.maildir_messages("alice@example.com"))
        sent_before = len(self.d.maildir_messages("bob@example.com", folder="Sent"))
        r = self.https.request("POST", "/api/v1/me/sendMail", body, token=self.bob)
        self.assertEqual(r.status, 202, r.body)
        files = self.d.wait_for_messages("alice@example.com", before + 1)
        self.assertEqual(len(files), before + 1)
        self.assertEqual(len(self.d.wait_for_messages("bob@example.com", sent_before + 1, folder="Sent")), sent_before + 1)
        time.sleep(0.3)
        got = [m for m in self.inbox_messages(self.alice, "?$top=100")["value"] if m["subject"] == "Grüße via API"]
        self.assertEqual(len(got), 1)
        self.assertEqual(got[0]["from"]["emailAddress"]["address"], "bob@example.com")
        self.assertTrue(got[0]["hasAttachments"])
        full = self.http.request("GET", "/api/v1/me/messages/" + got[0]["id"], token=self.alice).json()
        self.assertEqual(full["body"]["content"], "Hallo Alice")
        sent = self.http.request("GET", "/api/v1/me/mailFolders/sentitems/messages", token=self.bob).json()["value"]
        self.assertIn("Grüße via API", [m["subject"] for m in sent])
        # sending as someone else is refused, like SMTP submission
        forged = dict(body["message"], **{"from": {"emailAddress": {"address": "alice@example.com"}}})
        r = self.http.request("POST", "/api/v1/me/sendMail", {"message": forged}, token=self.bob)
        self.assertEqual(r.status, 403)
        # malformed input
        self.assertEqual(self.http.request("POST", "/api/v1/me/sendMail", b"[1,2", token=self.bob, raw=True).status, 400)
        self.assertEqual(self.http.request("POST", "/api/v1/me/sendMail", {"message": {"subject": "no rcpt"}},
                                           token=self.bob).status, 400)
        bad = {"message": {"subject": "x", "toRecipients": [{"emailAddress": {"address": "a@b\r\nBcc: evil@x"}}]}}
        self.assertEqual(self.http.request("POST", "/api/v1/me/sendMail", bad, token=self.bob).status, 400)

    def test_draft_then_send(self):
        draft = {"subject": "draft one", "body": {"contentType": "text", "content": "later"},
                 "toRecipients": [{"emailAddress": {"address": "alice@example.com"}}],
                 "bccRecipients": [{"emailAddress": {"address": "carol@example.com"}}]}
        self.d.add_user("carol@example.com")
        r = self.http.request("POST", "/api/v1/me/messages", draft, token=self.bob)
        self.assertEqual(r.status, 201, r.body)
        did = r.json()["id"]
        got = self.http.request("GET", "/api/v1/me/messages/" + did, token=self.bob).json()
        self.assertTrue(got["isDraft"])
        self.assertEqual(got["bccRecipients"][0]["emailAddress"]["address"], "carol@example.com")
        drafts = self.http.request("GET", "/api/v1/me/mailFolders/drafts/messages", token=self.bob).json()["value"]
        self.assertIn(did, [m["id"] for m in drafts])
        # a message outside Drafts cannot be "sent"
        inbox = self.inbox_messages(self.bob, "?$top=1")["value"]
        if inbox:
            self.assertEqual(self.http.request("POST", "/api/v1/me/messages/%s/send" % inbox[0]["id"], token=self.bob).status, 400)
        self.assertEqual(self.http.request("POST", "/api/v1/me/messages/%s/send" % did, token=self.alice).status, 404)
        before_alice = len(self.d.maildir_messages("alice@example.com"))
        r = self.http.request("POST", "/api/v1/me/messages/%s/send" % did, token=self.bob)
        self.assertEqual(r.status, 202, r.body)
        self.assertEqual(len(self.d.wait_for_messages("alice@example.com", before_alice + 1)), before_alice + 1)
        carol = self.d.wait_for_messages("carol@example.com", 1)
        self.assertEqual(len(carol), 1)
        with open(carol[0], "rb") as f:
            data = f.read()
        self.assertIn(b"Subject: draft one", data)
        self.assertNotIn(b"Bcc:", data.split(b"\r\n\r\n")[0])
        self.assertEqual(self.http.request("GET", "/api/v1/me/messages/" + did, token=self.bob).status, 404)

    # -- errors and limits --------------------------------------------------------------------
    def test_errors_and_methods(self):
        r = self.http.request("GET", "/api/v1/auth/token")
        self.assertEqual(r.status, 405)
        self.assertEqual(r.header("Allow"), "POST")
        self.assertEqual(r.json()["error"]["code"], "methodNotAllowed")
        r = self.http.request("PUT", "/api/v1/me/messages", {}, token=self.bob)
        self.assertEqual(r.status, 405)
        self.assertEqual(self.http.request("GET", "/api/v1/nothing").status, 404)
        self.assertEqual(self.http.request("GET", "/api/v1/me/messages").status, 401)

    def test_oversized_and_malformed_bodies(self):
        # max_message_size is 200000 here: the body limit is 4/3 of it plus 64 KiB for JSON.
        big = b"x" * 400000
        r = self.http.request("POST", "/api/v1/me/sendMail", big, token=self.bob, raw=True,
                              headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 413)
        self.assertEqual(r.json()["error"]["code"], "requestTooLarge")
        with socket.create_connection(("127.0.0.1", self.d.ports["http"])) as s:
            s.sendall(b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            self.assertTrue(s.recv(100).startswith(b"HTTP/1.1 411"))
        with socket.create_connection(("127.0.0.1", self.d.ports["http"])) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nX-Pad: " + b"a" * 20000 + b"\r\n\r\n")
            self.assertTrue(s.recv(100).startswith(b"HTTP/1.1 431"))
        # A message body over max_message_size but under the JSON limit: refused by sendMail itself.
        body = {"message": {"subject": "big", "body": {"content": "y" * 210000},
                            "toRecipients": [{"emailAddress": {"address": "alice@example.com"}}]}}
        self.assertEqual(self.http.request("POST", "/api/v1/me/sendMail", body, token=self.bob).status, 413)
        self.assertEqual(self.http.request("PATCH", "/api/v1/me/mailFolders/inbox", b"\xff\xfe", token=self.bob,
                                           raw=True).status, 400)
        # the daemon is still fine
        self.assertEqual(self.http.request("GET", "/healthz").status, 200)

    @unittest.skipUnless(HAVE_CURL, "curl not installed")
    def test_curl_https_and_expect_continue(self):
        token = self.bob
        out = subprocess.run(["curl", "-sS", "--cacert", self.d.cert_path, "--resolve",
                              "mail.example.com:%d:127.0.0.1" % self.d.ports["https"],
                              "-H", "Authorization: Bearer " + token,
                              "https://mail.example.com:%d/api/v1/me" % self.d.ports["https"]],
                             capture_output=True, text=True, timeout=30)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(json.loads(out.stdout)["mail"], "bob@example.com")
        # curl sends Expect: 100-continue for big bodies; Qt 6.4 alone would stall a second.
        payload = json.dumps({"username": "bob@example.com", "password": "secret", "pad": "p" * 150000})
        start = time.time()
        out = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Expect: 100-continue",
                              "-H", "Content-Type: application/json", "--data-binary", "@-",
                              "http://127.0.0.1:%d/api/v1/auth/token" % self.d.ports["http"]],
                             input=payload, capture_output=True, text=True, timeout=30)
        self.assertEqual(out.stdout, "200", out.stderr)
        self.assertLess(time.time() - start, 0.9)

    # -- autoconfig, metrics, openapi ---------------------------------------------------------
    def test_autoconfig_documents(self):
        for path in ("/mail/config-v1.1.xml", "/.well-known/autoconfig/mail/config-v1.1.xml"):
            r = self.http.request("GET", path + "?emailaddress=bob%40example.com")
            self.assertEqual(r.status, 200)
            root = ET.fromstring(r.body)
            self.assertEqual(root.tag, "clientConfig")
            provider = root.find("emailProvider")
            self.assertEqual(provider.find("domain").text, "example.com")
            incoming = provider.findall("incomingServer")
            self.assertEqual([(s.find("hostname").text, int(s.find("port").text), s.find("socketType").text) for s in incoming],
                             [("mail.example.com", self.d.ports["imaps"], "SSL"), ("mail.example.com", self.d.ports["imap"], "STARTTLS")])
            outgoing = provider.findall("outgoingServer")
            self.assertEqual(int(outgoing[0].find("port").text), self.d.ports["smtps"])
            self.assertEqual(int(outgoing[1].find("port").text), self.d.ports["submission"])
        self.assertEqual(self.http.request("GET", "/mail/config-v1.1.xml?emailaddress=x%40unknown.org").status, 404)

        pox = (b'<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/'
               b'autodiscover/outlook/requestschema/2006"><Request><EMailAddress>bob@example.com</EMailAddress>'
               b'<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a'
               b'</AcceptableResponseSchema></Request></Autodiscover>')
        for path in ("/autodiscover/autodiscover.xml", "/Autodiscover/Autodiscover.xml", "/AUTODISCOVER/AUTODISCOVER.XML"):
            r = self.https.request("POST", path, pox, raw=True, headers={"Content-Type": "text/xml"})
            self.assertEqual(r.status, 200, path)
            ns = {"r": "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006",
                  "a": "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"}
            root = ET.fromstring(r.body)
            protocols = {p.find("a:Type", ns).text: p for p in root.findall("a:Response/a:Account/a:Protocol", ns)}
            self.assertEqual(set(protocols), {"IMAP", "SMTP"})
            self.assertEqual(int(protocols["IMAP"].find("a:Port", ns).text), self.d.ports["imaps"])
            self.assertEqual(protocols["IMAP"].find("a:SPA", ns).text, "off")
            self.assertEqual(protocols["SMTP"].find("a:SPA", ns).text, "off")
            self.assertEqual(protocols["SMTP"].find("a:SSL", ns).text, "on")
            self.assertEqual(protocols["IMAP"].find("a:LoginName", ns).text, "bob@example.com")
        r = self.http.request("POST", "/autodiscover/autodiscover.xml", pox.replace(b"example.com", b"other.org"), raw=True)
        self.assertEqual(r.status, 404)

        r = self.http.request("GET", "/autodiscover/autodiscover.json/v1.0/bob@example.com?Protocol=AutodiscoverV1")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json()["Url"], "https://mail.example.com:%d/autodiscover/autodiscover.xml" % self.d.ports["https"])
        self.assertEqual(self.http.request("GET", "/autodiscover/autodiscover.json?Email=bob@example.com&Protocol=ActiveSync").status, 400)

        r = self.http.request("GET", "/apple/mail.mobileconfig?emailaddress=bob%40example.com")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Content-Type"), "application/x-apple-aspen-config")
        profile = plistlib.loads(r.body)
        self.assertEqual(profile["PayloadType"], "Configuration")
        account = profile["PayloadContent"][0]
        self.assertEqual(account["PayloadType"], "com.apple.mail.managed")
        self.assertEqual(account["EmailAddress"], "bob@example.com")
        self.assertEqual(account["IncomingMailServerHostName"], "mail.example.com")
        self.assertEqual(account["IncomingMailServerPortNumber"], self.d.ports["imaps"])
        self.assertIs(account["IncomingMailServerUseSSL"], True)
        self.assertEqual(account["OutgoingMailServerPortNumber"], self.d.ports["smtps"])
        self.assertEqual(self.http.request("GET", "/apple/mail.mobileconfig?emailaddress=a%40other.org").status, 404)

    def test_metrics_and_openapi(self):
        self.http.request("GET", "/healthz")
        r = self.http.request("GET", "/metrics")
        self.assertEqual(r.status, 200)
        text = r.body.decode()
        self.assertIn("# TYPE postroom_api_requests_total counter", text)
        value = [l for l in text.splitlines() if l.startswith("postroom_api_requests_total ")][0]
        self.assertGreater(int(value.split()[1]), 0)
        self.assertIn("postroom_api_connections ", text)
        # the admin token the control socket hands out works for /metrics too
        token = self.d.control("api.admin_token", {})["access_token"]
        self.assertEqual(self.http.request("GET", "/metrics", token=token).status, 200)
        self.assertEqual(self.http.request("GET", "/api/v1/me", token=token).status, 401)
        r = self.http.request("GET", "/api/v1/openapi.json")
        doc = r.json()
        self.assertEqual(doc["openapi"], "3.0.3")
        for p in ("/api/v1/auth/token", "/api/v1/me", "/api/v1/me/mailFolders", "/api/v1/me/messages",
                  "/api/v1/me/messages/{id}", "/api/v1/me/messages/{id}/$value", "/api/v1/me/messages/{id}/move",
                  "/api/v1/me/sendMail", "/healthz", "/metrics"):
            self.assertIn(p, doc["paths"])
        self.assertIn("patch", doc["paths"]["/api/v1/me/messages/{id}"])


class ApiSendToSinkTest(unittest.TestCase):
    def test_send_mail_reaches_loopback_sink(self):
        try:
            from aiosmtpd.controller import Controller
        except ImportError:
            self.skipTest("python3-aiosmtpd not installed")
        sink = SmtpSink()
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        controller = Controller(sink, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            with PostroomDaemon(config_overrides={"delivery": {"routes": {"remote.test": "127.0.0.1:%d" % port}}}) as d:
                d.add_user("bob@example.com")
                c = ApiClient(d, secure=True)
                t = c.token("bob@example.com")
                body = {"message": {"subject": "to the sink", "body": {"contentType": "html", "content": "<b>hi</b>"},
                                    "toRecipients": [{"emailAddress": {"address": "x@remote.test"}}],
                                    "bccRecipients": [{"emailAddress": {"address": "y@remote.test"}}]},
                        "saveToSentItems": False}
                r = c.request("POST", "/api/v1/me/sendMail", body, token=t)
                self.assertEqual(r.status, 202, r.body)
                deadline = time.time() + 20
                while time.time() < deadline and not sink.messages:
                    time.sleep(0.05)
                self.assertEqual(len(sink.messages), 1)
                sender, rcpts, content = sink.messages[0]
                self.assertEqual(sender, "bob@example.com")
                self.assertEqual(sorted(rcpts), ["x@remote.test", "y@remote.test"])
                self.assertIn(b"Subject: to the sink", content)
                self.assertIn(b"Content-Type: text/html; charset=utf-8", content)
                self.assertNotIn(b"y@remote.test", content.split(b"\r\n\r\n")[0])  # Bcc not in the header
                self.assertEqual(d.maildir_messages("bob@example.com", folder="Sent"), [])  # saveToSentItems false
        finally:
            controller.stop()


class ApiLockoutTest(unittest.TestCase):
    def test_lockout_gives_429_with_retry_after(self):
        with PostroomDaemon(config_overrides={"rate_limit": {"whitelist": [], "auth_failure_limit": 3,
                                                             "auth_failure_lockout": 120}}) as d:
            d.add_user("bob@example.com")
            c = ApiClient(d)
            for _ in range(3):
                self.assertEqual(c.request("POST", "/api/v1/auth/token",
                                           {"username": "bob@example.com", "password": "bad"}).status, 401)
            r = c.request("POST", "/api/v1/auth/token", {"username": "bob@example.com", "password": "secret"})
            self.assertEqual(r.status, 429)
            self.assertGreater(int(r.header("Retry-After")), 0)
            self.assertLessEqual(int(r.header("Retry-After")), 120)
            self.assertEqual(c.request("GET", "/api/v1/me", token="x.y.z").status, 429)

    def test_concurrent_connections_per_ip(self):
        with PostroomDaemon(config_overrides={"rate_limit": {"whitelist": [], "max_concurrent_per_ip": 2}}) as d:
            held = [socket.create_connection(("127.0.0.1", d.ports["http"])) for _ in range(2)]
            try:
                time.sleep(0.3)
                with socket.create_connection(("127.0.0.1", d.ports["http"])) as s:
                    s.settimeout(5)
                    self.assertTrue(s.recv(100).startswith(b"HTTP/1.1 429"))
            finally:
                for h in held:
                    h.close()
            time.sleep(0.3)
            self.assertEqual(ApiClient(d).request("GET", "/healthz").status, 200)


class ApiReloadTest(unittest.TestCase):
    def test_reload_rebinds_changed_port(self):
        with PostroomDaemon() as d:
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            new_port = s.getsockname()[1]
            s.close()
            old_port = d.ports["http"]
            self.assertTrue(d.reload({"exchange_api": {"port": new_port}}))
            d.ports["http"] = new_port
            self.assertEqual(ApiClient(d).request("GET", "/healthz").status, 200)
            with self.assertRaises(OSError):
                socket.create_connection(("127.0.0.1", old_port), timeout=2).close()
            # HTTPS kept its port
            self.assertEqual(ApiClient(d, secure=True).request("GET", "/healthz").status, 200)


if __name__ == "__main__":
    unittest.main()
