"""The blog post's walk through the console, clicked in a real Chromium (Debian's chromium and
chromium-driver, driven by python3-selenium), in English and in Korean: sign in, pick Seoul,
launch a t2.micro named `web` with a new key pair (its .pem downloads once), see its public IP,
stop and start it and see the IP change, allocate and associate an Elastic IP, terminate the
instance, see the idle address flagged and billed, release it. Screenshots of each page go to
EC2SIM_SCREENSHOTS (default: a temporary directory)."""

import json
import os
import re
import pathlib
import shutil
import sys
import tempfile
import time
import unittest

import harness

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    print("python3-selenium is not installed (scripts/setup.sh test installs it)")
    sys.exit(harness.SKIP)

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
if not CHROMIUM or not DRIVER:
    print("chromium and chromium-driver are not installed (scripts/setup.sh test installs them)")
    sys.exit(harness.SKIP)

SEOUL = "ap-northeast-2"
WAIT_S = 15  # wall-clock bound for the page to show what the server already did


def browser(download_dir, language):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", f"--lang={language}"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(download_dir),
        "download.prompt_for_download": False,
        "intl.accept_languages": language,
    })
    return webdriver.Chrome(service=Service(DRIVER), options=options)


class Walk:
    """One learner's walk; `check_text` holds words the chosen language must show."""

    def __init__(self, test, server, language, shots):
        self.test, self.server, self.language, self.shots = test, server, language, shots
        self.downloads = pathlib.Path(tempfile.mkdtemp())
        self.d = browser(self.downloads, language)
        self.wait = WebDriverWait(self.d, WAIT_S)
        self.step = 0

    def close(self):
        self.d.quit()
        shutil.rmtree(self.downloads, ignore_errors=True)

    def shot(self, name):
        self.step += 1
        self.d.save_screenshot(str(self.shots / f"{self.language}-{self.step:02d}-{name}.png"))

    def by_id(self, id_):
        return self.wait.until(EC.element_to_be_clickable((By.ID, id_)))

    def go(self, hash_):
        self.d.execute_script("location.hash = arguments[0]", hash_)

    def confirm(self):
        self.by_id("confirm-ok").click()

    def row(self, name):
        """The instance row named `name`: (id, state, public ip). Read in one script: the list
        redraws itself every second, so element handles would go stale between reads."""
        rows = self.d.execute_script(
            "return Array.from(document.querySelectorAll('#instances-table tbody tr'))"
            ".map(tr => Array.from(tr.cells).map(td => td.textContent));")
        for cells in rows or []:
            if len(cells) >= 7 and cells[1] == name:
                return cells[2], cells[3], cells[6]
        return None

    def select(self, instance):
        """Picks the instance's row (retried: the row may be redrawn under the click)."""
        def pick(d):
            try:
                d.find_element(By.CSS_SELECTOR, f"tr[data-instance='{instance}'] input").click()
                return d.find_element(
                    By.CSS_SELECTOR, f"tr[data-instance='{instance}'] input").is_selected()
            except (StaleElementReferenceException, NoSuchElementException):
                return False
        self.wait.until(pick)

    def sign_in(self, region=SEOUL):
        """Open mode's sign-in (no key: the default account), then the region."""
        self.d.get(self.server.url + "/console/")
        self.by_id("signin-submit").click()
        if region:
            Select(self.by_id("region")).select_by_value(region)

    def until_row(self, name, state):
        return self.wait.until(lambda d: (r := self.row(name)) and r[1] == state and r)


def walk(test, language, words):
    shots = pathlib.Path(os.environ.get("EC2SIM_SCREENSHOTS") or tempfile.mkdtemp())
    shots.mkdir(parents=True, exist_ok=True)
    with harness.Server() as server:
        w = Walk(test, server, language, shots)
        try:
            d = w.d
            d.get(server.url + "/")
            test.assertTrue(d.current_url.endswith("/console/"))
            submit = w.by_id("signin-submit")
            test.assertEqual(submit.text, words["signin"])
            w.shot("sign-in")
            w.by_id("signin-key").send_keys("learner-" + language)
            submit.click()
            Select(w.by_id("region")).select_by_value(SEOUL)
            w.by_id("launch-button").click()
            w.by_id("launch-name").send_keys("web")
            test.assertEqual(Select(w.by_id("launch-type")).first_selected_option.get_attribute("value"), "t2.micro")
            test.assertTrue(w.by_id("free-tier-badge").is_displayed())
            test.assertIn("$0.0144", d.find_element(By.ID, "launch-price").text)  # Seoul's t2.micro
            test.assertIn("$10.51", d.find_element(By.ID, "launch-price").text)   # x 730 hours
            w.by_id("new-key-name").send_keys("web-key")
            w.by_id("create-key").click()
            note = w.wait.until(EC.visibility_of_element_located((By.ID, "key-note")))
            test.assertIn(words["once"], note.text)
            pem = w.downloads / "web-key.pem"
            w.wait.until(lambda _: pem.exists() and pem.stat().st_size > 0)
            test.assertIn("PRIVATE KEY", pem.read_text())
            w.shot("launch")
            w.by_id("launch-submit").click()
            instance, _, ip1 = w.until_row("web", "running")
            test.assertRegex(ip1, r"^\d+\.\d+\.\d+\.\d+$")
            w.shot("instances")
            # Connect: the ssh command for this key, user and address, and port 22 open.
            w.go("#/connect/" + instance)
            command = w.wait.until(EC.presence_of_element_located((By.ID, "connect-command")))
            test.assertIn(f"ssh -i web-key.pem ec2-user@{ip1}", command.text)
            connect = w.wait.until(EC.presence_of_element_located((By.ID, "connect-verdict")))
            test.assertIn(words["allowed"], connect.text)
            w.shot("connect")
            # Reachability: SSH was allowed by the wizard's group, HTTP was not.
            w.go("#/reach")
            Select(w.by_id("probe-to")).select_by_value(instance)
            w.by_id("probe-submit").click()
            verdict = w.wait.until(EC.presence_of_element_located((By.ID, "probe-verdict")))
            test.assertTrue(verdict.text.startswith(words["allowed"]), verdict.text)
            port = w.by_id("probe-port")
            port.clear()
            port.send_keys("80")
            w.by_id("probe-submit").click()
            w.wait.until(lambda _: d.find_element(By.ID, "probe-verdict").text.startswith(words["blocked"]))
            test.assertIn(words["group"], d.find_element(By.ID, "probe-explanation").text)
            w.shot("reachability")
            w.go("#/instances")
            # Stop and start: the public address changes.
            w.select(instance)
            w.by_id("action-StopInstances").click()
            test.assertIn(words["stop"], w.by_id("confirm-title").text)
            w.confirm()
            _, _, gone = w.until_row("web", "stopped")
            test.assertEqual(gone, "")
            w.by_id("action-StartInstances").click()
            w.confirm()
            _, _, ip2 = w.until_row("web", "running")
            test.assertRegex(ip2, r"^\d+\.\d+\.\d+\.\d+$")
            test.assertNotEqual(ip1, ip2)
            # An Elastic IP, associated: it becomes the instance's public address.
            w.go("#/eips")
            w.by_id("allocate-eip").click()
            eip = w.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "td.eip-address"))).text
            w.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button.associate"))).click()
            w.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "button.disassociate")))
            w.shot("elastic-ip")
            w.go("#/instances")
            w.wait.until(lambda _: (r := w.row("web")) and r[2] == eip)
            # Terminate: the address stays, idle, and is billed.
            w.select(instance)
            w.by_id("action-TerminateInstances").click()
            w.confirm()
            w.until_row("web", "terminated")
            w.go("#/eips")
            idle = w.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".idle")))
            test.assertIn(words["idle"], idle.text)
            w.by_id("clock-1d").click()
            w.go("#/billing")
            total = w.wait.until(EC.presence_of_element_located((By.ID, "bill-total")))
            w.wait.until(lambda _: "IdleAddress" in d.find_element(By.ID, "main").text)
            test.assertIn("$", d.find_element(By.ID, "bill-other-rule").text)
            test.assertTrue(d.find_elements(By.CSS_SELECTOR, "#bill-chart .bar"))
            w.shot("billing")
            w.go("#/eips")
            w.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button.release"))).click()
            w.confirm()
            w.wait.until(lambda _: not d.find_elements(By.CSS_SELECTOR, "td.eip-address"))
            w.shot("released")
            test.assertEqual(d.find_element(By.TAG_NAME, "html").get_attribute("lang"), language)
        finally:
            w.close()


class InstanceListTest(unittest.TestCase):
    def test_a_long_list_shows_pages_of_fifty_and_counts_them_all(self):
        with harness.Server("--vcpu-quota", "200") as server:
            w = Walk(self, server, "en", pathlib.Path(tempfile.mkdtemp()))
            try:
                w.sign_in()
                w.d.execute_script(
                    "return EC2SIM.ec2('RunInstances', {ImageId: 'ami-0c9c942bd7bf113a2', "
                    "InstanceType: 't2.micro', MinCount: '60', MaxCount: '60'})")
                w.go("#/instances")
                w.wait.until(lambda d: d.find_element(By.ID, "instances-count").text == "1–50 of 60")
                rows = "#instances-table tbody tr"
                self.assertEqual(len(w.d.find_elements(By.CSS_SELECTOR, rows)), 50)
                self.assertFalse(w.by_id("page-next").get_attribute("disabled"))
                w.by_id("page-next").click()
                w.wait.until(lambda d: d.find_element(By.ID, "instances-count").text == "51–60 of 60")
                self.assertEqual(len(w.d.find_elements(By.CSS_SELECTOR, rows)), 10)
                self.assertTrue(w.d.find_element(By.ID, "page-next").get_attribute("disabled"))
            finally:
                w.close()


class StorageTest(unittest.TestCase):
    def test_a_volume_its_snapshot_and_an_instance_from_a_launch_template(self):
        with harness.Server() as server:
            w = Walk(self, server, "en", pathlib.Path(tempfile.mkdtemp()))
            try:
                w.sign_in()
                w.go("#/volumes")
                size = w.by_id("volume-size")
                size.clear()
                size.send_keys("20")
                w.d.find_element(By.CSS_SELECTOR, "#volume-form button[type=submit]").click()
                volume = w.wait.until(lambda d: d.execute_script(
                    "const c = document.querySelector('#volume-table tbody td');"
                    "return c && c.textContent.startsWith('vol-') && c.textContent"))
                w.go("#/snapshots")
                Select(w.by_id("snapshot-volume")).select_by_value(volume)
                w.by_id("snapshot-description").send_keys("before the upgrade")
                w.d.find_element(By.CSS_SELECTOR, "#snapshot-form button[type=submit]").click()
                w.wait.until(lambda d: "completed" in d.find_element(By.ID, "snapshot-table").text)
                self.assertIn("before the upgrade", w.d.find_element(By.ID, "snapshot-table").text)
                self.assertIn(volume, w.d.find_element(By.ID, "snapshot-table").text)
                w.shot("snapshots")
                w.d.execute_script(
                    "return EC2SIM.ec2('CreateLaunchTemplate', {LaunchTemplateName: 'web-template', "
                    "'LaunchTemplateData.ImageId': 'ami-0c9c942bd7bf113a2', "
                    "'LaunchTemplateData.InstanceType': 't2.micro'})")
                w.go("#/templates")
                w.wait.until(EC.element_to_be_clickable(
                    (By.CSS_SELECTOR, "button[aria-label='Launch instance from template web-template']"))).click()
                w.wait.until(lambda d: d.find_element(By.ID, "banner").text.startswith("Launched i-"))
                w.go("#/instances")
                w.wait.until(lambda d: d.execute_script(
                    "return document.querySelectorAll('#instances-table tbody tr').length") == 1)
                w.go("#/images")
                w.wait.until(lambda d: "ami-0c9c942bd7bf113a2" in d.find_element(By.ID, "main").text)
            finally:
                w.close()


class LessonsTest(unittest.TestCase):
    def test_the_lesson_beside_the_console_checks_its_goals_live(self):
        with harness.Server() as server:
            shots = pathlib.Path(os.environ.get("EC2SIM_SCREENSHOTS") or tempfile.mkdtemp())
            shots.mkdir(parents=True, exist_ok=True)
            w = Walk(self, server, "ko", shots)
            try:
                w.sign_in(region=None)
                w.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#side a[href='#/lessons']"))).click()
                w.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "a[href='#/lessons/1']"))).click()
                # Read in one script each time: the goals redraw themselves every few seconds.
                stopped = "#goals-pay-per-use li[data-goal='study-stopped']"
                goal = ("const g = document.querySelector(arguments[0]);"
                        "return g ? [g.className, g.textContent] : ['', ''];")
                w.wait.until(lambda d: "goal-missed" in d.execute_script(goal, stopped)[0])
                self.assertIn("힌트", w.d.execute_script(goal, stopped)[1])
                w.shot("lesson")
                # The learner works (here through the page's own API door); the goal follows.
                w.d.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "EC2SIM.ec2('RunInstances', {ImageId: 'ami-0c9c942bd7bf113a2', InstanceType: 't2.micro',"
                    " MinCount: '1', MaxCount: '1', 'TagSpecification.1.ResourceType': 'instance',"
                    " 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': 'study'},"
                    " 'ap-northeast-2').then(r => EC2SIM.ec2('StopInstances',"
                    " {'InstanceId.1': r.instancesSet[0].instanceId}, 'ap-northeast-2')).then(() => done())")
                w.wait.until(lambda d: "goal-met" in d.execute_script(goal, stopped)[0])
            finally:
                w.close()


class ClassroomTest(unittest.TestCase):
    def test_a_teacher_sees_and_resets_a_learners_account_a_learner_has_no_class_page(self):
        users = [{"access_key_id": "AKIAALICE0000001", "secret_access_key": "alice-secret",
                  "account_id": "111111111111", "name": "alice"},
                 {"access_key_id": "AKIATEACHER00003", "secret_access_key": "teacher-secret",
                  "account_id": "999999999999", "name": "teacher", "admin": True}]
        folder = pathlib.Path(tempfile.mkdtemp())
        (folder / "users.json").write_text(json.dumps({"users": users}))
        with harness.Server("--users", str(folder / "users.json")) as server:
            alice = Walk(self, server, "en", folder)
            try:
                alice.d.get(server.url + "/console/")
                alice.by_id("signin-key").send_keys("AKIAALICE0000001")
                alice.by_id("signin-secret").send_keys("wrong")
                alice.by_id("signin-submit").click()
                alice.wait.until(lambda d: "AuthFailure" in d.find_element(By.ID, "signin-error").text)
                alice.d.find_element(By.ID, "signin-secret").clear()
                alice.by_id("signin-secret").send_keys("alice-secret")
                alice.by_id("signin-submit").click()
                Select(alice.by_id("region")).select_by_value(SEOUL)
                self.assertFalse(alice.d.find_elements(By.CSS_SELECTOR, "#side a[href='#/class']"))
                self.assertNotIn("false", alice.d.find_element(By.ID, "side").text)
                alice.d.execute_script(
                    "return EC2SIM.ec2('RunInstances', {ImageId: 'ami-0c9c942bd7bf113a2', "
                    "InstanceType: 't2.micro', MinCount: '1', MaxCount: '1'})")
            finally:
                alice.close()
            teacher = Walk(self, server, "en", folder)
            try:
                teacher.d.get(server.url + "/console/")
                teacher.by_id("signin-key").send_keys("AKIATEACHER00003")
                teacher.by_id("signin-secret").send_keys("teacher-secret")
                teacher.by_id("signin-submit").click()
                teacher.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#side a[href='#/class']"))).click()
                reset = teacher.wait.until(EC.element_to_be_clickable(
                    (By.CSS_SELECTOR, "button[aria-label='Reset account 111111111111']")))
                self.assertIn("alice", teacher.d.find_element(By.ID, "main").text)
                teacher.shot("class")
                state = ("const done = arguments[arguments.length - 1];"
                         "EC2SIM.admin('state?account=111111111111')"
                         ".then(s => done(JSON.stringify(s)), e => done('error ' + e.code))")
                before = teacher.d.execute_async_script(state)
                self.assertRegex(before, r'"i-[0-9a-f]+')
                reset.click()
                teacher.confirm()
                teacher.wait.until(lambda d: not re.search(r'"i-[0-9a-f]+',
                                                           d.execute_async_script(state)))
                self.assertFalse(teacher.d.execute_async_script(state).startswith("error"))
            finally:
                teacher.close()


class BlogPostWalkTest(unittest.TestCase):
    def test_english(self):
        walk(self, "en", {"signin": "Sign in", "once": "only once", "stop": "Stop instance",
                          "idle": "Not associated", "allowed": "Allowed", "blocked": "Blocked",
                          "group": "security group"})

    def test_korean(self):
        walk(self, "ko", {"signin": "로그인", "once": "한 번만", "stop": "중지",
                          "idle": "연결 안 됨", "allowed": "허용됨", "blocked": "차단됨",
                          "group": "보안 그룹"})


if __name__ == "__main__":
    unittest.main()
