#include "sim/cli/remote.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "sim/client/endpoint.h"
#include "sim/lessons/learner_key.h"

namespace ec2sim::cli {

std::optional<std::string> Getenv(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

client::RemoteOptions SigningOptions(const std::string& profile, const std::string& region) {
  client::RemoteOptions options;
  Result<lessons::LearnerKey> signer = lessons::FindLearnerKey("", profile, Getenv, ReadWholeFile);
  if (!signer.ok() || signer->secret.empty()) return options;
  options.access_key_id = signer->key;
  options.secret_access_key = signer->secret;
  options.region = !region.empty()        ? region
                   : Getenv("AWS_REGION") ? *Getenv("AWS_REGION")
                                          : Getenv("AWS_DEFAULT_REGION").value_or("us-east-1");
  return options;
}

std::string AboutEndpoint(const std::string& endpoint, const std::string& message) {
  if (message.find(endpoint) != std::string::npos) return message;
  Result<std::string> normalized = client::NormalizeEndpoint(endpoint);
  if (normalized.ok() && message.find(*normalized) != std::string::npos) return message;
  return endpoint + ": " + message;
}

bool IsClassroomServer(const std::string& endpoint) {
  Result<std::string> normalized = client::NormalizeEndpoint(endpoint);
  if (!normalized.ok()) return false;
  client::RemoteOptions quick;
  quick.connect_timeout_ms = 1000;
  quick.read_timeout_ms = 3000;
  client::AdminClient server(*normalized, quick);
  Result<nlohmann::json> health = server.Get("/_ec2sim/health");
  return health.ok() &&
         client::StringMember(*health, "mode") == std::optional<std::string>("classroom");
}

}  // namespace ec2sim::cli
