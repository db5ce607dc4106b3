// Test fixture for action-level tests: a fresh Sandbox and helpers that call actions and
// report failures with the AWS code and message.
#ifndef EC2SIM_TESTS_API_TEST_SUPPORT_H_
#define EC2SIM_TESTS_API_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2sim/sandbox.h"

namespace ec2sim::testing {

using nlohmann::json;

class SandboxTest : public ::testing::Test {
 protected:
  SandboxTest();

  // Rebuilds the sandbox with other options (seed, timing, ...).
  void Reset(const SandboxOptions& options);

  // Calls an action that must succeed; a failure is reported with its code and message and an
  // empty object is returned.
  json Call(const std::string& action, const json& params = json::object());
  // Calls an action that must fail; returns the AWS code string ("" if it succeeded).
  std::string ErrorOf(const std::string& action, const json& params = json::object());

  // Launches one instance of `type` (image: the region's Amazon Linux 2023) and, unless told
  // otherwise, waits until it runs. Returns its id.
  std::string Launch(const json& extra = json::object(), bool wait_running = true);
  // DescribeInstances of one instance: Reservations[0].Instances[0].
  json Describe(const std::string& instance_id);
  void WaitFor(const std::string& instance_id, const std::string& state);

  std::unique_ptr<Sandbox> sandbox_;
  CallContext ctx_;
};

// {"Name": name, "Values": values}, one element of a Filters list. Spelled out because nested
// braces in nlohmann::json initializers turn one-element lists into objects.
inline json Filter(const std::string& name, const std::vector<std::string>& values) {
  return json{{"Name", name}, {"Values", values}};
}
// A TagSpecifications list that tags the launched instance Name=`name`.
inline json NameTagSpec(const std::string& name) {
  json tag = json{{"Key", "Name"}, {"Value", name}};
  return json::array({json{{"ResourceType", "instance"}, {"Tags", json::array({tag})}}});
}

// Amazon Linux 2023 in ap-northeast-2 (the catalog's fixed id).
inline constexpr const char* kSeoulAl2023 = "ami-0c9c942bd7bf113a2";
// Amazon Linux 2023 in us-east-1 (derived from the region and the image key, docs/catalog.md).
inline constexpr const char* kVirginiaAl2023 = "ami-050e4422729c32c38";

}  // namespace ec2sim::testing

#endif  // EC2SIM_TESTS_API_TEST_SUPPORT_H_
