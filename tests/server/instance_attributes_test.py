"""Instance attributes, credit options, metadata options, console output, Elastic IP reverse DNS
and key formats against `ec2sim serve`, with boto3 and the AWS CLI: what Terraform asks on every
refresh of an aws_instance and an aws_eip, and the same answers after a restart on the
journal."""

import base64
import unittest

import harness
from harness import error_of

IMAGE = "ami-0c9c942bd7bf113a2"
SCRIPT = "#!/bin/bash\necho hello\n"
# `ssh-keygen -t ed25519` then `ssh-keygen -e` (RFC 4716); fingerprint from `ssh-keygen -l`.
RFC4716 = """---- BEGIN SSH2 PUBLIC KEY ----
Comment: "256-bit ED25519, converted by root@vm from OpenSSH"
AAAAC3NzaC1lZDI1NTE5AAAAIHIgLBMzUf3cicmvNtZHeC1TcFbMHydLhaFgqHRgYP+d
---- END SSH2 PUBLIC KEY ----
"""
RFC4716_FINGERPRINT = "MkyD6mZaIfcePhy1BhesEjzgX2+i8mzDr+UXSjB3bjw="


class InstanceAttributes(harness.StateDirTest):
    def terraform_refresh(self, ec2, instance_id, alloc):
        """What the AWS provider reads for an aws_instance and an aws_eip."""
        out = {}
        for attribute in ("disableApiTermination", "disableApiStop",
                          "instanceInitiatedShutdownBehavior", "userData"):
            out[attribute] = ec2.describe_instance_attribute(
                InstanceId=instance_id, Attribute=attribute)
            del out[attribute]["ResponseMetadata"]
        out["credits"] = ec2.describe_instance_credit_specifications(
            InstanceIds=[instance_id])["InstanceCreditSpecifications"]
        out["ptr"] = ec2.describe_addresses_attribute(
            AllocationIds=[alloc], Attribute="domain-name")["Addresses"]
        out["metadata"] = ec2.describe_instances(
            InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]["MetadataOptions"]
        return out

    def test_terraform_like_sequence_survives_a_restart(self):
        with self.serve() as server:
            ec2 = harness.boto3_client(server)
            instance_id = ec2.run_instances(
                ImageId=IMAGE, InstanceType="t3.micro", MinCount=1, MaxCount=1,
                UserData=SCRIPT, DisableApiTermination=True,
                CreditSpecification={"CpuCredits": "standard"},
                MetadataOptions={"HttpTokens": "required", "HttpPutResponseHopLimit": 1},
            )["Instances"][0]["InstanceId"]
            self.assertEqual(error_of(ec2.terminate_instances, InstanceIds=[instance_id]),
                             ("OperationNotPermitted", 400))
            self.assertEqual(server.admin("POST", "clock", {"advance": "1m"})[0], 200)
            user_data = ec2.describe_instance_attribute(
                InstanceId=instance_id, Attribute="userData")["UserData"]["Value"]
            self.assertEqual(base64.b64decode(user_data).decode(), SCRIPT)
            console = ec2.get_console_output(InstanceId=instance_id)
            # botocore decodes GetConsoleOutput's base64 Output itself (decode_console_output).
            self.assertIn("+ echo hello", console["Output"])

            ec2.modify_instance_attribute(InstanceId=instance_id, DisableApiStop={"Value": True})
            self.assertEqual(error_of(ec2.stop_instances, InstanceIds=[instance_id]),
                             ("OperationNotPermitted", 400))
            changed = ec2.modify_instance_metadata_options(
                InstanceId=instance_id, HttpPutResponseHopLimit=2)
            self.assertEqual(changed["InstanceMetadataOptions"]["State"], "pending")
            ec2.modify_instance_credit_specification(InstanceCreditSpecifications=[
                {"InstanceId": instance_id, "CpuCredits": "unlimited"}])
            self.assertEqual(ec2.get_default_credit_specification(InstanceFamily="t2")
                             ["InstanceFamilyCreditSpecification"]["CpuCredits"], "standard")

            alloc = ec2.allocate_address(Domain="vpc")["AllocationId"]
            update = ec2.modify_address_attribute(AllocationId=alloc,
                                                  DomainName="www.example.com")
            self.assertEqual(update["Address"]["PtrRecordUpdate"]["Status"], "PENDING")

            imported = ec2.import_key_pair(KeyName="putty", PublicKeyMaterial=RFC4716.encode())
            self.assertEqual(imported["KeyFingerprint"], RFC4716_FINGERPRINT)

            before = self.terraform_refresh(ec2, instance_id, alloc)
            self.assertEqual(before["disableApiTermination"]["DisableApiTermination"]["Value"],
                             True)
            self.assertEqual(before["disableApiStop"]["DisableApiStop"]["Value"], True)
            self.assertEqual(before["credits"][0]["CpuCredits"], "unlimited")
            self.assertEqual(before["ptr"][0]["PtrRecord"], "www.example.com.")
            self.assertEqual(before["metadata"]["HttpPutResponseHopLimit"], 2)

            # The AWS CLI reads the same attributes.
            aws = harness.Aws(server)
            out = aws.ok("describe-instance-attribute", "--instance-id", instance_id,
                         "--attribute", "instanceInitiatedShutdownBehavior")
            self.assertEqual(out["InstanceInitiatedShutdownBehavior"]["Value"], "stop")
            self.assertEqual(aws.error_code("modify-instance-attribute", "--instance-id",
                                            instance_id, "--instance-type", "t3.small"),
                             "IncorrectInstanceState")

        with self.serve() as server:  # replayed from the journal
            ec2 = harness.boto3_client(server)
            self.assertEqual(self.terraform_refresh(ec2, instance_id, alloc), before)
            self.assertEqual(ec2.describe_key_pairs(KeyNames=["putty"])["KeyPairs"][0]
                             ["KeyFingerprint"], RFC4716_FINGERPRINT)


if __name__ == "__main__":
    harness.require_clients()
    unittest.main()
