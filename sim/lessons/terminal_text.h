// Lesson text (a small Markdown subset) laid out for a terminal of a given width.
#ifndef EC2SIM_SIM_LESSONS_TERMINAL_TEXT_H_
#define EC2SIM_SIM_LESSONS_TERMINAL_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace ec2sim::lessons {

// Renders Markdown for reading in a terminal `width` columns wide:
//   - paragraphs are joined and re-wrapped (UTF-8 aware, see text_width.h);
//   - "# " and "## " headings are underlined with '=' and '-', deeper ones kept as text;
//   - "- ", "* " and "1. " list items wrap with a hanging indent, nested by their indentation;
//   - "> " quotes wrap behind "| ";
//   - fenced code blocks (```) and table rows ("|...") are printed as written (tables without
//     their inline markup), indented, never wrapped, because their layout carries meaning;
//   - **bold** markers are dropped and [text](url) becomes "text <url>".
// Blocks are separated by one blank line; the result ends with a newline.
std::string RenderForTerminal(std::string_view markdown, std::size_t width);

// The Markdown inline markup of one line removed as RenderForTerminal removes it.
std::string PlainInline(std::string_view text);

}  // namespace ec2sim::lessons

#endif  // EC2SIM_SIM_LESSONS_TERMINAL_TEXT_H_
