// The console's pages for snapshots (copied to a region, shared with an account), images (made
// from an instance) and launch templates (made from a form or an instance, versions, the default
// one): lists and actions, each one an EC2 Query API call.
"use strict";
(() => {
const C = window.EC2SIM;
const el = C.el, t = C.t;
const { tableOf, row, field } = C;

// ---- snapshots: create, copy to another region, share with an account ------------------------------
C.pages.snapshots = async (main) => {
  const error = C.errorBox("snapshot-error");
  const body = el("div", { id: "snapshot-table" });
  const [volumes, regions] = await Promise.all([C.ec2("DescribeVolumes"), C.ec2("DescribeRegions")]);
  const volume = el("select", { id: "snapshot-volume" }, (volumes.volumeSet || []).map((v) => el("option", { value: v.volumeId, text: v.volumeId + " (" + v.size + " GiB)" })));
  const description = el("input", { id: "snapshot-description", type: "text" });
  const run = (fn) => async () => { error.textContent = ""; try { await fn(); await draw(true); } catch (e) { C.showError(error, e); } };
  main.replaceChildren(el("h1", { text: t("snap.title") + " (" + C.region + ")" }),
    el("form", { class: "card", id: "snapshot-form", onsubmit: (ev) => { ev.preventDefault(); run(() =>
      C.ec2("CreateSnapshot", { VolumeId: volume.value, Description: description.value }))(); } },
      field("snapshot-volume", t("vol.id"), volume), field("snapshot-description", t("sg.desc"), description),
      el("button", { type: "submit", class: "primary", text: t("snap.create") })),
    error, body);
  const regionNames = (regions.regionInfo || []).map((r) => r.regionName).sort();
  // CopySnapshot is called in the destination region, naming the source (API_CopySnapshot.html).
  const copy = (s, to) => run(async () => {
    const r = await C.ec2("CopySnapshot", { SourceRegion: C.region, SourceSnapshotId: s.snapshotId,
      Description: s.description || "" }, to.value);
    C.banner(t("snap.copied", { id: r.snapshotId, region: to.value }));
  });
  const permission = (s, kind, account) => run(() => C.ec2("ModifySnapshotAttribute", { SnapshotId: s.snapshotId,
    Attribute: "createVolumePermission", OperationType: kind, "UserId.1": account.trim() }));
  let shown = "";
  // Redrawn only when something changed: the rows hold fields the learner may be typing in.
  async function draw(force) {
    const r = await C.ec2("DescribeSnapshots", C.list("Owner", ["self"]));
    const snaps = r.snapshotSet || [];
    const shares = await Promise.all(snaps.map((s) => s.status !== "completed" ? [] :
      C.ec2("DescribeSnapshotAttribute", { SnapshotId: s.snapshotId, Attribute: "createVolumePermission" })
        .then((a) => (a.createVolumePermission || []).map((p) => p.userId || p.group)).catch(() => [])));
    const key = JSON.stringify([snaps, shares]);
    if (!force && key === shown) return;
    shown = key;
    body.replaceChildren(tableOf([t("snap.id"), t("vol.id"), t("vol.size"), t("vol.state"), t("snap.progress"), t("sg.desc"),
      t("snap.sharedWith"), ""], snaps.map((s, i) => {
      const id = s.snapshotId;
      const to = el("select", { id: "copy-region-" + id, "aria-label": t("snap.copyTo") + " " + id },
        regionNames.map((n) => el("option", { value: n, text: n })));
      const account = el("input", { type: "text", id: "share-account-" + id, size: "13", inputmode: "numeric",
        "aria-label": t("snap.account") + " " + id });
      return row(id, s.volumeId, s.volumeSize + " GiB", s.status, s.progress, s.description, shares[i].join(", ") || "–", [
        to, el("button", { type: "button", id: "copy-" + id, text: t("snap.copy"), onclick: copy(s, to) }), " ",
        account, el("button", { type: "button", id: "share-" + id, text: t("snap.share"), onclick: () => permission(s, "add", account.value)() }),
        el("button", { type: "button", id: "unshare-" + id, text: t("snap.unshare"), onclick: () => permission(s, "remove", account.value)() }), " ",
        el("button", { type: "button", text: t("vol.delete"), "aria-label": t("vol.delete") + " " + id,
          onclick: run(() => C.ec2("DeleteSnapshot", { SnapshotId: id })) })]);
    }), t("snap.none")));
  }
  await draw(true);
  // A snapshot completes on the simulated clock: show it when it does.
  C.timer = setInterval(() => draw().catch(() => {}), 2000);
};

// ---- images: Amazon's and one's own, and an image made from an instance -----------------------
const liveInstances = async () => ((await C.ec2("DescribeInstances")).reservationSet || []).flatMap((r) => r.instancesSet || [])
  .filter((i) => i.instanceState.name !== "terminated");
const instanceLabel = (i) => i.instanceId + (C.nameOf(i.tagSet) ? " (" + C.nameOf(i.tagSet) + ")" : "");

C.pages.images = async (main) => {
  const [own, amazon, instances] = await Promise.all([C.ec2("DescribeImages", C.list("Owner", ["self"])),
    C.ec2("DescribeImages", C.list("Owner", ["amazon"])), liveInstances()]);
  const list = (r) => (r.imagesSet || []).map((i) => row(i.imageId, i.name, i.architecture, i.platformDetails || i.platform || "",
    i.rootDeviceName, i.imageState));
  const cols = [t("img.id"), t("img.name"), t("img.arch"), t("img.platform"), t("img.root"), t("vol.state")];
  // CreateImage: InstanceId and Name (3 to 128 characters) in, imageId out (API_CreateImage.html).
  // A server without the action answers InvalidAction, shown here as any other error.
  const instance = C.selectOf("image-instance", instances.map((i) => [i.instanceId, instanceLabel(i)]));
  const name = C.input("image-name");
  const description = C.input("image-description");
  const create = C.form("image-form", [["image-instance", t("img.instance"), instance],
    ["image-name", t("img.name"), name, /name/i], ["image-description", t("sg.desc"), description, /description/i]],
  t("img.create"), async () => {
    const r = await C.ec2("CreateImage", { InstanceId: instance.value, Name: name.value.trim(),
      ...(description.value.trim() ? { Description: description.value.trim() } : {}) });
    C.banner(t("img.created", { id: r.imageId }));
    C.route();
  });
  main.replaceChildren(el("h1", { text: t("img.title") + " (" + C.region + ")" }),
    el("section", { class: "card", "aria-labelledby": "img-create" }, el("h2", { id: "img-create", text: t("img.create") }), create),
    el("section", { class: "card", "aria-labelledby": "img-own" }, el("h2", { id: "img-own", text: t("img.own") }),
      tableOf(cols, list(own), t("img.noneOwn"))),
    el("section", { class: "card", "aria-labelledby": "img-amazon" }, el("h2", { id: "img-amazon", text: t("img.amazon") }),
      tableOf(cols, list(amazon), t("img.noneOwn"))));
};

// ---- launch templates: made from a form or an instance's settings, versions, the default ---------
C.pages.templates = async (main) => {
  const error = C.errorBox("template-error");
  const body = el("div", { id: "template-table" });
  const run = (fn) => async () => { error.textContent = ""; try { await fn(); await draw(); } catch (e) { C.showError(error, e); } };
  const [instances, images, keys, sgs, types] = await Promise.all([liveInstances(), C.ec2("DescribeImages", C.list("Owner", ["amazon"])),
    C.ec2("DescribeKeyPairs"), C.ec2("DescribeSecurityGroups"), C.ec2("DescribeInstanceTypes", {})]);
  const typeNames = (types.instanceTypeSet || []).map((x) => x.instanceType).sort();
  const name = C.input("lt-name");
  const image = C.selectOf("lt-image", (images.imagesSet || []).map((i) => [i.imageId, (i.name || i.imageId) + " — " + i.imageId]));
  const type = C.selectOf("lt-type", typeNames.map((n) => [n]));
  type.value = typeNames.includes("t2.micro") ? "t2.micro" : typeNames[0];
  const key = C.selectOf("lt-key", [["", t("launch.keyNone")], ...(keys.keySet || []).map((k) => [k.keyName])]);
  const group = C.selectOf("lt-group", [["", t("common.none")], ...(sgs.securityGroupInfo || []).map((g) => [g.groupId, g.groupName + " (" + g.groupId + ")"])]);
  const from = C.selectOf("lt-from", [["", t("lt.fromForm")], ...instances.map((i) => [i.instanceId, instanceLabel(i)])]);
  // An instance's settings fill the form (GetLaunchTemplateData, API_GetLaunchTemplateData.html),
  // which the learner may still change before creating the template.
  from.addEventListener("change", async () => {
    error.textContent = "";
    if (!from.value) return;
    try {
      const d = (await C.ec2("GetLaunchTemplateData", { InstanceId: from.value })).launchTemplateData || {};
      if (d.imageId) { if (![...image.options].some((o) => o.value === d.imageId)) image.append(el("option", { value: d.imageId, text: d.imageId })); image.value = d.imageId; }
      if (d.instanceType) type.value = d.instanceType;
      key.value = d.keyName || "";
      // EC2 writes an interface's groups as <groupSet><groupId>..</groupId></groupSet>, no items.
      const groups = (d.networkInterfaceSet || [])[0]?.groupSet;
      const first = Array.isArray(groups) ? groups[0] : groups;
      if (first) group.value = first.groupId || first;
    } catch (e) { C.showError(error, e); }
  });
  const create = C.form("lt-form", [["lt-from", t("lt.from"), from], ["lt-name", t("lt.name"), name, /name/i],
    ["lt-image", t("launch.image"), image, /image|ami/i], ["lt-type", t("launch.type"), type, /type/i],
    ["lt-key", t("launch.key"), key, /key/i], ["lt-group", t("launch.sgExisting"), group, /group/i]], t("lt.create"), async () => {
    const data = { "LaunchTemplateData.ImageId": image.value, "LaunchTemplateData.InstanceType": type.value };
    if (key.value) data["LaunchTemplateData.KeyName"] = key.value;
    if (group.value) data["LaunchTemplateData.SecurityGroupId.1"] = group.value;
    const r = await C.ec2("CreateLaunchTemplate", { LaunchTemplateName: name.value.trim(), ...data });
    C.banner(t("lt.created", { id: r.launchTemplate?.launchTemplateId || "" }));
    await draw();
  });
  main.replaceChildren(el("h1", { text: t("lt.title") + " (" + C.region + ")" }),
    el("section", { class: "card", "aria-labelledby": "lt-create-h" }, el("h2", { id: "lt-create-h", text: t("lt.create") }), create),
    error, body);
  async function draw() {
    const r = await C.ec2("DescribeLaunchTemplates");
    body.replaceChildren(tableOf([t("lt.id"), t("lt.name"), t("lt.default"), t("lt.latest"), ""],
      (r.launchTemplates || []).map((lt) => {
        const id = lt.launchTemplateId, n = lt.launchTemplateName;
        // A new version: the latest one with another instance type (CreateLaunchTemplateVersion's
        // SourceVersion copies the rest, API_CreateLaunchTemplateVersion.html).
        const vType = C.selectOf("lt-version-type-" + id, typeNames.map((x) => [x]), { "aria-label": t("lt.versionType") + " " + n });
        vType.value = "t3.micro";
        const version = el("input", { type: "number", id: "lt-default-" + id, min: "1", max: lt.latestVersionNumber,
          value: lt.latestVersionNumber, size: "4", "aria-label": t("lt.default") + " " + n });
        return row(id, n, lt.defaultVersionNumber, lt.latestVersionNumber, [
          el("button", { type: "button", text: t("lt.launch"), "aria-label": t("lt.launch") + " " + n,
            onclick: run(async () => {
              const out = await C.ec2("RunInstances", { "LaunchTemplate.LaunchTemplateId": id, MinCount: "1", MaxCount: "1" });
              C.banner(t("launch.done", { id: out.instancesSet[0].instanceId }));
            }) }), " ",
          vType, el("button", { type: "button", id: "lt-version-" + id, text: t("lt.newVersion"),
            onclick: run(() => C.ec2("CreateLaunchTemplateVersion", { LaunchTemplateId: id, SourceVersion: String(lt.latestVersionNumber),
              "LaunchTemplateData.InstanceType": vType.value })) }), " ",
          version, el("button", { type: "button", id: "lt-set-default-" + id, text: t("lt.setDefault"),
            onclick: run(() => C.ec2("ModifyLaunchTemplate", { LaunchTemplateId: id, SetDefaultVersion: version.value })) }), " ",
          el("button", { type: "button", text: t("vol.delete"), "aria-label": t("vol.delete") + " " + n,
            onclick: run(() => C.ec2("DeleteLaunchTemplate", { LaunchTemplateId: id })) })]);
      }), t("lt.none")));
  }
  await draw();
};
})();
