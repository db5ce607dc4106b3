// AWS Signature Version 4 (SigV4): verifying the signature of a received request and signing a
// request to send, with OpenSSL's HMAC-SHA256 and SHA-256.
//
// Both forms clients use are understood: the Authorization header ("AWS4-HMAC-SHA256
// Credential=..., SignedHeaders=..., Signature=...", with X-Amz-Date) and the presigned query
// string (X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders,
// X-Amz-Signature). The canonical request follows botocore and the AWS CLI: the path with dot
// segments and repeated slashes removed, then URI-encoded once more (every service but S3 signs
// the path encoded twice); query pairs decoded as the server decodes them ('+' is a space),
// re-encoded strictly (RFC 3986 unreserved kept) and sorted; each signed header lower-cased with
// its values trimmed, inner runs of whitespace collapsed and repeated headers joined by ','; the
// payload hash is always the SHA-256 of the body (x-amz-content-sha256 may repeat it;
// UNSIGNED-PAYLOAD, Amazon S3's, is refused). `host` must be signed, and `x-amz-date` too in
// the header form.
//
// Pure functions over strings: the caller passes the current time in, so nothing here reads a
// clock. Thread-safe.
#ifndef EC2SIM_SERVER_SIGV4_H_
#define EC2SIM_SERVER_SIGV4_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ec2sim/result.h"

namespace ec2sim::server::sigv4 {

using Header = std::pair<std::string, std::string>;

// How far the request time may be from the verifier's clock, either way (AWS's 15 minutes).
inline constexpr std::int64_t kMaxClockSkewMs = 15 * 60 * 1000;
// The longest X-Amz-Expires AWS accepts (7 days), in seconds.
inline constexpr std::int64_t kMaxExpiresSeconds = 7 * 24 * 3600;

// A received request as the verifier needs it. The views must outlive the call.
struct Request {
  std::string_view method;  // "GET", "POST", ...
  std::string_view path;    // as sent, still %-encoded, without the query ("/" when empty)
  std::string_view query;   // raw query string after '?', still %-encoded
  std::string_view body;
  const std::vector<Header>* headers = nullptr;  // names in any case; null means none
};

enum class Form { kHeader, kQuery };

// The authentication information a request carries, before any check against a secret.
struct Signature {
  Form form = Form::kHeader;
  std::string access_key_id;
  std::string scope_date;  // YYYYMMDD of the credential scope
  std::string region;
  std::string service;
  std::vector<std::string> signed_headers;  // lower-case, as listed
  std::string signature;                    // lower-case hex
  std::string amz_date;                     // YYYYMMDDTHHMMSSZ
  std::int64_t time_ms = 0;                 // amz_date as ms since the Unix epoch
  std::int64_t expires_s = -1;              // X-Amz-Expires (query form); -1 when absent
};

// Finds and reads the request's signature, in either form. Errors: kMissingAuthenticationToken
// when the request carries neither form; kIncompleteSignature when one is there but malformed
// or incomplete (an algorithm other than AWS4-HMAC-SHA256, a credential without its five parts,
// no SignedHeaders or Signature, no or unreadable X-Amz-Date, a bad X-Amz-Expires, both forms).
Result<Signature> ParseSignature(const Request& request);

// Checks a parsed signature with the secret of its access key at `now_ms` (Unix epoch ms).
// Errors: kRequestExpired when the request time is more than 15 minutes from now, or a
// presigned URL's X-Amz-Expires has passed; kSignatureDoesNotMatch when the scope date is not
// the date of X-Amz-Date, host (or, in the header form, x-amz-date) is not among the signed
// headers, a signed header is absent, x-amz-content-sha256 is UNSIGNED-PAYLOAD or not the body's
// hash, or the signature differs.
Status Verify(const Request& request, const Signature& signature, std::string_view secret,
              std::int64_t now_ms);

// What a client sends, for SignRequest and Presign.
struct Outgoing {
  std::string method = "POST";
  std::string host;        // the Host header the client will send, "127.0.0.1:4566"
  std::string path = "/";  // as it will be sent (already %-encoded where needed)
  std::string query;       // raw query string, may be empty
  std::string body;
  std::vector<Header> headers;  // further headers to sign, such as Content-Type
  std::string access_key_id;
  std::string secret_access_key;
  std::string region;
  std::string service = "ec2";
  std::int64_t time_ms = 0;  // signing time, ms since the Unix epoch
};

// Signs with the header form: returns the headers to add to the request (X-Amz-Date and
// Authorization). Host, X-Amz-Date and every header in `request.headers` are signed.
std::vector<Header> SignRequest(const Outgoing& request);

// Signs with the query form: returns the whole query string to send (the request's own query
// followed by the X-Amz-* parameters, X-Amz-Signature last). Only Host is signed; the payload
// hash is that of `request.body`, as botocore presigns non-S3 requests (the body is empty).
std::string Presign(const Outgoing& request, std::int64_t expires_seconds);

// Constant-time comparison for signatures, secrets and tokens: the time taken does not tell
// how many leading characters matched (only whether the lengths differ).
bool SameSecret(std::string_view a, std::string_view b);

// The building blocks, exposed for tests.

// Lower-case hex SHA-256 of `data`.
std::string HexSha256(std::string_view data);
// The signing key: HMAC chain over "AWS4"+secret, date, region, service, "aws4_request"
// (32 raw bytes).
std::string SigningKey(std::string_view secret, std::string_view date, std::string_view region,
                       std::string_view service);
// Lower-case hex HMAC-SHA256 of `data` under the raw `key`.
std::string HexHmacSha256(std::string_view key, std::string_view data);
// URI-encodes every byte but A-Z a-z 0-9 - _ . ~ (and '/' when keep_slash), as %XX upper-case.
std::string UriEncode(std::string_view text, bool keep_slash);
// The canonical request of `request` for the given signed headers and payload hash. Error:
// kSignatureDoesNotMatch when a signed header is not in the request.
Result<std::string> CanonicalRequest(const Request& request,
                                     const std::vector<std::string>& signed_headers,
                                     std::string_view payload_hash);
// "AWS4-HMAC-SHA256\n" + amz_date + "\n" + scope + "\n" + hex SHA-256 of the canonical request.
std::string StringToSign(std::string_view amz_date, std::string_view scope,
                         std::string_view canonical_request);
// "20150830T123600Z" for a time in ms since the Unix epoch.
std::string FormatAmzDate(std::int64_t time_ms);

}  // namespace ec2sim::server::sigv4

#endif  // EC2SIM_SERVER_SIGV4_H_
