#include "tests/lessons/lesson_fixtures.h"

#include <gtest/gtest.h>

namespace ec2sim::lessons::fixtures {

const Course& BuiltCourse() {
  static const Result<const Course*> loaded = BuiltInCourse();
  EXPECT_TRUE(loaded.ok()) << "the built-in course does not load: "
                           << (loaded.ok() ? "" : loaded.error().message);
  static const Course kEmpty;
  return loaded.ok() ? **loaded : kEmpty;
}

Result<nlohmann::json> LaunchFirstServer(Backend& backend, const std::string& account,
                                         const std::string& region) {
  const CallContext ctx{account, region};
  EC2SIM_RETURN_IF_ERROR(backend.Call("CreateKeyPair", {{"KeyName", "k"}}, ctx));
  nlohmann::json run = {
      {"ImageId", "ami-0c9c942bd7bf113a2"},
      {"InstanceType", "t2.micro"},
      {"KeyName", "k"},
      {"MinCount", 1},
      {"MaxCount", 1},
      {"TagSpecifications",
       {{{"ResourceType", "instance"}, {"Tags", {{{"Key", "Name"}, {"Value", "web"}}}}}}}};
  return backend.Call("RunInstances", run, ctx);
}

}  // namespace ec2sim::lessons::fixtures
