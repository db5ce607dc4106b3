// The console's core: language, calls to the server (the EC2 Query API and the admin routes,
// the same the CLI uses), the top bar, sign-in and the page router. Pages live in pages.js.
"use strict";
const C = (window.EC2SIM = {
  session: null,
  lang: "en",
  region: "us-east-1",
  pages: {},       // route name -> function(main, arg)
  timer: null,     // the current page's refresh
  online: true,
});

// ---- words -------------------------------------------------------------------------------
C.t = (key, vars) => {
  const table = window.EC2SIM_TEXT[C.lang] || window.EC2SIM_TEXT.en;
  let s = table[key] ?? window.EC2SIM_TEXT.en[key] ?? key;
  for (const [k, v] of Object.entries(vars || {})) s = s.split("{" + k + "}").join(String(v));
  return s;
};
C.pickLanguage = () => {
  const saved = localStorage.getItem("ec2sim.lang");
  if (saved === "en" || saved === "ko") return saved;
  return (navigator.language || "en").toLowerCase().startsWith("ko") ? "ko" : "en";
};

// ---- DOM: every value is text, never markup -----------------------------------------------
C.el = (tag, attrs, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
};

// ---- pieces every page draws with ---------------------------------------------------------------
C.nameOf = (tags) => (tags || []).find((x) => x.key === "Name")?.value || "";
C.row = (...cells) => C.el("tr", {}, cells.map((c) => C.el("td", {}, c ?? "")));
C.field = (id, label, control, hint) =>
  C.el("div", { class: "field" }, C.el("label", { for: id, text: label }), control,
    hint && C.el("div", { class: "hint", text: hint }));
// A table of `rows` under `columns` (texts or elements); with `empty`, that text instead of an
// empty table.
C.tableOf = (columns, rows, empty) => {
  if (empty !== undefined && !rows.length) return C.el("p", { class: "muted", text: empty });
  return C.el("table", {},
    C.el("thead", {}, C.el("tr", {}, columns.map((c) => C.el("th", { scope: "col" }, c)))),
    C.el("tbody", {}, rows));
};
C.b64 = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

// ---- calls ----------------------------------------------------------------------------------
class ApiError extends Error {
  constructor(code, message, status) { super(message); this.code = code; this.status = status; }
}
C.ApiError = ApiError;

async function send(url, options) {
  let res;
  try {
    res = await fetch(url, { credentials: "same-origin", ...options });
  } catch (e) {
    C.connectionLost();
    throw new ApiError("Ec2sim.ConnectionLost", C.t("banner.lost"), 0);
  }
  C.connectionBack();
  if (res.status === 401 && url !== "api/session") {
    C.signedOut();
    throw new ApiError("Ec2sim.SignedOut", C.t("banner.signedOut"), 401);
  }
  return res;
}

function headers(extra) {
  const h = { ...extra };
  if (C.session) h["X-Ec2sim-Csrf"] = C.session.csrf;
  return h;
}

// EC2's XML to plain objects: lists (item/member children, or an empty *Set) become arrays.
// A streaming reader rather than DOMParser: EC2 answers are plain elements and text (no
// attributes but the root's namespace, no mixed content), and building a DOM of a 3 MB answer
// (1,000 instances) costs several times more than this.
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function unescapeXml(s) {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e) =>
    e[0] !== "#" ? (ENTITIES[e] ?? m)
      : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
}
function valueOf(frame) {
  const kids = frame.kids;
  if (kids.length === 0) return /Set$/.test(frame.name) && !frame.text.trim() ? [] : unescapeXml(frame.text);
  if (kids.every(([k]) => k === "item" || k === "member")) return kids.map(([, v]) => v);
  const out = {};
  for (const [k, v] of kids) out[k] = v;
  return out;
}
function parseXml(text) {
  const re = /<\?[^>]*\?>|<!--[\s\S]*?-->|<(\/?)([^\s>\/]+)[^>]*?(\/?)>|([^<]+)/g;
  const stack = [{ name: "", kids: [], text: "" }];
  for (let m; (m = re.exec(text)) !== null;) {
    if (m[4] !== undefined) { stack[stack.length - 1].text += m[4]; continue; }
    if (m[2] === undefined) continue;  // declaration or comment
    if (m[1] === "/") {
      const frame = stack.pop();
      stack[stack.length - 1].kids.push([frame.name, valueOf(frame)]);
    } else if (m[3] === "/") {
      stack[stack.length - 1].kids.push([m[2], valueOf({ name: m[2], kids: [], text: "" })]);
    } else {
      stack.push({ name: m[2], kids: [], text: "" });
    }
  }
  const [name, value] = stack[0].kids[0] || ["", {}];
  return { name, value };
}
C.parseXml = parseXml;

// Calls EC2 action `action` with query parameters `params` ({"InstanceId.1": "i-..."}).
C.ec2 = async (action, params, region) => {
  const body = new URLSearchParams({ Action: action, Version: "2016-11-15", ...(params || {}) });
  const url = "api/ec2?region=" + encodeURIComponent(region || C.region);
  const res = await send(url, {
    method: "POST", body,
    headers: headers({ "Content-Type": "application/x-www-form-urlencoded" }),
  });
  const text = await res.text();
  const { name, value } = parseXml(text);
  if (!res.ok || name === "Response") {
    const error = value?.Errors?.Error || {};
    throw new ApiError(error.Code || "HTTP" + res.status, error.Message || text, res.status);
  }
  return value;
};

// An admin route (/_ec2sim/ROUTE) as the signed-in caller; `body` is sent as JSON.
C.admin = async (route, method, body) => {
  const options = { method: method || "GET", headers: headers({}) };
  if (body !== undefined) {
    options.body = JSON.stringify(body);
    options.headers["Content-Type"] = "application/json";
  }
  const res = await send("api/admin/" + route, options);
  const data = await res.json();
  if (!res.ok) throw new ApiError(data.error?.code, data.error?.message, res.status);
  return data;
};

// Numbered query parameters: list("InstanceId", ["i-1"]) -> {"InstanceId.1": "i-1"}.
C.list = (name, values) =>
  Object.fromEntries(values.map((v, i) => [name + "." + (i + 1), v]));

// ---- connection and session --------------------------------------------------------------
C.banner = (text, bad) => {
  const b = document.getElementById("banner");
  b.textContent = text || "";
  b.className = bad ? "bad" : "";
  // News fades after a while; trouble stays until it is over.
  if (text && !bad) setTimeout(() => { if (b.textContent === text) b.textContent = ""; }, 6000);
};
C.connectionLost = () => {
  if (!C.online) return;
  C.online = false;
  C.banner(C.t("banner.lost"), true);
  const retry = async () => {
    try {
      const res = await fetch("api/session", { credentials: "same-origin" });
      C.online = true;
      C.banner(C.t("banner.back"));
      if (res.status === 401) return C.signedOut();
      C.session = await res.json();
      C.route();
    } catch (e) {
      setTimeout(retry, 2000);
    }
  };
  setTimeout(retry, 2000);
};
C.connectionBack = () => {
  if (C.online) return;
  C.online = true;
  C.banner("");
};
C.signedOut = () => {
  if (!C.session) return;
  C.session = null;
  C.banner(C.t("banner.signedOut"), true);
  C.showSignIn();
};

// ---- errors next to what caused them -----------------------------------------------------
C.errorBox = (id) => C.el("p", { id, class: "error", role: "alert" });
C.showError = (box, e) => {
  box.textContent = e.code ? e.code + ": " + e.message : C.t("err.generic") + ": " + e.message;
};

// ---- a confirmation, as the real console asks before stop and terminate --------------------
C.confirm = (title, text) =>
  new Promise((resolve) => {
    const d = document.getElementById("confirm");
    document.getElementById("confirm-title").textContent = title;
    document.getElementById("confirm-text").textContent = text;
    document.getElementById("confirm-cancel").textContent = C.t("confirm.cancel");
    document.getElementById("confirm-ok").textContent = C.t("confirm.ok");
    d.addEventListener("close", () => resolve(d.returnValue === "ok"), { once: true });
    d.returnValue = "cancel";
    d.showModal();
    document.getElementById("confirm-cancel").focus();
  });

// ---- sign-in -----------------------------------------------------------------------------
C.showSignIn = (mode) => {
  clearInterval(C.timer);
  document.getElementById("topbar").hidden = true;
  document.getElementById("side").hidden = true;
  const main = document.getElementById("main");
  const error = C.errorBox("signin-error");
  const classroom = (mode || C.mode) === "classroom";
  const key = C.el("input", { id: "signin-key", name: "access_key", type: "text", autocomplete: "username" });
  const secret = C.el("input", { id: "signin-secret", name: "secret_key", type: "password", autocomplete: "current-password" });
  const form = C.el("form", { class: "card signin", "aria-labelledby": "signin-title" },
    C.el("h1", { id: "signin-title", text: C.t("signin.title") }),
    C.el("p", { text: C.t(classroom ? "signin.classroom" : "signin.open") }),
    C.el("div", { class: "field" }, C.el("label", { for: "signin-key", text: C.t("signin.key") }), key),
    classroom && C.el("div", { class: "field" }, C.el("label", { for: "signin-secret", text: C.t("signin.secret") }), secret),
    error,
    C.el("button", { class: "primary", type: "submit", id: "signin-submit", text: C.t("signin.submit") }),
    C.languageSelect("signin-lang"));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const body = new URLSearchParams({ access_key: key.value.trim(), secret_key: secret.value });
    try {
      const res = await send("api/session", { method: "POST", body,
        headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      const data = await res.json();
      if (!res.ok) throw new ApiError(data.error.code, data.error.message, res.status);
      C.session = data;
      C.banner("");
      C.start();
    } catch (e) {
      C.showError(error, e);
    }
  });
  main.replaceChildren(form);
  key.focus();
};

C.languageSelect = (id) => {
  const s = C.el("select", { id, "aria-label": "Language / 언어" },
    C.el("option", { value: "en", text: "English" }), C.el("option", { value: "ko", text: "한국어" }));
  s.value = C.lang;
  s.addEventListener("change", () => {
    C.lang = s.value;
    localStorage.setItem("ec2sim.lang", C.lang);
    document.documentElement.lang = C.lang;
    if (C.session) C.start(); else C.showSignIn();
  });
  return s;
};

// ---- top bar and navigation --------------------------------------------------------------
C.start = async () => {
  document.documentElement.lang = C.lang;
  document.title = C.t("app.title");
  document.getElementById("skip-link").textContent = C.t("skip");
  const saved = localStorage.getItem("ec2sim.region." + C.session.account);
  C.region = saved || C.session.default_region || "us-east-1";
  await C.renderTopBar();
  C.renderSide();
  C.route();
};

C.renderTopBar = async () => {
  const bar = document.getElementById("topbar");
  const search = C.el("input", { id: "service-search", type: "search", list: "services",
    "aria-label": C.t("top.search"), placeholder: C.t("top.search.hint") });
  search.addEventListener("change", () => {
    const q = search.value.trim().toLowerCase();
    const to = { ec2: "#/instances", vpc: "#/vpc", reachability: "#/reach", latency: "#/latency", volumes: "#/volumes", billing: "#/billing", bill: "#/billing",
      eip: "#/eips", "elastic ip": "#/eips", acl: "#/acls", "network acl": "#/acls", key: "#/keys", "security group": "#/sgs" }[q];
    if (to) { location.hash = to; search.value = ""; }
  });
  const services = C.el("datalist", { id: "services" },
    ["ec2", "vpc", "billing"].map((v) => C.el("option", { value: v })));
  const region = C.el("select", { id: "region", "aria-label": C.t("top.region") });
  try {
    const r = await C.ec2("DescribeRegions", { AllRegions: "true" }, C.region);
    for (const reg of r.regionInfo || []) {
      const off = reg.optInStatus === "not-opted-in";
      region.append(C.el("option", { value: reg.regionName,
        text: reg.regionName + (off ? " " + C.t("region.notOptedIn") : "") }));
    }
  } catch (e) {
    region.append(C.el("option", { value: C.region, text: C.region }));
  }
  region.value = C.region;
  region.addEventListener("change", () => {
    C.region = region.value;
    localStorage.setItem("ec2sim.region." + C.session.account, C.region);
    C.route();
  });
  const clock = C.el("span", { id: "clock-time", "aria-live": "off" });
  const advance = (by) => C.el("button", { type: "button", id: "clock-" + by,
    "aria-label": C.t("top.advance") + " " + by, text: "+" + by,
    onclick: async () => { await C.admin("clock", "POST", { advance: by }); C.tick(); C.route(); } });
  const signout = C.el("button", { type: "button", id: "signout", text: C.t("top.signout"),
    onclick: async () => {
      await send("api/signout", { method: "POST", headers: headers({}) });
      C.session = null;
      C.showSignIn();
    } });
  bar.replaceChildren(
    C.el("span", { class: "brand", text: "ec2sim" }), search, services,
    C.el("label", { for: "region", text: C.t("top.region") }), region,
    C.languageSelect("language"),
    C.el("span", { id: "account", text: C.t("top.account") + " " + C.session.account +
      (C.session.user ? " (" + C.session.user + ")" : "") }),
    C.el("span", { class: "clock" }, C.el("span", { text: C.t("top.clock") + ":" }), clock,
      advance("1h"), advance("1d"), advance("30d"), ...C.paceControls()),
    signout);
  bar.hidden = false;
  C.tick();
  // The time on show follows the clock (it runs by itself unless paused).
  clearInterval(C.clockTimer);
  C.clockTimer = setInterval(() => { if (C.session && C.online) C.tick(); }, 1000);
};

C.tick = async () => {
  try {
    const c = await C.admin("clock");
    const el = document.getElementById("clock-time");
    if (el) el.textContent = c.time;
    C.showPace(c);
  } catch (e) { /* shown by the banner */ }
};

C.renderSide = () => {
  const side = document.getElementById("side");
  const link = (hash, key) => C.el("a", { href: hash, "data-route": hash, text: C.t(key) });
  side.replaceChildren(
    C.el("h2", { text: C.t("nav.ec2") }),
    link("#/dashboard", "nav.dashboard"), link("#/instances", "nav.instances"),
    link("#/launch", "nav.launch"), link("#/templates", "nav.templates"), link("#/images", "nav.images"),
    link("#/volumes", "nav.volumes"), link("#/snapshots", "nav.snapshots"),
    C.el("h2", { text: C.t("nav.network") }),
    link("#/eips", "nav.eips"), link("#/sgs", "nav.sgs"), link("#/keys", "nav.keys"),
    link("#/vpc", "nav.vpc"), link("#/acls", "nav.acls"), link("#/reach", "nav.reach"), link("#/latency", "nav.latency"),
    C.el("h2", { text: C.t("nav.billing") }), link("#/billing", "nav.billing"),
    C.el("h2", { text: C.t("nav.lessons") }), link("#/lessons", "nav.lessons"),
    ...(C.session.admin ? [link("#/class", "nav.class")] : []));
  side.hidden = false;
};

C.route = () => {
  if (!C.session) return;
  clearInterval(C.timer);
  const hash = location.hash || "#/instances";
  const [, name, arg] = hash.match(/^#\/([a-z]+)(?:\/(.*))?$/) || [null, "instances", null];
  for (const a of document.querySelectorAll("#side a")) {
    if (a.dataset.route === "#/" + name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  const main = document.getElementById("main");
  const page = C.pages[name] || C.pages.instances;
  main.replaceChildren(C.el("p", { text: C.t("common.loading") }));
  page(main, arg ? decodeURIComponent(arg) : null).catch((e) => {
    const box = C.errorBox("page-error");
    C.showError(box, e);
    main.replaceChildren(box);
  });
};

window.addEventListener("hashchange", () => C.route());
window.addEventListener("DOMContentLoaded", async () => {
  C.lang = C.pickLanguage();
  document.documentElement.lang = C.lang;
  try {
    const res = await send("api/session", {});
    const data = await res.json();
    C.mode = data.mode;
    if (res.status === 401) return C.showSignIn(data.mode);
    C.session = data;
    C.start();
  } catch (e) {
    C.showSignIn("open");
  }
});
