#!/usr/bin/python3
"""Mixed load on `ec2sim serve`, then consistency checks. Not run by CI.

Eight concurrent clients (boto3, Debian's python3-boto3), each with its own access key and so its
own account, run a seeded random mix for DURATION seconds: launch, describe, stop/start,
terminate, Elastic IP allocate/associate/disassociate/release, security group rules
authorize/revoke, and probes through the admin API. Afterwards the script reads every account's
state and bill and checks:

  - no two live resources share a public IP (an instance's address and the Elastic IP on it are
    one resource),
  - every Elastic IP is associated at most once and no instance holds two,
  - each account's bill total equals the sum of its lines (its meters), to the cent,
  - no request got a 5xx answer.

It prints requests, expected 4xx answers (e.g. IncorrectInstanceState on a racing stop), 5xx
answers, and p50/p99 latency. Exit status 1 when a check fails. Usage:

  /usr/bin/python3 bench/mixed_load.py [--binary build/ec2sim] [--duration 60] [--clients 8]
"""

import argparse
import json
import pathlib
import random
import statistics
import sys
import threading
import time
import urllib.request

import boto3
import botocore.config
import botocore.exceptions

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests" / "server"))
import harness  # noqa: E402

AMI = "ami-0c9c942bd7bf113a2"
REGION = "ap-northeast-2"


class Client(threading.Thread):
    def __init__(self, index, server, deadline):
        super().__init__()
        self.account = f"{710000000000 + index:012d}"
        self.rng = random.Random(index)
        self.server = server
        self.deadline = deadline
        self.latencies = []
        self.requests = 0
        self.client_errors = {}
        self.server_errors = []
        self.ec2 = boto3.client(
            "ec2", endpoint_url=server.url, region_name=REGION,
            aws_access_key_id=self.account, aws_secret_access_key="not-checked",
            config=botocore.config.Config(retries={"max_attempts": 1}, max_pool_connections=2))
        self.instances = []
        self.eips = []
        self.group = None

    def timed(self, fn, *args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        except botocore.exceptions.ClientError as e:
            status = e.response["ResponseMetadata"]["HTTPStatusCode"]
            code = e.response["Error"]["Code"]
            if status >= 500:
                self.server_errors.append(f"{status} {code}")
            else:
                self.client_errors[code] = self.client_errors.get(code, 0) + 1
            return None
        finally:
            self.latencies.append(time.perf_counter() - start)
            self.requests += 1

    def probe(self):
        if not self.instances:
            return
        body = json.dumps({"from": "203.0.113.7", "to": self.rng.choice(self.instances),
                           "protocol": "tcp", "port": self.rng.choice([22, 80, 443])})
        start = time.perf_counter()
        req = urllib.request.Request(
            f"{self.server.url}/_ec2sim/probe?account={self.account}&region={REGION}",
            data=body.encode(), method="POST", headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                resp.read()
        except urllib.error.HTTPError as e:
            if e.code >= 500:
                self.server_errors.append(f"{e.code} probe")
            else:
                self.client_errors["probe"] = self.client_errors.get("probe", 0) + 1
        finally:
            self.latencies.append(time.perf_counter() - start)
            self.requests += 1

    def step(self):
        ec2, rng = self.ec2, self.rng
        op = rng.choices(["launch", "describe", "stopstart", "terminate", "eip", "rule", "probe"],
                         weights=[2, 6, 2, 1, 3, 2, 3])[0]
        if op == "launch" and len(self.instances) < 16:
            r = self.timed(ec2.run_instances, ImageId=AMI, InstanceType="t2.micro", MinCount=1,
                           MaxCount=1)
            if r:
                self.instances.append(r["Instances"][0]["InstanceId"])
        elif op == "describe":
            self.timed(ec2.describe_instances)
        elif op == "stopstart" and self.instances:
            iid = rng.choice(self.instances)
            if rng.random() < 0.5:
                self.timed(ec2.stop_instances, InstanceIds=[iid])
            else:
                self.timed(ec2.start_instances, InstanceIds=[iid])
        elif op == "terminate" and self.instances:
            iid = self.instances.pop(rng.randrange(len(self.instances)))
            self.timed(ec2.terminate_instances, InstanceIds=[iid])
        elif op == "eip":
            choice = rng.random()
            if choice < 0.35 and len(self.eips) < 5:
                r = self.timed(ec2.allocate_address, Domain="vpc")
                if r:
                    self.eips.append(r["AllocationId"])
            elif choice < 0.7 and self.eips and self.instances:
                self.timed(ec2.associate_address, AllocationId=rng.choice(self.eips),
                           InstanceId=rng.choice(self.instances), AllowReassociation=True)
            elif choice < 0.85 and self.eips:
                alloc = rng.choice(self.eips)
                r = self.timed(ec2.describe_addresses, AllocationIds=[alloc])
                if r and r["Addresses"] and r["Addresses"][0].get("AssociationId"):
                    self.timed(ec2.disassociate_address,
                               AssociationId=r["Addresses"][0]["AssociationId"])
            elif self.eips:
                alloc = self.eips.pop(rng.randrange(len(self.eips)))
                r = self.timed(ec2.describe_addresses, AllocationIds=[alloc])
                if r and r["Addresses"] and r["Addresses"][0].get("AssociationId"):
                    self.timed(ec2.disassociate_address,
                               AssociationId=r["Addresses"][0]["AssociationId"])
                self.timed(ec2.release_address, AllocationId=alloc)
        elif op == "rule":
            if self.group is None:
                r = self.timed(ec2.describe_security_groups, GroupNames=["default"])
                if r:
                    self.group = r["SecurityGroups"][0]["GroupId"]
                return
            port = rng.choice([22, 80, 443, 8080])
            perm = [{"IpProtocol": "tcp", "FromPort": port, "ToPort": port,
                     "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]
            if rng.random() < 0.5:
                self.timed(ec2.authorize_security_group_ingress, GroupId=self.group,
                           IpPermissions=perm)
            else:
                self.timed(ec2.revoke_security_group_ingress, GroupId=self.group,
                           IpPermissions=perm)
        elif op == "probe":
            self.probe()

    def run(self):
        while time.monotonic() < self.deadline:
            self.step()


def check(server, accounts):
    problems = []
    owners = {}  # public IP -> the resource holding it
    meters = [0]

    def claim(ip, who):
        if ip in owners and owners[ip] != who:
            problems.append(f"public IP {ip} held by {owners[ip]} and {who}")
        owners.setdefault(ip, who)

    for account in accounts:
        status, state = server.admin("GET", "state", query=f"?account={account}")
        assert status == 200, state
        region = state.get("regions", {}).get(REGION, {})
        eip_instance = {}
        for a in region.get("Addresses", []):
            who = f"{account}/{a['AllocationId']}"
            claim(a["PublicIp"], who)
            if a.get("InstanceId"):
                if a["InstanceId"] in eip_instance:
                    problems.append(f"instance {a['InstanceId']} holds two Elastic IPs")
                eip_instance[a["InstanceId"]] = who
        for res in region.get("Instances", []):
            for inst in res.get("Instances", [res]) if "Instances" in res else [res]:
                ip = inst.get("PublicIpAddress")
                if not ip or inst["State"]["Name"] == "terminated":
                    continue
                claim(ip, eip_instance.get(inst["InstanceId"], f"{account}/{inst['InstanceId']}"))
        status, bill = server.admin("GET", "bill", query=f"?account={account}")
        assert status == 200, bill
        # Each line is one meter; its exact amount is (Quantity - FreeQuantity) x RateUSD (the
        # line's AmountUSD is that rounded to the cent; the total rounds the exact sum once).
        # Quantities are given to 6 decimals, hence the small allowance per line.
        exact = sum((line["Quantity"] - line["FreeQuantity"]) * line["RateUSD"]
                    for line in bill["Lines"])
        if abs(exact - bill["TotalUSD"]) > 0.005 + 1e-6 * len(bill["Lines"]):
            problems.append(f"{account}: bill total {bill['TotalUSD']} != sum of its meters "
                            f"{exact:.6f}")
        meters[0] += len(bill["Lines"])
    return problems, len(owners), meters[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=harness.binary())
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    harness.os.environ["EC2SIM_BINARY"] = args.binary
    with harness.Server("--quiet", "--clock", "wall", "--speed", "60") as server:
        deadline = time.monotonic() + args.duration
        clients = [Client(i, server, deadline) for i in range(args.clients)]
        began = time.monotonic()
        for c in clients:
            c.start()
        for c in clients:
            c.join()
        elapsed = time.monotonic() - began
        latencies = sorted(x for c in clients for x in c.latencies)
        requests = sum(c.requests for c in clients)
        expected = {}
        for c in clients:
            for code, n in c.client_errors.items():
                expected[code] = expected.get(code, 0) + n
        server_errors = [e for c in clients for e in c.server_errors]
        problems, addresses, meters = check(server, [c.account for c in clients])
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(0.99 * (len(latencies) - 1))] * 1000
    print(f"{args.clients} clients, {elapsed:.0f} s: {requests} requests "
          f"({requests / elapsed:.0f}/s), p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    print(f"4xx answers (expected races and limits): {sum(expected.values())} "
          + json.dumps(dict(sorted(expected.items()))))
    print(f"5xx answers: {len(server_errors)}")
    print(f"checked: {addresses} live public IPs, {meters} meters against {args.clients} bills")
    for p in problems + server_errors[:10]:
        print("FAIL:", p)
    return 1 if problems or server_errors else 0


if __name__ == "__main__":
    sys.exit(main())
