"""EBS volumes against `ec2sim serve`: CreateVolume, AttachVolume, DetachVolume and DeleteVolume
with boto3 and the AWS CLI's waiters on the server's manual clock, the root volume of an instance
as a volume of its own, and the same volumes after a restart on the journal."""

import unittest

import harness
from harness import error_of

AMI = "ami-0c9c942bd7bf113a2"  # Amazon Linux 2023 in ap-northeast-2 (docs/catalog.md)


class Volumes(harness.StateDirTest):
    def test_volume_lifecycle_with_boto3_and_the_cli_survives_a_restart(self):
        with self.serve() as server:
            ec2 = harness.boto3_client(server)
            subnet = ec2.describe_subnets(Filters=[
                {"Name": "availability-zone", "Values": ["ap-northeast-2a"]}])["Subnets"][0]
            [vm] = [i["InstanceId"] for i in ec2.run_instances(
                ImageId=AMI, InstanceType="t3.micro", MinCount=1, MaxCount=1,
                SubnetId=subnet["SubnetId"])["Instances"]]
            self.assertEqual(error_of(ec2.create_volume, AvailabilityZone="ap-northeast-2a",
                                      Size=10, VolumeType="io1"), ("MissingParameter", 400))
            vol = ec2.create_volume(AvailabilityZone="ap-northeast-2a", Size=50,
                                    VolumeType="gp3", Iops=4000, Throughput=250)
            self.assertEqual((vol["State"], vol["Iops"], vol["Throughput"]),
                             ("creating", 4000, 250))
            vol_id = vol["VolumeId"]
            self.assertEqual(server.admin("POST", "clock", {"advance": "1m"})[0], 200)
            ec2.get_waiter("volume_available").wait(
                VolumeIds=[vol_id], WaiterConfig={"Delay": 0, "MaxAttempts": 2})
            attachment = ec2.attach_volume(VolumeId=vol_id, InstanceId=vm, Device="/dev/sdf")
            self.assertEqual(attachment["State"], "attaching")
            self.assertEqual(error_of(ec2.delete_volume, VolumeId=vol_id), ("VolumeInUse", 400))
            self.assertEqual(server.admin("POST", "clock", {"advance": "1m"})[0], 200)

            aws = harness.Aws(server)
            if aws.exe is not None:
                code, _, err = aws.run("wait", "volume-in-use", "--volume-ids", vol_id)
                self.assertEqual(code, 0, err)
                found = aws.ok("describe-volumes", "--filters",
                               f"Name=attachment.instance-id,Values={vm}")["Volumes"]
                self.assertEqual(len(found), 2)
                self.assertEqual(aws.error_code("describe-volumes", "--volume-ids",
                                                "vol-0123456789abcdef0"),
                                 "InvalidVolume.NotFound")
            devices = ec2.describe_instances(InstanceIds=[vm])["Reservations"][0][
                "Instances"][0]["BlockDeviceMappings"]
            self.assertEqual([d["DeviceName"] for d in devices], ["/dev/xvda", "/dev/sdf"])
            root = devices[0]["Ebs"]["VolumeId"]
            self.assertEqual(error_of(ec2.detach_volume, VolumeId=root),
                             ("IncorrectState", 400))

        with self.serve() as server:  # replayed from the journal
            ec2 = harness.boto3_client(server)
            v = ec2.describe_volumes(VolumeIds=[vol_id])["Volumes"][0]
            self.assertEqual((v["State"], v["Attachments"][0]["State"]), ("in-use", "attached"))
            ec2.detach_volume(VolumeId=vol_id)
            self.assertEqual(server.admin("POST", "clock", {"advance": "1m"})[0], 200)
            ec2.get_waiter("volume_available").wait(
                VolumeIds=[vol_id], WaiterConfig={"Delay": 0, "MaxAttempts": 2})
            ec2.delete_volume(VolumeId=vol_id)
            self.assertEqual(error_of(ec2.describe_volumes, VolumeIds=[vol_id]),
                             ("InvalidVolume.NotFound", 400))

    def test_modify_status_and_attributes_with_boto3_and_the_cli(self):
        # Realistic timing on the manual clock, so the modification's states can be seen.
        with harness.Server("--quiet", "--timing", "realistic", "--clock", "manual") as server:
            ec2 = harness.boto3_client(server)
            vol_id = ec2.create_volume(AvailabilityZone="ap-northeast-2a", Size=10,
                                       VolumeType="gp3")["VolumeId"]
            self.assertEqual(server.admin("POST", "clock", {"advance": "1m"})[0], 200)
            m = ec2.modify_volume(VolumeId=vol_id, Size=20, Iops=4000)["VolumeModification"]
            self.assertEqual((m["ModificationState"], m["OriginalSize"], m["TargetSize"],
                              m["TargetIops"]), ("modifying", 10, 20, 4000))
            self.assertEqual(error_of(ec2.modify_volume, VolumeId=vol_id, Size=30),
                             ("IncorrectModificationState", 400))
            self.assertEqual(error_of(ec2.modify_volume, VolumeId=vol_id, Size=5),
                             ("IncorrectModificationState", 400))
            self.assertEqual(server.admin("POST", "clock", {"advance": "15m"})[0], 200)
            [done] = ec2.describe_volumes_modifications(VolumeIds=[vol_id])["VolumesModifications"]
            self.assertEqual((done["ModificationState"], done["Progress"]), ("completed", 100))
            self.assertEqual(ec2.describe_volumes(VolumeIds=[vol_id])["Volumes"][0]["Size"], 20)
            self.assertEqual(error_of(ec2.modify_volume, VolumeId=vol_id, Size=30),
                             ("VolumeModificationRateExceeded", 400))
            ec2.modify_volume_attribute(VolumeId=vol_id, AutoEnableIO={"Value": True})
            attr = ec2.describe_volume_attribute(VolumeId=vol_id, Attribute="autoEnableIO")
            self.assertEqual(attr["AutoEnableIO"], {"Value": True})
            ec2.enable_volume_io(VolumeId=vol_id)

            aws = harness.Aws(server)
            if aws.exe is not None:
                statuses = aws.ok("describe-volume-status", "--volume-ids", vol_id)[
                    "VolumeStatuses"]
                self.assertEqual(statuses[0]["VolumeStatus"]["Status"], "ok")
                found = aws.ok("describe-volumes-modifications", "--filters",
                               "Name=modification-state,Values=completed")
                self.assertEqual([v["VolumeId"] for v in found["VolumesModifications"]],
                                 [vol_id])
                self.assertEqual(aws.error_code("describe-volume-attribute", "--volume-id",
                                                vol_id, "--attribute", "size"),
                                 "InvalidParameterValue")


if __name__ == "__main__":
    harness.require_clients(need_cli=False)
    unittest.main()
