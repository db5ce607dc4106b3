"""An example test suite using the pytest plugin (python/pytest_ec2sim, docs/testing.md).

Run from a checkout:  PYTHONPATH=python python3 -m pytest -p pytest_ec2sim tests/pytest_plugin
Each test gets a freshly reset server through the `ec2sim` fixture; boto3 finds the server
through AWS_ENDPOINT_URL (botocore 1.31 and later) or, as here, through `endpoint_url`.
"""

import os

import boto3
import pytest
from botocore.exceptions import ClientError


def client(service, server):
    # Older botocore (Debian 12's) ignores AWS_ENDPOINT_URL, so pass it on as well.
    return boto3.client(service, endpoint_url=server.url)


def test_environment_points_boto3_at_the_server(ec2sim):
    assert os.environ["AWS_ENDPOINT_URL"] == ec2sim.url
    assert os.environ["AWS_DEFAULT_REGION"] == "us-east-1"
    assert ec2sim.url.endswith(":%d" % ec2sim.port)


def test_launches_and_describes_an_instance(ec2sim):
    ec2 = client("ec2", ec2sim)
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    run = ec2.run_instances(ImageId=image, InstanceType="t3.micro", MinCount=1, MaxCount=1)
    instance_id = run["Instances"][0]["InstanceId"]
    found = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"]
    assert found[0]["Instances"][0]["InstanceId"] == instance_id


def test_each_test_starts_from_a_reset_world(ec2sim):
    ec2 = client("ec2", ec2sim)
    assert ec2.describe_instances()["Reservations"] == []


def test_caller_identity_is_the_key_account(ec2sim):
    identity = client("sts", ec2sim).get_caller_identity()
    assert identity["Account"] == "123456789012"
    assert identity["Arn"] == "arn:aws:iam::123456789012:user/ec2sim"
    assert identity["UserId"].startswith("AIDA")


def test_default_vcpu_quota_stops_a_large_launch(ec2sim):
    ec2 = client("ec2", ec2sim)
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    with pytest.raises(ClientError) as error:
        ec2.run_instances(ImageId=image, InstanceType="t3.micro", MinCount=17, MaxCount=17)
    assert error.value.response["Error"]["Code"] == "VcpuLimitExceeded"
