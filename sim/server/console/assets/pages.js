// The console's pages. Each reads through the EC2 Query API (C.ec2) or the admin routes
// (C.admin) and draws with C.el, so no value from the server is ever parsed as markup.
"use strict";
(() => {
const C = window.EC2SIM;
const el = C.el, t = C.t;

const { nameOf, tableOf: table } = C;
const stateCell = (s) => el("span", { class: "state state-" + s, text: s });

async function instancesOf(region) {
  const r = await C.ec2("DescribeInstances", {}, region);
  return (r.reservationSet || []).flatMap((res) => res.instancesSet || []);
}
async function addressesOf(region) {
  return (await C.ec2("DescribeAddresses", {}, region)).addressesSet || [];
}
function unb64(text) {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch (e) { return text; }
}

// ---- dashboard ------------------------------------------------------------------------------
C.pages.dashboard = async (main) => {
  const [inst, addrs, sgs, keys, vols] = await Promise.all([
    instancesOf(), addressesOf(), C.ec2("DescribeSecurityGroups"), C.ec2("DescribeKeyPairs"),
    C.ec2("DescribeVolumes")]);
  const live = inst.filter((i) => i.instanceState.name !== "terminated");
  const count = (key, n, hash) => el("li", {}, el("a", { href: hash, text: t(key) + ": " + n }));
  main.replaceChildren(el("h1", { text: t("dash.title") }),
    el("section", { class: "card", "aria-labelledby": "dash-h" },
      el("h2", { id: "dash-h", text: t("dash.resources") + " " + C.region }),
      el("ul", {},
        count("dash.instancesRunning", live.filter((i) => i.instanceState.name === "running").length, "#/instances"),
        count("dash.instances", live.length, "#/instances"),
        count("dash.eips", addrs.length, "#/eips"),
        count("dash.sgs", (sgs.securityGroupInfo || []).length, "#/sgs"),
        count("dash.keys", (keys.keySet || []).length, "#/keys"),
        count("dash.volumes", (vols.volumeSet || []).length, "#/dashboard"))),
    el("button", { class: "primary", type: "button", onclick: () => (location.hash = "#/launch"),
      text: t("act.launch") }));
};

// ---- instances ------------------------------------------------------------------------------
C.pages.instances = async (main, arg) => {
  if (arg) return C.pages.instance(main, arg);
  // Pages of 50 rows, as the real console shows them: filter and sort act on the whole list.
  const view = { filter: "", sort: "name", asc: true, selected: null, page: 0, size: 50 };
  const error = C.errorBox("instances-error");
  const filter = el("input", { id: "instance-filter", type: "search", "aria-label": t("inst.filter"),
    placeholder: t("inst.filter") });
  const body = el("div", { id: "instances-table" });
  const act = (key, action, confirmKey) => el("button", { type: "button", id: "action-" + action,
    text: t(key), disabled: true, "data-needs-selection": "",
    onclick: async () => {
      const id = view.selected;
      if (!id) return;
      if (!(await C.confirm(t("confirm." + confirmKey + ".title"), t("confirm." + confirmKey + ".text", { id })))) return;
      try {
        await C.ec2(action, C.list("InstanceId", [id]));
        error.textContent = "";
        await draw();
      } catch (e) { C.showError(error, e); }
    } });
  const buttons = [act("act.start", "StartInstances", "start"), act("act.stop", "StopInstances", "stop"),
    act("act.reboot", "RebootInstances", "reboot"), act("act.terminate", "TerminateInstances", "terminate")];
  filter.addEventListener("input", () => { view.filter = filter.value.toLowerCase(); view.page = 0; draw(); });
  const count = el("span", { id: "instances-count", "aria-live": "polite" });
  const prev = el("button", { type: "button", id: "page-prev", text: t("inst.prev"),
    onclick: () => { view.page--; draw(); } });
  const next = el("button", { type: "button", id: "page-next", text: t("inst.next"),
    onclick: () => { view.page++; draw(); } });
  main.replaceChildren(el("h1", { text: t("inst.title") + " (" + C.region + ")" }),
    el("div", { class: "toolbar" }, filter,
      el("button", { type: "button", id: "refresh", text: t("act.refresh"), onclick: () => draw() }),
      ...buttons,
      el("button", { type: "button", class: "primary", id: "launch-button", text: t("act.launch"),
        onclick: () => (location.hash = "#/launch") })),
    error, body, el("div", { class: "toolbar" }, prev, count, next));
  const columns = [["name", "col.name"], ["id", "col.id"], ["state", "col.state"], ["type", "col.type"],
    ["az", "col.az"], ["ip", "col.publicIp"], ["eip", "col.eip"], ["key", "col.key"]];
  async function draw() {
    const [inst, addrs] = await Promise.all([instancesOf(), addressesOf()]);
    const eipOf = Object.fromEntries(addrs.filter((a) => a.instanceId).map((a) => [a.instanceId, a.publicIp]));
    let rows = inst.map((i) => ({ name: nameOf(i.tagSet), id: i.instanceId, state: i.instanceState.name,
      type: i.instanceType, az: i.placement?.availabilityZone || "", ip: i.ipAddress || "",
      eip: eipOf[i.instanceId] || "", key: i.keyName || "" }));
    rows = rows.filter((r) => !view.filter || Object.values(r).some((v) => v.toLowerCase().includes(view.filter)));
    rows.sort((a, b) => (a[view.sort] < b[view.sort] ? -1 : a[view.sort] > b[view.sort] ? 1 : 0) * (view.asc ? 1 : -1));
    if (!rows.some((r) => r.id === view.selected)) view.selected = null;
    const pages = Math.max(1, Math.ceil(rows.length / view.size));
    view.page = Math.min(Math.max(view.page, 0), pages - 1);
    const first = view.page * view.size;
    const shown = rows.slice(first, first + view.size);
    count.textContent = rows.length
      ? t("inst.range", { from: first + 1, to: first + shown.length, total: rows.length }) : "";
    prev.disabled = view.page === 0;
    next.disabled = view.page >= pages - 1;
    const head = columns.map(([k, key]) => el("button", { type: "button", "data-sort": k,
      "aria-label": t(key) + (view.sort === k ? (view.asc ? " ▲" : " ▼") : ""),
      onclick: () => { view.asc = view.sort === k ? !view.asc : true; view.sort = k; draw(); } },
      t(key) + (view.sort === k ? (view.asc ? " ▲" : " ▼") : "")));
    const trs = shown.map((r) => el("tr", { "data-instance": r.id, class: r.id === view.selected ? "selected" : null },
      el("td", {}, el("input", { type: "radio", name: "instance", value: r.id, checked: r.id === view.selected,
        "aria-label": t("col.select") + " " + (r.name || r.id),
        onchange: () => { view.selected = r.id; draw(); } })),
      el("td", { text: r.name }),
      el("td", {}, el("a", { href: "#/instances/" + r.id, text: r.id })),
      el("td", {}, stateCell(r.state)), el("td", { text: r.type }), el("td", { text: r.az }),
      el("td", { class: "public-ip", text: r.ip }), el("td", { text: r.eip }), el("td", { text: r.key })));
    body.replaceChildren(rows.length === 0 && !view.filter ? el("p", { text: t("inst.none") })
      : table([el("span", { class: "skip", text: t("col.select") }), ...head], trs));
    for (const btn of buttons) btn.disabled = !view.selected;
    return rows;
  }
  await draw();
  // A state change shows by itself: once a second while the page is open (answers come from the
  // server's cache until the state changes, so this is cheap). A redraw still running when the
  // next is due (a very large list on a slow machine) is not doubled.
  let busy = false;
  C.timer = setInterval(() => {
    if (busy) return;
    busy = true;
    draw().catch(() => {}).finally(() => { busy = false; });
  }, 1000);
};

C.pages.instance = async (main, id) => {
  const r = await C.ec2("DescribeInstances", C.list("InstanceId", [id]));
  const i = r.reservationSet[0].instancesSet[0];
  const panel = el("div", { id: "tab-panel", role: "tabpanel", tabindex: "0" });
  const kv = (pairs) => el("dl", { class: "kv" }, pairs.flatMap(([k, v]) => [el("dt", { text: t(k) }), el("dd", { text: v || "–" })]));
  const tabs = {
    details: async () => kv([["col.id", i.instanceId], ["col.name", nameOf(i.tagSet)],
      ["col.state", i.instanceState.name], ["col.type", i.instanceType], ["col.az", i.placement?.availabilityZone],
      ["col.publicIp", i.ipAddress], ["det.privateIp", i.privateIpAddress], ["det.image", i.imageId],
      ["col.key", i.keyName], ["det.launchTime", i.launchTime]]),
    security: async () => {
      const ids = (i.groupSet || []).map((g) => g.groupId);
      const sgs = ids.length ? (await C.ec2("DescribeSecurityGroups", C.list("GroupId", ids))).securityGroupInfo : [];
      return el("div", {}, sgs.map((g) => el("section", { class: "card" },
        el("h2", { text: g.groupId + " (" + g.groupName + ")" }),
        el("h3", { text: t("det.inbound") }), rulesTable(g.ipPermissions, "rule.source"),
        el("h3", { text: t("det.outbound") }), rulesTable(g.ipPermissionsEgress, "rule.dest"))));
    },
    networking: async () => kv([["col.publicIp", i.ipAddress], ["det.publicDns", i.dnsName],
      ["det.privateIp", i.privateIpAddress], ["det.privateDns", i.privateDnsName]]),
    storage: async () => {
      const v = await C.ec2("DescribeVolumes", { "Filter.1.Name": "attachment.instance-id", "Filter.1.Value.1": id });
      return table(["Volume ID", "Device", "GiB", "Type", "State"].map((x) => x),
        (v.volumeSet || []).map((x) => el("tr", {}, el("td", { text: x.volumeId }),
          el("td", { text: x.attachmentSet?.[0]?.device || "" }), el("td", { text: x.size }),
          el("td", { text: x.volumeType }), el("td", {}, stateCell(x.status)))));
    },
    userdata: async () => {
      const a = await C.ec2("DescribeInstanceAttribute", { InstanceId: id, Attribute: "userData" });
      const v = a.userData?.value;
      return v ? el("pre", { tabindex: "0", text: unb64(v) }) : el("p", { text: t("det.noUserData") });
    },
    bootlog: async () => {
      const o = await C.ec2("GetConsoleOutput", { InstanceId: id });
      return el("pre", { tabindex: "0", id: "boot-log", text: o.output ? unb64(o.output) : "" });
    },
  };
  const tabButtons = Object.keys(tabs).map((k) => el("button", { type: "button", role: "tab", id: "tab-" + k,
    "aria-controls": "tab-panel", "aria-selected": "false", text: t("tab." + k), onclick: () => show(k) }));
  async function show(k) {
    for (const b of tabButtons) b.setAttribute("aria-selected", String(b.id === "tab-" + k));
    panel.setAttribute("aria-labelledby", "tab-" + k);
    try { panel.replaceChildren(await tabs[k]()); } catch (e) { const box = C.errorBox(); C.showError(box, e); panel.replaceChildren(box); }
  }
  main.replaceChildren(el("p", {}, el("a", { href: "#/instances", text: t("det.back") })),
    el("h1", { text: t("det.title") + " " + id + (nameOf(i.tagSet) ? " (" + nameOf(i.tagSet) + ")" : "") }),
    el("div", { class: "toolbar" }, el("a", { href: "#/connect/" + id, id: "connect-link", class: "button", text: t("act.connect") })),
    el("div", { role: "tablist", "aria-label": t("det.title") }, tabButtons), panel);
  await show("details");
};

function rulesTable(perms, whereKey) {
  const rows = (perms || []).flatMap((p) => (p.ipRanges || []).map((r) => el("tr", {},
    el("td", { text: p.ipProtocol === "-1" ? t("rule.all") : p.ipProtocol }),
    el("td", { text: p.ipProtocol === "-1" ? t("rule.all") : p.fromPort === p.toPort ? p.fromPort : p.fromPort + "-" + p.toPort }),
    el("td", { text: r.cidrIp })))
    .concat((p.groups || []).map((g) => el("tr", {}, el("td", { text: p.ipProtocol === "-1" ? t("rule.all") : p.ipProtocol }),
      el("td", { text: p.fromPort ?? t("rule.all") }), el("td", { text: g.groupId })))));
  return table([t("rule.protocol"), t("rule.ports"), t(whereKey)], rows);
}
C.rulesTable = rulesTable;
})();
