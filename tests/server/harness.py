"""Starts `ec2sim serve` on a free loopback port for a test and stops it afterwards.

Used by the tests in this folder, which ctest runs with /usr/bin/python3 (Debian's, where the
python3-boto3 and awscli packages live). The server binary comes from the EC2SIM_BINARY
environment variable (set by tests/server/tests.cmake) or build/ec2sim.
"""

import http.client
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SKIP = 77  # ctest's SKIP_RETURN_CODE for these tests


def binary():
    return os.environ.get("EC2SIM_BINARY", str(ROOT / "build" / "ec2sim"))


def run_binary(*args, env=None):
    """Runs the ec2sim binary without the host's AWS settings: (exit status, stdout, stderr)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    base.update({"LANG": "C", "LC_ALL": "C", "COLUMNS": "200",
                 "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"})
    base.update(env or {})
    proc = subprocess.run([binary(), *args], env=base, capture_output=True, text=True,
                          timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def account_of(access_key):
    """The account a key names, as docs/server.md defines it: FNV-1a-64(key) mod 10^12."""
    h = 14695981039346656037
    for byte in access_key.encode():
        h = ((h ^ byte) * 1099511628211) % 2**64
    return f"{h % 10**12:012d}"


class Server:
    """A running `ec2sim serve --port 0`; use as a context manager."""

    def __init__(self, *extra_args):
        clock = [] if "--clock" in extra_args else ["--clock", "manual"]
        self.args = [binary(), "serve", "--host", "127.0.0.1", "--port", "0", *clock,
                     *extra_args]
        self.proc = None
        self.port = None
        self.log = tempfile.TemporaryFile(mode="w+")

    def __enter__(self):
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=self.log,
                                     text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not match:
            self.stop()
            raise RuntimeError(f"server did not start: {line!r} {self.server_log()}")
        self.port = int(match.group(1))
        deadline = time.monotonic() + 10
        while True:
            try:
                if self.admin("GET", "health")[0] == 200:
                    return self
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("server did not answer /_ec2sim/health")
            time.sleep(0.05)

    def __exit__(self, *exc):
        self.close()

    def stop(self):
        """SIGTERM, then SIGKILL if it has not exited within 10 s. Returns the exit status."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        return self.proc.returncode

    def close(self):
        self.stop()
        self.log.close()

    def server_log(self):
        self.log.seek(0)
        return self.log.read()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def request(self, method, path, body=None, headers=None):
        """One HTTP request on a new connection: (status, body text, headers)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, resp.read().decode("utf-8"), dict(resp.getheaders())
        finally:
            conn.close()

    def admin(self, method, route, body=None, query=""):
        """An admin API call: (status, parsed JSON)."""
        data = None if body is None else json.dumps(body)
        status, text, _ = self.request(method, f"/_ec2sim/{route}{query}", body=data,
                                       headers={"Content-Type": "application/json"})
        return status, json.loads(text)


def client_env(access_key="AKIDEXAMPLE", region="ap-northeast-2"):
    """Environment for the AWS CLI and boto3 that reads no user configuration."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({
        "AWS_ACCESS_KEY_ID": access_key,
        "AWS_SECRET_ACCESS_KEY": "ec2sim-does-not-check-signatures",
        "AWS_DEFAULT_REGION": region,
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_PAGER": "",
    })
    return env


def aws_binary():
    """Debian's AWS CLI (package awscli) when present, else the first `aws` on PATH."""
    if os.access("/usr/bin/aws", os.X_OK):
        return "/usr/bin/aws"
    return shutil.which("aws")


class Aws:
    """Runs the real AWS CLI against a server: aws --endpoint-url URL ec2 ..."""

    def __init__(self, server, access_key="AKIDEXAMPLE", region="ap-northeast-2"):
        self.server = server
        self.env = client_env(access_key, region)
        self.exe = aws_binary()

    def run(self, *args):
        """(exit status, parsed JSON output or None, stderr)."""
        cmd = [self.exe, "--endpoint-url", self.server.url, "--output", "json", "ec2", *args]
        proc = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=120)
        out = json.loads(proc.stdout) if proc.stdout.strip() else None
        return proc.returncode, out, proc.stderr

    def ok(self, *args):
        code, out, err = self.run(*args)
        if code != 0:
            raise AssertionError(f"aws ec2 {' '.join(args)} failed ({code}): {err}")
        return out

    def error_code(self, *args):
        """The EC2 error code the command fails with."""
        code, _, err = self.run(*args)
        if code == 0:
            raise AssertionError(f"aws ec2 {' '.join(args)} succeeded, an error was expected")
        match = re.search(r"An error occurred \(([^)]+)\)", err)
        if not match:
            raise AssertionError(f"no EC2 error in: {err}")
        return match.group(1)


class StateDirTest(unittest.TestCase):
    """A test whose servers keep their state in a fresh directory, so it can restart them."""

    def setUp(self):
        self.state = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.state.cleanup()

    def serve(self):
        return Server("--quiet", "--state", self.state.name)



def classroom_user(name, n, admin=False):
    """A users-file entry whose access key and secret derive from `name`, account `n`."""
    return {"access_key_id": f"AKIA{name.upper():X<12}"[:16], "secret_access_key": f"{name}-s/3+",
            "account_id": f"{n:012d}", "name": name, "admin": admin}


def signed_json(server, u, method, path, body=None, region="ap-northeast-2"):
    """An admin-route request signed by botocore's SigV4Auth as user `u`: (status, parsed JSON)."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    data = b"" if body is None else json.dumps(body).encode()
    request = AWSRequest(method=method, url=server.url + path, data=data,
                         headers={"Content-Type": "application/json"} if data else {})
    SigV4Auth(Credentials(u["access_key_id"], u["secret_access_key"]), "ec2",
              region).add_auth(request)
    status, text, _ = server.request(method, path, body=data or None,
                                     headers=dict(request.headers.items()))
    return status, json.loads(text)

def boto3_client(server, access_key="AKIDEXAMPLE", region="ap-northeast-2"):
    import boto3  # noqa: imported late so a missing package gives a clear message in main()
    from botocore.config import Config
    session = boto3.session.Session(aws_access_key_id=access_key,
                                    aws_secret_access_key="ec2sim-does-not-check-signatures",
                                    region_name=region)
    return session.client("ec2", endpoint_url=server.url,
                          config=Config(retries={"max_attempts": 1}))


def error_of(call, **params):
    """(code, HTTP status) of a call that must fail."""
    from botocore.exceptions import ClientError
    try:
        call(**params)
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError(f"{call.__name__}({params}) succeeded, an error was expected")


def require_clients(need_cli=True):
    """Exits with a clear message when the Debian client packages are missing."""
    try:
        import boto3  # noqa: F401
    except ImportError:
        sys.exit("python3-boto3 is not installed (run scripts/setup.sh)")
    if need_cli and aws_binary() is None:
        sys.exit("the AWS CLI is not installed (run scripts/setup.sh: package awscli)")
    if not os.access(binary(), os.X_OK):
        sys.exit(f"no ec2sim binary at {binary()}")
