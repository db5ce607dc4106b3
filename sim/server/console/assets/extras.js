// The console's Connect page, the bill with its day-by-day chart and the other IPv4 pricing
// rule, and the class page for a classroom's admins.
"use strict";
(() => {
const C = window.EC2SIM;
const el = C.el, t = C.t;
const { nameOf, tableOf, row } = C;
const money = (usd) => "$" + Number(usd).toFixed(2);

// ---- Connect: what `ssh` would need, and whether port 22 gets through --------------------------
// The simulated shell is not built yet; this page says what SSH checks and runs the probe.
C.pages.connect = async (main, id) => {
  const r = await C.ec2("DescribeInstances", C.list("InstanceId", [id]));
  const i = r.reservationSet[0].instancesSet[0];
  const images = await C.ec2("DescribeImages", C.list("ImageId", [i.imageId])).catch(() => ({}));
  const imageName = (images.imagesSet || [])[0]?.name || "";
  // Amazon Linux logs in as ec2-user, Ubuntu as ubuntu (EC2 User Guide, "Connect to your Linux
  // instance using SSH": default user names per AMI).
  const user = /ubuntu/i.test(imageName) ? "ubuntu" : /debian/i.test(imageName) ? "admin" : "ec2-user";
  const key = i.keyName ? i.keyName + ".pem" : "KEY.pem";
  const ip = i.ipAddress || "";
  const checks = el("ul", { id: "connect-checks" },
    el("li", { text: t("connect.state", { state: i.instanceState.name }) }),
    el("li", { text: ip ? t("connect.ip", { ip }) : t("connect.noIp") }),
    el("li", { text: i.keyName ? t("connect.key", { key }) : t("connect.noKey") }),
    el("li", { text: t("connect.user", { user }) }));
  const out = el("div", { id: "connect-probe", "aria-live": "polite" });
  main.replaceChildren(el("p", {}, el("a", { href: "#/instances/" + id, text: t("det.back") })),
    el("h1", { text: t("connect.title") + " " + id + (nameOf(i.tagSet) ? " (" + nameOf(i.tagSet) + ")" : "") }),
    el("section", { class: "card" }, el("h2", { text: t("connect.ssh") }),
      el("pre", { tabindex: "0", id: "connect-command", text: "chmod 400 " + key + "\nssh -i " + key + " " + user + "@" + (ip || "PUBLIC-IP") }),
      el("p", { class: "muted", text: t("connect.simulated") })),
    el("section", { class: "card" }, el("h2", { text: t("connect.checks") }), checks, out));
  if (i.instanceState.name !== "running" || !ip) return;
  // SSH comes from the learner's own machine: the account's "My IP" (docs/console.md).
  const from = C.session.my_ip || "203.0.113.7";
  try {
    const p = await C.admin("probe?region=" + encodeURIComponent(C.region), "POST",
      { from, to: id, protocol: "tcp", port: 22, client: "Seoul", lang: C.lang });
    out.replaceChildren(
      el("p", { id: "connect-verdict", class: p.Verdict === "allowed" ? "state state-running" : "state state-stopped",
        text: t("connect.port22", { ip: from }) + " " + t("reach." + p.Verdict) + (p.RttMs !== undefined ? " · " + p.RttMs + " ms" : "") }),
      el("p", { text: p.Explanation }));
  } catch (e) {
    const box = C.errorBox("connect-error");
    C.showError(box, e);
    out.replaceChildren(box);
  }
};

// ---- the bill ----------------------------------------------------------------------------------
C.pages.billing = async (main) => {
  const [bill, other] = await Promise.all([C.admin("bill", "POST", { series: 30 }),
    C.admin("bill", "POST", { pricing: "legacy-eip" })]);
  const rows = (bill.Lines || []).map((l) => row(l.UsageType, l.ResourceId || "", l.Quantity + " " + l.Unit, money(l.AmountUSD)));
  const series = bill.Series || { Edges: [], CostUSD: {} };
  const buckets = Math.max(0, series.Edges.length - 1);
  const totals = Array.from({ length: buckets }, (_, k) =>
    Object.values(series.CostUSD).reduce((sum, col) => sum + (col[k] || 0), 0));
  const top = Math.max(...totals, 0.000001);
  const chart = el("div", { class: "chart", id: "bill-chart", role: "img",
    "aria-label": t("bill.chart") + ": " + totals.map((v, k) => series.Edges[k].slice(0, 16) + " " + money(v)).join(", ") },
    totals.map((v, k) => {
      const bar = el("div", { class: "bar", title: series.Edges[k].slice(0, 16) + " " + money(v) });
      bar.style.height = Math.round((v / top) * 100) + "%";  // CSSOM: allowed by the page's policy
      return bar;
    }));
  const otherRule = bill.PricingPolicy === "legacy-eip" ? "public-ipv4-2024" : "legacy-eip";
  main.replaceChildren(el("h1", { text: t("bill.title") }),
    el("p", { id: "bill-total", class: "card" }, t("bill.total") + ": " + money(bill.TotalUSD) +
      " (" + bill.Period?.Start + " – " + bill.Period?.End + ")"),
    buckets ? el("section", { class: "card" }, el("h2", { text: t("bill.chart") }), chart) : null,
    rows.length ? tableOf([t("bill.usage"), t("bill.resource"), t("bill.quantity"), t("bill.amount")], rows)
      : el("p", { text: t("bill.none") }),
    el("p", { id: "bill-other-rule", class: "card", text: t("bill.otherRule." + otherRule, { total: money(other.TotalUSD) }) }));
};

// ---- the class, for a classroom's admins ---------------------------------------------------------
C.pages.class = async (main) => {
  const error = C.errorBox("class-error");
  if (!C.session.admin) {
    main.replaceChildren(el("h1", { text: t("class.title") }), el("p", { text: t("class.adminsOnly") }));
    return;
  }
  const body = el("div", {});
  main.replaceChildren(el("h1", { text: t("class.title") }), error, body);
  async function draw() {
    const [{ accounts }, progress] = await Promise.all([C.admin("accounts"), C.classProgress()]);
    const rows = await Promise.all((accounts || []).map(async (a) => {
      const bill = await C.admin("bill?account=" + a.account).catch(() => ({}));
      const tr = row(a.account, (a.names || []).join(", "), bill.TotalUSD !== undefined ? money(bill.TotalUSD) : "",
        ...(progress ? [C.progressCell(progress[a.account])] : []),
        el("button", { type: "button", text: t("class.reset"), "aria-label": t("class.reset") + " " + a.account,
          onclick: async () => {
            if (!(await C.confirm(t("class.reset"), t("class.resetText", { account: a.account })))) return;
            try { await C.admin("reset?account=" + a.account, "POST"); await draw(); } catch (e) { C.showError(error, e); }
          } }));
      tr.dataset.account = a.account;
      return tr;
    }));
    body.replaceChildren(tableOf([t("top.account"), t("class.learners"), t("bill.total"),
      ...(progress ? [t("class.lessons")] : []), ""], rows));
  }
  await draw();
};
})();
