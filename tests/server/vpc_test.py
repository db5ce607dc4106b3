"""Your own network through `ec2sim serve`: the sequence a Terraform configuration runs (create
a VPC and subnets, set their attributes, read them back with filters, launch into them, delete in
reverse order), with the AWS CLI and boto3, the error codes of bad input, and the same state after
a restart that replays the journal."""

import tempfile
import unittest

import harness
from harness import error_of

AMI = "ami-0c9c942bd7bf113a2"  # Amazon Linux 2023 in ap-northeast-2 (docs/catalog.md)


def flt(name, *values):
    return {"Name": name, "Values": list(values)}


class TerraformLikeSequence(unittest.TestCase):
    def test_create_describe_launch_and_delete_in_reverse_order(self):
        with harness.Server("--quiet", "--timing", "instant") as server:
            ec2 = harness.boto3_client(server)
            aws = harness.Aws(server)
            vpc = aws.ok("create-vpc", "--cidr-block", "10.0.0.0/16", "--tag-specifications",
                         "ResourceType=vpc,Tags=[{Key=Name,Value=lab}]")["Vpc"]
            vpc_id = vpc["VpcId"]
            self.assertEqual(vpc["State"], "available")
            self.assertEqual(vpc["CidrBlockAssociationSet"][0]["CidrBlock"], "10.0.0.0/16")
            aws.ok("modify-vpc-attribute", "--vpc-id", vpc_id, "--enable-dns-hostnames",
                   "{\"Value\":true}")
            attr = ec2.describe_vpc_attribute(VpcId=vpc_id, Attribute="enableDnsHostnames")
            self.assertTrue(attr["EnableDnsHostnames"]["Value"])

            public = ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.0.1.0/24",
                                       AvailabilityZone="ap-northeast-2a")["Subnet"]
            private = aws.ok("create-subnet", "--vpc-id", vpc_id, "--cidr-block",
                             "10.0.2.0/24", "--availability-zone-id", "apne2-az3")["Subnet"]
            self.assertEqual(private["AvailabilityZone"], "ap-northeast-2c")
            self.assertEqual(public["AvailableIpAddressCount"], 251)
            aws.ok("modify-subnet-attribute", "--subnet-id", public["SubnetId"],
                   "--map-public-ip-on-launch")
            found = ec2.describe_subnets(Filters=[flt("vpc-id", vpc_id),
                                                  flt("map-public-ip-on-launch", "true")])
            self.assertEqual([s["SubnetId"] for s in found["Subnets"]], [public["SubnetId"]])
            tagged = ec2.describe_vpcs(Filters=[flt("tag:Name", "lab"), flt("is-default", "false")])
            self.assertEqual([v["VpcId"] for v in tagged["Vpcs"]], [vpc_id])

            web = ec2.run_instances(ImageId=AMI, InstanceType="t2.micro", MinCount=1, MaxCount=1,
                                    SubnetId=public["SubnetId"])["Instances"][0]["InstanceId"]
            db = aws.ok("run-instances", "--image-id", AMI, "--instance-type", "t2.micro",
                        "--network-interfaces",
                        "DeviceIndex=0,SubnetId=%s,AssociatePublicIpAddress=false,"
                        "PrivateIpAddress=10.0.2.10" % private["SubnetId"])["Instances"][0]
            self.assertEqual(db["PrivateIpAddress"], "10.0.2.10")
            described = ec2.describe_instances(InstanceIds=[web, db["InstanceId"]])
            by_id = {i["InstanceId"]: i for r in described["Reservations"] for i in r["Instances"]}
            self.assertIn("PublicIpAddress", by_id[web])
            self.assertNotIn("PublicIpAddress", by_id[db["InstanceId"]])
            self.assertEqual(by_id[web]["VpcId"], vpc_id)

            self.assertEqual(aws.error_code("delete-subnet", "--subnet-id", public["SubnetId"]),
                             "DependencyViolation")
            self.assertEqual(error_of(ec2.delete_vpc, VpcId=vpc_id), ("DependencyViolation", 400))
            ec2.terminate_instances(InstanceIds=[web, db["InstanceId"]])
            for subnet in (public, private):
                ec2.delete_subnet(SubnetId=subnet["SubnetId"])
            aws.ok("delete-vpc", "--vpc-id", vpc_id)
            self.assertEqual(error_of(ec2.describe_vpcs, VpcIds=[vpc_id]),
                             ("InvalidVpcID.NotFound", 400))

    def test_bad_input_answers_aws_codes(self):
        with harness.Server("--quiet") as server:
            ec2 = harness.boto3_client(server)
            aws = harness.Aws(server)
            self.assertEqual(aws.error_code("create-vpc", "--cidr-block", "10.0.0.0/15"),
                             "InvalidVpc.Range")
            vpc_id = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
            ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.0.0.0/24")
            self.assertEqual(error_of(ec2.create_subnet, VpcId=vpc_id, CidrBlock="10.0.0.128/25"),
                             ("InvalidSubnet.Conflict", 400))
            self.assertEqual(error_of(ec2.create_subnet, VpcId=vpc_id, CidrBlock="10.1.0.0/24"),
                             ("InvalidSubnet.Range", 400))
            self.assertEqual(error_of(ec2.associate_vpc_cidr_block, VpcId=vpc_id,
                                      CidrBlock="10.0.128.0/17"), ("InvalidVpc.Range", 400))
            self.assertEqual(error_of(ec2.modify_vpc_attribute, VpcId=vpc_id,
                                      EnableDnsSupport={"Value": True},
                                      EnableDnsHostnames={"Value": True}),
                             ("InvalidParameterCombination", 400))
            self.assertEqual(error_of(ec2.create_vpc, CidrBlock="10.0.0.0/16", DryRun=True),
                             ("DryRunOperation", 412))


class Restart(unittest.TestCase):
    def test_a_restart_replays_vpcs_subnets_and_dhcp_options_to_the_same_state(self):
        with tempfile.TemporaryDirectory() as state:
            with harness.Server("--quiet", "--state", state) as server:
                ec2 = harness.boto3_client(server)
                vpc_id = ec2.create_vpc(CidrBlock="10.0.0.0/16",
                                        AmazonProvidedIpv6CidrBlock=True)["Vpc"]["VpcId"]
                ec2.associate_vpc_cidr_block(VpcId=vpc_id, CidrBlock="10.1.0.0/16")
                ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.1.0.0/24")
                dopt = ec2.create_dhcp_options(DhcpConfigurations=[
                    {"Key": "domain-name", "Values": ["corp.example"]}])["DhcpOptions"]
                ec2.associate_dhcp_options(DhcpOptionsId=dopt["DhcpOptionsId"], VpcId=vpc_id)
                before = (ec2.describe_vpcs()["Vpcs"], ec2.describe_subnets()["Subnets"],
                          ec2.describe_dhcp_options()["DhcpOptions"])
            with harness.Server("--quiet", "--state", state) as server:
                ec2 = harness.boto3_client(server)
                after = (ec2.describe_vpcs()["Vpcs"], ec2.describe_subnets()["Subnets"],
                         ec2.describe_dhcp_options()["DhcpOptions"])
            self.assertEqual(before, after)


if __name__ == "__main__":
    harness.require_clients()
    unittest.main()
