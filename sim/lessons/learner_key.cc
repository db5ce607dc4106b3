#include "sim/lessons/learner_key.h"

#include <cctype>

namespace ec2sim::lessons {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string CredentialsPath(const EnvLookup& env) {
  if (auto path = env("AWS_SHARED_CREDENTIALS_FILE")) return *path;
  if (auto home = env("HOME")) return *home + "/.aws/credentials";
  return "";
}

}  // namespace

std::optional<std::string> FieldInCredentials(std::string_view ini, std::string_view profile,
                                              std::string_view field) {
  bool in_profile = false;
  while (!ini.empty()) {
    std::size_t nl = ini.find('\n');
    std::string_view line = Trim(ini.substr(0, nl));
    ini.remove_prefix(nl == std::string_view::npos ? ini.size() : nl + 1);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      std::string_view name = Trim(line.substr(1, line.size() - 2));
      // The config file writes "[profile NAME]"; the credentials file "[NAME]".
      if (name.substr(0, 8) == "profile ") name = Trim(name.substr(8));
      in_profile = name == profile;
      continue;
    }
    std::size_t eq = line.find('=');
    if (!in_profile || eq == std::string_view::npos) continue;
    if (Trim(line.substr(0, eq)) != field) continue;
    std::string_view value = Trim(line.substr(eq + 1));
    if (!value.empty()) return std::string(value);
  }
  return std::nullopt;
}

std::optional<std::string> AccessKeyInCredentials(std::string_view ini, std::string_view profile) {
  return FieldInCredentials(ini, profile, "aws_access_key_id");
}

Result<LearnerKey> FindLearnerKey(const std::string& flag_key, const std::string& flag_profile,
                                  const EnvLookup& env, const FileReader& read_file) {
  if (!flag_key.empty()) return LearnerKey{flag_key, "--access-key", ""};
  const std::string path = CredentialsPath(env);
  auto from_profile = [&](const std::string& profile) -> std::optional<LearnerKey> {
    if (path.empty()) return std::nullopt;
    std::optional<std::string> text = read_file(path);
    if (!text) return std::nullopt;
    std::optional<std::string> key = AccessKeyInCredentials(*text, profile);
    if (!key) return std::nullopt;
    return LearnerKey{*key, "profile " + profile + " in " + path,
                      FieldInCredentials(*text, profile, "aws_secret_access_key").value_or("")};
  };
  if (!flag_profile.empty()) {
    if (auto found = from_profile(flag_profile)) return *found;
    return MakeError(ErrorCode::kSimInvalidInput,
                     "profile " + flag_profile + " has no aws_access_key_id in " +
                         (path.empty() ? "the shared credentials file" : path) +
                         " (aws configure set aws_access_key_id KEY --profile " + flag_profile +
                         ")");
  }
  if (auto key = env("AWS_ACCESS_KEY_ID")) {
    return LearnerKey{*key, "AWS_ACCESS_KEY_ID", env("AWS_SECRET_ACCESS_KEY").value_or("")};
  }
  std::string profile = env("AWS_PROFILE").value_or("default");
  if (auto found = from_profile(profile)) return *found;
  return MakeError(ErrorCode::kSimInvalidInput,
                   "no access key: give --access-key KEY or --profile NAME, or set "
                   "AWS_ACCESS_KEY_ID (tried AWS_ACCESS_KEY_ID and profile " +
                       profile + (path.empty() ? "" : " in " + path) +
                       "); the key says whose account to check");
}

}  // namespace ec2sim::lessons
