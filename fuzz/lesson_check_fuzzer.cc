// Fuzz target: what `ec2sim lesson check` and a teacher's course folder feed the lesson code.
//
// Input: one selector byte, then text. The selector's low bits choose a lesson and exercise of
// the built-in course. With its high bit clear the text is a learner's answer (a scenario file)
// that is run and checked against that exercise's goals; with it set the text is an
// exercises.json for that lesson's folder, parsed as a teacher's course would be.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ec2sim/scenario.h"
#include "fuzz/fuzz_input.h"
#include "sim/lessons/catalog.h"
#include "sim/lessons/checker.h"
#include "sim/lessons/lesson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  ec2sim::Result<const ec2sim::lessons::Course*> course = ec2sim::lessons::BuiltInCourse();
  if (!course.ok() || (*course)->lessons.empty()) __builtin_trap();
  const std::uint8_t selector = data[0];
  const auto& lessons = (*course)->lessons;
  const ec2sim::lessons::Lesson& lesson = lessons[(selector & 0x7f) % lessons.size()];
  std::string_view text = ec2sim::fuzz::AsText(data + 1, size - 1);

  if (selector & 0x80) {
    (void)ec2sim::lessons::ParseLesson(lesson.slug, text, lesson.slug + "/exercises.json");
    return 0;
  }
  if (lesson.exercises.empty()) return 0;
  const ec2sim::lessons::Exercise& exercise =
      lesson.exercises[((selector & 0x7f) / lessons.size()) % lesson.exercises.size()];
  ec2sim::Result<ec2sim::Scenario> answer = ec2sim::ParseScenario(text, "answer.json");
  if (!answer.ok()) return 0;
  ec2sim::lessons::CheckScenarioAnswer(exercise, *answer);
  return 0;
}
