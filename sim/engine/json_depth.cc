#include "sim/engine/json_depth.h"

namespace ec2sim::engine {

std::optional<JsonTooDeep> FindJsonTooDeep(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      // A backslash escapes exactly one character; \uXXXX's hex digits are never '"' or '\'.
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        return JsonTooDeep{i, "JSON nested deeper than " + std::to_string(max_depth) + " levels"};
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;  // an unmatched closer is the parser's error to report
    }
  }
  return std::nullopt;
}

}  // namespace ec2sim::engine
