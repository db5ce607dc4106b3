#include "sim/model/key_cache.h"

#include <atomic>
#include <deque>
#include <map>
#include <mutex>
#include <utility>

namespace ec2sim::model {
namespace {

struct Cache {
  std::mutex mu;
  std::map<KeySpec, GeneratedKey> keys;
  std::deque<KeySpec> order;  // oldest first
  std::atomic<std::uint64_t> generated{0};

  void Put(const KeySpec& spec, GeneratedKey key) {
    std::lock_guard<std::mutex> lock(mu);
    if (!keys.insert_or_assign(spec, std::move(key)).second) return;
    order.push_back(spec);
    while (order.size() > kKeyCacheEntries) {
      keys.erase(order.front());
      order.pop_front();
    }
  }
};

Cache& TheCache() {
  static Cache* cache = new Cache();  // never destroyed: worker threads may outlive main's exit
  return *cache;
}

thread_local KeyUseLog* open_log = nullptr;

}  // namespace

KeyUseLog::KeyUseLog() { open_log = this; }
KeyUseLog::~KeyUseLog() { open_log = nullptr; }

void NoteKeyUse(const KeySpec& spec, const GeneratedKey& key) {
  if (open_log != nullptr) open_log->uses_.push_back({spec, key});
}

Result<GeneratedKey> KeyPairFor(const KeySpec& spec) {
  Cache& cache = TheCache();
  {
    std::lock_guard<std::mutex> lock(cache.mu);
    auto it = cache.keys.find(spec);
    if (it != cache.keys.end()) return it->second;
  }
  cache.generated.fetch_add(1);
  EC2SIM_ASSIGN_OR_RETURN(GeneratedKey key,
                          GenerateKeyPair(spec.type, spec.format, spec.seed, spec.comment));
  cache.Put(spec, key);
  return key;
}

void RememberKeyPair(const KeySpec& spec, GeneratedKey key) {
  TheCache().Put(spec, std::move(key));
}

std::uint64_t KeyPairsGenerated() { return TheCache().generated.load(); }

void ForgetKeyPairs() {
  Cache& cache = TheCache();
  std::lock_guard<std::mutex> lock(cache.mu);
  cache.keys.clear();
  cache.order.clear();
}

}  // namespace ec2sim::model
