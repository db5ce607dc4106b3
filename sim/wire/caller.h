// Who is calling and where, from a request's signature: the region comes from the SigV4
// credential scope, the account from the access key id. ec2sim checks no signatures; the key id
// only keeps users apart.
#ifndef EC2SIM_WIRE_CALLER_H_
#define EC2SIM_WIRE_CALLER_H_

#include <optional>
#include <string>
#include <string_view>

namespace ec2sim::wire {

// The parts of a SigV4 credential "AKID/20260101/ap-northeast-2/ec2/aws4_request".
struct Credential {
  std::string access_key_id;
  std::string date;
  std::string region;
  std::string service;
};

// Reads the credential of an Authorization header ("AWS4-HMAC-SHA256 Credential=AKID/20260101/
// ap-northeast-2/ec2/aws4_request, SignedHeaders=..., Signature=...") or of a presigned URL's
// X-Amz-Credential value (the part after "Credential="). nullopt when there is none or it does
// not have the five parts.
std::optional<Credential> ParseCredential(std::string_view text);

// True for an access key id ec2sim accepts: 1 to 128 characters of A-Z a-z 0-9 _ . -. AWS's
// own ids match [\w]+ of 16 to 128 characters (IAM API Reference, AccessKey.AccessKeyId);
// shorter ones are allowed so a class can use keys such as "alice". Everything that names a
// key (the users file, a signature's credential, the admin routes' access_key) uses this one
// rule, so no key can carry bytes that a journal, a log or a terminal would mangle.
bool IsWellFormedAccessKey(std::string_view access_key_id);

// True for a credential scope's region that could name a region: 1 to 64 characters of a-z 0-9
// and '-'. Anything else is refused before it can reach a log, a journal or a lookup.
bool IsWellFormedRegionName(std::string_view region);

// The 12-digit account an access key id stands for: a key id that is 12 digits is that account;
// any other key id maps to FNV-1a-64(key id) mod 10^12, zero-padded to 12 digits, so the same key
// always reaches the same account and different keys practically never share one.
std::string AccountForAccessKey(std::string_view access_key_id);

}  // namespace ec2sim::wire

#endif  // EC2SIM_WIRE_CALLER_H_
