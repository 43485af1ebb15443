"""Load on the real postroomd: 500 concurrent SMTP sessions delivering and 500 IMAP sessions
(200 of them in IDLE, the rest polling) for a bounded time, limits raised in the config.
No errors are allowed, every IDLE session must hear of new mail, the daemon's memory must
stay bounded; RSS and throughput are printed (the figures quoted in reports)."""
import asyncio
import os
import random
import re
import time
import unittest

from postroomtest import PostroomDaemon
from postroomtest import assert_memory_below, memory_kib

SMTP_SESSIONS = int(os.environ.get("POSTROOM_LOAD_SMTP", 500))
IMAP_SESSIONS = int(os.environ.get("POSTROOM_LOAD_IMAP", 500))
IDLE_SESSIONS = IMAP_SESSIONS * 2 // 5
USERS = 20
SMTP_SECONDS = float(os.environ.get("POSTROOM_LOAD_SECONDS", 15))
MAX_RSS_MIB = 768


class Stats:
    def __init__(self):
        self.errors = []
        self.delivered = 0
        self.imap_commands = 0
        self.idle_exists = {}
        self.polls_during_smtp = 0


async def smtp_session(port, index, deadline, stats):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    async def reply():
        while True:
            line = await reader.readline()
            if not line:
                raise EOFError("closed")
            if line[3:4] != b"-":
                return int(line[:3]), line

    async def cmd(text, expect):
        writer.write(text + b"\r\n")
        code, line = await reply()
        if code != expect:
            raise AssertionError("%r -> %r" % (text[:40], line))

    try:
        code, line = await reply()
        if code != 220:
            raise AssertionError("greeting %r" % line)
        await cmd(b"EHLO load%d.test" % index, 250)
        sent = 0
        while time.time() < deadline and sent < 45:  # below max_messages_per_connection
            user = random.randrange(USERS)
            await cmd(b"MAIL FROM:<load%d@remote.example>" % index, 250)
            await cmd(b"RCPT TO:<u%d@example.com>" % user, 250)
            await cmd(b"DATA", 354)
            writer.write(b"Subject: load %d/%d\r\nFrom: load%d@remote.example\r\n\r\n%s\r\n.\r\n"
                         % (index, sent, index, b"payload line\r\n" * 20))
            code, line = await reply()
            if code != 250:
                raise AssertionError("end of data -> %r" % line)
            stats.delivered += 1
            sent += 1
        await cmd(b"QUIT", 221)
    except Exception as e:  # noqa: BLE001 - every failure is a test error
        stats.errors.append("smtp %d: %r" % (index, e))
    finally:
        writer.close()


class ImapConn:
    def __init__(self, reader, writer):
        self.reader, self.writer, self.n = reader, writer, 0

    async def command(self, text):
        self.n += 1
        tag = b"x%d" % self.n
        self.writer.write(tag + b" " + text + b"\r\n")
        untagged = []
        while True:
            line = await self.reader.readline()
            if not line:
                raise EOFError("closed after %r" % text)
            m = re.search(rb"\{(\d+)\}\r\n$", line)
            if m:
                line += await self.reader.readexactly(int(m.group(1)))
                line += await self.reader.readline()
            if line.startswith(tag + b" "):
                if not line.startswith(tag + b" OK"):
                    raise AssertionError("%r -> %r" % (text[:40], line))
                return untagged
            untagged.append(line)


async def imap_session(port, ctx, index, idle, ready, stop, stats):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=ctx, limit=1 << 20)
    except Exception as e:  # noqa: BLE001
        stats.errors.append("imap %d connect: %r" % (index, e))
        ready.release()
        return
    c = ImapConn(reader, writer)
    released = False
    try:
        greeting = await reader.readline()
        if not greeting.startswith(b"* OK"):
            raise AssertionError("greeting %r" % greeting)
        await c.command(b'LOGIN u%d@example.com secret' % (index % USERS))
        await c.command(b"SELECT INBOX")
        if idle:
            writer.write(b"i1 IDLE\r\n")
            line = await reader.readline()
            if not line.startswith(b"+"):
                raise AssertionError("IDLE -> %r" % line)
            ready.release()
            released = True
            stats.idle_exists[index] = 0
            while not stop.is_set():
                try:
                    line = await asyncio.wait_for(reader.readline(), 0.5)
                except asyncio.TimeoutError:
                    continue
                if not line:
                    raise EOFError("closed during IDLE")
                if line.endswith(b"EXISTS\r\n"):
                    stats.idle_exists[index] += 1
            writer.write(b"DONE\r\n")
            while True:
                line = await reader.readline()
                if not line:
                    raise EOFError("closed after DONE")
                if line.startswith(b"i1 "):
                    if not line.startswith(b"i1 OK"):
                        raise AssertionError("DONE -> %r" % line)
                    break
        else:
            ready.release()
            released = True
            while not stop.is_set():
                for text in (b"NOOP", b"UID FETCH 1:* (FLAGS)", b"STATUS INBOX (MESSAGES UNSEEN)",
                             b"UID SEARCH UNSEEN"):
                    await c.command(text)
                    stats.imap_commands += 1
                await asyncio.sleep(0.2)
        await c.command(b"LOGOUT")
    except Exception as e:  # noqa: BLE001
        stats.errors.append("imap %d: %r" % (index, e))
    finally:
        if not released:
            ready.release()
        writer.close()


class LoadTest(unittest.TestCase):
    def test_500_smtp_and_500_imap_sessions(self):
        overrides = {"smtp": {"max_connections": 2000}, "imap": {"max_connections": 2000},
                     "rate_limit": {"enabled": False, "max_concurrent_per_ip": 5000}}
        with PostroomDaemon(config_overrides=overrides) as d:
            for i in range(USERS):
                d.add_user("u%d@example.com" % i, "secret")
            pid = d.process.pid
            base = memory_kib(pid)
            stats = Stats()
            peak = [base["VmRSS"]]

            async def sample(stop):
                while not stop.is_set():
                    peak[0] = max(peak[0], memory_kib(pid)["VmRSS"])
                    await asyncio.sleep(0.25)

            async def main():
                ctx = d.ssl_context()
                stop = asyncio.Event()
                sampler = asyncio.create_task(sample(stop))
                ready = asyncio.Semaphore(0)
                t0 = time.time()
                imap = [asyncio.create_task(imap_session(d.ports["imaps"], ctx, i, i < IDLE_SESSIONS, ready, stop, stats))
                        for i in range(IMAP_SESSIONS)]
                for _ in range(IMAP_SESSIONS):
                    await asyncio.wait_for(ready.acquire(), 120)
                login_seconds = time.time() - t0
                t1 = time.time()
                commands_before = stats.imap_commands
                deadline = t1 + SMTP_SECONDS
                await asyncio.wait_for(asyncio.gather(*[smtp_session(d.ports["smtp"], i, deadline, stats)
                                                        for i in range(SMTP_SESSIONS)]), SMTP_SECONDS + 120)
                smtp_seconds = time.time() - t1
                await asyncio.sleep(2)  # the last deliveries reach the IDLE sessions
                stats.polls_during_smtp = stats.imap_commands - commands_before
                stop.set()
                await asyncio.wait_for(asyncio.gather(*imap), 120)
                await sampler
                return login_seconds, smtp_seconds

            login_seconds, smtp_seconds = asyncio.run(main())
            end = memory_kib(pid)
            print("\nload: %d IMAP sessions (%d IDLE) logged in over TLS in %.1f s; %d SMTP sessions delivered %d "
                  "messages in %.1f s (%.0f msg/s) while %d IMAP commands were answered (%.0f/s); daemon RSS %d KiB before, "
                  "peak %d KiB, %d KiB after (VmHWM %d KiB)"
                  % (IMAP_SESSIONS, IDLE_SESSIONS, login_seconds, SMTP_SESSIONS, stats.delivered, smtp_seconds,
                     stats.delivered / smtp_seconds, stats.polls_during_smtp, stats.polls_during_smtp / (smtp_seconds + 2),
                     base["VmRSS"], peak[0], end["VmRSS"], end["VmHWM"]))
            self.assertEqual(stats.errors[:10], [])
            self.assertGreater(stats.delivered, SMTP_SESSIONS)
            deaf = [i for i, n in stats.idle_exists.items() if n == 0]
            self.assertEqual(deaf, [], "IDLE sessions that never heard of new mail")
            self.assertEqual(len(stats.idle_exists), IDLE_SESSIONS)
            assert_memory_below(self, end["VmHWM"] / 1024.0, MAX_RSS_MIB, "load peak RSS")
            # all of it arrived
            total = sum(len(d.maildir_messages("u%d@example.com" % i)) for i in range(USERS))
            deadline = time.time() + 60
            while total < stats.delivered and time.time() < deadline:
                time.sleep(0.2)
                total = sum(len(d.maildir_messages("u%d@example.com" % i)) for i in range(USERS))
            self.assertEqual(total, stats.delivered)


if __name__ == "__main__":
    unittest.main()
