// Turning a probe's `from` and `to` (an instance id or an IPv4 address) into evaluator
// endpoints, and deciding before any rule is read when two ends cannot talk at all: an unknown
// instance, an address nobody holds, a private address reached from the internet.
#ifndef EC2SIM_MODEL_NETWORK_RESOLVE_H_
#define EC2SIM_MODEL_NETWORK_RESOLVE_H_

#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/model/network/evaluator.h"

namespace ec2sim::network {

// What a probe end names, parsed but not yet looked up.
struct EndRef {
  std::string text;         // as written
  std::string instance_id;  // set when the text is an instance id
  model::Ipv4 address = 0;  // set when the text is an address
  bool is_instance_id() const { return !instance_id.empty(); }
};

// Errors: kMissingParameter for an empty text, kInvalidInstanceIdMalformed for "i-" that is not
// followed by 8 or 17 hex digits, kInvalidParameterValue for anything that is neither an
// instance id nor a unicast IPv4 address (IPv6 is refused: no interface has one).
Result<EndRef> ParseEnd(std::string_view text, std::string_view key);

// True for private (RFC 1918) and shared (RFC 6598) IPv4 space, which the internet does not
// route.
bool IsPrivateAddress(model::Ipv4 ip);

// The id of the NAT gateway in `scope` that holds `ip` (public or private), or "" when none does.
std::string NatGatewayIdAt(const model::Scope* scope, model::Ipv4 ip);

// Both ends resolved, or the reason there is nothing to evaluate.
struct Resolution {
  Endpoint source;
  Endpoint destination;
  Reason blocked = Reason::kNone;  // kNone: evaluate the endpoints
  bool blocked_at_source = false;  // which end `blocked` is about
  // The instances the ends name, when they name one (also when blocked, for the explanation).
  const model::Instance* source_instance = nullptr;
  const model::Instance* destination_instance = nullptr;
  bool destination_foreign = false;  // a confined probe reached another account's address
  std::string nat_gateway_id;        // kNatGatewayInbound: the gateway that holds the address
};

// Resolves ends. Instance ids and public addresses are found in every account and region
// (`home` first for ids); a private address is looked up in the other end's VPC, then in the
// VPC its subnet routes the address to over a peering connection, or in the default VPC of
// `home` (the probe's account and region) when the other end is not an instance. An instance
// named by id is reached through its private address from its own VPC or a peered VPC whose
// route tables (either end's) send its address over the peering, and through its public
// address from anywhere else. A NAT gateway's address as the destination is blocked
// (kNatGatewayInbound). `confined`: only `home`'s account is
// visible; another account's instance ids are unknown, its public addresses are internet hosts
// (as a source, nothing of theirs is checked; as a destination, their rules decide, and
// `destination_foreign` says the answer must not show them). Errors: kInvalidParameterValue
// when both ends are the same instance.
Result<Resolution> ResolveEnds(NetworkView& view, const model::Scope& home, const EndRef& from,
                               const EndRef& to, bool confined = false);

}  // namespace ec2sim::network

#endif  // EC2SIM_MODEL_NETWORK_RESOLVE_H_
