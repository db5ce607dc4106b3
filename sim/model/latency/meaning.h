// What a round-trip time means to a person: how long a secure web request, a web page and an
// SSH keystroke take at that RTT. Server and transfer time are ignored: these are the waits the
// distance alone imposes.
#ifndef EC2SIM_MODEL_LATENCY_MEANING_H_
#define EC2SIM_MODEL_LATENCY_MEANING_H_

#include <cstdint>
#include <string>

namespace ec2sim::latency {

// Requests in the default web page: a page whose resources are discovered one after another.
inline constexpr int kDefaultPageRequests = 10;

struct Meaning {
  // First byte of an HTTPS response on a new connection: TCP handshake, TLS 1.3 handshake and
  // the request itself, one round trip each.
  std::int64_t https_first_byte_micros = 0;
  // A page of `page_requests` sequential requests on one kept-alive connection: the first
  // costs three round trips, every later one a single round trip.
  int page_requests = kDefaultPageRequests;
  std::int64_t page_micros = 0;
  // A keystroke over SSH travels to the server and its echo comes back: one round trip.
  std::int64_t ssh_echo_micros = 0;
  // One sentence for people, e.g. "HTTPS first byte 0.55 s; a 10-request page 2.2 s; SSH
  // echo 183 ms (a noticeable delay)".
  std::string summary;
};

// Precondition: rtt_micros >= 0, page_requests >= 1.
Meaning Explain(std::int64_t rtt_micros, int page_requests = kDefaultPageRequests);

// How a wait feels, after Nielsen's response-time limits: "instant" up to 0.1 s, "a noticeable
// delay" up to 1 s, "breaks the flow of work" up to 10 s, "loses attention" beyond.
std::string FeelOf(std::int64_t micros);

// Milliseconds with one decimal ("182.6 ms") below 1 s, seconds with two decimals ("2.19 s")
// from 1 s. Integer arithmetic, so the text is the same on every platform.
std::string FormatWait(std::int64_t micros);

}  // namespace ec2sim::latency

#endif  // EC2SIM_MODEL_LATENCY_MEANING_H_
