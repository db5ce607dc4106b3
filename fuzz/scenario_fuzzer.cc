// Fuzz target: a scenario file's text, parsed and validated (when invalid, also with Korean
// messages), then (when valid) run in a fresh Sandbox with the transcript written to a discarded
// stream.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <sstream>

#include "ec2sim/sandbox.h"
#include "ec2sim/scenario.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ec2sim::Result<ec2sim::Scenario> scenario =
      ec2sim::ParseScenario(ec2sim::fuzz::AsText(data, size), "fuzz.json");
  if (!scenario.ok()) {
    // The Korean messages come from the same checks with other words: they must hold up too.
    ec2sim::ParseScenario(ec2sim::fuzz::AsText(data, size), "fuzz.json", ec2sim::Lang::kKo);
    return 0;
  }
  ec2sim::Sandbox sandbox(ec2sim::SandboxOptionsFor(*scenario));
  std::ostringstream transcript;
  ec2sim::RunScenario(*scenario, sandbox, &transcript);
  return 0;
}
