// Helpers shared by the signature tests: times as ISO text, parse-then-verify in one call, and
// the error code of a status.
#ifndef EC2SIM_TESTS_SERVER_SIGV4_TEST_SUPPORT_H_
#define EC2SIM_TESTS_SERVER_SIGV4_TEST_SUPPORT_H_

#include <cstdint>
#include <string_view>
#include <utility>

#include "ec2sim/result.h"
#include "ec2sim/sim_time.h"
#include "sim/server/sigv4.h"

namespace ec2sim::server::sigv4::signing_test {

inline std::int64_t At(const char* iso) { return *ParseIsoTime(iso); }

inline Status ParseAndVerify(const Request& request, std::string_view secret, std::int64_t now) {
  Result<Signature> sig = ParseSignature(request);
  if (!sig.ok()) return std::move(sig).error();
  return Verify(request, *sig, secret, now);
}

// kInternalError stands for "no error" so that EXPECT_EQ shows a passing call plainly.
inline ErrorCode CodeOf(const Status& s) {
  return s.ok() ? ErrorCode::kInternalError : s.error().code;
}

}  // namespace ec2sim::server::sigv4::signing_test

#endif  // EC2SIM_TESTS_SERVER_SIGV4_TEST_SUPPORT_H_
