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

const char* TypeName(KeyType t) { return t == KeyType::kRsa ? "rsa" : "ed25519"; }
const char* FormatName(KeyFormat f) { return f == KeyFormat::kPem ? "pem" : "ppk"; }

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

nlohmann::json KeyUseToJson(const KeyUse& use) {
  return {{"type", TypeName(use.spec.type)},
          {"format", FormatName(use.spec.format)},
          {"seed", use.spec.seed},
          {"comment", use.spec.comment},
          {"material", use.key.key_material},
          {"public", use.key.public_key_openssh},
          {"fingerprint", use.key.fingerprint}};
}

std::optional<KeyUse> KeyUseFromJson(const nlohmann::json& j) {
  auto text = [&j](const char* name) -> const std::string* {
    auto it = j.find(name);
    return it != j.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
  };
  if (!j.is_object() || !j.contains("seed") || !j["seed"].is_number_unsigned()) return std::nullopt;
  const std::string* type = text("type");
  const std::string* format = text("format");
  const std::string* comment = text("comment");
  const std::string* material = text("material");
  const std::string* pub = text("public");
  const std::string* fingerprint = text("fingerprint");
  if (!type || !format || !comment || !material || !pub || !fingerprint) return std::nullopt;
  if ((*type != "rsa" && *type != "ed25519") || (*format != "pem" && *format != "ppk")) {
    return std::nullopt;
  }
  KeyUse use;
  use.spec = {*type == "rsa" ? KeyType::kRsa : KeyType::kEd25519,
              *format == "pem" ? KeyFormat::kPem : KeyFormat::kPpk, j["seed"].get<std::uint64_t>(),
              *comment};
  use.key = {*material, *pub, *fingerprint};
  return use;
}

}  // namespace ec2sim::model
