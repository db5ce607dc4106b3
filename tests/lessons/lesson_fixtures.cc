#include "tests/lessons/lesson_fixtures.h"

#include <gtest/gtest.h>

namespace ec2sim::lessons::fixtures {

const Course& BuiltCourse() {
  static const Course* course = [] {
    Result<const Course*> c = BuiltInCourse();
    return c.ok() ? *c : nullptr;
  }();
  EXPECT_NE(course, nullptr) << "the built-in course does not load";
  static const Course kEmpty;
  return course != nullptr ? *course : kEmpty;
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
