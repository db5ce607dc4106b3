// A probe: one question "would this traffic get through, and why?" asked of the World as it is
// now, optionally opening a named connection or re-checking one opened earlier. This is what
// the scenario verb `probe`, `ec2sim probe` and the API server's admin route answer.
#ifndef EC2SIM_MODEL_NETWORK_PROBE_H_
#define EC2SIM_MODEL_NETWORK_PROBE_H_

#include <string>

#include "ec2sim/result.h"
#include "sim/model/network/flow.h"
#include "sim/model/world.h"

namespace ec2sim::network {

struct ProbeRequest {
  std::string from;  // an instance id or an IPv4 address
  std::string to;
  Traffic traffic;
  std::string open;        // non-empty: remember the flow under this name if it is allowed
  std::string connection;  // non-empty: re-check this connection (from/to/traffic unused)
  // Only the caller's account is visible (a classroom learner): other accounts' instances are
  // internet hosts, known by their public addresses, whose insides the outcome never shows.
  bool confined = false;
};

// One end as the probe understood it. Pointers refer into the World.
struct ProbeEnd {
  std::string text;  // as written
  const model::Scope* scope = nullptr;
  const model::Instance* instance = nullptr;
  const model::NetworkInterface* eni = nullptr;
  model::Ipv4 address = 0;  // the address this end has on the wire (0: not resolved)
  bool via_public = false;
  bool is_instance() const { return instance != nullptr; }
};

enum class ConnectionState {
  kNone,         // the probe neither opened nor checked a connection
  kEstablished,  // opened now, or still up
  kRefused,      // could not be opened: the flow is blocked
  kCut,          // was up, and this probe found it cut
  kClosed,       // was cut by an earlier probe
};
std::string_view ConnectionStateName(ConnectionState state);

struct ProbeOutcome {
  ProbeEnd source;
  ProbeEnd destination;
  Traffic traffic;
  Verdict verdict;
  Trace trace;
  bool blocked_at_source = false;  // for a verdict reached before any component
  std::string nat_gateway_id;      // kNatGatewayInbound: the gateway that holds the address
  std::string connection;          // the connection's name, when one is involved
  ConnectionState connection_state = ConnectionState::kNone;
  std::string closed_by;  // kClosed: what cut the connection earlier, in words
  std::string explanation;
  bool confined = false;  // as requested: no other account's resource appears above
};

// Answers a probe in the caller's account and region (which anchor private addresses named
// without an instance). Never changes resources; opening or cutting a connection updates
// world.connections(), where each account has names of its own. Errors: those of ParseEnd,
// kInvalidParameterValue for bad traffic (ports out of range, a port missing for TCP/UDP) or both
// ends the same instance, kSimNotFound for an unknown connection name, the errors of
// World::GetScope.
Result<ProbeOutcome> RunProbe(model::World& world, const ProbeRequest& request,
                              const std::string& account, const std::string& region);

// Checks a Traffic value: protocol 0-255; TCP/UDP port 0-65535 and source port -1 or 0-65535;
// ICMP type and code 0-255. Errors: kInvalidParameterValue.
Status CheckTraffic(const Traffic& traffic);

}  // namespace ec2sim::network

#endif  // EC2SIM_MODEL_NETWORK_PROBE_H_
