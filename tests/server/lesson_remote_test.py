"""Lessons checked against a running `ec2sim serve`: a learner does lesson 3 with the real AWS
CLI, `ec2sim lesson check 3 --endpoint URL` grades that learner's account, a learner who did
nothing gets the hints, and `ec2sim lesson progress --endpoint URL` shows the class; on a
classroom server (--users) both sign with the AWS CLI's credentials, a learner reads only their
own account and only the teacher sees the class. Also the admin route the checker reads
through, POST /_ec2sim/call, and its answers to bad input.
"""

import json
import os
import re
import tempfile
import unittest

import harness

AMI = "ami-0c9c942bd7bf113a2"  # Amazon Linux 2023 in ap-northeast-2 (docs/catalog.md)
LESSON3 = harness.ROOT / "lessons" / "03-launch-your-first-instance" / "exercises.json"
DONE_KEY = "AKIDLEARNERDONE"
IDLE_KEY = "AKIDLEARNERIDLE"


def lesson3_goals():
    """Lesson 3's first exercise as written in the course: goal id -> goal."""
    exercise = json.loads(LESSON3.read_text())["exercises"][0]
    return {g["id"]: g for g in exercise["goals"]}


def ec2sim(*args, env=None):
    return harness.run_binary(*args, env=env)


class LessonOverServer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server("--quiet").__enter__()
        # The learner follows lesson 3 with the AWS CLI: a key pair, then one free-tier server
        # named web launched with it, in Seoul (the CLI's region).
        aws = harness.Aws(cls.server, access_key=DONE_KEY)
        aws.ok("create-key-pair", "--key-name", "my-first-key")
        run = aws.ok("run-instances", "--image-id", AMI, "--instance-type", "t2.micro",
                     "--count", "1", "--key-name", "my-first-key", "--tag-specifications",
                     "ResourceType=instance,Tags=[{Key=Name,Value=web}]")
        iid = run["Instances"][0]["InstanceId"]
        aws.ok("wait", "instance-running", "--instance-ids", iid)
        cls.done_account = run["OwnerId"]

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def check(self, *extra, env=None):
        return ec2sim("lesson", "check", "3", "--endpoint", self.server.url, *extra, env=env)

    def test_learner_who_did_the_exercise_meets_every_goal(self):
        # The key comes from the AWS CLI's own environment: no flag needed.
        code, out, err = self.check(env={"AWS_ACCESS_KEY_ID": DONE_KEY})
        self.assertEqual(code, 0, out + err)
        for goal in lesson3_goals().values():
            self.assertRegex(out, r"\[met\]\s+" + re.escape(goal["title"]["en"]))
        self.assertNotIn("[missed]", out)

    def test_learner_who_did_nothing_misses_the_first_goal_with_its_hint(self):
        goals = lesson3_goals()
        code, out, err = self.check("--access-key", IDLE_KEY, "--output", "json")
        self.assertEqual(code, 1, out + err)
        report = json.loads(out)
        status = {g["id"]: g["status"] for g in report["goals"]}
        self.assertEqual(status["named-web"], "missed")
        # The other goals need a server named web first, so they wait rather than add hints.
        self.assertEqual({s for gid, s in status.items() if gid != "named-web"}, {"waiting"})
        missed = [g for g in report["goals"] if g["id"] == "named-web"][0]
        self.assertEqual(missed["hint"], goals["named-web"]["hint"]["en"])
        self.assertEqual((report["met"], report["total"]), (0, len(goals)))
        code, out, _ = self.check("--access-key", IDLE_KEY)
        self.assertEqual(code, 1)
        self.assertIn("[missed]", out)
        self.assertIn("Hint: ", out)

    def test_key_from_an_aws_cli_profile(self):
        with tempfile.NamedTemporaryFile("w", suffix=".ini") as creds:
            creds.write(f"[default]\naws_access_key_id = {IDLE_KEY}\n\n"
                        f"[ec2sim]\naws_access_key_id = {DONE_KEY}\n"
                        "aws_secret_access_key = anything\n")
            creds.flush()
            env = {"AWS_SHARED_CREDENTIALS_FILE": creds.name}
            self.assertEqual(self.check("--profile", "ec2sim", env=env)[0], 0)
            self.assertEqual(self.check(env={**env, "AWS_PROFILE": "ec2sim"})[0], 0)
            # The default profile names the idle learner's (empty) account.
            self.assertEqual(self.check(env=env)[0], 1)
            code, _, err = self.check("--profile", "nobody", env=env)
            self.assertEqual(code, 2)
            self.assertIn("profile nobody", err)

    def test_teacher_checks_an_account_by_id(self):
        code, out, err = self.check("--account", self.done_account)
        self.assertEqual(code, 0, out + err)
        code, _, err = self.check("--account", "000000000001")
        self.assertEqual(code, 2)
        self.assertIn("no account 000000000001", err)
        code, _, err = self.check("--account", "12")
        self.assertEqual(code, 2)
        self.assertIn("12 digits", err)

    def test_progress_lists_every_account_with_goals_met_per_lesson(self):
        # The idle learner's account exists once it has been checked.
        self.check("--access-key", IDLE_KEY)
        goals = len(lesson3_goals())
        code, out, err = ec2sim("lesson", "progress", "--endpoint", self.server.url,
                                "--output", "json")
        self.assertEqual(code, 0, err)
        rows = {r["account"]: r for r in json.loads(out)["accounts"]}
        idle_account = harness.account_of(IDLE_KEY)
        self.assertEqual(sorted(rows), sorted([self.done_account, idle_account]))
        self.assertEqual(rows[self.done_account]["access_keys"], [DONE_KEY])
        self.assertEqual(rows[idle_account]["access_keys"], [IDLE_KEY])

        def lesson3(row):
            return [l for l in row["lessons"] if l["lesson"] == 3][0]

        self.assertEqual((lesson3(rows[self.done_account])["met"],
                          lesson3(rows[self.done_account])["total"]), (goals, goals))
        self.assertEqual(lesson3(rows[idle_account])["met"], 0)
        self.assertEqual(lesson3(rows[idle_account])["goals"]["named-web"], "missed")
        for row in rows.values():
            self.assertEqual(len({l["lesson"] for l in row["lessons"]}), 10)
            self.assertEqual(row["met"], sum(l["met"] for l in row["lessons"]))
            self.assertEqual(row["total"], sum(l["total"] for l in row["lessons"]))
        # Some goals are about what is absent (no idle Elastic IP), so an empty account meets
        # those; they count only for a lesson the learner has started.
        self.assertEqual(rows[idle_account]["met"], 0)
        self.assertFalse(any(l["started"] for l in rows[idle_account]["lessons"]))
        self.assertTrue(lesson3(rows[self.done_account])["started"])

        code, table, err = ec2sim("lesson", "progress", "--endpoint", self.server.url)
        self.assertEqual(code, 0, err)
        lines = table.splitlines()
        header = lines[0].split()
        self.assertEqual(header[:3], ["NAME", "ACCOUNT", "L1"])
        self.assertEqual(len(lines), 3)
        l3 = header.index("L3")
        by_account = {line.split()[1]: line.split() for line in lines[1:]}
        self.assertEqual(by_account[self.done_account][0], "-", "an open server has no names")
        self.assertEqual(by_account[self.done_account][l3], f"{goals}/{goals}")
        self.assertEqual(by_account[idle_account][l3], "-", "not started")
        self.assertEqual(by_account[self.done_account][-1], DONE_KEY)
        total = rows[self.done_account]
        self.assertEqual(by_account[self.done_account][-2], f"{total['met']}/{total['total']}")

    def test_nothing_listening_is_a_clear_error(self):
        with harness.Server("--quiet") as other:
            url = other.url
        code, _, err = ec2sim("lesson", "check", "3", "--endpoint", url, "--access-key", "k")
        self.assertEqual(code, 2)
        self.assertIn(url, err)
        self.assertIn("nothing answers", err)
        code, _, err = ec2sim("lesson", "progress", "--endpoint", url)
        self.assertEqual(code, 2)
        self.assertIn(url, err)
        code, _, err = ec2sim("lesson", "progress", "--endpoint", "localhost:4566")
        self.assertEqual(code, 2)
        self.assertIn("http://", err)


USERS = [
    {"access_key_id": "AKIAALICE0000001", "secret_access_key": "alice-secret/1+x",
     "account_id": "111111111111", "name": "alice"},
    {"access_key_id": "AKIABOB000000002", "secret_access_key": "bob-secret",
     "account_id": "222222222222", "name": "bob"},
    {"access_key_id": "AKIATEACHER00003", "secret_access_key": "teacher-secret",
     "account_id": "999999999999", "name": "teacher", "admin": True},
]
ALICE, BOB, TEACHER = USERS


def env_of(user):
    """The AWS CLI's environment variables for one user of the users file."""
    return {"AWS_ACCESS_KEY_ID": user["access_key_id"],
            "AWS_SECRET_ACCESS_KEY": user["secret_access_key"]}


class ClassroomServer(unittest.TestCase):
    """`ec2sim serve --users FILE`: checks and progress sign with the AWS CLI's credentials."""

    @classmethod
    def setUpClass(cls):
        if "--users" not in ec2sim("serve", "--help")[1]:
            raise unittest.SkipTest("this build has no classroom mode")
        cls.tmp = tempfile.TemporaryDirectory()
        users = os.path.join(cls.tmp.name, "users.json")
        with open(users, "w") as f:
            json.dump({"users": USERS}, f)
        cls.server = harness.Server("--quiet", "--users", users).__enter__()
        # Alice does lesson 3 with the AWS CLI, signed with her own key and secret.
        aws = harness.Aws(cls.server, access_key=ALICE["access_key_id"])
        aws.env["AWS_SECRET_ACCESS_KEY"] = ALICE["secret_access_key"]
        aws.ok("create-key-pair", "--key-name", "my-first-key")
        run = aws.ok("run-instances", "--image-id", AMI, "--instance-type", "t2.micro",
                     "--count", "1", "--key-name", "my-first-key", "--tag-specifications",
                     "ResourceType=instance,Tags=[{Key=Name,Value=web}]")
        aws.ok("wait", "instance-running", "--instance-ids", run["Instances"][0]["InstanceId"])
        assert run["OwnerId"] == ALICE["account_id"], run["OwnerId"]
        cls.creds = os.path.join(cls.tmp.name, "credentials")
        with open(cls.creds, "w") as f:
            for user in USERS:
                f.write(f"[{user['name']}]\naws_access_key_id = {user['access_key_id']}\n"
                        f"aws_secret_access_key = {user['secret_access_key']}\n\n")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.tmp.cleanup()

    def check(self, *extra, env=None):
        return ec2sim("lesson", "check", "3", "--endpoint", self.server.url, *extra, env=env)

    def progress(self, *extra, env=None):
        return ec2sim("lesson", "progress", "--endpoint", self.server.url, "--output", "json",
                      *extra, env=env)

    def signed_call(self, user, query, method="POST", route="call"):
        """An admin route (POST /_ec2sim/call DescribeInstances by default) signed by
        botocore's SigV4Auth: (status, parsed JSON)."""
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        path = f"/_ec2sim/{route}" + query
        body = json.dumps({"Action": "DescribeInstances"}).encode() if method == "POST" else b""
        request = AWSRequest(method=method, url=self.server.url + path, data=body,
                             headers={"Content-Type": "application/json"} if body else {})
        SigV4Auth(Credentials(user["access_key_id"], user["secret_access_key"]), "ec2",
                  "ap-northeast-2").add_auth(request)
        status, text, _ = self.server.request(method, path, body=body or None,
                                              headers=dict(request.headers.items()))
        return status, json.loads(text)

    def test_learner_checks_her_own_account_with_her_signed_key(self):
        code, out, err = self.check(env=env_of(ALICE))
        self.assertEqual(code, 0, out + err)
        for goal in lesson3_goals().values():
            self.assertRegex(out, r"\[met\]\s+" + re.escape(goal["title"]["en"]))
        # The same key and secret from a profile of the shared credentials file.
        code, out, err = self.check("--profile", "alice",
                                    env={"AWS_SHARED_CREDENTIALS_FILE": self.creds})
        self.assertEqual(code, 0, out + err)

    def test_another_learner_sees_only_his_own_empty_account(self):
        code, out, err = self.check("--output", "json", env=env_of(BOB))
        self.assertEqual(code, 1, out + err)
        self.assertEqual(json.loads(out)["met"], 0)

    def test_a_learner_cannot_read_another_learners_account(self):
        status, body = self.signed_call(BOB, f"?account={ALICE['account_id']}")
        self.assertEqual((status, body["error"]["code"]), (403, "UnauthorizedOperation"), body)
        status, body = self.signed_call(BOB, f"?access_key={ALICE['access_key_id']}")
        self.assertEqual((status, body["error"]["code"]), (403, "UnauthorizedOperation"), body)
        # His own account, named or not, is his to read.
        for query in ("", f"?account={BOB['account_id']}"):
            status, body = self.signed_call(BOB, query)
            self.assertEqual(status, 200, body)
        # Through the checker: one clear refusal, not every goal missed.
        for extra in (("--access-key", ALICE["access_key_id"]),
                      ("--account", ALICE["account_id"])):
            code, out, err = self.check(*extra, env=env_of(BOB))
            self.assertEqual(code, 2, out + err)
            self.assertIn("not authorized", err)
            self.assertNotIn("[met]", out)
        # The other admin routes stay the teacher's, even on his own account.
        for route, query in (("accounts", ""), ("state", f"?account={BOB['account_id']}")):
            status, body = self.signed_call(BOB, query, method="GET", route=route)
            self.assertEqual((status, body["error"]["code"]), (403, "UnauthorizedOperation"))

    def test_teacher_sees_the_class_and_checks_one_learner(self):
        self.check(env=env_of(BOB))  # bob's account exists once he has been checked
        goals = len(lesson3_goals())
        for how in ({"env": env_of(TEACHER)},
                    {"env": {"AWS_SHARED_CREDENTIALS_FILE": self.creds},
                     "extra": ("--profile", "teacher")}):
            code, out, err = self.progress(*how.get("extra", ()), env=how["env"])
            self.assertEqual(code, 0, err)
            rows = {r["account"]: r for r in json.loads(out)["accounts"]}
            self.assertIn(ALICE["account_id"], rows)
            self.assertIn(BOB["account_id"], rows)
            l3 = [l for l in rows[ALICE["account_id"]]["lessons"] if l["lesson"] == 3][0]
            self.assertEqual((l3["met"], l3["total"]), (goals, goals))
            self.assertEqual(rows[ALICE["account_id"]]["access_keys"], [ALICE["access_key_id"]])
        code, out, err = self.check("--account", ALICE["account_id"], "--profile", "teacher",
                                    env={"AWS_SHARED_CREDENTIALS_FILE": self.creds})
        self.assertEqual(code, 0, out + err)
        code, out, err = self.check("--access-key", ALICE["access_key_id"], env=env_of(TEACHER))
        self.assertEqual(code, 0, out + err)

    def test_progress_with_a_learners_key_is_refused(self):
        code, out, err = self.progress(env=env_of(BOB))
        self.assertEqual(code, 2, out + err)
        self.assertIn("not authorized", err)
        self.assertEqual(out, "")

    def test_unsigned_or_wrongly_signed_checks_are_one_clear_error(self):
        code, out, err = self.check("--access-key", ALICE["access_key_id"])
        self.assertEqual(code, 2, out + err)
        self.assertIn("classroom mode", err)
        self.assertIn("no secret key", err)
        self.assertNotIn("[missed]", out)
        wrong = dict(env_of(ALICE), AWS_SECRET_ACCESS_KEY="guess")
        code, out, err = self.check(env=wrong)
        self.assertEqual(code, 2, out + err)
        self.assertIn("was refused", err)


class CallRoute(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server("--quiet").__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def call(self, body, query="?access_key=AKIDCALLER&region=ap-northeast-2", raw=None):
        data = raw if raw is not None else json.dumps(body)
        status, text, _ = self.server.request("POST", "/_ec2sim/call" + query, body=data,
                                              headers={"Content-Type": "application/json"})
        return status, json.loads(text)

    def test_an_action_runs_in_the_keys_account_as_on_the_ec2_endpoint(self):
        status, made = self.call({"Action": "CreateKeyPair", "Params": {"KeyName": "k"}})
        self.assertEqual(status, 200, made)
        self.assertTrue(made["KeyMaterial"].startswith("-----BEGIN"))
        # The AWS CLI with the same key sees it: the key maps to the same account.
        pairs = harness.Aws(self.server, access_key="AKIDCALLER").ok("describe-key-pairs")
        self.assertEqual([p["KeyPairId"] for p in pairs["KeyPairs"]], [made["KeyPairId"]])
        # By account id, in another region, it is not there; Params may be left out.
        account = [a["account"] for a in self.server.admin("GET", "accounts")[1]["accounts"]
                   if "AKIDCALLER" in a["access_keys"]][0]
        status, other = self.call({"Action": "DescribeKeyPairs"},
                                  query=f"?account={account}&region=eu-west-1")
        self.assertEqual((status, other["KeyPairs"]), (200, []))

    def test_bad_input_is_a_4xx_json_error_never_a_5xx(self):
        cases = [
            ("not json", None, "{not json", "InvalidParameterValue"),
            ("json array", None, "[1, 2]", "InvalidParameterValue"),
            ("empty body", None, "", "InvalidParameterValue"),
            ("no Action", {"Params": {}}, None, "MissingParameter"),
            ("Action not a string", {"Action": 7}, None, "InvalidParameterValue"),
            ("Params not an object", {"Action": "DescribeInstances", "Params": [1]}, None,
             "InvalidParameterValue"),
            ("unknown member", {"Action": "DescribeInstances", "Parameters": {}}, None,
             "UnknownParameter"),
            ("unknown action", {"Action": "LaunchRocket", "Params": {}}, None, "InvalidAction"),
            ("bad parameter", {"Action": "DescribeInstances", "Params": {"MaxResults": "x"}},
             None, None),
            ("failing action", {"Action": "StopInstances",
                                "Params": {"InstanceIds": ["i-0123456789abcdef0"]}}, None,
             "InvalidInstanceID.NotFound"),
        ]
        for name, body, raw, code in cases:
            with self.subTest(name):
                status, answer = self.call(body, raw=raw)
                self.assertGreaterEqual(status, 400)
                self.assertLess(status, 500)
                self.assertTrue(answer["error"]["message"])
                if code is not None:
                    self.assertEqual(answer["error"]["code"], code)
        status, answer = self.call({"Action": "DescribeInstances"}, query="?account=12")
        self.assertEqual((status, answer["error"]["code"]), (400, "Ec2sim.InvalidInput"))
        status, answer = self.call({"Action": "DescribeInstances"},
                                   query="?access_key=AKIDCALLER&region=mars-1")
        self.assertEqual(status // 100, 4)
        self.assertTrue(answer["error"]["code"])
        status, _, _ = self.server.request("GET", "/_ec2sim/call")
        self.assertEqual(status, 405)


if __name__ == "__main__":
    harness.require_clients()
    unittest.main()
