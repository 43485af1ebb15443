"""A tiny IMAP client for tests that must control the bytes on the wire (literals, bare LF,
pipelining) and a parser for response values (atoms, quoted strings, literals, lists), so
answers can be compared as values: a quoted string and a literal with the same bytes are equal."""
import re
import socket
import ssl


class RawImap:
    def __init__(self, host, port, tls_context=None, timeout=20):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if tls_context is not None:
            self.sock = tls_context.wrap_socket(self.sock)
        self.buf = b""
        self.counter = 0
        self.greeting = self.read_line()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def send(self, data):
        self.sock.sendall(data)

    def read_line(self):
        """One response line with any literals inside it expanded in place ({n}\\r\\n + bytes kept)."""
        out = b""
        while True:
            while b"\r\n" not in self.buf:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise EOFError("connection closed; got %r" % (out + self.buf))
                self.buf += chunk
            line, self.buf = self.buf.split(b"\r\n", 1)
            out += line
            m = re.search(rb"\{(\d+)\}$", line)
            if not m:
                return out
            n = int(m.group(1))
            while len(self.buf) < n:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise EOFError("connection closed inside a literal")
                self.buf += chunk
            out += b"\r\n" + self.buf[:n]
            self.buf = self.buf[n:]

    def command(self, text, literals=()):
        """Sends `tag text`; each literal follows a {n} marker at the end of a text part
        (text is a list of parts when literals are given). Returns (untagged lines, tagged line)."""
        self.counter += 1
        tag = b"t%d" % self.counter
        if isinstance(text, (bytes, str)):
            text = [text]
        parts = [p.encode() if isinstance(p, str) else p for p in text]
        pending = tag + b" " + parts[0]
        for i, lit in enumerate(literals):
            self.send(pending + b"{%d}\r\n" % len(lit))
            cont = self.read_line()
            if not cont.startswith(b"+"):
                return [], cont
            pending = lit + parts[i + 1]
        self.send(pending + b"\r\n")
        untagged = []
        while True:
            line = self.read_line()
            if line.startswith(tag + b" "):
                return untagged, line
            untagged.append(line)


def parse_value(data, pos=0):
    """Parses one IMAP value at data[pos:]; returns (value, new pos). Strings are bytes,
    lists are Python lists, NIL is None, atoms are ('atom', bytes)."""
    while pos < len(data) and data[pos:pos + 1] == b" ":
        pos += 1
    c = data[pos:pos + 1]
    if c == b"(":
        pos += 1
        items = []
        while True:
            while data[pos:pos + 1] == b" ":
                pos += 1
            if data[pos:pos + 1] == b")":
                return items, pos + 1
            v, pos = parse_value(data, pos)
            items.append(v)
    if c == b'"':
        pos += 1
        out = bytearray()
        while True:
            ch = data[pos:pos + 1]
            if ch == b"\\":
                out += data[pos + 1:pos + 2]
                pos += 2
            elif ch == b'"':
                return bytes(out), pos + 1
            elif ch == b"":
                raise ValueError("unterminated quoted string")
            else:
                out += ch
                pos += 1
    if c == b"{":
        end = data.index(b"}", pos)
        n = int(data[pos + 1:end])
        start = end + 3  # }\r\n
        return data[start:start + n], start + n
    # atom, possibly with [...] holding spaces and parentheses
    start = pos
    depth = 0
    while pos < len(data):
        ch = data[pos:pos + 1]
        if ch == b"[":
            depth += 1
        elif ch == b"]":
            depth -= 1
        elif depth == 0 and ch in (b" ", b"(", b")"):
            break
        pos += 1
    atom = data[start:pos]
    if atom.upper() == b"NIL":
        return None, pos
    return ("atom", atom), pos


def parse_fetch(line):
    """'* 3 FETCH (UID 7 FLAGS (\\Seen) BODY[1] {3}\\r\\nabc)' -> (3, {b'UID': ..., b'BODY[1]': b'abc'})."""
    m = re.match(rb"\* (\d+) FETCH ", line)
    if not m:
        raise ValueError("not a FETCH response: %r" % line[:80])
    items, _ = parse_value(line, m.end())
    result = {}
    for i in range(0, len(items), 2):
        result[items[i][1].upper()] = items[i + 1]
    return int(m.group(1)), result
