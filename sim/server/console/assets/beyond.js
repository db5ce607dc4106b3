// Pages beyond the real console: the clock's pause and speed, the latency map, the Reachability
// path as a picture, and the class's lesson progress. Every figure comes from the admin routes (latency-map, latency,
// probe, lessons/progress); the page only draws.
"use strict";
(() => {
const C = window.EC2SIM;
const el = C.el, t = C.t;
const { row, field } = C;
const SVG = "http://www.w3.org/2000/svg";

// An SVG element with attributes; text children become text nodes (never markup).
const svg = (tag, attrs, ...children) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
};

// ---- the clock's pace, in the top bar ---------------------------------------------------------
// Pause and speed (POST /_ec2sim/clock {"paused"} / {"speed"}): the caller's own clock in a
// classroom, the server clock otherwise. A manual clock stands still anyway: both are off.
C.paceControls = () => {
  const pause = el("button", { type: "button", id: "clock-pause", "aria-pressed": "false", text: t("top.pause"),
    onclick: () => setPace({ paused: pause.getAttribute("aria-pressed") !== "true" }) });
  const speed = el("select", { id: "clock-speed", "aria-label": t("top.speed") },
    [1, 60, 3600, 86400].map((v) => el("option", { value: String(v), text: t("top.speed." + v) })));
  speed.addEventListener("change", () => setPace({ speed: Number(speed.value) }));
  return [pause, speed];
};
async function setPace(body) {
  try { await C.admin("clock", "POST", body); } catch (e) { C.banner(e.code + ": " + e.message, true); }
  C.tick();
}
// Shows the clock answer `c`'s pace on the controls.
C.showPace = (c) => {
  const pause = document.getElementById("clock-pause");
  const speed = document.getElementById("clock-speed");
  if (!pause || !speed) return;
  const manual = c.clock === "manual";
  pause.disabled = speed.disabled = manual;
  pause.setAttribute("aria-pressed", String(!!c.paused));
  pause.textContent = t(manual ? "top.manual" : c.paused ? "top.resume" : "top.pause");
  if (document.activeElement !== speed) {
    if (![...speed.options].some((o) => o.value === String(c.speed))) {
      speed.append(el("option", { value: String(c.speed), text: "×" + c.speed }));
    }
    speed.value = String(c.speed);
  }
};

// ---- the latency map ---------------------------------------------------------------------------
// Cities of the latency model's list (sim/model/latency/data/cities.csv) a class is likely in.
const CITIES = ["Seoul", "Busan", "Tokyo", "Singapore", "Sydney", "Mumbai", "Frankfurt", "London",
  "Paris", "Johannesburg", "New York", "Seattle", "San Francisco", "Sao Paulo"];

C.pages.latency = async (main) => {
  const saved = localStorage.getItem("ec2sim.city");
  const city = el("select", { id: "latency-city" },
    CITIES.map((c) => el("option", { value: c, text: t("city." + c) })));
  city.value = CITIES.includes(saved) ? saved : "Seoul";
  const error = C.errorBox("latency-error");
  const figure = el("figure", { id: "latency-map", class: "card" });
  const table = el("div", { id: "latency-table" });
  city.addEventListener("change", () => { localStorage.setItem("ec2sim.city", city.value); draw(); });
  main.replaceChildren(el("h1", { text: t("lat.title") }),
    el("p", { class: "muted", text: t("lat.intro") }),
    el("div", { class: "card toolbar" }, field("latency-city", t("lat.from"), city)),
    error, figure, el("section", { class: "card", "aria-labelledby": "latency-table-h" },
      el("h2", { id: "latency-table-h", text: t("lat.table") }), table));
  let shown = null;  // the object URL of the map on show, freed when the next one comes
  async function draw() {
    error.textContent = "";
    try {
      const regions = (await C.ec2("DescribeRegions", { AllRegions: "true" })).regionInfo || [];
      const [res, ranked] = await Promise.all([
        fetch("api/admin/latency-map?from=" + encodeURIComponent(city.value) + "&lang=" + C.lang,
          { credentials: "same-origin", headers: { "X-Ec2sim-Csrf": C.session.csrf } }),
        C.admin("latency", "POST", { from: city.value, to: regions.map((r) => r.regionName) })]);
      if (!res.ok) {
        const data = await res.json();
        throw new C.ApiError(data.error?.code, data.error?.message, res.status);
      }
      // The server's own SVG as an image (a blob: URL the page's policy allows): it is drawn,
      // never parsed into the page. The table below is its text alternative.
      if (shown) URL.revokeObjectURL(shown);
      shown = URL.createObjectURL(await res.blob());
      figure.replaceChildren(
        el("img", { src: shown, id: "latency-map-img", alt: t("lat.alt", { city: t("city." + city.value) }) }),
        el("figcaption", { text: t("lat.caption") }));
      table.replaceChildren(C.tableOf([t("lat.rank"), t("lat.region"), t("lat.rtt")],
        (ranked.Results || []).map((r, k) => {
          const tr = row(String(k + 1), r.To, r.RttMs + " ms");
          tr.dataset.region = r.To;
          return tr;
        })));
    } catch (e) { C.showError(error, e); }
  }
  await draw();
};

// ---- Reachability: the path as a picture -------------------------------------------------------
// Boxes left to right in the order the packet crosses them, each green (passed) or red (the
// blocking one, also marked in words), then the destination, grey when the packet never got
// there. Built with DOM calls from the probe's answer; the list beside it is the text version.
const KIND = { internet: "reach.kind.internet", "internet-gateway": "reach.kind.igw", "route-table": "reach.kind.rtb",
  "network-acl": "reach.kind.nacl", "security-group": "reach.kind.sg", instance: "reach.kind.instance",
  "nat-gateway": "reach.kind.nat" };
C.drawPath = (probe, spec) => {
  const parts = (probe.Components || []).map((c) => ({
    kind: t(KIND[c.Type] || "reach.kind.other"),
    id: c.Id || c.Address || "",
    blocked: c.Decision === "blocked",
    decision: c.Decision,
  }));
  const last = (probe.Components || []).at(-1);
  const reached = last && last.Type === "instance" && last.Id === spec.to;
  if (reached) parts.at(-1).id += ":" + spec.port;
  else parts.push({ kind: t("reach.kind.instance"), id: spec.to + ":" + spec.port, unreached: true });
  const W = 160, H = 74, GAP = 28;
  const width = parts.length * (W + GAP) - GAP + 8;
  const title = t("reach.picture") + ": " + t("reach." + probe.Verdict);
  const desc = parts.map((p) => p.kind + " " + p.id + ": " +
    (p.unreached ? t("reach.notReached") : p.blocked ? t("reach.blockedHere") : t("reach.passed"))).join("; ");
  const picture = svg("svg", { id: "probe-picture", viewBox: `0 0 ${width} ${H + 30}`, role: "img",
    "aria-labelledby": "probe-picture-title probe-picture-desc", width: "100%" },
    svg("title", { id: "probe-picture-title" }, title), svg("desc", { id: "probe-picture-desc" }, desc),
    svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5",
      markerWidth: "6", markerHeight: "6", orient: "auto" }, svg("path", { d: "M0 0L10 5L0 10z", fill: "#444" }))));
  parts.forEach((p, k) => {
    const x = 4 + k * (W + GAP);
    const colour = p.unreached ? ["#f1f1f1", "#595959"] : p.blocked ? ["#fdecea", "#b3261e"] : ["#e6f4ea", "#1e7e34"];
    const state = p.unreached ? t("reach.notReached") : p.blocked ? "✕ " + t("reach.blockedHere") : "✓ " + t("reach.passed");
    const g = svg("g", { class: "path-box" + (p.blocked ? " path-blocked" : ""), "data-kind": p.kind },
      svg("rect", { x, y: 4, width: W, height: H, rx: 6, fill: colour[0], stroke: colour[1],
        "stroke-width": p.blocked ? 4 : 1.5, "stroke-dasharray": p.unreached ? "5 4" : "none" }),
      svg("text", { x: x + 8, y: 24, "font-size": 13, "font-weight": "bold", fill: "#000" }, p.kind),
      svg("text", { x: x + 8, y: 44, "font-size": 11, fill: "#000" }, p.id.length > 24 ? p.id.slice(0, 23) + "…" : p.id),
      svg("text", { x: x + 8, y: 64, "font-size": 12, fill: colour[1] === "#1e7e34" ? "#14532d" : colour[1] }, state));
    picture.append(g);
    if (k > 0) {
      picture.append(svg("line", { x1: x - GAP + 2, y1: 4 + H / 2, x2: x - 2, y2: 4 + H / 2,
        stroke: "#444", "stroke-width": 1.5, "marker-end": "url(#arrow)" }));
    }
  });
  return el("figure", { class: "card path-picture" }, picture);
};

// ---- lesson progress, for the class page ------------------------------------------------------
// {account: {met, total, lessons}} from GET /_ec2sim/lessons/progress (every learner's, for an
// admin); null when the server has no course.
C.classProgress = async () => {
  try {
    const { accounts } = await C.admin("lessons/progress");
    return Object.fromEntries((accounts || []).map((a) => [a.account, a]));
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
};
// One learner's progress: "met / total goals" and, per lesson, its share of goals met.
C.progressCell = (p) => {
  if (!p) return "";
  const lessons = new Map();
  for (const l of p.lessons || []) {
    const s = lessons.get(l.lesson) || { met: 0, total: 0, started: false };
    s.met += l.met; s.total += l.total; s.started ||= l.started;
    lessons.set(l.lesson, s);
  }
  const done = [...lessons.values()].filter((s) => s.started && s.met === s.total).length;
  return el("span", { class: "progress", "data-met": p.met, "data-total": p.total },
    t("class.progress", { met: p.met, total: p.total, done, lessons: lessons.size }),
    el("progress", { max: String(p.total || 1), value: String(p.met), "aria-label": t("class.progressOf", { account: p.account }) }));
};
})();
