"""`ec2sim serve --state DIR` under SIGKILL: nothing acknowledged is lost, nothing is half-applied.

Client threads make changes over the EC2 Query API (key pairs, instances launched with their
tags, Elastic IPs allocated and associated) and note every change the server acknowledged. The
server is killed with SIGKILL at a random moment, restarted on the same directory, and the
state of every account is checked against those notes. The journal is compacted every few
records, so kills also land during compactions. Then: a clean restart gives the identical
state, a damaged journal tail is reported and cut off, and files of a newer format are refused.

    python3 tests/server/kill_test.py             # 3 kills (ctest)
    python3 tests/server/kill_test.py --kills 50  # a longer run; --seed N to repeat one
"""

import argparse
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

import harness

AMI = "ami-0c9c942bd7bf113a2"  # Amazon Linux 2023 in ap-northeast-2 (docs/catalog.md)
NS = "{http://ec2.amazonaws.com/doc/2016-11-15/}"
OPTIONS = argparse.Namespace(kills=3, seed=None, threads=4)


class Served:
    """One `ec2sim serve --state DIR` process."""

    def __init__(self, state_dir, *extra):
        self.args = [harness.binary(), "serve", "--host", "127.0.0.1", "--port", "0",
                     "--clock", "manual", "--quiet", "--state", state_dir, *extra]
        self.log = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=self.log,
                                     text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not match:
            self.proc.wait(timeout=30)
            self.proc.stdout.close()
            raise RuntimeError(f"server did not start ({self.proc.returncode}): {self.stderr()}")
        self.port = int(match.group(1))

    def stderr(self):
        self.log.seek(0)
        return self.log.read()

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.proc.stdout.close()
        self.log.close()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=30)
        self.proc.stdout.close()
        self.log.close()
        return code

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, resp.read().decode("utf-8")
        finally:
            conn.close()

    def admin(self, method, route, body=None):
        status, text = self.request(method, "/_ec2sim/" + route,
                                    None if body is None else json.dumps(body))
        return status, json.loads(text)

    def state(self, account):
        status, body = self.admin("GET", f"state?account={account}")
        assert status == 200, body
        body.pop("time", None)
        return body

    def accounts(self):
        return sorted(a["account"] for a in self.admin("GET", "accounts")[1]["accounts"])


def ec2(conn, access_key, params):
    """One EC2 Query request on a kept-alive connection: (status, parsed XML root)."""
    params = dict(params, Version="2016-11-15")
    auth = (f"AWS4-HMAC-SHA256 Credential={access_key}/20260101/ap-northeast-2/ec2/"
            "aws4_request, SignedHeaders=host, Signature=0")
    conn.request("POST", "/", body=urllib.parse.urlencode(params),
                 headers={"Content-Type": "application/x-www-form-urlencoded",
                          "Authorization": auth})
    resp = conn.getresponse()
    return resp.status, ET.fromstring(resp.read())


def text(root, path):
    node = root.find("/".join(NS + part for part in path.split("/")))
    return None if node is None else node.text


class Client(threading.Thread):
    """Makes changes until the server goes away; notes each one that was acknowledged."""

    # Each access key (so each account) makes this many launches, within EC2's default quotas
    # (five Elastic IPs per account and region).
    STEPS_PER_ACCOUNT = 4

    def __init__(self, port, name):
        super().__init__(daemon=True)
        self.port, self.name = port, name
        self.key = None
        self.keys = {}       # key name -> key pair id
        self.instances = {}  # instance id -> tags
        self.addresses = {}  # allocation id -> {"ip", "instance", "association"}
        self.errors = []     # unexpected answers (not a dropped connection)

    def call(self, conn, params):
        status, root = ec2(conn, self.key, params)
        if status != 200:
            self.errors.append(f"{params['Action']}: HTTP {status} {ET.tostring(root)[:300]}")
            return None
        return root

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        step = 0
        try:
            while True:
                step += 1
                tag = f"{self.name}-{step}"
                self.key = f"AKIDKILL{self.name.upper()}N{(step - 1) // self.STEPS_PER_ACCOUNT}"
                r = self.call(conn, {"Action": "CreateKeyPair", "KeyName": f"k-{tag}",
                                     "KeyType": "ed25519"})
                if r is not None:
                    self.keys[f"k-{tag}"] = text(r, "keyPairId")
                r = self.call(conn, {
                    "Action": "RunInstances", "ImageId": AMI, "InstanceType": "t2.micro",
                    "MinCount": "1", "MaxCount": "1",
                    "TagSpecification.1.ResourceType": "instance",
                    "TagSpecification.1.Tag.1.Key": "Name",
                    "TagSpecification.1.Tag.1.Value": f"i-{tag}",
                    "TagSpecification.1.Tag.2.Key": "Owner",
                    "TagSpecification.1.Tag.2.Value": self.name})
                if r is None:
                    continue
                instance = text(r, "instancesSet/item/instanceId")
                self.instances[instance] = {"Name": f"i-{tag}", "Owner": self.name}
                r = self.call(conn, {"Action": "AllocateAddress", "Domain": "vpc"})
                if r is None:
                    continue
                allocation = text(r, "allocationId")
                self.addresses[allocation] = {"ip": text(r, "publicIp"), "instance": None,
                                              "association": None}
                r = self.call(conn, {"Action": "AssociateAddress", "AllocationId": allocation,
                                     "InstanceId": instance})
                if r is not None:
                    self.addresses[allocation].update(instance=instance,
                                                      association=text(r, "associationId"))
        except (OSError, http.client.HTTPException, ET.ParseError):
            return  # the server was killed: whatever was not answered was not acknowledged


def check_state(test, server, clients):
    """Every acknowledged change is there, and every resource is whole. Returns the states."""
    states = {a: server.state(a) for a in server.accounts()}
    instances, pairs, addresses = {}, {}, {}
    instance_ips, eip_ips = [], []
    for account, state in states.items():
        region = state["regions"].get("ap-northeast-2", {})
        for inst in region.get("Instances", []):
            tags = {t["Key"]: t["Value"] for t in inst.get("Tags", [])}
            test.assertEqual(set(tags), {"Name", "Owner"}, f"half-applied launch: {inst}")
            instances[inst["InstanceId"]] = (account, tags, inst)
            if inst.get("PublicIpAddress"):
                instance_ips.append(inst["PublicIpAddress"])
        for pair in region.get("KeyPairs", []):
            pairs[pair["KeyName"]] = pair["KeyPairId"]
        for addr in region.get("Addresses", []):
            addresses[addr["AllocationId"]] = (account, addr)
            eip_ips.append(addr["PublicIp"])
    for account, addr in addresses.values():
        if "InstanceId" in addr:
            owner = instances.get(addr["InstanceId"])
            test.assertIsNotNone(owner, f"EIP associated with a missing instance: {addr}")
            test.assertEqual(owner[0], account)
            test.assertEqual(owner[2].get("PublicIpAddress"), addr["PublicIp"])
    # One world: no two live resources share a public address, across accounts too.
    test.assertEqual(len(eip_ips), len(set(eip_ips)))
    test.assertEqual(len(instance_ips), len(set(instance_ips)))
    for client in clients:
        test.assertEqual(client.errors, [])
        for name, pair_id in client.keys.items():
            test.assertEqual(pairs.get(name), pair_id, f"acknowledged key pair {name} lost")
        for instance, tags in client.instances.items():
            test.assertIn(instance, instances, f"acknowledged instance {instance} lost")
            test.assertEqual(instances[instance][1], tags)
        for allocation, seen in client.addresses.items():
            test.assertIn(allocation, addresses, f"acknowledged EIP {allocation} lost")
            addr = addresses[allocation][1]
            test.assertEqual(addr["PublicIp"], seen["ip"])
            if seen["association"]:
                test.assertEqual(addr.get("AssociationId"), seen["association"])
                test.assertEqual(addr.get("InstanceId"), seen["instance"])
    return states


class KillTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory(prefix="ec2sim-state-")
        self.state_dir = os.path.join(self.dir.name, "state")

    def tearDown(self):
        self.dir.cleanup()

    def test_sigkill_under_load_loses_nothing_acknowledged(self):
        rng = random.Random(OPTIONS.seed)
        clients = []
        total = 0
        for kill in range(OPTIONS.kills):
            server = Served(self.state_dir, "--compact-every", "10")
            if kill > 0:
                self.assertIn("replayed", server.stderr())
                check_state(self, server, clients)
            # Names are unique per round, so earlier rounds' notes stay checkable.
            round_clients = [Client(server.port, f"r{kill}c{n}") for n in range(OPTIONS.threads)]
            for c in round_clients:
                c.start()
            time.sleep(rng.uniform(0.5, 2.5))
            server.kill()
            for c in round_clients:
                c.join(timeout=60)
                self.assertFalse(c.is_alive())
            clients += round_clients
            total += sum(len(c.keys) + len(c.instances) + len(c.addresses) for c in round_clients)
        self.assertGreater(total, 0, "no change was acknowledged before the kills")

        server = Served(self.state_dir, "--compact-every", "10")
        before = check_state(self, server, clients)
        self.assertEqual(server.stop(), 0)
        # A clean restart rebuilds exactly the same state, account by account.
        server = Served(self.state_dir)
        self.assertEqual({a: server.state(a) for a in server.accounts()}, before)
        self.assertEqual(server.stop(), 0)
        print(f"{OPTIONS.kills} kills, {total} acknowledged changes checked", file=sys.stderr)

    def test_damaged_journal_tail_is_reported_and_cut_off(self):
        server = Served(self.state_dir)
        c = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        for name in ("one", "two"):
            self.assertEqual(ec2(c, "AKIDTAIL", {"Action": "CreateKeyPair",
                                                 "KeyName": name})[0], 200)
        c.close()
        self.assertEqual(server.admin("POST", "clock", {"advance": "90s"})[0], 200)
        account = server.accounts()[0]
        before = server.state(account)
        self.assertEqual(server.stop(), 0)

        journal = os.path.join(self.state_dir, "journal")
        size = os.path.getsize(journal)
        garbage = b'R 120 0badc0de\n{"op": "call", "acc'
        with open(journal, "ab") as f:  # a record cut short, as a crash mid-write leaves it
            f.write(garbage)
        server = Served(self.state_dir)
        log = server.stderr()
        self.assertRegex(log, r"journal: record \d+ at offset %d is damaged \(cut short" % size)
        self.assertIn(f"cutting off the last {len(garbage)} bytes", log)
        self.assertEqual(server.state(account), before)
        self.assertEqual(os.path.getsize(journal), size)
        c = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        self.assertEqual(ec2(c, "AKIDTAIL", {"Action": "CreateKeyPair", "KeyName": "three"})[0],
                         200)
        c.close()
        after = server.state(account)
        self.assertEqual(server.stop(), 0)

        # A bit flipped in the last record: its checksum no longer matches, so it goes.
        with open(journal, "rb") as f:
            data = bytearray(f.read())
        data[-5] ^= 0x01
        with open(journal, "wb") as f:
            f.write(bytes(data))
        server = Served(self.state_dir)
        self.assertIn("checksum mismatch", server.stderr())
        names = [k["KeyName"] for k in
                 server.state(account)["regions"]["ap-northeast-2"]["KeyPairs"]]
        self.assertEqual(names, ["one", "two"])
        self.assertIn("three", [k["KeyName"] for k in
                                after["regions"]["ap-northeast-2"]["KeyPairs"]])
        self.assertEqual(server.stop(), 0)

    def test_a_newer_format_is_refused(self):
        server = Served(self.state_dir)
        self.assertEqual(server.stop(), 0)
        journal = os.path.join(self.state_dir, "journal")
        with open(journal, "rb") as f:
            first, rest = f.read().split(b"\n", 1)
        self.assertEqual(first, b"EC2SIM-STATE journal 1")
        with open(journal, "wb") as f:
            f.write(b"EC2SIM-STATE journal 2\n" + rest)
        proc = subprocess.run([harness.binary(), "serve", "--port", "0", "--state",
                               self.state_dir], capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("written by a newer ec2sim (state format 2", proc.stderr)
        with open(journal, "rb") as f:  # refused, not rewritten
            self.assertEqual(f.read(), b"EC2SIM-STATE journal 2\n" + rest)

    def test_a_second_server_cannot_share_the_directory(self):
        server = Served(self.state_dir)
        proc = subprocess.run([harness.binary(), "serve", "--port", "0", "--state",
                               self.state_dir], capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("another ec2sim serve", proc.stderr)
        self.assertEqual(server.stop(), 0)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--threads", type=int, default=4)
    OPTIONS, rest = parser.parse_known_args()
    if not os.access(harness.binary(), os.X_OK):
        sys.exit(f"no ec2sim binary at {harness.binary()}")
    unittest.main(argv=[sys.argv[0], *rest])
