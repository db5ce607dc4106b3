# `ec2sim bill`, `ec2sim probe` and `ec2sim run` as a user runs them: output, errors and exit statuses.
# Fixtures: data/gp2-server.json (a Virginia t2.micro on gp2, SSH open; instance
# i-83e78c21dca6ed6de with seed 1) and data/fails-at-step-2.json.
set(EC2SIM_CLI_DATA ${CMAKE_CURRENT_LIST_DIR}/data)
set(EC2SIM_CLI_CHECK ${CMAKE_CURRENT_LIST_DIR}/run_and_check.cmake)

# ec2sim_cli_test(NAME EXIT <status> ARGS <ec2sim args...> [MATCH <re>...] [REJECT <re>...]
#                 [ENV <VAR=value>...]).
# Arguments and patterns must not contain ";" or "|" (the separators on the way to the script),
# nor end in a space (CMake trims -D values). With ENV, the command runs with those variables set
# and LC_ALL and LC_MESSAGES unset, so that LANG decides the language whatever the caller's locale.
function(ec2sim_cli_test name)
  cmake_parse_arguments(T "" "EXIT" "ARGS;MATCH;REJECT;ENV" ${ARGN})
  if(T_ENV)
    string(REPLACE ";" "|" envs "${T_ENV}")
    set(prefix "${CMAKE_COMMAND}|-E|env|--unset=LC_ALL|--unset=LC_MESSAGES|${envs}|")
  else()
    set(prefix "")
  endif()
  string(REPLACE ";" "|" args "${T_ARGS}")
  string(REPLACE ";" "|" match "${T_MATCH}")
  string(REPLACE ";" "|" reject "${T_REJECT}")
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_COMMAND} "-DCOMMAND=${prefix}$<TARGET_FILE:ec2sim>|${args}" -DEXIT=${T_EXIT}
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

# Korean (--lang ko, or a locale starting with ko): the simulator's own words change, the
# numbers, ids, JSON fields and exit statuses do not. No Korean output says 해제 for release.
set(ec2sim_cli_syntax_error ${EC2SIM_CLI_DATA}/syntax-error.json)
ec2sim_cli_test(probe_allowed_in_korean EXIT 0
  ARGS probe ${ec2sim_cli_server} --from 203.0.113.7 --to ${ec2sim_cli_web} --protocol tcp --port 22 --lang ko
  MATCH "판정: 허용 \\(tcp 포트 22, 203\\.0\\.113\\.7 -> ${ec2sim_cli_web}\\)" "경로 +구성 요소 +방향 +결정 +세부 정보"
        "보안 그룹 sg-[0-9a-f]+ +인바운드 +허용" "왕복 시간: [0-9]+\\.[0-9] ms"
        "허용: tcp/22 트래픽이 인터넷 호스트 203\\.0\\.113\\.7에서"
  REJECT "Verdict" "해제")
ec2sim_cli_test(probe_security_group_block_in_korean EXIT 1
  ARGS probe ${ec2sim_cli_server} --from 203.0.113.7 --to ${ec2sim_cli_web} --protocol tcp --port 80 --lang ko
  MATCH "판정: 차단" "막은 곳: 보안 그룹 sg-[0-9a-f]+ \\(security-group-no-matching-rule\\)"
        "허용하는 인바운드 규칙이 없습니다"
  REJECT "Round trip" "왕복 시간" "해제")
ec2sim_cli_test(probe_language_comes_from_lang EXIT 0
  ARGS probe ${ec2sim_cli_server} --from 203.0.113.7 --to ${ec2sim_cli_web} --protocol tcp --port 22
  ENV LANG=ko_KR.UTF-8
  MATCH "판정: 허용" REJECT "Verdict")
ec2sim_cli_test(probe_lang_en_overrides_a_korean_locale EXIT 0
  ARGS probe ${ec2sim_cli_server} --from 203.0.113.7 --to ${ec2sim_cli_web} --protocol tcp --port 22 --lang en
  ENV LANG=ko_KR.UTF-8
  MATCH "Verdict: allowed" "Allowed: tcp/22" REJECT "판정")
ec2sim_cli_test(probe_english_under_an_english_locale EXIT 0
  ARGS probe ${ec2sim_cli_server} --from 203.0.113.7 --to ${ec2sim_cli_web} --protocol tcp --port 22
  ENV LANG=en_US.UTF-8
  MATCH "Verdict: allowed" REJECT "판정")
ec2sim_cli_test(latency_in_korean EXIT 0
  ARGS latency --from Seoul --to ap-northeast-2 --lang ko
  MATCH "출발지 +Seoul[^(]*\\(클라이언트, 광섬유\\)" "목적지 +ap-northeast-2.*\\(리전\\)"
        "왕복 시간 +[0-9.]+ ms \\(광섬유 속 빛의 속도로는" "의미 +HTTPS 첫 바이트 [0-9.]+ ms, 요청 10개짜리 페이지"
  REJECT "RTT" "From")
ec2sim_cli_test(latency_ranking_in_korean EXIT 0
  ARGS latency --from Seoul --lang ko
  MATCH "출발지 Seoul.*가장 가까운 리전: ap-northeast-2" "목적지 +왕복\\(ms\\) +한계\\(ms\\)")
ec2sim_cli_test(cost_compare_in_korean EXIT 0
  ARGS cost compare --lang ko
  MATCH "클라우드와 온프레미스 비교, 프로필 steady-office" "온프레미스 +클라우드" "총비용 +\\$[0-9,.]+ +\\$[0-9,.]+"
        "손익분기점: "
  REJECT "Cloud vs" "break-even")
ec2sim_cli_test(bill_in_korean EXIT 0
  ARGS bill ${ec2sim_cli_server} --lang ko
  MATCH "계정 123456789012, " "사용 유형 +리소스 +수량 +프리 티어 +단가 +금액" "합계 \\$0\\.18"
  REJECT "Total")
ec2sim_cli_test(run_reports_a_syntax_error_in_korean_with_its_line EXIT 2
  ARGS run ${ec2sim_cli_syntax_error} --lang ko
  MATCH "syntax-error\\.json:6:5: JSON 문법 오류: ")
ec2sim_cli_test(run_reports_a_syntax_error_in_english_by_default EXIT 2
  ARGS run ${ec2sim_cli_syntax_error}
  ENV LANG=C.UTF-8
  MATCH "syntax-error\\.json:6:5: syntax error" REJECT "문법")
ec2sim_cli_test(run_missing_file_in_korean_from_the_locale EXIT 2
  ARGS run ${EC2SIM_CLI_DATA}/no-such-file.json
  ENV LANG=ko_KR.UTF-8
  MATCH "no-such-file\\.json: 읽을 수 없습니다: 그런 파일이 없습니다")
ec2sim_cli_test(regions_headings_in_korean EXIT 0
  ARGS regions --lang ko
  MATCH "리전 +이름 +가용 영역 +활성화" "ap-northeast-2 .* 4 +기본")
ec2sim_cli_test(instance_types_headings_in_korean EXIT 0
  ARGS instance-types --region ap-northeast-2 --lang ko
  MATCH "인스턴스 유형 +vCPU +메모리\\(MiB\\)" "요금: ap-northeast-2의 온디맨드 Linux 요금")

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

# A bilingual note ({"en": ..., "ko": ...}) narrates the transcript in the reader's language.
set(ec2sim_cli_lesson1 ${PROJECT_SOURCE_DIR}/lessons/01-cloud-vs-on-premises/solution.json)
ec2sim_cli_test(run_in_korean_narrates_with_the_korean_notes EXIT 0
  ARGS run --quiet --lang ko ${ec2sim_cli_lesson1}
  MATCH "note: 1회 모임, 월요일 저녁" REJECT "note: Session 1, Monday evening")
ec2sim_cli_test(run_in_english_narrates_with_the_english_notes EXIT 0
  ARGS run --quiet --lang en ${ec2sim_cli_lesson1}
  MATCH "note: Session 1, Monday evening" REJECT "1회 모임")
