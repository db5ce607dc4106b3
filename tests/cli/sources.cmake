# `ec2sim bill`, `ec2sim probe` and `ec2sim run` as a user runs them: output, errors and exit statuses.
# Fixtures: data/gp2-server.json (a Virginia t2.micro on gp2, SSH open; instance
# i-83e78c21dca6ed6de with seed 1) and data/fails-at-step-2.json.
set(EC2SIM_CLI_DATA ${CMAKE_CURRENT_LIST_DIR}/data)
set(EC2SIM_CLI_CHECK ${CMAKE_CURRENT_LIST_DIR}/run_and_check.cmake)

# ec2sim_cli_test(NAME EXIT <status> ARGS <ec2sim args...> [MATCH <re>...] [REJECT <re>...]).
# Arguments and patterns must not contain ";" or "|" (the separators on the way to the script),
# nor end in a space (CMake trims -D values).
function(ec2sim_cli_test name)
  cmake_parse_arguments(T "" "EXIT" "ARGS;MATCH;REJECT" ${ARGN})
  string(REPLACE ";" "|" args "${T_ARGS}")
  string(REPLACE ";" "|" match "${T_MATCH}")
  string(REPLACE ";" "|" reject "${T_REJECT}")
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_COMMAND} "-DCOMMAND=$<TARGET_FILE:ec2sim>|${args}" -DEXIT=${T_EXIT}
                   "-DMATCH=${match}" "-DREJECT=${reject}" -P ${EC2SIM_CLI_CHECK})
endfunction()

set(ec2sim_cli_server ${EC2SIM_CLI_DATA}/gp2-server.json)
set(ec2sim_cli_failing ${EC2SIM_CLI_DATA}/fails-at-step-2.json)
set(ec2sim_cli_web i-83e78c21dca6ed6de)

# Rates keep two decimals at least and every digit of the price; amounts are in cents.
ec2sim_cli_test(bill_prints_rates_with_two_decimals_or_more EXIT 0
  ARGS bill ${ec2sim_cli_server}
  MATCH "EBS:VolumeUsage\\.gp2 .* \\$0\\.10 +\\$0\\.01" "BoxUsage:t2\\.micro .* \\$0\\.0116 +\\$0\\.12"
        "\\$0\\.005 +\\$0\\.05" "Total \\$0\\.18"
  REJECT "\\$0\\.1[^0-9]")
ec2sim_cli_test(bill_error_names_the_command_once EXIT 2
  ARGS bill ${ec2sim_cli_server} --month 2031-01
  MATCH "ec2sim bill: month 2031-01 has not started yet"
  REJECT "bill: bill:")
ec2sim_cli_test(bill_reports_the_failed_step_and_exits_1 EXIT 1
  ARGS bill ${ec2sim_cli_failing}
  MATCH "fails-at-step-2\\.json: step 2 failed: call DescribeInstances: ok. Reservations: expected length 1")
ec2sim_cli_test(bill_rejects_a_missing_file_with_2 EXIT 2
  ARGS bill ${EC2SIM_CLI_DATA}/no-such-file.json
  MATCH "no-such-file\\.json: cannot read: no such file")

ec2sim_cli_test(probe_allowed_exits_0_with_its_round_trip EXIT 0
  ARGS probe ${ec2sim_cli_server} --from 203.0.113.7 --to ${ec2sim_cli_web} --protocol tcp --port 22 --client Seoul
  MATCH "Verdict: allowed" "Round trip: [0-9]+\\.[0-9] ms")
ec2sim_cli_test(probe_blocked_exits_1_without_a_round_trip EXIT 1
  ARGS probe ${ec2sim_cli_server} --from 203.0.113.7 --to ${ec2sim_cli_web} --protocol tcp --port 80
  MATCH "Verdict: blocked" "security-group-no-matching-rule"
  REJECT "Round trip")
ec2sim_cli_test(probe_json_has_rtt EXIT 0
  ARGS probe ${ec2sim_cli_server} --from ${ec2sim_cli_web} --to 198.51.100.1 --protocol tcp --port 443 --output json
  MATCH "\"RttMs\": [0-9]")
ec2sim_cli_test(probe_reports_the_failed_step_and_exits_2 EXIT 2
  ARGS probe ${ec2sim_cli_failing} --from 203.0.113.7 --to ${ec2sim_cli_web} --protocol tcp --port 22
  MATCH "fails-at-step-2\\.json: step 2 failed: call DescribeInstances: ok. Reservations: expected length 1")
ec2sim_cli_test(probe_rejects_a_missing_file_with_2 EXIT 2
  ARGS probe ${EC2SIM_CLI_DATA}/no-such-file.json --from 203.0.113.7 --to ${ec2sim_cli_web} --protocol tcp --port 22
  MATCH "no-such-file\\.json: cannot read: no such file")
ec2sim_cli_test(probe_rejects_an_unknown_client_with_2 EXIT 2
  ARGS probe ${ec2sim_cli_server} --from 203.0.113.7 --to ${ec2sim_cli_web} --protocol tcp --port 22 --client Atlantis
  MATCH "ec2sim probe: Ec2sim.NotFound: .*Atlantis")

# `ec2sim run`'s transcript: teaching by default, --verbose adds the answers as JSON, --quiet is
# the terse form. The gtest suites WalkthroughTranscript and TeachingTranscript check the text
# itself; these check the flags reach it.
set(ec2sim_cli_walkthrough ${PROJECT_SOURCE_DIR}/scenarios/seed-walkthrough.json)
set(ec2sim_cli_ip "[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+")
ec2sim_cli_test(run_teaches_with_saved_values_facts_and_what_is_left EXIT 0
  ARGS run ${ec2sim_cli_walkthrough}
  MATCH " ip1 = ${ec2sim_cli_ip}" " ip2 = ${ec2sim_cli_ip}" " eip = ${ec2sim_cli_ip}"
        "running, t2\\.micro in ap-northeast-2[a-d], public IP ${ec2sim_cli_ip}"
        "private_key = -----BEGIN RSA PRIVATE KEY----- \\.\\.\\. \\([0-9]+ lines\\)"
        "-- left at the end" "bill so far: total \\$[0-9]+\\.[0-9][0-9]" "PASS seed-walkthrough"
  REJECT "\"PublicIpAddress\"")
ec2sim_cli_test(run_verbose_prints_each_answer_as_json EXIT 0
  ARGS run --verbose ${ec2sim_cli_walkthrough}
  MATCH " \"PublicIpAddress\": \"${ec2sim_cli_ip}\"," "-----END RSA PRIVATE KEY-----" "-- left at the end")
ec2sim_cli_test(run_quiet_prints_one_line_per_step EXIT 0
  ARGS run --quiet ${ec2sim_cli_walkthrough}
  MATCH "\\[9\\] call DescribeInstances: ok i-[0-9a-f]+" "1 passed, 0 failed"
  REJECT "ip1 = [0-9]" "-- left at the end" "fingerprint")
ec2sim_cli_test(run_verbose_and_quiet_exclude_each_other EXIT 2
  ARGS run --verbose --quiet ${ec2sim_cli_walkthrough}
  MATCH "excludes")
ec2sim_cli_test(run_json_report_carries_saved_values EXIT 0
  ARGS run --output json ${ec2sim_cli_walkthrough}
  MATCH "\"saved\": {" "\"ip1\": \"${ec2sim_cli_ip}\"" "\"passed\": 1"
  REJECT "-- left at the end")
