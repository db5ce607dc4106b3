"""`ec2sim serve` fails where AWS fails: an unknown image id is InvalidAMIID.NotFound unless
--accept-unknown-images is given, a member of AWS's API that ec2sim does not model is
Ec2sim.ParameterNotModeled (a name AWS does not have stays UnknownParameter), and a wall clock
starts at the host's time unless --start pins it."""

import datetime
import tempfile
import unittest
import xml.etree.ElementTree as ET

import harness
from harness import error_of

AMI = "ami-0c9c942bd7bf113a2"  # Amazon Linux 2023 in ap-northeast-2 (docs/catalog.md)
MADE_UP = "ami-0123456789abcdef0"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def launch(ec2, image, **extra):
    return ec2.run_instances(ImageId=image, InstanceType="t2.micro", MinCount=1, MaxCount=1,
                             **extra)["Instances"][0]["InstanceId"]


def seconds_from_host(server):
    """Simulated time on the health route minus the host's time, in seconds."""
    health = server.admin("GET", "health")[1]
    simulated = datetime.datetime.fromisoformat(health["time"])
    return (simulated - datetime.datetime.now(datetime.timezone.utc)).total_seconds()


class UnknownImages(unittest.TestCase):
    def test_an_unknown_image_id_is_not_found_by_default(self):
        with harness.Server("--quiet") as server:
            ec2 = harness.boto3_client(server)
            self.assertEqual(error_of(ec2.run_instances, ImageId=MADE_UP, MinCount=1,
                                      MaxCount=1), ("InvalidAMIID.NotFound", 400))
            self.assertEqual(error_of(ec2.describe_images, ImageIds=[MADE_UP]),
                             ("InvalidAMIID.NotFound", 400))
            self.assertEqual(ec2.describe_instances()["Reservations"], [])
            launch(ec2, AMI)  # the catalog's ids launch as before

    def test_accept_unknown_images_launches_a_made_up_id(self):
        with harness.Server("--quiet", "--accept-unknown-images") as server:
            ec2 = harness.boto3_client(server)
            iid = launch(ec2, MADE_UP)
            described = ec2.describe_instances(InstanceIds=[iid])["Reservations"][0]
            self.assertEqual(described["Instances"][0]["ImageId"], MADE_UP)
            self.assertEqual(error_of(ec2.run_instances, ImageId="ami-12", MinCount=1,
                                      MaxCount=1), ("InvalidAMIID.Malformed", 400))


class UnmodelledParameters(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server("--quiet").__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_an_aws_member_ec2sim_does_not_model_says_so(self):
        ec2 = harness.boto3_client(self.server)
        from botocore.exceptions import ClientError
        with self.assertRaises(ClientError) as caught:
            launch(ec2, AMI, IamInstanceProfile={"Name": "web"})
        error = caught.exception.response["Error"]
        self.assertEqual(error["Code"], "Ec2sim.ParameterNotModeled")
        self.assertEqual(error["Message"],
                         "ec2sim does not model the parameter IamInstanceProfile of RunInstances")
        self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        self.assertEqual(error_of(launch, ec2=ec2, image=AMI,
                                  InstanceMarketOptions={"MarketType": "spot"}),
                         ("Ec2sim.ParameterNotModeled", 400))

    def test_terraforms_default_launch_members_are_accepted(self):
        ec2 = harness.boto3_client(self.server)
        launch(ec2, AMI, DisableApiStop=False, EbsOptimized=False, Monitoring={"Enabled": False},
               HibernationOptions={"Configured": False},
               CreditSpecification={"CpuCredits": "standard"},
               MetadataOptions={"HttpEndpoint": "enabled", "HttpTokens": "required"},
               MaintenanceOptions={"AutoRecovery": "default"},
               EnclaveOptions={"Enabled": False})

    def test_a_name_aws_does_not_have_stays_unknown_parameter(self):
        body = "Action=RunInstances&Version=2016-11-15&ImageId=" + AMI + \
               "&MinCount=1&MaxCount=1&InstanceTyp=t2.micro"
        status, text, _ = self.server.request("POST", "/", body=body, headers=FORM)
        self.assertEqual(status, 400)
        self.assertEqual(ET.fromstring(text).find("Errors/Error/Code").text, "UnknownParameter")


class WallClockStart(unittest.TestCase):
    def test_a_wall_clock_starts_at_the_host_time(self):
        with harness.Server("--quiet", "--clock", "wall") as server:
            self.assertLess(abs(seconds_from_host(server)), 60)
            ec2 = harness.boto3_client(server)
            iid = launch(ec2, AMI)
            reservation = ec2.describe_instances(InstanceIds=[iid])["Reservations"][0]
            launched = reservation["Instances"][0]["LaunchTime"]
            age = datetime.datetime.now(datetime.timezone.utc) - launched
            self.assertLess(abs(age.total_seconds()), 60)

    def test_start_pins_a_wall_clock_and_a_manual_clock_keeps_its_fixed_start(self):
        with harness.Server("--quiet", "--clock", "wall", "--start",
                            "2025-06-01T00:00:00Z") as server:
            self.assertTrue(server.admin("GET", "health")[1]["time"].startswith("2025-06-01T"))
        with harness.Server("--quiet", "--clock", "manual") as server:
            self.assertEqual(server.admin("GET", "health")[1]["time"],
                             "2026-01-01T00:00:00+00:00")

    def test_a_restart_on_a_state_directory_resumes_near_the_host_time(self):
        with tempfile.TemporaryDirectory() as state:
            with harness.Server("--quiet", "--clock", "wall", "--state", state) as server:
                ec2 = harness.boto3_client(server)
                iid = launch(ec2, AMI)
                before = server.admin("GET", "health")[1]["time"]
            with harness.Server("--clock", "wall", "--state", state) as server:
                ec2 = harness.boto3_client(server)
                self.assertEqual(len(ec2.describe_instances(InstanceIds=[iid])["Reservations"]),
                                 1)
                self.assertGreaterEqual(server.admin("GET", "health")[1]["time"], before)
                self.assertLess(abs(seconds_from_host(server)), 60)
                # The directory's start is kept without a remark: it was not asked for.
                self.assertNotIn("keeps the world options", server.server_log())


if __name__ == "__main__":
    harness.require_clients(need_cli=False)
    unittest.main()
