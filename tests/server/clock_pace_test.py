"""Pausing the simulated clock and changing its speed through POST /_ec2sim/clock
({"paused": BOOL}, {"speed": N}): on a classroom server with a wall clock a learner pauses or
speeds up only their own account's clock, the teacher the server clock; a paused clock stands
still and resumes from where it stopped; bad values are refused; a restart with --state brings
pauses and speeds back; a manual clock says it is always paused. Wall-clock waits are a few
tenths of a second each."""

import json
import pathlib
import tempfile
import time
import unittest

import harness

REGION = "ap-northeast-2"
WAIT_S = 0.3  # a short, bounded wall-clock wait: time passes (or not) meanwhile

user = harness.classroom_user

ALICE = user("alice", 111111111111)
BOB = user("bob", 222222222222)
TEACHER = user("teacher", 999999999999, admin=True)


def signed(server, u, method, path, body=None):
    return harness.signed_json(server, u, method, path, body, REGION)


class ClockPace(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.users_file = pathlib.Path(cls.tmp.name) / "users.json"
        cls.users_file.write_text(json.dumps({"users": [ALICE, BOB, TEACHER]}))
        cls.state = str(pathlib.Path(cls.tmp.name) / "state")
        cls.server = cls.start()

    @classmethod
    def start(cls):
        return harness.Server("--users", str(cls.users_file), "--clock", "wall", "--timing",
                              "instant", "--state", cls.state, "--quiet").__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.tmp.cleanup()

    def clock(self, u, query=""):
        status, body = signed(self.server, u, "GET", "/_ec2sim/clock" + query)
        self.assertEqual(status, 200, body)
        return body

    def post(self, u, body, query=""):
        return signed(self.server, u, "POST", "/_ec2sim/clock" + query, body)

    def test_1_a_learners_paused_clock_stands_still_while_others_run(self):
        status, body = self.post(ALICE, {"paused": True})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["clock"], body["paused"]), ("wall", True))
        alice, bob = self.clock(ALICE)["epoch_ms"], self.clock(BOB)["epoch_ms"]
        time.sleep(WAIT_S)
        self.assertEqual(self.clock(ALICE)["epoch_ms"], alice)
        self.assertGreaterEqual(self.clock(BOB)["epoch_ms"] - bob, WAIT_S * 1000 * 0.9)
        self.assertFalse(self.clock(BOB)["paused"])
        # Advancing a paused clock still works; resuming at a new speed continues from there.
        status, body = self.post(ALICE, {"advance": "1h"})
        self.assertEqual((status, body["epoch_ms"]), (200, alice + 3600_000))
        status, body = self.post(ALICE, {"paused": False, "speed": 3600})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["paused"], body["speed"]), (False, 3600))
        self.assertGreaterEqual(body["epoch_ms"], alice + 3600_000)
        time.sleep(WAIT_S)
        ran = self.clock(ALICE)["epoch_ms"] - (alice + 3600_000)
        self.assertGreaterEqual(ran, WAIT_S * 3600_000 * 0.9)

    def test_2_only_your_own_clock_and_only_good_values(self):
        status, body = self.post(ALICE, {"paused": True}, f"?account={BOB['account_id']}")
        self.assertEqual((status, body["error"]["code"]), (403, "UnauthorizedOperation"))
        self.assertFalse(self.clock(BOB)["paused"])
        for bad, code in (({"speed": 0}, "InvalidParameterValue"),
                          ({"speed": 1_000_001}, "InvalidParameterValue"),
                          ({"speed": 2.5}, "InvalidParameterValue"),
                          ({"paused": "yes"}, "InvalidParameterValue"),
                          ({"paused": True, "advance": "1h"}, "Ec2sim.InvalidInput")):
            with self.subTest(body=bad):
                status, body = self.post(ALICE, bad)
                self.assertEqual((status, body["error"]["code"]), (400, code))

    def test_3_the_teacher_pauses_the_server_clock_and_every_follower(self):
        status, body = self.post(TEACHER, {"paused": True})
        self.assertEqual((status, body["paused"]), (200, True))
        self.assertNotIn("account", body)
        server, bob = self.clock(TEACHER)["epoch_ms"], self.clock(BOB)["epoch_ms"]
        time.sleep(WAIT_S)
        self.assertEqual(self.clock(TEACHER)["epoch_ms"], server)
        self.assertEqual(self.clock(BOB)["epoch_ms"], bob)
        self.assertTrue(self.clock(BOB)["paused"])
        health = json.loads(self.server.request("GET", "/_ec2sim/health")[1])
        self.assertTrue(health["paused"])

    def test_4_a_restart_brings_pauses_and_speeds_back(self):
        status, body = self.post(ALICE, {"paused": True})
        self.assertEqual(status, 200, body)
        alice, server = self.clock(ALICE), self.clock(TEACHER)
        self.server.close()
        type(self).server = self.start()
        after = self.clock(ALICE)
        self.assertEqual((after["epoch_ms"], after["paused"], after["speed"]),
                         (alice["epoch_ms"], True, 3600))
        self.assertEqual(self.clock(TEACHER)["epoch_ms"], server["epoch_ms"])
        self.assertTrue(self.clock(TEACHER)["paused"])
        self.assertNotIn("differently", self.server.server_log())


class ManualClock(unittest.TestCase):
    def test_a_manual_clock_is_always_paused(self):
        with harness.Server() as server:
            status, text, _ = server.request("POST", "/_ec2sim/clock",
                                             body=json.dumps({"paused": False}).encode())
            body = json.loads(text)
            self.assertEqual(status, 200, body)
            self.assertEqual((body["clock"], body["paused"]), ("manual", True))
            time.sleep(WAIT_S / 3)
            again = json.loads(server.request("GET", "/_ec2sim/clock")[1])
            self.assertEqual(again["epoch_ms"], body["epoch_ms"])


if __name__ == "__main__":
    harness.require_clients(need_cli=False)
    unittest.main(verbosity=2)
