"""`ec2sim serve` driven once by the AWS SDK for JavaScript v3 (js/ec2_smoke.mjs).

Needs Node.js and npm; the SDK is installed from the npm registry into a cache folder the first
time (EC2SIM_JS_DIR, set by tests/server/tests.cmake to a folder of the build tree). Without
Node, npm or the registry the test is skipped with a message (exit status 77)."""

import os
import pathlib
import shutil
import subprocess
import sys

import harness

SDK = "@aws-sdk/client-ec2@3.1169.0"  # pinned; later releases may need a newer Node.js


def skip(reason):
    print(f"SKIPPED: {reason}")
    sys.exit(harness.SKIP)


def main():
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        skip("Node.js and npm are not installed (apt-get install nodejs npm to run this test)")
    cache = pathlib.Path(os.environ.get("EC2SIM_JS_DIR", harness.ROOT / "build" / "js-sdk"))
    cache.mkdir(parents=True, exist_ok=True)
    if not (cache / "node_modules" / "@aws-sdk" / "client-ec2").is_dir():
        try:
            install = subprocess.run(
                [npm, "install", "--prefix", str(cache), "--no-save", "--no-audit", "--no-fund",
                 SDK], capture_output=True, text=True, timeout=600)
        except subprocess.TimeoutExpired:
            skip(f"npm install {SDK} timed out")
        if install.returncode != 0:
            skip(f"npm install {SDK} failed:\n{install.stderr[-2000:]}")
    script = cache / "ec2_smoke.mjs"
    # Node resolves packages next to the script, so the script runs from the cache folder.
    shutil.copyfile(pathlib.Path(__file__).parent / "js" / "ec2_smoke.mjs", script)
    with harness.Server() as server:
        run = subprocess.run([node, str(script), server.url], capture_output=True, text=True,
                             timeout=300)
        print(run.stdout, end="")
        if run.returncode != 0 or run.stdout.strip() != "ok":
            print(run.stderr)
            print(server.server_log()[-4000:])
            sys.exit(1)
        log = server.server_log()
    for action in ("RunInstances", "DescribeInstances", "TerminateInstances"):
        if f" {action} " not in log:
            sys.exit(f"the server log shows no {action} request")
    print("1 passed, 0 failed")


if __name__ == "__main__":
    if not os.access(harness.binary(), os.X_OK):
        sys.exit(f"no ec2sim binary at {harness.binary()}")
    main()
