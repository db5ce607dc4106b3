#include "sim/model/latency/meaning.h"

#include <cassert>

namespace ec2sim::latency {
namespace {

// `value` / 10^decimals with exactly `decimals` digits after the point, rounded half up.
std::string Fixed(std::int64_t value, std::int64_t scale_down, int decimals) {
  std::int64_t unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  std::int64_t rounded = (value + scale_down / 2) / scale_down;
  std::string out = std::to_string(rounded / unit);
  if (decimals > 0) {
    std::string frac = std::to_string(rounded % unit);
    while (frac.size() < static_cast<size_t>(decimals)) frac.insert(frac.begin(), '0');
    out += '.';
    out += frac;
  }
  return out;
}

}  // namespace

std::string FormatWait(std::int64_t micros) {
  if (micros < 999950) return Fixed(micros, 100, 1) + " ms";  // tenths of a millisecond
  return Fixed(micros, 10000, 2) + " s";                      // hundredths of a second
}

std::string FeelOf(std::int64_t micros) {
  if (micros <= 100000) return "instant";
  if (micros <= 1000000) return "a noticeable delay";
  if (micros <= 10000000) return "breaks the flow of work";
  return "loses attention";
}

Meaning Explain(std::int64_t rtt_micros, int page_requests) {
  assert(rtt_micros >= 0 && page_requests >= 1);
  Meaning m;
  m.https_first_byte_micros = 3 * rtt_micros;
  m.page_requests = page_requests;
  m.page_micros = (page_requests + 2) * rtt_micros;
  m.ssh_echo_micros = rtt_micros;
  m.summary = "HTTPS first byte " + FormatWait(m.https_first_byte_micros) + "; a " +
              std::to_string(page_requests) + "-request page " + FormatWait(m.page_micros) +
              "; SSH keystroke echo " + FormatWait(m.ssh_echo_micros) + " (" +
              FeelOf(m.ssh_echo_micros) + ")";
  return m;
}

}  // namespace ec2sim::latency
