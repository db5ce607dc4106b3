#include "sim/api/key_use_json.h"

#include <string>

namespace ec2sim::api {
namespace {

const char* TypeName(model::KeyType t) { return t == model::KeyType::kRsa ? "rsa" : "ed25519"; }
const char* FormatName(model::KeyFormat f) { return f == model::KeyFormat::kPem ? "pem" : "ppk"; }

}  // namespace

nlohmann::json KeyUseToJson(const model::KeyUse& use) {
  return {{"type", TypeName(use.spec.type)},
          {"format", FormatName(use.spec.format)},
          {"seed", use.spec.seed},
          {"comment", use.spec.comment},
          {"material", use.key.key_material},
          {"public", use.key.public_key_openssh},
          {"fingerprint", use.key.fingerprint}};
}

std::optional<model::KeyUse> KeyUseFromJson(const nlohmann::json& j) {
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
  model::KeyUse use;
  use.spec = {*type == "rsa" ? model::KeyType::kRsa : model::KeyType::kEd25519,
              *format == "pem" ? model::KeyFormat::kPem : model::KeyFormat::kPpk,
              j["seed"].get<std::uint64_t>(), *comment};
  use.key = {*material, *pub, *fingerprint};
  return use;
}

}  // namespace ec2sim::api
