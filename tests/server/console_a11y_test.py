"""Accessibility of every console page: axe-core (from the npm registry, pinned and checked
against the registry's sha512) runs in headless Chromium on each page, in English and Korean,
and must report no serious or critical violation. Every control must also be reachable from the
keyboard (a Tab walk reaches the sign-in form's fields and button in order)."""

import base64
import hashlib
import io
import json
import os
import pathlib
import sys
import tarfile
import unittest
import urllib.request

import harness
from console_browser_test import DRIVER, CHROMIUM, browser, SEOUL  # noqa: F401 (skips too)

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

AXE_VERSION = "4.14.1"
PAGES = ["#/dashboard", "#/instances", "#/launch", "#/eips", "#/sgs", "#/keys", "#/billing",
         "#/volumes", "#/vpc", "#/acls", "#/reach", "#/class",
         "#/snapshots", "#/images", "#/templates", "#/lessons", "#/lessons/3", "#/latency"]


def axe_source():
    """axe.min.js, downloaded once into a cache folder; the test is skipped without network."""
    cache = pathlib.Path(os.environ.get("XDG_CACHE_HOME", pathlib.Path.home() / ".cache"))
    path = cache / "ec2sim" / f"axe-core-{AXE_VERSION}.min.js"
    if path.exists():
        return path.read_text()
    try:
        meta = json.load(urllib.request.urlopen(
            f"https://registry.npmjs.org/axe-core/{AXE_VERSION}", timeout=30))
        tarball = urllib.request.urlopen(meta["dist"]["tarball"], timeout=60).read()
    except OSError as e:
        print(f"axe-core could not be downloaded from the npm registry: {e}")
        sys.exit(harness.SKIP)
    algo, digest = meta["dist"]["integrity"].split("-", 1)
    if base64.b64encode(hashlib.new(algo, tarball).digest()).decode() != digest:
        sys.exit("axe-core's tarball does not match the registry's integrity hash")
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        text = tar.extractfile("package/axe.min.js").read().decode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return text


def serious(driver, axe):
    driver.execute_script(axe)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations));")
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            f"{[n['target'] for n in v['nodes']][:3]}"
            for v in result if v["impact"] in ("serious", "critical")]


class ConsoleAccessibilityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.axe = axe_source()

    def check(self, language):
        with harness.Server() as server:
            d = browser(pathlib.Path("/tmp"), language)
            wait = WebDriverWait(d, 15)
            try:
                d.get(server.url + "/console/")
                wait.until(EC.element_to_be_clickable((By.ID, "signin-key")))
                self.assertEqual(serious(d, self.axe), [], "sign-in page")
                # From the keyboard: the key field has focus, Tab reaches the button, Enter signs in.
                active = d.switch_to.active_element
                self.assertEqual(active.get_attribute("id"), "signin-key")
                active.send_keys("a11y-" + language)
                active.send_keys(Keys.TAB)
                self.assertEqual(d.switch_to.active_element.get_attribute("id"), "signin-submit")
                d.switch_to.active_element.send_keys(Keys.ENTER)
                Select(wait.until(EC.element_to_be_clickable((By.ID, "region")))).select_by_value(SEOUL)
                # Something on the pages: an instance, an address, a key.
                d.execute_script(
                    "return EC2SIM.ec2('RunInstances', {ImageId: 'ami-0c9c942bd7bf113a2', "
                    "InstanceType: 't2.micro', MinCount: '1', MaxCount: '1'})")
                for page in PAGES:
                    d.execute_script("location.hash = arguments[0]", page)
                    wait.until(lambda _: not d.find_elements(By.XPATH, "//main/p[1][contains(., '…')]"))
                    self.assertEqual(serious(d, self.axe), [], page)
                # The Reachability path drawn as a picture, after a probe.
                d.execute_script("location.hash = '#/reach'")
                wait.until(EC.element_to_be_clickable((By.ID, "probe-submit"))).click()
                wait.until(EC.presence_of_element_located((By.ID, "probe-picture")))
                self.assertEqual(serious(d, self.axe), [], "reachability picture")
                d.execute_script("location.hash = '#/instances'")
                link = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#instances-table a")))
                link.click()
                wait.until(EC.element_to_be_clickable((By.ID, "tab-details")))
                self.assertEqual(serious(d, self.axe), [], "instance details")
                d.find_element(By.ID, "connect-link").click()
                wait.until(EC.presence_of_element_located((By.ID, "connect-verdict")))
                self.assertEqual(serious(d, self.axe), [], "connect")
            finally:
                d.quit()

    def test_english_pages_have_no_serious_violations(self):
        self.check("en")

    def test_korean_pages_have_no_serious_violations(self):
        self.check("ko")


if __name__ == "__main__":
    unittest.main()
