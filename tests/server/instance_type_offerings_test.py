"""DescribeInstanceTypeOfferings against `ec2sim serve` with boto3 (its paginator) and the AWS
CLI, by region, Availability Zone and zone id, and RunInstances in a zone that does not offer the
type: Unsupported, as EC2 answers it."""

import unittest

import harness
from harness import error_of


class InstanceTypeOfferings(unittest.TestCase):
    def test_offerings_by_region_zone_and_zone_id_and_unsupported_launch(self):
        with harness.Server("--quiet") as server:
            ec2 = harness.boto3_client(server, region="us-east-1")
            pages = ec2.get_paginator("describe_instance_type_offerings").paginate(
                PaginationConfig={"PageSize": 10})
            offered = [o for page in pages for o in page["InstanceTypeOfferings"]]
            self.assertEqual(len(offered), 52)
            self.assertEqual(offered[0], {"InstanceType": "t2.nano", "LocationType": "region",
                                          "Location": "us-east-1"})

            zones = ec2.describe_instance_type_offerings(
                LocationType="availability-zone",
                Filters=[{"Name": "instance-type", "Values": ["t3.micro"]}],
            )["InstanceTypeOfferings"]
            self.assertEqual(sorted(o["Location"] for o in zones),
                             ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d",
                              "us-east-1f"])
            ids = ec2.describe_instance_type_offerings(
                LocationType="availability-zone-id",
                Filters=[{"Name": "location", "Values": ["use1-az1"]},
                         {"Name": "instance-type", "Values": ["t3*"]}],
            )["InstanceTypeOfferings"]
            self.assertEqual(len(ids), 14)  # t3 and t3a, seven sizes each
            self.assertEqual(error_of(ec2.describe_instance_type_offerings,
                                      LocationType="planet")[0], "InvalidParameterValue")

            code, message = None, ""
            try:
                ec2.run_instances(ImageId="ami-050e4422729c32c38", InstanceType="t3.micro",
                                  MinCount=1, MaxCount=1,
                                  Placement={"AvailabilityZone": "us-east-1e"})
            except Exception as e:  # botocore ClientError
                code = e.response["Error"]["Code"]
                message = e.response["Error"]["Message"]
            self.assertEqual(code, "Unsupported")
            self.assertIn("Your requested instance type (t3.micro) is not supported in your "
                          "requested Availability Zone (us-east-1e).", message)
            ok = ec2.run_instances(ImageId="ami-050e4422729c32c38", InstanceType="t2.micro",
                                   MinCount=1, MaxCount=1,
                                   Placement={"AvailabilityZone": "us-east-1e"})
            self.assertEqual(ok["Instances"][0]["Placement"]["AvailabilityZone"], "us-east-1e")

            aws = harness.Aws(server, region="us-west-2")
            out = aws.ok("describe-instance-type-offerings", "--location-type",
                         "availability-zone", "--filters", "Name=location,Values=us-west-2d",
                         "Name=instance-type,Values=t2.*,t3.micro")
            self.assertEqual([o["InstanceType"] for o in out["InstanceTypeOfferings"]],
                             ["t3.micro"])


if __name__ == "__main__":
    harness.require_clients()
    unittest.main()
