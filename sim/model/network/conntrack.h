// Named connections opened by probes, so a later probe can ask whether an established flow
// survived a change (ec2-semantics.md §6.4): a tracked flow outlives a security-group change,
// an untracked one is re-checked on every packet, and a network ACL change cuts either at once.
#ifndef EC2SIM_MODEL_NETWORK_CONNTRACK_H_
#define EC2SIM_MODEL_NETWORK_CONNTRACK_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "ec2sim/sim_time.h"
#include "sim/model/network/flow.h"

namespace ec2sim::network {

// One end of a connection as it was when opened.
struct ConnectionEnd {
  std::string account;  // instance ends: where the instance lives
  std::string region;
  std::string instance_id;  // empty: a host on the internet
  model::Ipv4 address = 0;  // the address this end has on the wire
  bool via_public = false;  // an instance end reached through its public address
};

struct Connection {
  std::string owner;  // the account whose probe opened it: names are per account
  std::string name;
  std::string from;  // the probe's `from` and `to` as written
  std::string to;
  ConnectionEnd source;
  ConnectionEnd destination;
  Traffic traffic;
  Tracking source_tracking = Tracking::kNotApplicable;
  Tracking destination_tracking = Tracking::kNotApplicable;
  SimTime opened_at = 0;
  bool open = true;
  SimTime closed_at = -1;
  Reason closed_reason = Reason::kNone;
  std::string closed_by;  // what cut it, in words (for later probes' explanations)
};

// Connections by owner and name, in that order. Opening a name again replaces the owner's old
// connection of that name; one account never sees another's.
class ConnectionTable {
 public:
  Connection* Find(std::string_view owner, std::string_view name) {
    auto it = by_name_.find(Key(owner, name));
    return it == by_name_.end() ? nullptr : &it->second;
  }
  Connection& Put(Connection c) {
    std::string key = Key(c.owner, c.name);
    return by_name_.insert_or_assign(std::move(key), std::move(c)).first->second;
  }
  std::size_t size() const { return by_name_.size(); }
  // Forgets every connection with an end in `account` (the account was reset).
  void EraseAccount(std::string_view account) {
    std::erase_if(by_name_, [account](const auto& entry) {
      const Connection& c = entry.second;
      return c.owner == account || c.source.account == account || c.destination.account == account;
    });
  }

 private:
  // Account ids are digits, so a newline cannot occur in an owner and the keys never collide.
  static std::string Key(std::string_view owner, std::string_view name) {
    std::string key(owner);
    key += '\n';
    key += name;
    return key;
  }

  std::map<std::string, Connection, std::less<>> by_name_;
};

}  // namespace ec2sim::network

#endif  // EC2SIM_MODEL_NETWORK_CONNTRACK_H_
