// The `probe` verb: {"from", "to", "protocol", "port"} (and "lang": "ko" for Korean words) in, the
// verdict with its path, the blocking component, an explanation and, when allowed, the path's
// round-trip time out. Fields are documented in docs/network.md; they are the scenario verb's
// result and the API server's admin answer, so keep them stable.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "sim/api/probe_text.h"
#include "sim/api/verbs.h"
#include "sim/model/latency/cities.h"
#include "sim/model/latency/latency.h"
#include "sim/model/network/explain.h"
#include "sim/model/network/probe.h"
#include "sim/model/vpc/routing.h"

namespace ec2sim::api {
namespace {

using network::Hop;
using network::HopKind;
using network::HopResult;
using nlohmann::json;

constexpr const char* kKeys[] = {"from", "to",         "protocol", "port",   "code", "source_port",
                                 "open", "connection", "client",   "access", "lang"};

// Where an internet end is, for the RTT of an allowed path (docs/latency.md). Not part of the
// traffic: a connection re-check may name it too.
struct ClientSpec {
  std::optional<latency::Place> place;  // nullopt: next to the instance's region
  latency::Access access = latency::Access::kFiber;
};

Error Invalid(const std::string& message) {
  return MakeError(ErrorCode::kInvalidParameterValue, message);
}

// Reads an optional member; records a type error in `error`.
std::optional<std::string> Text(const json& spec, const char* key, std::optional<Error>& error) {
  auto it = spec.find(key);
  if (it == spec.end()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (!error) error = Invalid(std::string("probe `") + key + "` must be a string");
  return std::nullopt;
}

std::optional<std::int64_t> Number(const json& spec, const char* key, std::optional<Error>& error) {
  auto it = spec.find(key);
  if (it == spec.end()) return std::nullopt;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  if (!error) error = Invalid(std::string("probe `") + key + "` must be an integer");
  return std::nullopt;
}

int Clamp(std::int64_t v) {  // out-of-range values stay out of range for CheckTraffic
  return static_cast<int>(std::clamp<std::int64_t>(v, -2, 1 << 20));
}

Result<network::ProbeRequest> DecodeRequest(const json& spec) {
  if (!spec.is_object()) return Invalid("probe needs an object");
  for (auto it = spec.begin(); it != spec.end(); ++it) {
    if (std::find(std::begin(kKeys), std::end(kKeys), it.key()) == std::end(kKeys)) {
      return MakeError(ErrorCode::kUnknownParameter,
                       "Unknown key \"" + it.key() +
                           "\" in probe (use from, to, protocol, port, code, source_port, open, "
                           "connection, client, access or lang)");
    }
  }
  std::optional<Error> error;
  network::ProbeRequest r;
  r.connection = Text(spec, "connection", error).value_or("");
  if (!r.connection.empty()) {
    std::size_t placement = spec.count("client") + spec.count("access") + spec.count("lang");
    if (spec.size() > 1 + placement) {
      return MakeError(ErrorCode::kInvalidParameterCombination,
                       "A probe of a connection names only `connection` (and `client`, "
                       "`access` or `lang`): its ends and traffic are those it was opened with");
    }
    if (error) return *error;
    return r;
  }
  r.from = Text(spec, "from", error).value_or("");
  r.to = Text(spec, "to", error).value_or("");
  r.open = Text(spec, "open", error).value_or("");
  auto protocol_text = Text(spec, "protocol", error);
  auto port = Number(spec, "port", error);
  auto code = Number(spec, "code", error);
  auto source_port = Number(spec, "source_port", error);
  if (error) return *error;
  if (!protocol_text) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The probe must name `protocol` (tcp, udp, "
                     "icmp or a protocol number)");
  }
  EC2SIM_ASSIGN_OR_RETURN(r.traffic.protocol, network::ParseTrafficProtocol(*protocol_text));
  bool needs_port =
      network::HasPorts(r.traffic.protocol) || r.traffic.protocol == network::kProtoIcmp;
  if (needs_port && !port) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The probe must name `port` (the destination port, or the ICMP type)");
  }
  if (code && r.traffic.protocol != network::kProtoIcmp) {
    return MakeError(ErrorCode::kInvalidParameterCombination, "`code` is for ICMP probes only");
  }
  if (source_port && !network::HasPorts(r.traffic.protocol)) {
    return MakeError(ErrorCode::kInvalidParameterCombination,
                     "`source_port` is for TCP and UDP probes only");
  }
  r.traffic.port = port ? Clamp(*port) : 0;
  r.traffic.icmp_code = code ? Clamp(*code) : 0;
  r.traffic.source_port = source_port ? Clamp(*source_port) : -1;
  return r;
}

const char* Decision(HopResult r) {
  switch (r) {
    case HopResult::kPassed:
      return "passed";
    case HopResult::kAllowedByRule:
      return "allowed";
    case HopResult::kStatefulReply:
      return "stateful-reply";
    case HopResult::kTrackedConnection:
      return "tracked-connection";
    case HopResult::kBlocked:
      return "blocked";
  }
  return "unknown";
}

const char* ComponentType(HopKind k) {
  switch (k) {
    case HopKind::kInternet:
      return "internet";
    case HopKind::kInstance:
      return "instance";
    case HopKind::kSecurityGroup:
      return "security-group";
    case HopKind::kNetworkAcl:
      return "network-acl";
    case HopKind::kInternetGateway:
      return "internet-gateway";
    case HopKind::kRouteTable:
      return "route-table";
    case HopKind::kNatGateway:
      return "nat-gateway";
  }
  return "unknown";
}

std::string Ip(model::Ipv4 ip) { return model::FormatIpv4(ip); }

void AddPorts(json& j, const Hop& h, int protocol) {
  if (network::HasPorts(protocol)) {
    j["Ports"] = {{"From", h.ports.from}, {"To", h.ports.to}};
  } else if (protocol == network::kProtoIcmp) {
    j["IcmpType"] = h.ports.from;
  }
}

// A route-table component: the table, the subnet it decides for, the address looked up
// (Destination), and the route taken (RouteDestination, Target, State) when one matched.
void RouteTableJson(const Hop& h, json& j) {
  if (h.route_table != nullptr) {
    j["Id"] = h.route_table->id;
    j["VpcId"] = h.route_table->vpc_id;
  }
  if (h.subnet != nullptr) j["SubnetId"] = h.subnet->id;
  j["Destination"] = Ip(h.address);
  if (h.route == nullptr) return;
  const model::Route& r = *h.route;
  j["RouteDestination"] = r.destination4   ? r.destination4->ToString()
                          : r.destination6 ? r.destination6->ToString()
                                           : std::string();
  j["Target"] = r.target_id;
  if (h.scope != nullptr && h.route_table != nullptr) {
    j["State"] = model::RouteStateName(model::StateOfRoute(*h.scope, *h.route_table, r));
  }
}

// The identifying fields of a component (shared by Components and BlockedBy).
json ComponentJson(const Hop& h, int protocol) {
  json j = {{"Type", ComponentType(h.kind)}};
  switch (h.kind) {
    case HopKind::kInternet:
      j["Address"] = Ip(h.address);
      break;
    case HopKind::kInstance:
      j["Id"] = h.instance != nullptr ? h.instance->id : h.eni->instance_id;
      j["NetworkInterfaceId"] = h.eni->id;
      j["PrivateIpAddress"] = Ip(h.eni->private_ip);
      if (h.instance != nullptr) j["State"] = model::StateName(h.instance->state);
      break;
    case HopKind::kSecurityGroup:
      j["Id"] = h.group != nullptr         ? h.group->id
                : h.eni->group_ids.empty() ? std::string()
                                           : h.eni->group_ids.front();
      j["GroupIds"] = h.eni->group_ids;
      j["Direction"] = h.egress ? "egress" : "ingress";
      j["NetworkInterfaceId"] = h.eni->id;
      j["Peer"] = Ip(h.address);
      if (h.rule != nullptr) j["RuleId"] = h.rule->rule_id;
      if (h.result != HopResult::kStatefulReply && h.result != HopResult::kTrackedConnection) {
        AddPorts(j, h, protocol);
      }
      break;
    case HopKind::kNetworkAcl:
      if (h.acl != nullptr) j["Id"] = h.acl->id;
      j["SubnetId"] = h.eni->subnet_id;
      j["Direction"] = h.egress ? "outbound" : "inbound";
      j["Peer"] = Ip(h.address);
      if (h.entry != nullptr) {
        j["RuleNumber"] = h.entry->rule_number;
        j["RuleAction"] = h.entry->allow ? "allow" : "deny";
      }
      AddPorts(j, h, protocol);
      break;
    case HopKind::kInternetGateway:
      j["VpcId"] = network::GatewayVpcId(h);
      j["PrivateIpAddress"] = Ip(h.mapped);
      if (h.address != 0) j["PublicIpAddress"] = Ip(h.address);
      break;
    case HopKind::kRouteTable:
      RouteTableJson(h, j);
      break;
    case HopKind::kNatGateway:
      j["Id"] = h.nat->id;
      j["SubnetId"] = h.nat->subnet_id;
      j["PrivateIpAddress"] = Ip(h.mapped);
      if (h.address != 0) j["PublicIp"] = Ip(h.address);
      j["State"] = h.nat->state;
      break;
  }
  return j;
}

json BlockedByJson(const network::ProbeOutcome& o) {
  json j;
  if (o.verdict.blocked_hop >= 0) {
    const Hop& h = o.trace.hops[static_cast<std::size_t>(o.verdict.blocked_hop)];
    j = ComponentJson(h, o.traffic.protocol);
    j["Path"] = h.return_path ? "return" : "forward";
    if (h.blocked_port >= 0 && network::HasPorts(o.traffic.protocol)) j["Port"] = h.blocked_port;
  } else if (o.verdict.reason == network::Reason::kConnectionClosed) {
    j = {{"Type", "connection"}, {"Id", o.connection}, {"ClosedBy", o.closed_by}};
  } else {
    const network::ProbeEnd& end = o.blocked_at_source ? o.source : o.destination;
    j["End"] = o.blocked_at_source ? "source" : "destination";
    // An instance that cannot talk, or an address that leads nowhere (whoever holds it).
    network::Reason r = o.verdict.reason;
    bool about_instance = r == network::Reason::kUnknownInstance ||
                          r == network::Reason::kNotRunning ||
                          r == network::Reason::kAddressChanged;
    if (about_instance) {
      j["Type"] = "instance";
      j["Id"] = end.instance != nullptr ? end.instance->id : end.text;
      if (end.instance != nullptr) j["State"] = model::StateName(end.instance->state);
    } else {
      j["Type"] = "address";
      j["Address"] = end.address != 0 ? Ip(end.address) : end.text;
      if (end.instance != nullptr) j["InstanceId"] = end.instance->id;
    }
  }
  j["Reason"] = network::ReasonCode(o.verdict.reason);
  return j;
}

json FlowJson(const network::ProbeOutcome& o) {
  const network::Traffic& t = o.traffic;
  json j = {{"From", o.source.text},
            {"To", o.destination.text},
            {"Protocol", network::ProtocolName(t.protocol)}};
  if (network::HasPorts(t.protocol)) {
    j["Port"] = t.port;
    network::PortRange reply = t.source_port >= 0 ? network::PortRange{t.source_port, t.source_port}
                               : o.source.is_instance() ? network::kInstanceEphemeralPorts
                                                        : network::kInternetEphemeralPorts;
    j["ReplyPorts"] = {{"From", reply.from}, {"To", reply.to}};
  } else if (t.protocol == network::kProtoIcmp) {
    j["IcmpType"] = t.port;
    j["IcmpCode"] = t.icmp_code;
  }
  if (o.source.address != 0) j["SourceAddress"] = Ip(o.source.address);
  if (o.destination.address != 0) j["DestinationAddress"] = Ip(o.destination.address);
  return j;
}

// `lang`: "en" (default) or "ko", the language of `Explanation`; the fields stay the same.
Result<Lang> DecodeLang(const json& spec) {
  std::optional<Error> error;
  std::optional<std::string> code = Text(spec, "lang", error);
  if (error) return *error;
  if (!code) return Lang::kEn;
  if (std::optional<Lang> lang = LangFromCode(*code)) return *lang;
  return Invalid("probe `lang` must be en or ko");
}

// `client` (a city or "lat,lon", as the latency verb takes) and `access` (fiber, cable, dsl,
// mobile). Errors: kInvalidParameterValue for a type error, an unknown access or a region or AZ
// given as the client; ParsePlace's errors (kSimNotFound, kSimInvalidInput) for an unknown place.
Result<ClientSpec> DecodeClient(const json& spec) {
  ClientSpec c;
  if (!spec.is_object()) return c;
  std::optional<Error> error;
  std::optional<std::string> access = Text(spec, "access", error);
  std::optional<std::string> client = Text(spec, "client", error);
  if (error) return *error;
  if (access) {
    std::optional<latency::Access> parsed = latency::ParseAccess(*access);
    if (!parsed) return Invalid("probe `access` must be one of fiber, cable, dsl, mobile");
    c.access = *parsed;
  }
  if (client) {
    EC2SIM_ASSIGN_OR_RETURN(latency::Place place, latency::ParsePlace(*client, c.access));
    if (place.kind != latency::Place::Kind::kClient) {
      return Invalid("probe `client` places the internet host: name a city or 'lat,lon', not " +
                     place.label);
    }
    c.place = std::move(place);
  }
  return c;
}

// A position this close to a listed city is taken to be in its country (as ParsePlace does).
constexpr double kSameCountryKm = 300;

// Milliseconds with one decimal from integer microseconds, as the latency verb reports them.
double Ms(std::int64_t micros) { return static_cast<double>((micros + 50) / 100) / 10.0; }

// An instance end: its AZ of its region.
std::optional<latency::Place> InstancePlace(const network::ProbeEnd& end) {
  if (end.instance == nullptr || end.scope == nullptr || end.scope->region == nullptr) {
    return std::nullopt;
  }
  const model::RegionInfo& region = *end.scope->region;
  return latency::RegionPlace(region, model::AzIndex(region, end.instance->az));
}

// An internet end: the client named in the probe, else a client in the metro of the region it
// talks to (the best case, which a learner can move with `client`).
latency::Place InternetPlace(const network::ProbeEnd& end, const latency::Place& other,
                             const ClientSpec& client) {
  if (client.place) return *client.place;
  latency::Place p = latency::ClientPlace(other.pos, end.text, client.access);
  if (const latency::City* city = latency::NearestCity(other.pos, kSameCountryKm)) {
    p.country = city->country;  // its ISP meets the backbone in its own country
  }
  return p;
}

// RttMs: the modelled round-trip time of an allowed path in milliseconds (docs/latency.md):
// between the AZs of two instances, or between the internet host and the instance's AZ. None
// when no end is an instance (nothing is then allowed) or the model has no route.
std::optional<double> PathRttMs(const network::ProbeOutcome& o, const ClientSpec& client) {
  std::optional<latency::Place> from = InstancePlace(o.source);
  std::optional<latency::Place> to = InstancePlace(o.destination);
  if (!from && !to) return std::nullopt;
  if (!from) from = InternetPlace(o.source, *to, client);
  if (!to) to = InternetPlace(o.destination, *from, client);
  Result<latency::Route> route = latency::RoundTrip(*from, *to);
  if (!route.ok()) return std::nullopt;
  return Ms(route->rtt_micros);
}

json OutcomeJson(const network::ProbeOutcome& o, const ClientSpec& client, Lang lang) {
  json components = json::array();
  json reply = json::array();
  for (int i = 0; i < o.trace.size; ++i) {
    const Hop& h = o.trace.hops[static_cast<std::size_t>(i)];
    json c = ComponentJson(h, o.traffic.protocol);
    c["Decision"] = Decision(h.result);
    (h.return_path ? reply : components).push_back(std::move(c));
  }
  json j = {{"Verdict", o.verdict.allowed ? "allowed" : "blocked"},
            {"Flow", FlowJson(o)},
            {"Components", std::move(components)},
            {"ReturnComponents", std::move(reply)},
            {"Explanation", ProbeExplanation(o, lang)}};
  if (!o.verdict.allowed) j["BlockedBy"] = BlockedByJson(o);
  if (o.verdict.allowed) {
    json tracking = json::object();
    if (o.source.is_instance())
      tracking["Source"] = network::TrackingName(o.verdict.source_tracking);
    if (o.destination.is_instance()) {
      tracking["Destination"] = network::TrackingName(o.verdict.destination_tracking);
    }
    j["Tracking"] = std::move(tracking);
    if (auto rtt = PathRttMs(o, client)) j["RttMs"] = *rtt;
  }
  if (o.connection_state != network::ConnectionState::kNone) {
    j["Connection"] = {{"Name", o.connection},
                       {"State", network::ConnectionStateName(o.connection_state)}};
  }
  return j;
}

}  // namespace

Result<nlohmann::json> ProbeVerb(model::World& world, const nlohmann::json& spec,
                                 const CallContext& ctx) {
  EC2SIM_ASSIGN_OR_RETURN(network::ProbeRequest request, DecodeRequest(spec));
  request.confined = !ctx.sees_other_accounts;
  EC2SIM_ASSIGN_OR_RETURN(ClientSpec client, DecodeClient(spec));
  EC2SIM_ASSIGN_OR_RETURN(Lang lang, DecodeLang(spec));
  EC2SIM_ASSIGN_OR_RETURN(network::ProbeOutcome outcome,
                          network::RunProbe(world, request, ctx.account, ctx.region));
  return OutcomeJson(outcome, client, lang);
}

}  // namespace ec2sim::api
