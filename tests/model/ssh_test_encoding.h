// The key tests' own SSH wire encoding, kept apart from the code under test so that a mistake
// in sim/model/ssh_format.* cannot hide itself.
#ifndef EC2SIM_TESTS_MODEL_SSH_TEST_ENCODING_H_
#define EC2SIM_TESTS_MODEL_SSH_TEST_ENCODING_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "sim/model/ssh_format.h"

namespace ec2sim::model::ssh_test {

// An SSH "string": a 32-bit big-endian length, then the bytes.
inline std::string SshString(std::string_view bytes) {
  const auto n = static_cast<std::uint32_t>(bytes.size());
  std::string out{static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8),
                  static_cast<char>(n)};
  return out + std::string(bytes);
}

// The decoded middle field of an OpenSSH public key line.
inline std::string PublicBlobOf(const std::string& line) {
  std::istringstream in(line);
  std::string type;
  std::string encoded;
  in >> type >> encoded;
  std::optional<std::string> blob = ssh::Base64Decode(encoded);
  EXPECT_TRUE(blob.has_value()) << line;
  return blob.value_or("");
}

}  // namespace ec2sim::model::ssh_test

#endif  // EC2SIM_TESTS_MODEL_SSH_TEST_ENCODING_H_
