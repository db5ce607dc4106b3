#include "sim/model/network/view.h"

#include <cassert>

#include "sim/model/network/nacl.h"
#include "sim/model/network/route_step.h"
#include "sim/model/vpc/routing.h"

namespace ec2sim::network {

std::uint32_t NetworkView::DenseIndex(const model::SecurityGroup& group) {
  auto [it, inserted] = dense_.try_emplace(&group, static_cast<std::uint32_t>(dense_.size()));
  return it->second;
}

const CompiledGroup& NetworkView::Group(const model::Scope& scope,
                                        const model::SecurityGroup& group) {
  auto it = groups_.find(&group);
  if (it != groups_.end()) return it->second;
  auto index_of = [this, &scope](const std::string& id) -> std::int32_t {
    const model::SecurityGroup* ref = scope.groups.Find(id);
    return ref == nullptr ? -1 : static_cast<std::int32_t>(DenseIndex(*ref));
  };
  return groups_.emplace(&group, CompileGroup(group, index_of)).first->second;
}

const CompiledAcl& NetworkView::Acl(const model::NetworkAcl& acl) {
  auto it = acls_.find(&acl);
  if (it != acls_.end()) return it->second;
  return acls_.emplace(&acl, CompileAcl(acl)).first->second;
}

const CompiledInterface& NetworkView::Interface(const model::Scope& scope,
                                                const model::NetworkInterface& eni) {
  auto it = interfaces_.find(&eni);
  if (it != interfaces_.end()) return it->second;
  CompiledInterface c;
  c.scope = &scope;
  c.eni = &eni;
  c.instance = eni.instance_id.empty() ? nullptr : scope.instances.Find(eni.instance_id);
  c.subnet = scope.subnets.Find(eni.subnet_id);
  if (const model::NetworkAcl* acl = AclOfSubnet(scope, eni.subnet_id)) c.acl = &Acl(*acl);
  if (c.subnet != nullptr) c.route_table = model::EffectiveRouteTable(scope, *c.subnet);
  c.untouched_default_routes =
      c.route_table != nullptr && IsUntouchedDefaultRouteTable(scope, *c.route_table);
  for (const std::string& id : eni.group_ids) {
    const model::SecurityGroup* g = scope.groups.Find(id);
    if (g == nullptr) continue;  // groups in use cannot be deleted; defensive
    assert(c.group_count < kMaxGroupsPerInterface);
    c.groups[static_cast<std::size_t>(c.group_count)] = &Group(scope, *g);
    c.group_index[static_cast<std::size_t>(c.group_count)] = DenseIndex(*g);
    ++c.group_count;
  }
  return interfaces_.emplace(&eni, c).first->second;
}

NetworkView::InstanceRef NetworkView::FindInstance(std::string_view id,
                                                   const model::Scope* preferred) {
  if (preferred != nullptr) {
    if (const model::Instance* inst = preferred->instances.Find(id)) return {preferred, inst};
  }
  for (const model::Scope* scope : world_.AllScopes()) {
    if (const model::Instance* inst = scope->instances.Find(id)) return {scope, inst};
  }
  return {};
}

NetworkView::InterfaceRef NetworkView::FindPublicIp(model::Ipv4 ip) {
  // Most addresses a probe names belong to nobody in the world (internet hosts): the world's
  // set of taken addresses answers that without touching any interface.
  if (!world_.PublicIpInUse(ip)) return {};
  if (!public_index_built_ && public_lookups_++ == 0) {
    // One lookup (a single probe) scans; a second one (a sweep) pays for an index.
    for (const model::Scope* scope : world_.AllScopes()) {
      for (const model::NetworkInterface& eni : scope->interfaces.values()) {
        if (eni.public_ip == ip) return {scope, &eni};
      }
    }
    return {};
  }
  if (!public_index_built_) {
    for (const model::Scope* scope : world_.AllScopes()) {
      for (const model::NetworkInterface& eni : scope->interfaces.values()) {
        if (eni.public_ip != 0) public_ips_.emplace(eni.public_ip, InterfaceRef{scope, &eni});
      }
    }
    public_index_built_ = true;
  }
  auto it = public_ips_.find(ip);
  return it == public_ips_.end() ? InterfaceRef{} : it->second;
}

NetworkView::InterfaceRef NetworkView::FindPrivateIp(const model::Scope& scope,
                                                     std::string_view vpc_id, model::Ipv4 ip) {
  auto [index, inserted] = private_ips_.try_emplace(&scope);
  if (inserted) {
    for (const model::NetworkInterface& eni : scope.interfaces.values()) {
      index->second.emplace(eni.private_ip, &eni);
    }
  }
  auto [begin, end] = index->second.equal_range(ip);
  for (auto it = begin; it != end; ++it) {
    if (it->second->vpc_id == vpc_id) return {&scope, it->second};
  }
  return {};
}

}  // namespace ec2sim::network
