#include "sim/scenario/files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "sim/cli/scenario_run.h"
#include "tests/scenario/fake_backend.h"

namespace ec2sim::scenario {
namespace {

constexpr char kPassing[] = R"({"format": 1, "name": "passing", "steps": [
  {"call": "Echo", "with": {"A": 1}, "expect": {"A": 1}}]})";
constexpr char kFailing[] = R"({"format": 1, "name": "failing", "steps": [
  {"call": "Echo", "with": {"A": 1}, "expect": {"A": 2}}]})";
constexpr char kInvalid[] = R"({"format": 1, "name": "invalid", "steps": [{"cal": "Echo"}]})";

class ScenarioFiles : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    // One folder per test: ctest runs the tests of this file in parallel, and a shared
    // folder let one test overwrite another's files mid-run.
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                                ("ec2sim_scenario_" + std::to_string(::getpid()) + "_" +
                                 info->name());
    std::filesystem::create_directories(dir);
    dir_ = dir;
    std::string path = (dir / name).string();
    std::ofstream(path) << text;
    return path;
  }

  // The exit status `ec2sim run` gives for the files.
  int RunFiles(const std::vector<std::string>& paths, bool json = false) {
    out_.str("");
    err_.str("");
    summary_ = RunScenarioFilesWith(paths, json, out_, err_, &FakeBackend::Knows,
                                    [](Scenario& sc) -> std::shared_ptr<Backend> {
                                      return std::make_shared<FakeBackend>(sc.options.start);
                                    });
    return cli::RunExitStatus(summary_);
  }

  // The last line of the text output.
  std::string LastLine() const {
    std::string text = out_.str();
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text.substr(text.rfind('\n') + 1);
  }

  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::ostringstream out_;
  std::ostringstream err_;
  ScenarioFilesSummary summary_;
  std::filesystem::path dir_;
};

TEST_F(ScenarioFiles, AllPassingExitsZero) {
  std::string a = Write("a.json", kPassing);
  EXPECT_EQ(RunFiles({a, a}), 0);
  EXPECT_EQ(LastLine(), "2 passed, 0 failed");
  EXPECT_EQ(err_.str(), "");
}

TEST_F(ScenarioFiles, AFailingScenarioExitsOne) {
  EXPECT_EQ(RunFiles({Write("a.json", kPassing), Write("b.json", kFailing)}), 1);
  EXPECT_EQ(LastLine(), "1 passed, 1 failed");
  EXPECT_NE(out_.str().find("FAIL failing (step 1)\n"), std::string::npos);
  EXPECT_NE(out_.str().find("PASS passing\n"), std::string::npos);
}

TEST_F(ScenarioFiles, InvalidFileExitsTwoAndTheOthersStillRun) {
  std::string bad = Write("bad.json", kInvalid);
  std::string good = Write("good.json", kPassing);
  std::string failing = Write("failing.json", kFailing);
  EXPECT_EQ(RunFiles({bad, good, failing}), 2);
  EXPECT_EQ(err_.str(), bad + ": step 1: unknown verb \"cal\"\n");
  EXPECT_NE(out_.str().find("INVALID " + bad + "\n"), std::string::npos);
  EXPECT_NE(out_.str().find("PASS passing\n"), std::string::npos);
  EXPECT_EQ(LastLine(), "1 passed, 2 failed");
}

TEST_F(ScenarioFiles, TheSummaryCountsEachFileOnce) {
  std::string bad = Write("bad.json", kInvalid);
  std::string good = Write("good.json", kPassing);
  std::string failing = Write("failing.json", kFailing);
  RunFiles({bad, good, failing, good});
  EXPECT_EQ(summary_.passed, 2);
  EXPECT_EQ(summary_.failed, 2);
  EXPECT_EQ(summary_.invalid, 1);
}

TEST_F(ScenarioFiles, UnreadableFileExitsTwo) {
  EXPECT_EQ(RunFiles({"/nonexistent/x.json"}), 2);
  EXPECT_EQ(err_.str(), "/nonexistent/x.json: cannot read: no such file\n");
  EXPECT_EQ(LastLine(), "0 passed, 1 failed");
}

TEST_F(ScenarioFiles, SyntaxErrorNamesFileLineAndColumn) {
  std::string path = Write("syntax.json", "{\"format\": 1,\n \"name\": }");
  EXPECT_EQ(RunFiles({path}), 2);
  EXPECT_EQ(err_.str().rfind(path + ":2:10: syntax error", 0), 0u) << err_.str();
}

TEST_F(ScenarioFiles, JsonReportHasScenariosStepsAndCounts) {
  std::string bad = Write("bad.json", kInvalid);
  std::string failing = Write("failing.json", kFailing);
  EXPECT_EQ(RunFiles({failing, bad}, /*json=*/true), 2);
  nlohmann::json report = nlohmann::json::parse(out_.str());
  EXPECT_EQ(report["passed"], 0);
  EXPECT_EQ(report["failed"], 2);
  ASSERT_EQ(report["scenarios"].size(), 1u);
  const nlohmann::json& sc = report["scenarios"][0];
  EXPECT_EQ(sc["file"], failing);
  EXPECT_EQ(sc["name"], "failing");
  EXPECT_EQ(sc["passed"], false);
  ASSERT_EQ(sc["steps"].size(), 1u);
  const nlohmann::json& step = sc["steps"][0];
  EXPECT_EQ(step["index"], 1);
  EXPECT_EQ(step["verb"], "call");
  EXPECT_EQ(step["time"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(step["ok"], false);
  EXPECT_EQ(step["result"], (nlohmann::json{{"A", 1}}));
  ASSERT_EQ(step["failures"].size(), 1u);
  EXPECT_EQ(step["failures"][0]["path"], "A");
  EXPECT_EQ(step["failures"][0]["expected"], "2");
  EXPECT_EQ(step["failures"][0]["actual"], "1");
  ASSERT_EQ(report["invalid"].size(), 1u);
  EXPECT_EQ(report["invalid"][0]["file"], bad);
}

TEST_F(ScenarioFiles, JsonReportIncludesErrorsAndNotRunSteps) {
  std::string path = Write("err.json", R"({"format": 1, "name": "err", "steps": [
    {"call": "Fail"}, {"advance": "1m"}]})");
  EXPECT_EQ(RunFiles({path}, /*json=*/true), 1);
  nlohmann::json steps = nlohmann::json::parse(out_.str())["scenarios"][0]["steps"];
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0]["error"]["code"], "InvalidParameterValue");
  EXPECT_EQ(steps[0]["status"], "failed");
  EXPECT_EQ(steps[1]["status"], "not run");
  EXPECT_TRUE(steps[1]["time"].is_null());
}

TEST_F(ScenarioFiles, OutputIsTheSameOnEveryRun) {
  std::string a = Write("a.json", kPassing);
  std::string b = Write("b.json", kFailing);
  RunFiles({a, b});
  std::string first = out_.str();
  RunFiles({a, b});
  EXPECT_EQ(out_.str(), first);
  RunFiles({a, b}, true);
  first = out_.str();
  RunFiles({a, b}, true);
  EXPECT_EQ(out_.str(), first);
}

}  // namespace
}  // namespace ec2sim::scenario
