"""The browser console's server side (/console/): embedded pages, sign-in sessions in open and
classroom mode, the anti-forgery token, cross-site refusals, and that a learner's session reaches
only the learner's own account through both doors (EC2 Query API and admin routes)."""

import json
import os
import pathlib
import re
import tempfile
import unittest
import urllib.parse

import harness

USERS = [
    {"access_key_id": "AKIAALICE0000001", "secret_access_key": "alice-secret",
     "account_id": "111111111111", "name": "alice"},
    {"access_key_id": "AKIABOB000000002", "secret_access_key": "bob-secret",
     "account_id": "222222222222", "name": "bob"},
    {"access_key_id": "AKIATEACHER00003", "secret_access_key": "teacher-secret",
     "account_id": "999999999999", "name": "teacher", "admin": True},
]
AMI = "ami-0c9c942bd7bf113a2"


class Console:
    """A browser's view of one server: a cookie jar of one cookie and the session's token."""

    def __init__(self, server):
        self.server = server
        self.cookie = None
        self.csrf = None

    def request(self, method, path, body=None, headers=None, csrf=True):
        h = dict(headers or {})
        if self.cookie:
            h["Cookie"] = self.cookie
        if csrf and self.csrf:
            h["X-Ec2sim-Csrf"] = self.csrf
        return self.server.request(method, path, body=body, headers=h)

    def sign_in(self, key="", secret=""):
        body = urllib.parse.urlencode({"access_key": key, "secret_key": secret})
        status, text, headers = self.request(
            "POST", "/console/api/session", body,
            {"Content-Type": "application/x-www-form-urlencoded"})
        if status == 200:
            self.cookie = headers["Set-Cookie"].split(";")[0]
            self.csrf = json.loads(text)["csrf"]
        return status, json.loads(text), headers

    def ec2(self, params, region="ap-northeast-2", csrf=True):
        body = urllib.parse.urlencode({"Version": "2016-11-15", **params})
        return self.request("POST", f"/console/api/ec2?region={region}", body,
                            {"Content-Type": "application/x-www-form-urlencoded"}, csrf)


class OpenModeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_root_redirects_to_the_console(self):
        status, _, headers = self.server.request("GET", "/")
        self.assertEqual(status, 302)
        self.assertEqual(headers["Location"], "/console/")

    def test_the_page_and_its_scripts_are_served_offline_with_a_strict_policy(self):
        status, html, headers = self.server.request("GET", "/console/")
        self.assertEqual(status, 200)
        self.assertIn("text/html", headers["Content-Type"])
        self.assertIn("default-src 'self'", headers["Content-Security-Policy"])
        self.assertEqual(headers["X-Frame-Options"], "DENY")
        scripts = re.findall(r'src="([^"]+)"', html)
        # Every script of the assets directory is loaded, strings and core first, and served from
        # the binary.
        assets = pathlib.Path(__file__).resolve().parents[2] / "sim/server/console/assets"
        self.assertEqual(sorted(scripts), sorted(p.name for p in assets.glob("*.js")))
        self.assertEqual(scripts[:2], ["i18n.js", "console.js"])
        for src in scripts + ["console.css"]:
            status, text, headers = self.server.request("GET", "/console/" + src)
            self.assertEqual(status, 200, src)
            # Namespace names, never fetched: EC2's XML and the SVG drawn by the page.
            names = ("http://ec2.amazonaws.com", "http://www.w3.org/2000/svg")
            self.assertNotIn("http://", re.sub("|".join(map(re.escape, names)), "", text), src)
            self.assertNotIn("https://", text, src)
        status, _, _ = self.server.request("GET", "/console/nothing.js")
        self.assertEqual(status, 404)

    def test_the_ec2_query_api_at_root_still_answers(self):
        status, text, _ = self.server.request("GET", "/?Action=DescribeRegions&Version=2016-11-15")
        self.assertEqual(status, 200)
        self.assertIn("<DescribeRegionsResponse", text)

    def test_signed_out_calls_are_refused_and_the_mode_is_told(self):
        c = Console(self.server)
        status, text, _ = c.request("GET", "/console/api/session")
        self.assertEqual(status, 401)
        self.assertEqual(json.loads(text)["mode"], "open")
        status, text, _ = c.ec2({"Action": "DescribeInstances"})
        self.assertEqual(status, 401)
        self.assertEqual(json.loads(text)["error"]["code"], "Ec2sim.SignedOut")

    def test_open_sign_in_without_a_key_uses_the_default_account(self):
        c = Console(self.server)
        status, body, headers = c.sign_in()
        self.assertEqual(status, 200)
        self.assertEqual(body["account"], "123456789012")
        cookie = headers["Set-Cookie"]
        for attribute in ("HttpOnly", "SameSite=Strict", "Path=/console/", "Max-Age=43200"):
            self.assertIn(attribute, cookie)
        self.assertRegex(body["csrf"], r"^[0-9a-f]{64}$")

    def test_open_sign_in_with_a_key_uses_that_keys_account(self):
        c = Console(self.server)
        status, body, _ = c.sign_in("learner1")
        self.assertEqual(body["account"], harness.account_of("learner1"))
        status, _, _ = c.ec2({"Action": "RunInstances", "ImageId": AMI, "InstanceType": "t2.micro",
                              "MinCount": "1", "MaxCount": "1"})
        self.assertEqual(status, 200)
        status, text, _ = c.ec2({"Action": "DescribeInstances"})
        self.assertIn(f"<ownerId>{harness.account_of('learner1')}</ownerId>", text)
        status, _, _ = Console(self.server).sign_in("bad key/with slash")
        self.assertEqual(status, 400)

    def test_a_call_without_the_anti_forgery_token_changes_nothing(self):
        c = Console(self.server)
        c.sign_in("forgery")
        status, text, _ = c.ec2({"Action": "AllocateAddress", "Domain": "vpc"}, csrf=False)
        self.assertEqual(status, 403)
        self.assertEqual(json.loads(text)["error"]["code"], "Ec2sim.CsrfTokenMismatch")
        c2 = Console(self.server)
        c2.cookie, c2.csrf = c.cookie, "0" * 64
        status, _, _ = c2.ec2({"Action": "AllocateAddress", "Domain": "vpc"})
        self.assertEqual(status, 403)
        status, text, _ = c.ec2({"Action": "DescribeAddresses"})
        self.assertNotIn("<publicIp>", text)

    def test_a_cross_site_post_is_refused_even_with_the_token(self):
        c = Console(self.server)
        c.sign_in("crosssite")
        body = urllib.parse.urlencode({"Action": "AllocateAddress", "Version": "2016-11-15"})
        for header in ({"Origin": "http://attacker.example"}, {"Sec-Fetch-Site": "cross-site"}):
            status, text, _ = c.request("POST", "/console/api/ec2", body, header)
            self.assertEqual(status, 403, header)
            self.assertEqual(json.loads(text)["error"]["code"], "Ec2sim.CrossSiteRequest")
        status, _, _ = c.request("POST", "/console/api/ec2", body,
                                 {"Origin": f"http://127.0.0.1:{self.server.port}",
                                  "Host": f"127.0.0.1:{self.server.port}"})
        self.assertEqual(status, 200)

    def test_admin_routes_act_on_the_sessions_account_and_sign_out_ends_it(self):
        c = Console(self.server)
        c.sign_in("clockuser")
        status, text, _ = c.request("GET", "/console/api/admin/bill")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(text)["AccountId"], harness.account_of("clockuser"))
        status, _, _ = c.request("POST", "/console/api/signout")
        self.assertEqual(status, 200)
        status, _, _ = c.request("GET", "/console/api/admin/bill")
        self.assertEqual(status, 401)

    def test_my_ip_is_a_fixed_documentation_address_of_the_account(self):
        addresses = {}
        for key in ("", "learner-a", "learner-b", ""):
            c = Console(self.server)
            status, body, _ = c.sign_in(key)
            self.assertEqual(status, 200)
            self.assertRegex(body["my_ip"], r"^198\.51\.100\.([1-9]|[1-9]\d|1\d\d|2[0-4]\d|25[0-4])$")
            addresses.setdefault(body["account"], set()).add(body["my_ip"])
            status, text, _ = c.request("GET", "/console/api/session")
            self.assertEqual(json.loads(text)["my_ip"], body["my_ip"])
        self.assertEqual(len(addresses["123456789012"]), 1)  # the same on every sign-in
        self.assertEqual(len({ip for ips in addresses.values() for ip in ips}), len(addresses))

    def test_prices_of_a_region_as_the_bill_charges_them(self):
        c = Console(self.server)
        c.sign_in("prices")
        status, text, _ = c.request("GET", "/console/api/admin/prices?region=ap-northeast-2")
        self.assertEqual(status, 200)
        body = json.loads(text)
        self.assertEqual((body["region"], body["hours_per_month"]), ("ap-northeast-2", 730))
        t2 = [p for p in body["prices"] if p["instance_type"] == "t2.micro"][0]
        self.assertEqual(t2["micro_usd_per_hour"], 14400)  # $0.0144 per hour in Seoul
        self.assertFalse(t2["estimated"])
        # The hourly meters beside instances, as the bill charges them.
        self.assertEqual(body["public_ipv4_micro_usd_per_hour"], 5000)  # $0.005 per hour
        self.assertEqual(body["nat_gateway"], {"micro_usd_per_hour": 59000, "micro_usd_per_gb": 59000,
                                               "estimated": False})  # $0.059 in Seoul
        status, text, _ = c.request("GET", "/console/api/admin/prices?region=xx-nowhere-1")
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(text)["error"]["code"], "InvalidParameterValue")

    def test_lessons_are_listed_and_checked_on_the_sessions_account(self):
        c = Console(self.server)
        c.sign_in("lessons")
        status, text, _ = c.request("GET", "/console/api/admin/lessons?lang=ko")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(text)[0]["lesson"], 1)
        check = "/console/api/admin/lessons/1/check?exercise=pay-per-use"

        def goal(name):
            status, text, _ = c.request("POST", check)
            self.assertEqual(status, 200, text)
            return [g for g in json.loads(text)["goals"] if g["id"] == name][0]["status"]

        self.assertEqual(goal("study-stopped"), "missed")
        status, text, _ = c.ec2({"Action": "RunInstances", "ImageId": AMI, "InstanceType": "t2.micro",
                                 "MinCount": "1", "MaxCount": "1",
                                 "TagSpecification.1.ResourceType": "instance",
                                 "TagSpecification.1.Tag.1.Key": "Name",
                                 "TagSpecification.1.Tag.1.Value": "study"})
        instance = re.search(r"<instanceId>(i-[0-9a-f]+)</instanceId>", text).group(1)
        c.ec2({"Action": "StopInstances", "InstanceId.1": instance})
        self.assertEqual(goal("study-stopped"), "met")
        status, _, _ = c.request("GET", "/console/api/admin/lessons/99")
        self.assertEqual(status, 404)
        status, _, _ = c.request("GET", "/console/api/admin/lessons/1?lang=fr")
        self.assertEqual(status, 400)

    def test_secrets_and_tokens_stay_out_of_the_request_log(self):
        c = Console(self.server)
        c.sign_in("logcheck", "a-secret-that-must-not-be-logged")
        c.ec2({"Action": "DescribeInstances"})
        log = self.server.server_log()
        self.assertNotIn("a-secret-that-must-not-be-logged", log)
        self.assertNotIn(c.csrf, log)
        self.assertNotIn(c.cookie.split("=")[1], log)


class ClassroomTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        users = os.path.join(cls.dir.name, "users.json")
        with open(users, "w") as f:
            json.dump({"users": USERS}, f)
        cls.server = harness.Server("--users", users).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.dir.cleanup()

    def test_sign_in_needs_the_right_secret_and_says_no_more(self):
        wrong = Console(self.server).sign_in("AKIAALICE0000001", "nope")
        unknown = Console(self.server).sign_in("AKIANOBODY000000", "nope")
        self.assertEqual(wrong[0], 401)
        self.assertEqual(wrong[1], unknown[1])
        status, body, _ = Console(self.server).sign_in("AKIAALICE0000001", "alice-secret")
        self.assertEqual((status, body["account"], body["mode"]), (200, "111111111111", "classroom"))

    def test_a_learner_reaches_only_their_own_account(self):
        alice, bob = Console(self.server), Console(self.server)
        alice.sign_in("AKIAALICE0000001", "alice-secret")
        bob.sign_in("AKIABOB000000002", "bob-secret")
        status, text, _ = alice.ec2({"Action": "RunInstances", "ImageId": AMI,
                                     "InstanceType": "t2.micro", "MinCount": "1", "MaxCount": "1"})
        self.assertEqual(status, 200)
        instance = re.search(r"<instanceId>(i-[0-9a-f]+)</instanceId>", text).group(1)
        status, text, _ = bob.ec2({"Action": "DescribeInstances"})
        self.assertNotIn(instance, text)
        status, text, _ = bob.ec2({"Action": "TerminateInstances", "InstanceId.1": instance})
        self.assertEqual(status, 400)
        self.assertIn("InvalidInstanceID.NotFound", text)
        # The admin doors: another account's bill and state are the teacher's alone.
        status, _, _ = bob.request("GET", "/console/api/admin/bill?account=111111111111")
        self.assertEqual(status, 403)
        status, _, _ = bob.request("GET", "/console/api/admin/state?account=111111111111")
        self.assertEqual(status, 403)
        status, _, _ = bob.request("POST", "/console/api/admin/reset?account=111111111111")
        self.assertEqual(status, 403)
        status, text, _ = alice.ec2({"Action": "DescribeInstances"})
        self.assertIn(instance, text)

    def test_a_learner_may_read_prices(self):
        alice = Console(self.server)
        alice.sign_in("AKIAALICE0000001", "alice-secret")
        status, _, _ = alice.request("GET", "/console/api/admin/prices")
        self.assertEqual(status, 200)

    def test_a_learner_checks_lessons_on_their_own_account_only(self):
        bob = Console(self.server)
        bob.sign_in("AKIABOB000000002", "bob-secret")
        status, _, _ = bob.request("POST", "/console/api/admin/lessons/1/check?exercise=pay-per-use")
        self.assertEqual(status, 200)
        status, _, _ = bob.request(
            "POST", "/console/api/admin/lessons/1/check?exercise=pay-per-use&account=111111111111")
        self.assertEqual(status, 403)

    def test_a_teacher_sees_the_class(self):
        teacher = Console(self.server)
        status, body, _ = teacher.sign_in("AKIATEACHER00003", "teacher-secret")
        self.assertTrue(body["admin"])
        status, text, _ = teacher.request("GET", "/console/api/admin/accounts")
        self.assertEqual(status, 200)
        self.assertIn("111111111111", text)


if __name__ == "__main__":
    unittest.main()
