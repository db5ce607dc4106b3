// Generated key pairs remembered by what they derive from, so the slow part of CreateKeyPair
// (an RSA prime search, about 200 ms) can run ahead of the call, outside the server's lock, and
// never again when a journal is replayed.
//
// GenerateKeyPair is a pure function of (type, format, seed, comment), so a remembered key is the
// key the call would have made: nothing here can change an outcome, only when the work is done.
// The cache is process-wide (the server's pre-generation and its world's calls meet in it) and
// bounded; a key that is not found is generated on the spot, as before.
#ifndef EC2SIM_MODEL_KEY_CACHE_H_
#define EC2SIM_MODEL_KEY_CACHE_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/key_material.h"

namespace ec2sim::model {

// Everything a generated key pair derives from.
struct KeySpec {
  KeyType type = KeyType::kRsa;
  KeyFormat format = KeyFormat::kPem;
  std::uint64_t seed = 0;
  std::string comment;
  auto operator<=>(const KeySpec&) const = default;
};

// A key a call took, with what it derives from: what a journal keeps so a replay need not make
// the key again.
struct KeyUse {
  KeySpec spec;
  GeneratedKey key;
};

// At most this many keys are remembered, the least recently stored forgotten first: enough for
// every worker thread of the server to have one key prepared at once.
inline constexpr std::size_t kKeyCacheEntries = 128;

// The key of `spec`: the remembered one, or GenerateKeyPair's (then remembered). Thread-safe;
// generation runs outside the cache's lock. Errors: those of GenerateKeyPair.
Result<GeneratedKey> KeyPairFor(const KeySpec& spec);
// Remembers `key` as the key of `spec` (a journal's KeyUse, before its record is replayed).
void RememberKeyPair(const KeySpec& spec, GeneratedKey key);

// While a KeyUseLog is open on a thread, every key a call on that thread takes (through
// NoteKeyUse) is added to it: what the sandbox's journal record keeps. Logs do not nest.
class KeyUseLog {
 public:
  KeyUseLog();
  ~KeyUseLog();
  KeyUseLog(const KeyUseLog&) = delete;
  KeyUseLog& operator=(const KeyUseLog&) = delete;
  const std::vector<KeyUse>& uses() const { return uses_; }

 private:
  friend void NoteKeyUse(const KeySpec& spec, const GeneratedKey& key);
  std::vector<KeyUse> uses_;
};
// Adds the key to this thread's open KeyUseLog, if any.
void NoteKeyUse(const KeySpec& spec, const GeneratedKey& key);

// For tests: how many keys KeyPairFor generated in this process, and forgetting every key.
std::uint64_t KeyPairsGenerated();
void ForgetKeyPairs();

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_KEY_CACHE_H_
