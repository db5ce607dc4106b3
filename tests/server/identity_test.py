"""Who the caller is, as Terraform and Ansible ask it at start-up: STS GetCallerIdentity and IAM
GetUser / ListAccountAliases at the EC2 endpoint with boto3 and the AWS CLI, in open and
classroom mode; and the configurable quotas (--vcpu-quota, --elastic-ip-quota, a users file's
"quotas") as RunInstances, AllocateAddress and DescribeAccountAttributes see them."""

import json
import os
import subprocess
import tempfile
import unittest

import harness
from harness import error_of


def client(server, service, access_key="AKIDEXAMPLE", secret="ec2sim-does-not-check-signatures"):
    import boto3
    from botocore.config import Config
    session = boto3.session.Session(aws_access_key_id=access_key, aws_secret_access_key=secret,
                                    region_name="us-east-1")
    return session.client(service, endpoint_url=server.url,
                          config=Config(retries={"max_attempts": 1}))


def attributes(ec2):
    answer = ec2.describe_account_attributes()["AccountAttributes"]
    return {a["AttributeName"]: [v["AttributeValue"] for v in a["AttributeValues"]]
            for a in answer}


class OpenMode(unittest.TestCase):
    def test_boto3_identity_calls(self):
        with harness.Server("--quiet") as server:
            me = client(server, "sts", "111122223333").get_caller_identity()
            self.assertEqual(me["Account"], "111122223333")
            self.assertEqual(me["Arn"], "arn:aws:iam::111122223333:user/ec2sim")
            self.assertRegex(me["UserId"], r"^AIDA[A-Z2-7]{17}$")
            iam = client(server, "iam", "111122223333")
            user = iam.get_user()["User"]
            self.assertEqual(user["UserName"], "ec2sim")
            self.assertEqual(user["Arn"], me["Arn"])
            self.assertEqual(user["UserId"], me["UserId"])
            self.assertEqual(user["Path"], "/")
            self.assertEqual(iam.list_account_aliases()["AccountAliases"], [])
            self.assertEqual(error_of(iam.get_user, UserName="someone-else"),
                             ("NoSuchEntity", 404))
            self.assertEqual(error_of(iam.list_users)[0], "InvalidAction")
            sts = client(server, "sts", "111122223333")
            self.assertEqual(error_of(sts.get_session_token)[0], "InvalidAction")

    def test_aws_cli_get_caller_identity(self):
        exe = harness.aws_binary()
        if exe is None:
            self.skipTest("no AWS CLI")
        with harness.Server("--quiet") as server:
            env = harness.client_env("444455556666", "us-east-1")
            proc = subprocess.run([exe, "--endpoint-url", server.url, "--output", "json", "sts",
                                   "get-caller-identity"], env=env, capture_output=True,
                                  text=True, timeout=120)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(json.loads(proc.stdout)["Account"], "444455556666")

    def test_serve_quota_flags_and_account_attributes(self):
        with harness.Server("--quiet", "--vcpu-quota", "64", "--elastic-ip-quota", "1") as server:
            ec2 = harness.boto3_client(server)
            attrs = attributes(ec2)
            self.assertEqual(attrs["max-instances"], ["64"])
            self.assertEqual(attrs["vpc-max-elastic-ips"], ["1"])
            self.assertEqual(attrs["supported-platforms"], ["VPC"])
            self.assertRegex(attrs["default-vpc"][0], r"^vpc-[0-9a-f]{17}$")
            image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            # 20 t3.micro are 40 vCPUs: over the default 32, under 64. Then 7 t3.xlarge (28
            # vCPUs) do not fit in the 24 left.
            run = ec2.run_instances(ImageId=image, InstanceType="t3.micro", MinCount=20,
                                    MaxCount=20)
            self.assertEqual(len(run["Instances"]), 20)
            self.assertEqual(error_of(ec2.run_instances, ImageId=image, InstanceType="t3.xlarge",
                                      MinCount=7, MaxCount=7), ("VcpuLimitExceeded", 400))
            ec2.allocate_address(Domain="vpc")
            self.assertEqual(error_of(ec2.allocate_address, Domain="vpc"),
                             ("AddressLimitExceeded", 400))

    def test_ready_file_names_the_port(self):
        with tempfile.TemporaryDirectory() as d:
            ready = os.path.join(d, "ready.json")
            with harness.Server("--quiet", "--ready-file", ready) as server:
                with open(ready, encoding="utf-8") as f:
                    info = json.load(f)
                self.assertEqual(info["url"], server.url)
                self.assertEqual(info["url"], "http://127.0.0.1:%d" % info["port"])


class Classroom(unittest.TestCase):
    def test_learner_sees_own_identity_and_quota(self):
        users = {"users": [
            {"access_key_id": "AKIAALICE", "secret_access_key": "alice-secret",
             "account_id": "111111111111", "name": "alice", "quotas": {"vcpus": 4}},
            {"access_key_id": "AKIABOB", "secret_access_key": "bob-secret",
             "account_id": "222222222222", "name": "bob"}]}
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(users, f)
        try:
            with harness.Server("--quiet", "--users", f.name) as server:
                me = client(server, "sts", "AKIAALICE", "alice-secret").get_caller_identity()
                self.assertEqual(me["Arn"], "arn:aws:iam::111111111111:user/alice")
                user = client(server, "iam", "AKIABOB", "bob-secret").get_user()["User"]
                self.assertEqual(user["UserName"], "bob")
                bad = client(server, "sts", "AKIAALICE", "wrong")
                self.assertEqual(error_of(bad.get_caller_identity)[0], "SignatureDoesNotMatch")
                alice = client(server, "ec2", "AKIAALICE", "alice-secret")
                bob = client(server, "ec2", "AKIABOB", "bob-secret")
                self.assertEqual(attributes(alice)["max-instances"], ["4"])
                self.assertEqual(attributes(bob)["max-instances"], ["32"])
        finally:
            os.unlink(f.name)


if __name__ == "__main__":
    harness.require_clients(need_cli=False)
    unittest.main()
