// Reading a request's signature and verifying it. The canonical form and signing are in
// sigv4_canonical.cc.
#include "sim/server/sigv4.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "ec2sim/sim_time.h"
#include "sim/engine/ascii.h"
#include "sim/server/sigv4_internal.h"

namespace ec2sim::server::sigv4 {
namespace {

using namespace internal;

// YYYYMMDDTHHMMSSZ to ms since the epoch; nullopt when it is not that shape or not a time.
std::optional<std::int64_t> ParseAmzDate(std::string_view s) {
  if (s.size() != 16 || s[8] != 'T' || s[15] != 'Z') return std::nullopt;
  for (std::size_t i = 0; i < 15; ++i) {
    if (i != 8 && (s[i] < '0' || s[i] > '9')) return std::nullopt;
  }
  std::string iso = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
                    std::string(s.substr(6, 2)) + "T" + std::string(s.substr(9, 2)) + ":" +
                    std::string(s.substr(11, 2)) + ":" + std::string(s.substr(13, 2)) + "Z";
  Result<SimTime> t = ParseIsoTime(iso);
  if (!t.ok()) return std::nullopt;
  return *t;
}

Error Incomplete(std::string message) {
  return MakeError(ErrorCode::kIncompleteSignature, std::move(message));
}

// Splits "AKID/20260101/ap-northeast-2/ec2/aws4_request" into `sig`.
Status ReadCredential(std::string_view text, Signature& sig) {
  std::vector<std::string_view> parts;
  std::string_view rest = text;
  while (true) {
    std::size_t slash = rest.find('/');
    parts.push_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
  }
  if (parts.size() != 5 ||
      std::any_of(parts.begin(), parts.end(), [](std::string_view p) { return p.empty(); })) {
    return Incomplete(
        "Credential must have the form ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/"
        "aws4_request, got '" +
        std::string(text) + "'");
  }
  if (parts[4] != kTerminator) {
    return Incomplete("Credential should be scoped with a valid terminator: 'aws4_request', not '" +
                      std::string(parts[4]) + "'");
  }
  sig.access_key_id = parts[0];
  sig.scope_date = parts[1];
  sig.region = parts[2];
  sig.service = parts[3];
  return OkStatus();
}

Status ReadSignedHeaders(std::string_view text, Signature& sig) {
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t semi = rest.find(';');
    std::string_view name = Trim(rest.substr(0, semi));
    if (!name.empty()) sig.signed_headers.push_back(engine::AsciiLower(name));
    if (semi == std::string_view::npos) break;
    rest = rest.substr(semi + 1);
  }
  if (sig.signed_headers.empty()) return Incomplete("SignedHeaders names no header");
  return OkStatus();
}

Status ReadDate(std::string_view text, Signature& sig) {
  std::optional<std::int64_t> t = ParseAmzDate(text);
  if (!t) {
    return Incomplete("X-Amz-Date must be YYYYMMDD'T'HHMMSS'Z' (such as 20260101T000000Z), got '" +
                      std::string(text) + "'");
  }
  sig.amz_date = text;
  sig.time_ms = *t;
  return OkStatus();
}

Result<Signature> ParseHeaderForm(const Request& request, std::string_view authorization) {
  authorization = Trim(authorization);
  std::size_t space = authorization.find(' ');
  std::string_view algorithm = authorization.substr(0, space);
  if (algorithm != kAlgorithm) {
    return Incomplete("Unsupported AWS 'algorithm': '" + std::string(algorithm) +
                      "' (ec2sim verifies AWS4-HMAC-SHA256 signatures)");
  }
  std::string_view rest =
      space == std::string_view::npos ? std::string_view() : authorization.substr(space + 1);
  std::optional<std::string_view> credential, signed_headers, signature;
  while (!rest.empty()) {
    std::size_t comma = rest.find(',');
    std::string_view item = Trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = Trim(item.substr(0, eq));
    std::string_view value = Trim(item.substr(eq + 1));
    if (key == "Credential") credential = value;
    if (key == "SignedHeaders") signed_headers = value;
    if (key == "Signature") signature = value;
  }
  for (auto [name, value] :
       {std::pair{"Credential", credential}, std::pair{"SignedHeaders", signed_headers},
        std::pair{"Signature", signature}}) {
    if (!value || value->empty()) {
      return Incomplete(std::string("Authorization header requires '") + name +
                        "' parameter. Authorization=" + std::string(authorization));
    }
  }
  Signature sig;
  sig.form = Form::kHeader;
  EC2SIM_RETURN_IF_ERROR(ReadCredential(*credential, sig));
  EC2SIM_RETURN_IF_ERROR(ReadSignedHeaders(*signed_headers, sig));
  sig.signature = engine::AsciiLower(*signature);
  std::vector<std::string_view> dates = HeaderValues(request, "x-amz-date");
  if (dates.empty()) {
    return Incomplete("Authorization header requires existence of a 'X-Amz-Date' header");
  }
  EC2SIM_RETURN_IF_ERROR(ReadDate(Trim(dates.front()), sig));
  return sig;
}

Result<Signature> ParseQueryForm(const Pairs& query) {
  const std::string* algorithm = FindPair(query, "X-Amz-Algorithm");
  const std::string* credential = FindPair(query, "X-Amz-Credential");
  const std::string* date = FindPair(query, "X-Amz-Date");
  const std::string* signed_headers = FindPair(query, "X-Amz-SignedHeaders");
  const std::string* signature = FindPair(query, "X-Amz-Signature");
  if (!algorithm || !credential || !date || !signed_headers || !signature) {
    return Incomplete(
        "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', "
        "'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders'");
  }
  if (*algorithm != kAlgorithm) {
    return Incomplete("Unsupported AWS 'algorithm': '" + *algorithm +
                      "' (ec2sim verifies AWS4-HMAC-SHA256 signatures)");
  }
  Signature sig;
  sig.form = Form::kQuery;
  EC2SIM_RETURN_IF_ERROR(ReadCredential(*credential, sig));
  EC2SIM_RETURN_IF_ERROR(ReadSignedHeaders(*signed_headers, sig));
  EC2SIM_RETURN_IF_ERROR(ReadDate(*date, sig));
  sig.signature = engine::AsciiLower(*signature);
  if (const std::string* expires = FindPair(query, "X-Amz-Expires")) {
    std::int64_t value = -1;
    auto [end, ec] = std::from_chars(expires->data(), expires->data() + expires->size(), value);
    if (ec != std::errc() || end != expires->data() + expires->size() || value < 1 ||
        value > kMaxExpiresSeconds) {
      return Incomplete("X-Amz-Expires must be a number of seconds from 1 to " +
                        std::to_string(kMaxExpiresSeconds) + ", got '" + *expires + "'");
    }
    sig.expires_s = value;
  }
  return sig;
}

Status Mismatch(std::string message) {
  return MakeError(ErrorCode::kSignatureDoesNotMatch, std::move(message));
}

// Host is signed in every form, so a signature cannot be replayed against another endpoint;
// the header form signs X-Amz-Date too (the time it is checked against), as every SDK does.
// The query form's X-Amz-Date is a query parameter, signed with the query. AWS answers a
// missing host with "'Host' or ':authority' must be a 'SignedHeader' in the AWS
// Authorization." (InvalidSignatureException, the SignatureDoesNotMatch of the Query APIs).
Status CheckRequiredSignedHeaders(const Signature& sig) {
  auto is_signed = [&](std::string_view name) {
    return std::find(sig.signed_headers.begin(), sig.signed_headers.end(), name) !=
           sig.signed_headers.end();
  };
  if (!is_signed("host")) {
    return Mismatch("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  if (sig.form == Form::kHeader && !is_signed("x-amz-date")) {
    return Mismatch("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
  }
  return OkStatus();
}

// The payload hash the canonical request ends with: always the SHA-256 of the body. An
// x-amz-content-sha256 header may repeat it (S3 clients send it) but never replace it:
// UNSIGNED-PAYLOAD is Amazon S3's, lets a body be swapped under a valid signature, and no EC2
// SDK sends it; services other than S3 hash the body regardless, so it ends in
// SignatureDoesNotMatch there too.
Result<std::string> PayloadHash(const Request& request) {
  std::string body_hash = HexSha256(request.body);
  std::vector<std::string_view> claimed = HeaderValues(request, "x-amz-content-sha256");
  if (claimed.empty()) return body_hash;
  std::string value(Trim(claimed.front()));
  if (value == kUnsignedPayload) {
    return MakeError(ErrorCode::kSignatureDoesNotMatch,
                     "x-amz-content-sha256: UNSIGNED-PAYLOAD is for Amazon S3; an EC2 request "
                     "signs the SHA-256 of its body");
  }
  if (engine::AsciiLower(value) != body_hash) {
    return MakeError(ErrorCode::kSignatureDoesNotMatch,
                     "The provided 'x-amz-content-sha256' header does not match the body");
  }
  return value;
}

}  // namespace

Result<Signature> ParseSignature(const Request& request) {
  std::vector<std::string_view> authorization = HeaderValues(request, "authorization");
  Pairs query = SplitQuery(request.query);
  bool query_form = FindPair(query, "X-Amz-Algorithm") || FindPair(query, "X-Amz-Credential") ||
                    FindPair(query, "X-Amz-Signature");
  if (!authorization.empty() && query_form) {
    return Incomplete(
        "Only one authentication method is allowed: the Authorization header or the X-Amz-* "
        "query parameters, not both");
  }
  if (authorization.size() > 1)
    return Incomplete("The request has more than one Authorization header");
  if (!authorization.empty()) return ParseHeaderForm(request, authorization.front());
  if (query_form) return ParseQueryForm(query);
  return MakeError(ErrorCode::kMissingAuthenticationToken,
                   "Request is missing Authentication Token: sign it with AWS Signature "
                   "Version 4 (an access key of this classroom and its secret)");
}

Status Verify(const Request& request, const Signature& sig, std::string_view secret,
              std::int64_t now_ms) {
  // The time window first: a stale request is refused whatever its signature.
  if (sig.time_ms > now_ms + kMaxClockSkewMs) {
    return MakeError(ErrorCode::kRequestExpired,
                     "Request has expired: its X-Amz-Date " + sig.amz_date +
                         " is more than 15 minutes in the future of the server's clock");
  }
  std::int64_t valid_until = sig.form == Form::kQuery && sig.expires_s >= 0
                                 ? sig.time_ms + sig.expires_s * 1000
                                 : sig.time_ms + kMaxClockSkewMs;
  if (now_ms > valid_until) {
    return MakeError(ErrorCode::kRequestExpired,
                     sig.form == Form::kQuery && sig.expires_s >= 0
                         ? "Request has expired: the presigned URL of " + sig.amz_date +
                               " was valid for " + std::to_string(sig.expires_s) + " seconds"
                         : "Request has expired: its X-Amz-Date " + sig.amz_date +
                               " is more than 15 minutes before the server's clock");
  }
  if (sig.scope_date != std::string_view(sig.amz_date).substr(0, 8)) {
    return Mismatch("Date in Credential scope (" + sig.scope_date +
                    ") does not match YYYYMMDD from X-Amz-Date (" + sig.amz_date + ")");
  }
  EC2SIM_RETURN_IF_ERROR(CheckRequiredSignedHeaders(sig));
  Result<std::string> payload_hash = PayloadHash(request);
  if (!payload_hash.ok()) return std::move(payload_hash).error();
  std::string scope =
      sig.scope_date + "/" + sig.region + "/" + sig.service + "/" + std::string(kTerminator);
  std::string key = SigningKey(secret, sig.scope_date, sig.region, sig.service);
  Result<std::string> canonical = CanonicalRequest(request, sig.signed_headers, *payload_hash);
  if (!canonical.ok()) return std::move(canonical).error();
  std::string expected = HexHmacSha256(key, StringToSign(sig.amz_date, scope, *canonical));
  if (SameSecret(expected, sig.signature)) return OkStatus();
  return Mismatch(
      "The request signature we calculated does not match the signature you provided. Check "
      "your AWS Secret Access Key and signing method.");
}

bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace ec2sim::server::sigv4
