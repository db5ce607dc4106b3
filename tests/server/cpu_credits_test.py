"""The `cpu` admin route against `ec2sim serve` with boto3: a busy t3.micro in unlimited mode
pays for its surplus CPU credits on the bill, bad loads are refused, and the bill is the same
after a restart on the journal."""

import unittest

import harness
from harness import error_of

QUERY = "?access_key=AKIDEXAMPLE&region=ap-northeast-2"


class CpuCredits(harness.StateDirTest):
    def test_a_busy_t3_micro_pays_for_surplus_credits_after_a_restart_too(self):
        with self.serve() as server:
            ec2 = harness.boto3_client(server)
            [vm] = [i["InstanceId"] for i in ec2.run_instances(
                ImageId="ami-0c9c942bd7bf113a2", InstanceType="t3.micro", MinCount=1,
                MaxCount=1)["Instances"]]
            self.assertEqual(server.admin("POST", "clock", {"advance": "1m"})[0], 200)
            spec = ec2.describe_instance_credit_specifications(InstanceIds=[vm])
            self.assertEqual(spec["InstanceCreditSpecifications"][0]["CpuCredits"], "unlimited")
            status, load = server.admin("POST", "cpu", {"instance": vm, "percent": 60},
                                        query=QUERY)
            self.assertEqual(status, 200, load)
            self.assertEqual((load["CpuCredits"], load["CreditsEarnedPerHour"]), ("unlimited", 12))
            status, refused = server.admin("POST", "cpu", {"instance": vm, "percent": 120},
                                           query=QUERY)
            self.assertEqual((status, refused["error"]["code"]), (400, "InvalidParameterValue"))
            status, missing = server.admin(
                "POST", "cpu", {"instance": "i-0123456789abcdef0", "percent": 5}, query=QUERY)
            self.assertEqual((status, missing["error"]["code"]),
                             (400, "InvalidInstanceID.NotFound"))
            self.assertEqual(server.admin("POST", "clock", {"advance": "24h"})[0], 200)
            ec2.terminate_instances(InstanceIds=[vm])
            self.assertEqual(server.admin("POST", "clock", {"advance": "1m"})[0], 200)
            status, bill = server.admin("POST", "bill", {}, query=QUERY)
            self.assertEqual(status, 200, bill)
            [credits] = [line for line in bill["Lines"]
                         if line["UsageType"] == "APN2-CPUCredits:t3"]
            # 24 h at 60% on 2 vCPUs: 72 credits an hour spent, 12 earned, 60 surplus: 1,440
            # credits = 24 vCPU-hours x $0.05 = $1.20 (less the minute it idled before the load).
            self.assertEqual((credits["ResourceId"], credits["AmountUSD"]), (vm, 1.2))
            self.assertAlmostEqual(credits["Quantity"], 24, places=1)
            self.assertEqual(error_of(ec2.modify_instance_credit_specification,
                                      InstanceCreditSpecifications=[
                                          {"InstanceId": vm, "CpuCredits": "bogus"}])[0],
                             "InvalidParameterValue")

        with self.serve() as server:  # replayed from the journal
            status, replayed = server.admin("POST", "bill", {}, query=QUERY)
            self.assertEqual(status, 200, replayed)
            self.assertEqual(replayed["Lines"], bill["Lines"])


if __name__ == "__main__":
    harness.require_clients(need_cli=False)
    unittest.main()
