// Key pairs as EC2 resources: names unique per account and region, the private key handed out
// once at creation, imported public keys (ec2-semantics.md §4).
#ifndef EC2SIM_MODEL_KEY_PAIRS_H_
#define EC2SIM_MODEL_KEY_PAIRS_H_

#include <string>

#include "ec2sim/result.h"
#include "sim/model/key_material.h"
#include "sim/model/world.h"

namespace ec2sim::model {

inline constexpr int kKeyPairQuota = 5000;  // per region (UG-KEYS)

struct CreatedKeyPair {
  KeyPairRecord* record;
  std::string key_material;  // returned once; never stored
};

// Errors: kInvalidKeyPairDuplicate ("The keypair 'x' already exists."), kInvalidParameterValue
// for a name that is empty, longer than 255 or not ASCII, or PPK with ED25519 is allowed.
Result<CreatedKeyPair> CreateKeyPair(World& world, Scope& scope, const std::string& name,
                                     KeyType type, KeyFormat format, const TagList& tags);
// `public_key` is the OpenSSH line. Errors: kInvalidKeyPairDuplicate, kInvalidKeyPairFormat.
Result<KeyPairRecord*> ImportKeyPair(World& world, Scope& scope, const std::string& name,
                                     const std::string& public_key, const TagList& tags);
// Finds by name or by key pair id ("key-..."). Errors: kInvalidKeyPairNotFound.
Result<KeyPairRecord*> FindKeyPair(Scope& scope, const std::string& name,
                                   const std::string& key_pair_id);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_KEY_PAIRS_H_
