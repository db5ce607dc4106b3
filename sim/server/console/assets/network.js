// The console's pages for volumes and Reachability, the simulator's own page: would this traffic
// get through, and why. Answers come from the EC2 Query API and the admin probe route. The VPC
// family's pages are in vpc_edit.js and acl_edit.js.
"use strict";
(() => {
const C = window.EC2SIM;
const el = C.el, t = C.t;
const { row, nameOf, field } = C;
const tableOf = (columns, rows, empty) => C.tableOf(columns, rows, empty ?? t("common.none"));


// ---- volumes --------------------------------------------------------------------------------
C.pages.volumes = async (main) => {
  const error = C.errorBox("volume-error");
  const body = el("div", { id: "volume-table" });
  const azs = (await C.ec2("DescribeAvailabilityZones")).availabilityZoneInfo || [];
  const az = el("select", { id: "volume-az" }, azs.map((z) => el("option", { value: z.zoneName, text: z.zoneName })));
  const size = el("input", { id: "volume-size", type: "number", min: "1", value: "8" });
  const type = el("select", { id: "volume-type" }, ["gp3", "gp2", "io1", "io2", "st1", "sc1", "standard"].map((v) => el("option", { value: v, text: v })));
  const run = (fn) => async () => { error.textContent = ""; try { await fn(); await draw(); } catch (e) { C.showError(error, e); } };
  main.replaceChildren(el("h1", { text: t("vol.title") + " (" + C.region + ")" }),
    el("form", { class: "card toolbar", id: "volume-form", onsubmit: (ev) => { ev.preventDefault(); run(() =>
      C.ec2("CreateVolume", { AvailabilityZone: az.value, Size: size.value, VolumeType: type.value }))(); } },
      field("volume-az", t("col.az"), az), field("volume-size", t("vol.size"), size),
      field("volume-type", t("vol.type"), type), el("button", { type: "submit", class: "primary", text: t("vol.create") })),
    error, body);
  async function draw() {
    const [v, inst] = await Promise.all([C.ec2("DescribeVolumes"), C.ec2("DescribeInstances")]);
    const instances = (inst.reservationSet || []).flatMap((r) => r.instancesSet || [])
      .filter((i) => i.instanceState.name !== "terminated");
    body.replaceChildren(tableOf([t("vol.id"), t("vol.size"), t("vol.type"), t("col.az"), t("vol.state"), t("vol.attached"), ""],
      (v.volumeSet || []).map((x) => {
        const att = (x.attachmentSet || [])[0];
        const pick = el("select", { "aria-label": t("vol.attachTo") + " " + x.volumeId },
          instances.filter((i) => i.placement?.availabilityZone === x.availabilityZone)
            .map((i) => el("option", { value: i.instanceId, text: i.instanceId })));
        const device = el("input", { type: "text", value: "/dev/sdf", size: "9", "aria-label": t("vol.device") + " " + x.volumeId });
        return row(x.volumeId, x.size + " GiB", x.volumeType, x.availabilityZone, x.status,
          att ? att.instanceId + " " + att.device : "",
          att ? el("button", { type: "button", text: t("vol.detach"), onclick: run(() => C.ec2("DetachVolume", { VolumeId: x.volumeId })) })
            : [pick, device, el("button", { type: "button", text: t("vol.attach"),
                onclick: run(() => C.ec2("AttachVolume", { VolumeId: x.volumeId, InstanceId: pick.value, Device: device.value })) }),
              el("button", { type: "button", text: t("vol.delete"), onclick: run(() => C.ec2("DeleteVolume", { VolumeId: x.volumeId })) })]);
      }), t("vol.none")));
  }
  await draw();
};

// ---- Reachability: the probe verb with its path and explanation ----------------------------------
C.pages.reach = async (main) => {
  const inst = await C.ec2("DescribeInstances");
  const instances = (inst.reservationSet || []).flatMap((r) => r.instancesSet || [])
    .filter((i) => i.instanceState.name !== "terminated");
  const label = (i) => i.instanceId + (nameOf(i.tagSet) ? " (" + nameOf(i.tagSet) + ")" : "");
  // From "My IP" unless the learner names another address (docs/console.md, "My IP").
  const from = el("input", { id: "probe-from", type: "text", value: C.session.my_ip || "203.0.113.7", list: "probe-instances" });
  const to = el("select", { id: "probe-to" }, instances.map((i) => el("option", { value: i.instanceId, text: label(i) })));
  const list = el("datalist", { id: "probe-instances" }, instances.map((i) => el("option", { value: i.instanceId, text: label(i) })));
  const protocol = el("select", { id: "probe-protocol" }, ["tcp", "udp", "icmp"].map((p) => el("option", { value: p, text: p })));
  const port = el("input", { id: "probe-port", type: "number", min: "0", max: "65535", value: "22" });
  const client = el("input", { id: "probe-client", type: "text", value: "Seoul" });
  const error = C.errorBox("probe-error");
  const out = el("div", { id: "probe-result", "aria-live": "polite" });
  const form = el("form", { class: "card", id: "probe-form" },
    el("p", { class: "muted", text: t("reach.intro") }),
    field("probe-from", t("reach.from"), from, C.session.my_ip && t("myip.hint", { ip: C.session.my_ip })), list, field("probe-to", t("reach.to"), to),
    field("probe-protocol", t("rule.protocol"), protocol), field("probe-port", t("sg.port"), port),
    field("probe-client", t("reach.client"), client),
    el("button", { type: "submit", class: "primary", id: "probe-submit", text: t("reach.submit") }));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    error.textContent = "";
    out.replaceChildren();
    try {
      const spec = { from: from.value.trim(), to: to.value, protocol: protocol.value, port: Number(port.value), lang: C.lang };
      if (client.value.trim()) spec.client = client.value.trim();
      const r = await C.admin("probe?region=" + encodeURIComponent(C.region), "POST", spec);
      out.replaceChildren(
        el("p", { id: "probe-verdict", class: r.Verdict === "allowed" ? "state state-running" : "state state-stopped",
          text: t("reach." + r.Verdict) + (r.RttMs !== undefined ? " · " + r.RttMs + " ms" : "") }),
        C.drawPath(r, spec),
        el("ol", { "aria-label": t("reach.path") }, (r.Components || []).map((c) => el("li", {},
          c.Type + (c.Id ? " " + c.Id : "") + ": " + c.Decision))),
        el("p", { id: "probe-explanation", text: r.Explanation }));
    } catch (e) { C.showError(error, e); }
  });
  main.replaceChildren(el("h1", { text: t("reach.title") + " (" + C.region + ")" }), form, error, out);
};
})();
