"""Classroom mode (`ec2sim serve --users FILE`): SigV4-signed requests from boto3, the AWS CLI
and curl, rejected requests that change nothing, accounts that cannot reach each other's
resources, the admin API for admins only, and users files with errors."""

import datetime
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest
import urllib.error
import urllib.request
from unittest import mock

import harness
from harness import error_of

AMI = "ami-0c9c942bd7bf113a2"
REGION = "ap-northeast-2"
USERS = [
    {"access_key_id": "AKIAALICE0000001", "secret_access_key": "alice-secret/1+x",
     "account_id": "111111111111", "name": "alice"},
    {"access_key_id": "AKIABOB000000002", "secret_access_key": "bob-secret",
     "account_id": "222222222222", "name": "bob", "admin": False},
    {"access_key_id": "AKIATEACHER00003", "secret_access_key": "teacher-secret",
     "account_id": "999999999999", "name": "teacher", "admin": True},
]
ALICE, BOB, TEACHER = USERS


def client(server, user, secret=None, key=None):
    import boto3
    from botocore.config import Config
    session = boto3.session.Session(
        aws_access_key_id=key or user["access_key_id"],
        aws_secret_access_key=secret or user["secret_access_key"], region_name=REGION)
    return session.client("ec2", endpoint_url=server.url,
                          config=Config(retries={"max_attempts": 1}))


def signed(server, user, method, path, body=b"", minutes_ago=0, content_type=None):
    """A request signed by botocore's own SigV4Auth: (status, parsed JSON or text). A body is
    JSON (the admin API's) unless `content_type` says otherwise."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    request = AWSRequest(method=method, url=server.url + path, data=body,
                         headers={"Content-Type": content_type or "application/json"}
                         if body else {})
    signer = SigV4Auth(Credentials(user["access_key_id"], user["secret_access_key"]), "ec2",
                       REGION)
    if minutes_ago:
        past = datetime.datetime.utcnow() - datetime.timedelta(minutes=minutes_ago)
        with mock.patch("botocore.auth.datetime") as fake:
            fake.datetime.utcnow.return_value = past
            signer.add_auth(request)
    else:
        signer.add_auth(request)
    headers = dict(request.headers.items())
    status, text, _ = server.request(method, path, body=body or None, headers=headers)
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


class Classroom(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.users_file = pathlib.Path(cls.tmp.name) / "users.json"
        cls.users_file.write_text(json.dumps({"users": USERS}, indent=2))
        cls.server = harness.Server("--users", str(cls.users_file)).__enter__()
        cls.alice = client(cls.server, ALICE)
        cls.bob = client(cls.server, BOB)

    @classmethod
    def tearDownClass(cls):
        for ec2 in (cls.alice, cls.bob):
            if hasattr(ec2, "close"):
                ec2.close()
        cls.server.close()
        cls.tmp.cleanup()

    def launch(self, ec2):
        return ec2.run_instances(ImageId=AMI, InstanceType="t2.micro", MinCount=1,
                                 MaxCount=1)["Instances"][0]["InstanceId"]

    def instance_ids(self, ec2):
        return sorted(i["InstanceId"] for r in ec2.describe_instances()["Reservations"]
                      for i in r["Instances"])

    def test_each_user_works_on_the_account_of_the_users_file(self):
        iid = self.launch(self.alice)
        self.assertIn(iid, self.instance_ids(self.alice))
        self.assertNotIn(iid, self.instance_ids(self.bob))
        status, state = signed(self.server, TEACHER, "GET", "/_ec2sim/state?account=111111111111")
        self.assertEqual(status, 200, state)
        ids = [i["InstanceId"] for i in state["regions"][REGION]["Instances"]]
        self.assertIn(iid, ids)
        status, accounts = signed(self.server, TEACHER, "GET", "/_ec2sim/accounts")
        self.assertEqual(status, 200)
        by_account = {a["account"]: a["access_keys"] for a in accounts["accounts"]}
        self.assertEqual(by_account["111111111111"], [ALICE["access_key_id"]])
        self.assertIn("RunInstances 111111111111 ap-northeast-2 200", self.server.server_log())

    def test_wrong_secret_or_unknown_key_is_refused_and_launches_nothing(self):
        before = self.instance_ids(self.alice)
        accounts_before = signed(self.server, TEACHER, "GET", "/_ec2sim/accounts")[1]
        wrong = client(self.server, ALICE, secret="not-alice-secret")
        self.assertEqual(error_of(wrong.run_instances, ImageId=AMI, InstanceType="t2.micro",
                                  MinCount=1, MaxCount=1), ("SignatureDoesNotMatch", 403))
        unknown = client(self.server, ALICE, key="AKIAMALLORY00000")
        self.assertEqual(error_of(unknown.run_instances, ImageId=AMI, InstanceType="t2.micro",
                                  MinCount=1, MaxCount=1), ("AuthFailure", 401))
        self.assertEqual(self.instance_ids(self.alice), before)
        self.assertEqual(signed(self.server, TEACHER, "GET", "/_ec2sim/accounts")[1],
                         accounts_before)

    def test_unsigned_and_expired_requests_get_aws_codes(self):
        status, body, _ = self.server.request(
            "POST", "/", body="Action=DescribeInstances&Version=2016-11-15",
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 403)
        self.assertIn("<Code>MissingAuthenticationToken</Code>", body)
        status, body, _ = self.server.request(
            "POST", "/", body="Action=DescribeInstances",
            headers={"Authorization": "AWS4-HMAC-SHA256 Credential=AKIAALICE0000001/20260101/"
                                      "ap-northeast-2/ec2/aws4_request, SignedHeaders=host"})
        self.assertEqual(status, 400)
        self.assertIn("<Code>IncompleteSignature</Code>", body)
        form = "application/x-www-form-urlencoded; charset=utf-8"
        status, body = signed(self.server, ALICE, "POST", "/",
                              b"Action=DescribeInstances&Version=2016-11-15", minutes_ago=20,
                              content_type=form)
        self.assertEqual(status, 400)
        self.assertIn("<Code>RequestExpired</Code>", body)
        status, body = signed(self.server, ALICE, "POST", "/",
                              b"Action=DescribeInstances&Version=2016-11-15", minutes_ago=10,
                              content_type=form)
        self.assertEqual(status, 200, body)

    def test_presigned_url_from_botocore_is_accepted_and_bound_to_its_parameters(self):
        iid = self.launch(self.alice)
        # botocore signs an EC2 presigned URL for the operation's method, POST, unless told.
        posted = self.alice.generate_presigned_url(
            "describe_instances", Params={"InstanceIds": [iid]}, ExpiresIn=300)
        with urllib.request.urlopen(urllib.request.Request(posted, data=b"", method="POST"),
                                    timeout=30) as resp:
            self.assertEqual(resp.status, 200)
            self.assertIn(f"<instanceId>{iid}</instanceId>", resp.read().decode())
        url = self.alice.generate_presigned_url(
            "describe_instances", Params={"InstanceIds": [iid]}, ExpiresIn=300,
            HttpMethod="GET")
        self.assertIn("X-Amz-Signature=", url)
        with urllib.request.urlopen(url, timeout=30) as resp:
            self.assertEqual(resp.status, 200)
            self.assertIn(f"<instanceId>{iid}</instanceId>", resp.read().decode())
        tampered = url.replace("InstanceId.1=", "InstanceId.1=x")
        with self.assertRaises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(tampered, timeout=30)
        self.assertEqual(caught.exception.code, 403)
        self.assertIn(b"SignatureDoesNotMatch", caught.exception.read())

    def test_a_presigned_query_verifies_only_as_sent(self):
        url = self.alice.generate_presigned_url(
            "describe_instances", ExpiresIn=300, HttpMethod="GET",
            Params={"Filters": [{"Name": "tag:Name", "Values": ["a+b"]}]})
        self.assertIn("a%2Bb", url)
        with urllib.request.urlopen(url, timeout=30) as resp:
            self.assertEqual(resp.status, 200)
        # "+" is a space to the server: the URL would ask for "a b", which was never signed.
        with self.assertRaises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(url.replace("a%2Bb", "a+b"), timeout=30)
        self.assertEqual(caught.exception.code, 403)
        self.assertIn(b"SignatureDoesNotMatch", caught.exception.read())

    def test_unsigned_payload_is_refused_so_no_body_can_be_swapped(self):
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        iid = self.launch(self.alice)
        form = "application/x-www-form-urlencoded; charset=utf-8"
        # botocore signs the x-amz-content-sha256 value it is given instead of the body's hash.
        request = AWSRequest(method="POST", url=self.server.url + "/",
                             data=b"Action=DescribeRegions&Version=2016-11-15",
                             headers={"Content-Type": form,
                                      "X-Amz-Content-SHA256": "UNSIGNED-PAYLOAD"})
        SigV4Auth(Credentials(ALICE["access_key_id"], ALICE["secret_access_key"]), "ec2",
                  REGION).add_auth(request)
        swapped = f"Action=TerminateInstances&Version=2016-11-15&InstanceId.1={iid}"
        status, body, _ = self.server.request("POST", "/", body=swapped,
                                              headers=dict(request.headers.items()))
        self.assertEqual(status, 403, body)
        self.assertIn("<Code>SignatureDoesNotMatch</Code>", body)
        state = self.alice.describe_instances(InstanceIds=[iid])
        self.assertNotIn(state["Reservations"][0]["Instances"][0]["State"]["Name"],
                         ("shutting-down", "terminated"))

    def test_alice_cannot_reach_bobs_resources(self):
        alice, bob = self.alice, self.bob
        bob_iid = self.launch(bob)
        bob_eip = bob.allocate_address(Domain="vpc")["AllocationId"]
        bob_sg = bob.create_security_group(GroupName="bob-web", Description="b")["GroupId"]
        alice_iid = self.launch(alice)
        alice_eip = alice.allocate_address(Domain="vpc")["AllocationId"]
        alice_sg = alice.create_security_group(GroupName="alice-web", Description="a")["GroupId"]
        ssh = {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
               "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
        cases = [
            (alice.describe_instances, dict(InstanceIds=[bob_iid]), "InvalidInstanceID.NotFound"),
            (alice.terminate_instances, dict(InstanceIds=[bob_iid]),
             "InvalidInstanceID.NotFound"),
            (alice.stop_instances, dict(InstanceIds=[bob_iid]), "InvalidInstanceID.NotFound"),
            (alice.associate_address, dict(AllocationId=bob_eip, InstanceId=alice_iid),
             "InvalidAllocationID.NotFound"),
            (alice.associate_address, dict(AllocationId=alice_eip, InstanceId=bob_iid),
             "InvalidInstanceID.NotFound"),
            (alice.release_address, dict(AllocationId=bob_eip), "InvalidAllocationID.NotFound"),
            (alice.authorize_security_group_ingress, dict(GroupId=bob_sg, IpPermissions=[ssh]),
             "InvalidGroup.NotFound"),
            (alice.authorize_security_group_ingress,
             dict(GroupId=alice_sg, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22,
                                                    "ToPort": 22,
                                                    "UserIdGroupPairs": [{"GroupId": bob_sg}]}]),
             "InvalidGroup.NotFound"),
            (alice.delete_security_group, dict(GroupId=bob_sg), "InvalidGroup.NotFound"),
        ]
        for call, params, code in cases:
            with self.subTest(call=call.__name__, params=params):
                self.assertEqual(error_of(call, **params)[0], code)
        # Bob's resources are untouched.
        state = bob.describe_instances(InstanceIds=[bob_iid])["Reservations"][0]["Instances"][0]
        self.assertEqual(state["State"]["Name"], "running")
        self.assertNotIn("AssociationId", bob.describe_addresses(
            AllocationIds=[bob_eip])["Addresses"][0])
        self.assertEqual(bob.describe_security_groups(
            GroupIds=[bob_sg])["SecurityGroups"][0]["IpPermissions"], [])

    def test_a_learners_probe_never_reaches_another_accounts_world(self):
        # Each account has a world of its own (docs/server.md, "Each learner's own clock"):
        # Bob's public IP is an address of the internet outside Alice's world, where only her
        # side decides, and nothing of Bob's can show in her answers.
        bob = self.bob
        web = bob.create_security_group(GroupName="bob-probe-web", Description="b")["GroupId"]
        bob.authorize_security_group_ingress(GroupId=web, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80,
             "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
        bob_iid = bob.run_instances(ImageId=AMI, InstanceType="t2.micro", MinCount=1,
                                    MaxCount=1, SecurityGroupIds=[web])["Instances"][0][
                                        "InstanceId"]
        bob.get_waiter("instance_running").wait(InstanceIds=[bob_iid],
                                                WaiterConfig={"Delay": 0.2})
        bob_view = bob.describe_instances(InstanceIds=[bob_iid])["Reservations"][0][
            "Instances"][0]
        bob_ip = bob_view["PublicIpAddress"]
        secrets = [bob_iid, web, bob_view["PrivateIpAddress"], bob_view["SubnetId"],
                   bob_view["VpcId"], bob_view["NetworkInterfaces"][0]["NetworkInterfaceId"]]
        alice_iid = self.launch(self.alice)
        self.alice.get_waiter("instance_running").wait(InstanceIds=[alice_iid],
                                                       WaiterConfig={"Delay": 0.2})

        def probe(user, spec, query=""):
            return signed(self.server, user, "POST", "/_ec2sim/probe" + query,
                          json.dumps(spec).encode())

        for spec, verdict in [
                ({"from": alice_iid, "to": bob_ip, "protocol": "tcp", "port": 80}, "allowed"),
                ({"from": alice_iid, "to": bob_ip, "protocol": "tcp", "port": 22}, "allowed"),
                ({"from": bob_ip, "to": alice_iid, "protocol": "tcp", "port": 22}, "blocked"),
                ({"from": alice_iid, "to": bob_iid, "protocol": "tcp", "port": 80}, "blocked"),
                ({"from": bob_iid, "to": alice_iid, "protocol": "tcp", "port": 22}, "blocked")]:
            with self.subTest(spec=spec):
                status, body = probe(ALICE, spec)
                self.assertEqual(status, 200, body)
                self.assertEqual(body["Verdict"], verdict)
                text = json.dumps(body)
                typed = json.dumps(spec)  # what Alice wrote may be echoed, nothing more
                for secret in secrets:
                    if secret not in typed:
                        self.assertNotIn(secret, text)
        status, body = probe(ALICE, {"from": alice_iid, "to": bob_iid, "protocol": "tcp",
                                     "port": 80})
        self.assertEqual(body["BlockedBy"]["Reason"], "unknown-instance")
        # The teacher probes in one account's world at a time: Alice's has no Bob in it.
        status, body = probe(TEACHER, {"from": alice_iid, "to": bob_ip, "protocol": "tcp",
                                       "port": 80}, "?account=111111111111")
        self.assertEqual((status, body["Verdict"]), (200, "allowed"), body)
        self.assertNotIn(bob_iid, json.dumps(body))

    def test_the_accounts_list_takes_keys_from_signatures_only(self):
        # A learner naming another key (or terminal escapes) in access_key records nothing.
        status, body = signed(self.server, ALICE, "POST",
                              "/_ec2sim/call?account=111111111111&access_key=AKIABOB000000002",
                              json.dumps({"Action": "DescribeRegions"}).encode())
        self.assertEqual((status, body["error"]["code"]), (400, "InvalidParameterCombination"))
        status, body = signed(self.server, ALICE, "POST",
                              "/_ec2sim/call?access_key=%1B%5B2J%1B%5D0%3Bpwned%07",
                              json.dumps({"Action": "DescribeRegions"}).encode())
        self.assertEqual((status, body["error"]["code"]), (400, "InvalidParameterValue"))
        status, body = signed(self.server, ALICE, "POST", "/_ec2sim/call?account=111111111111",
                              json.dumps({"Action": "DescribeRegions"}).encode())
        self.assertEqual(status, 200, body)
        status, body = signed(self.server, TEACHER, "POST", "/_ec2sim/call?account=111111111111",
                              json.dumps({"Action": "DescribeRegions"}).encode())
        self.assertEqual(status, 200, body)
        status, body = signed(self.server, TEACHER, "GET", "/_ec2sim/accounts")
        rows = {row["account"]: row["access_keys"] for row in body["accounts"]}
        self.assertEqual(rows["111111111111"], [ALICE["access_key_id"]])
        self.assertNotIn(TEACHER["access_key_id"], rows.get("111111111111", []))

    def test_admin_routes_need_an_admin_signature_health_stays_open(self):
        status, body, _ = self.server.request("GET", "/_ec2sim/health")
        self.assertEqual(status, 200)
        status, body, _ = self.server.request("GET", "/_ec2sim/accounts")
        self.assertEqual((status, json.loads(body)["error"]["code"]),
                         (403, "MissingAuthenticationToken"))
        status, body = signed(self.server, ALICE, "GET", "/_ec2sim/accounts")
        self.assertEqual((status, body["error"]["code"]), (403, "UnauthorizedOperation"))
        mallory = dict(ALICE, access_key_id="AKIAMALLORY00000")
        status, body = signed(self.server, mallory, "POST", "/_ec2sim/reset")
        self.assertEqual((status, body["error"]["code"]), (401, "AuthFailure"))
        wrong = dict(TEACHER, secret_access_key="guess")
        status, body = signed(self.server, wrong, "POST", "/_ec2sim/clock",
                              json.dumps({"advance": "1h"}).encode())
        self.assertEqual((status, body["error"]["code"]), (403, "SignatureDoesNotMatch"))
        before = signed(self.server, TEACHER, "GET", "/_ec2sim/clock")[1]["epoch_ms"]
        status, body = signed(self.server, TEACHER, "POST", "/_ec2sim/clock",
                              json.dumps({"advance": "1h"}).encode())
        self.assertEqual(status, 200, body)
        self.assertEqual(body["epoch_ms"], before + 3600 * 1000)

    def test_teacher_uses_curl_aws_sigv4_for_admin_routes(self):
        curl = shutil.which("curl")
        if curl is None:
            self.skipTest("curl is not installed")

        def run(*args, user=TEACHER):
            proc = subprocess.run(
                [curl, "-s", "-w", "\n%{http_code}", "--aws-sigv4", f"aws:amz:{REGION}:ec2",
                 "--user", f"{user['access_key_id']}:{user['secret_access_key']}", *args],
                capture_output=True, text=True, timeout=60)
            body, _, code = proc.stdout.rpartition("\n")
            return int(code), body

        code, body = run(f"{self.server.url}/_ec2sim/state?account=222222222222")
        self.assertEqual(code, 200, body)
        self.assertEqual(json.loads(body)["account"], "222222222222")
        code, body = run("-X", "POST", "-H", "Content-Type: application/json",
                         "-d", '{"advance": "90s"}', f"{self.server.url}/_ec2sim/clock")
        self.assertEqual(code, 200, body)
        code, body = run(f"{self.server.url}/_ec2sim/accounts", user=BOB)
        self.assertEqual(code, 403, body)

    def test_aws_cli_signs_with_the_learners_key(self):
        exe = harness.aws_binary()
        if exe is None:
            self.skipTest("the AWS CLI is not installed")
        env = harness.client_env(BOB["access_key_id"], REGION)
        env["AWS_SECRET_ACCESS_KEY"] = BOB["secret_access_key"]
        cmd = [exe, "--endpoint-url", self.server.url, "--output", "json", "ec2",
               "describe-instances"]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("Reservations", json.loads(proc.stdout))
        env["AWS_SECRET_ACCESS_KEY"] = "wrong"
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("(SignatureDoesNotMatch)", proc.stderr)


class StartUp(unittest.TestCase):
    def serve(self, *args):
        return subprocess.run([harness.binary(), "serve", "--port", "0", *args],
                              capture_output=True, text=True, timeout=60)

    def test_a_users_file_with_errors_exits_2_with_the_reason(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = pathlib.Path(tmp) / "class.json"
            users = [dict(ALICE), dict(BOB, account_id="2222")]
            bad.write_text(json.dumps({"users": users}))
            proc = self.serve("--users", str(bad))
            self.assertEqual(proc.returncode, 2)
            self.assertIn(f"{bad}: users[1].account_id: must be exactly 12 digits, got '2222'",
                          proc.stderr)
            bad.write_text(json.dumps({"users": [ALICE, dict(BOB, access_key_id=ALICE[
                "access_key_id"])]}))
            proc = self.serve("--users", str(bad))
            self.assertEqual(proc.returncode, 2)
            self.assertIn("users[1].access_key_id: duplicate of users[0]", proc.stderr)
            bad.write_text('{"users": [\n  {"access_key_id": "A",\n}]}')
            proc = self.serve("--users", str(bad))
            self.assertEqual(proc.returncode, 2)
            self.assertIn(f"{bad}: line 3, column 1:", proc.stderr)
            proc = self.serve("--users", str(pathlib.Path(tmp) / "missing.json"))
            self.assertEqual(proc.returncode, 2)
            self.assertIn("missing.json: cannot read", proc.stderr)

    def test_open_and_classroom_modes_say_so_on_start(self):
        with harness.Server() as server:
            self.assertIn("open mode, no authentication", server.server_log())
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "users.json"
            path.write_text(json.dumps({"users": USERS}))
            with harness.Server("--users", str(path)) as server:
                self.assertIn("classroom mode: 3 users (1 with admin rights)", server.server_log())


if __name__ == "__main__":
    harness.require_clients(need_cli=False)
    unittest.main()
