"""Starting and stopping `ec2sim serve` without parsing its log: the server writes a ready file
(`--ready-file PATH`, JSON {"url": ..., "port": ..., "pid": ...}) once it listens."""

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

# How long the server may take to bind its port; start-up is well under a second.
READY_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0


def find_binary(explicit=None):
    """The ec2sim binary: `explicit` (the --ec2sim-binary option), else $EC2SIM_BINARY, else
    `ec2sim` on PATH. Raises FileNotFoundError naming the three places."""
    for candidate in (explicit, os.environ.get("EC2SIM_BINARY")):
        if candidate:
            if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                return candidate
            raise FileNotFoundError("ec2sim binary not found or not executable: %s" % candidate)
    found = shutil.which("ec2sim")
    if found:
        return found
    raise FileNotFoundError(
        "ec2sim binary not found: pass --ec2sim-binary PATH, set EC2SIM_BINARY or put ec2sim on "
        "PATH")


class Ec2simServer:
    """One `ec2sim serve --port 0` process. `url` and `port` are known once start() returns."""

    def __init__(self, binary, args=(), env=None):
        self.binary = binary
        self.args = list(args)
        self.env = env
        self.url = None
        self.port = None
        self.process = None
        self._dir = None

    def start(self):
        self._dir = tempfile.mkdtemp(prefix="ec2sim-pytest-")
        ready = os.path.join(self._dir, "ready.json")
        command = [self.binary, "serve", "--port", "0", "--quiet", "--ready-file", ready]
        self.process = subprocess.Popen(command + self.args, env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not os.path.exists(ready):
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode("utf-8", "replace")
                raise RuntimeError("ec2sim serve exited with status %d: %s"
                                   % (self.process.returncode, err.strip()))
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("ec2sim serve wrote no ready file within %.0f s"
                                   % READY_TIMEOUT_S)
            time.sleep(0.02)
        with open(ready, encoding="utf-8") as f:
            info = json.load(f)
        self.url, self.port = info["url"], info["port"]
        return self

    def admin(self, method, route, data=b""):
        """Calls an admin route (/_ec2sim/ROUTE) and returns its JSON answer."""
        request = urllib.request.Request(self.url + "/_ec2sim/" + route, method=method,
                                         data=data if method == "POST" else None)
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read().decode("utf-8"))

    def reset(self):
        """Forgets every account: the next test starts from a fresh world."""
        return self.admin("POST", "reset")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None and self.process.stderr is not None:
            self.process.stderr.close()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
