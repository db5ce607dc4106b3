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

Result<nlohmann::json> LaunchFirstServer(StateSource& source, const std::string& region) {
  EC2SIM_RETURN_IF_ERROR(source.Call("CreateKeyPair", {{"KeyName", "k"}}, region));
  nlohmann::json run = {
      {"ImageId", "ami-0c9c942bd7bf113a2"},
      {"InstanceType", "t2.micro"},
      {"KeyName", "k"},
      {"MinCount", 1},
      {"MaxCount", 1},
      {"TagSpecifications",
       {{{"ResourceType", "instance"}, {"Tags", {{{"Key", "Name"}, {"Value", "web"}}}}}}}};
  return source.Call("RunInstances", run, region);
}

}  // namespace ec2sim::lessons::fixtures
