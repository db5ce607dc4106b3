// Scenario files (format 1 of the scenario format): loading, validating and running them.
//
// A scenario is a JSON story told to one Backend (a Sandbox, or a running server): EC2 calls in
// boto3's shapes, clock moves, waits, and expectations about the results. Loading validates the
// whole file before anything runs, so an invalid file never half-runs. Running is deterministic:
// the same file and the same binary give the same transcript byte for byte.
//
// Substitution: a string that is exactly "${name}" is replaced by the value saved under `name`
// with its JSON type; "${name}" inside a longer string is spliced in as text (strings without
// quotes, numbers and other values as their JSON text). "$${" writes a literal "${".
// Substitution applies to a call's "with", to the objects of wait/probe/bill/latency, to
// expectation values and to narration; never to object keys or paths.
#ifndef EC2SIM_SCENARIO_H_
#define EC2SIM_SCENARIO_H_

#include <iosfwd>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/backend.h"
#include "ec2sim/lang.h"
#include "ec2sim/result.h"
#include "ec2sim/sandbox.h"
#include "ec2sim/sim_time.h"

namespace ec2sim {

enum class StepVerb { kCall, kAdvance, kWait, kProbe, kBill, kLatency, kTraffic, kCpu, kNote };

// The verb's spelling in scenario files ("call", "advance", ...).
std::string_view VerbName(StepVerb verb);

// `"save": {"web": "Instances[0].InstanceId"}` stores the value at `path` under `name`.
struct SaveRule {
  std::string name;
  std::string path;
};

// One entry of `"expect"`: a path into the step's result and the matcher as written (a plain
// JSON value to compare for equality, or a matcher object such as {"approx": 0.12}).
struct Expectation {
  std::string path;
  nlohmann::json matcher;
};

// One validated step. Fields that do not belong to the step's verb stay empty.
struct ScenarioStep {
  int index = 0;  // 1-based position in "steps"
  StepVerb verb = StepVerb::kNote;
  std::string action;  // kCall: the EC2 action, e.g. "RunInstances"
  // kCall: "with" ({} when absent); kWait: {"instance", "state"} (the timeout is `duration`);
  // kProbe/kBill/kLatency: the verb's object. All before substitution.
  nlohmann::json args;
  Duration duration = 0;               // kAdvance: how far; kWait: the timeout
  std::string text;                    // kNote: the narration; kAdvance: the duration as written
  std::optional<std::string> region;   // overrides the scenario's region for this step
  std::optional<std::string> account;  // overrides the scenario's account for this step
  std::vector<SaveRule> save;          // in file order
  std::vector<Expectation> expect;     // in file order
  std::optional<std::string> expect_error;  // AWS error code the step must fail with
  std::string note;                         // optional narration printed before the step
  // A bilingual note ({"en": ..., "ko": ...}) keeps its English in `text` (kNote) or `note`,
  // which the transcript prints, and its Korean here, which `ec2sim lesson` and `ec2sim run`
  // show with --lang ko. Empty for a plain-string note.
  std::string note_ko;
};

// A loaded, fully validated scenario file.
struct Scenario {
  std::string file;  // display name of the source (the path as given)
  std::string name;
  std::string title;
  std::string description;
  std::string region = "us-east-1";
  std::string account = std::string(kDefaultAccount);
  SandboxOptions options;
  std::vector<ScenarioStep> steps;
};

enum class StepStatus { kPassed, kFailed, kNotRun };

// How much a text transcript says (docs/scenario-format.md, "Running").
enum class TranscriptDetail {
  kQuiet,     // one line per step and PASS/FAIL: the terse form (`ec2sim run --quiet`)
  kTeaching,  // also each step's saved values and key facts, and what the scenario left behind
  kVerbose,   // also each step's whole result as JSON, and saved values in full
};

// A value a step saved, as it was saved.
struct SavedValue {
  std::string name;
  nlohmann::json value;
};

// Why a step failed. `path`, `expected` and `actual` are empty when the failure is not about a
// path of the result (for example a call that returned an error).
struct StepFailure {
  std::string path;
  std::string expected;
  std::string actual;
  std::string message;  // one line, what the transcript prints
};

struct StepOutcome {
  int index = 0;
  StepVerb verb = StepVerb::kNote;
  std::string action;  // kCall: the EC2 action; empty for other verbs
  StepStatus status = StepStatus::kNotRun;
  SimTime time = 0;               // simulated time when the step began (0 when not run)
  std::string summary;            // one deterministic line, e.g. "call RunInstances: ok i-0abc..."
  std::string note;               // narration after substitution, empty when none
  nlohmann::json result;          // the step's result; null when it has none or did not run
  std::optional<Error> error;     // the error the step's action returned, if any
  std::vector<SavedValue> saved;  // what its `save` stored, in file order
  std::vector<StepFailure> failures;
};

struct ScenarioOutcome {
  bool passed = false;
  std::vector<StepOutcome> steps;  // one per step of the scenario, in order
  // The values `save` stored, by name, as they stood when the run ended (for tools that ask
  // about the end state by a saved name, such as `ec2sim probe --to web`).
  std::map<std::string, nlohmann::json, std::less<>> saved;
};

// Reads and validates a scenario file. Errors (kSimInvalidInput; message starts with `path`):
// unreadable file, JSON syntax error as "PATH:LINE:COL: reason", or format errors naming the step
// and key, e.g. `x.json: step 3: unknown verb "cal"`; several problems are reported one per line.
// Call actions are checked against the actions a default Sandbox implements. The messages are in
// `lang` (the file name, line, column, keys and values are quoted as written).
Result<Scenario> LoadScenarioFile(const std::string& path, Lang lang = Lang::kEn);

// As LoadScenarioFile, from text already in memory; `display_name` stands in for the path.
Result<Scenario> ParseScenario(std::string_view text, const std::string& display_name,
                               Lang lang = Lang::kEn);

// The Sandbox options the scenario asks for (seed, start, timing, pricing, free_tier).
SandboxOptions SandboxOptionsFor(const Scenario& scenario);

// Runs every step of `scenario` on `backend` (normally a Sandbox built from SandboxOptionsFor)
// until the first failing step; later steps are kNotRun. When `transcript` is not null, writes
// the scenario's header, the step lines and PASS/FAIL to it as the steps run, as much as `detail`
// asks; above kQuiet, PASS/FAIL follows a summary of what the scenario left behind (instances
// not terminated, Elastic IPs held, the bill so far), read from the backend after the last step
// that ran. The scenario must come from the loader (it is trusted to be valid). Never throws. A
// backend's own failure (a remote one that cannot read or move its clock) fails the step it
// happens in.
ScenarioOutcome RunScenario(const Scenario& scenario, Backend& backend, std::ostream* transcript,
                            TranscriptDetail detail = TranscriptDetail::kTeaching);

// What a run of several scenario files came to. Every file counts once: passed, or failed
// (a failing step, or a file that could not be used).
struct ScenarioFilesSummary {
  int passed = 0;
  int failed = 0;   // scenarios with a failing step, plus invalid files
  int invalid = 0;  // files that were unreadable or invalid (also counted in `failed`)
};

// Loads every file, runs each valid one in its own Sandbox and writes a transcript (or, with
// `json_output`, one JSON report) to `out`; invalid files are reported on `err` (and in the JSON
// report) and count as failed. The text transcript ends with the line "N passed, N failed".
// Returns the counts; what they mean for a process's exit status is the caller's choice.
// `detail` shapes the text transcript; the JSON report is the same at every level. Invalid files
// are reported in `lang`.
ScenarioFilesSummary RunScenarioFiles(const std::vector<std::string>& paths, bool json_output,
                                      std::ostream& out, std::ostream& err,
                                      TranscriptDetail detail = TranscriptDetail::kTeaching,
                                      Lang lang = Lang::kEn);

}  // namespace ec2sim

#endif  // EC2SIM_SCENARIO_H_
