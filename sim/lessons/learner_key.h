// Whose account `ec2sim lesson check --endpoint` reads: the learner's access key, found the way
// the AWS CLI finds it, so that a learner who configured the CLI for the server needs no flag.
#ifndef EC2SIM_SIM_LESSONS_LEARNER_KEY_H_
#define EC2SIM_SIM_LESSONS_LEARNER_KEY_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ec2sim/result.h"

namespace ec2sim::lessons {

// An access key and where it was found, for messages ("AWS_ACCESS_KEY_ID", "profile ec2sim in
// /home/me/.aws/credentials").
struct LearnerKey {
  std::string key;
  std::string from;
  // The key's secret, found with it (AWS_SECRET_ACCESS_KEY beside AWS_ACCESS_KEY_ID, or the
  // profile's aws_secret_access_key); empty when there is none, as for --access-key. With a
  // secret, requests to the server are SigV4-signed, which a classroom server requires.
  std::string secret;
};

// Reads an environment variable; nullopt when unset or empty. Injected so tests need no real
// environment.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
// Reads a whole file; nullopt when it cannot be read.
using FileReader = std::function<std::optional<std::string>(const std::string& path)>;

// The access key to check, in the AWS CLI's order: `flag_key` (--access-key); the profile named
// by `flag_profile` (--profile) in the shared credentials file; AWS_ACCESS_KEY_ID; the profile
// AWS_PROFILE (else "default") in the shared credentials file (AWS_SHARED_CREDENTIALS_FILE, else
// $HOME/.aws/credentials). Error: kSimInvalidInput naming what was tried when none gives a key,
// or when --profile names a profile without aws_access_key_id.
Result<LearnerKey> FindLearnerKey(const std::string& flag_key, const std::string& flag_profile,
                                  const EnvLookup& env, const FileReader& read_file);

// `field` (aws_access_key_id, aws_secret_access_key) of [profile] in the INI text of a shared
// credentials or config file; nullopt when absent or empty.
std::optional<std::string> FieldInCredentials(std::string_view ini, std::string_view profile,
                                              std::string_view field);

// aws_access_key_id of [profile] in the INI text of a shared credentials file (the AWS config
// file's "[profile NAME]" headers are accepted too); nullopt when absent.
std::optional<std::string> AccessKeyInCredentials(std::string_view ini, std::string_view profile);

}  // namespace ec2sim::lessons

#endif  // EC2SIM_SIM_LESSONS_LEARNER_KEY_H_
