#include "sim/scenario/transcript_text.h"

#include <string_view>

#include "sim/engine/terminal_text.h"
#include "sim/scenario/facts.h"

namespace ec2sim::scenario {
namespace {

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  while (true) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  // A final line break ends the last line; it does not start an empty one.
  if (lines.size() > 1 && lines.back().empty()) lines.pop_back();
  return lines;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t CountChars(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += IsContinuationByte(c) ? 0 : 1;
  return n;
}

// The first `chars` characters of `text`, never splitting a UTF-8 sequence.
std::string_view FirstChars(std::string_view text, size_t chars) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsContinuationByte(text[i])) continue;
    if (seen++ == chars) return text.substr(0, i);
  }
  return text;
}

}  // namespace

std::vector<std::string> SavedValueLines(const SavedValue& saved, bool verbose) {
  const nlohmann::json& value = saved.value;
  std::vector<std::string> lines = value.is_string()
                                       ? SplitLines(value.get_ref<const std::string&>())
                                       : std::vector<std::string>{TerminalSafeJson(value, -1)};
  std::string head = engine::ForTerminal(saved.name) + " = ";
  auto escape = [&value](std::string_view line) {
    return value.is_string() ? engine::ForTerminal(line) : std::string(line);
  };
  if (verbose) {
    std::vector<std::string> out;
    for (size_t i = 0; i < lines.size(); ++i) {
      out.push_back((i == 0 ? head : std::string(head.size(), ' ')) + escape(lines[i]));
    }
    return out;
  }
  std::string first = lines.front();
  std::string more;
  if (lines.size() > 1) more = " ... (" + std::to_string(lines.size()) + " lines)";
  if (CountChars(first) > kMaxShownValueChars) {
    if (more.empty()) more = " ... (" + std::to_string(CountChars(first)) + " characters)";
    first = FirstChars(first, kMaxShownValueChars);
  }
  return {head + escape(first) + more};
}

std::string TerminalSafeJson(const nlohmann::json& value, int indent) {
  std::string text = value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    unsigned code = 0;
    if (c == 0x7f) {
      code = 0x7f;
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xa0) {
      code = static_cast<unsigned char>(text[++i]);  // U+0080..U+009F, encoded C2 80..C2 9F
    } else {
      out += text[i];
      continue;
    }
    // Only string contents can hold these, so the escape keeps the JSON valid.
    out += "\\u00";
    out += kHex[code >> 4];
    out += kHex[code & 0xf];
  }
  return out;
}

std::vector<std::string> StepDetailLines(const StepOutcome& step, TranscriptDetail detail) {
  std::vector<std::string> out;
  if (detail == TranscriptDetail::kQuiet || step.status == StepStatus::kNotRun) return out;
  if (!step.error.has_value() && !step.result.is_null()) {
    std::string_view name = step.verb == StepVerb::kCall ? step.action : VerbName(step.verb);
    for (const std::string& fact : KeyFacts(name, step.result)) {
      out.push_back(engine::ForTerminal(fact));
    }
  }
  bool verbose = detail == TranscriptDetail::kVerbose;
  for (const SavedValue& saved : step.saved) {
    for (std::string& line : SavedValueLines(saved, verbose)) out.push_back(std::move(line));
  }
  if (verbose && !step.result.is_null()) {
    for (std::string& line : SplitLines(TerminalSafeJson(step.result, 2))) {
      out.push_back(std::move(line));
    }
  }
  return out;
}

}  // namespace ec2sim::scenario
