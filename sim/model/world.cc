#include "sim/model/world.h"

#include <cassert>

#include "sim/engine/spelling.h"

namespace ec2sim::model {

const char* StateName(InstanceState state) {
  switch (state) {
    case InstanceState::kPending:
      return "pending";
    case InstanceState::kRunning:
      return "running";
    case InstanceState::kShuttingDown:
      return "shutting-down";
    case InstanceState::kTerminated:
      return "terminated";
    case InstanceState::kStopping:
      return "stopping";
    case InstanceState::kStopped:
      return "stopped";
  }
  return "unknown";
}

std::optional<InstanceState> ParseStateName(std::string_view name) {
  for (InstanceState s :
       {InstanceState::kPending, InstanceState::kRunning, InstanceState::kShuttingDown,
        InstanceState::kTerminated, InstanceState::kStopping, InstanceState::kStopped}) {
    if (name == StateName(s)) return s;
  }
  return std::nullopt;
}

World::World(const SandboxOptions& options)
    : options_(options), sim_(options.start), rng_(options.seed) {
  if (options.timing == Timing::kInstant) {
    times_.launch = times_.start = times_.stop = times_.terminate = times_.status_checks = 0;
  }
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
  CreateDefaultVpc(*scope);
  Scope* raw = scope.get();
  scopes_.emplace(key, std::move(scope));
  return raw;
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

void World::CreateDefaultVpc(Scope& scope) {
  // A default VPC as AWS creates it: 172.31.0.0/16 with one /20 default subnet per AZ that maps
  // public IPs on launch, plus the VPC's default security group and network ACL.
  Vpc vpc;
  vpc.id = NewId("vpc");
  vpc.cidr = *ParseCidr4("172.31.0.0/16");
  vpc.is_default = true;
  vpc.dhcp_options_id = NewId("dopt");

  SecurityGroup sg;
  sg.id = NewId("sg");
  sg.name = "default";
  sg.description = "default VPC security group";
  sg.vpc_id = vpc.id;
  // Default group: all traffic from members of itself, all traffic out (ec2-semantics.md §6.1).
  SgRule in{NewId("sgr"), false, "-1", -1, -1, SgRule::Peer::kGroup, sg.id, scope.account, "", {}};
  SgRule out{NewId("sgr"), true, "-1", -1, -1, SgRule::Peer::kCidr4, "0.0.0.0/0", "", "", {}};
  sg.rules = {in, out};
  vpc.default_group_id = sg.id;

  NetworkAcl acl;
  acl.id = NewId("acl");
  acl.vpc_id = vpc.id;
  acl.is_default = true;
  for (bool egress : {false, true}) {
    // Rule 100 allows everything; the fixed "*" rule (32767) denies what nothing else matched.
    acl.entries.push_back({100, egress, "-1", true, ParseCidr4("0.0.0.0/0"), std::nullopt});
    acl.entries.push_back({32767, egress, "-1", false, ParseCidr4("0.0.0.0/0"), std::nullopt});
  }
  vpc.default_acl_id = acl.id;

  for (int i = 0; i < scope.region->az_count; ++i) {
    Subnet subnet;
    subnet.id = NewId("subnet");
    subnet.vpc_id = vpc.id;
    subnet.az = AzName(*scope.region, i);
    subnet.az_id = AzId(*scope.region, i);
    subnet.cidr = Cidr4{vpc.cidr.base + static_cast<Ipv4>(i) * (1u << 12), 20};
    subnet.default_for_az = true;
    subnet.map_public_ip_on_launch = true;
    acl.associations.emplace(subnet.id, NewId("aclassoc"));
    scope.subnets.Insert(subnet.id, std::move(subnet));
  }
  scope.default_vpc_id = vpc.id;
  scope.groups.Insert(sg.id, std::move(sg));
  scope.acls.Insert(acl.id, std::move(acl));
  scope.vpcs.Insert(vpc.id, std::move(vpc));
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

std::string NewMac(World& world) {
  // Locally administered unicast, like the 0x02/0x06/0x0a/0x0e-prefixed MACs EC2 assigns.
  std::string hex = world.rng().Hex(10);
  std::string mac = "0a";
  for (int i = 0; i < 10; i += 2) mac += ":" + hex.substr(i, 2);
  return mac;
}

void MergeTags(TagList& tags, const TagList& add) {
  for (const Tag& t : add) {
    bool replaced = false;
    for (Tag& existing : tags) {
      if (existing.key == t.key) {
        existing.value = t.value;
        replaced = true;
        break;
      }
    }
    if (!replaced) tags.push_back(t);
  }
}

}  // namespace ec2sim::model
