#include "sim/lessons/catalog.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "sim/lessons/embedded_files.h"

namespace ec2sim::lessons {
namespace {

struct Folder {
  std::map<std::string, std::string, std::less<>> files;  // by file name
};

void AddProblem(std::string& problems, const std::string& line) {
  problems += (problems.empty() ? "" : "\n") + line;
}

}  // namespace

Result<Course> BuildCourse(const CourseFiles& files, const std::string& root) {
  Course course;
  std::map<std::string, Folder> folders;
  for (const auto& [path, text] : files) {
    size_t slash = path.find('/');
    if (slash == std::string::npos) {
      if (path == "README.md") course.readme = text;
      continue;
    }
    folders[path.substr(0, slash)].files[path.substr(slash + 1)] = text;
  }
  std::string problems;
  std::set<int> numbers;
  for (auto& [slug, folder] : folders) {
    auto exercises = folder.files.find("exercises.json");
    if (exercises == folder.files.end()) continue;  // not a lesson folder
    std::string display = root + "/" + slug + "/exercises.json";
    auto lesson = ParseLesson(slug, exercises->second, display);
    if (!lesson.ok()) {
      AddProblem(problems, lesson.error().message);
      continue;
    }
    for (const char* lang : {"en.md", "ko.md"}) {
      auto text = folder.files.find(lang);
      if (text == folder.files.end() || text->second.empty()) {
        AddProblem(problems, root + "/" + slug + ": missing " + lang);
      }
    }
    lesson->text.en = folder.files["en.md"];
    lesson->text.ko = folder.files["ko.md"];
    for (const Exercise& ex : lesson->exercises) {
      for (const std::string* file : {&ex.solution, &ex.starter}) {
        if (!file->empty() && folder.files.count(*file) == 0) {
          AddProblem(problems, display + ": exercise \"" + ex.id + "\": no file " + *file);
        }
      }
    }
    for (auto& [name, text] : folder.files) {
      if (name != "en.md" && name != "ko.md" && name != "exercises.json") {
        lesson->files[name] = std::move(text);
      }
    }
    if (!numbers.insert(lesson->number).second) {
      AddProblem(problems, root + "/" + slug + ": lesson number " + std::to_string(lesson->number) +
                               " is used twice");
    }
    course.lessons.push_back(std::move(*lesson));
  }
  if (!problems.empty()) return MakeError(ErrorCode::kSimInvalidInput, problems);
  std::sort(course.lessons.begin(), course.lessons.end(),
            [](const Lesson& a, const Lesson& b) { return a.number < b.number; });
  return course;
}

Result<const Course*> BuiltInCourse() {
  // Built on first use; the data never changes while the program runs.
  static const Result<Course> course = [] {
    CourseFiles files;
    for (const EmbeddedFile* f = kEmbeddedLessonFiles; f->path != nullptr; ++f) {
      files[f->path] = f->text;
    }
    return BuildCourse(files, "lessons");
  }();
  if (!course.ok()) return course.error();
  return &course.value();
}

Result<Course> LoadCourseFromDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return MakeError(ErrorCode::kSimInvalidInput, dir + ": not a directory");
  }
  CourseFiles files;
  auto read = [&](const fs::path& path, const std::string& key) -> Status {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) return MakeError(ErrorCode::kSimInvalidInput, path.string() + ": cannot read");
    files[key] = text.str();
    return OkStatus();
  };
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name == "README.md") {
      EC2SIM_RETURN_IF_ERROR(read(entry.path(), name));
    }
    if (!entry.is_directory()) continue;
    for (const auto& inner : fs::directory_iterator(entry.path(), ec)) {
      if (!inner.is_regular_file()) continue;
      EC2SIM_RETURN_IF_ERROR(read(inner.path(), name + "/" + inner.path().filename().string()));
    }
  }
  if (ec) return MakeError(ErrorCode::kSimInvalidInput, dir + ": " + ec.message());
  return BuildCourse(files, dir);
}

const Lesson* FindLesson(const Course& course, int number) {
  for (const Lesson& lesson : course.lessons) {
    if (lesson.number == number) return &lesson;
  }
  return nullptr;
}

}  // namespace ec2sim::lessons
