#include "sim/model/world.h"

#include <algorithm>
#include <cassert>

#include "sim/engine/spelling.h"
#include "sim/model/vpc/default_vpc.h"

namespace ec2sim::model {

World::World(const SandboxOptions& options)
    : options_(options), sim_(options.start), rng_(options.seed) {
  if (options.timing == Timing::kInstant) {
    times_.launch = times_.start = times_.stop = times_.terminate = times_.status_checks = 0;
    times_.nat_create = times_.nat_delete = 0;
    times_.volume_create = times_.volume_attach = times_.volume_detach = 0;
    times_.volume_modify = times_.volume_tuned = 0;
    times_.snap_create = 0;
  }
}

std::string World::DerivedId(std::string_view prefix, std::string_view parent) {
  // FNV-1a over the parent and prefix, mixed with the seed: a separate, stable stream.
  std::uint64_t h = 1469598103934665603ull;
  for (std::string_view part : {parent, std::string_view("/"), prefix}) {
    for (char c : part) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  engine::Rng derived(h ^ options_.seed);
  return derived.ResourceId(prefix);
}

Result<Scope*> World::GetScope(const std::string& account, const std::string& region) {
  auto key = std::make_pair(account, region);
  auto it = scopes_.find(key);
  if (it != scopes_.end()) return it->second.get();
  const RegionInfo* info = FindRegion(region);
  if (info == nullptr) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Invalid region '" + region + "'" + engine::DidYouMean(region, RegionCodes()));
  }
  auto scope = std::make_unique<Scope>();
  scope->account = account;
  scope->region = info;
  CreateDefaultVpc(*this, *scope);
  Scope* raw = scope.get();
  scopes_.emplace(key, std::move(scope));
  return raw;
}

bool World::RegionEnabled(const std::string& account, const RegionInfo& region) const {
  if (!region.opt_in) return true;
  const auto& all = options_.opted_in_regions;
  if (std::find(all.begin(), all.end(), region.code) != all.end()) return true;
  return account_opt_ins_.count({account, region.code}) > 0;
}

Scope* World::FindScope(const std::string& account, const std::string& region) {
  auto it = scopes_.find({account, region});
  return it == scopes_.end() ? nullptr : it->second.get();
}

std::vector<Scope*> World::AllScopes() {
  std::vector<Scope*> out;
  for (auto& [key, scope] : scopes_) out.push_back(scope.get());
  return out;
}

bool World::DropAccount(const std::string& account) {
  bool existed = false;
  auto it = scopes_.lower_bound({account, std::string()});
  while (it != scopes_.end() && it->first.first == account) {
    Scope& scope = *it->second;
    for (Instance& inst : scope.instances.values()) {
      if (inst.transition_event != 0) sim_.Cancel(inst.transition_event);
    }
    for (const NetworkInterface& eni : scope.interfaces.values()) {
      if (eni.public_ip != 0) ReturnPublicIp(eni.public_ip);
    }
    for (const Address& address : scope.addresses.values()) ReturnPublicIp(address.public_ip);
    // Purges of terminated records are not cancellable and point at the scope: keep it, empty,
    // so that they find nothing to do.
    const RegionInfo* region = scope.region;
    scope = Scope{};
    scope.account = account;
    scope.region = region;
    retired_scopes_.push_back(std::move(it->second));
    it = scopes_.erase(it);
    existed = true;
  }
  connections_.EraseAccount(account);
  return existed;
}

Ipv4 World::TakePublicIp(const RegionInfo& region, Ipv4 avoid) {
  assert(!region.public_blocks.empty());
  std::uint64_t total = 0;
  for (const Cidr4& b : region.public_blocks) total += b.size();
  for (;;) {
    std::uint64_t pick = rng_.Below(total);
    Ipv4 ip = 0;
    for (const Cidr4& b : region.public_blocks) {
      if (pick < b.size()) {
        ip = b.base + static_cast<Ipv4>(pick);
        break;
      }
      pick -= b.size();
    }
    std::uint32_t last = ip & 0xff;
    if (last == 0 || last == 255 || ip == avoid || public_in_use_.count(ip)) continue;
    public_in_use_.insert(ip);
    return ip;
  }
}

void World::Emit(ResourceEvent event) {
  event.at = sim_.now();
  for (auto& listener : listeners_) listener(event);
}

Ipv4 AllocatePrivateIp(World& world, Subnet& subnet) {
  assert(subnet.available() > 0);
  std::uint64_t hosts = subnet.cidr.size();
  for (;;) {
    // Skip the network address, the three AWS reserves after it, and the broadcast address.
    Ipv4 ip = subnet.cidr.base + 4 + static_cast<Ipv4>(world.rng().Below(hosts - 5));
    if (subnet.used.insert(ip).second) return ip;
  }
}

NetworkInterface NewInterfaceIn(World& world, const Subnet& subnet) {
  NetworkInterface eni;
  eni.id = world.NewId("eni");
  eni.serial = world.NewSerial();
  eni.subnet_id = subnet.id;
  eni.vpc_id = subnet.vpc_id;
  eni.az = subnet.az;
  eni.mac = NewMac(world);
  return eni;
}

std::string NewMac(World& world) {
  // Locally administered unicast, like the 0x02/0x06/0x0a/0x0e-prefixed MACs EC2 assigns.
  std::string hex = world.rng().Hex(10);
  std::string mac = "0a";
  for (int i = 0; i < 10; i += 2) mac += ":" + hex.substr(i, 2);
  return mac;
}

}  // namespace ec2sim::model
