"""The Describe cache attack of issue 14 against a real server: one account with 192 stopped
instances sends 3,000 DescribeInstances calls, each with a filter of its own (so each is a new
cache key) that still matches every instance (so each answer is about 650 KB). With the cache
bounded only by its number of entries this took the server from 20 MiB to 982 MiB; bounded in
bytes (8 MiB an account by default, sim/server/response_cache.h) the server's VmRSS must stay
under CEILING_MIB (docs/hardening.md) and stop growing: the second 1,500 queries may not raise
the peak by more than GROWTH_MIB. Runs in 30 s on an idle 2-core machine, a few minutes under
heavy load: every answer is rendered.
"""

import http.client
import os
import re
import sys
import unittest
import urllib.parse

import harness

INSTANCES = 192
QUERIES = 3000
# The server's own footprint (about 20 MiB), the 8 MiB the account's cached answers may hold,
# the answers being rendered and sent at any moment, and what the allocator keeps of freed
# ones: requests run on any of the server's I/O threads, and each jemalloc arena keeps freed
# pages for a few seconds (its dirty-page decay), so the plateau is several answers per arena.
# Measured: about 85 MiB at the peak, the same after 1,500 and 4,500 queries (868 MiB after
# 1,500 before the cache was bounded in bytes).
CEILING_MIB = 128
# Between the first and second half of the queries the peak may still move by this much, but a
# cache that kept growing would add its 1,500 answers (over 800 MiB).
GROWTH_MIB = 24
# Under AddressSanitizer (scripts/sanitize.sh sets ASAN_OPTIONS) freed memory sits in ASan's
# quarantine and every allocation has shadow memory, so VmRSS says nothing about the cache: the
# sanitized run sends fewer queries, for memory errors only, and the release run checks memory.
SANITIZED = "ASAN_OPTIONS" in os.environ
if SANITIZED:
    QUERIES = 300
AUTH = ("AWS4-HMAC-SHA256 Credential=AKIDCACHEFLOOD/20260101/ap-northeast-2/ec2/aws4_request, "
        "SignedHeaders=host, Signature=00")


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        match = re.search(r"^VmRSS:\s+(\d+) kB", status.read(), re.M)
    return int(match.group(1)) / 1024


class CacheMemoryTest(unittest.TestCase):
    def test_distinct_filters_do_not_grow_the_server_past_its_ceiling(self):
        with harness.Server() as server:
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)

            def call(params):
                # Open mode takes the account and region from the credential scope.
                conn.request("POST", "/", body=urllib.parse.urlencode(params),
                             headers={"Content-Type": "application/x-www-form-urlencoded",
                                      "Authorization": AUTH})
                resp = conn.getresponse()
                body = resp.read()
                self.assertEqual(resp.status, 200, body[:300])
                return body.decode()

            ids = []
            for _ in range(INSTANCES // 32):
                # 32 vCPUs may run at once; stopped instances do not count.
                body = call({"Action": "RunInstances", "ImageId": "ami-0c9c942bd7bf113a2",
                             "InstanceType": "t2.micro", "MinCount": 32, "MaxCount": 32})
                batch = re.findall(r"<instanceId>(i-[0-9a-f]+)</instanceId>", body)
                stop = {"Action": "StopInstances"}
                stop.update({f"InstanceId.{i + 1}": iid for i, iid in enumerate(batch)})
                call(stop)
                ids += batch
            self.assertEqual(len(ids), INSTANCES)
            before = rss_mib(server.proc.pid)
            peak = before
            half_peak = before
            size = 0
            for i in range(QUERIES):
                if i == QUERIES // 2:
                    half_peak = peak
                body = call({"Action": "DescribeInstances",
                             "Filter.1.Name": "instance-state-name",
                             "Filter.1.Value.1": "stopped", "Filter.1.Value.2": f"q{i}"})
                size = len(body)
                if i % 100 == 99:
                    peak = max(peak, rss_mib(server.proc.pid))
            peak = max(peak, rss_mib(server.proc.pid))
            conn.close()
            self.assertEqual(body.count("<instanceId>"), INSTANCES)
            print(f"answer {size / 1024:.0f} KiB; VmRSS {before:.1f} MiB before, peak "
                  f"{half_peak:.1f} MiB after {QUERIES // 2} and {peak:.1f} MiB after {QUERIES} "
                  "distinct queries", file=sys.stderr)
            if SANITIZED:
                print("sanitized build: VmRSS not checked", file=sys.stderr)
                return
            self.assertLess(peak, CEILING_MIB)
            self.assertLess(peak - half_peak, GROWTH_MIB)


if __name__ == "__main__":
    unittest.main()
