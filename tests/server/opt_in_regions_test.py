"""Opt-in regions against `ec2sim serve --opt-in ap-east-1`, with boto3 and the AWS CLI: a new
account lists the regions enabled by default plus the opted-in one, AllRegions adds the rest as
not-opted-in, and a call into a region still off fails with AuthFailure; and a classroom users file's per-user
"opt_in_regions", which enable regions for that user's account only."""

import json
import os
import tempfile
import unittest

import harness
from harness import error_of


class OptInRegions(unittest.TestCase):
    def test_enabled_regions_all_regions_and_auth_failure(self):
        with harness.Server("--quiet", "--opt-in", "ap-east-1") as server:
            ec2 = harness.boto3_client(server)
            listed = ec2.describe_regions()["Regions"]
            self.assertEqual(len(listed), 18)
            status = {r["RegionName"]: r["OptInStatus"] for r in listed}
            self.assertEqual(status["ap-east-1"], "opted-in")
            self.assertEqual(status["ap-northeast-2"], "opt-in-not-required")
            self.assertNotIn("me-south-1", status)
            every = ec2.describe_regions(AllRegions=True)["Regions"]
            self.assertEqual(len(every), 34)
            off = [r["RegionName"] for r in every if r["OptInStatus"] == "not-opted-in"]
            self.assertEqual(len(off), 16)
            self.assertIn("me-south-1", off)

            bahrain = harness.boto3_client(server, region="me-south-1")
            self.assertEqual(error_of(bahrain.describe_instances), ("AuthFailure", 401))
            hong_kong = harness.boto3_client(server, region="ap-east-1")
            zones = hong_kong.describe_availability_zones()["AvailabilityZones"]
            self.assertEqual([z["ZoneName"] for z in zones],
                             ["ap-east-1a", "ap-east-1b", "ap-east-1c"])

            aws = harness.Aws(server)
            out = aws.ok("describe-regions", "--all-regions", "--filters",
                         "Name=opt-in-status,Values=opted-in")
            self.assertEqual([r["RegionName"] for r in out["Regions"]], ["ap-east-1"])
            self.assertEqual(harness.Aws(server, region="me-south-1").error_code(
                "describe-vpcs"), "AuthFailure")

    def test_a_region_enabled_by_default_is_refused_as_an_opt_in(self):
        code, _, err = harness.run_binary("serve", "--port", "0", "--opt-in", "ap-northeast-2")
        self.assertNotEqual(code, 0)
        self.assertIn("ap-northeast-2 is enabled by default", err)


def signed_client(server, access_key, secret, region):
    import boto3
    from botocore.config import Config
    session = boto3.session.Session(aws_access_key_id=access_key, aws_secret_access_key=secret,
                                    region_name=region)
    return session.client("ec2", endpoint_url=server.url,
                          config=Config(retries={"max_attempts": 1}))


class UsersFileOptIns(unittest.TestCase):
    def write_users(self, users):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            f.write(users)
        self.addCleanup(os.unlink, f.name)
        return f.name

    def test_a_users_opt_in_regions_enable_them_for_that_account_only(self):
        path = self.write_users(json.dumps({"users": [
            {"access_key_id": "AKIAALICE", "secret_access_key": "alice-secret",
             "account_id": "111111111111", "name": "alice", "opt_in_regions": ["me-south-1"]},
            {"access_key_id": "AKIABOB", "secret_access_key": "bob-secret",
             "account_id": "222222222222", "name": "bob"}]}))
        with harness.Server("--quiet", "--users", path) as server:
            alice = signed_client(server, "AKIAALICE", "alice-secret", "me-south-1")
            self.assertEqual(alice.describe_instances()["Reservations"], [])
            regions = signed_client(server, "AKIAALICE", "alice-secret",
                                    "us-east-1").describe_regions()["Regions"]
            status = {r["RegionName"]: r["OptInStatus"] for r in regions}
            self.assertEqual(status["me-south-1"], "opted-in")
            bob = signed_client(server, "AKIABOB", "bob-secret", "me-south-1")
            self.assertEqual(error_of(bob.describe_instances), ("AuthFailure", 401))

    def test_an_unknown_region_in_the_users_file_names_file_line_and_reason(self):
        path = self.write_users('{"users": [\n'
                                '  {"access_key_id": "AKIAALICE", "secret_access_key": "s",\n'
                                '   "account_id": "111111111111",\n'
                                '   "opt_in_regions": ["me-south-9"]}]}\n')
        code, _, err = harness.run_binary("serve", "--port", "0", "--users", path)
        self.assertEqual(code, 2)
        self.assertIn(path + ": line 4, column 23: users[0].opt_in_regions[0]: "
                      '"me-south-9" is not a region', err)


if __name__ == "__main__":
    harness.require_clients()
    unittest.main()
