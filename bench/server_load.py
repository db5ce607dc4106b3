#!/usr/bin/python3
"""Load benchmark of `ec2sim serve` with wrk (Debian package wrk). Not run by CI.

Starts the server (instant timing, wall clock at 3600x so terminated instances age out within a
second and the run/terminate account stays small) on a free loopback port, prepares an account
with 100 instances, then runs wrk with 8 connections on three workloads:

  describe100   DescribeInstances returning 100 instances
  run_terminate RunInstances / TerminateInstances pairs (each response feeds the next request)
  regions       DescribeRegions

Each workload runs RUNS times (default 3); the report gives the median requests/s and the
median p50/p99 latency. Usage:

  /usr/bin/python3 bench/server_load.py [--binary build/ec2sim] [--duration 10] [--runs 3]
                                        [--no-response-cache]

Repeated DescribeInstances calls on an unchanged account are answered from the server's
per-state-version cache; --no-response-cache measures the rendering path instead.

The 100 instances: the vCPU quota (32) counts only pending and running instances, so three
batches of 32 t2.micro are launched and stopped, then 4 more are left running.
"""

import argparse
import os
import pathlib
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
AMI = "ami-0c9c942bd7bf113a2"
CONNECTIONS = 8

COMMON_LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
wrk.headers["Authorization"] =
  "AWS4-HMAC-SHA256 Credential=%s/20260101/ap-northeast-2/ec2/aws4_request, " ..
  "SignedHeaders=host, Signature=0"
"""

WORKLOADS = {
    "describe100": ("BENCHDESCRIBE", 'wrk.body = "Action=DescribeInstances&Version=2016-11-15"\n'),
    "regions": ("BENCHREGIONS", 'wrk.body = "Action=DescribeRegions&Version=2016-11-15"\n'),
    "run_terminate": ("BENCHRUN", """
local pending = {}
local run = "Action=RunInstances&Version=2016-11-15&ImageId=%s&InstanceType=t2.micro" ..
            "&MinCount=1&MaxCount=1"
request = function()
  local id = table.remove(pending)
  if id then
    return wrk.format(nil, nil, nil,
                      "Action=TerminateInstances&Version=2016-11-15&InstanceId.1=" .. id)
  end
  return wrk.format(nil, nil, nil, run)
end
response = function(status, headers, body)
  local id = string.match(body, "<RunInstancesResponse.-<instanceId>(i%%-%%x+)</instanceId>")
  if id then table.insert(pending, id) end
end
""" % AMI),
}


def post(port, key, body):
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/", data=body.encode(), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "Authorization": f"AWS4-HMAC-SHA256 Credential={key}/20260101/"
                                  "ap-northeast-2/ec2/aws4_request, Signature=0"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return resp.read().decode()


def prepare(port):
    key = WORKLOADS["describe100"][0]
    for batch in range(4):
        count = 32 if batch < 3 else 4
        xml = post(port, key, f"Action=RunInstances&ImageId={AMI}&InstanceType=t2.micro"
                              f"&MinCount={count}&MaxCount={count}")
        ids = re.findall(r"<instanceId>(i-[0-9a-f]+)</instanceId>", xml)
        assert len(ids) == count, xml[:500]
        if batch < 3:
            post(port, key, "Action=StopInstances&" +
                 "&".join(f"InstanceId.{n}={i}" for n, i in enumerate(ids, 1)))
    xml = post(port, key, "Action=DescribeInstances")
    assert xml.count("<instanceId>") == 100, "expected 100 instances"
    return len(xml)


def to_ms(text):
    value, unit = float(re.match(r"([\d.]+)", text).group(1)), re.search(r"[a-z]+$", text).group(0)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(wrk, port, script, duration):
    out = subprocess.run([wrk, "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency",
                          "-s", script, f"http://127.0.0.1:{port}/"],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = to_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def main():
    parser = argparse.ArgumentParser(description="Load benchmark of ec2sim serve (wrk).")
    parser.add_argument("--binary", default=str(ROOT / "build" / "ec2sim"))
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-response-cache", action="store_true",
                        help="start the server with --no-response-cache (every Describe rendered)")
    args = parser.parse_args()
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk is not installed: apt-get install wrk")

    command = [args.binary, "serve", "--port", "0", "--quiet", "--clock", "wall", "--speed", "3600"]
    if args.no_response_cache:
        command.append("--no-response-cache")
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        port = int(re.search(r":(\d+) ", line).group(1))
        size = prepare(port)
        print(f"ec2sim serve on port {port}; DescribeInstances(100) response: {size} bytes")
        print(f"{'workload':<15}{'req/s (median)':>16}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}"
              f"   runs (req/s)")
        with tempfile.TemporaryDirectory() as tmp:
            for name, (key, body) in WORKLOADS.items():
                script = os.path.join(tmp, name + ".lua")
                with open(script, "w") as f:
                    f.write(COMMON_LUA % key + body)
                runs = [run_wrk(wrk, port, script, args.duration) for _ in range(args.runs)]
                rps = statistics.median(r[0] for r in runs)
                p50 = statistics.median(r[1] for r in runs)
                p99 = statistics.median(r[2] for r in runs)
                bad = sum(r[3] for r in runs)
                print(f"{name:<15}{rps:>16.0f}{p50:>9.2f}{p99:>9.2f}{bad:>9}   "
                      + " ".join(f"{r[0]:.0f}" for r in runs))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
