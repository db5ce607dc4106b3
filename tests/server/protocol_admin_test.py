"""The server's HTTP surface below the SDKs: raw Query requests (GET and POST, malformed input,
keep-alive), the admin API, clock modes and graceful shutdown."""

import http.client
import json
import os
import signal
import socket
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

import harness

NS = "{http://ec2.amazonaws.com/doc/2016-11-15/}"
FORM = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
AUTH = {"Authorization": "AWS4-HMAC-SHA256 Credential=AKIDRAW/20260101/ap-northeast-2/ec2/"
                         "aws4_request, SignedHeaders=host, Signature=0"}
AMI = "ami-0c9c942bd7bf113a2"


def ec2_error(body):
    root = ET.fromstring(body)
    assert root.tag == "Response", body
    return root.find("Errors/Error/Code").text, root.find("Errors/Error/Message").text


class RawQuery(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server("--quiet", "--region", "eu-west-1").__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def post(self, body, headers=None):
        return self.server.request("POST", "/", body=body, headers={**FORM, **(headers or {})})

    def test_get_query_strings_and_post_bodies_are_both_served(self):
        status, body, headers = self.server.request(
            "GET", "/?Action=DescribeAvailabilityZones&Version=2016-11-15")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("text/xml"))
        root = ET.fromstring(body)
        self.assertEqual(root.tag, NS + "DescribeAvailabilityZonesResponse")
        self.assertTrue(root.find(NS + "requestId").text)
        # No signature: the server's --region and the default account.
        names = [z.find(NS + "zoneName").text
                 for z in root.find(NS + "availabilityZoneInfo")]
        self.assertEqual(names[0], "eu-west-1a")
        status, body, _ = self.post("Action=DescribeAvailabilityZones&Version=2016-11-15", AUTH)
        self.assertEqual(status, 200)
        self.assertIn("<zoneName>ap-northeast-2a</zoneName>", body)

    def test_cached_catalog_answers_match_fresh_ones_and_keep_regions_apart(self):
        import re
        strip = lambda body: re.sub(r"<requestId>[^<]*</requestId>", "", body)
        seoul = AUTH
        tokyo = {"Authorization": AUTH["Authorization"].replace("ap-northeast-2",
                                                                "ap-northeast-1")}
        bodies = [self.post("Action=DescribeAvailabilityZones", h)[1] for h in (seoul, seoul,
                                                                               tokyo, tokyo)]
        self.assertEqual(strip(bodies[0]), strip(bodies[1]))
        self.assertNotEqual(re.search(r"<requestId>([^<]*)", bodies[0]).group(1),
                            re.search(r"<requestId>([^<]*)", bodies[1]).group(1))
        self.assertIn("ap-northeast-1a", bodies[2])
        self.assertEqual(strip(bodies[2]), strip(bodies[3]))
        one = self.post("Action=DescribeRegions&RegionName.1=eu-west-1", seoul)[1]
        self.assertEqual(one.count("<regionName>"), 1)

    def test_every_listed_action_is_served_never_invalid_action_or_5xx(self):
        actions = self.server.admin("GET", "health")[1]["actions"]
        self.assertGreaterEqual(len(actions), 36)
        for action in actions:
            with self.subTest(action=action):
                status, body, _ = self.post(f"Action={action}&Version=2016-11-15", AUTH)
                self.assertLess(status, 500, body)
                if status != 200:
                    self.assertNotEqual(ec2_error(body)[0], "InvalidAction")

    def test_unsupported_and_malformed_requests_get_4xx_ec2_errors(self):
        cases = [
            ("Action=DescribeSpotPriceHistory&Version=2016-11-15", 400, "InvalidAction"),
            ("Action=NoSuchThing", 400, "InvalidAction"),
            ("Version=2016-11-15", 400, "MissingParameter"),
            ("Action=StopInstances", 400, "MissingParameter"),
            ("Action=DescribeInstances&InstanceID.1=i-1", 400, "UnknownParameter"),
            ("Action=DescribeInstances&InstanceId.1=%zz", 400, "InvalidParameterValue"),
            ("Action=RunInstances&ImageId=" + AMI + "&MinCount=x&MaxCount=1", 400,
             "InvalidParameterValue"),
            ("Action=DescribeInstances&InstanceId=i-1", 400, "InvalidParameterValue"),
            ("Action=DescribeInstances&Filter.1.Name=tag%3AName&Filter.1.Value.1=%00", 200, None),
        ]
        for body, status, code in cases:
            with self.subTest(body=body):
                got_status, got_body, _ = self.post(body, AUTH)
                self.assertEqual(got_status, status, got_body)
                if code:
                    self.assertEqual(ec2_error(got_body)[0], code)
        status, body, _ = self.server.request(
            "POST", "/", body='{"Action": "DescribeRegions"}',
            headers={"Content-Type": "application/json"})
        self.assertEqual(status, 400)
        self.assertEqual(ec2_error(body)[0], "InvalidParameterValue")

    def test_version_must_be_an_ec2_api_version_and_action_is_given_once(self):
        cases = [
            ("Action=DescribeRegions&Version=2016-11-15", 200, None),
            ("Action=DescribeRegions&Version=2014-10-01", 200, None),  # older SDKs
            ("Action=DescribeRegions", 200, None),  # hand-written requests leave it out
            ("Action=DescribeRegions&Version=2099-01-01", 400, "NoSuchVersion"),
            ("Action=DescribeRegions&Action=TerminateInstances&Version=2016-11-15", 400,
             "InvalidParameterValue"),
            ("Action=DescribeRegions&Version=2016-11-15&Version=2016-11-15", 400,
             "InvalidParameterValue"),
            ("Action=DescribeInstances&Version=2016-11-15&InstanceId.2=i-1", 400,
             "InvalidParameterValue"),
        ]
        for body, status, code in cases:
            with self.subTest(body=body):
                got_status, got_body, _ = self.post(body, AUTH)
                self.assertEqual(got_status, status, got_body)
                if code:
                    self.assertEqual(ec2_error(got_body)[0], code)
        # The query string and the body are one request: Action in both is Action twice.
        status, body, _ = self.server.request(
            "POST", "/?Action=TerminateInstances", body="Action=DescribeRegions",
            headers={**FORM, **AUTH})
        self.assertEqual((status, ec2_error(body)[0]), (400, "InvalidParameterValue"))

    def test_create_network_acl_takes_the_client_token_current_sdks_send(self):
        import re
        import uuid
        vpcs = self.post("Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=is-default&"
                         "Filter.1.Value.1=true", AUTH)[1]
        vpc = re.search(r"<vpcId>([^<]+)</vpcId>", vpcs).group(1)
        # boto3 1.43 fills ClientToken in by itself (an idempotencyToken member of the model).
        token = str(uuid.uuid4())
        body = f"Action=CreateNetworkAcl&Version=2016-11-15&VpcId={vpc}&ClientToken={token}"
        answers = [self.post(body, AUTH) for _ in range(2)]
        ids = []
        for status, text, _ in answers:
            self.assertEqual(status, 200, text)
            self.assertIn(f"<clientToken>{token}</clientToken>", text)
            ids.append(re.search(r"<networkAclId>([^<]+)</networkAclId>", text).group(1))
        self.assertEqual(ids[0], ids[1])

    def test_large_bodies_pass_and_oversized_ones_are_refused(self):
        user_data = "A" * 21000  # 16 KiB of user data, base64-encoded, as EC2 allows
        status, body, _ = self.post("Action=RunInstances&ImageId=" + AMI +
                                    "&MinCount=1&MaxCount=1&UserData=" + user_data, AUTH)
        self.assertEqual(status, 200, body)
        status, _, _ = self.post("Action=DescribeRegions&Junk=" + "x" * (2 << 20))
        self.assertEqual(status, 413)

    def test_keep_alive_serves_many_requests_on_one_connection(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            for _ in range(20):
                conn.request("POST", "/", body="Action=DescribeRegions&Version=2016-11-15",
                             headers=FORM)
                resp = conn.getresponse()
                self.assertEqual(resp.status, 200)
                resp.read()
                self.assertNotEqual(resp.getheader("Connection"), "close")
        finally:
            conn.close()

    def test_garbage_on_the_socket_gets_a_4xx_and_the_server_lives_on(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as sock:
            sock.sendall(b"NONSENSE\r\n\r\n")
            reply = sock.recv(4096).decode("latin-1")
        self.assertRegex(reply, r"^HTTP/1\.1 4\d\d")
        self.assertEqual(self.server.admin("GET", "health")[0], 200)


class AdminApi(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server("--quiet", "--timing", "realistic").__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def setUp(self):
        self.server.admin("POST", "reset")

    def ec2(self, key="AKIDADMIN"):
        return harness.boto3_client(self.server, access_key=key)

    def test_health_reports_the_setup(self):
        status, health = self.server.admin("GET", "health")
        self.assertEqual(status, 200)
        self.assertEqual(health["status"], "ok")
        self.assertEqual(health["clock"], "manual")
        self.assertEqual(health["timing"], "realistic")
        self.assertIn("RunInstances", health["actions"])

    def test_manual_clock_moves_only_when_told_and_drives_realistic_transitions(self):
        ec2 = self.ec2()
        start = self.server.admin("GET", "clock")[1]
        self.assertEqual(start["time"], "2026-01-01T00:00:00+00:00")
        iid = ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]

        def state():
            r = ec2.describe_instances(InstanceIds=[iid])["Reservations"]
            return r[0]["Instances"][0]["State"]["Name"]

        self.assertEqual(state(), "pending")
        self.assertEqual(self.server.admin("GET", "clock")[1]["time"], start["time"])
        status, moved = self.server.admin("POST", "clock", {"advance": "12s"})
        self.assertEqual(status, 200)
        self.assertEqual(moved["epoch_ms"], start["epoch_ms"] + 12000)
        self.assertEqual(state(), "running")
        status, moved = self.server.admin("POST", "clock", {"to": "2026-01-02T00:00:00Z"})
        self.assertEqual(moved["time"], "2026-01-02T00:00:00+00:00")
        self.assertEqual(self.server.request("POST", "/_ec2sim/clock?advance=1h")[0], 200)
        for bad in ({"to": "2026-01-01T00:00:00Z"}, {"advance": "soon"}, {},
                    {"advance": "1s", "to": "2027-01-01T00:00:00Z"}):
            with self.subTest(body=bad):
                status, err = self.server.admin("POST", "clock", bad)
                self.assertEqual(status, 400)
                self.assertEqual(err["error"]["code"], "Ec2sim.InvalidInput")
        status, _, _ = self.server.request("POST", "/_ec2sim/clock", body="{not json")
        self.assertEqual(status, 400)

    def test_reset_one_account_or_all(self):
        alice, bob = self.ec2("AKIDALICE"), self.ec2("AKIDBOB")
        alice.create_key_pair(KeyName="a")
        bob.create_key_pair(KeyName="b")
        accounts = {a["account"]: a["access_keys"][0]
                    for a in self.server.admin("GET", "accounts")[1]["accounts"]}
        self.assertEqual(sorted(accounts.values()), ["AKIDALICE", "AKIDBOB"])
        status, r = self.server.admin("POST", "reset", query="?access_key=AKIDALICE")
        self.assertEqual((status, r["existed"]), (200, True))
        self.assertEqual(alice.describe_key_pairs()["KeyPairs"], [])
        self.assertEqual(len(bob.describe_key_pairs()["KeyPairs"]), 1)
        self.assertEqual(self.server.admin("POST", "reset", query="?account=12")[0], 400)
        self.assertEqual(self.server.admin("POST", "reset")[1], {"reset": "all"})
        self.assertEqual(bob.describe_key_pairs()["KeyPairs"], [])

    def test_state_snapshots_one_account(self):
        ec2 = self.ec2()
        ec2.create_key_pair(KeyName="k")
        iid = ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
        owner = ec2.describe_instances()["Reservations"][0]["OwnerId"]
        status, state = self.server.admin("GET", "state", query=f"?account={owner}")
        self.assertEqual(status, 200)
        seoul = state["regions"]["ap-northeast-2"]
        self.assertEqual([i["InstanceId"] for i in seoul["Instances"]], [iid])
        self.assertEqual([k["KeyName"] for k in seoul["KeyPairs"]], ["k"])
        self.assertEqual(len(seoul["Vpcs"]), 1)
        status, empty = self.server.admin("GET", "state", query="?account=999999999999")
        self.assertEqual((status, empty["regions"]), (200, {}))

    def test_verbs_answer_json_and_never_5xx(self):
        ec2 = self.ec2()
        ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1)
        q = "?access_key=AKIDADMIN&region=ap-northeast-2"
        for method, route, body in (("GET", "bill", None), ("POST", "bill", {}),
                                    ("POST", "latency", {"from": "Seoul", "to": "us-east-1"}),
                                    ("POST", "probe", {"from": "203.0.113.7", "to": "10.0.0.1",
                                                       "protocol": "tcp", "port": 22})):
            with self.subTest(route=route, method=method):
                status, answer = self.server.admin(method, route, body, query=q)
                self.assertLess(status, 500)
                if status != 200:
                    self.assertTrue(answer["error"]["code"])
                    self.assertTrue(answer["error"]["message"])

    def test_probe_explains_in_korean_when_asked_and_keeps_every_other_field(self):
        q = "?access_key=AKIDADMIN&region=ap-northeast-2"
        # A private address seen from the internet: blocked the same way whatever else runs.
        spec = {"from": "203.0.113.7", "to": "10.0.0.1", "protocol": "tcp", "port": 22}
        status, en = self.server.admin("POST", "probe", spec, query=q)
        self.assertEqual(status, 200, en)
        status, ko = self.server.admin("POST", "probe", {**spec, "lang": "ko"}, query=q)
        self.assertEqual(status, 200, ko)
        self.assertTrue(ko["Explanation"].startswith("차단: tcp/22 트래픽"), ko["Explanation"])
        self.assertIn("10.0.0.1: 프라이빗 IP 주소이고", ko["Explanation"])
        self.assertEqual({k: v for k, v in ko.items() if k != "Explanation"},
                         {k: v for k, v in en.items() if k != "Explanation"})
        status, answer = self.server.admin("POST", "probe", {**spec, "lang": "fr"}, query=q)
        self.assertEqual((status, answer["error"]["code"]), (400, "InvalidParameterValue"))

    def test_json_nested_80000_deep_is_refused_and_the_server_lives_on(self):
        # Issue 14: this 160 KB body killed the server with SIGSEGV; 40,000 deep survived.
        deep = "[" * 80000 + "]" * 80000
        call = '{"Action":"DescribeRegions","Params":{"X":' + deep + '}}'
        probe = '{"from":"internet","to":' + deep + '}'
        for route, body, code in (("call", call, "InvalidParameterValue"),
                                  ("probe", probe, "Ec2sim.InvalidInput")):
            with self.subTest(route=route):
                status, text, _ = self.server.request(
                    "POST", f"/_ec2sim/{route}", body=body,
                    headers={"Content-Type": "application/json"})
                self.assertEqual(status, 400, text[:300])
                error = json.loads(text)["error"]
                self.assertEqual(error["code"], code)
                self.assertIn("nested deeper than 64 levels", error["message"])
                self.assertIsNone(self.server.proc.poll())
                self.assertEqual(self.server.admin("GET", "health")[0], 200)
        # 64 levels in all are still parsed: the action itself refuses the unknown member.
        params = '{"X":' + "[" * 62 + "]" * 62 + "}"
        status, text, _ = self.server.request(
            "POST", "/_ec2sim/call", body='{"Action":"DescribeRegions","Params":' + params + "}",
            headers={"Content-Type": "application/json"})
        self.assertEqual(status, 400, text)
        self.assertNotIn("nested deeper", json.loads(text)["error"]["message"])

    def test_unknown_routes_and_methods(self):
        self.assertEqual(self.server.admin("GET", "nope")[0], 404)
        self.assertEqual(self.server.admin("POST", "health")[0], 405)
        self.assertEqual(self.server.admin("GET", "reset")[0], 405)


class AccessKeys(unittest.TestCase):
    def test_a_malformed_key_is_refused_and_the_accounts_list_survives_a_restart(self):
        import tempfile
        with tempfile.TemporaryDirectory() as state:
            with harness.Server("--quiet", "--state", state) as server:
                call = json.dumps({"Action": "DescribeRegions"})
                for query in ("access_key=%FF%FE", "access_key=a%0Ab", "access_key=",
                              "account=111111111111&access_key=AKIDOTHER"):
                    with self.subTest(query=query):
                        status, text, _ = server.request(
                            "POST", "/_ec2sim/call?" + query, body=call,
                            headers={"Content-Type": "application/json"})
                        self.assertEqual(status, 400, text)
                # Open mode's EC2 endpoint: a credential with a key no AWS key could be.
                for key in ("bad*key", "key:with:colons", "\xff\xfe"):
                    auth = ("AWS4-HMAC-SHA256 Credential=" + key + "/20260101/eu-west-1/ec2/"
                            "aws4_request, SignedHeaders=host, Signature=0")
                    status, text, _ = server.request(
                        "POST", "/", body="Action=DescribeRegions&Version=2016-11-15".encode(),
                        headers={**FORM, "Authorization": auth.encode("latin-1")})
                    with self.subTest(key=key):
                        self.assertEqual((status, ec2_error(text)[0]), (401, "AuthFailure"))
                status, _ = server.admin("POST", "call", {"Action": "DescribeRegions"},
                                         query="?access_key=AKIDGOOD")
                self.assertEqual(status, 200)
                before = server.admin("GET", "accounts")[1]
            with harness.Server("--quiet", "--state", state) as server:
                self.assertEqual(server.admin("GET", "accounts")[1], before)
                self.assertEqual([row["access_keys"] for row in before["accounts"]],
                                 [["AKIDGOOD"]])


class Lifecycle(unittest.TestCase):
    def test_wall_clock_with_speed_completes_realistic_transitions_by_itself(self):
        with harness.Server("--quiet", "--timing", "realistic", "--clock", "wall", "--speed",
                            "100000") as server:
            ec2 = harness.boto3_client(server)
            iid = ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1)["Instances"][0]
            # 12 simulated seconds pass in well under a millisecond of wall time; the waiter
            # polls without sleeping between tries.
            waiter = ec2.get_waiter("instance_running")
            waiter.wait(InstanceIds=[iid["InstanceId"]], WaiterConfig={"Delay": 0,
                                                                       "MaxAttempts": 1000})
            later = server.admin("GET", "clock")[1]
            self.assertEqual(later["clock"], "wall")
            self.assertGreater(later["epoch_ms"], 1767225600000 + 12000)

    def test_sigterm_and_sigint_stop_the_server_cleanly(self):
        for sig in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(signal=sig):
                server = harness.Server()
                server.__enter__()
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
                conn.request("GET", "/_ec2sim/health")  # an open keep-alive connection
                conn.getresponse().read()
                server.proc.send_signal(sig)
                self.assertEqual(server.proc.wait(timeout=10), 0)
                self.assertIn("ec2sim serve: stopped", server.server_log())
                conn.close()
                with self.assertRaises(OSError):
                    socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
                server.close()

    def test_a_busy_port_is_a_clear_error(self):
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            import subprocess
            proc = subprocess.run([harness.binary(), "serve", "--port", str(port)],
                                  capture_output=True, text=True, timeout=30)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("cannot listen", proc.stderr)


if __name__ == "__main__":
    harness.require_clients(need_cli=False)
    os.environ["AWS_CONFIG_FILE"] = "/dev/null"
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
    unittest.main()
