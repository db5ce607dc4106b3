"""pytest fixtures for ec2sim, a deterministic offline EC2 simulator (docs/testing.md).

Installed (`pip install ./python`), pytest loads it by itself; from a checkout, run
`PYTHONPATH=python python3 -m pytest -p pytest_ec2sim`.
"""

from pytest_ec2sim.plugin import ec2sim, ec2sim_server, pytest_addoption
from pytest_ec2sim.server import Ec2simServer, find_binary

__all__ = ["Ec2simServer", "find_binary", "ec2sim", "ec2sim_server", "pytest_addoption"]
