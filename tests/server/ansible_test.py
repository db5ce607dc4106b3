"""Ansible's amazon.aws collection against `ec2sim serve`: a playbook creates a key pair, a
security group, an instance and an Elastic IP (tests/server/ansible/up.yml), boto3 checks what
it made, a second playbook removes it all (down.yml) and boto3 checks nothing is left. Skipped
(77) without Debian's `ansible` package, which carries amazon.aws."""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

import harness

HERE = pathlib.Path(__file__).resolve().parent / "ansible"
ACCESS_KEY = "AKIDANSIBLE"
REGION = "ap-northeast-2"
IMAGE = "ami-0c9c942bd7bf113a2"  # Amazon Linux 2023 in Seoul, in the catalog


def ansible_playbook():
    exe = shutil.which("ansible-playbook", path="/usr/bin")
    collection = pathlib.Path("/usr/lib/python3/dist-packages/ansible_collections/amazon/aws")
    return exe if exe and collection.is_dir() else None


class AnsiblePlaybooks(unittest.TestCase):
    def play(self, server, home, name):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "ANSIBLE_"))}
        env.update({"HOME": home, "ANSIBLE_NOCOLOR": "1", "ANSIBLE_LOCALHOST_WARNING": "false",
                    "ANSIBLE_INVENTORY_UNPARSED_WARNING": "false",
                    "ANSIBLE_PYTHON_INTERPRETER": "/usr/bin/python3",
                    "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
                    "AWS_EC2_METADATA_DISABLED": "true"})
        extra = (f"endpoint={server.url} access_key={ACCESS_KEY} region={REGION} "
                 f"image={IMAGE}")
        proc = subprocess.run([ansible_playbook(), "-i", "localhost,", "-e", extra,
                               str(HERE / name)], env=env, capture_output=True, text=True,
                              timeout=600)
        self.assertEqual(proc.returncode, 0,
                         f"{name} failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-2000:]}\n"
                         f"{server.server_log()[-3000:]}")

    def test_playbooks_create_then_remove_a_web_server(self):
        with harness.Server("--quiet") as server, tempfile.TemporaryDirectory() as home:
            ec2 = harness.boto3_client(server, access_key=ACCESS_KEY, region=REGION)
            self.play(server, home, "up.yml")
            keys = ec2.describe_key_pairs()["KeyPairs"]
            self.assertEqual([k["KeyName"] for k in keys], ["ansible-web"])
            group = ec2.describe_security_groups(
                Filters=[{"Name": "group-name", "Values": ["ansible-web"]}])["SecurityGroups"]
            ports = sorted(p["FromPort"] for p in group[0]["IpPermissions"])
            self.assertEqual(ports, [22, 80])
            reservations = ec2.describe_instances(
                Filters=[{"Name": "tag:Name", "Values": ["ansible-web"]}])["Reservations"]
            vm = reservations[0]["Instances"][0]
            self.assertEqual(vm["State"]["Name"], "running")
            self.assertEqual(vm["KeyName"], "ansible-web")
            self.assertEqual([g["GroupName"] for g in vm["SecurityGroups"]], ["ansible-web"])
            addresses = ec2.describe_addresses()["Addresses"]
            self.assertEqual(len(addresses), 1)
            self.assertEqual(addresses[0]["InstanceId"], vm["InstanceId"])
            self.assertEqual(vm["PublicIpAddress"], addresses[0]["PublicIp"])

            self.play(server, home, "down.yml")
            self.assertEqual(ec2.describe_key_pairs()["KeyPairs"], [])
            self.assertEqual(ec2.describe_addresses()["Addresses"], [])
            self.assertEqual(ec2.describe_security_groups(
                Filters=[{"Name": "group-name", "Values": ["ansible-web"]}])["SecurityGroups"], [])
            state = ec2.describe_instances(InstanceIds=[vm["InstanceId"]])[
                "Reservations"][0]["Instances"][0]["State"]["Name"]
            self.assertIn(state, ("shutting-down", "terminated"))


if __name__ == "__main__":
    if not ansible_playbook():
        print("ansible-playbook or the amazon.aws collection is missing "
              "(apt-get install ansible); skipped", file=sys.stderr)
        sys.exit(harness.SKIP)
    harness.require_clients(need_cli=False)
    unittest.main()
