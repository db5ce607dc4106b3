"""The pytest plugin's hooks and fixtures (loaded through the package: `-p pytest_ec2sim`).

Fixtures:
  ec2sim_server  session: a running `ec2sim serve --port 0`; sets AWS_ENDPOINT_URL,
                 AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_DEFAULT_REGION for boto3 and
                 the AWS CLI while the session runs, and stops the server at the end.
  ec2sim         function: the same server, with every account reset before the test.
"""

import os

import pytest

from pytest_ec2sim.server import Ec2simServer, find_binary

# Twelve digits: ec2sim's open mode maps such a key to that account (docs/server.md).
DEFAULT_ACCESS_KEY = "123456789012"
DEFAULT_SECRET = "ec2sim"


def pytest_addoption(parser):
    group = parser.getgroup("ec2sim")
    group.addoption("--ec2sim-binary", default=None,
                    help="path of the ec2sim binary (default: $EC2SIM_BINARY, then PATH)")
    group.addoption("--ec2sim-region", default="us-east-1", help="region for boto3 (us-east-1)")
    group.addoption("--ec2sim-arg", action="append", default=[],
                    help="extra argument for `ec2sim serve` (repeatable), e.g. "
                         "--ec2sim-arg=--vcpu-quota=256")


def _environment(server, region):
    return {
        "AWS_ENDPOINT_URL": server.url,
        "AWS_ACCESS_KEY_ID": DEFAULT_ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": DEFAULT_SECRET,
        "AWS_DEFAULT_REGION": region,
        "AWS_REGION": region,
    }


@pytest.fixture(scope="session")
def ec2sim_server(request):
    config = request.config
    binary = find_binary(config.getoption("--ec2sim-binary"))
    args = list(config.getoption("--ec2sim-arg"))
    server = Ec2simServer(binary, args).start()
    saved = {}
    try:
        for key, value in _environment(server, config.getoption("--ec2sim-region")).items():
            saved[key] = os.environ.get(key)
            os.environ[key] = value
        # No shared credentials file or profile may override the variables above.
        for key in ("AWS_PROFILE", "AWS_SESSION_TOKEN"):
            saved[key] = os.environ.pop(key, None)
        yield server
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        server.stop()


@pytest.fixture
def ec2sim(ec2sim_server):
    ec2sim_server.reset()
    return ec2sim_server
