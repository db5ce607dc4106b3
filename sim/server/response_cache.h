// The EC2 endpoint's cache of rendered answers: the XML bodies of catalog actions (for good) and
// of Describe actions (while the account's Sandbox::StateVersion, and for a clocked Describe
// possibly the simulated time, stay what they were when the body was rendered).
//
// A body is stored split around its request id, which differs on every answer: it is rendered
// once with kIdMarker in the id's place, and every hit splices the new id in. Thread-safe.
//
// Bounded in bytes, per account and in total (ResponseCacheLimits), with least-recently-used
// eviction: the number of distinct queries is the client's choice (every filter value is a new
// key), so a bound on entries alone would let one account fill memory with large bodies.
#ifndef EC2SIM_SERVER_RESPONSE_CACHE_H_
#define EC2SIM_SERVER_RESPONSE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "ec2sim/sandbox.h"
#include "ec2sim/sim_time.h"

namespace ec2sim::server {

// The byte budgets of a ResponseCache. What an entry costs: its key, its body (both halves) and
// kEntryOverhead for the containers around them.
struct ResponseCacheLimits {
  // One account's bodies (every region of it) together. 8 MiB holds two DescribeInstances
  // answers for 1,000 instances (about 3.2 KB an instance: 3.2 MB a body), the most one
  // account can have, or thousands of a classroom account's usual answers (a few KB).
  std::size_t per_account_bytes = 8u << 20;
  // Every account's together: what a flood of distinct queries can add to the server's memory.
  // 64 MiB gives eight accounts their whole budget at once; a class of 30 with small worlds
  // never reaches it.
  std::size_t total_bytes = 64u << 20;
};

class ResponseCache {
 public:
  // Stands for the request id in a body rendered for Store(); no answer contains it otherwise.
  static constexpr std::string_view kIdMarker = "@@ec2sim-request-id@@";
  // Counted for each entry besides its key and body: the map and list nodes, the Body and its
  // shared_ptr control block, and malloc's rounding, a little over what they take on x86-64.
  static constexpr std::size_t kEntryOverhead = 256;

  explicit ResponseCache(ResponseCacheLimits limits = {}) : limits_(limits) {}
  // Changes the budgets; call before the cache is used.
  void set_limits(ResponseCacheLimits limits) { limits_ = limits; }

  // The key of one query: who asks where, the action and its decoded input.
  static std::string Key(const CallContext& ctx, std::string_view action,
                         const nlohmann::json& input);

  // One stored body, split around its request id.
  struct Body {
    std::string head;
    std::string tail;
    std::uint64_t version = 0;
    // For an answer that changes with the clock alone: the only simulated time it holds at.
    std::optional<SimTime> at;

    // The answer for one request.
    std::string WithRequestId(std::string_view request_id) const;
  };

  // The body stored under `key` if it was stored at `version` and holds at simulated time `now`
  // (a body stored with a time holds at that time only); nullptr otherwise. Catalog bodies are
  // stored and looked up at version 0, time 0. A hit makes the entry its account's most recently
  // used. Cheap: the caller splices the id in, outside whatever lock it holds.
  std::shared_ptr<const Body> Find(const std::string& key, std::uint64_t version, SimTime now);

  // Stores `marked`, a body rendered with kIdMarker for its request id, as the answer at
  // `version` (and only at time `*at` when given), and returns it with `request_id` spliced in.
  // Stores nothing and returns nullopt when `marked` holds no marker. An entry costing more than
  // the per-account budget is not kept (the answer is still returned). To make room, the
  // account's least recently used entries go first; over the total, the least recently used
  // entries of the account holding the most bytes, so a flood from one account takes from
  // another only while that one holds at least as much.
  std::optional<std::string> Store(const std::string& key, std::string_view marked,
                                   std::uint64_t version, std::optional<SimTime> at,
                                   std::string_view request_id);

  // Whether a DescribeInstanceStatus result (its JSON) holds at every later time of the same
  // state version, so it may be stored without a time; see response_cache.cc.
  static bool ClockedAnswerHoldsAtAnyTime(const nlohmann::json& result);

  // The number of bodies stored, and what they cost in all and for one account.
  std::size_t size() const;
  std::size_t bytes() const;
  std::size_t account_bytes(const std::string& account) const;
  const ResponseCacheLimits& limits() const { return limits_; }

 private:
  struct Entry {
    std::shared_ptr<const Body> body;
    std::string account;
    std::size_t cost = 0;
    std::list<const std::string*>::iterator lru;  // in its account's list
  };
  struct Account {
    std::size_t bytes = 0;
    std::list<const std::string*> lru;  // keys, most recently used first
  };
  using Entries = std::map<std::string, Entry, std::less<>>;

  void EraseLocked(Entries::iterator it);
  // Evicts until the account fits `incoming` more bytes and the total does too.
  void MakeRoomLocked(const std::string& account, std::size_t incoming);

  ResponseCacheLimits limits_;
  mutable std::mutex mu_;
  Entries entries_;
  std::map<std::string, Account, std::less<>> accounts_;
  std::set<std::pair<std::size_t, std::string>> by_bytes_;  // (bytes, account), for the total
  std::size_t bytes_ = 0;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_RESPONSE_CACHE_H_
