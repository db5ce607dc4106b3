"""A classroom that works end to end (`ec2sim serve --users FILE`): every lesson's reference
solution, run and checked by a learner without admin rights, passes on the server, including
the lessons where time must pass (1, 5, 8 and 10), because each account has a clock of its own.
Another learner's clock and bill stay as they were; the teacher still moves every clock or one;
a restart with --state brings each account's time back; `lesson start` says how to work there;
`lesson progress` names the learners and shows unstarted lessons as not started."""

import json
import pathlib
import tempfile
import unittest

import harness
from harness import ROOT

REGION = "ap-northeast-2"
AMI = "ami-0c9c942bd7bf113a2"
LESSONS = range(1, 11)

user = harness.classroom_user

# One learner per lesson, so that each lesson's solution runs in an account of its own.
LEARNERS = [user(f"learner{n}", 100000000000 + n) for n in LESSONS]
BOB = user("bob", 222222222222)
CAROL = user("carol", 333333333333)  # never comes to class
TEACHER = user("teacher", 999999999999, admin=True)
USERS = LEARNERS + [BOB, CAROL, TEACHER]


def env_of(u):
    return {"AWS_ACCESS_KEY_ID": u["access_key_id"],
            "AWS_SECRET_ACCESS_KEY": u["secret_access_key"], "AWS_DEFAULT_REGION": REGION}


def solution(n):
    return next(ROOT.glob(f"lessons/{n:02d}-*")) / "solution.json"


def signed(server, u, method, path, body=None):
    return harness.signed_json(server, u, method, path, body, REGION)


class ClassroomClock(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.users_file = pathlib.Path(cls.tmp.name) / "users.json"
        cls.users_file.write_text(json.dumps({"users": USERS}))
        cls.state = str(pathlib.Path(cls.tmp.name) / "state")
        cls.server = cls.start()

    @classmethod
    def start(cls):
        return harness.Server("--users", str(cls.users_file), "--timing", "instant",
                              "--state", cls.state, "--quiet").__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.tmp.cleanup()

    def clock(self, u, query=""):
        status, body = signed(self.server, u, "GET", "/_ec2sim/clock" + query)
        self.assertEqual(status, 200, body)
        return body["epoch_ms"]

    def bill(self, u):
        status, body = signed(self.server, u, "POST", "/_ec2sim/bill", {})
        self.assertEqual(status, 200, body)
        return body

    def bob_launches_a_server(self):
        import boto3
        ec2 = boto3.session.Session(
            aws_access_key_id=BOB["access_key_id"],
            aws_secret_access_key=BOB["secret_access_key"],
            region_name=REGION).client("ec2", endpoint_url=self.server.url)
        ec2.run_instances(ImageId=AMI, InstanceType="t3.micro", MinCount=1, MaxCount=1)

    def test_1_every_lesson_passes_for_a_learner_while_another_learner_stays_put(self):
        self.bob_launches_a_server()
        bob_time, bob_bill = self.clock(BOB), self.bill(BOB)
        for n, learner in zip(LESSONS, LEARNERS):
            with self.subTest(lesson=n):
                code, out, err = harness.run_binary(
                    "run", str(solution(n)), "--endpoint", self.server.url, env=env_of(learner))
                self.assertEqual(code, 0, out + err)
                code, out, err = harness.run_binary(
                    "lesson", "check", str(n), "--endpoint", self.server.url,
                    env=env_of(learner))
                self.assertEqual(code, 0, out + err)
        # Lessons 1, 5 and 8 moved their learners' clocks by days; nobody else's moved.
        self.assertGreaterEqual(self.clock(LEARNERS[0]) - bob_time, 7 * 24 * 3600 * 1000)
        self.assertEqual(self.clock(BOB), bob_time)
        self.assertEqual(self.bill(BOB), bob_bill)

    def test_2_a_learner_moves_only_their_own_clock(self):
        alice, bob = LEARNERS[1], BOB
        before = {u["name"]: self.clock(u) for u in (alice, bob)}
        server_before = self.clock(TEACHER)
        code, out, err = harness.run_binary(
            "clock", "advance", "1d", "--endpoint", self.server.url,
            "--access-key", alice["access_key_id"], "--secret-key", alice["secret_access_key"])
        self.assertEqual(code, 0, out + err)
        self.assertIn(f"account {alice['account_id']}'s own clock", out)
        self.assertEqual(self.clock(alice), before[alice["name"]] + 86400 * 1000)
        self.assertEqual(self.clock(bob), before[bob["name"]])
        self.assertEqual(self.clock(TEACHER), server_before, "the server clock stays")
        # Another learner's clock, or the server's, is not a learner's to move.
        status, body = signed(self.server, alice, "POST",
                              f"/_ec2sim/clock?account={bob['account_id']}", {"advance": "1h"})
        self.assertEqual((status, body["error"]["code"]), (403, "UnauthorizedOperation"))
        status, body, _ = self.server.request("POST", "/_ec2sim/clock?advance=1h")
        self.assertEqual(status, 403, body)
        self.assertEqual(self.clock(bob), before[bob["name"]])

    def test_3_the_teacher_moves_every_clock_or_one(self):
        alice, bob = LEARNERS[2], BOB
        a, b = self.clock(alice), self.clock(bob)
        status, body = signed(self.server, TEACHER, "POST", "/_ec2sim/clock", {"advance": "1h"})
        self.assertEqual(status, 200, body)
        self.assertEqual((self.clock(alice), self.clock(bob)), (a + 3600000, b + 3600000))
        status, body = signed(self.server, TEACHER, "POST",
                              f"/_ec2sim/clock?account={bob['account_id']}", {"advance": "2h"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["account"], bob["account_id"])
        self.assertEqual((self.clock(alice), self.clock(bob)), (a + 3600000, b + 3 * 3600000))
        self.assertEqual(self.clock(TEACHER, f"?account={bob['account_id']}"), b + 3 * 3600000)

    def test_4_a_restart_brings_back_every_accounts_own_time(self):
        times = {u["name"]: self.clock(u) for u in LEARNERS + [BOB, TEACHER]}
        self.assertGreater(len(set(times.values())), 2)
        self.server.close()
        type(self).server = self.start()
        self.assertEqual({u["name"]: self.clock(u) for u in LEARNERS + [BOB, TEACHER]}, times)
        for n in (1, 5, 8, 10):
            code, out, err = harness.run_binary(
                "lesson", "check", str(n), "--endpoint", self.server.url,
                env=env_of(LEARNERS[n - 1]))
            self.assertEqual(code, 0, out + err)
        self.assertNotIn("differently", self.server.server_log())

    def test_5_lesson_start_tells_a_classroom_learner_how_to_sign(self):
        for lang, words in (("en", "own access key"), ("ko", "액세스 키")):
            with self.subTest(lang=lang):
                code, out, err = harness.run_binary("lesson", "start", "5", "--lang", lang,
                                                    "--endpoint", self.server.url)
                self.assertEqual(code, 0, err)
                self.assertIn(words, out)
                self.assertIn("YOUR_SECRET_ACCESS_KEY --profile ec2sim", out)
                self.assertIn(f"ec2sim clock advance 1d --endpoint {self.server.url} "
                              "--profile ec2sim", out)
                self.assertIn("--profile ec2sim\n", out)
                self.assertNotIn("curl", out)
                self.assertNotIn("Any access key", out)
                self.assertNotIn("AKIDLEARNER1", out)
        # An open server (or none yet) keeps the open instructions.
        code, out, _ = harness.run_binary("lesson", "start", "5", "--endpoint",
                                          "http://127.0.0.1:9")
        self.assertIn("Any access key works", out)

    def test_6_progress_names_learners_and_shows_unstarted_lessons(self):
        code, out, err = harness.run_binary("lesson", "progress", "--endpoint", self.server.url,
                                            env=env_of(TEACHER))
        self.assertEqual(code, 0, err)
        rows = {line.split()[0]: line.split() for line in out.splitlines()[1:]}
        self.assertEqual(rows["carol"][2:12], ["-"] * 10, out)
        self.assertEqual(rows["carol"][12].split("/")[0], "0", out)
        learner5 = rows["learner5"]
        self.assertNotEqual(learner5[2 + 4], "-", out)
        met, total = learner5[2 + 4].split("/")
        self.assertEqual(met, total, out)
        code, out, err = harness.run_binary("lesson", "progress", "--endpoint", self.server.url,
                                            "--output", "json", env=env_of(TEACHER))
        by_account = {r["account"]: r for r in json.loads(out)["accounts"]}
        self.assertEqual(by_account[CAROL["account_id"]]["names"], ["carol"])
        self.assertFalse(any(l["started"] for l in by_account[CAROL["account_id"]]["lessons"]))
        # A refusal names the server once.
        code, out, err = harness.run_binary("lesson", "progress", "--endpoint", self.server.url)
        self.assertEqual(code, 2, out + err)
        self.assertEqual(err.count(self.server.url), 1, err)


if __name__ == "__main__":
    harness.require_clients(need_cli=False)
    unittest.main(verbosity=2)
