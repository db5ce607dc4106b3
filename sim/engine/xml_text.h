// Escaping text for XML 1.0 documents: the EC2 Query API's responses (sim/wire) and SVG pictures
// (sim/report) both write through this one function.
#ifndef EC2SIM_ENGINE_XML_TEXT_H_
#define EC2SIM_ENGINE_XML_TEXT_H_

#include <array>
#include <string>
#include <string_view>

namespace ec2sim::engine {

// Whether an apostrophe is written as &apos;. Text inside double-quoted attributes and elements
// is safe without it; EC2's own responses leave apostrophes as they are ("The instance ID
// 'i-1' does not exist"), so the wire keeps them for byte-level fidelity.
enum class XmlApostrophe { kKeep, kEscape };

namespace xml_internal {

// Bytes that cannot be copied into XML text unchanged: &, <, >, ", ', and the control
// characters other than tab and newline.
inline constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = c != '\n' && c != '\t';
  for (unsigned char c : std::string_view("&<>\"'")) t[c] = true;
  return t;
}();

}  // namespace xml_internal

// Appends `text` to `out`, safe for element content and for attribute values: & < > " become
// entities, ' too with XmlApostrophe::kEscape, a carriage return becomes &#13; (so parsers do not
// normalise it to a newline), other control characters but tab and newline are dropped (XML 1.0
// cannot carry them, even as references). Bytes >= 0x80 pass through: documents are UTF-8.
inline void AppendXmlEscaped(std::string& out, std::string_view text,
                             XmlApostrophe apostrophe = XmlApostrophe::kKeep) {
  std::size_t start = 0;  // the first byte not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!xml_internal::kSpecial[c]) continue;
    if (c == '\'' && apostrophe == XmlApostrophe::kKeep) continue;
    out.append(text.data() + start, i - start);
    start = i + 1;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:  // another control character: dropped
        break;
    }
  }
  out.append(text.data() + start, text.size() - start);
}

}  // namespace ec2sim::engine

#endif  // EC2SIM_ENGINE_XML_TEXT_H_
