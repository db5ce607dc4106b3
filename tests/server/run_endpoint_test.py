"""`ec2sim run --endpoint URL`: scenario files run on a running `ec2sim serve` through its admin
routes, with the same transcript lines and exit statuses as a local run (0 passed, 1 a step
failed, 2 an invalid file), in the account of the caller's access key.
"""

import json
import os
import tempfile
import unittest

import harness

SCENARIOS = harness.ROOT / "scenarios"

FAILING = {
    "format": 1, "name": "expects-too-much", "region": "ap-northeast-2", "timing": "instant",
    "steps": [
        {"call": "CreateKeyPair", "with": {"KeyName": "only-one"}},
        {"call": "DescribeKeyPairs", "expect": {"KeyPairs": {"len": 2}}},
        {"call": "DescribeKeyPairs"},
    ],
}


def ec2sim(*args, env=None):
    return harness.run_binary(*args, env=env)


class RunOnServer(unittest.TestCase):
    def setUp(self):
        self.server = harness.Server("--quiet").__enter__()
        self.addCleanup(self.server.close)
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, document):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w") as f:
            f.write(document if isinstance(document, str) else json.dumps(document))
        return path

    def run_both(self, path, *extra):
        """The file run locally and on the server: ((status, out, err), (status, out, err))."""
        return ec2sim("run", path), ec2sim("run", "--endpoint", self.server.url, *extra, path)

    def test_a_scenario_from_the_repository_passes_on_the_server(self):
        path = str(SCENARIOS / "key-pairs.json")
        local, remote = self.run_both(path)
        self.assertEqual(local[0], 0, local[2])
        self.assertEqual(remote[0], 0, remote[1] + remote[2])
        self.assertIn("PASS key-pairs", remote[1])
        self.assertTrue(remote[1].endswith("1 passed, 0 failed\n"), remote[1])
        # The server keeps its own seed; the run says so rather than pretend.
        self.assertIn("do not apply: seed 5", remote[2])
        # Without a key, the scenario's own account (the default one) holds what it made.
        status, state = self.server.admin("GET", "state", query="?account=123456789012")
        self.assertEqual(status, 200)
        names = {k["KeyName"] for k in state["regions"]["ap-northeast-2"]["KeyPairs"]}
        self.assertIn("rsa-key", names)

    def test_the_transcript_ends_with_what_the_servers_account_holds(self):
        document = {
            "format": 1, "name": "leaves-an-address", "region": "ap-northeast-2",
            "timing": "instant",
            "steps": [{"call": "AllocateAddress", "with": {"Domain": "vpc"},
                       "save": {"eip": "PublicIp"}}],
        }
        path = self.write("leaves.json", document)
        status, out, err = ec2sim("run", "--endpoint", self.server.url, "--account",
                                  "111122223333", path)
        self.assertEqual(status, 0, out + err)
        self.assertRegex(out, r"\n +eip = (\d+\.){3}\d+\n")
        self.assertIn("-- left at the end\n"
                      "    ap-northeast-2: no instances left (none launched, or all terminated)\n"
                      "    ap-northeast-2: 1 Elastic IP held, $0.005/h in all\n", out)
        self.assertRegex(out, r"    bill so far: total \$\d+\.\d\d \(public-ipv4-2024 pricing\)\n"
                              r"PASS leaves-an-address\n")
        status, quiet, err = ec2sim("run", "--quiet", "--endpoint", self.server.url, "--account",
                                    "111122223333", path)
        self.assertEqual(status, 0, quiet + err)
        self.assertNotIn("left at the end", quiet)

    def test_the_key_the_aws_cli_would_use_picks_the_account(self):
        path = str(SCENARIOS / "key-pairs.json")
        status, out, err = ec2sim("run", "--endpoint", self.server.url, path,
                                  env={"AWS_ACCESS_KEY_ID": "AKIDRUNNER"})
        self.assertEqual(status, 0, out + err)
        account = harness.account_of("AKIDRUNNER")
        _, listed = self.server.admin("GET", "accounts")
        rows = {a["account"]: a["access_keys"] for a in listed["accounts"]}
        self.assertEqual(rows.get(account), ["AKIDRUNNER"])
        self.assertNotIn("123456789012", rows, "nothing ran in the scenario's default account")

    def test_a_failing_expectation_fails_with_the_local_exit_status(self):
        path = self.write("failing.json", FAILING)
        local, remote = self.run_both(path, "--account", "111122223333")
        self.assertEqual(local[0], 1, local[1] + local[2])
        self.assertEqual(remote[0], local[0], remote[1] + remote[2])
        for out in (local[1], remote[1]):
            self.assertIn("FAIL expects-too-much (step 2)", out)
            self.assertIn("KeyPairs: expected length 2, got length 1", out)
            self.assertIn("[3] call DescribeKeyPairs: not run", out)
            self.assertTrue(out.endswith("0 passed, 1 failed\n"), out)

    def test_an_invalid_file_exits_two_as_locally(self):
        path = self.write("invalid.json", '{"format": 1, "name": "x", "steps": [{"cal": "X"}]}')
        local, remote = self.run_both(path)
        self.assertEqual(local[0], 2)
        self.assertEqual(remote[0], 2, remote[1] + remote[2])
        self.assertIn('unknown verb "cal"', remote[2])

    def test_waits_and_advances_move_the_servers_clock(self):
        document = {
            "format": 1, "name": "clocked", "region": "ap-northeast-2", "timing": "instant",
            "steps": [
                {"call": "RunInstances",
                 "with": {"ImageId": "ami-0c9c942bd7bf113a2", "InstanceType": "t2.micro",
                          "MinCount": 1, "MaxCount": 1},
                 "save": {"web": "Instances[0].InstanceId"}},
                {"wait": {"instance": "${web}", "state": "running", "timeout": "5m"}},
                {"advance": "1h"},
                {"call": "DescribeInstances", "with": {"InstanceIds": ["${web}"]},
                 "expect": {"Reservations[0].Instances[0].State.Name": "running"}},
            ],
        }
        path = self.write("clocked.json", document)
        _, before = self.server.admin("GET", "clock")
        status, out, err = ec2sim("run", "--endpoint", self.server.url, path)
        self.assertEqual(status, 0, out + err)
        _, after = self.server.admin("GET", "clock")
        self.assertEqual(after["epoch_ms"] - before["epoch_ms"], 3600 * 1000)

    def test_nothing_listening_exits_two_naming_the_url(self):
        url = self.server.url
        self.server.stop()
        status, _, err = ec2sim("run", "--endpoint", url, str(SCENARIOS / "key-pairs.json"))
        self.assertEqual(status, 2)
        self.assertIn(url, err)


if __name__ == "__main__":
    unittest.main()
