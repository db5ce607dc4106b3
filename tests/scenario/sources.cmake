list(APPEND EC2SIM_TEST_SOURCES
  scenario/fake_backend.cc
  scenario/json_path_test.cc
  scenario/substitute_test.cc
  scenario/path_references_test.cc
  scenario/matchers_test.cc
  scenario/document_test.cc
  scenario/messages_test.cc
  scenario/summary_test.cc
  scenario/runner_test.cc
  scenario/files_test.cc
  scenario/profile_file_test.cc
  scenario/sandbox_integration_test.cc
  scenario/facts_test.cc
  scenario/transcript_test.cc
  scenario/walkthrough_transcript_test.cc
)
