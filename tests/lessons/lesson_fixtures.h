// Lesson set-ups shared by the lesson tests and the server tests that grade a live account.
#ifndef EC2SIM_TESTS_LESSONS_LESSON_FIXTURES_H_
#define EC2SIM_TESTS_LESSONS_LESSON_FIXTURES_H_

#include <nlohmann/json.hpp>
#include <string>

#include "ec2sim/backend.h"
#include "ec2sim/result.h"
#include "sim/lessons/catalog.h"

namespace ec2sim::lessons::fixtures {

// The course built into the binary, loaded once. When it fails to load, records a test failure
// and returns an empty course, so callers fail on their own assertions instead of crashing.
const Course& BuiltCourse();

// Lesson 3's answer done by hand in `account` and `region` of `backend` (as a learner on a class
// server would): key pair "k", then one t2.micro named "web" launched with it. The instance is
// pending until the backend's clock lets it start; the lesson's goals do not wait for running.
// Returns RunInstances' answer, or the first call's error.
Result<nlohmann::json> LaunchFirstServer(Backend& backend, const std::string& account,
                                         const std::string& region = "ap-northeast-2");

}  // namespace ec2sim::lessons::fixtures

#endif  // EC2SIM_TESTS_LESSONS_LESSON_FIXTURES_H_
