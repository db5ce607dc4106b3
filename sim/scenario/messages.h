// The scenario loader's messages in every output language, keyed by an id: one catalog, so a
// message is added once with all its languages and the checks never choose words themselves.
// `{1}`, `{2}`, ... stand for the arguments (file names, keys, values, nested reasons), which are
// never translated. Korean follows the AWS Korean console's terms (리전, 인스턴스, 계정).
#ifndef EC2SIM_SIM_SCENARIO_MESSAGES_H_
#define EC2SIM_SIM_SCENARIO_MESSAGES_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "ec2sim/lang.h"

namespace ec2sim::scenario {

// X(id, English, Korean)
#define EC2SIM_SCENARIO_MESSAGES(X)                                                                \
  X(kPassThrough, "{1}", "{1}")                                                                    \
  X(kOr, " or ", ", ")                                                                             \
  X(kAnd, " and ", ", ")                                                                           \
  X(kKindObject, "an object", "객체")                                                              \
  X(kKindList, "a list", "목록")                                                                   \
  X(kKindString, "a string", "문자열")                                                             \
  X(kKindBoolean, "a boolean", "불리언")                                                           \
  X(kKindNull, "null", "null")                                                                     \
  X(kKindNumber, "a number", "숫자")                                                               \
  X(kStepWhere, "step {1}", "단계 {1}")                                                            \
  X(kStepWhereKey, "step {1} ({2})", "단계 {1} ({2})")                                             \
  X(kMoreProblems, "... and {1} more problems", "... 그 밖에 문제 {1}개")                          \
  X(kJsonSyntax, "{1}", "JSON 문법 오류: {1}")                                                     \
  X(kJsonTooDeep, "JSON nested deeper than {1} levels",                                            \
    "JSON이 {1}단계보다 깊게 중첩되어 있습니다")                                                   \
  X(kIsDirectory, "cannot read: is a directory", "읽을 수 없습니다: 디렉터리입니다")               \
  X(kCannotOpen, "cannot read: cannot open the file", "읽을 수 없습니다: 파일을 열 수 없습니다")   \
  X(kNoSuchFile, "cannot read: no such file", "읽을 수 없습니다: 그런 파일이 없습니다")            \
  X(kIoError, "cannot read: I/O error", "읽을 수 없습니다: 입출력 오류")                           \
  X(kNotAnObject, "a scenario must be a JSON object, got {1}",                                     \
    "시나리오는 JSON 객체여야 합니다(받은 값: {1})")                                               \
  X(kMustBeString, "{1} must be a string, got {2}", "{1}: 문자열이어야 합니다(받은 값: {2})")      \
  X(kMustBeOneOf, "{1} must be {2}, got {3}", "{1}: {2} 중 하나여야 합니다(받은 값: {3})")         \
  X(kUnknownTopLevelKey, "unknown top-level key {1}", "알 수 없는 최상위 키 {1}")                  \
  X(kMissingFormat, "missing \"format\" (must be 1)", "\"format\"이 없습니다(1이어야 합니다)")     \
  X(kFormatMustBe1, "\"format\" must be 1 (the only format this version reads), got {1}",          \
    "\"format\"은 1이어야 합니다(이 버전이 읽는 유일한 형식, 받은 값: {1})")                       \
  X(kMissingName, "missing \"name\"", "\"name\"이 없습니다")                                       \
  X(kNameShape, "\"name\" must match [a-z0-9-]+, got {1}",                                         \
    "\"name\"은 [a-z0-9-]+ 형식이어야 합니다(받은 값: {1})")                                       \
  X(kRegionShape, "\"region\" must be a region code such as \"us-east-1\", got {1}",               \
    "\"region\"은 \"us-east-1\" 같은 리전 코드여야 합니다(받은 값: {1})")                          \
  X(kAccountShape, "\"account\" must be a 12-digit account id, got {1}",                           \
    "\"account\"는 12자리 계정 ID여야 합니다(받은 값: {1})")                                       \
  X(kStart, "\"start\": {1}", "\"start\": {1}")                                                    \
  X(kSeed, "\"seed\" must be a whole number >= 0, got {1}",                                        \
    "\"seed\"는 0 이상의 정수여야 합니다(받은 값: {1})")                                           \
  X(kOptInRegionsList, "\"opt_in_regions\" must be a list of region codes, got {1}",               \
    "\"opt_in_regions\"는 리전 코드의 목록이어야 합니다(받은 값: {1})")                            \
  X(kNotOptInRegion, "\"opt_in_regions\": {1} is not an opt-in region (opt-in ones: {2})",         \
    "\"opt_in_regions\": {1}은(는) 옵트인 리전이 아닙니다(옵트인 리전: {2})")                      \
  X(kMustBeBool, "{1} must be true or false, got {2}",                                             \
    "{1}은(는) true 또는 false여야 합니다(받은 값: {2})")                                          \
  X(kMissingSteps, "missing \"steps\"", "\"steps\"가 없습니다")                                    \
  X(kStepsNotList, "\"steps\" must be a list of steps, got {1}",                                   \
    "\"steps\"는 단계의 목록이어야 합니다(받은 값: {1})")                                          \
  X(kStepNotObject, "a step must be a JSON object, got {1}",                                       \
    "단계는 JSON 객체여야 합니다(받은 값: {1})")                                                   \
  X(kOneVerb, "one verb per step, got {1}", "단계마다 동사는 하나입니다(받은 동사: {1})")          \
  X(kUnknownVerb, "unknown verb {1}", "알 수 없는 동사 {1}")                                       \
  X(kNoVerb, "no verb (one of call, advance, wait, probe, bill, latency, traffic, cpu, note)",     \
    "동사가 없습니다(call, advance, wait, probe, bill, latency, traffic, cpu, note 중 하나)")      \
  X(kUnknownKey, "unknown key {1}", "알 수 없는 키 {1}")                                           \
  X(kCallNeedsAction, "needs an EC2 action name such as \"RunInstances\"",                         \
    "\"RunInstances\" 같은 EC2 작업 이름이 필요합니다")                                            \
  X(kUnknownAction, "unknown action {1}{2}", "알 수 없는 작업 {1}{2}")                             \
  X(kDidYouMean, " (did you mean {1}?)", " ({1}을(를) 찾으셨나요?)")                               \
  X(kWithNotObject, "must be an object of the action's parameters, got {1}",                       \
    "작업의 파라미터를 담은 객체여야 합니다(받은 값: {1})")                                        \
  X(kAdvanceNeedsDuration, "needs a duration such as \"90s\", \"2h\" or \"30d\"",                  \
    "\"90s\", \"2h\", \"30d\" 같은 기간이 필요합니다")                                             \
  X(kMustBeObject, "must be an object, got {1}", "객체여야 합니다(받은 값: {1})")                  \
  X(kStringNeeded, "must be a string, got {1}", "문자열이어야 합니다(받은 값: {1})")               \
  X(kNoteShape, "must be a string or {\"en\": TEXT, \"ko\": TEXT}, got {1}",                       \
    "문자열이거나 {\"en\": TEXT, \"ko\": TEXT} 형태여야 합니다(받은 값: {1})")                     \
  X(kWaitNeedsObject, "needs {\"instance\": ID, \"state\": NAME, \"timeout\": DURATION}",          \
    "{\"instance\": ID, \"state\": NAME, \"timeout\": DURATION} 형태가 필요합니다")                \
  X(kWaitUnknownKey, "unknown key {1} (use instance, state and timeout)",                          \
    "알 수 없는 키 {1} (instance, state, timeout 중에서 쓰세요)")                                  \
  X(kWaitNeedsInstance, "needs \"instance\": an instance id or \"${name}\"",                       \
    "\"instance\"가 필요합니다: 인스턴스 ID 또는 \"${name}\"")                                     \
  X(kWaitNeedsState, "needs \"state\": an instance state such as \"running\"",                     \
    "\"state\"가 필요합니다: \"running\" 같은 인스턴스 상태")                                      \
  X(kUnknownState,                                                                                 \
    "unknown instance state {1} (one of pending, running, stopping, stopped, shutting-down, "      \
    "terminated)",                                                                                 \
    "알 수 없는 인스턴스 상태 {1} (pending, running, stopping, stopped, shutting-down, " \
    "terminated 중 하나)")                                                                         \
  X(kTimeout, "timeout: {1}", "timeout: {1}")                                                      \
  X(kTimeoutNotString, "\"timeout\" must be a string", "\"timeout\"은 문자열이어야 합니다")        \
  X(kWithOnlyCall, "\"with\" only goes with \"call\"", "\"with\"는 \"call\" 단계에만 씁니다")      \
  X(kStepRegion, "must be a region code such as \"us-east-1\", got {1}",                           \
    "\"us-east-1\" 같은 리전 코드여야 합니다(받은 값: {1})")                                       \
  X(kStepAccount, "must be a 12-digit account id, got {1}",                                        \
    "12자리 계정 ID여야 합니다(받은 값: {1})")                                                     \
  X(kNoResult, "{1} steps have no result to check", "{1} 단계에는 확인할 결과가 없습니다")         \
  X(kExpectErrorCode, "must be an AWS error code such as \"InvalidInstanceID.NotFound\"",          \
    "\"InvalidInstanceID.NotFound\" 같은 AWS 오류 코드여야 합니다")                                \
  X(kSaveNotObject, "must be an object of name: path", "이름: 경로 형태의 객체여야 합니다")        \
  X(kBadVariableName,                                                                              \
    "{1} is not a valid name (letters, digits, '_' and '-', starting with a letter or '_')",       \
    "{1}: 올바른 이름이 아닙니다(문자, 숫자, '_', '-'만 쓰고 문자나 '_'로 시작)")                  \
  X(kPathNotString, "{1}: the path must be a string", "{1}: 경로는 문자열이어야 합니다")           \
  X(kExpectNotObject, "must be an object of path: matcher", "경로: 매처 형태의 객체여야 합니다")   \
  X(kExpectProblem, "{1}: {2}", "{1}: {2}")                                                        \
  X(kNotSaved, "{1} is not saved by an earlier step",                                              \
    "{1}: 앞선 단계에서 저장하지 않은 이름입니다")                                                 \
  X(kCpuUnknownKey, "unknown key {1} (use instance and percent)",                                  \
    "알 수 없는 키 {1} (instance, percent 중에서 쓰세요)")                                         \
  X(kCpuNeedsInstance, "needs \"instance\": an instance id or \"${name}\"",                        \
    "\"instance\"가 필요합니다: 인스턴스 ID 또는 \"${name}\"")                                     \
  X(kCpuPercent, "\"percent\" must be a whole number from 0 to 100, got {1}",                      \
    "\"percent\"는 0부터 100까지의 정수여야 합니다(받은 값: {1})")

enum class MessageId {
#define EC2SIM_SCENARIO_MESSAGE_ID(id, en, ko) id,
  EC2SIM_SCENARIO_MESSAGES(EC2SIM_SCENARIO_MESSAGE_ID)
#undef EC2SIM_SCENARIO_MESSAGE_ID
};

// The message `id` in `lang` with `{N}` replaced by the Nth argument (1-based); a placeholder
// without an argument is left as written.
std::string Message(Lang lang, MessageId id, std::initializer_list<std::string_view> args = {});

// Every message's Korean text, one per line (for the test that release is always 릴리스).
std::string AllKoreanMessages();

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_MESSAGES_H_
