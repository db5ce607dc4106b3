#include "sim/cli/words.h"

#include <utility>

namespace ec2sim::cli {
namespace {

// English -> Korean, in the AWS Korean console's terms where the console has one (인스턴스,
// 보안 그룹, 네트워크 ACL, 인바운드/아웃바운드, 퍼블릭 IP, 가용 영역, 리전, 요금, 프리 티어).
constexpr std::pair<std::string_view, std::string_view> kKo[] = {
    // probe
    {"Verdict", "판정"},
    {"allowed", "허용"},
    {"blocked", "차단"},
    {"PATH", "경로"},
    {"COMPONENT", "구성 요소"},
    {"DIRECTION", "방향"},
    {"DECISION", "결정"},
    {"DETAIL", "세부 정보"},
    {"forward", "정방향"},
    {"return", "응답"},
    {"internet", "인터넷"},
    {"instance", "인스턴스"},
    {"security-group", "보안 그룹"},
    {"network-acl", "네트워크 ACL"},
    {"internet-gateway", "인터넷 게이트웨이"},
    {"route-table", "라우팅 테이블"},
    {"nat-gateway", "NAT 게이트웨이"},
    {"no route for", "라우팅 없음:"},
    {"address", "주소"},
    {"connection", "연결"},
    {"ingress", "인바운드"},
    {"egress", "아웃바운드"},
    {"inbound", "인바운드"},
    {"outbound", "아웃바운드"},
    {"passed", "통과"},
    {"stateful-reply", "응답 허용(상태 저장)"},
    {"tracked-connection", "추적 중인 연결"},
    {"allow", "허용"},
    {"deny", "거부"},
    {"rule", "규칙"},
    {"port", "포트"},
    {"ports", "포트"},
    {"peer", "상대"},
    {"type", "유형"},
    {"no public IP", "퍼블릭 IP 없음"},
    {"Blocked by", "막은 곳"},
    {"Round trip", "왕복 시간"},
    {"Connection", "연결"},
    {"established", "맺어짐"},
    {"refused", "열리지 않음"},
    {"cut", "끊어짐"},
    {"closed", "닫힘"},
    {"pending", "대기 중"},
    {"running", "실행 중"},
    {"stopping", "중지 중"},
    {"stopped", "중지됨"},
    {"shutting-down", "종료 중"},
    {"terminated", "종료됨"},
    // latency
    {"From", "출발지"},
    {"To", "목적지"},
    {"RTT", "왕복 시간"},
    {"Path", "경로"},
    {"Breakdown", "구성"},
    {"Meaning", "의미"},
    {"client", "클라이언트"},
    {"region", "리전"},
    {"availability-zone", "가용 영역"},
    {"fiber", "광섬유"},
    {"cable", "케이블"},
    {"dsl", "DSL"},
    {"mobile", "모바일"},
    {"instant", "즉각적"},
    {"a noticeable delay", "눈에 띄게 늦음"},
    {"breaks the flow of work", "작업 흐름이 끊김"},
    {"loses attention", "집중이 흐트러짐"},
    {"TO", "목적지"},
    {"RTT_MS", "왕복(ms)"},
    {"LIMIT_MS", "한계(ms)"},
    {"HTTPS_FIRST_BYTE_MS", "HTTPS 첫 바이트(ms)"},
    {"PAGE_MS", "페이지(ms)"},
    {"SSH_ECHO_FEELS", "SSH 에코 체감"},
    {"FROM\\TO", "출발\\도착"},
    // bill
    {"USAGE TYPE", "사용 유형"},
    {"RESOURCE", "리소스"},
    {"QUANTITY", "수량"},
    {"FREE", "프리 티어"},
    {"RATE", "단가"},
    {"AMOUNT", "금액"},
    // regions, instance-types
    {"REGION", "리전"},
    {"NAME", "이름"},
    {"AZS", "가용 영역"},
    {"ENABLED", "활성화"},
    {"default", "기본"},
    {"opt-in", "옵트인"},
    {"TYPE", "인스턴스 유형"},
    {"VCPUS", "vCPU"},
    {"MEMORY_MIB", "메모리(MiB)"},
    {"ARCH", "아키텍처"},
    {"BURSTABLE", "버스트 가능"},
    {"FREE_TIER", "프리 티어"},
    {"LINUX_PER_HOUR", "Linux 시간당 요금"},
    {"yes", "예"},
    {"no", "아니요"},
    // cost profiles
    {"PROFILE", "프로필"},
    {"LENGTH", "기간"},
    {"PEAK", "최대"},
    {"DESCRIPTION", "설명"},
};

}  // namespace

std::string Word(Lang lang, std::string_view english) {
  if (lang == Lang::kKo) {
    for (const auto& [en, ko] : kKo) {
      if (en == english) return std::string(ko);
    }
  }
  return std::string(english);
}

}  // namespace ec2sim::cli
