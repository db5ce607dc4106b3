// The VPC page with its editors: VPCs, subnets (auto-assign public IPv4), internet gateways,
// route tables (routes and subnet associations) and NAT gateways. Each change is one EC2 Query
// API call, and a refused one shows the API's code and message under the field it concerns.
"use strict";
(() => {
const C = window.EC2SIM;
const el = C.el, t = C.t;
const { row, nameOf } = C;
const tableOf = (columns, rows) => C.tableOf(columns, rows, t("common.none"));

// A form of labelled fields, `fields` as [id, label, control, pattern]. A refused call's error
// goes under the field whose pattern matches its code or message (EC2 names the value it
// refuses: "CIDR", "port", "rule number"), else under the first field, and that field is marked
// invalid; `action` runs on submit.
C.form = (id, fields, submitText, action) => {
  const boxes = fields.map(([fid]) => el("p", { id: fid + "-error", class: "error", role: "alert" }));
  const form = el("form", { class: "card toolbar", id },
    fields.map(([fid, label, control], i) => {
      control.setAttribute("aria-describedby", fid + "-error");
      return el("div", { class: "field" }, el("label", { for: fid, text: label }), control, boxes[i]);
    }),
    el("button", { type: "submit", class: "primary", id: id + "-submit", text: submitText }));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    fields.forEach(([, , control], i) => { boxes[i].textContent = ""; control.removeAttribute("aria-invalid"); });
    try {
      await action();
    } catch (e) {
      const text = (e.code || "") + " " + e.message;
      const i = Math.max(0, fields.findIndex((f) => f[3] && f[3].test(text)));
      C.showError(boxes[i], e);
      fields[i][2].setAttribute("aria-invalid", "true");
    }
  });
  return form;
};
// Counts the redraws of the page in `main` (data-drawn): a page that redraws itself after every
// change lets a test wait for the redraw rather than touch the elements it replaces.
C.drawn = (main) => { main.dataset.drawn = String(Number(main.dataset.drawn || 0) + 1); };
C.input = (id, value, extra) => el("input", { id, type: "text", value: value ?? "", ...(extra || {}) });
C.selectOf = (id, options, extra) => el("select", { id, ...(extra || {}) },
  options.map(([value, text]) => el("option", { value, text: text ?? value })));
// TagSpecification parameters that name a new resource, as the console's "Name tag" does.
C.nameTag = (type, name) => name.trim() ? { "TagSpecification.1.ResourceType": type,
  "TagSpecification.1.Tag.1.Key": "Name", "TagSpecification.1.Tag.1.Value": name.trim() } : {};

const CIDR = /cidr|range|InvalidSubnet|InvalidVpc/i;
const label = (id, tags) => id + (nameOf(tags) ? " (" + nameOf(tags) + ")" : "");

C.pages.vpc = async (main) => {
  const error = C.errorBox("vpc-error");
  const section = (id, title, ...content) => el("section", { class: "card", "aria-labelledby": id },
    el("h2", { id, text: title }), ...content);
  const [azs, prices] = await Promise.all([C.ec2("DescribeAvailabilityZones"),
    C.admin("prices?region=" + encodeURIComponent(C.region)).catch(() => ({}))]);
  // What the sections share: the zones, the prices, and how an action runs and redraws.
  const ctx = { azs, prices };
  ctx.run = (fn) => async () => { error.textContent = ""; try { await fn(); await ctx.draw(); } catch (e) { C.showError(error, e); } };
  ctx.draw = async () => {
    const w = await region();
    main.replaceChildren(el("h1", { text: t("vpc.title") + " (" + C.region + ")" }), error,
      section("vpcs-h", t("vpc.vpcs"), vpcForm(ctx), vpcTable(ctx, w)),
      section("subnets-h", t("vpc.subnets"), subnetForm(ctx, w), subnetTable(ctx, w)),
      section("igws-h", t("vpc.igws"), igwForm(ctx), igwTable(ctx, w)),
      section("routes-h", t("vpc.routeTables"), routeTableForm(ctx, w), ...w.tables.map((rt) => routeTableCard(ctx, rt, w))),
      section("nats-h", t("vpc.nats"), natForm(ctx, w), natTable(ctx, w)),
      el("p", {}, el("a", { href: "#/acls", text: t("acl.link") })));
    C.drawn(main);
  };
  await ctx.draw();
};

// The region's VPC family in one read.
async function region() {
  const [vpcs, subnets, tables, igws, nats, pcxs, eips] = await Promise.all([C.ec2("DescribeVpcs"),
    C.ec2("DescribeSubnets"), C.ec2("DescribeRouteTables"), C.ec2("DescribeInternetGateways"),
    C.ec2("DescribeNatGateways"), C.ec2("DescribeVpcPeeringConnections"), C.ec2("DescribeAddresses")]);
  return { vpcs: vpcs.vpcSet || [], subnets: subnets.subnetSet || [], tables: tables.routeTableSet || [],
    igws: igws.internetGatewaySet || [], nats: (nats.natGatewaySet || []).filter((n) => n.state !== "deleted"),
    pcxs: pcxs.vpcPeeringConnectionSet || [], eips: eips.addressesSet || [] };
}

// ---- VPCs ----
function vpcForm({ draw }) {
  const cidr = C.input("vpc-cidr", "10.0.0.0/16"), name = C.input("vpc-name");
  return C.form("vpc-form", [["vpc-cidr", t("vpc.cidr"), cidr, CIDR], ["vpc-name", t("vpc.nameTag"), name]],
    t("vpc.create"), async () => {
      await C.ec2("CreateVpc", { CidrBlock: cidr.value.trim(), ...C.nameTag("vpc", name.value) });
      await draw();
    });
}
const vpcTable = ({ run }, w) => tableOf(["VPC ID", t("col.name"), "CIDR", t("vpc.default"), t("vol.state"), ""],
  w.vpcs.map((v) => row(v.vpcId, nameOf(v.tagSet), v.cidrBlock,
    v.isDefault === "true" ? t("common.yes") : t("common.no"), v.state,
    el("button", { type: "button", text: t("vol.delete"), "aria-label": t("vpc.delete") + " " + v.vpcId,
      onclick: run(async () => {
        if (await C.confirm(t("vpc.delete"), t("vpc.deleteText", { id: v.vpcId }))) await C.ec2("DeleteVpc", { VpcId: v.vpcId });
      }) }))));

// ---- subnets ----
function subnetForm({ draw, azs }, w) {
  const vpc = C.selectOf("subnet-vpc", w.vpcs.map((v) => [v.vpcId, label(v.vpcId, v.tagSet) + " " + v.cidrBlock]));
  const az = C.selectOf("subnet-az", (azs.availabilityZoneInfo || []).map((z) => [z.zoneName]));
  const cidr = C.input("subnet-cidr", "10.0.1.0/24"), name = C.input("subnet-name");
  return C.form("subnet-form", [["subnet-vpc", "VPC", vpc], ["subnet-az", t("col.az"), az],
    ["subnet-cidr", t("vpc.cidr"), cidr, CIDR], ["subnet-name", t("vpc.nameTag"), name]], t("vpc.subnetCreate"), async () => {
    await C.ec2("CreateSubnet", { VpcId: vpc.value, AvailabilityZone: az.value, CidrBlock: cidr.value.trim(),
      ...C.nameTag("subnet", name.value) });
    await draw();
  });
}
const subnetTable = ({ run }, w) => tableOf(["Subnet ID", t("col.name"), "VPC ID", "CIDR", t("col.az"), t("vpc.publicIp"), ""],
  w.subnets.map((s) => row(s.subnetId, nameOf(s.tagSet), s.vpcId, s.cidrBlock, s.availabilityZone,
    el("input", { type: "checkbox", id: "map-ip-" + s.subnetId, checked: s.mapPublicIpOnLaunch === "true",
      "aria-label": t("vpc.publicIp") + " " + s.subnetId,
      onchange: (ev) => run(() => C.ec2("ModifySubnetAttribute", { SubnetId: s.subnetId,
        "MapPublicIpOnLaunch.Value": ev.target.checked ? "true" : "false" }))() }),
    el("button", { type: "button", text: t("vol.delete"), "aria-label": t("vpc.subnetDelete") + " " + s.subnetId,
      onclick: run(() => C.ec2("DeleteSubnet", { SubnetId: s.subnetId })) }))));

// ---- internet gateways ----
function igwForm({ draw }) {
  const name = C.input("igw-name");
  return C.form("igw-form", [["igw-name", t("vpc.nameTag"), name]], t("vpc.igwCreate"), async () => {
    await C.ec2("CreateInternetGateway", C.nameTag("internet-gateway", name.value));
    await draw();
  });
}
const igwTable = ({ run }, w) => tableOf(["Internet gateway ID", t("col.name"), "VPC ID", t("vol.state"), ""],
  w.igws.map((g) => {
    const att = (g.attachmentSet || [])[0];
    const gid = g.internetGatewayId;
    const pick = C.selectOf("igw-vpc-" + gid, w.vpcs.map((v) => [v.vpcId, label(v.vpcId, v.tagSet)]),
      { "aria-label": t("vpc.attachTo") + " " + gid });
    return row(gid, nameOf(g.tagSet), att?.vpcId || "", att?.state || "detached", [
      att ? el("button", { type: "button", id: "igw-detach-" + gid, text: t("vol.detach"),
        onclick: run(() => C.ec2("DetachInternetGateway", { InternetGatewayId: gid, VpcId: att.vpcId })) })
        : [pick, el("button", { type: "button", id: "igw-attach-" + gid, text: t("vol.attach"),
          onclick: run(() => C.ec2("AttachInternetGateway", { InternetGatewayId: gid, VpcId: pick.value })) })],
      el("button", { type: "button", text: t("vol.delete"), "aria-label": t("vpc.igwDelete") + " " + gid,
        onclick: run(() => C.ec2("DeleteInternetGateway", { InternetGatewayId: gid })) })].flat());
  }));

// ---- route tables ----
function routeTableForm({ draw }, w) {
  const vpc = C.selectOf("rt-vpc", w.vpcs.map((v) => [v.vpcId, label(v.vpcId, v.tagSet)]));
  const name = C.input("rt-name");
  return C.form("rt-form", [["rt-vpc", "VPC", vpc], ["rt-name", t("vpc.nameTag"), name]], t("vpc.rtCreate"), async () => {
    await C.ec2("CreateRouteTable", { VpcId: vpc.value, ...C.nameTag("route-table", name.value) });
    await draw();
  });
}
// Targets a route of this VPC can name: its gateway, its NAT gateways, its peerings, local.
const targetsOf = (vpcId, w) => [
  ...w.igws.filter((g) => (g.attachmentSet || []).some((a) => a.vpcId === vpcId)).map((g) => ["igw", g.internetGatewayId]),
  ...w.nats.filter((n) => n.vpcId === vpcId).map((n) => ["nat", n.natGatewayId]),
  ...w.pcxs.filter((p) => [p.requesterVpcInfo?.vpcId, p.accepterVpcInfo?.vpcId].includes(vpcId))
    .map((p) => ["pcx", p.vpcPeeringConnectionId]),
  ["local", "local"]];
const TARGET_PARAM = { igw: "GatewayId", nat: "NatGatewayId", pcx: "VpcPeeringConnectionId", local: "GatewayId" };
const routeTarget = (r) => r.gatewayId || r.natGatewayId || r.vpcPeeringConnectionId || r.instanceId || r.networkInterfaceId || "";
function routeTableCard({ run, draw }, rt, w) {
  const id = rt.routeTableId;
  const assocs = (rt.associationSet || []).filter((a) => a.subnetId);
  const main_ = (rt.associationSet || []).some((a) => a.main === "true");
  const routes = tableOf([t("vpc.destination"), t("vpc.target"), t("vol.state"), ""], (rt.routeSet || []).map((r) =>
    row(r.destinationCidrBlock || r.destinationIpv6CidrBlock || r.destinationPrefixListId || "", routeTarget(r), r.state || "",
      r.gatewayId === "local" ? "" : el("button", { type: "button", text: t("vol.delete"),
        "aria-label": t("vpc.routeDelete") + " " + (r.destinationCidrBlock || "") + " " + id,
        onclick: run(() => C.ec2("DeleteRoute", { RouteTableId: id, DestinationCidrBlock: r.destinationCidrBlock })) }))));
  const dest = C.input("route-dest-" + id, "0.0.0.0/0");
  const targets = targetsOf(rt.vpcId, w);
  const target = C.selectOf("route-target-" + id, targets.map(([kind, tid]) => [kind + ":" + tid, tid]));
  const addRoute = C.form("route-form-" + id, [["route-dest-" + id, t("vpc.destination"), dest, CIDR],
    ["route-target-" + id, t("vpc.target"), target]], t("vpc.routeAdd"), async () => {
    const [kind, tid] = target.value.split(":");
    await C.ec2("CreateRoute", { RouteTableId: id, DestinationCidrBlock: dest.value.trim(), [TARGET_PARAM[kind]]: tid });
    await draw();
  });
  const subnet = C.selectOf("rt-subnet-" + id, w.subnets.filter((s) => s.vpcId === rt.vpcId).map((s) =>
    [s.subnetId, label(s.subnetId, s.tagSet) + " " + s.cidrBlock]), { "aria-label": t("vpc.associate") + " " + id });
  return el("div", { class: "card", "data-route-table": id },
    el("h3", { text: label(id, rt.tagSet) + " — " + rt.vpcId + (main_ ? " · " + t("vpc.main") : "") }),
    routes, addRoute,
    el("p", {}, t("vpc.associations") + ": ", assocs.length ? "" : t("common.none")),
    el("ul", {}, assocs.map((a) => el("li", {}, a.subnetId + " ",
      el("button", { type: "button", text: t("vpc.disassociate"), "aria-label": t("vpc.disassociate") + " " + a.subnetId,
        onclick: run(() => C.ec2("DisassociateRouteTable", { AssociationId: a.routeTableAssociationId })) })))),
    el("div", { class: "toolbar" }, subnet, el("button", { type: "button", id: "rt-associate-" + id, text: t("vpc.associate"),
      onclick: run(() => C.ec2("AssociateRouteTable", { RouteTableId: id, SubnetId: subnet.value })) })),
    main_ ? "" : el("button", { type: "button", text: t("vol.delete"), "aria-label": t("vpc.rtDelete") + " " + id,
      onclick: run(() => C.ec2("DeleteRouteTable", { RouteTableId: id })) }));
}

// ---- NAT gateways: what one costs an hour, as the bill charges it ----
function natForm({ draw, prices }, w) {
  const subnet = C.selectOf("nat-subnet", w.subnets.map((s) => [s.subnetId, label(s.subnetId, s.tagSet) + " " + s.cidrBlock]));
  const eip = C.selectOf("nat-eip", [["", t("vpc.natAllocate")],
    ...w.eips.filter((a) => !a.associationId).map((a) => [a.allocationId, a.publicIp + " (" + a.allocationId + ")"])]);
  const name = C.input("nat-name");
  const nat = prices.nat_gateway;
  const form = C.form("nat-form", [["nat-subnet", t("vpc.subnet"), subnet], ["nat-eip", t("vpc.natEip"), eip],
    ["nat-name", t("vpc.nameTag"), name]], t("vpc.natCreate"), async () => {
    const allocationId = eip.value || (await C.ec2("AllocateAddress", { Domain: "vpc" })).allocationId;
    await C.ec2("CreateNatGateway", { SubnetId: subnet.value, AllocationId: allocationId, ...C.nameTag("natgateway", name.value) });
    await draw();
  });
  if (nat) {
    form.append(el("p", { id: "nat-price", class: "warnbox", text: t("vpc.natPrice", {
      hour: "$" + (nat.micro_usd_per_hour / 1e6).toFixed(3),
      month: "$" + (nat.micro_usd_per_hour * (prices.hours_per_month || 730) / 1e6).toFixed(2),
      gb: "$" + (nat.micro_usd_per_gb / 1e6).toFixed(3) }) }));
  }
  return form;
}
const natTable = ({ run }, w) => tableOf(["NAT gateway ID", t("col.name"), t("vpc.subnet"), t("vol.state"), t("col.publicIp"), ""],
  w.nats.map((n) => row(n.natGatewayId, nameOf(n.tagSet), n.subnetId, n.state,
    (n.natGatewayAddressSet || []).map((a) => a.publicIp).join(", "),
    n.state === "deleting" ? "" : el("button", { type: "button", text: t("vol.delete"),
      "aria-label": t("vpc.natDelete") + " " + n.natGatewayId,
      onclick: run(() => C.ec2("DeleteNatGateway", { NatGatewayId: n.natGatewayId })) }))));

})();
