// A key a call took (model::KeyUse) as the JSON a journal record keeps, and back: the model
// knows no JSON, so the sandbox's journal speaks it here.
#ifndef EC2SIM_API_KEY_USE_JSON_H_
#define EC2SIM_API_KEY_USE_JSON_H_

#include <nlohmann/json.hpp>
#include <optional>

#include "sim/model/key_cache.h"

namespace ec2sim::api {

// {"type", "format", "seed", "comment", "material", "public", "fingerprint"}.
nlohmann::json KeyUseToJson(const model::KeyUse& use);
// Nullopt for anything malformed (which replay then ignores: the key is generated).
std::optional<model::KeyUse> KeyUseFromJson(const nlohmann::json& j);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_KEY_USE_JSON_H_
