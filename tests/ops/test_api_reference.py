"""docs/api.md against the daemon's own route list: every METHOD + path in the OpenAPI document
that a running postroomd serves at /api/v1/openapi.json (generated from its router) has an
endpoint heading in docs/api.md, and every endpoint heading there names a route that exists.

Convention (stated at the top of docs/api.md): one heading per path,
`### METHOD[, METHOD...] /path`, path parameters in braces with any name."""
import json
import os
import re
import unittest
import urllib.request

from postroomtest import PostroomDaemon

HERE = os.path.dirname(os.path.abspath(__file__))
API_MD = os.path.join(HERE, "..", "..", "docs", "api.md")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
HEADING = re.compile(r"^#{2,4} ((?:%s)(?:, (?:%s))*) (/\S*)$" % ("|".join(METHODS), "|".join(METHODS)))
LOOKS_LIKE_ENDPOINT = re.compile(r"^#{2,4} (?:%s)\b" % "|".join(METHODS))


def normalise(path):
    """Parameter names differ ({id2} in OpenAPI, {attachmentId} in the docs): compare the shape."""
    return re.sub(r"\{[^}/]*\}", "{}", path)


def documented_routes(text):
    """(method, normalised path) -> line number; malformed endpoint headings are errors."""
    routes, errors = {}, []
    for number, line in enumerate(text.splitlines(), 1):
        if not LOOKS_LIKE_ENDPOINT.match(line):
            continue
        m = HEADING.match(line)
        if not m:
            errors.append("line %d: not `### METHOD[, METHOD] /path`: %r" % (number, line))
            continue
        for method in m.group(1).split(", "):
            key = (method, normalise(m.group(2)))
            if key in routes:
                errors.append("line %d: %s %s is already documented on line %d" % (number, method, m.group(2), routes[key]))
            routes[key] = number
    return routes, errors


def served_routes(document):
    routes = set()
    for path, item in document["paths"].items():
        for method in item:
            if method.upper() in METHODS:
                routes.add((method.upper(), normalise(path)))
    return routes


class ApiReferenceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with PostroomDaemon() as d:
            url = "http://127.0.0.1:%d/api/v1/openapi.json" % d.ports["http"]
            with urllib.request.urlopen(url, timeout=30) as r:
                cls.openapi = json.load(r)
        with open(API_MD, encoding="utf-8") as f:
            cls.documented, cls.heading_errors = documented_routes(f.read())
        cls.served = served_routes(cls.openapi)

    def test_openapi_document_lists_routes(self):
        self.assertTrue(self.openapi["openapi"].startswith("3."))
        # The document knows itself and the token endpoint: it is the real route table.
        self.assertIn(("GET", "/api/v1/openapi.json"), self.served)
        self.assertIn(("POST", "/api/v1/auth/token"), self.served)
        self.assertGreater(len(self.served), 20)

    def test_endpoint_headings_are_well_formed(self):
        self.assertEqual(self.heading_errors, [])

    def test_every_served_route_is_documented(self):
        missing = sorted(self.served - set(self.documented))
        self.assertEqual(missing, [], "routes in openapi.json without a heading in docs/api.md: %s" %
                         ", ".join("%s %s" % r for r in missing))

    def test_every_documented_route_exists(self):
        unknown = sorted(set(self.documented) - self.served)
        self.assertEqual(unknown, [], "docs/api.md documents routes the daemon does not have: %s" %
                         ", ".join("%s %s (line %d)" % (m, p, self.documented[(m, p)]) for m, p in unknown))


class ConventionParserTest(unittest.TestCase):
    """The parser itself: a test that cannot fail is no test."""

    def test_parses_methods_and_normalises_parameters(self):
        routes, errors = documented_routes("### GET, PATCH /a/{x}/b\n### sendMail\n#### DELETE /a/{y}/b\n")
        self.assertEqual(errors, [])
        self.assertEqual(set(routes), {("GET", "/a/{}/b"), ("PATCH", "/a/{}/b"), ("DELETE", "/a/{}/b")})

    def test_reports_malformed_and_duplicate_headings(self):
        _, errors = documented_routes("### GET /a\n### GET /a\n### POST a/b with text\n")
        self.assertEqual(len(errors), 2, errors)


if __name__ == "__main__":
    unittest.main()
