"""The seed walkthrough (scenarios/seed-walkthrough.json) with the real AWS CLI against
`ec2sim serve`: choose Seoul, create a key pair, launch a t2.micro named web, watch its public IP
change across a stop/start, fix it with an Elastic IP, terminate, release, and see the terminated
instance disappear after an hour. The CLI's own waiters (aws ec2 wait ...) are used throughout.
"""

import json
import subprocess
import sys
import unittest

import harness

AMI = "ami-0c9c942bd7bf113a2"  # Amazon Linux 2023 in ap-northeast-2 (docs/catalog.md)


class CliWalkthrough(unittest.TestCase):
    def test_seed_walkthrough_end_to_end(self):
        # Access key 123456789012 is the default account, which keeps the server's seed, so the
        # ids match a scenario run with the same seed.
        with harness.Server("--seed", "2024") as server:
            aws = harness.Aws(server, access_key="123456789012")

            zones = aws.ok("describe-availability-zones")["AvailabilityZones"]
            self.assertEqual(len(zones), 4)
            self.assertEqual(zones[0]["ZoneName"], "ap-northeast-2a")

            key = aws.ok("create-key-pair", "--key-name", "my-first-key")
            self.assertTrue(key["KeyMaterial"].startswith("-----BEGIN RSA PRIVATE KEY-----"))
            self.assertRegex(key["KeyFingerprint"], r"^([0-9a-f]{2}:){19}[0-9a-f]{2}$")
            pairs = aws.ok("describe-key-pairs", "--key-names", "my-first-key")["KeyPairs"]
            self.assertEqual(pairs[0]["KeyPairId"], key["KeyPairId"])
            self.assertNotIn("KeyMaterial", pairs[0])

            run = aws.ok("run-instances", "--image-id", AMI, "--instance-type", "t2.micro",
                         "--count", "1", "--key-name", "my-first-key", "--tag-specifications",
                         "ResourceType=instance,Tags=[{Key=Name,Value=web}]")
            web = run["Instances"][0]["InstanceId"]
            self.assertEqual(run["Instances"][0]["State"]["Name"], "pending")
            self.assertEqual(run["Instances"][0]["KeyName"], "my-first-key")
            aws.ok("wait", "instance-running", "--instance-ids", web)

            found = aws.ok("describe-instances", "--filters", "Name=tag:Name,Values=web",
                           "Name=instance-state-name,Values=running")["Reservations"]
            self.assertEqual(len(found), 1)
            self.assertEqual(found[0]["Instances"][0]["InstanceId"], web)
            ip1 = found[0]["Instances"][0]["PublicIpAddress"]

            def public_ip():
                r = aws.ok("describe-instances", "--instance-ids", web)
                return r["Reservations"][0]["Instances"][0].get("PublicIpAddress")

            aws.ok("stop-instances", "--instance-ids", web)
            aws.ok("wait", "instance-stopped", "--instance-ids", web)
            aws.ok("start-instances", "--instance-ids", web)
            aws.ok("wait", "instance-running", "--instance-ids", web)
            ip2 = public_ip()
            self.assertIsNotNone(ip2)
            self.assertNotEqual(ip2, ip1)

            eip = aws.ok("allocate-address", "--domain", "vpc")
            self.assertRegex(eip["AllocationId"], r"^eipalloc-[0-9a-f]{17}$")
            assoc = aws.ok("associate-address", "--allocation-id", eip["AllocationId"],
                           "--instance-id", web)
            self.assertTrue(assoc["AssociationId"].startswith("eipassoc-"))
            self.assertEqual(public_ip(), eip["PublicIp"])

            aws.ok("stop-instances", "--instance-ids", web)
            aws.ok("wait", "instance-stopped", "--instance-ids", web)
            self.assertEqual(public_ip(), eip["PublicIp"])
            aws.ok("start-instances", "--instance-ids", web)
            aws.ok("wait", "instance-running", "--instance-ids", web)
            self.assertEqual(public_ip(), eip["PublicIp"])

            term = aws.ok("terminate-instances", "--instance-ids", web)
            self.assertEqual(term["TerminatingInstances"][0]["CurrentState"]["Name"],
                             "shutting-down")
            aws.ok("wait", "instance-terminated", "--instance-ids", web)
            addr = aws.ok("describe-addresses", "--allocation-ids",
                          eip["AllocationId"])["Addresses"][0]
            self.assertEqual(addr["PublicIp"], eip["PublicIp"])
            self.assertNotIn("InstanceId", addr)
            self.assertNotIn("AssociationId", addr)

            aws.ok("release-address", "--allocation-id", eip["AllocationId"])
            self.assertEqual(aws.ok("describe-addresses")["Addresses"], [])

            status, clock = server.admin("POST", "clock", {"advance": "61m"})
            self.assertEqual(status, 200, clock)
            self.assertEqual(aws.error_code("describe-instances", "--instance-ids", web),
                             "InvalidInstanceID.NotFound")
            aws.ok("delete-key-pair", "--key-name", "my-first-key")

            # The same seed gives the same ids as the scenario runner.
            report = subprocess.run(
                [harness.binary(), "run", "--output", "json",
                 str(harness.ROOT / "scenarios" / "seed-walkthrough.json")],
                capture_output=True, text=True, timeout=120)
            self.assertEqual(report.returncode, 0, report.stderr)
            self.assertIn(web, report.stdout)

            log = server.server_log()
            self.assertIn("RunInstances 123456789012 ap-northeast-2 200", log)
            self.assertIn("DescribeInstances 123456789012 ap-northeast-2 400 "
                          "InvalidInstanceID.NotFound", log)


if __name__ == "__main__":
    harness.require_clients()
    unittest.main()
