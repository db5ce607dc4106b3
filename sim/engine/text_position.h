// Where in a text file a parser stopped, for messages of the form "FILE:LINE:COLUMN: REASON".
// One rule for every file the simulator reads (scenarios, load profiles, users files): lines and
// columns are 1-based and columns count characters, so a UTF-8 letter is one column.
#ifndef EC2SIM_ENGINE_TEXT_POSITION_H_
#define EC2SIM_ENGINE_TEXT_POSITION_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace ec2sim::engine {

struct TextPosition {
  int line = 1;
  int column = 1;
};

// The position of the byte at 0-based `offset` (clamped to the end of `text`).
TextPosition PositionOfOffset(std::string_view text, std::size_t offset);

// The position of a JSON parse error, given the 1-based index of the last byte the parser read
// (what nlohmann's parse_error::byte reports; 0 means nothing was read).
TextPosition PositionOfParseError(std::string_view text, std::size_t last_byte_read);

// The reason part of a JSON parser's error message, without its "[json.exception...] parse
// error at line L, column C: " prefix (the line and column it counts are bytes; callers compute
// their own with the functions above). A message without that shape comes back whole.
std::string ParseErrorReason(std::string_view what);

}  // namespace ec2sim::engine

#endif  // EC2SIM_ENGINE_TEXT_POSITION_H_
