"""Own images against `ec2sim serve`: an image created from an instance with boto3, waited for
with the image_available waiter on the server's manual clock, described as self, shared with a
second account that sees it with ExecutableUsers=self and launches it, copied to another region
with the AWS CLI, deregistered so that its snapshot can be deleted, and the same images after a
restart on the journal. Also: a CreateImage shows in the next DescribeImages through the
server's response cache."""

import unittest

import harness
from harness import error_of

OTHER_KEY = "AKIDOTHERACCOUNT"
SEOUL_AL2023 = "ami-0c9c942bd7bf113a2"


def advance(server, amount):
    status = server.admin("POST", "clock", {"advance": amount})[0]
    if status != 200:
        raise AssertionError("clock advance answered %d" % status)


class Images(harness.StateDirTest):
    def test_create_share_launch_copy_deregister_survives_a_restart(self):
        owner = harness.account_of("AKIDEXAMPLE")
        other = harness.account_of(OTHER_KEY)
        with self.serve() as server:
            ec2 = harness.boto3_client(server)
            before = ec2.describe_images(Owners=["self"])["Images"]  # cached, then changed
            self.assertEqual(before, [])
            inst = ec2.run_instances(ImageId=SEOUL_AL2023, InstanceType="t3.micro",
                                     MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
            advance(server, "1m")
            image_id = ec2.create_image(
                InstanceId=inst, Name="web-v1", Description="first",
                TagSpecifications=[{"ResourceType": "image",
                                    "Tags": [{"Key": "Name", "Value": "web"}]}])["ImageId"]
            [mine] = ec2.describe_images(Owners=["self"])["Images"]
            self.assertEqual((mine["ImageId"], mine["OwnerId"], mine["Description"]),
                             (image_id, owner, "first"))
            advance(server, "5m")
            ec2.get_waiter("image_available").wait(
                ImageIds=[image_id], WaiterConfig={"Delay": 0, "MaxAttempts": 2})
            snap_id = mine["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"]
            self.assertEqual(error_of(ec2.create_image, InstanceId=inst, Name="web-v1"),
                             ("InvalidAMIName.Duplicate", 400))

            theirs = harness.boto3_client(server, access_key=OTHER_KEY)
            self.assertEqual(error_of(theirs.describe_images, ImageIds=[image_id]),
                             ("InvalidAMIID.NotFound", 400))
            ec2.modify_image_attribute(ImageId=image_id,
                                       LaunchPermission={"Add": [{"UserId": other}]})
            attr = ec2.describe_image_attribute(ImageId=image_id, Attribute="launchPermission")
            self.assertEqual(attr["LaunchPermissions"], [{"UserId": other}])
            shared = theirs.describe_images(ExecutableUsers=["self"])["Images"]
            self.assertEqual([(i["ImageId"], i["OwnerId"]) for i in shared], [(image_id, owner)])
            launched = theirs.run_instances(ImageId=image_id, InstanceType="t3.micro",
                                            MinCount=1, MaxCount=1)["Instances"][0]
            self.assertEqual(launched["ImageId"], image_id)
            self.assertEqual(error_of(theirs.deregister_image, ImageId=image_id),
                             ("AuthFailure", 401))

            aws = harness.Aws(server, region="us-east-1")
            copy_id = None
            if aws.exe is not None:
                copy_id = aws.ok("copy-image", "--source-region", "ap-northeast-2",
                                 "--source-image-id", image_id, "--name", "web-v1-copy")["ImageId"]
                advance(server, "5m")
                code, _, err = aws.run("wait", "image-available", "--image-ids", copy_id)
                self.assertEqual(code, 0, err)
                found = aws.ok("describe-images", "--owners", "self")["Images"]
                self.assertEqual([i["ImageId"] for i in found], [copy_id])

        with self.serve() as server:  # replayed from the journal
            ec2 = harness.boto3_client(server)
            [mine] = ec2.describe_images(Filters=[{"Name": "tag:Name",
                                                   "Values": ["web"]}])["Images"]
            self.assertEqual((mine["ImageId"], mine["State"]), (image_id, "available"))
            theirs = harness.boto3_client(server, access_key=OTHER_KEY)
            self.assertEqual(len(theirs.describe_images(ExecutableUsers=["self"])["Images"]), 1)
            if copy_id is not None:
                east = harness.boto3_client(server, region="us-east-1")
                self.assertEqual([i["ImageId"] for i in
                                  east.describe_images(Owners=["self"])["Images"]], [copy_id])
            self.assertEqual(error_of(ec2.delete_snapshot, SnapshotId=snap_id),
                             ("InvalidSnapshot.InUse", 400))
            ec2.deregister_image(ImageId=image_id)
            self.assertEqual(ec2.describe_images(Owners=["self"])["Images"], [])
            ec2.delete_snapshot(SnapshotId=snap_id)


if __name__ == "__main__":
    harness.require_clients(need_cli=False)
    unittest.main()
