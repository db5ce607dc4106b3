#include "sim/model/key_pairs.h"

#include "sim/model/key_cache.h"
#include "sim/model/key_import_formats.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::model {
namespace {

Status CheckName(Scope& scope, const std::string& name) {
  if (name.empty() || name.size() > 255) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value for parameter KeyName is invalid. Length must be 1 to 255 characters.");
  }
  for (unsigned char c : name) {
    if (c < 0x20 || c > 0x7e) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "Value (" + name +
                           ") for parameter KeyName is invalid. Character sets "
                           "beyond ASCII are not supported.");
    }
  }
  if (scope.key_pairs.Find(name) != nullptr) {
    return MakeError(ErrorCode::kInvalidKeyPairDuplicate,
                     "The keypair '" + name + "' already exists.");
  }
  if (scope.key_pairs.size() >= static_cast<size_t>(kKeyPairQuota)) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "The maximum number of key pairs (5000) in this region has been reached.");
  }
  return OkStatus();
}

}  // namespace

Result<CreatedKeyPair> CreateKeyPair(World& world, Scope& scope, const std::string& name,
                                     KeyType type, KeyFormat format, const TagList& tags) {
  EC2SIM_RETURN_IF_ERROR(CheckName(scope, name));
  // Keys derive from the simulation's seeded stream so runs stay reproducible; one prepared
  // ahead (or kept by a journal) for the same inputs is the same key (key_cache.h).
  const KeySpec spec{type, format, world.rng().Next(), name};
  EC2SIM_ASSIGN_OR_RETURN(GeneratedKey key, KeyPairFor(spec));
  NoteKeyUse(spec, key);
  KeyPairRecord record;
  record.key_pair_id = world.NewId("key");
  record.name = name;
  record.type = type == KeyType::kRsa ? "rsa" : "ed25519";
  record.fingerprint = key.fingerprint;
  record.public_key = key.public_key_openssh;
  record.create_time = world.now();
  record.tags = tags;
  KeyPairRecord& stored = scope.key_pairs.Insert(name, std::move(record));
  return CreatedKeyPair{&stored, std::move(key.key_material)};
}

Result<KeyPairRecord*> ImportKeyPair(World& world, Scope& scope, const std::string& name,
                                     const std::string& public_key, const TagList& tags) {
  EC2SIM_RETURN_IF_ERROR(CheckName(scope, name));
  EC2SIM_ASSIGN_OR_RETURN(std::string line, PublicKeyAsOpenSshLine(public_key));
  EC2SIM_ASSIGN_OR_RETURN(ImportedKey key, ImportPublicKey(line));
  KeyPairRecord record;
  record.key_pair_id = world.NewId("key");
  record.name = name;
  record.type = key.type == KeyType::kRsa ? "rsa" : "ed25519";
  record.fingerprint = key.fingerprint;
  record.public_key = key.public_key_openssh;
  record.create_time = world.now();
  record.tags = tags;
  return &scope.key_pairs.Insert(name, std::move(record));
}

Result<KeyPairRecord*> FindKeyPair(Scope& scope, const std::string& name,
                                   const std::string& key_pair_id) {
  if (!name.empty()) {
    if (KeyPairRecord* k = scope.key_pairs.Find(name)) return k;
    return NotFoundError(KindInfo(Kind::kKeyPair), name);
  }
  for (KeyPairRecord& k : scope.key_pairs.values()) {
    if (k.key_pair_id == key_pair_id) return &k;
  }
  return NotFoundError(KindInfo(Kind::kKeyPair), key_pair_id);
}

}  // namespace ec2sim::model
