// Terminal text layout for lessons: the display width of UTF-8 text (Hangul, CJK and other
// East Asian wide characters take two columns, combining marks none) and word wrapping by width.
#ifndef EC2SIM_SIM_LESSONS_TEXT_WIDTH_H_
#define EC2SIM_SIM_LESSONS_TEXT_WIDTH_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ec2sim::lessons {

// Columns a code point takes in a terminal: 0 for combining marks and zero-width characters,
// 2 for East Asian wide and fullwidth characters (Hangul syllables and jamo, CJK, kana,
// fullwidth forms, most emoji), 1 otherwise.
int CodePointWidth(char32_t cp);

// Columns `text` takes. Invalid UTF-8 bytes count one column each.
std::size_t DisplayWidth(std::string_view text);

// Splits `text` into lines of at most `width` columns (width < 1 is treated as 1). Lines break
// at spaces, which are dropped at the break; a word wider than a line is broken between code
// points. Existing line breaks are kept. `first_indent` is prepended to the first line and
// `rest_indent` to the others; both count towards the width. Never splits a UTF-8 sequence.
std::vector<std::string> WrapText(std::string_view text, std::size_t width,
                                  std::string_view first_indent = "",
                                  std::string_view rest_indent = "");

// `text` padded with spaces on the right to `width` columns (unchanged when already wider).
std::string PadToWidth(std::string_view text, std::size_t width);

}  // namespace ec2sim::lessons

#endif  // EC2SIM_SIM_LESSONS_TEXT_WIDTH_H_
