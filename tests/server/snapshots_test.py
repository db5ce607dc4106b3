"""EBS snapshots against `ec2sim serve`: a volume's snapshot waited for with boto3's and the AWS
CLI's snapshot_completed waiter on the server's manual clock, shared with another account, seen
there with RestorableByUserIds, restored as a volume, copied to another region, deleted, and the
same snapshots after a restart on the journal."""

import unittest

import harness
from harness import error_of

OTHER_KEY = "AKIDOTHERACCOUNT"


class Snapshots(harness.StateDirTest):
    def test_snapshot_share_restore_copy_delete_survives_a_restart(self):
        owner = harness.account_of("AKIDEXAMPLE")
        other = harness.account_of(OTHER_KEY)
        with self.serve() as server:
            ec2 = harness.boto3_client(server)
            vol_id = ec2.create_volume(AvailabilityZone="ap-northeast-2a", Size=12,
                                       VolumeType="gp3")["VolumeId"]
            self.assertEqual(server.admin("POST", "clock", {"advance": "1m"})[0], 200)
            snap = ec2.create_snapshot(
                VolumeId=vol_id, Description="before upgrade",
                TagSpecifications=[{"ResourceType": "snapshot",
                                    "Tags": [{"Key": "Name", "Value": "db"}]}])
            self.assertEqual((snap["State"], snap["VolumeSize"], snap["OwnerId"]),
                             ("pending", 12, owner))
            snap_id = snap["SnapshotId"]
            self.assertEqual(server.admin("POST", "clock", {"advance": "5m"})[0], 200)
            ec2.get_waiter("snapshot_completed").wait(
                SnapshotIds=[snap_id], WaiterConfig={"Delay": 0, "MaxAttempts": 2})

            ec2.modify_snapshot_attribute(
                SnapshotId=snap_id, Attribute="createVolumePermission",
                CreateVolumePermission={"Add": [{"UserId": other}]})
            attr = ec2.describe_snapshot_attribute(SnapshotId=snap_id,
                                                   Attribute="createVolumePermission")
            self.assertEqual(attr["CreateVolumePermissions"], [{"UserId": other}])

            theirs = harness.boto3_client(server, access_key=OTHER_KEY)
            self.assertEqual(theirs.describe_snapshots(OwnerIds=["self"])["Snapshots"], [])
            shared = theirs.describe_snapshots(RestorableByUserIds=[other])["Snapshots"]
            self.assertEqual([(s["SnapshotId"], s["OwnerId"]) for s in shared],
                             [(snap_id, owner)])
            restored = theirs.create_volume(AvailabilityZone="ap-northeast-2b",
                                            SnapshotId=snap_id)
            self.assertEqual((restored["Size"], restored["SnapshotId"]), (12, snap_id))
            self.assertEqual(error_of(theirs.create_volume, AvailabilityZone="ap-northeast-2b",
                                      SnapshotId=snap_id, Size=5),
                             ("InvalidParameterValue", 400))
            self.assertEqual(error_of(theirs.delete_snapshot, SnapshotId=snap_id),
                             ("InvalidSnapshot.NotFound", 400))

            aws = harness.Aws(server, region="us-east-1")
            if aws.exe is not None:
                copy_id = aws.ok("copy-snapshot", "--source-region", "ap-northeast-2",
                                 "--source-snapshot-id", snap_id)["SnapshotId"]
                self.assertEqual(server.admin("POST", "clock", {"advance": "5m"})[0], 200)
                code, _, err = aws.run("wait", "snapshot-completed", "--snapshot-ids", copy_id)
                self.assertEqual(code, 0, err)
                found = aws.ok("describe-snapshots", "--owner-ids", "self", "--filters",
                               "Name=volume-size,Values=12")["Snapshots"]
                self.assertEqual([s["SnapshotId"] for s in found], [copy_id])
                self.assertEqual(aws.error_code("describe-snapshots", "--snapshot-ids",
                                                "snap-0123456789abcdef0"),
                                 "InvalidSnapshot.NotFound")

        with self.serve() as server:  # replayed from the journal
            ec2 = harness.boto3_client(server)
            [s] = ec2.describe_snapshots(Filters=[{"Name": "tag:Name",
                                                   "Values": ["db"]}])["Snapshots"]
            self.assertEqual((s["SnapshotId"], s["State"], s["Progress"]),
                             (snap_id, "completed", "100%"))
            ec2.reset_snapshot_attribute(SnapshotId=snap_id, Attribute="createVolumePermission")
            theirs = harness.boto3_client(server, access_key=OTHER_KEY)
            self.assertEqual(theirs.describe_snapshots(SnapshotIds=[snap_id])["Snapshots"], [])
            ec2.delete_snapshot(SnapshotId=snap_id)
            self.assertEqual(error_of(ec2.describe_snapshots, SnapshotIds=[snap_id]),
                             ("InvalidSnapshot.NotFound", 400))


if __name__ == "__main__":
    harness.require_clients(need_cli=False)
    unittest.main()
