// The console's launch wizard and the pages of Elastic IPs and security groups. Like pages.js,
// every answer comes from the EC2 Query API or the admin routes.
"use strict";
(() => {
const C = window.EC2SIM;
const el = C.el, t = C.t;
const { field, tableOf, b64 } = C;

function download(name, text) {
  const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/x-pem-file" })), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 0);
}
C.download = download;
const FREE_TIER = new Set(["t2.micro", "t3.micro"]);

// ---- launch an instance, the way the post does it -----------------------------------------
C.pages.launch = async (main) => {
  const [images, types, keys, sgs, prices, subnets] = await Promise.all([
    C.ec2("DescribeImages", C.list("Owner", ["amazon"])),
    C.ec2("DescribeInstanceTypes", {}),
    C.ec2("DescribeKeyPairs"), C.ec2("DescribeSecurityGroups"),
    C.admin("prices?region=" + encodeURIComponent(C.region)).catch(() => ({ prices: [] })), C.ec2("DescribeSubnets")]);
  const priceOf = Object.fromEntries((prices.prices || []).map((p) => [p.instance_type, p.micro_usd_per_hour]));
  const hours = prices.hours_per_month || 730;
  const priceText = (n) => priceOf[n] === undefined ? "" : t("launch.price", {
    hour: "$" + (priceOf[n] / 1e6).toFixed(4), month: "$" + ((priceOf[n] * hours) / 1e6).toFixed(2), hours });
  const error = C.errorBox("launch-error");
  const name = el("input", { id: "launch-name", type: "text", required: true, "aria-describedby": "launch-name-error" });
  const nameError = el("p", { id: "launch-name-error", class: "error", role: "alert" });
  const image = el("select", { id: "launch-image" }, (images.imagesSet || []).map((i) =>
    el("option", { value: i.imageId, text: (i.name || i.imageId) + " — " + i.imageId })));
  const typeNames = (types.instanceTypeSet || []).map((x) => x.instanceType).sort();
  const type = el("select", { id: "launch-type", "aria-describedby": "launch-price" }, typeNames.map((n) =>
    el("option", { value: n, text: n + (priceOf[n] !== undefined ? " — $" + (priceOf[n] / 1e6).toFixed(4) + "/h" : "") +
      (FREE_TIER.has(n) ? " — " + t("launch.freeTier") : "") })));
  type.value = typeNames.includes("t2.micro") ? "t2.micro" : typeNames[0];
  const badge = el("span", { class: "badge", id: "free-tier-badge", text: t("launch.freeTier") });
  const price = el("p", { id: "launch-price" });
  const showBadge = () => { badge.hidden = !FREE_TIER.has(type.value); price.textContent = priceText(type.value); };
  type.addEventListener("change", showBadge);
  showBadge();
  const key = el("select", { id: "launch-key" }, el("option", { value: "", text: t("launch.keyNone") }),
    (keys.keySet || []).map((k) => el("option", { value: k.keyName, text: k.keyName })));
  const newKeyName = el("input", { id: "new-key-name", type: "text" });
  const keyNote = el("p", { id: "key-note", class: "warnbox", role: "status", hidden: true });
  const keyError = el("p", { id: "key-error", class: "error", role: "alert" });
  const createKey = el("button", { type: "button", id: "create-key", text: t("launch.keyCreate"),
    onclick: async () => {
      keyError.textContent = "";
      try {
        const k = await C.ec2("CreateKeyPair", { KeyName: newKeyName.value.trim() });
        download(k.keyName + ".pem", k.keyMaterial);
        key.append(el("option", { value: k.keyName, text: k.keyName }));
        key.value = k.keyName;
        keyNote.textContent = t("launch.keyDownloaded", { name: k.keyName });
        keyNote.hidden = false;
      } catch (e) { C.showError(keyError, e); }
    } });
  const sgMode = el("select", { id: "sg-mode" }, el("option", { value: "new", text: t("launch.sgCreate") }),
    el("option", { value: "existing", text: t("launch.sgExisting") }));
  const sgExisting = el("select", { id: "sg-existing" }, (sgs.securityGroupInfo || []).map((g) =>
    el("option", { value: g.groupId, text: g.groupName + " (" + g.groupId + ")" })));
  const ssh = el("input", { type: "checkbox", id: "allow-ssh", checked: true });
  const sshCidr = el("input", { type: "text", id: "ssh-cidr", value: "0.0.0.0/0" });
  const sshSource = C.sourcePicker("ssh-source", sshCidr);
  sshSource.value = "anywhere";
  // The subnet, and so the VPC: without one EC2 picks a default subnet of the default VPC.
  const subnetList = subnets.subnetSet || [];
  const subnet = el("select", { id: "launch-subnet" }, el("option", { value: "", text: t("launch.subnetDefault") }),
    subnetList.map((x) => el("option", { value: x.subnetId, text: x.subnetId + (C.nameOf(x.tagSet) ? " (" + C.nameOf(x.tagSet) + ")" : "") +
      " — " + x.vpcId + " " + x.cidrBlock + " " + x.availabilityZone })));
  const https = el("input", { type: "checkbox", id: "allow-https" });
  const http = el("input", { type: "checkbox", id: "allow-http" });
  const sgNew = el("div", { id: "sg-new" },
    el("div", { class: "field" }, ssh, el("label", { for: "allow-ssh", text: " " + t("launch.ssh") })),
    field("ssh-source", t("launch.ssh"), sshSource), field("ssh-cidr", t("launch.cidr"), sshCidr),
    el("div", { class: "field" }, https, el("label", { for: "allow-https", text: " " + t("launch.https") })),
    el("div", { class: "field" }, http, el("label", { for: "allow-http", text: " " + t("launch.http") })));
  const sgPick = field("sg-existing", t("launch.sgExisting"), sgExisting);
  const syncSg = () => { sgNew.hidden = sgMode.value !== "new"; sgPick.hidden = sgMode.value === "new"; };
  sgMode.addEventListener("change", syncSg);
  syncSg();
  const size = el("input", { id: "root-size", type: "number", min: "1", value: "8" });
  const volType = el("select", { id: "root-type" }, ["gp3", "gp2", "io1", "io2", "st1", "sc1", "standard"].map((v) => el("option", { value: v, text: v })));
  const userData = el("textarea", { id: "user-data", rows: "5" });
  const submit = el("button", { class: "primary", type: "submit", id: "launch-submit", text: t("launch.submit") });
  const form = el("form", { id: "launch-form" },
    el("h1", { text: t("launch.title") + " (" + C.region + ")" }),
    el("section", { class: "card" }, el("h2", { text: t("launch.name") }), field("launch-name", t("launch.nameLabel"), name), nameError),
    el("section", { class: "card" }, el("h2", { text: t("launch.image") }), field("launch-image", t("launch.image"), image)),
    el("section", { class: "card" }, el("h2", { text: t("launch.type") }), field("launch-type", t("launch.type"), type), badge, price),
    el("section", { class: "card" }, el("h2", { text: t("launch.key") }), field("launch-key", t("launch.key"), key),
      field("new-key-name", t("launch.keyNameLabel"), newKeyName), createKey, keyError, keyNote),
    el("section", { class: "card" }, el("h2", { text: t("launch.network") }), field("launch-subnet", t("vpc.subnet"), subnet),
      field("sg-mode", t("launch.network"), sgMode), sgNew, sgPick),
    el("section", { class: "card" }, el("h2", { text: t("launch.storage") }), field("root-size", t("launch.size"), size),
      field("root-type", t("launch.volType"), volType)),
    el("details", { class: "card" }, el("summary", { text: t("launch.advanced") }), field("user-data", t("launch.userData"), userData)),
    error, submit);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    nameError.textContent = error.textContent = "";
    if (!name.value.trim()) { nameError.textContent = t("err.name"); name.focus(); return; }
    submit.disabled = true;
    try {
      const groupId = sgMode.value === "new" ? await createGroup() : sgExisting.value;
      const params = { ImageId: image.value, InstanceType: type.value, MinCount: "1", MaxCount: "1",
        "SecurityGroupId.1": groupId,
        "TagSpecification.1.ResourceType": "instance",
        "TagSpecification.1.Tag.1.Key": "Name", "TagSpecification.1.Tag.1.Value": name.value.trim(),
        "BlockDeviceMapping.1.DeviceName": "/dev/xvda", "BlockDeviceMapping.1.Ebs.VolumeSize": size.value,
        "BlockDeviceMapping.1.Ebs.VolumeType": volType.value };
      if (key.value) params.KeyName = key.value;
      if (subnet.value) params.SubnetId = subnet.value;
      if (userData.value) params.UserData = b64(userData.value);
      const r = await C.ec2("RunInstances", params);
      C.banner(t("launch.done", { id: r.instancesSet[0].instanceId }));
      location.hash = "#/instances";
    } catch (e) {
      C.showError(error, e);
      error.focus?.();
    } finally {
      submit.disabled = false;
    }
  });
  // The launch wizard's own group, as the real console names it (launch-wizard-N).
  async function createGroup() {
    const existing = new Set((sgs.securityGroupInfo || []).map((g) => g.groupName));
    let n = 1;
    while (existing.has("launch-wizard-" + n)) n++;
    const vpcId = subnetList.find((x) => x.subnetId === subnet.value)?.vpcId;
    const g = await C.ec2("CreateSecurityGroup", { GroupName: "launch-wizard-" + n,
      GroupDescription: "launch-wizard-" + n + " created by the ec2sim console", ...(vpcId ? { VpcId: vpcId } : {}) });
    const rules = [];
    if (ssh.checked) rules.push([22, sshCidr.value.trim()]);
    if (https.checked) rules.push([443, "0.0.0.0/0"]);
    if (http.checked) rules.push([80, "0.0.0.0/0"]);
    const p = { GroupId: g.groupId };
    rules.forEach(([port, cidr], i) => Object.assign(p, {
      ["IpPermissions." + (i + 1) + ".IpProtocol"]: "tcp", ["IpPermissions." + (i + 1) + ".FromPort"]: String(port),
      ["IpPermissions." + (i + 1) + ".ToPort"]: String(port), ["IpPermissions." + (i + 1) + ".IpRanges.1.CidrIp"]: cidr }));
    if (rules.length) {
      try { await C.ec2("AuthorizeSecurityGroupIngress", p); } catch (e) {
        await C.ec2("DeleteSecurityGroup", { GroupId: g.groupId }).catch(() => {});
        throw e;
      }
    }
    return g.groupId;
  }
  main.replaceChildren(form);
};

// ---- Elastic IPs ---------------------------------------------------------------------------
C.pages.eips = async (main) => {
  const error = C.errorBox("eip-error");
  const body = el("div", { id: "eip-table" });
  const run = (fn) => async () => { error.textContent = ""; try { await fn(); await draw(); } catch (e) { C.showError(error, e); } };
  main.replaceChildren(el("h1", { text: t("eip.title") + " (" + C.region + ")" }),
    el("div", { class: "toolbar" }, el("button", { type: "button", class: "primary", id: "allocate-eip",
      text: t("eip.allocate"), onclick: run(() => C.ec2("AllocateAddress", { Domain: "vpc" })) })),
    error, body);
  async function draw() {
    const [addrs, inst, prices] = await Promise.all([C.ec2("DescribeAddresses"), C.ec2("DescribeInstances"),
      C.admin("prices?region=" + encodeURIComponent(C.region)).catch(() => ({}))]);
    const hourly = prices.public_ipv4_micro_usd_per_hour;
    const idleText = hourly === undefined ? t("eip.idle") : t("eip.idlePrice", { price: "$" + (hourly / 1e6).toFixed(3) });
    const instances = (inst.reservationSet || []).flatMap((r) => r.instancesSet || [])
      .filter((i) => i.instanceState.name === "running" || i.instanceState.name === "stopped");
    const rows = (addrs.addressesSet || []).map((a) => {
      const pick = el("select", { id: "eip-pick-" + a.allocationId, "aria-label": t("eip.pick") + " " + a.publicIp },
        instances.map((i) => el("option", { value: i.instanceId, text: i.instanceId })));
      return el("tr", { "data-eip": a.publicIp },
        el("td", { class: "eip-address", text: a.publicIp }), el("td", { text: a.allocationId }),
        el("td", {}, a.instanceId ? a.instanceId : el("span", { class: "warnbox idle", text: idleText })),
        el("td", {}, a.associationId
          ? el("button", { type: "button", class: "disassociate", text: t("eip.disassociate"),
              onclick: run(() => C.ec2("DisassociateAddress", { AssociationId: a.associationId })) })
          : [pick, el("button", { type: "button", class: "associate", text: t("eip.associate"),
              onclick: run(() => C.ec2("AssociateAddress", { AllocationId: a.allocationId, InstanceId: pick.value })) })],
          el("button", { type: "button", class: "release", text: t("eip.release"),
            onclick: run(async () => {
              if (await C.confirm(t("confirm.release.title"), t("confirm.release.text", { ip: a.publicIp }))) {
                await C.ec2("ReleaseAddress", { AllocationId: a.allocationId });
              }
            }) })));
    });
    body.replaceChildren(rows.length ? tableOf([t("eip.address"), t("eip.allocationId"), t("eip.instance"), ""], rows)
      : el("p", { text: t("eip.none") }));
  }
  await draw();
};

// ---- security groups: inbound and outbound rule editors ------------------------------------------
// A rule's source or destination: a CIDR typed in, anywhere, or "My IP", the account's own
// address /32 as the session names it (docs/console.md, "My IP").
C.sourcePicker = (id, cidr, label) => {
  const pick = C.selectOf(id, [["custom", t("launch.custom")], ["anywhere", t("launch.anywhere")],
    ...(C.session.my_ip ? [["myip", t("myip.option", { ip: C.session.my_ip + "/32" })]] : [])], { "aria-label": label });
  pick.addEventListener("change", () => {
    if (pick.value === "anywhere") cidr.value = "0.0.0.0/0";
    if (pick.value === "myip") cidr.value = C.session.my_ip + "/32";
  });
  cidr.addEventListener("input", () => { pick.value = "custom"; });
  return pick;
};
// IpPermissions.1 of one rule: protocol, ports and one CIDR or group.
const permission = (protocol, from, to, where) => ({ "IpPermissions.1.IpProtocol": protocol,
  ...(protocol === "-1" ? {} : { "IpPermissions.1.FromPort": String(from), "IpPermissions.1.ToPort": String(to) }),
  ...(where.startsWith("sg-") ? { "IpPermissions.1.Groups.1.GroupId": where } : { "IpPermissions.1.IpRanges.1.CidrIp": where }) });

C.pages.sgs = async (main) => {
  const error = C.errorBox("sg-error");
  const body = el("div", {});
  main.replaceChildren(el("h1", { text: t("sg.title") + " (" + C.region + ")" }), error, body);
  const verb = (egress, kind) => (kind === "add" ? "Authorize" : "Revoke") + "SecurityGroup" + (egress ? "Egress" : "Ingress");
  // One table row per CIDR or group of each permission, with its delete button.
  const rules = (g, egress) => {
    const perms = (egress ? g.ipPermissionsEgress : g.ipPermissions) || [];
    const rows = perms.flatMap((p) => [...(p.ipRanges || []).map((r) => r.cidrIp), ...(p.groups || []).map((x) => x.groupId)]
      .map((where) => {
        const ports = p.ipProtocol === "-1" ? t("rule.all") : p.fromPort === p.toPort ? p.fromPort : p.fromPort + "-" + p.toPort;
        return C.row(p.ipProtocol === "-1" ? t("rule.all") : p.ipProtocol, ports, where,
          el("button", { type: "button", text: t("vol.delete"),
            "aria-label": t("sg.deleteRule") + " " + t(egress ? "dir.out" : "dir.in") + " " + ports + " " + where,
            onclick: async () => {
              error.textContent = "";
              try { await C.ec2(verb(egress, "revoke"), { GroupId: g.groupId, ...permission(p.ipProtocol, p.fromPort, p.toPort, where) }); await draw(); }
              catch (e) { C.showError(error, e); }
            } }));
      }));
    return C.tableOf([t("rule.protocol"), t("rule.ports"), t(egress ? "rule.dest" : "rule.source"), ""], rows, t("common.none"));
  };
  // The inbound editor keeps the ids it always had (port-, cidr-, add-rule-GROUP).
  const editor = (g, egress) => {
    const pre = egress ? "out-" : "";
    const f = (name) => pre + name + "-" + g.groupId;
    const protocol = C.selectOf(f("protocol"), [["tcp", "TCP"], ["udp", "UDP"], ["icmp", "ICMP"], ["-1", t("rule.all")]]);
    const port = C.input(f("port"), "", { size: "11" });
    const cidr = C.input(f("cidr"), "0.0.0.0/0");
    const where = C.sourcePicker(f("source"), cidr, t(egress ? "rule.dest" : "rule.source") + " " + g.groupId);
    where.value = "anywhere";
    return C.form(f("rule-form"), [[f("protocol"), t("rule.protocol"), protocol], [f("port"), t("rule.ports"), port, /port/i],
      [f("source"), t(egress ? "rule.dest" : "rule.source"), where], [f("cidr"), "CIDR", cidr, /cidr|range|group/i]],
    t(egress ? "sg.addOutbound" : "sg.addRule"), async () => {
      const [from, to] = port.value.includes("-") ? port.value.split("-") : [port.value, port.value];
      const icmp = protocol.value === "icmp";
      await C.ec2(verb(egress, "add"), { GroupId: g.groupId,
        ...permission(protocol.value, icmp ? -1 : from.trim(), icmp ? -1 : to.trim(), cidr.value.trim()) });
      await draw();
    });
  };
  async function draw() {
    const r = await C.ec2("DescribeSecurityGroups");
    body.replaceChildren(...(r.securityGroupInfo || []).map((g) => {
      const inbound = editor(g, false);
      inbound.querySelector("button[type=submit]").id = "add-rule-" + g.groupId;
      return el("section", { class: "card", "data-group": g.groupId, "aria-labelledby": "sg-h-" + g.groupId },
        el("h2", { id: "sg-h-" + g.groupId, text: g.groupName + " — " + g.groupId }),
        el("p", { class: "muted", text: t("sg.vpc") + ": " + (g.vpcId || "–") + " · " + g.groupDescription }),
        el("h3", { text: t("det.inbound") }), rules(g, false), inbound,
        el("h3", { text: t("det.outbound") }), rules(g, true), editor(g, true));
    }));
    C.drawn(main);
  }
  await draw();
};

})();
