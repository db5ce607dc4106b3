// The canonical request, hashing and signing. Reading and verifying are in sigv4.cc.
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdio>

#include "ec2sim/sim_time.h"
#include "sim/engine/ascii.h"
#include "sim/server/sigv4.h"
#include "sim/server/sigv4_internal.h"

namespace ec2sim::server::sigv4 {
namespace {

using namespace internal;

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Trims and collapses inner runs of whitespace to one space, as botocore's canonical headers.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool gap = false;
  for (char c : Trim(s)) {
    if (IsSpace(c)) {
      gap = true;
      continue;
    }
    if (gap) out.push_back(' ');
    gap = false;
    out.push_back(c);
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %-decodes as the server's form decoder does (wire::ParseFormUrlEncoded), '+' meaning a space,
// so the values signed are the values the action runs with: a presigned URL whose "%2B" was
// rewritten to "+" no longer verifies (its canonical form says %20 where the signer said %2B).
// SigV4 signers encode a space as %20 and '+' as %2B, so they never send a bare '+'. A '%'
// without two hex digits is kept as it is, so any byte string has a canonical form.
std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 &&
               HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Removes "." and ".." segments and empty segments (repeated slashes), keeping a leading and a
// trailing slash, as botocore's normalize_url_path does before encoding.
std::string NormalizePath(std::string_view path) {
  if (path.empty()) return "/";
  std::vector<std::string_view> out;
  std::string_view rest = path;
  while (true) {
    std::size_t slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
    } else if (!seg.empty() && seg != ".") {
      out.push_back(seg);
    }
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
  }
  std::string result = path.front() == '/' ? "/" : "";
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i > 0) result += '/';
    result += out[i];
  }
  if (path.back() == '/' && !out.empty()) result += '/';
  return result;
}

std::string ToHex(const unsigned char* data, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = kDigits[data[i] >> 4];
    out[2 * i + 1] = kDigits[data[i] & 0xf];
  }
  return out;
}

// Raw 32-byte HMAC-SHA256. The EVP_MAC is fetched once; a context is cheap.
std::string HmacSha256(std::string_view key, std::string_view data) {
  static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  assert(mac != nullptr);
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
  char digest_name[] = "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                         OSSL_PARAM_construct_end()};
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  std::size_t len = 0;
  bool ok =
      ctx != nullptr &&
      EVP_MAC_init(ctx, reinterpret_cast<const unsigned char*>(key.data()), key.size(), params) ==
          1 &&
      EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1 &&
      EVP_MAC_final(ctx, out.data(), &len, out.size()) == 1;
  EVP_MAC_CTX_free(ctx);
  assert(ok && len == 32);
  (void)ok;
  return std::string(reinterpret_cast<const char*>(out.data()), len);
}

}  // namespace

namespace internal {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The decoded key/value pairs of a raw query string; empty pieces are skipped.
Pairs SplitQuery(std::string_view query) {
  Pairs pairs;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view piece = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (piece.empty()) continue;
    std::size_t eq = piece.find('=');
    std::string_view key = piece.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? "" : piece.substr(eq + 1);
    pairs.emplace_back(PercentDecode(key), PercentDecode(value));
  }
  return pairs;
}

const std::string* FindPair(const Pairs& pairs, std::string_view key) {
  for (const auto& [k, v] : pairs) {
    if (k == key) return &v;
  }
  return nullptr;
}

// The values of every header named `name` (any case), in the order received.
std::vector<std::string_view> HeaderValues(const Request& request, std::string_view name) {
  std::vector<std::string_view> values;
  if (request.headers == nullptr) return values;
  for (const auto& [n, v] : *request.headers) {
    if (IEquals(n, name)) values.push_back(v);
  }
  return values;
}

}  // namespace internal

std::string HexSha256(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  int ok = EVP_Digest(data.data(), data.size(), md.data(), &len, EVP_sha256(), nullptr);
  assert(ok == 1 && len == 32);
  (void)ok;
  return ToHex(md.data(), len);
}

std::string HexHmacSha256(std::string_view key, std::string_view data) {
  std::string mac = HmacSha256(key, data);
  return ToHex(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
}

std::string SigningKey(std::string_view secret, std::string_view date, std::string_view region,
                       std::string_view service) {
  std::string k = HmacSha256("AWS4" + std::string(secret), date);
  k = HmacSha256(k, region);
  k = HmacSha256(k, service);
  return HmacSha256(k, kTerminator);
}

std::string UriEncode(std::string_view text, bool keep_slash) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~' || (keep_slash && c == '/');
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kDigits[c >> 4]);
      out.push_back(kDigits[c & 0xf]);
    }
  }
  return out;
}

Result<std::string> CanonicalRequest(const Request& request,
                                     const std::vector<std::string>& signed_headers,
                                     std::string_view payload_hash) {
  std::string out(request.method);
  out += '\n';
  out += UriEncode(NormalizePath(request.path), /*keep_slash=*/true);
  out += '\n';
  std::vector<std::pair<std::string, std::string>> encoded;
  for (const auto& [k, v] : SplitQuery(request.query)) {
    if (k == "X-Amz-Signature") continue;  // the query form's signature signs everything else
    encoded.emplace_back(UriEncode(k, false), UriEncode(v, false));
  }
  std::sort(encoded.begin(), encoded.end());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (i > 0) out += '&';
    out += encoded[i].first;
    out += '=';
    out += encoded[i].second;
  }
  out += '\n';
  std::string names;
  for (const std::string& name : signed_headers) {
    std::vector<std::string_view> values = HeaderValues(request, name);
    if (values.empty()) {
      return MakeError(ErrorCode::kSignatureDoesNotMatch,
                       "The header '" + name + "' is in SignedHeaders but not in the request");
    }
    out += name;
    out += ':';
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out += ',';
      out += CollapseSpaces(values[i]);
    }
    out += '\n';
    if (!names.empty()) names += ';';
    names += name;
  }
  out += '\n';
  out += names;
  out += '\n';
  out += payload_hash;
  return out;
}

std::string StringToSign(std::string_view amz_date, std::string_view scope,
                         std::string_view canonical_request) {
  return std::string(kAlgorithm) + "\n" + std::string(amz_date) + "\n" + std::string(scope) + "\n" +
         HexSha256(canonical_request);
}

std::string FormatAmzDate(std::int64_t time_ms) {
  CivilDate d = ToCivil(time_ms);
  std::int64_t in_day = ((time_ms % kDay) + kDay) % kDay / kSecond;
  char text[32];
  std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d%02dZ", d.year, d.month, d.day,
                static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60),
                static_cast<int>(in_day % 60));
  return text;
}

std::vector<Header> SignRequest(const Outgoing& out) {
  std::string amz_date = FormatAmzDate(out.time_ms);
  std::vector<Header> headers = {{"host", out.host}, {"x-amz-date", amz_date}};
  for (const auto& [name, value] : out.headers)
    headers.emplace_back(engine::AsciiLower(name), value);
  std::vector<std::string> names;
  for (const auto& h : headers) names.push_back(h.first);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  Request view{out.method, out.path, out.query, out.body, &headers};
  std::string date = amz_date.substr(0, 8);
  std::string scope = date + "/" + out.region + "/" + out.service + "/" + std::string(kTerminator);
  Result<std::string> canonical = CanonicalRequest(view, names, HexSha256(out.body));
  assert(canonical.ok());  // every name comes from `headers`
  std::string signature =
      HexHmacSha256(SigningKey(out.secret_access_key, date, out.region, out.service),
                    StringToSign(amz_date, scope, *canonical));
  std::string signed_names;
  for (const std::string& n : names) signed_names += (signed_names.empty() ? "" : ";") + n;
  return {
      {"X-Amz-Date", amz_date},
      {"Authorization", std::string(kAlgorithm) + " Credential=" + out.access_key_id + "/" + scope +
                            ", SignedHeaders=" + signed_names + ", Signature=" + signature}};
}

std::string Presign(const Outgoing& out, std::int64_t expires_seconds) {
  std::string amz_date = FormatAmzDate(out.time_ms);
  std::string date = amz_date.substr(0, 8);
  std::string scope = date + "/" + out.region + "/" + out.service + "/" + std::string(kTerminator);
  std::string query = out.query.empty() ? "" : out.query + "&";
  query += "X-Amz-Algorithm=" + std::string(kAlgorithm) +
           "&X-Amz-Credential=" + UriEncode(out.access_key_id + "/" + scope, false) +
           "&X-Amz-Date=" + amz_date + "&X-Amz-Expires=" + std::to_string(expires_seconds) +
           "&X-Amz-SignedHeaders=host";
  std::vector<Header> headers = {{"host", out.host}};
  Request view{out.method, out.path, query, out.body, &headers};
  Result<std::string> canonical = CanonicalRequest(view, {"host"}, HexSha256(out.body));
  assert(canonical.ok());
  std::string signature =
      HexHmacSha256(SigningKey(out.secret_access_key, date, out.region, out.service),
                    StringToSign(amz_date, scope, *canonical));
  return query + "&X-Amz-Signature=" + signature;
}

}  // namespace ec2sim::server::sigv4
