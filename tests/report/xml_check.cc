#include "tests/report/xml_check.h"

#include <cctype>
#include <set>
#include <vector>

namespace ec2sim::testing {
namespace {

bool NameStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':';
}
bool NameChar(char c) {
  return NameStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.';
}

class Checker {
 public:
  explicit Checker(std::string_view s) : s_(s) {}

  std::string Run() {
    if (s_.substr(0, 5) == "<?xml") {
      std::size_t end = s_.find("?>");
      if (end == std::string_view::npos) return Fail("unterminated XML declaration");
      i_ = end + 2;
    }
    bool seen_root = false;
    std::vector<std::string> open;
    while (i_ < s_.size()) {
      if (s_[i_] != '<') {
        if (open.empty() && !std::isspace(static_cast<unsigned char>(s_[i_]))) {
          return Fail("text outside the root element");
        }
        if (auto e = Text(); !e.empty()) return e;
        continue;
      }
      if (s_.substr(i_, 4) == "<!--") {
        std::size_t end = s_.find("--", i_ + 4);
        if (end == std::string_view::npos || s_.substr(end, 3) != "-->") {
          return Fail("'--' inside a comment or unterminated comment");
        }
        i_ = end + 3;
        continue;
      }
      if (s_.substr(i_, 2) == "</") {
        i_ += 2;
        std::string name = Name();
        if (name.empty()) return Fail("missing end-tag name");
        SkipSpace();
        if (i_ >= s_.size() || s_[i_] != '>') return Fail("bad end tag");
        ++i_;
        if (open.empty() || open.back() != name) return Fail("mismatched end tag </" + name + ">");
        open.pop_back();
        continue;
      }
      ++i_;
      std::string name = Name();
      if (name.empty()) return Fail("bad start tag");
      if (open.empty()) {
        if (seen_root) return Fail("second root element");
        seen_root = true;
      }
      std::set<std::string> attrs;
      for (;;) {
        bool space = SkipSpace();
        if (i_ >= s_.size()) return Fail("unterminated tag");
        if (s_.substr(i_, 2) == "/>") {
          i_ += 2;
          break;
        }
        if (s_[i_] == '>') {
          ++i_;
          open.push_back(name);
          break;
        }
        if (!space) return Fail("attributes must be separated by space");
        std::string attr = Name();
        if (attr.empty()) return Fail("bad attribute name");
        if (!attrs.insert(attr).second) return Fail("duplicate attribute " + attr);
        SkipSpace();
        if (i_ >= s_.size() || s_[i_] != '=') return Fail("attribute without '='");
        ++i_;
        SkipSpace();
        if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) return Fail("unquoted value");
        char q = s_[i_++];
        while (i_ < s_.size() && s_[i_] != q) {
          if (s_[i_] == '<') return Fail("'<' in attribute value");
          if (s_[i_] == '&') {
            if (auto e = Entity(); !e.empty()) return e;
          } else {
            ++i_;
          }
        }
        if (i_ >= s_.size()) return Fail("unterminated attribute value");
        ++i_;
      }
    }
    if (!open.empty()) return Fail("unclosed element <" + open.back() + ">");
    if (!seen_root) return Fail("no root element");
    return "";
  }

 private:
  std::string Fail(const std::string& why) { return "offset " + std::to_string(i_) + ": " + why; }

  bool SkipSpace() {
    bool any = false;
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) {
      ++i_;
      any = true;
    }
    return any;
  }

  std::string Name() {
    std::size_t start = i_;
    if (i_ < s_.size() && NameStart(s_[i_])) {
      while (i_ < s_.size() && NameChar(s_[i_])) ++i_;
    }
    return std::string(s_.substr(start, i_ - start));
  }

  std::string Entity() {
    std::size_t end = s_.find(';', i_);
    if (end == std::string_view::npos) return Fail("unterminated entity");
    std::string_view e = s_.substr(i_ + 1, end - i_ - 1);
    bool ok = e == "amp" || e == "lt" || e == "gt" || e == "quot" || e == "apos";
    if (!ok && e.size() >= 2 && e[0] == '#') {
      ok = true;
      bool hex = e[1] == 'x';
      for (std::size_t k = hex ? 2 : 1; k < e.size(); ++k) {
        ok = ok && (hex ? std::isxdigit(static_cast<unsigned char>(e[k]))
                        : std::isdigit(static_cast<unsigned char>(e[k])));
      }
    }
    if (!ok) return Fail("unknown entity &" + std::string(e) + ";");
    i_ = end + 1;
    return "";
  }

  std::string Text() {
    while (i_ < s_.size() && s_[i_] != '<') {
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return Fail("control character");
      if (s_[i_] == '&') {
        if (auto e = Entity(); !e.empty()) return e;
      } else if (s_[i_] == '>' && i_ >= 2 && s_.substr(i_ - 2, 3) == "]]>") {
        return Fail("']]>' in text");
      } else {
        ++i_;
      }
    }
    return "";
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::string XmlWellFormednessError(std::string_view xml) { return Checker(xml).Run(); }

int CountElements(std::string_view xml, std::string_view name) {
  int n = 0;
  std::string open = "<" + std::string(name);
  for (std::size_t at = xml.find(open); at != std::string_view::npos; at = xml.find(open, at + 1)) {
    char next = at + open.size() < xml.size() ? xml[at + open.size()] : '\0';
    if (next == ' ' || next == '>' || next == '/' || next == '\n') ++n;
  }
  return n;
}

}  // namespace ec2sim::testing
