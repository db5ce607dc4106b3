#include "sim/engine/text_position.h"

#include <algorithm>

namespace ec2sim::engine {

TextPosition PositionOfOffset(std::string_view text, std::size_t offset) {
  TextPosition pos;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++pos.column;  // UTF-8 continuation bytes belong to the character before them
    }
  }
  return pos;
}

TextPosition PositionOfParseError(std::string_view text, std::size_t last_byte_read) {
  return PositionOfOffset(text, last_byte_read == 0 ? 0 : last_byte_read - 1);
}

std::string ParseErrorReason(std::string_view what) {
  std::size_t column = what.find("column ");
  if (column != std::string_view::npos) {
    std::size_t colon = what.find(": ", column);
    if (colon != std::string_view::npos) return std::string(what.substr(colon + 2));
  }
  std::size_t bracket = what.find("] ");
  return std::string(bracket == std::string_view::npos ? what : what.substr(bracket + 2));
}

}  // namespace ec2sim::engine
