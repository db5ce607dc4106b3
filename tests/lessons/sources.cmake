# Tests of sim/lessons and the course in lessons/ (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
  lessons/text_width_test.cc
  lessons/terminal_text_test.cc
  lessons/json_select_test.cc
  lessons/matchers_any_all_test.cc
  lessons/lesson_parser_test.cc
  lessons/checker_test.cc
  lessons/catalog_test.cc
  lessons/course_answers_test.cc
  lessons/course_in_order_test.cc
  lessons/views_test.cc
  lessons/lesson_fixtures.cc
  lessons/progress_test.cc
  lessons/learner_key_test.cc
)

# The `ec2sim lesson` command as a learner runs it.
set(EC2SIM_LESSON_DIR ${PROJECT_SOURCE_DIR}/lessons/03-launch-your-first-instance)
add_test(NAME lesson_cli.list_shows_eight_lessons
         COMMAND $<TARGET_FILE:ec2sim> lesson list --lang en --width 80)
set_tests_properties(lesson_cli.list_shows_eight_lessons PROPERTIES
  PASS_REGULAR_EXPRESSION " 8\\. ")
add_test(NAME lesson_cli.check_passes_the_reference_solution
         COMMAND $<TARGET_FILE:ec2sim> lesson check 3 ${EC2SIM_LESSON_DIR}/solution.json)
add_test(NAME lesson_cli.check_fails_a_wrong_answer
         COMMAND $<TARGET_FILE:ec2sim> lesson check 3 ${EC2SIM_LESSON_DIR}/wrong-not-free-tier.json)
set_tests_properties(lesson_cli.check_fails_a_wrong_answer PROPERTIES WILL_FAIL TRUE)
add_test(NAME lesson_cli.check_rejects_a_missing_file
         COMMAND $<TARGET_FILE:ec2sim> lesson check 3 ${EC2SIM_LESSON_DIR}/no-such-file.json)
set_tests_properties(lesson_cli.check_rejects_a_missing_file PROPERTIES
  PASS_REGULAR_EXPRESSION "no such file")
add_test(NAME lesson_cli.show_korean_wraps_to_width
         COMMAND $<TARGET_FILE:ec2sim> lesson show 3 --lang ko --width 60)
set_tests_properties(lesson_cli.show_korean_wraps_to_width PROPERTIES
  PASS_REGULAR_EXPRESSION "인스턴스")
add_test(NAME lesson_cli.endpoint_needs_a_server_client
         COMMAND $<TARGET_FILE:ec2sim> lesson check 3 --endpoint http://127.0.0.1:1 --access-key k)
# Without a client for `ec2sim serve` linked in: "not available"; with one: nothing listens there.
set_tests_properties(lesson_cli.endpoint_needs_a_server_client PROPERTIES
  PASS_REGULAR_EXPRESSION "not available in this build|http://127\\.0\\.0\\.1:1")
