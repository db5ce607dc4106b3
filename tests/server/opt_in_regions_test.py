"""Opt-in regions against `ec2sim serve --opt-in ap-east-1`, with boto3 and the AWS CLI: a new
account lists the regions enabled by default plus the opted-in one, AllRegions adds the rest as
not-opted-in, and a call into a region still off fails with AuthFailure."""

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


if __name__ == "__main__":
    harness.require_clients()
    unittest.main()
