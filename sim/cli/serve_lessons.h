// The built-in course handed to `ec2sim serve` for its Lessons routes (the server itself does
// not depend on the lessons layer).
#ifndef EC2SIM_CLI_SERVE_LESSONS_H_
#define EC2SIM_CLI_SERVE_LESSONS_H_

#include <memory>

#include "sim/server/lesson_guide.h"

namespace ec2sim::cli {

// The built-in course, or null (with a message on stderr) if it does not load.
std::shared_ptr<const server::LessonGuide> BuiltInLessonGuide();

}  // namespace ec2sim::cli

#endif  // EC2SIM_CLI_SERVE_LESSONS_H_
