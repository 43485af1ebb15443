"""Helpers for the SMTP integration tests: a raw line-based client for pipelining and
smuggling tests, and reading a process's memory figures from /proc."""
import socket
import time


class RawSmtp:
    def __init__(self, port, timeout=20):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.buffer = b""

    def reply(self):
        """One complete (possibly multi-line) reply as bytes; b"" when the server closed."""
        lines = b""
        while True:
            while b"\n" not in self.buffer:
                chunk = self.sock.recv(65536)
                if not chunk:
                    return lines + self.buffer
                self.buffer += chunk
            line, self.buffer = self.buffer.split(b"\n", 1)
            lines += line + b"\n"
            if len(line) >= 4 and line[3:4] == b" ":
                return lines

    def send(self, data):
        self.sock.sendall(data)

    def command(self, line):
        self.send(line + b"\r\n")
        return self.reply()

    def closed(self, timeout=5):
        self.sock.settimeout(timeout)
        try:
            return self.sock.recv(1) == b""
        except (ConnectionResetError, socket.timeout):
            return False

    def close(self):
        self.sock.close()


def wait_until(condition, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False
