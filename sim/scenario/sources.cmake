list(APPEND EC2SIM_SCENARIO_SOURCES
  sim/scenario/document.cc
  sim/scenario/messages.cc
  sim/scenario/step_validator.cc
  sim/scenario/json_filter.cc
  sim/scenario/json_path.cc
  sim/scenario/matchers.cc
  sim/scenario/substitute.cc
  sim/scenario/summary.cc
  sim/scenario/runner.cc
  sim/scenario/report.cc
  sim/scenario/facts.cc
  sim/scenario/transcript_text.cc
  sim/scenario/closing.cc
  sim/scenario/files.cc
  sim/scenario/profile_file.cc
)
