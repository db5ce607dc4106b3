// The `latency` verb: the modelled round-trip time between a client or region and a region,
// availability zone or instance, with its path and what it means to a person.
//
// Spec: {"from": PLACE, "to": PLACE or [PLACE, ...], "access": "fiber", "requests": 10}
//   PLACE: a region code, an AZ name, a city of the built-in list, "lat,lon", or the id of an
//   instance in the step's account and region. "to" defaults to the step's region; "access"
//   (fiber, cable, dsl, mobile) is the client's last mile; "requests" sizes the web page of
//   the Meaning block. A list of targets gives {"From", "Results": [...by RTT], "Nearest"}.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "sim/api/verbs.h"
#include "sim/model/instances.h"
#include "sim/model/latency/latency.h"
#include "sim/model/latency/meaning.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::api {
namespace {

using nlohmann::json;
namespace lat = ::ec2sim::latency;

// Milliseconds with one decimal, from integer microseconds.
double Ms(std::int64_t micros) { return static_cast<double>((micros + 50) / 100) / 10.0; }

Result<lat::Place> ResolvePlace(model::World& world, const json& value, const CallContext& ctx,
                                lat::Access access, std::string_view key) {
  if (!value.is_string()) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "latency: \"" + std::string(key) + "\" must be a string");
  }
  std::string text = value.get<std::string>();
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kInstance);
  if (!text.starts_with(kind.prefix)) return lat::ParsePlace(text, access);
  // FindScope, not GetScope: asking about latency must not create the account's region.
  model::Scope* scope = world.FindScope(ctx.account, ctx.region);
  if (scope == nullptr) return model::NotFoundError(kind, text);
  EC2SIM_ASSIGN_OR_RETURN(model::Instance * instance, model::FindInstance(*scope, text));
  EC2SIM_ASSIGN_OR_RETURN(lat::Place place, lat::ParsePlace(instance->az, access));
  place.label = instance->id + " (" + instance->az + ")";
  return place;
}

std::string_view KindName(const lat::Place& p) {
  if (p.kind == lat::Place::Kind::kClient) return "client";
  return p.az >= 0 ? "availability-zone" : "region";
}

json RouteJson(const lat::Place& from, const lat::Place& to, const lat::Route& route,
               int requests) {
  json path = json::array();
  for (const lat::Stop& stop : route.stops) path.push_back(stop.name);
  int hops = static_cast<int>(std::count_if(route.stops.begin(), route.stops.end(), [](auto& s) {
    return s.kind == lat::Stop::Kind::kExchange;
  }));
  lat::Meaning meaning = lat::Explain(route.rtt_micros, requests);
  json out = {{"From", from.label},
              {"FromKind", KindName(from)},
              {"To", to.label},
              {"ToKind", KindName(to)},
              {"RttMs", Ms(route.rtt_micros)},
              {"Path", path},
              {"ExchangesCrossed", hops},
              {"RouteKm", std::llround(route.route_km)},
              {"GreatCircleKm", std::llround(route.great_circle_km)},
              {"PhysicalLimitMs", Ms(route.physical_limit_micros)},
              {"SameRegion", route.same_region},
              {"Breakdown",
               {{"PropagationMs", Ms(route.propagation_micros)},
                {"HopsMs", Ms(route.hop_micros)},
                {"EndpointMs", Ms(route.endpoint_micros)},
                {"AccessMs", Ms(route.access_micros)}}},
              {"Meaning",
               {{"HttpsFirstByteMs", Ms(meaning.https_first_byte_micros)},
                {"PageRequests", meaning.page_requests},
                {"PageMs", Ms(meaning.page_micros)},
                {"SshEchoMs", Ms(meaning.ssh_echo_micros)},
                {"SshEchoFeels", lat::FeelOf(meaning.ssh_echo_micros)},
                {"Summary", meaning.summary}}}};
  const lat::Place& client = from.kind == lat::Place::Kind::kClient ? from : to;
  if (client.kind == lat::Place::Kind::kClient) {
    out["Access"] = std::string(lat::AccessName(client.access));
    if (!client.country.empty()) out["Country"] = client.country;
  }
  return out;
}

}  // namespace

Result<nlohmann::json> LatencyVerb(model::World& world, const nlohmann::json& spec,
                                   const CallContext& ctx) {
  if (!spec.is_object()) {
    return MakeError(ErrorCode::kSimInvalidInput, "latency: the spec must be an object");
  }
  for (const auto& [key, value] : spec.items()) {
    if (key != "from" && key != "to" && key != "access" && key != "requests") {
      return MakeError(ErrorCode::kSimInvalidInput, "latency: unknown key \"" + key +
                                                        "\" (expected from, to, access, requests)");
    }
  }
  lat::Access access = lat::Access::kFiber;
  if (spec.contains("access")) {
    const json& a = spec["access"];
    std::optional<lat::Access> parsed =
        a.is_string() ? lat::ParseAccess(a.get<std::string>()) : std::nullopt;
    if (!parsed) {
      return MakeError(ErrorCode::kSimInvalidInput,
                       "latency: \"access\" must be one of fiber, cable, dsl, mobile");
    }
    access = *parsed;
  }
  int requests = lat::kDefaultPageRequests;
  if (spec.contains("requests")) {
    const json& r = spec["requests"];
    if (!r.is_number_integer() || r.get<std::int64_t>() < 1 || r.get<std::int64_t>() > 1000) {
      return MakeError(ErrorCode::kSimInvalidInput,
                       "latency: \"requests\" must be an integer from 1 to 1000");
    }
    requests = r.get<int>();
  }
  if (!spec.contains("from")) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "latency: \"from\" is required (a city, 'lat,lon', region, AZ or instance)");
  }
  EC2SIM_ASSIGN_OR_RETURN(lat::Place from, ResolvePlace(world, spec["from"], ctx, access, "from"));
  json targets = spec.contains("to") ? spec["to"] : json(ctx.region);
  bool many = targets.is_array();
  if (!many) targets = json::array({targets});
  if (targets.empty()) {
    return MakeError(ErrorCode::kSimInvalidInput, "latency: \"to\" lists no place");
  }
  std::vector<std::pair<std::int64_t, json>> results;
  for (const json& target : targets) {
    EC2SIM_ASSIGN_OR_RETURN(lat::Place to, ResolvePlace(world, target, ctx, access, "to"));
    EC2SIM_ASSIGN_OR_RETURN(lat::Route route, lat::RoundTrip(from, to));
    results.emplace_back(route.rtt_micros, RouteJson(from, to, route, requests));
  }
  if (!many) return std::move(results.front().second);
  std::stable_sort(results.begin(), results.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  json list = json::array();
  for (auto& [rtt, j] : results) list.push_back(std::move(j));
  return json{{"From", from.label}, {"Nearest", list[0]["To"]}, {"Results", std::move(list)}};
}

}  // namespace ec2sim::api
