"""Creating and editing from the console's pages, clicked in headless Chromium: a VPC with a
public subnet, an internet gateway and a 0.0.0.0/0 route, an instance launched into it with SSH
allowed from "My IP" (a probe from My IP passes, from elsewhere fails), a network ACL deny entry
that blocks it again; a bad CIDR refused next to its field; an outbound rule added and deleted;
a snapshot copied to another region and shared; a launch template made on the page, given a
new version and launched; an image made from an instance, listed under its name. Screenshots go to EC2SIM_SCREENSHOTS (default: a temporary directory)."""

import os
import pathlib
import tempfile
import unittest

import harness
from console_browser_test import SEOUL, Walk  # skips without Selenium or Chromium

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

AMI = "ami-0c9c942bd7bf113a2"
ELSEWHERE = "203.0.113.7"


def shots():
    folder = pathlib.Path(os.environ.get("EC2SIM_SCREENSHOTS") or tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Page(Walk):
    """A signed-in learner in Seoul, with helpers that read the page in one script each."""

    def sign_in(self):
        self.d.get(self.server.url + "/console/")
        self.by_id("signin-submit").click()
        Select(self.by_id("region")).select_by_value(SEOUL)
        self.wait.until(lambda d: d.execute_script("return EC2SIM.region") == SEOUL)

    def call(self, action, params, region=SEOUL):
        """An EC2 call through the page's own API door; returns the answer or 'error CODE'."""
        return self.d.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "EC2SIM.ec2(arguments[0], arguments[1], arguments[2])"
            ".then(r => done(r), e => done('error ' + e.code + ': ' + e.message))",
            action, params, region)

    def text(self, css):
        return self.d.execute_script(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css)

    def type_into(self, id_, text):
        field = self.by_id(id_)
        field.clear()
        field.send_keys(text)

    def submit(self, form_id):
        self.by_id(form_id + "-submit").click()

    def drawn(self):
        return int(self.d.execute_script("return document.getElementById('main').dataset.drawn || 0"))

    def act(self, *steps):
        """Runs `steps` (the last one changes something) and waits for the page to redraw itself."""
        before = self.drawn()
        for step in steps:
            step()
        self.wait.until(lambda _: self.drawn() > before)

    def tagged(self, action, list_key, id_key, name):
        """The id of the resource tagged Name=`name`, read through the API."""
        answer = self.call(action, {"Filter.1.Name": "tag:Name", "Filter.1.Value.1": name})
        items = answer.get(list_key) or []
        return items[0][id_key] if items else None

    def probe(self, instance, source):
        self.go("#/reach")
        Select(self.by_id("probe-to")).select_by_value(instance)
        self.type_into("probe-from", source)
        self.d.execute_script("document.getElementById('probe-result').textContent = ''")
        self.by_id("probe-submit").click()
        return self.wait.until(lambda _: self.text("#probe-verdict"))


class VpcEditTest(unittest.TestCase):
    def test_a_public_subnet_built_by_clicks_reaches_an_instance_until_an_acl_denies_it(self):
        with harness.Server() as server:
            w = Page(self, server, "en", shots())
            w.language = "edit-en"
            try:
                w.sign_in()
                my_ip = w.d.execute_script("return EC2SIM.session.my_ip")
                self.assertRegex(my_ip, r"^198\.51\.100\.\d+$")
                w.go("#/vpc")
                # A CIDR no VPC can have: EC2's own error, under the CIDR field.
                w.type_into("vpc-cidr", "0.0.0.0/33")
                w.submit("vpc-form")
                w.wait.until(lambda _: w.text("#vpc-cidr-error"))
                self.assertRegex(w.text("#vpc-cidr-error"), r"^Invalid[A-Za-z.]+: .*0\.0\.0\.0/33")
                self.assertEqual(w.by_id("vpc-cidr").get_attribute("aria-invalid"), "true")
                w.shot("bad-cidr")
                w.type_into("vpc-cidr", "10.0.0.0/16")
                w.type_into("vpc-name", "lab")
                w.act(lambda: w.submit("vpc-form"))
                w.wait.until(lambda _: w.tagged("DescribeVpcs", "vpcSet", "vpcId", "lab"))
                vpc = w.tagged("DescribeVpcs", "vpcSet", "vpcId", "lab")
                # A subnet that gives its instances a public address.
                Select(w.by_id("subnet-vpc")).select_by_value(vpc)
                w.type_into("subnet-cidr", "10.0.1.0/24")
                w.type_into("subnet-name", "public")
                w.act(lambda: w.submit("subnet-form"))
                w.wait.until(lambda _: w.tagged("DescribeSubnets", "subnetSet", "subnetId", "public"))
                subnet = w.tagged("DescribeSubnets", "subnetSet", "subnetId", "public")
                w.act(lambda: w.by_id("map-ip-" + subnet).click())
                w.wait.until(lambda _: w.call("DescribeSubnets", {"SubnetId.1": subnet})
                             ["subnetSet"][0]["mapPublicIpOnLaunch"] == "true")
                # An internet gateway, attached.
                w.type_into("igw-name", "lab-igw")
                w.act(lambda: w.submit("igw-form"))
                w.wait.until(lambda _: w.tagged("DescribeInternetGateways", "internetGatewaySet",
                                                "internetGatewayId", "lab-igw"))
                igw = w.tagged("DescribeInternetGateways", "internetGatewaySet",
                               "internetGatewayId", "lab-igw")
                w.act(lambda: Select(w.by_id("igw-vpc-" + igw)).select_by_value(vpc),
                      lambda: w.by_id("igw-attach-" + igw).click())
                w.wait.until(EC.presence_of_element_located((By.ID, "igw-detach-" + igw)))
                # A route table with 0.0.0.0/0 to the gateway, associated with the subnet.
                Select(w.by_id("rt-vpc")).select_by_value(vpc)
                w.type_into("rt-name", "public-rt")
                w.act(lambda: w.submit("rt-form"))
                w.wait.until(lambda _: w.tagged("DescribeRouteTables", "routeTableSet",
                                                "routeTableId", "public-rt"))
                rtb = w.tagged("DescribeRouteTables", "routeTableSet", "routeTableId", "public-rt")
                w.act(lambda: Select(w.by_id("route-target-" + rtb)).select_by_value("igw:" + igw),
                      lambda: w.submit("route-form-" + rtb))
                card = f"[data-route-table='{rtb}']"
                w.wait.until(lambda _: igw in w.text(card))
                w.act(lambda: Select(w.by_id("rt-subnet-" + rtb)).select_by_value(subnet),
                      lambda: w.by_id("rt-associate-" + rtb).click())
                w.wait.until(lambda _: subnet in w.text(card + " ul"))
                self.assertIn("0.0.0.0/0", w.text(card))
                # A NAT gateway with a new Elastic IP, its price as Seoul's bill charges it.
                self.assertIn("$0.059 per hour ($43.07 a 730-hour month)", w.text("#nat-price"))
                w.act(lambda: Select(w.by_id("nat-subnet")).select_by_value(subnet),
                      lambda: w.submit("nat-form"))
                nat = w.call("DescribeNatGateways", {})["natGatewaySet"][0]["natGatewayId"]
                w.shot("vpc")
                w.act(lambda: w.d.find_element(
                    By.CSS_SELECTOR, f"button[aria-label='Delete NAT gateway {nat}']").click())
                self.assertIn(w.call("DescribeNatGateways", {})["natGatewaySet"][0]["state"],
                              ("deleting", "deleted"))
                # Launched into the subnet, SSH allowed from My IP only.
                w.go("#/launch")
                w.by_id("launch-name").send_keys("lab-web")
                Select(w.by_id("launch-subnet")).select_by_value(subnet)
                Select(w.by_id("ssh-source")).select_by_value("myip")
                self.assertEqual(w.by_id("ssh-cidr").get_attribute("value"), my_ip + "/32")
                w.shot("launch-my-ip")
                w.by_id("launch-submit").click()
                instance, _, ip = w.until_row("lab-web", "running")
                self.assertRegex(ip, r"^\d+\.\d+\.\d+\.\d+$")
                # Reachability starts from My IP; from elsewhere the group blocks SSH.
                w.go("#/reach")
                self.assertEqual(w.by_id("probe-from").get_attribute("value"), my_ip)
                self.assertTrue(w.probe(instance, my_ip).startswith("Allowed"))
                self.assertTrue(w.probe(instance, ELSEWHERE).startswith("Blocked"))
                # A network ACL entry denying SSH blocks My IP too.
                w.go("#/acls")
                acl = w.wait.until(lambda d: d.execute_script(
                    "const s = Array.from(document.querySelectorAll('[data-acl]'))"
                    ".find(s => s.querySelector('h2').textContent.includes(arguments[0]));"
                    "return s && s.dataset.acl", vpc))
                w.type_into(f"acl-number-{acl}", "50")
                w.type_into(f"acl-ports-{acl}", "22-21")
                w.submit(f"acl-form-{acl}")
                w.wait.until(lambda _: w.text(f"#acl-ports-{acl}-error") or w.text(f"#acl-dir-{acl}-error"))
                w.shot("acl-bad-range")
                w.type_into(f"acl-ports-{acl}", "22")
                w.act(lambda: w.submit(f"acl-form-{acl}"))
                w.wait.until(lambda d: d.execute_script(
                    "return Array.from(document.querySelectorAll(arguments[0])).some("
                    "tr => tr.cells[0].textContent === '50' && tr.textContent.includes('Deny'))",
                    f"[data-acl='{acl}'] tbody tr"))
                w.shot("acl")
                self.assertTrue(w.probe(instance, my_ip).startswith("Blocked"))
                self.assertIn("network ACL", w.text("#probe-explanation"))
                w.shot("reach-acl")
            finally:
                w.close()


class SecurityGroupEditTest(unittest.TestCase):
    def test_an_outbound_rule_is_added_and_deleted_and_ssh_allowed_from_my_ip(self):
        with harness.Server() as server:
            w = Page(self, server, "en", shots())
            w.language = "sg-en"
            try:
                w.sign_in()
                my_ip = w.d.execute_script("return EC2SIM.session.my_ip")
                group = w.call("DescribeSecurityGroups", {})["securityGroupInfo"][0]["groupId"]
                w.go("#/sgs")
                section = f"[data-group='{group}']"
                # Outbound: HTTPS to anywhere, then deleted again.
                Select(w.by_id("out-protocol-" + group)).select_by_value("tcp")
                w.type_into("out-port-" + group, "443")
                w.act(lambda: w.submit("out-rule-form-" + group))
                delete = f"{section} button[aria-label='Delete rule Outbound 443 0.0.0.0/0']"
                w.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, delete)))
                w.shot("outbound-added")
                w.act(lambda: w.d.find_element(By.CSS_SELECTOR, delete).click())
                w.wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, delete))
                # A port range backwards: EC2's error under the port field.
                w.type_into("port-" + group, "22-21")
                w.by_id("add-rule-" + group).click()
                w.wait.until(lambda _: w.text(f"#port-{group}-error"))
                self.assertIn("Invalid", w.text(f"#port-{group}-error"))
                # Inbound SSH from My IP.
                w.type_into("port-" + group, "22")
                Select(w.by_id("source-" + group)).select_by_value("myip")
                self.assertEqual(w.by_id("cidr-" + group).get_attribute("value"), my_ip + "/32")
                w.act(lambda: w.by_id("add-rule-" + group).click())
                self.assertIn(f"{my_ip}/32", w.text(section))
                w.shot("my-ip-rule")
            finally:
                w.close()


class StorageEditTest(unittest.TestCase):
    def test_a_snapshot_is_copied_and_shared_and_a_template_made_versioned_and_launched(self):
        with harness.Server() as server:
            w = Page(self, server, "en", shots())
            w.language = "storage-en"
            try:
                w.sign_in()
                volume = w.call("CreateVolume", {"AvailabilityZone": SEOUL + "a", "Size": "8"})["volumeId"]
                snap = w.call("CreateSnapshot", {"VolumeId": volume})["snapshotId"]
                w.go("#/snapshots")
                w.wait.until(lambda _: "completed" in w.text("#snapshot-table"))
                Select(w.by_id("copy-region-" + snap)).select_by_value("us-east-1")
                w.by_id("copy-" + snap).click()
                w.wait.until(lambda _: w.text("#banner").startswith("Copying as snap-"))
                copy = w.text("#banner").split()[2]
                copies = w.call("DescribeSnapshots", {"SnapshotId.1": copy}, "us-east-1")
                self.assertEqual(copies["snapshotSet"][0]["snapshotId"], copy)
                w.by_id("share-account-" + snap).send_keys("111122223333")
                w.by_id("share-" + snap).click()
                w.wait.until(lambda _: "111122223333" in w.text("#snapshot-table tbody tr"))
                w.shot("snapshot-shared")
                w.by_id("share-account-" + snap).send_keys("111122223333")
                w.by_id("unshare-" + snap).click()
                w.wait.until(lambda _: "111122223333" not in w.text("#snapshot-table tbody tr"))
                # A launch template from the form, a t3.micro version 2 made the default, launched.
                w.go("#/templates")
                w.type_into("lt-name", "web-lt")
                w.submit("lt-form")
                w.wait.until(lambda _: "web-lt" in w.text("#template-table"))
                lt = w.call("DescribeLaunchTemplates", {})["launchTemplates"][0]["launchTemplateId"]
                w.by_id("lt-version-" + lt).click()
                w.wait.until(lambda _: w.call("DescribeLaunchTemplates", {})
                             ["launchTemplates"][0]["latestVersionNumber"] == "2")
                w.wait.until(lambda d: d.execute_script(
                    "const e = document.getElementById(arguments[0]); return e && e.max", "lt-default-" + lt) == "2")
                w.type_into("lt-default-" + lt, "2")
                w.by_id("lt-set-default-" + lt).click()
                w.wait.until(lambda _: w.call("DescribeLaunchTemplates", {})
                             ["launchTemplates"][0]["defaultVersionNumber"] == "2")
                w.wait.until(EC.element_to_be_clickable(
                    (By.CSS_SELECTOR, "button[aria-label='Launch instance from template web-lt']"))).click()
                w.wait.until(lambda _: w.text("#banner").startswith("Launched i-"))
                launched = w.text("#banner").split()[1].rstrip(".")
                described = w.call("DescribeInstances", {"InstanceId.1": launched})
                self.assertEqual(described["reservationSet"][0]["instancesSet"][0]["instanceType"], "t3.micro")
                # The instance's settings fill the form again (the page drawn anew to list it).
                w.d.execute_script("EC2SIM.route()")
                w.wait.until(lambda _: launched in w.text("#lt-from"))
                Select(w.by_id("lt-from")).select_by_value(launched)
                w.wait.until(lambda _: Select(w.by_id("lt-type")).first_selected_option
                             .get_attribute("value") == "t3.micro")
                w.shot("templates")
            finally:
                w.close()

    def test_an_image_is_created_from_an_instance(self):
        with harness.Server() as server:
            w = Page(self, server, "en", shots())
            w.language = "image-en"
            try:
                w.sign_in()
                run = w.call("RunInstances", {"ImageId": AMI, "InstanceType": "t2.micro",
                                              "MinCount": "1", "MaxCount": "1"})
                instance = run["instancesSet"][0]["instanceId"]
                w.go("#/images")
                Select(w.by_id("image-instance")).select_by_value(instance)
                w.type_into("image-name", "my-web-image")
                w.submit("image-form")
                w.wait.until(lambda _: w.text("#image-instance-error") or w.text("#image-name-error")
                             or w.text("#banner").startswith("Creating image"))
                self.assertEqual(w.text("#image-instance-error"), "")
                self.assertEqual(w.text("#image-name-error"), "")
                w.wait.until(lambda _: "my-web-image" in w.text("#main"))
                w.shot("image")
            finally:
                w.close()


if __name__ == "__main__":
    unittest.main()
