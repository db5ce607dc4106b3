"""The console's key pairs page and its resilience, clicked in a real Chromium: a key pair
created as .ppk downloads once, a public key imported shows EC2's fingerprint, a deletion is
confirmed first; an idle Elastic IP shows what it costs an hour; a server that goes away while
the page is open is announced, and the page recovers by itself when a server is back."""

import pathlib
import tempfile
import unittest

import harness
from console_browser_test import Walk
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

# `ssh-keygen -t ed25519`; `ssh-keygen -l -f key.pub` printed SHA256:GX5iQJA2uJqX...ok1c, which
# EC2 shows with its '=' padding (tests/model/key_import_test.cc holds the same fixture).
ED25519_PUBLIC = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDOh3TC6DQbw5zkkPNkLgy1fPU/mHPt7tjZSHIwcmvAP"
                  " laptop")
ED25519_FINGERPRINT = "GX5iQJA2uJqXqLqb9gvrSY3sv2cY/DrZ90zxOeeok1c="


def shots():
    return pathlib.Path(tempfile.mkdtemp())


class KeyPairsPageTest(unittest.TestCase):
    def test_create_as_ppk_import_a_public_key_and_delete_after_confirming(self):
        with harness.Server() as server:
            w = Walk(self, server, "en", shots())
            try:
                w.sign_in()
                w.go("#/keys")
                w.by_id("key-create-name").send_keys("putty-key")
                Select(w.by_id("key-create-format")).select_by_value("ppk")
                w.by_id("key-create").click()
                note = w.wait.until(EC.visibility_of_element_located((By.ID, "key-create-note")))
                self.assertIn("cannot be downloaded again", note.text)
                ppk = w.downloads / "putty-key.ppk"
                w.wait.until(lambda _: ppk.exists() and ppk.stat().st_size > 0)
                self.assertTrue(ppk.read_text().startswith("PuTTY-User-Key-File-"))

                w.by_id("key-import-name").send_keys("laptop")
                w.by_id("key-import-material").send_keys(ED25519_PUBLIC)
                w.by_id("key-import").click()
                w.wait.until(lambda d: ED25519_FINGERPRINT in d.find_element(By.ID, "key-import-note").text)
                table = lambda d: d.find_element(By.ID, "key-table").text
                w.wait.until(lambda d: "laptop" in table(d) and "putty-key" in table(d))

                # A name taken already: the API's own error next to the form, nothing else changes.
                w.by_id("key-import-name").send_keys("laptop")
                w.by_id("key-import-material").send_keys(ED25519_PUBLIC)
                w.by_id("key-import").click()
                w.wait.until(lambda d: "InvalidKeyPair.Duplicate" in d.find_element(By.ID, "key-page-error").text)

                delete = "button[aria-label='Delete laptop']"
                w.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, delete))).click()
                w.by_id("confirm-cancel").click()
                self.assertIn("laptop", table(w.d))
                w.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, delete))).click()
                w.confirm()
                w.wait.until(lambda d: "laptop" not in table(d))
                self.assertIn("putty-key", table(w.d))
                w.shot("key-pairs")
            finally:
                w.close()

    def test_an_idle_elastic_ip_shows_its_hourly_price(self):
        with harness.Server() as server:
            w = Walk(self, server, "en", shots())
            try:
                w.sign_in()
                w.go("#/eips")
                w.by_id("allocate-eip").click()
                idle = w.wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#eip-table .idle")))
                self.assertIn("$0.005", idle.text)  # per hour, the bill's public IPv4 rate
            finally:
                w.close()


class LostServerTest(unittest.TestCase):
    def test_a_server_gone_is_announced_and_the_page_recovers_when_one_is_back(self):
        server = harness.Server()
        with server:
            port = server.port
            w = Walk(self, server, "en", shots())
            try:
                w.sign_in()
                w.go("#/instances")
                w.by_id("launch-button")
                server.stop()
                w.wait.until(lambda d: "connection to the server is lost" in d.find_element(By.ID, "banner").text)
                # A new server on the same port: sessions lived in the old one's memory, so the
                # page asks for a sign-in again, by itself.
                again = harness.Server()
                again.args[again.args.index("--port") + 1] = str(port)
                with again:
                    w.wait.until(EC.visibility_of_element_located((By.ID, "signin-submit")))
                    self.assertIn("Sign in again", w.d.find_element(By.ID, "banner").text)
                    w.by_id("signin-submit").click()
                    w.wait.until(EC.visibility_of_element_located((By.ID, "launch-button")))
            finally:
                w.close()


if __name__ == "__main__":
    unittest.main()
