// The course: every lesson, built from the files of a lessons/ folder (compiled in, or read from
// a directory a teacher points at).
#ifndef EC2SIM_SIM_LESSONS_CATALOG_H_
#define EC2SIM_SIM_LESSONS_CATALOG_H_

#include <map>
#include <string>
#include <vector>

#include "ec2sim/result.h"
#include "sim/lessons/lesson.h"

namespace ec2sim::lessons {

struct Course {
  std::string readme;           // lessons/README.md (both languages)
  std::vector<Lesson> lessons;  // ordered by number
};

// Files by path relative to the lessons folder ("03-x/en.md", "README.md").
using CourseFiles = std::map<std::string, std::string, std::less<>>;

// Builds the course from its files: every folder "NN-slug/" with exercises.json is a lesson and
// must have en.md and ko.md; the folder's other files are kept in Lesson::files. `root` names
// the folder in messages. Error kSimInvalidInput listing every problem (a missing text, an
// invalid exercises.json, two lessons with one number, a solution file that is not there).
Result<Course> BuildCourse(const CourseFiles& files, const std::string& root);

// The course compiled into this binary, built once. Error as BuildCourse (only if the build's
// lesson data is broken, which the test suite rules out).
Result<const Course*> BuiltInCourse();

// Reads every regular file one level below the lesson folders of `dir` (plus README.md) and
// builds the course. Errors: kSimInvalidInput for an unreadable directory, then as BuildCourse.
Result<Course> LoadCourseFromDirectory(const std::string& dir);

// The lesson with that number, or null.
const Lesson* FindLesson(const Course& course, int number);

}  // namespace ec2sim::lessons

#endif  // EC2SIM_SIM_LESSONS_CATALOG_H_
