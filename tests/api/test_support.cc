#include "tests/api/test_support.h"

namespace ec2sim::testing {

SandboxTest::SandboxTest() {
  ctx_.account = "123456789012";
  ctx_.region = "ap-northeast-2";
  Reset(SandboxOptions{});
}

void SandboxTest::Reset(const SandboxOptions& options) {
  sandbox_ = std::make_unique<Sandbox>(options);
}

json SandboxTest::Call(const std::string& action, const json& params) {
  Result<json> r = sandbox_->Call(action, params, ctx_);
  if (!r.ok()) {
    ADD_FAILURE() << action << " failed: " << AwsCode(r.error().code) << ": "
                  << r.error().message << "\n  params: " << params.dump();
    return json::object();
  }
  return r.value();
}

std::string SandboxTest::ErrorOf(const std::string& action, const json& params) {
  Result<json> r = sandbox_->Call(action, params, ctx_);
  if (r.ok()) {
    ADD_FAILURE() << action << " succeeded but an error was expected: " << r.value().dump();
    return "";
  }
  return std::string(AwsCode(r.error().code));
}

std::string SandboxTest::Launch(const json& extra, bool wait_running) {
  json params = {{"ImageId", kSeoulAl2023},
                 {"InstanceType", "t2.micro"},
                 {"MinCount", 1},
                 {"MaxCount", 1}};
  for (auto it = extra.begin(); it != extra.end(); ++it) params[it.key()] = it.value();
  json r = Call("RunInstances", params);
  if (!r.contains("Instances") || r["Instances"].empty()) return "";
  std::string id = r["Instances"][0]["InstanceId"];
  if (wait_running) WaitFor(id, "running");
  return id;
}

json SandboxTest::Describe(const std::string& instance_id) {
  json r = Call("DescribeInstances", {{"InstanceIds", {instance_id}}});
  if (!r.contains("Reservations") || r["Reservations"].empty()) return json::object();
  return r["Reservations"][0]["Instances"][0];
}

void SandboxTest::WaitFor(const std::string& instance_id, const std::string& state) {
  auto waited = sandbox_->WaitForInstanceState(ctx_, instance_id, state, 15 * kMinute);
  ASSERT_TRUE(waited.ok()) << waited.error().message;
}

}  // namespace ec2sim::testing
