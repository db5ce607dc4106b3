#!/usr/bin/python3
"""Rendering benchmark of the browser console's instance list. Not run by CI.

Starts `ec2sim serve` (manual clock, --vcpu-quota 2000), signs a headless Chromium in, launches
N instances (default 1,000 t2.micro) in Seoul, and times in the page, from the hash change to
the list showing its first page of 50 rows and the count of all N: the DescribeInstances and
DescribeAddresses calls, the XML parsing, sorting all N, the DOM building and its layout (forced
before the clock is read). RUNS timed loads (default 7) after one warm-up; the report gives the
median, min and max in ms. Usage:

  /usr/bin/python3 bench/console_render.py [--binary build/ec2sim] [--instances 1000] [--runs 7]
"""

import argparse
import pathlib
import statistics
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "server"))

import harness  # noqa: E402
from console_browser_test import browser  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

TIME_LOAD = """
const [n, done] = arguments;
location.hash = "#/dashboard";
setTimeout(() => {
  const t0 = performance.now();
  location.hash = "#/instances";
  const check = () => {
    const count = document.getElementById("instances-count");
    if (count && count.textContent.endsWith(" " + n) &&
        document.querySelectorAll("#instances-table tbody tr").length === Math.min(n, 50)) {
      void document.body.offsetHeight;  // forces the layout into the measured time
      done(performance.now() - t0);
    } else {
      requestAnimationFrame(check);
    }
  };
  check();
}, 300);
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=str(ROOT / "build" / "ec2sim"))
    ap.add_argument("--instances", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    import os
    os.environ["EC2SIM_BINARY"] = a.binary
    with harness.Server("--vcpu-quota", str(2 * a.instances)) as server:
        d = browser(pathlib.Path("/tmp"), "en")
        try:
            d.set_script_timeout(120)
            d.get(server.url + "/console/")
            WebDriverWait(d, 15).until(EC.element_to_be_clickable((By.ID, "signin-submit"))).click()
            WebDriverWait(d, 15).until(EC.element_to_be_clickable((By.ID, "region")))
            d.execute_script("localStorage.clear(); EC2SIM.region = 'ap-northeast-2'")
            failed = d.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "EC2SIM.ec2('RunInstances', {ImageId: 'ami-0c9c942bd7bf113a2', InstanceType: "
                "'t2.micro', MinCount: String(arguments[0]), MaxCount: String(arguments[0])})"
                ".then(() => done(), e => done(e.code + ': ' + e.message))", a.instances)
            if failed:
                sys.exit(f"RunInstances of {a.instances} failed: {failed}")
            times = [d.execute_async_script(TIME_LOAD, a.instances) for _ in range(a.runs + 1)][1:]
        finally:
            d.quit()
    print(f"instance list of {a.instances} instances: median {statistics.median(times):.0f} ms "
          f"(min {min(times):.0f}, max {max(times):.0f}, {a.runs} runs)")


if __name__ == "__main__":
    main()
