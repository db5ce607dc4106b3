// The `probe` verb: {"from", "to", "protocol", "port"} (and "lang": "ko" for Korean words) in, the
// verdict with its path, the blocking component, an explanation and, when allowed, the path's
// round-trip time out. Fields are documented in docs/network.md; they are the scenario verb's
// result and the API server's admin answer, so keep them stable.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "sim/api/probe_components.h"
#include "sim/api/probe_text.h"
#include "sim/api/verbs.h"
#include "sim/model/latency/cities.h"
#include "sim/model/latency/latency.h"
#include "sim/model/network/explain.h"
#include "sim/model/network/probe.h"

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

std::string Ip(model::Ipv4 ip) { return model::FormatIpv4(ip); }

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
  // Behind a NAT gateway the destination sees (and answers) the NAT gateway's address.
  model::Ipv4 source =
      o.verdict.translated_source != 0 ? o.verdict.translated_source : o.source.address;
  if (source != 0) j["SourceAddress"] = Ip(source);
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
    json c = ProbeComponentJson(h, o.traffic.protocol);
    c["Decision"] = ProbeDecision(h.result);
    (h.return_path ? reply : components).push_back(std::move(c));
  }
  json j = {{"Verdict", o.verdict.allowed ? "allowed" : "blocked"},
            {"Flow", FlowJson(o)},
            {"Components", std::move(components)},
            {"ReturnComponents", std::move(reply)},
            {"Explanation", ProbeExplanation(o, lang)}};
  if (!o.verdict.allowed) j["BlockedBy"] = ProbeBlockedByJson(o);
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
