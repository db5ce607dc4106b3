"""Launch templates against `ec2sim serve`, with boto3 and the AWS CLI: create, a version from
SourceVersion, the default version, DescribeLaunchTemplateVersions with $Latest and $Default, an
instance launched from the template, deletion, and the same state after a restart on the
journal."""

import unittest

import harness
from harness import error_of

IMAGE = "ami-0c9c942bd7bf113a2"


def tag(tags, key):
    return next((t["Value"] for t in tags if t["Key"] == key), None)


class LaunchTemplates(harness.StateDirTest):
    def test_versions_default_and_launch_survive_a_restart(self):
        with self.serve() as server:
            ec2 = harness.boto3_client(server)
            lt = ec2.create_launch_template(
                LaunchTemplateName="web", VersionDescription="first",
                LaunchTemplateData={
                    "ImageId": IMAGE, "InstanceType": "t3.micro",
                    "MetadataOptions": {"HttpTokens": "required"},
                    "TagSpecifications": [{"ResourceType": "instance",
                                           "Tags": [{"Key": "Name", "Value": "web"}]}]},
                TagSpecifications=[{"ResourceType": "launch-template",
                                    "Tags": [{"Key": "team", "Value": "a"}]}],
            )["LaunchTemplate"]
            lt_id = lt["LaunchTemplateId"]
            self.assertEqual((lt["DefaultVersionNumber"], lt["LatestVersionNumber"]), (1, 1))
            self.assertEqual(error_of(ec2.create_launch_template, LaunchTemplateName="web",
                                      LaunchTemplateData={"ImageId": IMAGE}),
                             ("InvalidLaunchTemplateName.AlreadyExistsException", 400))

            v2 = ec2.create_launch_template_version(
                LaunchTemplateId=lt_id, SourceVersion="1",
                LaunchTemplateData={"InstanceType": "t3.small"})["LaunchTemplateVersion"]
            self.assertEqual(v2["VersionNumber"], 2)
            self.assertEqual(v2["LaunchTemplateData"]["ImageId"], IMAGE)
            self.assertEqual(v2["LaunchTemplateData"]["InstanceType"], "t3.small")
            self.assertEqual(v2["LaunchTemplateData"]["MetadataOptions"]["HttpTokens"],
                             "required")

            aws = harness.Aws(server)
            modified = aws.ok("modify-launch-template", "--launch-template-id", lt_id,
                              "--default-version", "2")
            self.assertEqual(modified["LaunchTemplate"]["DefaultVersionNumber"], 2)
            latest = aws.ok("describe-launch-template-versions", "--launch-template-name", "web",
                            "--versions", "$Latest", "$Default")["LaunchTemplateVersions"]
            self.assertEqual([v["VersionNumber"] for v in latest], [2])
            self.assertTrue(latest[0]["DefaultVersion"])
            everything = ec2.describe_launch_template_versions(
                LaunchTemplateId=lt_id)["LaunchTemplateVersions"]
            self.assertEqual(sorted(v["VersionNumber"] for v in everything), [1, 2])

            instance = ec2.run_instances(
                LaunchTemplate={"LaunchTemplateName": "web"}, MinCount=1, MaxCount=1,
            )["Instances"][0]
            described = ec2.describe_instances(InstanceIds=[instance["InstanceId"]])
            shown = described["Reservations"][0]["Instances"][0]
            self.assertEqual(shown["InstanceType"], "t3.small")
            self.assertEqual(tag(shown["Tags"], "aws:ec2launchtemplate:id"), lt_id)
            self.assertEqual(tag(shown["Tags"], "aws:ec2launchtemplate:version"), "2")
            self.assertEqual(tag(shown["Tags"], "Name"), "web")
            data = ec2.get_launch_template_data(
                InstanceId=instance["InstanceId"])["LaunchTemplateData"]
            self.assertEqual(data["InstanceType"], "t3.small")

            deleted = ec2.delete_launch_template_versions(LaunchTemplateId=lt_id,
                                                          Versions=["1", "2"])
            self.assertEqual([v["VersionNumber"] for v in
                              deleted["SuccessfullyDeletedLaunchTemplateVersions"]], [1])
            refused = deleted["UnsuccessfullyDeletedLaunchTemplateVersions"]
            self.assertEqual([v["VersionNumber"] for v in refused], [2])
            before = ec2.describe_launch_templates(LaunchTemplateIds=[lt_id])["LaunchTemplates"]
            self.assertEqual(tag(before[0]["Tags"], "team"), "a")

        with self.serve() as server:  # replayed from the journal
            ec2 = harness.boto3_client(server)
            after = ec2.describe_launch_templates(LaunchTemplateIds=[lt_id])["LaunchTemplates"]
            self.assertEqual(after, before)
            aws = harness.Aws(server)
            aws.ok("delete-launch-template", "--launch-template-id", lt_id)
            self.assertEqual(aws.error_code("describe-launch-templates",
                                            "--launch-template-names", "web"),
                             "InvalidLaunchTemplateName.NotFoundException")


if __name__ == "__main__":
    harness.require_clients()
    unittest.main()
