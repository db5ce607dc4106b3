// Text from a request (an access key, an action name, a path) made safe to print on a
// terminal or in a one-line-per-request log: nothing in it can move the cursor, change colours,
// start a new line or forge another line.
#ifndef EC2SIM_ENGINE_TERMINAL_TEXT_H_
#define EC2SIM_ENGINE_TERMINAL_TEXT_H_

#include <string>
#include <string_view>

namespace ec2sim::engine {

// `text` with every control character (C0, DEL and the C1 range U+0080-U+009F, which some
// terminals obey as escape sequences), every byte that is not part of well-formed UTF-8 and
// the backslash (so an escape cannot be faked) written as \xNN in upper-case hex. Printable
// UTF-8 (Korean included) passes unchanged.
std::string ForTerminal(std::string_view text);

// ForTerminal, and a space written as \x20 too: one field of a space-separated log line
// (the server's request log) stays one field whatever the request put in it.
std::string ForLogField(std::string_view text);

}  // namespace ec2sim::engine

#endif  // EC2SIM_ENGINE_TERMINAL_TEXT_H_
