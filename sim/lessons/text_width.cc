#include "sim/lessons/text_width.h"

#include <algorithm>
#include <array>
#include <utility>

namespace ec2sim::lessons {
namespace {

using Range = std::pair<char32_t, char32_t>;

// Combining marks and invisible characters (a practical subset of Unicode's Mn/Me/Cf).
constexpr std::array<Range, 10> kZeroWidth = {{
    {0x0300, 0x036F},  // combining diacritical marks
    {0x0483, 0x0489},  // Cyrillic combining marks
    {0x1160, 0x11FF},  // Hangul medial vowels and final consonants (join the initial)
    {0x200B, 0x200F},  // zero-width space, joiners, direction marks
    {0x202A, 0x202E},  // direction embeddings
    {0x20D0, 0x20FF},  // combining marks for symbols
    {0xD7B0, 0xD7FF},  // Hangul jamo extended-B (combining)
    {0xFE00, 0xFE0F},  // variation selectors
    {0xFE20, 0xFE2F},  // combining half marks
    {0xFEFF, 0xFEFF},  // byte order mark
}};

// East Asian Wide and Fullwidth blocks, plus the emoji blocks terminals draw two columns wide.
constexpr std::array<Range, 22> kWide = {{
    {0x1100, 0x115F},    // Hangul initial consonants
    {0x231A, 0x231B},    // watch, hourglass
    {0x2329, 0x232A},    // angle brackets
    {0x23E9, 0x23F3},    // media symbols
    {0x2614, 0x2615},    // umbrella, hot beverage
    {0x2705, 0x2705},    // check mark button
    {0x274C, 0x274C},    // cross mark
    {0x2B50, 0x2B50},    // star
    {0x2E80, 0x303E},    // CJK radicals, punctuation
    {0x3041, 0x33FF},    // kana, Hangul compatibility jamo, CJK symbols
    {0x3400, 0x4DBF},    // CJK extension A
    {0x4E00, 0x9FFF},    // CJK unified ideographs
    {0xA000, 0xA4CF},    // Yi
    {0xA960, 0xA97F},    // Hangul jamo extended-A
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE30, 0xFE4F},    // CJK compatibility forms
    {0xFF00, 0xFF60},    // fullwidth forms
    {0xFFE0, 0xFFE6},    // fullwidth signs
    {0x1F300, 0x1F64F},  // pictographs, emoticons
    {0x1F900, 0x1F9FF},  // supplemental pictographs
    {0x20000, 0x3FFFD},  // CJK extensions B and later
}};

template <size_t N>
bool InRanges(const std::array<Range, N>& ranges, char32_t cp) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                             [](char32_t v, const Range& r) { return v < r.first; });
  return it != ranges.begin() && cp <= std::prev(it)->second;
}

// Decodes the code point at text[pos]; sets `len` to its byte length. A malformed sequence
// decodes as U+FFFD of length 1 so that callers always make progress.
char32_t Decode(std::string_view text, size_t pos, size_t& len) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  size_t need = lead < 0x80           ? 1
                : (lead >> 5) == 0x6  ? 2
                : (lead >> 4) == 0xE  ? 3
                : (lead >> 3) == 0x1E ? 4
                                      : 0;
  if (need == 0 || pos + need > text.size()) {
    len = 1;
    return lead < 0x80 ? lead : 0xFFFD;
  }
  char32_t cp = need == 1 ? lead : lead & (0x7F >> need);
  for (size_t i = 1; i < need; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) {
      len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  len = need;
  return cp;
}

// Appends `word` to `current`, breaking it between code points onto new lines of `lines` so
// that no line is wider than `width` (except a single code point wider than the line itself);
// the last, partial piece stays in `current`.
void BreakLongWord(std::string_view word, size_t width, std::string_view rest_indent,
                   std::vector<std::string>& lines, std::string& current, size_t& used) {
  size_t pos = 0;
  while (pos < word.size()) {
    size_t len = 0;
    char32_t cp = Decode(word, pos, len);
    auto w = static_cast<size_t>(CodePointWidth(cp));
    size_t indent = DisplayWidth(rest_indent);
    if (used + w > width && used > indent) {
      lines.push_back(std::move(current));
      current = std::string(rest_indent);
      used = indent;
    }
    current.append(word.substr(pos, len));
    used += w;
    pos += len;
  }
}

void WrapLine(std::string_view line, size_t width, std::string_view first_indent,
              std::string_view rest_indent, std::vector<std::string>& lines) {
  std::string current(first_indent);
  size_t used = DisplayWidth(first_indent);
  bool has_word = false;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t start = line.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) break;
    size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    std::string_view word = line.substr(start, end - start);
    pos = end;
    size_t w = DisplayWidth(word);
    if (has_word && used + 1 + w <= width) {
      current += ' ';
      current.append(word);
      used += 1 + w;
      continue;
    }
    if (has_word) {
      lines.push_back(std::move(current));
      current = std::string(rest_indent);
      used = DisplayWidth(rest_indent);
    }
    has_word = true;
    if (used + w <= width) {
      current.append(word);
      used += w;
    } else {
      BreakLongWord(word, width, rest_indent, lines, current, used);
    }
  }
  if (!has_word) {
    // Keep the indent's visible part (e.g. "> ") but no trailing spaces.
    current.erase(current.find_last_not_of(' ') + 1);
  }
  lines.push_back(std::move(current));
}

}  // namespace

int CodePointWidth(char32_t cp) {
  if (cp == 0) return 0;
  if (InRanges(kZeroWidth, cp)) return 0;
  if (InRanges(kWide, cp)) return 2;
  return 1;
}

std::size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t len = 0;
    width += static_cast<size_t>(CodePointWidth(Decode(text, pos, len)));
    pos += len;
  }
  return width;
}

std::vector<std::string> WrapText(std::string_view text, std::size_t width,
                                  std::string_view first_indent, std::string_view rest_indent) {
  width = std::max<size_t>(width, 1);
  std::vector<std::string> lines;
  size_t pos = 0;
  bool first = true;
  while (true) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
    WrapLine(line, width, first ? first_indent : rest_indent, rest_indent, lines);
    first = false;
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

std::string PadToWidth(std::string_view text, std::size_t width) {
  std::string out(text);
  size_t w = DisplayWidth(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

}  // namespace ec2sim::lessons
