# `ec2sim bill` and `ec2sim probe` as a user runs them: output, errors and exit statuses.
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

# --from/--to name an instance as the scenario does: by a saved name or by its Name tag.
set(ec2sim_cli_named ${EC2SIM_CLI_DATA}/named-server.json)
ec2sim_cli_test(probe_to_accepts_a_name_the_scenario_saved EXIT 0
  ARGS probe ${ec2sim_cli_named} --from 203.0.113.7 --to server --protocol tcp --port 22
  MATCH "Verdict: allowed \\(tcp port 22 from 203\\.0\\.113\\.7 to i-[0-9a-f]+\\)")
ec2sim_cli_test(probe_to_accepts_an_instance_name_tag EXIT 0
  ARGS probe ${ec2sim_cli_named} --from 203.0.113.7 --to web --protocol tcp --port 22
  MATCH "Verdict: allowed \\(tcp port 22 from 203\\.0\\.113\\.7 to i-[0-9a-f]+\\)")
ec2sim_cli_test(probe_from_accepts_a_name_tag_too EXIT 0
  ARGS probe ${ec2sim_cli_named} --from web --to 198.51.100.1 --protocol tcp --port 443
  MATCH "Verdict: allowed")
ec2sim_cli_test(probe_to_an_unknown_name_says_what_it_accepts EXIT 2
  ARGS probe ${ec2sim_cli_named} --from 203.0.113.7 --to webb --protocol tcp --port 22
  MATCH "ec2sim probe: --to webb: not an instance id, an IPv4 address, a name the scenario saved \\(both, server, sg\\) or the Name tag of an instance in us-east-1")
ec2sim_cli_test(probe_to_a_saved_list_says_how_to_take_one EXIT 2
  ARGS probe ${ec2sim_cli_named} --from 203.0.113.7 --to both --protocol tcp --port 22
  MATCH "--to both: the scenario saved \\[\"i-[0-9a-f]+\"\\] as \"both\", not one instance id or address" "\\[0\\]. to save its first element")
