#!/usr/bin/python3
"""CreateKeyPair against `ec2sim serve`: what one account's loop costs the others, and what a
journal full of key pairs costs a restart. Not run by CI (timings are the machine's).

1. Latency: one client loops CreateKeyPair (RSA, about 200 ms of prime search each) while
   another account polls DescribeInstances for DURATION seconds; prints the poller's p50/p99
   and how many keys the looper made. Keys made under the world's lock stall every account.
2. Restart: with --state, KEYS CreateKeyPair calls, then the server is stopped and started
   again; prints how long until /_ec2sim/health answers. A replay that makes each key again
   costs KEYS x 200 ms.

  /usr/bin/python3 bench/keypair_load.py [--binary build/ec2sim] [--duration 10] [--keys 500]
"""

import argparse
import http.client
import pathlib
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests" / "server"))
import harness  # noqa: E402


def auth(key):
    # Open mode takes the account from the credential scope; nothing is verified.
    return (f"AWS4-HMAC-SHA256 Credential={key}/20260101/us-east-1/ec2/aws4_request, "
            "SignedHeaders=host, Signature=00")


class Client:
    def __init__(self, port, key):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.key = key

    def call(self, params):
        self.conn.request("POST", "/", body=urllib.parse.urlencode(params),
                          headers={"Content-Type": "application/x-www-form-urlencoded",
                                   "Authorization": auth(self.key)})
        resp = self.conn.getresponse()
        resp.read()
        return resp.status


def latency(binary, duration):
    harness.binary = lambda: binary
    with harness.Server() as server:
        poller = Client(server.port, "AKIDPOLLER")
        poller.call({"Action": "DescribeInstances"})  # opens its region
        stop = threading.Event()
        made = [0]

        def loop():
            looper = Client(server.port, "AKIDLOOPER")
            while not stop.is_set():
                if looper.call({"Action": "CreateKeyPair", "KeyName": f"k{made[0]}"}) == 200:
                    made[0] += 1

        def poll(seconds):
            times = []
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                t = time.monotonic()
                assert poller.call({"Action": "DescribeInstances"}) == 200
                times.append((time.monotonic() - t) * 1000)
            return times

        def report(label, times):
            times.sort()
            print(f"{label}: {len(times)} DescribeInstances, p50 "
                  f"{statistics.median(times):.2f} ms, p99 {times[int(len(times) * 0.99)]:.2f} "
                  f"ms, max {times[-1]:.2f} ms")

        report("alone", poll(duration / 2))
        thread = threading.Thread(target=loop)
        thread.start()
        time.sleep(0.5)
        times = poll(duration)
        stop.set()
        thread.join()
        report("while another account loops CreateKeyPair", times)
        print(f"  the looping account made {made[0]} keys")


def restart(binary, keys):
    harness.binary = lambda: binary
    with tempfile.TemporaryDirectory() as state:
        with harness.Server("--state", state) as server:
            client = Client(server.port, "AKIDMAKER")
            for i in range(keys):
                assert client.call({"Action": "CreateKeyPair", "KeyName": f"k{i}"}) == 200
        start = time.monotonic()
        with harness.Server("--state", state):
            took = time.monotonic() - start
        print(f"restart with {keys} CreateKeyPair records: {took:.2f} s until health answers")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=harness.binary())
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--keys", type=int, default=500)
    args = parser.parse_args()
    latency(args.binary, args.duration)
    if args.keys > 0:
        restart(args.binary, args.keys)


if __name__ == "__main__":
    main()
