"""Detailed monitoring and EBS encryption by default against `ec2sim serve`, with boto3 and the
AWS CLI, kept across a restart on the journal."""

import unittest

import harness
from harness import error_of

AMI = "ami-0c9c942bd7bf113a2"  # Amazon Linux 2023 in ap-northeast-2 (docs/catalog.md)
# The AWS managed key of the account the example access key maps to.
AWS_EBS_KEY = f"arn:aws:kms:ap-northeast-2:{harness.account_of('AKIDEXAMPLE')}:alias/aws/ebs"


class MonitoringAndEncryptionDefaults(harness.StateDirTest):
    def test_round_trip_with_boto3_and_the_cli_survives_a_restart(self):
        with self.serve() as server:
            ec2 = harness.boto3_client(server)
            [vm] = [i["InstanceId"] for i in ec2.run_instances(
                ImageId=AMI, InstanceType="t3.micro", MinCount=1, MaxCount=1,
                Monitoring={"Enabled": True})["Instances"]]
            state = lambda: ec2.describe_instances(InstanceIds=[vm])[
                "Reservations"][0]["Instances"][0]["Monitoring"]["State"]
            self.assertEqual(state(), "enabled")
            r = ec2.unmonitor_instances(InstanceIds=[vm])
            self.assertEqual(r["InstanceMonitorings"],
                             [{"InstanceId": vm, "Monitoring": {"State": "disabling"}}])
            self.assertEqual(state(), "disabled")
            self.assertEqual(error_of(ec2.monitor_instances, InstanceIds=["i-0123456789abcdef0"]),
                             ("InvalidInstanceID.NotFound", 400))

            self.assertFalse(ec2.get_ebs_encryption_by_default()["EbsEncryptionByDefault"])
            self.assertEqual(ec2.get_ebs_default_kms_key_id()["KmsKeyId"], AWS_EBS_KEY)
            self.assertTrue(ec2.enable_ebs_encryption_by_default()["EbsEncryptionByDefault"])
            vol = ec2.create_volume(AvailabilityZone="ap-northeast-2a", Size=8)
            self.assertTrue(vol["Encrypted"])

            aws = harness.Aws(server)
            if aws.exe is not None:
                out = aws.ok("monitor-instances", "--instance-ids", vm)
                self.assertEqual(out["InstanceMonitorings"][0]["Monitoring"]["State"], "pending")
                out = aws.ok("modify-ebs-default-kms-key-id", "--kms-key-id",
                         "alias/team")
                self.assertEqual(out["KmsKeyId"], "alias/team")
            else:
                ec2.monitor_instances(InstanceIds=[vm])
                ec2.modify_ebs_default_kms_key_id(KmsKeyId="alias/team")

        with self.serve() as server:
            ec2 = harness.boto3_client(server)
            self.assertEqual(ec2.describe_instances(InstanceIds=[vm])[
                "Reservations"][0]["Instances"][0]["Monitoring"]["State"], "enabled")
            self.assertTrue(ec2.get_ebs_encryption_by_default()["EbsEncryptionByDefault"])
            self.assertEqual(ec2.get_ebs_default_kms_key_id()["KmsKeyId"], "alias/team")


if __name__ == "__main__":
    harness.require_clients(need_cli=False)
    unittest.main()
