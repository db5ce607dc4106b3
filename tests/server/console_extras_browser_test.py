"""The console's pages beyond the real one, clicked in headless Chromium: the clock paused (time
stands still) and sped up, +1 day moving the bill; the latency map with a row for Seoul; a
Reachability path drawn as a picture with the blocking component marked; the class page showing
two learners' lesson progress after one meets a goal. Screenshots go to EC2SIM_SCREENSHOTS."""

import json
import os
import re
import pathlib
import tempfile
import time
import unittest

import harness
from console_browser_test import SEOUL, Walk  # exits with harness.SKIP without Selenium

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

AMI = "ami-0c9c942bd7bf113a2"
# Launches an instance of type arguments[0] in Seoul through the page's own API door.
RUN = ("const done = arguments[arguments.length - 1];"
       "EC2SIM.ec2('RunInstances', {ImageId: '" + AMI + "', InstanceType: arguments[0],"
       " MinCount: '1', MaxCount: '1'}, 'ap-northeast-2')"
       ".then(r => done(r.instancesSet[0].instanceId), e => done('error ' + e.code))")


def shots_dir():
    shots = pathlib.Path(os.environ.get("EC2SIM_SCREENSHOTS") or tempfile.mkdtemp())
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def text_of(d, selector):
    """An element's text read in one script (the clock and tables redraw themselves)."""
    return d.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", selector)


def sign_in(w, url, key, secret=None):
    w.d.get(url + "/console/")
    w.by_id("signin-key").send_keys(key)
    if secret:
        w.by_id("signin-secret").send_keys(secret)
    w.by_id("signin-submit").click()
    Select(w.by_id("region")).select_by_value(SEOUL)


class ExtrasTest(unittest.TestCase):
    def test_the_clock_pauses_speeds_up_and_a_day_moves_the_bill(self):
        with harness.Server("--clock", "wall") as server:
            w = Walk(self, server, "en", shots_dir())
            w.language = "extras-en"
            try:
                sign_in(w, server.url, "clock-learner")
                # Not a free-tier type: its hours show on the bill.
                self.assertRegex(w.d.execute_async_script(RUN, "m5.large"), r"^i-")
                w.by_id("clock-pause").click()
                w.wait.until(lambda d: d.find_element(By.ID, "clock-pause").get_attribute("aria-pressed") == "true")
                self.assertEqual(w.d.find_element(By.ID, "clock-pause").text, "Resume")
                before = text_of(w.d, "#clock-time")
                time.sleep(1.5)  # the top bar redraws every second; a paused clock shows the same
                self.assertEqual(text_of(w.d, "#clock-time"), before)
                w.go("#/billing")
                w.wait.until(EC.presence_of_element_located((By.ID, "bill-total")))
                amount = lambda d: (re.search(r"\$[0-9.]+", text_of(d, "#bill-total") or "") or [None])[0]
                bill = amount(w.d)
                w.by_id("clock-1d").click()
                w.wait.until(lambda d: amount(d) not in (None, bill))
                self.assertGreater(float(amount(w.d)[1:]), float(bill[1:]))
                w.wait.until(lambda d: text_of(d, "#clock-time")[:10] != before[:10])
                w.shot("bill-after-a-day")
                # An hour a second, running again: a few seconds of wall time move hours.
                Select(w.by_id("clock-speed")).select_by_value("3600")
                w.by_id("clock-pause").click()
                w.wait.until(lambda d: d.find_element(By.ID, "clock-pause").get_attribute("aria-pressed") == "false")
                state = json.loads(server.request("GET", "/_ec2sim/clock")[1])
                self.assertEqual((state["speed"], state["paused"]), (3600, False))
                start = state["epoch_ms"]
                w.wait.until(lambda _: json.loads(server.request("GET", "/_ec2sim/clock")[1])["epoch_ms"]
                             - start >= 3600_000)
            finally:
                w.close()

    def test_the_latency_map_and_the_path_as_a_picture(self):
        with harness.Server() as server:
            w = Walk(self, server, "ko", shots_dir())
            w.language = "extras-ko"
            try:
                sign_in(w, server.url, "map-learner")
                w.go("#/latency")
                w.wait.until(EC.presence_of_element_located(
                    (By.CSS_SELECTOR, "#latency-table tr[data-region='ap-northeast-2']")))
                first = w.d.execute_script(
                    "return document.querySelector('#latency-table tbody tr').dataset.region")
                self.assertEqual(first, "ap-northeast-2", "Seoul's own region is the nearest")
                w.wait.until(lambda d: d.execute_script(
                    "const i = document.getElementById('latency-map-img'); return i && i.complete && i.naturalWidth > 0"))
                self.assertIn("서울", w.d.find_element(By.ID, "latency-map-img").get_attribute("alt"))
                svg = w.d.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "fetch('api/admin/latency-map?from=Seoul&lang=ko', {headers: {'X-Ec2sim-Csrf': EC2SIM.session.csrf}})"
                    ".then(r => r.text()).then(done)")
                self.assertIn("<title>Seoul에서", svg)
                self.assertIn("왕복", svg)
                w.shot("latency-map")
                # The default group lets nothing in from the internet: HTTP is blocked there.
                instance = w.d.execute_async_script(RUN, "t2.micro")
                w.go("#/reach")
                Select(w.by_id("probe-to")).select_by_value(instance)
                port = w.by_id("probe-port")
                port.clear()
                port.send_keys("80")
                w.by_id("probe-submit").click()
                w.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#probe-picture .path-blocked")))
                boxes = w.d.execute_script(
                    "return Array.from(document.querySelectorAll('#probe-picture .path-box'))"
                    ".map(g => [g.dataset.kind, g.classList.contains('path-blocked'), g.textContent]);")
                blocked = [b for b in boxes if b[1]]
                self.assertEqual([b[0] for b in blocked], ["보안 그룹"], boxes)
                self.assertIn("여기서 차단", blocked[0][2])
                self.assertIn(f"{instance}:80", boxes[-1][2])
                self.assertIn("도달하지 못함", boxes[-1][2])
                self.assertIn("보안 그룹", text_of(w.d, "#probe-picture-desc"))
                w.shot("reachability-picture")
            finally:
                w.close()

    def test_the_class_page_shows_each_learners_lesson_progress(self):
        users = [{"access_key_id": "AKIAALICE0000001", "secret_access_key": "alice-secret",
                  "account_id": "111111111111", "name": "alice"},
                 {"access_key_id": "AKIABOB000000002", "secret_access_key": "bob-secret",
                  "account_id": "222222222222", "name": "bob"},
                 {"access_key_id": "AKIATEACHER00003", "secret_access_key": "teacher-secret",
                  "account_id": "999999999999", "name": "teacher", "admin": True}]
        folder = pathlib.Path(tempfile.mkdtemp())
        (folder / "users.json").write_text(json.dumps({"users": users}))
        with harness.Server("--users", str(folder / "users.json")) as server:
            alice = Walk(self, server, "en", shots_dir())
            try:
                sign_in(alice, server.url, "AKIAALICE0000001", "alice-secret")
                # Lesson 1's "study server stopped" goal: launch a server named study, stop it.
                alice.d.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "EC2SIM.ec2('RunInstances', {ImageId: '" + AMI + "', InstanceType: 't2.micro',"
                    " MinCount: '1', MaxCount: '1', 'TagSpecification.1.ResourceType': 'instance',"
                    " 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': 'study'},"
                    " 'ap-northeast-2').then(r => EC2SIM.ec2('StopInstances',"
                    " {'InstanceId.1': r.instancesSet[0].instanceId}, 'ap-northeast-2')).then(() => done())")
                # A learner reads only their own progress.
                refused = alice.d.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "EC2SIM.admin('lessons/progress?account=222222222222').then(() => done('ok'), e => done(e.code))")
                self.assertEqual(refused, "UnauthorizedOperation")
                # Her own progress counts the goal once the server has stopped.
                own = ("const done = arguments[arguments.length - 1];"
                       "EC2SIM.admin('lessons/progress').then(p => done(p.accounts[0].met))")
                alice.wait.until(lambda d: d.execute_async_script(own) > 0)
            finally:
                alice.close()
            teacher = Walk(self, server, "en", shots_dir())
            teacher.language = "extras-class"
            try:
                sign_in(teacher, server.url, "AKIATEACHER00003", "teacher-secret")
                teacher.go("#/class")
                met = ("const e = document.querySelector(`tr[data-account='${arguments[0]}'] .progress`);"
                       "return e ? [Number(e.dataset.met), Number(e.dataset.total), e.textContent] : null;")
                teacher.wait.until(lambda d: d.execute_script(met, "111111111111"))
                alice_p = teacher.d.execute_script(met, "111111111111")
                bob_p = teacher.d.execute_script(met, "222222222222")
                self.assertGreater(alice_p[0], 0, alice_p)
                self.assertEqual(bob_p[0], 0, bob_p)
                self.assertEqual(alice_p[1], bob_p[1])
                self.assertIn(f"{alice_p[0]} of {alice_p[1]} goals", alice_p[2])
                teacher.shot("class-progress")
            finally:
                teacher.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
