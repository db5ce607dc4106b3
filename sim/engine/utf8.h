// UTF-8 well-formedness (RFC 3629), for the parsers and printers that must never pass on
// bytes a JSON serializer or a terminal would choke on.
#ifndef EC2SIM_ENGINE_UTF8_H_
#define EC2SIM_ENGINE_UTF8_H_

#include <cstddef>
#include <string_view>

namespace ec2sim::engine {

// The length (1-4) of the well-formed UTF-8 sequence at the start of `text`, or 0 when it does
// not start with one (an empty text, a stray continuation byte, an overlong form, a surrogate,
// a value above U+10FFFF, a sequence cut short).
std::size_t Utf8SequenceLength(std::string_view text);

// True when all of `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

}  // namespace ec2sim::engine

#endif  // EC2SIM_ENGINE_UTF8_H_
