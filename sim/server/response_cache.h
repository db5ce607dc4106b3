// The EC2 endpoint's cache of rendered answers: the XML bodies of catalog actions (for good) and
// of Describe actions (while the account's Sandbox::StateVersion, and for a clocked Describe
// possibly the simulated time, stay what they were when the body was rendered).
//
// A body is stored split around its request id, which differs on every answer: it is rendered
// once with kIdMarker in the id's place, and every hit splices the new id in. Thread-safe.
#ifndef EC2SIM_SERVER_RESPONSE_CACHE_H_
#define EC2SIM_SERVER_RESPONSE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "ec2sim/sandbox.h"
#include "ec2sim/sim_time.h"

namespace ec2sim::server {

class ResponseCache {
 public:
  // Stands for the request id in a body rendered for Store(); no answer contains it otherwise.
  static constexpr std::string_view kIdMarker = "@@ec2sim-request-id@@";
  // At most this many bodies are kept; storing one more forgets them all (distinct queries are
  // few in practice, and a full cache only costs renders).
  static constexpr std::size_t kMaxEntries = 4096;

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
  // stored and looked up at version 0, time 0. Cheap: the caller splices the id in, outside
  // whatever lock it holds.
  std::shared_ptr<const Body> Find(const std::string& key, std::uint64_t version, SimTime now);

  // Stores `marked`, a body rendered with kIdMarker for its request id, as the answer at
  // `version` (and only at time `*at` when given), and returns it with `request_id` spliced in.
  // Stores nothing and returns nullopt when `marked` holds no marker.
  std::optional<std::string> Store(const std::string& key, std::string_view marked,
                                   std::uint64_t version, std::optional<SimTime> at,
                                   std::string_view request_id);

  // Whether a DescribeInstanceStatus result (its JSON) holds at every later time of the same
  // state version, so it may be stored without a time; see response_cache.cc.
  static bool ClockedAnswerHoldsAtAnyTime(const nlohmann::json& result);

  // The number of bodies stored.
  std::size_t size() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<const Body>> bodies_;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_RESPONSE_CACHE_H_
