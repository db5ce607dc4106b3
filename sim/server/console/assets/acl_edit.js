// The network ACL page: each ACL's inbound and outbound entries in rule-number order, an entry
// added (CreateNetworkAclEntry) or deleted (DeleteNetworkAclEntry). EC2 evaluates the entries
// lowest number first and the first match decides (Amazon VPC User Guide, "Network ACL rules").
"use strict";
(() => {
const C = window.EC2SIM;
const el = C.el, t = C.t;
const { row } = C;

const PROTOCOLS = [["6", "TCP"], ["17", "UDP"], ["1", "ICMP"], ["-1", null]];
const protocolName = (p) => ({ "6": "TCP", "17": "UDP", "1": "ICMP", tcp: "TCP", udp: "UDP", icmp: "ICMP" })[p] || (p === "-1" ? t("rule.all") : p);
// The number "*" stands for the last entry, 32767, that denies whatever no entry allowed; it
// cannot be deleted.
const LAST = "32767";

C.pages.acls = async (main) => {
  const error = C.errorBox("acl-error");
  const body = el("div", { id: "acl-list" });
  main.replaceChildren(el("h1", { text: t("vpc.acls") + " (" + C.region + ")" }),
    el("p", { class: "muted", text: t("acl.intro") }), error, body);
  const run = (fn) => async () => { error.textContent = ""; try { await fn(); await draw(); } catch (e) { C.showError(error, e); } };

  const entriesTable = (acl, egress) => {
    const entries = (acl.entrySet || []).filter((e) => (e.egress === "true") === egress)
      .sort((a, b) => Number(a.ruleNumber) - Number(b.ruleNumber));
    return C.tableOf([t("acl.rule"), t("rule.protocol"), t("rule.ports"), egress ? t("rule.dest") : t("rule.source"),
      t("acl.action"), ""], entries.map((e) => row(e.ruleNumber === LAST ? "*" : e.ruleNumber, protocolName(e.protocol),
      e.portRange ? (e.portRange.from === e.portRange.to ? e.portRange.from : e.portRange.from + "-" + e.portRange.to) : t("rule.all"),
      e.cidrBlock || e.ipv6CidrBlock || "", e.ruleAction === "allow" ? t("acl.allow") : t("acl.deny"),
      e.ruleNumber === LAST ? "" : el("button", { type: "button", text: t("vol.delete"),
        "aria-label": t("acl.delete") + " " + t(egress ? "dir.out" : "dir.in") + " " + e.ruleNumber + " " + acl.networkAclId,
        onclick: run(() => C.ec2("DeleteNetworkAclEntry", { NetworkAclId: acl.networkAclId, RuleNumber: e.ruleNumber,
          Egress: egress ? "true" : "false" })) }))), t("common.none"));
  };

  // One form per ACL; ids carry the ACL's id so that several forms never share one.
  const entryForm = (acl) => {
    const id = acl.networkAclId;
    const f = (name) => "acl-" + name + "-" + id;
    const direction = C.selectOf(f("dir"), [["in", t("dir.in")], ["out", t("dir.out")]]);
    const number = el("input", { id: f("number"), type: "number", min: "1", max: "32766", value: "100" });
    const action = C.selectOf(f("action"), [["deny", t("acl.deny")], ["allow", t("acl.allow")]]);
    const protocol = C.selectOf(f("protocol"), PROTOCOLS.map(([v, n]) => [v, n || t("rule.all")]));
    const ports = C.input(f("ports"), "22", { size: "11" });
    const cidr = C.input(f("cidr"), "0.0.0.0/0");
    return C.form(f("form"), [[f("dir"), t("acl.direction"), direction], [f("number"), t("acl.rule"), number, /rule ?number|RuleNumber|AlreadyExists/i],
      [f("action"), t("acl.action"), action], [f("protocol"), t("rule.protocol"), protocol, /protocol/i],
      [f("ports"), t("rule.ports"), ports, /port/i], [f("cidr"), "CIDR", cidr, /cidr/i]], t("acl.add"), async () => {
      const params = { NetworkAclId: id, RuleNumber: number.value, RuleAction: action.value, Protocol: protocol.value,
        Egress: direction.value === "out" ? "true" : "false", CidrBlock: cidr.value.trim() };
      if (protocol.value === "6" || protocol.value === "17") {
        const [from, to] = ports.value.includes("-") ? ports.value.split("-") : [ports.value, ports.value];
        Object.assign(params, { "PortRange.From": from.trim(), "PortRange.To": to.trim() });
      } else if (protocol.value === "1") {
        Object.assign(params, { "IcmpTypeCode.Type": "-1", "IcmpTypeCode.Code": "-1" });
      }
      await C.ec2("CreateNetworkAclEntry", params);
      await draw();
    });
  };

  async function draw() {
    const r = await C.ec2("DescribeNetworkAcls");
    body.replaceChildren(...(r.networkAclSet || []).map((acl) => el("section", { class: "card", "data-acl": acl.networkAclId,
      "aria-labelledby": "acl-h-" + acl.networkAclId },
      el("h2", { id: "acl-h-" + acl.networkAclId, text: acl.networkAclId + " — " + acl.vpcId +
        (acl.default === "true" ? " · " + t("vpc.default") : "") }),
      el("p", { class: "muted", text: t("acl.subnets") + ": " +
        ((acl.associationSet || []).map((a) => a.subnetId).join(", ") || t("common.none")) }),
      el("h3", { text: t("det.inbound") }), entriesTable(acl, false),
      el("h3", { text: t("det.outbound") }), entriesTable(acl, true),
      entryForm(acl))));
    C.drawn(main);
  }
  await draw();
};
})();
