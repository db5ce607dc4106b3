// The console's pages for snapshots, images and launch templates: lists and the everyday
// actions, each one an EC2 Query API call.
"use strict";
(() => {
const C = window.EC2SIM;
const el = C.el, t = C.t;
const { tableOf, row, field } = C;

// ---- snapshots ----------------------------------------------------------------------------------
C.pages.snapshots = async (main) => {
  const error = C.errorBox("snapshot-error");
  const body = el("div", { id: "snapshot-table" });
  const volumes = ((await C.ec2("DescribeVolumes")).volumeSet || []);
  const volume = el("select", { id: "snapshot-volume" }, volumes.map((v) => el("option", { value: v.volumeId, text: v.volumeId + " (" + v.size + " GiB)" })));
  const description = el("input", { id: "snapshot-description", type: "text" });
  const run = (fn) => async () => { error.textContent = ""; try { await fn(); await draw(); } catch (e) { C.showError(error, e); } };
  main.replaceChildren(el("h1", { text: t("snap.title") + " (" + C.region + ")" }),
    el("form", { class: "card", id: "snapshot-form", onsubmit: (ev) => { ev.preventDefault(); run(() =>
      C.ec2("CreateSnapshot", { VolumeId: volume.value, Description: description.value }))(); } },
      field("snapshot-volume", t("vol.id"), volume), field("snapshot-description", t("sg.desc"), description),
      el("button", { type: "submit", class: "primary", text: t("snap.create") })),
    error, body);
  async function draw() {
    const r = await C.ec2("DescribeSnapshots", C.list("Owner", ["self"]));
    body.replaceChildren(tableOf([t("snap.id"), t("vol.id"), t("vol.size"), t("vol.state"), t("snap.progress"), t("sg.desc"), ""],
      (r.snapshotSet || []).map((s) => row(s.snapshotId, s.volumeId, s.volumeSize + " GiB", s.status, s.progress, s.description,
        el("button", { type: "button", text: t("vol.delete"), "aria-label": t("vol.delete") + " " + s.snapshotId,
          onclick: run(() => C.ec2("DeleteSnapshot", { SnapshotId: s.snapshotId })) }))), t("snap.none")));
  }
  await draw();
  // A snapshot completes on the simulated clock: show it when it does.
  C.timer = setInterval(() => draw().catch(() => {}), 2000);
};

// ---- images --------------------------------------------------------------------------------------
C.pages.images = async (main) => {
  const [own, amazon] = await Promise.all([C.ec2("DescribeImages", C.list("Owner", ["self"])),
    C.ec2("DescribeImages", C.list("Owner", ["amazon"]))]);
  const list = (r) => (r.imagesSet || []).map((i) => row(i.imageId, i.name, i.architecture, i.platformDetails || i.platform || "",
    i.rootDeviceName, i.imageState));
  const cols = [t("img.id"), t("img.name"), t("img.arch"), t("img.platform"), t("img.root"), t("vol.state")];
  main.replaceChildren(el("h1", { text: t("img.title") + " (" + C.region + ")" }),
    el("section", { class: "card", "aria-labelledby": "img-own" }, el("h2", { id: "img-own", text: t("img.own") }),
      tableOf(cols, list(own), t("img.noneOwn"))),
    el("section", { class: "card", "aria-labelledby": "img-amazon" }, el("h2", { id: "img-amazon", text: t("img.amazon") }),
      tableOf(cols, list(amazon), t("img.noneOwn"))));
};

// ---- launch templates ------------------------------------------------------------------------------
C.pages.templates = async (main) => {
  const error = C.errorBox("template-error");
  const body = el("div", { id: "template-table" });
  const run = (fn) => async () => { error.textContent = ""; try { await fn(); await draw(); } catch (e) { C.showError(error, e); } };
  main.replaceChildren(el("h1", { text: t("lt.title") + " (" + C.region + ")" }), error, body);
  async function draw() {
    const r = await C.ec2("DescribeLaunchTemplates");
    body.replaceChildren(tableOf([t("lt.id"), t("lt.name"), t("lt.default"), t("lt.latest"), ""],
      (r.launchTemplates || []).map((lt) => row(lt.launchTemplateId, lt.launchTemplateName, lt.defaultVersionNumber,
        lt.latestVersionNumber,
        [el("button", { type: "button", text: t("lt.launch"), "aria-label": t("lt.launch") + " " + lt.launchTemplateName,
          onclick: run(async () => {
            const out = await C.ec2("RunInstances", { "LaunchTemplate.LaunchTemplateId": lt.launchTemplateId, MinCount: "1", MaxCount: "1" });
            C.banner(t("launch.done", { id: out.instancesSet[0].instanceId }));
          }) }),
        el("button", { type: "button", text: t("vol.delete"), "aria-label": t("vol.delete") + " " + lt.launchTemplateName,
          onclick: run(() => C.ec2("DeleteLaunchTemplate", { LaunchTemplateId: lt.launchTemplateId })) })])), t("lt.none")));
  }
  await draw();
};
})();
