// NetworkView: the network configuration of a World compiled for evaluation at one moment.
// Interfaces, their groups and their subnets' ACLs are compiled on first use and cached, so a
// sweep over many instances that share groups compiles each group once.
//
// A view holds pointers into the World: it is valid until the World next changes (any action
// call or clock advance). Build a new view for every question asked after a change; that is
// what makes rule changes apply to new traffic at once.
#ifndef EC2SIM_MODEL_NETWORK_VIEW_H_
#define EC2SIM_MODEL_NETWORK_VIEW_H_

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>

#include "sim/model/network/compiled_rules.h"
#include "sim/model/world.h"

namespace ec2sim::network {

// The adjustable maximum of groups per interface (§6.3); the default quota is 5.
inline constexpr int kMaxGroupsPerInterface = 16;

// An interface ready for evaluation: its instance, subnet, the subnet's ACL and its groups.
struct CompiledInterface {
  const model::Scope* scope = nullptr;
  const model::NetworkInterface* eni = nullptr;
  const model::Instance* instance = nullptr;  // nullptr for a detached interface
  const model::Subnet* subnet = nullptr;
  const CompiledAcl* acl = nullptr;  // nullptr only if the subnet lost its association
  const model::RouteTable* route_table = nullptr;  // the subnet's; nullptr if its VPC has none
  bool untouched_default_routes = false;           // IsUntouchedDefaultRouteTable: not shown
  std::array<const CompiledGroup*, kMaxGroupsPerInterface> groups{};
  std::array<std::uint32_t, kMaxGroupsPerInterface> group_index{};  // dense ids for references
  int group_count = 0;

  std::span<const CompiledGroup* const> Groups() const {
    return {groups.data(), static_cast<std::size_t>(group_count)};
  }
  std::span<const std::uint32_t> GroupIndices() const {
    return {group_index.data(), static_cast<std::size_t>(group_count)};
  }
};

class NetworkView {
 public:
  explicit NetworkView(model::World& world) : world_(world) {}
  NetworkView(const NetworkView&) = delete;
  NetworkView& operator=(const NetworkView&) = delete;

  model::World& world() { return world_; }

  // The compiled form of an interface of `scope` (built on first use).
  const CompiledInterface& Interface(const model::Scope& scope, const model::NetworkInterface& eni);

  struct InstanceRef {
    const model::Scope* scope = nullptr;
    const model::Instance* instance = nullptr;
  };
  // An instance by id: in `preferred` first, then in every scope in (account, region) order.
  // Both pointers are null when no scope has it.
  InstanceRef FindInstance(std::string_view id, const model::Scope* preferred);

  struct InterfaceRef {
    const model::Scope* scope = nullptr;
    const model::NetworkInterface* eni = nullptr;
  };
  // The interface a public IPv4 address is mapped to, in any account or region.
  InterfaceRef FindPublicIp(model::Ipv4 ip);
  // The interface with this private address in one VPC of `scope`.
  InterfaceRef FindPrivateIp(const model::Scope& scope, std::string_view vpc_id, model::Ipv4 ip);

 private:
  const CompiledGroup& Group(const model::Scope& scope, const model::SecurityGroup& group);
  const CompiledAcl& Acl(const model::NetworkAcl& acl);
  std::uint32_t DenseIndex(const model::SecurityGroup& group);

  model::World& world_;
  std::unordered_map<const model::NetworkInterface*, CompiledInterface> interfaces_;
  std::unordered_map<const model::SecurityGroup*, CompiledGroup> groups_;
  std::unordered_map<const model::NetworkAcl*, CompiledAcl> acls_;
  std::unordered_map<const model::SecurityGroup*, std::uint32_t> dense_;
  bool public_index_built_ = false;
  int public_lookups_ = 0;
  std::unordered_map<model::Ipv4, InterfaceRef> public_ips_;
  std::unordered_map<const model::Scope*,
                     std::unordered_multimap<model::Ipv4, const model::NetworkInterface*>>
      private_ips_;
};

}  // namespace ec2sim::network

#endif  // EC2SIM_MODEL_NETWORK_VIEW_H_
