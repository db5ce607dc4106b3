"""Hostile HTTP against `ec2sim serve`, before any authentication: bodies over the size limit
(chunked, or small on the wire and huge once inflated) with the server's memory measured,
smuggling-prone framing, pipelining, log injection, slow connections under load, and the
per-address connection cap. docs/hardening.md lists each limit."""

import re
import select
import socket
import subprocess
import sys
import threading
import time
import unittest
import zlib

import harness

FORM = "Content-Type: application/x-www-form-urlencoded\r\n"
STATUS = re.compile(rb"HTTP/1\.1 (\d{3}) ")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def exchange(port, data, timeout=5.0):
    """Sends `data` on a new connection and reads until the server closes it (or `timeout`)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        reply = b""
        try:
            while chunk := sock.recv(65536):
                reply += chunk
        except (socket.timeout, ConnectionResetError):
            pass
        return reply


def statuses(reply):
    return [int(s) for s in STATUS.findall(reply)]


def stream_until_answered(port, header, pieces):
    """Sends `header`, then each of `pieces` until the server answers; returns its answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(header)
        try:
            for piece in pieces:
                if select.select([sock], [], [], 0)[0]:
                    break
                sock.sendall(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            return sock.recv(65536)
        except ConnectionResetError:
            return b""


class HostileBodies(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server().__enter__()
        cls.port = cls.server.port

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def assert_rss_bounded(self, before_kib):
        grown = rss_kib(self.server.proc.pid) - before_kib
        self.assertLess(grown, 64 * 1024, f"RSS grew by {grown} KiB")

    def test_a_chunked_body_over_1_mib_is_refused_as_it_arrives(self):
        before = rss_kib(self.server.proc.pid)
        chunk = b"100000\r\n" + b"A" * 0x100000 + b"\r\n"  # 1 MiB per chunk, 256 at most
        reply = stream_until_answered(
            self.port, b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n" +
            FORM.encode() + b"\r\n", (chunk for _ in range(256)))
        self.assertEqual(statuses(reply)[:1], [413], reply[:300])
        self.assertIn(b"<Code>Ec2sim.PayloadTooLarge</Code>", reply)
        self.assert_rss_bounded(before)
        self.assertEqual(self.server.admin("GET", "health")[0], 200)

    def test_a_gzip_bomb_is_refused_at_1_mib_inflated(self):
        squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
        zeros = bytes(1 << 20)
        bomb = b"".join(squeeze.compress(zeros) for _ in range(512)) + squeeze.flush()
        self.assertLess(len(bomb), 1 << 20)  # 512 MiB inflated, under the limit on the wire
        before = rss_kib(self.server.proc.pid)
        reply = exchange(self.port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\n" +
                         FORM.encode() + b"Content-Length: %d\r\n\r\n" % len(bomb) + bomb)
        self.assertEqual(statuses(reply), [413], reply[:300])
        self.assert_rss_bounded(before)

    def test_gzip_and_deflate_bodies_are_served(self):
        for encoding, bits in (("gzip", 31), ("deflate", 15)):
            squeeze = zlib.compressobj(6, zlib.DEFLATED, bits)
            body = squeeze.compress(b"Action=DescribeRegions") + squeeze.flush()
            reply = exchange(self.port, b"POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
                             f"Content-Encoding: {encoding}\r\n{FORM}".encode() +
                             b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.assertEqual(statuses(reply), [200], reply[:300])
            self.assertIn(b"DescribeRegionsResponse", reply)

    def test_bad_gzip_gets_an_ec2_error(self):
        reply = exchange(self.port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\n"
                         b"Content-Length: 8\r\n\r\nnot gzip")
        self.assertEqual(statuses(reply), [400])
        self.assertIn(b"<Response><Errors><Error><Code>Ec2sim.BadRequest</Code>", reply)


class HostileFraming(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server().__enter__()
        cls.port = cls.server.port

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def refused(self, head, body=b"Action=DescribeRegions", path=b"/"):
        """The answer to POST `path` with the header lines `head`: one 400, then closed."""
        reply = exchange(self.port, b"POST " + path + b" HTTP/1.1\r\nHost: x\r\n" + head +
                         b"\r\n" + body + b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertEqual(statuses(reply), [400], reply)
        return reply

    def test_conflicting_content_lengths_are_refused_and_closed(self):
        self.refused(b"Content-Length: 22\r\nContent-Length: 5\r\n")
        self.refused(b"Content-Length: 22\r\nContent-Length: 22\r\n")

    def test_transfer_encoding_with_content_length_is_refused(self):
        self.refused(b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", b"0\r\n\r\n")
        self.refused(b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", b"0\r\n\r\n")

    def test_a_negative_content_length_and_a_bad_chunk_size_get_ec2_errors(self):
        for reply in (self.refused(b"Content-Length: -1\r\n"),
                      self.refused(b"Transfer-Encoding: chunked\r\n", b"zz\r\nabc\r\n0\r\n\r\n")):
            self.assertIn(b"<Response><Errors><Error><Code>Ec2sim.BadRequest</Code>", reply)
        admin = self.refused(b"Content-Length: -1\r\n", path=b"/_ec2sim/call")
        self.assertIn(b'"code": "Ec2sim.BadRequest"', admin)

    def test_multipart_bodies_get_a_clear_400_and_are_logged(self):
        form = (b"--XyZ\r\nContent-Disposition: form-data; name=\"Action\"\r\n\r\n"
                b"DescribeRegions\r\n--XyZ--\r\n")
        for content_type in (b"multipart/form-data; boundary=XyZ", b"multipart/form-data"):
            reply = exchange(self.port, b"POST /multipart-probe HTTP/1.1\r\nHost: x\r\n"
                             b"Connection: close\r\nContent-Type: " + content_type +
                             b"\r\nContent-Length: %d\r\n\r\n" % len(form) + form)
            self.assertEqual(statuses(reply), [400], reply)
            self.assertIn(b"<Code>InvalidParameterValue</Code>", reply)
            self.assertIn(b"application/x-www-form-urlencoded", reply)
        logged = [line for line in self.server.server_log().splitlines()
                  if line.startswith("POST /multipart-probe ")]
        self.assertEqual(len(logged), 2, self.server.server_log()[-2000:])
        self.assertIn(" 400 InvalidParameterValue ", logged[0])

    def test_pipelined_requests_are_answered_at_once(self):
        one = b"GET /?Action=DescribeRegions HTTP/1.1\r\nHost: x\r\n\r\n"
        last = b"GET /?Action=DescribeRegions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        begin = time.monotonic()
        reply = exchange(self.port, one + one + last)
        took = time.monotonic() - begin
        self.assertEqual(statuses(reply), [200, 200, 200])
        self.assertLess(took, 1.0)

    def test_a_newline_in_action_cannot_forge_a_log_line(self):
        exchange(self.port, b"GET /?Action=Describe%0AFORGED%20LINE HTTP/1.1\r\nHost: x\r\n"
                 b"Connection: close\r\n\r\n")
        deadline = time.monotonic() + 5
        while "FORGED" not in self.server.server_log() and time.monotonic() < deadline:
            time.sleep(0.05)
        log = self.server.server_log()
        self.assertIn("Describe\\x0AFORGED\\x20LINE", log)
        self.assertFalse([line for line in log.splitlines() if line.startswith("FORGED")])


# 16 client threads making requests back to back for SECONDS, in a process of their own so
# that they do not compete with the health checks for this interpreter's lock. Prints how many
# requests each served, or the first error.
BUSY_CLIENTS = """
import http.client, sys, threading, time
port, seconds = int(sys.argv[1]), float(sys.argv[2])
end = time.monotonic() + seconds
served = [0] * 16
errors = []
def busy(i):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while time.monotonic() < end:
        try:
            conn.request("GET", "/?Action=DescribeRegions")
            conn.getresponse().read()
            served[i] += 1
        except OSError as e:
            errors.append(repr(e))
            return
threads = [threading.Thread(target=busy, args=(i,)) for i in range(16)]
for t in threads: t.start()
for t in threads: t.join()
print(errors[0] if errors else " ".join(map(str, served)))
"""


class SlowClients(unittest.TestCase):
    def test_200_slow_connections_and_16_busy_clients_leave_health_checks_fast(self):
        with harness.Server("--quiet", "--clock", "wall") as server:
            slow = [socket.create_connection(("127.0.0.1", server.port), timeout=5)
                    for _ in range(200)]
            stop = threading.Event()

            def trickle():
                request = b"GET /?Action=DescribeRegions HTTP/1.1\r\nHost: x\r\n"
                for i in range(len(request)):
                    for sock in slow:
                        try:
                            sock.send(request[i:i + 1])
                        except OSError:
                            pass  # closed by the server's header deadline
                    if stop.wait(1.0):
                        return

            trickler = threading.Thread(target=trickle)
            trickler.start()
            busy = subprocess.Popen([sys.executable, "-c", BUSY_CLIENTS, str(server.port), "12"],
                                    stdout=subprocess.PIPE, text=True)
            worst = 0.0
            checks = 0
            try:
                end = time.monotonic() + 13  # past the 10 s header deadline
                while time.monotonic() < end:
                    begin = time.monotonic()
                    self.assertEqual(server.admin("GET", "health")[0], 200)
                    worst = max(worst, time.monotonic() - begin)
                    checks += 1
                    time.sleep(0.2)
            finally:
                stop.set()
                trickler.join()
                served = busy.communicate(timeout=30)[0].split()
            self.assertLess(worst, 1.0)
            self.assertGreater(checks, 20)
            self.assertEqual(len(served), 16, served)
            self.assertTrue(all(int(n) > 0 for n in served), served)
            # The header deadline closed every slow connection.
            closed = 0
            for sock in slow:
                sock.settimeout(2)
                try:
                    closed += sock.recv(1) == b""
                except ConnectionResetError:
                    closed += 1
                except socket.timeout:
                    pass  # still open
                sock.close()
            self.assertEqual(closed, 200)

    def test_connections_over_the_per_address_cap_are_closed_at_once(self):
        with harness.Server("--quiet", "--max-connections-per-address", "4") as server:
            held = []
            for _ in range(8):
                sock = socket.socket()
                sock.bind(("127.0.0.2", 0))
                sock.settimeout(1.0)
                sock.connect(("127.0.0.1", server.port))
                sock.send(b"G")
                held.append(sock)
            open_ones = 0
            for sock in held:
                try:
                    open_ones += sock.recv(1) != b""
                except socket.timeout:
                    open_ones += 1  # still open: nothing to read yet
                except ConnectionResetError:
                    pass
            self.assertEqual(open_ones, 4)
            begin = time.monotonic()
            self.assertEqual(server.admin("GET", "health")[0], 200)
            self.assertLess(time.monotonic() - begin, 1.0)
            for sock in held:
                sock.close()


if __name__ == "__main__":
    unittest.main()
